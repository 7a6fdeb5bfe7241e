//! The fields of X.509 certificates and CRLs (RFC 5280), read in place with the DER walk.
//!
//! `x509-cert`'s derived decoders build an owned tree of every certificate and CRL, one monomorphised
//! decoder per type and reader (about a fifth of the WebAssembly module), and verification then re-encodes
//! names and keys to find their bytes. hocba needs a handful of fields and the exact bytes of the signed
//! parts, so it walks the structures here (decisions D-89): the `der` crate still reads every header and
//! every leaf (integers, OIDs, booleans, times, bit strings), with the same strictness as `x509-cert` —
//! version v1 to v3, serial numbers at most 21 bytes, DER booleans, no duplicate in an RDN, no trailing
//! bytes anywhere.

use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::asn1::{BitStringRef, IntRef, OctetStringRef};
use der::{Tag, TagNumber};

use super::algorithms::{AlgorithmError, SignatureScheme};
use super::der_view::{context, Tlv};
use crate::time::UnixTime;

/// `SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING }`: a certificate or a CRL.
pub(crate) struct Signed<'a> {
    /// The to-be-signed part, header included (the bytes the issuer signed).
    pub tbs: Tlv<'a>,
    /// The outer signatureAlgorithm, header included.
    pub algorithm: Tlv<'a>,
    /// The signature bits, `None` when they are not a whole number of bytes.
    pub signature: Option<&'a [u8]>,
}

impl<'a> Signed<'a> {
    /// Splits `der` (exactly one SEQUENCE) into its three parts.
    ///
    /// # Errors
    /// Malformed DER, a missing or extra part.
    pub fn parse(der: &'a [u8]) -> Result<Signed<'a>, der::Error> {
        let mut parts = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
        let tbs = parts.required_with(Tag::Sequence)?;
        let algorithm = parts.required_with(Tag::Sequence)?;
        let signature = parts
            .required_with(Tag::BitString)?
            .decode::<BitStringRef<'_>>()?
            .as_bytes();
        parts.finish()?;
        Ok(Signed {
            tbs,
            algorithm,
            signature,
        })
    }

    /// The issuer's signature scheme, or why it is refused. The outer signatureAlgorithm must equal the
    /// one inside the signed part (`inner`, the field `inner_field`; RFC 5280 §4.1.1.2, §5.1.1.2); in DER,
    /// equal values are equal bytes.
    ///
    /// # Errors
    /// A malformed AlgorithmIdentifier (the certificate or CRL is then malformed, as with `x509-cert`).
    pub fn scheme(
        &self,
        inner: Tlv<'_>,
        inner_field: &str,
    ) -> Result<Result<SignatureScheme, AlgorithmError>, der::Error> {
        let outer = self.algorithm.decode::<spki::AlgorithmIdentifierOwned>()?;
        inner.decode::<spki::AlgorithmIdentifierOwned>()?;
        Ok(if self.algorithm.raw == inner.raw {
            SignatureScheme::from_algorithm_identifier(&outer)
        } else {
            Err(AlgorithmError::UnknownAlgorithm {
                oid: alloc::format!("signatureAlgorithm differs from {inner_field}"),
            })
        })
    }
}

/// `Version ::= INTEGER { v1(0), v2(1), v3(2) }`.
///
/// # Errors
/// Malformed, or another number.
pub(crate) fn version(tlv: Tlv<'_>) -> Result<u8, der::Error> {
    let v: u8 = tlv.decode()?;
    if v <= 2 {
        Ok(v)
    } else {
        Err(Tag::Integer.value_error())
    }
}

/// A CertificateSerialNumber's magnitude bytes as encoded (a positive serial with its top bit set keeps
/// its leading zero). Up to 21 bytes: RFC 5280 allows 20 octets of value, and some CAs count them before
/// the sign byte.
///
/// # Errors
/// Not a minimal INTEGER, or longer than 21 bytes.
pub(crate) fn serial(tlv: Tlv<'_>) -> Result<&[u8], der::Error> {
    let int = tlv.expect(Tag::Integer)?.decode::<IntRef<'_>>()?;
    if int.as_bytes().len() > 21 {
        return Err(Tag::Integer.value_error());
    }
    Ok(int.as_bytes())
}

/// `Time ::= CHOICE { utcTime, generalTime }`.
///
/// # Errors
/// Malformed or not a time.
pub(crate) fn time(tlv: Tlv<'_>) -> Result<UnixTime, der::Error> {
    tlv.decode::<x509_cert::time::Time>()
        .map(|t| UnixTime::from_x509(&t))
        .or_else(|e| before_1970(&tlv).ok_or(e))
}

/// A DER time before 1970, which `der`'s `DateTime` cannot hold (it starts at the Unix epoch) but RFC
/// 5280 allows: UTCTime years 50–69 are 1950–1969 (§4.1.2.5.1), GeneralizedTime any year. Only the DER
/// forms, `YYMMDDHHMMSSZ` and `YYYYMMDDHHMMSSZ` (NIST PKITS 4.2.3 has a notBefore in 1950).
fn before_1970(tlv: &Tlv<'_>) -> Option<UnixTime> {
    let digits = core::str::from_utf8(tlv.value).ok()?.strip_suffix('Z')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // YYYYMMDDHHMMSS: the UTCTime years that can come here (the rest `der` read) are 19YY.
    let stamp = match (tlv.tag, digits.len()) {
        (Tag::UtcTime, 12) => alloc::format!("19{digits}"),
        (Tag::GeneralizedTime, 14) => digits.into(),
        _ => return None,
    };
    let field = |i: usize| &stamp[4 + 2 * i..6 + 2 * i];
    // Fixed-width digits compare as numbers; RFC 3339 would also take a leap second, DER does not.
    if &stamp[..4] >= "1970" || field(4) > "59" {
        return None;
    }
    // The RFC 3339 reader checks the month, the day in it, the hour and the minute.
    let rfc3339 = alloc::format!(
        "{}-{}-{}T{}:{}:{}Z",
        &stamp[..4],
        field(0),
        field(1),
        field(2),
        field(3),
        field(4)
    );
    UnixTime::parse_rfc3339(&rfc3339).ok()
}

/// One attribute of a name: its type and its value (tag and content).
pub(crate) struct NameAttribute<'a> {
    /// The attribute type.
    pub oid: ObjectIdentifier,
    /// The value's tag.
    pub tag: Tag,
    /// The value's content.
    pub value: &'a [u8],
}

/// `Name ::= SEQUENCE OF RelativeDistinguishedName`, each a `SET OF AttributeTypeAndValue`; the
/// attributes in order.
///
/// # Errors
/// Malformed DER, or the same attribute twice in one RDN (as `x509-cert` refuses).
pub(crate) fn name(tlv: Tlv<'_>) -> Result<Vec<NameAttribute<'_>>, der::Error> {
    let mut attributes = Vec::new();
    for rdn in tlv.expect(Tag::Sequence)?.children()? {
        let members: Vec<Tlv<'_>> = rdn?
            .expect(Tag::Set)?
            .children()?
            .collect::<Result<_, _>>()?;
        for (i, member) in members.iter().enumerate() {
            if members[..i].iter().any(|m| m.raw == member.raw) {
                return Err(der::ErrorKind::SetDuplicate.into());
            }
            let mut fields = member.expect(Tag::Sequence)?.children()?;
            let oid: ObjectIdentifier = fields.required_with(Tag::ObjectIdentifier)?.decode()?;
            let value = fields.required()?;
            fields.finish()?;
            attributes.push(NameAttribute {
                oid,
                tag: value.tag,
                value: value.value,
            });
        }
    }
    Ok(attributes)
}

/// One extension: `SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }`.
pub(crate) struct Extension<'a> {
    /// extnID.
    pub oid: ObjectIdentifier,
    /// critical.
    pub critical: bool,
    /// The content of extnValue (the extension's own DER).
    pub value: &'a [u8],
}

/// `Extensions ::= SEQUENCE OF Extension`.
///
/// # Errors
/// Malformed DER.
pub(crate) fn extensions(tlv: Tlv<'_>) -> Result<Vec<Extension<'_>>, der::Error> {
    tlv.expect(Tag::Sequence)?
        .children()?
        .map(|ext| {
            let mut fields = ext?.expect(Tag::Sequence)?.children()?;
            let oid: ObjectIdentifier = fields.required_with(Tag::ObjectIdentifier)?.decode()?;
            let critical = match fields.optional(Tag::Boolean)? {
                Some(flag) => flag.decode::<bool>()?,
                None => false,
            };
            let value = fields
                .required_with(Tag::OctetString)?
                .decode::<OctetStringRef<'_>>()?
                .as_bytes();
            fields.finish()?;
            Ok(Extension {
                oid,
                critical,
                value,
            })
        })
        .collect()
}

/// The fields of a TBSCertificate hocba reads.
pub(crate) struct TbsCertificate<'a> {
    /// serialNumber (see [`serial`]).
    pub serial: &'a [u8],
    /// The inner signature AlgorithmIdentifier, header included.
    pub algorithm: Tlv<'a>,
    /// issuer, header included.
    pub issuer: Tlv<'a>,
    /// notBefore.
    pub not_before: UnixTime,
    /// notAfter.
    pub not_after: UnixTime,
    /// subject, header included.
    pub subject: Tlv<'a>,
    /// subjectPublicKeyInfo, header included.
    pub spki: Tlv<'a>,
    /// The extensions; `None` when the field is absent (a v1 or v2 certificate).
    pub extensions: Option<Vec<Extension<'a>>>,
}

/// Reads a TBSCertificate (RFC 5280 §4.1).
///
/// # Errors
/// Malformed DER or a field out of its range.
pub(crate) fn tbs_certificate<'a>(tbs: Tlv<'a>) -> Result<TbsCertificate<'a>, der::Error> {
    let mut fields = tbs.expect(Tag::Sequence)?.children()?;
    if let Some(explicit) = fields.optional(context(TagNumber::N0, true))? {
        version(Tlv::parse(explicit.value)?)?;
    }
    let serial = serial(fields.required()?)?;
    let algorithm = fields.required_with(Tag::Sequence)?;
    let issuer = fields.required()?;
    let validity = fields.required_with(Tag::Sequence)?;
    let mut times = validity.children()?;
    let not_before = time(times.required()?)?;
    let not_after = time(times.required()?)?;
    times.finish()?;
    let subject = fields.required()?;
    let spki = fields.required_with(Tag::Sequence)?;
    // issuerUniqueID [1] and subjectUniqueID [2], IMPLICIT BIT STRINGs: checked, not used.
    for number in [TagNumber::N1, TagNumber::N2] {
        if let Some(uid) = fields.optional(context(number, false))? {
            unique_id(uid)?;
        }
    }
    let extensions = match fields.optional(context(TagNumber::N3, true))? {
        Some(explicit) => Some(extensions(Tlv::parse(explicit.value)?)?),
        None => None,
    };
    fields.finish()?;
    Ok(TbsCertificate {
        serial,
        algorithm,
        issuer,
        not_before,
        not_after,
        subject,
        spki,
        extensions,
    })
}

/// An IMPLICIT BIT STRING: at least the unused-bits byte, which is at most 7 (0 when empty).
fn unique_id(tlv: Tlv<'_>) -> Result<(), der::Error> {
    match tlv.value {
        [unused, rest @ ..] if *unused <= 7 && (*unused == 0 || !rest.is_empty()) => Ok(()),
        _ => Err(Tag::BitString.value_error()),
    }
}

/// One revokedCertificates entry.
pub(crate) struct RevokedCertificate<'a> {
    /// userCertificate (see [`serial`]).
    pub serial: &'a [u8],
    /// revocationDate.
    pub date: UnixTime,
    /// crlEntryExtensions (empty when absent).
    pub extensions: Vec<Extension<'a>>,
}

/// The fields of a TBSCertList hocba reads.
pub(crate) struct TbsCertList<'a> {
    /// The inner signature AlgorithmIdentifier, header included.
    pub algorithm: Tlv<'a>,
    /// issuer, header included.
    pub issuer: Tlv<'a>,
    /// thisUpdate.
    pub this_update: UnixTime,
    /// nextUpdate.
    pub next_update: Option<UnixTime>,
    /// revokedCertificates (empty when absent).
    pub revoked: Vec<RevokedCertificate<'a>>,
    /// crlExtensions (empty when absent).
    pub extensions: Vec<Extension<'a>>,
}

/// Reads a TBSCertList (RFC 5280 §5.1). The version is optional (v1 lists omit it).
///
/// # Errors
/// Malformed DER or a field out of its range.
pub(crate) fn tbs_cert_list<'a>(tbs: Tlv<'a>) -> Result<TbsCertList<'a>, der::Error> {
    let mut fields = tbs.expect(Tag::Sequence)?.children()?;
    if let Some(v) = fields.optional(Tag::Integer)? {
        version(v)?;
    }
    let algorithm = fields.required_with(Tag::Sequence)?;
    let issuer = fields.required()?;
    let this_update = time(fields.required()?)?;
    let next_update = match fields.optional(Tag::UtcTime)? {
        Some(t) => Some(time(t)?),
        None => fields
            .optional(Tag::GeneralizedTime)?
            .map(time)
            .transpose()?,
    };
    let mut revoked = Vec::new();
    if let Some(list) = fields.optional(Tag::Sequence)? {
        for entry in list.children()? {
            let mut parts = entry?.expect(Tag::Sequence)?.children()?;
            let serial = serial(parts.required()?)?;
            let date = time(parts.required()?)?;
            let extensions = match parts.optional(Tag::Sequence)? {
                Some(list) => extensions(list)?,
                None => Vec::new(),
            };
            parts.finish()?;
            revoked.push(RevokedCertificate {
                serial,
                date,
                extensions,
            });
        }
    }
    let extensions = match fields.optional(context(TagNumber::N0, true))? {
        Some(explicit) => extensions(Tlv::parse(explicit.value)?)?,
        None => Vec::new(),
    };
    fields.finish()?;
    Ok(TbsCertList {
        algorithm,
        issuer,
        this_update,
        next_update,
        revoked,
        extensions,
    })
}

/// `BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }`,
/// with a path length up to 255.
///
/// # Errors
/// Malformed DER or a longer path length.
pub(crate) fn basic_constraints(der: &[u8]) -> Result<(bool, Option<u8>), der::Error> {
    let mut fields = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
    let ca = match fields.optional(Tag::Boolean)? {
        Some(flag) => flag.decode::<bool>()?,
        None => false,
    };
    let path_len = match fields.optional(Tag::Integer)? {
        Some(n) => Some(n.decode::<u8>()?),
        None => None,
    };
    fields.finish()?;
    Ok((ca, path_len))
}

/// `SubjectKeyIdentifier ::= OCTET STRING`.
///
/// # Errors
/// Malformed DER.
pub(crate) fn subject_key_identifier(der: &[u8]) -> Result<&[u8], der::Error> {
    Ok(Tlv::parse(der)?
        .expect(Tag::OctetString)?
        .decode::<OctetStringRef<'_>>()?
        .as_bytes())
}

/// `AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL,
/// authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL }`:
/// the key identifier. The issuer and serial must be both present or both absent (RFC 5280 §4.2.1.1).
///
/// # Errors
/// Malformed DER.
pub(crate) fn authority_key_identifier(der: &[u8]) -> Result<Option<&[u8]>, der::Error> {
    let mut fields = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
    let key_id = fields
        .optional(context(TagNumber::N0, false))?
        .map(|k| k.value);
    let issuer = fields.optional(context(TagNumber::N1, true))?;
    if let Some(names) = issuer {
        // GeneralNames: a SEQUENCE OF well-formed TLVs.
        for name in names.children()? {
            name?;
        }
    }
    let serial_number = fields.optional(context(TagNumber::N2, false))?;
    if serial_number.is_some_and(|n| n.value.is_empty()) {
        return Err(Tag::Integer.length_error());
    }
    fields.finish()?;
    if issuer.is_some() != serial_number.is_some() {
        return Err(Tag::Sequence.value_error());
    }
    Ok(key_id)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use alloc::vec;

    fn time_of(tag: u8, text: &str) -> Option<UnixTime> {
        let mut der = vec![tag, u8::try_from(text.len()).unwrap()];
        der.extend_from_slice(text.as_bytes());
        time(Tlv::parse(&der).unwrap()).ok()
    }

    #[test]
    fn times_before_1970_are_read_in_their_der_forms_only() {
        let at = |s| Some(UnixTime::parse_rfc3339(s).unwrap());
        // UTCTime 50–69 is 1950–1969 (RFC 5280 §4.1.2.5.1); GeneralizedTime any year.
        assert_eq!(time_of(0x17, "500101120100Z"), at("1950-01-01T12:01:00Z"));
        assert_eq!(time_of(0x17, "691231235959Z"), at("1969-12-31T23:59:59Z"));
        assert_eq!(time_of(0x18, "19000229000000Z"), None); // 1900 was not a leap year
        assert_eq!(time_of(0x18, "18991231000000Z"), at("1899-12-31T00:00:00Z"));
        assert_eq!(time_of(0x17, "700101000000Z"), Some(UnixTime(0)));
        for bad in [
            "5001011201Z",
            "500101120100",
            "500101126000Z",
            "501301120100Z",
            "5001011201+0700",
        ] {
            assert_eq!(time_of(0x17, bad), None, "{bad}");
        }
    }

    #[test]
    fn basic_constraints_defaults_and_limits() {
        // SEQUENCE {}
        assert_eq!(basic_constraints(&[0x30, 0x00]).unwrap(), (false, None));
        // SEQUENCE { TRUE, 3 }
        assert_eq!(
            basic_constraints(&[0x30, 0x06, 0x01, 0x01, 0xff, 0x02, 0x01, 0x03]).unwrap(),
            (true, Some(3))
        );
        // A BER boolean (0x01) and a path length of 256 are refused; so are trailing bytes.
        assert!(basic_constraints(&[0x30, 0x03, 0x01, 0x01, 0x01]).is_err());
        assert!(basic_constraints(&[0x30, 0x04, 0x02, 0x02, 0x01, 0x00]).is_err());
        assert!(basic_constraints(&[0x30, 0x02, 0x05, 0x00]).is_err());
    }

    #[test]
    fn key_identifiers() {
        assert_eq!(
            subject_key_identifier(&[0x04, 0x02, 1, 2]).unwrap(),
            &[1, 2]
        );
        assert_eq!(
            authority_key_identifier(&[0x30, 0x04, 0x80, 0x02, 7, 8]).unwrap(),
            Some(&[7_u8, 8][..])
        );
        assert_eq!(authority_key_identifier(&[0x30, 0x00]).unwrap(), None);
        // An issuer without a serial.
        assert!(authority_key_identifier(&[0x30, 0x02, 0xa1, 0x00]).is_err());
    }

    #[test]
    fn serials_versions_and_unique_ids() {
        let int = |bytes: &[u8]| {
            let mut der = alloc::vec![0x02, u8::try_from(bytes.len()).unwrap()];
            der.extend_from_slice(bytes);
            der
        };
        assert_eq!(
            serial(Tlv::parse(&int(&[0x00, 0x80])).unwrap()).unwrap(),
            &[0x00, 0x80]
        );
        // Not minimal, too long.
        assert!(serial(Tlv::parse(&int(&[0x00, 0x01])).unwrap()).is_err());
        assert!(serial(Tlv::parse(&int(&[0x01; 22])).unwrap()).is_err());
        assert!(serial(Tlv::parse(&int(&[0x01; 21])).unwrap()).is_ok());
        assert_eq!(version(Tlv::parse(&int(&[2])).unwrap()).unwrap(), 2);
        assert!(version(Tlv::parse(&int(&[3])).unwrap()).is_err());
        assert!(unique_id(Tlv::parse(&[0x81, 0x01, 0x00]).unwrap()).is_ok());
        assert!(unique_id(Tlv::parse(&[0x81, 0x01, 0x03]).unwrap()).is_err());
        assert!(unique_id(Tlv::parse(&[0x81, 0x00]).unwrap()).is_err());
    }

    #[test]
    fn names_keep_order_and_refuse_duplicates_in_an_rdn() {
        // SEQUENCE { SET { SEQUENCE { 2.5.4.3, UTF8String "A" } }, SET { SEQUENCE { 2.5.4.6, PrintableString "VN" } } }
        let cn = [0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, b'A'];
        let c = [
            0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13, 0x02, b'V', b'N',
        ];
        let mut der = alloc::vec![0x30, 0x19, 0x31, 0x0a];
        der.extend_from_slice(&cn);
        der.extend_from_slice(&[0x31, 0x0b]);
        der.extend_from_slice(&c);
        let attrs = name(Tlv::parse(&der).unwrap()).unwrap();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[0].value, b"A");
        assert_eq!(attrs[1].tag, Tag::PrintableString);
        let mut twice = alloc::vec![0x30, 0x16, 0x31, 0x14];
        twice.extend_from_slice(&cn);
        twice.extend_from_slice(&cn);
        assert!(name(Tlv::parse(&twice).unwrap()).is_err());
    }
}
