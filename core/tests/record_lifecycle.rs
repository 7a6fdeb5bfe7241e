//! The lifecycle state machine (spec/rules.md §7.4): every transition, valid and invalid; the record-level
//! operations (lock, unlock with reason/person/time, corrections as new versions); the state rebuilt from
//! signatures and status lists.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use hocba_core::canonical::{canonical_record_bytes, sha256_hex};
use hocba_core::record::lifecycle::{
    ensure_editable, lock, new_version, transition, unlock, Actor, LifecycleError, LifecycleEvent,
    LifecycleState, Listed, Signed,
};
use hocba_core::record::model::{AuditAction, RecordStatus};
use hocba_core::record::{is_valid, parse_record, validate, Record};
use hocba_core::Lang;

use LifecycleEvent as E;
use LifecycleState as S;

/// The only legal transitions; every other (state, event) pair is refused.
const LEGAL: &[(S, E, S)] = &[
    (S::Draft, E::Lock, S::Locked),
    (S::Locked, E::Unlock, S::Draft),
    (S::Locked, E::SignGvcn, S::SignedGvcn),
    (S::SignedGvcn, E::Unlock, S::Draft),
    (S::SignedGvcn, E::SignHt, S::SignedHt),
    (S::SignedHt, E::Unlock, S::Draft),
    (S::SignedHt, E::Issue, S::Issued),
    (S::Issued, E::Supersede, S::Superseded),
    (S::Issued, E::Revoke, S::Revoked),
];

#[test]
fn every_transition() {
    let mut legal = 0;
    let mut refused = 0;
    for from in LifecycleState::ALL {
        for event in LifecycleEvent::ALL {
            let want = LEGAL
                .iter()
                .find(|(f, e, _)| *f == from && *e == event)
                .map(|(_, _, to)| *to);
            match (transition(from, event), want) {
                (Ok(to), Some(w)) => {
                    assert_eq!(to, w, "{from} --{event}-->");
                    legal += 1;
                }
                (Err(LifecycleError::InvalidTransition { from: f, event: e }), None) => {
                    assert_eq!((f, e), (from, event));
                    refused += 1;
                }
                (got, want) => panic!("{from} --{event}--> {got:?}, expected {want:?}"),
            }
        }
    }
    assert_eq!((legal, refused), (9, 40));
    for s in LifecycleState::ALL {
        assert_eq!(s.is_terminal(), matches!(s, S::Superseded | S::Revoked));
        assert_eq!(s.is_editable(), s == S::Draft);
    }
}

#[test]
fn state_from_signatures_and_status_list() {
    let signed = |gvcn, ht, seal| Signed { gvcn, ht, seal };
    let cases = [
        (
            RecordStatus::Draft,
            signed(false, false, false),
            None,
            Ok(S::Draft),
        ),
        (
            RecordStatus::Locked,
            signed(false, false, false),
            None,
            Ok(S::Locked),
        ),
        (
            RecordStatus::Locked,
            signed(true, false, false),
            None,
            Ok(S::SignedGvcn),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, false),
            None,
            Ok(S::SignedHt),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, true),
            None,
            Ok(S::Issued),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, true),
            Some(Listed::Issued),
            Ok(S::Issued),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, true),
            Some(Listed::Superseded),
            Ok(S::Superseded),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, true),
            Some(Listed::Revoked),
            Ok(S::Revoked),
        ),
        // A signature on a draft, the principal before the class teacher, a seal before both, a listed
        // status for a record that was never issued.
        (
            RecordStatus::Draft,
            signed(true, false, false),
            None,
            Err((S::Draft, E::SignGvcn)),
        ),
        (
            RecordStatus::Locked,
            signed(false, true, false),
            None,
            Err((S::Locked, E::SignHt)),
        ),
        (
            RecordStatus::Locked,
            signed(false, false, true),
            None,
            Err((S::Locked, E::Issue)),
        ),
        (
            RecordStatus::Locked,
            signed(true, true, false),
            Some(Listed::Revoked),
            Err((S::SignedHt, E::Revoke)),
        ),
    ];
    for (status, s, listed, want) in cases {
        let got = LifecycleState::derive(status, s, listed).map_err(|e| match e {
            LifecycleError::InvalidTransition { from, event } => (from, event),
            other => panic!("{other:?}"),
        });
        assert_eq!(got, want, "{status:?} {s:?} {listed:?}");
    }
}

fn example() -> Record {
    let path = format!(
        "{}/../examples/records/tt22-grade10.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_record(&std::fs::read(path).unwrap()).unwrap()
}

const GVCN: &str = "Lê Thị Hồng Nhung";

#[test]
fn unlock_needs_a_reason_a_person_and_a_time_and_is_logged() {
    let mut r = example();
    let at = Actor {
        by: "Phạm Văn Đức",
        at: "2025-06-02T09:00:00+07:00",
    };
    assert_eq!(
        ensure_editable(&r),
        Err(LifecycleError::NotEditable { state: S::Locked })
    );
    assert_eq!(
        unlock(&mut r, S::Locked, &at, "  "),
        Err(LifecycleError::ReasonRequired)
    );
    assert_eq!(
        unlock(
            &mut r,
            S::Locked,
            &Actor {
                by: "",
                ..at.clone()
            },
            "Sửa điểm"
        ),
        Err(LifecycleError::PersonRequired)
    );
    assert_eq!(
        unlock(
            &mut r,
            S::Locked,
            &Actor {
                at: "2025-06-02 09:00",
                ..at.clone()
            },
            "Sửa điểm"
        ),
        Err(LifecycleError::InvalidTime {
            value: "2025-06-02 09:00".into()
        })
    );
    assert!(matches!(
        unlock(
            &mut r,
            S::Locked,
            &Actor {
                at: "2025-05-01T09:00:00+07:00",
                ..at.clone()
            },
            "Sửa điểm"
        ),
        Err(LifecycleError::TimeGoesBack { .. })
    ));
    // The caller says the record is a draft, the record says locked.
    assert!(matches!(
        unlock(&mut r, S::Draft, &at, "Sửa điểm"),
        Err(LifecycleError::StateMismatch { .. })
    ));
    // An issued record is never unlocked: a correction is a new version.
    assert_eq!(
        unlock(&mut r, S::Issued, &at, "Sửa điểm"),
        Err(LifecycleError::InvalidTransition {
            from: S::Issued,
            event: E::Unlock
        })
    );
    let before = r.clone();
    unlock(
        &mut r,
        S::SignedHt,
        &at,
        "Hiệu trưởng yêu cầu kiểm tra lại điểm môn Hoá học.",
    )
    .unwrap();
    assert_eq!(r.lifecycle.status, RecordStatus::Draft);
    assert_eq!(r.lifecycle.locked_at, None);
    let last = r.lifecycle.audit.last().unwrap();
    assert_eq!(last.action, AuditAction::Unlock);
    assert_eq!(last.by, "Phạm Văn Đức");
    assert_eq!(
        last.reason.as_deref(),
        Some("Hiệu trưởng yêu cầu kiểm tra lại điểm môn Hoá học.")
    );
    assert_eq!(r.lifecycle.audit.len(), before.lifecycle.audit.len() + 1);
    assert!(ensure_editable(&r).is_ok());
    // A draft is valid; stated results not yet re-checked are not missing, they are there.
    assert!(is_valid(&validate(&r)), "{:#?}", validate(&r));
    // Lock again: the audit log and the lock time follow, and the record validates as locked.
    assert!(matches!(
        lock(
            &mut r,
            &Actor {
                by: GVCN,
                at: "2025-06-01T09:00:00+07:00"
            }
        ),
        Err(LifecycleError::TimeGoesBack { .. })
    ));
    lock(
        &mut r,
        &Actor {
            by: GVCN,
            at: "2025-06-03T10:00:00+07:00",
        },
    )
    .unwrap();
    assert_eq!(
        r.lifecycle.locked_at.as_deref(),
        Some("2025-06-03T10:00:00+07:00")
    );
    assert!(validate(&r).is_empty(), "{:#?}", validate(&r));
    assert_eq!(
        lock(
            &mut r,
            &Actor {
                by: GVCN,
                at: "2025-06-04T10:00:00+07:00"
            }
        ),
        Err(LifecycleError::InvalidTransition {
            from: S::Locked,
            event: E::Lock
        })
    );
}

#[test]
fn a_correction_is_a_new_version_that_supersedes_the_issued_one() {
    let issued = example();
    let digest = sha256_hex(&canonical_record_bytes(&issued).unwrap());
    for state in [
        S::Draft,
        S::Locked,
        S::SignedGvcn,
        S::SignedHt,
        S::Superseded,
        S::Revoked,
    ] {
        assert!(matches!(
            new_version(&issued, state, &digest, "Đính chính"),
            Err(LifecycleError::InvalidTransition { .. })
        ));
    }
    assert_eq!(
        new_version(&issued, S::Issued, &digest.to_uppercase(), "Đính chính"),
        Err(LifecycleError::InvalidDigest {
            value: digest.to_uppercase()
        })
    );
    assert_eq!(
        new_version(&issued, S::Issued, &digest, ""),
        Err(LifecycleError::ReasonRequired)
    );
    let mut v2 = new_version(&issued, S::Issued, &digest, "Đính chính nơi sinh.").unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(v2.record_id, "79000701.2024-2025.7900123456.v2");
    let sup = v2.supersedes.clone().unwrap();
    assert_eq!(
        (sup.record_id.as_str(), sup.digest.as_str()),
        ("79000701.2024-2025.7900123456.v1", digest.as_str())
    );
    assert_eq!(v2.lifecycle.status, RecordStatus::Draft);
    assert!(v2.lifecycle.audit.is_empty());
    assert!(validate(&v2).is_empty(), "{:#?}", validate(&v2));
    assert!(ensure_editable(&v2).is_ok());
    v2.student.place_of_birth = "Tỉnh Bình Dương".into();
    lock(
        &mut v2,
        &Actor {
            by: GVCN,
            at: "2025-06-20T09:00:00+07:00",
        },
    )
    .unwrap();
    assert!(validate(&v2).is_empty());
    // The issued record itself is untouched.
    assert_eq!(issued, example());
}

#[test]
fn error_codes_and_messages() {
    let errors = [
        LifecycleError::InvalidTransition {
            from: S::Issued,
            event: E::Unlock,
        },
        LifecycleError::ReasonRequired,
        LifecycleError::PersonRequired,
        LifecycleError::InvalidReason,
        LifecycleError::InvalidTime {
            value: "hôm qua".into(),
        },
        LifecycleError::TimeGoesBack {
            at: "2025-05-01T00:00:00Z".into(),
            last: "2025-06-01T00:00:00Z".into(),
        },
        LifecycleError::StateMismatch {
            record: "draft",
            state: S::SignedGvcn,
        },
        LifecycleError::NotEditable { state: S::Locked },
        LifecycleError::InvalidDigest {
            value: "abc".into(),
        },
    ];
    let table: Vec<String> = errors
        .iter()
        .map(|e| {
            format!(
                "{}: {} | {}",
                e.code(),
                e.message(Lang::Vi),
                e.message(Lang::En)
            )
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"));
}
