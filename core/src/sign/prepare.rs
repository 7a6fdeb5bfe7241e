//! Step one of signing: the exact bytes an external signer must sign.
//!
//! The core never holds a production key. [`prepare`] builds the CMS signed attributes for the canonical
//! bytes, the role, the certificate chain and the signing time, and returns them as [`ToBeSigned`]: the
//! DER bytes to sign (`bytes`) and, for tokens and remote services that sign a hash, their digest
//! (`digest`). The signer returns the raw signature and [`super::assemble::assemble`] finishes the CMS.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use der::asn1::{GeneralizedTime, OctetString, SetOfVec, UtcTime};
use der::Encode;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::time::Time;

use super::profile::{
    attribute, oid, role_attribute, EssCertIdV1, EssCertIdV2, IssuerSerial, Role,
    SigningCertificateV1, SigningCertificateV2,
};
use crate::pki::{AlgorithmError, CertInfo, DigestAlgorithm, PublicKey, SignatureScheme};
use crate::time::UnixTime;
use crate::Lang;

/// Choices a signer may make; the defaults follow the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrepareOptions {
    /// For RSA keys: RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) instead of PKCS#1 v1.5.
    pub rsa_pss: bool,
    /// Write the role as a signed attribute (`id-hocba-signerRole`).
    pub role_attribute: bool,
    /// Skip the signer-side checks (certificate valid at the signing time, key size floor). Only for
    /// producing test vectors of bad signatures; the verifier checks all of it regardless.
    pub unchecked: bool,
    /// Write ESS signing-certificate (v1, the certificate's SHA-1) instead of signing-certificate-v2, as
    /// some other signing tools do. Only for producing test vectors; hocba's signatures use v2.
    pub ess_v1: bool,
}

impl Default for PrepareOptions {
    fn default() -> Self {
        PrepareOptions {
            rsa_pss: false,
            role_attribute: true,
            unchecked: false,
            ess_v1: false,
        }
    }
}

/// What the external signer signs, and what [`super::assemble::assemble`] needs afterwards.
#[derive(Debug, Clone)]
pub struct ToBeSigned {
    /// DER of the signed attributes (a SET OF Attribute): the exact bytes to sign.
    pub bytes: Vec<u8>,
    /// Digest of `bytes` under the scheme's digest, for signers that take a hash (PKCS#11 `CKM_ECDSA`,
    /// `CKM_RSA_PKCS` after DigestInfo wrapping, remote-signing APIs); `None` for Ed25519, which signs the
    /// bytes themselves.
    pub digest: Option<Vec<u8>>,
    /// The CMS digest algorithm (message digest of the content).
    pub digest_algorithm: DigestAlgorithm,
    /// The signature scheme the signer must use.
    pub scheme: SignatureScheme,
    /// Digest of the signed content (the message-digest attribute).
    pub content_digest: Vec<u8>,
    /// The role signed.
    pub role: Role,
    /// The signing time signed.
    pub signing_time: UnixTime,
    pub(crate) signed_attrs: SetOfVec<Attribute>,
    pub(crate) chain: Vec<CertInfo>,
    pub(crate) signer_key: PublicKey,
    /// Prepared with [`PrepareOptions::unchecked`]: `assemble` does not check the signature either (a
    /// key below the policy's floor, kept only for test vectors, would fail that check).
    pub(crate) unchecked: bool,
}

/// Why the bytes to sign cannot be prepared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrepareError {
    /// No certificate was given.
    #[error("the certificate chain is empty: give the signer's certificate first")]
    EmptyChain,
    /// The signer's key or algorithm is refused by the policy.
    #[error("the signer's certificate: {0}")]
    Algorithm(AlgorithmError),
    /// The signer's certificate is not valid at the signing time.
    #[error("the certificate of {subject} is valid from {not_before} to {not_after}, not at the signing time {at}")]
    CertificateNotValidAtSigningTime {
        /// Subject.
        subject: String,
        /// Start of validity.
        not_before: UnixTime,
        /// End of validity.
        not_after: UnixTime,
        /// The signing time.
        at: UnixTime,
    },
    /// A signing time before 1970 or after 9999.
    #[error("signing time {0} cannot be encoded")]
    SigningTimeOutOfRange(UnixTime),
    /// DER encoding failed.
    #[error("encoding failed: {0}")]
    Encoding(String),
}

impl PrepareError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PrepareError::EmptyChain => "chain_empty",
            PrepareError::Algorithm(e) => e.code(),
            PrepareError::CertificateNotValidAtSigningTime { .. } => {
                "certificate_not_valid_at_signing_time"
            }
            PrepareError::SigningTimeOutOfRange(_) => "signing_time_out_of_range",
            PrepareError::Encoding(_) => "encoding_failed",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            PrepareError::EmptyChain => {
                "chuỗi chứng thư rỗng: cần chứng thư số của người ký đứng đầu".into()
            }
            PrepareError::Algorithm(e) => {
                alloc::format!("chứng thư số của người ký: {}", e.message(Lang::Vi))
            }
            PrepareError::CertificateNotValidAtSigningTime {
                subject,
                not_before,
                not_after,
                at,
            } => alloc::format!(
                "chứng thư số của {subject} có hiệu lực từ {} đến {}, không có hiệu lực tại thời điểm ký {}",
                not_before.to_vietnam_local(),
                not_after.to_vietnam_local(),
                at.to_vietnam_local()
            ),
            PrepareError::SigningTimeOutOfRange(t) => {
                alloc::format!("không mã hoá được thời điểm ký {t}")
            }
            PrepareError::Encoding(d) => alloc::format!("lỗi mã hoá: {d}"),
        }
    }
}

fn enc(e: der::Error) -> PrepareError {
    PrepareError::Encoding(e.to_string())
}

/// The CMS Time for an instant: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3).
///
/// # Errors
/// [`PrepareError::SigningTimeOutOfRange`].
pub fn cms_time(t: UnixTime) -> Result<Time, PrepareError> {
    let dt = t
        .to_der_datetime()
        .ok_or(PrepareError::SigningTimeOutOfRange(t))?;
    if dt.year() < 2050 {
        UtcTime::from_date_time(dt)
            .map(Time::UtcTime)
            .map_err(|_| PrepareError::SigningTimeOutOfRange(t))
    } else {
        Ok(Time::GeneralTime(GeneralizedTime::from_date_time(dt)))
    }
}

/// Prepares the signed attributes over `content` (the canonical bytes) for `role`, signed with the key of
/// `chain[0]` at `signing_time`. The rest of `chain` (intermediates) is embedded in the signature.
///
/// # Errors
/// [`PrepareError`].
pub fn prepare(
    content: &[u8],
    role: Role,
    chain: &[CertInfo],
    signing_time: UnixTime,
    options: PrepareOptions,
) -> Result<ToBeSigned, PrepareError> {
    let leaf = chain.first().ok_or(PrepareError::EmptyChain)?;
    let key = match (&leaf.key, options.unchecked) {
        (Ok(k), _) => k.clone(),
        (Err(e), false) => return Err(PrepareError::Algorithm(e.clone())),
        (Err(_), true) => {
            PublicKey::from_spki_der_unchecked(&leaf.spki_der).map_err(PrepareError::Algorithm)?
        }
    };
    if !options.unchecked && (signing_time < leaf.not_before || signing_time > leaf.not_after) {
        return Err(PrepareError::CertificateNotValidAtSigningTime {
            subject: leaf.display_name(),
            not_before: leaf.not_before,
            not_after: leaf.not_after,
            at: signing_time,
        });
    }
    let scheme = key.default_scheme(options.rsa_pss);
    // RFC 8419 §3: Ed25519 with signed attributes uses SHA-512 for the message digest.
    let digest_algorithm = scheme.digest().unwrap_or(DigestAlgorithm::Sha512);
    let content_digest = digest_algorithm.digest(content);

    let leaf_tbs = leaf.certificate().map_err(enc)?.tbs_certificate;
    let issuer_serial = Some(IssuerSerial {
        issuer: alloc::vec![GeneralName::DirectoryName(leaf_tbs.issuer)],
        serial_number: leaf_tbs.serial_number,
    });
    let ess = if options.ess_v1 {
        use sha1::Digest;
        let v1 = SigningCertificateV1 {
            certs: alloc::vec![EssCertIdV1 {
                cert_hash: OctetString::new(sha1::Sha1::digest(&leaf.der).to_vec()).map_err(enc)?,
                issuer_serial,
            }],
            policies: None,
        };
        attribute(oid::SIGNING_CERTIFICATE, &v1).map_err(enc)?
    } else {
        let v2 = SigningCertificateV2 {
            certs: alloc::vec![EssCertIdV2 {
                hash_algorithm: None,
                cert_hash: OctetString::new(DigestAlgorithm::Sha256.digest(&leaf.der))
                    .map_err(enc)?,
                issuer_serial,
            }],
            policies: None,
        };
        attribute(oid::SIGNING_CERTIFICATE_V2, &v2).map_err(enc)?
    };
    let mut attrs = alloc::vec![
        attribute(oid::CONTENT_TYPE, &oid::DATA).map_err(enc)?,
        attribute(
            oid::MESSAGE_DIGEST,
            &OctetString::new(content_digest.clone()).map_err(enc)?
        )
        .map_err(enc)?,
        attribute(oid::SIGNING_TIME, &cms_time(signing_time)?).map_err(enc)?,
        ess,
    ];
    if options.role_attribute {
        attrs.push(role_attribute(role).map_err(enc)?);
    }
    let signed_attrs = SetOfVec::try_from(attrs).map_err(enc)?;
    let bytes = signed_attrs.to_der().map_err(enc)?;
    let digest = scheme.digest().map(|d| d.digest(&bytes));
    Ok(ToBeSigned {
        bytes,
        digest,
        digest_algorithm,
        scheme,
        content_digest,
        role,
        signing_time,
        signed_attrs,
        chain: chain.to_vec(),
        signer_key: key,
        unchecked: options.unchecked,
    })
}
