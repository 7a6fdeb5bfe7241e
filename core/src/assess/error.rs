//! Everything that can stop an assessment, each with a stable code, a JSON pointer and vi/en messages.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::rules::catalogue::Subject;
use crate::rules::Regime;
use crate::Lang;

/// Why an input could not be assessed. Inputs are checked whole: every problem is reported, each with the
/// JSON pointer (RFC 6901) of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssessError {
    /// The input is larger than the limit.
    #[error("input is {size} bytes, more than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size in bytes (at least; reading stops past the limit).
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is empty or only white space.
    #[error("input is empty")]
    EmptyInput,
    /// The input is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    JsonSyntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words.
        detail: String,
    },
    /// A JSON limit was exceeded (nesting depth, string or array length).
    #[error("{pointer}: {} {limit}", bound.text(Lang::En))]
    JsonLimit {
        /// Where.
        pointer: String,
        /// Which limit.
        bound: Bound,
        /// Its value.
        limit: usize,
    },
    /// The same key appears twice in one JSON object.
    #[error("{pointer}: duplicate key `{key}`")]
    DuplicateKey {
        /// The object.
        pointer: String,
        /// The key.
        key: String,
    },
    /// Valid JSON of the wrong shape: a wrong type, a missing or unknown field.
    #[error("{pointer}: {detail}")]
    Structure {
        /// Where.
        pointer: String,
        /// What the reader expected.
        detail: String,
    },
    /// `format` names another document type or version.
    #[error("{pointer}: unsupported format `{found}`, expected `{expected}`")]
    UnsupportedFormat {
        /// Where.
        pointer: String,
        /// What the file says.
        found: String,
        /// What hocba reads.
        expected: &'static str,
    },
    /// Grade outside 1–12.
    #[error("{pointer}: grade {grade} does not exist (1–12)")]
    InvalidGrade {
        /// Where.
        pointer: String,
        /// The grade given.
        grade: i64,
    },
    /// School year not of the form `2024-2025`.
    #[error("{pointer}: school year `{value}` is not of the form 2024-2025")]
    InvalidSchoolYear {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
    },
    /// The grade and school year fall under a regulation hocba does not compute.
    #[error("{pointer}: grade {grade} in {school_year} is assessed under {regime}; hocba computes only TT22 (grades 6–12) and TT27 (grades 1–5)")]
    UnsupportedRegime {
        /// Where.
        pointer: String,
        /// Grade.
        grade: u8,
        /// School year.
        school_year: String,
        /// The regulation that applies.
        regime: Regime,
    },
    /// The regime's section (`tt22` / `tt27`) is missing or the other one is given.
    #[error("{pointer}: grade {grade} in {school_year} is assessed under {expected}: give the scores in `{}`", expected.code())]
    RegimeSectionMismatch {
        /// Where.
        pointer: String,
        /// Grade.
        grade: u8,
        /// School year.
        school_year: String,
        /// The regime whose section is needed.
        expected: Regime,
    },
    /// A score that is not a decimal number.
    #[error("{pointer}: `{value}` is not a score (a decimal number such as 8.5)")]
    ScoreNotANumber {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
    },
    /// A score outside 0–10.
    #[error("{pointer}: score {value} is outside 0–10")]
    ScoreOutOfRange {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
    },
    /// A score with more than one decimal.
    #[error(
        "{pointer}: score {value} has more than one decimal (TT22 Điều 5 khoản 3: one decimal)"
    )]
    ScoreTooPrecise {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
    },
    /// A TT27 test score that is not a whole number 0–10 (after the configured rounding).
    #[error("{pointer}: test score `{value}` is not a whole number from 0 to 10 (TT27 Điều 7: no decimal scores)")]
    InvalidTestScore {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
    },
    /// A level or result word hocba does not know.
    #[error("{pointer}: `{value}` is not one of {expected}")]
    InvalidMark {
        /// Where.
        pointer: String,
        /// The value given.
        value: String,
        /// The accepted codes.
        expected: &'static str,
    },
    /// A subject code that is not in the grade's programme.
    #[error("{pointer}: `{subject}` is not a subject of grade {grade}")]
    UnknownSubject {
        /// Where.
        pointer: String,
        /// The code given.
        subject: String,
        /// Grade.
        grade: u8,
    },
    /// The same subject twice.
    #[error("{pointer}: subject `{}` is listed twice (first at {first})", subject.code())]
    DuplicateSubject {
        /// Where the second one is.
        pointer: String,
        /// The subject.
        subject: Subject,
        /// Where the first one is.
        first: String,
    },
    /// A compulsory subject is missing.
    #[error("{pointer}: compulsory subject `{}` ({}) is missing", subject.code(), subject.name_vi())]
    MissingSubject {
        /// The subject list.
        pointer: String,
        /// The subject.
        subject: Subject,
    },
    /// A quality or competence that is unknown, listed twice or missing.
    #[error("{pointer}: {} `{code}`", problem.text(Lang::En))]
    InvalidTrait {
        /// Where.
        pointer: String,
        /// The code concerned.
        code: String,
        /// What is wrong.
        problem: TraitProblem,
    },
    /// A required assessment is missing.
    #[error("{pointer}: missing {component}")]
    MissingComponent {
        /// Where it should be.
        pointer: String,
        /// What is missing.
        component: Cow<'static, str>,
    },
    /// Fewer regular assessments than the subject's periods require.
    #[error("{pointer}: {found} regular assessments, {required} required for {} (TT22 Điều 6)", subject.code())]
    TooFewRegular {
        /// The list.
        pointer: String,
        /// The subject.
        subject: Subject,
        /// How many were given.
        found: usize,
        /// How many are required.
        required: usize,
    },
    /// More regular assessments than allowed.
    #[error("{pointer}: {found} regular assessments, at most {allowed} for {} (TT22 Điều 6)", subject.code())]
    TooManyRegular {
        /// The list.
        pointer: String,
        /// The subject.
        subject: Subject,
        /// How many were given.
        found: usize,
        /// How many are allowed.
        allowed: usize,
    },
    /// A score given to a comment subject, or a comment to a score subject.
    #[error("{pointer}: {} is assessed by {expected}", subject.code())]
    WrongMarkKind {
        /// Where.
        pointer: String,
        /// The subject.
        subject: Subject,
        /// "score" or "comment (dat/chua_dat)".
        expected: &'static str,
    },
    /// A test score for a subject or time point that has no periodic test.
    #[error("{pointer}: {} has no periodic test at this time point (TT27 Điều 7 khoản 1 điểm b)", subject.code())]
    TestNotApplicable {
        /// Where.
        pointer: String,
        /// The subject.
        subject: Subject,
    },
    /// A retest result for a subject that is not retested.
    #[error("{pointer}: {} is not re-assessed in summer (TT22 Điều 14: only when learning is Chưa đạt, for subjects below 5.0 or Chưa đạt)", subject.code())]
    RetestNotApplicable {
        /// Where.
        pointer: String,
        /// The subject.
        subject: Subject,
    },
    /// A summer-training re-assessment for a student whose conduct is at least Đạt.
    #[error("{pointer}: summer conduct re-assessment given but the year conduct is not Chưa đạt (TT22 Điều 13)")]
    SummerTrainingNotApplicable {
        /// Where.
        pointer: String,
    },
    /// `exempt_practical` on a subject other than GDTC and GDQP&AN (TT22 Điều 10).
    #[error("{pointer}: only physical education and defence education have a practical part to exempt from (TT22 Điều 10), not {}", subject.code())]
    ExemptPracticalNotApplicable {
        /// Where.
        pointer: String,
        /// The subject.
        subject: Subject,
    },
    /// A principal's decision, or a supplementary assessment, given where the rules leave nothing to decide.
    #[error("{pointer}: {} is not applicable: {}", what.code(), what.reason(Lang::En))]
    DecisionNotApplicable {
        /// Where.
        pointer: String,
        /// Which decision.
        what: Decision,
    },
    /// A value outside its allowed range (absences, list lengths, text lengths).
    #[error("{pointer}: {} {limit}", bound.text(Lang::En))]
    OutOfBounds {
        /// Where.
        pointer: String,
        /// Which bound.
        bound: Bound,
        /// Its value.
        limit: usize,
    },
}

/// The `pointer` field of every variant that has one, by reference or by mutable reference.
macro_rules! pointer_field {
    ($error:expr) => {
        match $error {
            AssessError::InputTooLarge { .. }
            | AssessError::EmptyInput
            | AssessError::JsonSyntax { .. } => None,
            AssessError::JsonLimit { pointer, .. }
            | AssessError::DuplicateKey { pointer, .. }
            | AssessError::Structure { pointer, .. }
            | AssessError::UnsupportedFormat { pointer, .. }
            | AssessError::InvalidGrade { pointer, .. }
            | AssessError::InvalidSchoolYear { pointer, .. }
            | AssessError::UnsupportedRegime { pointer, .. }
            | AssessError::RegimeSectionMismatch { pointer, .. }
            | AssessError::ScoreNotANumber { pointer, .. }
            | AssessError::ScoreOutOfRange { pointer, .. }
            | AssessError::ScoreTooPrecise { pointer, .. }
            | AssessError::InvalidTestScore { pointer, .. }
            | AssessError::InvalidMark { pointer, .. }
            | AssessError::UnknownSubject { pointer, .. }
            | AssessError::DuplicateSubject { pointer, .. }
            | AssessError::MissingSubject { pointer, .. }
            | AssessError::InvalidTrait { pointer, .. }
            | AssessError::MissingComponent { pointer, .. }
            | AssessError::TooFewRegular { pointer, .. }
            | AssessError::TooManyRegular { pointer, .. }
            | AssessError::WrongMarkKind { pointer, .. }
            | AssessError::TestNotApplicable { pointer, .. }
            | AssessError::RetestNotApplicable { pointer, .. }
            | AssessError::SummerTrainingNotApplicable { pointer, .. }
            | AssessError::OutOfBounds { pointer, .. }
            | AssessError::ExemptPracticalNotApplicable { pointer, .. }
            | AssessError::DecisionNotApplicable { pointer, .. } => Some(pointer),
        }
    };
}

impl AssessError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            AssessError::InputTooLarge { .. } => "input_too_large",
            AssessError::EmptyInput => "empty_input",
            AssessError::JsonSyntax { .. } => "json_syntax",
            AssessError::JsonLimit { .. } => "json_limit",
            AssessError::DuplicateKey { .. } => "json_duplicate_key",
            AssessError::Structure { .. } => "json_structure",
            AssessError::UnsupportedFormat { .. } => "unsupported_format",
            AssessError::InvalidGrade { .. } => "invalid_grade",
            AssessError::InvalidSchoolYear { .. } => "invalid_school_year",
            AssessError::UnsupportedRegime { .. } => "unsupported_regime",
            AssessError::RegimeSectionMismatch { .. } => "regime_section_mismatch",
            AssessError::ScoreNotANumber { .. } => "score_not_a_number",
            AssessError::ScoreOutOfRange { .. } => "score_out_of_range",
            AssessError::ScoreTooPrecise { .. } => "score_too_precise",
            AssessError::InvalidTestScore { .. } => "invalid_test_score",
            AssessError::InvalidMark { .. } => "invalid_mark",
            AssessError::UnknownSubject { .. } => "unknown_subject",
            AssessError::DuplicateSubject { .. } => "duplicate_subject",
            AssessError::MissingSubject { .. } => "missing_subject",
            AssessError::InvalidTrait { .. } => "invalid_trait",
            AssessError::MissingComponent { .. } => "missing_component",
            AssessError::TooFewRegular { .. } => "too_few_regular_assessments",
            AssessError::TooManyRegular { .. } => "too_many_regular_assessments",
            AssessError::WrongMarkKind { .. } => "wrong_mark_kind",
            AssessError::TestNotApplicable { .. } => "test_not_applicable",
            AssessError::RetestNotApplicable { .. } => "retest_not_applicable",
            AssessError::SummerTrainingNotApplicable { .. } => "summer_training_not_applicable",
            AssessError::OutOfBounds { .. } => "out_of_bounds",
            AssessError::ExemptPracticalNotApplicable { .. } => "exempt_practical_not_applicable",
            AssessError::DecisionNotApplicable { .. } => "decision_not_applicable",
        }
    }

    /// The JSON pointer of the value at fault (empty for the whole document).
    #[must_use]
    pub fn pointer(&self) -> &str {
        pointer_field!(self).map_or("", String::as_str)
    }

    /// Prefixes the pointer, for an input nested in a larger document (a class file).
    pub fn nest(&mut self, prefix: &str) {
        if let Some(pointer) = pointer_field!(self) {
            pointer.insert_str(0, prefix);
        }
        if let AssessError::DuplicateSubject { first, .. } = self {
            first.insert_str(0, prefix);
        }
    }

    /// The message in `lang` (English is the `Display` text).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => alloc::string::ToString::to_string(self),
            Lang::Vi => self.message_vi(),
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per variant, kept beside each other for translators
    fn message_vi(&self) -> String {
        match self {
            AssessError::InputTooLarge { size, limit } => {
                format!("dữ liệu vào có {size} byte, vượt giới hạn {limit} byte")
            }
            AssessError::EmptyInput => String::from("dữ liệu vào rỗng"),
            AssessError::JsonSyntax {
                line,
                column,
                detail,
            } => format!("không phải JSON hợp lệ tại dòng {line}, cột {column}: {detail}"),
            AssessError::JsonLimit {
                pointer,
                bound,
                limit,
            } => format!("{pointer}: {} {limit}", bound.text(Lang::Vi)),
            AssessError::DuplicateKey { pointer, key } => {
                format!("{pointer}: khoá `{key}` xuất hiện hai lần")
            }
            AssessError::Structure { pointer, detail } => {
                format!("{pointer}: sai cấu trúc — {detail}")
            }
            AssessError::UnsupportedFormat {
                pointer,
                found,
                expected,
            } => format!("{pointer}: định dạng `{found}` không được hỗ trợ, cần `{expected}`"),
            AssessError::InvalidGrade { pointer, grade } => {
                format!("{pointer}: không có lớp {grade} (chỉ từ 1 đến 12)")
            }
            AssessError::InvalidSchoolYear { pointer, value } => {
                format!("{pointer}: năm học `{value}` không đúng dạng 2024-2025")
            }
            AssessError::UnsupportedRegime {
                pointer,
                grade,
                school_year,
                regime,
            } => format!(
                "{pointer}: lớp {grade} năm học {school_year} được đánh giá theo {regime}; hocba chỉ tính theo TT22 (lớp 6–12) và TT27 (lớp 1–5)"
            ),
            AssessError::RegimeSectionMismatch {
                pointer,
                grade,
                school_year,
                expected,
            } => format!(
                "{pointer}: lớp {grade} năm học {school_year} được đánh giá theo {expected}: hãy ghi kết quả trong mục `{}`",
                expected.code()
            ),
            AssessError::ScoreNotANumber { pointer, value } => {
                format!("{pointer}: `{value}` không phải là điểm (số thập phân, ví dụ 8.5)")
            }
            AssessError::ScoreOutOfRange { pointer, value } => {
                format!("{pointer}: điểm {value} nằm ngoài thang 0–10")
            }
            AssessError::ScoreTooPrecise { pointer, value } => format!(
                "{pointer}: điểm {value} có nhiều hơn một chữ số thập phân (TT22 Điều 5 khoản 3: lấy đến một chữ số thập phân)"
            ),
            AssessError::InvalidTestScore { pointer, value } => format!(
                "{pointer}: điểm kiểm tra `{value}` không phải số nguyên từ 0 đến 10 (TT27 Điều 7: không cho điểm thập phân)"
            ),
            AssessError::InvalidMark {
                pointer,
                value,
                expected,
            } => format!("{pointer}: `{value}` không thuộc các mức {expected}"),
            AssessError::UnknownSubject {
                pointer,
                subject,
                grade,
            } => format!("{pointer}: `{subject}` không phải môn học của lớp {grade}"),
            AssessError::DuplicateSubject {
                pointer,
                subject,
                first,
            } => format!(
                "{pointer}: môn `{}` được ghi hai lần (lần đầu tại {first})",
                subject.code()
            ),
            AssessError::MissingSubject { pointer, subject } => format!(
                "{pointer}: thiếu môn bắt buộc `{}` ({})",
                subject.code(),
                subject.name_vi()
            ),
            AssessError::InvalidTrait {
                pointer,
                code,
                problem,
            } => format!("{pointer}: {} `{code}`", problem.text(Lang::Vi)),
            AssessError::MissingComponent { pointer, component } => {
                format!("{pointer}: thiếu {}", component_vi(component))
            }
            AssessError::TooFewRegular {
                pointer,
                subject,
                found,
                required,
            } => format!(
                "{pointer}: có {found} điểm đánh giá thường xuyên, môn {} cần {required} (TT22 Điều 6)",
                subject.name_vi()
            ),
            AssessError::TooManyRegular {
                pointer,
                subject,
                found,
                allowed,
            } => format!(
                "{pointer}: có {found} điểm đánh giá thường xuyên, môn {} tối đa {allowed} (TT22 Điều 6)",
                subject.name_vi()
            ),
            AssessError::WrongMarkKind {
                pointer,
                subject,
                expected,
            } => format!(
                "{pointer}: môn {} được đánh giá bằng {}",
                subject.name_vi(),
                if *expected == "score" {
                    "nhận xét kết hợp điểm số"
                } else {
                    "nhận xét (Đạt/Chưa đạt)"
                }
            ),
            AssessError::TestNotApplicable { pointer, subject } => format!(
                "{pointer}: môn {} không có bài kiểm tra định kì ở thời điểm này (TT27 Điều 7 khoản 1 điểm b)",
                subject.name_vi()
            ),
            AssessError::RetestNotApplicable { pointer, subject } => format!(
                "{pointer}: môn {} không thuộc diện kiểm tra, đánh giá lại trong hè (TT22 Điều 14: chỉ khi kết quả học tập Chưa đạt, với môn dưới 5,0 hoặc Chưa đạt)",
                subject.name_vi()
            ),
            AssessError::SummerTrainingNotApplicable { pointer } => format!(
                "{pointer}: có kết quả rèn luyện hè nhưng kết quả rèn luyện cả năm không phải Chưa đạt (TT22 Điều 13)"
            ),
            AssessError::OutOfBounds {
                pointer,
                bound,
                limit,
            } => format!("{pointer}: {} {limit}", bound.text(Lang::Vi)),
            AssessError::ExemptPracticalNotApplicable { pointer, subject } => format!(
                "{pointer}: chỉ môn Giáo dục thể chất và Giáo dục quốc phòng và an ninh có phần thực hành để miễn (TT22 Điều 10), không phải môn {}",
                subject.name_vi()
            ),
            AssessError::DecisionNotApplicable { pointer, what } => {
                format!("{pointer}: không áp dụng {}: {}", what.code(), what.reason(Lang::Vi))
            }
        }
    }
}

/// A size or range limit, worded in both languages ("… at most N").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Bound {
    /// Characters of a text field (1 to N).
    TextChars,
    /// Subjects in one input.
    Subjects,
    /// Qualities or competences in one input.
    Traits,
    /// Sessions of absence in a year.
    Absences,
    /// Nesting of JSON arrays and objects.
    NestingDepth,
    /// Bytes of one JSON string.
    StringBytes,
    /// Items of one JSON array or object.
    Items,
}

impl Bound {
    /// The words before the limit.
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Bound::TextChars, Lang::Vi) => "văn bản phải có từ 1 ký tự, tối đa",
            (Bound::Subjects, Lang::Vi) => "số môn học tối đa",
            (Bound::Traits, Lang::Vi) => "số phẩm chất, năng lực tối đa",
            (Bound::Absences, Lang::Vi) => "số buổi nghỉ phải từ 0 đến",
            (Bound::NestingDepth, Lang::Vi) => "độ sâu lồng nhau tối đa",
            (Bound::StringBytes, Lang::Vi) => "độ dài chuỗi tối đa (byte)",
            (Bound::Items, Lang::Vi) => "số phần tử tối đa",
            (Bound::TextChars, Lang::En) => "text must have 1 character at least, at most",
            (Bound::Subjects, Lang::En) => "subjects at most",
            (Bound::Traits, Lang::En) => "qualities or competences at most",
            (Bound::Absences, Lang::En) => "sessions absent must be 0 to",
            (Bound::NestingDepth, Lang::En) => "nesting depth at most",
            (Bound::StringBytes, Lang::En) => "string length in bytes at most",
            (Bound::Items, Lang::En) => "items at most",
        }
    }
}

/// A decision that only applies in some cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// The principal's learning levels (TT22): only for students assessed against an IEP or exempted.
    PrincipalLearning,
    /// The principal's promotion decision (TT22): IEP/exempt students, or fewer than six score subjects.
    PrincipalPromotion,
    /// TT27 supplementary assessment: only after a Chưa hoàn thành year.
    Supplementary,
    /// TT27 principal's decision: only when the supplementary assessment still finds the grade not completed.
    PrimaryPrincipal,
}

impl Decision {
    /// The input field.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Decision::PrincipalLearning => "principal.learning_*",
            Decision::PrincipalPromotion => "principal.promotion",
            Decision::Supplementary => "supplementary",
            Decision::PrimaryPrincipal => "principal_decision",
        }
    }

    /// Why it does not apply.
    #[must_use]
    pub const fn reason(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Decision::PrincipalLearning, Lang::Vi) => "Hiệu trưởng chỉ quyết định kết quả học tập của học sinh học theo kế hoạch giáo dục cá nhân hoặc được miễn môn (TT22 Điều 11)",
            (Decision::PrincipalLearning, Lang::En) => "the principal decides learning levels only for students assessed against an IEP or exempted (TT22 Điều 11)",
            (Decision::PrincipalPromotion, Lang::Vi) => "việc lên lớp của học sinh này được xét theo TT22 Điều 12 khoản 1–3, không do Hiệu trưởng quyết định",
            (Decision::PrincipalPromotion, Lang::En) => "this student's promotion follows TT22 Điều 12 khoản 1–3, not a principal's decision",
            (Decision::Supplementary, Lang::Vi) => "học sinh đã hoàn thành chương trình lớp học, không đánh giá bổ sung (TT27 Điều 11 khoản 2)",
            (Decision::Supplementary, Lang::En) => "the pupil completed the grade; there is no supplementary assessment (TT27 Điều 11 khoản 2)",
            (Decision::PrimaryPrincipal, Lang::Vi) => "Hiệu trưởng chỉ quyết định khi học sinh vẫn chưa hoàn thành sau đánh giá bổ sung (TT27 Điều 11 khoản 3)",
            (Decision::PrimaryPrincipal, Lang::En) => "the principal decides only when the pupil still has not completed the grade after the supplementary assessment (TT27 Điều 11 khoản 3)",
        }
    }
}

/// What is wrong with a quality or competence entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TraitProblem {
    /// Not a quality or competence code.
    Unknown,
    /// Listed twice.
    Duplicate,
    /// Required for the grade but absent.
    Missing,
}

impl TraitProblem {
    /// The words before the code.
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (TraitProblem::Unknown, Lang::Vi) => "không phải mã phẩm chất hoặc năng lực:",
            (TraitProblem::Duplicate, Lang::Vi) => "được ghi hai lần:",
            (TraitProblem::Missing, Lang::Vi) => "thiếu đánh giá",
            (TraitProblem::Unknown, Lang::En) => "not a quality or competence code:",
            (TraitProblem::Duplicate, Lang::En) => "listed twice:",
            (TraitProblem::Missing, Lang::En) => "missing",
        }
    }
}

/// Translates the English component names used in [`AssessError::MissingComponent`].
fn component_vi(component: &str) -> Cow<'static, str> {
    match component {
        "midterm assessment (ĐĐGgk)" => "điểm đánh giá giữa kì (ĐĐGgk)".into(),
        "final assessment (ĐĐGck)" => "điểm đánh giá cuối kì (ĐĐGck)".into(),
        "regular assessments (ĐĐGtx)" => "điểm đánh giá thường xuyên (ĐĐGtx)".into(),
        "subject level" => "mức đạt được của môn học".into(),
        "periodic test score" => "điểm bài kiểm tra định kì".into(),
        "semester I results" => "kết quả học kì I".into(),
        "end-of-year assessment of every subject" => "đánh giá cuối năm của mọi môn học".into(),
        other => String::from(other).into(),
    }
}

/// Every problem found in an input, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AssessErrors(pub Vec<AssessError>);

impl AssessErrors {
    /// The problems.
    #[must_use]
    pub fn as_slice(&self) -> &[AssessError] {
        &self.0
    }
}

impl From<AssessError> for AssessErrors {
    fn from(e: AssessError) -> Self {
        AssessErrors(alloc::vec![e])
    }
}

impl fmt::Display for AssessErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "[{}] {e}", e.code())?;
        }
        Ok(())
    }
}

impl core::error::Error for AssessErrors {}
