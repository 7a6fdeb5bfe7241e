//! The one error type across the boundary. Kotlin sees `HocbaException`, Swift `HocbaError`, Python
//! `HocbaError`; each variant carries the stable machine code of `hocba-core` so apps can branch on it.

/// A problem with an input, or an input the engine could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum HocbaError {
    /// The input was read but is not valid: `code` is the first problem's stable code, `problems` all of them.
    #[error("[{code}] {detail}")]
    InvalidInput {
        /// Stable machine code of the first problem.
        code: String,
        /// Its message in the requested language (`message` would clash with Kotlin's `Throwable.message`).
        detail: String,
        /// Every problem, as `code pointer: message` lines.
        problems: Vec<String>,
    },
}

impl HocbaError {
    /// From the core's JSON list of problems (`[{code, pointer, message}]`).
    pub(crate) fn from_problems(errors: &serde_json::Value) -> HocbaError {
        let list: Vec<&serde_json::Value> = errors
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let field = |v: &serde_json::Value, k: &str| {
            v.get(k)
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let first = list.first();
        HocbaError::InvalidInput {
            code: first.map_or_else(|| "unknown".into(), |e| field(e, "code")),
            detail: first.map_or_else(String::new, |e| field(e, "message")),
            problems: list
                .iter()
                .map(|e| format!("{} {}", field(e, "code"), field(e, "message")))
                .collect(),
        }
    }
}
