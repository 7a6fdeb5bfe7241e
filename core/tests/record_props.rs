//! Properties of canonical bytes and of the record reader:
//! * canonicalise(parse(canonicalise(x))) = canonicalise(x) for any JSON value;
//! * any single change to a record (a value changed, a member added or removed) changes its digest;
//! * the shape check and serde agree: a value passes the shape check exactly when it reads as a record.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use hocba_core::canonical::{canonical_bytes, jcs, record_digest};
use hocba_core::json::{read_value, Limits};
use hocba_core::record::model::Record;
use hocba_core::record::parse::record_from_value;
use hocba_core::record::{read_record_value, validate_value, ValidateError};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};
use unicode_normalization::UnicodeNormalization;

const BIG: Limits = Limits {
    max_bytes: 1 << 24,
    max_depth: 64,
    max_string_bytes: 1 << 20,
    max_items: 100_000,
};

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
        "[a-zđươăâêôạảãáàẹẻẽéèệểễếề ]{0,12}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn nfc_everywhere(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.nfc().collect()),
        Value::Array(a) => Value::Array(a.iter().map(nfc_everywhere).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.nfc().collect::<String>(), nfc_everywhere(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn example(name: &str) -> Value {
    let path = format!("{}/../examples/records/{name}", env!("CARGO_MANIFEST_DIR"));
    read_record_value(&std::fs::read(path).unwrap()).unwrap()
}

/// Pointers of every value (leaves and containers) of `v`.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}

fn all_pointers(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    pointers(v, String::new(), &mut out);
    out
}

/// A different value of the same JSON type.
fn changed(v: &Value) -> Value {
    match v {
        Value::Null => Value::Bool(false),
        Value::Bool(b) => Value::Bool(!b),
        Value::Number(n) => Value::from(n.as_i64().unwrap_or(0) + 1),
        Value::String(s) => Value::String(format!("{s}x")),
        Value::Array(a) => {
            let mut a = a.clone();
            a.push(Value::Null);
            Value::Array(a)
        }
        Value::Object(m) => {
            let mut m = m.clone();
            m.insert("zz_extra".into(), Value::Null);
            Value::Object(m)
        }
    }
}

fn parent_and_key(pointer: &str) -> (&str, String) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    (parent, key.replace("~1", "/").replace("~0", "~"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn canonical_form_is_a_fixed_point(v in json_value()) {
        let once = match jcs::to_vec(&v) {
            Ok(bytes) => bytes,
            // An integer no double holds exactly: refused, never changed.
            Err(e) => {
                prop_assert_eq!(e.code(), "canonical_number_out_of_range");
                return Ok(());
            }
        };
        let parsed = read_value(&once, BIG).unwrap();
        prop_assert_eq!(jcs::to_vec(&parsed).unwrap(), once.clone());
        // With NFC text the record canonicaliser agrees with plain JCS.
        let nfc = nfc_everywhere(&parsed);
        prop_assert_eq!(canonical_bytes(&nfc).unwrap(), jcs::to_vec(&nfc).unwrap());
    }

    #[test]
    fn any_single_change_changes_the_digest(which in any::<prop::sample::Index>(), remove in any::<bool>(),
                                            name in prop::sample::select(vec!["tt22-grade10.json", "tt27-grade4.json"])) {
        let record = example(name);
        let original = record_digest(&record).unwrap();
        let targets = all_pointers(&record);
        let target = targets[1 + which.index(targets.len() - 1)].clone();
        let mut edited = record.clone();
        let (parent, key) = parent_and_key(&target);
        if remove {
            match edited.pointer_mut(parent).unwrap() {
                Value::Object(m) => { m.remove(&key); }
                Value::Array(a) => { a.remove(key.parse::<usize>().unwrap()); }
                _ => unreachable!(),
            }
        } else {
            let slot = edited.pointer_mut(&target).unwrap();
            *slot = changed(slot);
        }
        prop_assert_ne!(record_digest(&edited).unwrap(), original, "{} {}", target, remove);
    }

    #[test]
    fn shape_check_and_serde_agree(which in any::<prop::sample::Index>(), replacement in leaf(), op in 0u8..3,
                                   name in prop::sample::select(vec!["tt22-grade10.json", "tt27-grade4.json", "tt22-grade10-v2.json"])) {
        let mut v = example(name);
        let targets = all_pointers(&v);
        let target = targets[1 + which.index(targets.len() - 1)].clone();
        let (parent, key) = parent_and_key(&target);
        match op {
            0 => *v.pointer_mut(&target).unwrap() = replacement,
            1 => match v.pointer_mut(parent).unwrap() {
                Value::Object(m) => { m.remove(&key); }
                Value::Array(a) => { a.remove(key.parse::<usize>().unwrap()); }
                _ => unreachable!(),
            },
            _ => if let Value::Object(m) = v.pointer_mut(parent).unwrap() {
                m.insert(format!("{key}_extra"), replacement);
            },
        }
        let serde_ok = serde_json::from_value::<Record>(v.clone()).is_ok();
        match record_from_value(&v) {
            Ok(_) => prop_assert!(serde_ok),
            Err(ValidateError::Shape { problems }) => {
                let codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
                prop_assert!(!codes.contains(&"json_structure"), "shape passed, serde refused: {:?}", problems);
                // Array limits are the shape's own (serde has none).
                if !codes.contains(&"too_many_items") {
                    prop_assert!(!serde_ok, "{} op {}: shape refused {:?}, serde read it", target, op, codes);
                }
            }
            Err(other) => prop_assert!(false, "{:?}", other),
        }
        // The bytes path never reports a shape that serde would refuse as anything but shape problems.
        prop_assert!(!validate_value(&v).iter().any(|p| p.code == "json_structure"));
    }
}
