//! Verifying a received package end to end: the manifest and its seal signature, every record present
//! exactly once and unaltered, nothing missing or extra, and every record verified like `hocba verify`.
//! Each problem is a check that names the record.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;

use super::build::line_facts;
use super::manifest::{parse_manifest, Manifest, MAX_RECORDS};
use crate::time::UnixTime;
use crate::verify::content::canonical_bytes;
use crate::verify::report::{ck, Check, CheckStatus, Verdict};
use crate::verify::verify::check_seal_signature;
use crate::verify::{verify, SignedContent, VerifyInputs};
use crate::Lang;

/// Format tag of the JSON report.
pub const PACKAGE_REPORT_FORMAT: &str = "hocba.package-report/1";

/// One record's verification, as the package report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordOutcome {
    /// Its line in `records.ndjson`.
    pub line: usize,
    /// Its id, when readable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// The verdict of its own verification.
    pub verdict: Verdict,
    /// The first failing check's code, or `valid`.
    pub code: String,
}

/// The report.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageReport {
    /// Invalid if any check is Invalid; otherwise Indeterminate if any is Error; otherwise Valid.
    pub verdict: Verdict,
    /// The `now` used.
    pub now: UnixTime,
    /// The manifest, when readable.
    pub manifest: Option<Manifest>,
    /// Every record's own verification.
    pub records: Vec<RecordOutcome>,
    /// Every check: the manifest, its signature, the record list, each record.
    pub checks: Vec<Check>,
}

/// Splits NDJSON into lines (a final line end is optional; `\r\n` is accepted).
#[must_use]
pub fn ndjson_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if body.is_empty() {
        return Vec::new();
    }
    body.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect()
}

/// Verifies a package: `manifest.json`, `manifest.sig` (DER, or why it could not be read) and
/// `records.ndjson`. Never fails: every problem is a check.
#[must_use]
#[allow(clippy::too_many_lines)] // one block per check, in report order
pub fn verify_package(
    manifest_bytes: &[u8],
    signature: Result<Vec<u8>, String>,
    ndjson: &[u8],
    inputs: &VerifyInputs<'_>,
) -> PackageReport {
    let mut checks = Vec::new();
    let mut report = PackageReport {
        verdict: Verdict::Indeterminate,
        now: inputs.now,
        manifest: None,
        records: Vec::new(),
        checks: Vec::new(),
    };
    let (manifest, value) = match parse_manifest(manifest_bytes) {
        Ok(m) => m,
        Err(e) => {
            checks.push(Check::from_reason("manifest", CheckStatus::Invalid, &e));
            report.verdict = Verdict::derive(&checks);
            report.checks = checks;
            return report;
        }
    };
    checks.push(ck(
        "manifest",
        CheckStatus::Valid,
        "valid",
        format!(
            "bản kê hocba.package/1 của trường {}, năm học {}, {} hồ sơ",
            manifest.school.code, manifest.school_year, manifest.count
        ),
        format!(
            "hocba.package/1 manifest of school {}, school year {}, {} records",
            manifest.school.code, manifest.school_year, manifest.count
        ),
    ));

    // The seal's signature over the manifest's canonical bytes, bound to the manifest's school.
    let binding = SignedContent {
        school_code: Some(manifest.school.code.clone()),
        school_name: manifest.school.name.clone(),
        ..SignedContent::default()
    };
    match canonical_bytes(&value) {
        Ok(bytes) => checks.extend(check_seal_signature(
            "manifest_signature",
            signature,
            &bytes,
            &binding,
            inputs,
        )),
        Err(e) => checks.push(Check::from_reason(
            "manifest_signature",
            CheckStatus::Invalid,
            &e,
        )),
    }

    // The record list against the lines.
    let lines = ndjson_lines(ndjson);
    if lines.len() > MAX_RECORDS {
        checks.push(ck(
            "records",
            CheckStatus::Invalid,
            "too_many_records",
            format!(
                "records.ndjson có {} dòng, tối đa {MAX_RECORDS}",
                lines.len()
            ),
            format!(
                "records.ndjson has {} lines, at most {MAX_RECORDS}",
                lines.len()
            ),
        ));
        report.verdict = Verdict::derive(&checks);
        report.checks = checks;
        report.manifest = Some(manifest);
        return report;
    }
    let listed: BTreeMap<&str, &super::manifest::ManifestEntry> = manifest
        .records
        .iter()
        .map(|e| (e.record_id.as_str(), e))
        .collect();
    let mut problems = Vec::new();
    if listed.len() != manifest.records.len() {
        problems.push(ck(
            "records",
            CheckStatus::Invalid,
            "manifest_duplicate_record",
            "bản kê ghi một hồ sơ hai lần".into(),
            "the manifest lists a record twice".into(),
        ));
    }
    if usize::try_from(manifest.count).ok() != Some(manifest.records.len()) {
        problems.push(ck(
            "records",
            CheckStatus::Invalid,
            "manifest_count_mismatch",
            format!(
                "bản kê ghi {} hồ sơ nhưng liệt kê {}",
                manifest.count,
                manifest.records.len()
            ),
            format!(
                "the manifest says {} records but lists {}",
                manifest.count,
                manifest.records.len()
            ),
        ));
    }
    // Lines out of the listed order: reported only when nothing is missing or extra, since a removed
    // or added line shifts every line after it.
    let mut moved = Vec::new();
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    let mut to_verify = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let facts = match line_facts(line) {
            Ok(f) => f,
            Err((code, detail)) => {
                problems.push(ck(
                    &format!("line {n}"),
                    CheckStatus::Invalid,
                    "record_unreadable",
                    format!("dòng {n} của records.ndjson không phải hồ sơ đã ký đọc được: [{code}] {detail}"),
                    format!("line {n} of records.ndjson is not a readable signed record: [{code}] {detail}"),
                ));
                continue;
            }
        };
        let id = facts.record_id.clone().unwrap_or_default();
        let cid = format!("record {id}");
        if let Some(first) = found.insert(id.clone(), n) {
            problems.push(ck(
                &cid,
                CheckStatus::Invalid,
                "record_duplicate",
                format!("hồ sơ {id} có hai lần (dòng {first} và {n})"),
                format!("record {id} appears twice (lines {first} and {n})"),
            ));
            continue;
        }
        let Some(entry) = listed.get(id.as_str()) else {
            problems.push(ck(
                &cid,
                CheckStatus::Invalid,
                "record_extra",
                format!("hồ sơ {id} (dòng {n}) không có trong bản kê đã ký: bị thêm vào gói"),
                format!("record {id} (line {n}) is not in the signed manifest: it was added to the package"),
            ));
            continue;
        };
        if entry.line_sha256 != facts.line_sha256 || entry.record_digest != facts.record_digest {
            problems.push(ck(
                &cid,
                CheckStatus::Invalid,
                "record_altered",
                format!(
                    "hồ sơ {id} (dòng {n}) khác với bản đã kê: SHA-256 {} thay vì {}",
                    facts.line_sha256, entry.line_sha256
                ),
                format!(
                    "record {id} (line {n}) differs from the one listed: SHA-256 {} instead of {}",
                    facts.line_sha256, entry.line_sha256
                ),
            ));
        } else if usize::try_from(entry.line).ok() != Some(n) {
            moved.push(ck(
                &cid,
                CheckStatus::Invalid,
                "record_moved",
                format!("hồ sơ {id} ở dòng {n}, bản kê ghi dòng {}", entry.line),
                format!(
                    "record {id} is on line {n}, the manifest says line {}",
                    entry.line
                ),
            ));
        }
        if facts.school_code.as_deref() != Some(manifest.school.code.as_str())
            || facts.school_year.as_deref() != Some(manifest.school_year.as_str())
        {
            problems.push(ck(
                &cid,
                CheckStatus::Invalid,
                "record_other_school_or_year",
                format!(
                    "hồ sơ {id} (dòng {n}) không thuộc trường {} năm học {} của gói",
                    manifest.school.code, manifest.school_year
                ),
                format!(
                    "record {id} (line {n}) is not of the package's school {} and school year {}",
                    manifest.school.code, manifest.school_year
                ),
            ));
        }
        to_verify.push((n, line));
    }
    for entry in &manifest.records {
        if !found.contains_key(&entry.record_id) {
            let id = &entry.record_id;
            problems.push(ck(
                &format!("record {id}"),
                CheckStatus::Invalid,
                "record_missing",
                format!("hồ sơ {id} (dòng {}) có trong bản kê nhưng không có trong records.ndjson: bị thiếu", entry.line),
                format!("record {id} (line {}) is in the manifest but not in records.ndjson: it is missing", entry.line),
            ));
        }
    }
    if problems.is_empty() {
        problems = moved;
    }
    if problems.is_empty() {
        checks.push(ck(
            "records",
            CheckStatus::Valid,
            "valid",
            format!(
                "đủ {} hồ sơ, mỗi hồ sơ một lần, không sai khác, không thừa, không thiếu",
                lines.len()
            ),
            format!(
                "all {} records present once each, unaltered, nothing missing or extra",
                lines.len()
            ),
        ));
    }
    checks.extend(problems);

    // Every record on its own, as `hocba verify` does.
    for (n, line) in to_verify {
        let r = verify(line, inputs);
        let id = r
            .record
            .as_ref()
            .and_then(|s| s.record_id.clone())
            .or_else(|| line_facts(line).ok().and_then(|f| f.record_id));
        let first = r
            .checks
            .iter()
            .find(|c| matches!(c.status, CheckStatus::Invalid | CheckStatus::Error));
        let name = id.clone().unwrap_or_else(|| format!("line {n}"));
        let (status, code, vi, en) = match (r.verdict, first) {
            (Verdict::Valid, _) | (_, None) => (
                CheckStatus::Valid,
                "valid".to_string(),
                format!("hồ sơ {name} (dòng {n}) hợp lệ"),
                format!("record {name} (line {n}) is valid"),
            ),
            (v, Some(c)) => (
                if v == Verdict::Invalid {
                    CheckStatus::Invalid
                } else {
                    CheckStatus::Error
                },
                c.code.clone(),
                format!("hồ sơ {name} (dòng {n}): {}: {}", c.id, c.message_vi),
                format!("record {name} (line {n}): {}: {}", c.id, c.message_en),
            ),
        };
        report.records.push(RecordOutcome {
            line: n,
            record_id: id,
            verdict: r.verdict,
            code: code.clone(),
        });
        checks.push(ck(&format!("verify {name}"), status, &code, vi, en));
    }
    report.verdict = Verdict::derive(&checks);
    report.checks = checks;
    report.manifest = Some(manifest);
    report
}

#[derive(Serialize)]
struct CheckOut<'a> {
    id: &'a str,
    status: CheckStatus,
    code: &'a str,
    message: &'a str,
}

impl PackageReport {
    /// The report as JSON, messages in `lang`.
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let checks: Vec<CheckOut<'_>> = self
            .checks
            .iter()
            .map(|c| CheckOut {
                id: &c.id,
                status: c.status,
                code: &c.code,
                message: c.message(lang),
            })
            .collect();
        serde_json::json!({
            "format": PACKAGE_REPORT_FORMAT,
            "verdict": self.verdict,
            "verdict_text": self.verdict.text(lang),
            "now": self.now,
            "school": self.manifest.as_ref().map(|m| &m.school),
            "school_year": self.manifest.as_ref().map(|m| &m.school_year),
            "count": self.manifest.as_ref().map(|m| m.count),
            "records": self.records,
            "checks": checks,
        })
    }

    /// The checks that fail (Invalid or Error), each naming its record.
    #[must_use]
    pub fn failures(&self) -> Vec<&Check> {
        self.checks
            .iter()
            .filter(|c| matches!(c.status, CheckStatus::Invalid | CheckStatus::Error))
            .collect()
    }
}
