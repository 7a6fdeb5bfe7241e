//! Reading [`RulesConfig`] from a JSON value tree ([`crate::json::typed`], decisions D-92).

use serde_json::Value;

use super::config::{AdjustPolicy, CombinedCase, MinCountPolicy, PrimaryTestRounding, RulesConfig};
use crate::json::typed::{json_unit_enum, Fields, FromJson, Location, Read};

json_unit_enum!(AdjustPolicy { BestCase "best_case", Remove "remove" });
json_unit_enum!(MinCountPolicy { Literal "literal", MinWithCount "min_with_count" });
json_unit_enum!(CombinedCase { TrainThenRetest "train_then_retest", Retain "retain" });
json_unit_enum!(PrimaryTestRounding { HalfUp "half_up", RejectFractional "reject_fractional" });

/// Every switch may be left out: an absent one is the spec's reading (serde's container `default`).
impl FromJson for RulesConfig {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        let d = RulesConfig::default();
        let f = Fields::of(
            value,
            at,
            "struct RulesConfig",
            &[
                "mcn_from_rounded_semesters",
                "adjust_policy",
                "adjust_includes_comment_subjects",
                "adjust_after_retest",
                "min_count_policy",
                "combined_case",
                "titles_require_promotion",
                "primary_test_rounding",
            ],
        )?;
        let config = RulesConfig {
            mcn_from_rounded_semesters: f
                .or("mcn_from_rounded_semesters", d.mcn_from_rounded_semesters)?,
            adjust_policy: f.or("adjust_policy", d.adjust_policy)?,
            adjust_includes_comment_subjects: f.or(
                "adjust_includes_comment_subjects",
                d.adjust_includes_comment_subjects,
            )?,
            adjust_after_retest: f.or("adjust_after_retest", d.adjust_after_retest)?,
            min_count_policy: f.or("min_count_policy", d.min_count_policy)?,
            combined_case: f.or("combined_case", d.combined_case)?,
            titles_require_promotion: f
                .or("titles_require_promotion", d.titles_require_promotion)?,
            primary_test_rounding: f.or("primary_test_rounding", d.primary_test_rounding)?,
        };
        f.finish()?;
        Ok(config)
    }
}
