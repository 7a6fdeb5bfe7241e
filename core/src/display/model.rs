//! The summary's data: labels and values as text, ready to show.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::Lang;

/// One labelled value ("Họ và tên: Nguyễn Thị Minh Anh", "Danh hiệu: Học sinh Xuất sắc").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisplayField {
    /// The label, in the summary's language.
    pub label: String,
    /// The value as shown.
    pub value: String,
    /// The stable code of the value, for results (`tot`, `len_lop`, `hoc_sinh_xuat_sac`); `None` for
    /// free text (names, dates, numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// One row of the subject table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectDisplay {
    /// Subject code (`toan`).
    pub code: String,
    /// Its name from the catalogue ("Toán"), or the code when the catalogue does not know it.
    pub name: String,
    /// One cell per result column ([`RecordDisplay::subject_columns`] after the first); empty when the
    /// record has no value there.
    pub cells: Vec<String>,
}

/// A record as shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDisplay {
    /// The language of every label and value.
    pub lang: Lang,
    /// `tt22` (grades 6–12) or `tt27` (grades 1–5).
    pub regime: &'static str,
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
    /// Column headings of the subject table: the subject column first, then one per result.
    pub subject_columns: Vec<String>,
    /// The subjects, in the order of the grade's programme.
    pub subjects: Vec<SubjectDisplay>,
    /// TT22 learning level of the year (after retests when there were any); TT27 educational result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learning: Option<DisplayField>,
    /// TT22 conduct (rèn luyện) of the year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conduct: Option<DisplayField>,
    /// TT22 promotion; TT27 completion of the grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promotion: Option<DisplayField>,
    /// Programme completed (grades 5, 9, 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme_completed: Option<DisplayField>,
    /// Year-end title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<DisplayField>,
    /// TT22 sessions absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absences: Option<DisplayField>,
    /// TT27 qualities, end-of-year level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualities: Vec<DisplayField>,
    /// TT27 competences, end-of-year level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<DisplayField>,
    /// Awards other than the title, as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<String>,
}
