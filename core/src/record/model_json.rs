//! Reading the record's types from a JSON value tree ([`crate::json::typed`], decisions D-92).

use serde_json::Value;

use super::model::{
    AuditAction, AuditEntry, Award, Class, Comments, Lifecycle, Principal, Record, RecordStatus,
    School, Sex, Stated, StatedLearning, StatedPrimary, StatedPrimarySubject, StatedSecondary,
    StatedSubject, Student, SubjectComment, Supersedes, TraitComment,
};
use crate::json::typed::{
    invalid_type, json_struct, json_unit_enum, FromJson, Location, Read, ShapeError,
};

json_struct!(Record {
    format: req "format",
    record_id: req "record_id",
    version: req "version",
    supersedes: opt "supersedes",
    student: req "student",
    school: req "school",
    school_year: req "school_year",
    grade: req "grade",
    class: req "class",
    principal: req "principal",
    rules_config: opt "rules_config",
    tt22: opt "tt22",
    tt27: opt "tt27",
    stated: req "stated",
    comments: or_default "comments",
    awards: or_default "awards",
    lifecycle: req "lifecycle",
});

json_struct!(Supersedes {
    record_id: req "record_id",
    digest: req "digest",
    reason: req "reason",
});

json_struct!(Student {
    full_name: req "full_name",
    date_of_birth: req "date_of_birth",
    sex: req "sex",
    ethnicity: req "ethnicity",
    nationality: req "nationality",
    place_of_birth: req "place_of_birth",
    personal_id: opt "personal_id",
    moet_code: req "moet_code",
});

json_struct!(School {
    code: req "code",
    name: req "name",
    commune: req "commune",
    province: req "province",
});

json_struct!(Class {
    name: req "name",
    teacher: req "teacher",
});

json_struct!(Principal {
    name: req "name",
});

json_struct!(StatedSecondary {
    subjects: or_default "subjects",
    learning: or_default "learning",
    conduct_year: opt "conduct_year",
    promotion: opt "promotion",
    title: opt "title",
    programme_completed: opt "programme_completed",
});

json_struct!(StatedSubject {
    subject: req "subject",
    hk1: opt "hk1",
    hk2: opt "hk2",
    year: opt "year",
    retest: opt "retest",
});

json_struct!(StatedLearning {
    hk1: opt "hk1",
    hk2: opt "hk2",
    year: opt "year",
    year_after_retest: opt "year_after_retest",
});

json_struct!(StatedPrimary {
    subjects: or_default "subjects",
    result: opt "result",
    completion: opt "completion",
    programme_completed: opt "programme_completed",
    title: opt "title",
});

json_struct!(StatedPrimarySubject {
    subject: req "subject",
    test: req "test",
});

json_struct!(Comments {
    subjects: or_default "subjects",
    qualities: or_default "qualities",
    competences: or_default "competences",
    class_teacher: opt "class_teacher",
});

json_struct!(SubjectComment {
    subject: req "subject",
    teacher: opt "teacher",
    text: req "text",
});

json_struct!(TraitComment {
    code: req "code",
    text: req "text",
});

json_struct!(Award {
    name: req "name",
    issuer: opt "issuer",
    date: opt "date",
});

json_struct!(AuditEntry {
    action: req "action",
    at: req "at",
    by: req "by",
    reason: opt "reason",
});

json_struct!(Lifecycle {
    status: req "status",
    locked_at: opt "locked_at",
    audit: or_default "audit",
});

json_unit_enum!(Sex { Nam "nam", Nu "nu" });

json_unit_enum!(RecordStatus { Draft "draft", Locked "locked" });

json_unit_enum!(AuditAction { Lock "lock", Unlock "unlock" });

/// Externally tagged, as serde writes it: `{"tt22": {…}}` or `{"tt27": {…}}`.
impl FromJson for Stated {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        const VARIANTS: &str = "`tt22` or `tt27`";
        match value {
            Value::Object(map) => match map.iter().next() {
                Some((key, inner)) if map.len() == 1 => {
                    let inner_at = Location::Key(at, key);
                    match key.as_str() {
                        "tt22" => StatedSecondary::from_json(inner, &inner_at).map(Stated::Tt22),
                        "tt27" => StatedPrimary::from_json(inner, &inner_at).map(Stated::Tt27),
                        other => Err(ShapeError::new(
                            at,
                            alloc::format!("unknown variant `{other}`, expected {VARIANTS}"),
                        )),
                    }
                }
                _ => Err(ShapeError::new(
                    at,
                    "invalid value: map, expected map with a single key".into(),
                )),
            },
            Value::String(s) if s == "tt22" || s == "tt27" => Err(ShapeError::new(
                at,
                "invalid type: unit variant, expected newtype variant".into(),
            )),
            Value::String(s) => Err(ShapeError::new(
                at,
                alloc::format!("unknown variant `{s}`, expected {VARIANTS}"),
            )),
            other => Err(invalid_type(other, "string or map", at)),
        }
    }
}
