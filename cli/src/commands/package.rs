//! `hocba package`: bundle a school's issued records for the sector database, and
//! `hocba package verify`: check a received package end to end (docs/package.md).
//!
//! The package is hocba's own format; the sector database's schema is not public, so the mapping to it
//! is an adapter's job, after `package verify` (the adapter boundary).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use hocba_core::package::{build_manifest, verify_package, PackageReport};
use hocba_core::sign::{PrepareOptions, Role, SoftwareSigner};
use hocba_core::verify::envelope::ENVELOPE_LIMITS;
use hocba_core::Lang;

use crate::signing_input::{load_chain, read_input, read_text, time_or_now};
use crate::verification_args::{exit_code, mark, PolicyArgs, TrustDataArgs};
use crate::{Format, LangArg, EXIT_OK};

/// Largest `records.ndjson` read (a school's year is a few thousand records of a few tens of KB).
const MAX_NDJSON: usize = 2 * 1024 * 1024 * 1024 - 1;
/// Largest manifest signature read.
const MAX_SIG: usize = 1024 * 1024;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PackageArgs {
    #[command(subcommand)]
    command: Option<PackageCommand>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Debug, Subcommand)]
enum PackageCommand {
    /// Verify a received package: the manifest's seal signature, every record present once and
    /// unaltered, nothing missing or extra, and every record's own verification.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The school seal's private key (PKCS#8 PEM).
    #[arg(long, required = true)]
    key: Option<PathBuf>,
    /// The seal's certificate chain (PEM, seal certificate first).
    #[arg(long, required = true)]
    cert: Option<PathBuf>,
    /// The package directory to write (created; must not hold a package already).
    #[arg(short, long, required = true)]
    output: Option<PathBuf>,
    /// Signing time of the manifest, RFC 3339 (default: now).
    #[arg(long)]
    time: Option<String>,
    /// A directory of signed envelopes (`*.json`) or an NDJSON file of them.
    #[arg(required = true)]
    input: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct VerifyArgs {
    #[command(flatten)]
    trust: TrustDataArgs,
    #[command(flatten)]
    policy: PolicyArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// The package directory.
    package: PathBuf,
}

pub fn run(args: &PackageArgs) -> anyhow::Result<u8> {
    match &args.command {
        Some(PackageCommand::Verify(v)) => verify(v),
        None => build(&args.build),
    }
}

fn required<'a>(v: Option<&'a PathBuf>, name: &str) -> anyhow::Result<&'a Path> {
    v.map(PathBuf::as_path)
        .ok_or_else(|| anyhow!("{name} is required"))
}

/// The lines of the package and where each came from: a directory's `*.json` files in name order
/// (each written as one compact line), or an NDJSON file's lines as they are.
fn read_lines(input: &Path) -> anyhow::Result<(Vec<Vec<u8>>, Vec<String>)> {
    if input.is_dir() {
        let mut files: Vec<PathBuf> = fs::read_dir(input)
            .with_context(|| format!("cannot read {}", input.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let mut lines = Vec::new();
        let mut sources = Vec::new();
        for f in files {
            let bytes = read_input(&f, ENVELOPE_LIMITS.max_bytes)?;
            // The hardened reader: a file with duplicate keys must not be silently collapsed into a line.
            let value = hocba_core::json::read_value(&bytes, ENVELOPE_LIMITS)
                .map_err(|e| anyhow!("{}: [{}] {e}", f.display(), e.code()))?;
            lines.push(serde_json::to_vec(&value)?);
            sources.push(f.display().to_string());
        }
        return Ok((lines, sources));
    }
    let bytes = read_input(input, MAX_NDJSON)?;
    let lines: Vec<Vec<u8>> = hocba_core::package::ndjson_lines(&bytes)
        .into_iter()
        .map(<[u8]>::to_vec)
        .collect();
    let sources = (1..=lines.len())
        .map(|n| format!("{}:{n}", input.display()))
        .collect();
    Ok((lines, sources))
}

fn build(args: &BuildArgs) -> anyhow::Result<u8> {
    let key = required(args.key.as_ref(), "--key")?;
    let cert = required(args.cert.as_ref(), "--cert")?;
    let out = required(args.output.as_ref(), "--output")?;
    let input = required(args.input.as_ref(), "INPUT")?;
    let signer = SoftwareSigner::from_pkcs8_pem(&read_text(key)?)
        .map_err(|e| anyhow!("{}: [{}] {e}", key.display(), e.code()))?;
    let chain = load_chain(cert)?;
    let now = time_or_now(args.time.as_deref())?;
    let (lines, sources) = read_lines(input)?;
    let manifest = build_manifest(&lines, &sources, &now.to_rfc3339())
        .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
    let manifest_bytes = manifest
        .canonical_bytes()
        .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
    let cms = signer
        .sign_content(
            &manifest_bytes,
            Role::Seal,
            &chain,
            now,
            PrepareOptions::default(),
        )
        .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
    if out.join("manifest.json").exists() {
        return Err(anyhow!("{} already holds a package", out.display()));
    }
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut ndjson = Vec::new();
    for l in &lines {
        ndjson.extend_from_slice(l);
        ndjson.push(b'\n');
    }
    let write = |name: &str, bytes: &[u8]| {
        fs::write(out.join(name), bytes)
            .with_context(|| format!("cannot write {}", out.join(name).display()))
    };
    write("records.ndjson", &ndjson)?;
    write("manifest.json", &manifest_bytes)?;
    write("manifest.sig", &cms)?;
    eprintln!(
        "package: {} records of school {} ({}), school year {} → {}",
        manifest.count,
        manifest.school.code,
        manifest.school.name.as_deref().unwrap_or("?"),
        manifest.school_year,
        out.display()
    );
    Ok(EXIT_OK)
}

fn verify(args: &VerifyArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let data = args.trust.load()?;
    let dir = &args.package;
    let manifest = read_input(
        &dir.join("manifest.json"),
        hocba_core::package::manifest::MANIFEST_LIMITS.max_bytes,
    )?;
    let signature = read_input(&dir.join("manifest.sig"), MAX_SIG).map_err(|e| format!("{e:#}"));
    let ndjson = read_input(&dir.join("records.ndjson"), MAX_NDJSON)?;
    let policy = args.policy.policy()?;
    let inputs = data.inputs(&policy);
    let report = verify_package(&manifest, signature, &ndjson, &inputs);
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report.to_json(lang))?),
        Format::Text => print!("{}", render_text(&report, lang)),
    }
    Ok(exit_code(report.verdict))
}

/// The report for people: verdict, the package, the failing checks first (each names its record), then
/// every check.
pub fn render_text(r: &PackageReport, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {}",
        lang.pick("Kết quả kiểm tra gói hồ sơ", "Submission package check"),
        r.verdict.text(lang)
    );
    if let Some(m) = &r.manifest {
        let _ = writeln!(
            s,
            "{}: {} {}, {} {}, {} {}",
            lang.pick("Gói", "Package"),
            lang.pick("trường", "school"),
            m.school.code,
            lang.pick("năm học", "school year"),
            m.school_year,
            m.count,
            lang.pick("hồ sơ", "records")
        );
    }
    let failures = r.failures();
    if !failures.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Không đạt", "Failing"));
        for c in failures {
            let _ = writeln!(
                s,
                "  {} {} [{}] {}",
                mark(c.status),
                c.id,
                c.code,
                c.message(lang)
            );
        }
    }
    let _ = writeln!(s, "\n{}", lang.pick("Các kiểm tra", "Checks"));
    for c in &r.checks {
        let _ = writeln!(
            s,
            "  {} {} [{}] {}",
            mark(c.status),
            c.id,
            c.code,
            c.message(lang)
        );
    }
    s
}
