//! Reading the assessment input's types from a JSON value tree ([`crate::json::typed`], decisions D-92).

use super::raw::{
    RawAssessInput, RawClassInput, RawConduct, RawPrimary, RawPrimaryMark, RawPrimarySubject,
    RawPrincipal, RawSecondary, RawSecondarySubject, RawSemester, RawStudent, RawTrait,
};
use crate::json::typed::json_struct;

json_struct!(RawAssessInput {
    format: opt "format",
    student: req "student",
    grade: req "grade",
    school_year: req "school_year",
    tt22: opt "tt22",
    tt27: opt "tt27",
});

json_struct!(RawStudent {
    id: req "id",
    full_name: opt "full_name",
});

json_struct!(RawSecondary {
    subjects: req "subjects",
    conduct: or_default "conduct",
    absences: or_default "absences",
    principal: opt "principal",
});

json_struct!(RawSecondarySubject {
    subject: req "subject",
    basis: opt "basis",
    hk1: opt "hk1",
    hk2: opt "hk2",
    retest: opt "retest",
});

json_struct!(RawSemester {
    regular: or_default "regular",
    midterm: opt "midterm",
    final_exam: opt "final",
    exempt_practical: or_default "exempt_practical",
});

json_struct!(RawConduct {
    hk1: opt "hk1",
    hk2: opt "hk2",
    after_summer: opt "after_summer",
});

json_struct!(RawPrincipal {
    learning_hk1: opt "learning_hk1",
    learning_hk2: opt "learning_hk2",
    learning_year: opt "learning_year",
    promotion: opt "promotion",
});

json_struct!(RawPrimary {
    subjects: req "subjects",
    qualities: or_default "qualities",
    competences: or_default "competences",
    supplementary: opt "supplementary",
    principal_decision: opt "principal_decision",
    class_recognition: or_default "class_recognition",
});

json_struct!(RawPrimarySubject {
    subject: req "subject",
    ghk1: opt "ghk1",
    chk1: opt "chk1",
    ghk2: opt "ghk2",
    cn: opt "cn",
});

json_struct!(RawPrimaryMark {
    level: req "level",
    test: opt "test",
    retest: opt "retest",
});

json_struct!(RawTrait {
    code: req "code",
    ghk1: opt "ghk1",
    chk1: opt "chk1",
    ghk2: opt "ghk2",
    cn: opt "cn",
});

json_struct!(RawClassInput {
    format: opt "format",
    class: opt "class",
    school: opt "school",
    students: req "students",
});
