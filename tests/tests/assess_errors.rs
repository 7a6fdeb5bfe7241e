//! Bad-input vectors (`tests/vectors/assess-errors/`): the bytes go through the JSON reader and the checks
//! exactly as a frontend sends them; error codes and JSON pointers must match exactly and in order.
//! Also snapshots the tables of error codes and trace codes, so that a rename is always deliberate.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;

use hocba_core::assess::error::{Bound, Decision, TraitProblem};
use hocba_core::assess::AssessError;
use hocba_core::rules::catalogue::Subject;
use hocba_core::trace::TraceCode;
use hocba_core::{assess, assess_raw, Lang, Regime};
use hocba_tests::{config_of, load_all, read_student, report, ErrorVector};
use serde_json::{json, Value};

fn vectors() -> Vec<ErrorVector> {
    load_all("assess-errors").expect("error vectors load")
}

/// Errors through `parse_assess_document` + `assess_raw` (the class-file path of the CLI and the web).
fn errors_via_document(v: &ErrorVector) -> Vec<AssessError> {
    let config = config_of(v.config.as_ref()).unwrap();
    match read_student(&v.bytes().unwrap()) {
        Err(e) => vec![e],
        Ok(raw) => match assess_raw(&raw, &config) {
            Ok(_) => Vec::new(),
            Err(es) => es.0,
        },
    }
}

/// Errors through `parse_assess_input` + `assess` (the single-student path).
fn errors_via_input(v: &ErrorVector) -> Vec<AssessError> {
    let config = config_of(v.config.as_ref()).unwrap();
    match hocba_core::json::parse_assess_input(&v.bytes().unwrap(), &config) {
        Err(es) => es.0,
        Ok(input) => match assess(&input, &config) {
            Ok(_) => Vec::new(),
            Err(es) => es.0,
        },
    }
}

fn listed(errors: &[AssessError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.code().to_owned(), e.pointer().to_owned()))
        .collect()
}

#[test]
fn there_are_enough_error_vectors() {
    assert!(vectors().len() >= 18);
}

#[test]
fn every_error_vector_reports_exactly_its_errors() {
    let mut failures = Vec::new();
    for v in vectors() {
        let got = errors_via_document(&v);
        let mut lines = Vec::new();
        let want: Vec<(String, String)> = v
            .expected_errors
            .iter()
            .map(|e| (e.code.clone(), e.pointer.clone()))
            .collect();
        if listed(&got) != want {
            lines.push(format!("expected {want:?}, got {:?}", listed(&got)));
        }
        let other = errors_via_input(&v);
        if listed(&other) != listed(&got) {
            lines.push(format!(
                "parse_assess_input + assess gives {:?}, parse_assess_document + assess_raw gives {:?}",
                listed(&other),
                listed(&got)
            ));
        }
        for (e, want) in got.iter().zip(&v.expected_errors) {
            for (lang, fragment) in [
                (Lang::En, &want.message_en_contains),
                (Lang::Vi, &want.message_vi_contains),
            ] {
                if let Some(f) = fragment {
                    let m = e.message(lang);
                    if !m.contains(f.as_str()) {
                        lines.push(format!("{lang:?} message `{m}` lacks `{f}`"));
                    }
                }
            }
        }
        if !lines.is_empty() {
            failures.push((v.id.clone(), lines));
        }
    }
    assert!(
        failures.is_empty(),
        "{} error vector(s) differ:\n{}",
        failures.len(),
        report(&failures)
    );
}

/// The messages users read, per error vector, in both languages.
#[test]
fn error_messages_snapshot() {
    let table: Vec<Value> = vectors()
        .iter()
        .map(|v| {
            let errors: Vec<Value> = errors_via_document(v)
                .iter()
                .map(|e| {
                    json!({"code": e.code(), "pointer": e.pointer(), "vi": e.message(Lang::Vi), "en": e.message(Lang::En)})
                })
                .collect();
            json!({"id": v.id, "errors": errors})
        })
        .collect();
    insta::assert_json_snapshot!("error_vector_messages", table);
}

/// One instance of every `AssessError` variant.
fn one_of_each() -> Vec<AssessError> {
    let p = |s: &str| s.to_owned();
    vec![
        AssessError::InputTooLarge {
            size: 16_777_217,
            limit: 16_777_216,
        },
        AssessError::EmptyInput,
        AssessError::JsonSyntax {
            line: 1,
            column: 12,
            detail: p("EOF while parsing an object"),
        },
        AssessError::JsonLimit {
            pointer: p("/tt22/subjects"),
            bound: Bound::Items,
            limit: 10_000,
        },
        AssessError::DuplicateKey {
            pointer: p("/student"),
            key: p("id"),
        },
        AssessError::Structure {
            pointer: p("/grade"),
            detail: p("invalid type: string \"8\", expected i64"),
        },
        AssessError::UnsupportedFormat {
            pointer: p("/format"),
            found: p("x/2"),
            expected: "hocba.assess-input/1",
        },
        AssessError::InvalidGrade {
            pointer: p("/grade"),
            grade: 13,
        },
        AssessError::InvalidSchoolYear {
            pointer: p("/school_year"),
            value: p("2024-2026"),
        },
        AssessError::UnsupportedRegime {
            pointer: p("/school_year"),
            grade: 4,
            school_year: p("2022-2023"),
            regime: Regime::Tt30Tt22,
        },
        AssessError::RegimeSectionMismatch {
            pointer: p(""),
            grade: 8,
            school_year: p("2024-2025"),
            expected: Regime::Tt22,
        },
        AssessError::ScoreNotANumber {
            pointer: p("/tt22/subjects/0/hk1/final"),
            value: p("abc"),
        },
        AssessError::ScoreOutOfRange {
            pointer: p("/tt22/subjects/0/hk1/final"),
            value: p("11"),
        },
        AssessError::ScoreTooPrecise {
            pointer: p("/tt22/subjects/0/hk1/final"),
            value: p("8.25"),
        },
        AssessError::InvalidTestScore {
            pointer: p("/tt27/subjects/1/cn/test"),
            value: p("8.5"),
        },
        AssessError::InvalidMark {
            pointer: p("/tt22/conduct/hk1"),
            value: p("gioi"),
            expected: "`tot` `kha` `dat` `chua_dat` ",
        },
        AssessError::UnknownSubject {
            pointer: p("/tt22/subjects/12/subject"),
            subject: p("vat_li"),
            grade: 8,
        },
        AssessError::DuplicateSubject {
            pointer: p("/tt22/subjects/12/subject"),
            subject: Subject::Toan,
            first: p("/tt22/subjects/1/subject"),
        },
        AssessError::MissingSubject {
            pointer: p("/tt22/subjects"),
            subject: Subject::Gdcd,
        },
        AssessError::InvalidTrait {
            pointer: p("/tt27/competences"),
            code: p("tin_hoc"),
            problem: TraitProblem::Missing,
        },
        AssessError::MissingComponent {
            pointer: p("/tt22/subjects/1/hk1/midterm"),
            component: Cow::Borrowed("midterm assessment (ĐĐGgk)"),
        },
        AssessError::TooFewRegular {
            pointer: p("/tt22/subjects/1/hk2/regular"),
            subject: Subject::Toan,
            found: 3,
            required: 4,
        },
        AssessError::TooManyRegular {
            pointer: p("/tt22/subjects/1/hk1/regular"),
            subject: Subject::Toan,
            found: 5,
            allowed: 4,
        },
        AssessError::WrongMarkKind {
            pointer: p("/tt22/subjects/8/hk1/regular/0"),
            subject: Subject::Gdtc,
            expected: "comment (dat/chua_dat)",
        },
        AssessError::TestNotApplicable {
            pointer: p("/tt27/subjects/3/cn/test"),
            subject: Subject::DaoDuc,
        },
        AssessError::RetestNotApplicable {
            pointer: p("/tt22/subjects/0/retest"),
            subject: Subject::NguVan,
        },
        AssessError::SummerTrainingNotApplicable {
            pointer: p("/tt22/conduct/after_summer"),
        },
        AssessError::ExemptPracticalNotApplicable {
            pointer: p("/tt22/subjects/1/hk1/exempt_practical"),
            subject: Subject::Toan,
        },
        AssessError::DecisionNotApplicable {
            pointer: p("/tt27/supplementary"),
            what: Decision::Supplementary,
        },
        AssessError::OutOfBounds {
            pointer: p("/tt22/absences"),
            bound: Bound::Absences,
            limit: 400,
        },
    ]
}

/// The codes returned by `AssessError::code`, read from its source, so a new variant cannot be left out of
/// the table below.
fn codes_in_source() -> Vec<String> {
    let src = include_str!("../../core/src/assess/error.rs");
    let start = src.find("pub const fn code(&self)").expect("fn code");
    let body = &src[start..];
    let end = body.find("\n    }\n").expect("end of fn code");
    body[..end]
        .lines()
        .filter_map(|l| l.split("=> \"").nth(1))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn error_code_table_snapshot() {
    let errors = one_of_each();
    let mut codes: Vec<String> = errors.iter().map(|e| e.code().to_owned()).collect();
    let mut source = codes_in_source();
    codes.sort();
    source.sort();
    assert_eq!(
        codes, source,
        "one_of_each() must build every AssessError variant exactly once"
    );
    let table: Vec<Value> = errors
        .iter()
        .map(|e| json!({"code": e.code(), "pointer": e.pointer(), "vi": e.message(Lang::Vi), "en": e.message(Lang::En)}))
        .collect();
    insta::assert_json_snapshot!("assess_error_codes", table);
}

#[test]
fn trace_code_table_snapshot() {
    let mut seen = std::collections::BTreeSet::new();
    for c in TraceCode::ALL {
        assert!(
            seen.insert(c.as_str()),
            "duplicate trace code {}",
            c.as_str()
        );
    }
    let table: Vec<Value> = TraceCode::ALL
        .iter()
        .map(|c| json!({"code": c.as_str(), "rule": c.rule()}))
        .collect();
    insta::assert_json_snapshot!("trace_codes", table);
}
