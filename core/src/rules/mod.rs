//! Which rules apply, and the rules themselves.
//!
//! Rules are chosen from **(grade, school year)** only, never from "today" (`spec/rules.md` §1): a
//! 2022-2023 grade-4 record is judged by the law of 2022-2023 even when it is verified in 2035.

pub mod catalogue;
pub mod config;
#[cfg(any(feature = "json", feature = "verify"))]
mod config_json;
pub mod tt22;
pub mod tt27;

use core::fmt;

use crate::school_year::{Grade, SchoolYear};

/// A body of assessment regulations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Regime {
    /// Thông tư 22/2021/TT-BGDĐT — THCS and THPT.
    Tt22,
    /// Thông tư 27/2020/TT-BGDĐT — tiểu học.
    Tt27,
    /// Thông tư 58/2011/TT-BGDĐT as amended by TT26/2020 (school year 2020-2021 on, legacy).
    Tt58Tt26,
    /// Thông tư 58/2011/TT-BGDĐT before TT26/2020 (legacy).
    Tt58,
    /// Thông tư 30/2014/TT-BGDĐT as amended by TT22/2016 (primary, legacy).
    Tt30Tt22,
}

impl Regime {
    /// The regulation's name as schools write it.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Regime::Tt22 => "Thông tư 22/2021/TT-BGDĐT",
            Regime::Tt27 => "Thông tư 27/2020/TT-BGDĐT",
            Regime::Tt58Tt26 => "Thông tư 58/2011/TT-BGDĐT (sửa đổi bởi Thông tư 26/2020/TT-BGDĐT)",
            Regime::Tt58 => "Thông tư 58/2011/TT-BGDĐT",
            Regime::Tt30Tt22 => "Thông tư 30/2014/TT-BGDĐT (sửa đổi bởi Thông tư 22/2016/TT-BGDĐT)",
        }
    }

    /// Stable machine code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Regime::Tt22 => "tt22",
            Regime::Tt27 => "tt27",
            Regime::Tt58Tt26 => "tt58_tt26",
            Regime::Tt58 => "tt58",
            Regime::Tt30Tt22 => "tt30_tt22",
        }
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// The regime that governs `grade` in `year` (`spec/rules.md` §1, TT27 Điều 2 and TT22 Điều 21 roadmaps).
#[must_use]
pub fn regime_for(grade: Grade, year: SchoolYear) -> Regime {
    let g = grade.number();
    let y = year.start();
    match g {
        // TT27: grade 1 from 2020-2021, one grade more each year.
        1..=5 if y >= 2019 + u16::from(g) => Regime::Tt27,
        1..=5 => Regime::Tt30Tt22,
        _ => {
            let tt22_from = match g {
                6 => 2021,
                7 | 10 => 2022,
                8 | 11 => 2023,
                _ => 2024,
            };
            if y >= tt22_from {
                Regime::Tt22
            } else if y >= 2020 {
                Regime::Tt58Tt26
            } else {
                Regime::Tt58
            }
        }
    }
}

/// The rule set applied to one student-year: the regime and the version of hocba's reading of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ruleset {
    /// Stable identifier, e.g. `tt22/2021-v1`. A future amendment gets a new id for the years it covers.
    pub id: &'static str,
    /// The regulation.
    pub regime: Regime,
    /// Grade.
    pub grade: Grade,
    /// School year.
    pub school_year: SchoolYear,
}

/// Selects the rules for (grade, school year).
///
/// # Errors
/// [`RuleSelectionError::Unsupported`] naming the regime it would need when it is not TT22 or TT27.
pub fn select_ruleset(
    grade: Grade,
    school_year: SchoolYear,
) -> Result<Ruleset, RuleSelectionError> {
    let regime = regime_for(grade, school_year);
    let id = match regime {
        Regime::Tt22 => "tt22/2021-v1",
        Regime::Tt27 => "tt27/2020-v1",
        other => {
            return Err(RuleSelectionError::Unsupported {
                grade,
                school_year,
                regime: other,
            })
        }
    };
    Ok(Ruleset {
        id,
        regime,
        grade,
        school_year,
    })
}

/// Why no rules could be selected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleSelectionError {
    /// The grade and year fall under a regulation hocba does not compute.
    #[error("grade {} in {school_year} is assessed under {regime}, which hocba does not compute (only TT22 and TT27)", grade.number())]
    Unsupported {
        /// Grade.
        grade: Grade,
        /// School year.
        school_year: SchoolYear,
        /// The regulation that applies.
        regime: Regime,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regime(g: u8, y: u16) -> Option<Regime> {
        Some(regime_for(Grade::new(g)?, SchoolYear::starting(y)?))
    }

    #[test]
    fn roadmap_matches_spec_table() {
        assert_eq!(regime(1, 2020), Some(Regime::Tt27));
        assert_eq!(regime(1, 2019), Some(Regime::Tt30Tt22));
        assert_eq!(regime(4, 2022), Some(Regime::Tt30Tt22));
        assert_eq!(regime(4, 2023), Some(Regime::Tt27));
        assert_eq!(regime(5, 2024), Some(Regime::Tt27));
        assert_eq!(regime(6, 2021), Some(Regime::Tt22));
        assert_eq!(regime(7, 2021), Some(Regime::Tt58Tt26));
        assert_eq!(regime(10, 2022), Some(Regime::Tt22));
        assert_eq!(regime(11, 2022), Some(Regime::Tt58Tt26));
        assert_eq!(regime(12, 2024), Some(Regime::Tt22));
        assert_eq!(regime(9, 2023), Some(Regime::Tt58Tt26));
        assert_eq!(regime(9, 2019), Some(Regime::Tt58));
    }
}
