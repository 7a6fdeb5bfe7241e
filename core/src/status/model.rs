//! The school's status list `hocba.status-list/1`: which records are issued, superseded or revoked.
//!
//! ```json
//! { "format": "hocba.status-list/1",
//!   "list": { "school_code": "79000701", "school_name": "Trường THPT Nguyễn Trãi",
//!             "issued_at": "2025-07-01T08:00:00Z",
//!             "entries": [ { "record_id": "…", "digest": "<sha256 hex of the canonical record>",
//!                            "status": "issued", "date": "2025-06-20" } ] },
//!   "signature": { "cms": "MIIH…" } }
//! ```
//!
//! `signature.cms` is a detached CMS over the canonical bytes of `list`, made with the school's seal.
//! Each entry binds a record id to the digest of the exact record issued, so a forged record reusing an
//! id is not "issued".

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{Map, Value};

use crate::assess::AssessError;
use crate::json::typed::{json_struct, json_unit_enum};
use crate::json::{from_value, from_value_moving, read_value, Limits};
use crate::Lang;

/// Format tag of a status list.
pub const STATUS_LIST_FORMAT: &str = "hocba.status-list/1";

/// Limits of the status-list reader: a school issues a few thousand records a year.
pub const STATUS_LIST_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024 * 1024,
    max_depth: 16,
    max_string_bytes: 512 * 1024,
    max_items: 1_000_000,
};

/// A record's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    /// Issued and current.
    Issued,
    /// Replaced by a corrected version.
    Superseded,
    /// Withdrawn (wrong student, duplicate, ...).
    Revoked,
}

/// One record's entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    /// The record's id.
    pub record_id: String,
    /// SHA-256 of the record's canonical bytes, lower-case hex.
    pub digest: String,
    /// Its status.
    pub status: RecordStatus,
    /// The date of that status (Vietnam local date, `YYYY-MM-DD`).
    pub date: String,
    /// Why (required for superseded and revoked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The record that replaces this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}

/// The list itself (the signed part).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusList {
    /// The school's code.
    pub school_code: String,
    /// The school's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// When this version of the list was issued (RFC 3339).
    pub issued_at: String,
    /// One entry per record.
    pub entries: Vec<StatusEntry>,
}

struct RawDocument {
    format: String,
    list: Value,
    signature: RawSignature,
}

struct RawSignature {
    cms: String,
}

json_struct!(StatusEntry {
    record_id: req "record_id",
    digest: req "digest",
    status: req "status",
    date: req "date",
    reason: opt "reason",
    superseded_by: opt "superseded_by",
});
json_struct!(StatusList {
    school_code: req "school_code",
    school_name: opt "school_name",
    issued_at: req "issued_at",
    entries: req "entries",
});
json_unit_enum!(RecordStatus { Issued "issued", Superseded "superseded", Revoked "revoked" });
json_struct!(RawDocument {
    format: req "format",
    list: req "list",
    signature: req "signature",
});
json_struct!(RawSignature { cms: req "cms" });

/// A signed status list as read: the list, its JSON (whose canonical bytes were signed) and the CMS.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusDocument {
    /// The list.
    pub list: StatusList,
    /// The list as JSON.
    pub list_value: Value,
    /// The CMS (DER), or why its base64 cannot be read.
    pub cms: Result<Vec<u8>, String>,
}

/// A status list that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusListError {
    /// Not JSON, too large, wrong shape.
    #[error("status list: {0}")]
    Json(AssessError),
    /// Another format.
    #[error("status list: unsupported format `{found}`, expected `{STATUS_LIST_FORMAT}`")]
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
}

impl StatusListError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            StatusListError::Json(_) | StatusListError::UnsupportedFormat { .. } => {
                "status_list_malformed"
            }
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        // English spelled out (equal to `Display`, tested), as `EnvelopeError::message` does (D-121).
        match (self, lang) {
            (StatusListError::Json(e), Lang::En) => {
                alloc::format!("status list: {}", crate::json::read_error_message(e, Lang::En))
            }
            (StatusListError::UnsupportedFormat { found }, Lang::En) => alloc::format!(
                "status list: unsupported format `{found}`, expected `{STATUS_LIST_FORMAT}`"
            ),
            (StatusListError::Json(e), Lang::Vi) => {
                alloc::format!(
                    "danh sách trạng thái: {}",
                    crate::json::read_error_message(e, Lang::Vi)
                )
            }
            (StatusListError::UnsupportedFormat { found }, Lang::Vi) => alloc::format!(
                "danh sách trạng thái: định dạng `{found}` không được hỗ trợ, cần `{STATUS_LIST_FORMAT}`"
            ),
        }
    }
}

/// Reads a signed status list.
///
/// # Errors
/// [`StatusListError`].
pub fn parse_status_document(bytes: &[u8]) -> Result<StatusDocument, StatusListError> {
    let value = read_value(bytes, STATUS_LIST_LIMITS).map_err(StatusListError::Json)?;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if format != STATUS_LIST_FORMAT {
        return Err(StatusListError::UnsupportedFormat { found: format });
    }
    let raw: RawDocument = from_value_moving(value, "list", |d: &mut RawDocument| &mut d.list)
        .map_err(StatusListError::Json)?;
    debug_assert_eq!(raw.format, STATUS_LIST_FORMAT);
    let list: StatusList = from_value(&raw.list).map_err(|mut e| {
        e.nest("/list");
        StatusListError::Json(e)
    })?;
    Ok(StatusDocument {
        list,
        list_value: raw.list,
        cms: BASE64
            .decode(raw.signature.cms.trim())
            .map_err(|e| e.to_string()),
    })
}

impl StatusList {
    /// The list as JSON (what is canonicalised and signed).
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The signed document: the list and the seal's CMS over its canonical bytes.
    #[must_use]
    pub fn to_document(&self, cms_der: &[u8]) -> Value {
        let mut sig = Map::new();
        sig.insert("cms".into(), Value::String(BASE64.encode(cms_der)));
        let mut m = Map::new();
        m.insert("format".into(), Value::String(STATUS_LIST_FORMAT.into()));
        m.insert("list".into(), self.to_value());
        m.insert("signature".into(), Value::Object(sig));
        Value::Object(m)
    }

    /// The entry of a record id.
    #[must_use]
    pub fn entry(&self, record_id: &str) -> Option<&StatusEntry> {
        self.entries.iter().find(|e| e.record_id == record_id)
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn english_messages_are_the_display_texts() {
        for e in [
            StatusListError::Json(AssessError::EmptyInput),
            StatusListError::Json(AssessError::Structure {
                pointer: "/list".into(),
                detail: "missing field `entries`".into(),
            }),
            StatusListError::UnsupportedFormat {
                found: "x/1".into(),
            },
        ] {
            assert_eq!(e.message(Lang::En), alloc::string::ToString::to_string(&e));
        }
    }
}
