//! Key usage: what a certificate's key may be used for (RFC 5280 §4.2.1.3, §4.2.1.12).

use alloc::string::String;

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
}

impl KeyUsageError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            KeyUsageError::NotAllowed { .. } => "key_usage_not_allowed",
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
        }
    }
}

/// Checks that `cert` may be used for `usage`. An absent keyUsage allows every use (RFC 5280); an
/// extKeyUsage is only read for time-stamping, where it is required.
///
/// # Errors
/// [`KeyUsageError::NotAllowed`].
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
    if allowed {
        Ok(())
    } else {
        Err(KeyUsageError::NotAllowed {
            subject: cert.display_name(),
            usage,
        })
    }
}
