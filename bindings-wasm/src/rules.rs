//! The rules in the browser: assessment of a student or a class, and gradebook import.

use hocba_core::assess::report_json::assess_document_json;
use hocba_core::RulesConfig;
use serde_json::json;
use wasm_bindgen::prelude::*;

use crate::{lang, text};

/// Assesses a student (`hocba.assess-input/1`) or a class file; `config` is a `RulesConfig` JSON or empty.
/// Returns `{"ok": true, "assessment": …}`, `{"ok": false, "errors": […]}` or, for a class, `{"ok", "students"}`.
#[wasm_bindgen]
#[must_use]
pub fn assess(input: &str, config: &str, lang_code: &str) -> String {
    let lang = lang(lang_code);
    let config = if config.trim().is_empty() {
        RulesConfig::default()
    } else {
        match hocba_core::json::parse_config(config.as_bytes()) {
            Ok(c) => c,
            Err(e) => {
                return text(
                    &json!({"ok": false, "errors": [hocba_core::assess::report_json::error_json(&e, lang)]}),
                )
            }
        }
    };
    text(&assess_document_json(input.as_bytes(), &config, lang).0)
}

/// Reads a class gradebook given as a table (JSON array of rows of cell texts, e.g. parsed from CSV in the
/// page) in the `hocba.gradebook/1` layout: `{"ok": true, "class": …}` or `{"ok": false, "errors": […]}`,
/// every error at its cell ("E4").
#[wasm_bindgen(js_name = importGradebook)]
#[must_use]
pub fn import_gradebook(table: &str, lang_code: &str) -> String {
    let lang = lang(lang_code);
    let rows: Vec<Vec<String>> = match hocba_core::json::read_value(
        table.as_bytes(),
        hocba_core::json::ASSESS_LIMITS,
    )
    .and_then(|v| hocba_core::json::from_value(&v))
    {
        Ok(rows) => rows,
        Err(e) => {
            return text(
                &json!({"ok": false, "errors": [hocba_core::assess::report_json::error_json(&e, lang)]}),
            )
        }
    };
    text(&hocba_core::gradebook::import_json(
        &rows,
        &RulesConfig::default(),
        lang,
    ))
}
