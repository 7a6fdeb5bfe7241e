//! `hocba validate FILE|DIR|-`: one record, every `*.json` of a directory, or NDJSON (one record per line).

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use hocba_core::record::parse::RECORD_LIMITS;
use hocba_core::record::{is_valid, validate_json, Problem, Severity, ValidateError};
use hocba_core::Lang;
use serde_json::{json, Value};

use crate::input::read_limited;
use crate::{Format, LangArg, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// A record (`hocba.record/1`), a directory of `*.json` records, an NDJSON file (one record per
    /// line: `.ndjson` / `.jsonl`), or `-` for standard input.
    input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// Read the input as NDJSON whatever its name.
    #[arg(long)]
    ndjson: bool,
}

/// One record's outcome.
struct Outcome {
    /// File name, or `line N`.
    source: String,
    result: Result<Vec<Problem>, ValidateError>,
}

impl Outcome {
    fn valid(&self) -> bool {
        self.result.as_ref().is_ok_and(|p| is_valid(p))
    }
}

pub fn run(args: &ValidateArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let outcomes = collect(args)?;
    let all_valid = outcomes.iter().all(Outcome::valid);
    match args.format {
        Format::Text => print!("{}", text(&outcomes, lang)),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report(&outcomes, lang, all_valid))?
        ),
    }
    Ok(if all_valid { EXIT_OK } else { EXIT_INVALID })
}

fn is_ndjson_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson") || e.eq_ignore_ascii_case("jsonl"))
}

fn collect(args: &ValidateArgs) -> anyhow::Result<Vec<Outcome>> {
    let path = &args.input;
    if path.as_os_str() != "-" && path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read directory {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .collect();
        files.sort();
        return files
            .iter()
            .map(|f| {
                let bytes = read_limited(f, RECORD_LIMITS.max_bytes)
                    .with_context(|| format!("cannot read {}", f.display()))?;
                Ok(Outcome {
                    source: f.display().to_string(),
                    result: validate_json(&bytes),
                })
            })
            .collect();
    }
    if args.ndjson || is_ndjson_name(path) {
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(path).with_context(|| format!("cannot read {}", path.display()))?)
        };
        return ndjson(BufReader::new(reader));
    }
    // A single document; standard input that holds several one-line records is NDJSON.
    let cap = RECORD_LIMITS.max_bytes.saturating_mul(64);
    let bytes =
        read_limited(path, cap).with_context(|| format!("cannot read {}", path.display()))?;
    let source = if path.as_os_str() == "-" {
        "-".to_string()
    } else {
        path.display().to_string()
    };
    if looks_like_ndjson(&bytes) {
        return ndjson(BufReader::new(bytes.as_slice()));
    }
    let result = if bytes.len() > RECORD_LIMITS.max_bytes {
        Err(ValidateError::InputTooLarge {
            size: bytes.len(),
            limit: RECORD_LIMITS.max_bytes,
        })
    } else {
        validate_json(&bytes)
    };
    Ok(vec![Outcome { source, result }])
}

/// More than one non-empty line, and the first one is a whole JSON value by itself.
fn looks_like_ndjson(bytes: &[u8]) -> bool {
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    let (Some(first), Some(_)) = (lines.next(), lines.next()) else {
        return false;
    };
    serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok()
}

/// Reads one record per line, never holding more than one line (a line longer than the limit is
/// reported and skipped without being kept).
fn ndjson<R: BufRead>(mut reader: R) -> anyhow::Result<Vec<Outcome>> {
    let limit = RECORD_LIMITS.max_bytes;
    let mut out = Vec::new();
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        number += 1;
        let mut too_long = 0usize;
        // Read up to the newline, keeping at most limit + 1 bytes.
        let mut ended = false;
        loop {
            let buf = reader.fill_buf().context("cannot read input")?;
            if buf.is_empty() {
                break;
            }
            let (chunk, found) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], true),
                None => (buf, false),
            };
            let room = (limit + 1).saturating_sub(line.len());
            line.extend_from_slice(&chunk[..chunk.len().min(room)]);
            too_long += chunk.len().saturating_sub(room);
            let used = chunk.len() + usize::from(found);
            reader.consume(used);
            if found {
                ended = true;
                break;
            }
        }
        if line.is_empty() && too_long == 0 && !ended {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) && too_long == 0 {
            continue;
        }
        let result = if too_long > 0 || line.len() > limit {
            Err(ValidateError::InputTooLarge {
                size: line.len() + too_long,
                limit,
            })
        } else {
            validate_json(&line)
        };
        out.push(Outcome {
            source: format!("line {number}"),
            result,
        });
    }
    Ok(out)
}

fn counts(problems: &[Problem]) -> (usize, usize) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    (errors, problems.len() - errors)
}

fn text(outcomes: &[Outcome], lang: Lang) -> String {
    let mut out = String::new();
    let mut invalid = 0;
    for o in outcomes {
        match &o.result {
            Err(e) => {
                invalid += 1;
                let _ = writeln!(
                    out,
                    "{}: ✗ {}",
                    o.source,
                    lang.pick("không đọc được hồ sơ", "not a readable record")
                );
                let at = if e.pointer().is_empty() {
                    String::new()
                } else {
                    format!(" {}:", e.pointer())
                };
                let _ = writeln!(out, "  [{}]{at} {}", e.code(), e.message(lang));
                if let ValidateError::Shape { problems } = e {
                    write_problems(&mut out, problems, lang);
                }
            }
            Ok(problems) => {
                let (errors, warnings) = counts(problems);
                if errors > 0 {
                    invalid += 1;
                }
                let verdict = match (errors, warnings, lang) {
                    (0, 0, Lang::Vi) => "✓ hợp lệ".to_string(),
                    (0, 0, Lang::En) => "✓ valid".to_string(),
                    (0, w, Lang::Vi) => format!("✓ hợp lệ, {w} cảnh báo"),
                    (0, w, Lang::En) => format!("✓ valid, {w} warning(s)"),
                    (e, w, Lang::Vi) => format!("✗ không hợp lệ: {e} lỗi, {w} cảnh báo"),
                    (e, w, Lang::En) => format!("✗ invalid: {e} error(s), {w} warning(s)"),
                };
                let _ = writeln!(out, "{}: {verdict}", o.source);
                write_problems(&mut out, problems, lang);
            }
        }
    }
    if outcomes.len() > 1 {
        let _ = writeln!(
            out,
            "\n{} {}, {} {}",
            outcomes.len() - invalid,
            lang.pick("hồ sơ hợp lệ", "valid record(s)"),
            invalid,
            lang.pick("hồ sơ không hợp lệ", "invalid record(s)")
        );
    }
    out
}

fn write_problems(out: &mut String, problems: &[Problem], lang: Lang) {
    for p in problems {
        let severity = match (p.severity, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
        };
        let pointer = if p.pointer.is_empty() {
            lang.pick("(hồ sơ)", "(record)").to_string()
        } else {
            p.pointer.clone()
        };
        let _ = writeln!(
            out,
            "  {severity} [{}] {pointer}: {}",
            p.code,
            p.message(lang)
        );
    }
}

fn problem_json(p: &Problem, lang: Lang) -> Value {
    let mut v = json!({
        "code": p.code,
        "severity": p.severity.code(),
        "pointer": p.pointer,
        "message": p.message(lang),
    });
    if let (Some(map), Ok(Value::Object(extra))) = (v.as_object_mut(), serde_json::to_value(p)) {
        for key in ["field", "stated", "computed", "rule"] {
            if let Some(x) = extra.get(key) {
                map.insert(key.into(), x.clone());
            }
        }
    }
    v
}

fn report(outcomes: &[Outcome], lang: Lang, all_valid: bool) -> Value {
    let records: Vec<Value> = outcomes
        .iter()
        .map(|o| match &o.result {
            Ok(problems) => {
                let (errors, warnings) = counts(problems);
                json!({
                    "source": o.source,
                    "valid": errors == 0,
                    "errors": errors,
                    "warnings": warnings,
                    "problems": problems.iter().map(|p| problem_json(p, lang)).collect::<Vec<_>>(),
                })
            }
            Err(e) => {
                let problems: Vec<Value> = match e {
                    ValidateError::Shape { problems } => {
                        problems.iter().map(|p| problem_json(p, lang)).collect()
                    }
                    _ => Vec::new(),
                };
                json!({
                    "source": o.source,
                    "valid": false,
                    "error": {"code": e.code(), "pointer": e.pointer(), "message": e.message(lang)},
                    "problems": problems,
                })
            }
        })
        .collect();
    json!({ "valid": all_valid, "records": records })
}
