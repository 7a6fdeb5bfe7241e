//! Canonical bytes and digests (features `json` or `verify`): what every signature and hash covers.
//!
//! A record's canonical bytes are its RFC 8785 (JCS) serialisation ([`jcs`]) with one more rule of the
//! record format: **every string is in Unicode Normalization Form C** ([`nfc`]). JCS itself leaves
//! strings as they are, so "Nguyễn" typed with a precomposed `ễ` and with `e` + two combining marks would
//! give two digests for one name; hocba refuses the decomposed spelling with the JSON pointer of the
//! string instead of guessing. The digest is SHA-256 of the canonical bytes ([`digest`]).

pub mod digest;
pub mod jcs;
pub mod nfc;
pub mod number;

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::Lang;

pub use digest::{sha256, sha256_hex, RecordDigest};

/// Why a value has no canonical bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CanonicalError {
    /// A string (a member name or a value) is not in Unicode Normalization Form C.
    #[error("{pointer}: text is not in Unicode Normalization Form C (NFC); two spellings of one name would give two digests")]
    NotNfc {
        /// The string's JSON pointer.
        pointer: String,
    },
    /// An integer beyond ±2^53 that no IEEE-754 double holds: its canonical form would change its value.
    #[error("{pointer}: the number {value} is not exactly an IEEE-754 double; its canonical form would change its value (I-JSON, RFC 7493)")]
    NumberOutOfRange {
        /// Where.
        pointer: String,
        /// The number as written.
        value: String,
    },
    /// Nesting deeper than the canonicaliser follows.
    #[error("{pointer}: nesting deeper than {limit}")]
    TooDeep {
        /// Where.
        pointer: String,
        /// The limit.
        limit: usize,
    },
    /// A typed value could not be turned into JSON.
    #[error("the value cannot be written as JSON: {detail}")]
    NotJson {
        /// serde_json's words.
        detail: String,
    },
}

impl CanonicalError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            CanonicalError::NotNfc { .. } => "text_not_nfc",
            CanonicalError::NumberOutOfRange { .. } => "canonical_number_out_of_range",
            CanonicalError::TooDeep { .. } => "canonical_too_deep",
            CanonicalError::NotJson { .. } => "canonical_not_json",
        }
    }

    /// The JSON pointer of the value at fault (empty for the whole value).
    #[must_use]
    pub fn pointer(&self) -> &str {
        match self {
            CanonicalError::NotNfc { pointer }
            | CanonicalError::NumberOutOfRange { pointer, .. }
            | CanonicalError::TooDeep { pointer, .. } => pointer,
            CanonicalError::NotJson { .. } => "",
        }
    }

    /// The message in `lang` (English is the `Display` text).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => alloc::string::ToString::to_string(e),
            (CanonicalError::NotNfc { pointer }, Lang::Vi) => alloc::format!(
                "{pointer}: văn bản không ở dạng chuẩn Unicode NFC (dựng sẵn); một tên gõ theo hai cách sẽ cho hai mã băm khác nhau"
            ),
            (CanonicalError::NumberOutOfRange { pointer, value }, Lang::Vi) => alloc::format!(
                "{pointer}: số {value} không biểu diễn chính xác được bằng số thực IEEE-754; dạng chuẩn tắc sẽ làm đổi giá trị (I-JSON, RFC 7493)"
            ),
            (CanonicalError::TooDeep { pointer, limit }, Lang::Vi) => {
                alloc::format!("{pointer}: lồng nhau sâu quá {limit} mức")
            }
            (CanonicalError::NotJson { detail }, Lang::Vi) => {
                alloc::format!("không ghi được giá trị thành JSON: {detail}")
            }
        }
    }
}

/// The canonical bytes of a record value: RFC 8785 with every string in NFC. These are the bytes every
/// signer signs and every digest hashes.
///
/// # Errors
/// [`CanonicalError`] naming the JSON pointer of the first value at fault.
pub fn canonical_bytes(value: &Value) -> Result<Vec<u8>, CanonicalError> {
    let mut out = Vec::with_capacity(4096);
    jcs::write_nfc(value, &mut out)?;
    Ok(out)
}

/// The canonical bytes of a typed record (serialised with serde, then as [`canonical_bytes`]).
///
/// # Errors
/// [`CanonicalError`].
pub fn canonical_record_bytes(
    record: &crate::record::model::Record,
) -> Result<Vec<u8>, CanonicalError> {
    let value = serde_json::to_value(record).map_err(|e| CanonicalError::NotJson {
        detail: alloc::format!("{e}"),
    })?;
    canonical_bytes(&value)
}

/// The record digest: SHA-256 of [`canonical_bytes`].
///
/// # Errors
/// As [`canonical_bytes`].
pub fn record_digest(value: &Value) -> Result<RecordDigest, CanonicalError> {
    canonical_bytes(value).map(|b| RecordDigest(sha256(&b)))
}
