//! A validation problem: a stable code, a severity, the JSON pointer of the value at fault and a message
//! in Vietnamese and English. A record is valid when it has no problem of severity [`Severity::Error`].

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;

use crate::assess::AssessError;
use crate::Lang;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record must not be issued as it is.
    Error,
    /// Probably a mistake; the record may still be issued.
    Warning,
}

impl Severity {
    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable machine code (`stated_mismatch`, `invalid_personal_id`, `score_out_of_range`, …).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// RFC 6901 pointer of the value at fault (`""` for the whole record).
    pub pointer: String,
    /// What is wrong, with its data.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem of `kind` at `pointer`, with the kind's code and its usual severity.
    #[must_use]
    pub fn new(pointer: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            code: kind.code(),
            severity: kind.severity(),
            pointer: pointer.into(),
            kind,
        }
    }

    /// The same problem as a warning.
    #[must_use]
    pub fn warning(mut self) -> Problem {
        self.severity = Severity::Warning;
        self
    }

    /// The message in `lang`, without the pointer.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }

    /// Whether this is an error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", self.code)?;
        m.serialize_entry("severity", &self.severity)?;
        m.serialize_entry("pointer", &self.pointer)?;
        m.serialize_entry("message_vi", &self.message(Lang::Vi))?;
        m.serialize_entry("message_en", &self.message(Lang::En))?;
        if let ProblemKind::StatedMismatch {
            field,
            stated,
            computed,
            rule,
        } = &self.kind
        {
            m.serialize_entry("field", field)?;
            m.serialize_entry("stated", stated)?;
            m.serialize_entry("computed", computed)?;
            m.serialize_entry("rule", rule)?;
        }
        m.end()
    }
}

/// Which part of a personal identification number disagrees with the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalIdPart {
    /// The 4th digit: century of birth and sex.
    CenturyAndSex,
    /// Digits 5–6: the last two digits of the year of birth.
    BirthYear,
}

/// What is wrong. Each variant has a stable code ([`ProblemKind::code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// An assessment-input problem found by the engine's checker or by the assessment itself.
    Assess(AssessError),
    /// A member the format does not define.
    UnknownField {
        /// The member name.
        key: String,
    },
    /// A required member is absent.
    MissingField {
        /// The member name.
        key: &'static str,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// What the format wants.
        expected: &'static str,
        /// What the file has.
        found: &'static str,
    },
    /// A code outside its vocabulary.
    InvalidCode {
        /// The value given.
        value: String,
        /// The accepted codes.
        expected: &'static str,
    },
    /// An object that must hold exactly one of some members holds another number of them.
    NotExactlyOne {
        /// The members, one of which is required.
        choices: &'static str,
        /// How many members it holds.
        found: usize,
    },
    /// An array longer than the format allows.
    TooManyItems {
        /// The limit.
        limit: usize,
    },
    /// The typed reader refused the value (should not happen once the shape check passed).
    Structure {
        /// serde's words.
        detail: String,
    },
    /// A string not in Unicode NFC.
    TextNotNfc,
    /// An empty (or blank) text.
    TextEmpty,
    /// A text longer than allowed.
    TextTooLong {
        /// Characters allowed.
        limit: usize,
    },
    /// A name with leading, trailing or doubled spaces.
    TextWhitespace,
    /// A control character in a single-line text.
    TextControlCharacter,
    /// A personal identification number that is not 12 digits.
    InvalidPersonalId {
        /// The value given.
        value: String,
    },
    /// No personal identification number for a Vietnamese national.
    PersonalIdMissing,
    /// The first 3 digits of the personal identification number are no province code.
    PersonalIdProvince {
        /// The 3 digits.
        code: String,
    },
    /// The personal identification number encodes another sex, century or year of birth.
    PersonalIdMismatch {
        /// Which part disagrees.
        part: PersonalIdPart,
        /// What the number says.
        found: String,
        /// What the record's sex and date of birth give.
        expected: String,
    },
    /// A MOET student code of the wrong form.
    InvalidStudentCode {
        /// The value given.
        value: String,
    },
    /// A school code of the wrong form.
    InvalidSchoolCode {
        /// The value given.
        value: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist.
    InvalidDate {
        /// The value given.
        value: String,
    },
    /// A time that is not RFC 3339 with an offset.
    InvalidDateTime {
        /// The value given.
        value: String,
    },
    /// A school year that is not `YYYY-YYYY`.
    InvalidSchoolYear {
        /// The value given.
        value: String,
    },
    /// The student was born after the school year started.
    BirthAfterSchoolYear,
    /// The age is unusual for the grade.
    ImplausibleAge {
        /// Age in the calendar year the school year starts.
        age: i64,
        /// Grade.
        grade: i64,
    },
    /// `record_id` is not built from its parts.
    RecordIdMismatch {
        /// The id given.
        found: String,
        /// The id the parts give.
        expected: String,
    },
    /// Version below 1.
    InvalidVersion {
        /// The value given.
        value: i64,
    },
    /// A version after the first without `supersedes`.
    SupersedesMissing,
    /// Version 1 with `supersedes`.
    SupersedesUnexpected,
    /// `supersedes` names this record, or a version that is not older.
    SupersedesNotOlder {
        /// The id given.
        record_id: String,
    },
    /// A digest that is not 64 lower-case hex digits.
    InvalidDigest {
        /// The value given.
        value: String,
    },
    /// An audit entry that is not a legal transition from the state before it.
    InvalidTransition {
        /// The state before.
        from: &'static str,
        /// The action.
        action: &'static str,
    },
    /// Audit entries out of time order.
    AuditOutOfOrder,
    /// An unlock without a reason.
    UnlockReasonMissing,
    /// `status` disagrees with the audit log.
    StatusMismatch {
        /// The status written.
        status: &'static str,
        /// The status the audit log ends in.
        audit: &'static str,
    },
    /// Locked without `locked_at`.
    LockDateMissing,
    /// A draft with `locked_at`.
    LockDateUnexpected,
    /// `locked_at` is not the time of the last lock in the audit log.
    LockDateMismatch {
        /// The time of the last lock.
        expected: String,
    },
    /// Locked before the school year started.
    LockBeforeSchoolYear,
    /// Locked while the year's results are not final.
    LockedBeforeFinal {
        /// The engine's status code.
        status: &'static str,
    },
    /// `stated` is for the other regime.
    StatedRegimeMismatch {
        /// The regime the record's grade and year fall under.
        expected: &'static str,
    },
    /// A stated subject that is not among the record's subjects.
    StatedSubjectUnknown {
        /// The code given.
        subject: String,
    },
    /// A subject stated twice.
    StatedSubjectDuplicate {
        /// The code given.
        subject: String,
    },
    /// A stated value that is not a score, level or status of its kind.
    StatedInvalidValue {
        /// The value given.
        value: String,
        /// What is accepted, in Vietnamese and in English.
        expected: (&'static str, &'static str),
    },
    /// A stated score not written with exactly one decimal.
    StatedNotCanonical {
        /// The value given.
        value: String,
        /// How it must be written.
        canonical: String,
    },
    /// A stated result that differs from the engine's.
    StatedMismatch {
        /// Which result (`subjects.toan.year`, `learning.year`, `promotion`, …).
        field: String,
        /// What the record says.
        stated: String,
        /// What the engine computes.
        computed: String,
        /// The article applied.
        rule: &'static str,
    },
    /// A result the engine computes that the record does not state.
    StatedMissing {
        /// Which result.
        field: String,
        /// What the engine computes.
        computed: String,
    },
    /// A stated result the data cannot produce (the engine computes none).
    StatedNotComputable {
        /// Which result.
        field: String,
        /// What the record says.
        stated: String,
    },
    /// A comment for a subject the record does not have.
    CommentSubjectUnknown {
        /// The code given.
        subject: String,
    },
    /// Two comments for one subject, quality or competence.
    CommentDuplicate {
        /// The code given.
        code: String,
    },
    /// A comment on a quality or competence the record does not assess.
    CommentTraitUnknown {
        /// The code given.
        code: String,
    },
    /// Quality or competence comments in a TT22 record.
    CommentNotApplicable,
    /// An award dated outside the school year.
    AwardOutsideSchoolYear,
    /// More problems than are reported.
    ProblemsTruncated {
        /// How many are reported.
        limit: usize,
    },
}

impl ProblemKind {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Assess(e) => e.code(),
            ProblemKind::UnknownField { .. } => "unknown_field",
            ProblemKind::MissingField { .. } => "missing_field",
            ProblemKind::WrongType { .. } => "wrong_type",
            ProblemKind::InvalidCode { .. } => "invalid_code",
            ProblemKind::NotExactlyOne { .. } => "not_exactly_one",
            ProblemKind::TooManyItems { .. } => "too_many_items",
            ProblemKind::Structure { .. } => "json_structure",
            ProblemKind::TextNotNfc => "text_not_nfc",
            ProblemKind::TextEmpty => "text_empty",
            ProblemKind::TextTooLong { .. } => "text_too_long",
            ProblemKind::TextWhitespace => "text_whitespace",
            ProblemKind::TextControlCharacter => "text_control_character",
            ProblemKind::InvalidPersonalId { .. } => "invalid_personal_id",
            ProblemKind::PersonalIdMissing => "personal_id_missing",
            ProblemKind::PersonalIdProvince { .. } => "personal_id_unknown_province",
            ProblemKind::PersonalIdMismatch { .. } => "personal_id_mismatch",
            ProblemKind::InvalidStudentCode { .. } => "invalid_student_code",
            ProblemKind::InvalidSchoolCode { .. } => "invalid_school_code",
            ProblemKind::InvalidDate { .. } => "invalid_date",
            ProblemKind::InvalidDateTime { .. } => "invalid_date_time",
            ProblemKind::InvalidSchoolYear { .. } => "invalid_school_year",
            ProblemKind::BirthAfterSchoolYear => "birth_after_school_year",
            ProblemKind::ImplausibleAge { .. } => "implausible_age",
            ProblemKind::RecordIdMismatch { .. } => "record_id_mismatch",
            ProblemKind::InvalidVersion { .. } => "invalid_version",
            ProblemKind::SupersedesMissing => "supersedes_missing",
            ProblemKind::SupersedesUnexpected => "supersedes_unexpected",
            ProblemKind::SupersedesNotOlder { .. } => "supersedes_not_older",
            ProblemKind::InvalidDigest { .. } => "invalid_digest",
            ProblemKind::InvalidTransition { .. } => "invalid_transition",
            ProblemKind::AuditOutOfOrder => "audit_out_of_order",
            ProblemKind::UnlockReasonMissing => "unlock_reason_missing",
            ProblemKind::StatusMismatch { .. } => "status_mismatch",
            ProblemKind::LockDateMissing => "lock_date_missing",
            ProblemKind::LockDateUnexpected => "lock_date_unexpected",
            ProblemKind::LockDateMismatch { .. } => "lock_date_mismatch",
            ProblemKind::LockBeforeSchoolYear => "lock_before_school_year",
            ProblemKind::LockedBeforeFinal { .. } => "locked_before_final",
            ProblemKind::StatedRegimeMismatch { .. } => "stated_regime_mismatch",
            ProblemKind::StatedSubjectUnknown { .. } => "stated_subject_unknown",
            ProblemKind::StatedSubjectDuplicate { .. } => "stated_subject_duplicate",
            ProblemKind::StatedInvalidValue { .. } => "stated_invalid_value",
            ProblemKind::StatedNotCanonical { .. } => "stated_not_canonical",
            ProblemKind::StatedMismatch { .. } => "stated_mismatch",
            ProblemKind::StatedMissing { .. } => "stated_missing",
            ProblemKind::StatedNotComputable { .. } => "stated_not_computable",
            ProblemKind::CommentSubjectUnknown { .. } => "comment_subject_unknown",
            ProblemKind::CommentDuplicate { .. } => "comment_duplicate",
            ProblemKind::CommentTraitUnknown { .. } => "comment_trait_unknown",
            ProblemKind::CommentNotApplicable => "comment_not_applicable",
            ProblemKind::AwardOutsideSchoolYear => "award_outside_school_year",
            ProblemKind::ProblemsTruncated { .. } => "problems_truncated",
        }
    }

    /// The usual severity: warnings for what may be legitimate, errors for the rest.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::PersonalIdMissing
            | ProblemKind::PersonalIdProvince { .. }
            | ProblemKind::PersonalIdMismatch { .. }
            | ProblemKind::ImplausibleAge { .. }
            | ProblemKind::AwardOutsideSchoolYear => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang`.
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per variant, both languages side by side for translators
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let pick = |v: Cow<'static, str>, e: Cow<'static, str>| -> String {
            if vi {
                v.into_owned()
            } else {
                e.into_owned()
            }
        };
        match self {
            ProblemKind::Assess(e) => {
                let text = e.message(lang);
                let prefix = format!("{}: ", e.pointer());
                match text.strip_prefix(&prefix) {
                    Some(rest) if !e.pointer().is_empty() => rest.into(),
                    _ => text,
                }
            }
            ProblemKind::UnknownField { key } => pick(
                format!("trường `{key}` không có trong định dạng hocba.record/1").into(),
                format!("`{key}` is not a field of hocba.record/1").into(),
            ),
            ProblemKind::MissingField { key } => pick(
                format!("thiếu trường bắt buộc `{key}`").into(),
                format!("required field `{key}` is missing").into(),
            ),
            ProblemKind::WrongType { expected, found } => pick(
                format!("cần {} nhưng có {}", type_vi(expected), type_vi(found)).into(),
                format!("expected {expected}, found {found}").into(),
            ),
            ProblemKind::InvalidCode { value, expected } => pick(
                format!("`{value}` không thuộc các giá trị {expected}").into(),
                format!("`{value}` is not one of {expected}").into(),
            ),
            ProblemKind::NotExactlyOne { choices, found } => pick(
                format!("phải có đúng một trong các trường {choices}, nhưng có {found}").into(),
                format!("must hold exactly one of {choices}, holds {found} members").into(),
            ),
            ProblemKind::TooManyItems { limit } => pick(
                format!("nhiều hơn {limit} phần tử").into(),
                format!("more than {limit} items").into(),
            ),
            ProblemKind::Structure { detail } => pick(
                format!("sai cấu trúc — {detail}").into(),
                format!("wrong structure — {detail}").into(),
            ),
            ProblemKind::TextNotNfc => pick(
                "văn bản không ở dạng Unicode dựng sẵn (NFC): cùng một tên gõ theo hai cách sẽ cho hai mã băm khác nhau; hãy chuyển sang Unicode dựng sẵn".into(),
                "text is not in Unicode Normalization Form C (NFC): one name typed two ways would give two digests; convert it to NFC".into(),
            ),
            ProblemKind::TextEmpty => pick("văn bản rỗng".into(), "text is empty".into()),
            ProblemKind::TextTooLong { limit } => pick(
                format!("văn bản dài quá {limit} ký tự").into(),
                format!("text longer than {limit} characters").into(),
            ),
            ProblemKind::TextWhitespace => pick(
                "có dấu cách ở đầu, ở cuối hoặc hai dấu cách liền nhau: một tên chỉ có một cách viết".into(),
                "leading, trailing or doubled spaces: a name has one spelling".into(),
            ),
            ProblemKind::TextControlCharacter => pick(
                "có ký tự điều khiển (xuống dòng, tab…) trong văn bản một dòng".into(),
                "control character (line break, tab…) in a single-line text".into(),
            ),
            ProblemKind::InvalidPersonalId { value } => pick(
                format!("số định danh cá nhân `{value}` phải gồm đúng 12 chữ số").into(),
                format!("personal identification number `{value}` must be exactly 12 digits").into(),
            ),
            ProblemKind::PersonalIdMissing => pick(
                "học sinh quốc tịch Việt Nam nhưng thiếu số định danh cá nhân".into(),
                "a Vietnamese national without a personal identification number".into(),
            ),
            ProblemKind::PersonalIdProvince { code } => pick(
                format!("3 chữ số đầu `{code}` của số định danh cá nhân không phải mã tỉnh nơi đăng ký khai sinh").into(),
                format!("the first 3 digits `{code}` of the personal identification number are not a province code").into(),
            ),
            ProblemKind::PersonalIdMismatch {
                part,
                found,
                expected,
            } => match part {
                PersonalIdPart::CenturyAndSex => pick(
                    format!("chữ số thứ 4 của số định danh cá nhân là {found}, nhưng giới tính và thế kỷ sinh ghi trong hồ sơ cho {expected}").into(),
                    format!("the 4th digit of the personal identification number is {found}, but the record's sex and century of birth give {expected}").into(),
                ),
                PersonalIdPart::BirthYear => pick(
                    format!("chữ số thứ 5–6 của số định danh cá nhân là {found}, nhưng năm sinh ghi trong hồ sơ cho {expected}").into(),
                    format!("digits 5–6 of the personal identification number are {found}, but the record's year of birth gives {expected}").into(),
                ),
            },
            ProblemKind::InvalidStudentCode { value } => pick(
                format!("mã học sinh `{value}` phải gồm 1–32 chữ cái hoặc chữ số ASCII").into(),
                format!("student code `{value}` must be 1–32 ASCII letters or digits").into(),
            ),
            ProblemKind::InvalidSchoolCode { value } => pick(
                format!("mã trường `{value}` phải gồm 1–32 chữ cái hoặc chữ số ASCII").into(),
                format!("school code `{value}` must be 1–32 ASCII letters or digits").into(),
            ),
            ProblemKind::InvalidDate { value } => pick(
                format!("`{value}` không phải ngày có thật dạng YYYY-MM-DD").into(),
                format!("`{value}` is not an existing date written YYYY-MM-DD").into(),
            ),
            ProblemKind::InvalidDateTime { value } => pick(
                format!("`{value}` không phải thời điểm RFC 3339 có múi giờ (ví dụ 2025-05-31T16:00:00+07:00)").into(),
                format!("`{value}` is not an RFC 3339 time with an offset (e.g. 2025-05-31T16:00:00+07:00)").into(),
            ),
            ProblemKind::InvalidSchoolYear { value } => pick(
                format!("năm học `{value}` không đúng dạng 2024-2025").into(),
                format!("school year `{value}` is not of the form 2024-2025").into(),
            ),
            ProblemKind::BirthAfterSchoolYear => pick(
                "ngày sinh sau ngày bắt đầu năm học".into(),
                "date of birth after the start of the school year".into(),
            ),
            ProblemKind::ImplausibleAge { age, grade } => pick(
                format!("học sinh {age} tuổi (tính theo năm) học lớp {grade}: hãy kiểm tra ngày sinh").into(),
                format!("a student aged {age} (by year of birth) in grade {grade}: check the date of birth").into(),
            ),
            ProblemKind::RecordIdMismatch { found, expected } => pick(
                format!("mã hồ sơ `{found}` phải là `{expected}` (mã trường.năm học.mã học sinh.v phiên bản)").into(),
                format!("record id `{found}` must be `{expected}` (school code.school year.student code.v version)").into(),
            ),
            ProblemKind::InvalidVersion { value } => pick(
                format!("phiên bản {value} không hợp lệ (từ 1 trở lên)").into(),
                format!("version {value} is invalid (1 or more)").into(),
            ),
            ProblemKind::SupersedesMissing => pick(
                "phiên bản đính chính (từ 2 trở lên) phải ghi `supersedes`: mã hồ sơ, mã băm và lý do của bản được thay thế".into(),
                "a correction (version 2 or more) must carry `supersedes`: the replaced record's id, digest and reason".into(),
            ),
            ProblemKind::SupersedesUnexpected => pick(
                "phiên bản 1 không thay thế hồ sơ nào".into(),
                "version 1 replaces no record".into(),
            ),
            ProblemKind::SupersedesNotOlder { record_id } => pick(
                format!("`{record_id}` không phải một phiên bản cũ hơn của hồ sơ này").into(),
                format!("`{record_id}` is not an older version of this record").into(),
            ),
            ProblemKind::InvalidDigest { value } => pick(
                format!("mã băm `{value}` phải gồm 64 chữ số thập lục phân viết thường (SHA-256)").into(),
                format!("digest `{value}` must be 64 lower-case hex digits (SHA-256)").into(),
            ),
            ProblemKind::InvalidTransition { from, action } => pick(
                format!("không thể `{action}` khi hồ sơ đang ở trạng thái `{from}`").into(),
                format!("cannot `{action}` a record in state `{from}`").into(),
            ),
            ProblemKind::AuditOutOfOrder => pick(
                "nhật ký không theo thứ tự thời gian".into(),
                "audit log entries are not in time order".into(),
            ),
            ProblemKind::UnlockReasonMissing => pick(
                "mở khoá sổ phải ghi lý do".into(),
                "an unlock must give a reason".into(),
            ),
            ProblemKind::StatusMismatch { status, audit } => pick(
                format!("trạng thái ghi là `{status}` nhưng nhật ký kết thúc ở `{audit}`").into(),
                format!("status is `{status}` but the audit log ends in `{audit}`").into(),
            ),
            ProblemKind::LockDateMissing => pick(
                "hồ sơ đã khoá nhưng thiếu thời điểm khoá `locked_at`".into(),
                "locked without `locked_at`".into(),
            ),
            ProblemKind::LockDateUnexpected => pick(
                "hồ sơ đang soạn thảo không có thời điểm khoá".into(),
                "a draft has no `locked_at`".into(),
            ),
            ProblemKind::LockDateMismatch { expected } => pick(
                format!("thời điểm khoá phải là thời điểm của lần khoá cuối cùng trong nhật ký, {expected}").into(),
                format!("`locked_at` must be the time of the last lock in the audit log, {expected}").into(),
            ),
            ProblemKind::LockBeforeSchoolYear => pick(
                "khoá sổ trước khi năm học bắt đầu".into(),
                "locked before the school year started".into(),
            ),
            ProblemKind::LockedBeforeFinal { status } => pick(
                format!("đã khoá sổ khi kết quả cả năm chưa cuối cùng (`{status}`): chỉ khoá và ký sau khi có kết quả sau rèn luyện, đánh giá lại trong hè").into(),
                format!("locked while the year's results are not final (`{status}`): lock and sign only after the post-summer results").into(),
            ),
            ProblemKind::StatedRegimeMismatch { expected } => pick(
                format!("kết quả ghi trong `stated` phải theo `{expected}` như lớp và năm học của hồ sơ").into(),
                format!("`stated` must be under `{expected}`, the regime of the record's grade and year").into(),
            ),
            ProblemKind::StatedSubjectUnknown { subject } => pick(
                format!("môn `{subject}` không có trong dữ liệu đánh giá của hồ sơ").into(),
                format!("subject `{subject}` is not among the record's assessed subjects").into(),
            ),
            ProblemKind::StatedSubjectDuplicate { subject } => pick(
                format!("môn `{subject}` được ghi kết quả hai lần").into(),
                format!("subject `{subject}` is stated twice").into(),
            ),
            ProblemKind::StatedInvalidValue {
                value,
                expected: (expected_vi, expected_en),
            } => pick(
                format!("`{value}` không phải {expected_vi}").into(),
                format!("`{value}` is not {expected_en}").into(),
            ),
            ProblemKind::StatedNotCanonical { value, canonical } => pick(
                format!("điểm `{value}` phải viết đúng một chữ số thập phân: `{canonical}`").into(),
                format!("score `{value}` must be written with exactly one decimal: `{canonical}`").into(),
            ),
            ProblemKind::StatedMismatch {
                field,
                stated,
                computed,
                rule,
            } => {
                let (label, computed) = (field_label(field, lang), none_word(computed, lang));
                pick(
                    format!("{label}: hồ sơ ghi `{stated}`, tính lại theo quy định được `{computed}` ({rule})").into(),
                    format!("{label}: the record states `{stated}`, the rules give `{computed}` ({rule})").into(),
                )
            }
            ProblemKind::StatedMissing { field, computed } => {
                let label = field_label(field, lang);
                pick(
                    format!("{label}: chưa ghi kết quả; tính theo quy định được `{computed}`").into(),
                    format!("{label}: not stated; the rules give `{computed}`").into(),
                )
            }
            ProblemKind::StatedNotComputable { field, stated } => {
                let label = field_label(field, lang);
                pick(
                    format!("{label}: hồ sơ ghi `{stated}` nhưng dữ liệu chưa đủ để có kết quả này").into(),
                    format!("{label}: the record states `{stated}` but the data do not yield this result").into(),
                )
            }
            ProblemKind::CommentSubjectUnknown { subject } => pick(
                format!("nhận xét cho môn `{subject}` không có trong dữ liệu đánh giá").into(),
                format!("comment for subject `{subject}`, which the record does not assess").into(),
            ),
            ProblemKind::CommentDuplicate { code } => pick(
                format!("hai nhận xét cho `{code}`").into(),
                format!("two comments for `{code}`").into(),
            ),
            ProblemKind::CommentTraitUnknown { code } => pick(
                format!("nhận xét cho phẩm chất/năng lực `{code}` không được đánh giá trong hồ sơ").into(),
                format!("comment on quality/competence `{code}`, which the record does not assess").into(),
            ),
            ProblemKind::CommentNotApplicable => pick(
                "nhận xét phẩm chất, năng lực theo từng mục chỉ có trong học bạ tiểu học (TT27)".into(),
                "per-quality and per-competence comments belong to primary records (TT27) only".into(),
            ),
            ProblemKind::AwardOutsideSchoolYear => pick(
                "ngày khen thưởng nằm ngoài năm học".into(),
                "award dated outside the school year".into(),
            ),
            ProblemKind::ProblemsTruncated { limit } => pick(
                format!("còn lỗi khác; chỉ báo {limit} lỗi đầu tiên").into(),
                format!("more problems; only the first {limit} are reported").into(),
            ),
        }
    }
}

/// "none" (no title, no programme completed) in `lang`.
fn none_word(value: &str, lang: Lang) -> &str {
    if value == "none" {
        lang.pick("không có", "none")
    } else {
        value
    }
}

/// A stated result's name as a reader says it: `subjects.toan.year` → "Toán, cả năm".
#[must_use]
pub fn field_label(field: &str, lang: Lang) -> String {
    use crate::rules::catalogue::Subject;
    use crate::trace::Term;
    let term = |t: &str| -> Option<&'static str> {
        Some(match t {
            "hk1" => Term::Hk1.label(lang),
            "hk2" => Term::Hk2.label(lang),
            "year" => Term::Year.label(lang),
            "year_after_retest" => Term::YearAfterRetest.label(lang),
            "cn" => Term::Cn.label(lang),
            "retest" => lang.pick("đánh giá lại trong hè", "summer re-assessment"),
            _ => return None,
        })
    };
    let subject = |code: &str| {
        code.parse::<Subject>().map_or(String::from(code), |s| {
            String::from(lang.pick(s.name_vi(), s.name_en()))
        })
    };
    let parts: alloc::vec::Vec<&str> = field.split('.').collect();
    let label = match parts.as_slice() {
        ["subjects", code, t] => term(t).map(|t| format!("{}, {t}", subject(code))),
        ["subjects", code] => Some(subject(code)),
        ["tests", code, t] => term(t).map(|t| {
            format!(
                "{}, {}",
                lang.pick("Điểm kiểm tra định kì", "Periodic test"),
                subject(code)
            ) + &format!(" ({t})")
        }),
        ["learning", t] => {
            term(t).map(|t| format!("{}, {t}", lang.pick("Kết quả học tập", "Learning result")))
        }
        ["conduct_year"] => Some(
            lang.pick("Kết quả rèn luyện cả năm", "Conduct, whole year")
                .into(),
        ),
        ["promotion"] => Some(lang.pick("Lên lớp", "Promotion").into()),
        ["title"] => Some(lang.pick("Danh hiệu", "Title").into()),
        ["programme_completed"] => Some(
            lang.pick("Hoàn thành chương trình cấp học", "Programme completed")
                .into(),
        ),
        ["result"] => Some(
            lang.pick(
                "Kết quả giáo dục cuối năm",
                "End-of-year educational result",
            )
            .into(),
        ),
        ["completion"] => Some(
            lang.pick("Hoàn thành chương trình lớp học", "Completion of the grade")
                .into(),
        ),
        _ => None,
    };
    label.unwrap_or_else(|| String::from(field))
}

/// Vietnamese words for the JSON types named in [`ProblemKind::WrongType`].
fn type_vi(t: &str) -> &str {
    match t {
        "string" => "chuỗi",
        "integer" => "số nguyên",
        "number" => "số",
        "boolean" => "true/false",
        "object" => "đối tượng",
        "array" => "mảng",
        "null" => "null",
        other => other,
    }
}

/// Appends `token` to a JSON pointer, escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
pub fn push_pointer_token(pointer: &mut String, token: &str) {
    // Walkers call this for every key of every record; almost no key needs escaping.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}
