//! The display summary of a record, as uniffi records: mirrors of `hocba_core::display`, every label and
//! value already written in the requested language (decimals as text: "8,3" in Vietnamese).

use hocba_core::display::{self as core_display, DisplayError};

use crate::{HocbaError, Language};

/// One labelled value ("Danh hiệu: Học sinh Xuất sắc").
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DisplayField {
    /// The label.
    pub label: String,
    /// The value as shown.
    pub value: String,
    /// The stable code of a result value (`tot`, `len_lop`); `None` for names, dates and numbers.
    pub code: Option<String>,
}

/// One row of the subject table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SubjectDisplay {
    /// Subject code (`toan`).
    pub code: String,
    /// Its name ("Toán").
    pub name: String,
    /// One cell per result column (`RecordDisplay.subject_columns` after the first).
    pub cells: Vec<String>,
}

/// What the app shows of a record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecordDisplay {
    /// The language of every label and value.
    pub language: Language,
    /// `tt22` (grades 6–12) or `tt27` (grades 1–5).
    pub regime: String,
    /// The record id.
    pub record_id: String,
    /// Họ và tên.
    pub student_name: DisplayField,
    /// Ngày sinh, dd/mm/yyyy.
    pub date_of_birth: DisplayField,
    /// Lớp.
    pub class_name: DisplayField,
    /// Trường.
    pub school: DisplayField,
    /// Năm học.
    pub school_year: DisplayField,
    /// Khối lớp.
    pub grade: DisplayField,
    /// Column headings of the subject table, the subject column first.
    pub subject_columns: Vec<String>,
    /// The subjects in the order of the grade's programme.
    pub subjects: Vec<SubjectDisplay>,
    /// TT22 learning level of the year; TT27 educational result.
    pub learning: Option<DisplayField>,
    /// TT22 conduct (rèn luyện) of the year.
    pub conduct: Option<DisplayField>,
    /// TT22 promotion; TT27 completion of the grade.
    pub promotion: Option<DisplayField>,
    /// Programme completed (grades 5, 9, 12).
    pub programme_completed: Option<DisplayField>,
    /// Year-end title.
    pub title: Option<DisplayField>,
    /// TT22 sessions absent.
    pub absences: Option<DisplayField>,
    /// TT27 qualities, end-of-year level.
    pub qualities: Vec<DisplayField>,
    /// TT27 competences, end-of-year level.
    pub competences: Vec<DisplayField>,
    /// Awards other than the title.
    pub awards: Vec<String>,
}

impl From<core_display::DisplayField> for DisplayField {
    fn from(f: core_display::DisplayField) -> Self {
        DisplayField {
            label: f.label,
            value: f.value,
            code: f.code,
        }
    }
}

impl From<core_display::RecordDisplay> for RecordDisplay {
    fn from(d: core_display::RecordDisplay) -> Self {
        let fields = |v: Vec<core_display::DisplayField>| v.into_iter().map(Into::into).collect();
        RecordDisplay {
            language: d.lang.into(),
            regime: d.regime.into(),
            record_id: d.record_id,
            student_name: d.student_name.into(),
            date_of_birth: d.date_of_birth.into(),
            class_name: d.class_name.into(),
            school: d.school.into(),
            school_year: d.school_year.into(),
            grade: d.grade.into(),
            subject_columns: d.subject_columns,
            subjects: d
                .subjects
                .into_iter()
                .map(|s| SubjectDisplay {
                    code: s.code,
                    name: s.name,
                    cells: s.cells,
                })
                .collect(),
            learning: d.learning.map(Into::into),
            conduct: d.conduct.map(Into::into),
            promotion: d.promotion.map(Into::into),
            programme_completed: d.programme_completed.map(Into::into),
            title: d.title.map(Into::into),
            absences: d.absences.map(Into::into),
            qualities: fields(d.qualities),
            competences: fields(d.competences),
            awards: d.awards,
        }
    }
}

fn display_error(e: &DisplayError, lang: hocba_core::Lang) -> HocbaError {
    match e {
        DisplayError::InputTooLarge { size, limit } => {
            HocbaError::too_large(lang.pick("hồ sơ", "record"), *size, *limit, lang)
        }
        _ => {
            let mut problems: Vec<String> = e
                .problems()
                .iter()
                .map(|p| format!("{} {}: {}", p.code, p.pointer, p.message(lang)))
                .collect();
            if problems.is_empty() {
                problems.push(format!("{} {}", e.code(), e.message(lang)));
            }
            HocbaError::InvalidInput {
                code: e.code().into(),
                detail: e.message(lang),
                problems,
            }
        }
    }
}

/// The summary of the record in a signed envelope (`hocba.signed/1`) or a bare record (`hocba.record/1`).
/// It verifies nothing: show it only beside a valid `VerificationResult` (whose `display` is this same
/// summary, present only when the signatures and the digest hold).
///
/// # Errors
/// [`HocbaError::InputTooLarge`] beyond 4 MiB; [`HocbaError::InvalidInput`] for bytes that are not a
/// record (`empty_input`, `not_utf8`, `json_syntax`, `unsupported_format`, `record_shape`…).
#[uniffi::export]
pub fn display_summary(
    envelope_or_record: Vec<u8>,
    language: Language,
) -> Result<RecordDisplay, HocbaError> {
    let lang = language.into();
    core_display::display_bytes(&envelope_or_record, lang)
        .map(Into::into)
        .map_err(|e| display_error(&e, lang))
}
