//! A software signer over an unencrypted PKCS#8 key (feature `software-signer`), for tests and the CLI.
//!
//! Production keys of teachers and schools live in USB tokens or remote-signing services; those sign
//! [`ToBeSigned`] themselves. This signer exists so that the test PKI, the CLI and the benchmarks can
//! sign without one. RSA private-key operations use blinding (random) and RSASSA-PSS a random salt, both
//! from the operating system's generator.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use der::Decode;
use pkcs8::DecodePrivateKey;
use rand_core::OsRng;
use signature::hazmat::PrehashSigner;
use signature::Signer;

use super::prepare::{PrepareOptions, ToBeSigned};
use super::profile::Role;
use super::{assemble, prepare};
use crate::pki::algorithms::oid;
use crate::pki::{CertInfo, DigestAlgorithm, SignatureScheme};
use crate::time::UnixTime;
use crate::Lang;

/// Why a software key cannot sign.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SoftwareSignerError {
    /// Not an unencrypted PKCS#8 key.
    #[error("not an unencrypted PKCS#8 private key: {detail}")]
    KeyMalformed {
        /// The decoder's words.
        detail: String,
    },
    /// A key type hocba does not sign with.
    #[error("unsupported private key algorithm {oid}")]
    UnsupportedKey {
        /// Its OID.
        oid: String,
    },
    /// The key cannot make the signature the certificate's scheme needs.
    #[error("the private key does not fit the certificate ({detail})")]
    KeyCertificateMismatch {
        /// What differs.
        detail: String,
    },
    /// The signing operation failed.
    #[error("signing failed: {detail}")]
    Signing {
        /// The library's words.
        detail: String,
    },
    /// Preparing the attributes failed.
    #[error(transparent)]
    Prepare(#[from] super::prepare::PrepareError),
    /// Assembling the CMS failed (for instance: the key is not the certificate's).
    #[error(transparent)]
    Assemble(#[from] super::assemble::AssembleError),
}

impl SoftwareSignerError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            SoftwareSignerError::KeyMalformed { .. } => "key_malformed",
            SoftwareSignerError::UnsupportedKey { .. } => "key_unsupported",
            SoftwareSignerError::KeyCertificateMismatch { .. } => "key_certificate_mismatch",
            SoftwareSignerError::Signing { .. } => "signing_failed",
            SoftwareSignerError::Prepare(e) => e.code(),
            SoftwareSignerError::Assemble(e) => e.code(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SoftwareSignerError::Prepare(e), _) => e.message(lang),
            (SoftwareSignerError::Assemble(e), _) => e.message(lang),
            (e, Lang::En) => e.to_string(),
            (SoftwareSignerError::KeyMalformed { detail }, Lang::Vi) => {
                alloc::format!("không phải khoá bí mật PKCS#8 không mã hoá: {detail}")
            }
            (SoftwareSignerError::UnsupportedKey { oid }, Lang::Vi) => {
                alloc::format!("không hỗ trợ thuật toán khoá bí mật {oid}")
            }
            (SoftwareSignerError::KeyCertificateMismatch { detail }, Lang::Vi) => {
                alloc::format!("khoá bí mật không khớp với chứng thư số ({detail})")
            }
            (SoftwareSignerError::Signing { detail }, Lang::Vi) => {
                alloc::format!("ký thất bại: {detail}")
            }
        }
    }
}

enum Key {
    Rsa(rsa::RsaPrivateKey),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
}

/// A private key in memory.
pub struct SoftwareSigner {
    key: Key,
}

impl core::fmt::Debug for SoftwareSigner {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kind = match self.key {
            Key::Rsa(_) => "RSA",
            Key::P256(_) => "P-256",
            Key::P384(_) => "P-384",
            Key::Ed25519(_) => "Ed25519",
        };
        f.debug_struct("SoftwareSigner")
            .field("key", &kind)
            .finish()
    }
}

fn malformed(e: &dyn core::fmt::Display) -> SoftwareSignerError {
    SoftwareSignerError::KeyMalformed {
        detail: e.to_string(),
    }
}

impl SoftwareSigner {
    /// Reads a `-----BEGIN PRIVATE KEY-----` PEM (PKCS#8, unencrypted).
    ///
    /// # Errors
    /// [`SoftwareSignerError::KeyMalformed`] or [`SoftwareSignerError::UnsupportedKey`].
    pub fn from_pkcs8_pem(pem: &str) -> Result<SoftwareSigner, SoftwareSignerError> {
        let (label, der_bytes) =
            der::pem::decode_vec(pem.trim().as_bytes()).map_err(|e| malformed(&e))?;
        if label != "PRIVATE KEY" {
            return Err(malformed(&alloc::format!(
                "PEM label `{label}`, expected `PRIVATE KEY` (convert with `openssl pkcs8 -topk8 -nocrypt`)"
            )));
        }
        Self::from_pkcs8_der(&der_bytes)
    }

    /// Reads a DER PKCS#8 key.
    ///
    /// # Errors
    /// [`SoftwareSignerError::KeyMalformed`] or [`SoftwareSignerError::UnsupportedKey`].
    pub fn from_pkcs8_der(der_bytes: &[u8]) -> Result<SoftwareSigner, SoftwareSignerError> {
        let info = pkcs8::PrivateKeyInfo::from_der(der_bytes).map_err(|e| malformed(&e))?;
        let key = match info.algorithm.oid {
            oid::RSA_ENCRYPTION | oid::RSASSA_PSS => {
                use rsa::pkcs1::DecodeRsaPrivateKey;
                Key::Rsa(
                    rsa::RsaPrivateKey::from_pkcs1_der(info.private_key)
                        .map_err(|e| malformed(&e))?,
                )
            }
            oid::EC_PUBLIC_KEY => {
                let curve: const_oid::ObjectIdentifier = info
                    .algorithm
                    .parameters
                    .ok_or_else(|| malformed(&"the EC key names no curve"))?
                    .decode_as()
                    .map_err(|e| malformed(&e))?;
                match curve {
                    oid::P256 => Key::P256(
                        p256::ecdsa::SigningKey::from_pkcs8_der(der_bytes)
                            .map_err(|e| malformed(&e))?,
                    ),
                    oid::P384 => Key::P384(
                        p384::ecdsa::SigningKey::from_pkcs8_der(der_bytes)
                            .map_err(|e| malformed(&e))?,
                    ),
                    other => {
                        return Err(SoftwareSignerError::UnsupportedKey {
                            oid: other.to_string(),
                        })
                    }
                }
            }
            oid::ED25519 => Key::Ed25519(
                ed25519_dalek::SigningKey::from_pkcs8_der(der_bytes).map_err(|e| malformed(&e))?,
            ),
            other => {
                return Err(SoftwareSignerError::UnsupportedKey {
                    oid: other.to_string(),
                })
            }
        };
        Ok(SoftwareSigner { key })
    }

    /// The raw signature over `tbs.bytes` in the scheme `tbs` asks for (ECDSA as DER).
    ///
    /// # Errors
    /// [`SoftwareSignerError::KeyCertificateMismatch`] or [`SoftwareSignerError::Signing`].
    pub fn sign(&self, tbs: &ToBeSigned) -> Result<Vec<u8>, SoftwareSignerError> {
        let failed = |e: &dyn core::fmt::Display| SoftwareSignerError::Signing {
            detail: e.to_string(),
        };
        let digest = tbs.digest.as_deref().unwrap_or(&[]);
        match (&self.key, tbs.scheme) {
            (Key::Rsa(k), SignatureScheme::RsaPkcs1(d)) => {
                let padding = match d {
                    DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                    DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                    DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
                };
                k.sign_with_rng(&mut OsRng, padding, digest)
                    .map_err(|e| failed(&e))
            }
            (
                Key::Rsa(k),
                SignatureScheme::RsaPss {
                    digest: d,
                    salt_len,
                },
            ) => {
                let padding = match d {
                    DigestAlgorithm::Sha256 => rsa::Pss::new_with_salt::<sha2::Sha256>(salt_len),
                    DigestAlgorithm::Sha384 => rsa::Pss::new_with_salt::<sha2::Sha384>(salt_len),
                    DigestAlgorithm::Sha512 => rsa::Pss::new_with_salt::<sha2::Sha512>(salt_len),
                };
                k.sign_with_rng(&mut OsRng, padding, digest)
                    .map_err(|e| failed(&e))
            }
            (Key::P256(k), SignatureScheme::Ecdsa(_)) => {
                let sig: p256::ecdsa::Signature = k.sign_prehash(digest).map_err(|e| failed(&e))?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            (Key::P384(k), SignatureScheme::Ecdsa(_)) => {
                let sig: p384::ecdsa::Signature = k.sign_prehash(digest).map_err(|e| failed(&e))?;
                Ok(sig.to_der().as_bytes().to_vec())
            }
            (Key::Ed25519(k), SignatureScheme::Ed25519) => {
                Ok(k.sign(&tbs.bytes).to_bytes().to_vec())
            }
            (_, scheme) => Err(SoftwareSignerError::KeyCertificateMismatch {
                detail: alloc::format!("the certificate asks for {}", scheme.name()),
            }),
        }
    }

    /// Prepares, signs and assembles in one step: the detached CMS (DER) over `content`.
    ///
    /// # Errors
    /// [`SoftwareSignerError`].
    pub fn sign_content(
        &self,
        content: &[u8],
        role: Role,
        chain: &[CertInfo],
        signing_time: UnixTime,
        options: PrepareOptions,
    ) -> Result<Vec<u8>, SoftwareSignerError> {
        let tbs = prepare::prepare(content, role, chain, signing_time, options)?;
        let signature = self.sign(&tbs)?;
        Ok(assemble::assemble(&tbs, &signature)?)
    }
}
