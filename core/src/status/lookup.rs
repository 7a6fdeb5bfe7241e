//! Looking one record up in a verified status list.

use alloc::string::String;

use super::model::{RecordStatus, StatusList};
use crate::verify::report::CheckStatus;

/// What the list says about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    /// Issued and current.
    Issued {
        /// Date of issue.
        date: String,
    },
    /// Replaced by a corrected record.
    Superseded {
        /// Date.
        date: String,
        /// The replacing record.
        by: Option<String>,
        /// Why.
        reason: Option<String>,
    },
    /// Revoked.
    Revoked {
        /// Date.
        date: String,
        /// Why.
        reason: Option<String>,
    },
    /// The id is listed with another digest: this is not the record the school issued.
    DigestMismatch,
    /// The record is not on the list.
    NotListed,
    /// The record has no id to look up.
    NoRecordId,
}

/// Looks up `record_id` with the digest of the record's canonical bytes.
#[must_use]
pub fn lookup(list: &StatusList, record_id: Option<&str>, digest_hex: &str) -> StatusOutcome {
    let Some(id) = record_id else {
        return StatusOutcome::NoRecordId;
    };
    let Some(entry) = list.entry(id) else {
        return StatusOutcome::NotListed;
    };
    if !entry.digest.eq_ignore_ascii_case(digest_hex) {
        return StatusOutcome::DigestMismatch;
    }
    match entry.status {
        RecordStatus::Issued => StatusOutcome::Issued {
            date: entry.date.clone(),
        },
        RecordStatus::Superseded => StatusOutcome::Superseded {
            date: entry.date.clone(),
            by: entry.superseded_by.clone(),
            reason: entry.reason.clone(),
        },
        RecordStatus::Revoked => StatusOutcome::Revoked {
            date: entry.date.clone(),
            reason: entry.reason.clone(),
        },
    }
}

impl StatusOutcome {
    /// Status, code, Vietnamese and English messages of the status check.
    #[must_use]
    pub fn check_parts(&self, list_date: &str) -> (CheckStatus, &'static str, String, String) {
        use alloc::format;
        match self {
            StatusOutcome::Issued { date } => (
                CheckStatus::Valid,
                "record_issued",
                format!("hồ sơ đã được nhà trường cấp ngày {date} và chưa bị thay thế hay thu hồi (theo danh sách trạng thái ngày {list_date})"),
                format!("the school issued the record on {date}; it is neither superseded nor revoked (status list of {list_date})"),
            ),
            StatusOutcome::Superseded { date, by, reason } => (
                CheckStatus::Invalid,
                "record_superseded",
                format!(
                    "hồ sơ đã được thay thế ngày {date}{}{}",
                    by.as_ref().map(|b| format!(" bởi hồ sơ {b}")).unwrap_or_default(),
                    reason.as_ref().map(|r| format!(" (lý do: {r})")).unwrap_or_default()
                ),
                format!(
                    "the record was superseded on {date}{}{}",
                    by.as_ref().map(|b| format!(" by record {b}")).unwrap_or_default(),
                    reason.as_ref().map(|r| format!(" (reason: {r})")).unwrap_or_default()
                ),
            ),
            StatusOutcome::Revoked { date, reason } => (
                CheckStatus::Invalid,
                "record_revoked",
                format!(
                    "hồ sơ đã bị thu hồi ngày {date}{}",
                    reason.as_ref().map(|r| format!(" (lý do: {r})")).unwrap_or_default()
                ),
                format!(
                    "the record was revoked on {date}{}",
                    reason.as_ref().map(|r| format!(" (reason: {r})")).unwrap_or_default()
                ),
            ),
            StatusOutcome::DigestMismatch => (
                CheckStatus::Invalid,
                "status_digest_mismatch",
                "danh sách trạng thái ghi mã hồ sơ này với nội dung khác: đây không phải hồ sơ nhà trường đã cấp".into(),
                "the status list lists this record id with other content: this is not the record the school issued".into(),
            ),
            StatusOutcome::NotListed => (
                CheckStatus::Invalid,
                "record_not_listed",
                format!("hồ sơ không có trong danh sách trạng thái của nhà trường ngày {list_date}: chưa được cấp"),
                format!("the record is not on the school's status list of {list_date}: it was not issued"),
            ),
            StatusOutcome::NoRecordId => (
                CheckStatus::Error,
                "record_id_missing",
                "hồ sơ không có mã hồ sơ để tra cứu trạng thái".into(),
                "the record has no id to look its status up".into(),
            ),
        }
    }
}
