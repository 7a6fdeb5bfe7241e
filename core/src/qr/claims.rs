//! The claim set a stub signs: a small CBOR map with integer keys.
//!
//! ```text
//! { 1: record id (tstr), 2: SHA-256 of the canonical record (bstr 32), 3: school code (tstr),
//!   4: school year (tstr "2024-2025"), ? 5: status-list index (uint), 6: issue time (uint, Unix seconds) }
//! ```
//!
//! Key 6 is CWT's `iat` (RFC 8392). Unknown keys are refused: a new claim is a new prefix (`HB2:`).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};
use serde_json::Value as Json;

use super::cbor_limits::{self, CborLimits};
use super::cose::is_integer;
use super::error::StubDecodeError;
use crate::pki::cert::hex_lower;
use crate::time::UnixTime;

/// Longest record id accepted (bytes).
pub const MAX_RECORD_ID: usize = 128;
/// Longest school code or school year accepted (bytes).
pub const MAX_SHORT_TEXT: usize = 32;
/// Limits of the claim map: six entries, nothing nested.
pub const CLAIMS_LIMITS: CborLimits = CborLimits {
    max_depth: 2,
    max_items: 16,
};

const RECORD_ID: i64 = 1;
const DIGEST: i64 = 2;
const SCHOOL_CODE: i64 = 3;
const SCHOOL_YEAR: i64 = 4;
const STATUS_INDEX: i64 = 5;
const ISSUED_AT: i64 = 6;

/// What a stub says about the record it stands for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QrClaims {
    /// The record's id.
    pub record_id: String,
    /// SHA-256 of the record's canonical bytes (RFC 8785).
    #[serde(serialize_with = "hex_digest")]
    pub digest: [u8; 32],
    /// The school's code.
    pub school_code: String,
    /// The school year, `YYYY-YYYY`.
    pub school_year: String,
    /// The record's position in the school's status list when the stub was issued (a hint; the lookup
    /// is by record id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_index: Option<u64>,
    /// When the stub was issued.
    pub issued_at: UnixTime,
}

fn hex_digest<S: serde::Serializer>(d: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex_lower(d))
}

/// Why a record cannot be turned into claims.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClaimsError {
    /// The record lacks a field the stub needs.
    #[error("the record has no {field}")]
    Missing {
        /// Which (`record_id`, `school.code`, `school_year`).
        field: &'static str,
    },
    /// A field is longer than the stub allows.
    #[error("{field} is longer than {max} bytes")]
    TooLong {
        /// Which.
        field: &'static str,
        /// The limit.
        max: usize,
    },
    /// The record has no canonical form.
    #[error("{0}")]
    Content(String),
}

impl ClaimsError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            ClaimsError::Missing { .. } => "claim_missing",
            ClaimsError::TooLong { .. } => "claim_too_long",
            ClaimsError::Content(_) => "record_not_canonicalizable",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::Lang) -> String {
        match (self, lang) {
            (e, crate::Lang::En) => e.to_string(),
            (ClaimsError::Missing { field }, crate::Lang::Vi) => {
                alloc::format!("hồ sơ không có {field}")
            }
            (ClaimsError::TooLong { field, max }, crate::Lang::Vi) => {
                alloc::format!("{field} dài quá {max} byte")
            }
            (ClaimsError::Content(d), crate::Lang::Vi) => {
                alloc::format!("không lập được dạng chuẩn tắc của hồ sơ: {d}")
            }
        }
    }
}

fn bounded(field: &'static str, value: Option<String>, max: usize) -> Result<String, ClaimsError> {
    let v = value.ok_or(ClaimsError::Missing { field })?;
    if v.len() > max {
        return Err(ClaimsError::TooLong { field, max });
    }
    Ok(v)
}

impl QrClaims {
    /// The claims for a `hocba.record/1` value: id, canonical digest, school code and year.
    ///
    /// # Errors
    /// [`ClaimsError`].
    pub fn for_record(
        record: &Json,
        issued_at: UnixTime,
        status_index: Option<u64>,
    ) -> Result<QrClaims, ClaimsError> {
        let content = crate::verify::signed_content(record)
            .map_err(|e| ClaimsError::Content(e.message(crate::Lang::En)))?;
        let digest = crate::pki::DigestAlgorithm::Sha256.digest(&content.canonical_bytes);
        Ok(QrClaims {
            record_id: bounded("record_id", content.record_id, MAX_RECORD_ID)?,
            digest: digest
                .try_into()
                .map_err(|_| ClaimsError::Missing { field: "digest" })?,
            school_code: bounded("school.code", content.school_code, MAX_SHORT_TEXT)?,
            school_year: bounded("school_year", content.summary.school_year, MAX_SHORT_TEXT)?,
            status_index,
            issued_at,
        })
    }

    /// The digest as lower-case hex (how status lists write it).
    #[must_use]
    pub fn digest_hex(&self) -> String {
        hex_lower(&self.digest)
    }

    /// The CBOR bytes of the claim map (keys in ascending order, definite lengths).
    #[must_use]
    pub fn to_cbor(&self) -> Vec<u8> {
        // Before 1970 cannot be issued (the CLI refuses it); clamp rather than wrap.
        let iat = u64::try_from(self.issued_at.0).unwrap_or(0);
        let entries = 5 + u64::from(self.status_index.is_some());
        let mut e = Encoder::new(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = e
            .map(entries)
            .and_then(|e| e.i64(RECORD_ID)?.str(&self.record_id))
            .and_then(|e| e.i64(DIGEST)?.bytes(&self.digest))
            .and_then(|e| e.i64(SCHOOL_CODE)?.str(&self.school_code))
            .and_then(|e| e.i64(SCHOOL_YEAR)?.str(&self.school_year));
        if let Some(i) = self.status_index {
            let _ = e.i64(STATUS_INDEX).and_then(|e| e.u64(i));
        }
        let _ = e.i64(ISSUED_AT).and_then(|e| e.u64(iat));
        e.into_writer()
    }

    /// Reads the claim map.
    ///
    /// # Errors
    /// [`StubDecodeError::CborLimits`] or [`StubDecodeError::Claims`].
    pub fn from_cbor(bytes: &[u8]) -> Result<QrClaims, StubDecodeError> {
        cbor_limits::check(bytes, CLAIMS_LIMITS).map_err(StubDecodeError::CborLimits)?;
        let bad = |detail: &str| StubDecodeError::Claims {
            detail: detail.to_string(),
        };
        let mut d = Decoder::new(bytes);
        // The limits walk above has checked the structure: definite lengths, nothing after the map.
        let entries = match d.datatype() {
            Ok(Type::Map) => d
                .map()
                .ok()
                .flatten()
                .ok_or_else(|| bad("the claims are not CBOR"))?,
            Ok(_) => return Err(bad("the claims are not a map")),
            Err(_) => return Err(bad("the claims are not CBOR")),
        };
        let mut record_id = None;
        let mut digest = None;
        let mut school_code = None;
        let mut school_year = None;
        let mut status_index = None;
        let mut issued_at = None;
        for _ in 0..entries {
            let key = if is_integer(&d) {
                d.int()
                    .ok()
                    .and_then(|i| i64::try_from(i).ok())
                    .unwrap_or(-1)
            } else {
                -1
            };
            let text = |d: &mut Decoder<'_>, max: usize, name: &str| {
                let t = match d.datatype() {
                    Ok(Type::String) => Some(d.str().map_err(|_| bad("the claims are not CBOR"))?),
                    _ => None,
                };
                t.filter(|t| !t.is_empty() && t.len() <= max)
                    .map(String::from)
                    .ok_or_else(|| bad(&alloc::format!("{name}: not a text of 1 to {max} bytes")))
            };
            let slot_taken = match key {
                RECORD_ID => record_id
                    .replace(text(&mut d, MAX_RECORD_ID, "record id")?)
                    .is_some(),
                DIGEST => match d.datatype() {
                    Ok(Type::Bytes) => digest
                        .replace(
                            d.bytes()
                                .ok()
                                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                                .ok_or_else(|| bad("digest: not 32 bytes"))?,
                        )
                        .is_some(),
                    _ => return Err(bad("digest: not a byte string")),
                },
                SCHOOL_CODE => school_code
                    .replace(text(&mut d, MAX_SHORT_TEXT, "school code")?)
                    .is_some(),
                SCHOOL_YEAR => school_year
                    .replace(text(&mut d, MAX_SHORT_TEXT, "school year")?)
                    .is_some(),
                STATUS_INDEX => status_index
                    .replace(
                        uint(&mut d).ok_or_else(|| bad("status index: not an unsigned integer"))?,
                    )
                    .is_some(),
                ISSUED_AT => {
                    let t = uint(&mut d)
                        .and_then(|t| i64::try_from(t).ok())
                        .ok_or_else(|| bad("issue time: not an unsigned integer"))?;
                    issued_at.replace(UnixTime(t)).is_some()
                }
                _ => return Err(bad("an unknown claim")),
            };
            if slot_taken {
                return Err(bad("a claim appears twice"));
            }
        }
        let missing = |name: &str| bad(&alloc::format!("{name} is missing"));
        Ok(QrClaims {
            record_id: record_id.ok_or_else(|| missing("record id"))?,
            digest: digest.ok_or_else(|| missing("digest"))?,
            school_code: school_code.ok_or_else(|| missing("school code"))?,
            school_year: school_year.ok_or_else(|| missing("school year"))?,
            status_index,
            issued_at: issued_at.ok_or_else(|| missing("issue time"))?,
        })
    }
}

/// An unsigned integer (major type 0), consumed; `None` for anything else.
fn uint(d: &mut Decoder<'_>) -> Option<u64> {
    if !is_integer(d) {
        return None;
    }
    d.int().ok().and_then(|i| u64::try_from(i).ok())
}
