//! Maintaining the school's status list: issue, revoke, supersede. Each change produces a new list with
//! a new `issued_at`, which the school then signs with its seal.

use alloc::string::{String, ToString};

use super::model::{RecordStatus, StatusEntry, StatusList};
use crate::time::{Date, UnixTime};
use crate::Lang;

/// A change the list refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusUpdateError {
    /// The record is not on the list.
    #[error("record `{record_id}` is not on the status list")]
    UnknownRecord {
        /// The id.
        record_id: String,
    },
    /// The id is already listed with another digest: a corrected record needs a new id.
    #[error("record `{record_id}` is already listed with another digest: a corrected record needs a new record id (supersede the old one)")]
    DigestConflict {
        /// The id.
        record_id: String,
    },
    /// The record is revoked or superseded; that is final.
    #[error("record `{record_id}` is already {status}")]
    Final {
        /// The id.
        record_id: String,
        /// Its status.
        status: &'static str,
    },
    /// The record belongs to another school.
    #[error("the record belongs to school `{record_school}`, the list to `{list_school}`")]
    OtherSchool {
        /// The record's school.
        record_school: String,
        /// The list's school.
        list_school: String,
    },
    /// A reason is required.
    #[error("a reason is required")]
    ReasonRequired,
}

impl StatusUpdateError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            StatusUpdateError::UnknownRecord { .. } => "status_record_unknown",
            StatusUpdateError::DigestConflict { .. } => "status_digest_conflict",
            StatusUpdateError::Final { .. } => "status_final",
            StatusUpdateError::OtherSchool { .. } => "status_other_school",
            StatusUpdateError::ReasonRequired => "status_reason_required",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StatusUpdateError::UnknownRecord { record_id } => {
                alloc::format!("hồ sơ `{record_id}` không có trong danh sách trạng thái")
            }
            StatusUpdateError::DigestConflict { record_id } => alloc::format!(
                "hồ sơ `{record_id}` đã có trong danh sách với giá trị băm khác: hồ sơ đính chính cần mã hồ sơ mới (dùng supersede cho hồ sơ cũ)"
            ),
            StatusUpdateError::Final { record_id, status } => {
                alloc::format!("hồ sơ `{record_id}` đã ở trạng thái {status}")
            }
            StatusUpdateError::OtherSchool {
                record_school,
                list_school,
            } => alloc::format!(
                "hồ sơ thuộc trường `{record_school}`, danh sách thuộc trường `{list_school}`"
            ),
            StatusUpdateError::ReasonRequired => "cần ghi lý do".into(),
        }
    }
}

const fn status_word(s: RecordStatus) -> &'static str {
    match s {
        RecordStatus::Issued => "issued",
        RecordStatus::Superseded => "superseded",
        RecordStatus::Revoked => "revoked",
    }
}

impl StatusList {
    /// An empty list for a school.
    #[must_use]
    pub fn new(school_code: &str, school_name: Option<&str>, issued_at: UnixTime) -> StatusList {
        StatusList {
            school_code: school_code.into(),
            school_name: school_name.map(Into::into),
            issued_at: issued_at.to_rfc3339(),
            entries: alloc::vec::Vec::new(),
        }
    }

    /// Marks the list as issued at `t` (each change is a new version of the list).
    pub fn touch(&mut self, t: UnixTime) {
        self.issued_at = t.to_rfc3339();
    }

    /// Checks that a record of `school_code` may go on this list.
    ///
    /// # Errors
    /// [`StatusUpdateError::OtherSchool`].
    pub fn check_school(&self, school_code: Option<&str>) -> Result<(), StatusUpdateError> {
        match school_code {
            Some(code) if code == self.school_code => Ok(()),
            other => Err(StatusUpdateError::OtherSchool {
                record_school: other.unwrap_or("?").to_string(),
                list_school: self.school_code.clone(),
            }),
        }
    }

    /// Lists a record as issued on `date`. Issuing the same record again changes nothing.
    ///
    /// # Errors
    /// [`StatusUpdateError::DigestConflict`] or [`StatusUpdateError::Final`].
    pub fn issue(
        &mut self,
        record_id: &str,
        digest: &str,
        date: Date,
    ) -> Result<(), StatusUpdateError> {
        if let Some(e) = self.entries.iter().find(|e| e.record_id == record_id) {
            if e.digest != digest {
                return Err(StatusUpdateError::DigestConflict {
                    record_id: record_id.into(),
                });
            }
            if e.status != RecordStatus::Issued {
                return Err(StatusUpdateError::Final {
                    record_id: record_id.into(),
                    status: status_word(e.status),
                });
            }
            return Ok(());
        }
        self.entries.push(StatusEntry {
            record_id: record_id.into(),
            digest: digest.into(),
            status: RecordStatus::Issued,
            date: date.to_string(),
            reason: None,
            superseded_by: None,
        });
        Ok(())
    }

    fn entry_mut(&mut self, record_id: &str) -> Result<&mut StatusEntry, StatusUpdateError> {
        self.entries
            .iter_mut()
            .find(|e| e.record_id == record_id)
            .ok_or_else(|| StatusUpdateError::UnknownRecord {
                record_id: record_id.into(),
            })
    }

    /// Revokes a record on `date` for `reason`.
    ///
    /// # Errors
    /// [`StatusUpdateError`].
    pub fn revoke(
        &mut self,
        record_id: &str,
        reason: &str,
        date: Date,
    ) -> Result<(), StatusUpdateError> {
        if reason.trim().is_empty() {
            return Err(StatusUpdateError::ReasonRequired);
        }
        let e = self.entry_mut(record_id)?;
        if e.status == RecordStatus::Revoked {
            return Err(StatusUpdateError::Final {
                record_id: record_id.into(),
                status: "revoked",
            });
        }
        e.status = RecordStatus::Revoked;
        e.reason = Some(reason.trim().into());
        e.date = date.to_string();
        Ok(())
    }

    /// Marks `old_id` superseded by the new record (`new_id`, `new_digest`), which is listed as issued.
    ///
    /// # Errors
    /// [`StatusUpdateError`].
    pub fn supersede(
        &mut self,
        old_id: &str,
        new_id: &str,
        new_digest: &str,
        reason: &str,
        date: Date,
    ) -> Result<(), StatusUpdateError> {
        if reason.trim().is_empty() {
            return Err(StatusUpdateError::ReasonRequired);
        }
        {
            let e = self.entry_mut(old_id)?;
            if e.status != RecordStatus::Issued {
                return Err(StatusUpdateError::Final {
                    record_id: old_id.into(),
                    status: status_word(e.status),
                });
            }
        }
        self.issue(new_id, new_digest, date)?;
        let e = self.entry_mut(old_id)?;
        e.status = RecordStatus::Superseded;
        e.reason = Some(reason.trim().into());
        e.superseded_by = Some(new_id.into());
        e.date = date.to_string();
        Ok(())
    }
}
