//! The trust store: trust anchors (roots) and untrusted intermediates that help build paths.
//!
//! Vietnam has two hierarchies, and both fit: the national root (Root CA of the National Electronic
//! Authentication Centre, over the licensed public CAs) and the Government Cipher Committee root (VGCA,
//! over state bodies and public schools). Each is simply an anchor here; an anchor may be a self-signed
//! root or any certificate the verifier chooses to trust. Intermediates in the store are never trusted on
//! their own: they only supply links a signature's embedded chain may lack, and the certificates of CRL
//! signers other than a certificate's own issuer — a CA's renewed key (D-109), an indirect CRL's
//! authority (D-115) — whose paths must reach the same anchor.
//!
//! Certificate signatures between store certificates are checked once, when the store is built, and
//! remembered, so that verifying many records does not re-verify the same CA links.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::algorithms::AlgorithmError;
use super::cache::{NoPathCache, PathCache};
use super::cert::{CertInfo, CertificateError};
use crate::time::UnixTime;

/// A store of anchors and intermediates, immutable once built (cheap to share between threads).
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    anchors: Vec<Arc<CertInfo>>,
    intermediates: Vec<Arc<CertInfo>>,
    /// Certificate signatures already checked: (child fingerprint, issuer fingerprint).
    verified_links: BTreeSet<([u8; 32], [u8; 32])>,
    /// When the trust list was last updated, as told by the frontend (shown in reports).
    pub as_of: Option<UnixTime>,
    /// Where the trust list came from (shown in reports), e.g. a directory or a list's name.
    pub source: Option<String>,
}

/// The store cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustStoreError {
    /// A certificate cannot be read.
    #[error("{source_name}: {error}")]
    Certificate {
        /// Which input.
        source_name: String,
        /// Why.
        error: CertificateError,
    },
    /// No trust anchor at all.
    #[error("the trust store has no trust anchor (no self-signed root certificate)")]
    NoAnchor,
}

impl TrustStoreError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            TrustStoreError::Certificate { error, .. } => error.code(),
            TrustStoreError::NoAnchor => "trust_store_empty",
        }
    }
}

/// Is `cert` a root: self-issued, and signed by its own key? A root's self-signature proves nothing —
/// its trust comes from being placed in the store (RFC 5280 §6.1.1 d) — and many roots still in service
/// were self-signed with SHA-1, which hocba refuses for every signature it relies on: such a
/// self-signature is not checked, only that the certificate names its own key (no authority key
/// identifier, or its own) (decisions D-102). The check tells roots from the self-issued certificates of
/// a CA's key rollover, which its old key signed.
fn is_root(cert: &CertInfo, cache: &dyn PathCache) -> bool {
    if !cert.is_self_issued() {
        return false;
    }
    let refused_digest = matches!(
        cert.scheme,
        Err(AlgorithmError::Sha1Rejected { .. } | AlgorithmError::WeakDigest { .. })
    );
    if refused_digest {
        cert.aki.is_none() || cert.aki == cert.ski
    } else {
        cert.verify_signed_by_in(cert, cache).is_ok()
    }
}

impl TrustStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> TrustStore {
        TrustStore::default()
    }

    /// Adds a trust anchor.
    pub fn add_anchor(&mut self, cert: CertInfo) {
        if !self.contains(&cert.fingerprint) {
            self.anchors.push(Arc::new(cert));
        }
    }

    /// Adds an untrusted intermediate (used only to build paths).
    pub fn add_intermediate(&mut self, cert: CertInfo) {
        if !self.contains(&cert.fingerprint) {
            self.intermediates.push(Arc::new(cert));
        }
    }

    /// Adds every certificate of a PEM or DER file: self-signed certificates become anchors, the others
    /// intermediates.
    ///
    /// # Errors
    /// [`TrustStoreError::Certificate`].
    pub fn add_file(&mut self, source_name: &str, bytes: &[u8]) -> Result<(), TrustStoreError> {
        let certs = CertInfo::load_many(bytes).map_err(|error| TrustStoreError::Certificate {
            source_name: source_name.into(),
            error,
        })?;
        self.add_certificates_in(certs, &NoPathCache);
        Ok(())
    }

    /// Adds decoded certificates as [`TrustStore::add_file`] does (roots become anchors, the others
    /// intermediates), asking `cache` for the outcome of each self-signature check
    /// ([`PathCache::known_signature`]): how the WebAssembly verification module leaves the arithmetic
    /// to the platform, reading its files once and building the store in passes (decisions D-87, D-123).
    pub fn add_certificates_in(
        &mut self,
        certs: impl IntoIterator<Item = CertInfo>,
        cache: &dyn PathCache,
    ) {
        for cert in certs {
            if is_root(&cert, cache) {
                self.add_anchor(cert);
            } else {
                self.add_intermediate(cert);
            }
        }
    }

    /// Checks the store's CA links once and returns the finished store.
    ///
    /// # Errors
    /// [`TrustStoreError::NoAnchor`].
    pub fn finish(self) -> Result<TrustStore, TrustStoreError> {
        self.finish_in(&NoPathCache)
    }

    /// [`TrustStore::finish`], asking `cache` for the outcome of each link's signature check
    /// ([`PathCache::known_signature`], as [`TrustStore::add_certificates_in`]).
    ///
    /// # Errors
    /// [`TrustStoreError::NoAnchor`].
    pub fn finish_in(mut self, cache: &dyn PathCache) -> Result<TrustStore, TrustStoreError> {
        if self.anchors.is_empty() {
            return Err(TrustStoreError::NoAnchor);
        }
        let mut links = BTreeSet::new();
        for child in self.intermediates.iter().chain(self.anchors.iter()) {
            for issuer in self.intermediates.iter().chain(self.anchors.iter()) {
                if child.may_be_issued_by(issuer)
                    && child.verify_signed_by_in(issuer, cache).is_ok()
                {
                    links.insert((child.fingerprint, issuer.fingerprint));
                }
            }
        }
        self.verified_links = links;
        Ok(self)
    }

    fn contains(&self, fingerprint: &[u8; 32]) -> bool {
        self.anchors
            .iter()
            .chain(self.intermediates.iter())
            .any(|c| &c.fingerprint == fingerprint)
    }

    /// The trust anchors.
    #[must_use]
    pub fn anchors(&self) -> &[Arc<CertInfo>] {
        &self.anchors
    }

    /// The intermediates.
    #[must_use]
    pub fn intermediates(&self) -> &[Arc<CertInfo>] {
        &self.intermediates
    }

    /// Is this certificate a trust anchor?
    #[must_use]
    pub fn is_anchor(&self, fingerprint: &[u8; 32]) -> bool {
        self.anchors.iter().any(|c| &c.fingerprint == fingerprint)
    }

    /// Was the signature of `child` by `issuer` checked when the store was built?
    #[must_use]
    pub fn link_verified(&self, child: &[u8; 32], issuer: &[u8; 32]) -> bool {
        self.verified_links.contains(&(*child, *issuer))
    }

    /// The store's own copy of a certificate, if it has one.
    #[must_use]
    pub fn find(&self, fingerprint: &[u8; 32]) -> Option<&Arc<CertInfo>> {
        self.anchors
            .iter()
            .chain(self.intermediates.iter())
            .find(|c| &c.fingerprint == fingerprint)
    }
}
