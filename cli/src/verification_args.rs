//! What every verifying command (`verify`, `batch verify`, `qr verify`, `package verify`) reads the same
//! way: the trust data (anchors, CRLs, the status list, the time), the policy switches, and how a verdict
//! becomes an exit code and a mark. One definition, so the commands cannot drift apart.

use std::path::PathBuf;

use clap::Args;
use hocba_core::pki::{CrlInfo, TrustStore};
use hocba_core::status::model::STATUS_LIST_LIMITS;
use hocba_core::status::{parse_status_document, StatusDocument, StatusListError};
use hocba_core::time::UnixTime;
use hocba_core::verify::{CheckStatus, Verdict, VerifyInputs, VerifyPolicy};

use crate::signing_input::{load_crls, load_trust, read_input, time_or_now};
use crate::{EXIT_INDETERMINATE, EXIT_INVALID, EXIT_OK};

/// The trust data a verification is judged against. All of it is given: nothing is fetched.
#[derive(Debug, Args)]
pub struct TrustDataArgs {
    /// Directory of trusted certificates (PEM, DER, PKCS #7 bundles), or one such file: self-signed
    /// roots are trust anchors, the others intermediates that help build paths and check who signed a
    /// CRL (a CA's renewed key, an indirect CRL's authority); it may also hold school seal certificates
    /// (D-51).
    #[arg(long)]
    pub trust: PathBuf,
    /// A CRL (PEM or DER); repeat for several.
    #[arg(long)]
    pub crl: Vec<PathBuf>,
    /// The school's signed status list (`hocba.status-list/1`).
    #[arg(long)]
    pub status: Option<PathBuf>,
    /// The time of verification, RFC 3339 (default: now, read once).
    #[arg(long)]
    pub at: Option<String>,
}

/// The policy switches of `hocba verify` and `hocba batch verify`.
#[derive(Debug, Args)]
pub struct PolicyArgs {
    /// Without a CRL issued after the signing time, revocation is undecided (exit 3) instead of skipped.
    #[arg(long)]
    pub require_revocation: bool,
    /// Without a status list, the record's status is undecided (exit 3) instead of skipped.
    #[arg(long)]
    pub require_status: bool,
    /// Every signature must carry a valid RFC 3161 timestamp.
    #[arg(long)]
    pub require_timestamp: bool,
    /// Days after which a status list is stale.
    #[arg(long, default_value_t = 35)]
    pub status_max_age_days: i64,
}

impl PolicyArgs {
    /// The policy these switches ask for; everything else is the default.
    pub fn policy(&self) -> VerifyPolicy {
        VerifyPolicy {
            require_revocation: self.require_revocation,
            require_status_list: self.require_status,
            require_timestamp: self.require_timestamp,
            status_list_max_age_days: self.status_max_age_days,
            ..VerifyPolicy::default()
        }
    }
}

/// The trust data, read and decoded once.
pub struct TrustData {
    pub store: TrustStore,
    pub crls: Vec<CrlInfo>,
    /// The status list, or why it could not be read (the report says so; it is not a usage error).
    pub status: Option<Result<StatusDocument, StatusListError>>,
    pub now: UnixTime,
}

impl TrustDataArgs {
    /// Reads every file. A missing or unreadable trust directory or CRL is a usage error; an unreadable
    /// status list is carried into the report.
    pub fn load(&self) -> anyhow::Result<TrustData> {
        let store = load_trust(&self.trust)?;
        let crls = load_crls(&self.crl)?;
        let status = match &self.status {
            None => None,
            Some(p) => Some(parse_status_document(&read_input(
                p,
                STATUS_LIST_LIMITS.max_bytes,
            )?)),
        };
        let now = time_or_now(self.at.as_deref())?;
        Ok(TrustData {
            store,
            crls,
            status,
            now,
        })
    }
}

impl TrustData {
    /// The core's inputs over this data.
    pub fn inputs<'a>(&'a self, policy: &'a VerifyPolicy) -> VerifyInputs<'a> {
        VerifyInputs {
            store: &self.store,
            crls: &self.crls,
            status_list: self.status.as_ref(),
            now: self.now,
            policy,
        }
    }
}

/// 0 valid, 1 invalid, 3 could not decide.
pub fn exit_code(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Valid => EXIT_OK,
        Verdict::Invalid => EXIT_INVALID,
        Verdict::Indeterminate => EXIT_INDETERMINATE,
    }
}

/// The mark before a check in text reports.
pub fn mark(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Valid => "✓",
        CheckStatus::Invalid => "✗",
        CheckStatus::Skipped => "–",
        CheckStatus::Error => "?",
    }
}
