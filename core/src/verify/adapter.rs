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

/// Codes of the record problems that compare the stated results with the engine's.
const ARITHMETIC_CODES: [&str; 4] = [
    "stated_mismatch",
    "stated_missing",
    "stated_not_computable",
    "stated_regime_mismatch",
];

fn listing(problems: &[&crate::record::Problem], lang: crate::Lang) -> String {
    let mut parts: Vec<String> = problems
        .iter()
        .take(3)
        .map(|p| {
            let at = if p.pointer.is_empty() {
                "/"
            } else {
                p.pointer.as_str()
            };
            alloc::format!("{at}: {}", p.message(lang))
        })
        .collect();
    if problems.len() > 3 {
        parts.push(alloc::format!(
            "{} {}",
            lang.pick("… và thêm", "… and"),
            problems.len() - 3
        ));
    }
    parts.join("; ")
}

/// The record's own checks, through the record validation of `hocba.record/1`: structure and domain
/// (`schema`), and the stated results recomputed by the engine (`arithmetic`: a tampered average is
/// caught even when every signature holds).
#[must_use]
pub fn record_checks(record: &Value) -> Vec<super::report::Check> {
    use super::report::{Check, CheckStatus};
    use crate::Lang;
    let problems = crate::record::validate_value(record);
    let errors: Vec<&crate::record::Problem> = problems.iter().filter(|p| p.is_error()).collect();
    let (arith, other): (Vec<&crate::record::Problem>, Vec<&crate::record::Problem>) = errors
        .iter()
        .partition(|p| ARITHMETIC_CODES.contains(&p.code));
    let warnings = problems.len() - errors.len();
    let schema = match other.first() {
        None => Check::new(
            "schema",
            CheckStatus::Valid,
            "valid",
            alloc::format!("hồ sơ đúng định dạng hocba.record/1 ({warnings} cảnh báo)"),
            alloc::format!("the record is a valid hocba.record/1 ({warnings} warnings)"),
        ),
        Some(first) => Check::new(
            "schema",
            CheckStatus::Invalid,
            first.code,
            alloc::format!("hồ sơ không hợp lệ: {}", listing(&other, Lang::Vi)),
            alloc::format!("the record is not valid: {}", listing(&other, Lang::En)),
        ),
    };
    // When the structure fails, the engine never ran: the results were not compared.
    let shape_failed = other.iter().any(|p| {
        matches!(
            p.code,
            "unknown_field" | "missing_field" | "wrong_type" | "json_structure" | "text_not_nfc"
        )
    });
    let arithmetic = match arith.first() {
        Some(first) => Check::new(
            "arithmetic",
            CheckStatus::Invalid,
            first.code,
            alloc::format!(
                "kết quả ghi trong hồ sơ khác kết quả tính lại theo quy chế: {}",
                listing(&arith, Lang::Vi)
            ),
            alloc::format!(
                "the results the record states differ from the results recomputed by the rules: {}",
                listing(&arith, Lang::En)
            ),
        ),
        None if shape_failed => Check::new(
            "arithmetic",
            CheckStatus::Error,
            "arithmetic_not_checked",
            "không tính lại được kết quả vì hồ sơ sai cấu trúc",
            "the results could not be recomputed: the record's structure is wrong",
        ),
        None => Check::new(
            "arithmetic",
            CheckStatus::Valid,
            "valid",
            "mọi kết quả ghi trong hồ sơ khớp với kết quả tính lại theo quy chế",
            "every result the record states equals the result recomputed by the rules",
        ),
    };
    alloc::vec![schema, arithmetic]
}
