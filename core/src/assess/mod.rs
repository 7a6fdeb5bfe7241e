//! `assess`: compute every result the law defines for one student-year.

pub mod error;
pub mod input;
pub mod output;
pub mod raw;
#[cfg(any(feature = "json", feature = "verify"))]
mod raw_json;
#[cfg(feature = "json")]
pub mod report_json;

use alloc::vec::Vec;

use crate::rules::config::RulesConfig;
use crate::rules::{select_ruleset, tt22, tt27, RuleSelectionError};
pub use error::{AssessError, AssessErrors};
use input::{AssessInput, RegimeInput};
use output::{Assessment, RegimeAssessment};

/// Typical number of trace steps for a TT22 student-year; one allocation covers it.
const TRACE_CAPACITY: usize = 96;

/// Assesses one student-year under the rules of its (grade, school year).
///
/// # Errors
/// [`AssessErrors`] when the rules for the grade and year are not TT22/TT27, when the input's section does
/// not match the regime, or when summer results were given for a student who has no summer workflow.
pub fn assess(input: &AssessInput, config: &RulesConfig) -> Result<Assessment, AssessErrors> {
    let ruleset = select_ruleset(input.grade, input.school_year).map_err(|e| match e {
        RuleSelectionError::Unsupported {
            grade,
            school_year,
            regime,
        } => AssessError::UnsupportedRegime {
            pointer: "/school_year".into(),
            grade: grade.number(),
            school_year: alloc::format!("{school_year}"),
            regime,
        },
    })?;
    let mut trace = Vec::with_capacity(TRACE_CAPACITY);
    let result = match (&input.details, ruleset.regime) {
        (RegimeInput::Tt22(s), crate::rules::Regime::Tt22) => RegimeAssessment::Tt22(
            tt22::assess(input.grade, s, config, &mut trace).map_err(AssessErrors)?,
        ),
        (RegimeInput::Tt27(p), crate::rules::Regime::Tt27) => {
            RegimeAssessment::Tt27(tt27::assess(input.grade, p, &mut trace).map_err(AssessErrors)?)
        }
        _ => {
            return Err(AssessError::RegimeSectionMismatch {
                pointer: alloc::string::String::new(),
                grade: input.grade.number(),
                school_year: alloc::format!("{}", input.school_year),
                expected: ruleset.regime,
            }
            .into())
        }
    };
    Ok(Assessment {
        ruleset,
        config: *config,
        student: input.student.clone(),
        result,
        trace,
    })
}

/// Checks a raw (JSON-shaped) input and assesses it.
///
/// # Errors
/// Every input problem with its JSON pointer, or the errors of [`assess`].
pub fn assess_raw(
    raw: &raw::RawAssessInput,
    config: &RulesConfig,
) -> Result<Assessment, AssessErrors> {
    let input = raw::check(raw, config).map_err(AssessErrors)?;
    assess(&input, config)
}
