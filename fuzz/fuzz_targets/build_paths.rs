//! Path building and CRL checks over fuzzed certificate sets: no panic, and bounded work however the
//! certificates name and sign each other (the search budget found by x509-limbo's pathological chains,
//! D-111). Input: a flag byte, then certificates and CRLs, each as a big-endian u16 length and its DER;
//! the first certificate is the trust anchor, the last the leaf, those between are intermediates (in the
//! trust store when the flag's low bit is set, else as a signature would embed them, at most 16). The
//! verifier's policy inputs (D-118) come from the input's length, so the corpus keeps its format: three
//! bits for required / mapping inhibited / anyPolicy inhibited, one for accepting only the leaf's first
//! policy.
#![no_main]

use std::sync::Arc;

use hocba_core::pki::crl::check_path;
use hocba_core::pki::policy::InitialPolicies;
use hocba_core::pki::{build_path_with, CertInfo, CrlInfo, NoPathCache, TrustStore};
use hocba_core::time::UnixTime;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flag, mut rest)) = data.split_first() else {
        return;
    };
    let mut certs = Vec::new();
    let mut crls = Vec::new();
    while rest.len() >= 2 && certs.len() + crls.len() < 24 {
        let len = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
        let Some(der) = rest.get(2..2 + len) else {
            break;
        };
        rest = &rest[2 + len..];
        if let Ok(cert) = CertInfo::from_der(der) {
            certs.push(cert);
        } else if let Ok(crl) = CrlInfo::from_bytes(der) {
            crls.push(crl);
        }
    }
    if certs.len() < 2 {
        return;
    }
    let leaf = Arc::new(certs.pop().expect("two or more"));
    let bits = data.len();
    let policies = InitialPolicies {
        acceptable: (bits & 8 == 8).then(|| {
            leaf.policies
                .policies
                .iter()
                .flatten()
                .take(1)
                .cloned()
                .collect()
        }),
        require_explicit: bits & 1 == 1,
        inhibit_mapping: bits & 2 == 2,
        inhibit_any: bits & 4 == 4,
    };
    let mut store = TrustStore::new();
    store.add_anchor(certs.remove(0));
    let mut extra = Vec::new();
    for cert in certs.into_iter().take(16) {
        if flag & 1 == 1 {
            store.add_intermediate(cert);
        } else {
            extra.push(Arc::new(cert));
        }
    }
    let Ok(store) = store.finish() else {
        return;
    };
    // Inside the fuzzed certificates' validity or not: both decide, neither may hang.
    let at = UnixTime(i64::from(flag >> 1) * 86_400 * 365 + 1_262_334_600);
    if let Ok(path) = build_path_with(&leaf, &extra, &store, at, &NoPathCache, &policies) {
        // A leaf that is itself the anchor (the same certificate twice in the input) is a path of one.
        assert!(!path.certs.is_empty() && path.certs.len() <= hocba_core::pki::path::MAX_PATH_LEN);
        assert_eq!(path.leaf().fingerprint, leaf.fingerprint);
        assert!(store.is_anchor(&path.anchor().fingerprint));
        let _ = check_path(&path, &crls, at, flag & 2 == 2, &store);
    }
});
