//! Learning levels (Điều 9 khoản 2) and the one-subject adjustment (khoản 3), `spec/rules.md` §3.7–§3.8, §8.

use alloc::vec::Vec;

use crate::assess::output::{LevelOutcome, SubjectValue};
use crate::levels::{Level, Pass};
use crate::rules::catalogue::Subject;
use crate::rules::config::{AdjustPolicy, MinCountPolicy, RulesConfig};
use crate::score::Score;
use crate::trace::{Fact, LevelCondition, Term, TraceCode, TraceStep};

/// The most subjects a student can have; the input checks enforce it.
pub const MAX_SUBJECTS: usize = 32;

/// "ít nhất 06 môn học".
const NEEDED: u8 = 6;

/// One tier of §3.7: how many comment failures it allows, the lowest score it allows, the bar that at
/// least six subjects must reach (tenths).
struct Tier {
    level: Level,
    code: TraceCode,
    comment_failures_allowed: u8,
    floor: u8,
    bar: u8,
}

const TIERS: [Tier; 3] = [
    Tier {
        level: Level::Tot,
        code: TraceCode::Tt22LevelTot,
        comment_failures_allowed: 0,
        floor: 65,
        bar: 80,
    },
    Tier {
        level: Level::Kha,
        code: TraceCode::Tt22LevelKha,
        comment_failures_allowed: 0,
        floor: 50,
        bar: 65,
    },
    Tier {
        level: Level::Dat,
        code: TraceCode::Tt22LevelDat,
        comment_failures_allowed: 1,
        floor: 35,
        bar: 50,
    },
];

/// Scores (tenths) of the score subjects and the number of comment subjects that are Chưa đạt.
#[derive(Clone, Copy)]
struct Profile {
    scores: [u8; MAX_SUBJECTS],
    len: usize,
    comment_failures: u8,
}

impl Profile {
    fn scores(&self) -> &[u8] {
        &self.scores[..self.len]
    }

    fn without(&self, index: usize) -> Profile {
        let mut p = *self;
        p.scores.copy_within(index + 1..self.len, index);
        p.len -= 1;
        p
    }

    fn with_best(&self, index: usize) -> Profile {
        let mut p = *self;
        p.scores[index] = 100;
        p
    }
}

fn needed(len: usize, policy: MinCountPolicy) -> u8 {
    match policy {
        MinCountPolicy::Literal => NEEDED,
        MinCountPolicy::MinWithCount => NEEDED.min(u8::try_from(len).unwrap_or(NEEDED)),
    }
}

/// The first failed condition of a tier, or `None` when the tier is met.
fn tier_failure(tier: &Tier, p: &Profile, policy: MinCountPolicy) -> Option<LevelCondition> {
    if p.comment_failures > tier.comment_failures_allowed {
        return Some(LevelCondition::CommentFailures {
            failed: p.comment_failures,
            allowed: tier.comment_failures_allowed,
        });
    }
    if let Some(&lowest) = p.scores().iter().min() {
        if lowest < tier.floor {
            return Some(LevelCondition::LowestBelow {
                lowest: Score::from_tenths(lowest).unwrap_or(Score::ZERO),
                floor: Score::from_tenths(tier.floor).unwrap_or(Score::ZERO),
            });
        }
    }
    let count =
        u8::try_from(p.scores().iter().filter(|&&s| s >= tier.bar).count()).unwrap_or(u8::MAX);
    let need = needed(p.len, policy);
    if count < need {
        return Some(LevelCondition::TooFewAbove {
            count,
            needed: need,
            bar: Score::from_tenths(tier.bar).unwrap_or(Score::ZERO),
        });
    }
    None
}

fn level_of(p: &Profile, policy: MinCountPolicy) -> Level {
    TIERS
        .iter()
        .find(|t| tier_failure(t, p, policy).is_none())
        .map_or(Level::ChuaDat, |t| t.level)
}

/// Computes the level of a term from its subject values, with the adjustment, and records every tier tried.
pub(crate) fn learning_level(
    values: &[(Subject, SubjectValue)],
    term: Term,
    config: &RulesConfig,
    adjust_allowed: bool,
    trace: &mut Vec<TraceStep>,
) -> LevelOutcome {
    let mut profile = Profile {
        scores: [0; MAX_SUBJECTS],
        len: 0,
        comment_failures: 0,
    };
    // Index in `profile.scores` → subject, for naming the trigger of an adjustment.
    let mut score_subjects = [Subject::Toan; MAX_SUBJECTS];
    let mut failed_comments = [Subject::Toan; MAX_SUBJECTS];
    let mut failed_len = 0;
    for &(subject, value) in values.iter().take(MAX_SUBJECTS) {
        match value {
            SubjectValue::Average(s) => {
                profile.scores[profile.len] = s.tenths();
                score_subjects[profile.len] = subject;
                profile.len += 1;
            }
            SubjectValue::Comment(Pass::ChuaDat) => {
                profile.comment_failures += 1;
                failed_comments[failed_len] = subject;
                failed_len += 1;
            }
            SubjectValue::Comment(Pass::Dat) => {}
        }
    }

    let policy = config.min_count_policy;
    let mut computed = Level::ChuaDat;
    for tier in &TIERS {
        let failure = tier_failure(tier, &profile, policy);
        let mut step = TraceStep::new(tier.code, failure.is_none()).term(term);
        if let Some(f) = failure {
            step = step.input(Fact::LevelCondition(f));
        }
        trace.push(step);
        if failure.is_none() {
            computed = tier.level;
            break;
        }
    }
    if computed == Level::ChuaDat {
        trace.push(TraceStep::new(TraceCode::Tt22LevelChuaDat, true).term(term));
    }

    if !adjust_allowed {
        return LevelOutcome {
            level: computed,
            computed,
            adjusted_for: None,
            by_principal: false,
        };
    }
    let (level, adjusted_for) = adjust(
        computed,
        &profile,
        &score_subjects,
        &failed_comments[..failed_len],
        config,
    );
    let step = match adjusted_for {
        Some(subject) => TraceStep::new(TraceCode::Tt22LevelAdjusted, true)
            .subject(subject)
            .term(term)
            .input(Fact::Level(computed))
            .output(Fact::Level(level)),
        None => TraceStep::new(TraceCode::Tt22LevelNotAdjusted, false)
            .term(term)
            .input(Fact::Level(computed)),
    };
    // Only worth a line when an adjustment was conceivable (the level is Đạt or Chưa đạt).
    if adjusted_for.is_some() || computed.rank() >= Level::Dat.rank() {
        trace.push(step);
    }
    LevelOutcome {
        level,
        computed,
        adjusted_for,
        by_principal: false,
    }
}

/// Điều 9 khoản 3: if the level is two or more levels below the level the student would have "but for one
/// subject", it is raised to the adjacent level above the computed one.
fn adjust(
    computed: Level,
    profile: &Profile,
    score_subjects: &[Subject],
    failed_comments: &[Subject],
    config: &RulesConfig,
) -> (Level, Option<Subject>) {
    if computed.rank() < Level::Dat.rank() {
        return (computed, None);
    }
    let policy = config.min_count_policy;
    let mut best: Option<(Level, Subject)> = None;
    let mut consider = |level: Level, subject: Subject| {
        if best.is_none_or(|(b, _)| level.rank() < b.rank()) {
            best = Some((level, subject));
        }
    };
    for (i, &subject) in score_subjects.iter().enumerate().take(profile.len) {
        let counterfactual = match config.adjust_policy {
            AdjustPolicy::BestCase => profile.with_best(i),
            AdjustPolicy::Remove => profile.without(i),
        };
        consider(level_of(&counterfactual, policy), subject);
    }
    if config.adjust_includes_comment_subjects {
        // Best case (Đạt) and removal of a Chưa đạt comment subject both take one failure away.
        if let Some(&subject) = failed_comments.first() {
            let mut p = *profile;
            p.comment_failures -= 1;
            consider(level_of(&p, policy), subject);
        }
    }
    match best {
        Some((would_be, subject))
            if matches!(would_be, Level::Tot | Level::Kha)
                && computed.rank() - would_be.rank() >= 2 =>
        {
            (computed.one_up(), Some(subject))
        }
        _ => (computed, None),
    }
}

/// The level without adjustment from tenths and a comment failure count (the §8 pseudocode), for tests.
#[must_use]
pub fn plain_level(scores_tenths: &[u8], comment_failures: u8, policy: MinCountPolicy) -> Level {
    let mut p = Profile {
        scores: [0; MAX_SUBJECTS],
        len: scores_tenths.len().min(MAX_SUBJECTS),
        comment_failures,
    };
    p.scores[..p.len].copy_from_slice(&scores_tenths[..p.len]);
    level_of(&p, policy)
}
