//! Attacks and failure modes, each with the report it must give. The full reports are in the shared
//! vectors (verify_vectors.rs); here every decisive check is spelt out, and every check not listed must
//! hold (Valid) or be a Skipped that the case explains.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use hocba_core::time::UnixTime;
use hocba_core::verify::{verify, CheckStatus, Verdict, VerifyInputs, VerifyPolicy};

use CheckStatus::{Error, Invalid, Skipped, Valid};

fn status_of(s: &str) -> CheckStatus {
    match s {
        "valid" => Valid,
        "invalid" => Invalid,
        "skipped" => Skipped,
        _ => Error,
    }
}

/// Verifies a vector and checks: the verdict, the listed checks, and that every other check is Valid
/// or one of the Skipped codes allowed for the case.
fn expect(id: &str, verdict: Verdict, decisive: &[(&str, CheckStatus, &str)], skips: &[&str]) {
    let v = common::vector(id);
    let report = v.verify();
    assert_eq!(report.verdict, verdict, "{id}: verdict");
    for (check, status, code) in decisive {
        let c = report
            .check(check)
            .unwrap_or_else(|| panic!("{id}: no check {check}"));
        assert_eq!(
            (c.status, c.code.as_str()),
            (*status, *code),
            "{id}: {check}: {}",
            c.message_en
        );
        assert!(!c.message_vi.is_empty() && !c.message_en.is_empty());
    }
    for c in &report.checks {
        if decisive.iter().any(|(id, ..)| *id == c.id) {
            continue;
        }
        let ok = c.status == Valid
            || (c.status == Skipped
                && (skips.contains(&c.code.as_str()) || c.code == "timestamp_absent"));
        assert!(
            ok,
            "{id}: unexpected {} {:?} [{}] {}",
            c.id, c.status, c.code, c.message_en
        );
    }
    // The payload is shown only when every signature and digest holds.
    let crypto_failed = report.checks.iter().any(|c| {
        (c.id.ends_with(".cms")
            || c.id.ends_with(".digest")
            || c.id.ends_with(".algorithm")
            || c.id.ends_with(".signature"))
            && c.status != Valid
    });
    assert_eq!(
        report.record.is_none(),
        crypto_failed || report.signers.is_empty(),
        "{id}: record summary"
    );
    let _ = status_of;
}

#[test]
fn a_complete_record_is_valid() {
    expect(
        "valid-full",
        Verdict::Valid,
        &[("status", Valid, "record_issued")],
        &[],
    );
    expect(
        "valid-p384-ed25519",
        Verdict::Valid,
        &[],
        &["status_list_missing"],
    );
    expect(
        "valid-ess-v1",
        Verdict::Valid,
        &[("signatures[0].signing_certificate", Valid, "valid")],
        &["status_list_missing"],
    );
    expect(
        "valid-without-crl-or-status",
        Verdict::Valid,
        &[
            ("signatures[0].revocation", Skipped, "crl_missing"),
            ("status", Skipped, "status_list_missing"),
        ],
        &["crl_missing"],
    );
}

#[test]
fn payload_changed_after_signing() {
    expect(
        "payload-changed-after-signing",
        Verdict::Invalid,
        &[
            ("signatures[0].digest", Invalid, "digest_mismatch"),
            ("signatures[1].digest", Invalid, "digest_mismatch"),
            ("signatures[2].digest", Invalid, "digest_mismatch"),
            ("roles.required", Invalid, "role_missing"),
            ("status", Invalid, "status_digest_mismatch"),
        ],
        &[],
    );
    let report = common::vector("payload-changed-after-signing").verify();
    assert!(
        report.record.is_none(),
        "nothing from a changed payload is shown"
    );
}

#[test]
fn stated_results_recomputed() {
    expect(
        "stated-result-tampered-before-signing",
        Verdict::Invalid,
        &[("arithmetic", Invalid, "stated_mismatch")],
        &["status_list_missing"],
    );
}

#[test]
fn a_signature_stripped() {
    expect(
        "signature-stripped",
        Verdict::Invalid,
        &[("roles.required", Invalid, "role_missing")],
        &[],
    );
    let r = common::vector("signature-stripped").verify();
    assert!(r
        .check("roles.required")
        .unwrap()
        .message_en
        .contains("School (organisation seal)"));
}

#[test]
fn roles_swapped() {
    expect(
        "roles-swapped-declared",
        Verdict::Invalid,
        &[
            ("signatures[0].role", Invalid, "role_conflict"),
            ("signatures[1].role", Invalid, "role_conflict"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "roles-swapped-signed",
        Verdict::Invalid,
        &[
            ("signatures[0].role", Invalid, "role_name_mismatch"),
            ("signatures[1].role", Invalid, "role_name_mismatch"),
            ("roles.required", Invalid, "role_missing"),
            ("roles.order", Invalid, "role_order"),
        ],
        &["status_list_missing"],
    );
}

#[test]
fn certificates_at_the_time_of_signing() {
    expect(
        "unknown-root",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "path_unknown_root"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "expired-at-signing-time",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "certificate_expired"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "not-yet-valid-at-signing-time",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "certificate_not_yet_valid"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    // Valid when signed, expired now: still valid.
    expect(
        "valid-years-later",
        Verdict::Valid,
        &[],
        &["status_list_missing"],
    );
    expect(
        "wrong-key-usage",
        Verdict::Invalid,
        &[
            ("signatures[0].key_usage", Invalid, "key_usage_not_allowed"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "ca-false-intermediate",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "issuer_not_ca"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "rsa-1024",
        Verdict::Invalid,
        &[
            ("signatures[0].algorithm", Invalid, "weak_key"),
            ("signatures[0].path", Invalid, "weak_key"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "sha1-certificate",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "sha1_rejected"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "path-loop",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "path_loop"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    // D-113: her CA requires an explicit policy; her certificate asserts none.
    expect(
        "policy-required",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Invalid, "policy_required"),
            // A hierarchy of its own, whose teacher is not the one the record names.
            ("signatures[0].role", Invalid, "role_name_mismatch"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    // D-115: her point's cRLIssuer publishes an indirect CRL that lists her, revoked before she signed.
    expect(
        "crl-indirect-revoked",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Valid, "valid"),
            ("signatures[0].revocation", Invalid, "certificate_revoked"),
            ("signatures[0].role", Invalid, "role_name_mismatch"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    // D-115: her CA's CRLs are partitioned by reason and her certificate names only the key-compromise
    // one: revocation is not decided (skipped, as without a CRL), never valid.
    expect(
        "crl-reasons-uncovered",
        Verdict::Invalid,
        &[
            ("signatures[0].path", Valid, "valid"),
            ("signatures[0].revocation", Skipped, "crl_missing"),
            ("signatures[0].role", Invalid, "role_name_mismatch"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
}

#[test]
fn signing_order_and_lock() {
    expect(
        "signed-before-lock",
        Verdict::Invalid,
        &[("roles.after_lock", Invalid, "signed_before_lock")],
        &["status_list_missing"],
    );
    expect(
        "signed-out-of-order",
        Verdict::Invalid,
        &[("roles.order", Invalid, "role_order")],
        &["status_list_missing"],
    );
}

#[test]
fn revoked_certificates() {
    expect(
        "revoked-before-signing",
        Verdict::Invalid,
        &[
            ("signatures[0].revocation", Invalid, "certificate_revoked"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "revoked-after-signing",
        Verdict::Valid,
        &[],
        &["status_list_missing"],
    );
    let r = common::vector("revoked-after-signing").verify();
    assert!(r
        .check("signatures[0].revocation")
        .unwrap()
        .message_en
        .contains("revoked later"));
    expect(
        "compromised-after-signing-unproven",
        Verdict::Indeterminate,
        &[
            (
                "signatures[0].revocation",
                Error,
                "revoked_after_signing_unproven",
            ),
            ("roles.required", Error, "role_undetermined"),
        ],
        &["status_list_missing"],
    );
}

#[test]
fn record_status() {
    expect(
        "record-revoked",
        Verdict::Invalid,
        &[("status", Invalid, "record_revoked")],
        &[],
    );
    expect(
        "record-superseded",
        Verdict::Invalid,
        &[("status", Invalid, "record_superseded")],
        &[],
    );
    expect(
        "corrected-record-current",
        Verdict::Valid,
        &[("status", Valid, "record_issued")],
        &[],
    );
    expect(
        "status-list-stale",
        Verdict::Indeterminate,
        &[("status", Error, "status_list_stale")],
        &[],
    );
}

#[test]
fn broken_inputs() {
    expect(
        "truncated-cms",
        Verdict::Invalid,
        &[
            ("signatures[0].cms", Invalid, "cms_malformed"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "garbage-cms",
        Verdict::Invalid,
        &[
            ("signatures[0].cms", Invalid, "cms_malformed"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["status_list_missing"],
    );
    expect(
        "not-json",
        Verdict::Invalid,
        &[("format", Invalid, "json_syntax")],
        &[],
    );
    expect(
        "wrong-format",
        Verdict::Invalid,
        &[("format", Invalid, "unsupported_format")],
        &[],
    );
}

#[test]
fn timestamps() {
    expect(
        "timestamped",
        Verdict::Valid,
        &[("signatures[0].timestamp", Valid, "valid")],
        &["crl_missing", "status_list_missing"],
    );
    let r = common::vector("timestamped").verify();
    assert_eq!(
        serde_json::to_value(r.signers[0].time_source).unwrap(),
        serde_json::json!("timestamp")
    );
    expect(
        "timestamp-of-another-signature",
        Verdict::Invalid,
        &[
            (
                "signatures[1].timestamp",
                Invalid,
                "timestamp_imprint_mismatch",
            ),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["crl_missing", "status_list_missing"],
    );
}

#[test]
fn foreign_signatures() {
    expect(
        "openssl-signed",
        Verdict::Valid,
        &[],
        &["crl_missing", "status_list_missing"],
    );
    expect(
        "openssl-signed-no-declared-role",
        Verdict::Invalid,
        &[
            ("signatures[0].role", Invalid, "role_not_stated"),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["crl_missing", "status_list_missing"],
    );
    expect(
        "sha1-cms",
        Verdict::Invalid,
        &[
            ("signatures[0].digest", Invalid, "sha1_rejected"),
            ("signatures[0].algorithm", Invalid, "sha1_rejected"),
            (
                "signatures[0].signing_certificate",
                Invalid,
                "signing_certificate_missing",
            ),
            ("roles.required", Invalid, "role_missing"),
        ],
        &["crl_missing", "status_list_missing"],
    );
}

#[test]
fn oversized_inputs_are_refused_without_panic() {
    let v = common::vector("valid-full");
    let policy = VerifyPolicy::default();
    let inputs = VerifyInputs {
        store: &v.store,
        crls: &v.crls,
        status_list: None,
        now: v.now,
        policy: &policy,
    };
    // An envelope over 4 MiB.
    let mut big = b"{\"format\":\"hocba.signed/1\",\"pad\":\"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    big.extend(b"\"}");
    let r = verify(&big, &inputs);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(r.check("format").unwrap().code, "input_too_large");
    // A CMS over 256 KiB.
    let mut env: serde_json::Value = serde_json::from_slice(&v.envelope).unwrap();
    let huge = base64_of(&vec![0x30; 300 * 1024]);
    env["signatures"][0]["cms"] = huge.into();
    let r = verify(&serde_json::to_vec(&env).unwrap(), &inputs);
    assert_eq!(r.check("signatures[0].cms").unwrap().code, "cms_too_large");
    // Deep nesting.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = verify(deep.as_bytes(), &inputs);
    assert_eq!(r.verdict, Verdict::Invalid);
    // Empty input.
    assert_eq!(
        verify(b"", &inputs).check("format").unwrap().code,
        "empty_input"
    );
    let _ = UnixTime(0);
}

fn base64_of(bytes: &[u8]) -> String {
    use base64ct::Encoding;
    base64ct::Base64::encode_string(bytes)
}
