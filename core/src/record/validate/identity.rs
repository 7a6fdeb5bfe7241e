//! Identity: the record's id and version, the student, the school, the class and the principal.

use alloc::format;
use alloc::string::ToString;

use super::Problems;
use crate::record::identifiers::{century_sex_digit, is_code, is_sha256_hex, Date, PersonalId};
use crate::record::model::{Record, RECORD_FORMAT};
use crate::record::problem::{PersonalIdPart, ProblemKind};
use crate::record::text::{MAX_COMMENT_CHARS, MAX_NAME_CHARS, MAX_SHORT_CHARS};
use crate::school_year::SchoolYear;

/// The youngest and oldest usual ages (by year of birth) in grade `g`: `g + 4` to `g + 10`. Grade 1 starts
/// in the year a child turns 6; the margin covers early and late starts, repeated years and the
/// allowances for students with disabilities.
const AGE_BELOW_GRADE: i64 = 4;
const AGE_ABOVE_GRADE: i64 = 10;

pub(super) fn check(r: &Record, year: Option<SchoolYear>, p: &mut Problems) {
    if r.format != RECORD_FORMAT {
        p.push(
            "/format",
            ProblemKind::InvalidCode {
                value: r.format.clone(),
                expected: "`hocba.record/1`",
            },
        );
    }
    // The id is compared only when its parts are valid: a bad part is reported once, where it is.
    let parts_valid = year.is_some() && is_code(&r.school.code) && is_code(&r.student.moet_code);
    if r.version < 1 {
        p.push("/version", ProblemKind::InvalidVersion { value: r.version });
    } else if parts_valid {
        let expected = r.expected_record_id();
        if r.record_id != expected {
            p.push(
                "/record_id",
                ProblemKind::RecordIdMismatch {
                    found: r.record_id.clone(),
                    expected,
                },
            );
        }
    }
    supersedes(r, p);
    student(r, year, p);
    let s = &r.school;
    if !is_code(&s.code) {
        p.push(
            "/school/code",
            ProblemKind::InvalidSchoolCode {
                value: s.code.clone(),
            },
        );
    }
    p.line("/school/name", &s.name, MAX_NAME_CHARS);
    p.line("/school/commune", &s.commune, MAX_NAME_CHARS);
    p.line("/school/province", &s.province, MAX_NAME_CHARS);
    p.line("/class/name", &r.class.name, MAX_SHORT_CHARS);
    p.line("/class/teacher", &r.class.teacher, MAX_NAME_CHARS);
    p.line("/principal/name", &r.principal.name, MAX_NAME_CHARS);
}

fn supersedes(r: &Record, p: &mut Problems) {
    match (&r.supersedes, r.version) {
        (None, v) if v > 1 => p.push("/supersedes", ProblemKind::SupersedesMissing),
        (Some(_), 1) => p.push("/supersedes", ProblemKind::SupersedesUnexpected),
        (Some(s), v) => {
            // Same student-year: the id differs only in its version, which must be older. A correction may
            // also fix the codes the id is built from; then only "not this very record" is checked.
            let stem = |id: &str| {
                id.rsplit_once(".v")
                    .map(|(stem, v)| (stem.to_string(), v.parse::<i64>().ok()))
            };
            let older = match (stem(&s.record_id), stem(&r.record_id)) {
                (Some((a, Some(va))), Some((b, _))) if a == b => va < v,
                _ => s.record_id != r.record_id,
            };
            if !older {
                p.push(
                    "/supersedes/record_id",
                    ProblemKind::SupersedesNotOlder {
                        record_id: s.record_id.clone(),
                    },
                );
            }
            if !is_sha256_hex(&s.digest) {
                p.push(
                    "/supersedes/digest",
                    ProblemKind::InvalidDigest {
                        value: s.digest.clone(),
                    },
                );
            }
            p.free("/supersedes/reason", &s.reason, MAX_COMMENT_CHARS);
        }
        (None, _) => {}
    }
}

fn student(r: &Record, year: Option<SchoolYear>, p: &mut Problems) {
    let st = &r.student;
    p.line("/student/full_name", &st.full_name, MAX_NAME_CHARS);
    p.line("/student/ethnicity", &st.ethnicity, MAX_SHORT_CHARS);
    p.line("/student/nationality", &st.nationality, MAX_SHORT_CHARS);
    p.line(
        "/student/place_of_birth",
        &st.place_of_birth,
        MAX_NAME_CHARS,
    );
    if !is_code(&st.moet_code) {
        p.push(
            "/student/moet_code",
            ProblemKind::InvalidStudentCode {
                value: st.moet_code.clone(),
            },
        );
    }
    let born = Date::parse(&st.date_of_birth);
    if born.is_none() {
        p.push(
            "/student/date_of_birth",
            ProblemKind::InvalidDate {
                value: st.date_of_birth.clone(),
            },
        );
    }
    if let (Some(born), Some(year)) = (born, year) {
        let start = Date::new(year.start(), 9, 1);
        if start.is_some_and(|s| born >= s) {
            p.push("/student/date_of_birth", ProblemKind::BirthAfterSchoolYear);
        } else {
            let age = i64::from(year.start()) - i64::from(born.year);
            if (1..=12).contains(&r.grade)
                && !(r.grade + AGE_BELOW_GRADE..=r.grade + AGE_ABOVE_GRADE).contains(&age)
            {
                p.push(
                    "/student/date_of_birth",
                    ProblemKind::ImplausibleAge {
                        age,
                        grade: r.grade,
                    },
                );
            }
        }
    }
    match &st.personal_id {
        None => {
            if st.nationality == "Việt Nam" {
                p.push("/student/personal_id", ProblemKind::PersonalIdMissing);
            }
        }
        Some(text) => match PersonalId::parse(text) {
            None => p.push(
                "/student/personal_id",
                ProblemKind::InvalidPersonalId {
                    value: text.clone(),
                },
            ),
            Some(id) => {
                if !id.province_known() {
                    p.push(
                        "/student/personal_id",
                        ProblemKind::PersonalIdProvince {
                            code: id.province().into(),
                        },
                    );
                }
                if let Some(born) = born {
                    let want = century_sex_digit(born.year, st.sex);
                    if id.century_sex_digit() != want {
                        p.push(
                            "/student/personal_id",
                            ProblemKind::PersonalIdMismatch {
                                part: PersonalIdPart::CenturyAndSex,
                                found: format!("{}", id.century_sex_digit()),
                                expected: format!("{want}"),
                            },
                        );
                    }
                    let yy = born.year % 100;
                    let digits = [b'0' + (yy / 10) as u8, b'0' + (yy % 10) as u8];
                    if id.year_digits().as_bytes() != digits {
                        p.push(
                            "/student/personal_id",
                            ProblemKind::PersonalIdMismatch {
                                part: PersonalIdPart::BirthYear,
                                found: id.year_digits().into(),
                                expected: format!("{yy:02}"),
                            },
                        );
                    }
                }
            }
        },
    }
}
