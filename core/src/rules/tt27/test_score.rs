//! Periodic test scores (TT27 Điều 7 khoản 1 điểm c): whole numbers 0–10, "không cho điểm thập phân".

use crate::assess::input::{PrimaryMark, TimePoints};
use crate::rules::config::PrimaryTestRounding;
use crate::trace::Term;

/// Why a raw test total is not a score of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestScoreProblem {
    /// Not a number, negative, above 10 or finer than hundredths.
    Invalid,
    /// A fractional total while the configuration accepts only whole numbers.
    Fractional,
}

/// The score of record from a raw total in hundredths (8.5 → 850): half-up to a whole number by default
/// (`spec/rules.md` §4.5: 8.5 → 9, 8.25 → 8).
///
/// # Errors
/// [`TestScoreProblem`] when the total is out of range or fractional under `reject_fractional`.
pub fn score_of_record(
    raw_hundredths: u16,
    rounding: PrimaryTestRounding,
) -> Result<u8, TestScoreProblem> {
    if raw_hundredths > 1000 {
        return Err(TestScoreProblem::Invalid);
    }
    if raw_hundredths % 100 != 0 && rounding == PrimaryTestRounding::RejectFractional {
        return Err(TestScoreProblem::Fractional);
    }
    u8::try_from((raw_hundredths + 50) / 100).map_err(|_| TestScoreProblem::Invalid)
}

/// The present time points of a subject, in order.
pub(crate) fn points(
    marks: &TimePoints<PrimaryMark>,
) -> impl Iterator<Item = (Term, PrimaryMark)> + '_ {
    [
        (Term::Ghk1, marks.ghk1),
        (Term::Chk1, marks.chk1),
        (Term::Ghk2, marks.ghk2),
        (Term::Cn, marks.cn),
    ]
    .into_iter()
    .filter_map(|(t, m)| m.map(|m| (t, m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_points_round_up_quarters_down() {
        let r = PrimaryTestRounding::HalfUp;
        assert_eq!(score_of_record(850, r), Ok(9));
        assert_eq!(score_of_record(825, r), Ok(8));
        assert_eq!(score_of_record(849, r), Ok(8));
        assert_eq!(score_of_record(0, r), Ok(0));
        assert_eq!(score_of_record(1000, r), Ok(10));
        assert_eq!(score_of_record(1001, r), Err(TestScoreProblem::Invalid));
        assert_eq!(
            score_of_record(850, PrimaryTestRounding::RejectFractional),
            Err(TestScoreProblem::Fractional)
        );
    }
}
