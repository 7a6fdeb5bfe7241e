//! D-109: a CA that renewed its key signs its CRLs with the new key, and they still speak for the
//! certificates it issued under the old one (RFC 5280 §6.3.3 f), when the new key's certificate has a
//! valid path to the same trust anchor. tests/pki/rollover, made by scripts/gen-rollover-pki.sh.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::Arc;

use hocba_core::pki::crl::check_path;
use hocba_core::pki::{build_path, CertInfo, CertStatus, CrlInfo, TrustStore};
use hocba_core::time::UnixTime;

fn file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/pki/rollover")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn cert(name: &str) -> CertInfo {
    CertInfo::load_many(&file(&format!("{name}.pem")))
        .unwrap()
        .remove(0)
}

/// A store with `root` and `other-root` as anchors and the given CA certificates.
fn store(cas: &[&str]) -> TrustStore {
    let mut store = TrustStore::new();
    store.add_anchor(cert("root"));
    store.add_anchor(cert("other-root"));
    for ca in cas {
        store.add_intermediate(cert(ca));
    }
    store.finish().unwrap()
}

fn t(s: &str) -> UnixTime {
    UnixTime::parse_rfc3339(s).unwrap()
}

/// The status of `leaf` (issued under the old key) at `at`, with the new key's CRL.
fn status(leaf: &str, cas: &[&str], at: &str) -> CertStatus {
    let store = store(cas);
    let crl = CrlInfo::from_bytes(&file("crl-new-key.pem")).unwrap();
    let path = build_path(
        &Arc::new(cert(leaf)),
        &[cert("ca-old").into()],
        &store,
        t(at),
    )
    .unwrap();
    assert_eq!(path.certs[1].fingerprint, cert("ca-old").fingerprint);
    let mut statuses = check_path(&path, &[crl], t(at), false, &store).statuses;
    statuses.remove(0).1
}

#[test]
fn the_renewed_keys_crl_speaks_for_certificates_of_the_old_key() {
    let good = status("teacher", &["ca-old", "ca-new"], "2028-01-01T00:00:00Z");
    assert!(matches!(good, CertStatus::Good { .. }), "{good:?}");
    let before = status("revoked", &["ca-old", "ca-new"], "2029-06-01T00:00:00Z");
    assert!(
        matches!(before, CertStatus::RevokedBefore { .. }),
        "{before:?}"
    );
    let after = status("revoked", &["ca-old", "ca-new"], "2028-01-01T00:00:00Z");
    assert!(
        matches!(after, CertStatus::RevokedAfterUnproven { .. }),
        "{after:?}"
    );
}

#[test]
fn without_the_renewed_certificate_the_crl_is_not_used() {
    let none = status("teacher", &["ca-old"], "2028-01-01T00:00:00Z");
    assert!(matches!(none, CertStatus::NoCrl), "{none:?}");
}

#[test]
fn a_renewed_certificate_under_another_anchor_does_not_count() {
    // Same name and key as ca-new, but issued by other-root: RFC 5280 §6.3.3 (f) wants the same anchor.
    let none = status(
        "teacher",
        &["ca-old", "ca-new-elsewhere"],
        "2028-01-01T00:00:00Z",
    );
    assert!(matches!(none, CertStatus::NoCrl), "{none:?}");
}
