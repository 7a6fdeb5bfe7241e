//! `hocba render RECORD|ENVELOPE`: the printable học bạ (HTML, optionally PDF through headless Chromium),
//! with the signature blocks of an envelope and the QR code of a verification stub. Rendering verifies
//! nothing; the page says so and points to `hocba verify`.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use hocba_core::record::parse::{record_from_value, ValidateError};
use hocba_core::record::{validate, Severity};
use hocba_core::verify::envelope::ENVELOPE_LIMITS;
use hocba_core::verify::parse_envelope;
use hocba_core::Lang;

use crate::input::read_limited;
use crate::render::pdf::print_to_pdf;
use crate::render::qr::{encode, stub_text};
use crate::render::signatures::views;
use crate::render::{render_html, RenderInput};
use crate::{LangArg, EXIT_INVALID, EXIT_OK};

/// Largest stub file read (a stub is under a kilobyte; the file may carry a newline or a BOM).
const MAX_STUB_FILE: usize = 16 * 1024;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A record (`hocba.record/1`) or a signed envelope (`hocba.signed/1`), or `-` for standard input.
    input: PathBuf,
    /// Write the HTML here (default: standard output, unless --pdf is given).
    #[arg(long, short = 'o', alias = "output")]
    out: Option<PathBuf>,
    /// Also print a PDF through headless Chromium (found on PATH or named by HOCBA_CHROMIUM).
    #[arg(long)]
    pdf: Option<PathBuf>,
    /// A file holding the QR verification stub text (as written by `hocba qr issue`).
    #[arg(long)]
    qr: Option<PathBuf>,
    /// Language of the labels.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
}

pub fn run(args: &RenderArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let bytes = read_limited(&args.input, ENVELOPE_LIMITS.max_bytes)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let envelope = match parse_envelope(&bytes) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("hocba: [{}] {}", e.code(), e.message(lang));
            return Ok(EXIT_INVALID);
        }
    };
    let record = match record_from_value(&envelope.record) {
        Ok(r) => r,
        Err(e) => {
            report_unreadable(&e, lang);
            return Ok(EXIT_INVALID);
        }
    };
    // A printout of a record with errors would carry them to paper: say so, still render.
    let errors = validate(&record)
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "hocba: {}",
            match lang {
                Lang::Vi => format!(
                    "cảnh báo: hồ sơ có {errors} lỗi (xem `hocba validate`); bản in ghi đúng những gì hồ sơ nêu"
                ),
                Lang::En => format!(
                    "warning: the record has {errors} error(s) (see `hocba validate`); the printout shows what it states"
                ),
            }
        );
    }
    let signatures = views(&envelope.signatures);
    let qr = match &args.qr {
        None => None,
        Some(path) => {
            let raw = read_limited(path, MAX_STUB_FILE)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if raw.len() > MAX_STUB_FILE {
                anyhow::bail!("{} is larger than {MAX_STUB_FILE} bytes", path.display());
            }
            let text = String::from_utf8_lossy(&raw);
            let text = text.trim_start_matches('\u{feff}');
            let image = stub_text(text)
                .and_then(encode)
                .with_context(|| format!("--qr {}", path.display()))?;
            Some(image)
        }
    };
    let html = render_html(&RenderInput {
        record: &record,
        signatures: (!signatures.is_empty()).then_some(signatures.as_slice()),
        qr: qr.as_ref(),
        lang,
    });
    match (&args.out, &args.pdf) {
        (Some(out), _) => {
            fs::write(out, &html).with_context(|| format!("cannot write {}", out.display()))?
        }
        (None, None) => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(html.as_bytes())?;
            stdout.flush()?;
        }
        (None, Some(_)) => {}
    }
    if let Some(pdf) = &args.pdf {
        print_pdf(&html, args.out.as_deref(), pdf)?;
    }
    Ok(EXIT_OK)
}

fn report_unreadable(e: &ValidateError, lang: Lang) {
    match e {
        ValidateError::Shape { problems } => {
            for p in problems {
                eprintln!("hocba: [{}] {} {}", p.code, p.pointer, p.message(lang));
            }
        }
        other => eprintln!(
            "hocba: [{}] {} {}",
            other.code(),
            other.pointer(),
            other.message(lang)
        ),
    }
}

/// Prints the HTML file written with `--out`, or a temporary copy of it, to `pdf`.
fn print_pdf(html: &str, written: Option<&Path>, pdf: &Path) -> anyhow::Result<()> {
    let temp;
    let source = match written {
        Some(p) => p,
        None => {
            temp = std::env::temp_dir().join(format!("hocba-render-{}.html", std::process::id()));
            fs::write(&temp, html).with_context(|| format!("cannot write {}", temp.display()))?;
            &temp
        }
    };
    let result = print_to_pdf(source, pdf);
    if written.is_none() {
        let _ = fs::remove_file(source);
    }
    result.map_err(|e| anyhow::anyhow!("[{}] {e}", e.code()))
}
