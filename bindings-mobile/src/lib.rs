//! `hocba-mobile`: the API a parent lookup app needs, over uniffi. Documents cross the boundary as bytes,
//! results as plain records and strings; decimals stay strings ("8,3" for display, "8.3" in data).
//! Nothing here decides anything: every rule and check lives in `hocba-core`.
//!
//! * [`TrustStore`] — anchors, CRLs and a status list read once, then `verify(envelope, now, language)`
//!   from any number of threads, and `verify_qr` for the QR stub of a printed record; both also with a
//!   [`VerificationPolicy`] (`verify_with_policy`, `verify_qr_with_policy`) when the verifier requires more
//!   than the default;
//! * [`display_summary`] — what to show of a record;
//! * [`assess_json`] — the assessment engine, for tools.

uniffi::setup_scaffolding!();

mod display;
mod error;
mod policy;
mod qr;
mod time;
mod trust_store;
mod verification;

pub use display::{display_summary, DisplayField, RecordDisplay, SubjectDisplay};
pub use error::HocbaError;
pub use policy::VerificationPolicy;
pub use qr::{QrClaimsInfo, QrSeal, QrVerificationResult};
pub use time::VerificationTime;
pub use trust_store::{TrustStore, MAX_TRUST_ITEMS, MAX_TRUST_ITEM_BYTES};
pub use verification::{
    CheckResult, CheckStatus, CrlDate, SignerInfo, StatusListDate, Verdict, VerificationResult,
};

/// The display language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Language {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<hocba_core::Lang> for Language {
    fn from(l: hocba_core::Lang) -> Self {
        match l {
            hocba_core::Lang::Vi => Language::Vi,
            hocba_core::Lang::En => Language::En,
        }
    }
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
