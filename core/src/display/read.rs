//! Reading what a summary is made of: a `hocba.signed/1` envelope (its record is summarised) or a bare
//! `hocba.record/1`, from untrusted bytes, with limits.

use alloc::string::String;

use serde_json::Value;

use super::model::RecordDisplay;
use super::record_display;
use crate::json::Limits;
use crate::record::model::RECORD_FORMAT;
use crate::record::parse::record_from_value;
use crate::record::{Problem, ValidateError};
use crate::Lang;

/// Format tag of a signed envelope (the record sits under `/record`).
const SIGNED_FORMAT: &str = "hocba.signed/1";

/// Limits of the summary's reader: those of a signed envelope, the larger of the two documents it reads.
pub const DISPLAY_LIMITS: Limits = Limits {
    max_bytes: 4 * 1024 * 1024,
    max_depth: 32,
    max_string_bytes: 512 * 1024,
    max_items: 10_000,
};

/// Why no summary can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DisplayError {
    /// More bytes than [`DISPLAY_LIMITS`] allows; checked before anything is parsed.
    #[error("input is {size} bytes, more than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not UTF-8 text.
    #[error("input is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Not a record or an envelope of one, or a record whose shape does not hold.
    #[error("{0}")]
    Record(ValidateError),
}

impl DisplayError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            DisplayError::InputTooLarge { .. } => "input_too_large",
            DisplayError::NotUtf8 { .. } => "not_utf8",
            DisplayError::Record(e) => e.code(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DisplayError::Record(e), _) => e.message(lang),
            (e, Lang::En) => alloc::string::ToString::to_string(e),
            (DisplayError::InputTooLarge { size, limit }, Lang::Vi) => {
                alloc::format!("dữ liệu vào có {size} byte, vượt giới hạn {limit} byte")
            }
            (DisplayError::NotUtf8 { offset }, Lang::Vi) => {
                alloc::format!("dữ liệu vào không phải văn bản UTF-8 (byte sai ở vị trí {offset})")
            }
        }
    }

    /// Every shape problem, when the record's shape does not hold.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        match self {
            DisplayError::Record(ValidateError::Shape { problems }) => problems,
            _ => &[],
        }
    }
}

/// The summary of the record in `bytes` (a signed envelope or a bare record), in `lang`. It does not
/// verify anything: show it beside a valid verification report.
///
/// # Errors
/// [`DisplayError`].
pub fn display_bytes(bytes: &[u8], lang: Lang) -> Result<RecordDisplay, DisplayError> {
    if bytes.len() > DISPLAY_LIMITS.max_bytes {
        return Err(DisplayError::InputTooLarge {
            size: bytes.len(),
            limit: DISPLAY_LIMITS.max_bytes,
        });
    }
    if let Err(e) = core::str::from_utf8(bytes) {
        return Err(DisplayError::NotUtf8 {
            offset: e.valid_up_to(),
        });
    }
    let value = hocba_json_reader::read_value(bytes, DISPLAY_LIMITS)
        .map_err(|e| DisplayError::Record(ValidateError::from(e)))?;
    let record_value = match value {
        Value::Object(mut map)
            if map.get("format").and_then(Value::as_str) == Some(SIGNED_FORMAT) =>
        {
            match map.remove("record") {
                Some(r) if r.get("format").and_then(Value::as_str) == Some(RECORD_FORMAT) => r,
                _ => {
                    return Err(DisplayError::Record(ValidateError::UnsupportedFormat {
                        found: None,
                    }))
                }
            }
        }
        Value::Object(map) => {
            match map.get("format") {
                Some(Value::String(f)) if f == RECORD_FORMAT => {}
                Some(Value::String(f)) => {
                    return Err(DisplayError::Record(ValidateError::UnsupportedFormat {
                        found: Some(f.clone()),
                    }))
                }
                _ => {
                    return Err(DisplayError::Record(ValidateError::UnsupportedFormat {
                        found: None,
                    }))
                }
            }
            Value::Object(map)
        }
        other => {
            return Err(DisplayError::Record(ValidateError::NotAnObject {
                found: match other {
                    Value::Array(_) => "an array",
                    Value::String(_) => "a string",
                    Value::Number(_) => "a number",
                    Value::Bool(_) => "a boolean",
                    Value::Null | Value::Object(_) => "null",
                },
            }))
        }
    };
    let record = record_from_value(&record_value).map_err(DisplayError::Record)?;
    Ok(record_display(&record, lang))
}
