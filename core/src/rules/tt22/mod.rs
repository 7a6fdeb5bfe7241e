//! TT22 (Thông tư 22/2021/TT-BGDĐT): assessment of THCS and THPT students, grades 6–12.

pub mod conduct;
pub mod level;
mod promotion;
pub mod subject;
mod title;

use alloc::vec::Vec;

pub use promotion::MAX_ABSENCES;

use crate::assess::error::{AssessError, Decision};
use crate::assess::input::{Basis, SecondaryInput};
use crate::assess::output::{
    ConductLevels, LearningLevels, LevelOutcome, Programme, Promotion, PromotionStatus,
    RetentionReason, SecondaryAssessment, SubjectResult, SubjectValue,
};
use crate::levels::{Level, PromotionDecision};
use crate::rules::catalogue::{Enrolment, THPT_ELECTIVES};
use crate::rules::config::RulesConfig;
use crate::school_year::Grade;
use crate::trace::{Fact, Term, TraceCode, TraceStep};
use subject::{semester_value, year_value, SemesterValue};

/// Assesses one TT22 student-year. Errors are only the ones that need the computed results to be seen
/// (a retest for a subject that is not retested); the input itself was checked when it was built.
pub(crate) fn assess(
    grade: Grade,
    input: &SecondaryInput,
    config: &RulesConfig,
    trace: &mut Vec<TraceStep>,
) -> Result<SecondaryAssessment, Vec<AssessError>> {
    let mut errors = Vec::new();
    elective_count(grade, input, trace);

    let mut subjects = Vec::with_capacity(input.subjects.len());
    let mut hk1_values: Vec<Option<SemesterValue>> = Vec::with_capacity(input.subjects.len());
    let mut hk2_values: Vec<Option<SemesterValue>> = Vec::with_capacity(input.subjects.len());
    for s in &input.subjects {
        let subject = s.spec.subject;
        let hk1 = s
            .hk1
            .as_ref()
            .and_then(|m| semester_value(subject, s.spec.form, m, Term::Hk1, trace));
        let hk2 = s
            .hk2
            .as_ref()
            .and_then(|m| semester_value(subject, s.spec.form, m, Term::Hk2, trace));
        let year = match (hk1, hk2) {
            (Some(a), Some(b)) => {
                year_value(subject, a, b, config.mcn_from_rounded_semesters, trace)
            }
            _ => None,
        };
        hk1_values.push(hk1);
        hk2_values.push(hk2);
        subjects.push(SubjectResult {
            subject,
            form: s.spec.form,
            basis: s.basis,
            hk1: hk1.map(|v| v.value),
            hk2: hk2.map(|v| v.value),
            year,
            retest: None,
        });
    }

    let by_principal = input
        .subjects
        .iter()
        .any(|s| matches!(s.basis, Basis::Iep | Basis::Exempt));
    let p = &input.principal;
    let learning = LearningLevels {
        hk1: term_level(
            &subjects,
            |r| r.hk1,
            Term::Hk1,
            by_principal,
            p.learning_hk1,
            config,
            trace,
        ),
        hk2: term_level(
            &subjects,
            |r| r.hk2,
            Term::Hk2,
            by_principal,
            p.learning_hk2,
            config,
            trace,
        ),
        year: term_level(
            &subjects,
            |r| r.year,
            Term::Year,
            by_principal,
            p.learning_year,
            config,
            trace,
        ),
        year_after_retest: None,
    };
    let conduct_year = match (input.conduct_hk1, input.conduct_hk2) {
        (Some(a), Some(b)) => {
            let y = conduct::year_conduct(a, b);
            trace.push(
                TraceStep::new(TraceCode::Tt22ConductYear, true)
                    .term(Term::Year)
                    .input(Fact::Levels(a, b))
                    .output(Fact::Level(y)),
            );
            Some(y)
        }
        _ => None,
    };
    let mut conduct = ConductLevels {
        hk1: input.conduct_hk1,
        hk2: input.conduct_hk2,
        year: conduct_year,
        after_summer_training: None,
    };

    let mut learning = learning;
    let mut principal_promotion_used = by_principal;
    let (promotion, title) = match (conduct_year, learning.year) {
        _ if by_principal => (principal_promotion(input, trace), None),
        (Some(c), Some(l)) => {
            let outcome =
                promotion::promote(input, &mut subjects, c, l.level, config, trace, &mut errors);
            principal_promotion_used |= outcome.used_principal;
            learning.year_after_retest = outcome.year_after_retest;
            if !c.passes() {
                conduct.after_summer_training = input.conduct_after_summer;
            }
            let promoted = outcome.promotion.status.is_promoted();
            let title = if config.titles_require_promotion && !promoted {
                trace.push(TraceStep::new(TraceCode::Tt22TitleNotPromoted, false));
                None
            } else {
                title::title(c, l.level, &subjects, trace)
            };
            (outcome.promotion, title)
        }
        _ => (
            Promotion {
                status: PromotionStatus::ChuaDuDuLieu,
                reason: None,
                retest_subjects: Vec::new(),
            },
            None,
        ),
    };
    let completion = match grade.number() {
        9 | 12 if promotion.status.is_promoted() => {
            let programme = if grade.number() == 9 {
                Programme::Thcs
            } else {
                Programme::Thpt
            };
            trace.push(TraceStep::new(TraceCode::Tt22Completion, true));
            Some(programme)
        }
        _ => None,
    };
    // A decision the rules leave no room for would be silently dropped: refuse it (docs/decisions.md D-8).
    if !by_principal {
        for (field, given) in [
            ("learning_hk1", p.learning_hk1.is_some()),
            ("learning_hk2", p.learning_hk2.is_some()),
            ("learning_year", p.learning_year.is_some()),
        ] {
            if given {
                errors.push(AssessError::DecisionNotApplicable {
                    pointer: alloc::format!("/tt22/principal/{field}"),
                    what: Decision::PrincipalLearning,
                });
            }
        }
    }
    let year_known = conduct_year.is_some() && learning.year.is_some();
    if p.promotion.is_some() && !principal_promotion_used && year_known {
        errors.push(AssessError::DecisionNotApplicable {
            pointer: "/tt22/principal/promotion".into(),
            what: Decision::PrincipalPromotion,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SecondaryAssessment {
        subjects,
        learning,
        conduct,
        absences: input.absences,
        promotion,
        completion,
        title,
    })
}

/// The level of one term, or `None` while a subject of that term has no value; the principal's decision
/// for students assessed against an IEP or exempted (Điều 11).
#[allow(clippy::too_many_arguments)]
fn term_level(
    subjects: &[SubjectResult],
    pick: impl Fn(&SubjectResult) -> Option<SubjectValue>,
    term: Term,
    by_principal: bool,
    decided: Option<Level>,
    config: &RulesConfig,
    trace: &mut Vec<TraceStep>,
) -> Option<LevelOutcome> {
    if by_principal {
        trace.push(
            TraceStep::new(
                if decided.is_some() {
                    TraceCode::Tt22LevelByPrincipal
                } else {
                    TraceCode::Tt22LevelAwaitsPrincipal
                },
                decided.is_some(),
            )
            .term(term)
            .output(decided.map_or(Fact::None, Fact::Level)),
        );
        return decided.map(|level| LevelOutcome {
            level,
            computed: level,
            adjusted_for: None,
            by_principal: true,
        });
    }
    let mut values = [(
        crate::rules::catalogue::Subject::Toan,
        SubjectValue::Comment(crate::levels::Pass::Dat),
    ); level::MAX_SUBJECTS];
    let mut n = 0;
    for s in subjects.iter().take(level::MAX_SUBJECTS) {
        values[n] = (s.subject, pick(s)?);
        n += 1;
    }
    Some(level::learning_level(
        &values[..n],
        term,
        config,
        true,
        trace,
    ))
}

fn principal_promotion(input: &SecondaryInput, trace: &mut Vec<TraceStep>) -> Promotion {
    let decision = input.principal.promotion;
    trace.push(TraceStep::new(
        TraceCode::Tt22PromotionByPrincipal,
        decision.is_some(),
    ));
    let (status, reason) = match decision {
        Some(PromotionDecision::LenLop) => (PromotionStatus::LenLop, None),
        Some(PromotionDecision::OLaiLop) => (
            PromotionStatus::KhongLenLop,
            Some(RetentionReason::PrincipalDecision),
        ),
        None => (PromotionStatus::ChoQuyetDinhHieuTruong, None),
    };
    Promotion {
        status,
        reason,
        retest_subjects: Vec::new(),
    }
}

/// A THPT student takes four electives; another count is reported (not fatal: the catalogue is [M]).
fn elective_count(grade: Grade, input: &SecondaryInput, trace: &mut Vec<TraceStep>) {
    if grade.number() < 10 {
        return;
    }
    let electives = input
        .subjects
        .iter()
        .filter(|s| s.spec.enrolment == Enrolment::Elective)
        .count();
    let found = u16::try_from(electives).unwrap_or(u16::MAX);
    #[allow(clippy::cast_possible_truncation)]
    let limit = THPT_ELECTIVES as u16;
    trace.push(
        TraceStep::new(TraceCode::Tt22ElectiveCount, electives == THPT_ELECTIVES)
            .input(Fact::Count { found, limit }),
    );
}
