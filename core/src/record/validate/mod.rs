//! `validate`: every problem of a record, not only the first.
//!
//! In order: identity and identifiers ([`identity`]), lifecycle and audit log ([`lifecycle`]), comments
//! and awards ([`comments`]), then the assessment data through the engine's own checker and the stated
//! results against the engine's recomputation ([`results`]). Texts are checked for NFC where they are
//! checked. Each
//! problem carries a stable code, a severity, the JSON pointer of the value at fault and vi/en messages.
//!
//! A record is valid when no problem is an error ([`is_valid`]).

mod comments;
mod identity;
mod lifecycle;
mod results;

use alloc::string::String;
use alloc::vec::Vec;

use super::model::Record;
use super::problem::{Problem, ProblemKind};
use super::text;
use crate::school_year::SchoolYear;

/// Most problems reported for one record; past it a final `problems_truncated` says more were found.
pub const MAX_PROBLEMS: usize = 200;

/// Collects problems, up to [`MAX_PROBLEMS`].
pub(crate) struct Problems {
    list: Vec<Problem>,
    truncated: bool,
    /// Texts are checked for NFC where they are checked (off when the JSON reader already scanned
    /// every string of the document).
    nfc: bool,
}

impl Problems {
    pub(crate) fn new() -> Problems {
        Problems {
            list: Vec::new(),
            truncated: false,
            nfc: true,
        }
    }

    /// Every string was already checked for NFC.
    #[cfg(any(feature = "json", feature = "verify"))]
    pub(crate) fn nfc_done(&mut self) {
        self.nfc = false;
    }

    pub(crate) fn full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    pub(crate) fn add(&mut self, problem: Problem) {
        if self.full() {
            self.truncated = true;
        } else {
            self.list.push(problem);
        }
    }

    pub(crate) fn push(&mut self, pointer: impl Into<String>, kind: ProblemKind) {
        self.add(Problem::new(pointer, kind));
    }

    /// A single-line text (a name).
    pub(crate) fn line(&mut self, pointer: &str, value: &str, max: usize) {
        self.line_with(|| pointer.into(), value, max);
    }

    /// A free text (a comment).
    pub(crate) fn free(&mut self, pointer: &str, value: &str, max: usize) {
        self.free_with(|| pointer.into(), value, max);
    }

    /// A single-line text whose pointer is built only when it is wrong.
    pub(crate) fn line_with(&mut self, pointer: impl Fn() -> String, value: &str, max: usize) {
        let facts = text::facts(value);
        if self.nfc && !facts.is_nfc(value) {
            self.push(pointer(), ProblemKind::TextNotNfc);
        }
        if let Some(kind) = text::line_rules(value, &facts, max) {
            self.push(pointer(), kind);
        }
    }

    /// A free text whose pointer is built only when it is wrong.
    pub(crate) fn free_with(&mut self, pointer: impl Fn() -> String, value: &str, max: usize) {
        let facts = text::facts(value);
        if self.nfc && !facts.is_nfc(value) {
            self.push(pointer(), ProblemKind::TextNotNfc);
        }
        if let Some(kind) = text::free_rules(value, &facts, max) {
            self.push(pointer(), kind);
        }
    }

    pub(crate) fn finish(mut self) -> Vec<Problem> {
        if self.truncated {
            self.list.push(Problem::new(
                "",
                ProblemKind::ProblemsTruncated {
                    limit: MAX_PROBLEMS,
                },
            ));
        }
        self.list
    }
}

/// Every problem of `record`, in a stable order. The stated results are compared with the engine's
/// recomputation under the record's `rules_config` (the defaults when absent).
///
/// Free texts (names, places, comments, reasons) are checked for Unicode NFC where they are checked; a
/// code, score or date that is not NFC is not ASCII, so it is already wrong as a code, score or date.
/// ([`crate::record::parse::validate_value`] also reports `text_not_nfc` for every such string.)
#[must_use]
pub fn validate(record: &Record) -> Vec<Problem> {
    let mut p = Problems::new();
    validate_into(record, &mut p);
    p.finish()
}

/// The checks of [`validate`] into `p`.
pub(crate) fn validate_into(record: &Record, p: &mut Problems) {
    let year = record.school_year.parse::<SchoolYear>().ok();
    identity::check(record, year, p);
    lifecycle::check(record, year, p);
    comments::check(record, year, p);
    results::check(record, p);
}

/// No problem is an error.
#[must_use]
pub fn is_valid(problems: &[Problem]) -> bool {
    !problems.iter().any(Problem::is_error)
}
