//! The record's lifecycle (`spec/rules.md` §7.4) as a small state machine:
//!
//! ```text
//! draft ──lock──► locked ──sign_gvcn──► signed_gvcn ──sign_ht──► signed_ht ──issue──► issued
//!   ▲               │                      │                        │                  │
//!   └────unlock─────┴──────────unlock──────┴──────────unlock────────┘       supersede ├─► superseded
//!     (reason, person, time: kept in the record's audit log;                   revoke └─► revoked
//!      signatures made so far no longer cover the record)
//! ```
//!
//! Only `draft` and `locked` are written in the record; signatures and issuance live in the signed
//! envelope and the school's status list (design §2), so [`LifecycleState::derive`] rebuilds the whole
//! state from them. An issued record is never changed: a correction is a new record
//! ([`new_version`]) whose `supersedes` names the old one's id and digest.

use alloc::string::String;
use core::fmt;

use super::identifiers::DateTime;
use super::model::{AuditAction, AuditEntry, Lifecycle, Record, RecordStatus, Supersedes};
use super::text::{check_free, check_line, MAX_COMMENT_CHARS, MAX_NAME_CHARS};
use crate::Lang;

/// Every state of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleState {
    /// DRAFT: data entry.
    Draft,
    /// LOCKED: the year is closed.
    Locked,
    /// SIGNED_GVCN: the class teacher signed.
    SignedGvcn,
    /// SIGNED_HT: the principal signed.
    SignedHt,
    /// ISSUED: the school's organisation signature (seal) is on it; immutable.
    Issued,
    /// SUPERSEDED: a correction was issued.
    Superseded,
    /// REVOKED: withdrawn (wrong student, duplicate).
    Revoked,
}

impl LifecycleState {
    /// Every state, in lifecycle order.
    pub const ALL: [LifecycleState; 7] = [
        LifecycleState::Draft,
        LifecycleState::Locked,
        LifecycleState::SignedGvcn,
        LifecycleState::SignedHt,
        LifecycleState::Issued,
        LifecycleState::Superseded,
        LifecycleState::Revoked,
    ];

    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            LifecycleState::Draft => "draft",
            LifecycleState::Locked => "locked",
            LifecycleState::SignedGvcn => "signed_gvcn",
            LifecycleState::SignedHt => "signed_ht",
            LifecycleState::Issued => "issued",
            LifecycleState::Superseded => "superseded",
            LifecycleState::Revoked => "revoked",
        }
    }

    /// Label in `lang`.
    #[must_use]
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LifecycleState::Draft, Lang::Vi) => "đang soạn thảo",
            (LifecycleState::Locked, Lang::Vi) => "đã khoá sổ",
            (LifecycleState::SignedGvcn, Lang::Vi) => "giáo viên chủ nhiệm đã ký",
            (LifecycleState::SignedHt, Lang::Vi) => "hiệu trưởng đã ký",
            (LifecycleState::Issued, Lang::Vi) => "đã phát hành",
            (LifecycleState::Superseded, Lang::Vi) => "đã được thay thế",
            (LifecycleState::Revoked, Lang::Vi) => "đã thu hồi",
            (LifecycleState::Draft, Lang::En) => "draft",
            (LifecycleState::Locked, Lang::En) => "locked",
            (LifecycleState::SignedGvcn, Lang::En) => "signed by the class teacher",
            (LifecycleState::SignedHt, Lang::En) => "signed by the principal",
            (LifecycleState::Issued, Lang::En) => "issued",
            (LifecycleState::Superseded, Lang::En) => "superseded",
            (LifecycleState::Revoked, Lang::En) => "revoked",
        }
    }

    /// The content may be edited.
    #[must_use]
    pub const fn is_editable(self) -> bool {
        matches!(self, LifecycleState::Draft)
    }

    /// No further transition exists.
    #[must_use]
    pub const fn is_terminal(self) -> bool {
        matches!(self, LifecycleState::Superseded | LifecycleState::Revoked)
    }

    /// The state the record writes in itself.
    #[must_use]
    pub const fn record_status(self) -> RecordStatus {
        match self {
            LifecycleState::Draft => RecordStatus::Draft,
            _ => RecordStatus::Locked,
        }
    }

    /// Rebuilds the full state from what the record says (`draft` / `locked`), which signatures hold on
    /// its canonical bytes, and the school's status list, replaying the events in lifecycle order.
    ///
    /// # Errors
    /// [`LifecycleError::InvalidTransition`] when the combination is impossible: a signature on a draft,
    /// the principal's without the class teacher's, a seal before both, a listed status for a record
    /// that was never issued.
    pub fn derive(
        status: RecordStatus,
        signed: Signed,
        listed: Option<Listed>,
    ) -> Result<LifecycleState, LifecycleError> {
        let mut state = match status {
            RecordStatus::Draft => LifecycleState::Draft,
            RecordStatus::Locked => LifecycleState::Locked,
        };
        for (present, event) in [
            (signed.gvcn, LifecycleEvent::SignGvcn),
            (signed.ht, LifecycleEvent::SignHt),
            (signed.seal, LifecycleEvent::Issue),
        ] {
            if present {
                state = transition(state, event)?;
            }
        }
        match listed {
            None | Some(Listed::Issued) => Ok(state),
            Some(Listed::Superseded) => transition(state, LifecycleEvent::Supersede),
            Some(Listed::Revoked) => transition(state, LifecycleEvent::Revoke),
        }
    }
}

impl fmt::Display for LifecycleState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Which role signatures are present and valid on the record's canonical bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signed {
    /// The class teacher (GVCN).
    pub gvcn: bool,
    /// The principal or authorised deputy (HT).
    pub ht: bool,
    /// The school's organisation signature (seal).
    pub seal: bool,
}

/// The record's entry in the school's status list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// Issued and current.
    Issued,
    /// Replaced by a correction.
    Superseded,
    /// Withdrawn.
    Revoked,
}

/// What can happen to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LifecycleEvent {
    /// Close the year (GVCN).
    Lock,
    /// Reopen for edits, with a reason (discards signatures made so far).
    Unlock,
    /// The class teacher signs.
    SignGvcn,
    /// The principal signs.
    SignHt,
    /// The school's organisation signature: issued.
    Issue,
    /// A correction was issued in its place.
    Supersede,
    /// Withdrawn.
    Revoke,
}

impl LifecycleEvent {
    /// Every event.
    pub const ALL: [LifecycleEvent; 7] = [
        LifecycleEvent::Lock,
        LifecycleEvent::Unlock,
        LifecycleEvent::SignGvcn,
        LifecycleEvent::SignHt,
        LifecycleEvent::Issue,
        LifecycleEvent::Supersede,
        LifecycleEvent::Revoke,
    ];

    /// Stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            LifecycleEvent::Lock => "lock",
            LifecycleEvent::Unlock => "unlock",
            LifecycleEvent::SignGvcn => "sign_gvcn",
            LifecycleEvent::SignHt => "sign_ht",
            LifecycleEvent::Issue => "issue",
            LifecycleEvent::Supersede => "supersede",
            LifecycleEvent::Revoke => "revoke",
        }
    }
}

impl fmt::Display for LifecycleEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The next state, or why the event cannot happen now.
///
/// # Errors
/// [`LifecycleError::InvalidTransition`].
pub const fn transition(
    from: LifecycleState,
    event: LifecycleEvent,
) -> Result<LifecycleState, LifecycleError> {
    use LifecycleEvent as E;
    use LifecycleState as S;
    match (from, event) {
        (S::Draft, E::Lock) => Ok(S::Locked),
        (S::Locked | S::SignedGvcn | S::SignedHt, E::Unlock) => Ok(S::Draft),
        (S::Locked, E::SignGvcn) => Ok(S::SignedGvcn),
        (S::SignedGvcn, E::SignHt) => Ok(S::SignedHt),
        (S::SignedHt, E::Issue) => Ok(S::Issued),
        (S::Issued, E::Supersede) => Ok(S::Superseded),
        (S::Issued, E::Revoke) => Ok(S::Revoked),
        _ => Err(LifecycleError::InvalidTransition { from, event }),
    }
}

/// Why a lifecycle operation is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LifecycleError {
    /// The event cannot happen in this state.
    #[error("cannot {event} a record that is {from}")]
    InvalidTransition {
        /// The current state.
        from: LifecycleState,
        /// The event refused.
        event: LifecycleEvent,
    },
    /// An unlock, a revocation or a correction without a reason.
    #[error("a reason is required")]
    ReasonRequired,
    /// No person named (or a name that is not a valid single-line text).
    #[error("the person acting must be named")]
    PersonRequired,
    /// A reason that is not a valid text (too long, control characters).
    #[error("the reason is not a valid text")]
    InvalidReason,
    /// A time that is not RFC 3339 with an offset.
    #[error("`{value}` is not an RFC 3339 time with an offset")]
    InvalidTime {
        /// The value given.
        value: String,
    },
    /// A time earlier than the last entry of the audit log.
    #[error("{at} is earlier than the last audit entry ({last})")]
    TimeGoesBack {
        /// The time given.
        at: String,
        /// The last entry's time.
        last: String,
    },
    /// The caller's state disagrees with what the record says.
    #[error("the record says `{record}` but its state is given as {state}")]
    StateMismatch {
        /// What the record says.
        record: &'static str,
        /// The state given.
        state: LifecycleState,
    },
    /// The record may not be edited in this state.
    #[error("a record that is {state} cannot be edited; unlock it, or issue a correction if it was issued")]
    NotEditable {
        /// The current state.
        state: LifecycleState,
    },
    /// A digest that is not 64 lower-case hex digits.
    #[error("`{value}` is not a SHA-256 digest in lower-case hex")]
    InvalidDigest {
        /// The value given.
        value: String,
    },
}

impl LifecycleError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            LifecycleError::InvalidTransition { .. } => "invalid_transition",
            LifecycleError::ReasonRequired => "reason_required",
            LifecycleError::PersonRequired => "person_required",
            LifecycleError::InvalidReason => "invalid_reason",
            LifecycleError::InvalidTime { .. } => "invalid_date_time",
            LifecycleError::TimeGoesBack { .. } => "audit_out_of_order",
            LifecycleError::StateMismatch { .. } => "status_mismatch",
            LifecycleError::NotEditable { .. } => "not_editable",
            LifecycleError::InvalidDigest { .. } => "invalid_digest",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use alloc::format;
        match (self, lang) {
            (e, Lang::En) => alloc::string::ToString::to_string(e),
            (LifecycleError::InvalidTransition { from, event }, Lang::Vi) => format!(
                "không thể `{event}` hồ sơ đang ở trạng thái {}",
                from.label(Lang::Vi)
            ),
            (LifecycleError::ReasonRequired, Lang::Vi) => "phải ghi lý do".into(),
            (LifecycleError::PersonRequired, Lang::Vi) => "phải ghi họ tên người thực hiện".into(),
            (LifecycleError::InvalidReason, Lang::Vi) => "lý do không phải văn bản hợp lệ".into(),
            (LifecycleError::InvalidTime { value }, Lang::Vi) => {
                format!("`{value}` không phải thời điểm RFC 3339 có múi giờ")
            }
            (LifecycleError::TimeGoesBack { at, last }, Lang::Vi) => {
                format!("{at} sớm hơn mục cuối của nhật ký ({last})")
            }
            (LifecycleError::StateMismatch { record, state }, Lang::Vi) => format!(
                "hồ sơ ghi `{record}` nhưng trạng thái được cho là {}",
                state.label(Lang::Vi)
            ),
            (LifecycleError::NotEditable { state }, Lang::Vi) => format!(
                "hồ sơ {} không sửa được; hãy mở khoá, hoặc phát hành bản đính chính nếu đã phát hành",
                state.label(Lang::Vi)
            ),
            (LifecycleError::InvalidDigest { value }, Lang::Vi) => {
                format!("`{value}` không phải mã băm SHA-256 viết thường")
            }
        }
    }
}

/// Who does something, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor<'a> {
    /// Full name.
    pub by: &'a str,
    /// RFC 3339 time with an offset.
    pub at: &'a str,
}

fn check_actor(lifecycle: &Lifecycle, actor: &Actor<'_>) -> Result<(), LifecycleError> {
    if check_line(actor.by, MAX_NAME_CHARS).is_some() {
        return Err(LifecycleError::PersonRequired);
    }
    let at = DateTime::parse(actor.at).ok_or_else(|| LifecycleError::InvalidTime {
        value: actor.at.into(),
    })?;
    if let Some(last) = lifecycle.audit.last() {
        if let Some(last_at) = DateTime::parse(&last.at) {
            if at.cmp_instant(&last_at).is_lt() {
                return Err(LifecycleError::TimeGoesBack {
                    at: actor.at.into(),
                    last: last.at.clone(),
                });
            }
        }
    }
    Ok(())
}

fn check_reason(reason: &str) -> Result<(), LifecycleError> {
    if reason.trim().is_empty() {
        return Err(LifecycleError::ReasonRequired);
    }
    if check_free(reason, MAX_COMMENT_CHARS).is_some() {
        return Err(LifecycleError::InvalidReason);
    }
    Ok(())
}

/// The record may be edited: it is a draft.
///
/// # Errors
/// [`LifecycleError::NotEditable`].
pub fn ensure_editable(record: &Record) -> Result<(), LifecycleError> {
    match record.lifecycle.status {
        RecordStatus::Draft => Ok(()),
        RecordStatus::Locked => Err(LifecycleError::NotEditable {
            state: LifecycleState::Locked,
        }),
    }
}

/// Closes the year: `draft` → `locked`, logged.
///
/// # Errors
/// [`LifecycleError::InvalidTransition`] unless the record is a draft; actor errors.
pub fn lock(record: &mut Record, actor: &Actor<'_>) -> Result<(), LifecycleError> {
    let from = match record.lifecycle.status {
        RecordStatus::Draft => LifecycleState::Draft,
        RecordStatus::Locked => LifecycleState::Locked,
    };
    transition(from, LifecycleEvent::Lock)?;
    check_actor(&record.lifecycle, actor)?;
    record.lifecycle.audit.push(AuditEntry {
        action: AuditAction::Lock,
        at: actor.at.into(),
        by: actor.by.into(),
        reason: None,
    });
    record.lifecycle.status = RecordStatus::Locked;
    record.lifecycle.locked_at = Some(actor.at.into());
    Ok(())
}

/// Reopens a locked (or signed, not yet issued) record for edits, with a reason, logged. `state` is the
/// record's full state ([`LifecycleState::derive`]); signatures made so far no longer cover the record.
///
/// # Errors
/// [`LifecycleError::InvalidTransition`] for a draft or an issued record, [`LifecycleError::StateMismatch`]
/// when `state` contradicts the record, reason and actor errors.
pub fn unlock(
    record: &mut Record,
    state: LifecycleState,
    actor: &Actor<'_>,
    reason: &str,
) -> Result<(), LifecycleError> {
    if state.record_status() != record.lifecycle.status {
        return Err(LifecycleError::StateMismatch {
            record: status_code(record.lifecycle.status),
            state,
        });
    }
    transition(state, LifecycleEvent::Unlock)?;
    check_reason(reason)?;
    check_actor(&record.lifecycle, actor)?;
    record.lifecycle.audit.push(AuditEntry {
        action: AuditAction::Unlock,
        at: actor.at.into(),
        by: actor.by.into(),
        reason: Some(reason.into()),
    });
    record.lifecycle.status = RecordStatus::Draft;
    record.lifecycle.locked_at = None;
    Ok(())
}

/// Starts the correction of an issued record: a new draft, the next version, whose `supersedes` names the
/// issued record's id and digest (SHA-256 of its canonical bytes, lower-case hex) and the reason. The
/// issued record itself is not touched.
///
/// # Errors
/// [`LifecycleError::InvalidTransition`] unless `state` is `issued`, reason and digest errors.
pub fn new_version(
    issued: &Record,
    state: LifecycleState,
    digest_hex: &str,
    reason: &str,
) -> Result<Record, LifecycleError> {
    transition(state, LifecycleEvent::Supersede)?;
    if state.record_status() != issued.lifecycle.status {
        return Err(LifecycleError::StateMismatch {
            record: status_code(issued.lifecycle.status),
            state,
        });
    }
    check_reason(reason)?;
    if !super::identifiers::is_sha256_hex(digest_hex) {
        return Err(LifecycleError::InvalidDigest {
            value: digest_hex.into(),
        });
    }
    let mut next = issued.clone();
    next.version = issued.version.saturating_add(1);
    next.record_id = next.expected_record_id();
    next.supersedes = Some(Supersedes {
        record_id: issued.record_id.clone(),
        digest: digest_hex.into(),
        reason: reason.into(),
    });
    next.lifecycle = Lifecycle {
        status: RecordStatus::Draft,
        locked_at: None,
        audit: alloc::vec::Vec::new(),
    };
    Ok(next)
}

/// Stable code of a record status.
#[must_use]
pub const fn status_code(status: RecordStatus) -> &'static str {
    match status {
        RecordStatus::Draft => "draft",
        RecordStatus::Locked => "locked",
    }
}
