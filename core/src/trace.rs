//! The explanation trace: which rule produced each value and which condition held or failed.
//!
//! A step is plain `Copy` data (a code, the subject and term it is about, and up to two facts), so building
//! the trace costs one allocation per assessment; the Vietnamese and English sentences are written only
//! when someone reads them ([`TraceStep::message`]).

use alloc::format;
use alloc::string::String;

use crate::levels::{Level, Pass, PrimaryResult, SubjectLevel, TraitLevel};
use crate::rules::catalogue::{Competence, Quality, Subject};
use crate::score::Score;
use crate::Lang;

/// The period a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// Học kì I.
    Hk1,
    /// Học kì II.
    Hk2,
    /// Cả năm.
    Year,
    /// Cả năm, after the summer retests (Điều 14).
    YearAfterRetest,
    /// TT27 giữa học kì I.
    Ghk1,
    /// TT27 cuối học kì I.
    Chk1,
    /// TT27 giữa học kì II.
    Ghk2,
    /// TT27 cuối năm học.
    Cn,
}

impl Term {
    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Term::Hk1 => "hk1",
            Term::Hk2 => "hk2",
            Term::Year => "year",
            Term::YearAfterRetest => "year_after_retest",
            Term::Ghk1 => "ghk1",
            Term::Chk1 => "chk1",
            Term::Ghk2 => "ghk2",
            Term::Cn => "cn",
        }
    }

    /// Label in `lang`.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Term::Hk1, Lang::Vi) => "học kì I",
            (Term::Hk2, Lang::Vi) => "học kì II",
            (Term::Year, Lang::Vi) => "cả năm",
            (Term::YearAfterRetest, Lang::Vi) => "cả năm sau đánh giá lại",
            (Term::Ghk1, Lang::Vi) => "giữa học kì I",
            (Term::Chk1, Lang::Vi) => "cuối học kì I",
            (Term::Ghk2, Lang::Vi) => "giữa học kì II",
            (Term::Cn, Lang::Vi) => "cuối năm học",
            (Term::Hk1, Lang::En) => "semester I",
            (Term::Hk2, Lang::En) => "semester II",
            (Term::Year, Lang::En) => "whole year",
            (Term::YearAfterRetest, Lang::En) => "whole year after re-assessment",
            (Term::Ghk1, Lang::En) => "mid-semester I",
            (Term::Chk1, Lang::En) => "end of semester I",
            (Term::Ghk2, Lang::En) => "mid-semester II",
            (Term::Cn, Lang::En) => "end of year",
        }
    }
}

/// A TT22 learning-level condition that failed (Điều 9 khoản 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "condition")]
pub enum LevelCondition {
    /// Too many comment subjects are Chưa đạt.
    CommentFailures {
        /// Comment subjects that are Chưa đạt.
        failed: u8,
        /// How many the level allows.
        allowed: u8,
    },
    /// A score subject is below the level's floor.
    LowestBelow {
        /// The lowest average.
        lowest: Score,
        /// The floor.
        floor: Score,
    },
    /// Too few score subjects reach the level's bar.
    TooFewAbove {
        /// Subjects at or above the bar.
        count: u8,
        /// Subjects needed.
        needed: u8,
        /// The bar.
        bar: Score,
    },
}

/// A TT27 end-of-year condition that failed (Điều 9 khoản 2 điểm a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "condition")]
pub enum PrimaryCondition {
    /// A subject's end-of-year level is below what the result needs.
    SubjectLevel {
        /// The subject.
        subject: Subject,
        /// Its level.
        level: SubjectLevel,
    },
    /// A quality's level is below what the result needs.
    Quality {
        /// The quality.
        quality: Quality,
        /// Its level.
        level: TraitLevel,
    },
    /// A competence's level is below what the result needs.
    Competence {
        /// The competence.
        competence: Competence,
        /// Its level.
        level: TraitLevel,
    },
    /// An end-of-year test is below the bar.
    TestBelow {
        /// The subject.
        subject: Subject,
        /// The score.
        score: u8,
        /// The bar.
        bar: u8,
    },
}

/// A value a step used or produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Fact {
    /// Nothing.
    #[default]
    None,
    /// A score or average.
    Score(Score),
    /// An exact ratio before rounding: numerator in tenths over the denominator.
    Ratio {
        /// Numerator in tenths.
        numerator_tenths: u32,
        /// Denominator.
        denominator: u32,
    },
    /// Two values (semester I, semester II).
    Scores(Score, Score),
    /// A TT22 level.
    Level(Level),
    /// Two levels (semester I, semester II).
    Levels(Level, Level),
    /// Đạt / Chưa đạt.
    Pass(Pass),
    /// A count against a limit.
    Count {
        /// What was found.
        found: u16,
        /// The limit or requirement.
        limit: u16,
    },
    /// A failed TT22 level condition.
    LevelCondition(LevelCondition),
    /// A failed TT27 condition.
    PrimaryCondition(PrimaryCondition),
    /// A TT27 result.
    PrimaryResult(PrimaryResult),
    /// A TT27 test score (0–10).
    TestScore(u8),
    /// A raw TT27 test total in hundredths before rounding.
    RawTestHundredths(u16),
    /// A subject.
    Subject(Subject),
}

macro_rules! trace_codes {
    ($($variant:ident => $code:literal, $rule:literal;)*) => {
        /// Stable code of a trace step. Codes never change meaning; new ones are added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum TraceCode {
            $(#[doc = $code] $variant,)*
        }
        impl TraceCode {
            /// Every code.
            pub const ALL: &'static [TraceCode] = &[$(TraceCode::$variant),*];
            /// The stable string code.
            #[must_use]
            pub const fn as_str(self) -> &'static str { match self { $(TraceCode::$variant => $code,)* } }
            /// The article and clause the step applies.
            #[must_use]
            pub const fn rule(self) -> &'static str { match self { $(TraceCode::$variant => $rule,)* } }
        }
    };
}

trace_codes! {
    Tt22ComponentAbsent => "tt22.component.absent", "TT22 Điều 7 (đánh giá bù)";
    Tt22SemesterPending => "tt22.subject.pending_makeup", "TT22 Điều 7 (đánh giá bù)";
    Tt22SemesterAverage => "tt22.subject.semester_average", "TT22 Điều 9 khoản 1 điểm b";
    Tt22YearAverage => "tt22.subject.year_average", "TT22 Điều 9 khoản 1 điểm b";
    Tt22CommentSemester => "tt22.subject.comment_semester", "TT22 Điều 9 khoản 1 điểm a";
    Tt22CommentYear => "tt22.subject.comment_year", "TT22 Điều 9 khoản 1 điểm a";
    Tt22ExemptPractical => "tt22.subject.exempt_practical", "TT22 Điều 10";
    Tt22LevelTot => "tt22.level.tot", "TT22 Điều 9 khoản 2 điểm a";
    Tt22LevelKha => "tt22.level.kha", "TT22 Điều 9 khoản 2 điểm b";
    Tt22LevelDat => "tt22.level.dat", "TT22 Điều 9 khoản 2 điểm c";
    Tt22LevelChuaDat => "tt22.level.chua_dat", "TT22 Điều 9 khoản 2 điểm d";
    Tt22LevelAdjusted => "tt22.level.adjusted", "TT22 Điều 9 khoản 3";
    Tt22LevelNotAdjusted => "tt22.level.not_adjusted", "TT22 Điều 9 khoản 3";
    Tt22LevelByPrincipal => "tt22.level.principal_decision", "TT22 Điều 11, Điều 12 khoản 4";
    Tt22LevelAwaitsPrincipal => "tt22.level.awaits_principal", "TT22 Điều 11, Điều 12 khoản 4";
    Tt22ConductYear => "tt22.conduct.year", "TT22 Điều 8 khoản 2";
    Tt22Absences => "tt22.promotion.absences", "TT22 Điều 12 khoản 1 điểm c";
    Tt22PromotionConduct => "tt22.promotion.conduct", "TT22 Điều 12 khoản 1 điểm a";
    Tt22PromotionLearning => "tt22.promotion.learning", "TT22 Điều 12 khoản 1 điểm b";
    Tt22SummerTrainingRequired => "tt22.summer_training.required", "TT22 Điều 13 khoản 1";
    Tt22SummerTrainingResult => "tt22.summer_training.result", "TT22 Điều 13 khoản 3";
    Tt22CombinedRetained => "tt22.promotion.combined_retained", "TT22 Điều 12 khoản 3";
    Tt22RetestSubject => "tt22.retest.subject", "TT22 Điều 14 khoản 1";
    Tt22RetestResult => "tt22.retest.result", "TT22 Điều 14 khoản 3";
    Tt22Promotion => "tt22.promotion.status", "TT22 Điều 12";
    Tt22PromotionByPrincipal => "tt22.promotion.principal_decision", "TT22 Điều 12 khoản 4";
    Tt22FewScoreSubjects => "tt22.promotion.few_score_subjects", "TT22 Điều 9 khoản 2, Điều 12 khoản 4";
    Tt22Completion => "tt22.completion", "TT22 Điều 12 khoản 1";
    Tt22TitleXuatSac => "tt22.title.xuat_sac", "TT22 Điều 15 khoản 1 điểm a";
    Tt22TitleGioi => "tt22.title.gioi", "TT22 Điều 15 khoản 1 điểm a";
    Tt22TitleNotPromoted => "tt22.title.not_promoted", "TT22 Điều 15 khoản 1 điểm a";
    Tt22ElectiveCount => "tt22.catalogue.elective_count", "TT32/2018 (sửa đổi bởi TT13/2022)";
    Tt27TestRounded => "tt27.test.rounded", "TT27 Điều 7 khoản 1 điểm c";
    Tt27ResultXuatSac => "tt27.result.hoan_thanh_xuat_sac", "TT27 Điều 9 khoản 2 điểm a";
    Tt27ResultTot => "tt27.result.hoan_thanh_tot", "TT27 Điều 9 khoản 2 điểm a";
    Tt27ResultHoanThanh => "tt27.result.hoan_thanh", "TT27 Điều 9 khoản 2 điểm a";
    Tt27ResultChuaHoanThanh => "tt27.result.chua_hoan_thanh", "TT27 Điều 9 khoản 2 điểm a";
    Tt27Completion => "tt27.completion", "TT27 Điều 11 khoản 1";
    Tt27Supplementary => "tt27.completion.supplementary", "TT27 Điều 11 khoản 2";
    Tt27PrincipalDecision => "tt27.completion.principal_decision", "TT27 Điều 11 khoản 3";
    Tt27ProgrammeCompleted => "tt27.completion.programme", "TT27 Điều 11 khoản 4";
    Tt27TitleXuatSac => "tt27.title.xuat_sac", "TT27 Điều 13 khoản 1 điểm a";
    Tt27TitleTieuBieu => "tt27.title.tieu_bieu", "TT27 Điều 13 khoản 1 điểm a";
}

#[cfg(feature = "schema")]
crate::schema_support::string_enum_schema!(
    TraceCode,
    "TraceCode",
    TraceCode::ALL.iter().map(|c| c.as_str())
);

impl serde::Serialize for TraceCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One decision of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceStep {
    /// What was decided.
    pub code: TraceCode,
    /// The subject it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// The term it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Whether the rule's condition held.
    pub held: bool,
    /// The input the rule used.
    #[serde(skip_serializing_if = "is_none_fact")]
    pub input: Fact,
    /// The value it produced.
    #[serde(skip_serializing_if = "is_none_fact")]
    pub output: Fact,
}

fn is_none_fact(f: &Fact) -> bool {
    matches!(f, Fact::None)
}

impl TraceStep {
    /// A step with no facts yet.
    #[must_use]
    pub const fn new(code: TraceCode, held: bool) -> TraceStep {
        TraceStep {
            code,
            subject: None,
            term: None,
            held,
            input: Fact::None,
            output: Fact::None,
        }
    }

    /// Sets the subject.
    #[must_use]
    pub const fn subject(mut self, subject: Subject) -> Self {
        self.subject = Some(subject);
        self
    }

    /// Sets the term.
    #[must_use]
    pub const fn term(mut self, term: Term) -> Self {
        self.term = Some(term);
        self
    }

    /// Sets the input fact.
    #[must_use]
    pub const fn input(mut self, fact: Fact) -> Self {
        self.input = fact;
        self
    }

    /// Sets the output fact.
    #[must_use]
    pub const fn output(mut self, fact: Fact) -> Self {
        self.output = fact;
        self
    }

    /// The step as a sentence in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        crate::trace_messages::describe(self, lang)
    }
}

/// Renders a subject's name in `lang`.
pub(crate) fn subject_name(subject: Subject, lang: Lang) -> &'static str {
    lang.pick(subject.name_vi(), subject.name_en())
}

/// Formats a ratio "N/D" with the numerator in points (one decimal) — the exact value before rounding.
pub(crate) fn ratio_text(numerator_tenths: u32, denominator: u32, lang: Lang) -> String {
    let sep = lang.pick(",", ".");
    format!(
        "{}{}{}/{}",
        numerator_tenths / 10,
        sep,
        numerator_tenths % 10,
        denominator
    )
}
