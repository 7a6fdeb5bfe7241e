//! hocba's path validation and CRL checks against NIST's Public Key Interoperability Test Suite (PKITS,
//! "Test Certificates 2011", RSA-2048): `tests/pki/pkits/` (its README says where it comes from).
//!
//! Each end-entity certificate's file name says whether its path is valid (`Valid…`) or not
//! (`Invalid…`) under PKITS' default settings; the few named otherwise depend on policy settings and are
//! not run. The trust anchor is PKITS' root, every other CA certificate of the suite is an intermediate
//! of the trust store, and every CRL is given: hocba finds each path and each CRL itself.
//!
//! PKITS validates at the present with CRLs current until 2030; hocba judges a signature at its signing
//! time and takes only a CRL issued at or after it (a CRL from before says nothing of a revocation in
//! between). So paths are validated at [`NOW`] and revocation as of the CRLs' issue, [`CRLS_ISSUED`],
//! where every revocation a CRL lists counts, as at the present. Tests whose verdict rests on what hocba
//! does not do are in [`NOT_APPLICABLE`] with the reason; every other test must agree (decisions D-111).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;

use hocba_core::pki::policy::{policy_id_from_dotted, InitialPolicies};
use hocba_core::pki::{
    build_path, build_path_with, crl::check_path, CertInfo, CertStatus, CrlInfo, NoPathCache,
    TrustStore,
};
use hocba_core::time::UnixTime;
use x509_cert::ext::pkix::CrlReason;

const NOW: &str = "2026-12-05T00:00:00Z";
const CRLS_ISSUED: &str = "2010-01-01T08:30:00Z";

/// Tests hocba decides otherwise, by the start of the certificate's file name, and why.
const NOT_APPLICABLE: &[(&str, &str)] = &[
    // PKITS 4.1.4–5: DSA is not among the design's algorithms (RSA, ECDSA P-256/P-384, Ed25519).
    ("ValidDSA", "DSA keys are refused"),
    // 4.4.11: an expired nextUpdate matters at the present; hocba judges revocation at the signing
    // time, for which a CRL issued after it is the evidence, whatever its nextUpdate.
    (
        "InvalidOldCRLnextUpdateTest11",
        "revocation judged at the signing time",
    ),
    // 4.15: delta CRLs are read with their base CRLs (D-114), holds they release too (D-116); whether
    // a base CRL's nextUpdate has passed matters only at the present.
    (
        "InvaliddeltaCRLTest10",
        "revocation judged at the signing time",
    ),
];

fn not_applicable(name: &str) -> bool {
    NOT_APPLICABLE
        .iter()
        .any(|(start, _)| name.starts_with(start))
}

fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/pki/pkits")
        .join(sub)
}

fn files(sub: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir(sub))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn cert(der: &[u8]) -> Result<CertInfo, String> {
    CertInfo::load_many(der)
        .map(|mut c| c.remove(0))
        .map_err(|e| e.code().to_string())
}

struct Suite {
    store: TrustStore,
    crls: Vec<CrlInfo>,
    /// (file name, DER) of every end-entity certificate with a Valid/Invalid name.
    tests: Vec<(String, Vec<u8>)>,
}

fn suite() -> Suite {
    let certs = files("certs");
    let mut store = TrustStore::new();
    for (name, der) in &certs {
        if name == "TrustAnchorRootCertificate.crt" {
            store.add_anchor(cert(der).unwrap());
        } else if !name.ends_with("EE.crt") {
            // A CA certificate hocba cannot read (DSA keys are read, then refused in paths) stays out.
            if let Ok(ca) = cert(der) {
                store.add_intermediate(ca);
            }
        }
    }
    // Every CRL reads; those using what hocba does not process (an unknown critical entry extension) are
    // read and left unused, as RFC 5280 §5.3 asks.
    let crls = files("crls")
        .iter()
        .map(|(name, der)| CrlInfo::from_bytes(der).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect();
    let tests = certs
        .into_iter()
        .filter(|(name, _)| {
            name.ends_with("EE.crt") && (name.starts_with("Valid") || name.starts_with("Invalid"))
        })
        .collect();
    Suite {
        store: store.finish().unwrap(),
        crls,
        tests,
    }
}

/// hocba's verdict: `Ok` when the certificate has a valid path and no certificate of it is on a CRL.
fn verdict(suite: &Suite, der: &[u8]) -> Result<(), String> {
    let now = UnixTime::parse_rfc3339(NOW).unwrap();
    let issued = UnixTime::parse_rfc3339(CRLS_ISSUED).unwrap();
    let leaf = Arc::new(cert(der)?);
    let path = build_path(&leaf, &[], &suite.store, now).map_err(|e| e.code().to_string())?;
    for (cert, status) in check_path(&path, &suite.crls, issued, true, &suite.store).statuses {
        if !matches!(status, CertStatus::Good { .. }) {
            return Err(format!("{}: {status:?}", cert.display_name()));
        }
    }
    Ok(())
}

#[test]
fn every_applicable_pkits_test_gets_its_verdict() {
    let suite = suite();
    assert!(suite.tests.len() >= 200, "{} tests", suite.tests.len());
    let mut disagree = Vec::new();
    let mut checked = 0;
    for (name, der) in &suite.tests {
        if not_applicable(name) {
            continue;
        }
        checked += 1;
        let got = verdict(&suite, der);
        if got.is_ok() != name.starts_with("Valid") {
            disagree.push(format!("{name}: {got:?}"));
        }
    }
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
    assert!(checked >= 199, "only {checked} tests checked");
}

#[test]
fn every_exception_is_a_test_hocba_decides_otherwise() {
    let suite = suite();
    for (start, why) in NOT_APPLICABLE {
        let tests: Vec<&(String, Vec<u8>)> = suite
            .tests
            .iter()
            .filter(|(name, _)| name.starts_with(start))
            .collect();
        assert!(!tests.is_empty(), "{start}: no such test");
        for (name, der) in tests {
            assert_ne!(
                verdict(&suite, der).is_ok(),
                name.starts_with("Valid"),
                "{name} ({why}): hocba now agrees, drop the exception"
            );
        }
    }
}

#[test]
fn a_certificate_valid_from_before_1970_is_read() {
    // PKITS 4.2.3: notBefore 1950-01-01 as UTCTime "500101120100Z" (RFC 5280: years 50–99 are 19YY).
    let suite = suite();
    let (_, der) = suite
        .tests
        .iter()
        .find(|(n, _)| n == "Validpre2000UTCnotBeforeDateTest3EE.crt")
        .unwrap();
    let leaf = cert(der).unwrap();
    assert_eq!(
        leaf.not_before,
        UnixTime::parse_rfc3339("1950-01-01T12:01:00Z").unwrap()
    );
    assert_eq!(verdict(&suite, der), Ok(()));
}

/// The leaf's revocation status, signed at `at`, with the suite's CRLs less those whose file name
/// contains one of `left_out`.
fn leaf_status(suite: &Suite, test: &str, at: &str, left_out: &[&str]) -> CertStatus {
    let (_, der) = suite.tests.iter().find(|(n, _)| n == test).unwrap();
    let at = UnixTime::parse_rfc3339(at).unwrap();
    let leaf = Arc::new(cert(der).unwrap());
    let path = build_path(&leaf, &[], &suite.store, at).unwrap();
    let crls: Vec<CrlInfo> = files("crls")
        .iter()
        .filter(|(name, _)| !left_out.iter().any(|l| name.contains(l)))
        .map(|(_, der)| CrlInfo::from_bytes(der).unwrap())
        .collect();
    check_path(&path, &crls, at, false, &suite.store).statuses[0]
        .1
        .clone()
}

/// D-114: a delta CRL brings a complete CRL numbered at least its BaseCRLNumber up to its own
/// thisUpdate. PKITS' deltaCRL CA1 publishes CRL 1 on 2010-01-01 and a delta on base 1 on 2011-01-01;
/// CA2, CRL 2 on 2010-06-01 and a delta on base 1 on 2011-01-01; CA3, CRL 1 on 2010-01-01 and a delta on
/// base 2 (which nobody has) on 2010-06-01.
#[test]
fn a_delta_crl_brings_its_base_up_to_date_and_no_other() {
    let suite = suite();
    let good = |date: &str| CertStatus::Good {
        crl_this_update: UnixTime::parse_rfc3339(date).unwrap(),
    };
    let too_old = |date: &str| CertStatus::CrlTooOld {
        this_update: UnixTime::parse_rfc3339(date).unwrap(),
    };
    // Signed between the base and the delta, neither listing the certificate.
    let ca1 = "ValiddeltaCRLTest2EE.crt";
    assert_eq!(
        leaf_status(&suite, ca1, "2010-06-01T00:00:00Z", &[]),
        good("2011-01-01T08:30:00Z")
    );
    assert_eq!(
        leaf_status(
            &suite,
            ca1,
            "2010-06-01T00:00:00Z",
            &["deltaCRLCA1deltaCRL"]
        ),
        too_old("2010-01-01T08:30:00Z")
    );
    // A delta alone shows nothing unrevoked.
    assert_eq!(
        leaf_status(&suite, ca1, "2010-06-01T00:00:00Z", &["deltaCRLCA1CRL"]),
        CertStatus::NoCrl
    );
    // A base numbered above the delta's base.
    assert_eq!(
        leaf_status(
            &suite,
            "ValiddeltaCRLTest8EE.crt",
            "2010-09-01T00:00:00Z",
            &[]
        ),
        good("2011-01-01T08:30:00Z")
    );
    // A base numbered below it: the delta is not paired, the base alone is too old.
    assert_eq!(
        leaf_status(
            &suite,
            "InvaliddeltaCRLTest10EE.crt",
            "2010-03-01T00:00:00Z",
            &[]
        ),
        too_old("2010-01-01T08:30:00Z")
    );
    // Revoked for key compromise on 2010-06-01 08:30, in the delta only: signed the hour before with no
    // timestamp, the signature is in doubt; signed after, it is invalid.
    let test4 = "InvaliddeltaCRLTest4EE.crt";
    assert!(matches!(
        leaf_status(&suite, test4, "2010-06-01T07:30:00Z", &[]),
        CertStatus::RevokedAfterUnproven {
            reason: Some(CrlReason::KeyCompromise),
            ..
        }
    ));
    assert!(matches!(
        leaf_status(&suite, test4, "2010-06-02T00:00:00Z", &[]),
        CertStatus::RevokedBefore {
            reason: Some(CrlReason::KeyCompromise),
            ..
        }
    ));
}

/// PKITS 4.14 (distribution points, D-115): each invalid certificate for its own reason — revoked on the
/// CRL that speaks for it, or no CRL speaking for it — and the valid ones through the CRL meant for them.
#[test]
fn crl_scopes_decide_for_the_right_reason() {
    let suite = suite();
    let revoked = "RevokedBefore { date: UnixTime(1262334600), reason: Some(KeyCompromise) }";
    let expected: &[(&str, &str)] = &[
        ("ValiddistributionPointTest1", ""),
        ("InvaliddistributionPointTest2", revoked),
        // The point is not the CRL's.
        ("InvaliddistributionPointTest3", "NoCrl"),
        // Names relative to the CRL issuer, on either side.
        ("ValiddistributionPointTest4", ""),
        ("ValiddistributionPointTest5", ""),
        ("InvaliddistributionPointTest6", revoked),
        ("ValiddistributionPointTest7", ""),
        ("InvaliddistributionPointTest8", "NoCrl"),
        ("InvaliddistributionPointTest9", "NoCrl"),
        ("ValidNoissuingDistributionPointTest10", ""),
        ("InvalidonlyContainsUserCertsTest11", "NoCrl"),
        ("InvalidonlyContainsCACertsTest12", "NoCrl"),
        ("ValidonlyContainsCACertsTest13", ""),
        ("InvalidonlyContainsAttributeCertsTest14", "NoCrl"),
        // CRLs partitioned by reason: revoked on one, on hold on one, a reason left uncovered, all
        // covered by two CRLs, by two points.
        ("InvalidonlySomeReasonsTest15", revoked),
        (
            "InvalidonlySomeReasonsTest16",
            "reason: Some(CertificateHold)",
        ),
        ("InvalidonlySomeReasonsTest17", "SomeReasonsOnly"),
        ("ValidonlySomeReasonsTest18", ""),
        ("ValidonlySomeReasonsTest19", ""),
        ("InvalidonlySomeReasonsTest20", revoked),
        (
            "InvalidonlySomeReasonsTest21",
            "reason: Some(AffiliationChanged)",
        ),
        // Indirect CRLs: the CA's own, another authority's named as the point's cRLIssuer.
        ("ValidIDPwithindirectCRLTest22", ""),
        ("InvalidIDPwithindirectCRLTest23", revoked),
        ("ValidIDPwithindirectCRLTest24", ""),
        ("ValidIDPwithindirectCRLTest25", ""),
        ("InvalidIDPwithindirectCRLTest26", "NoCrl"),
        ("InvalidcRLIssuerTest27", "NoCrl"),
        ("ValidcRLIssuerTest28", ""),
        ("ValidcRLIssuerTest29", ""),
        ("ValidcRLIssuerTest30", ""),
        // Entries under a certificateIssuer extension.
        ("InvalidcRLIssuerTest31", revoked),
        ("InvalidcRLIssuerTest32", revoked),
        ("ValidcRLIssuerTest33", ""),
        ("InvalidcRLIssuerTest34", revoked),
        ("InvalidcRLIssuerTest35", "NoCrl"),
    ];
    for (test, why) in expected {
        let (name, der) = suite
            .tests
            .iter()
            .find(|(n, _)| n.starts_with(test))
            .unwrap();
        match verdict(&suite, der) {
            Ok(()) => assert!(why.is_empty(), "{name}: valid, expected {why}"),
            // The end entity's own status (the CA certificates above it are fine).
            Err(e) => assert!(
                !why.is_empty() && e.contains("EE Certificate") && e.contains(why),
                "{name}: {e}, expected {why}"
            ),
        }
    }
}

/// D-116: a hold is released by a later CRL and a released hold is not a revocation. PKITS' deltaCRL CA1
/// puts ValiddeltaCRLTest5's certificate on hold in CRL 1 (2010-01-01) and its delta (2011-01-01)
/// removes it. (A later complete CRL that no longer lists the certificate: the CLI test on
/// tests/pki/crl-scopes.)
#[test]
fn a_hold_released_by_a_later_crl_is_no_revocation() {
    let suite = suite();
    let test5 = "ValiddeltaCRLTest5EE.crt";
    let at = "2010-06-01T00:00:00Z";
    assert_eq!(
        leaf_status(&suite, test5, at, &[]),
        CertStatus::Good {
            crl_this_update: UnixTime::parse_rfc3339("2011-01-01T08:30:00Z").unwrap()
        }
    );
    // Without the delta, the base's hold stands.
    assert!(matches!(
        leaf_status(&suite, test5, at, &["deltaCRLCA1deltaCRL"]),
        CertStatus::RevokedBefore {
            reason: Some(CrlReason::CertificateHold),
            ..
        }
    ));
}

/// PKITS' initial settings (its §4.8.1 and the tests that name others): which policies the verifier
/// accepts (`None`: any), and whether it requires an explicit policy, inhibits mapping or anyPolicy.
#[derive(Clone, Copy)]
struct Settings {
    acceptable: Option<&'static [u8]>,
    explicit: bool,
    inhibit_mapping: bool,
    inhibit_any: bool,
}

const fn settings(acceptable: Option<&'static [u8]>, explicit: bool) -> Settings {
    Settings {
        acceptable,
        explicit,
        inhibit_mapping: false,
        inhibit_any: false,
    }
}

const DEFAULT: Settings = settings(None, false);
const S1: Settings = settings(None, true);
const S2: Settings = settings(Some(&[1]), true);
const S3: Settings = settings(Some(&[2]), true);
const S4: Settings = settings(Some(&[1, 2]), true);
const S5: Settings = settings(Some(&[1]), false);
const S6: Settings = settings(Some(&[2]), false);
const S7: Settings = settings(Some(&[3]), false);
const S8: Settings = Settings {
    inhibit_mapping: true,
    ..DEFAULT
};
const S9: Settings = settings(Some(&[6]), false);
const S10: Settings = Settings {
    inhibit_any: true,
    ..DEFAULT
};

impl Settings {
    /// NIST-test-policy-N is 2.16.840.1.101.3.2.1.48.N.
    fn inputs(self) -> InitialPolicies {
        InitialPolicies {
            acceptable: self.acceptable.map(|ns| {
                ns.iter()
                    .map(|n| {
                        policy_id_from_dotted(&format!("2.16.840.1.101.3.2.1.48.{n}")).unwrap()
                    })
                    .collect()
            }),
            require_explicit: self.explicit,
            inhibit_mapping: self.inhibit_mapping,
            inhibit_any: self.inhibit_any,
        }
    }
}

/// The policy tests of PKITS §4.8–4.12 run with other settings than the default, and those whose file
/// name does not say their verdict: (test, end-entity certificate, settings, valid). The expected
/// verdicts are PKITS's, as tabulated by certval (carl-wallace/rust-pki, `certval/tests/pkits_data.rs`,
/// Apache-2.0/MIT), except 4.8.10.3, which PKITS runs with NIST-test-policy-2 (certval repeats policy 1).
const POLICY_SETTINGS_TESTS: &[(&str, &str, Settings, bool)] = &[
    ("4.8.1.1", "ValidCertificatePathTest1EE", S1, true),
    ("4.8.1.2", "ValidCertificatePathTest1EE", S2, true),
    ("4.8.1.3", "ValidCertificatePathTest1EE", S3, false),
    ("4.8.1.4", "ValidCertificatePathTest1EE", S4, true),
    ("4.8.2.1", "AllCertificatesNoPoliciesTest2EE", DEFAULT, true),
    ("4.8.2.2", "AllCertificatesNoPoliciesTest2EE", S1, false),
    ("4.8.3.1", "DifferentPoliciesTest3EE", DEFAULT, true),
    ("4.8.3.2", "DifferentPoliciesTest3EE", S1, false),
    ("4.8.3.3", "DifferentPoliciesTest3EE", S4, false),
    ("4.8.4", "DifferentPoliciesTest4EE", DEFAULT, false),
    ("4.8.5", "DifferentPoliciesTest5EE", DEFAULT, false),
    ("4.8.6.1", "OverlappingPoliciesTest6EE", DEFAULT, true),
    ("4.8.6.2", "OverlappingPoliciesTest6EE", S5, true),
    ("4.8.6.3", "OverlappingPoliciesTest6EE", S6, false),
    ("4.8.7", "DifferentPoliciesTest7EE", DEFAULT, false),
    ("4.8.8", "DifferentPoliciesTest8EE", DEFAULT, false),
    ("4.8.9", "DifferentPoliciesTest9EE", DEFAULT, false),
    (
        "4.8.10.1",
        "AllCertificatesSamePoliciesTest10EE",
        DEFAULT,
        true,
    ),
    ("4.8.10.2", "AllCertificatesSamePoliciesTest10EE", S5, true),
    ("4.8.10.3", "AllCertificatesSamePoliciesTest10EE", S6, true),
    (
        "4.8.11.1",
        "AllCertificatesanyPolicyTest11EE",
        DEFAULT,
        true,
    ),
    ("4.8.11.2", "AllCertificatesanyPolicyTest11EE", S5, true),
    ("4.8.12", "DifferentPoliciesTest12EE", DEFAULT, false),
    ("4.8.13.1", "AllCertificatesSamePoliciesTest13EE", S5, true),
    ("4.8.13.2", "AllCertificatesSamePoliciesTest13EE", S6, true),
    ("4.8.13.3", "AllCertificatesSamePoliciesTest13EE", S7, true),
    ("4.8.14.1", "AnyPolicyTest14EE", S5, true),
    ("4.8.14.2", "AnyPolicyTest14EE", S6, false),
    ("4.8.15", "UserNoticeQualifierTest15EE", DEFAULT, true),
    ("4.8.16", "UserNoticeQualifierTest16EE", DEFAULT, true),
    ("4.8.17", "UserNoticeQualifierTest17EE", DEFAULT, true),
    ("4.8.18.1", "UserNoticeQualifierTest18EE", S5, true),
    ("4.8.18.2", "UserNoticeQualifierTest18EE", S6, true),
    ("4.8.19", "UserNoticeQualifierTest19EE", S6, true),
    ("4.8.20.1", "CPSPointerQualifierTest20EE", DEFAULT, true),
    ("4.8.20.2", "CPSPointerQualifierTest20EE", S1, true),
    ("4.10.1.1", "ValidPolicyMappingTest1EE", S5, true),
    ("4.10.1.2", "ValidPolicyMappingTest1EE", S6, false),
    ("4.10.1.3", "ValidPolicyMappingTest1EE", S8, false),
    ("4.10.2.2", "InvalidPolicyMappingTest2EE", S8, false),
    ("4.10.3.1", "ValidPolicyMappingTest3EE", S5, false),
    ("4.10.3.2", "ValidPolicyMappingTest3EE", S6, true),
    ("4.10.4", "InvalidPolicyMappingTest4EE", S5, false),
    ("4.10.5.1", "ValidPolicyMappingTest5EE", S5, true),
    ("4.10.5.2", "ValidPolicyMappingTest5EE", S9, false),
    ("4.10.6.1", "ValidPolicyMappingTest6EE", S5, true),
    ("4.10.6.2", "ValidPolicyMappingTest6EE", S9, false),
    ("4.10.12.1", "ValidPolicyMappingTest12EE", S5, true),
    ("4.10.12.2", "ValidPolicyMappingTest12EE", S6, true),
    ("4.12.3.1", "inhibitAnyPolicyTest3EE", DEFAULT, true),
    ("4.12.3.2", "inhibitAnyPolicyTest3EE", S10, false),
];

#[test]
fn policy_tests_under_their_initial_settings() {
    let suite = suite();
    let now = UnixTime::parse_rfc3339(NOW).unwrap();
    let issued = UnixTime::parse_rfc3339(CRLS_ISSUED).unwrap();
    let mut disagree = Vec::new();
    for (test, file, settings, valid) in POLICY_SETTINGS_TESTS {
        let der = std::fs::read(dir("certs").join(format!("{file}.crt"))).unwrap();
        let leaf = Arc::new(cert(&der).unwrap());
        let got = build_path_with(
            &leaf,
            &[],
            &suite.store,
            now,
            &NoPathCache,
            &settings.inputs(),
        )
        .map_err(|e| e.code().to_string())
        .and_then(|path| {
            let revoked = check_path(&path, &suite.crls, issued, true, &suite.store)
                .statuses
                .into_iter()
                .any(|(_, status)| !matches!(status, CertStatus::Good { .. }));
            if revoked {
                Err("revoked".to_string())
            } else {
                Ok(())
            }
        });
        let policy_failure = got.as_ref().is_err_and(|code| {
            [
                "policy_required",
                "policy_not_acceptable",
                "policy_mapping_any_policy",
            ]
            .contains(&code.as_str())
        });
        if got.is_ok() != *valid || (!valid && !policy_failure) {
            disagree.push(format!("{test} {file}: {got:?}"));
        }
    }
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
    assert_eq!(POLICY_SETTINGS_TESTS.len(), 51);
}
