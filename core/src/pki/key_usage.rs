//! Key usage: what a certificate's key may be used for (RFC 5280 §4.2.1.3, §4.2.1.12).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;

use super::cert::{ext_oid, CertInfo};
use crate::Lang;

/// What the key is wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// Signing a document: digitalSignature or nonRepudiation (contentCommitment).
    DocumentSigning,
    /// Signing certificates: keyCertSign.
    CertificateSigning,
    /// Signing CRLs: cRLSign.
    CrlSigning,
    /// Issuing RFC 3161 timestamps: extKeyUsage id-kp-timeStamping (and digitalSignature or nonRepudiation
    /// when keyUsage is present).
    TimeStamping,
}

impl Usage {
    /// The usage's name in `lang`.
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Usage::DocumentSigning, Lang::Vi) => {
                "ký văn bản (digitalSignature hoặc nonRepudiation)"
            }
            (Usage::DocumentSigning, Lang::En) => {
                "document signing (digitalSignature or nonRepudiation)"
            }
            (Usage::CertificateSigning, Lang::Vi) => "ký chứng thư số (keyCertSign)",
            (Usage::CertificateSigning, Lang::En) => "certificate signing (keyCertSign)",
            (Usage::CrlSigning, Lang::Vi) => "ký danh sách thu hồi (cRLSign)",
            (Usage::CrlSigning, Lang::En) => "CRL signing (cRLSign)",
            (Usage::TimeStamping, Lang::Vi) => "cấp dấu thời gian (id-kp-timeStamping)",
            (Usage::TimeStamping, Lang::En) => "time-stamping (id-kp-timeStamping)",
        }
    }
}

/// A key used for something its certificate does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyUsageError {
    /// keyUsage or extKeyUsage excludes the use.
    #[error("the certificate of {subject} does not allow {}", usage.text(Lang::En))]
    NotAllowed {
        /// The certificate's subject.
        subject: String,
        /// The use refused.
        usage: Usage,
    },
    /// extKeyUsage restricts the key to purposes other than signing documents (RFC 5280 §4.2.1.12: "the
    /// certificate MUST only be used for one of the purposes indicated").
    #[error(
        "the certificate of {subject} is restricted by extKeyUsage to {purposes}, not to signing documents"
    )]
    OtherPurposes {
        /// The certificate's subject.
        subject: String,
        /// The purposes it names, comma-separated.
        purposes: String,
    },
}

impl KeyUsageError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            KeyUsageError::NotAllowed { .. } => "key_usage_not_allowed",
            KeyUsageError::OtherPurposes { .. } => "ext_key_usage_not_allowed",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => alloc::string::ToString::to_string(e),
            (KeyUsageError::NotAllowed { subject, usage }, Lang::Vi) => alloc::format!(
                "chứng thư số của {subject} không cho phép dùng khoá để {}",
                usage.text(Lang::Vi)
            ),
            (KeyUsageError::OtherPurposes { subject, purposes }, Lang::Vi) => alloc::format!(
                "chứng thư số của {subject} chỉ được dùng cho {purposes} (extKeyUsage), không phải để ký văn bản"
            ),
        }
    }
}

/// The extKeyUsage purposes under which a key may sign a document: the document-signing purposes (RFC
/// 9336, Microsoft's, Adobe's), S/MIME's emailProtection (CMS signatures are its signatures), any purpose,
/// and clientAuth, which the signing certificates of Vietnamese public CAs carry, often beside
/// emailProtection, because the same token logs in to public services (decisions D-95).
const DOCUMENT_SIGNING_PURPOSES: [ObjectIdentifier; 6] = [
    ext_oid::KP_ANY,
    ext_oid::KP_DOCUMENT_SIGNING,
    ext_oid::KP_MS_DOCUMENT_SIGNING,
    ext_oid::KP_ADOBE_AUTHENTIC_DOCUMENTS,
    ext_oid::KP_EMAIL_PROTECTION,
    ext_oid::KP_CLIENT_AUTH,
];

/// A purpose's name, for messages.
fn purpose_name(oid: &ObjectIdentifier) -> String {
    let name = match *oid {
        ext_oid::KP_SERVER_AUTH => "serverAuth",
        ext_oid::KP_CODE_SIGNING => "codeSigning",
        ext_oid::KP_TIME_STAMPING => "timeStamping",
        ext_oid::KP_OCSP_SIGNING => "OCSPSigning",
        _ => return oid.to_string(),
    };
    name.into()
}

/// Checks that `cert` may be used for `usage`. An absent keyUsage or extKeyUsage allows every use (RFC
/// 5280). Present, keyUsage must name the use; extKeyUsage must name a document-signing purpose for
/// signatures, and is required (id-kp-timeStamping) for time-stamping.
///
/// # Errors
/// [`KeyUsageError`].
pub fn check_usage(cert: &CertInfo, usage: Usage) -> Result<(), KeyUsageError> {
    let ku = cert.key_usage.as_ref();
    let allowed = match usage {
        Usage::DocumentSigning => ku.is_none_or(|k| k.digital_signature() || k.non_repudiation()),
        Usage::CertificateSigning => ku.is_none_or(|k| k.key_cert_sign()),
        Usage::CrlSigning => ku.is_none_or(|k| k.crl_sign()),
        Usage::TimeStamping => {
            ku.is_none_or(|k| k.digital_signature() || k.non_repudiation())
                && cert
                    .ext_key_usage
                    .as_ref()
                    .is_some_and(|eku| eku.contains(&ext_oid::KP_TIME_STAMPING))
        }
    };
    if !allowed {
        return Err(KeyUsageError::NotAllowed {
            subject: cert.display_name(),
            usage,
        });
    }
    if usage == Usage::DocumentSigning {
        if let Some(eku) = &cert.ext_key_usage {
            if !eku.iter().any(|p| DOCUMENT_SIGNING_PURPOSES.contains(p)) {
                let purposes: Vec<String> = eku.iter().map(purpose_name).collect();
                return Err(KeyUsageError::OtherPurposes {
                    subject: cert.display_name(),
                    purposes: purposes.join(", "),
                });
            }
        }
    }
    Ok(())
}
