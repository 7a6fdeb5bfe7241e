//! The record `hocba.record/1`: one student × one school year, everything the paper học bạ holds
//! (TT22 Phụ lục, `spec/rules.md` §3.14; TT27 Phụ lục 1, §4.11) plus its lifecycle (§7.4–7.5).
//!
//! The assessment data are the sections `tt22` / `tt27` of `hocba.assess-input/1`, unchanged, beside
//! `grade` and `school_year` at the top level, so a record is an assessment input with identity, stated
//! results, comments and lifecycle around it, and the engine's JSON pointers are the record's.
//!
//! Like the assessment input, values that have a domain (dates, codes, stated results) are held as the
//! strings of the file and checked by [`crate::record::validate`], which reports every problem with its
//! JSON pointer; only closed vocabularies of the record itself (sex, lifecycle status, audit actions) are
//! Rust enums.

use alloc::string::String;
use alloc::vec::Vec;

use crate::assess::raw::{RawPrimary, RawSecondary};
use crate::rules::config::RulesConfig;

/// Format tag of a record.
pub const RECORD_FORMAT: &str = "hocba.record/1";

/// One student's school year, as issued by the school.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "hocba.record/1"))]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always `hocba.record/1`.
    pub format: String,
    /// `{school code}.{school year}.{MOET student code}.v{version}`, e.g.
    /// `79000701.2024-2025.7900123456.v1`.
    pub record_id: String,
    /// 1 for the first issue; each correction is a new record with the next version.
    pub version: i64,
    /// The record this version corrects (required from version 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Supersedes>,
    /// Who.
    pub student: Student,
    /// Where.
    pub school: School,
    /// School year, `2024-2025`.
    pub school_year: String,
    /// Grade 1–12.
    pub grade: i64,
    /// Class and class teacher (GVCN).
    pub class: Class,
    /// The principal (Hiệu trưởng) or the deputy who approves the year.
    pub principal: Principal,
    /// The interpretation switches the school's software used; the defaults when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_config: Option<RulesConfig>,
    /// TT22 assessment data (grades 6–12), as in `hocba.assess-input/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tt22: Option<RawSecondary>,
    /// TT27 assessment data (grades 1–5), as in `hocba.assess-input/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tt27: Option<RawPrimary>,
    /// The results the school states (what the học bạ prints); each must equal the engine's.
    pub stated: Stated,
    /// Teachers' comments.
    #[serde(default, skip_serializing_if = "Comments::is_empty")]
    pub comments: Comments,
    /// Awards other than the year-end title (which is a stated result).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    /// Lock state and audit log.
    pub lifecycle: Lifecycle,
}

/// The record a correction replaces.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Supersedes {
    /// Its record id.
    pub record_id: String,
    /// SHA-256 of its canonical bytes, 64 lower-case hex digits.
    pub digest: String,
    /// Why it is corrected.
    pub reason: String,
}

/// Giới tính.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Nam.
    Nam,
    /// Nữ.
    Nu,
}

impl Sex {
    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Sex::Nam => "nam",
            Sex::Nu => "nu",
        }
    }
}

/// The student's identity (học bạ page 1).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// Họ và tên, NFC, single spaces.
    pub full_name: String,
    /// Ngày sinh, `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// Giới tính.
    pub sex: Sex,
    /// Dân tộc (e.g. `Kinh`, `Tày`).
    pub ethnicity: String,
    /// Quốc tịch (e.g. `Việt Nam`).
    pub nationality: String,
    /// Nơi sinh.
    pub place_of_birth: String,
    /// Số định danh cá nhân: 12 digits (Luật Căn cước 2023). Absent only for students without one
    /// (foreign nationals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_id: Option<String>,
    /// Mã học sinh in the sector database (CSDL ngành), 1–32 ASCII letters or digits.
    pub moet_code: String,
}

/// The school.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Mã trường in the sector database, 1–32 ASCII letters or digits.
    pub code: String,
    /// Tên trường.
    pub name: String,
    /// Xã / phường / đặc khu.
    pub commune: String,
    /// Tỉnh / thành phố.
    pub province: String,
}

/// The class.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Class {
    /// Class name, e.g. `10A1`.
    pub name: String,
    /// Giáo viên chủ nhiệm (GVCN), who signs the record first.
    pub teacher: String,
}

/// Who approves the year (signs as HT).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Principal {
    /// Full name.
    pub name: String,
}

/// What the school states, by regime: `{"tt22": {…}}` or `{"tt27": {…}}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Stated {
    /// Grades 6–12.
    Tt22(StatedSecondary),
    /// Grades 1–5.
    Tt27(StatedPrimary),
}

/// TT22 results as the học bạ prints them. Scores are strings with exactly one decimal (`"8.0"`),
/// levels and statuses are the engine's codes. A result the engine computes but the record does not
/// state is a warning while the record is a draft and an error once it is locked.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedSecondary {
    /// Per subject: ĐTBmhk / ĐTBmcn or `dat` / `chua_dat`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<StatedSubject>,
    /// Learning levels (`tot`, `kha`, `dat`, `chua_dat`).
    #[serde(default, skip_serializing_if = "StatedLearning::is_empty")]
    pub learning: StatedLearning,
    /// Year conduct (`tot`, `kha`, `dat`, `chua_dat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conduct_year: Option<String>,
    /// Promotion status code (`len_lop`, `khong_len_lop`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<String>,
    /// Title code (`hoc_sinh_xuat_sac`, `hoc_sinh_gioi`); absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Programme completed (`thcs`, `thpt`) in grades 9 and 12; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_completed: Option<String>,
}

/// One subject's stated TT22 results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedSubject {
    /// Subject code.
    pub subject: String,
    /// Semester I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk1: Option<String>,
    /// Semester II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk2: Option<String>,
    /// Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Summer retest score or re-assessment ("Điểm hoặc mức đánh giá lại").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retest: Option<String>,
}

/// Stated TT22 learning levels.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedLearning {
    /// Semester I.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk1: Option<String>,
    /// Semester II.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hk2: Option<String>,
    /// Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    /// Year after the summer retests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_after_retest: Option<String>,
}

impl StatedLearning {
    /// Nothing stated.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.hk1.is_none()
            && self.hk2.is_none()
            && self.year.is_none()
            && self.year_after_retest.is_none()
    }
}

/// TT27 results as the học bạ prints them.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedPrimary {
    /// End-of-year test scores of record ("Điểm KTĐK"), per tested subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<StatedPrimarySubject>,
    /// End-of-year result (`hoan_thanh_xuat_sac`, `hoan_thanh_tot`, `hoan_thanh`, `chua_hoan_thanh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Completion of the grade (`hoan_thanh`, `o_lai_lop`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<String>,
    /// `tieu_hoc` in grade 5 when completed; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_completed: Option<String>,
    /// Title code (`hoc_sinh_xuat_sac`, `hoc_sinh_tieu_bieu`); absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One tested TT27 subject's end-of-year score of record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedPrimarySubject {
    /// Subject code.
    pub subject: String,
    /// The score of record, a whole number `"0"`–`"10"` (after rounding, or the last retest).
    pub test: String,
}

/// Comments ("Nhận xét").
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comments {
    /// Per subject, by its teacher.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<SubjectComment>,
    /// TT27: per quality.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualities: Vec<TraitComment>,
    /// TT27: per competence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<TraitComment>,
    /// "Nhận xét của giáo viên chủ nhiệm".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_teacher: Option<String>,
}

impl Comments {
    /// No comment at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.subjects.is_empty()
            && self.qualities.is_empty()
            && self.competences.is_empty()
            && self.class_teacher.is_none()
    }
}

/// A subject teacher's comment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubjectComment {
    /// Subject code.
    pub subject: String,
    /// The teacher's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher: Option<String>,
    /// The comment: progress, strengths, limitations.
    pub text: String,
}

/// A comment on a TT27 quality or competence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TraitComment {
    /// Quality or competence code.
    pub code: String,
    /// The comment.
    pub text: String,
}

/// An award ("Khen thưởng") other than the year-end title: achievements during the year (TT22 Điều 15
/// khoản 1 điểm b, khoản 2; TT27 Điều 13), competitions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// What, as written on the certificate.
    pub name: String,
    /// Who awarded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// When, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The state a record itself can hold. Signatures, issuance, supersession and revocation live outside
/// the signed bytes (the envelope and the school's status list, design §2); see
/// [`crate::record::lifecycle::LifecycleState`] for the whole machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    /// Data entry.
    Draft,
    /// The year is closed; edits need an unlock with a reason.
    Locked,
}

/// What happened to the gradebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// Locked.
    Lock,
    /// Unlocked (reason required).
    Unlock,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// What.
    pub action: AuditAction,
    /// When: RFC 3339 with an offset, e.g. `2025-05-31T16:00:00+07:00`.
    pub at: String,
    /// Who (full name).
    pub by: String,
    /// Why (required to unlock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Lock state and audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    /// `draft` or `locked`.
    pub status: RecordStatus,
    /// When the year was locked (the last `lock` of the audit log), RFC 3339 with an offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_at: Option<String>,
    /// Every lock and unlock, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEntry>,
}

impl Record {
    /// The record id this record must carry: `{school code}.{school year}.{MOET code}.v{version}`.
    #[must_use]
    pub fn expected_record_id(&self) -> String {
        record_id(
            &self.school.code,
            &self.school_year,
            &self.student.moet_code,
            self.version,
        )
    }
}

/// Builds a record id from its parts.
#[must_use]
pub fn record_id(school_code: &str, school_year: &str, moet_code: &str, version: i64) -> String {
    alloc::format!("{school_code}.{school_year}.{moet_code}.v{version}")
}
