//! The browser's own signature arithmetic (WebCrypto) for verification, D-87.
//!
//! WebAssembly has no 64×64→128-bit multiply, so RSA and ECDSA in pure Rust run 7–30× slower here than
//! natively, while every browser and Node 20 ship a native, constant-time implementation behind
//! `crypto.subtle`. WebCrypto is asynchronous and the core is not, so a verification runs in passes:
//!
//! 1. The core verifies with a [`PathCache`] whose [`PathCache::known_signature`] answers from the
//!    outcomes known so far; a check it does not know yet is written down as a [`Request`] and assumed
//!    valid for this pass.
//! 2. The JS layer (`js/webcrypto.js`) runs the requests with `crypto.subtle.verify` and hands the outcomes
//!    back ([`Exchange::answer`]). A request WebCrypto cannot run (an RSA-PSS key encoding it refuses, …)
//!    is computed here by the core's RustCrypto backend instead.
//! 3. If every assumed outcome was valid, the pass saw exactly what a verification with the real
//!    outcomes sees (the core is deterministic), so its report stands; otherwise the next pass runs with
//!    the outcomes now known. Each pass adds answers, so this ends; after [`MAX_PASSES`] every unknown
//!    check is computed here.
//!
//! The policy (accepted algorithms, key sizes, the key's fit to the scheme, strict DER of ECDSA
//! signatures) is decided by the core before it asks, so only arithmetic is delegated and reports do not
//! depend on who did it (the Node tests compare both on every shared vector). Ed25519 stays in Rust: its
//! strict verification rules (small-order keys, non-canonical points) differ between implementations.

use std::cell::RefCell;
use std::collections::BTreeMap;

use hocba_core::pki::{
    verify_raw_signature, AlgorithmError, CertInfo, DigestAlgorithm, PathCache, PublicKey,
    SignatureScheme,
};

/// How many passes may ask WebCrypto before the remaining unknown checks are computed in WebAssembly.
/// A genuine record needs one; each invalid signature on a tried path can add one.
pub(crate) const MAX_PASSES: usize = 4;

/// One signature check for `crypto.subtle.verify`.
#[derive(Debug)]
pub(crate) struct Request {
    /// The outcome's key in [`Exchange`] (the check's inputs, length-prefixed).
    id: Vec<u8>,
    /// The WebCrypto algorithm, as JSON: `{"name", "hash", "namedCurve"?, "saltLength"?}`.
    pub algorithm: String,
    /// The SHA-256 hex of the SubjectPublicKeyInfo and the algorithm: imported keys are reused by it.
    pub key_id: String,
    /// DER SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// The signed bytes.
    pub message: Vec<u8>,
    /// The signature as WebCrypto takes it (`r || s` for ECDSA).
    pub signature: Vec<u8>,
    /// What the core's backend needs if WebCrypto cannot run it.
    scheme: SignatureScheme,
    signature_der: Vec<u8>,
}

/// The WebCrypto name of a digest.
fn digest_name(d: DigestAlgorithm) -> &'static str {
    match d {
        DigestAlgorithm::Sha256 => "SHA-256",
        DigestAlgorithm::Sha384 => "SHA-384",
        DigestAlgorithm::Sha512 => "SHA-512",
    }
}

/// The WebCrypto algorithm for `scheme` with `key`, or `None` when the check stays in Rust.
fn algorithm(key: &PublicKey, scheme: SignatureScheme) -> Option<String> {
    match (key, scheme) {
        (PublicKey::Rsa(_), SignatureScheme::RsaPkcs1(d)) => Some(format!(
            r#"{{"name":"RSASSA-PKCS1-v1_5","hash":"{}"}}"#,
            digest_name(d)
        )),
        (PublicKey::Rsa(_), SignatureScheme::RsaPss { digest, salt_len }) => Some(format!(
            r#"{{"name":"RSA-PSS","hash":"{}","saltLength":{salt_len}}}"#,
            digest_name(digest)
        )),
        (PublicKey::P256(_) | PublicKey::P384(_), SignatureScheme::Ecdsa(d)) => Some(format!(
            r#"{{"name":"ECDSA","namedCurve":"P-{}","hash":"{}"}}"#,
            key.bits(),
            digest_name(d)
        )),
        _ => None,
    }
}

/// The key of a check's outcome: every input, length-prefixed so that no two checks share one.
fn outcome_id(spki: &[u8], scheme: SignatureScheme, message: &[u8], signature: &[u8]) -> Vec<u8> {
    let scheme = format!("{scheme:?}");
    let mut id = Vec::with_capacity(spki.len() + message.len() + signature.len() + 48);
    for part in [spki, scheme.as_bytes(), message, signature] {
        id.extend_from_slice(&u32::try_from(part.len()).unwrap_or(u32::MAX).to_be_bytes());
        id.extend_from_slice(part);
    }
    id
}

/// The outcomes known for one verification and the checks its last pass asked for.
#[derive(Debug, Default)]
pub(crate) struct Exchange {
    known: BTreeMap<Vec<u8>, Result<(), AlgorithmError>>,
    pending: Vec<Request>,
}

impl Exchange {
    /// The checks the last pass assumed valid.
    pub fn pending(&self) -> &[Request] {
        &self.pending
    }

    /// Takes the outcomes of the pending checks, in order: 1 valid, 0 invalid, anything else "WebCrypto
    /// could not run it" (computed here). Returns whether every one is valid, i.e. whether the last
    /// pass's report stands.
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        let mut all_valid = outcomes.len() == self.pending.len();
        for (request, &outcome) in self.pending.drain(..).zip(outcomes) {
            let result = match outcome {
                1 => Ok(()),
                0 => Err(AlgorithmError::BadSignature),
                _ => verify_raw_signature(
                    request.scheme,
                    &request.spki,
                    &request.message,
                    &request.signature_der,
                ),
            };
            all_valid &= result.is_ok();
            self.known.insert(request.id, result);
        }
        all_valid
    }

    /// The memo for one pass: `delegate` false computes every unknown check here (the last pass, or no
    /// WebCrypto).
    pub fn pass(&mut self, delegate: bool) -> Pass<'_> {
        self.pending.clear();
        Pass {
            known: &self.known,
            pending: RefCell::new(&mut self.pending),
            delegate,
        }
    }
}

/// The [`PathCache`] of one pass: it remembers nothing across verifications (as the core's default
/// `verify` does), it only answers signature checks whose outcome is known or assumed.
pub(crate) struct Pass<'a> {
    known: &'a BTreeMap<Vec<u8>, Result<(), AlgorithmError>>,
    pending: RefCell<&'a mut Vec<Request>>,
    delegate: bool,
}

impl PathCache for Pass<'_> {
    fn known_signature(
        &self,
        signer: &CertInfo,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        if !self.delegate && self.known.is_empty() {
            return None; // all in WebAssembly (`Verifier::verify`): nothing to look up or write down
        }
        let id = outcome_id(&signer.spki_der, scheme, message, signature);
        if let Some(outcome) = self.known.get(&id) {
            return Some(outcome.clone());
        }
        if !self.delegate {
            return None;
        }
        let key = signer.key.as_ref().ok()?;
        let algorithm = algorithm(key, scheme)?;
        // An RSA signature is exactly as long as the modulus. OpenSSL would also take one with its leading
        // zero bytes cut off; RustCrypto and AWS-LC do not, so such a signature is judged here.
        if matches!(key, PublicKey::Rsa(_)) && signature.len() != key.bits().div_ceil(8) {
            return None;
        }
        let fixed = match scheme {
            SignatureScheme::Ecdsa(_) => match key.ecdsa_signature_fixed(signature) {
                Ok(fixed) => fixed,
                // DER the core refuses: decided without any arithmetic, as the backend decides it.
                Err(e) => return Some(Err(e)),
            },
            _ => signature.to_vec(),
        };
        let mut pending = self.pending.borrow_mut();
        if !pending.iter().any(|r| r.id == id) {
            let key_id = hocba_core::canonical::sha256_hex(
                &[signer.spki_der.as_slice(), algorithm.as_bytes()].concat(),
            );
            pending.push(Request {
                id,
                algorithm,
                key_id,
                spki: signer.spki_der.clone(),
                message: message.to_vec(),
                signature: fixed,
                scheme,
                signature_der: signature.to_vec(),
            });
        }
        // Assumed for this pass; the pass's report stands only if WebCrypto confirms it.
        Some(Ok(()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn cert(name: &str) -> CertInfo {
        let path = format!(
            "{}/../tests/pki/certs/{name}.pem",
            env!("CARGO_MANIFEST_DIR")
        );
        CertInfo::load_many(&std::fs::read(path).unwrap())
            .unwrap()
            .remove(0)
    }

    #[test]
    fn rsa_and_ecdsa_checks_are_delegated_once_and_assumed_valid_until_answered() {
        let rsa = cert("gvcn");
        let p256 = cert("seal-p256");
        let scheme = rsa.scheme.clone().unwrap();
        let rsa_sig = vec![7u8; rsa.key.as_ref().unwrap().bits().div_ceil(8)];
        let mut exchange = Exchange::default();
        {
            let pass = exchange.pass(true);
            for _ in 0..2 {
                assert_eq!(
                    pass.known_signature(&rsa, scheme, b"message", &rsa_sig),
                    Some(Ok(()))
                );
            }
            // A short RSA signature and ECDSA DER the core refuses are never asked for.
            assert_eq!(
                pass.known_signature(&rsa, scheme, b"message", &rsa_sig[1..]),
                None
            );
            let ecdsa = SignatureScheme::Ecdsa(DigestAlgorithm::Sha256);
            assert_eq!(
                pass.known_signature(&p256, ecdsa, b"message", &[0x30, 0x03, 0x02, 0x01, 0x00]),
                Some(Err(AlgorithmError::BadSignature))
            );
        }
        assert_eq!(
            exchange.pending().len(),
            1,
            "one request for the same check"
        );
        let request = &exchange.pending()[0];
        assert!(
            request.algorithm.contains("RSASSA-PKCS1-v1_5")
                || request.algorithm.contains("RSA-PSS")
        );
        assert_eq!(request.signature, rsa_sig);
        // Refuted: the next pass knows it and asks nothing.
        assert!(!exchange.answer(&[0]));
        assert_eq!(
            exchange
                .pass(true)
                .known_signature(&rsa, scheme, b"message", &rsa_sig),
            Some(Err(AlgorithmError::BadSignature))
        );
        assert!(exchange.pending().is_empty());
        // Without delegation unknown checks are left to the core.
        let pass = exchange.pass(false);
        assert_eq!(pass.known_signature(&rsa, scheme, b"other", &rsa_sig), None);
    }
}
