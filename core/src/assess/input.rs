//! The checked input of an assessment: every value is already of its legal domain, so the rules never
//! re-validate. Build it from JSON with [`crate::assess::raw`] (which reports every problem with its
//! JSON pointer) or directly from Rust.

use alloc::string::String;
use alloc::vec::Vec;

use crate::levels::{Level, Pass, PromotionDecision, SubjectLevel, TraitLevel};
use crate::rules::catalogue::{Competence, PrimarySubjectSpec, Quality, SubjectSpec};
use crate::school_year::{Grade, SchoolYear};
use crate::score::Score;

/// One student's school year to assess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessInput {
    /// Who.
    pub student: StudentRef,
    /// Grade (1–12).
    pub grade: Grade,
    /// School year.
    pub school_year: SchoolYear,
    /// The regime-specific results.
    pub details: RegimeInput,
}

/// Identifies the student in outputs; not used by the rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StudentRef {
    /// The school's or MOET's student code.
    pub id: String,
    /// Full name, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
}

/// Inputs under TT22 or TT27.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegimeInput {
    /// Grades 6–12.
    Tt22(SecondaryInput),
    /// Grades 1–5.
    Tt27(PrimaryInput),
}

/// One assessment entry of a TT22 subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A score (score subjects).
    Score(Score),
    /// Đạt / Chưa đạt (comment subjects).
    Comment(Pass),
    /// Missed for a valid reason; a make-up assessment is still to come (Điều 7).
    PendingMakeup,
    /// Missed without a make-up: recorded as 0 or Chưa đạt (Điều 7).
    Absent,
}

/// On what basis a subject is assessed (Điều 10–11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Like every student.
    #[default]
    Standard,
    /// Inclusive education with reduced requirements; computed like `standard`.
    Reduced,
    /// Against the individual education plan (IEP): the level needs the principal's decision.
    Iep,
    /// Exempted: not assessed; the level needs the principal's decision.
    Exempt,
}

/// One semester of one TT22 subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemesterMarks {
    /// ĐĐGtx in order.
    pub regular: Vec<Mark>,
    /// ĐĐGgk.
    pub midterm: Mark,
    /// ĐĐGck.
    pub final_exam: Mark,
    /// Exempted from the practical part (Điều 10): shown on the học bạ, no change to formulas.
    pub exempt_practical: bool,
}

/// One TT22 subject of the student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecondarySubject {
    /// The subject as the grade's programme defines it.
    pub spec: SubjectSpec,
    /// Assessment basis.
    pub basis: Basis,
    /// Semester I, when entered.
    pub hk1: Option<SemesterMarks>,
    /// Semester II, when entered.
    pub hk2: Option<SemesterMarks>,
    /// Summer retest score or re-assessment level (Điều 14), when one took place.
    pub retest: Option<Mark>,
}

/// The principal's decisions for a student with a disability (Điều 11, Điều 12 khoản 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrincipalDecisions {
    /// Learning level of semester I.
    pub learning_hk1: Option<Level>,
    /// Learning level of semester II.
    pub learning_hk2: Option<Level>,
    /// Learning level of the year.
    pub learning_year: Option<Level>,
    /// Promotion.
    pub promotion: Option<PromotionDecision>,
}

/// TT22 inputs of one student-year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecondaryInput {
    /// Subjects, in the order of the input.
    pub subjects: Vec<SecondarySubject>,
    /// Conduct of semester I (human judgement, Điều 8).
    pub conduct_hk1: Option<Level>,
    /// Conduct of semester II.
    pub conduct_hk2: Option<Level>,
    /// Conduct re-assessed after summer training (Điều 13 khoản 3).
    pub conduct_after_summer: Option<Level>,
    /// Sessions absent in the year, excused or not (Điều 12 khoản 1 điểm c).
    pub absences: u16,
    /// Decisions of the principal.
    pub principal: PrincipalDecisions,
}

/// Values at the four TT27 time points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimePoints<T> {
    /// Giữa học kì I.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ghk1: Option<T>,
    /// Cuối học kì I.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chk1: Option<T>,
    /// Giữa học kì II.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ghk2: Option<T>,
    /// Cuối năm học.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cn: Option<T>,
}

/// A periodic test result (TT27 Điều 7 khoản 1 điểm c).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TestScore {
    /// The score of record, a whole number 0–10.
    pub score: u8,
    /// The raw total in hundredths when it had a fractional part (rounded per the configuration).
    #[serde(skip)]
    pub raw_hundredths: u16,
    /// The score comes from another test the teacher set (the last test is the one recorded).
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub retaken: bool,
}

/// A subject at one TT27 time point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrimaryMark {
    /// T / H / C.
    pub level: SubjectLevel,
    /// The periodic test, for the subjects and time points that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test: Option<TestScore>,
}

/// One TT27 subject or activity of the pupil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimarySubject {
    /// The subject as the grade's programme defines it.
    pub spec: PrimarySubjectSpec,
    /// Its marks.
    pub marks: TimePoints<PrimaryMark>,
}

/// Outcome of a supplementary assessment (TT27 Điều 11 khoản 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupplementaryOutcome {
    /// Completed after support.
    HoanThanh,
    /// Still not completed.
    ChuaHoanThanh,
}

/// TT27 inputs of one pupil-year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryInput {
    /// Subjects and activities.
    pub subjects: Vec<PrimarySubject>,
    /// The five qualities.
    pub qualities: Vec<(Quality, TimePoints<TraitLevel>)>,
    /// The competences.
    pub competences: Vec<(Competence, TimePoints<TraitLevel>)>,
    /// Supplementary assessment after a Chưa hoàn thành year.
    pub supplementary: Option<SupplementaryOutcome>,
    /// The principal's decision when the pupil still has not completed the grade.
    pub principal_decision: Option<PromotionDecision>,
    /// Outstanding achievement recognised by the class (TT27 Điều 13 khoản 1 điểm a, second title).
    pub class_recognition: bool,
}
