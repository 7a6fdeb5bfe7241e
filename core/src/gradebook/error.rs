//! Problems of a gradebook, each at a cell.

use alloc::format;
use alloc::string::String;

use super::cell_ref;
use crate::assess::AssessError;
use crate::Lang;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GradebookProblem {
    /// The first cell is not `hocba.gradebook/1`.
    NotAGradebook,
    /// A metadata value (`khoi`, `nam_hoc`) is missing or wrong, or a key is unknown.
    BadMetadata(&'static str),
    /// No header row.
    NoHeader,
    /// No `ma_hoc_sinh` column.
    NoStudentIdColumn,
    /// An empty header cell between named ones (often a merged header).
    BlankHeader,
    /// A header hocba does not know.
    UnknownHeader(String),
    /// The same column twice.
    DuplicateHeader {
        /// The first one (0-based).
        first_col: usize,
    },
    /// A column of the other regime (TT27 columns in a TT22 gradebook or the reverse).
    WrongRegimeColumn(String),
    /// A student row without a student code.
    MissingStudentId,
    /// The same student code twice.
    DuplicateStudentId {
        /// The first row (0-based).
        first_row: usize,
    },
    /// Not a whole number (`nghi`).
    NotAWholeNumber(String),
    /// Not a yes/no value (`khen_tap_the`).
    NotYesNo(String),
    /// More rows or columns than the limits.
    TooLarge,
    /// A value the assessment checks refuse.
    Assess(AssessError),
}

/// A problem at a cell (0-based row and column; column `None` for a whole row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradebookError {
    /// Row (0-based).
    pub row: usize,
    /// Column (0-based), when one cell is at fault.
    pub col: Option<usize>,
    /// The student of the row.
    pub student: Option<String>,
    /// What.
    pub problem: GradebookProblem,
}

impl GradebookError {
    pub(super) fn at(row: usize, col: Option<usize>, problem: GradebookProblem) -> Self {
        GradebookError {
            row,
            col,
            student: None,
            problem,
        }
    }

    pub(super) fn student(mut self, id: &str) -> Self {
        self.student = Some(String::from(id));
        self
    }

    /// Stable code: the assessment code for value problems, `gradebook_*` for layout problems.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match &self.problem {
            GradebookProblem::NotAGradebook => "gradebook_not_a_gradebook",
            GradebookProblem::BadMetadata(_) => "gradebook_bad_metadata",
            GradebookProblem::NoHeader => "gradebook_no_header",
            GradebookProblem::NoStudentIdColumn => "gradebook_no_student_id_column",
            GradebookProblem::BlankHeader => "gradebook_blank_header",
            GradebookProblem::UnknownHeader(_) => "gradebook_unknown_header",
            GradebookProblem::DuplicateHeader { .. } => "gradebook_duplicate_header",
            GradebookProblem::WrongRegimeColumn(_) => "gradebook_wrong_regime_column",
            GradebookProblem::MissingStudentId => "gradebook_missing_student_id",
            GradebookProblem::DuplicateStudentId { .. } => "gradebook_duplicate_student_id",
            GradebookProblem::NotAWholeNumber(_) => "gradebook_not_a_whole_number",
            GradebookProblem::NotYesNo(_) => "gradebook_not_yes_no",
            GradebookProblem::TooLarge => "gradebook_too_large",
            GradebookProblem::Assess(e) => e.code(),
        }
    }

    /// "D7", or "row 7" for a whole row.
    #[must_use]
    pub fn location(&self, lang: Lang) -> String {
        match self.col {
            Some(c) => cell_ref(self.row, c),
            None => format!("{} {}", lang.pick("dòng", "row"), self.row + 1),
        }
    }

    /// The message in `lang`, starting with the cell.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let at = self.location(lang);
        let who = self.student.as_ref().map_or_else(String::new, |s| {
            format!(" ({} {s})", lang.pick("học sinh", "student"))
        });
        let vi = lang == Lang::Vi;
        let what = match &self.problem {
            GradebookProblem::NotAGradebook if vi => {
                format!("ô đầu tiên phải là `{}`", super::FORMAT)
            }
            GradebookProblem::NotAGradebook => {
                format!("the first cell must be `{}`", super::FORMAT)
            }
            GradebookProblem::BadMetadata(k) if vi => format!("thông tin lớp `{k}` thiếu hoặc sai"),
            GradebookProblem::BadMetadata(k) => {
                format!("class information `{k}` is missing or wrong")
            }
            GradebookProblem::NoHeader => lang.pick("thiếu dòng tiêu đề", "no header row").into(),
            GradebookProblem::NoStudentIdColumn => lang
                .pick(
                    "thiếu cột ma_hoc_sinh",
                    "no ma_hoc_sinh (student code) column",
                )
                .into(),
            GradebookProblem::BlankHeader => lang
                .pick(
                    "ô tiêu đề trống (ô gộp?): mỗi cột cần một tiêu đề riêng",
                    "blank header cell (merged cells?): every column needs its own header",
                )
                .into(),
            GradebookProblem::UnknownHeader(h) if vi => {
                format!("tiêu đề `{h}` không thuộc mẫu sổ điểm")
            }
            GradebookProblem::UnknownHeader(h) => format!("header `{h}` is not a gradebook column"),
            GradebookProblem::DuplicateHeader { first_col } if vi => {
                format!("cột lặp lại cột {}", cell_ref(self.row, *first_col))
            }
            GradebookProblem::DuplicateHeader { first_col } => {
                format!("column repeats column {}", cell_ref(self.row, *first_col))
            }
            GradebookProblem::WrongRegimeColumn(h) if vi => {
                format!("cột `{h}` không dùng cho khối lớp và năm học này")
            }
            GradebookProblem::WrongRegimeColumn(h) => {
                format!("column `{h}` does not apply to this grade and year")
            }
            GradebookProblem::MissingStudentId => lang
                .pick("thiếu mã học sinh", "missing student code")
                .into(),
            GradebookProblem::DuplicateStudentId { first_row } if vi => {
                format!("mã học sinh trùng với dòng {}", first_row + 1)
            }
            GradebookProblem::DuplicateStudentId { first_row } => {
                format!("student code repeats row {}", first_row + 1)
            }
            GradebookProblem::NotAWholeNumber(v) if vi => format!("`{v}` không phải số nguyên"),
            GradebookProblem::NotAWholeNumber(v) => format!("`{v}` is not a whole number"),
            GradebookProblem::NotYesNo(v) if vi => {
                format!("`{v}` không phải có/không (x hoặc để trống)")
            }
            GradebookProblem::NotYesNo(v) => format!("`{v}` is not yes/no (x or empty)"),
            GradebookProblem::TooLarge => format!(
                "{} {} / {}",
                lang.pick("bảng quá lớn: tối đa", "table too large: at most"),
                super::MAX_ROWS,
                super::MAX_COLUMNS
            ),
            GradebookProblem::Assess(e) => {
                let m = e.message(lang);
                let p = e.pointer();
                if !p.is_empty() && m.starts_with(p) {
                    String::from(m[p.len()..].trim_start_matches(": "))
                } else {
                    m
                }
            }
        };
        format!("{at}{who}: {what}")
    }
}
