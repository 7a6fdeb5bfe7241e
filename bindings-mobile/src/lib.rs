//! `hocba-mobile`: the API a parent lookup app needs, over uniffi. Documents cross the boundary as bytes,
//! results as plain records and strings; decimals stay strings ("8,3" for display, "8.3" in data).
//! Nothing here decides anything: every rule and check lives in `hocba-core`.

uniffi::setup_scaffolding!();

mod error;

pub use error::HocbaError;

/// The display language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Language {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<Language> for hocba_core::Lang {
    fn from(l: Language) -> Self {
        match l {
            Language::Vi => hocba_core::Lang::Vi,
            Language::En => hocba_core::Lang::En,
        }
    }
}

/// The version of the rules engine.
#[uniffi::export]
#[must_use]
pub fn rules_version() -> String {
    hocba_core::RULES_VERSION.to_string()
}

/// Assesses one student (`hocba.assess-input/1`) or a class file and returns the engine's JSON (the same
/// bytes as `hocba assess --format json`). `config` is a `RulesConfig` JSON, or `None` for the defaults.
///
/// # Errors
/// [`HocbaError::InvalidInput`] with the first problem's code and every problem.
#[uniffi::export]
pub fn assess_json(
    input: Vec<u8>,
    config: Option<Vec<u8>>,
    language: Language,
) -> Result<String, HocbaError> {
    let lang = language.into();
    let config = match config {
        None => hocba_core::RulesConfig::default(),
        Some(bytes) => hocba_core::json::parse_config(&bytes).map_err(|e| {
            HocbaError::from_problems(&serde_json::json!([
                hocba_core::assess::report_json::error_json(&e, lang)
            ]))
        })?,
    };
    let (report, ok) = hocba_core::assess::report_json::assess_document_json(&input, &config, lang);
    if ok || report.get("students").is_some() {
        return Ok(report.to_string());
    }
    Err(HocbaError::from_problems(&report["errors"]))
}
