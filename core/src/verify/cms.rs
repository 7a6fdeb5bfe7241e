//! Reading a detached CMS SignedData and checking its parts: message digest, signature over the signed
//! attributes, ESS signing-certificate-v2. Shared by record signatures, status-list signatures and
//! RFC 3161 timestamp tokens.

use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::asn1::{OctetStringRef, Utf8StringRef};
use der::{Decode, Tag};
use spki::AlgorithmIdentifierOwned;
use x509_cert::time::Time;

use super::ess::{read_signing_certificate_v1, read_signing_certificate_v2, EssCertId};
use crate::pki::der_view::{context, Tlv};
use crate::pki::{AlgorithmError, CertInfo, DigestAlgorithm, SignatureScheme};
use crate::pki::{NoPathCache, PathCache, TrustStore};
use crate::sign::profile::oid;
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
    /// The signer's certificate is neither embedded nor (where a trust store is given) held.
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
    /// The first certificate named by ESS signing-certificate-v2 (`None` when the attribute is absent
    /// or names none).
    pub signing_certificate_v2: Option<EssCertId>,
    /// The first certificate named by ESS signing-certificate (v1: its hash is SHA-1), which signers
    /// write instead of v2 when they use SHA-1 for the certificate (ETSI EN 319 122-1 §5.2.2.3).
    pub signing_certificate_v1: Option<EssCertId>,
    /// RFC 3161 signature timestamp tokens (unsigned attribute), DER.
    pub timestamp_tokens: Vec<Vec<u8>>,
}

fn malformed(e: &dyn core::fmt::Display) -> CmsError {
    CmsError::Malformed {
        detail: e.to_string(),
    }
}

/// One attribute of a SignerInfo: its type and the raw values of its SET.
struct RawAttribute<'a> {
    oid: ObjectIdentifier,
    values: Vec<Tlv<'a>>,
}

/// The attributes inside a `[0]`/`[1] IMPLICIT SET OF Attribute`.
fn raw_attributes<'a>(set: &Tlv<'a>) -> Result<Vec<RawAttribute<'a>>, der::Error> {
    let mut out = Vec::new();
    for attr in set.children()? {
        let mut fields = attr?.expect(Tag::Sequence)?.children()?;
        let oid = fields.required()?.decode::<ObjectIdentifier>()?;
        let values = fields
            .required()?
            .expect(Tag::Set)?
            .children()?
            .collect::<Result<Vec<_>, _>>()?;
        fields.finish()?;
        out.push(RawAttribute { oid, values });
    }
    Ok(out)
}

/// The only value of attribute `oid` decoded as `T`: `None` if absent, an error if repeated,
/// multi-valued or malformed (RFC 5652 §11: these attributes have exactly one value).
fn single_value<'a, T: Decode<'a>>(
    attrs: &[RawAttribute<'a>],
    oid: &ObjectIdentifier,
    attribute: &'static str,
) -> Result<Option<T>, CmsError> {
    single_value_with(attrs, oid, attribute, |value| value.decode::<T>())
}

/// [`single_value`], read by `read`.
fn single_value_with<'a, T>(
    attrs: &[RawAttribute<'a>],
    oid: &ObjectIdentifier,
    attribute: &'static str,
    read: impl FnOnce(&Tlv<'a>) -> Result<T, der::Error>,
) -> Result<Option<T>, CmsError> {
    let mut found = attrs.iter().filter(|a| &a.oid == oid);
    let Some(attr) = found.next() else {
        return Ok(None);
    };
    match (found.next(), attr.values.as_slice()) {
        (None, [value]) => read(value)
            .map(Some)
            .map_err(|_| CmsError::AttributeMalformed { attribute }),
        _ => Err(CmsError::AttributeMalformed { attribute }),
    }
}

/// Reads a CMS ContentInfo (DER) holding SignedData with exactly one signer and signed attributes.
///
/// # Errors
/// [`CmsError`].
pub fn read_cms(cms_der: &[u8]) -> Result<CmsFacts, CmsError> {
    read_cms_cached(cms_der, &NoPathCache)
}

/// The structure of SignedData (RFC 5652 §5.1), cut into the parts hocba reads.
struct SignedDataParts<'a> {
    econtent_type: ObjectIdentifier,
    econtent: Option<Vec<u8>>,
    certificates: Vec<Tlv<'a>>,
    signer_infos: Vec<Tlv<'a>>,
}

fn signed_data_parts(cms_der: &[u8]) -> Result<SignedDataParts<'_>, CmsError> {
    let m = |e: der::Error| malformed(&e);
    // ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
    let mut ci = Tlv::parse(cms_der)
        .and_then(|t| t.expect(Tag::Sequence))
        .and_then(|t| t.children())
        .map_err(m)?;
    let content_type = ci
        .required()
        .and_then(|t| t.decode::<ObjectIdentifier>())
        .map_err(m)?;
    if content_type != oid::SIGNED_DATA {
        return Err(CmsError::NotSignedData {
            content_type: content_type.to_string(),
        });
    }
    let mut explicit = ci
        .required_with(context(der::TagNumber::N0, true))
        .and_then(|t| t.children())
        .map_err(m)?;
    let signed_data = explicit.required_with(Tag::Sequence).map_err(m)?;
    explicit.finish().map_err(m)?;
    ci.finish().map_err(m)?;

    // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
    //   certificates [0] IMPLICIT OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }
    let mut fields = signed_data.children().map_err(m)?;
    fields.required_with(Tag::Integer).map_err(m)?;
    for alg in fields
        .required_with(Tag::Set)
        .and_then(|t| t.children())
        .map_err(m)?
    {
        alg.and_then(|t| t.decode::<AlgorithmIdentifierOwned>())
            .map_err(m)?;
    }
    let mut encap = fields
        .required_with(Tag::Sequence)
        .and_then(|t| t.children())
        .map_err(m)?;
    let econtent_type = encap
        .required()
        .and_then(|t| t.decode::<ObjectIdentifier>())
        .map_err(m)?;
    let econtent = match encap
        .optional(context(der::TagNumber::N0, true))
        .map_err(m)?
    {
        None => None,
        Some(wrapper) => {
            let mut inner = wrapper.children().map_err(m)?;
            let octets = inner
                .required()
                .and_then(|t| t.decode::<OctetStringRef<'_>>())
                .map_err(m)?;
            inner.finish().map_err(m)?;
            Some(octets.as_bytes().to_vec())
        }
    };
    encap.finish().map_err(m)?;
    let certificates = match fields
        .optional(context(der::TagNumber::N0, true))
        .map_err(m)?
    {
        None => Vec::new(),
        Some(set) => set.children().and_then(Iterator::collect).map_err(m)?,
    };
    if let Some(crls) = fields
        .optional(context(der::TagNumber::N1, true))
        .map_err(m)?
    {
        // Revocation data travels beside the record (design §4), not inside the CMS; still well formed.
        crls.children()
            .and_then(|c| c.collect::<Result<Vec<_>, _>>())
            .map_err(m)?;
    }
    let signer_infos = fields
        .required_with(Tag::Set)
        .and_then(|t| t.children())
        .and_then(Iterator::collect)
        .map_err(m)?;
    fields.finish().map_err(m)?;
    Ok(SignedDataParts {
        econtent_type,
        econtent,
        certificates,
        signer_infos,
    })
}

/// The X.509 certificates of a SignedData: a "certs-only" PKCS #7 bundle (`.p7b`, `.p7c`: RFC 5652
/// SignedData without signers, how CAs often publish their chains) or any signed CMS. Other certificate
/// formats are skipped, as for signatures.
///
/// # Errors
/// [`CmsError`]: not a SignedData, malformed, more than [`crate::pki::pem::MAX_BLOCKS`] certificates.
pub fn signed_data_certificates(cms_der: &[u8]) -> Result<Vec<CertInfo>, CmsError> {
    let parts = signed_data_parts(cms_der)?;
    if parts.certificates.len() > crate::pki::pem::MAX_BLOCKS {
        return Err(CmsError::TooManyCertificates {
            count: parts.certificates.len(),
            limit: crate::pki::pem::MAX_BLOCKS,
        });
    }
    parts
        .certificates
        .iter()
        .filter(|choice| choice.tag == Tag::Sequence)
        .enumerate()
        .map(|(n, choice)| {
            CertInfo::from_der(choice.raw).map_err(|e| CmsError::Malformed {
                detail: alloc::format!("certificate {n}: {e}"),
            })
        })
        .collect()
}

/// The embedded certificates: taken from `cache` by the SHA-256 of their bytes, decoded on a miss.
fn embedded_certificates(
    choices: &[Tlv<'_>],
    cache: &dyn PathCache,
) -> Result<Vec<Arc<CertInfo>>, CmsError> {
    if choices.len() > MAX_EMBEDDED_CERTS {
        return Err(CmsError::TooManyCertificates {
            count: choices.len(),
            limit: MAX_EMBEDDED_CERTS,
        });
    }
    let mut embedded = Vec::with_capacity(choices.len());
    for (n, choice) in choices.iter().enumerate() {
        match choice.tag {
            Tag::Sequence => {
                // The decoded certificate is a function of these bytes alone: the memo is exact.
                let key: [u8; 32] = sha2::Sha256::digest(choice.raw).into();
                if let Some(info) = cache.certificate(&key) {
                    embedded.push(info);
                    continue;
                }
                let info = CertInfo::from_der_with_fingerprint(choice.raw, key).map_err(|e| {
                    CmsError::Malformed {
                        detail: alloc::format!("embedded certificate {n}: {e}"),
                    }
                })?;
                let info = Arc::new(info);
                cache.put_certificate(key, Arc::clone(&info));
                embedded.push(info);
            }
            // Extended, attribute and other certificate formats (CertificateChoices [0]–[3]) say
            // nothing about an X.509 path; they are allowed and not used.
            Tag::ContextSpecific { number, .. } if number.value() <= 3 => {}
            other => {
                return Err(CmsError::Malformed {
                    detail: alloc::format!("embedded certificate {n}: unexpected tag {other}"),
                })
            }
        }
    }
    Ok(embedded)
}

/// [`read_cms`] that takes embedded certificates already decoded from `cache` and remembers new ones
/// (the facts are the same).
///
/// The CMS is walked in place ([`Tlv`]): only the leaves hocba uses are decoded, and an
/// embedded certificate only when the cache does not hold it.
///
/// # Errors
/// [`CmsError`].
pub fn read_cms_cached(cms_der: &[u8], cache: &dyn PathCache) -> Result<CmsFacts, CmsError> {
    read_cms_known(cms_der, cache, None)
}

/// [`read_cms_cached`] that looks for the signer's certificate in `store` too when the CMS does not
/// embed it: an RFC 3161 token carries the TSA's certificate only if the request asked for it (`certReq`,
/// which `openssl ts -query` leaves out unless given `-cert`), and a signer may leave out a certificate
/// the verifier holds (a school's seal in the trust store, D-51). An embedded certificate is preferred.
///
/// # Errors
/// [`CmsError`].
pub fn read_cms_with_store(
    cms_der: &[u8],
    cache: &dyn PathCache,
    store: &TrustStore,
) -> Result<CmsFacts, CmsError> {
    read_cms_known(cms_der, cache, Some(store))
}

fn read_cms_known(
    cms_der: &[u8],
    cache: &dyn PathCache,
    store: Option<&TrustStore>,
) -> Result<CmsFacts, CmsError> {
    if cms_der.len() > MAX_CMS_BYTES {
        return Err(CmsError::TooLarge {
            size: cms_der.len(),
            limit: MAX_CMS_BYTES,
        });
    }
    let read = read_der_cms(cms_der, cache, store);
    if let Err(CmsError::Malformed { .. }) = &read {
        // Not DER: RFC 5652 allows BER for SignedData, which streaming signers write (D-98). What is
        // signed inside is DER and keeps its bytes through the conversion.
        if let Ok(der) = super::ber::to_der(cms_der) {
            if der != cms_der {
                return read_der_cms(&der, cache, store);
            }
        }
    }
    read
}

/// [`read_cms_known`] on DER.
fn read_der_cms(
    cms_der: &[u8],
    cache: &dyn PathCache,
    store: Option<&TrustStore>,
) -> Result<CmsFacts, CmsError> {
    let m = |e: der::Error| malformed(&e);
    let parts = signed_data_parts(cms_der)?;
    let [signer_info] = parts.signer_infos.as_slice() else {
        return Err(CmsError::SignerCount {
            count: parts.signer_infos.len(),
        });
    };

    // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, signedAttrs [0] IMPLICIT OPTIONAL,
    //   signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }
    let mut fields = signer_info
        .expect(Tag::Sequence)
        .and_then(|t| t.children())
        .map_err(m)?;
    fields.required_with(Tag::Integer).map_err(m)?;
    let sid = fields.required().map_err(m)?;
    let digest_alg = fields
        .required()
        .and_then(|t| t.decode::<AlgorithmIdentifierOwned>())
        .map_err(m)?;
    let signed_attrs = fields
        .optional(context(der::TagNumber::N0, true))
        .map_err(m)?
        .ok_or(CmsError::NoSignedAttributes)?;
    let signature_alg = fields
        .required()
        .and_then(|t| t.decode::<AlgorithmIdentifierOwned>())
        .map_err(m)?;
    let signature = fields
        .required()
        .and_then(|t| t.decode::<OctetStringRef<'_>>())
        .map_err(m)?;
    let unsigned_attrs = fields
        .optional(context(der::TagNumber::N1, true))
        .map_err(m)?;
    fields.finish().map_err(m)?;

    let embedded = embedded_certificates(&parts.certificates, cache)?;
    let held = store.map_or(&[][..], TrustStore::intermediates).iter();
    let held = held.chain(store.map_or(&[][..], TrustStore::anchors));
    let mut candidates = embedded.iter().chain(held);
    let signer_cert = match sid.tag {
        // IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber INTEGER }
        Tag::Sequence => {
            let mut ias = sid.children().map_err(m)?;
            let issuer = ias.required_with(Tag::Sequence).map_err(m)?;
            let serial = ias.required_with(Tag::Integer).map_err(m)?;
            ias.finish().map_err(m)?;
            let issuer = crate::pki::name_key(issuer.raw);
            candidates.find(|c| c.serial == serial.value && c.has_issuer_key(&issuer))
        }
        // subjectKeyIdentifier [0] IMPLICIT OCTET STRING
        Tag::ContextSpecific {
            constructed: false,
            number: der::TagNumber::N0,
        } => candidates.find(|c| c.ski.as_deref() == Some(sid.value)),
        other => {
            return Err(CmsError::Malformed {
                detail: alloc::format!("signer identifier with tag {other}"),
            })
        }
    }
    .cloned()
    .ok_or(CmsError::SignerCertificateMissing)?;

    let digest_algorithm = DigestAlgorithm::from_oid(&digest_alg.oid);
    let scheme = digest_algorithm
        .clone()
        .and_then(|d| SignatureScheme::from_cms(&signature_alg, d));

    let attrs = raw_attributes(&signed_attrs).map_err(m)?;
    // The signature covers the attributes as sent, retagged as SET OF (RFC 5652 §5.4).
    let mut signed_attrs_der = signed_attrs.raw.to_vec();
    signed_attrs_der[0] = 0x31;
    let content_type_attr =
        single_value::<ObjectIdentifier>(&attrs, &oid::CONTENT_TYPE, "content-type")?;
    let message_digest =
        single_value::<OctetStringRef<'_>>(&attrs, &oid::MESSAGE_DIGEST, "message-digest")?
            .map(|o| o.as_bytes().to_vec());
    let signing_time = single_value::<Time>(&attrs, &oid::SIGNING_TIME, "signing-time")?
        .map(|t| UnixTime::from_x509(&t));
    let role_attribute =
        single_value::<Utf8StringRef<'_>>(&attrs, &oid::HOCBA_SIGNER_ROLE, "hocba-signer-role")?
            .map(|s| s.as_str().into());
    let signing_certificate_v2 = single_value_with(
        &attrs,
        &oid::SIGNING_CERTIFICATE_V2,
        "signing-certificate-v2",
        |value| read_signing_certificate_v2(*value),
    )?
    .flatten();
    let signing_certificate_v1 = single_value_with(
        &attrs,
        &oid::SIGNING_CERTIFICATE,
        "signing-certificate",
        |value| read_signing_certificate_v1(*value),
    )?
    .flatten();
    let mut timestamp_tokens = Vec::new();
    if let Some(unsigned) = unsigned_attrs {
        for attr in raw_attributes(&unsigned).map_err(m)? {
            if attr.oid == oid::SIGNATURE_TIMESTAMP {
                timestamp_tokens.extend(attr.values.iter().map(|v| v.raw.to_vec()));
            }
        }
    }
    Ok(CmsFacts {
        signer_cert,
        embedded,
        digest_algorithm,
        scheme,
        signed_attrs_der,
        signature: signature.as_bytes().to_vec(),
        econtent_type: parts.econtent_type,
        econtent: parts.econtent,
        content_type_attr,
        message_digest,
        signing_time,
        role_attribute,
        signing_certificate_v2,
        signing_certificate_v1,
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
        self.check_digest_with(content, None, expected_type)
    }

    /// [`Self::check_digest`] with the content's SHA-256 already computed (the signatures of one record
    /// share it; another digest algorithm hashes `content`).
    ///
    /// # Errors
    /// [`DigestError`].
    pub fn check_digest_with(
        &self,
        content: &[u8],
        content_sha256: Option<&[u8]>,
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
        let matches = match (&algorithm, content_sha256) {
            (DigestAlgorithm::Sha256, Some(known)) => known == signed,
            _ => algorithm.digest(content) == signed,
        };
        if matches {
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
        self.check_signature_in(&crate::pki::NoPathCache)
    }

    /// [`SignerFacts::check_signature`], asking `cache` first whether the outcome is known
    /// ([`PathCache::known_signature`]).
    ///
    /// # Errors
    /// As [`SignerFacts::check_signature`].
    pub fn check_signature_in(&self, cache: &dyn PathCache) -> Result<(), AlgorithmError> {
        let scheme = self.scheme.clone()?;
        self.signer_cert
            .verify_message_in(cache, scheme, &self.signed_attrs_der, &self.signature)
    }

    /// Checks the algorithm policy alone (digest, scheme, key) without verifying.
    ///
    /// # Errors
    /// The policy's refusal.
    pub fn check_algorithms(&self) -> Result<(), AlgorithmError> {
        self.digest_algorithm.clone()?;
        let scheme = self.scheme.clone()?;
        let key = self.signer_cert.key.as_ref().map_err(Clone::clone)?;
        key.fits(scheme)
    }

    /// Checks the ESS signing-certificate attributes: at least one present, and the first entry of each
    /// present names the signer's certificate (digest of the whole certificate, and issuer/serial when
    /// given). Tells which attribute bound the signature: v2 when present, else v1.
    ///
    /// # Errors
    /// [`EssError`].
    pub fn check_signing_certificate(&self) -> Result<EssAttribute, EssError> {
        let (v2, v1) = (&self.signing_certificate_v2, &self.signing_certificate_v1);
        if let Some(first) = v2 {
            let alg = match &first.hash_algorithm {
                None => DigestAlgorithm::Sha256,
                Some(oid) => DigestAlgorithm::from_oid(oid).map_err(EssError::Algorithm)?,
            };
            let cert_hash = match alg {
                DigestAlgorithm::Sha256 => self.signer_cert.fingerprint.to_vec(),
                other => other.digest(&self.signer_cert.der),
            };
            self.names_signer(first, &cert_hash)?;
        }
        // SHA-1 here only identifies a certificate the signature already names by issuer and serial
        // or key identifier; a signature's own digest is never SHA-1 (the algorithm policy refuses it).
        if let Some(first) = v1 {
            use sha1::Digest;
            self.names_signer(first, &sha1::Sha1::digest(&self.signer_cert.der))?;
        }
        match (v2, v1) {
            (Some(_), _) => Ok(EssAttribute::SigningCertificateV2),
            (None, Some(_)) => Ok(EssAttribute::SigningCertificate),
            (None, None) => Err(EssError::Missing),
        }
    }

    /// Whether an ESSCertID names the signer's certificate, `cert_hash` being the certificate's digest
    /// with the algorithm the entry uses.
    fn names_signer(&self, first: &EssCertId, cert_hash: &[u8]) -> Result<(), EssError> {
        if cert_hash != first.cert_hash.as_slice() {
            return Err(EssError::Mismatch);
        }
        if let Some(is) = &first.issuer_serial {
            let serial_ok = is.serial == self.signer_cert.serial;
            let issuer_ok = is
                .directory_names
                .iter()
                .any(|name| self.signer_cert.has_issuer_key(&crate::pki::name_key(name)));
            if !serial_ok || !issuer_ok {
                return Err(EssError::Mismatch);
            }
        }
        Ok(())
    }
}

/// The ESS attribute that bound a signature to its signer's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EssAttribute {
    /// signing-certificate-v2 (RFC 5035), SHA-256 or stronger.
    SigningCertificateV2,
    /// signing-certificate (RFC 2634), SHA-1, with no v2 beside it.
    SigningCertificate,
}

/// ESS signing-certificate problems.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EssError {
    /// Absent (CAdES-B requires it: it stops a certificate substitution).
    #[error(
        "the signature has no ESS signing-certificate-v2 (or signing-certificate) attribute (required by CAdES-B; OpenSSL writes it with `cms -sign -cades`)"
    )]
    Missing,
    /// It names another certificate than the one embedded as the signer's.
    #[error("the ESS signing-certificate attribute names another certificate than the signer's")]
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
                "chữ ký thiếu thuộc tính ESS signing-certificate-v2 (hoặc signing-certificate) (CAdES-B bắt buộc; OpenSSL ghi thuộc tính này với `cms -sign -cades`)".into()
            }
            (EssError::Mismatch, Lang::Vi) => {
                "thuộc tính ESS signing-certificate chỉ tới chứng thư khác với chứng thư của người ký".into()
            }
            (EssError::Algorithm(e), Lang::Vi) => e.message(Lang::Vi),
        }
    }
}
