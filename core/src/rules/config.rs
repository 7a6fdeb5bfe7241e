//! Named switches for every interpretation the law leaves open (`spec/rules.md` §11).
//!
//! Each default is the one the spec gives; every assessment prints the configuration it used, so two
//! results can always be told apart by the switches that produced them.

/// Counterfactual used by the one-subject adjustment (TT22 Điều 9 khoản 3), `spec/rules.md` §3.8.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AdjustPolicy {
    /// Replace the subject's result by the best possible value (10.0 / Đạt) and recompute.
    #[default]
    BestCase,
    /// Drop the subject and recompute on the others.
    Remove,
}

/// How "at least 6 subjects" reads when a student has fewer than 6 score subjects (§3.7).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MinCountPolicy {
    /// The text as written: fewer than 6 score subjects cannot reach Tốt/Khá/Đạt; promotion then goes to the
    /// principal's decision (no retest can help).
    #[default]
    Literal,
    /// `min(6, number of score subjects)`.
    MinWithCount,
}

/// What happens when both the year conduct and the year learning result are Chưa đạt (§3.11).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CombinedCase {
    /// Summer training first; if the re-assessed conduct is at least Đạt, the subjects are retested.
    #[default]
    TrainThenRetest,
    /// Not promoted at once.
    Retain,
}

/// Rounding of a TT27 periodic test total that has a fractional part (§4.5).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrimaryTestRounding {
    /// 8.5 → 9, 8.25 → 8.
    #[default]
    HalfUp,
    /// Only whole numbers are accepted.
    RejectFractional,
}

/// Every interpretation switch. `RulesConfig::default()` is the spec's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)] // each bool is one named, documented switch of the spec
pub struct RulesConfig {
    /// ĐTBmcn from the two rounded ĐTBmhk of record (§2.3). Default true.
    pub mcn_from_rounded_semesters: bool,
    /// Counterfactual of the one-subject adjustment (§3.8). Default `best_case`.
    pub adjust_policy: AdjustPolicy,
    /// A comment subject can trigger the adjustment (§3.8). Default true.
    pub adjust_includes_comment_subjects: bool,
    /// The adjustment is applied again to the year level recomputed after retests (§3.11). Default true.
    pub adjust_after_retest: bool,
    /// Fewer than 6 score subjects (§3.7). Default `literal`.
    pub min_count_policy: MinCountPolicy,
    /// Conduct and learning both Chưa đạt (§3.11). Default `train_then_retest`.
    pub combined_case: CombinedCase,
    /// Titles (Điều 15) only for students who are promoted. Default false: Điều 15 names only conduct and
    /// learning, so a student retained for absences can still hold a title (open question §11.3).
    pub titles_require_promotion: bool,
    /// Rounding of fractional TT27 test totals (§4.5). Default `half_up`.
    pub primary_test_rounding: PrimaryTestRounding,
}

impl Default for RulesConfig {
    fn default() -> Self {
        RulesConfig {
            mcn_from_rounded_semesters: true,
            adjust_policy: AdjustPolicy::BestCase,
            adjust_includes_comment_subjects: true,
            adjust_after_retest: true,
            min_count_policy: MinCountPolicy::Literal,
            combined_case: CombinedCase::TrainThenRetest,
            titles_require_promotion: false,
            primary_test_rounding: PrimaryTestRounding::HalfUp,
        }
    }
}
