//! Shared helpers for hocba's golden tests: where the vectors live, how to load them, and the comparator
//! that checks an assessment against a vector's `expected` object (format: `tests/vectors/README.md`).
//!
//! The comparator works on the engine's **JSON output** (`serde_json::to_value(&Assessment)`), not on Rust
//! types, so a JS or Kotlin harness can port [`assessment_view`] and [`compare_expected`] line by line.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use hocba_core::assess::AssessError;
use hocba_core::json::AssessDocument;
use hocba_core::RulesConfig;
use serde_json::{Map, Value};

/// The folder of the shared JSON test vectors (`tests/vectors`), read by the Rust, JS and Kotlin/Python tests.
#[must_use]
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// The repository's `examples/` folder.
#[must_use]
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("examples")
}

/// A valid-input vector (`tests/vectors/assess/*.json`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessVector {
    /// Case id, equal to the file name without `.json`.
    pub id: String,
    /// What the case pins, with the article.
    pub description: String,
    /// `RulesConfig` overrides (missing switches keep their defaults).
    #[serde(default)]
    pub config: Option<Value>,
    /// A `hocba.assess-input/1` object.
    pub input: Value,
    /// The values that matter, in the schema of `tests/vectors/README.md`.
    pub expected: Value,
}

/// A bad-input vector (`tests/vectors/assess-errors/*.json`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorVector {
    /// Case id, equal to the file name without `.json`.
    pub id: String,
    /// What the case pins.
    pub description: String,
    /// `RulesConfig` overrides.
    #[serde(default)]
    pub config: Option<Value>,
    /// The input as a JSON value…
    #[serde(default)]
    pub input: Option<Value>,
    /// …or as raw text (for inputs that are not valid JSON, or have duplicate keys).
    #[serde(default)]
    pub input_text: Option<String>,
    /// Every error, in order.
    pub expected_errors: Vec<ExpectedError>,
}

/// One expected error.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    /// Stable error code (`AssessError::code`).
    pub code: String,
    /// RFC 6901 pointer (`""` for the whole document).
    pub pointer: String,
    /// A fragment the English message must contain.
    #[serde(default)]
    pub message_en_contains: Option<String>,
    /// A fragment the Vietnamese message must contain.
    #[serde(default)]
    pub message_vi_contains: Option<String>,
}

impl ErrorVector {
    /// The bytes the engine reads.
    ///
    /// # Errors
    /// When the vector has neither or both of `input` and `input_text`.
    pub fn bytes(&self) -> Result<Vec<u8>, String> {
        match (&self.input, &self.input_text) {
            (Some(v), None) => serde_json::to_vec(v).map_err(|e| e.to_string()),
            (None, Some(t)) => Ok(t.clone().into_bytes()),
            _ => Err(format!(
                "{}: give exactly one of `input` and `input_text`",
                self.id
            )),
        }
    }
}

/// The `*.json` files of `tests/vectors/<folder>`, sorted by name.
///
/// # Errors
/// When the folder cannot be read.
pub fn vector_files(folder: &str) -> Result<Vec<PathBuf>, String> {
    let dir = vectors_dir().join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads and parses one vector file, checking that its id is its file name.
///
/// # Errors
/// Unreadable file, bad JSON, or an id that differs from the file name.
pub fn load_vector<T: serde::de::DeserializeOwned + HasId>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: T = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if v.id() != stem {
        return Err(format!(
            "{}: id `{}` differs from the file name",
            path.display(),
            v.id()
        ));
    }
    Ok(v)
}

/// Vectors have an id.
pub trait HasId {
    /// The id.
    fn id(&self) -> &str;
}

impl HasId for AssessVector {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for ErrorVector {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Every vector of a folder.
///
/// # Errors
/// The first file that cannot be loaded.
pub fn load_all<T: serde::de::DeserializeOwned + HasId>(folder: &str) -> Result<Vec<T>, String> {
    vector_files(folder)?
        .iter()
        .map(|p| load_vector(p))
        .collect()
}

/// The configuration of a vector: the defaults overridden by its `config` object.
///
/// # Errors
/// Unknown switches or values.
pub fn config_of(overrides: Option<&Value>) -> Result<RulesConfig, String> {
    match overrides {
        None => Ok(RulesConfig::default()),
        Some(v) => hocba_core::json::from_value(v).map_err(|e| e.to_string()),
    }
}

/// Reads an input document the way every frontend does: the JSON reader with limits, a single student.
///
/// # Errors
/// The reader's error, or a class document where one student was expected.
pub fn read_student(bytes: &[u8]) -> Result<hocba_core::assess::raw::RawAssessInput, AssessError> {
    match hocba_core::json::parse_assess_document(bytes)? {
        AssessDocument::Student(raw) => Ok(*raw),
        AssessDocument::Class(_) => Err(AssessError::Structure {
            pointer: String::new(),
            detail: "a class document where one student was expected".into(),
        }),
    }
}

fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&Value::Null)
}

/// The engine's JSON output reduced to the flat schema of `expected` (README): every key present, `null` when
/// the engine omits the value.
#[must_use]
pub fn assessment_view(assessment: &Value) -> Value {
    let mut view = Map::new();
    view.insert(
        "regime".into(),
        get(get(assessment, "ruleset"), "regime").clone(),
    );
    if let Some(t) = assessment.get("tt22") {
        let mut subjects = Map::new();
        for s in get(t, "subjects").as_array().into_iter().flatten() {
            let mut row = Map::new();
            for k in ["hk1", "hk2", "year", "retest"] {
                row.insert(k.into(), get(s, k).clone());
            }
            if let Some(code) = get(s, "subject").as_str() {
                subjects.insert(code.into(), Value::Object(row));
            }
        }
        view.insert("subjects".into(), Value::Object(subjects));
        let mut learning = Map::new();
        for term in ["hk1", "hk2", "year", "year_after_retest"] {
            let o = get(get(t, "learning"), term);
            learning.insert(term.into(), get(o, "level").clone());
            learning.insert(format!("{term}_computed"), get(o, "computed").clone());
            learning.insert(
                format!("{term}_adjusted_for"),
                get(o, "adjusted_for").clone(),
            );
            let by = get(o, "by_principal").as_bool().unwrap_or(false);
            learning.insert(format!("{term}_by_principal"), Value::Bool(by));
        }
        view.insert("learning".into(), Value::Object(learning));
        let conduct = get(t, "conduct");
        view.insert("conduct_year".into(), get(conduct, "year").clone());
        view.insert(
            "conduct_after_summer_training".into(),
            get(conduct, "after_summer_training").clone(),
        );
        let promotion = get(t, "promotion");
        view.insert("promotion".into(), get(promotion, "status").clone());
        view.insert("promotion_reason".into(), get(promotion, "reason").clone());
        let retest = match get(promotion, "retest_subjects") {
            Value::Null => Value::Array(Vec::new()),
            other => other.clone(),
        };
        view.insert("retest_subjects".into(), retest);
        view.insert("title".into(), get(t, "title").clone());
        view.insert("completion".into(), get(t, "completion").clone());
    }
    if let Some(p) = assessment.get("tt27") {
        for k in ["result", "completion", "programme_completed", "title"] {
            view.insert(k.into(), get(p, k).clone());
        }
        let mut tests = Map::new();
        for s in get(p, "subjects").as_array().into_iter().flatten() {
            let mut row = Map::new();
            for pt in ["ghk1", "chk1", "ghk2", "cn"] {
                let score = get(get(get(get(s, "marks"), pt), "test"), "score");
                row.insert(pt.into(), score.clone());
            }
            if let Some(code) = get(s, "subject").as_str() {
                tests.insert(code.into(), Value::Object(row));
            }
        }
        view.insert("tests".into(), Value::Object(tests));
    }
    Value::Object(view)
}

fn show(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "?".into())
}

fn compare_at(path: &str, key: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match expected {
        Value::Object(map) => {
            let Some(actual) = actual.as_object() else {
                out.push(format!("{path}: expected an object, got {}", show(actual)));
                return;
            };
            for (k, ev) in map {
                let p = format!("{path}.{k}");
                match actual.get(k) {
                    Some(av) => compare_at(&p, k, ev, av, out),
                    None => out.push(format!(
                        "{p}: not in the output view (unknown key, subject or regime section)"
                    )),
                }
            }
        }
        Value::Array(want) if key == "retest_subjects" => {
            let sorted = |v: &[Value]| {
                let mut s: Vec<String> = v.iter().map(show).collect();
                s.sort();
                s
            };
            let got = actual.as_array().map(|a| sorted(a)).unwrap_or_default();
            if sorted(want) != got {
                out.push(format!(
                    "{path}: expected {}, got {}",
                    show(expected),
                    show(actual)
                ));
            }
        }
        _ => {
            if expected != actual {
                out.push(format!(
                    "{path}: expected {}, got {}",
                    show(expected),
                    show(actual)
                ));
            }
        }
    }
}

/// Every mismatch between a vector's `expected` object and an assessment (its JSON output), one line each.
/// `trace_includes` entries must each match at least one trace step on every field they give.
#[must_use]
pub fn compare_expected(expected: &Value, assessment: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let view = assessment_view(assessment);
    let Some(map) = expected.as_object() else {
        return vec!["expected: not an object".into()];
    };
    for (k, ev) in map {
        if k == "trace_includes" {
            let trace = get(assessment, "trace")
                .as_array()
                .cloned()
                .unwrap_or_default();
            for want in ev.as_array().into_iter().flatten() {
                let fields = want.as_object().cloned().unwrap_or_default();
                let found = trace
                    .iter()
                    .any(|step| fields.iter().all(|(f, v)| get(step, f) == v));
                if !found {
                    out.push(format!(
                        "expected.trace_includes: no trace step matches {}",
                        show(want)
                    ));
                }
            }
            continue;
        }
        let p = format!("expected.{k}");
        match view.get(k) {
            Some(av) => compare_at(&p, k, ev, av, &mut out),
            None => out.push(format!(
                "{p}: not in the output view (unknown key, subject or regime section)"
            )),
        }
    }
    out
}

/// A readable report of mismatches per vector.
#[must_use]
pub fn report(failures: &[(String, Vec<String>)]) -> String {
    let mut s = String::new();
    for (id, lines) in failures {
        let _ = writeln!(s, "{id}:");
        for l in lines {
            let _ = writeln!(s, "    {l}");
        }
    }
    s
}
