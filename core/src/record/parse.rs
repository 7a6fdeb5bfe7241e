//! Reading a record from JSON bytes (features `json` or `verify`): the hardened reader, the format tag,
//! the shape, then the typed record.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use super::model::{Record, RECORD_FORMAT};
use super::problem::{Problem, ProblemKind};
use super::validate::{validate_into, Problems, MAX_PROBLEMS};
use crate::assess::error::Bound;
use crate::json::Limits;
use crate::Lang;

/// Limits of the record reader. A full TT22 record with every comment is about 20 KB; the limits leave
/// ample room and stop a hostile file long before memory or time matter.
pub const RECORD_LIMITS: Limits = Limits {
    max_bytes: 1024 * 1024,
    max_depth: 16,
    max_string_bytes: 16 * 1024,
    max_items: 1000,
};

/// Why a record could not even be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidateError {
    /// Larger than [`RECORD_LIMITS`].
    #[error("input is {size} bytes, more than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size in bytes (at least).
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Empty or only white space.
    #[error("input is empty")]
    EmptyInput,
    /// Not JSON.
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    JsonSyntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words.
        detail: String,
    },
    /// Nesting, string or array beyond the reader's limits.
    #[error("{} {limit}", bound.text(Lang::En))]
    JsonLimit {
        /// Where.
        pointer: String,
        /// Which limit.
        bound: Bound,
        /// Its value.
        limit: usize,
    },
    /// The same member twice in one object.
    #[error("duplicate key `{key}`: two readers could see two different records")]
    DuplicateKey {
        /// The object.
        pointer: String,
        /// The member name.
        key: String,
    },
    /// The document is not a JSON object.
    #[error("a record is a JSON object, not {found}")]
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// `format` is missing or names another document.
    #[error("{}, expected `hocba.record/1`", match found { Some(f) => alloc::format!("unsupported format `{f}`"), None => String::from("missing format tag") })]
    UnsupportedFormat {
        /// The tag found.
        found: Option<String>,
    },
    /// The record does not have the shape of `hocba.record/1` (for typed reading only; [`validate_json`]
    /// reports these as problems).
    #[error("the record does not have the shape of hocba.record/1 ({} problems)", problems.len())]
    Shape {
        /// Every shape problem.
        problems: Vec<Problem>,
    },
}

impl ValidateError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            ValidateError::InputTooLarge { .. } => "input_too_large",
            ValidateError::EmptyInput => "empty_input",
            ValidateError::JsonSyntax { .. } => "json_syntax",
            ValidateError::JsonLimit { .. } => "json_limit",
            ValidateError::DuplicateKey { .. } => "json_duplicate_key",
            ValidateError::NotAnObject { .. } => "not_a_record",
            ValidateError::UnsupportedFormat { .. } => "unsupported_format",
            ValidateError::Shape { .. } => "record_shape",
        }
    }

    /// The JSON pointer of the value at fault (empty for the whole document).
    #[must_use]
    pub fn pointer(&self) -> &str {
        match self {
            ValidateError::JsonLimit { pointer, .. }
            | ValidateError::DuplicateKey { pointer, .. } => pointer,
            ValidateError::UnsupportedFormat { .. } => "/format",
            _ => "",
        }
    }

    /// The message in `lang`, without the pointer ([`ValidateError::pointer`]).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use alloc::format;
        match (self, lang) {
            (e, Lang::En) => alloc::string::ToString::to_string(e),
            (ValidateError::InputTooLarge { size, limit }, Lang::Vi) => {
                format!("dữ liệu vào có {size} byte, vượt giới hạn {limit} byte")
            }
            (ValidateError::EmptyInput, Lang::Vi) => "dữ liệu vào rỗng".into(),
            (
                ValidateError::JsonSyntax {
                    line,
                    column,
                    detail,
                },
                Lang::Vi,
            ) => format!("không phải JSON hợp lệ tại dòng {line}, cột {column}: {detail}"),
            (ValidateError::JsonLimit { bound, limit, .. }, Lang::Vi) => {
                format!("{} {limit}", bound.text(Lang::Vi))
            }
            (ValidateError::DuplicateKey { key, .. }, Lang::Vi) => format!(
                "khoá `{key}` xuất hiện hai lần: hai chương trình đọc có thể thấy hai hồ sơ khác nhau"
            ),
            (ValidateError::NotAnObject { found }, Lang::Vi) => {
                format!("hồ sơ phải là một đối tượng JSON, không phải {found}")
            }
            (ValidateError::UnsupportedFormat { found: Some(f) }, Lang::Vi) => {
                format!("định dạng `{f}` không được hỗ trợ, cần `hocba.record/1`")
            }
            (ValidateError::UnsupportedFormat { found: None }, Lang::Vi) => {
                "thiếu thẻ định dạng, cần `hocba.record/1`".into()
            }
            (ValidateError::Shape { problems }, Lang::Vi) => format!(
                "hồ sơ không đúng cấu trúc hocba.record/1 ({} lỗi)",
                problems.len()
            ),
        }
    }
}

// The reader's refusals as the record's own: a record is never read through the assessment's errors.
crate::json::from_read_error!(ValidateError);

/// Reads the bytes of a record into a JSON value: limits, duplicate keys, an object, the format tag.
///
/// # Errors
/// [`ValidateError`].
pub fn read_record_value(bytes: &[u8]) -> Result<Value, ValidateError> {
    let value = hocba_json_reader::read_value(bytes, RECORD_LIMITS)?;
    let Value::Object(map) = &value else {
        return Err(ValidateError::NotAnObject {
            found: match value {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                Value::Null | Value::Object(_) => "null",
            },
        });
    };
    match map.get("format") {
        Some(Value::String(f)) if f == RECORD_FORMAT => Ok(value),
        Some(Value::String(f)) => Err(ValidateError::UnsupportedFormat {
            found: Some(f.clone()),
        }),
        Some(other) => Err(ValidateError::UnsupportedFormat {
            found: Some(alloc::format!("{other}")),
        }),
        None => Err(ValidateError::UnsupportedFormat { found: None }),
    }
}

/// Every problem of a record value: text not in NFC and shape first; when the shape holds, everything
/// [`super::validate`] checks.
#[must_use]
pub fn validate_value(value: &Value) -> Vec<Problem> {
    let mut p = Problems::new();
    let mut non_nfc = Vec::new();
    crate::canonical::nfc::non_nfc_pointers(value, MAX_PROBLEMS, &mut non_nfc);
    for pointer in non_nfc {
        p.push(pointer, ProblemKind::TextNotNfc);
    }
    let shape = super::shape::check(value, MAX_PROBLEMS);
    if !shape.is_empty() {
        for problem in shape {
            p.add(problem);
        }
        return p.finish();
    }
    // The shape holds, so typed reading succeeds; read from the borrowed value (no copy of the tree).
    p.nfc_done();
    match crate::json::typed::read::<Record>(value) {
        Ok(record) => validate_into(&record, &mut p),
        Err(e) => p.push(e.pointer, ProblemKind::Structure { detail: e.detail }),
    }
    p.finish()
}

/// Reads and validates a record's bytes.
///
/// # Errors
/// [`ValidateError`] when the bytes are not a record at all (too large, not JSON, duplicate keys, not an
/// object, another format); problems of a record are the `Ok` value.
pub fn validate_json(bytes: &[u8]) -> Result<Vec<Problem>, ValidateError> {
    let value = read_record_value(bytes)?;
    Ok(validate_value(&value))
}

/// Reads a typed record (shape checked, not validated: call [`super::validate`]).
///
/// # Errors
/// [`ValidateError`], with [`ValidateError::Shape`] listing every shape problem.
pub fn parse_record(bytes: &[u8]) -> Result<Record, ValidateError> {
    let value = read_record_value(bytes)?;
    record_from_value(&value)
}

/// A typed record from a value (shape checked).
///
/// # Errors
/// [`ValidateError::Shape`].
pub fn record_from_value(value: &Value) -> Result<Record, ValidateError> {
    let shape = super::shape::check(value, MAX_PROBLEMS);
    if !shape.is_empty() {
        let mut p = Problems::new();
        for problem in shape {
            p.add(problem);
        }
        return Err(ValidateError::Shape {
            problems: p.finish(),
        });
    }
    crate::json::typed::read::<Record>(value).map_err(|e| ValidateError::Shape {
        problems: alloc::vec![Problem::new(
            e.pointer,
            ProblemKind::Structure { detail: e.detail }
        )],
    })
}
