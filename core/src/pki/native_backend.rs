//! The native signature backend (feature `native-crypto`): AWS-LC through `aws-lc-rs`, for the CLI and
//! servers that verify many records. RustCrypto stays the default and the only backend of the no_std and
//! wasm builds (docs/decisions.md, "native backend").
//!
//! Only the arithmetic moves here. The key has already been decoded and judged by the policy in
//! [`super::algorithms`] (weak keys, curves, SHA-1, unknown algorithms are refused there, with the same
//! codes whichever backend runs), and the caller has checked that the key fits the scheme. Every outcome
//! of a native check is either "verifies" or [`AlgorithmError::BadSignature`].

use alloc::vec::Vec;

use aws_lc_rs::signature::{
    self as lc, EcdsaVerificationAlgorithm, ParsedPublicKey, RsaParameters, RsaPublicKeyComponents,
    UnparsedPublicKey, VerificationAlgorithm,
};
use rsa::traits::PublicKeyParts;

use super::algorithms::{AlgorithmError, DigestAlgorithm, PublicKey, SignatureScheme};

/// Checks `signature` over `message` natively, or returns `None` when AWS-LC has no fixed algorithm for
/// the combination, so that the caller falls back to RustCrypto.
///
/// The one combination without a native algorithm: RSASSA-PSS whose salt length differs from the digest
/// length (aws-lc-rs only takes a custom salt length through a `'static` parameter set, and hocba accepts
/// whatever salt length the signature's parameters name).
pub(crate) fn verify(
    key: &PublicKey,
    scheme: SignatureScheme,
    message: &[u8],
    signature: &[u8],
) -> Option<Result<(), AlgorithmError>> {
    let verified = match (key, scheme) {
        (PublicKey::Rsa(k), SignatureScheme::RsaPkcs1(d)) => {
            rsa_verify(k, pkcs1(d), message, signature)
        }
        (PublicKey::Rsa(k), SignatureScheme::RsaPss { digest, salt_len }) => {
            if salt_len != digest.output_len() {
                return None; // RustCrypto fallback, see above
            }
            rsa_verify(k, pss(digest), message, signature)
        }
        (PublicKey::P256(k), SignatureScheme::Ecdsa(d)) => {
            ecdsa_verify(p256_alg(d), k.sec1_uncompressed(), message, signature)
        }
        (PublicKey::P384(k), SignatureScheme::Ecdsa(d)) => {
            ecdsa_verify(p384_alg(d), k.sec1_uncompressed(), message, signature)
        }
        (PublicKey::Ed25519(k), SignatureScheme::Ed25519) => {
            // RFC 8032 with the checks of ed25519-dalek's `verify_strict` (canonical S, no small-order
            // R or A) that AWS-LC does not make: the RustCrypto check decides the policy part first.
            if !ed25519_strict_preconditions(k, signature) {
                return Some(Err(AlgorithmError::BadSignature));
            }
            UnparsedPublicKey::new(&lc::ED25519, k.as_bytes())
                .verify(message, signature)
                .is_ok()
        }
        // A key that does not fit the scheme is reported by the caller.
        _ => return None,
    };
    Some(if verified {
        Ok(())
    } else {
        Err(AlgorithmError::BadSignature)
    })
}

/// A certificate's key as AWS-LC parsed it, for the first scheme it verified with (in practice a key
/// verifies with one scheme: a CA's certificates, a signer's CMS). Parsing builds the big-number and
/// Montgomery state (RSA) or the validated point (ECDSA): ≈5 µs a verification that a trust-store CA
/// or a cached signer need not pay again. Nothing but the parse is remembered, never an outcome.
#[derive(Clone, Default)]
pub(crate) struct ParsedKeyCache(std::sync::OnceLock<Option<(SignatureScheme, ParsedPublicKey)>>);

impl core::fmt::Debug for ParsedKeyCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ParsedKeyCache")
    }
}

/// [`verify`] through `cache`: the key (given as its SubjectPublicKeyInfo DER) is parsed on first use.
pub(crate) fn verify_parsed(
    cache: &ParsedKeyCache,
    spki_der: &[u8],
    key: &PublicKey,
    scheme: SignatureScheme,
    message: &[u8],
    signature: &[u8],
) -> Option<Result<(), AlgorithmError>> {
    let entry = cache.0.get_or_init(|| {
        let algorithm = algorithm_for(key, scheme)?;
        let parsed = ParsedPublicKey::new(algorithm, spki_der).ok()?;
        Some((scheme, parsed))
    });
    match entry {
        Some((parsed_for, parsed)) if *parsed_for == scheme => Some(
            parsed
                .verify_sig(message, signature)
                .map_err(|_| AlgorithmError::BadSignature),
        ),
        // Another scheme, or a key AWS-LC would not parse: the unparsed path decides, as before.
        _ => verify(key, scheme, message, signature),
    }
}

/// The AWS-LC algorithm for a key and scheme that [`verify`] would check natively (Ed25519 is left to
/// [`verify`] for its strictness preconditions).
fn algorithm_for(
    key: &PublicKey,
    scheme: SignatureScheme,
) -> Option<&'static dyn VerificationAlgorithm> {
    match (key, scheme) {
        (PublicKey::Rsa(_), SignatureScheme::RsaPkcs1(d)) => Some(pkcs1(d)),
        (PublicKey::Rsa(_), SignatureScheme::RsaPss { digest, salt_len })
            if salt_len == digest.output_len() =>
        {
            Some(pss(digest))
        }
        (PublicKey::P256(_), SignatureScheme::Ecdsa(d)) => Some(p256_alg(d)),
        (PublicKey::P384(_), SignatureScheme::Ecdsa(d)) => Some(p384_alg(d)),
        _ => None,
    }
}

fn pkcs1(d: DigestAlgorithm) -> &'static RsaParameters {
    match d {
        DigestAlgorithm::Sha256 => &lc::RSA_PKCS1_2048_8192_SHA256,
        DigestAlgorithm::Sha384 => &lc::RSA_PKCS1_2048_8192_SHA384,
        DigestAlgorithm::Sha512 => &lc::RSA_PKCS1_2048_8192_SHA512,
    }
}

fn pss(d: DigestAlgorithm) -> &'static RsaParameters {
    match d {
        DigestAlgorithm::Sha256 => &lc::RSA_PSS_2048_8192_SHA256,
        DigestAlgorithm::Sha384 => &lc::RSA_PSS_2048_8192_SHA384,
        DigestAlgorithm::Sha512 => &lc::RSA_PSS_2048_8192_SHA512,
    }
}

fn p256_alg(d: DigestAlgorithm) -> &'static EcdsaVerificationAlgorithm {
    match d {
        DigestAlgorithm::Sha256 => &lc::ECDSA_P256_SHA256_ASN1,
        DigestAlgorithm::Sha384 => &lc::ECDSA_P256_SHA384_ASN1,
        DigestAlgorithm::Sha512 => &lc::ECDSA_P256_SHA512_ASN1,
    }
}

fn p384_alg(d: DigestAlgorithm) -> &'static EcdsaVerificationAlgorithm {
    match d {
        DigestAlgorithm::Sha256 => &lc::ECDSA_P384_SHA256_ASN1,
        DigestAlgorithm::Sha384 => &lc::ECDSA_P384_SHA384_ASN1,
        DigestAlgorithm::Sha512 => &lc::ECDSA_P384_SHA512_ASN1,
    }
}

fn rsa_verify(
    key: &rsa::RsaPublicKey,
    params: &'static RsaParameters,
    message: &[u8],
    signature: &[u8],
) -> bool {
    let n: Vec<u8> = key.n().to_bytes_be();
    let e: Vec<u8> = key.e().to_bytes_be();
    RsaPublicKeyComponents { n, e }
        .verify(params, message, signature)
        .is_ok()
}

fn ecdsa_verify(
    alg: &'static EcdsaVerificationAlgorithm,
    point: &[u8],
    message: &[u8],
    signature: &[u8],
) -> bool {
    UnparsedPublicKey::new(alg, point)
        .verify(message, signature)
        .is_ok()
}

/// The parts of ed25519-dalek's `verify_strict` beyond RFC 8032 that AWS-LC does not check: the key and
/// the signature's R must not be of small order. (AWS-LC already rejects a non-canonical S.)
fn ed25519_strict_preconditions(key: &ed25519_dalek::VerifyingKey, signature: &[u8]) -> bool {
    if key.is_weak() {
        return false;
    }
    let Some(r) = signature.get(..32) else {
        return false;
    };
    let Ok(r) = <[u8; 32]>::try_from(r) else {
        return false;
    };
    // A small-order R decodes as a "weak" verifying key (its 8-torsion test is the same).
    ed25519_dalek::VerifyingKey::from_bytes(&r).is_ok_and(|r| !r.is_weak())
}
