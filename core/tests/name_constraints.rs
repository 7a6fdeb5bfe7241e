//! Name constraints on a real hierarchy (tests/pki/name-constraints, made by
//! scripts/gen-name-constraints-pki.sh): a province CA whose critical nameConstraints permit one
//! directory subtree and mailboxes under .edu.vn, and exclude a unit and a DNS name. Each certificate's
//! path must be accepted or refused with the code of the name that breaks the constraints. `openssl
//! verify` agrees on every one but `ok-folded`, whose upper-case Vietnamese OpenSSL does not case-fold
//! (it folds ASCII only; RFC 5280 §7.1 asks for RFC 4518's full case folding).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;

use hocba_core::pki::{build_path, CertInfo, PathError, TrustStore};
use hocba_core::time::UnixTime;
use hocba_core::Lang;

fn pem(name: &str) -> CertInfo {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/pki/name-constraints")
        .join(format!("{name}.pem"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    CertInfo::load_many(&bytes).unwrap().remove(0)
}

fn store(with_ca: bool) -> TrustStore {
    let mut store = TrustStore::new();
    store.add_anchor(pem("root"));
    if with_ca {
        store.add_intermediate(pem("ca"));
    }
    store.finish().unwrap()
}

/// Inside the ten years the certificates were made for (from 2026-12-05).
fn at() -> UnixTime {
    UnixTime::parse_rfc3339("2028-01-01T00:00:00Z").unwrap()
}

fn path_of(leaf: &str) -> Result<usize, PathError> {
    build_path(&Arc::new(pem(leaf)), &[], &store(true), at()).map(|p| p.certs.len())
}

#[test]
fn names_inside_the_permitted_subtrees_are_accepted() {
    assert_eq!(path_of("ok").unwrap(), 3);
    // Upper case, a doubled space and BMPString against the constraint's UTF8String.
    assert_eq!(path_of("ok-folded").unwrap(), 3);
}

#[test]
fn names_outside_or_excluded_are_refused_with_the_name() {
    for (leaf, code, name) in [
        (
            "outside",
            "name_not_permitted",
            "O=Sở Giáo dục và Đào tạo Đà Nẵng",
        ),
        ("excluded", "name_excluded", "OU=Phòng thử nghiệm"),
        (
            "gmail-san",
            "name_not_permitted",
            "rfc822Name lan@gmail.com",
        ),
        (
            "gmail-subject",
            "name_not_permitted",
            "rfc822Name lan@gmail.com",
        ),
        ("dns-excluded", "name_excluded", "dNSName www.test.edu.vn"),
    ] {
        let error = path_of(leaf).expect_err(leaf);
        assert_eq!(error.code(), code, "{leaf}: {error}");
        let en = error.message(Lang::En);
        assert!(en.contains(name), "{leaf}: {en}");
        assert!(en.contains("Sở GD&ĐT Hà Nội CA"), "{leaf}: {en}");
        let vi = error.message(Lang::Vi);
        assert!(
            vi.contains("giới hạn tên") && vi.contains(name),
            "{leaf}: {vi}"
        );
    }
}

#[test]
fn the_constrained_ca_itself_is_not_held_to_its_own_constraints() {
    // The CA's subject lies inside its own permitted subtree anyway; its path to the root has no
    // constraints above it.
    assert_eq!(
        build_path(&Arc::new(pem("ca")), &[], &store(false), at())
            .unwrap()
            .certs
            .len(),
        2
    );
}

#[test]
fn the_constraints_are_read_when_the_certificate_is() {
    let ca = pem("ca");
    assert!(ca.name_constraints.is_some());
    assert!(
        ca.unsupported_critical.is_empty(),
        "{:?}",
        ca.unsupported_critical
    );
    assert!(pem("ok").subject_alt_name.is_some());
}

/// D-106: certificates chain when names match as RFC 5280 §7.1 asks, not only byte for byte. The
/// people's certificates name their issuer in UTF8String; `ca-reencoded` is the same CA and key with
/// its subject in PrintableString and BMPString, in upper case. `openssl verify` cannot chain through
/// it (it folds ASCII only).
#[test]
fn issuer_names_match_however_they_are_encoded() {
    let mut store = TrustStore::new();
    store.add_anchor(pem("root"));
    store.add_intermediate(pem("ca-reencoded"));
    let store = store.finish().unwrap();
    let ok = Arc::new(pem("ok"));
    let reencoded = pem("ca-reencoded");
    assert_ne!(ok.issuer_der, reencoded.subject_der);
    assert!(ok.may_be_issued_by(&reencoded));
    let path = build_path(&ok, &[], &store, at()).unwrap();
    assert_eq!(path.certs[1].fingerprint, reencoded.fingerprint);
    // Its name constraints still apply through the re-encoded copy.
    let outside = build_path(&Arc::new(pem("outside")), &[], &store, at()).unwrap_err();
    assert_eq!(outside.code(), "name_not_permitted");
}
