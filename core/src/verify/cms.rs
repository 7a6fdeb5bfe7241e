//! Reading a detached CMS SignedData and checking its parts: message digest, signature over the signed
//! attributes, ESS signing-certificate-v2. Shared by record signatures, status-list signatures and
//! RFC 3161 timestamp tokens.

use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use const_oid::ObjectIdentifier;
use der::asn1::OctetStringRef;
use der::{Decode, Encode};
use x509_cert::attr::Attribute;
use x509_cert::time::Time;

use crate::pki::der_view;
use crate::pki::{AlgorithmError, CertInfo, DigestAlgorithm, SignatureScheme};
use crate::pki::{NoPathCache, PathCache};
use crate::sign::profile::{oid, read_role_attribute, single_attribute, SigningCertificateV2};
use crate::time::UnixTime;
use crate::Lang;
use sha2::Digest;

/// Largest CMS accepted, in bytes.
pub const MAX_CMS_BYTES: usize = 256 * 1024;
/// Most certificates one CMS may embed.
pub const MAX_EMBEDDED_CERTS: usize = 16;

/// A CMS that cannot be read as hocba's profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CmsError {
    /// Larger than [`MAX_CMS_BYTES`].
    #[error("the CMS signature is {size} bytes, more than {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not DER, truncated, or not the CMS structure.
    #[error("the CMS signature cannot be read: {detail}")]
    Malformed {
        /// The decoder's words.
        detail: String,
    },
    /// A ContentInfo of another type than SignedData.
    #[error("the CMS is not SignedData but {content_type}")]
    NotSignedData {
        /// Its content type.
        content_type: String,
    },
    /// Not exactly one SignerInfo.
    #[error("the CMS has {count} signers, hocba expects exactly one per signature")]
    SignerCount {
        /// How many.
        count: usize,
    },
    /// No signed attributes (CAdES requires them).
    #[error("the CMS signer has no signed attributes")]
    NoSignedAttributes,
    /// A signed attribute that is malformed, repeated or multi-valued.
    #[error("the signed attribute {attribute} is malformed")]
    AttributeMalformed {
        /// Its name.
        attribute: &'static str,
    },
    /// The signer's certificate is not embedded.
    #[error("the signer's certificate is not embedded in the CMS")]
    SignerCertificateMissing,
    /// Too many embedded certificates.
    #[error("the CMS embeds {count} certificates, more than {limit}")]
    TooManyCertificates {
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

impl CmsError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            CmsError::TooLarge { .. } => "cms_too_large",
            CmsError::Malformed { .. } => "cms_malformed",
            CmsError::NotSignedData { .. } => "cms_not_signed_data",
            CmsError::SignerCount { .. } => "cms_signer_count",
            CmsError::NoSignedAttributes => "cms_no_signed_attributes",
            CmsError::AttributeMalformed { .. } => "cms_attribute_malformed",
            CmsError::SignerCertificateMissing => "signer_certificate_missing",
            CmsError::TooManyCertificates { .. } => "cms_too_many_certificates",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CmsError::TooLarge { size, limit } => {
                alloc::format!("chữ ký CMS có {size} byte, vượt giới hạn {limit} byte")
            }
            CmsError::Malformed { detail } => {
                alloc::format!("không đọc được chữ ký CMS (bị cắt cụt hoặc hỏng): {detail}")
            }
            CmsError::NotSignedData { content_type } => {
                alloc::format!("CMS không phải SignedData mà là {content_type}")
            }
            CmsError::SignerCount { count } => alloc::format!(
                "CMS có {count} người ký, hocba yêu cầu đúng một người ký cho mỗi chữ ký"
            ),
            CmsError::NoSignedAttributes => {
                "người ký trong CMS không có thuộc tính được ký (CAdES bắt buộc)".into()
            }
            CmsError::AttributeMalformed { attribute } => {
                alloc::format!("thuộc tính được ký {attribute} sai cấu trúc")
            }
            CmsError::SignerCertificateMissing => {
                "chứng thư số của người ký không được đính kèm trong CMS".into()
            }
            CmsError::TooManyCertificates { count, limit } => {
                alloc::format!("CMS đính kèm {count} chứng thư, vượt giới hạn {limit}")
            }
        }
    }
}

/// Everything read from a CMS, before anything is judged.
#[derive(Debug, Clone)]
pub struct CmsFacts {
    /// The signer's certificate (found among the embedded ones).
    pub signer_cert: Arc<CertInfo>,
    /// Every embedded certificate that could be decoded.
    pub embedded: Vec<Arc<CertInfo>>,
    /// The SignerInfo's digest algorithm, or why it is refused.
    pub digest_algorithm: Result<DigestAlgorithm, AlgorithmError>,
    /// The signature scheme, or why it is refused.
    pub scheme: Result<SignatureScheme, AlgorithmError>,
    /// The signed attributes exactly as signed (DER SET OF, tag 0x31).
    pub signed_attrs_der: Vec<u8>,
    /// The signature value.
    pub signature: Vec<u8>,
    /// eContentType.
    pub econtent_type: ObjectIdentifier,
    /// The encapsulated content, when not detached.
    pub econtent: Option<Vec<u8>>,
    /// The content-type attribute.
    pub content_type_attr: Option<ObjectIdentifier>,
    /// The message-digest attribute.
    pub message_digest: Option<Vec<u8>>,
    /// The signing-time attribute.
    pub signing_time: Option<UnixTime>,
    /// The role attribute's text.
    pub role_attribute: Option<String>,
    /// ESS signing-certificate-v2.
    pub signing_certificate_v2: Option<SigningCertificateV2>,
    /// RFC 3161 signature timestamp tokens (unsigned attribute), DER.
    pub timestamp_tokens: Vec<Vec<u8>>,
}

fn malformed(e: &dyn core::fmt::Display) -> CmsError {
    CmsError::Malformed {
        detail: e.to_string(),
    }
}

/// The raw signed attributes of the single SignerInfo, retagged as SET OF (RFC 5652 §5.4).
fn raw_signed_attrs(cms_der: &[u8]) -> Result<Vec<u8>, der::Error> {
    let content = der_view::child(cms_der, 1)?;
    let signed_data = der_view::child(content, 0)?;
    let fields = der_view::children(signed_data)?;
    let signer_infos = fields.last().copied().ok_or(der::ErrorKind::Failed)?;
    let signer_info = der_view::child(signer_infos, 0)?;
    let attrs = der_view::children(signer_info)?
        .into_iter()
        .find(|tlv| tlv.first() == Some(&0xA0))
        .ok_or(der::ErrorKind::Failed)?;
    let mut out = attrs.to_vec();
    out[0] = 0x31;
    Ok(out)
}

fn attr_time(attrs: &[Attribute]) -> Result<Option<UnixTime>, CmsError> {
    let bad = |_| CmsError::AttributeMalformed {
        attribute: "signing-time",
    };
    let Some(any) = single_attribute(attrs, &oid::SIGNING_TIME).map_err(bad)? else {
        return Ok(None);
    };
    let time = Time::from_der(&any.to_der().map_err(bad)?).map_err(bad)?;
    Ok(Some(UnixTime::from_x509(&time)))
}

/// Reads a CMS ContentInfo (DER) holding SignedData with exactly one signer and signed attributes.
///
/// # Errors
/// [`CmsError`].
pub fn read_cms(cms_der: &[u8]) -> Result<CmsFacts, CmsError> {
    read_cms_cached(cms_der, &NoPathCache)
}

/// [`read_cms`] that takes embedded certificates already decoded from `cache` and remembers new ones
/// (the facts are the same).
///
/// # Errors
/// [`CmsError`].
pub fn read_cms_cached(cms_der: &[u8], cache: &dyn PathCache) -> Result<CmsFacts, CmsError> {
    if cms_der.len() > MAX_CMS_BYTES {
        return Err(CmsError::TooLarge {
            size: cms_der.len(),
            limit: MAX_CMS_BYTES,
        });
    }
    let ci = ContentInfo::from_der(cms_der).map_err(|e| malformed(&e))?;
    if ci.content_type != oid::SIGNED_DATA {
        return Err(CmsError::NotSignedData {
            content_type: ci.content_type.to_string(),
        });
    }
    let sd: SignedData = ci.content.decode_as().map_err(|e| malformed(&e))?;
    let count = sd.signer_infos.0.len();
    if count != 1 {
        return Err(CmsError::SignerCount { count });
    }
    let si = sd
        .signer_infos
        .0
        .get(0)
        .ok_or(CmsError::SignerCount { count: 0 })?;
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or(CmsError::NoSignedAttributes)?;
    let signed_attrs_der = raw_signed_attrs(cms_der).map_err(|e| malformed(&e))?;

    let cert_choices = sd
        .certificates
        .as_ref()
        .map(|c| c.0.as_slice())
        .unwrap_or(&[]);
    if cert_choices.len() > MAX_EMBEDDED_CERTS {
        return Err(CmsError::TooManyCertificates {
            count: cert_choices.len(),
            limit: MAX_EMBEDDED_CERTS,
        });
    }
    let mut embedded = Vec::new();
    for choice in cert_choices {
        if let CertificateChoices::Certificate(c) = choice {
            let der_bytes = c.to_der().map_err(|e| malformed(&e))?;
            // The decoded certificate is a function of these bytes alone: the memo is exact.
            let key: [u8; 32] = sha2::Sha256::digest(&der_bytes).into();
            if let Some(info) = cache.certificate(&key) {
                embedded.push(info);
            } else if let Ok(info) = CertInfo::from_cert(c.clone(), der_bytes) {
                let info = Arc::new(info);
                cache.put_certificate(key, Arc::clone(&info));
                embedded.push(info);
            }
        }
    }
    let signer_cert = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            let issuer = ias.issuer.to_der().map_err(|e| malformed(&e))?;
            embedded
                .iter()
                .find(|c| c.issuer_der == issuer && c.serial == ias.serial_number.as_bytes())
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => embedded
            .iter()
            .find(|c| c.ski.as_deref() == Some(ski.0.as_bytes())),
    }
    .cloned()
    .ok_or(CmsError::SignerCertificateMissing)?;

    let digest_algorithm = DigestAlgorithm::from_oid(&si.digest_alg.oid);
    let scheme = digest_algorithm
        .clone()
        .and_then(|d| SignatureScheme::from_cms(&si.signature_algorithm, d));

    let content_type_attr = single_attribute(attrs.as_slice(), &oid::CONTENT_TYPE)
        .and_then(|a| a.map(|any| any.decode_as::<ObjectIdentifier>()).transpose())
        .map_err(|_| CmsError::AttributeMalformed {
            attribute: "content-type",
        })?;
    let message_digest = single_attribute(attrs.as_slice(), &oid::MESSAGE_DIGEST)
        .and_then(|a| {
            a.map(|any| {
                any.decode_as::<OctetStringRef<'_>>()
                    .map(|o| o.as_bytes().to_vec())
            })
            .transpose()
        })
        .map_err(|_| CmsError::AttributeMalformed {
            attribute: "message-digest",
        })?;
    let signing_time = attr_time(attrs.as_slice())?;
    let role_attribute =
        read_role_attribute(attrs.as_slice()).map_err(|_| CmsError::AttributeMalformed {
            attribute: "hocba-signer-role",
        })?;
    let signing_certificate_v2 = single_attribute(attrs.as_slice(), &oid::SIGNING_CERTIFICATE_V2)
        .and_then(|a| {
            a.map(|any| SigningCertificateV2::from_der(&any.to_der()?))
                .transpose()
        })
        .map_err(|_| CmsError::AttributeMalformed {
            attribute: "signing-certificate-v2",
        })?;
    let mut timestamp_tokens = Vec::new();
    for attr in si
        .unsigned_attrs
        .as_ref()
        .map(|a| a.as_slice())
        .unwrap_or(&[])
    {
        if attr.oid == oid::SIGNATURE_TIMESTAMP {
            for v in attr.values.iter() {
                timestamp_tokens.push(v.to_der().map_err(|e| malformed(&e))?);
            }
        }
    }
    let econtent = sd
        .encap_content_info
        .econtent
        .as_ref()
        .map(|any| {
            any.decode_as::<OctetStringRef<'_>>()
                .map(|o| o.as_bytes().to_vec())
        })
        .transpose()
        .map_err(|e| malformed(&e))?;
    Ok(CmsFacts {
        signer_cert,
        embedded,
        digest_algorithm,
        scheme,
        signed_attrs_der,
        signature: si.signature.as_bytes().to_vec(),
        econtent_type: sd.encap_content_info.econtent_type,
        econtent,
        content_type_attr,
        message_digest,
        signing_time,
        role_attribute,
        signing_certificate_v2,
        timestamp_tokens,
    })
}

/// The content does not match what was signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DigestError {
    /// content-type attribute absent or not the expected type.
    #[error("the signed content type is {found}, expected {expected}")]
    ContentType {
        /// What the attribute says.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// message-digest attribute absent.
    #[error("the signature has no message-digest attribute")]
    MissingDigest,
    /// The content's digest differs: the content changed after signing.
    #[error("the content changed after signing: its {algorithm} digest does not match the signed digest")]
    Mismatch {
        /// The digest algorithm.
        algorithm: &'static str,
    },
    /// The digest algorithm is refused.
    #[error("{0}")]
    Algorithm(AlgorithmError),
}

impl DigestError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            DigestError::ContentType { .. } => "content_type_mismatch",
            DigestError::MissingDigest => "message_digest_missing",
            DigestError::Mismatch { .. } => "digest_mismatch",
            DigestError::Algorithm(e) => e.code(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            DigestError::ContentType { found, expected } => {
                alloc::format!("loại nội dung được ký là {found}, cần {expected}")
            }
            DigestError::MissingDigest => "chữ ký không có thuộc tính message-digest".into(),
            DigestError::Mismatch { algorithm } => alloc::format!(
                "nội dung đã bị thay đổi sau khi ký: giá trị băm {algorithm} không khớp với giá trị đã ký"
            ),
            DigestError::Algorithm(e) => e.message(Lang::Vi),
        }
    }
}

impl CmsFacts {
    /// Checks the content-type and message-digest attributes against `content`.
    ///
    /// # Errors
    /// [`DigestError`].
    pub fn check_digest(
        &self,
        content: &[u8],
        expected_type: ObjectIdentifier,
    ) -> Result<(), DigestError> {
        let algorithm = self
            .digest_algorithm
            .clone()
            .map_err(DigestError::Algorithm)?;
        match self.content_type_attr {
            Some(t) if t == expected_type && self.econtent_type == expected_type => {}
            found => {
                return Err(DigestError::ContentType {
                    found: found.map_or_else(|| "(absent)".into(), |t| t.to_string()),
                    expected: expected_type.to_string(),
                })
            }
        }
        let signed = self
            .message_digest
            .as_deref()
            .ok_or(DigestError::MissingDigest)?;
        if algorithm.digest(content) == signed {
            Ok(())
        } else {
            Err(DigestError::Mismatch {
                algorithm: algorithm.name(),
            })
        }
    }

    /// Checks the signature over the signed attributes with the signer certificate's key.
    ///
    /// # Errors
    /// The policy's refusal or [`AlgorithmError::BadSignature`].
    pub fn check_signature(&self) -> Result<(), AlgorithmError> {
        let scheme = self.scheme.clone()?;
        let key = self.signer_cert.key.as_ref().map_err(Clone::clone)?;
        key.verify(scheme, &self.signed_attrs_der, &self.signature)
    }

    /// Checks the algorithm policy alone (digest, scheme, key) without verifying.
    ///
    /// # Errors
    /// The policy's refusal.
    pub fn check_algorithms(&self) -> Result<(), AlgorithmError> {
        self.digest_algorithm.clone()?;
        let scheme = self.scheme.clone()?;
        let key = self.signer_cert.key.as_ref().map_err(Clone::clone)?;
        let fits = matches!(
            (key, scheme),
            (
                crate::pki::PublicKey::Rsa(_),
                SignatureScheme::RsaPkcs1(_) | SignatureScheme::RsaPss { .. }
            ) | (
                crate::pki::PublicKey::P256(_) | crate::pki::PublicKey::P384(_),
                SignatureScheme::Ecdsa(_)
            ) | (crate::pki::PublicKey::Ed25519(_), SignatureScheme::Ed25519)
        );
        if fits {
            Ok(())
        } else {
            Err(AlgorithmError::KeyAlgorithmMismatch {
                scheme: scheme.name(),
                key: key.kind(),
            })
        }
    }

    /// Checks ESS signing-certificate-v2: present, and its first entry names the signer's certificate
    /// (digest of the whole certificate, and issuer/serial when given).
    ///
    /// # Errors
    /// [`EssError`].
    pub fn check_signing_certificate(&self) -> Result<(), EssError> {
        let ess = self
            .signing_certificate_v2
            .as_ref()
            .ok_or(EssError::Missing)?;
        let first = ess.certs.first().ok_or(EssError::Missing)?;
        let alg = match &first.hash_algorithm {
            None => DigestAlgorithm::Sha256,
            Some(a) => DigestAlgorithm::from_oid(&a.oid).map_err(EssError::Algorithm)?,
        };
        if alg.digest(&self.signer_cert.der) != first.cert_hash.as_bytes() {
            return Err(EssError::Mismatch);
        }
        if let Some(is) = &first.issuer_serial {
            let serial_ok = is.serial_number.as_bytes() == self.signer_cert.serial.as_slice();
            let issuer_ok = is.issuer.iter().any(|gn| match gn {
                x509_cert::ext::pkix::name::GeneralName::DirectoryName(n) => {
                    n.to_der().ok().as_deref() == Some(self.signer_cert.issuer_der.as_slice())
                }
                _ => false,
            });
            if !serial_ok || !issuer_ok {
                return Err(EssError::Mismatch);
            }
        }
        Ok(())
    }
}

/// ESS signing-certificate-v2 problems.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EssError {
    /// Absent (CAdES-B requires it: it stops a certificate substitution).
    #[error("the signature has no ESS signing-certificate-v2 attribute (required by CAdES-B)")]
    Missing,
    /// It names another certificate than the one embedded as the signer's.
    #[error(
        "the ESS signing-certificate-v2 attribute names another certificate than the signer's"
    )]
    Mismatch,
    /// Its digest algorithm is refused.
    #[error("{0}")]
    Algorithm(AlgorithmError),
}

impl EssError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            EssError::Missing => "signing_certificate_missing",
            EssError::Mismatch => "signing_certificate_mismatch",
            EssError::Algorithm(e) => e.code(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (EssError::Missing, Lang::Vi) => {
                "chữ ký thiếu thuộc tính ESS signing-certificate-v2 (CAdES-B bắt buộc)".into()
            }
            (EssError::Mismatch, Lang::Vi) => {
                "thuộc tính ESS signing-certificate-v2 chỉ tới chứng thư khác với chứng thư của người ký".into()
            }
            (EssError::Algorithm(e), Lang::Vi) => e.message(Lang::Vi),
        }
    }
}
