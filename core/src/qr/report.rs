//! The stub's verification report: every check with status, code and vi/en message, a derived verdict,
//! and what the stub says — shown only once its signature holds.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use super::claims::QrClaims;
use super::codec::QrAlgorithm;
use crate::time::UnixTime;
use crate::verify::report::{Check, CheckStatus, StatusListSummary, TrustSummary, Verdict};
use crate::verify::RecordSummary;
use crate::Lang;

/// Format tag of the JSON report.
pub const QR_REPORT_FORMAT: &str = "hocba.qr-report/1";

/// The checks of a stub, in report order.
pub const CHECK_IDS: [&str; 12] = [
    "format",
    "decompression",
    "cose",
    "signer",
    "signature",
    "path",
    "revocation",
    "key_usage",
    "seal",
    "issued_at",
    "status",
    "record",
];

/// What the stub's layers measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StubFacts {
    /// The signature algorithm.
    pub algorithm: QrAlgorithm,
    /// The key id (hex).
    pub kid: String,
    /// Bytes before Base45.
    pub compressed_bytes: usize,
    /// Bytes of the COSE structure.
    pub cose_bytes: usize,
}

/// The seal that signed the stub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QrSigner {
    /// Name on the certificate (CN).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Organisation (O).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The issuing CA.
    pub issuer: String,
    /// Serial number (hex).
    pub serial: String,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrReport {
    /// Invalid if any check is Invalid; otherwise Indeterminate if any is Error; otherwise Valid.
    pub verdict: Verdict,
    /// The `now` used (passed in).
    pub now: UnixTime,
    /// The stub's layers, when it could be decoded.
    pub stub: Option<StubFacts>,
    /// The claims, only when the signature holds.
    pub claims: Option<QrClaims>,
    /// The seal's certificate, only when the signature holds.
    pub signer: Option<QrSigner>,
    /// The full record's summary, only when it was given, matches the stub and the signature holds.
    pub record: Option<RecordSummary>,
    /// The trust data used.
    pub trust: TrustSummary,
    /// The status list used.
    pub status_list: Option<StatusListSummary>,
    /// Every check.
    pub checks: Vec<Check>,
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
    stub: Option<&'a StubFacts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<&'a QrClaims>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<&'a QrSigner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a RecordSummary>,
    trust: &'a TrustSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_list: Option<&'a StatusListSummary>,
    checks: Vec<CheckOut<'a>>,
}

impl QrReport {
    /// The report as JSON, messages in `lang`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let out = ReportOut {
            format: QR_REPORT_FORMAT,
            verdict: self.verdict,
            verdict_text: self.verdict.text(lang),
            now: self.now,
            stub: self.stub.as_ref(),
            claims: self.claims.as_ref(),
            signer: self.signer.as_ref(),
            record: self.record.as_ref(),
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

    /// The first check that is not Valid or Skipped (what a reader is told first).
    #[must_use]
    pub fn first_failure(&self) -> Option<&Check> {
        self.checks
            .iter()
            .find(|c| matches!(c.status, CheckStatus::Invalid | CheckStatus::Error))
    }
}
