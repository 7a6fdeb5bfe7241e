//! Why a stub cannot be read or issued, with stable codes and vi/en messages.

use alloc::string::{String, ToString};

use super::base45::Base45Error;
use super::cbor_limits::CborLimitError;
use crate::Lang;

/// A stub that cannot be decoded. Each variant belongs to one check of the report ([`Self::check_id`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StubDecodeError {
    /// The text is longer than any stub.
    #[error("the text has {len} characters, a stub at most {max}")]
    TooLong {
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The text does not start with the prefix.
    #[error("the text does not start with `{expected}`: it is not a hocba stub")]
    Prefix {
        /// The prefix expected.
        expected: &'static str,
    },
    /// Not Base45.
    #[error("the text after the prefix is not Base45 ({detail})")]
    Base45 {
        /// Where and what.
        detail: String,
    },
    /// Not zlib, or a broken stream.
    #[error("the data is not a zlib stream ({detail})")]
    Zlib {
        /// The decoder's words.
        detail: String,
    },
    /// Inflates to more than the limit (a zip bomb, or not a stub).
    #[error("the data inflates to more than {max} bytes")]
    Inflated {
        /// The limit.
        max: usize,
    },
    /// CBOR deeper, larger or stranger than a stub.
    #[error("the CBOR exceeds the stub's limits ({0})")]
    CborLimits(CborLimitError),
    /// Not a COSE_Sign1.
    #[error("not a COSE_Sign1 structure ({detail})")]
    Cose {
        /// What is wrong.
        detail: String,
    },
    /// An algorithm other than ES256 and PS256.
    #[error("the stub is signed with {alg}; hocba accepts ES256 and PS256")]
    Algorithm {
        /// The algorithm found.
        alg: String,
    },
    /// No 8-byte key id in the protected header.
    #[error("the protected header has no 8-byte key id (kid)")]
    Kid,
    /// The claim set is malformed.
    #[error("the claims are malformed: {detail}")]
    Claims {
        /// What is wrong.
        detail: String,
    },
}

impl core::fmt::Display for CborLimitError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CborLimitError::TooDeep(max) => write!(f, "nesting deeper than {max}"),
            CborLimitError::TooManyItems(max) => write!(f, "more than {max} items"),
            CborLimitError::Malformed(what) => f.write_str(what),
        }
    }
}

impl From<Base45Error> for StubDecodeError {
    fn from(e: Base45Error) -> Self {
        let detail = match e {
            Base45Error::Character(at) => {
                alloc::format!("a character outside the alphabet at {at}")
            }
            Base45Error::Length => "a length of 3k+1 characters".into(),
            Base45Error::Overflow(at) => alloc::format!("a group too large at {at}"),
        };
        StubDecodeError::Base45 { detail }
    }
}

impl StubDecodeError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            StubDecodeError::TooLong { .. } => "qr_too_long",
            StubDecodeError::Prefix { .. } => "qr_prefix",
            StubDecodeError::Base45 { .. } => "qr_base45",
            StubDecodeError::Zlib { .. } => "qr_zlib",
            StubDecodeError::Inflated { .. } => "qr_inflated_too_large",
            StubDecodeError::CborLimits(_) => "cbor_limits",
            StubDecodeError::Cose { .. } => "cose_malformed",
            StubDecodeError::Algorithm { .. } => "cose_algorithm_unsupported",
            StubDecodeError::Kid => "cose_kid_missing",
            StubDecodeError::Claims { .. } => "claims_malformed",
        }
    }

    /// The report check the failure belongs to: `format`, `decompression` or `cose`.
    #[must_use]
    pub const fn check_id(&self) -> &'static str {
        match self {
            StubDecodeError::TooLong { .. }
            | StubDecodeError::Prefix { .. }
            | StubDecodeError::Base45 { .. } => "format",
            StubDecodeError::Zlib { .. } | StubDecodeError::Inflated { .. } => "decompression",
            _ => "cose",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StubDecodeError::TooLong { len, max } => {
                alloc::format!("chuỗi dài {len} ký tự, mã QR của hocba tối đa {max}")
            }
            StubDecodeError::Prefix { expected } => alloc::format!(
                "chuỗi không bắt đầu bằng `{expected}`: không phải mã QR học bạ của hocba"
            ),
            StubDecodeError::Base45 { detail } => {
                alloc::format!("phần sau tiền tố không phải Base45 ({detail})")
            }
            StubDecodeError::Zlib { detail } => {
                alloc::format!("dữ liệu không phải luồng zlib hợp lệ ({detail})")
            }
            StubDecodeError::Inflated { max } => alloc::format!(
                "dữ liệu giải nén ra hơn {max} byte (bom nén hoặc không phải mã QR học bạ)"
            ),
            StubDecodeError::CborLimits(e) => {
                alloc::format!("dữ liệu CBOR vượt giới hạn của mã QR ({e})")
            }
            StubDecodeError::Cose { detail } => {
                alloc::format!("không phải cấu trúc COSE_Sign1 ({detail})")
            }
            StubDecodeError::Algorithm { alg } => {
                alloc::format!("mã QR được ký bằng {alg}; hocba chỉ chấp nhận ES256 và PS256")
            }
            StubDecodeError::Kid => {
                "phần đầu được bảo vệ không có mã khoá (kid) 8 byte".to_string()
            }
            StubDecodeError::Claims { detail } => {
                alloc::format!("nội dung mã QR không đúng cấu trúc: {detail}")
            }
        }
    }
}

/// Why a stub cannot be issued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StubIssueError {
    /// The record lacks what the claims need.
    #[error(transparent)]
    Claims(#[from] super::claims::ClaimsError),
    /// The seal's key is neither P-256 (ES256) nor RSA (PS256).
    #[error(
        "the seal's key is {key}; a stub is signed with a P-256 key (ES256) or an RSA key (PS256)"
    )]
    UnsupportedKey {
        /// The key's kind.
        key: String,
    },
    /// The seal certificate's key is refused by the algorithm policy.
    #[error("the seal's certificate: {0}")]
    Certificate(String),
    /// The signature does not verify with the seal certificate's key.
    #[error("the signature does not verify with the key of the seal's certificate")]
    SignatureDoesNotVerify,
    /// The stub is larger than the budget.
    #[error("the stub is {size} bytes before Base45, more than the {max} allowed")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// The software signer failed.
    #[error("{0}")]
    Signer(String),
}

impl StubIssueError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            StubIssueError::Claims(e) => e.code(),
            StubIssueError::UnsupportedKey { .. } => "key_unsupported",
            StubIssueError::Certificate(_) => "certificate_refused",
            StubIssueError::SignatureDoesNotVerify => "signature_does_not_match_certificate",
            StubIssueError::TooLarge { .. } => "stub_too_large",
            StubIssueError::Signer(_) => "signing_failed",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StubIssueError::Claims(e), _) => e.message(lang),
            (e, Lang::En) => e.to_string(),
            (StubIssueError::UnsupportedKey { key }, Lang::Vi) => alloc::format!(
                "khoá của con dấu là {key}; mã QR được ký bằng khoá P-256 (ES256) hoặc RSA (PS256)"
            ),
            (StubIssueError::Certificate(d), Lang::Vi) => {
                alloc::format!("chứng thư số của con dấu: {d}")
            }
            (StubIssueError::SignatureDoesNotVerify, Lang::Vi) => {
                "chữ ký không khớp với khoá trong chứng thư số của con dấu".into()
            }
            (StubIssueError::TooLarge { size, max }, Lang::Vi) => {
                alloc::format!("mã QR dài {size} byte trước Base45, vượt giới hạn {max}")
            }
            (StubIssueError::Signer(d), Lang::Vi) => d.clone(),
        }
    }
}
