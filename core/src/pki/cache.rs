//! A memo of the verification work that depends only on bytes, passed in by the caller so that a batch
//! pays for each distinct certificate once (design §6) while the core keeps no state of its own.
//!
//! Two things are remembered, both pure functions of the bytes they are keyed by, so a verification with
//! a cache gives exactly the report it gives without one (core/tests/verify_cache.rs checks every vector):
//! - decoded certificates ([`CertInfo`]), keyed by the SHA-256 of their DER;
//! - signature checks of a certificate or a CRL by an issuer's key, keyed by the SHA-256 of the signed
//!   object and the issuer certificate's fingerprint.
//!
//! Nothing that depends on time is cached: validity periods, CRL dates and revocation are judged again
//! for every record at its own signing time, which costs comparisons, not public-key operations. Keying
//! by a signing-time window is therefore unnecessary: a certificate path is built from the cached
//! certificates and links, and only its time checks run per record.

use alloc::sync::Arc;

use super::algorithms::{AlgorithmError, SignatureScheme};
use super::cert::CertInfo;
use super::trust_store::TrustStore;

/// Where verification may remember and find work already done. Implementations must return exactly
/// what they were given (or nothing); they may forget at any time — so every method defaults to
/// remembering nothing, and an implementation overrides only what it keeps.
pub trait PathCache {
    /// A certificate decoded earlier, by the SHA-256 of its DER.
    fn certificate(&self, _der_sha256: &[u8; 32]) -> Option<Arc<CertInfo>> {
        None
    }
    /// Remembers a decoded certificate.
    fn put_certificate(&self, _der_sha256: [u8; 32], _cert: Arc<CertInfo>) {}
    /// The outcome of checking the signature on `signed` (a certificate's or CRL's SHA-256) with the key
    /// of the certificate whose fingerprint is `signer`.
    fn signature(
        &self,
        _signed: &[u8; 32],
        _signer: &[u8; 32],
    ) -> Option<Result<(), AlgorithmError>> {
        None
    }
    /// Remembers such an outcome.
    fn put_signature(
        &self,
        _signed: [u8; 32],
        _signer: [u8; 32],
        _outcome: Result<(), AlgorithmError>,
    ) {
    }
    /// The outcome of checking `signature` over `message` with `signer`'s key, when this memo knows it
    /// without the core computing it: a caller whose platform checks signatures (the browser's WebCrypto,
    /// see `hocba-wasm`) answers here. Asked only after the policy accepted the key and the scheme fits
    /// it, so refusals never depend on who does the arithmetic. `None` (the default): the core computes.
    fn known_signature(
        &self,
        _signer: &CertInfo,
        _scheme: SignatureScheme,
        _message: &[u8],
        _signature: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        None
    }
}

/// No memo: every verification does all its work (what [`crate::verify::verify`] uses).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPathCache;

impl PathCache for NoPathCache {}

/// Looks a signature check up in `cache`, or runs `check` and remembers its outcome.
pub(crate) fn memo_signature(
    cache: &dyn PathCache,
    signed: &[u8; 32],
    signer: &[u8; 32],
    check: impl FnOnce() -> Result<(), AlgorithmError>,
) -> Result<(), AlgorithmError> {
    if let Some(outcome) = cache.signature(signed, signer) {
        return outcome;
    }
    let outcome = check();
    cache.put_signature(*signed, *signer, outcome.clone());
    outcome
}

/// A memo that answers first from the trust store: its certificates are already decoded and its links
/// were checked when it was built, so an intermediate embedded in a CMS (as most signers send theirs)
/// costs neither a decoding nor a public-key operation, even with no cache of the caller's. New work is
/// remembered in `inner`.
pub(crate) struct TrustStoreFirst<'a> {
    /// The verification's trust store.
    pub store: &'a TrustStore,
    /// The caller's memo.
    pub inner: &'a dyn PathCache,
}

impl PathCache for TrustStoreFirst<'_> {
    fn certificate(&self, der_sha256: &[u8; 32]) -> Option<Arc<CertInfo>> {
        match self.store.find(der_sha256) {
            Some(cert) => Some(Arc::clone(cert)),
            None => self.inner.certificate(der_sha256),
        }
    }
    fn put_certificate(&self, der_sha256: [u8; 32], cert: Arc<CertInfo>) {
        self.inner.put_certificate(der_sha256, cert);
    }
    fn signature(
        &self,
        signed: &[u8; 32],
        signer: &[u8; 32],
    ) -> Option<Result<(), AlgorithmError>> {
        if self.store.link_verified(signed, signer) {
            return Some(Ok(()));
        }
        self.inner.signature(signed, signer)
    }
    fn put_signature(
        &self,
        signed: [u8; 32],
        signer: [u8; 32],
        outcome: Result<(), AlgorithmError>,
    ) {
        self.inner.put_signature(signed, signer, outcome);
    }
    fn known_signature(
        &self,
        signer: &CertInfo,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Option<Result<(), AlgorithmError>> {
        self.inner
            .known_signature(signer, scheme, message, signature)
    }
}

#[cfg(feature = "std")]
pub use shared::SharedPathCache;

#[cfg(feature = "std")]
mod shared {
    use super::{AlgorithmError, Arc, CertInfo, PathCache};
    use std::collections::HashMap;
    use std::sync::RwLock;

    type SignatureKey = ([u8; 32], [u8; 32]);

    /// A bounded, thread-safe [`PathCache`] for batch verification (std only). When full it stops
    /// remembering, so memory stays flat whatever the number of distinct certificates.
    #[derive(Debug)]
    pub struct SharedPathCache {
        certificates: RwLock<HashMap<[u8; 32], Arc<CertInfo>>>,
        signatures: RwLock<HashMap<SignatureKey, Result<(), AlgorithmError>>>,
        capacity: usize,
    }

    impl SharedPathCache {
        /// A cache of at most `capacity` certificates and `4 × capacity` signature outcomes.
        #[must_use]
        pub fn new(capacity: usize) -> SharedPathCache {
            SharedPathCache {
                certificates: RwLock::new(HashMap::new()),
                signatures: RwLock::new(HashMap::new()),
                capacity,
            }
        }

        /// How many certificates and signature outcomes it holds.
        #[must_use]
        pub fn len(&self) -> (usize, usize) {
            (
                self.certificates.read().map_or(0, |m| m.len()),
                self.signatures.read().map_or(0, |m| m.len()),
            )
        }

        /// Holds nothing?
        #[must_use]
        pub fn is_empty(&self) -> bool {
            self.len() == (0, 0)
        }
    }

    impl Default for SharedPathCache {
        /// Room for 65,536 distinct certificates (a whole province's signers).
        fn default() -> Self {
            SharedPathCache::new(65_536)
        }
    }

    // A poisoned lock (a panic elsewhere while holding it) only turns the memo off: every lookup misses.
    impl PathCache for SharedPathCache {
        fn certificate(&self, der_sha256: &[u8; 32]) -> Option<Arc<CertInfo>> {
            self.certificates.read().ok()?.get(der_sha256).cloned()
        }

        fn put_certificate(&self, der_sha256: [u8; 32], cert: Arc<CertInfo>) {
            if let Ok(mut m) = self.certificates.write() {
                if m.len() < self.capacity {
                    m.insert(der_sha256, cert);
                }
            }
        }

        fn signature(
            &self,
            signed: &[u8; 32],
            signer: &[u8; 32],
        ) -> Option<Result<(), AlgorithmError>> {
            self.signatures
                .read()
                .ok()?
                .get(&(*signed, *signer))
                .cloned()
        }

        fn put_signature(
            &self,
            signed: [u8; 32],
            signer: [u8; 32],
            outcome: Result<(), AlgorithmError>,
        ) {
            if let Ok(mut m) = self.signatures.write() {
                if m.len() < self.capacity.saturating_mul(4) {
                    m.insert((signed, signer), outcome);
                }
            }
        }
    }
}
