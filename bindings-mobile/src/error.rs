//! The one error type across the boundary. Kotlin sees `HocbaException`, Swift `HocbaError`, Python
//! `HocbaError`; every variant carries the stable machine `code` of the problem so apps can branch on it,
//! and `detail`, its message in the requested language. A failed verification is not an error: it is a
//! `VerificationResult` whose verdict is not valid.

/// An input the engine could not use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum HocbaError {
    /// The input was read but is not valid, or is not the document expected (`empty_input`, `json_syntax`,
    /// `not_utf8`, `unsupported_format`, `record_shape`, any assessment code…): `code` is the first
    /// problem's, `problems` all of them.
    #[error("[{code}] {detail}")]
    InvalidInput {
        /// Stable machine code of the first problem.
        code: String,
        /// Its message in the requested language (`message` would clash with Kotlin's `Throwable.message`).
        detail: String,
        /// Every problem, one line each: the code first, then (for record shape problems) the JSON
        /// pointer and a colon, then the message.
        problems: Vec<String>,
    },
    /// An input is larger than its limit; nothing of it was parsed (`input_too_large`, `too_many_items`).
    #[error("[{code}] {detail}")]
    InputTooLarge {
        /// Stable machine code.
        code: String,
        /// The message in the requested language.
        detail: String,
        /// Size of the input in bytes (or items).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A trust anchor, intermediate or CRL cannot be read, or there is no trust anchor
    /// (`certificate_*`, `crl_*`, `trust_store_empty`, the core's codes).
    #[error("[{code}] {item}: {detail}")]
    BadTrustData {
        /// Stable machine code.
        code: String,
        /// The message in the requested language (English: trust data is built before a language is
        /// known; see the README).
        detail: String,
        /// Which input: `anchors[2]`, `crls[0]`.
        item: String,
    },
    /// The verification time cannot be used (`time_malformed`, `time_out_of_range`).
    #[error("[{code}] {detail}")]
    BadTime {
        /// Stable machine code.
        code: String,
        /// The message in the requested language.
        detail: String,
    },
}

impl HocbaError {
    /// The stable machine code of any variant.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            HocbaError::InvalidInput { code, .. }
            | HocbaError::InputTooLarge { code, .. }
            | HocbaError::BadTrustData { code, .. }
            | HocbaError::BadTime { code, .. } => code,
        }
    }

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

    /// An input beyond its limit.
    pub(crate) fn too_large(
        what: &str,
        size: usize,
        limit: usize,
        lang: hocba_core::Lang,
    ) -> HocbaError {
        HocbaError::InputTooLarge {
            code: "input_too_large".into(),
            detail: match lang {
                hocba_core::Lang::Vi => format!("{what}: {size} byte, vượt giới hạn {limit} byte"),
                hocba_core::Lang::En => {
                    format!("{what}: {size} bytes, more than the limit of {limit} bytes")
                }
            },
            size: size as u64,
            limit: limit as u64,
        }
    }
}
