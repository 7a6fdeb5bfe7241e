//! `hocba sign`: add a signature (made here with a PKCS#8 key, or made elsewhere) to a record or to an
//! already signed envelope.

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use clap::Args;
use hocba_core::sign::{PrepareOptions, Role, SoftwareSigner};
use hocba_core::verify::cms::read_cms;
use hocba_core::verify::envelope::{parse_envelope, ENVELOPE_LIMITS};
use hocba_core::verify::signed_content;
use hocba_core::Lang;

use crate::signing_input::{
    load_chain, read_der_or_pem, read_input, read_text, time_or_now, write_output,
};
use crate::{LangArg, EXIT_OK};

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The signer's role: gvcn (class teacher), ht (principal), seal (school), subject_teacher.
    #[arg(long)]
    role: String,
    /// Unencrypted PKCS#8 PEM private key (software signing; tokens and remote services use --signature).
    #[arg(
        long,
        conflicts_with = "signature",
        required_unless_present = "signature"
    )]
    key: Option<PathBuf>,
    /// PEM certificate chain, signer first, then intermediates.
    #[arg(long, required_unless_present = "signature")]
    cert: Option<PathBuf>,
    /// A detached CMS signature (DER, PEM or S/MIME) over the record's canonical bytes, made elsewhere
    /// (a token, a remote-signing service, `openssl cms -sign -cades`: `-cades` adds the ESS
    /// signing-certificate-v2 attribute CAdES-B requires): checked against the record and attached.
    #[arg(long)]
    signature: Option<PathBuf>,
    /// Signing time, RFC 3339 (default: now).
    #[arg(long)]
    time: Option<String>,
    /// Sign with RSASSA-PSS instead of PKCS#1 v1.5 (RSA keys).
    #[arg(long)]
    rsa_pss: bool,
    /// Output file (default: standard output).
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// Skip the signer-side checks (for making test vectors of bad signatures).
    #[arg(long, hide = true)]
    unchecked: bool,
    /// Write ESS signing-certificate (v1, SHA-1) instead of v2, as some other tools do (test vectors).
    #[arg(long, hide = true)]
    ess_v1: bool,
    /// The record (`hocba.record/1`) or signed envelope (`hocba.signed/1`), or `-`.
    input: PathBuf,
}

pub fn run(args: &SignArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let role: Role = args.role.parse().map_err(|e| anyhow!("{e}"))?;
    let bytes = read_input(&args.input, ENVELOPE_LIMITS.max_bytes)?;
    let mut envelope = parse_envelope(&bytes).map_err(|e| {
        anyhow!(
            "{}: [{}] {}",
            args.input.display(),
            e.code(),
            e.message(lang)
        )
    })?;
    let content = signed_content(&envelope.record)
        .map_err(|e| anyhow!("[{}] {}", e.code(), e.message(lang)))?;
    let cms = if let Some(sig_path) = &args.signature {
        let cms = read_der_or_pem(sig_path)?;
        let facts = read_cms(&cms)
            .map_err(|e| anyhow!("{}: [{}] {}", sig_path.display(), e.code(), e.message(lang)))?;
        facts
            .check_digest(
                &content.canonical_bytes,
                hocba_core::sign::profile::oid::DATA,
            )
            .map_err(|e| {
                anyhow!(
                    "{}: [{}] {} ({})",
                    sig_path.display(),
                    e.code(),
                    e.message(lang),
                    lang.pick(
                        "chữ ký phải được tạo trên dạng chuẩn tắc của hồ sơ: hocba canonical",
                        "sign the record's canonical bytes: see `hocba canonical`"
                    )
                )
            })?;
        cms
    } else {
        let (Some(key_path), Some(cert_path)) = (&args.key, &args.cert) else {
            bail!("--key and --cert are required unless --signature is given");
        };
        let signer = SoftwareSigner::from_pkcs8_pem(&read_text(key_path)?)
            .map_err(|e| anyhow!("{}: [{}] {}", key_path.display(), e.code(), e.message(lang)))?;
        let chain = load_chain(cert_path)?;
        let time = time_or_now(args.time.as_deref())?;
        let options = PrepareOptions {
            rsa_pss: args.rsa_pss,
            unchecked: args.unchecked,
            ess_v1: args.ess_v1,
            ..PrepareOptions::default()
        };
        signer
            .sign_content(&content.canonical_bytes, role, &chain, time, options)
            .map_err(|e| anyhow!("[{}] {}", e.code(), e.message(lang)))?
    };
    envelope.push(Some(role), cms);
    let text = serde_json::to_string_pretty(&envelope.to_value())? + "\n";
    write_output(args.output.as_deref(), &text)?;
    Ok(EXIT_OK)
}
