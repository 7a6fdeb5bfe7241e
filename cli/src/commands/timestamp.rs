//! `hocba timestamp`: RFC 3161 timestamps on signatures (CAdES-T). `imprint` prints what to send to a
//! TSA for one signature; `attach` adds the TSA's reply to it.

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use clap::{Args, Subcommand};
use hocba_core::pki::cert::hex_lower;
use hocba_core::timestamp::{attach_timestamp, imprint_for, token_from_reply};
use hocba_core::verify::cms::read_cms;
use hocba_core::verify::envelope::{parse_envelope, EnvelopeSignature, ENVELOPE_LIMITS};

use crate::signing_input::{read_der_or_pem, read_input, write_output};
use crate::EXIT_OK;

#[derive(Debug, Args)]
pub struct TimestampArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Print the SHA-256 (hex) of a signature's value, for `openssl ts -query -digest … -sha256 -cert`
    ///
    /// `-cert` asks the TSA to put its certificate in the token; without it, the TSA's certificate must
    /// be in the verifier's trust store.
    Imprint {
        /// Which signature (0-based, envelope order; default: the last).
        #[arg(long)]
        index: Option<usize>,
        /// The signed envelope.
        input: PathBuf,
    },
    /// Attach a TSA reply (TimeStampResp or TimeStampToken, DER) to a signature.
    Attach {
        /// Which signature (0-based; default: the last).
        #[arg(long)]
        index: Option<usize>,
        /// The TSA's reply.
        #[arg(long)]
        reply: PathBuf,
        /// Output file (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// The signed envelope.
        input: PathBuf,
    },
}

fn pick(
    sigs: &mut [EnvelopeSignature],
    index: Option<usize>,
) -> anyhow::Result<&mut EnvelopeSignature> {
    let n = sigs.len();
    let i = index.unwrap_or(n.saturating_sub(1));
    sigs.get_mut(i)
        .ok_or_else(|| anyhow!("no signature {i}: the envelope has {n}"))
}

pub fn run(args: &TimestampArgs) -> anyhow::Result<u8> {
    match &args.action {
        Action::Imprint { index, input } => {
            let mut env = parse_envelope(&read_input(input, ENVELOPE_LIMITS.max_bytes)?)
                .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
            let sig = pick(&mut env.signatures, *index)?;
            let Ok(cms) = &sig.cms else {
                bail!("the signature is not valid base64")
            };
            let facts = read_cms(cms).map_err(|e| anyhow!("[{}] {e}", e.code()))?;
            println!("{}", hex_lower(&imprint_for(&facts.signature)));
        }
        Action::Attach {
            index,
            reply,
            output,
            input,
        } => {
            let mut env = parse_envelope(&read_input(input, ENVELOPE_LIMITS.max_bytes)?)
                .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
            let token = token_from_reply(&read_der_or_pem(reply)?)
                .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
            let sig = pick(&mut env.signatures, *index)?;
            let Ok(cms) = &sig.cms else {
                bail!("the signature is not valid base64")
            };
            let stamped =
                attach_timestamp(cms, &token).map_err(|e| anyhow!("[{}] {e}", e.code()))?;
            sig.cms = Ok(stamped);
            let text = serde_json::to_string_pretty(&env.to_value())? + "\n";
            write_output(output.as_deref(), &text)?;
        }
    }
    Ok(EXIT_OK)
}
