//! The QR stub on a printed record (`HB1:…`, docs/qr.md): the app scans it and checks, offline, that the
//! school issued a record with this digest — and, with the full record at hand, that the printout stands
//! for exactly that record. Same store, same time, same typed results as `verify`.

use hocba_core::pki::cert::hex_lower;
use hocba_core::qr::{verify_stub, QrReport, QrVerifyInputs};
use hocba_core::Lang;

use crate::display::RecordDisplay;
use crate::policy::VerificationPolicy;
use crate::time::VerificationTime;
use crate::trust_store::TrustStore;
use crate::verification::{CheckResult, Verdict};
use crate::{HocbaError, Language};

/// What a stub says, shown only when its signature holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrClaimsInfo {
    /// The record id.
    pub record_id: String,
    /// SHA-256 of the record's canonical bytes (hex).
    pub digest: String,
    /// The school's code.
    pub school_code: String,
    /// The school year.
    pub school_year: String,
    /// The record's position in the status list when the stub was issued.
    pub status_index: Option<u64>,
    /// When the stub was issued, RFC 3339.
    pub issued_at: String,
}

/// The school seal that signed the stub.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrSeal {
    /// Name on the certificate.
    pub name: Option<String>,
    /// Organisation on the certificate.
    pub organisation: Option<String>,
    /// The issuing CA.
    pub issuer: String,
}

/// Everything verification says about one stub.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrVerificationResult {
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in words.
    pub verdict_text: String,
    /// Every check, in order.
    pub checks: Vec<CheckResult>,
    /// What the stub says (only when its signature holds).
    pub claims: Option<QrClaimsInfo>,
    /// The seal (only when its signature holds).
    pub seal: Option<QrSeal>,
    /// The time of verification used, RFC 3339.
    pub now: String,
    /// The summary of the full record given, only when it matches the stub and everything holds.
    pub display: Option<RecordDisplay>,
    /// The core's JSON report (`hocba.qr-report/1`), as `hocba qr verify --format json`.
    pub report_json: String,
}

fn result_of(
    report: &QrReport,
    display: Option<RecordDisplay>,
    lang: Lang,
) -> QrVerificationResult {
    QrVerificationResult {
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
        claims: report.claims.as_ref().map(|c| QrClaimsInfo {
            record_id: c.record_id.clone(),
            digest: hex_lower(&c.digest),
            school_code: c.school_code.clone(),
            school_year: c.school_year.clone(),
            status_index: c.status_index,
            issued_at: c.issued_at.to_rfc3339(),
        }),
        seal: report.signer.as_ref().map(|s| QrSeal {
            name: s.name.clone(),
            organisation: s.organisation.clone(),
            issuer: s.issuer.clone(),
        }),
        now: report.now.to_rfc3339(),
        display,
        report_json: report.to_json(lang).to_string(),
    }
}

#[uniffi::export]
impl TrustStore {
    /// Verifies the text of a scanned QR stub at `now` with the default policy. The seal's certificate is
    /// looked up by the stub's key id among the store's certificates, the status list's signature and,
    /// when `record` (a signed envelope or a record) is given, its signatures; `record` also lets the stub
    /// be matched to it.
    ///
    /// # Errors
    /// [`HocbaError::BadTime`] only: every problem of the stub is a check of the result.
    pub fn verify_qr(
        &self,
        text: String,
        record: Option<Vec<u8>>,
        now: VerificationTime,
        language: Language,
    ) -> Result<QrVerificationResult, HocbaError> {
        self.verify_qr_with_policy(text, record, now, language, VerificationPolicy::default())
    }

    /// [`TrustStore::verify_qr`] with the verifier's `policy` (its certificate policies apply to the seal's
    /// path, as to a record's signers).
    ///
    /// # Errors
    /// [`HocbaError::BadTime`]; [`HocbaError::InvalidInput`] `policy_option_invalid` for a policy that
    /// cannot be used (an empty `acceptable_policies`, an entry that is not a dotted OID).
    pub fn verify_qr_with_policy(
        &self,
        text: String,
        record: Option<Vec<u8>>,
        now: VerificationTime,
        language: Language,
        policy: VerificationPolicy,
    ) -> Result<QrVerificationResult, HocbaError> {
        let lang: Lang = language.into();
        let now = now.resolve(lang)?;
        let policy = policy.to_core(lang)?;
        let report = verify_stub(
            &text,
            &QrVerifyInputs {
                store: self.core_store(),
                certificates: &[],
                crls: self.crls(),
                status_list: self.status_list(),
                now,
                policy: &policy,
                record: record.as_deref(),
            },
        );
        let display = match (&report.record, &record) {
            (Some(_), Some(bytes)) => hocba_core::display::display_bytes(bytes, lang)
                .ok()
                .map(Into::into),
            _ => None,
        };
        Ok(result_of(&report, display, lang))
    }
}
