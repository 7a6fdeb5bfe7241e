//! `hocba canonical FILE|-`: the exact bytes that are signed (RFC 8785 JCS, NFC text), or with `--digest`
//! their SHA-256 in lower-case hex.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use hocba_core::canonical::{canonical_bytes, sha256_hex};
use hocba_core::record::parse::{read_record_value, RECORD_LIMITS};
use hocba_core::Lang;

use crate::input::read_limited;
use crate::{LangArg, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct CanonicalArgs {
    /// A record (`hocba.record/1`), or `-` for standard input.
    input: PathBuf,
    /// Print the SHA-256 of the canonical bytes (64 hex digits and a newline) instead of the bytes.
    #[arg(long)]
    digest: bool,
    /// Language of error messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
}

pub fn run(args: &CanonicalArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let bytes = read_limited(&args.input, RECORD_LIMITS.max_bytes)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let value = match read_record_value(&bytes) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("hocba: [{}] {} {}", e.code(), e.pointer(), e.message(lang));
            return Ok(EXIT_INVALID);
        }
    };
    let canonical = match canonical_bytes(&value) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hocba: [{}] {}", e.code(), e.message(lang));
            return Ok(EXIT_INVALID);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if args.digest {
        writeln!(stdout, "{}", sha256_hex(&canonical))?;
    } else {
        stdout.write_all(&canonical)?;
    }
    stdout.flush()?;
    Ok(EXIT_OK)
}
