//! A memo of certificates and signature checks never changes a report: every shared vector verified
//! without a cache, with a fresh cache, and with one cache shared by all vectors (a second pass answers
//! from it) gives the same report, to the last message.
#![cfg(feature = "verify")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::fs;

use hocba_core::pki::{
    AlgorithmError, CertInfo, NoPathCache, PathCache, SharedPathCache, SignatureScheme,
};
use hocba_core::verify::{verify, verify_cached, CheckStatus, Verdict, VerifyInputs, VerifyPolicy};
use hocba_core::Lang;

fn inputs_of<'a>(v: &'a common::Vector, policy: &'a VerifyPolicy) -> VerifyInputs<'a> {
    VerifyInputs {
        store: &v.store,
        crls: &v.crls,
        status_list: v.status.as_ref(),
        now: v.now,
        policy,
    }
}

#[test]
fn cached_and_uncached_verification_give_identical_reports() {
    let mut paths: Vec<_> = fs::read_dir(common::tests_dir().join("vectors/verify"))
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let vectors: Vec<common::Vector> = paths.iter().map(|p| common::load_vector(p)).collect();
    assert!(vectors.len() >= 30, "the shared vectors are there");
    let shared = SharedPathCache::default();
    let policy = VerifyPolicy::default();
    let mut compared = 0;
    for pass in 0..2 {
        for v in &vectors {
            let inputs = inputs_of(v, &policy);
            let plain = verify(&v.envelope, &inputs);
            let none = verify_cached(&v.envelope, &inputs, &NoPathCache);
            let fresh = verify_cached(&v.envelope, &inputs, &SharedPathCache::default());
            let reused = verify_cached(&v.envelope, &inputs, &shared);
            for lang in [Lang::Vi, Lang::En] {
                let expected = plain.to_json(lang);
                assert_eq!(none.to_json(lang), expected, "{} (no cache)", v.id);
                assert_eq!(fresh.to_json(lang), expected, "{} (fresh cache)", v.id);
                assert_eq!(
                    reused.to_json(lang),
                    expected,
                    "{} (shared cache, pass {pass})",
                    v.id
                );
            }
            compared += 1;
        }
    }
    let (certs, signatures) = shared.len();
    assert!(
        certs > 10 && signatures > 10,
        "the cache was used: {certs} certificates, {signatures} signature checks"
    );
    println!("{compared} verifications compared; the shared cache holds {certs} certificates and {signatures} signature checks");
}

/// A full cache stops remembering but keeps answering correctly.
#[test]
fn a_full_cache_still_gives_identical_reports() {
    let v = common::vector("valid-without-crl-or-status");
    let policy = VerifyPolicy::default();
    let inputs = inputs_of(&v, &policy);
    let tiny = SharedPathCache::new(1);
    for _ in 0..3 {
        assert_eq!(
            verify_cached(&v.envelope, &inputs, &tiny).to_json(Lang::En),
            verify(&v.envelope, &inputs).to_json(Lang::En)
        );
    }
    let (certs, signatures) = tiny.len();
    assert!(
        certs <= 1 && signatures <= 4,
        "bounded: {certs} / {signatures}"
    );
}

/// A memo that knows signature outcomes ([`PathCache::known_signature`], how `hocba-wasm` hands the
/// arithmetic to WebCrypto) is asked for every public-key check once the policy accepted it, and its
/// answer is what the report says: all valid gives the same report as computing them, a refutation makes
/// the record fail.
struct Oracle {
    answer: Result<(), AlgorithmError>,
    asked: std::cell::Cell<usize>,
}

impl PathCache for Oracle {
    fn known_signature(
        &self,
        signer: &CertInfo,
        scheme: SignatureScheme,
        _: &[u8],
        _: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        // Only checks the policy let through: the key fits the scheme.
        signer
            .key
            .as_ref()
            .expect("accepted key")
            .fits(scheme)
            .expect("fits");
        self.asked.set(self.asked.get() + 1);
        Some(self.answer.clone())
    }
}

#[test]
fn known_signature_outcomes_are_asked_for_and_decide_the_checks() {
    let v = common::vector("valid-full");
    let policy = VerifyPolicy::default();
    let inputs = inputs_of(&v, &policy);
    let computed = verify(&v.envelope, &inputs);
    assert_eq!(computed.verdict, Verdict::Valid);
    let confirming = Oracle {
        answer: Ok(()),
        asked: std::cell::Cell::new(0),
    };
    let confirmed = verify_cached(&v.envelope, &inputs, &confirming);
    assert_eq!(confirmed.to_json(Lang::En), computed.to_json(Lang::En));
    assert!(
        confirming.asked.get() >= 3,
        "asked {} times",
        confirming.asked.get()
    );
    let refuting = Oracle {
        answer: Err(AlgorithmError::BadSignature),
        asked: std::cell::Cell::new(0),
    };
    let refuted = verify_cached(&v.envelope, &inputs, &refuting);
    assert_eq!(refuted.verdict, Verdict::Invalid);
    assert!(refuted
        .checks
        .iter()
        .any(|c| c.id.ends_with(".signature") && c.status == CheckStatus::Invalid));
}

/// A signature the arithmetic could not be run for (the WebAssembly signature module did not load,
/// D-123) decides nothing: its checks, the signers' paths through such links and the roles are
/// undecided, never invalid, and the verdict is indeterminate.
#[test]
fn signatures_that_cannot_be_computed_leave_the_record_undecided() {
    let v = common::vector("valid-full");
    let policy = VerifyPolicy::default();
    let inputs = inputs_of(&v, &policy);
    let unavailable = Oracle {
        answer: Err(AlgorithmError::ArithmeticUnavailable),
        asked: std::cell::Cell::new(0),
    };
    let report = verify_cached(&v.envelope, &inputs, &unavailable);
    assert_eq!(report.verdict, Verdict::Indeterminate);
    let invalid: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Invalid)
        .map(|c| c.id.as_str())
        .collect();
    assert!(invalid.is_empty(), "invalid: {invalid:?}");
    for id in ["signatures[0].signature", "signatures[0].path"] {
        let check = report.checks.iter().find(|c| c.id == id).expect(id);
        assert_eq!(
            (check.status, check.code.as_str()),
            (CheckStatus::Error, "signature_arithmetic_unavailable"),
            "{id}"
        );
    }
}
