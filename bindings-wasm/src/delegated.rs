//! Signature checks the verification module leaves to JS (decisions D-87, D-123).
//!
//! The verification module holds no public-key arithmetic. Every RSA, ECDSA and Ed25519 check goes to
//! JS, which runs it with the platform's own crypto (`crypto.subtle` in browsers, `node:crypto` in Node:
//! native, constant-time, and WebAssembly has no 64×64→128-bit multiply that would make RustCrypto fast
//! here) or, when the platform cannot (Ed25519, whose strict rules differ between implementations; a key
//! encoding WebCrypto refuses; a page without `crypto.subtle`), with the signature module, RustCrypto
//! compiled on its own and loaded only then (`signatures.rs`). JS is asynchronous and the core is not,
//! so a verification — and the building of a trust store, whose CA links are signatures too — runs in
//! passes:
//!
//! 1. The core runs with a [`PathCache`] whose [`PathCache::known_signature`] answers from the outcomes
//!    known so far; a check it does not know yet is written down as a [`Request`] and assumed valid for
//!    this pass.
//! 2. JS runs the written checks and hands the outcomes back ([`Exchange::answer`]).
//! 3. If every assumed outcome was valid, the pass saw exactly what a run with the real outcomes sees
//!    (the core is deterministic), so its result stands; otherwise the next pass runs with the outcomes
//!    now known. Each such pass learns at least one outcome, and a run asks finitely many checks (the
//!    path search has a budget), so this ends.
//!
//! The policy (accepted algorithms, key sizes, the key's fit to the scheme, strict DER of ECDSA
//! signatures) is decided by the core before it asks, so only arithmetic is delegated and reports do not
//! depend on who did it (the Node tests compare every shared vector with the native CLI, and the
//! wasm-bindgen tests run the same passes against RustCrypto in one module).

use std::cell::RefCell;
use std::collections::BTreeMap;

use hocba_core::pki::{
    AlgorithmError, CertInfo, DigestAlgorithm, PathCache, PublicKey, SignatureScheme,
};

use crate::scheme_text::scheme_text;

/// One signature check for JS to run.
#[derive(Debug)]
pub(crate) struct Request {
    /// The outcome's key in [`Exchange`] (the check's inputs, length-prefixed).
    id: Vec<u8>,
    /// The WebCrypto algorithm, as JSON: `{"name", "hash", "namedCurve"?, "saltLength"?}`; empty when
    /// the platform must not run it (the signature module does).
    pub algorithm: String,
    /// The SHA-256 hex of the SubjectPublicKeyInfo and the algorithm: imported keys are reused by it.
    pub key_id: String,
    /// DER SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// The signed bytes.
    pub message: Vec<u8>,
    /// The signature as WebCrypto takes it (`r || s` for ECDSA).
    pub signature: Vec<u8>,
    /// The scheme as the signature module reads it (`scheme_text`).
    pub scheme: String,
    /// The signature as the certificate, CMS or CRL carries it, for the signature module.
    pub signature_der: Vec<u8>,
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

/// The key of a check's outcome: every input (the scheme as `scheme_text`), length-prefixed so that no
/// two checks share one.
fn outcome_id(spki: &[u8], scheme: &str, message: &[u8], signature: &[u8]) -> Vec<u8> {
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

    /// Takes the outcomes of the pending checks, in order: 1 valid, 0 invalid, anything else "could not
    /// be computed" (the signature module did not load: offline, blocked), which the report shows as a
    /// check that could not decide, never as invalid. Returns whether every one is valid, i.e. whether the
    /// last pass's result stands.
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        let mut all_valid = outcomes.len() == self.pending.len();
        for (request, &outcome) in self.pending.drain(..).zip(outcomes) {
            let result = match outcome {
                1 => Ok(()),
                0 => Err(AlgorithmError::BadSignature),
                _ => Err(AlgorithmError::ArithmeticUnavailable),
            };
            all_valid &= result.is_ok();
            self.known.insert(request.id, result);
        }
        all_valid
    }

    /// A field of pending check `i`, or its empty value when there is no such check.
    pub fn pending_field<T: Clone + Default>(&self, i: usize, field: impl Fn(&Request) -> &T) -> T {
        self.pending
            .get(i)
            .map(|r| field(r).clone())
            .unwrap_or_default()
    }

    /// Whether some check could not be computed (answered 2): the signature module did not load.
    pub fn any_unavailable(&self) -> bool {
        self.known
            .values()
            .any(|o| *o == Err(AlgorithmError::ArithmeticUnavailable))
    }

    /// The memo for one pass.
    pub fn pass(&mut self) -> Pass<'_> {
        self.pending.clear();
        Pass {
            known: &self.known,
            pending: RefCell::new(&mut self.pending),
        }
    }
}

/// A job run in passes — a trust store, a verification, a QR stub's verification: its exchange, the last
/// pass's result, and whether that result stands.
#[derive(Debug)]
pub(crate) struct Passes<R> {
    pub exchange: Exchange,
    result: Option<R>,
    settled: bool,
}

impl<R> Default for Passes<R> {
    fn default() -> Self {
        Passes {
            exchange: Exchange::default(),
            result: None,
            settled: false,
        }
    }
}

impl<R> Passes<R> {
    /// A result that needed no pass (computed with every signature at hand).
    #[cfg(all(feature = "signature-fallback", feature = "rules"))]
    pub fn done(result: R) -> Self {
        Passes {
            exchange: Exchange::default(),
            result: Some(result),
            settled: true,
        }
    }

    /// Runs one pass, `job` given the pass's memo; returns the number of checks it left pending (none:
    /// its result stands).
    pub fn run(&mut self, job: impl FnOnce(&Pass<'_>) -> R) -> usize {
        self.result = Some(job(&self.exchange.pass()));
        let pending = self.exchange.pending().len();
        self.settled = pending == 0;
        pending
    }

    /// Takes the outcomes of the pending checks ([`Exchange::answer`]); true when the last pass's
    /// result stands.
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        self.settled = self.exchange.answer(outcomes);
        self.settled
    }

    /// Forgets the result: the job could not run.
    pub fn clear(&mut self) {
        self.result = None;
        self.settled = false;
    }

    /// The result, once it stands.
    pub fn settled(&self) -> Option<&R> {
        self.result.as_ref().filter(|_| self.settled)
    }
}

/// The [`PathCache`] of one pass: it remembers nothing across verifications (as the core's default
/// `verify` does), it only answers signature checks whose outcome is known or assumed.
pub(crate) struct Pass<'a> {
    known: &'a BTreeMap<Vec<u8>, Result<(), AlgorithmError>>,
    pending: RefCell<&'a mut Vec<Request>>,
}

impl PathCache for Pass<'_> {
    fn known_signature(
        &self,
        signer: &CertInfo,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        let scheme_name = scheme_text(scheme);
        let id = outcome_id(&signer.spki_der, &scheme_name, message, signature);
        if let Some(outcome) = self.known.get(&id) {
            return Some(outcome.clone());
        }
        // The core asks only once it accepted the key; a key it refused is its own answer.
        let key = match signer.key.as_ref() {
            Ok(key) => key,
            Err(e) => return Some(Err(e.clone())),
        };
        let mut platform = algorithm(key, scheme);
        let fixed = match scheme {
            // DER the core refuses: decided without any arithmetic, as the backend decides it.
            SignatureScheme::Ecdsa(_) => match key.ecdsa_signature_fixed(signature) {
                Ok(fixed) => fixed,
                Err(e) => return Some(Err(e)),
            },
            // An RSA signature is exactly as long as the modulus. OpenSSL would also take one with its
            // leading zero bytes cut off; RustCrypto and AWS-LC do not, so the signature module judges it.
            SignatureScheme::RsaPkcs1(_) | SignatureScheme::RsaPss { .. } => {
                if signature.len() != key.bits().div_ceil(8) {
                    platform = None;
                }
                signature.to_vec()
            }
            SignatureScheme::Ed25519 => signature.to_vec(),
        };
        let mut pending = self.pending.borrow_mut();
        if !pending.iter().any(|r| r.id == id) {
            let algorithm = platform.unwrap_or_default();
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
                scheme: scheme_name,
                signature_der: signature.to_vec(),
            });
        }
        // Assumed for this pass; the pass's result stands only if JS confirms it.
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
    fn every_check_is_delegated_once_and_assumed_valid_until_answered() {
        let rsa = cert("gvcn");
        let p256 = cert("seal-p256");
        let scheme = rsa.scheme.clone().unwrap();
        let rsa_sig = vec![7u8; rsa.key.as_ref().unwrap().bits().div_ceil(8)];
        let mut exchange = Exchange::default();
        {
            let pass = exchange.pass();
            for _ in 0..2 {
                assert_eq!(
                    pass.known_signature(&rsa, scheme, b"message", &rsa_sig),
                    Some(Ok(()))
                );
            }
            // A short RSA signature is asked for too, but of the signature module, not the platform.
            assert_eq!(
                pass.known_signature(&rsa, scheme, b"message", &rsa_sig[1..]),
                Some(Ok(()))
            );
            // ECDSA DER the core refuses is decided here, without asking.
            let ecdsa = SignatureScheme::Ecdsa(DigestAlgorithm::Sha256);
            assert_eq!(
                pass.known_signature(&p256, ecdsa, b"message", &[0x30, 0x03, 0x02, 0x01, 0x00]),
                Some(Err(AlgorithmError::BadSignature))
            );
        }
        let pending = exchange.pending();
        assert_eq!(pending.len(), 2, "one request for the same check");
        assert!(
            pending[0].algorithm.contains("RSASSA-PKCS1-v1_5")
                || pending[0].algorithm.contains("RSA-PSS")
        );
        assert_eq!(pending[0].signature, rsa_sig);
        assert_eq!(pending[0].scheme, scheme_text(scheme));
        assert_eq!(
            pending[1].algorithm, "",
            "the short signature is not for the platform"
        );
        assert_eq!(pending[1].signature_der, rsa_sig[1..]);
        // Refuted, and not computable: the next pass knows both and asks nothing.
        assert!(!exchange.answer(&[0, 2]));
        {
            let pass = exchange.pass();
            assert_eq!(
                pass.known_signature(&rsa, scheme, b"message", &rsa_sig),
                Some(Err(AlgorithmError::BadSignature))
            );
            assert_eq!(
                pass.known_signature(&rsa, scheme, b"message", &rsa_sig[1..]),
                Some(Err(AlgorithmError::ArithmeticUnavailable))
            );
        }
        assert!(exchange.pending().is_empty());
        assert!(exchange.any_unavailable());
        // Confirmed: the pass stands.
        {
            let pass = exchange.pass();
            assert_eq!(
                pass.known_signature(&rsa, scheme, b"other", &rsa_sig),
                Some(Ok(()))
            );
        }
        assert!(exchange.answer(&[1]));
    }
}
