//! Records in the browser: validation (every problem), the canonical bytes and digest that signatures
//! cover, and the rules version. Thin conversions over `hocba_core::record` and `hocba_core::canonical`.
//! In the rules module only (D-119): the page loads it beside verification, so the verification module
//! no longer carries a second copy (5 KB gzipped).

use hocba_core::canonical::{canonical_bytes as core_canonical_bytes, sha256_hex};
use hocba_core::json::read_value;
use hocba_core::record::checks::RECORD_TEXT_LIMITS;
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

/// The record's own checks in a verification report (`schema` and `arithmetic`), for the verification
/// module, which leaves the rules out (decisions D-121): `record` is the JSON text of the record the
/// verification module read from an envelope; the answer is the JSON array of the checks
/// (`hocba_core::check::checks_to_json`, both languages), or `{"ok": false, "errors": […]}` when the
/// text cannot be read. The same reader read the envelope, so the record judged here is the one the
/// envelope holds (`reading_a_written_record_gives_it_back` in hocba-core).
#[wasm_bindgen(js_name = recordChecks)]
#[must_use]
pub fn record_checks(record: &str) -> String {
    match read_value(record.as_bytes(), RECORD_TEXT_LIMITS) {
        Ok(value) => text(&hocba_core::check::checks_to_json(
            &hocba_core::record::record_checks(&value),
        )),
        Err(e) => text(&json!({
            "ok": false,
            "errors": [{"code": e.code(), "pointer": "", "message": e.message(Lang::En)}],
        })),
    }
}

/// `text` in Unicode NFC, from this module's tables. The verification module normalizes through it
/// rather than carry a second copy of the tables (decisions D-122).
#[wasm_bindgen(js_name = nfcText)]
#[must_use]
pub fn nfc_text(text: &str) -> String {
    hocba_nfc::nfc(text).into_owned()
}

#[cfg(all(test, not(target_arch = "wasm32"), feature = "verification"))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Every record of the shared verification vectors, as the verification module hands it over (its
    /// JSON text), reads back here to the very value the envelope holds: the rules judge that record.
    #[test]
    fn reading_a_written_record_gives_it_back() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/verify");
        let mut records = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let vector: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let input = &vector["input"];
            let envelope = input
                .get("envelope_text")
                .and_then(Value::as_str)
                .map_or_else(|| input["envelope"].to_string(), String::from);
            let Ok(env) = hocba_core::verify::parse_envelope(envelope.as_bytes()) else {
                continue;
            };
            let written = text(&env.record);
            assert_eq!(
                read_value(written.as_bytes(), RECORD_TEXT_LIMITS).unwrap(),
                env.record,
                "{}",
                path.display()
            );
            // And the checks the verification module receives are the ones the rules make.
            let checks = hocba_core::check::checks_from_json(
                &serde_json::from_str(&record_checks(&written)).unwrap(),
            )
            .unwrap();
            assert_eq!(checks, hocba_core::record::record_checks(&env.record));
            records += 1;
        }
        assert!(records >= 30, "only {records} records");
    }

    #[test]
    fn numbers_and_escapes_survive_the_trip() {
        for text_in in [
            r#"{"a":10.0,"b":-0.0,"c":1e300,"d":18446744073709551615,"e":-9223372036854775808,"f":1.5e-7}"#,
            r#"{"s":"tab\t, quote\", nul\u0000, ễ, 😀","n":[null,true,false,[],{}]}"#,
            r#"{"big":123456789012345678901234567890,"neg":-123456789012345678901234567890.5}"#,
        ] {
            let value = read_value(text_in.as_bytes(), RECORD_TEXT_LIMITS).unwrap();
            let again = read_value(text(&value).as_bytes(), RECORD_TEXT_LIMITS).unwrap();
            assert_eq!(again, value, "{text_in}");
        }
        assert!(record_checks("{").contains("\"ok\":false"));
    }
}
