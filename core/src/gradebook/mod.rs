//! Class gradebooks as tables: one row per student, one column per component (`docs/gradebook.md`).
//!
//! The reading of spreadsheet files is the frontends' job (the CLI reads .xlsx with calamine and .csv);
//! this module turns a table of cell texts into a class input and every problem into a cell reference
//! ("D7"), by running the same checks as `hocba assess` and mapping their JSON pointers back to cells.

mod build;
pub mod columns;
mod error;

use alloc::string::String;
use alloc::vec::Vec;

pub use build::{cell_value, layout_for};
pub use columns::{header_of, parse_header, Column, HeaderProblem, Part, Point, PrimaryField};
pub use error::{GradebookError, GradebookProblem};

use crate::assess::raw::{check, RawClassInput};
use crate::rules::{regime_for, Regime};
use crate::school_year::{Grade, SchoolYear};
use crate::RulesConfig;

/// The tag in the first cell of a gradebook.
pub const FORMAT: &str = "hocba.gradebook/1";

/// Most student rows in one gradebook.
pub const MAX_ROWS: usize = 20_000;
/// Most columns.
pub const MAX_COLUMNS: usize = 1_000;

/// A1-style reference of a 0-based (row, column).
#[must_use]
pub fn cell_ref(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let mut s = String::from_utf8(letters).unwrap_or_default();
    s.push_str(&alloc::format!("{}", row + 1));
    s
}

/// The gradebook's first row: `hocba.gradebook/1`, then key/value pairs (`khoi`, `nam_hoc`, `lop`, `truong`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Grade.
    pub grade: Grade,
    /// School year.
    pub school_year: SchoolYear,
    /// Class name.
    pub class: Option<String>,
    /// School name.
    pub school: Option<String>,
}

/// A gradebook read into a class input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Grade, year, class, school.
    pub metadata: Metadata,
    /// The class input, one student per non-empty row, in row order.
    pub class: RawClassInput,
}

/// Reads a table (rows of cell texts; empty string = empty cell) into a class input, checking every value.
///
/// # Errors
/// Every problem, each with its cell (row and column, 0-based) and the student concerned.
pub fn import(
    table: &[Vec<String>],
    config: &RulesConfig,
) -> Result<Imported, Vec<GradebookError>> {
    let mut errors = Vec::new();
    if table.len() > MAX_ROWS + 2 || table.iter().any(|r| r.len() > MAX_COLUMNS) {
        errors.push(GradebookError::at(0, None, GradebookProblem::TooLarge));
        return Err(errors);
    }
    let metadata = match read_metadata(table.first().map_or(&[][..], Vec::as_slice)) {
        Ok(m) => m,
        Err(e) => {
            errors.push(e);
            return Err(errors);
        }
    };
    let regime = regime_for(metadata.grade, metadata.school_year);
    let Some(header) = table.get(1) else {
        errors.push(GradebookError::at(1, None, GradebookProblem::NoHeader));
        return Err(errors);
    };
    let columns = read_header(header, regime, &mut errors);
    if !columns.contains(&Some(Column::StudentId)) {
        errors.push(GradebookError::at(
            1,
            None,
            GradebookProblem::NoStudentIdColumn,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut students = Vec::new();
    let mut seen_ids: Vec<(String, usize)> = Vec::new();
    for (r, row) in table.iter().enumerate().skip(2) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let built = build::student(&metadata, regime, &columns, row, false);
        let Some(id) = built.id.clone() else {
            errors.push(GradebookError::at(
                r,
                id_column(&columns),
                GradebookProblem::MissingStudentId,
            ));
            continue;
        };
        if let Some((_, first)) = seen_ids.iter().find(|(s, _)| *s == id) {
            errors.push(
                GradebookError::at(
                    r,
                    id_column(&columns),
                    GradebookProblem::DuplicateStudentId { first_row: *first },
                )
                .student(&id),
            );
            continue;
        }
        seen_ids.push((id.clone(), r));
        let mut row_ok = built.problems.is_empty();
        for (col, problem) in built.problems {
            errors.push(GradebookError::at(r, Some(col), problem).student(&id));
        }
        if let Err(problems) = check(&built.input, config) {
            row_ok = false;
            // Second pass with the pointer map: only rows with problems pay for it.
            let mapped = build::student(&metadata, regime, &columns, row, true);
            for p in problems {
                let col = mapped.column_of(p.pointer());
                errors.push(GradebookError::at(r, col, GradebookProblem::Assess(p)).student(&id));
            }
        }
        if row_ok {
            students.push(built.input);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Imported {
        class: RawClassInput {
            format: Some(String::from(crate::assess::raw::CLASS_FORMAT)),
            class: metadata.class.clone(),
            school: metadata.school.clone(),
            students,
        },
        metadata,
    })
}

fn id_column(columns: &[Option<Column>]) -> Option<usize> {
    columns.iter().position(|c| *c == Some(Column::StudentId))
}

fn read_metadata(row: &[String]) -> Result<Metadata, GradebookError> {
    if row.first().map(|s| s.trim()) != Some(FORMAT) {
        return Err(GradebookError::at(
            0,
            Some(0),
            GradebookProblem::NotAGradebook,
        ));
    }
    let mut grade = None;
    let mut year = None;
    let (mut class, mut school) = (None, None);
    let mut i = 1;
    while i + 1 < row.len() {
        let (key, value) = (row[i].trim(), row[i + 1].trim());
        match key {
            "khoi" => {
                grade = Some(
                    value
                        .parse::<u8>()
                        .ok()
                        .and_then(Grade::new)
                        .ok_or_else(|| {
                            GradebookError::at(
                                0,
                                Some(i + 1),
                                GradebookProblem::BadMetadata("khoi"),
                            )
                        })?,
                );
            }
            "nam_hoc" => {
                year = Some(value.parse::<SchoolYear>().map_err(|_| {
                    GradebookError::at(0, Some(i + 1), GradebookProblem::BadMetadata("nam_hoc"))
                })?);
            }
            "lop" => class = Some(String::from(value)),
            "truong" => school = Some(String::from(value)),
            "" => {}
            _ => {
                return Err(GradebookError::at(
                    0,
                    Some(i),
                    GradebookProblem::BadMetadata("key"),
                ))
            }
        }
        i += 2;
    }
    Ok(Metadata {
        grade: grade
            .ok_or_else(|| GradebookError::at(0, None, GradebookProblem::BadMetadata("khoi")))?,
        school_year: year
            .ok_or_else(|| GradebookError::at(0, None, GradebookProblem::BadMetadata("nam_hoc")))?,
        class,
        school,
    })
}

fn read_header(
    header: &[String],
    regime: Regime,
    errors: &mut Vec<GradebookError>,
) -> Vec<Option<Column>> {
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.len());
    let last_named = header
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |p| p + 1);
    for (c, text) in header.iter().enumerate().take(last_named) {
        let column = match parse_header(text) {
            Ok(col) => col,
            Err(HeaderProblem::Blank) => {
                errors.push(GradebookError::at(
                    1,
                    Some(c),
                    GradebookProblem::BlankHeader,
                ));
                columns.push(None);
                continue;
            }
            Err(HeaderProblem::Unknown(t)) => {
                errors.push(GradebookError::at(
                    1,
                    Some(c),
                    GradebookProblem::UnknownHeader(t),
                ));
                columns.push(None);
                continue;
            }
        };
        let fits = match column {
            Column::Mark { .. }
            | Column::ExemptPractical { .. }
            | Column::Retest(_)
            | Column::Conduct(_)
            | Column::ConductAfterSummer
            | Column::Absences => regime == Regime::Tt22,
            Column::PrimaryMark { .. }
            | Column::Quality(..)
            | Column::Competence(..)
            | Column::Supplementary
            | Column::ClassRecognition => regime == Regime::Tt27,
            Column::RowNumber | Column::StudentId | Column::FullName => true,
        };
        if !fits {
            errors.push(GradebookError::at(
                1,
                Some(c),
                GradebookProblem::WrongRegimeColumn(header_of(column)),
            ));
            columns.push(None);
            continue;
        }
        if let Some(first) = columns.iter().position(|x| *x == Some(column)) {
            errors.push(GradebookError::at(
                1,
                Some(c),
                GradebookProblem::DuplicateHeader { first_col: first },
            ));
            columns.push(None);
            continue;
        }
        columns.push(Some(column));
    }
    columns
}

/// The JSON every frontend gives for an import (feature `json`): `{"ok": true, "class": …}` or
/// `{"ok": false, "errors": [{code, cell, row, student, message}]}` (cell `null` for a whole row).
#[cfg(feature = "json")]
#[must_use]
pub fn import_json(
    table: &[Vec<String>],
    config: &RulesConfig,
    lang: crate::Lang,
) -> serde_json::Value {
    use serde_json::json;
    match import(table, config) {
        Ok(imported) => json!({"ok": true, "class": imported.class}),
        Err(errors) => {
            let list: Vec<_> = errors
                .iter()
                .map(|e| {
                    json!({"code": e.code(), "cell": e.col.map(|_| e.location(lang)), "row": e.row + 1,
                           "student": e.student, "message": e.message(lang)})
                })
                .collect();
            json!({"ok": false, "errors": list})
        }
    }
}
