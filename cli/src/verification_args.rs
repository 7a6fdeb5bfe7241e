//! What every verifying command (`verify`, `batch verify`, `qr verify`, `package verify`) reads the same
//! way: the trust data (anchors, CRLs, the status list, the time), the policy switches, and how a verdict
//! becomes an exit code and a mark. One definition, so the commands cannot drift apart.

use std::path::PathBuf;

use clap::Args;
use hocba_core::pki::policy::{policy_id_from_dotted, InitialPolicies};
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
    #[command(flatten)]
    pub certificate_policies: CertificatePolicyArgs,
}

impl PolicyArgs {
    /// The policy these switches ask for; everything else is the default.
    ///
    /// # Errors
    /// A `--policy` that is not an OID.
    pub fn policy(&self) -> anyhow::Result<VerifyPolicy> {
        Ok(VerifyPolicy {
            require_revocation: self.require_revocation,
            require_status_list: self.require_status,
            require_timestamp: self.require_timestamp,
            status_list_max_age_days: self.status_max_age_days,
            certificate_policies: self.certificate_policies.inputs()?,
            ..VerifyPolicy::default()
        })
    }
}

/// The certificate policies the signers' certification paths must satisfy (RFC 5280 §6.1.1, as
/// `openssl verify -policy -explicit_policy -inhibit_map -inhibit_any`; D-118). By default any policy is
/// acceptable and only the CAs' own constraints apply.
#[derive(Debug, Args)]
pub struct CertificatePolicyArgs {
    /// A certificate policy (OID, e.g. 2.16.704.1.1.1) acceptable for the signers' paths; repeat for
    /// several. It decides a path where a CA requires an explicit policy, or with --explicit-policy.
    #[arg(long = "policy", value_name = "OID")]
    pub acceptable: Vec<String>,
    /// Every signer's path must be valid for an acceptable policy (initial-explicit-policy).
    #[arg(long)]
    pub explicit_policy: bool,
    /// No CA may map one policy to another (initial-policy-mapping-inhibit).
    #[arg(long)]
    pub inhibit_policy_mapping: bool,
    /// anyPolicy in a certificate stands for no policy (initial-any-policy-inhibit).
    #[arg(long)]
    pub inhibit_any_policy: bool,
}

impl CertificatePolicyArgs {
    /// The core's inputs.
    ///
    /// # Errors
    /// A `--policy` that is not an OID.
    pub fn inputs(&self) -> anyhow::Result<InitialPolicies> {
        let acceptable = if self.acceptable.is_empty() {
            None
        } else {
            let ids = self.acceptable.iter().map(|text| {
                policy_id_from_dotted(text.trim()).ok_or_else(|| {
                    anyhow::anyhow!("--policy {text}: not an OID (e.g. 2.16.704.1.1.1)")
                })
            });
            Some(ids.collect::<anyhow::Result<Vec<_>>>()?)
        };
        Ok(InitialPolicies {
            acceptable,
            require_explicit: self.explicit_policy,
            inhibit_mapping: self.inhibit_policy_mapping,
            inhibit_any: self.inhibit_any_policy,
        })
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
