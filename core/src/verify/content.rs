//! What a signature covers and what the role policy binds to: the record's canonical bytes and the
//! people and school the record names.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use super::adapter::text_at;
use crate::pki::cert::hex_lower;
use crate::pki::DigestAlgorithm;
use crate::time::UnixTime;
use crate::Lang;

/// The signed content and the names the roles bind to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignedContent {
    /// The bytes every signer signs (RFC 8785 canonical JSON of the record).
    pub canonical_bytes: Vec<u8>,
    /// SHA-256 of `canonical_bytes`, lower-case hex.
    pub digest_hex: String,
    /// SHA-256 of `canonical_bytes` (the signatures' message digests are compared with it).
    pub sha256: Vec<u8>,
    /// The record's id.
    pub record_id: Option<String>,
    /// The class teacher the record names (GVCN).
    pub class_teacher: Option<String>,
    /// The principal (or authorised deputy) the record names as signing (HT).
    pub principal: Option<String>,
    /// Subject teachers the record names.
    pub subject_teachers: Vec<String>,
    /// The school's code.
    pub school_code: Option<String>,
    /// The school's name.
    pub school_name: Option<String>,
    /// When the record was locked (absent while it is a draft).
    pub locked_at: Option<UnixTime>,
    /// What a reader is shown once the signatures hold.
    pub summary: RecordSummary,
}

/// What the report shows of the record, only when its signatures hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct RecordSummary {
    /// Record id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// Student's full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student_name: Option<String>,
    /// Student's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub student_id: Option<String>,
    /// School year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_year: Option<String>,
    /// Grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<i64>,
    /// Class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// School name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// School code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_code: Option<String>,
}

/// The record cannot be turned into signed content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContentError {
    /// The record has no canonical form (text not in NFC, a number JCS cannot represent, ...).
    #[error("the record has no canonical form: {0}")]
    NotCanonicalizable(crate::canonical::CanonicalError),
}

impl ContentError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            ContentError::NotCanonicalizable(e) => e.code(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (ContentError::NotCanonicalizable(e), Lang::Vi) => alloc::format!(
                "không lập được dạng chuẩn tắc của hồ sơ: {}",
                e.message(Lang::Vi)
            ),
        }
    }
}

/// The canonical bytes of any JSON value (RFC 8785), as every signature and digest uses them.
///
/// # Errors
/// [`ContentError::NotCanonicalizable`].
pub fn canonical_bytes(value: &Value) -> Result<Vec<u8>, ContentError> {
    super::adapter::canonical_bytes(value).map_err(ContentError::NotCanonicalizable)
}

/// Reads the signed content of a `hocba.record/1` value.
///
/// # Errors
/// [`ContentError`] when the record has no canonical form.
pub fn signed_content(record: &Value) -> Result<SignedContent, ContentError> {
    let canonical = canonical_bytes(record)?;
    let sha256 = DigestAlgorithm::Sha256.digest(&canonical);
    let digest_hex = hex_lower(&sha256);
    let names = super::adapter::binding(record);
    let summary = RecordSummary {
        record_id: names.record_id.clone(),
        student_name: text_at(record, &["/student/full_name", "/student/name"]),
        student_id: text_at(record, &["/student/moet_code", "/student/id"]),
        school_year: text_at(record, &["/school_year"]),
        grade: record.pointer("/grade").and_then(Value::as_i64),
        class: text_at(record, &["/class/name"]),
        school_name: names.school_name.clone(),
        school_code: names.school_code.clone(),
    };
    Ok(SignedContent {
        canonical_bytes: canonical,
        digest_hex,
        sha256,
        record_id: names.record_id,
        class_teacher: names.class_teacher,
        principal: names.principal,
        subject_teachers: names.subject_teachers,
        school_code: names.school_code,
        school_name: names.school_name,
        locked_at: names.locked_at,
        summary,
    })
}
