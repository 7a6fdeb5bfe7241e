//! The hand-written typed reader (`json::typed`, decisions D-92) is held to serde's derive, which it
//! replaced on the reading path: on every bundled document of each format it reads the same value, and
//! for every single fault put into one (a member removed, an unknown member added, a value replaced by
//! each JSON type) both refuse, at the same JSON pointer and in the same words — or both accept the
//! same value.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use hocba_core::assess::raw::{RawAssessInput, RawClassInput};
use hocba_core::json::typed::{read, FromJson};
use hocba_core::package::manifest::Manifest;
use hocba_core::record::Record;
use hocba_core::rules::config::RulesConfig;
use hocba_core::status::StatusList;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What serde's derive says, through `serde_path_to_error` as the core used it before D-92.
fn serde_read<T: DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value.clone()).map_err(|e| {
        let mut pointer = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    pointer.push_str(&format!("/{index}"))
                }
                serde_path_to_error::Segment::Map { key }
                | serde_path_to_error::Segment::Enum { variant: key } => {
                    pointer.push('/');
                    pointer.push_str(&hocba_core::json::escape_pointer_token(key));
                }
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        (pointer, e.inner().to_string())
    })
}

fn typed_read<T: FromJson>(value: &Value) -> Result<T, (String, String)> {
    read::<T>(value).map_err(|e| (e.pointer, e.detail))
}

/// The two places where the typed reader is stricter than serde's derive, so the words differ (both
/// must still refuse these faults, decisions D-92):
/// * serde reads a struct from an array of its fields in declaration order (so `[]` is a struct whose
///   fields are all optional, and otherwise "invalid length 0, expected struct …"); hocba's formats are
///   objects, and the typed reader refuses every array there as "invalid type: sequence";
/// * serde reads a unit variant from `{"variant": null}`; hocba's formats write the name, and any object
///   is "invalid type: map" (serde words other objects as a newtype-variant map).
fn worded_differently(original: &Value, replacement: &Value) -> bool {
    (original.is_string() && replacement.is_object())
        || (original.is_object() && replacement.is_array())
}

/// Every single-fault variant of `doc`: (what was done, the faulty document, the value it replaced).
fn mutations(doc: &Value) -> Vec<(String, Value, Value)> {
    fn walk(v: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
        out.push(path.clone());
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    path.push(PathStep::Key(k.clone()));
                    walk(c, path, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                // The first and the last element stand for the rest (a class has hundreds of scores).
                let picks: Vec<usize> = match a.len() {
                    0 => vec![],
                    1 => vec![0],
                    n => vec![0, n - 1],
                };
                for i in picks {
                    path.push(PathStep::Index(i));
                    walk(&a[i], path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    walk(doc, &mut Vec::new(), &mut paths);
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!(-3),
        json!(18446744073709551615u64),
        json!(1.5),
        json!("x"),
        json!([]),
        json!({}),
    ];
    let mut out = Vec::new();
    for path in &paths {
        let original = get(doc, path).clone();
        for r in &replacements {
            if *r == original {
                continue;
            }
            let mut d = doc.clone();
            *get_mut(&mut d, path) = r.clone();
            out.push((format!("{path:?} := {r}"), d, original.clone()));
        }
        if let Value::Object(m) = &original {
            for k in m.keys() {
                let mut d = doc.clone();
                if let Value::Object(mm) = get_mut(&mut d, path) {
                    mm.remove(k);
                }
                out.push((format!("{path:?} without {k}"), d, Value::Null));
            }
            let mut d = doc.clone();
            if let Value::Object(mm) = get_mut(&mut d, path) {
                mm.insert("zz_unknown".into(), json!(1));
            }
            out.push((format!("{path:?} plus zz_unknown"), d, Value::Null));
        }
    }
    out
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn get<'v>(v: &'v Value, path: &[PathStep]) -> &'v Value {
    path.iter().fold(v, |v, s| match s {
        PathStep::Key(k) => &v[k.as_str()],
        PathStep::Index(i) => &v[*i],
    })
}

fn get_mut<'v>(v: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
    path.iter().fold(v, |v, s| match s {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// Both readers on `doc` and on each of its single-fault variants; returns how many variants each
/// reader refused, so a caller can see the faults were real.
fn agree<T: FromJson + DeserializeOwned + PartialEq + Debug>(name: &str, doc: &Value) -> usize {
    let t: T = typed_read(doc).unwrap_or_else(|e| panic!("{name}: typed reader refused: {e:?}"));
    let s: T = serde_read(doc).unwrap_or_else(|e| panic!("{name}: serde refused: {e:?}"));
    assert_eq!(t, s, "{name}: the two readers read different values");
    let mut refused = 0;
    let mut differ = Vec::new();
    for (what, d, original) in mutations(doc) {
        match (typed_read::<T>(&d), serde_read::<T>(&d)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: {what}: different values"),
            (Err(a), Err(b)) => {
                refused += 1;
                let replacement = get_replacement(&what, &d);
                if a != b && !worded_differently(&original, &replacement) {
                    differ.push(format!("{what}: typed {a:?}, serde {b:?}"));
                }
            }
            (Err(_), Ok(_)) if worded_differently(&original, &get_replacement(&what, &d)) => {
                refused += 1;
            }
            (a, b) => differ.push(format!(
                "{what}: typed {:?} but serde {:?}",
                a.err(),
                b.err()
            )),
        }
    }
    assert!(
        differ.is_empty(),
        "{name}: {} faults read differently:\n{}",
        differ.len(),
        differ
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    refused
}

/// The value a replacement mutation put in (from its label; `Null` for the other mutations).
fn get_replacement(what: &str, _doc: &Value) -> Value {
    what.split_once(" := ")
        .and_then(|(_, r)| serde_json::from_str(r).ok())
        .unwrap_or(Value::Null)
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn records_read_alike() {
    let mut refused = 0;
    for f in json_files("examples/records") {
        refused += agree::<Record>(&f.display().to_string(), &load(&f));
    }
    // The signed samples' records (a TT22 record with every section).
    let env = load(&repo().join("examples/signed/valid.json"));
    refused += agree::<Record>("valid.json record", &env["record"]);
    assert!(refused > 500, "only {refused} faults refused");
}

#[test]
fn assessment_inputs_read_alike() {
    let mut refused = 0;
    for f in [
        "examples/student-tt22-grade10.json",
        "examples/student-tt27-grade4.json",
    ] {
        refused += agree::<RawAssessInput>(f, &load(&repo().join(f)));
    }
    // One TT22 and one TT27 input of the shared vectors, with their rules switches.
    for f in json_files("tests/vectors/assess").into_iter().step_by(25) {
        let v = load(&f);
        refused += agree::<RawAssessInput>(&f.display().to_string(), &v["input"]);
    }
    refused += agree::<RawClassInput>(
        "class-4a.json",
        &load(&repo().join("examples/class-4a.json")),
    );
    assert!(refused > 300, "only {refused} faults refused");
}

#[test]
fn rules_configs_read_alike() {
    let every = json!({
        "mcn_from_rounded_semesters": false,
        "adjust_policy": "remove",
        "adjust_includes_comment_subjects": false,
        "adjust_after_retest": false,
        "min_count_policy": "min_with_count",
        "combined_case": "retain",
        "titles_require_promotion": true,
        "primary_test_rounding": "reject_fractional",
    });
    let refused = agree::<RulesConfig>("every switch", &every);
    assert!(refused > 40, "only {refused} faults refused");
    agree::<RulesConfig>("no switch", &json!({}));
    // An unknown variant and an unknown switch, worded as serde words them.
    assert_eq!(
        typed_read::<RulesConfig>(&json!({"adjust_policy": "worst"})).unwrap_err(),
        (
            "/adjust_policy".to_string(),
            "unknown variant `worst`, expected `best_case` or `remove`".to_string()
        )
    );
}

#[test]
fn status_lists_and_manifests_read_alike() {
    let doc = load(&repo().join("examples/signed/revoked.status.json"));
    let refused = agree::<StatusList>("revoked.status.json list", &doc["list"]);
    assert!(refused > 20, "only {refused} faults refused");
    let manifest = json!({
        "format": "hocba.package/1",
        "school": {"code": "79000701", "name": "Trường THPT"},
        "school_year": "2024-2025",
        "created_at": "2025-07-01T01:00:00Z",
        "count": 1,
        "records": [{
            "line": 1,
            "record_id": "79000701.2024-2025.7900123456.v1",
            "line_sha256": "00",
            "record_digest": "11",
        }],
    });
    agree::<Manifest>("manifest", &manifest);
}
