//! JSON entry points with limits on everything (feature `json`).
//!
//! One reader serves every format (`hocba-json-reader`): it refuses empty and oversized input before
//! parsing, then builds a value tree while enforcing nesting depth, string and array lengths and **unique
//! object keys** (serde_json silently keeps the last duplicate, which would let two readers see two
//! different records). Limit and shape errors come back with the RFC 6901 pointer of the value at fault.

use serde_json::Value;

use crate::assess::error::Bound;
use crate::assess::raw::{self, RawAssessInput};
use crate::assess::{AssessError, AssessErrors};
use crate::rules::config::RulesConfig;
use crate::AssessInput;
use crate::Lang;

pub use hocba_json_reader::{escape_pointer_token, Limits, ReadError};

pub mod typed;

/// Limits for one student or a class file: a class of 5,000 students fits well under 16 MiB.
pub const ASSESS_LIMITS: Limits = Limits {
    max_bytes: 16 * 1024 * 1024,
    max_depth: 32,
    max_string_bytes: 64 * 1024,
    max_items: 10_000,
};

/// Reads a JSON document into a value tree under `limits` (the reader is `hocba-json-reader`, a crate of
/// its own so that the browser build can compile it for speed: decisions D-90).
///
/// # Errors
/// [`AssessError::EmptyInput`], [`AssessError::InputTooLarge`], [`AssessError::JsonSyntax`],
/// [`AssessError::JsonLimit`] or [`AssessError::DuplicateKey`].
pub fn read_value(bytes: &[u8], limits: Limits) -> Result<Value, AssessError> {
    hocba_json_reader::read_value(bytes, limits).map_err(AssessError::from)
}

impl From<hocba_json_reader::Bound> for Bound {
    fn from(b: hocba_json_reader::Bound) -> Self {
        match b {
            hocba_json_reader::Bound::NestingDepth => Bound::NestingDepth,
            hocba_json_reader::Bound::StringBytes => Bound::StringBytes,
            hocba_json_reader::Bound::Items => Bound::Items,
        }
    }
}

/// The reader's refusals as an operation's own error, for the error enums that name them alike
/// (`InputTooLarge`, `EmptyInput`, `JsonSyntax`, `JsonLimit`, `DuplicateKey`): one mapping for all.
macro_rules! from_read_error {
    ($error:ty) => {
        impl From<$crate::json::ReadError> for $error {
            fn from(e: $crate::json::ReadError) -> Self {
                use $crate::json::ReadError;
                match e {
                    ReadError::TooLarge { size, limit } => Self::InputTooLarge { size, limit },
                    ReadError::Empty => Self::EmptyInput,
                    ReadError::Syntax {
                        line,
                        column,
                        detail,
                    } => Self::JsonSyntax {
                        line,
                        column,
                        detail,
                    },
                    ReadError::Limit {
                        pointer,
                        bound,
                        limit,
                    } => Self::JsonLimit {
                        pointer,
                        bound: bound.into(),
                        limit,
                    },
                    ReadError::DuplicateKey { pointer, key } => Self::DuplicateKey { pointer, key },
                }
            }
        }
    };
}
pub(crate) use from_read_error;

from_read_error!(AssessError);

/// The message of an [`AssessError`] that reading JSON gives ([`read_value`], [`from_value`],
/// [`from_value_moving`]: too large, empty, syntax, a limit, a duplicate key, the wrong shape): the text
/// of [`AssessError::message`], without linking the messages of every assessment error. The envelope
/// and status-list errors report through it, so the WebAssembly verification module carries 3 KB less
/// (decisions D-121); a test holds it to [`AssessError::message`].
#[must_use]
pub fn read_error_message(e: &AssessError, lang: Lang) -> alloc::string::String {
    use alloc::format;
    match (e, lang) {
        (AssessError::InputTooLarge { size, limit }, Lang::En) => {
            format!("input is {size} bytes, more than the limit of {limit} bytes")
        }
        (AssessError::InputTooLarge { size, limit }, Lang::Vi) => {
            format!("dữ liệu vào có {size} byte, vượt giới hạn {limit} byte")
        }
        (AssessError::EmptyInput, Lang::En) => "input is empty".into(),
        (AssessError::EmptyInput, Lang::Vi) => "dữ liệu vào rỗng".into(),
        (
            AssessError::JsonSyntax {
                line,
                column,
                detail,
            },
            Lang::En,
        ) => format!("not valid JSON at line {line}, column {column}: {detail}"),
        (
            AssessError::JsonSyntax {
                line,
                column,
                detail,
            },
            Lang::Vi,
        ) => format!("không phải JSON hợp lệ tại dòng {line}, cột {column}: {detail}"),
        (
            AssessError::JsonLimit {
                pointer,
                bound,
                limit,
            },
            _,
        ) => format!("{pointer}: {} {limit}", bound.text(lang)),
        (AssessError::DuplicateKey { pointer, key }, Lang::En) => {
            format!("{pointer}: duplicate key `{key}`")
        }
        (AssessError::DuplicateKey { pointer, key }, Lang::Vi) => {
            format!("{pointer}: khoá `{key}` xuất hiện hai lần")
        }
        (AssessError::Structure { pointer, detail }, Lang::En) => format!("{pointer}: {detail}"),
        (AssessError::Structure { pointer, detail }, Lang::Vi) => {
            format!("{pointer}: sai cấu trúc — {detail}")
        }
        // Not a reading error: no reader gives one.
        (other, _) => other.code().into(),
    }
}

/// Reads a value tree as `T` ([`typed`]), reporting the pointer of the first shape fault.
///
/// # Errors
/// [`AssessError::Structure`] with the pointer and serde's description.
pub fn from_value<T: typed::FromJson>(value: &Value) -> Result<T, AssessError> {
    typed::read(value).map_err(|e| {
        let typed::ShapeError { pointer, detail } = *e;
        AssessError::Structure { pointer, detail }
    })
}

/// Reads `value` as `T`, moving the subtree under `key` into the `Value` field `slot` picks instead of
/// copying it: a signed envelope's record, a status document's list. A `Value` field accepts anything,
/// so the errors and their pointers are those of reading the whole.
///
/// # Errors
/// As [`from_value`].
pub fn from_value_moving<T: typed::FromJson>(
    mut value: Value,
    key: &str,
    slot: fn(&mut T) -> &mut Value,
) -> Result<T, AssessError> {
    let member = value
        .as_object_mut()
        .and_then(|m| m.get_mut(key))
        .map(Value::take);
    let mut read: T = from_value(&value)?;
    if let Some(member) = member {
        *slot(&mut read) = member;
    }
    Ok(read)
}

pub use crate::assess::raw::{RawClassInput, CLASS_FORMAT};

/// One student or a whole class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessDocument {
    /// A single student-year.
    Student(alloc::boxed::Box<RawAssessInput>),
    /// A class file.
    Class(RawClassInput),
}

/// Reads a single-student input or a class file (an object with `students`).
///
/// # Errors
/// The reader's and the shape's errors.
pub fn parse_assess_document(bytes: &[u8]) -> Result<AssessDocument, AssessError> {
    let value = read_value(bytes, ASSESS_LIMITS)?;
    let is_class = value
        .as_object()
        .is_some_and(|o| o.contains_key("students"));
    if is_class {
        let class: RawClassInput = from_value(&value)?;
        if let Some(f) = &class.format {
            if f != CLASS_FORMAT {
                return Err(AssessError::UnsupportedFormat {
                    pointer: "/format".into(),
                    found: f.clone(),
                    expected: CLASS_FORMAT,
                });
            }
        }
        Ok(AssessDocument::Class(class))
    } else {
        from_value(&value).map(|s| AssessDocument::Student(alloc::boxed::Box::new(s)))
    }
}

/// Parses and checks one student's input from JSON bytes.
///
/// # Errors
/// Every problem, each with its JSON pointer.
pub fn parse_assess_input(bytes: &[u8], config: &RulesConfig) -> Result<AssessInput, AssessErrors> {
    let value = read_value(bytes, ASSESS_LIMITS)?;
    let raw: RawAssessInput = from_value(&value)?;
    raw::check(&raw, config).map_err(AssessErrors)
}

/// Reads a `RulesConfig` from JSON (unknown switches are errors).
///
/// # Errors
/// The reader's and the shape's errors.
pub fn parse_config(bytes: &[u8]) -> Result<RulesConfig, AssessError> {
    let value = read_value(bytes, ASSESS_LIMITS)?;
    from_value(&value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod read_error_tests {
    use super::*;

    #[test]
    fn reading_errors_read_as_the_assessment_errors_do() {
        let errors = [
            AssessError::InputTooLarge { size: 9, limit: 4 },
            AssessError::EmptyInput,
            AssessError::JsonSyntax {
                line: 2,
                column: 7,
                detail: "expected `:`".into(),
            },
            AssessError::JsonLimit {
                pointer: "/a/0".into(),
                bound: Bound::NestingDepth,
                limit: 32,
            },
            AssessError::JsonLimit {
                pointer: "/s".into(),
                bound: Bound::StringBytes,
                limit: 16,
            },
            AssessError::JsonLimit {
                pointer: "".into(),
                bound: Bound::Items,
                limit: 10,
            },
            AssessError::DuplicateKey {
                pointer: "/x".into(),
                key: "k".into(),
            },
            AssessError::Structure {
                pointer: "/signatures/0".into(),
                detail: "missing field `cms`".into(),
            },
        ];
        for e in &errors {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(read_error_message(e, lang), e.message(lang), "{e:?}");
            }
        }
        // And every error the reader gives is one of those.
        for text in [
            "",
            "  ",
            "{",
            "{\"a\":1,\"a\":2}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        ] {
            let e = read_value(text.as_bytes(), ASSESS_LIMITS).unwrap_err();
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(read_error_message(&e, lang), e.message(lang), "{text}");
            }
        }
    }
}
