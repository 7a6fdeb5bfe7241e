//! Records in the browser: validation (every problem), the canonical bytes and digest that signatures
//! cover, and the rules version. Thin conversions over `hocba_core::record` and `hocba_core::canonical`.
//! In the rules module only (D-119): the page loads it beside verification, so the verification module
//! no longer carries a second copy (5 KB gzipped).

use hocba_core::canonical::{canonical_bytes as core_canonical_bytes, sha256_hex};
use hocba_core::record::parse::read_record_value;
use hocba_core::record::{is_valid, validate_json, Problem, Severity, ValidateError};
use hocba_core::Lang;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::{lang, text};

/// One problem as JSON: code, severity, pointer, the message in `lang` and in both languages, and for a
/// stated-vs-computed mismatch the field, both values and the article.
fn problem_json(p: &Problem, lang: Lang) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Some(map) = v.as_object_mut() {
        map.insert("message".into(), p.message(lang).into());
    }
    v
}

/// A record that could not be read at all: its own code and pointer, and the shape problems, if any.
fn refusal_json(e: &ValidateError, lang: Lang) -> Value {
    let problems: Vec<Value> = match e {
        ValidateError::Shape { problems } => {
            problems.iter().map(|p| problem_json(p, lang)).collect()
        }
        _ => Vec::new(),
    };
    json!({
        "ok": false,
        "error": {"code": e.code(), "pointer": e.pointer(), "message": e.message(lang)},
        "problems": problems,
    })
}

/// Validates a record (`hocba.record/1`): `{"ok": true, "valid", "errors", "warnings", "problems": […]}`
/// with every problem, or `{"ok": false, "error": {code, pointer, message}, "problems": […]}` when the
/// text is not a record at all.
#[wasm_bindgen(js_name = validateRecord)]
#[must_use]
pub fn validate(record: &str, lang_code: &str) -> String {
    let lang = lang(lang_code);
    let out = match validate_json(record.as_bytes()) {
        Ok(problems) => {
            let errors = problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            json!({
                "ok": true,
                "valid": is_valid(&problems),
                "errors": errors,
                "warnings": problems.len() - errors,
                "problems": problems.iter().map(|p| problem_json(p, lang)).collect::<Vec<_>>(),
            })
        }
        Err(e) => refusal_json(&e, lang),
    };
    text(&out)
}

/// The canonical bytes of a record (RFC 8785 with NFC text), or an error as JSON text (thrown to JS).
///
/// # Errors
/// The JSON text `{"ok": false, "error": {code, pointer, message}, "problems": []}`.
#[wasm_bindgen(js_name = canonicalBytes)]
pub fn canonical_bytes(record: &str, lang_code: &str) -> Result<Vec<u8>, String> {
    let lang = lang(lang_code);
    let value = read_record_value(record.as_bytes()).map_err(|e| text(&refusal_json(&e, lang)))?;
    core_canonical_bytes(&value).map_err(|e| {
        text(&json!({
            "ok": false,
            "error": {"code": e.code(), "pointer": e.pointer(), "message": e.message(lang)},
            "problems": [],
        }))
    })
}

/// SHA-256 of the canonical bytes in lower-case hex: `{"ok": true, "digest": "…"}` or an error as for
/// [`canonical_bytes`].
#[wasm_bindgen(js_name = canonicalDigest)]
#[must_use]
pub fn canonical_digest(record: &str, lang_code: &str) -> String {
    match canonical_bytes(record, lang_code) {
        Ok(bytes) => text(&json!({"ok": true, "digest": sha256_hex(&bytes)})),
        Err(e) => e,
    }
}

/// The version of the rules engine.
#[wasm_bindgen(js_name = rulesVersion)]
#[must_use]
pub fn rules_version() -> String {
    hocba_core::RULES_VERSION.to_string()
}
