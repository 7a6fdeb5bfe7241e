//! The lifecycle written in the record: the audit log replayed through the state machine, the status and
//! the lock time it implies.

use alloc::format;

use super::Problems;
use crate::record::identifiers::{Date, DateTime};
use crate::record::lifecycle::{status_code, transition, LifecycleEvent, LifecycleState};
use crate::record::model::{AuditAction, Record, RecordStatus};
use crate::record::problem::ProblemKind;
use crate::record::text::{MAX_COMMENT_CHARS, MAX_NAME_CHARS};
use crate::school_year::SchoolYear;

pub(super) fn check(r: &Record, year: Option<SchoolYear>, p: &mut Problems) {
    let lc = &r.lifecycle;
    let mut state = LifecycleState::Draft;
    let mut last: Option<DateTime> = None;
    let mut last_lock: Option<&str> = None;
    for (i, e) in lc.audit.iter().enumerate() {
        let event = match e.action {
            AuditAction::Lock => LifecycleEvent::Lock,
            AuditAction::Unlock => LifecycleEvent::Unlock,
        };
        match transition(state, event) {
            Ok(next) => state = next,
            Err(_) => p.push(
                format!("/lifecycle/audit/{i}/action"),
                ProblemKind::InvalidTransition {
                    from: state.code(),
                    action: event.code(),
                },
            ),
        }
        match DateTime::parse(&e.at) {
            None => p.push(
                format!("/lifecycle/audit/{i}/at"),
                ProblemKind::InvalidDateTime {
                    value: e.at.clone(),
                },
            ),
            Some(at) => {
                if last.is_some_and(|l| at.cmp_instant(&l).is_lt()) {
                    p.push(
                        format!("/lifecycle/audit/{i}/at"),
                        ProblemKind::AuditOutOfOrder,
                    );
                }
                last = Some(at);
            }
        }
        p.line_with(|| format!("/lifecycle/audit/{i}/by"), &e.by, MAX_NAME_CHARS);
        match (&e.reason, e.action) {
            (None, AuditAction::Unlock) => p.push(
                format!("/lifecycle/audit/{i}"),
                ProblemKind::UnlockReasonMissing,
            ),
            (Some(reason), AuditAction::Unlock) if reason.trim().is_empty() => p.push(
                format!("/lifecycle/audit/{i}/reason"),
                ProblemKind::UnlockReasonMissing,
            ),
            (Some(reason), _) => {
                p.free_with(
                    || format!("/lifecycle/audit/{i}/reason"),
                    reason,
                    MAX_COMMENT_CHARS,
                );
            }
            (None, AuditAction::Lock) => {}
        }
        if e.action == AuditAction::Lock {
            last_lock = Some(&e.at);
        }
    }
    if state.record_status() != lc.status {
        p.push(
            "/lifecycle/status",
            ProblemKind::StatusMismatch {
                status: status_code(lc.status),
                audit: state.code(),
            },
        );
    }
    match (&lc.locked_at, lc.status) {
        (None, RecordStatus::Locked) => {
            p.push("/lifecycle/locked_at", ProblemKind::LockDateMissing)
        }
        (Some(_), RecordStatus::Draft) => {
            p.push("/lifecycle/locked_at", ProblemKind::LockDateUnexpected);
        }
        (Some(at), RecordStatus::Locked) => match DateTime::parse(at) {
            None => p.push(
                "/lifecycle/locked_at",
                ProblemKind::InvalidDateTime { value: at.clone() },
            ),
            Some(t) => {
                if let Some(lock) = last_lock.filter(|l| *l != at.as_str()) {
                    p.push(
                        "/lifecycle/locked_at",
                        ProblemKind::LockDateMismatch {
                            expected: lock.into(),
                        },
                    );
                }
                // The earliest a year can close: when its school year opens (tựu trường, 1 August).
                let opens = year.and_then(|y| Date::new(y.start(), 8, 1));
                if opens.is_some_and(|o| t.date < o) {
                    p.push("/lifecycle/locked_at", ProblemKind::LockBeforeSchoolYear);
                }
            }
        },
        (None, RecordStatus::Draft) => {}
    }
}
