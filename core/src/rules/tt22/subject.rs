//! Subject results per semester and year (TT22 Điều 9 khoản 1).

use alloc::vec::Vec;

use crate::assess::input::{Mark, SemesterMarks};
use crate::assess::output::SubjectValue;
use crate::levels::Pass;
use crate::rules::catalogue::{AssessmentForm, Subject};
use crate::score::{round_ratio_half_up, Score};
use crate::trace::{Fact, Term, TraceCode, TraceStep};

/// A semester result with the exact ratio it came from (kept for `mcn_from_rounded_semesters = false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SemesterValue {
    pub value: SubjectValue,
    /// Numerator (tenths) and denominator of the exact ĐTBmhk; (0, 0) for comment subjects.
    pub exact: (u32, u32),
}

/// ĐTBmhk = (TĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (số ĐĐGtx + 5), half-up to one decimal; or the comment result:
/// Đạt iff every required check is Đạt. `None` while a make-up is pending.
pub(crate) fn semester_value(
    subject: Subject,
    form: AssessmentForm,
    marks: &SemesterMarks,
    term: Term,
    trace: &mut Vec<TraceStep>,
) -> Option<SemesterValue> {
    let all = marks
        .regular
        .iter()
        .chain([&marks.midterm, &marks.final_exam]);
    let mut absent = 0u16;
    for mark in all.clone() {
        match mark {
            Mark::PendingMakeup => {
                trace.push(
                    TraceStep::new(TraceCode::Tt22SemesterPending, false)
                        .subject(subject)
                        .term(term),
                );
                return None;
            }
            Mark::Absent => absent += 1,
            Mark::Score(_) | Mark::Comment(_) => {}
        }
    }
    if absent > 0 {
        trace.push(
            TraceStep::new(TraceCode::Tt22ComponentAbsent, true)
                .subject(subject)
                .term(term)
                .input(Fact::Count {
                    found: absent,
                    limit: 0,
                }),
        );
    }
    if marks.exempt_practical {
        trace.push(
            TraceStep::new(TraceCode::Tt22ExemptPractical, true)
                .subject(subject)
                .term(term),
        );
    }
    match form {
        AssessmentForm::Score => {
            let tenths = |m: &Mark| match m {
                Mark::Score(s) => u32::from(s.tenths()),
                _ => 0, // Absent: recorded as 0 (Điều 7); comments cannot reach here (checked input).
            };
            let regular_sum: u32 = marks.regular.iter().map(tenths).sum();
            let numerator =
                regular_sum + 2 * tenths(&marks.midterm) + 3 * tenths(&marks.final_exam);
            let denominator = u32::try_from(marks.regular.len()).unwrap_or(u32::MAX - 5) + 5;
            let avg = round_ratio_half_up(numerator, denominator)?;
            trace.push(
                TraceStep::new(TraceCode::Tt22SemesterAverage, true)
                    .subject(subject)
                    .term(term)
                    .input(Fact::Ratio {
                        numerator_tenths: numerator,
                        denominator,
                    })
                    .output(Fact::Score(avg)),
            );
            Some(SemesterValue {
                value: SubjectValue::Average(avg),
                exact: (numerator, denominator),
            })
        }
        AssessmentForm::Comment => {
            let total = u16::try_from(marks.regular.len() + 2).unwrap_or(u16::MAX);
            let failed = u16::try_from(
                all.filter(|m| !matches!(m, Mark::Comment(Pass::Dat)))
                    .count(),
            )
            .unwrap_or(u16::MAX);
            let pass = if failed == 0 {
                Pass::Dat
            } else {
                Pass::ChuaDat
            };
            trace.push(
                TraceStep::new(TraceCode::Tt22CommentSemester, failed == 0)
                    .subject(subject)
                    .term(term)
                    .input(Fact::Count {
                        found: failed,
                        limit: total,
                    })
                    .output(Fact::Pass(pass)),
            );
            Some(SemesterValue {
                value: SubjectValue::Comment(pass),
                exact: (0, 0),
            })
        }
    }
}

/// ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 from the rounded semester values (or the exact ones when
/// configured); comment subjects take the semester II result.
pub(crate) fn year_value(
    subject: Subject,
    hk1: SemesterValue,
    hk2: SemesterValue,
    from_rounded: bool,
    trace: &mut Vec<TraceStep>,
) -> Option<SubjectValue> {
    match (hk1.value, hk2.value) {
        (SubjectValue::Average(a), SubjectValue::Average(b)) => {
            let (numerator, denominator) = if from_rounded {
                (u32::from(a.tenths()) + 2 * u32::from(b.tenths()), 3)
            } else {
                // (N1/D1 + 2·N2/D2) / 3 = (N1·D2 + 2·N2·D1) / (3·D1·D2), still exact.
                let ((n1, d1), (n2, d2)) = (hk1.exact, hk2.exact);
                (n1 * d2 + 2 * n2 * d1, 3 * d1 * d2)
            };
            let avg = round_ratio_half_up(numerator, denominator)?;
            trace.push(
                TraceStep::new(TraceCode::Tt22YearAverage, true)
                    .subject(subject)
                    .term(Term::Year)
                    .input(Fact::Scores(a, b))
                    .output(Fact::Score(avg)),
            );
            Some(SubjectValue::Average(avg))
        }
        (_, SubjectValue::Comment(p)) => {
            trace.push(
                TraceStep::new(TraceCode::Tt22CommentYear, p == Pass::Dat)
                    .subject(subject)
                    .term(Term::Year)
                    .output(Fact::Pass(p)),
            );
            Some(SubjectValue::Comment(p))
        }
        (SubjectValue::Comment(_), SubjectValue::Average(_)) => None,
    }
}

/// The exact ratio of a value, for property tests and audits.
#[must_use]
pub fn semester_average_exact(regular: &[Score], midterm: Score, final_exam: Score) -> (u32, u32) {
    let n: u32 = regular.iter().map(|s| u32::from(s.tenths())).sum::<u32>()
        + 2 * u32::from(midterm.tenths())
        + 3 * u32::from(final_exam.tenths());
    (n, u32::try_from(regular.len()).unwrap_or(0) + 5)
}
