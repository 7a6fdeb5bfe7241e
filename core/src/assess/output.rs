//! What an assessment produces.

use alloc::vec::Vec;

use super::input::{Basis, PrimaryMark, StudentRef, SupplementaryOutcome, TimePoints};
use crate::levels::{Level, Pass, PrimaryResult, TraitLevel};
use crate::rules::catalogue::{AssessmentForm, Competence, Quality, Subject};
use crate::rules::config::RulesConfig;
use crate::rules::Ruleset;
use crate::score::Score;
use crate::trace::TraceStep;

/// The result of assessing one student-year, with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    /// The rules applied.
    pub ruleset: Ruleset,
    /// The interpretation switches used.
    pub config: RulesConfig,
    /// Who.
    pub student: StudentRef,
    /// The results.
    #[serde(flatten)]
    pub result: RegimeAssessment,
    /// Every decision, in order.
    pub trace: Vec<TraceStep>,
}

/// Results under TT22 or TT27.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegimeAssessment {
    /// Grades 6–12.
    Tt22(SecondaryAssessment),
    /// Grades 1–5.
    Tt27(PrimaryAssessment),
}

/// A subject result: an average or Đạt/Chưa đạt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SubjectValue {
    /// ĐTBmhk / ĐTBmcn / retest score.
    Average(Score),
    /// Đạt / Chưa đạt.
    Comment(Pass),
}

/// One TT22 subject's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubjectResult {
    /// The subject.
    pub subject: Subject,
    /// Score or comment.
    pub form: AssessmentForm,
    /// Assessment basis.
    pub basis: Basis,
    /// Semester I.
    pub hk1: Option<SubjectValue>,
    /// Semester II.
    pub hk2: Option<SubjectValue>,
    /// Year (ĐTBmcn or the semester II comment result).
    pub year: Option<SubjectValue>,
    /// Summer retest or re-assessment result that replaces the year result for promotion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retest: Option<SubjectValue>,
}

/// A learning level with its one-subject adjustment (Điều 9 khoản 2–3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LevelOutcome {
    /// The level of record (after adjustment, or the principal's decision).
    pub level: Level,
    /// The level before the adjustment of khoản 3.
    pub computed: Level,
    /// The subject that alone pulled the level down, when the level was adjusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjusted_for: Option<Subject>,
    /// The principal decided the level (Điều 11).
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub by_principal: bool,
}

/// TT22 learning levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LearningLevels {
    /// Semester I.
    pub hk1: Option<LevelOutcome>,
    /// Semester II.
    pub hk2: Option<LevelOutcome>,
    /// The year.
    pub year: Option<LevelOutcome>,
    /// The year recomputed after summer retests (Điều 14).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_after_retest: Option<LevelOutcome>,
}

/// TT22 conduct levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConductLevels {
    /// Semester I.
    pub hk1: Option<Level>,
    /// Semester II.
    pub hk2: Option<Level>,
    /// The year (Điều 8 khoản 2 table).
    pub year: Option<Level>,
    /// Re-assessed after summer training (Điều 13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_summer_training: Option<Level>,
}

/// Where a TT22 student stands at the end of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PromotionStatus {
    /// Được lên lớp (or completes the programme in grade 9/12).
    LenLop,
    /// Promoted after summer training and/or retests.
    LenLopSauDanhGiaLai,
    /// Must do summer training; outcome not yet entered.
    ChoRenLuyenHe,
    /// Must retake subjects in summer; results not yet entered.
    ChoKiemTraLai,
    /// Both summer training and retests (combined case).
    ChoRenLuyenHeVaKiemTraLai,
    /// Không được lên lớp.
    KhongLenLop,
    /// The principal decides (Điều 12 khoản 4).
    ChoQuyetDinhHieuTruong,
    /// The year is not complete (a semester or a make-up is missing).
    ChuaDuDuLieu,
}

impl PromotionStatus {
    /// Every value, in the order the paper form lists them.
    pub const ALL: [PromotionStatus; 8] = [
        PromotionStatus::LenLop,
        PromotionStatus::LenLopSauDanhGiaLai,
        PromotionStatus::ChoRenLuyenHe,
        PromotionStatus::ChoKiemTraLai,
        PromotionStatus::ChoRenLuyenHeVaKiemTraLai,
        PromotionStatus::KhongLenLop,
        PromotionStatus::ChoQuyetDinhHieuTruong,
        PromotionStatus::ChuaDuDuLieu,
    ];

    /// The value whose [`Self::code`] is `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<PromotionStatus> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            PromotionStatus::LenLop => "len_lop",
            PromotionStatus::LenLopSauDanhGiaLai => "len_lop_sau_danh_gia_lai",
            PromotionStatus::ChoRenLuyenHe => "cho_ren_luyen_he",
            PromotionStatus::ChoKiemTraLai => "cho_kiem_tra_lai",
            PromotionStatus::ChoRenLuyenHeVaKiemTraLai => "cho_ren_luyen_he_va_kiem_tra_lai",
            PromotionStatus::KhongLenLop => "khong_len_lop",
            PromotionStatus::ChoQuyetDinhHieuTruong => "cho_quyet_dinh_hieu_truong",
            PromotionStatus::ChuaDuDuLieu => "chua_du_du_lieu",
        }
    }

    /// Final: promoted or not, nothing left to enter.
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            PromotionStatus::LenLop
                | PromotionStatus::LenLopSauDanhGiaLai
                | PromotionStatus::KhongLenLop
        )
    }

    /// Promoted.
    #[must_use]
    pub const fn is_promoted(self) -> bool {
        matches!(
            self,
            PromotionStatus::LenLop | PromotionStatus::LenLopSauDanhGiaLai
        )
    }
}

/// Why a student is not promoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RetentionReason {
    /// More than 45 sessions absent.
    Absences,
    /// Conduct still Chưa đạt after summer training.
    Conduct,
    /// Learning still Chưa đạt after retests.
    Learning,
    /// Both Chưa đạt, under `combined_case = retain`.
    ConductAndLearning,
    /// The principal decided (Điều 12 khoản 4).
    PrincipalDecision,
}

/// Promotion with its reason and the subjects to retest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Promotion {
    /// Status.
    pub status: PromotionStatus,
    /// Why not promoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<RetentionReason>,
    /// Subjects re-assessed in summer (Điều 14 khoản 1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retest_subjects: Vec<Subject>,
}

/// A programme completed at the end of its last grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Chương trình tiểu học (grade 5).
    TieuHoc,
    /// Chương trình THCS (grade 9).
    Thcs,
    /// Chương trình THPT (grade 12).
    Thpt,
}

/// A year-end title (TT22 Điều 15, TT27 Điều 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Title {
    /// "Học sinh Xuất sắc".
    HocSinhXuatSac,
    /// "Học sinh Giỏi" (TT22).
    HocSinhGioi,
    /// "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện" (TT27).
    HocSinhTieuBieu,
}

impl Title {
    /// Every value, in the order the paper form lists them.
    pub const ALL: [Title; 3] = [
        Title::HocSinhXuatSac,
        Title::HocSinhGioi,
        Title::HocSinhTieuBieu,
    ];

    /// The value whose [`Self::code`] is `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Title> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Title::HocSinhXuatSac => "hoc_sinh_xuat_sac",
            Title::HocSinhGioi => "hoc_sinh_gioi",
            Title::HocSinhTieuBieu => "hoc_sinh_tieu_bieu",
        }
    }

    /// The title as written on the certificate.
    #[must_use]
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Title::HocSinhXuatSac, crate::Lang::Vi) => "Học sinh Xuất sắc",
            (Title::HocSinhGioi, crate::Lang::Vi) => "Học sinh Giỏi",
            (Title::HocSinhTieuBieu, crate::Lang::Vi) => {
                "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện"
            }
            (Title::HocSinhXuatSac, crate::Lang::En) => "Excellent student",
            (Title::HocSinhGioi, crate::Lang::En) => "Good student",
            (Title::HocSinhTieuBieu, crate::Lang::En) => {
                "Exemplary student, completing study and training well"
            }
        }
    }
}

/// TT22 results of one student-year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecondaryAssessment {
    /// Per subject.
    pub subjects: Vec<SubjectResult>,
    /// Learning levels.
    pub learning: LearningLevels,
    /// Conduct levels.
    pub conduct: ConductLevels,
    /// Sessions absent.
    pub absences: u16,
    /// Promotion.
    pub promotion: Promotion,
    /// Programme completed (grade 9 or 12, when promoted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<Programme>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
}

/// One TT27 subject as the học bạ shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrimarySubjectResult {
    /// The subject.
    pub subject: Subject,
    /// Levels and tests per time point.
    pub marks: TimePoints<PrimaryMark>,
}

/// Completion of a TT27 grade (Điều 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrimaryCompletion {
    /// Hoàn thành chương trình lớp học.
    HoanThanh,
    /// Completed after the supplementary assessment.
    HoanThanhSauDanhGiaBoSung,
    /// Awaiting the supplementary assessment.
    ChoDanhGiaBoSung,
    /// Awaiting the principal's decision.
    ChoQuyetDinhHieuTruong,
    /// Promoted by the principal's decision.
    LenLopTheoQuyetDinh,
    /// Retained by the principal's decision.
    OLaiLop,
    /// End-of-year assessments are not complete.
    ChuaDuDuLieu,
}

/// TT27 results of one pupil-year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrimaryAssessment {
    /// Subjects and activities.
    pub subjects: Vec<PrimarySubjectResult>,
    /// Qualities.
    pub qualities: Vec<TraitResult<Quality>>,
    /// Competences.
    pub competences: Vec<TraitResult<Competence>>,
    /// End-of-year result.
    pub result: Option<PrimaryResult>,
    /// Supplementary assessment, when one took place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplementary: Option<SupplementaryOutcome>,
    /// Completion of the grade.
    pub completion: PrimaryCompletion,
    /// Programme completed (grade 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme_completed: Option<Programme>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
}

/// A quality or competence with its levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraitResult<T> {
    /// Which.
    #[serde(rename = "code")]
    pub which: T,
    /// Levels per time point.
    pub levels: TimePoints<TraitLevel>,
}

impl PromotionStatus {
    /// Label in `lang`, for grade `grade` (grades 9 and 12 complete a programme instead of moving up).
    #[must_use]
    pub const fn label(self, lang: crate::Lang, final_grade: bool) -> &'static str {
        use crate::Lang::{En, Vi};
        match (self, lang) {
            (PromotionStatus::LenLop, Vi) if final_grade => "Hoàn thành chương trình",
            (PromotionStatus::LenLop, Vi) => "Được lên lớp",
            (PromotionStatus::LenLopSauDanhGiaLai, Vi) if final_grade => {
                "Hoàn thành chương trình sau rèn luyện, đánh giá lại trong hè"
            }
            (PromotionStatus::LenLopSauDanhGiaLai, Vi) => {
                "Được lên lớp sau rèn luyện, đánh giá lại trong hè"
            }
            (PromotionStatus::ChoRenLuyenHe, Vi) => "Rèn luyện trong kì nghỉ hè",
            (PromotionStatus::ChoKiemTraLai, Vi) => "Kiểm tra, đánh giá lại trong kì nghỉ hè",
            (PromotionStatus::ChoRenLuyenHeVaKiemTraLai, Vi) => {
                "Rèn luyện và kiểm tra, đánh giá lại trong kì nghỉ hè"
            }
            (PromotionStatus::KhongLenLop, Vi) => "Không được lên lớp",
            (PromotionStatus::ChoQuyetDinhHieuTruong, Vi) => "Chờ Hiệu trưởng quyết định",
            (PromotionStatus::ChuaDuDuLieu, Vi) => "Chưa đủ kết quả cả năm",
            (PromotionStatus::LenLop, En) if final_grade => "Completed the programme",
            (PromotionStatus::LenLop, En) => "Promoted",
            (PromotionStatus::LenLopSauDanhGiaLai, En) if final_grade => {
                "Completed the programme after summer re-assessment"
            }
            (PromotionStatus::LenLopSauDanhGiaLai, En) => "Promoted after summer re-assessment",
            (PromotionStatus::ChoRenLuyenHe, En) => "Summer conduct training",
            (PromotionStatus::ChoKiemTraLai, En) => "Summer retests",
            (PromotionStatus::ChoRenLuyenHeVaKiemTraLai, En) => "Summer training and retests",
            (PromotionStatus::KhongLenLop, En) => "Not promoted",
            (PromotionStatus::ChoQuyetDinhHieuTruong, En) => "Awaiting the principal's decision",
            (PromotionStatus::ChuaDuDuLieu, En) => "Year results incomplete",
        }
    }
}

impl RetentionReason {
    /// Label in `lang`.
    #[must_use]
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Vi};
        match (self, lang) {
            (RetentionReason::Absences, Vi) => "nghỉ quá 45 buổi",
            (RetentionReason::Conduct, Vi) => "rèn luyện vẫn Chưa đạt sau rèn luyện hè",
            (RetentionReason::Learning, Vi) => "học tập vẫn Chưa đạt sau đánh giá lại",
            (RetentionReason::ConductAndLearning, Vi) => "rèn luyện và học tập đều Chưa đạt",
            (RetentionReason::PrincipalDecision, Vi) => "theo quyết định của Hiệu trưởng",
            (RetentionReason::Absences, En) => "more than 45 sessions absent",
            (RetentionReason::Conduct, En) => "conduct still not passed after summer training",
            (RetentionReason::Learning, En) => "learning still not passed after retests",
            (RetentionReason::ConductAndLearning, En) => "conduct and learning both not passed",
            (RetentionReason::PrincipalDecision, En) => "decided by the principal",
        }
    }
}

impl PrimaryCompletion {
    /// Every value, in the order the paper form lists them.
    pub const ALL: [PrimaryCompletion; 7] = [
        PrimaryCompletion::HoanThanh,
        PrimaryCompletion::HoanThanhSauDanhGiaBoSung,
        PrimaryCompletion::ChoDanhGiaBoSung,
        PrimaryCompletion::ChoQuyetDinhHieuTruong,
        PrimaryCompletion::LenLopTheoQuyetDinh,
        PrimaryCompletion::OLaiLop,
        PrimaryCompletion::ChuaDuDuLieu,
    ];

    /// The value whose [`Self::code`] is `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<PrimaryCompletion> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            PrimaryCompletion::HoanThanh => "hoan_thanh",
            PrimaryCompletion::HoanThanhSauDanhGiaBoSung => "hoan_thanh_sau_danh_gia_bo_sung",
            PrimaryCompletion::ChoDanhGiaBoSung => "cho_danh_gia_bo_sung",
            PrimaryCompletion::ChoQuyetDinhHieuTruong => "cho_quyet_dinh_hieu_truong",
            PrimaryCompletion::LenLopTheoQuyetDinh => "len_lop_theo_quyet_dinh",
            PrimaryCompletion::OLaiLop => "o_lai_lop",
            PrimaryCompletion::ChuaDuDuLieu => "chua_du_du_lieu",
        }
    }

    /// Label in `lang`.
    #[must_use]
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Vi};
        match (self, lang) {
            (PrimaryCompletion::HoanThanh, Vi) => "Hoàn thành chương trình lớp học",
            (PrimaryCompletion::HoanThanhSauDanhGiaBoSung, Vi) => {
                "Hoàn thành chương trình lớp học sau đánh giá bổ sung"
            }
            (PrimaryCompletion::ChoDanhGiaBoSung, Vi) => "Chưa hoàn thành, chờ đánh giá bổ sung",
            (PrimaryCompletion::ChoQuyetDinhHieuTruong, Vi) => "Chờ Hiệu trưởng quyết định",
            (PrimaryCompletion::LenLopTheoQuyetDinh, Vi) => {
                "Lên lớp theo quyết định của Hiệu trưởng"
            }
            (PrimaryCompletion::OLaiLop, Vi) => "Ở lại lớp",
            (PrimaryCompletion::ChuaDuDuLieu, Vi) => "Chưa đủ kết quả cuối năm",
            (PrimaryCompletion::HoanThanh, En) => "Completed the grade",
            (PrimaryCompletion::HoanThanhSauDanhGiaBoSung, En) => {
                "Completed the grade after the supplementary assessment"
            }
            (PrimaryCompletion::ChoDanhGiaBoSung, En) => {
                "Not completed, supplementary assessment due"
            }
            (PrimaryCompletion::ChoQuyetDinhHieuTruong, En) => "Awaiting the principal's decision",
            (PrimaryCompletion::LenLopTheoQuyetDinh, En) => "Promoted by the principal's decision",
            (PrimaryCompletion::OLaiLop, En) => "Retained",
            (PrimaryCompletion::ChuaDuDuLieu, En) => "End-of-year results incomplete",
        }
    }
}

impl Programme {
    /// Label in `lang`.
    #[must_use]
    pub const fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Vi};
        match (self, lang) {
            (Programme::TieuHoc, Vi) => "Hoàn thành chương trình tiểu học",
            (Programme::Thcs, Vi) => "Hoàn thành chương trình trung học cơ sở",
            (Programme::Thpt, Vi) => "Hoàn thành chương trình trung học phổ thông",
            (Programme::TieuHoc, En) => "Completed the primary programme",
            (Programme::Thcs, En) => "Completed the lower secondary programme",
            (Programme::Thpt, En) => "Completed the upper secondary programme",
        }
    }
}

impl SubjectValue {
    /// The value as printed: "8,3" / "Đ" in Vietnamese, "8.3" / "P" in English.
    #[must_use]
    pub fn display(self, lang: crate::Lang) -> alloc::string::String {
        use alloc::string::ToString;
        match (self, lang) {
            (SubjectValue::Average(s), crate::Lang::Vi) => s.display_vi().to_string(),
            (SubjectValue::Average(s), crate::Lang::En) => s.to_string(),
            (SubjectValue::Comment(p), crate::Lang::Vi) => p.short_vi().into(),
            (SubjectValue::Comment(Pass::Dat), crate::Lang::En) => "P".into(),
            (SubjectValue::Comment(Pass::ChuaDat), crate::Lang::En) => "NP".into(),
        }
    }
}
