//! The record's own checks in a verification report: `schema` (structure and domain, through the record
//! validation of `hocba.record/1`) and `arithmetic` (the stated results recomputed by the rules). They
//! need the rules and nothing of verification, so the WebAssembly rules module answers them for the
//! verification module, which leaves the rules out (decisions D-121).

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use crate::check::{Check, CheckStatus};
use crate::Lang;

/// Limits for reading back the text of a record an envelope held (the WebAssembly rules module reads it
/// for the verification module, D-121): what the envelope reader let through (4 MiB, texts up to
/// 512 KiB, [`crate::json::Limits`] of `verify::envelope`), with room for the escapes its JSON text may add.
pub const RECORD_TEXT_LIMITS: crate::json::Limits = crate::json::Limits {
    max_bytes: 6 * 4 * 1024 * 1024,
    max_depth: 32,
    max_string_bytes: 512 * 1024,
    max_items: 10_000,
};

/// Codes of the record problems that compare the stated results with the engine's.
const ARITHMETIC_CODES: [&str; 4] = [
    "stated_mismatch",
    "stated_missing",
    "stated_not_computable",
    "stated_regime_mismatch",
];

fn listing(problems: &[&super::Problem], lang: Lang) -> String {
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
pub fn record_checks(record: &Value) -> Vec<Check> {
    let problems = super::validate_value(record);
    let errors: Vec<&super::Problem> = problems.iter().filter(|p| p.is_error()).collect();
    let (arith, other): (Vec<&super::Problem>, Vec<&super::Problem>) = errors
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
