//! The manifest `hocba.package/1`: what a school's submission package holds, signed by its seal.
//!
//! ```json
//! { "format": "hocba.package/1",
//!   "school": { "code": "79000701", "name": "Trường THPT …" }, "school_year": "2024-2025",
//!   "created_at": "2025-07-10T08:00:00Z", "count": 2,
//!   "records": [ { "line": 1, "record_id": "…", "line_sha256": "<hex>", "record_digest": "<hex>" }, … ] }
//! ```
//!
//! `manifest.json` is written as its own RFC 8785 canonical bytes, and `manifest.sig` is a detached CMS
//! by the school seal over exactly those bytes, so `openssl cms -verify -binary -content manifest.json`
//! checks it too. Readers canonicalise what they read before checking the signature.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assess::AssessError;
use crate::json::typed::json_struct;
use crate::json::{from_value, read_value, Limits};
use crate::Lang;

/// Format tag of a package manifest.
pub const PACKAGE_FORMAT: &str = "hocba.package/1";

/// Most records in one package (a large school issues a few thousand records a year).
pub const MAX_RECORDS: usize = 200_000;

/// Limits of the manifest reader.
pub const MANIFEST_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024 * 1024,
    max_depth: 8,
    max_string_bytes: 4096,
    max_items: MAX_RECORDS * 4 + 64,
};

/// The school the package is from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageSchool {
    /// Its code.
    pub code: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One record of the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// Its line in `records.ndjson` (1-based).
    pub line: u64,
    /// The record's id.
    pub record_id: String,
    /// SHA-256 of the line's bytes (the signed envelope as written), lower-case hex.
    pub line_sha256: String,
    /// SHA-256 of the record's canonical bytes, lower-case hex (what status lists and stubs name).
    pub record_digest: String,
}

/// The manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`PACKAGE_FORMAT`].
    pub format: String,
    /// The school.
    pub school: PackageSchool,
    /// The school year, `YYYY-YYYY`.
    pub school_year: String,
    /// When the package was made (RFC 3339).
    pub created_at: String,
    /// How many records.
    pub count: u64,
    /// Every record, in line order.
    pub records: Vec<ManifestEntry>,
}

json_struct!(PackageSchool {
    code: req "code",
    name: opt "name",
});
json_struct!(ManifestEntry {
    line: req "line",
    record_id: req "record_id",
    line_sha256: req "line_sha256",
    record_digest: req "record_digest",
});
json_struct!(Manifest {
    format: req "format",
    school: req "school",
    school_year: req "school_year",
    created_at: req "created_at",
    count: req "count",
    records: req "records",
});

/// A manifest that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ManifestError {
    /// Not JSON, too large, wrong shape, duplicate keys.
    #[error("manifest: {0}")]
    Json(AssessError),
    /// Another format.
    #[error("manifest: unsupported format `{found}`, expected `{PACKAGE_FORMAT}`")]
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
    /// More records than [`MAX_RECORDS`].
    #[error("manifest: {count} records, at most {MAX_RECORDS}")]
    TooManyRecords {
        /// How many.
        count: usize,
    },
}

impl ManifestError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ManifestError::Json(e) => e.code(),
            ManifestError::UnsupportedFormat { .. } => "unsupported_format",
            ManifestError::TooManyRecords { .. } => "too_many_records",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (ManifestError::Json(e), Lang::Vi) => {
                alloc::format!("bản kê: {}", e.message(Lang::Vi))
            }
            (ManifestError::UnsupportedFormat { found }, Lang::Vi) => alloc::format!(
                "bản kê: định dạng `{found}` không được hỗ trợ, cần `{PACKAGE_FORMAT}`"
            ),
            (ManifestError::TooManyRecords { count }, Lang::Vi) => {
                alloc::format!("bản kê có {count} hồ sơ, tối đa {MAX_RECORDS}")
            }
        }
    }
}

/// Reads a manifest; returns it and its JSON value (whose canonical bytes the seal signed).
///
/// # Errors
/// [`ManifestError`].
pub fn parse_manifest(bytes: &[u8]) -> Result<(Manifest, Value), ManifestError> {
    let value = read_value(bytes, MANIFEST_LIMITS).map_err(ManifestError::Json)?;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if format != PACKAGE_FORMAT {
        return Err(ManifestError::UnsupportedFormat { found: format });
    }
    let manifest: Manifest = from_value(&value).map_err(ManifestError::Json)?;
    if manifest.records.len() > MAX_RECORDS {
        return Err(ManifestError::TooManyRecords {
            count: manifest.records.len(),
        });
    }
    Ok((manifest, value))
}

impl Manifest {
    /// The manifest as JSON.
    #[must_use]
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The bytes written to `manifest.json` and signed: RFC 8785 canonical JSON.
    ///
    /// # Errors
    /// When a text is not NFC or a number has no canonical form.
    pub fn canonical_bytes(&self) -> Result<Vec<u8>, crate::verify::content::ContentError> {
        crate::verify::content::canonical_bytes(&self.to_value())
    }
}
