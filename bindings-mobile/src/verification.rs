//! The verification report as uniffi records: the verdict, every check with its code and message, the
//! signers and the dates of the trust data, plus the core's JSON report for logging or support.

use hocba_core::sign::Role;
use hocba_core::verify::report::TimeSource;
use hocba_core::verify::{self as core_verify, VerificationReport};
use hocba_core::Lang;

use crate::display::RecordDisplay;

/// The overall verdict, derived from the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Verdict {
    /// Every required check holds.
    Valid,
    /// A check fails: do not rely on the record.
    Invalid,
    /// Nothing fails, but a required check could not decide.
    Indeterminate,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CheckStatus {
    /// Holds.
    Valid,
    /// Fails.
    Invalid,
    /// Did not apply or its input was not given, and it is not required.
    Skipped,
    /// A required check could not run or decide.
    Error,
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckResult {
    /// Stable id: `format`, `canonical_digest`, `signatures[1].path`, `roles.order`, `status`…
    pub id: String,
    /// Outcome.
    pub status: CheckStatus,
    /// Stable code (`valid` when it holds, else the reason).
    pub code: String,
    /// The message in the requested language.
    pub message: String,
}

/// One signer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignerInfo {
    /// Position in the envelope.
    pub index: u32,
    /// Role code (`gvcn`, `ht`, `seal`, `subject_teacher`) as declared or signed.
    pub role: Option<String>,
    /// The role's name in the requested language.
    pub role_name: Option<String>,
    /// Name on the certificate.
    pub name: Option<String>,
    /// Organisation on the certificate.
    pub organisation: Option<String>,
    /// The certificate's issuer.
    pub issuer: Option<String>,
    /// When the signature is judged, RFC 3339 (UTC).
    pub signing_time: Option<String>,
    /// `timestamp` (an RFC 3161 token proves it) or `claimed` (the signer states it).
    pub signing_time_source: Option<String>,
    /// Every check of this signature holds.
    pub valid: bool,
}

/// A CRL the verification used.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CrlDate {
    /// Its issuer.
    pub issuer: String,
    /// Its thisUpdate, RFC 3339.
    pub this_update: String,
}

/// The status list the verification used.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusListDate {
    /// The school it is for.
    pub school_code: String,
    /// Its issue time, RFC 3339.
    pub issued_at: String,
    /// Whole days between its issue and the time of verification.
    pub age_days: i64,
}

/// Everything verification says about one envelope.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VerificationResult {
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in words ("HỢP LỆ", "VALID").
    pub verdict_text: String,
    /// Every check, in order.
    pub checks: Vec<CheckResult>,
    /// The signers.
    pub signers: Vec<SignerInfo>,
    /// The trust anchors' names.
    pub trust_anchors: Vec<String>,
    /// The CRLs used, with their dates.
    pub crls: Vec<CrlDate>,
    /// The status list used, with its date.
    pub status_list: Option<StatusListDate>,
    /// The time of verification used, RFC 3339.
    pub now: String,
    /// SHA-256 of the record's canonical bytes (hex), when computed.
    pub digest: Option<String>,
    /// The record's summary: present only when every signature and the digest hold (nothing of an
    /// unverified payload is shown).
    pub display: Option<RecordDisplay>,
    /// The core's JSON report (`hocba.verification-report/1`), the same as `hocba verify --format json`.
    pub report_json: String,
}

impl From<core_verify::Verdict> for Verdict {
    fn from(v: core_verify::Verdict) -> Self {
        match v {
            core_verify::Verdict::Valid => Verdict::Valid,
            core_verify::Verdict::Invalid => Verdict::Invalid,
            core_verify::Verdict::Indeterminate => Verdict::Indeterminate,
        }
    }
}

impl From<core_verify::CheckStatus> for CheckStatus {
    fn from(s: core_verify::CheckStatus) -> Self {
        match s {
            core_verify::CheckStatus::Valid => CheckStatus::Valid,
            core_verify::CheckStatus::Invalid => CheckStatus::Invalid,
            core_verify::CheckStatus::Skipped => CheckStatus::Skipped,
            core_verify::CheckStatus::Error => CheckStatus::Error,
        }
    }
}

/// The result of a report, in `lang`, with the summary when the record may be shown.
pub(crate) fn result_of(
    report: &VerificationReport,
    display: Option<RecordDisplay>,
    lang: Lang,
) -> VerificationResult {
    VerificationResult {
        verdict: report.verdict.into(),
        verdict_text: report.verdict.text(lang).into(),
        checks: report
            .checks
            .iter()
            .map(|c| CheckResult {
                id: c.id.clone(),
                status: c.status.into(),
                code: c.code.clone(),
                message: c.message(lang).into(),
            })
            .collect(),
        signers: report
            .signers
            .iter()
            .map(|s| SignerInfo {
                index: u32::try_from(s.index).unwrap_or(u32::MAX),
                role: s.role.clone(),
                role_name: s
                    .role
                    .as_deref()
                    .and_then(|r| r.parse::<Role>().ok())
                    .map(|r| r.name(lang).into()),
                name: s.name.clone(),
                organisation: s.organisation.clone(),
                issuer: s.issuer.clone(),
                signing_time: s.signing_time.map(|t| t.to_rfc3339()),
                signing_time_source: s.time_source.map(|t| {
                    match t {
                        TimeSource::Timestamp => "timestamp",
                        TimeSource::Claimed => "claimed",
                    }
                    .into()
                }),
                valid: s.valid,
            })
            .collect(),
        trust_anchors: report.trust.anchors.clone(),
        crls: report
            .trust
            .crls
            .iter()
            .map(|c| CrlDate {
                issuer: c.issuer.clone(),
                this_update: c.this_update.to_rfc3339(),
            })
            .collect(),
        status_list: report.status_list.as_ref().map(|s| StatusListDate {
            school_code: s.school_code.clone(),
            issued_at: s.issued_at.to_rfc3339(),
            age_days: s.age_days,
        }),
        now: report.now.to_rfc3339(),
        digest: report.digest.clone(),
        display,
        report_json: report.to_json(lang).to_string(),
    }
}
