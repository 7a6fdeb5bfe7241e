//! The verification report (design §4): every check with its status, code and vi/en message, the
//! signers, the dates of the trust data used and the `now` passed in. Never a bare boolean.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::content::RecordSummary;
use crate::time::UnixTime;
use crate::Lang;

/// Format tag of the JSON report.
pub const REPORT_FORMAT: &str = "hocba.verification-report/1";

pub use crate::check::{Check, CheckStatus};

/// Why a check did not hold, as a report states it: a stable code and a message in each language. The
/// error types of the verification path implement it (listed at the end of this file), so that a check is made from
/// an error in one way everywhere ([`Check::from_reason`]).
pub trait CheckReason {
    /// The stable machine code.
    fn reason_code(&self) -> &str;
    /// The message in `lang`.
    fn reason_message(&self, lang: Lang) -> String;
}

/// Implements [`CheckReason`] for error types with inherent `code()` and `message(Lang)`.
macro_rules! check_reason {
    ($($error:ty),+ $(,)?) => {$(
        impl $crate::verify::report::CheckReason for $error {
            fn reason_code(&self) -> &str {
                self.code()
            }
            fn reason_message(&self, lang: $crate::Lang) -> alloc::string::String {
                self.message(lang)
            }
        }
    )+};
}
/// Shorthand for [`Check::new`] with computed messages, as the verifiers write their checks.
pub(crate) fn ck(id: &str, status: CheckStatus, code: &str, vi: String, en: String) -> Check {
    Check::new(id, status, code, vi, en)
}

/// The code of a check whose signature arithmetic could not run (the WebAssembly signature module could
/// not be loaded, decisions D-123): [`crate::pki::AlgorithmError::ArithmeticUnavailable`].
const ARITHMETIC_UNAVAILABLE: &str = "signature_arithmetic_unavailable";

impl Check {
    /// A check that did not hold, for `reason`. A check that failed only because its signature
    /// arithmetic could not run did not run: it is [`CheckStatus::Error`] (could not decide), never
    /// Invalid.
    #[must_use]
    pub fn from_reason(
        id: impl Into<String>,
        status: CheckStatus,
        reason: &dyn CheckReason,
    ) -> Check {
        let status =
            if status == CheckStatus::Invalid && reason.reason_code() == ARITHMETIC_UNAVAILABLE {
                CheckStatus::Error
            } else {
                status
            };
        Check::new(
            id,
            status,
            reason.reason_code(),
            reason.reason_message(Lang::Vi),
            reason.reason_message(Lang::En),
        )
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every check holds (skipped ones were not required).
    Valid,
    /// At least one check fails.
    Invalid,
    /// Nothing fails, but a required check could not decide.
    Indeterminate,
}

impl Verdict {
    /// Invalid if any check is Invalid; otherwise Indeterminate if any is Error; otherwise Valid.
    #[must_use]
    pub fn derive(checks: &[Check]) -> Verdict {
        if checks.iter().any(|c| c.status == CheckStatus::Invalid) {
            Verdict::Invalid
        } else if checks.iter().any(|c| c.status == CheckStatus::Error) || checks.is_empty() {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        }
    }

    /// Its name in `lang`.
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Valid, Lang::Vi) => "HỢP LỆ",
            (Verdict::Valid, Lang::En) => "VALID",
            (Verdict::Invalid, Lang::Vi) => "KHÔNG HỢP LỆ",
            (Verdict::Invalid, Lang::En) => "INVALID",
            (Verdict::Indeterminate, Lang::Vi) => "CHƯA XÁC ĐỊNH ĐƯỢC",
            (Verdict::Indeterminate, Lang::En) => "INDETERMINATE",
        }
    }
}

/// Where a signing time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// An RFC 3161 timestamp proves it.
    Timestamp,
    /// The signer's signing-time attribute claims it.
    Claimed,
}

/// One signer, as the report names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerSummary {
    /// Position in the envelope.
    pub index: usize,
    /// Role (declared or signed), as a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Name on the certificate (CN).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Organisation on the certificate (O).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The certificate's issuer (CA).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The certificate's serial number (hex).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// The time the signature is judged at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_time: Option<UnixTime>,
    /// Where that time comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_source: Option<TimeSource>,
    /// Every check of this signature holds.
    pub valid: bool,
}

/// A CRL the report relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrlUsed {
    /// Its issuer.
    pub issuer: String,
    /// Its thisUpdate.
    pub this_update: UnixTime,
}

/// The trust data used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct TrustSummary {
    /// Where the trust list came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When it was last updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<UnixTime>,
    /// The trust anchors' names.
    pub anchors: Vec<String>,
    /// The CRLs given.
    pub crls: Vec<CrlUsed>,
}

impl TrustSummary {
    /// What a report says of the trust store and CRLs a verification used.
    #[must_use]
    pub fn of(store: &crate::pki::TrustStore, crls: &[crate::pki::CrlInfo]) -> TrustSummary {
        TrustSummary {
            source: store.source.clone(),
            as_of: store.as_of,
            anchors: store.anchors().iter().map(|a| a.display_name()).collect(),
            crls: crls
                .iter()
                .map(|c| CrlUsed {
                    issuer: c.issuer.display(),
                    this_update: c.this_update,
                })
                .collect(),
        }
    }
}

/// The status list used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusListSummary {
    /// The school it is for.
    pub school_code: String,
    /// Its issue time.
    pub issued_at: UnixTime,
    /// Whole days between its issue and `now`.
    pub age_days: i64,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationReport {
    /// The verdict, derived from the checks.
    pub verdict: Verdict,
    /// The `now` the verification used (passed in, never read from a clock).
    pub now: UnixTime,
    /// SHA-256 of the record's canonical bytes (hex), when computed.
    pub digest: Option<String>,
    /// What the record says, shown only when every signature and digest holds; `None` otherwise, because
    /// nothing from an unverified payload is trustworthy.
    pub record: Option<RecordSummary>,
    /// The signers.
    pub signers: Vec<SignerSummary>,
    /// The trust data used.
    pub trust: TrustSummary,
    /// The status list used.
    pub status_list: Option<StatusListSummary>,
    /// Every check, in order.
    pub checks: Vec<Check>,
}

impl Serialize for UnixTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

#[derive(Serialize)]
struct CheckOut<'a> {
    id: &'a str,
    status: CheckStatus,
    code: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    format: &'static str,
    verdict: Verdict,
    verdict_text: &'static str,
    now: UnixTime,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a RecordSummary>,
    signers: &'a [SignerSummary],
    trust: &'a TrustSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_list: Option<&'a StatusListSummary>,
    checks: Vec<CheckOut<'a>>,
}

impl VerificationReport {
    /// The report as JSON, messages in `lang`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let out = ReportOut {
            format: REPORT_FORMAT,
            verdict: self.verdict,
            verdict_text: self.verdict.text(lang),
            now: self.now,
            digest: self.digest.as_deref(),
            record: self.record.as_ref(),
            signers: &self.signers,
            trust: &self.trust,
            status_list: self.status_list.as_ref(),
            checks: self
                .checks
                .iter()
                .map(|c| CheckOut {
                    id: &c.id,
                    status: c.status,
                    code: &c.code,
                    message: c.message(lang),
                })
                .collect(),
        };
        serde_json::to_value(out).unwrap_or(serde_json::Value::Null)
    }

    /// The check with this id.
    #[must_use]
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}

check_reason!(
    crate::pki::algorithms::AlgorithmError,
    crate::pki::key_usage::KeyUsageError,
    crate::pki::path::PathError,
    crate::verify::cms::CmsError,
    crate::verify::cms::DigestError,
    crate::verify::cms::EssError,
    crate::verify::content::ContentError,
    crate::verify::envelope::EnvelopeError,
    crate::verify::policy::RoleError,
    crate::status::model::StatusListError,
    crate::timestamp::token::TimestampError,
    crate::package::manifest::ManifestError,
);
#[cfg(feature = "qr")]
check_reason!(crate::qr::error::StubDecodeError);
