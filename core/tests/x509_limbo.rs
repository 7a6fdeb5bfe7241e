//! hocba's path validation and CRL checks against x509-limbo (C2SP/x509-limbo, Apache-2.0), the X.509
//! path-validation suite pyca/cryptography, rustls-webpki, Go and OpenSSL are measured with:
//! `tests/pki/x509-limbo/limbo.json` (its README says which version and how it was made).
//!
//! Each case gives trust anchors, untrusted intermediates, a leaf, an optional validation time and CRLs,
//! and the verdict a validator must reach. hocba validates the paths of document signers at their
//! signing time, not TLS servers, so some verdicts depend on rules that are not hocba's: each such case
//! is in [`NOT_APPLICABLE`] with the reason. Every other case must agree (decisions D-111).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::Arc;

use hocba_core::pki::path::MAX_PATH_CANDIDATES;
use hocba_core::pki::{
    build_path, build_path_cached, crl::check_path, AlgorithmError, CertInfo, CertStatus, CrlInfo,
    PathCache, SignatureScheme, TrustStore,
};
use hocba_core::time::UnixTime;
use serde_json::Value;

/// Cases whose verdict rests on a rule hocba does not apply, by id or by id prefix (`…::`), and why.
const NOT_APPLICABLE: &[(&str, &str)] = &[
    // What the leaf is for: hocba asks for document signing (digitalSignature or nonRepudiation, and an
    // extKeyUsage allowing it) in verification, not in path building; these cases ask for a TLS server.
    ("rfc5280::eku::ee-wrong-eku", "TLS serverAuth purpose"),
    ("webpki::eku::", "Web PKI extKeyUsage profile"),
    ("webpki::cn::", "TLS server name matching"),
    ("webpki::san::", "TLS server name matching"),
    ("rfc5280::san::underscore-dns", "TLS server name matching"),
    ("rfc5280::san::ip-in-dns", "TLS server name matching"),
    ("rfc5280::ca-as-leaf-wrong-san", "TLS server name matching"),
    (
        "webpki::ca-as-leaf",
        "Web PKI: a CA certificate may not be a server's",
    ),
    (
        "webpki::ee-basicconstraints-ca",
        "Web PKI: a CA certificate may not be a server's",
    ),
    (
        "webpki::v1-cert",
        "Web PKI refuses v1; RFC 5280 validation accepts it",
    ),
    (
        "webpki::forbidden-rsa-",
        "Web PKI key-size profile (hocba: RSA ≥ 2048 bits, any length)",
    ),
    (
        "webpki::malformed-aia",
        "authorityInfoAccess is never read: verification is offline",
    ),
    (
        "webpki::aki::",
        "Web PKI rules for a root's authorityKeyIdentifier",
    ),
    (
        "webpki::nc::intermediate-permitted-excluded-subtrees-both-null",
        "CA/Browser Forum issuance rule; an empty nameConstraints constrains nothing",
    ),
    // Rules RFC 5280 sets for CAs issuing certificates, not steps of its path validation (§6.1), which
    // hocba follows: a certificate that breaks them still chains, as in OpenSSL without -x509_strict.
    (
        "rfc5280::aki::",
        "issuance rule: authorityKeyIdentifier present and non-critical",
    ),
    (
        "rfc5280::ski::",
        "issuance rule: subjectKeyIdentifier present",
    ),
    (
        "rfc5280::serial::",
        "issuance rule: positive serial numbers (real CAs issued others)",
    ),
    (
        "rfc5280::ca-empty-subject",
        "issuance rule: a CA's subject is not empty",
    ),
    (
        "rfc5280::root-non-critical-basic-constraints",
        "issuance rule: basicConstraints critical",
    ),
    (
        "rfc5280::leaf-ku-keycertsign",
        "issuance rule: keyCertSign only with cA",
    ),
    (
        "rfc5280::ee-critical-aia-invalid",
        "issuance rule: authorityInfoAccess non-critical",
    ),
    (
        "rfc5280::pc::ica-noncritical-pc",
        "issuance rule: policyConstraints critical (its constraints are applied either way, D-113)",
    ),
    (
        "rfc5280::san::noncritical-with-empty-subject",
        "issuance rule: such a SAN is critical",
    ),
    (
        "rfc5280::nc::permitted-dns-match-noncritical",
        "hocba applies name constraints marked non-critical too, as Web PKI validators do",
    ),
    (
        "rfc5280::nc::not-allowed-in-ee-",
        "RFC 5280 §6.1.4 applies name constraints of CA certificates only: a leaf's are ignored",
    ),
    (
        "rfc5280::nc::invalid-dnsname-leading-period",
        "a leading period in a dNSName constraint means subdomains only, as OpenSSL and Go read it",
    ),
    // A caller-chosen depth: hocba's is fixed (MAX_PATH_LEN).
    (
        "pathlen::max-chain-depth-0-exhausted",
        "caller-chosen maximum depth",
    ),
    (
        "pathlen::max-chain-depth-1-exhausted",
        "caller-chosen maximum depth",
    ),
    // A signature is judged at its signing time, so the CRL must have been issued after it: a CRL from
    // 1970 says nothing of a revocation between 1970 and the signing (revocation stays undecided,
    // never valid). RFC 5280 takes any CRL before its nextUpdate.
    (
        "crl::certificate-not-on-crl",
        "CRL issued before the signing time",
    ),
    (
        "crl::certificate-serial-on-crl-different-issuer",
        "CRL issued before the signing time",
    ),
    (
        "crl::issuer-no-keyusage-extension",
        "CRL issued before the signing time",
    ),
    (
        "crl::issuer-valid-crlsign-and-keycertsign",
        "CRL issued before the signing time",
    ),
];

fn not_applicable(id: &str) -> Option<&'static str> {
    NOT_APPLICABLE
        .iter()
        .find(|(key, _)| id == *key || (key.ends_with(['-', ':']) && id.starts_with(key)))
        .map(|(_, why)| *why)
}

fn limbo() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/pki/x509-limbo/limbo.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    doc["testcases"].as_array().unwrap().clone()
}

fn case(id: &str) -> Value {
    limbo().into_iter().find(|c| c["id"] == id).unwrap()
}

fn certs(pems: &Value) -> Vec<CertInfo> {
    pems.as_array()
        .unwrap()
        .iter()
        .flat_map(|p| CertInfo::load_many(p.as_str().unwrap().as_bytes()).unwrap())
        .collect()
}

/// The case's validation time; the certificates of a case without one are valid from 1970 to 2969.
fn time_of(case: &Value) -> UnixTime {
    case["validation_time"]
        .as_str()
        .map_or(UnixTime(1_767_225_600), |t| {
            UnixTime::parse_rfc3339(t).unwrap()
        })
}

struct Inputs {
    store: TrustStore,
    extra: Vec<Arc<CertInfo>>,
    leaf: Result<Arc<CertInfo>, String>,
    crls: Result<Vec<CrlInfo>, String>,
}

fn inputs(case: &Value) -> Inputs {
    let mut store = TrustStore::new();
    for anchor in certs(&case["trusted_certs"]) {
        store.add_anchor(anchor);
    }
    Inputs {
        store: store.finish().unwrap(),
        extra: certs(&case["untrusted_intermediates"])
            .into_iter()
            .map(Arc::new)
            .collect(),
        leaf: CertInfo::load_many(case["peer_certificate"].as_str().unwrap().as_bytes())
            .map(|mut c| Arc::new(c.remove(0)))
            .map_err(|e| e.code().to_string()),
        crls: case["crls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| CrlInfo::from_bytes(c.as_str().unwrap().as_bytes()))
            .collect::<Result<_, _>>()
            .map_err(|e| e.code().to_string()),
    }
}

/// hocba's verdict on a case: `Ok` when the leaf has a valid path with no certificate revoked, else the
/// code of why not.
fn hocba_verdict(case: &Value) -> Result<(), String> {
    let at = time_of(case);
    let Inputs {
        store,
        extra,
        leaf,
        crls,
    } = inputs(case);
    let path = build_path(&leaf?, &extra, &store, at).map_err(|e| e.code().to_string())?;
    let crls = crls?;
    if crls.is_empty() {
        return Ok(());
    }
    for (cert, status) in check_path(&path, &crls, at, true, &store).statuses {
        match status {
            CertStatus::Good { .. } | CertStatus::RevokedAfter { .. } => {}
            other => return Err(format!("{}: {other:?}", cert.display_name())),
        }
    }
    Ok(())
}

#[test]
fn every_applicable_case_gets_limbos_verdict() {
    let cases = limbo();
    assert!(cases.len() >= 200, "{} cases", cases.len());
    let mut disagree = Vec::new();
    let mut checked = 0;
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        if not_applicable(id).is_some() {
            continue;
        }
        checked += 1;
        let expected = case["expected_result"].as_str().unwrap();
        let got = hocba_verdict(case);
        if got.is_ok() != (expected == "SUCCESS") {
            disagree.push(format!("{id}: limbo {expected}, hocba {got:?}"));
        }
    }
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
    // Most of the suite applies: a list grown to hide disagreements would show here.
    assert!(
        checked >= 130,
        "only {checked} of {} cases checked",
        cases.len()
    );
}

#[test]
fn every_exception_names_cases_of_the_suite_that_hocba_decides_otherwise() {
    let cases = limbo();
    for (key, why) in NOT_APPLICABLE {
        let matching: Vec<&Value> = cases
            .iter()
            .filter(|c| not_applicable(c["id"].as_str().unwrap()).is_some_and(|w| w == *why))
            .filter(|c| {
                let id = c["id"].as_str().unwrap();
                id == *key || id.starts_with(key)
            })
            .collect();
        assert!(!matching.is_empty(), "{key}: no such case");
        // An exception whose every case hocba now decides as limbo does is no exception any more.
        assert!(
            matching
                .iter()
                .any(|c| hocba_verdict(c).is_ok()
                    != (c["expected_result"].as_str() == Some("SUCCESS"))),
            "{key}: hocba agrees with every case, drop the exception"
        );
    }
}

/// A memo that counts the signature checks path building asks for.
#[derive(Default)]
struct CountingCache {
    signature_checks: Cell<usize>,
}

impl PathCache for CountingCache {
    fn known_signature(
        &self,
        _signer: &CertInfo,
        _scheme: SignatureScheme,
        _message: &[u8],
        _signature: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        self.signature_checks.set(self.signature_checks.get() + 1);
        None
    }
}

#[test]
fn pathological_chains_stop_within_the_search_budget() {
    // 100 intermediates that all appear to have issued each other (Go's TestPathologicalChains): a
    // depth-first search without a budget tries 100·99·…·93 orderings, hours of work; with one it
    // gives up, says so, and has checked at most MAX_PATH_CANDIDATES signatures.
    for id in [
        "pathological::pathological-chain-same-subject-same-key",
        "pathological::pathological-chain-same-subject-distinct-key",
        "pathological::pathological-chain-distinct-subject-same-key",
    ] {
        let case = case(id);
        let Inputs {
            store, extra, leaf, ..
        } = inputs(&case);
        let cache = CountingCache::default();
        let error = build_path_cached(&leaf.unwrap(), &extra, &store, time_of(&case), &cache)
            .expect_err(id);
        assert!(
            cache.signature_checks.get() <= MAX_PATH_CANDIDATES,
            "{id}: {} signature checks",
            cache.signature_checks.get()
        );
        if id.ends_with("same-subject-same-key") {
            assert_eq!(error.code(), "path_search_exhausted", "{id}");
        }
    }
}

#[test]
fn name_constraint_blowups_are_refused_not_computed() {
    // 2,048 names against 4,096 subtrees (OpenSSL's many-names/many-constraints): refused as OpenSSL
    // refuses them, above 2^20 comparisons.
    for id in [
        "pathological::nc-dos-1",
        "pathological::nc-dos-2",
        "pathological::nc-dos-3",
    ] {
        let error = hocba_verdict(&case(id)).expect_err(id);
        assert_eq!(error, "name_constraints_too_complex", "{id}");
    }
}

#[test]
fn malformed_names_and_wildcards_under_name_constraints_are_refused() {
    for (id, code) in [
        ("rfc5280::nc::nc-permits-invalid-dns-san", "name_malformed"),
        (
            "rfc5280::nc::nc-permits-invalid-email-san",
            "name_malformed",
        ),
        (
            "rfc5280::nc::nc-forbids-dnsname-wildcard-san",
            "name_excluded",
        ),
        ("cve::cve-2025-61727", "name_excluded"),
    ] {
        assert_eq!(hocba_verdict(&case(id)).expect_err(id), code, "{id}");
    }
}
