//! The shape of `hocba.record/1` as data, checked over a JSON value before typed reading (features
//! `json` or `verify`).
//!
//! serde stops at the first shape error; a school fixing a file wants all of them. This walker reports
//! every unknown member, missing member, wrong JSON type, unknown code and over-long array, each with its
//! pointer, by the same rules serde applies (`Option` members may be `null`, defaulted members may be
//! absent but not `null`). When it finds nothing, typed reading succeeds: the tests and the fuzz target
//! `parse_validate` check that the two agree, and `schemas/record.schema.json` is compared with this
//! table in `core/tests/record_schema_shape.rs`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use core::fmt::Write as _;

use super::problem::{push_pointer_token, Problem, ProblemKind};
use crate::assess::raw::{MAX_REGULAR, MAX_SUBJECTS, MAX_TRAITS};

/// A JSON value's expected form.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// A string.
    Str,
    /// An integer that fits `i64`.
    Int,
    /// `true` or `false`.
    Bool,
    /// An object with these members (unknown members refused).
    Obj(&'static [Field]),
    /// An array of at most `max` items of one kind.
    Arr(&'static Kind, usize),
    /// A string among these codes.
    Code(&'static [&'static str], &'static str),
    /// An object with exactly one of these members (a serde externally tagged enum).
    OneOf(&'static [(&'static str, Kind)]),
}

/// Whether a member must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    /// Required, not null.
    Required,
    /// May be absent or `null` (an `Option`).
    Optional,
    /// May be absent, not `null` (a defaulted value).
    Default,
}

/// One member of an object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) presence: Presence,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        presence: Presence::Required,
    }
}
const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        presence: Presence::Optional,
    }
}
const fn def(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        presence: Presence::Default,
    }
}

use Kind::{Bool, Int, Str};

/// Most awards in one record.
pub const MAX_AWARDS: usize = 50;
/// Most audit entries in one record.
pub const MAX_AUDIT: usize = 200;

const SUPERSEDES: &[Field] = &[
    req("record_id", Str),
    req("digest", Str),
    req("reason", Str),
];
const STUDENT: &[Field] = &[
    req("full_name", Str),
    req("date_of_birth", Str),
    req("sex", Kind::Code(&["nam", "nu"], "`nam` `nu`")),
    req("ethnicity", Str),
    req("nationality", Str),
    req("place_of_birth", Str),
    opt("personal_id", Str),
    req("moet_code", Str),
];
const SCHOOL: &[Field] = &[
    req("code", Str),
    req("name", Str),
    req("commune", Str),
    req("province", Str),
];
const CLASS: &[Field] = &[req("name", Str), req("teacher", Str)];
const PRINCIPAL: &[Field] = &[req("name", Str)];
const RULES_CONFIG: &[Field] = &[
    def("mcn_from_rounded_semesters", Bool),
    def(
        "adjust_policy",
        Kind::Code(&["best_case", "remove"], "`best_case` `remove`"),
    ),
    def("adjust_includes_comment_subjects", Bool),
    def("adjust_after_retest", Bool),
    def(
        "min_count_policy",
        Kind::Code(&["literal", "min_with_count"], "`literal` `min_with_count`"),
    ),
    def(
        "combined_case",
        Kind::Code(
            &["train_then_retest", "retain"],
            "`train_then_retest` `retain`",
        ),
    ),
    def("titles_require_promotion", Bool),
    def(
        "primary_test_rounding",
        Kind::Code(
            &["half_up", "reject_fractional"],
            "`half_up` `reject_fractional`",
        ),
    ),
];
const SEMESTER: &[Field] = &[
    def("regular", Kind::Arr(&Str, MAX_REGULAR)),
    opt("midterm", Str),
    opt("final", Str),
    def("exempt_practical", Bool),
];
const SECONDARY_SUBJECT: &[Field] = &[
    req("subject", Str),
    opt("basis", Str),
    opt("hk1", Kind::Obj(SEMESTER)),
    opt("hk2", Kind::Obj(SEMESTER)),
    opt("retest", Str),
];
const CONDUCT: &[Field] = &[opt("hk1", Str), opt("hk2", Str), opt("after_summer", Str)];
const PRINCIPAL_DECISIONS: &[Field] = &[
    opt("learning_hk1", Str),
    opt("learning_hk2", Str),
    opt("learning_year", Str),
    opt("promotion", Str),
];
const SECONDARY: &[Field] = &[
    req(
        "subjects",
        Kind::Arr(&Kind::Obj(SECONDARY_SUBJECT), MAX_SUBJECTS),
    ),
    def("conduct", Kind::Obj(CONDUCT)),
    def("absences", Int),
    opt("principal", Kind::Obj(PRINCIPAL_DECISIONS)),
];
const PRIMARY_MARK: &[Field] = &[req("level", Str), opt("test", Str), opt("retest", Str)];
const PRIMARY_SUBJECT: &[Field] = &[
    req("subject", Str),
    opt("ghk1", Kind::Obj(PRIMARY_MARK)),
    opt("chk1", Kind::Obj(PRIMARY_MARK)),
    opt("ghk2", Kind::Obj(PRIMARY_MARK)),
    opt("cn", Kind::Obj(PRIMARY_MARK)),
];
const TRAIT: &[Field] = &[
    req("code", Str),
    opt("ghk1", Str),
    opt("chk1", Str),
    opt("ghk2", Str),
    opt("cn", Str),
];
const PRIMARY: &[Field] = &[
    req(
        "subjects",
        Kind::Arr(&Kind::Obj(PRIMARY_SUBJECT), MAX_SUBJECTS),
    ),
    def("qualities", Kind::Arr(&Kind::Obj(TRAIT), MAX_TRAITS)),
    def("competences", Kind::Arr(&Kind::Obj(TRAIT), MAX_TRAITS)),
    opt("supplementary", Str),
    opt("principal_decision", Str),
    def("class_recognition", Bool),
];
const STATED_SUBJECT: &[Field] = &[
    req("subject", Str),
    opt("hk1", Str),
    opt("hk2", Str),
    opt("year", Str),
    opt("retest", Str),
];
const STATED_LEARNING: &[Field] = &[
    opt("hk1", Str),
    opt("hk2", Str),
    opt("year", Str),
    opt("year_after_retest", Str),
];
const STATED_SECONDARY: &[Field] = &[
    def(
        "subjects",
        Kind::Arr(&Kind::Obj(STATED_SUBJECT), MAX_SUBJECTS),
    ),
    def("learning", Kind::Obj(STATED_LEARNING)),
    opt("conduct_year", Str),
    opt("promotion", Str),
    opt("title", Str),
    opt("programme_completed", Str),
];
const STATED_PRIMARY_SUBJECT: &[Field] = &[req("subject", Str), req("test", Str)];
const STATED_PRIMARY: &[Field] = &[
    def(
        "subjects",
        Kind::Arr(&Kind::Obj(STATED_PRIMARY_SUBJECT), MAX_SUBJECTS),
    ),
    opt("result", Str),
    opt("completion", Str),
    opt("programme_completed", Str),
    opt("title", Str),
];
const SUBJECT_COMMENT: &[Field] = &[req("subject", Str), opt("teacher", Str), req("text", Str)];
const TRAIT_COMMENT: &[Field] = &[req("code", Str), req("text", Str)];
const COMMENTS: &[Field] = &[
    def(
        "subjects",
        Kind::Arr(&Kind::Obj(SUBJECT_COMMENT), MAX_SUBJECTS),
    ),
    def(
        "qualities",
        Kind::Arr(&Kind::Obj(TRAIT_COMMENT), MAX_TRAITS),
    ),
    def(
        "competences",
        Kind::Arr(&Kind::Obj(TRAIT_COMMENT), MAX_TRAITS),
    ),
    opt("class_teacher", Str),
];
const AWARD: &[Field] = &[req("name", Str), opt("issuer", Str), opt("date", Str)];
const AUDIT_ENTRY: &[Field] = &[
    req("action", Kind::Code(&["lock", "unlock"], "`lock` `unlock`")),
    req("at", Str),
    req("by", Str),
    opt("reason", Str),
];
const LIFECYCLE: &[Field] = &[
    req(
        "status",
        Kind::Code(&["draft", "locked"], "`draft` `locked`"),
    ),
    opt("locked_at", Str),
    def("audit", Kind::Arr(&Kind::Obj(AUDIT_ENTRY), MAX_AUDIT)),
];

/// The members of a record.
pub(crate) const RECORD: &[Field] = &[
    req("format", Str),
    req("record_id", Str),
    req("version", Int),
    opt("supersedes", Kind::Obj(SUPERSEDES)),
    req("student", Kind::Obj(STUDENT)),
    req("school", Kind::Obj(SCHOOL)),
    req("school_year", Str),
    req("grade", Int),
    req("class", Kind::Obj(CLASS)),
    req("principal", Kind::Obj(PRINCIPAL)),
    opt("rules_config", Kind::Obj(RULES_CONFIG)),
    opt("tt22", Kind::Obj(SECONDARY)),
    opt("tt27", Kind::Obj(PRIMARY)),
    req(
        "stated",
        Kind::OneOf(&[
            ("tt22", Kind::Obj(STATED_SECONDARY)),
            ("tt27", Kind::Obj(STATED_PRIMARY)),
        ]),
    ),
    def("comments", Kind::Obj(COMMENTS)),
    def("awards", Kind::Arr(&Kind::Obj(AWARD), MAX_AWARDS)),
    req("lifecycle", Kind::Obj(LIFECYCLE)),
];

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every shape problem of a record value, up to `max` + 1 (more than `max` means the list was cut).
pub(crate) fn check(value: &Value, max: usize) -> Vec<Problem> {
    let mut w = Walker {
        path: String::new(),
        out: Vec::new(),
        max,
    };
    w.value(value, &Kind::Obj(RECORD));
    w.out
}

struct Walker {
    path: String,
    out: Vec<Problem>,
    max: usize,
}

impl Walker {
    fn push(&mut self, kind: ProblemKind) {
        // One more than the cap, so that the caller can tell the list was cut.
        if self.out.len() <= self.max {
            self.out.push(Problem::new(self.path.clone(), kind));
        }
    }

    fn wrong(&mut self, expected: &'static str, v: &Value) {
        self.push(ProblemKind::WrongType {
            expected,
            found: type_name(v),
        });
    }

    fn value(&mut self, v: &Value, kind: &Kind) {
        match (kind, v) {
            (Kind::Str, Value::String(_)) | (Kind::Bool, Value::Bool(_)) => {}
            (Kind::Int, Value::Number(n)) if n.is_i64() => {}
            (Kind::Str | Kind::Code(..), _) if !v.is_string() => self.wrong("string", v),
            (Kind::Str, _) => {}
            (Kind::Int, _) => self.wrong("integer", v),
            (Kind::Bool, _) => self.wrong("boolean", v),
            (Kind::Code(codes, expected), Value::String(s)) => {
                if !codes.contains(&s.as_str()) {
                    self.push(ProblemKind::InvalidCode {
                        value: s.clone(),
                        expected,
                    });
                }
            }
            (Kind::Code(..), _) => {}
            (Kind::Arr(item, max), Value::Array(items)) => {
                if items.len() > *max {
                    self.push(ProblemKind::TooManyItems { limit: *max });
                    return;
                }
                for (i, x) in items.iter().enumerate() {
                    let len = self.path.len();
                    let _ = write!(self.path, "/{i}");
                    self.value(x, item);
                    self.path.truncate(len);
                }
            }
            (Kind::Arr(..), _) => self.wrong("array", v),
            (Kind::Obj(fields), Value::Object(map)) => {
                for (key, x) in map {
                    let len = self.path.len();
                    self.path.push('/');
                    push_pointer_token(&mut self.path, key);
                    match fields.iter().find(|f| f.name == key) {
                        None => self.push(ProblemKind::UnknownField { key: key.clone() }),
                        Some(f) => match (x, f.presence) {
                            (Value::Null, Presence::Optional) => {}
                            _ => self.value(x, &f.kind),
                        },
                    }
                    self.path.truncate(len);
                }
                for f in fields.iter() {
                    if f.presence == Presence::Required && !map.contains_key(f.name) {
                        self.push(ProblemKind::MissingField { key: f.name });
                    }
                }
            }
            (Kind::Obj(_) | Kind::OneOf(_), _) if !v.is_object() => self.wrong("object", v),
            (Kind::OneOf(variants), Value::Object(map)) => {
                if map.len() != 1 {
                    self.push(ProblemKind::NotExactlyOne {
                        choices: "`tt22` `tt27`",
                        found: map.len(),
                    });
                    return;
                }
                for (key, x) in map {
                    let len = self.path.len();
                    self.path.push('/');
                    push_pointer_token(&mut self.path, key);
                    match variants.iter().find(|(n, _)| n == key) {
                        None => self.push(ProblemKind::UnknownField { key: key.clone() }),
                        Some((_, k)) => self.value(x, k),
                    }
                    self.path.truncate(len);
                }
            }
            (Kind::Obj(_) | Kind::OneOf(_), _) => {}
        }
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    //! The table above and the published JSON Schema (generated from the Rust types by schemars and
    //! shipped in `schemas/record.schema.json`, itself checked against the types by the CLI tests) must
    //! describe the same document.
    use super::*;
    use alloc::format;
    use alloc::string::ToString;

    fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => root
                .pointer(r.trim_start_matches('#'))
                .map_or(node, |n| resolve(root, n)),
            None => node,
        }
    }

    /// The node without its `null` alternative, and whether it had one.
    fn non_null<'a>(root: &'a Value, node: &'a Value) -> (&'a Value, bool) {
        let node = resolve(root, node);
        if let Some(alts) = node.get("anyOf").and_then(Value::as_array) {
            let rest: Vec<&Value> = alts
                .iter()
                .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if rest.len() == 1 && alts.len() == 2 {
                return (resolve(root, rest[0]), true);
            }
        }
        if let Some(types) = node.get("type").and_then(Value::as_array) {
            return (node, types.iter().any(|t| t == "null"));
        }
        (node, false)
    }

    fn type_of(node: &Value) -> Option<&str> {
        match node.get("type") {
            Some(Value::String(t)) => Some(t),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
            _ => None,
        }
    }

    fn compare(root: &Value, node: &Value, kind: &Kind, at: &str, errors: &mut Vec<String>) {
        let node = resolve(root, node);
        match kind {
            Kind::Str | Kind::Int | Kind::Bool => {
                let want = match kind {
                    Kind::Str => "string",
                    Kind::Int => "integer",
                    _ => "boolean",
                };
                if type_of(node) != Some(want) {
                    errors.push(format!("{at}: schema {node} is not {want}"));
                }
            }
            Kind::Code(codes, _) => {
                let mut found: Vec<String> = Vec::new();
                if let Some(e) = node.get("enum").and_then(Value::as_array) {
                    found.extend(e.iter().filter_map(Value::as_str).map(ToString::to_string));
                }
                if let Some(alts) = node.get("oneOf").and_then(Value::as_array) {
                    found.extend(
                        alts.iter()
                            .filter_map(|a| a.get("const").and_then(Value::as_str))
                            .map(ToString::to_string),
                    );
                }
                let want: Vec<String> = codes.iter().map(ToString::to_string).collect();
                found.sort();
                let mut want_sorted = want.clone();
                want_sorted.sort();
                if found != want_sorted {
                    errors.push(format!("{at}: schema codes {found:?}, table {want:?}"));
                }
            }
            Kind::Arr(item, _) => {
                if type_of(node) != Some("array") {
                    errors.push(format!("{at}: schema is not an array"));
                } else if let Some(items) = node.get("items") {
                    compare(root, items, item, &format!("{at}/*"), errors);
                }
            }
            Kind::Obj(fields) => {
                let props = node.get("properties").and_then(Value::as_object);
                let required: Vec<&str> = node
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let Some(props) = props else {
                    errors.push(format!("{at}: schema is not an object"));
                    return;
                };
                if node.get("additionalProperties") != Some(&Value::Bool(false)) {
                    errors.push(format!("{at}: schema allows unknown members"));
                }
                for name in props.keys() {
                    if !fields.iter().any(|f| f.name == name) {
                        errors.push(format!("{at}/{name}: in the schema, not in the table"));
                    }
                }
                for f in fields.iter() {
                    let here = format!("{at}/{}", f.name);
                    let Some(p) = props.get(f.name) else {
                        errors.push(format!("{here}: in the table, not in the schema"));
                        continue;
                    };
                    let (inner, nullable) = non_null(root, p);
                    let presence = match (required.contains(&f.name), nullable) {
                        (true, false) => Presence::Required,
                        (false, true) => Presence::Optional,
                        (false, false) => Presence::Default,
                        (true, true) => {
                            errors.push(format!("{here}: required and nullable"));
                            continue;
                        }
                    };
                    if presence != f.presence {
                        errors.push(format!(
                            "{here}: schema {presence:?}, table {:?}",
                            f.presence
                        ));
                    }
                    compare(root, inner, &f.kind, &here, errors);
                }
            }
            Kind::OneOf(variants) => {
                let alts = node.get("oneOf").and_then(Value::as_array);
                let Some(alts) = alts else {
                    errors.push(format!("{at}: schema has no oneOf"));
                    return;
                };
                if alts.len() != variants.len() {
                    errors.push(format!("{at}: {} alternatives in the schema", alts.len()));
                }
                for (name, k) in variants.iter() {
                    let alt = alts.iter().find(|a| {
                        a.pointer(&format!("/properties/{name}")).is_some()
                            && a.get("required") == Some(&serde_json::json!([name]))
                    });
                    match alt.and_then(|a| a.pointer(&format!("/properties/{name}"))) {
                        None => errors.push(format!("{at}/{name}: no such alternative")),
                        Some(n) => compare(root, n, k, &format!("{at}/{name}"), errors),
                    }
                }
            }
        }
    }

    #[test]
    fn table_matches_the_published_schema() {
        let path = format!(
            "{}/../schemas/record.schema.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let root: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert!(root.is_object(), "{path} is missing or not JSON");
        let mut errors = Vec::new();
        compare(&root, &root, &Kind::Obj(RECORD), "", &mut errors);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
