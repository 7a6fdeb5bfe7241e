//! The ESS signing-certificate attributes as verification reads them: signing-certificate-v2 (RFC 5035)
//! and signing-certificate (v1, RFC 2634, whose certificate hash is always SHA-1), the first ESSCertID
//! of either, walked in place like the rest of the CMS (decisions D-89, D-117). Signing encodes the same
//! attributes with the derived types in `sign::profile`.

use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::asn1::OctetStringRef;
use der::{Tag, TagNumber};
use spki::AlgorithmIdentifierOwned;

use crate::pki::der_view::{context, Tlv};
use crate::pki::x509_walk;

/// The first ESSCertIDv2 of a SigningCertificateV2, or ESSCertID of a SigningCertificate: the
/// certificate the signer committed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EssCertId {
    /// hashAlgorithm's OID; `None` is the DEFAULT, SHA-256 (v2). Always `None` in v1, whose hash is
    /// SHA-1.
    pub hash_algorithm: Option<ObjectIdentifier>,
    /// The digest of the whole certificate.
    pub cert_hash: Vec<u8>,
    /// issuerSerial, when given.
    pub issuer_serial: Option<EssIssuerSerial>,
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EssIssuerSerial {
    /// The DER of every directoryName among the issuer's GeneralNames (other forms cannot name a CA).
    pub directory_names: Vec<Vec<u8>>,
    /// The serial number's bytes as encoded.
    pub serial: Vec<u8>,
}

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies SEQUENCE OF
/// PolicyInformation OPTIONAL }`: every entry is checked, the first is kept (`None` when the list is
/// empty).
///
/// # Errors
/// Malformed DER.
pub fn read_signing_certificate_v2(tlv: Tlv<'_>) -> Result<Option<EssCertId>, der::Error> {
    read_signing_certificate(tlv, true)
}

/// `SigningCertificate ::= SEQUENCE { certs SEQUENCE OF ESSCertID, policies SEQUENCE OF
/// PolicyInformation OPTIONAL }` (RFC 2634 §5.4), where `ESSCertID ::= SEQUENCE { certHash Hash,
/// issuerSerial IssuerSerial OPTIONAL }` and the hash is SHA-1: as [`read_signing_certificate_v2`],
/// with no hashAlgorithm allowed.
///
/// # Errors
/// Malformed DER.
pub fn read_signing_certificate_v1(tlv: Tlv<'_>) -> Result<Option<EssCertId>, der::Error> {
    read_signing_certificate(tlv, false)
}

fn read_signing_certificate(tlv: Tlv<'_>, v2: bool) -> Result<Option<EssCertId>, der::Error> {
    let mut fields = tlv.expect(Tag::Sequence)?.children()?;
    let mut first = None;
    for entry in fields.required_with(Tag::Sequence)?.children()? {
        let id = cert_id(entry?, v2)?;
        first.get_or_insert(id);
    }
    if let Some(policies) = fields.optional(Tag::Sequence)? {
        for policy in policies.children()? {
            policy?.expect(Tag::Sequence)?;
        }
    }
    fields.finish()?;
    Ok(first)
}

fn cert_id(entry: Tlv<'_>, v2: bool) -> Result<EssCertId, der::Error> {
    let mut fields = entry.expect(Tag::Sequence)?.children()?;
    // hashAlgorithm (v2 only, DEFAULT sha256) is the only SEQUENCE before the OCTET STRING.
    let hash_algorithm = match fields.optional(Tag::Sequence)? {
        Some(alg) if v2 => Some(alg.decode::<AlgorithmIdentifierOwned>()?.oid),
        Some(alg) => return Err(alg.tag.value_error()),
        None => None,
    };
    let cert_hash = fields
        .required_with(Tag::OctetString)?
        .decode::<OctetStringRef<'_>>()?
        .as_bytes()
        .to_vec();
    let issuer_serial = match fields.optional(Tag::Sequence)? {
        Some(is) => Some(issuer_serial(is)?),
        None => None,
    };
    fields.finish()?;
    Ok(EssCertId {
        hash_algorithm,
        cert_hash,
        issuer_serial,
    })
}

fn issuer_serial(tlv: Tlv<'_>) -> Result<EssIssuerSerial, der::Error> {
    let mut fields = tlv.children()?;
    let mut directory_names = Vec::new();
    for name in fields.required_with(Tag::Sequence)?.children()? {
        let name = name?;
        // directoryName [4] is EXPLICIT (Name is a CHOICE): its content is one Name.
        if name.tag == context(TagNumber::N4, true) {
            let inner = Tlv::parse(name.value)?;
            x509_walk::name(inner)?;
            directory_names.push(inner.raw.to_vec());
        }
    }
    let serial = x509_walk::serial(fields.required()?)?.to_vec();
    fields.finish()?;
    Ok(EssIssuerSerial {
        directory_names,
        serial,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use der::Encode;

    use crate::sign::profile::{EssCertIdV2, IssuerSerial, SigningCertificateV2};

    #[test]
    fn reads_what_signing_writes() {
        let name_der = [
            0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, b'A',
        ];
        let name = <x509_cert::name::Name as der::Decode>::from_der(&name_der).unwrap();
        let ess = SigningCertificateV2 {
            certs: alloc::vec![
                EssCertIdV2 {
                    hash_algorithm: None,
                    cert_hash: der::asn1::OctetString::new([7_u8; 32]).unwrap(),
                    issuer_serial: Some(IssuerSerial {
                        issuer: alloc::vec![
                            x509_cert::ext::pkix::name::GeneralName::DnsName(
                                der::asn1::Ia5String::new("ca.example").unwrap()
                            ),
                            x509_cert::ext::pkix::name::GeneralName::DirectoryName(name),
                        ],
                        serial_number: x509_cert::serial_number::SerialNumber::new(&[0x01, 0x02])
                            .unwrap(),
                    }),
                },
                EssCertIdV2 {
                    hash_algorithm: None,
                    cert_hash: der::asn1::OctetString::new([9_u8; 32]).unwrap(),
                    issuer_serial: None,
                },
            ],
            policies: None,
        };
        let der = ess.to_der().unwrap();
        let read = read_signing_certificate_v2(Tlv::parse(&der).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(read.hash_algorithm, None);
        assert_eq!(read.cert_hash, [7_u8; 32]);
        let is = read.issuer_serial.unwrap();
        assert_eq!(is.directory_names, alloc::vec![name_der.to_vec()]);
        assert_eq!(is.serial, [0x01, 0x02]);
        // An empty list, and a truncated entry.
        assert_eq!(
            read_signing_certificate_v2(Tlv::parse(&[0x30, 0x02, 0x30, 0x00]).unwrap()).unwrap(),
            None
        );
        assert!(read_signing_certificate_v2(
            Tlv::parse(&[0x30, 0x04, 0x30, 0x02, 0x30, 0x00]).unwrap()
        )
        .is_err());
    }

    #[test]
    fn v1_has_no_hash_algorithm() {
        // SigningCertificate { certs { ESSCertID { certHash (20 bytes) } } }
        let mut v1 = alloc::vec![0x30, 0x1a, 0x30, 0x18, 0x30, 0x16, 0x04, 0x14];
        v1.extend_from_slice(&[5_u8; 20]);
        let read = read_signing_certificate_v1(Tlv::parse(&v1).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(
            (read.hash_algorithm, read.cert_hash),
            (None, alloc::vec![5_u8; 20])
        );
        // The same entry with a hashAlgorithm is a v2 entry: refused in v1, read in v2.
        let sha256 = spki::AlgorithmIdentifierOwned {
            oid: const_oid::db::rfc5912::ID_SHA_256,
            parameters: None,
        };
        let v2 = SigningCertificateV2 {
            certs: alloc::vec![EssCertIdV2 {
                hash_algorithm: Some(sha256),
                cert_hash: der::asn1::OctetString::new([5_u8; 32]).unwrap(),
                issuer_serial: None,
            }],
            policies: None,
        }
        .to_der()
        .unwrap();
        assert!(read_signing_certificate_v1(Tlv::parse(&v2).unwrap()).is_err());
        assert!(read_signing_certificate_v2(Tlv::parse(&v2).unwrap()).is_ok());
    }
}
