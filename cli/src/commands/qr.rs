//! `hocba qr issue|verify`: the QR verification stub of a printed record (docs/qr.md).
//!
//! Exit codes of `verify`: 0 valid, 1 invalid, 3 indeterminate, 2 usage error.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use base64ct::Encoding as _;
use clap::{Args, Subcommand};
use hocba_core::pki::CertInfo;
use hocba_core::qr::{sign_stub, verify_stub, QrClaims, QrReport, QrVerifyInputs, MAX_STUB_BYTES};
use hocba_core::sign::SoftwareSigner;
use hocba_core::time::{Date, UnixTime};
use hocba_core::verify::envelope::ENVELOPE_LIMITS;
use hocba_core::verify::{parse_envelope, VerifyPolicy};
use hocba_core::Lang;

use crate::signing_input::{load_chain, read_input, read_text, time_or_now, write_output};
use crate::verification_args::{exit_code, mark, CertificatePolicyArgs, TrustDataArgs};
use crate::{Format, LangArg, EXIT_OK};

/// Largest stub file read (a stub is under a thousand characters).
const MAX_STUB_FILE: usize = 64 * 1024;

#[derive(Debug, Args)]
pub struct QrArgs {
    #[command(subcommand)]
    command: QrCommand,
}

#[derive(Debug, Subcommand)]
enum QrCommand {
    /// Issue the stub of a record with the school seal's key (ES256 for a P-256 key, PS256 for RSA).
    #[command(
        after_help = "Examples:\n  hocba qr issue --key seal.key.pem --cert seal-chain.pem signed.json -o stub.txt --png stub.png\n  hocba qr issue --key seal.key.pem --cert seal-chain.pem --status-index 12 --issued 2025-07-05 signed.json"
    )]
    Issue(IssueArgs),
    /// Verify a stub offline; with --record, also that the record given is the one it stands for.
    #[command(
        after_help = "Exit codes: 0 valid, 1 invalid, 3 indeterminate (could not decide), 2 usage error.\n\nExamples:\n  hocba qr verify --trust trust/ --status status.json stub.txt\n  hocba qr verify --trust trust/ --record signed.json --format json --lang en stub.txt\n  echo 'HB1:…' | hocba qr verify --trust trust/ --cert seal.pem -"
    )]
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    /// The school seal's private key (PKCS#8 PEM).
    #[arg(long)]
    key: PathBuf,
    /// The seal's certificate chain (PEM, seal certificate first).
    #[arg(long)]
    cert: PathBuf,
    /// The record's position in the school's status list.
    #[arg(long)]
    status_index: Option<u64>,
    /// Issue date `YYYY-MM-DD` (start of the day in Vietnam) or RFC 3339 time (default: now).
    #[arg(long)]
    issued: Option<String>,
    /// Write the stub text here (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Also write the QR code as a PNG.
    #[arg(long)]
    png: Option<PathBuf>,
    /// Also write the QR code as an SVG.
    #[arg(long)]
    svg: Option<PathBuf>,
    /// A signed envelope (`hocba.signed/1`) or a record (`hocba.record/1`), or `-`.
    input: PathBuf,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    trust: TrustDataArgs,
    /// A school seal certificate (PEM/DER) to look the stub's key id up in; repeat for several.
    #[arg(long)]
    cert: Vec<PathBuf>,
    /// The full record or signed envelope the stub should stand for.
    #[arg(long)]
    record: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// Without a CRL issued after the stub, revocation is undecided (exit 3) instead of skipped.
    #[arg(long)]
    require_revocation: bool,
    #[command(flatten)]
    certificate_policies: CertificatePolicyArgs,
    /// The stub text file, or `-`.
    input: PathBuf,
}

pub fn run(args: &QrArgs) -> anyhow::Result<u8> {
    match &args.command {
        QrCommand::Issue(a) => issue(a),
        QrCommand::Verify(a) => verify(a),
    }
}

fn issued_at(text: Option<&str>) -> anyhow::Result<UnixTime> {
    match text {
        Some(t) if t.len() == 10 => Date::parse(t)
            .map(Date::start_in_vietnam)
            .map_err(|e| anyhow!("--issued: {e}")),
        other => time_or_now(other),
    }
}

fn issue(args: &IssueArgs) -> anyhow::Result<u8> {
    let signer = SoftwareSigner::from_pkcs8_pem(&read_text(&args.key)?)
        .map_err(|e| anyhow!("{}: [{}] {e}", args.key.display(), e.code()))?;
    let chain = load_chain(&args.cert)?;
    let seal = chain
        .first()
        .ok_or_else(|| anyhow!("{}: no certificate", args.cert.display()))?;
    let bytes = read_input(&args.input, ENVELOPE_LIMITS.max_bytes)?;
    let envelope = parse_envelope(&bytes)
        .map_err(|e| anyhow!("{}: [{}] {e}", args.input.display(), e.code()))?;
    let claims = QrClaims::for_record(
        &envelope.record,
        issued_at(args.issued.as_deref())?,
        args.status_index,
    )
    .map_err(|e| anyhow!("{}: [{}] {e}", args.input.display(), e.code()))?;
    let stub = sign_stub(&signer, &claims, seal).map_err(|e| anyhow!("[{}] {e}", e.code()))?;
    eprintln!(
        "QR stub: {} bytes COSE, {} bytes before Base45 (budget {MAX_STUB_BYTES}), {} characters",
        stub.cose_bytes,
        stub.compressed_bytes,
        stub.text.len()
    );
    write_output(args.output.as_deref(), &format!("{}\n", stub.text))?;
    if args.png.is_some() || args.svg.is_some() {
        let image = crate::render::qr::encode(&stub.text).map_err(|e| anyhow!("{e}"))?;
        if let Some(p) = &args.png {
            let b64 = image
                .data_uri
                .strip_prefix("data:image/png;base64,")
                .unwrap_or_default();
            let png = base64ct::Base64::decode_vec(b64).map_err(|e| anyhow!("PNG: {e}"))?;
            std::fs::write(p, png).with_context(|| format!("cannot write {}", p.display()))?;
        }
        if let Some(p) = &args.svg {
            std::fs::write(p, svg(&stub.text)?)
                .with_context(|| format!("cannot write {}", p.display()))?;
        }
    }
    Ok(EXIT_OK)
}

/// The QR code as SVG: one path of unit squares, quiet zone of four modules, error correction Q.
fn svg(text: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::Q)
        .map_err(|e| anyhow!("QR: {e}"))?;
    let n = code.width();
    let side = n + 8;
    let mut path = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let _ = write!(path, "M{} {}h1v1h-1z", i % n + 4, i / n + 4);
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
<rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>\n"
    ))
}

fn verify(args: &VerifyArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let data = args.trust.load()?;
    let mut certificates: Vec<CertInfo> = Vec::new();
    for p in &args.cert {
        certificates.extend(load_chain(p)?);
    }
    let record = match &args.record {
        None => None,
        Some(p) => Some(read_input(p, ENVELOPE_LIMITS.max_bytes)?),
    };
    let text = String::from_utf8(read_input(&args.input, MAX_STUB_FILE)?)
        .map_err(|_| anyhow!("{}: the stub is not text", args.input.display()))?;
    let policy = VerifyPolicy {
        require_revocation: args.require_revocation,
        certificate_policies: args.certificate_policies.inputs()?,
        ..VerifyPolicy::default()
    };
    let report = verify_stub(
        &text,
        &QrVerifyInputs {
            store: &data.store,
            certificates: &certificates,
            crls: &data.crls,
            status_list: data.status.as_ref(),
            now: data.now,
            policy: &policy,
            record: record.as_deref(),
        },
    );
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report.to_json(lang))?),
        Format::Text => print!("{}", render_text(&report, lang)),
    }
    Ok(exit_code(report.verdict))
}

/// The report for people: verdict, what the stub says (only when its signature holds), every check.
pub fn render_text(r: &QrReport, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {}",
        lang.pick("Kết quả kiểm tra mã QR học bạ", "School record QR check"),
        r.verdict.text(lang)
    );
    match &r.claims {
        Some(c) => {
            let _ = writeln!(s, "\n{}", lang.pick("Mã QR xác nhận", "The stub states"));
            let _ = writeln!(
                s,
                "  {}: {}",
                lang.pick("Mã hồ sơ", "Record id"),
                c.record_id
            );
            let _ = writeln!(s, "  {}: {}", lang.pick("Trường", "School"), c.school_code);
            let _ = writeln!(
                s,
                "  {}: {}",
                lang.pick("Năm học", "School year"),
                c.school_year
            );
            let _ = writeln!(s, "  SHA-256: {}", c.digest_hex());
            let _ = writeln!(
                s,
                "  {}: {}",
                lang.pick("Cấp lúc", "Issued"),
                c.issued_at.to_vietnam_local()
            );
            if let Some(sg) = &r.signer {
                let _ = writeln!(
                    s,
                    "  {}: {}",
                    lang.pick("Con dấu", "Seal"),
                    sg.name.as_deref().unwrap_or("?")
                );
            }
        }
        None => {
            let _ = writeln!(
                s,
                "\n{}",
                lang.pick(
                    "Nội dung mã QR không được hiển thị vì chữ ký chưa được xác nhận.",
                    "The stub's content is not shown because its signature is not confirmed."
                )
            );
        }
    }
    if let Some(rec) = &r.record {
        let _ = writeln!(s, "\n{}", lang.pick("Hồ sơ đối chiếu", "Record compared"));
        if let Some(n) = &rec.student_name {
            let _ = writeln!(s, "  {}: {n}", lang.pick("Học sinh", "Student"));
        }
        if let Some(n) = &rec.class {
            let _ = writeln!(s, "  {}: {n}", lang.pick("Lớp", "Class"));
        }
    }
    if let Some(f) = &r.stub {
        let _ = writeln!(
            s,
            "\n{}: {}, kid {}, {} {}",
            lang.pick("Mã QR", "Stub"),
            f.algorithm.name(),
            f.kid,
            f.compressed_bytes,
            lang.pick("byte trước Base45", "bytes before Base45")
        );
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
