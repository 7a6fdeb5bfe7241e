//! The signature profile: detached CMS SignedData (CAdES-B baseline) over the canonical bytes.
//!
//! Signed attributes: content-type (id-data), message-digest, signing-time, ESS signing-certificate-v2
//! (RFC 5035) and the signer's role. Unsigned attribute: an RFC 3161 signature timestamp (CAdES-T), when
//! one is added.
//!
//! **The role attribute.** `id-hocba-signerRole` ([`oid::HOCBA_SIGNER_ROLE`],
//! `1.3.6.1.4.1.242424242.1.1`), a signed attribute whose single value is a UTF8String:
//! `gvcn` (class teacher), `ht` (principal or authorised deputy), `seal` (the school's organisation
//! certificate) or `subject_teacher`. The arc `1.3.6.1.4.1.242424242` is hocba's private arc: an
//! enterprise number far above the range IANA has assigned, used until hocba registers its own PEN
//! (changing it is one constant plus regenerated fixtures; see docs/decisions.md).
//! Signatures made by other tools (a token's middleware, a remote-signing service, `openssl cms -sign`)
//! cannot carry it: for them the envelope's declared `role` field beside the CMS says the role, and both
//! are checked the same way — a role is only accepted when the certificate binds to the person or school
//! the record names.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::str::FromStr;

use der::asn1::{OctetString, SetOfVec, Utf8StringRef};
use der::{Any, Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralNames;
use x509_cert::serial_number::SerialNumber;

use crate::Lang;

/// OIDs of the profile.
pub mod oid {
    use const_oid::ObjectIdentifier as Oid;
    /// id-data.
    pub const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
    /// id-signedData.
    pub const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
    /// id-contentType.
    pub const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
    /// id-messageDigest.
    pub const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
    /// id-signingTime.
    pub const SIGNING_TIME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.5");
    /// id-aa-signingCertificate (ESS v1, SHA-1): read and checked when no v2 is present (D-117).
    pub const SIGNING_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.12");
    /// id-aa-signingCertificateV2 (RFC 5035).
    pub const SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");
    /// id-aa-signatureTimeStampToken (RFC 3161 appendix A).
    pub const SIGNATURE_TIMESTAMP: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.14");
    /// id-ct-TSTInfo.
    pub const TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
    /// hocba's private arc.
    pub const HOCBA_ARC: Oid = Oid::new_unwrap("1.3.6.1.4.1.242424242");
    /// id-hocba-signerRole: the signer's role, a signed attribute (UTF8String).
    pub const HOCBA_SIGNER_ROLE: Oid = Oid::new_unwrap("1.3.6.1.4.1.242424242.1.1");
}

/// Who signs a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Giáo viên chủ nhiệm — the class teacher.
    Gvcn,
    /// Hiệu trưởng — the principal (or a deputy the principal authorised).
    Ht,
    /// The school's organisation certificate (the seal).
    Seal,
    /// A subject teacher (optional, `require_subject_teacher_signatures`).
    SubjectTeacher,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [Role::Gvcn, Role::Ht, Role::Seal, Role::SubjectTeacher];

    /// The code written in the attribute and the envelope.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Role::Gvcn => "gvcn",
            Role::Ht => "ht",
            Role::Seal => "seal",
            Role::SubjectTeacher => "subject_teacher",
        }
    }

    /// The role's name in `lang`.
    #[must_use]
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Gvcn, Lang::Vi) => "Giáo viên chủ nhiệm",
            (Role::Gvcn, Lang::En) => "Class teacher",
            (Role::Ht, Lang::Vi) => "Hiệu trưởng",
            (Role::Ht, Lang::En) => "Principal",
            (Role::Seal, Lang::Vi) => "Nhà trường (chữ ký số tổ chức)",
            (Role::Seal, Lang::En) => "School (organisation seal)",
            (Role::SubjectTeacher, Lang::Vi) => "Giáo viên bộ môn",
            (Role::SubjectTeacher, Lang::En) => "Subject teacher",
        }
    }

    /// Order of signing: GVCN → HT → seal (subject teachers sign before the class teacher).
    #[must_use]
    pub const fn rank(self) -> u8 {
        match self {
            Role::SubjectTeacher => 0,
            Role::Gvcn => 1,
            Role::Ht => 2,
            Role::Seal => 3,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A role code hocba does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`: expected gvcn, ht, seal or subject_teacher")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s)
            .ok_or_else(|| UnknownRole(s.into()))
    }
}

/// Builds the role attribute.
///
/// # Errors
/// DER encoding failure.
pub fn role_attribute(role: Role) -> Result<Attribute, der::Error> {
    let value = Any::encode_from(&Utf8StringRef::new(role.code())?)?;
    Ok(Attribute {
        oid: oid::HOCBA_SIGNER_ROLE,
        values: SetOfVec::try_from(alloc::vec![value])?,
    })
}

/// ESSCertIDv2 (RFC 5035).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct EssCertIdV2 {
    /// Digest algorithm; absent means SHA-256 (the DEFAULT).
    #[asn1(optional = "true")]
    pub hash_algorithm: Option<AlgorithmIdentifierOwned>,
    /// Digest of the whole certificate.
    pub cert_hash: OctetString,
    /// The certificate's issuer and serial.
    #[asn1(optional = "true")]
    pub issuer_serial: Option<IssuerSerial>,
}

/// ESSCertID (RFC 2634): the v1 entry, whose hash is SHA-1.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct EssCertIdV1 {
    /// SHA-1 of the whole certificate.
    pub cert_hash: OctetString,
    /// The certificate's issuer and serial.
    #[asn1(optional = "true")]
    pub issuer_serial: Option<IssuerSerial>,
}

/// SigningCertificate (RFC 2634), written only for test vectors of signatures made by other tools
/// ([`crate::sign::PrepareOptions::ess_v1`]).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct SigningCertificateV1 {
    /// The signer's certificate first.
    pub certs: Vec<EssCertIdV1>,
    /// Policies (not used by hocba).
    #[asn1(optional = "true")]
    pub policies: Option<Vec<Any>>,
}

/// IssuerSerial (RFC 5035).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct IssuerSerial {
    /// The issuer as GeneralNames.
    pub issuer: GeneralNames,
    /// Serial number.
    pub serial_number: SerialNumber,
}

/// SigningCertificateV2 (RFC 5035).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct SigningCertificateV2 {
    /// The signer's certificate first.
    pub certs: Vec<EssCertIdV2>,
    /// Policies (not used by hocba).
    #[asn1(optional = "true")]
    pub policies: Option<Vec<Any>>,
}

/// Encodes a single-valued attribute.
///
/// # Errors
/// DER encoding failure.
pub fn attribute<T: Encode>(
    oid: const_oid::ObjectIdentifier,
    value: &T,
) -> Result<Attribute, der::Error> {
    let any = Any::from_der(&value.to_der()?)?;
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(alloc::vec![any])?,
    })
}
