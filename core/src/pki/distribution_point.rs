//! CRL distribution points and CRL scopes (RFC 5280 §4.2.1.13, §5.2.5, §6.3.3 b and d): which CRLs may
//! speak for a certificate, and for which revocation reasons.
//!
//! A certificate names the points its status is published at (`cRLDistributionPoints`), each perhaps
//! limited to some reasons and perhaps served by another authority (`cRLIssuer`, an indirect CRL). A CRL
//! says what it covers (`issuingDistributionPoint`): a point's names, user or CA certificates only, some
//! reasons only, entries of other issuers (indirect). Names are compared as keys: a directoryName by its
//! RFC 5280 §7.1 key ([`super::dn_compare`]), so `C=VN` printable matches `C=VN` UTF-8 here as in paths,
//! any other GeneralName by its DER; a name relative to the CRL issuer becomes that issuer's name with
//! the RDN appended, as §4.2.1.13 defines it.

use alloc::vec::Vec;

use der::{Tag, TagNumber};

use super::der_view::{context, Tlv};
use super::dn_compare::{name_key, name_key_with_rdn};

/// A set of revocation reasons, as `ReasonFlags` numbers them (bit 1 keyCompromise … bit 8
/// aACompromise; bit 0 is unused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonSet(u16);

impl ReasonSet {
    /// Every reason, what a point or a CRL without a reasons field covers.
    pub const ALL: ReasonSet = ReasonSet(0x1fe);
    /// No reason.
    pub const NONE: ReasonSet = ReasonSet(0);

    /// The reasons in both.
    #[must_use]
    pub const fn intersection(self, other: ReasonSet) -> ReasonSet {
        ReasonSet(self.0 & other.0)
    }

    /// The reasons in either.
    #[must_use]
    pub const fn union(self, other: ReasonSet) -> ReasonSet {
        ReasonSet(self.0 | other.0)
    }

    /// Does it hold reason flag `bit` (1–8)?
    #[must_use]
    pub const fn contains(self, bit: u8) -> bool {
        bit < 16 && self.0 & (1 << bit) != 0
    }

    /// Is it empty?
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The reason flags 1–8, for walking a set.
    pub fn flags() -> impl Iterator<Item = u8> {
        1..=8
    }

    /// `ReasonFlags ::= BIT STRING`, the content of an IMPLICIT-tagged field: bit `n` of the string is
    /// reason flag `n`; bits past aACompromise name no reason and are dropped. Set bits in the unused
    /// positions (a DER fault some encoders make) are ignored, as they are not part of the string.
    ///
    /// # Errors
    /// No content, more than 7 unused bits, or unused bits with no byte.
    pub fn from_bit_string(value: &[u8]) -> Result<ReasonSet, der::Error> {
        let (&unused, bits) = value.split_first().ok_or(Tag::BitString.length_error())?;
        if unused > 7 || (bits.is_empty() && unused != 0) {
            return Err(Tag::BitString.value_error());
        }
        let total = bits.len() * 8 - usize::from(unused);
        let mut set = 0u16;
        for flag in 1..=8usize {
            if flag < total && bits[flag / 8] & (0x80 >> (flag % 8)) != 0 {
                set |= 1 << flag;
            }
        }
        Ok(ReasonSet(set))
    }
}

/// A GeneralName's comparison key: `0xa4` and the §7.1 key of a directoryName, the DER otherwise.
#[must_use]
pub(crate) fn general_name_key(name: &Tlv<'_>) -> Vec<u8> {
    if name.tag == context(TagNumber::N4, true) {
        directory_key(name_key(name.value))
    } else {
        name.raw.to_vec()
    }
}

/// The GeneralName key of a directoryName whose Name has the §7.1 key `key`.
fn directory_key(key: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len() + 1);
    out.push(0xa4);
    out.extend_from_slice(&key);
    out
}

/// Is `key` (a GeneralName key) the directoryName whose Name has the §7.1 key `name_key`? How a CRL's
/// issuer, whose name key the CRL already holds, is found among a point's cRLIssuer names.
#[must_use]
pub(crate) fn is_directory_name(key: &[u8], name_key: &[u8]) -> bool {
    key.split_first() == Some((&0xa4, name_key))
}

/// `GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName` (the content of a tagged field): the keys.
fn general_names(field: &Tlv<'_>) -> Result<Vec<Vec<u8>>, der::Error> {
    let names = field
        .children()?
        .map(|n| n.map(|n| general_name_key(&n)))
        .collect::<Result<Vec<_>, _>>()?;
    if names.is_empty() {
        return Err(Tag::Sequence.length_error());
    }
    Ok(names)
}

/// `DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }`,
/// the content of the `[0]` that wraps it (a tagged CHOICE is explicit), as name keys. A relative name is
/// appended to each of `bases` (Names' DER): the CRL issuer's name or names.
fn point_name(point: &Tlv<'_>, bases: &[&[u8]]) -> Result<Vec<Vec<u8>>, der::Error> {
    let mut choice = point.children()?;
    let name = choice.required()?;
    choice.finish()?;
    if name.tag == context(TagNumber::N1, true) {
        // RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue, IMPLICIT [1].
        let rdn = Tlv {
            tag: Tag::Set,
            ..name
        };
        if rdn.children()?.next().is_none() {
            return Err(Tag::Set.length_error());
        }
        return bases
            .iter()
            .map(|base| name_key_with_rdn(base, rdn).map(directory_key))
            .collect();
    }
    general_names(&name.expect(context(TagNumber::N0, true))?)
}

/// One of a certificate's cRLDistributionPoints, its names as keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistributionPoint {
    /// The point's names (fullName, or the name relative to its CRL issuer made whole); `None` when the
    /// point gives only its cRLIssuer.
    pub names: Option<Vec<Vec<u8>>>,
    /// The reasons its CRLs cover (all when the field is absent).
    pub reasons: ReasonSet,
    /// The authority that issues its CRLs when it is not the certificate's issuer (an indirect CRL).
    pub crl_issuer: Option<Vec<Vec<u8>>>,
}

impl DistributionPoint {
    /// What a certificate without cRLDistributionPoints has: its issuer's CRLs, for every reason
    /// (RFC 5280 §6.3.3, "assume a DP with both the reasons and the cRLIssuer fields omitted and a
    /// distribution point name of the certificate issuer").
    pub const IMPLICIT: DistributionPoint = DistributionPoint {
        names: None,
        reasons: ReasonSet::ALL,
        crl_issuer: None,
    };
}

/// `CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint`, `DistributionPoint ::=
/// SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL, reasons [1] ReasonFlags OPTIONAL,
/// cRLIssuer [2] GeneralNames OPTIONAL }` of a certificate issued by `issuer` (its Name's DER).
///
/// # Errors
/// Malformed DER.
pub(crate) fn crl_distribution_points(
    der: &[u8],
    issuer: &[u8],
) -> Result<Vec<DistributionPoint>, der::Error> {
    let points = Tlv::parse(der)?.expect(Tag::Sequence)?;
    let mut out = Vec::new();
    for point in points.children()? {
        let mut fields = point?.expect(Tag::Sequence)?.children()?;
        let name = fields.optional(context(TagNumber::N0, true))?;
        let reasons = fields.optional(context(TagNumber::N1, false))?;
        let crl_issuer = fields.optional(context(TagNumber::N2, true))?;
        fields.finish()?;
        // A relative name is relative to the cRLIssuer's directory names, else to the certificate's
        // issuer.
        let mut bases: Vec<&[u8]> = Vec::new();
        if let Some(crl_issuer) = &crl_issuer {
            for n in crl_issuer.children()? {
                let n = n?;
                if n.tag == context(TagNumber::N4, true) {
                    bases.push(n.value);
                }
            }
        } else {
            bases.push(issuer);
        }
        let names = name.map(|n| point_name(&n, &bases)).transpose()?;
        let crl_issuer = crl_issuer.map(|c| general_names(&c)).transpose()?;
        let reasons =
            reasons.map_or(Ok(ReasonSet::ALL), |r| ReasonSet::from_bit_string(r.value))?;
        if names.is_none() && crl_issuer.is_none() {
            // §4.2.1.13 forbids a point with neither; it names no CRL, so it is passed over rather than
            // making the certificate unusable (the extension is not critical).
            continue;
        }
        out.push(DistributionPoint {
            names,
            reasons,
            crl_issuer,
        });
    }
    if points.value.is_empty() {
        return Err(Tag::Sequence.length_error());
    }
    Ok(out)
}

/// What a CRL's issuingDistributionPoint (RFC 5280 §5.2.5) says it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrlScope {
    /// The keys of the point's names: the CRL covers only certificates that name one of them for the
    /// point (or as its cRLIssuer). `None`: every certificate of the issuer.
    pub names: Option<Vec<Vec<u8>>>,
    /// onlyContainsUserCerts: no CA certificates.
    pub only_user_certs: bool,
    /// onlyContainsCACerts: only CA certificates.
    pub only_ca_certs: bool,
    /// onlySomeReasons (all when absent).
    pub reasons: ReasonSet,
    /// indirectCRL: it may list certificates of other issuers, and be named as a point's cRLIssuer.
    pub indirect: bool,
    /// A scope no certificate falls in (attribute certificates only, user and CA certificates only):
    /// the CRL is not used.
    pub unsupported: Option<&'static str>,
}

impl Default for CrlScope {
    fn default() -> Self {
        CrlScope {
            names: None,
            only_user_certs: false,
            only_ca_certs: false,
            reasons: ReasonSet::ALL,
            indirect: false,
            unsupported: None,
        }
    }
}

/// `IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
/// onlyContainsUserCerts [1] BOOLEAN DEFAULT FALSE, onlyContainsCACerts [2] BOOLEAN DEFAULT FALSE,
/// onlySomeReasons [3] ReasonFlags OPTIONAL, indirectCRL [4] BOOLEAN DEFAULT FALSE,
/// onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }` of a CRL issued by `issuer` (its Name's DER).
///
/// # Errors
/// Malformed DER (a BOOLEAN DEFAULT FALSE written out as FALSE is accepted, as other readers do).
pub(crate) fn issuing_distribution_point(
    der: &[u8],
    issuer: &[u8],
) -> Result<CrlScope, der::Error> {
    let flag = |t: Option<Tlv<'_>>| match t.map(|t| t.value) {
        None | Some([0x00]) => Ok(false),
        Some([0xff]) => Ok(true),
        Some(_) => Err(Tag::Boolean.value_error()),
    };
    let mut fields = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
    let point = fields.optional(context(TagNumber::N0, true))?;
    let only_user_certs = flag(fields.optional(context(TagNumber::N1, false))?)?;
    let only_ca_certs = flag(fields.optional(context(TagNumber::N2, false))?)?;
    let reasons = fields.optional(context(TagNumber::N3, false))?;
    let indirect = flag(fields.optional(context(TagNumber::N4, false))?)?;
    let only_attribute_certs = flag(fields.optional(context(TagNumber::N5, false))?)?;
    fields.finish()?;
    let names = point.map(|p| point_name(&p, &[issuer])).transpose()?;
    let unsupported = if only_attribute_certs {
        Some("onlyContainsAttributeCerts")
    } else if only_user_certs && only_ca_certs {
        Some("onlyContainsUserCerts and onlyContainsCACerts")
    } else {
        None
    };
    Ok(CrlScope {
        names,
        only_user_certs,
        only_ca_certs,
        reasons: reasons.map_or(Ok(ReasonSet::ALL), |r| ReasonSet::from_bit_string(r.value))?,
        indirect,
        unsupported,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use alloc::vec;

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag, u8::try_from(content.len()).unwrap()];
        out.extend_from_slice(content);
        out
    }

    /// `[0] { fullName [0] { uri } }` (a tagged DistributionPointName).
    fn point(uri: &str) -> Vec<u8> {
        tlv(0xa0, &tlv(0xa0, &tlv(0x86, uri.as_bytes())))
    }

    /// Name ::= SEQUENCE OF RDN, one attribute (CN, `tag`) per RDN.
    fn name(tag: u8, cns: &[&str]) -> Vec<u8> {
        let rdns: Vec<u8> = cns.iter().flat_map(|cn| rdn(tag, cn)).collect();
        tlv(0x30, &rdns)
    }

    fn rdn(tag: u8, cn: &str) -> Vec<u8> {
        tlv(
            0x31,
            &tlv(
                0x30,
                &[tlv(0x06, &[0x55, 4, 3]), tlv(tag, cn.as_bytes())].concat(),
            ),
        )
    }

    const ISSUER: &[u8] = &[0x30, 0];

    #[test]
    fn reason_flags_read_as_numbered_bits() {
        // keyCompromise (1) and cACompromise (2): 0b0110_0000, 5 unused bits.
        let set = ReasonSet::from_bit_string(&[5, 0x60]).unwrap();
        assert!(set.contains(1) && set.contains(2) && !set.contains(3));
        // aACompromise is bit 8, in the second byte.
        let aa = ReasonSet::from_bit_string(&[7, 0x00, 0x80]).unwrap();
        assert!(aa.contains(8) && !aa.contains(1));
        // Bit 0 (unused) names no reason.
        assert!(ReasonSet::from_bit_string(&[7, 0x80]).unwrap().is_empty());
        assert_eq!(ReasonSet::from_bit_string(&[0]).unwrap(), ReasonSet::NONE);
        // A set bit among the unused ones is not part of the string.
        assert_eq!(ReasonSet::from_bit_string(&[5, 0x61]).unwrap(), set);
        assert_eq!(
            ReasonSet::from_bit_string(&[6, 0x60]).unwrap(),
            ReasonSet::from_bit_string(&[6, 0x40]).unwrap()
        );
        for bad in [&[][..], &[8, 0], &[1][..]] {
            assert!(ReasonSet::from_bit_string(bad).is_err(), "{bad:02x?}");
        }
        assert_eq!(
            set.union(aa)
                .intersection(ReasonSet::from_bit_string(&[6, 0x40]).unwrap()),
            ReasonSet::from_bit_string(&[6, 0x40]).unwrap()
        );
    }

    #[test]
    fn issuing_distribution_points_give_their_scope() {
        let uri = tlv(0x86, b"http://crl.example.vn/a.crl");
        let scope =
            issuing_distribution_point(&tlv(0x30, &point("http://crl.example.vn/a.crl")), ISSUER)
                .unwrap();
        assert_eq!(scope.names, Some(vec![uri]));
        assert_eq!(scope.unsupported, None);
        // Every field absent: the whole issuer, every reason, no restriction.
        assert_eq!(
            issuing_distribution_point(&[0x30, 0], ISSUER).unwrap(),
            CrlScope::default()
        );
        let read = |fields: &[u8]| issuing_distribution_point(&tlv(0x30, fields), ISSUER).unwrap();
        let users = read(&[0x81, 1, 0xff]);
        assert!(users.only_user_certs && !users.only_ca_certs);
        assert!(read(&[0x84, 1, 0xff]).indirect);
        let some = read(&[0x83, 2, 7, 0x80]).reasons;
        assert!(some.is_empty(), "bit 0 alone");
        assert!(read(&[0x83, 2, 6, 0x40]).reasons.contains(1));
        assert_eq!(
            read(&[0x85, 1, 0xff]).unsupported,
            Some("onlyContainsAttributeCerts")
        );
        // A BER boolean, fields out of order, an empty fullName, an empty relative name and trailing
        // bytes are malformed.
        let bad_cases: [Vec<u8>; 5] = [
            tlv(0x30, &[0x81, 1, 0x01]),
            tlv(0x30, &[0x82, 1, 0xff, 0x81, 1, 0xff]),
            tlv(0x30, &tlv(0xa0, &tlv(0xa0, &[]))),
            tlv(0x30, &tlv(0xa0, &tlv(0xa1, &[]))),
            [tlv(0x30, &[]), vec![0]].concat(),
        ];
        for bad in bad_cases {
            assert!(
                issuing_distribution_point(&bad, ISSUER).is_err(),
                "{bad:02x?}"
            );
        }
    }

    #[test]
    fn a_name_relative_to_the_crl_issuer_is_that_issuers_name_and_the_rdn() {
        // The CRL of "CN=CA" names its point relative to itself: [0] { [1] { CN=part } }.
        let ca = name(0x13, &["CA"]);
        let relative = tlv(0xa0, &tlv(0xa1, &rdn(0x0c, "part")[2..]));
        let scope = issuing_distribution_point(&tlv(0x30, &relative), &ca).unwrap();
        // It equals the full directoryName "CN=CA, CN=part", whatever string types each side uses.
        let full = tlv(0xa4, &name(0x0c, &["ca", "PART"]));
        let full_key = general_name_key(&Tlv::parse(&full).unwrap());
        assert_eq!(scope.names, Some(vec![full_key.clone()]));
        // A certificate's point relative to its issuer reads the same way.
        let points = tlv(0x30, &tlv(0x30, &relative));
        let read = crl_distribution_points(&points, &ca).unwrap();
        assert_eq!(read[0].names, Some(vec![full_key.clone()]));
        // With a cRLIssuer, the name is relative to the cRLIssuer's directory name instead.
        let other = name(0x13, &["Other"]);
        let with_issuer = tlv(
            0x30,
            &tlv(
                0x30,
                &[relative.clone(), tlv(0xa2, &tlv(0xa4, &other))].concat(),
            ),
        );
        let read = crl_distribution_points(&with_issuer, &ca).unwrap();
        assert_ne!(read[0].names, Some(vec![full_key]));
        let other_key = name_key(&other);
        let crl_issuers = read[0].crl_issuer.as_ref().unwrap();
        assert_eq!(crl_issuers.len(), 1);
        assert!(is_directory_name(&crl_issuers[0], &other_key));
        assert!(!is_directory_name(&crl_issuers[0], &name_key(&ca)));
        assert!(!is_directory_name(&tlv(0x86, b"x"), &other_key));
    }

    #[test]
    fn crl_distribution_points_keep_names_reasons_and_crl_issuers() {
        let own = tlv(0x30, &point("http://crl.example.vn/a.crl"));
        let other = tlv(
            0x30,
            &[
                point("http://crl.example.vn/b.crl"),
                tlv(0x81, &[5, 0x60]),
                tlv(0xa2, &tlv(0x86, b"x")),
            ]
            .concat(),
        );
        let points = tlv(0x30, &[own, other].concat());
        let read = crl_distribution_points(&points, ISSUER).unwrap();
        assert_eq!(
            read[0],
            DistributionPoint {
                names: Some(vec![tlv(0x86, b"http://crl.example.vn/a.crl")]),
                reasons: ReasonSet::ALL,
                crl_issuer: None,
            }
        );
        assert!(read[1].reasons.contains(2) && !read[1].reasons.contains(3));
        assert_eq!(read[1].crl_issuer, Some(vec![tlv(0x86, b"x")]));
        // A point with neither name nor cRLIssuer names no CRL: passed over.
        assert_eq!(
            crl_distribution_points(&tlv(0x30, &tlv(0x30, &[])), ISSUER).unwrap(),
            vec![]
        );
        // Empty, not a point, reasons that do not read.
        for bad in [
            vec![0x30, 0],
            tlv(0x30, &tlv(0x30, &[0x05, 0])),
            tlv(0x30, &tlv(0x30, &tlv(0x81, &[8, 0]))),
        ] {
            assert!(crl_distribution_points(&bad, ISSUER).is_err(), "{bad:02x?}");
        }
    }
}
