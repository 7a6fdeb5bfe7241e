//! The signed envelope `hocba.signed/1`: the record, and its signatures beside it.
//!
//! ```json
//! { "format": "hocba.signed/1",
//!   "record": { "format": "hocba.record/1", … },
//!   "signatures": [ { "role": "gvcn", "cms": "MIIH…" }, … ] }
//! ```
//!
//! `cms` is a detached CMS SignedData (base64 of DER) over the record's canonical bytes. `role` is the
//! declared role; hocba's own signatures also carry it as a signed attribute, signatures made by other
//! tools carry only the declared field, and both are checked the same way. The envelope is read with the
//! hardened JSON reader (size, depth, duplicate keys) and unknown fields are refused.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{Map, Value};

use crate::assess::AssessError;
use crate::json::typed::json_struct;
use crate::json::{from_value_moving, read_value, Limits};
use crate::sign::Role;
use crate::Lang;

/// Format tag of a signed envelope.
pub const SIGNED_FORMAT: &str = "hocba.signed/1";
/// Format tag of a record.
pub const RECORD_FORMAT: &str = "hocba.record/1";

/// Limits of the envelope reader: a record with three signatures is a few tens of kilobytes.
pub const ENVELOPE_LIMITS: Limits = Limits {
    max_bytes: 4 * 1024 * 1024,
    max_depth: 32,
    max_string_bytes: 512 * 1024,
    max_items: 10_000,
};

/// Most signatures one envelope may carry.
pub const MAX_SIGNATURES: usize = 32;

struct RawEnvelope {
    format: String,
    record: Value,
    signatures: Vec<RawSignature>,
}

struct RawSignature {
    role: Option<String>,
    cms: String,
}

json_struct!(RawEnvelope {
    format: req "format",
    record: req "record",
    signatures: req "signatures",
});
json_struct!(RawSignature {
    role: opt "role",
    cms: req "cms",
});

/// One signature entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeSignature {
    /// The declared role (`gvcn`, `ht`, `seal`, `subject_teacher`), as written.
    pub declared_role: Option<String>,
    /// The CMS (DER), or why its base64 cannot be read.
    pub cms: Result<Vec<u8>, String>,
}

/// A parsed envelope (or a bare record, with no signatures yet).
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The record.
    pub record: Value,
    /// The signatures, in envelope order.
    pub signatures: Vec<EnvelopeSignature>,
}

/// The envelope cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    /// Not JSON, too large, duplicate keys, wrong shape.
    #[error("{0}")]
    Json(AssessError),
    /// Another format.
    #[error(
        "unsupported format `{found}`: expected `{SIGNED_FORMAT}` (or `{RECORD_FORMAT}` to sign)"
    )]
    UnsupportedFormat {
        /// What the file says.
        found: String,
    },
    /// The `record` is not a `hocba.record/1` object.
    #[error("/record: not a `{RECORD_FORMAT}` object")]
    NotARecord,
    /// More signatures than [`MAX_SIGNATURES`].
    #[error("{count} signatures, at most {MAX_SIGNATURES}")]
    TooManySignatures {
        /// How many.
        count: usize,
    },
}

impl EnvelopeError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            EnvelopeError::Json(e) => e.code(),
            EnvelopeError::UnsupportedFormat { .. } => "unsupported_format",
            EnvelopeError::NotARecord => "not_a_record",
            EnvelopeError::TooManySignatures { .. } => "too_many_signatures",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        // Each English text is spelled out (equal to `Display`, tested) rather than `to_string()`, whose
        // `Display` would link every assessment error's text through `Json` (D-121).
        match (self, lang) {
            (EnvelopeError::Json(e), _) => crate::json::read_error_message(e, lang),
            (EnvelopeError::UnsupportedFormat { found }, Lang::En) => alloc::format!(
                "unsupported format `{found}`: expected `{SIGNED_FORMAT}` (or `{RECORD_FORMAT}` to sign)"
            ),
            (EnvelopeError::NotARecord, Lang::En) => {
                alloc::format!("/record: not a `{RECORD_FORMAT}` object")
            }
            (EnvelopeError::TooManySignatures { count }, Lang::En) => {
                alloc::format!("{count} signatures, at most {MAX_SIGNATURES}")
            }
            (EnvelopeError::UnsupportedFormat { found }, Lang::Vi) => alloc::format!(
                "định dạng `{found}` không được hỗ trợ: cần `{SIGNED_FORMAT}` (hoặc `{RECORD_FORMAT}` để ký)"
            ),
            (EnvelopeError::NotARecord, Lang::Vi) => {
                alloc::format!("/record: không phải một hồ sơ `{RECORD_FORMAT}`")
            }
            (EnvelopeError::TooManySignatures { count }, Lang::Vi) => {
                alloc::format!("có {count} chữ ký, tối đa {MAX_SIGNATURES}")
            }
        }
    }
}

fn is_record(v: &Value) -> bool {
    v.get("format").and_then(Value::as_str) == Some(RECORD_FORMAT)
}

/// Reads a `hocba.signed/1` envelope, or a bare `hocba.record/1` (as an envelope without signatures).
///
/// # Errors
/// [`EnvelopeError`].
pub fn parse_envelope(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
    let value = read_value(bytes, ENVELOPE_LIMITS).map_err(EnvelopeError::Json)?;
    let format = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if format == RECORD_FORMAT {
        return Ok(Envelope {
            record: value,
            signatures: Vec::new(),
        });
    }
    if format != SIGNED_FORMAT {
        return Err(EnvelopeError::UnsupportedFormat { found: format });
    }
    // Reading the record as a copied `Value` field would cost a third of verify's parsing time.
    let raw: RawEnvelope = from_value_moving(value, "record", |e: &mut RawEnvelope| &mut e.record)
        .map_err(EnvelopeError::Json)?;
    debug_assert_eq!(raw.format, SIGNED_FORMAT);
    if !is_record(&raw.record) {
        return Err(EnvelopeError::NotARecord);
    }
    if raw.signatures.len() > MAX_SIGNATURES {
        return Err(EnvelopeError::TooManySignatures {
            count: raw.signatures.len(),
        });
    }
    let signatures = raw
        .signatures
        .into_iter()
        .map(|s| EnvelopeSignature {
            declared_role: s.role,
            cms: BASE64.decode(s.cms.trim()).map_err(|e| e.to_string()),
        })
        .collect();
    Ok(Envelope {
        record: raw.record,
        signatures,
    })
}

impl Envelope {
    /// A record with no signature yet.
    #[must_use]
    pub fn unsigned(record: Value) -> Envelope {
        Envelope {
            record,
            signatures: Vec::new(),
        }
    }

    /// Appends a signature with its declared role.
    pub fn push(&mut self, role: Option<Role>, cms_der: Vec<u8>) {
        self.signatures.push(EnvelopeSignature {
            declared_role: role.map(|r| r.code().into()),
            cms: Ok(cms_der),
        });
    }

    /// The envelope as JSON (signatures whose base64 could not be read are dropped).
    #[must_use]
    pub fn to_value(&self) -> Value {
        let signatures = self
            .signatures
            .iter()
            .filter_map(|s| {
                let cms = s.cms.as_ref().ok()?;
                let mut m = Map::new();
                if let Some(r) = &s.declared_role {
                    m.insert("role".into(), Value::String(r.clone()));
                }
                m.insert("cms".into(), Value::String(BASE64.encode(cms)));
                Some(Value::Object(m))
            })
            .collect();
        let mut m = Map::new();
        m.insert("format".into(), Value::String(SIGNED_FORMAT.into()));
        m.insert("record".into(), self.record.clone());
        m.insert("signatures".into(), Value::Array(signatures));
        Value::Object(m)
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;

    #[test]
    fn english_messages_are_the_display_texts() {
        for e in [
            EnvelopeError::Json(AssessError::EmptyInput),
            EnvelopeError::Json(AssessError::DuplicateKey {
                pointer: "/a".into(),
                key: "b".into(),
            }),
            EnvelopeError::UnsupportedFormat {
                found: "x/1".into(),
            },
            EnvelopeError::NotARecord,
            EnvelopeError::TooManySignatures { count: 40 },
        ] {
            assert_eq!(e.message(Lang::En), alloc::string::ToString::to_string(&e));
        }
    }
}
