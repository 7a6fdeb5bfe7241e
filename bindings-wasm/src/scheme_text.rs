//! A signature scheme as text, for a check that crosses from the verification module to the signature
//! module through JS (decisions D-123): `rsa-pkcs1:sha256`, `rsa-pss:sha384:48`, `ecdsa:sha256`,
//! `ed25519`.

use hocba_core::pki::{DigestAlgorithm, SignatureScheme};

#[cfg(feature = "verification")]
fn digest_text(d: DigestAlgorithm) -> &'static str {
    match d {
        DigestAlgorithm::Sha256 => "sha256",
        DigestAlgorithm::Sha384 => "sha384",
        DigestAlgorithm::Sha512 => "sha512",
    }
}

#[cfg(any(feature = "signature-fallback", test))]
fn digest_of(text: &str) -> Option<DigestAlgorithm> {
    match text {
        "sha256" => Some(DigestAlgorithm::Sha256),
        "sha384" => Some(DigestAlgorithm::Sha384),
        "sha512" => Some(DigestAlgorithm::Sha512),
        _ => None,
    }
}

/// `scheme` as text.
#[cfg(feature = "verification")]
pub(crate) fn scheme_text(scheme: SignatureScheme) -> String {
    match scheme {
        SignatureScheme::RsaPkcs1(d) => format!("rsa-pkcs1:{}", digest_text(d)),
        SignatureScheme::RsaPss { digest, salt_len } => {
            format!("rsa-pss:{}:{salt_len}", digest_text(digest))
        }
        SignatureScheme::Ecdsa(d) => format!("ecdsa:{}", digest_text(d)),
        SignatureScheme::Ed25519 => "ed25519".into(),
    }
}

/// The scheme [`scheme_text`] wrote, or `None`.
#[cfg(any(feature = "signature-fallback", test))]
pub(crate) fn scheme_of(text: &str) -> Option<SignatureScheme> {
    let mut parts = text.split(':');
    let scheme = match (parts.next()?, parts.next(), parts.next()) {
        ("rsa-pkcs1", Some(d), None) => SignatureScheme::RsaPkcs1(digest_of(d)?),
        ("rsa-pss", Some(d), Some(salt)) => SignatureScheme::RsaPss {
            digest: digest_of(d)?,
            salt_len: salt.parse().ok()?,
        },
        ("ecdsa", Some(d), None) => SignatureScheme::Ecdsa(digest_of(d)?),
        ("ed25519", None, None) => SignatureScheme::Ed25519,
        _ => return None,
    };
    parts.next().is_none().then_some(scheme)
}

#[cfg(all(test, feature = "verification"))]
mod tests {
    use super::*;

    #[test]
    fn every_scheme_reads_back_and_nothing_else_reads() {
        for d in [
            DigestAlgorithm::Sha256,
            DigestAlgorithm::Sha384,
            DigestAlgorithm::Sha512,
        ] {
            for scheme in [
                SignatureScheme::RsaPkcs1(d),
                SignatureScheme::RsaPss {
                    digest: d,
                    salt_len: 32,
                },
                SignatureScheme::Ecdsa(d),
                SignatureScheme::Ed25519,
            ] {
                assert_eq!(scheme_of(&scheme_text(scheme)), Some(scheme));
            }
        }
        for bad in [
            "",
            "rsa",
            "rsa-pkcs1",
            "rsa-pkcs1:md5",
            "rsa-pss:sha256",
            "rsa-pss:sha256:-1",
            "ecdsa:sha256:1",
            "ed25519:sha512",
            "RSA-PKCS1:sha256",
        ] {
            assert_eq!(scheme_of(bad), None, "{bad}");
        }
    }
}
