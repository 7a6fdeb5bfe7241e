//! `hocba status`: maintain the school's signed status list (issue, revoke, supersede). Every change
//! writes a new version of the list, dated and signed with the school's seal.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{Args, Subcommand};
use hocba_core::sign::{PrepareOptions, Role, SoftwareSigner};
use hocba_core::status::model::STATUS_LIST_LIMITS;
use hocba_core::status::{parse_status_document, StatusList};
use hocba_core::time::{Date, UnixTime};
use hocba_core::verify::content::canonical_bytes;
use hocba_core::verify::envelope::{parse_envelope, ENVELOPE_LIMITS};
use hocba_core::verify::{signed_content, SignedContent};
use hocba_core::Lang;

use crate::signing_input::{load_chain, read_input, read_text, time_or_now, write_output};
use crate::{LangArg, EXIT_OK};

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(subcommand)]
    action: Action,
    /// The status list to update (`hocba.status-list/1`); created when it does not exist.
    #[arg(long, global = true)]
    list: Option<PathBuf>,
    /// The school seal's PKCS#8 PEM key.
    #[arg(long, global = true)]
    key: Option<PathBuf>,
    /// The school seal's PEM certificate chain.
    #[arg(long, global = true)]
    cert: Option<PathBuf>,
    /// Time of this version of the list, RFC 3339 (default: now).
    #[arg(long, global = true)]
    time: Option<String>,
    /// Output file (default: overwrite --list).
    #[arg(short = 'o', long, global = true)]
    output: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi", global = true)]
    lang: LangArg,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List signed records as issued.
    Issue {
        /// Signed envelopes to list.
        #[arg(required = true)]
        records: Vec<PathBuf>,
    },
    /// Revoke a record (wrong student, duplicate, ...).
    Revoke {
        /// The record's id.
        #[arg(long)]
        record_id: String,
        /// Why.
        #[arg(long)]
        reason: String,
        /// Date of the revocation, YYYY-MM-DD (default: the date of --time in Vietnam).
        #[arg(long)]
        date: Option<String>,
    },
    /// Mark a record superseded by its corrected version (which is listed as issued).
    Supersede {
        /// The old record's id.
        #[arg(long)]
        record_id: String,
        /// The corrected record's signed envelope.
        #[arg(long)]
        by: PathBuf,
        /// Why.
        #[arg(long)]
        reason: String,
        /// Date, YYYY-MM-DD (default: the date of --time in Vietnam).
        #[arg(long)]
        date: Option<String>,
    },
}

fn record_of(path: &Path, lang: Lang) -> anyhow::Result<SignedContent> {
    let env = parse_envelope(&read_input(path, ENVELOPE_LIMITS.max_bytes)?)
        .map_err(|e| anyhow!("{}: [{}] {}", path.display(), e.code(), e.message(lang)))?;
    if env.signatures.is_empty() {
        bail!(
            "{}: {}",
            path.display(),
            lang.pick("hồ sơ chưa được ký", "the record is not signed")
        );
    }
    signed_content(&env.record).map_err(|e| anyhow!("[{}] {}", e.code(), e.message(lang)))
}

fn date_of(text: Option<&str>, time: UnixTime) -> anyhow::Result<Date> {
    match text {
        None => Ok(time.date_in_vietnam()),
        Some(d) => Date::parse(d).map_err(|e| anyhow!("{e}")),
    }
}

pub fn run(args: &StatusArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let (Some(list_path), Some(key), Some(cert)) = (&args.list, &args.key, &args.cert) else {
        bail!("--list, --key and --cert are required");
    };
    let time = time_or_now(args.time.as_deref())?;
    let mut list = if list_path.exists() {
        parse_status_document(&read_input(list_path, STATUS_LIST_LIMITS.max_bytes)?)
            .map_err(|e| {
                anyhow!(
                    "{}: [{}] {}",
                    list_path.display(),
                    e.code(),
                    e.message(lang)
                )
            })?
            .list
    } else {
        let first = match &args.action {
            Action::Issue { records } => record_of(&records[0], lang)?,
            Action::Supersede { by, .. } => record_of(by, lang)?,
            Action::Revoke { .. } => bail!("{} does not exist", list_path.display()),
        };
        let code = first
            .school_code
            .clone()
            .ok_or_else(|| anyhow!("the record names no school code"))?;
        StatusList::new(&code, first.school_name.as_deref(), time)
    };
    let fail =
        |e: hocba_core::status::StatusUpdateError| anyhow!("[{}] {}", e.code(), e.message(lang));
    match &args.action {
        Action::Issue { records } => {
            for r in records {
                let c = record_of(r, lang)?;
                list.check_school(c.school_code.as_deref()).map_err(fail)?;
                let id = c
                    .record_id
                    .clone()
                    .ok_or_else(|| anyhow!("{}: no record id", r.display()))?;
                list.issue(&id, &c.digest_hex, time.date_in_vietnam())
                    .map_err(fail)?;
            }
        }
        Action::Revoke {
            record_id,
            reason,
            date,
        } => list
            .revoke(record_id, reason, date_of(date.as_deref(), time)?)
            .map_err(fail)?,
        Action::Supersede {
            record_id,
            by,
            reason,
            date,
        } => {
            let c = record_of(by, lang)?;
            list.check_school(c.school_code.as_deref()).map_err(fail)?;
            let new_id = c
                .record_id
                .clone()
                .ok_or_else(|| anyhow!("{}: no record id", by.display()))?;
            list.supersede(
                record_id,
                &new_id,
                &c.digest_hex,
                reason,
                date_of(date.as_deref(), time)?,
            )
            .map_err(fail)?;
        }
    }
    list.touch(time);
    let bytes = canonical_bytes(&list.to_value())
        .map_err(|e| anyhow!("[{}] {}", e.code(), e.message(lang)))?;
    let signer = SoftwareSigner::from_pkcs8_pem(&read_text(key)?)
        .map_err(|e| anyhow!("{}: [{}] {}", key.display(), e.code(), e.message(lang)))?;
    let chain = load_chain(cert)?;
    let cms = signer
        .sign_content(&bytes, Role::Seal, &chain, time, PrepareOptions::default())
        .map_err(|e| anyhow!("[{}] {}", e.code(), e.message(lang)))?;
    let text = serde_json::to_string_pretty(&list.to_document(&cms))? + "\n";
    write_output(Some(args.output.as_deref().unwrap_or(list_path)), &text)?;
    Ok(EXIT_OK)
}
