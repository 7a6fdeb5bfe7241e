//! One check of a verification or of a record's own judgement: an id, an outcome, a stable code and a
//! message in each language. Outside `verify` because the rules judge the record itself (its `schema`
//! and `arithmetic` checks, [`crate::record::checks`]) in builds without verification: the WebAssembly
//! rules module answers them for the verification module (decisions D-121).

use alloc::string::String;

use serde::Serialize;

use crate::Lang;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// The check ran and holds.
    Valid,
    /// The check ran and fails: the record must not be trusted.
    Invalid,
    /// The check did not apply or its input was not given, and it is not required.
    Skipped,
    /// A required check could not run or could not decide.
    Error,
}

impl CheckStatus {
    /// Its name in `lang`.
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CheckStatus::Valid, Lang::Vi) => "Hợp lệ",
            (CheckStatus::Valid, Lang::En) => "Valid",
            (CheckStatus::Invalid, Lang::Vi) => "Không hợp lệ",
            (CheckStatus::Invalid, Lang::En) => "Invalid",
            (CheckStatus::Skipped, Lang::Vi) => "Bỏ qua",
            (CheckStatus::Skipped, Lang::En) => "Skipped",
            (CheckStatus::Error, Lang::Vi) => "Không xác định được",
            (CheckStatus::Error, Lang::En) => "Error",
        }
    }
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Stable id: `format`, `canonical_digest`, `signatures[1].path`, `roles.order`, `status`, ...
    pub id: String,
    /// Outcome.
    pub status: CheckStatus,
    /// Stable code (`valid` when the check holds, else the specific reason).
    pub code: String,
    /// Vietnamese message.
    pub message_vi: String,
    /// English message.
    pub message_en: String,
}

impl Check {
    /// A check result.
    #[must_use]
    pub fn new(
        id: impl Into<String>,
        status: CheckStatus,
        code: impl Into<String>,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Check {
        Check {
            id: id.into(),
            status,
            code: code.into(),
            message_vi: message_vi.into(),
            message_en: message_en.into(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message_en,
        }
    }
}

impl CheckStatus {
    /// The status its JSON name (`valid`, `invalid`, `skipped`, `error`) stands for.
    #[must_use]
    pub fn from_name(name: &str) -> Option<CheckStatus> {
        match name {
            "valid" => Some(CheckStatus::Valid),
            "invalid" => Some(CheckStatus::Invalid),
            "skipped" => Some(CheckStatus::Skipped),
            "error" => Some(CheckStatus::Error),
            _ => None,
        }
    }

    /// Its JSON name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            CheckStatus::Valid => "valid",
            CheckStatus::Invalid => "invalid",
            CheckStatus::Skipped => "skipped",
            CheckStatus::Error => "error",
        }
    }
}

/// Checks as they travel between the two WebAssembly modules: a JSON array of `{id, status, code,
/// message_vi, message_en}`, both messages kept so the receiver can still report in either language.
#[must_use]
pub fn checks_to_json(checks: &[Check]) -> serde_json::Value {
    serde_json::Value::Array(
        checks
            .iter()
            .map(|c| {
                serde_json::json!({
                    "id": c.id,
                    "status": c.status.name(),
                    "code": c.code,
                    "message_vi": c.message_vi,
                    "message_en": c.message_en,
                })
            })
            .collect(),
    )
}

/// The checks [`checks_to_json`] wrote, or `None` when `value` is not such an array.
#[must_use]
pub fn checks_from_json(value: &serde_json::Value) -> Option<alloc::vec::Vec<Check>> {
    let text = |c: &serde_json::Value, key: &str| c.get(key)?.as_str().map(String::from);
    value
        .as_array()?
        .iter()
        .map(|c| {
            Some(Check {
                id: text(c, "id")?,
                status: CheckStatus::from_name(c.get("status")?.as_str()?)?,
                code: text(c, "code")?,
                message_vi: text(c, "message_vi")?,
                message_en: text(c, "message_en")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_cross_as_json_and_back_unchanged() {
        let checks = alloc::vec![
            Check::new("schema", CheckStatus::Valid, "valid", "hợp lệ", "valid"),
            Check::new(
                "arithmetic",
                CheckStatus::Invalid,
                "stated_mismatch",
                "sai",
                "wrong"
            ),
            Check::new("x", CheckStatus::Skipped, "skipped", "", ""),
            Check::new("y", CheckStatus::Error, "arithmetic_not_checked", "a", "b"),
        ];
        assert_eq!(checks_from_json(&checks_to_json(&checks)), Some(checks));
        for bad in [
            serde_json::json!({}),
            serde_json::json!([{"id": "schema"}]),
            serde_json::json!([{"id": "a", "status": "fine", "code": "c", "message_vi": "", "message_en": ""}]),
        ] {
            assert_eq!(checks_from_json(&bad), None, "{bad}");
        }
    }
}
