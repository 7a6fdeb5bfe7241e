//! Golden tests of record validation: the shared vectors of `tests/vectors/record/` (one defect each, a
//! few with many; pins written by hand in `gen.py`), insta snapshots of every full report (codes,
//! pointers, vi/en messages), the valid examples, and the canonical bytes of the examples.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hocba_core::canonical::{canonical_bytes, canonical_record_bytes, record_digest, sha256_hex};
use hocba_core::record::{
    is_valid, parse_record, read_record_value, validate, validate_json, Problem, ValidateError,
};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn vector_bytes(v: &Value) -> Vec<u8> {
    match (v.get("input_text"), v.get("input")) {
        (Some(Value::String(t)), None) => t.as_bytes().to_vec(),
        (None, Some(input)) => serde_json::to_vec_pretty(input).unwrap(),
        _ => panic!("{}: exactly one of input and input_text", v["id"]),
    }
}

fn key(code: &str, pointer: &str, severity: &str) -> String {
    format!("{code} {pointer} ({severity})")
}

fn counted(keys: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

fn problem_keys(problems: &[Problem]) -> BTreeMap<String, usize> {
    counted(
        problems
            .iter()
            .map(|p| key(p.code, &p.pointer, p.severity.code())),
    )
}

fn error_report(e: &ValidateError) -> Value {
    json!({
        "error": {
            "code": e.code(),
            "pointer": e.pointer(),
            "message_vi": e.message(hocba_core::Lang::Vi),
            "message_en": e.message(hocba_core::Lang::En),
        }
    })
}

#[test]
fn vectors() {
    let files = json_files(&repo().join("tests/vectors/record"));
    assert!(files.len() >= 80, "only {} vectors", files.len());
    let mut failures = Vec::new();
    let mut single_defect = 0;
    for path in &files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let bytes = vector_bytes(&v);
        let result = validate_json(&bytes);
        let report = match (&result, v.get("expected_error")) {
            (Err(e), Some(want)) => {
                if e.code() != want["code"] || e.pointer() != want["pointer"] {
                    failures.push(format!(
                        "{id}: error {} {}, expected {want}",
                        e.code(),
                        e.pointer()
                    ));
                }
                error_report(e)
            }
            (Err(e), None) => {
                failures.push(format!(
                    "{id}: unexpected error {} {}",
                    e.code(),
                    e.message(hocba_core::Lang::En)
                ));
                error_report(e)
            }
            (Ok(problems), want_error) => {
                if let Some(want) = want_error {
                    failures.push(format!("{id}: expected error {want}, got problems"));
                }
                let want = counted(
                    v["expected_problems"]
                        .as_array()
                        .map(Vec::as_slice)
                        .unwrap_or_default()
                        .iter()
                        .map(|p| {
                            key(
                                p["code"].as_str().unwrap(),
                                p["pointer"].as_str().unwrap(),
                                p["severity"].as_str().unwrap(),
                            )
                        }),
                );
                let got = problem_keys(problems);
                if got != want {
                    failures.push(format!("{id}:\n   got  {got:?}\n   want {want:?}"));
                }
                if v.get("valid").and_then(Value::as_bool) != Some(is_valid(problems)) {
                    failures.push(format!("{id}: valid flag"));
                }
                if want.values().sum::<usize>() == 1 {
                    single_defect += 1;
                }
                // The typed path finds the same problems.
                if let Ok(record) = parse_record(&bytes) {
                    let typed = problem_keys(&validate(&record));
                    if typed != got {
                        failures.push(format!("{id}: typed validate differs:\n   {typed:?}"));
                    }
                }
                json!({ "valid": is_valid(problems), "problems": problems })
            }
        };
        insta::assert_json_snapshot!(id, report);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(single_defect >= 40, "{single_defect} single-defect vectors");
}

#[test]
fn examples_are_valid_without_warnings() {
    let files = json_files(&repo().join("examples/records"));
    assert_eq!(files.len(), 3);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let problems = validate_json(&bytes).unwrap();
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
        let record = parse_record(&bytes).unwrap();
        assert!(validate(&record).is_empty());
    }
}

#[test]
fn broken_examples_are_refused() {
    let files = json_files(&repo().join("examples/records/broken"));
    assert!(files.len() >= 10);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        match validate_json(&bytes) {
            Err(_) => {}
            Ok(problems) => assert!(!is_valid(&problems), "{} is valid", path.display()),
        }
    }
}

#[test]
fn canonical_bytes_of_the_examples() {
    for name in ["tt22-grade10", "tt22-grade10-v2", "tt27-grade4"] {
        let bytes = std::fs::read(repo().join(format!("examples/records/{name}.json"))).unwrap();
        let value = read_record_value(&bytes).unwrap();
        let canonical = canonical_bytes(&value).unwrap();
        // The typed record serialises to the same canonical bytes (the examples are in normal form).
        let record = parse_record(&bytes).unwrap();
        assert_eq!(
            canonical_record_bytes(&record).unwrap(),
            canonical,
            "{name}"
        );
        let text = String::from_utf8(canonical.clone()).unwrap();
        insta::assert_snapshot!(
            format!("canonical_{name}"),
            format!("sha256 {}\n{text}", sha256_hex(&canonical))
        );
    }
}

#[test]
fn the_correction_names_the_digest_of_what_it_corrects() {
    let v1 = std::fs::read(repo().join("examples/records/tt22-grade10.json")).unwrap();
    let v2 =
        parse_record(&std::fs::read(repo().join("examples/records/tt22-grade10-v2.json")).unwrap())
            .unwrap();
    let digest = record_digest(&read_record_value(&v1).unwrap()).unwrap();
    let sup = v2.supersedes.unwrap();
    assert_eq!(sup.digest, digest.to_hex());
    assert_eq!(sup.record_id, "79000701.2024-2025.7900123456.v1");
}

#[test]
fn problems_are_capped_and_the_cap_is_said() {
    let bytes = std::fs::read(repo().join("examples/records/tt22-grade10.json")).unwrap();
    let mut v: Value = serde_json::from_slice(&bytes).unwrap();
    for i in 0..250 {
        v["student"][format!("extra_{i:03}")] = json!("x");
    }
    let problems = validate_json(&serde_json::to_vec(&v).unwrap()).unwrap();
    assert_eq!(problems.len(), 201);
    assert!(problems[..200].iter().all(|p| p.code == "unknown_field"));
    assert_eq!(problems[200].code, "problems_truncated");
    assert!(!is_valid(&problems));
}
