//! Building a manifest from a school's signed envelopes: one school, one year, every record signed and
//! listed once.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::manifest::{Manifest, ManifestEntry, PackageSchool, MAX_RECORDS, PACKAGE_FORMAT};
use crate::pki::cert::hex_lower;
use crate::pki::DigestAlgorithm;
use crate::verify::{parse_envelope, signed_content};
use crate::Lang;

/// Why a package cannot be built. Every variant names the offending input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PackageBuildError {
    /// No record at all.
    #[error("no record to package")]
    Empty,
    /// More than [`MAX_RECORDS`].
    #[error("{count} records, at most {MAX_RECORDS} in one package")]
    TooMany {
        /// How many.
        count: usize,
    },
    /// Not a signed envelope.
    #[error("{source_name}: [{code}] {detail}")]
    Unreadable {
        /// Which input.
        source_name: String,
        /// The reader's code.
        code: &'static str,
        /// The reader's words.
        detail: String,
    },
    /// A record without any signature is not issued.
    #[error("{source_name}: record {record_id} has no signature; only issued (signed) records are packaged")]
    Unsigned {
        /// Which input.
        source_name: String,
        /// The record.
        record_id: String,
    },
    /// A record without id, school code or school year.
    #[error("{source_name}: the record has no {field}")]
    Missing {
        /// Which input.
        source_name: String,
        /// The missing field.
        field: &'static str,
    },
    /// A record of another school.
    #[error("{source_name}: record {record_id} is of school {found}, the package of school {expected} (from {first})")]
    OtherSchool {
        /// Which input.
        source_name: String,
        /// The record.
        record_id: String,
        /// Its school.
        found: String,
        /// The package's school.
        expected: String,
        /// The input that set it.
        first: String,
    },
    /// A record of another school year.
    #[error("{source_name}: record {record_id} is of school year {found}, the package of {expected} (from {first})")]
    OtherYear {
        /// Which input.
        source_name: String,
        /// The record.
        record_id: String,
        /// Its year.
        found: String,
        /// The package's year.
        expected: String,
        /// The input that set it.
        first: String,
    },
    /// The same record id twice.
    #[error("{source_name}: record {record_id} is already in the package (from {first})")]
    Duplicate {
        /// Which input.
        source_name: String,
        /// The record.
        record_id: String,
        /// Where it was first.
        first: String,
    },
}

impl PackageBuildError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            PackageBuildError::Empty => "package_empty",
            PackageBuildError::TooMany { .. } => "too_many_records",
            PackageBuildError::Unreadable { .. } => "record_unreadable",
            PackageBuildError::Unsigned { .. } => "record_unsigned",
            PackageBuildError::Missing { .. } => "record_field_missing",
            PackageBuildError::OtherSchool { .. } => "school_mismatch",
            PackageBuildError::OtherYear { .. } => "school_year_mismatch",
            PackageBuildError::Duplicate { .. } => "duplicate_record",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use PackageBuildError::*;
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (Empty, Lang::Vi) => "không có hồ sơ nào để đóng gói".into(),
            (TooMany { count }, Lang::Vi) => {
                alloc::format!("{count} hồ sơ, một gói tối đa {MAX_RECORDS}")
            }
            (Unreadable { source_name, code, detail }, Lang::Vi) => {
                alloc::format!("{source_name}: [{code}] {detail}")
            }
            (Unsigned { source_name, record_id }, Lang::Vi) => alloc::format!(
                "{source_name}: hồ sơ {record_id} chưa có chữ ký; chỉ đóng gói hồ sơ đã ký và cấp"
            ),
            (Missing { source_name, field }, Lang::Vi) => {
                alloc::format!("{source_name}: hồ sơ không có {field}")
            }
            (OtherSchool { source_name, record_id, found, expected, first }, Lang::Vi) => alloc::format!(
                "{source_name}: hồ sơ {record_id} thuộc trường {found}, gói là của trường {expected} (theo {first})"
            ),
            (OtherYear { source_name, record_id, found, expected, first }, Lang::Vi) => alloc::format!(
                "{source_name}: hồ sơ {record_id} thuộc năm học {found}, gói là của năm học {expected} (theo {first})"
            ),
            (Duplicate { source_name, record_id, first }, Lang::Vi) => alloc::format!(
                "{source_name}: hồ sơ {record_id} đã có trong gói (từ {first})"
            ),
        }
    }
}

/// What one line of `records.ndjson` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFacts {
    /// Record id.
    pub record_id: Option<String>,
    /// School code.
    pub school_code: Option<String>,
    /// School name.
    pub school_name: Option<String>,
    /// School year.
    pub school_year: Option<String>,
    /// SHA-256 of the line (hex).
    pub line_sha256: String,
    /// SHA-256 of the canonical record (hex).
    pub record_digest: String,
    /// Number of signatures.
    pub signatures: usize,
}

/// Reads the facts of one envelope line.
///
/// # Errors
/// The reader's code and message when the line is not a readable envelope.
pub fn line_facts(line: &[u8]) -> Result<LineFacts, (&'static str, String)> {
    let env = parse_envelope(line).map_err(|e| (e.code(), e.message(Lang::En)))?;
    let content = signed_content(&env.record).map_err(|e| (e.code(), e.message(Lang::En)))?;
    Ok(LineFacts {
        record_id: content.record_id,
        school_code: content.school_code,
        school_name: content.school_name,
        school_year: content.summary.school_year,
        line_sha256: hex_lower(&DigestAlgorithm::Sha256.digest(line)),
        record_digest: content.digest_hex,
        signatures: env.signatures.len(),
    })
}

/// Builds the manifest of `lines` (each a signed envelope as it will be written to `records.ndjson`);
/// `sources` names each line's origin for error messages.
///
/// # Errors
/// [`PackageBuildError`], naming the offending input.
pub fn build_manifest(
    lines: &[Vec<u8>],
    sources: &[String],
    created_at: &str,
) -> Result<Manifest, PackageBuildError> {
    if lines.is_empty() {
        return Err(PackageBuildError::Empty);
    }
    if lines.len() > MAX_RECORDS {
        return Err(PackageBuildError::TooMany { count: lines.len() });
    }
    let mut records: Vec<ManifestEntry> = Vec::with_capacity(lines.len());
    let mut school: Option<(PackageSchool, String, String)> = None; // (school, year, first source)
    let mut seen: alloc::collections::BTreeMap<String, String> =
        alloc::collections::BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let source_name = sources
            .get(i)
            .cloned()
            .unwrap_or_else(|| alloc::format!("line {}", i + 1));
        let facts = line_facts(line).map_err(|(code, detail)| PackageBuildError::Unreadable {
            source_name: source_name.clone(),
            code,
            detail,
        })?;
        let missing = |field| PackageBuildError::Missing {
            source_name: source_name.clone(),
            field,
        };
        let record_id = facts
            .record_id
            .clone()
            .ok_or_else(|| missing("record_id"))?;
        let code = facts
            .school_code
            .clone()
            .ok_or_else(|| missing("school.code"))?;
        let year = facts
            .school_year
            .clone()
            .ok_or_else(|| missing("school_year"))?;
        if facts.signatures == 0 {
            return Err(PackageBuildError::Unsigned {
                source_name,
                record_id,
            });
        }
        match &school {
            None => {
                school = Some((
                    PackageSchool {
                        code,
                        name: facts.school_name.clone(),
                    },
                    year,
                    source_name.clone(),
                ));
            }
            Some((s, y, first)) => {
                if s.code != code {
                    return Err(PackageBuildError::OtherSchool {
                        source_name,
                        record_id,
                        found: code,
                        expected: s.code.clone(),
                        first: first.clone(),
                    });
                }
                if *y != year {
                    return Err(PackageBuildError::OtherYear {
                        source_name,
                        record_id,
                        found: year,
                        expected: y.clone(),
                        first: first.clone(),
                    });
                }
            }
        }
        if let Some(first) = seen.get(&record_id) {
            return Err(PackageBuildError::Duplicate {
                source_name,
                record_id,
                first: first.clone(),
            });
        }
        seen.insert(record_id.clone(), source_name);
        records.push(ManifestEntry {
            line: u64::try_from(i + 1).unwrap_or(u64::MAX),
            record_id,
            line_sha256: facts.line_sha256,
            record_digest: facts.record_digest,
        });
    }
    let (school, school_year, _) = school.ok_or(PackageBuildError::Empty)?;
    Ok(Manifest {
        format: PACKAGE_FORMAT.to_string(),
        school,
        school_year,
        created_at: created_at.to_string(),
        count: u64::try_from(records.len()).unwrap_or(u64::MAX),
        records,
    })
}
