//! `hocba assess FILE|-`: one student or a whole class file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use hocba_core::assess::output::RegimeAssessment;
use hocba_core::assess::report_json::assess_document_json;
use hocba_core::json::{parse_assess_document, AssessDocument, ASSESS_LIMITS};
use hocba_core::{assess_raw, AssessErrors, Assessment, Lang, RulesConfig};
use serde_json::Value;

use crate::input::read_limited;
use crate::text;
use crate::{Format, LangArg, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Input file (`hocba.assess-input/1` or `hocba.class-input/1`), or `-` for standard input.
    input: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    /// JSON file of interpretation switches (see `hocba schema rules-config`).
    #[arg(long)]
    config: Option<PathBuf>,
    /// For a class file, also print every student's details and explanation.
    #[arg(long)]
    explain: bool,
}

pub fn run(args: &AssessArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let config = match &args.config {
        None => RulesConfig::default(),
        Some(path) => {
            let bytes = read_limited(path, ASSESS_LIMITS.max_bytes)
                .with_context(|| format!("cannot read {}", path.display()))?;
            hocba_core::json::parse_config(&bytes).map_err(|e| {
                anyhow::anyhow!("{}: [{}] {}", path.display(), e.code(), e.message(lang))
            })?
        }
    };
    let bytes = read_limited(&args.input, ASSESS_LIMITS.max_bytes)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    if args.format == Format::Json {
        let (report, all_ok) = assess_document_json(&bytes, &config, lang);
        println!("{}", pretty(&report));
        return Ok(if all_ok { EXIT_OK } else { EXIT_INVALID });
    }
    let document = match parse_assess_document(&bytes) {
        Ok(d) => d,
        Err(e) => return Ok(report_document_error(&AssessErrors::from(e), lang)),
    };
    match document {
        AssessDocument::Student(raw) => {
            let result = assess_raw(&raw, &config);
            match &result {
                Ok(a) => print!("{}", text::assessment(a, lang, true)),
                Err(errors) => {
                    println!("{}", lang.pick("Dữ liệu không hợp lệ:", "Invalid input:"));
                    print!("{}", text::errors(errors, lang));
                }
            }
            Ok(if result.is_ok() {
                EXIT_OK
            } else {
                EXIT_INVALID
            })
        }
        AssessDocument::Class(class) => {
            let results: Vec<_> = class
                .students
                .iter()
                .enumerate()
                .map(|(i, raw)| {
                    assess_raw(raw, &config).map_err(|mut errs| {
                        for e in &mut errs.0 {
                            e.nest(&format!("/students/{i}"));
                        }
                        errs
                    })
                })
                .collect();
            let all_ok = results.iter().all(Result::is_ok);
            print!(
                "{}",
                text::trim_lines(&class_text(&class, &results, lang, args.explain))
            );
            Ok(if all_ok { EXIT_OK } else { EXIT_INVALID })
        }
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn report_document_error(errors: &AssessErrors, lang: Lang) -> u8 {
    println!("{}", lang.pick("Dữ liệu không hợp lệ:", "Invalid input:"));
    print!("{}", text::errors(errors, lang));
    EXIT_INVALID
}

fn class_text(
    class: &hocba_core::json::RawClassInput,
    results: &[Result<Assessment, AssessErrors>],
    lang: Lang,
    explain: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} — {} {}\n",
        lang.pick("Lớp", "Class"),
        class.class.as_deref().unwrap_or("?"),
        class.school.as_deref().unwrap_or(""),
        results.len(),
        lang.pick("học sinh", "students")
    );
    let tt22 = results
        .iter()
        .flatten()
        .any(|a| matches!(a.result, RegimeAssessment::Tt22(_)));
    let _ = writeln!(out, "{}", text::class_header(tt22, lang));
    let mut summary: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(a) => {
                let _ = writeln!(out, "{}", text::class_row(i, a, lang));
                let key = match &a.result {
                    RegimeAssessment::Tt22(s) => s
                        .learning
                        .year
                        .map_or("—", |l| l.level.label(lang))
                        .to_string(),
                    RegimeAssessment::Tt27(p) => {
                        p.result.map_or("—", |r| r.label(lang)).to_string()
                    }
                };
                *summary.entry(key).or_default() += 1;
            }
            Err(_) => {
                let id = class.students[i].student.id.as_str();
                let _ = writeln!(
                    out,
                    "{}{}{}",
                    text::pad(&format!("{}", i + 1), 5),
                    text::pad(id, 18),
                    lang.pick(
                        "✗ dữ liệu không hợp lệ (xem dưới)",
                        "✗ invalid input (see below)"
                    )
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick("Tổng hợp kết quả cả năm:", "Year results summary:")
    );
    for (k, n) in &summary {
        let _ = writeln!(out, "  {} {n}", text::pad(k, 24));
    }
    let failed: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick("Dữ liệu không hợp lệ:", "Invalid input:")
        );
        for e in failed {
            out.push_str(&text::errors(e, lang));
        }
    }
    if explain {
        for a in results.iter().flatten() {
            let _ = writeln!(out, "\n{}", "─".repeat(100));
            out.push_str(&text::assessment(a, lang, true));
        }
    }
    out
}
