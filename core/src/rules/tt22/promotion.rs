//! Promotion, summer training and summer retests (TT22 Điều 12–14), `spec/rules.md` §3.11.

use alloc::vec::Vec;

use super::level::learning_level;
use crate::assess::error::AssessError;
use crate::assess::input::{Mark, SecondaryInput};
use crate::assess::output::{
    LevelOutcome, Promotion, PromotionStatus, RetentionReason, SubjectResult, SubjectValue,
};
use crate::levels::{Level, Pass, PromotionDecision};
use crate::rules::catalogue::AssessmentForm;
use crate::rules::config::{CombinedCase, MinCountPolicy, RulesConfig};
use crate::trace::{Fact, Term, TraceCode, TraceStep};

/// The absence limit: "nghỉ không quá 45 buổi" (Điều 12 khoản 1 điểm c).
pub const MAX_ABSENCES: u16 = 45;

/// "ít nhất 06 môn học" (Điều 9 khoản 2).
const MIN_SCORE_SUBJECTS: usize = 6;

/// A score below which a subject is retested (Điều 14 khoản 1).
const RETEST_BELOW_TENTHS: u8 = 50;

/// What promotion decided, with the learning level after retests when there were some.
pub(crate) struct PromotionOutcome {
    pub promotion: Promotion,
    pub year_after_retest: Option<LevelOutcome>,
    /// The principal's promotion decision was the one applied (fewer than six score subjects).
    pub used_principal: bool,
}

/// Whether a subject's year result sends it to the summer retest.
fn needs_retest(value: Option<SubjectValue>) -> bool {
    match value {
        Some(SubjectValue::Average(s)) => s.tenths() < RETEST_BELOW_TENTHS,
        Some(SubjectValue::Comment(p)) => p == Pass::ChuaDat,
        None => false,
    }
}

#[allow(clippy::too_many_lines)] // the state machine of §3.11 reads best in one piece
pub(crate) fn promote(
    input: &SecondaryInput,
    subjects: &mut [SubjectResult],
    conduct_year: Level,
    learning_year: Level,
    config: &RulesConfig,
    trace: &mut Vec<TraceStep>,
    errors: &mut Vec<AssessError>,
) -> PromotionOutcome {
    let absences_ok = input.absences <= MAX_ABSENCES;
    trace.push(
        TraceStep::new(TraceCode::Tt22Absences, absences_ok).input(Fact::Count {
            found: input.absences,
            limit: MAX_ABSENCES,
        }),
    );
    trace.push(
        TraceStep::new(TraceCode::Tt22PromotionConduct, conduct_year.passes())
            .input(Fact::Level(conduct_year)),
    );
    trace.push(
        TraceStep::new(TraceCode::Tt22PromotionLearning, learning_year.passes())
            .input(Fact::Level(learning_year)),
    );

    let summer_given = input.conduct_after_summer.is_some();
    let retests_given = input.subjects.iter().any(|s| s.retest.is_some());
    let done = |status, reason, retest_subjects, after| PromotionOutcome {
        promotion: Promotion {
            status,
            reason,
            retest_subjects,
        },
        year_after_retest: after,
        used_principal: false,
    };

    if !absences_ok {
        // Retests and training cannot cure absences (§3.11, decision in docs/decisions.md).
        reject_summer_inputs(input, summer_given, retests_given, errors);
        trace.push(TraceStep::new(TraceCode::Tt22Promotion, false));
        return done(
            PromotionStatus::KhongLenLop,
            Some(RetentionReason::Absences),
            Vec::new(),
            None,
        );
    }
    let score_subjects = subjects
        .iter()
        .filter(|s| s.form == AssessmentForm::Score)
        .count();
    if config.min_count_policy == MinCountPolicy::Literal && score_subjects < MIN_SCORE_SUBJECTS {
        #[allow(clippy::cast_possible_truncation)] // both are below 32
        trace.push(
            TraceStep::new(TraceCode::Tt22FewScoreSubjects, true).input(Fact::Count {
                found: score_subjects as u16,
                limit: MIN_SCORE_SUBJECTS as u16,
            }),
        );
        // "ít nhất 06 môn" read literally: fewer than six score subjects can never reach Đạt and no retest
        // can change that, so the student goes to the principal's decision (spec §3.7, Điều 12 khoản 4).
        if retests_given {
            reject_summer_inputs(input, false, true, errors);
        }
        let (status, reason) = match input.principal.promotion {
            Some(PromotionDecision::LenLop) => (PromotionStatus::LenLop, None),
            Some(PromotionDecision::OLaiLop) => (
                PromotionStatus::KhongLenLop,
                Some(RetentionReason::PrincipalDecision),
            ),
            None => (PromotionStatus::ChoQuyetDinhHieuTruong, None),
        };
        if status != PromotionStatus::ChoQuyetDinhHieuTruong {
            trace.push(TraceStep::new(
                TraceCode::Tt22Promotion,
                status.is_promoted(),
            ));
        }
        let mut outcome = done(status, reason, Vec::new(), None);
        outcome.used_principal = true;
        return outcome;
    }
    if conduct_year.passes() && learning_year.passes() {
        reject_summer_inputs(input, summer_given, retests_given, errors);
        trace.push(TraceStep::new(TraceCode::Tt22Promotion, true));
        return done(PromotionStatus::LenLop, None, Vec::new(), None);
    }

    // Summer training (Điều 13) when the conduct is Chưa đạt.
    let conduct_final = if conduct_year.passes() {
        if summer_given {
            errors.push(AssessError::SummerTrainingNotApplicable {
                pointer: "/tt22/conduct/after_summer".into(),
            });
        }
        Some(conduct_year)
    } else {
        trace.push(
            TraceStep::new(TraceCode::Tt22SummerTrainingRequired, true)
                .input(Fact::Level(conduct_year)),
        );
        if !learning_year.passes() && config.combined_case == CombinedCase::Retain {
            reject_summer_inputs(input, summer_given, retests_given, errors);
            trace.push(TraceStep::new(TraceCode::Tt22CombinedRetained, true));
            trace.push(TraceStep::new(TraceCode::Tt22Promotion, false));
            return done(
                PromotionStatus::KhongLenLop,
                Some(RetentionReason::ConductAndLearning),
                Vec::new(),
                None,
            );
        }
        if let Some(after) = input.conduct_after_summer {
            trace.push(
                TraceStep::new(TraceCode::Tt22SummerTrainingResult, after.passes())
                    .input(Fact::Level(conduct_year))
                    .output(Fact::Level(after)),
            );
        }
        input.conduct_after_summer
    };

    if let Some(c) = conduct_final {
        if !c.passes() {
            // Still Chưa đạt after training: retests cannot help (Điều 14 needs conduct ≥ Đạt).
            if retests_given {
                reject_summer_inputs(input, false, true, errors);
            }
            trace.push(TraceStep::new(TraceCode::Tt22Promotion, false));
            return done(
                PromotionStatus::KhongLenLop,
                Some(RetentionReason::Conduct),
                Vec::new(),
                None,
            );
        }
    }

    if learning_year.passes() {
        if retests_given {
            reject_summer_inputs(input, false, true, errors);
        }
        return match conduct_final {
            Some(_) => {
                trace.push(TraceStep::new(TraceCode::Tt22Promotion, true));
                done(PromotionStatus::LenLopSauDanhGiaLai, None, Vec::new(), None)
            }
            None => done(PromotionStatus::ChoRenLuyenHe, None, Vec::new(), None),
        };
    }

    // Retests (Điều 14): every comment subject Chưa đạt and every score subject below 5.0.
    let retest_subjects: Vec<_> = subjects
        .iter()
        .filter(|s| needs_retest(s.year))
        .map(|s| s.subject)
        .collect();
    for (i, (result, subject_input)) in subjects.iter_mut().zip(&input.subjects).enumerate() {
        let eligible = needs_retest(result.year);
        if eligible {
            trace.push(
                TraceStep::new(TraceCode::Tt22RetestSubject, true)
                    .subject(result.subject)
                    .input(match result.year {
                        Some(SubjectValue::Average(s)) => Fact::Score(s),
                        Some(SubjectValue::Comment(p)) => Fact::Pass(p),
                        None => Fact::None,
                    }),
            );
        }
        match subject_input.retest {
            Some(mark) if eligible => {
                result.retest = match mark {
                    Mark::Score(s) => Some(SubjectValue::Average(s)),
                    Mark::Comment(p) => Some(SubjectValue::Comment(p)),
                    Mark::PendingMakeup | Mark::Absent => None,
                };
            }
            Some(_) => errors.push(AssessError::RetestNotApplicable {
                pointer: alloc::format!("/tt22/subjects/{i}/retest"),
                subject: result.subject,
            }),
            None => {}
        }
    }
    let all_retested = subjects
        .iter()
        .filter(|s| needs_retest(s.year))
        .all(|s| s.retest.is_some());

    if !all_retested || conduct_final.is_none() {
        let status = match (conduct_final.is_none(), all_retested) {
            (true, false) => PromotionStatus::ChoRenLuyenHeVaKiemTraLai,
            (true, true) => PromotionStatus::ChoRenLuyenHe,
            (false, _) => PromotionStatus::ChoKiemTraLai,
        };
        return done(status, None, retest_subjects, None);
    }

    // Replace the year results of the retested subjects and recompute the year level.
    let replaced: Vec<_> = subjects
        .iter()
        .filter_map(|s| s.retest.or(s.year).map(|v| (s.subject, v)))
        .collect();
    for s in subjects.iter().filter(|s| s.retest.is_some()) {
        trace.push(
            TraceStep::new(TraceCode::Tt22RetestResult, true)
                .subject(s.subject)
                .output(match s.retest {
                    Some(SubjectValue::Average(v)) => Fact::Score(v),
                    Some(SubjectValue::Comment(p)) => Fact::Pass(p),
                    None => Fact::None,
                }),
        );
    }
    let after = learning_level(
        &replaced,
        Term::YearAfterRetest,
        config,
        config.adjust_after_retest,
        trace,
    );
    let promoted = after.level.passes();
    trace.push(TraceStep::new(TraceCode::Tt22Promotion, promoted).input(Fact::Level(after.level)));
    if promoted {
        done(
            PromotionStatus::LenLopSauDanhGiaLai,
            None,
            retest_subjects,
            Some(after),
        )
    } else {
        done(
            PromotionStatus::KhongLenLop,
            Some(RetentionReason::Learning),
            retest_subjects,
            Some(after),
        )
    }
}

/// Summer results given for a student who has no summer workflow would be silently dropped: refuse them.
fn reject_summer_inputs(
    input: &SecondaryInput,
    summer_given: bool,
    retests_given: bool,
    errors: &mut Vec<AssessError>,
) {
    if summer_given {
        errors.push(AssessError::SummerTrainingNotApplicable {
            pointer: "/tt22/conduct/after_summer".into(),
        });
    }
    if retests_given {
        for (i, s) in input.subjects.iter().enumerate() {
            if s.retest.is_some() {
                errors.push(AssessError::RetestNotApplicable {
                    pointer: alloc::format!("/tt22/subjects/{i}/retest"),
                    subject: s.spec.subject,
                });
            }
        }
    }
}
