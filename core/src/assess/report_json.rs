//! The JSON every frontend prints for an assessment (feature `json`): the serialised result with each trace
//! step's rule and sentence in the chosen language, or the list of problems. One function, so the CLI, the
//! browser and the mobile bindings cannot drift apart.

use alloc::vec::Vec;

use serde_json::{json, Value};

use super::{AssessError, AssessErrors};
use crate::{Assessment, Lang};

/// The assessment as JSON, each trace step with `rule` and `message` (in `lang`).
#[must_use]
pub fn assessment_json(a: &Assessment, lang: Lang) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Some(steps) = v.get_mut("trace").and_then(Value::as_array_mut) {
        for (step, source) in steps.iter_mut().zip(&a.trace) {
            if let Some(obj) = step.as_object_mut() {
                obj.insert("rule".into(), Value::from(source.code.rule()));
                obj.insert("message".into(), Value::from(source.message(lang)));
            }
        }
    }
    v
}

/// One problem as `{code, pointer, message}`.
#[must_use]
pub fn error_json(e: &AssessError, lang: Lang) -> Value {
    json!({"code": e.code(), "pointer": e.pointer(), "message": e.message(lang)})
}

/// Every problem.
#[must_use]
pub fn errors_json(errors: &AssessErrors, lang: Lang) -> Value {
    Value::Array(
        errors
            .as_slice()
            .iter()
            .map(|e| error_json(e, lang))
            .collect::<Vec<_>>(),
    )
}

/// `{"ok": true, "assessment": …}` or `{"ok": false, "errors": […]}`.
#[must_use]
pub fn outcome_json(result: &Result<Assessment, AssessErrors>, lang: Lang) -> Value {
    match result {
        Ok(a) => json!({"ok": true, "assessment": assessment_json(a, lang)}),
        Err(e) => json!({"ok": false, "errors": errors_json(e, lang)}),
    }
}

/// Reads and assesses a single-student input or a class file from JSON bytes, giving the JSON every
/// frontend prints and whether every input was valid.
#[must_use]
pub fn assess_document_json(
    bytes: &[u8],
    config: &crate::RulesConfig,
    lang: Lang,
) -> (Value, bool) {
    use crate::json::{parse_assess_document, AssessDocument};
    match parse_assess_document(bytes) {
        Err(e) => (
            json!({"ok": false, "errors": [error_json(&e, lang)]}),
            false,
        ),
        Ok(AssessDocument::Student(raw)) => {
            let result = crate::assess_raw(&raw, config);
            (outcome_json(&result, lang), result.is_ok())
        }
        Ok(AssessDocument::Class(class)) => {
            let mut all_ok = true;
            let students: Vec<Value> = class
                .students
                .iter()
                .enumerate()
                .map(|(i, raw)| {
                    let result = crate::assess_raw(raw, config).map_err(|mut errs| {
                        for e in &mut errs.0 {
                            e.nest(&alloc::format!("/students/{i}"));
                        }
                        errs
                    });
                    all_ok &= result.is_ok();
                    outcome_json(&result, lang)
                })
                .collect();
            (
                json!({"ok": all_ok, "class": class.class, "school": class.school, "students": students}),
                all_ok,
            )
        }
    }
}
