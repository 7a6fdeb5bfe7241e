//! The input as it travels in JSON (`hocba.assess-input/1`): scores as decimal strings, levels as codes.
//!
//! [`check`] turns it into the typed [`AssessInput`], reporting **every** problem with the JSON pointer of
//! the value at fault, so a teacher fixing a class file sees all of them at once.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::error::{AssessError, Bound, TraitProblem};
use super::input::{
    AssessInput, Basis, Mark, PrimaryInput, PrimaryMark, PrimarySubject, PrincipalDecisions,
    RegimeInput, SecondaryInput, SecondarySubject, SemesterMarks, StudentRef, SupplementaryOutcome,
    TestScore, TimePoints,
};
use crate::levels::{Level, Pass, PromotionDecision, SubjectLevel, TraitLevel};
use crate::rules::catalogue::{
    primary_subjects, secondary_subjects, AssessmentForm, Coded, Competence, Enrolment, Quality,
    Subject, TestSchedule,
};
use crate::rules::config::RulesConfig;
use crate::rules::tt27::test_score::{score_of_record, TestScoreProblem};
use crate::rules::{regime_for, Regime};
use crate::school_year::{Grade, SchoolYear};
use crate::score::{parse_plain_decimal, Score, ScoreProblem};

/// Format tag of a single-student input.
pub const FORMAT: &str = "hocba.assess-input/1";
/// Most subjects in one input.
pub const MAX_SUBJECTS: usize = crate::rules::tt22::level::MAX_SUBJECTS;
/// Most qualities, or competences, in one input.
pub const MAX_TRAITS: usize = 16;
/// Most regular assessments per subject and semester.
pub const MAX_REGULAR: usize = 10;
/// Most characters in an identifier.
pub const MAX_ID_CHARS: usize = 64;
/// Most characters in a name.
pub const MAX_NAME_CHARS: usize = 200;
/// Most sessions of absence a year can hold (more is a typing error).
pub const MAX_ABSENCES: u16 = 400;

/// One student-year as written in JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawAssessInput {
    /// `hocba.assess-input/1` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Who.
    pub student: RawStudent,
    /// Grade 1–12.
    pub grade: i64,
    /// School year, `2024-2025`.
    pub school_year: String,
    /// TT22 results (grades 6–12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tt22: Option<RawSecondary>,
    /// TT27 results (grades 1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tt27: Option<RawPrimary>,
}

/// Student identification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawStudent {
    /// Student code.
    pub id: String,
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
}

/// TT22 results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSecondary {
    /// Subjects.
    pub subjects: Vec<RawSecondarySubject>,
    /// Conduct levels.
    #[serde(default)]
    pub conduct: RawConduct,
    /// Sessions absent in the year.
    #[serde(default)]
    pub absences: i64,
    /// The principal's decisions (students with disabilities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<RawPrincipal>,
}

/// One TT22 subject.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSecondarySubject {
    /// Subject code (`toan`, `ngu_van`, …).
    pub subject: String,
    /// `standard` (default), `reduced`, `iep`, `exempt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Semester I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk1: Option<RawSemester>,
    /// Semester II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk2: Option<RawSemester>,
    /// Summer retest score or re-assessment (`dat` / `chua_dat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retest: Option<String>,
}

/// One semester of a TT22 subject. Each mark is a score string (`"8.5"`), `dat` / `chua_dat` for comment
/// subjects, `pending_makeup` or `absent`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSemester {
    /// ĐĐGtx.
    #[serde(default)]
    pub regular: Vec<String>,
    /// ĐĐGgk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midterm: Option<String>,
    /// ĐĐGck.
    #[serde(default, rename = "final", skip_serializing_if = "Option::is_none")]
    pub final_exam: Option<String>,
    /// Exempted from the practical part (Điều 10).
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub exempt_practical: bool,
}

/// Conduct levels (`tot`, `kha`, `dat`, `chua_dat`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawConduct {
    /// Semester I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk1: Option<String>,
    /// Semester II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk2: Option<String>,
    /// Re-assessed after summer training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_summer: Option<String>,
}

/// Principal's decisions.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPrincipal {
    /// Learning level, semester I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_hk1: Option<String>,
    /// Learning level, semester II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_hk2: Option<String>,
    /// Learning level, year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_year: Option<String>,
    /// `len_lop` / `o_lai_lop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<String>,
}

/// TT27 results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPrimary {
    /// Subjects and activities.
    pub subjects: Vec<RawPrimarySubject>,
    /// The five qualities.
    #[serde(default)]
    pub qualities: Vec<RawTrait>,
    /// The competences.
    #[serde(default)]
    pub competences: Vec<RawTrait>,
    /// `hoan_thanh` / `chua_hoan_thanh` after the supplementary assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplementary: Option<String>,
    /// `len_lop` / `o_lai_lop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_decision: Option<String>,
    /// Outstanding achievement recognised by the class.
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub class_recognition: bool,
}

/// One TT27 subject.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPrimarySubject {
    /// Subject code.
    pub subject: String,
    /// Giữa học kì I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghk1: Option<RawPrimaryMark>,
    /// Cuối học kì I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chk1: Option<RawPrimaryMark>,
    /// Giữa học kì II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghk2: Option<RawPrimaryMark>,
    /// Cuối năm học.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cn: Option<RawPrimaryMark>,
}

/// A TT27 subject at one time point.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawPrimaryMark {
    /// `T` / `H` / `C` (or `hoan_thanh_tot`, `hoan_thanh`, `chua_hoan_thanh`).
    pub level: String,
    /// Periodic test total, `"9"` or `"8.5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<String>,
    /// Another test set by the teacher; the last test is the one recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retest: Option<String>,
}

/// A quality or competence at the four time points (`T` / `Đ` / `C`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawTrait {
    /// Code (`yeu_nuoc`, `tu_chu_tu_hoc`, …).
    pub code: String,
    /// Giữa học kì I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghk1: Option<String>,
    /// Cuối học kì I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chk1: Option<String>,
    /// Giữa học kì II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghk2: Option<String>,
    /// Cuối năm học.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cn: Option<String>,
}

/// Format tag of a class file.
pub const CLASS_FORMAT: &str = "hocba.class-input/1";

/// A class file: several students of one class.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawClassInput {
    /// `hocba.class-input/1` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Class name, e.g. `10A1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// School name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// Students.
    pub students: Vec<RawAssessInput>,
}

/// A JSON pointer built only when a problem is reported: checking a valid input allocates no pointer.
struct LazyPointer<F: Fn() -> String>(F);

impl<F: Fn() -> String> core::fmt::Display for LazyPointer<F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&(self.0)())
    }
}

/// Collects problems while checking.
struct Checker<'a> {
    errors: Vec<AssessError>,
    config: &'a RulesConfig,
}

impl Checker<'_> {
    fn push(&mut self, e: AssessError) {
        self.errors.push(e);
    }

    fn text(&mut self, pointer: &str, value: &str, max: usize) {
        if value.chars().count() > max || value.trim().is_empty() {
            self.push(AssessError::OutOfBounds {
                pointer: pointer.into(),
                bound: Bound::TextChars,
                limit: max,
            });
        }
    }

    fn level(&mut self, pointer: &str, value: Option<&String>) -> Option<Level> {
        let v = value?;
        let parsed = Level::parse(v);
        if parsed.is_none() {
            self.push(AssessError::InvalidMark {
                pointer: pointer.into(),
                value: v.clone(),
                expected: Level::EXPECTED,
            });
        }
        parsed
    }

    fn decision(&mut self, pointer: &str, value: Option<&String>) -> Option<PromotionDecision> {
        let v = value?;
        let parsed = PromotionDecision::parse(v);
        if parsed.is_none() {
            self.push(AssessError::InvalidMark {
                pointer: pointer.into(),
                value: v.clone(),
                expected: PromotionDecision::EXPECTED,
            });
        }
        parsed
    }

    fn score(&mut self, pointer: &dyn Fn() -> String, value: &str) -> Option<Score> {
        match Score::parse(value) {
            Ok(s) => Some(s),
            Err(p) => {
                let (pointer, value) = (pointer(), value.into());
                self.push(match p {
                    ScoreProblem::NotANumber => AssessError::ScoreNotANumber { pointer, value },
                    ScoreProblem::OutOfRange => AssessError::ScoreOutOfRange { pointer, value },
                    ScoreProblem::TooPrecise => AssessError::ScoreTooPrecise { pointer, value },
                });
                None
            }
        }
    }

    /// A TT22 mark of a subject of `form`.
    fn mark(
        &mut self,
        pointer: &dyn Fn() -> String,
        value: &str,
        subject: Subject,
        form: AssessmentForm,
    ) -> Option<Mark> {
        match value {
            "pending_makeup" => return Some(Mark::PendingMakeup),
            "absent" => return Some(Mark::Absent),
            _ => {}
        }
        match form {
            AssessmentForm::Score => {
                if Pass::parse(value).is_some() {
                    self.push(AssessError::WrongMarkKind {
                        pointer: pointer(),
                        subject,
                        expected: "score",
                    });
                    return None;
                }
                self.score(pointer, value).map(Mark::Score)
            }
            AssessmentForm::Comment => {
                if let Some(p) = Pass::parse(value) {
                    return Some(Mark::Comment(p));
                }
                if parse_plain_decimal(value).is_ok() {
                    self.push(AssessError::WrongMarkKind {
                        pointer: pointer(),
                        subject,
                        expected: "comment (dat/chua_dat)",
                    });
                } else {
                    self.push(AssessError::InvalidMark {
                        pointer: pointer(),
                        value: value.into(),
                        expected: "`dat` `chua_dat` `pending_makeup` `absent`",
                    });
                }
                None
            }
        }
    }

    fn missing(&mut self, pointer: String, component: &'static str) {
        self.push(AssessError::MissingComponent {
            pointer,
            component: Cow::Borrowed(component),
        });
    }
}

/// Checks a raw input and builds the typed one.
///
/// # Errors
/// Every problem found, each with its JSON pointer relative to the input object.
pub fn check(raw: &RawAssessInput, config: &RulesConfig) -> Result<AssessInput, Vec<AssessError>> {
    let mut c = Checker {
        errors: Vec::new(),
        config,
    };
    if let Some(f) = &raw.format {
        if f != FORMAT {
            c.push(AssessError::UnsupportedFormat {
                pointer: "/format".into(),
                found: f.clone(),
                expected: FORMAT,
            });
        }
    }
    check_into(c, RawInputRef::of(raw))
}

/// An assessment input borrowed from a larger document (a `hocba.record/1` holds the same `grade`,
/// `school_year`, `tt22` / `tt27` members at its top level, so the pointers are the same).
#[derive(Debug, Clone, Copy)]
pub struct RawInputRef<'a> {
    /// Student code (reported at `/student/id`).
    pub student_id: &'a str,
    /// Full name (reported at `/student/full_name`).
    pub full_name: Option<&'a str>,
    /// Grade.
    pub grade: i64,
    /// School year.
    pub school_year: &'a str,
    /// TT22 section.
    pub tt22: Option<&'a RawSecondary>,
    /// TT27 section.
    pub tt27: Option<&'a RawPrimary>,
}

impl<'a> RawInputRef<'a> {
    /// Borrows a whole input.
    #[must_use]
    pub fn of(raw: &'a RawAssessInput) -> Self {
        RawInputRef {
            student_id: &raw.student.id,
            full_name: raw.student.full_name.as_deref(),
            grade: raw.grade,
            school_year: &raw.school_year,
            tt22: raw.tt22.as_ref(),
            tt27: raw.tt27.as_ref(),
        }
    }
}

/// Checks a borrowed input, as [`check`] does (without the format tag).
///
/// # Errors
/// Every problem found, each with its JSON pointer relative to the input object.
pub fn check_ref(
    raw: RawInputRef<'_>,
    config: &RulesConfig,
) -> Result<AssessInput, Vec<AssessError>> {
    check_into(
        Checker {
            errors: Vec::new(),
            config,
        },
        raw,
    )
}

fn check_into(mut c: Checker<'_>, raw: RawInputRef<'_>) -> Result<AssessInput, Vec<AssessError>> {
    c.text("/student/id", raw.student_id, MAX_ID_CHARS);
    if let Some(name) = raw.full_name {
        c.text("/student/full_name", name, MAX_NAME_CHARS);
    }
    let grade = u8::try_from(raw.grade).ok().and_then(Grade::new);
    if grade.is_none() {
        c.push(AssessError::InvalidGrade {
            pointer: "/grade".into(),
            grade: raw.grade,
        });
    }
    let year = raw.school_year.parse::<SchoolYear>().ok();
    if year.is_none() {
        c.push(AssessError::InvalidSchoolYear {
            pointer: "/school_year".into(),
            value: raw.school_year.into(),
        });
    }
    let (Some(grade), Some(year)) = (grade, year) else {
        return Err(c.errors);
    };
    let regime = regime_for(grade, year);
    let details = match (regime, raw.tt22, raw.tt27) {
        (Regime::Tt22, Some(s), None) => secondary(&mut c, grade, s).map(RegimeInput::Tt22),
        (Regime::Tt27, None, Some(p)) => primary(&mut c, grade, p).map(RegimeInput::Tt27),
        (Regime::Tt22 | Regime::Tt27, _, _) => {
            c.push(AssessError::RegimeSectionMismatch {
                pointer: String::new(),
                grade: grade.number(),
                school_year: format!("{year}"),
                expected: regime,
            });
            None
        }
        (other, _, _) => {
            c.push(AssessError::UnsupportedRegime {
                pointer: "/school_year".into(),
                grade: grade.number(),
                school_year: format!("{year}"),
                regime: other,
            });
            None
        }
    };
    match details {
        Some(details) if c.errors.is_empty() => Ok(AssessInput {
            student: StudentRef {
                id: raw.student_id.into(),
                full_name: raw.full_name.map(Into::into),
            },
            grade,
            school_year: year,
            details,
        }),
        _ => Err(c.errors),
    }
}

/// Resolves subject codes against the grade's catalogue: unknown, duplicated and missing subjects.
fn resolve<'s, T: Copy>(
    c: &mut Checker<'_>,
    base: &str,
    grade: Grade,
    codes: impl Iterator<Item = &'s str>,
    catalogue: &[(Subject, Enrolment, T)],
) -> Vec<Option<T>> {
    let mut seen: Vec<(Subject, usize)> = Vec::new();
    let mut out = Vec::new();
    for (i, code) in codes.enumerate() {
        let pointer = LazyPointer(|| format!("{base}/subjects/{i}/subject"));
        let found = code
            .parse::<Subject>()
            .ok()
            .and_then(|s| catalogue.iter().find(|(cs, _, _)| *cs == s));
        match found {
            None => {
                c.push(AssessError::UnknownSubject {
                    pointer: pointer.to_string(),
                    subject: code.into(),
                    grade: grade.number(),
                });
                out.push(None);
            }
            Some(&(subject, _, spec)) => {
                if let Some(&(_, first)) = seen.iter().find(|(s, _)| *s == subject) {
                    c.push(AssessError::DuplicateSubject {
                        pointer: pointer.to_string(),
                        subject,
                        first: format!("{base}/subjects/{first}/subject"),
                    });
                    out.push(None);
                } else {
                    seen.push((subject, i));
                    out.push(Some(spec));
                }
            }
        }
    }
    for &(subject, enrolment, _) in catalogue {
        if enrolment == Enrolment::Compulsory && !seen.iter().any(|(s, _)| *s == subject) {
            c.push(AssessError::MissingSubject {
                pointer: format!("{base}/subjects"),
                subject,
            });
        }
    }
    out
}

fn secondary(c: &mut Checker<'_>, grade: Grade, raw: &RawSecondary) -> Option<SecondaryInput> {
    if raw.subjects.len() > MAX_SUBJECTS {
        c.push(AssessError::OutOfBounds {
            pointer: "/tt22/subjects".into(),
            bound: Bound::Subjects,
            limit: MAX_SUBJECTS,
        });
        return None;
    }
    let catalogue: Vec<_> = secondary_subjects(grade)
        .iter()
        .map(|s| (s.subject, s.enrolment, *s))
        .collect();
    let specs = resolve(
        c,
        "/tt22",
        grade,
        raw.subjects.iter().map(|s| s.subject.as_str()),
        &catalogue,
    );
    let thpt = grade.number() >= 10;
    let mut subjects = Vec::with_capacity(raw.subjects.len());
    for (i, (rs, spec)) in raw.subjects.iter().zip(specs).enumerate() {
        let Some(spec) = spec else { continue };
        let base = LazyPointer(|| format!("/tt22/subjects/{i}"));
        let basis = match rs.basis.as_deref() {
            None | Some("standard") => Basis::Standard,
            Some("reduced") => Basis::Reduced,
            Some("iep") => Basis::Iep,
            Some("exempt") => Basis::Exempt,
            Some(other) => {
                c.push(AssessError::InvalidMark {
                    pointer: format!("{base}/basis"),
                    value: other.into(),
                    expected: "`standard` `reduced` `iep` `exempt`",
                });
                Basis::Standard
            }
        };
        // Cụm chuyên đề học tập count as one more ĐĐGtx in THPT (spec §3.4).
        let required = spec.required_regular();
        let allowed = match spec.form {
            AssessmentForm::Score if thpt => required + 1,
            AssessmentForm::Score => required,
            AssessmentForm::Comment => MAX_REGULAR.min(4),
        };
        let mut semester = |term: &str, raw: Option<&RawSemester>| -> Option<SemesterMarks> {
            let r = raw?;
            let sp = LazyPointer(|| format!("{base}/{term}"));
            let n = r.regular.len();
            if basis != Basis::Exempt {
                if n < required {
                    c.push(AssessError::TooFewRegular {
                        pointer: format!("{sp}/regular"),
                        subject: spec.subject,
                        found: n,
                        required,
                    });
                } else if n > allowed {
                    c.push(AssessError::TooManyRegular {
                        pointer: format!("{sp}/regular"),
                        subject: spec.subject,
                        found: n,
                        allowed,
                    });
                }
            }
            let mut regular = Vec::with_capacity(n);
            for (j, v) in r.regular.iter().enumerate().take(MAX_REGULAR) {
                if let Some(m) = c.mark(&|| format!("{sp}/regular/{j}"), v, spec.subject, spec.form)
                {
                    regular.push(m);
                }
            }
            let midterm = match &r.midterm {
                Some(v) => c.mark(&|| format!("{sp}/midterm"), v, spec.subject, spec.form),
                None => {
                    c.missing(format!("{sp}/midterm"), "midterm assessment (ĐĐGgk)");
                    None
                }
            };
            let final_exam = match &r.final_exam {
                Some(v) => c.mark(&|| format!("{sp}/final"), v, spec.subject, spec.form),
                None => {
                    c.missing(format!("{sp}/final"), "final assessment (ĐĐGck)");
                    None
                }
            };
            if r.exempt_practical && !matches!(spec.subject, Subject::Gdtc | Subject::Gdqpan) {
                c.push(AssessError::ExemptPracticalNotApplicable {
                    pointer: format!("{sp}/exempt_practical"),
                    subject: spec.subject,
                });
            }
            Some(SemesterMarks {
                regular,
                midterm: midterm?,
                final_exam: final_exam?,
                exempt_practical: r.exempt_practical,
            })
        };
        let hk1 = semester("hk1", rs.hk1.as_ref());
        let hk2 = semester("hk2", rs.hk2.as_ref());
        if hk2.is_some() && rs.hk1.is_none() && basis != Basis::Exempt {
            c.missing(format!("{base}/hk1"), "semester I results");
        }
        let retest = rs
            .retest
            .as_deref()
            .and_then(|v| c.mark(&|| format!("{base}/retest"), v, spec.subject, spec.form));
        if matches!(retest, Some(Mark::PendingMakeup | Mark::Absent)) {
            c.push(AssessError::InvalidMark {
                pointer: format!("{base}/retest"),
                value: rs.retest.clone().unwrap_or_default(),
                expected: "a score, `dat` or `chua_dat`",
            });
        }
        subjects.push(SecondarySubject {
            spec,
            basis,
            hk1,
            hk2,
            retest,
        });
    }
    let absences = match u16::try_from(raw.absences) {
        Ok(a) if a <= MAX_ABSENCES => a,
        _ => {
            c.push(AssessError::OutOfBounds {
                pointer: "/tt22/absences".into(),
                bound: Bound::Absences,
                limit: usize::from(MAX_ABSENCES),
            });
            0
        }
    };
    let conduct_hk1 = c.level("/tt22/conduct/hk1", raw.conduct.hk1.as_ref());
    let conduct_hk2 = c.level("/tt22/conduct/hk2", raw.conduct.hk2.as_ref());
    let conduct_after_summer = c.level(
        "/tt22/conduct/after_summer",
        raw.conduct.after_summer.as_ref(),
    );
    let p = raw.principal.clone().unwrap_or_default();
    let principal = PrincipalDecisions {
        learning_hk1: c.level("/tt22/principal/learning_hk1", p.learning_hk1.as_ref()),
        learning_hk2: c.level("/tt22/principal/learning_hk2", p.learning_hk2.as_ref()),
        learning_year: c.level("/tt22/principal/learning_year", p.learning_year.as_ref()),
        promotion: c.decision("/tt22/principal/promotion", p.promotion.as_ref()),
    };
    Some(SecondaryInput {
        subjects,
        conduct_hk1,
        conduct_hk2,
        conduct_after_summer,
        absences,
        principal,
    })
}

fn primary(c: &mut Checker<'_>, grade: Grade, raw: &RawPrimary) -> Option<PrimaryInput> {
    if raw.subjects.len() > MAX_SUBJECTS {
        c.push(AssessError::OutOfBounds {
            pointer: "/tt27/subjects".into(),
            bound: Bound::Subjects,
            limit: MAX_SUBJECTS,
        });
        return None;
    }
    for (list, len) in [
        ("qualities", raw.qualities.len()),
        ("competences", raw.competences.len()),
    ] {
        if len > MAX_TRAITS {
            c.push(AssessError::OutOfBounds {
                pointer: format!("/tt27/{list}"),
                bound: Bound::Traits,
                limit: MAX_TRAITS,
            });
            return None;
        }
    }
    let catalogue: Vec<_> = primary_subjects(grade)
        .iter()
        .map(|s| (s.subject, s.enrolment, *s))
        .collect();
    let specs = resolve(
        c,
        "/tt27",
        grade,
        raw.subjects.iter().map(|s| s.subject.as_str()),
        &catalogue,
    );
    let mut subjects = Vec::with_capacity(raw.subjects.len());
    for (i, (rs, spec)) in raw.subjects.iter().zip(specs).enumerate() {
        let Some(spec) = spec else { continue };
        let base = LazyPointer(|| format!("/tt27/subjects/{i}"));
        let mut point = |term: &str,
                         tested: bool,
                         raw: Option<&RawPrimaryMark>|
         -> Option<PrimaryMark> {
            let r = raw?;
            let pp = LazyPointer(|| format!("{base}/{term}"));
            let level = SubjectLevel::parse(&r.level);
            if level.is_none() {
                c.push(AssessError::InvalidMark {
                    pointer: format!("{pp}/level"),
                    value: r.level.clone(),
                    expected: SubjectLevel::EXPECTED,
                });
            }
            let test = if tested {
                match &r.test {
                    None => {
                        c.missing(format!("{pp}/test"), "periodic test score");
                        None
                    }
                    Some(first) => {
                        let first = test_score(c, &|| format!("{pp}/test"), first, false);
                        match &r.retest {
                            // Another test was set: the last one is the score of record (spec §4.5).
                            Some(again) => test_score(c, &|| format!("{pp}/retest"), again, true),
                            None => first,
                        }
                    }
                }
            } else {
                for (at, given) in [("test", &r.test), ("retest", &r.retest)] {
                    if given.is_some() {
                        c.push(AssessError::TestNotApplicable {
                            pointer: format!("{pp}/{at}"),
                            subject: spec.subject,
                        });
                    }
                }
                None
            };
            Some(PrimaryMark {
                level: level?,
                test,
            })
        };
        let end = spec.tests != TestSchedule::None;
        let mid = spec.tests == TestSchedule::EveryTimePoint;
        let marks = TimePoints {
            ghk1: point("ghk1", mid, rs.ghk1.as_ref()),
            chk1: point("chk1", end, rs.chk1.as_ref()),
            ghk2: point("ghk2", mid, rs.ghk2.as_ref()),
            cn: point("cn", end, rs.cn.as_ref()),
        };
        subjects.push(PrimarySubject { spec, marks });
    }
    let qualities = traits(c, "/tt27/qualities", &raw.qualities, Quality::ALL, |_| true);
    let competences = traits(
        c,
        "/tt27/competences",
        &raw.competences,
        Competence::ALL,
        |k| k.required_in(grade),
    );
    // The end-of-year result needs every CN value: all present or all absent.
    let cn_given = subjects.iter().filter(|s| s.marks.cn.is_some()).count()
        + qualities.iter().filter(|(_, l)| l.cn.is_some()).count()
        + competences.iter().filter(|(_, l)| l.cn.is_some()).count();
    let cn_total = subjects.len() + qualities.len() + competences.len();
    if cn_given > 0 && cn_given < cn_total {
        for (i, s) in raw.subjects.iter().enumerate() {
            if s.cn.is_none() {
                c.missing(
                    format!("/tt27/subjects/{i}/cn"),
                    "end-of-year assessment of every subject",
                );
            }
        }
        for (list, raws) in [
            ("qualities", &raw.qualities),
            ("competences", &raw.competences),
        ] {
            for (i, t) in raws.iter().enumerate() {
                if t.cn.is_none() {
                    c.missing(
                        format!("/tt27/{list}/{i}/cn"),
                        "end-of-year assessment of every subject",
                    );
                }
            }
        }
    }
    let supplementary = match raw.supplementary.as_deref().map(SubjectLevel::parse) {
        None => None,
        Some(Some(SubjectLevel::HoanThanh)) => Some(SupplementaryOutcome::HoanThanh),
        Some(Some(SubjectLevel::ChuaHoanThanh)) => Some(SupplementaryOutcome::ChuaHoanThanh),
        Some(_) => {
            c.push(AssessError::InvalidMark {
                pointer: "/tt27/supplementary".into(),
                value: raw.supplementary.clone().unwrap_or_default(),
                expected: "`hoan_thanh` `chua_hoan_thanh`",
            });
            None
        }
    };
    let principal_decision =
        c.decision("/tt27/principal_decision", raw.principal_decision.as_ref());
    Some(PrimaryInput {
        subjects,
        qualities,
        competences,
        supplementary,
        principal_decision,
        class_recognition: raw.class_recognition,
    })
}

fn test_score(
    c: &mut Checker<'_>,
    pointer: &dyn Fn() -> String,
    value: &str,
    retaken: bool,
) -> Option<TestScore> {
    let invalid = |c: &mut Checker<'_>| {
        c.push(AssessError::InvalidTestScore {
            pointer: pointer(),
            value: value.into(),
        });
        None
    };
    let Ok(d) = parse_plain_decimal(value) else {
        return invalid(c);
    };
    let hundredths = d * rust_decimal::Decimal::ONE_HUNDRED;
    if !hundredths.fract().is_zero() || d.is_sign_negative() && !d.is_zero() {
        return invalid(c);
    }
    let Ok(raw) = u16::try_from(hundredths.normalize().mantissa()) else {
        return invalid(c);
    };
    match score_of_record(raw, c.config.primary_test_rounding) {
        Ok(score) => Some(TestScore {
            score,
            raw_hundredths: raw,
            retaken,
        }),
        Err(TestScoreProblem::Invalid | TestScoreProblem::Fractional) => invalid(c),
    }
}

fn traits<K: Coded + PartialEq + core::str::FromStr>(
    c: &mut Checker<'_>,
    base: &str,
    raws: &[RawTrait],
    all: &[K],
    required: impl Fn(K) -> bool,
) -> Vec<(K, TimePoints<TraitLevel>)> {
    let mut out: Vec<(K, TimePoints<TraitLevel>)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let Ok(k) = r.code.parse::<K>() else {
            c.push(AssessError::InvalidTrait {
                pointer: format!("{base}/{i}/code"),
                code: r.code.clone(),
                problem: TraitProblem::Unknown,
            });
            continue;
        };
        if out.iter().any(|(seen, _)| *seen == k) {
            c.push(AssessError::InvalidTrait {
                pointer: format!("{base}/{i}/code"),
                code: r.code.clone(),
                problem: TraitProblem::Duplicate,
            });
            continue;
        }
        let mut level = |term: &str, v: Option<&String>| -> Option<TraitLevel> {
            let v = v?;
            let parsed = TraitLevel::parse(v);
            if parsed.is_none() {
                c.push(AssessError::InvalidMark {
                    pointer: format!("{base}/{i}/{term}"),
                    value: v.clone(),
                    expected: TraitLevel::EXPECTED,
                });
            }
            parsed
        };
        let levels = TimePoints {
            ghk1: level("ghk1", r.ghk1.as_ref()),
            chk1: level("chk1", r.chk1.as_ref()),
            ghk2: level("ghk2", r.ghk2.as_ref()),
            cn: level("cn", r.cn.as_ref()),
        };
        out.push((k, levels));
    }
    for &k in all {
        if required(k) && !out.iter().any(|(seen, _)| *seen == k) {
            c.push(AssessError::InvalidTrait {
                pointer: base.into(),
                code: k.code().into(),
                problem: TraitProblem::Missing,
            });
        }
    }
    out
}
