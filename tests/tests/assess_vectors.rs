//! Golden tests: every vector of `tests/vectors/assess/` is assessed and checked against its hand-computed
//! `expected` values, then the whole assessment (with the trace in Vietnamese and English) is snapshotted.
//!
//! Update snapshots deliberately: `INSTA_UPDATE=always cargo test -p hocba-tests --test assess_vectors`
//! (or `cargo insta review`), then review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{catch_unwind, AssertUnwindSafe};

use hocba_core::{assess_raw, Assessment, Lang};
use hocba_tests::{compare_expected, config_of, load_all, read_student, report, AssessVector};
use serde_json::{json, Value};

fn vectors() -> Vec<AssessVector> {
    load_all("assess").expect("vectors load")
}

fn run(v: &AssessVector) -> Result<Assessment, String> {
    let config = config_of(v.config.as_ref())?;
    let bytes = serde_json::to_vec(&v.input).map_err(|e| e.to_string())?;
    let raw = read_student(&bytes).map_err(|e| format!("[{}] {e}", e.code()))?;
    assess_raw(&raw, &config).map_err(|e| e.to_string())
}

/// The snapshot: the assessment as the engine serialises it, and every trace step as a sentence.
fn snapshot_value(a: &Assessment) -> Value {
    json!({
        "assessment": serde_json::to_value(a).unwrap(),
        "trace_vi": a.trace.iter().map(|s| s.message(Lang::Vi)).collect::<Vec<_>>(),
        "trace_en": a.trace.iter().map(|s| s.message(Lang::En)).collect::<Vec<_>>(),
    })
}

#[test]
fn there_are_enough_vectors() {
    let all = vectors();
    assert!(all.len() >= 60, "only {} vectors", all.len());
    assert!(all.iter().any(|v| v.input.get("tt22").is_some()));
    assert!(all.iter().any(|v| v.input.get("tt27").is_some()));
}

#[test]
fn every_vector_matches_its_expected_values() {
    let mut failures = Vec::new();
    for v in vectors() {
        match run(&v) {
            Err(e) => failures.push((
                v.id.clone(),
                vec![format!("the engine refused the input: {e}")],
            )),
            Ok(a) => {
                let out = serde_json::to_value(&a).unwrap();
                let lines = compare_expected(&v.expected, &out);
                if !lines.is_empty() {
                    failures.push((v.id.clone(), lines));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) differ:\n{}",
        failures.len(),
        report(&failures)
    );
}

#[test]
fn every_trace_step_has_a_sentence() {
    for v in vectors() {
        let a = run(&v).unwrap();
        for step in &a.trace {
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    !step.message(lang).trim().is_empty(),
                    "{}: empty {lang:?} sentence for {:?}",
                    v.id,
                    step
                );
            }
        }
    }
}

#[test]
fn every_vector_matches_its_snapshot() {
    let mut failed = Vec::new();
    for v in vectors() {
        let Ok(a) = run(&v) else {
            failed.push(v.id.clone());
            continue;
        };
        let value = snapshot_value(&a);
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.set_snapshot_path("snapshots/assess");
        settings.set_description(v.description.clone());
        settings.set_omit_expression(true);
        let result = catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_json_snapshot!(v.id.as_str(), value));
        }));
        if result.is_err() {
            failed.push(v.id.clone());
        }
    }
    assert!(failed.is_empty(), "snapshots differ: {failed:?}");
}

/// The comparator itself: every wrong, unknown or missing value is reported, one line each.
#[test]
fn comparator_reports_every_mismatch() {
    let v = load_all::<AssessVector>("assess")
        .unwrap()
        .into_iter()
        .find(|v| v.id == "tt22-tie-x.x5-three-regular-rounds-up")
        .unwrap();
    let out = serde_json::to_value(run(&v).unwrap()).unwrap();
    let wrong = json!({
        "subjects": {"cong_nghe": {"hk1": "7.4", "year": "7.5"}, "vat_li": {"year": "8.0"}},
        "learning": {"year": "kha", "year_adjusted_for": null, "year_typo": "tot"},
        "promotion": "khong_len_lop",
        "retest_subjects": ["toan"],
        "title": null,
        "result": "hoan_thanh",
        "trace_includes": [{"code": "tt22.level.adjusted"}, {"code": "tt22.subject.semester_average", "subject": "cong_nghe"}]
    });
    let lines = compare_expected(&wrong, &out);
    let text = lines.join("\n");
    assert_eq!(lines.len(), 9, "{text}");
    for fragment in [
        "expected.subjects.cong_nghe.hk1: expected \"7.4\", got \"7.5\"",
        "expected.subjects.vat_li: not in the output view",
        "expected.learning.year: expected \"kha\", got \"tot\"",
        "expected.learning.year_typo: not in the output view",
        "expected.promotion: expected \"khong_len_lop\", got \"len_lop\"",
        "expected.retest_subjects: expected [\"toan\"], got []",
        "expected.title: expected null, got \"hoc_sinh_gioi\"",
        "expected.result: not in the output view",
        "no trace step matches {\"code\":\"tt22.level.adjusted\"}",
    ] {
        assert!(text.contains(fragment), "missing `{fragment}` in:\n{text}");
    }
}
