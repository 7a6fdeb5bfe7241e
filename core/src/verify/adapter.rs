//! The one place where verification meets the record format (`hocba.record/1`, issue #4): the
//! canonical bytes of a JSON value, and the names the role policy binds signatures to.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use crate::time::{Date, UnixTime};

/// The people and school a record names, and its lock date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordBinding {
    /// Record id.
    pub record_id: Option<String>,
    /// Class teacher (GVCN).
    pub class_teacher: Option<String>,
    /// Principal or authorised deputy who signs (HT).
    pub principal: Option<String>,
    /// Subject teachers.
    pub subject_teachers: Vec<String>,
    /// School code.
    pub school_code: Option<String>,
    /// School name.
    pub school_name: Option<String>,
    /// When the record was locked (`lifecycle.locked_at`), when its status is `locked`.
    pub locked_at: Option<UnixTime>,
}

/// The first non-blank text at one of `pointers`, trimmed.
pub(crate) fn text_at(v: &Value, pointers: &[&str]) -> Option<String> {
    pointers.iter().find_map(|p| {
        v.pointer(p)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(ToString::to_string)
    })
}

/// The canonical bytes of `value` (RFC 8785, strings in NFC: [`crate::canonical::canonical_bytes`]).
///
/// # Errors
/// Why the value has no canonical form.
pub fn canonical_bytes(value: &Value) -> Result<Vec<u8>, crate::canonical::CanonicalError> {
    crate::canonical::canonical_bytes(value)
}

/// Reads the names a record binds signatures to.
#[must_use]
pub fn binding(record: &Value) -> RecordBinding {
    let lock = text_at(
        record,
        &["/lifecycle/locked_at", "/locked_at", "/lock_date"],
    );
    let subject_teachers = record
        .pointer("/comments/subjects")
        .and_then(Value::as_array)
        .map(|subjects| {
            subjects
                .iter()
                .filter_map(|s| text_at(s, &["/teacher"]))
                .collect()
        })
        .unwrap_or_default();
    RecordBinding {
        record_id: text_at(record, &["/record_id", "/id"]),
        class_teacher: text_at(
            record,
            &["/class/teacher", "/class_teacher/name", "/class_teacher"],
        ),
        principal: text_at(record, &["/principal/name", "/principal"]),
        subject_teachers,
        school_code: text_at(record, &["/school/code"]),
        school_name: text_at(record, &["/school/name"]),
        locked_at: lock.and_then(|l| {
            UnixTime::parse_rfc3339(&l)
                .ok()
                .or_else(|| Date::parse(&l).ok().map(Date::start_in_vietnam))
        }),
    }
}

pub use crate::record::checks::record_checks;
