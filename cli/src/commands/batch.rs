//! `hocba batch verify`: verify many signed records (a directory, an NDJSON file, or standard input) on
//! every core, streaming: at most a few thousand records are in memory at once, whatever the input's
//! size, and one output line per record comes out in input order.
//!
//! Exit codes: 0 every record valid, 1 any invalid, 3 any indeterminate (and none invalid), 2 usage.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand, ValueEnum};
use hocba_core::pki::SharedPathCache;
use hocba_core::verify::envelope::ENVELOPE_LIMITS;
use hocba_core::verify::{verify_cached, CheckStatus, Verdict, VerificationReport};
use hocba_core::Lang;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;

use crate::input::read_limited;
use crate::verification_args::{PolicyArgs, TrustDataArgs};
use crate::{LangArg, EXIT_INDETERMINATE, EXIT_INVALID, EXIT_OK};

/// Records per worker thread in one chunk: a chunk is verified in parallel while the next is read, then
/// written out, so at most two chunks are in memory.
const RECORDS_PER_THREAD_IN_FLIGHT: usize = 512;

#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(subcommand)]
    command: BatchCommand,
}

#[derive(Debug, Subcommand)]
enum BatchCommand {
    /// Verify many signed records in parallel; one line per record, then a summary.
    #[command(
        after_help = "INPUT is a directory of envelopes (*.json), an NDJSON file with one envelope per line, or - (NDJSON on standard input).\n\nExit codes: 0 all valid, 1 any invalid, 3 any indeterminate, 2 usage error.\n\nExamples:\n  hocba batch verify --trust trust/ signed/\n  hocba batch verify --trust trust/ --crl ca.crl --jobs 2 records.ndjson > results.ndjson\n  cat records.ndjson | hocba batch verify --trust trust/ --format text -"
    )]
    Verify(BatchVerifyArgs),
}

/// Output format of `batch verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One JSON object per record and line (machines).
    Ndjson,
    /// One readable line per record (people).
    Text,
}

#[derive(Debug, Args)]
pub struct BatchVerifyArgs {
    #[command(flatten)]
    trust: TrustDataArgs,
    /// Worker threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "ndjson")]
    format: BatchFormat,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    #[command(flatten)]
    policy: PolicyArgs,
    /// A directory of envelopes (`*.json`), an NDJSON file, or `-` for NDJSON on standard input.
    input: PathBuf,
}

pub fn run(args: &BatchArgs) -> anyhow::Result<u8> {
    match &args.command {
        BatchCommand::Verify(a) => run_verify(a),
    }
}

/// One record as read: where it came from, and its bytes or why they could not be read.
struct Item {
    source: String,
    bytes: Result<Vec<u8>, String>,
}

/// Yields the records of the input one at a time.
enum Records {
    Files(std::vec::IntoIter<PathBuf>),
    Lines {
        reader: Box<dyn BufRead>,
        line: usize,
    },
}

impl Records {
    fn open(input: &Path) -> anyhow::Result<(Records, Option<u64>)> {
        if input.as_os_str() == "-" {
            let reader: Box<dyn BufRead> = Box::new(BufReader::new(io::stdin()));
            return Ok((Records::Lines { reader, line: 0 }, None));
        }
        if input.is_dir() {
            let mut files: Vec<PathBuf> = fs::read_dir(input)
                .with_context(|| format!("cannot read {}", input.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            let n = u64::try_from(files.len()).unwrap_or(u64::MAX);
            return Ok((Records::Files(files.into_iter()), Some(n)));
        }
        let file = File::open(input).with_context(|| format!("cannot read {}", input.display()))?;
        let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 20, file));
        Ok((Records::Lines { reader, line: 0 }, None))
    }

    /// Up to `len` records; empty at the end.
    fn next_chunk(&mut self, len: usize) -> anyhow::Result<Vec<Item>> {
        let mut chunk = Vec::with_capacity(len);
        while chunk.len() < len {
            match self.next_item()? {
                Some(item) => chunk.push(item),
                None => break,
            }
        }
        Ok(chunk)
    }

    /// The next record, `Ok(None)` at the end; I/O errors of a stream end the batch.
    fn next_item(&mut self) -> anyhow::Result<Option<Item>> {
        match self {
            Records::Files(files) => Ok(files.next().map(|f| Item {
                source: f.display().to_string(),
                bytes: read_limited(&f, ENVELOPE_LIMITS.max_bytes).map_err(|e| e.to_string()),
            })),
            Records::Lines { reader, line } => loop {
                *line += 1;
                let mut buf = Vec::new();
                let cap = u64::try_from(ENVELOPE_LIMITS.max_bytes).unwrap_or(u64::MAX) + 1;
                let n = reader
                    .by_ref()
                    .take(cap)
                    .read_until(b'\n', &mut buf)
                    .context("cannot read the input")?;
                if n == 0 {
                    return Ok(None);
                }
                let source = format!("line {line}");
                if buf.last() != Some(&b'\n') && buf.len() > ENVELOPE_LIMITS.max_bytes {
                    // Too long: skip the rest of the line without holding it, and say so.
                    skip_line(reader.as_mut())?;
                    let bytes = Err(format!(
                        "the line is longer than {} bytes",
                        ENVELOPE_LIMITS.max_bytes
                    ));
                    return Ok(Some(Item { source, bytes }));
                }
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue; // blank lines separate nothing in NDJSON
                }
                return Ok(Some(Item {
                    source,
                    bytes: Ok(buf),
                }));
            },
        }
    }
}

fn skip_line(reader: &mut dyn BufRead) -> anyhow::Result<()> {
    loop {
        let chunk = reader.fill_buf().context("cannot read the input")?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(i) = chunk.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = chunk.len();
        reader.consume(n);
    }
}

/// What a record yields: its output line and verdict.
struct Outcome {
    line: String,
    verdict: Verdict,
}

fn verdict_code(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "valid",
        Verdict::Invalid => "invalid",
        Verdict::Indeterminate => "indeterminate",
    }
}

fn problems(report: &VerificationReport) -> impl Iterator<Item = &hocba_core::verify::Check> {
    report
        .checks
        .iter()
        .filter(|c| matches!(c.status, CheckStatus::Invalid | CheckStatus::Error))
}

fn format_report(
    source: &str,
    report: &VerificationReport,
    format: BatchFormat,
    lang: Lang,
) -> String {
    match format {
        BatchFormat::Ndjson => {
            let checks: Vec<serde_json::Value> = problems(report)
                .map(|c| {
                    json!({
                        "id": c.id,
                        "status": serde_json::to_value(c.status).unwrap_or_default(),
                        "code": c.code,
                        "message": c.message(lang),
                    })
                })
                .collect();
            let record_id = report.record.as_ref().and_then(|r| r.record_id.clone());
            json!({
                "source": source,
                "verdict": verdict_code(report.verdict),
                "record_id": record_id,
                "digest": report.digest,
                "problems": checks,
            })
            .to_string()
        }
        BatchFormat::Text => {
            let mut s = format!("{source}: {}", report.verdict.text(lang));
            if let Some(id) = report.record.as_ref().and_then(|r| r.record_id.as_deref()) {
                let _ = write!(s, " ({id})");
            }
            for c in problems(report) {
                let _ = write!(s, "; [{}] {}: {}", c.code, c.id, c.message(lang));
            }
            s
        }
    }
}

fn unreadable(source: &str, error: &str, format: BatchFormat, lang: Lang) -> Outcome {
    let (vi, en) = (
        format!("không đọc được: {error}"),
        format!("cannot be read: {error}"),
    );
    let message = match lang {
        Lang::Vi => vi,
        Lang::En => en,
    };
    let line = match format {
        BatchFormat::Ndjson => json!({
            "source": source,
            "verdict": "invalid",
            "record_id": null,
            "digest": null,
            "problems": [{"id": "input", "status": "invalid", "code": "input_unreadable", "message": message}],
        })
        .to_string(),
        BatchFormat::Text => format!(
            "{source}: {}; [input_unreadable] input: {message}",
            Verdict::Invalid.text(lang)
        ),
    };
    Outcome {
        line,
        verdict: Verdict::Invalid,
    }
}

#[derive(Default)]
struct Tally {
    valid: u64,
    invalid: u64,
    indeterminate: u64,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Valid => self.valid += 1,
            Verdict::Invalid => self.invalid += 1,
            Verdict::Indeterminate => self.indeterminate += 1,
        }
    }

    fn total(&self) -> u64 {
        self.valid + self.invalid + self.indeterminate
    }
}

fn run_verify(args: &BatchVerifyArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let data = args.trust.load()?;
    let policy = args.policy.policy()?;
    let inputs = data.inputs(&policy);
    let threads = match args.jobs {
        Some(0) => return Err(anyhow!("--jobs must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;
    let (mut records, known_len) = Records::open(&args.input)?;

    // Drawn on standard error only when it is a terminal (indicatif hides it otherwise).
    let progress = match known_len {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} records, {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    let cache = SharedPathCache::default();
    let started = Instant::now();
    let mut tally = Tally::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let chunk_len = threads.saturating_mul(RECORDS_PER_THREAD_IN_FLIGHT);
    let verify_chunk = |chunk: &[Item]| -> Vec<Outcome> {
        pool.install(|| {
            chunk
                .par_iter()
                .map(|item| match &item.bytes {
                    Err(e) => unreadable(&item.source, e, args.format, lang),
                    Ok(bytes) => {
                        let report = verify_cached(bytes, &inputs, &cache);
                        Outcome {
                            line: format_report(&item.source, &report, args.format, lang),
                            verdict: report.verdict,
                        }
                    }
                })
                .collect()
        })
    };
    let mut next = records.next_chunk(chunk_len)?;
    while !next.is_empty() {
        let chunk = std::mem::take(&mut next);
        // The workers verify this chunk while this thread reads the next one (D-120): reading between
        // chunks left every worker idle meanwhile.
        let (outcomes, read) = std::thread::scope(|s| {
            let verifying = s.spawn(|| verify_chunk(&chunk));
            let read = records.next_chunk(chunk_len);
            (verifying.join(), read)
        });
        let outcomes = outcomes.map_err(|_| anyhow!("a verification thread failed"))?;
        next = read?;
        for o in &outcomes {
            writeln!(out, "{}", o.line).context("cannot write the results")?;
            tally.add(o.verdict);
        }
        progress.inc(u64::try_from(outcomes.len()).unwrap_or(0));
    }
    out.flush().context("cannot write the results")?;
    progress.finish_and_clear();
    if tally.total() == 0 {
        return Err(anyhow!("no record in {}", args.input.display()));
    }
    let seconds = started.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)] // a rate for people
    let rate = tally.total() as f64 / seconds.max(1e-9);
    eprintln!(
        "{}",
        match lang {
            Lang::Vi => format!(
                "{} hồ sơ: {} hợp lệ, {} không hợp lệ, {} chưa xác định được; {seconds:.2} s, {rate:.0} hồ sơ/s, {threads} luồng",
                tally.total(), tally.valid, tally.invalid, tally.indeterminate
            ),
            Lang::En => format!(
                "{} records: {} valid, {} invalid, {} indeterminate; {seconds:.2} s, {rate:.0} records/s, {threads} threads",
                tally.total(), tally.valid, tally.invalid, tally.indeterminate
            ),
        }
    );
    Ok(if tally.invalid > 0 {
        EXIT_INVALID
    } else if tally.indeterminate > 0 {
        EXIT_INDETERMINATE
    } else {
        EXIT_OK
    })
}
