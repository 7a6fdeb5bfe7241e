//! End-of-year educational result (TT27 Điều 9 khoản 2 điểm a), `spec/rules.md` §4.7.

use alloc::vec::Vec;

use crate::assess::input::PrimaryInput;
use crate::levels::{PrimaryResult, SubjectLevel, TraitLevel};
use crate::trace::{Fact, PrimaryCondition, Term, TraceCode, TraceStep};

/// What each result demands of the end-of-year (CN) values.
struct Demand {
    result: PrimaryResult,
    code: TraceCode,
    /// Worst subject level allowed.
    subject: SubjectLevel,
    /// Worst quality/competence level allowed.
    trait_level: TraitLevel,
    /// Lowest end-of-year test score.
    test_bar: u8,
}

const DEMANDS: [Demand; 3] = [
    Demand {
        result: PrimaryResult::HoanThanhXuatSac,
        code: TraceCode::Tt27ResultXuatSac,
        subject: SubjectLevel::HoanThanhTot,
        trait_level: TraitLevel::Tot,
        test_bar: 9,
    },
    Demand {
        result: PrimaryResult::HoanThanhTot,
        code: TraceCode::Tt27ResultTot,
        subject: SubjectLevel::HoanThanhTot,
        trait_level: TraitLevel::Tot,
        test_bar: 7,
    },
    Demand {
        result: PrimaryResult::HoanThanh,
        code: TraceCode::Tt27ResultHoanThanh,
        subject: SubjectLevel::HoanThanh,
        trait_level: TraitLevel::Dat,
        test_bar: 5,
    },
];

/// The first value that keeps the pupil from `demand`, or `None` when it is met.
fn first_shortfall(demand: &Demand, input: &PrimaryInput) -> Option<PrimaryCondition> {
    for s in &input.subjects {
        let cn = s.marks.cn?;
        if cn.level > demand.subject {
            return Some(PrimaryCondition::SubjectLevel {
                subject: s.spec.subject,
                level: cn.level,
            });
        }
    }
    for &(quality, levels) in &input.qualities {
        let level = levels.cn?;
        if level > demand.trait_level {
            return Some(PrimaryCondition::Quality { quality, level });
        }
    }
    for &(competence, levels) in &input.competences {
        let level = levels.cn?;
        if level > demand.trait_level {
            return Some(PrimaryCondition::Competence { competence, level });
        }
    }
    for s in &input.subjects {
        if let Some(test) = s.marks.cn.and_then(|m| m.test) {
            if test.score < demand.test_bar {
                return Some(PrimaryCondition::TestBelow {
                    subject: s.spec.subject,
                    score: test.score,
                    bar: demand.test_bar,
                });
            }
        }
    }
    None
}

/// The result, or `None` when the end-of-year assessment is not entered (checked input guarantees it is
/// either complete or absent for every subject, quality and competence).
pub(crate) fn year_result(
    input: &PrimaryInput,
    trace: &mut Vec<TraceStep>,
) -> Option<PrimaryResult> {
    let complete = input.subjects.iter().all(|s| s.marks.cn.is_some())
        && input.qualities.iter().all(|(_, l)| l.cn.is_some())
        && input.competences.iter().all(|(_, l)| l.cn.is_some());
    if !complete || input.subjects.is_empty() {
        return None;
    }
    for demand in &DEMANDS {
        match first_shortfall(demand, input) {
            None => {
                trace.push(TraceStep::new(demand.code, true).term(Term::Cn));
                return Some(demand.result);
            }
            Some(condition) => trace.push(
                TraceStep::new(demand.code, false)
                    .term(Term::Cn)
                    .input(Fact::PrimaryCondition(condition)),
            ),
        }
    }
    trace.push(TraceStep::new(TraceCode::Tt27ResultChuaHoanThanh, true).term(Term::Cn));
    Some(PrimaryResult::ChuaHoanThanh)
}
