//! The algorithm and key-size policy, and the one function that checks a raw signature.
//!
//! Accepted (Circular 15/2025/TT-BKHCN floor and design §3): RSA PKCS#1 v1.5 and RSASSA-PSS with keys of
//! at least 2048 bits, ECDSA on P-256 and P-384, Ed25519; digests SHA-256, SHA-384 and SHA-512. SHA-1,
//! MD5, short keys, other curves and unknown algorithms are refused, each with its own code. Every
//! signature hocba checks — CMS signer infos, certificates, CRLs, timestamp tokens, and the Wycheproof
//! vectors in the tests — goes through [`verify_raw_signature`] / [`PublicKey::verify`].
//!
//! Key decoding and the policy are part of the feature `verify`; the arithmetic of the RustCrypto
//! backend is the feature `signature-arithmetic`. Without it (the WebAssembly verification module,
//! whose platform does the arithmetic through WebCrypto and `PathCache::known_signature`), keys are
//! decoded and judged identically — EC points by [`super::ec_point`] instead of `p256`/`p384` — and a
//! RustCrypto check answers [`AlgorithmError::ArithmeticUnavailable`].

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::Decode;
use rsa::traits::PublicKeyParts;
use sha2::Digest;
#[cfg(feature = "signature-arithmetic")]
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoRef};

use super::ec_point::{P256Point, P384Point};
use crate::Lang;

/// OIDs of the algorithms hocba knows (accepted or refused by name).
pub mod oid {
    use const_oid::ObjectIdentifier as Oid;

    /// rsaEncryption (RFC 8017).
    pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
    /// id-RSASSA-PSS.
    pub const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
    /// id-mgf1.
    pub const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
    /// sha256WithRSAEncryption.
    pub const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
    /// sha384WithRSAEncryption.
    pub const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
    /// sha512WithRSAEncryption.
    pub const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
    /// sha1WithRSAEncryption (refused).
    pub const SHA1_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
    /// md5WithRSAEncryption (refused).
    pub const MD5_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.4");
    /// md2WithRSAEncryption (refused).
    pub const MD2_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.2");
    /// id-ecPublicKey.
    pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
    /// prime256v1 / P-256.
    pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
    /// secp384r1 / P-384.
    pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
    /// ecdsa-with-SHA1 (refused).
    pub const ECDSA_SHA1: Oid = Oid::new_unwrap("1.2.840.10045.4.1");
    /// ecdsa-with-SHA256.
    pub const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
    /// ecdsa-with-SHA384.
    pub const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
    /// ecdsa-with-SHA512.
    pub const ECDSA_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
    /// id-Ed25519 (RFC 8410).
    pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
    /// id-sha1 (refused).
    pub const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
    /// id-md5 (refused).
    pub const MD5: Oid = Oid::new_unwrap("1.2.840.113549.2.5");
    /// id-sha256.
    pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
    /// id-sha384.
    pub const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
    /// id-sha512.
    pub const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
}

/// Smallest RSA modulus accepted, in bits.
pub const MIN_RSA_BITS: usize = 2048;
/// Largest RSA modulus accepted, in bits (bounds the cost of one verification).
pub const MAX_RSA_BITS: usize = 8192;

/// Why an algorithm, a key or a signature is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AlgorithmError {
    /// SHA-1 (as a digest or inside a signature algorithm).
    #[error("SHA-1 is refused ({algorithm})")]
    Sha1Rejected {
        /// The algorithm named.
        algorithm: String,
    },
    /// MD5, MD2 and other broken digests.
    #[error("the digest {algorithm} is refused")]
    WeakDigest {
        /// The algorithm named.
        algorithm: String,
    },
    /// An algorithm hocba does not know.
    #[error("unknown or unsupported algorithm {oid}")]
    UnknownAlgorithm {
        /// Its OID.
        oid: String,
    },
    /// A key below the floor.
    #[error("{algorithm} key of {bits} bits is too weak (at least {minimum} bits)")]
    WeakKey {
        /// RSA or EC.
        algorithm: &'static str,
        /// The key's size.
        bits: usize,
        /// The floor.
        minimum: usize,
    },
    /// An RSA key too large to verify at bounded cost.
    #[error("RSA key of {bits} bits is larger than {maximum} bits")]
    KeyTooLarge {
        /// The key's size.
        bits: usize,
        /// The ceiling.
        maximum: usize,
    },
    /// An elliptic curve other than P-256 and P-384.
    #[error("unsupported elliptic curve {oid}")]
    UnsupportedCurve {
        /// The curve's OID.
        oid: String,
    },
    /// RSASSA-PSS parameters hocba does not accept (MGF1 with another digest, trailer field, ...).
    #[error("unsupported RSASSA-PSS parameters: {detail}")]
    UnsupportedPssParameters {
        /// What is wrong.
        detail: String,
    },
    /// The signature algorithm does not fit the key (ECDSA with an RSA key, ...).
    #[error("a {scheme} signature cannot be made with a {key} key")]
    KeyAlgorithmMismatch {
        /// The signature scheme.
        scheme: &'static str,
        /// The key type.
        key: &'static str,
    },
    /// The CMS digest algorithm differs from the one named in the signature algorithm.
    #[error("digest algorithm {digest} differs from the signature algorithm's {signature}")]
    InconsistentDigest {
        /// The CMS digestAlgorithm.
        digest: &'static str,
        /// The digest in the signature algorithm.
        signature: &'static str,
    },
    /// The public key cannot be decoded.
    #[error("malformed public key: {detail}")]
    MalformedKey {
        /// The decoder's words.
        detail: String,
    },
    /// The signature does not verify.
    #[error("the signature does not verify")]
    BadSignature,
    /// This build has no signature arithmetic of its own (hocba-core without the feature
    /// `signature-arithmetic`): the platform checks signatures (`PathCache::known_signature`).
    #[error("this build cannot check signatures itself: its signature arithmetic is left to the platform")]
    ArithmeticUnavailable,
}

impl AlgorithmError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            AlgorithmError::Sha1Rejected { .. } => "sha1_rejected",
            AlgorithmError::WeakDigest { .. } => "weak_digest",
            AlgorithmError::UnknownAlgorithm { .. } => "unknown_algorithm",
            AlgorithmError::WeakKey { .. } => "weak_key",
            AlgorithmError::KeyTooLarge { .. } => "key_too_large",
            AlgorithmError::UnsupportedCurve { .. } => "unsupported_curve",
            AlgorithmError::UnsupportedPssParameters { .. } => "unsupported_pss_parameters",
            AlgorithmError::KeyAlgorithmMismatch { .. } => "key_algorithm_mismatch",
            AlgorithmError::InconsistentDigest { .. } => "inconsistent_digest",
            AlgorithmError::MalformedKey { .. } => "malformed_key",
            AlgorithmError::BadSignature => "signature_invalid",
            AlgorithmError::ArithmeticUnavailable => "signature_arithmetic_unavailable",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Vi => match self {
                AlgorithmError::Sha1Rejected { algorithm } => {
                    format!("không chấp nhận SHA-1 ({algorithm}): thuật toán băm đã bị phá vỡ")
                }
                AlgorithmError::WeakDigest { algorithm } => {
                    format!("không chấp nhận thuật toán băm yếu {algorithm}")
                }
                AlgorithmError::UnknownAlgorithm { oid } => {
                    format!("thuật toán {oid} không được biết hoặc không được hỗ trợ")
                }
                AlgorithmError::WeakKey {
                    algorithm,
                    bits,
                    minimum,
                } => format!(
                    "khoá {algorithm} {bits} bit quá yếu (tối thiểu {minimum} bit theo Thông tư 15/2025/TT-BKHCN)"
                ),
                AlgorithmError::KeyTooLarge { bits, maximum } => {
                    format!("khoá RSA {bits} bit lớn hơn mức tối đa {maximum} bit")
                }
                AlgorithmError::UnsupportedCurve { oid } => {
                    format!("đường cong elliptic {oid} không được hỗ trợ (chỉ P-256, P-384)")
                }
                AlgorithmError::UnsupportedPssParameters { detail } => {
                    format!("tham số RSASSA-PSS không được hỗ trợ: {detail}")
                }
                AlgorithmError::KeyAlgorithmMismatch { scheme, key } => {
                    format!("chữ ký {scheme} không thể tạo bằng khoá {key}")
                }
                AlgorithmError::InconsistentDigest { digest, signature } => format!(
                    "thuật toán băm {digest} khác với thuật toán băm {signature} của thuật toán ký"
                ),
                AlgorithmError::MalformedKey { detail } => {
                    format!("khoá công khai sai cấu trúc: {detail}")
                }
                AlgorithmError::BadSignature => String::from("chữ ký không khớp"),
                AlgorithmError::ArithmeticUnavailable => String::from(
                    "bản dựng này không tự kiểm tra được chữ ký: phần tính toán chữ ký do nền tảng đảm nhận",
                ),
            },
        }
    }
}

/// A digest algorithm of the SHA-2 family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DigestAlgorithm {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl DigestAlgorithm {
    /// Its OID.
    #[must_use]
    pub const fn oid(self) -> ObjectIdentifier {
        match self {
            DigestAlgorithm::Sha256 => oid::SHA256,
            DigestAlgorithm::Sha384 => oid::SHA384,
            DigestAlgorithm::Sha512 => oid::SHA512,
        }
    }

    /// Its name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            DigestAlgorithm::Sha256 => "SHA-256",
            DigestAlgorithm::Sha384 => "SHA-384",
            DigestAlgorithm::Sha512 => "SHA-512",
        }
    }

    /// Output length in bytes.
    #[must_use]
    pub const fn output_len(self) -> usize {
        match self {
            DigestAlgorithm::Sha256 => 32,
            DigestAlgorithm::Sha384 => 48,
            DigestAlgorithm::Sha512 => 64,
        }
    }

    /// The digest algorithm an OID names.
    ///
    /// # Errors
    /// SHA-1, weak or unknown digests.
    pub fn from_oid(o: &ObjectIdentifier) -> Result<Self, AlgorithmError> {
        match *o {
            oid::SHA256 => Ok(DigestAlgorithm::Sha256),
            oid::SHA384 => Ok(DigestAlgorithm::Sha384),
            oid::SHA512 => Ok(DigestAlgorithm::Sha512),
            oid::SHA1 => Err(AlgorithmError::Sha1Rejected {
                algorithm: "SHA-1".into(),
            }),
            oid::MD5 => Err(AlgorithmError::WeakDigest {
                algorithm: "MD5".into(),
            }),
            _ => Err(AlgorithmError::UnknownAlgorithm { oid: o.to_string() }),
        }
    }

    /// Hashes `data`.
    #[must_use]
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            DigestAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
            DigestAlgorithm::Sha384 => sha2::Sha384::digest(data).to_vec(),
            DigestAlgorithm::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    /// As an AlgorithmIdentifier (parameters absent, RFC 5754).
    #[must_use]
    pub fn algorithm_identifier(self) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: self.oid(),
            parameters: None,
        }
    }
}

/// A signature scheme with its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5.
    RsaPkcs1(DigestAlgorithm),
    /// RSASSA-PSS with MGF1 over the same digest and the given salt length.
    RsaPss {
        /// Message digest and MGF1 digest.
        digest: DigestAlgorithm,
        /// Salt length in bytes.
        salt_len: usize,
    },
    /// ECDSA (curve given by the key), DER-encoded signature.
    Ecdsa(DigestAlgorithm),
    /// PureEdDSA on edwards25519.
    Ed25519,
}

impl SignatureScheme {
    /// Its name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SignatureScheme::RsaPkcs1(_) => "RSA PKCS#1 v1.5",
            SignatureScheme::RsaPss { .. } => "RSASSA-PSS",
            SignatureScheme::Ecdsa(_) => "ECDSA",
            SignatureScheme::Ed25519 => "Ed25519",
        }
    }

    /// The digest named by the scheme (`None` for Ed25519, which signs the message itself).
    #[must_use]
    pub const fn digest(self) -> Option<DigestAlgorithm> {
        match self {
            SignatureScheme::RsaPkcs1(d)
            | SignatureScheme::RsaPss { digest: d, .. }
            | SignatureScheme::Ecdsa(d) => Some(d),
            SignatureScheme::Ed25519 => None,
        }
    }

    /// A signature algorithm identifier of an X.509 certificate, CRL or of a CMS signer whose digest is
    /// part of the algorithm.
    ///
    /// # Errors
    /// SHA-1, weak, unknown algorithms, bad PSS parameters.
    pub fn from_algorithm_identifier(
        alg: &AlgorithmIdentifierOwned,
    ) -> Result<Self, AlgorithmError> {
        use DigestAlgorithm::{Sha256, Sha384, Sha512};
        match alg.oid {
            oid::SHA256_WITH_RSA => Ok(SignatureScheme::RsaPkcs1(Sha256)),
            oid::SHA384_WITH_RSA => Ok(SignatureScheme::RsaPkcs1(Sha384)),
            oid::SHA512_WITH_RSA => Ok(SignatureScheme::RsaPkcs1(Sha512)),
            oid::ECDSA_SHA256 => Ok(SignatureScheme::Ecdsa(Sha256)),
            oid::ECDSA_SHA384 => Ok(SignatureScheme::Ecdsa(Sha384)),
            oid::ECDSA_SHA512 => Ok(SignatureScheme::Ecdsa(Sha512)),
            oid::ED25519 => Ok(SignatureScheme::Ed25519),
            oid::RSASSA_PSS => pss_from_parameters(alg.parameters.as_ref()),
            oid::SHA1_WITH_RSA => Err(AlgorithmError::Sha1Rejected {
                algorithm: "sha1WithRSAEncryption".into(),
            }),
            oid::ECDSA_SHA1 => Err(AlgorithmError::Sha1Rejected {
                algorithm: "ecdsa-with-SHA1".into(),
            }),
            oid::MD5_WITH_RSA => Err(AlgorithmError::WeakDigest {
                algorithm: "md5WithRSAEncryption".into(),
            }),
            oid::MD2_WITH_RSA => Err(AlgorithmError::WeakDigest {
                algorithm: "md2WithRSAEncryption".into(),
            }),
            other => Err(AlgorithmError::UnknownAlgorithm {
                oid: other.to_string(),
            }),
        }
    }

    /// The scheme of a CMS SignerInfo: its `signatureAlgorithm` may be a bare key algorithm
    /// (`rsaEncryption`, as OpenSSL writes) whose digest is the SignerInfo's `digestAlgorithm`.
    ///
    /// # Errors
    /// As [`SignatureScheme::from_algorithm_identifier`], plus a digest that differs between the two
    /// fields.
    pub fn from_cms(
        signature_algorithm: &AlgorithmIdentifierOwned,
        digest: DigestAlgorithm,
    ) -> Result<Self, AlgorithmError> {
        let scheme = match signature_algorithm.oid {
            oid::RSA_ENCRYPTION => SignatureScheme::RsaPkcs1(digest),
            oid::EC_PUBLIC_KEY => SignatureScheme::Ecdsa(digest),
            _ => Self::from_algorithm_identifier(signature_algorithm)?,
        };
        match scheme {
            // RFC 8419: with signed attributes, Ed25519 uses SHA-512 for the message digest.
            SignatureScheme::Ed25519 => {
                if digest != DigestAlgorithm::Sha512 {
                    return Err(AlgorithmError::InconsistentDigest {
                        digest: digest.name(),
                        signature: DigestAlgorithm::Sha512.name(),
                    });
                }
            }
            // RFC 5754 allows any SHA-2 message digest with ECDSA; the scheme's digest must match RSA's.
            SignatureScheme::RsaPkcs1(d) | SignatureScheme::RsaPss { digest: d, .. } => {
                if d != digest {
                    return Err(AlgorithmError::InconsistentDigest {
                        digest: digest.name(),
                        signature: d.name(),
                    });
                }
            }
            SignatureScheme::Ecdsa(_) => {}
        }
        Ok(scheme)
    }

    /// The AlgorithmIdentifier hocba writes for this scheme.
    ///
    /// # Errors
    /// Encoding of PSS parameters (never in practice).
    pub fn algorithm_identifier(self) -> Result<AlgorithmIdentifierOwned, der::Error> {
        use DigestAlgorithm::{Sha256, Sha384, Sha512};
        let plain = |oid| AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        };
        Ok(match self {
            SignatureScheme::RsaPkcs1(d) => AlgorithmIdentifierOwned {
                oid: match d {
                    Sha256 => oid::SHA256_WITH_RSA,
                    Sha384 => oid::SHA384_WITH_RSA,
                    Sha512 => oid::SHA512_WITH_RSA,
                },
                parameters: Some(der::Any::null()),
            },
            SignatureScheme::Ecdsa(d) => plain(match d {
                Sha256 => oid::ECDSA_SHA256,
                Sha384 => oid::ECDSA_SHA384,
                Sha512 => oid::ECDSA_SHA512,
            }),
            SignatureScheme::Ed25519 => plain(oid::ED25519),
            SignatureScheme::RsaPss { digest, salt_len } => {
                let hash = AlgorithmIdentifierOwned {
                    oid: digest.oid(),
                    parameters: Some(der::Any::null()),
                };
                let mgf = AlgorithmIdentifierOwned {
                    oid: oid::MGF1,
                    parameters: Some(der::Any::encode_from(&hash)?),
                };
                let salt = u32::try_from(salt_len).map_err(|_| der::Tag::Integer.value_error())?;
                let params = PssParamsOut {
                    hash,
                    mgf,
                    salt_len: salt,
                };
                AlgorithmIdentifierOwned {
                    oid: oid::RSASSA_PSS,
                    parameters: Some(der::Any::encode_from(&params)?),
                }
            }
        })
    }
}

/// RSASSA-PSS-params as hocba writes them (trailer field omitted: its default, 1).
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
struct PssParamsOut {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    hash: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT")]
    mgf: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT")]
    salt_len: u32,
}

/// RSASSA-PSS-params (RFC 8017 A.2.3) as hocba reads them, each field's DEFAULT left to the caller.
/// `pkcs1::RsaPssParams` holds the salt length in a `u8`, but OpenSSL signs with the largest salt the key
/// allows unless told otherwise (`openssl cms -sign -keyopt rsa_padding_mode:pss`: 350 bytes for RSA-3072
/// with SHA-256, 446 for RSA-4096 with SHA-512), so its parameters could not be read (decisions D-94).
struct PssParamsIn {
    hash: Option<AlgorithmIdentifierOwned>,
    mask_gen: Option<AlgorithmIdentifierOwned>,
    salt_len: Option<u32>,
    trailer_field: Option<u32>,
}

impl der::FixedTag for PssParamsIn {
    const TAG: der::Tag = der::Tag::Sequence;
}

impl<'a> der::DecodeValue<'a> for PssParamsIn {
    fn decode_value<R: der::Reader<'a>>(reader: &mut R, header: der::Header) -> der::Result<Self> {
        use der::Reader as _;
        reader.read_nested(header.length, |r| {
            // [0]..[3] EXPLICIT, each OPTIONAL, in increasing order: anything else is malformed (der's
            // `context_specific` would skip a lower-numbered field out of place instead).
            let mut fields: [Option<der::Any>; 4] = Default::default();
            let mut next = 0;
            while !r.is_finished() {
                let field = der::asn1::ContextSpecific::<der::Any>::decode(r)?;
                let n = usize::from(field.tag_number.value());
                if n < next || n >= fields.len() {
                    return Err(der::Tag::Sequence.value_error());
                }
                fields[n] = Some(field.value);
                next = n + 1;
            }
            let [hash, mask_gen, salt_len, trailer_field] = fields;
            Ok(Self {
                hash: hash.map(|a| a.decode_as()).transpose()?,
                mask_gen: mask_gen.map(|a| a.decode_as()).transpose()?,
                salt_len: salt_len.map(|a| a.decode_as()).transpose()?,
                trailer_field: trailer_field.map(|a| a.decode_as()).transpose()?,
            })
        })
    }
}

fn pss_from_parameters(params: Option<&der::Any>) -> Result<SignatureScheme, AlgorithmError> {
    let bad = |detail: &str| AlgorithmError::UnsupportedPssParameters {
        detail: detail.into(),
    };
    let params: PssParamsIn = params
        .ok_or_else(|| bad("parameters are absent"))?
        .decode_as()
        .map_err(|e| bad(&format!("parameters are malformed ({e})")))?;
    // The DEFAULTs are SHA-1 (hash and MGF1), refused by name like every other use of SHA-1.
    let digest = match &params.hash {
        Some(hash) => DigestAlgorithm::from_oid(&hash.oid)?,
        None => DigestAlgorithm::from_oid(&oid::SHA1)?,
    };
    let mgf_digest = match &params.mask_gen {
        None => DigestAlgorithm::from_oid(&oid::SHA1)?,
        Some(mask_gen) if mask_gen.oid != oid::MGF1 => {
            return Err(bad("the mask generation function is not MGF1"))
        }
        Some(mask_gen) => {
            let hash: AlgorithmIdentifierOwned = mask_gen
                .parameters
                .as_ref()
                .ok_or_else(|| bad("MGF1 has no digest"))?
                .decode_as()
                .map_err(|e| bad(&format!("parameters are malformed ({e})")))?;
            DigestAlgorithm::from_oid(&hash.oid)?
        }
    };
    if mgf_digest != digest {
        return Err(bad("MGF1 uses another digest than the message"));
    }
    if params.trailer_field.is_some_and(|t| t != 1) {
        return Err(bad("trailer field is not 1"));
    }
    let salt_len = params.salt_len.unwrap_or(20);
    Ok(SignatureScheme::RsaPss {
        digest,
        salt_len: usize::try_from(salt_len).map_err(|_| bad("the salt length is too large"))?,
    })
}

/// An ECDSA key type: the point, validated without the curve's arithmetic ([`super::ec_point`]), and
/// with the feature `signature-arithmetic` RustCrypto's verifying key, built once beside it.
macro_rules! ecdsa_public_key {
    ($(#[$doc:meta])* $name:ident, $point:ty, $curve:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            point: $point,
            #[cfg(feature = "signature-arithmetic")]
            verifying: $curve::ecdsa::VerifyingKey,
        }

        impl $name {
            /// Decodes a SEC1 point (the contents of an SPKI's BIT STRING): the keys
            #[doc = concat!("`", stringify!($curve), "::ecdsa::VerifyingKey::from_sec1_bytes`")]
            /// accepts, refused with its words otherwise, in every build.
            ///
            /// # Errors
            /// [`AlgorithmError::MalformedKey`].
            pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, AlgorithmError> {
                let malformed = |e: &dyn core::fmt::Display| AlgorithmError::MalformedKey {
                    detail: e.to_string(),
                };
                let point = <$point>::from_sec1_bytes(bytes).map_err(|e| malformed(&e))?;
                Ok(Self {
                    #[cfg(feature = "signature-arithmetic")]
                    verifying: $curve::ecdsa::VerifyingKey::from_sec1_bytes(point.as_bytes())
                        .map_err(|e| malformed(&e))?,
                    point,
                })
            }

            /// The point.
            #[must_use]
            pub fn point(&self) -> &$point {
                &self.point
            }

            /// The point's uncompressed SEC1 encoding `0x04 ‖ x ‖ y` (what AWS-LC and WebCrypto take).
            #[must_use]
            pub fn sec1_uncompressed(&self) -> &[u8] {
                self.point.as_bytes()
            }

            /// RustCrypto's verifying key for this point.
            #[cfg(feature = "signature-arithmetic")]
            #[must_use]
            pub fn verifying_key(&self) -> &$curve::ecdsa::VerifyingKey {
                &self.verifying
            }
        }
    };
}

ecdsa_public_key!(
    /// An ECDSA P-256 public key.
    P256Key,
    P256Point,
    p256
);
ecdsa_public_key!(
    /// An ECDSA P-384 public key.
    P384Key,
    P384Point,
    p384
);

/// A public key that passed the key-size policy, decoded once.
#[derive(Debug, Clone)]
pub enum PublicKey {
    /// RSA (PKCS#1 v1.5 or PSS).
    Rsa(rsa::RsaPublicKey),
    /// ECDSA P-256.
    P256(P256Key),
    /// ECDSA P-384.
    P384(P384Key),
    /// Ed25519.
    Ed25519(ed25519_dalek::VerifyingKey),
}

impl PublicKey {
    /// Decodes a DER SubjectPublicKeyInfo and applies the key-size policy.
    ///
    /// # Errors
    /// Malformed keys, weak keys, unsupported curves, unknown key algorithms.
    pub fn from_spki_der(spki_der: &[u8]) -> Result<Self, AlgorithmError> {
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der).map_err(|e| {
            AlgorithmError::MalformedKey {
                detail: e.to_string(),
            }
        })?;
        Self::from_spki(&spki)
    }

    /// Decodes a SubjectPublicKeyInfo and applies the key-size policy.
    ///
    /// # Errors
    /// Malformed keys, weak keys, unsupported curves, unknown key algorithms.
    pub fn from_spki(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<Self, AlgorithmError> {
        Self::from_spki_with_floor(spki, MIN_RSA_BITS)
    }

    /// Decodes a key without the RSA size floor. Only for producing test vectors of refused keys
    /// ([`crate::sign::PrepareOptions::unchecked`]); verification never calls it.
    ///
    /// # Errors
    /// Malformed keys, unsupported curves, unknown key algorithms.
    pub fn from_spki_der_unchecked(spki_der: &[u8]) -> Result<Self, AlgorithmError> {
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der).map_err(|e| {
            AlgorithmError::MalformedKey {
                detail: e.to_string(),
            }
        })?;
        Self::from_spki_with_floor(&spki, 512)
    }

    fn from_spki_with_floor(
        spki: &SubjectPublicKeyInfoRef<'_>,
        min_rsa_bits: usize,
    ) -> Result<Self, AlgorithmError> {
        let malformed = |e: &dyn core::fmt::Display| AlgorithmError::MalformedKey {
            detail: e.to_string(),
        };
        let key_bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| malformed(&"the key bit string has unused bits"))?;
        match spki.algorithm.oid {
            oid::RSA_ENCRYPTION | oid::RSASSA_PSS => {
                let pk =
                    rsa::pkcs1::RsaPublicKey::from_der(key_bytes).map_err(|e| malformed(&e))?;
                let n = rsa::BigUint::from_bytes_be(pk.modulus.as_bytes());
                let e = rsa::BigUint::from_bytes_be(pk.public_exponent.as_bytes());
                let bits = n.bits();
                if bits < min_rsa_bits {
                    return Err(AlgorithmError::WeakKey {
                        algorithm: "RSA",
                        bits,
                        minimum: MIN_RSA_BITS,
                    });
                }
                if bits > MAX_RSA_BITS {
                    return Err(AlgorithmError::KeyTooLarge {
                        bits,
                        maximum: MAX_RSA_BITS,
                    });
                }
                rsa::RsaPublicKey::new_with_max_size(n, e, MAX_RSA_BITS)
                    .map(PublicKey::Rsa)
                    .map_err(|e| malformed(&e))
            }
            oid::EC_PUBLIC_KEY => {
                let curve: ObjectIdentifier = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .ok_or_else(|| malformed(&"the EC key names no curve"))?
                    .decode_as()
                    .map_err(|e| malformed(&e))?;
                match curve {
                    oid::P256 => P256Key::from_sec1_bytes(key_bytes).map(PublicKey::P256),
                    oid::P384 => P384Key::from_sec1_bytes(key_bytes).map(PublicKey::P384),
                    other => Err(AlgorithmError::UnsupportedCurve {
                        oid: other.to_string(),
                    }),
                }
            }
            oid::ED25519 => {
                if spki.algorithm.parameters.is_some() {
                    return Err(malformed(&"Ed25519 keys have no parameters (RFC 8410)"));
                }
                let bytes: [u8; 32] = key_bytes
                    .try_into()
                    .map_err(|_| malformed(&"an Ed25519 key is 32 bytes"))?;
                ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                    .map(PublicKey::Ed25519)
                    .map_err(|e| malformed(&e))
            }
            other => Err(AlgorithmError::UnknownAlgorithm {
                oid: other.to_string(),
            }),
        }
    }

    /// Its type, for messages.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            PublicKey::Rsa(_) => "RSA",
            PublicKey::P256(_) => "ECDSA P-256",
            PublicKey::P384(_) => "ECDSA P-384",
            PublicKey::Ed25519(_) => "Ed25519",
        }
    }

    /// Size in bits (RSA modulus, curve order).
    #[must_use]
    pub fn bits(&self) -> usize {
        match self {
            PublicKey::Rsa(k) => k.n().bits(),
            PublicKey::P256(_) | PublicKey::Ed25519(_) => 256,
            PublicKey::P384(_) => 384,
        }
    }

    /// The scheme hocba signs with for this key (PKCS#1 v1.5 for RSA unless `pss`).
    #[must_use]
    pub fn default_scheme(&self, pss: bool) -> SignatureScheme {
        match self {
            PublicKey::Rsa(_) if pss => SignatureScheme::RsaPss {
                digest: DigestAlgorithm::Sha256,
                salt_len: 32,
            },
            PublicKey::Rsa(_) => SignatureScheme::RsaPkcs1(DigestAlgorithm::Sha256),
            PublicKey::P256(_) => SignatureScheme::Ecdsa(DigestAlgorithm::Sha256),
            PublicKey::P384(_) => SignatureScheme::Ecdsa(DigestAlgorithm::Sha384),
            PublicKey::Ed25519(_) => SignatureScheme::Ed25519,
        }
    }

    /// Can this key make signatures of `scheme` at all (RSA for PKCS#1 v1.5 and PSS, an EC key for
    /// ECDSA, Ed25519 for Ed25519)?
    ///
    /// # Errors
    /// [`AlgorithmError::KeyAlgorithmMismatch`].
    pub fn fits(&self, scheme: SignatureScheme) -> Result<(), AlgorithmError> {
        let fits = matches!(
            (self, scheme),
            (
                PublicKey::Rsa(_),
                SignatureScheme::RsaPkcs1(_) | SignatureScheme::RsaPss { .. }
            ) | (
                PublicKey::P256(_) | PublicKey::P384(_),
                SignatureScheme::Ecdsa(_)
            ) | (PublicKey::Ed25519(_), SignatureScheme::Ed25519)
        );
        if fits {
            Ok(())
        } else {
            Err(AlgorithmError::KeyAlgorithmMismatch {
                scheme: scheme.name(),
                key: self.kind(),
            })
        }
    }

    /// An ECDSA signature in its fixed-size form `r || s` (IEEE P1363, what WebCrypto takes), read from
    /// DER exactly as the RustCrypto backend reads it: a platform given the fixed form then accepts the
    /// same encodings hocba does.
    ///
    /// # Errors
    /// [`AlgorithmError::BadSignature`] for DER the backend refuses; [`AlgorithmError::KeyAlgorithmMismatch`]
    /// for a key that is not an ECDSA key.
    pub fn ecdsa_signature_fixed(&self, der: &[u8]) -> Result<Vec<u8>, AlgorithmError> {
        match self {
            PublicKey::P256(_) => p256::ecdsa::Signature::from_der(der)
                .map(|s| s.to_bytes().to_vec())
                .map_err(|_| AlgorithmError::BadSignature),
            PublicKey::P384(_) => p384::ecdsa::Signature::from_der(der)
                .map(|s| s.to_bytes().to_vec())
                .map_err(|_| AlgorithmError::BadSignature),
            other => Err(AlgorithmError::KeyAlgorithmMismatch {
                scheme: "ECDSA",
                key: other.kind(),
            }),
        }
    }

    /// Checks `signature` over `message` (the message itself, hashed here as the scheme says), with the
    /// backend this build selects ([`Backend::SELECTED`]).
    ///
    /// # Errors
    /// [`AlgorithmError::KeyAlgorithmMismatch`] or [`AlgorithmError::BadSignature`];
    /// [`AlgorithmError::ArithmeticUnavailable`] without the feature `signature-arithmetic`.
    pub fn verify(
        &self,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        self.verify_with(Backend::SELECTED, scheme, message, signature)
    }

    /// Checks `signature` over `message` with the given backend. The policy (which keys, curves and
    /// digests are accepted) was applied when the key was decoded and does not depend on the backend;
    /// only the arithmetic does.
    ///
    /// # Errors
    /// [`AlgorithmError::KeyAlgorithmMismatch`] or [`AlgorithmError::BadSignature`];
    /// [`AlgorithmError::ArithmeticUnavailable`] for [`Backend::RustCrypto`] without the feature
    /// `signature-arithmetic`.
    pub fn verify_with(
        &self,
        backend: Backend,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        match backend {
            Backend::RustCrypto => {}
            #[cfg(feature = "native-crypto")]
            Backend::Native => {
                if let Some(outcome) =
                    super::native_backend::verify(self, scheme, message, signature)
                {
                    return outcome;
                }
                // No native algorithm for this combination (or the key does not fit the scheme):
                // RustCrypto decides, see native_backend::verify.
            }
        }
        self.verify_rustcrypto(scheme, message, signature)
    }

    /// Without the feature `signature-arithmetic`: the key's fit to the scheme, then
    /// [`AlgorithmError::ArithmeticUnavailable`].
    #[cfg(not(feature = "signature-arithmetic"))]
    fn verify_rustcrypto(
        &self,
        scheme: SignatureScheme,
        _message: &[u8],
        _signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        self.fits(scheme)?;
        Err(AlgorithmError::ArithmeticUnavailable)
    }

    #[cfg(feature = "signature-arithmetic")]
    fn verify_rustcrypto(
        &self,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        fn bad<E>(_: E) -> AlgorithmError {
            AlgorithmError::BadSignature
        }
        match (self, scheme) {
            (PublicKey::Rsa(key), SignatureScheme::RsaPkcs1(d)) => {
                let hashed = d.digest(message);
                let padding = match d {
                    DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                    DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                    DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
                };
                key.verify(padding, &hashed, signature).map_err(bad)
            }
            (PublicKey::Rsa(key), SignatureScheme::RsaPss { digest, salt_len }) => {
                let hashed = digest.digest(message);
                let padding = match digest {
                    DigestAlgorithm::Sha256 => rsa::Pss::new_with_salt::<sha2::Sha256>(salt_len),
                    DigestAlgorithm::Sha384 => rsa::Pss::new_with_salt::<sha2::Sha384>(salt_len),
                    DigestAlgorithm::Sha512 => rsa::Pss::new_with_salt::<sha2::Sha512>(salt_len),
                };
                key.verify(padding, &hashed, signature).map_err(bad)
            }
            (PublicKey::P256(key), SignatureScheme::Ecdsa(d)) => {
                let sig = p256::ecdsa::Signature::from_der(signature).map_err(bad)?;
                key.verifying_key()
                    .verify_prehash(&d.digest(message), &sig)
                    .map_err(bad)
            }
            (PublicKey::P384(key), SignatureScheme::Ecdsa(d)) => {
                let sig = p384::ecdsa::Signature::from_der(signature).map_err(bad)?;
                key.verifying_key()
                    .verify_prehash(&d.digest(message), &sig)
                    .map_err(bad)
            }
            (PublicKey::Ed25519(key), SignatureScheme::Ed25519) => {
                let sig = ed25519_dalek::Signature::from_slice(signature).map_err(bad)?;
                key.verify_strict(message, &sig).map_err(bad)
            }
            (key, scheme) => Err(AlgorithmError::KeyAlgorithmMismatch {
                scheme: scheme.name(),
                key: key.kind(),
            }),
        }
    }
}

/// Which implementation does the public-key arithmetic. The policy is the same for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// RustCrypto (`rsa`, `p256`, `p384`, `ed25519-dalek`): pure Rust, no_std, the default and the only
    /// backend of the wasm and embedded builds. Its arithmetic is the feature `signature-arithmetic`;
    /// without it, every check answers [`AlgorithmError::ArithmeticUnavailable`].
    RustCrypto,
    /// AWS-LC through `aws-lc-rs` (feature `native-crypto`, std targets only): several times faster
    /// for RSA and ECDSA. Combinations it lacks fall back to RustCrypto.
    #[cfg(feature = "native-crypto")]
    Native,
}

impl Backend {
    /// The backend of this build: native when the feature `native-crypto` is on, else RustCrypto.
    #[cfg(feature = "native-crypto")]
    pub const SELECTED: Backend = Backend::Native;
    /// The backend of this build: native when the feature `native-crypto` is on, else RustCrypto.
    #[cfg(not(feature = "native-crypto"))]
    pub const SELECTED: Backend = Backend::RustCrypto;

    /// Its name, for reports and benchmarks.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Backend::RustCrypto => "RustCrypto",
            #[cfg(feature = "native-crypto")]
            Backend::Native => "AWS-LC (aws-lc-rs)",
        }
    }
}

/// [`verify_raw_signature`] with an explicit backend (the tests compare both on every Wycheproof vector).
///
/// # Errors
/// As [`verify_raw_signature`].
pub fn verify_raw_signature_with(
    backend: Backend,
    scheme: SignatureScheme,
    spki_der: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), AlgorithmError> {
    PublicKey::from_spki_der(spki_der)?.verify_with(backend, scheme, message, signature)
}

/// Checks a raw signature: the single entry point the CMS, certificate, CRL and timestamp checks share,
/// and the one the Wycheproof tests drive.
///
/// # Errors
/// Policy refusals (weak key, unsupported curve, ...), a key that does not fit the scheme, or a signature
/// that does not verify ([`AlgorithmError::ArithmeticUnavailable`] for a key the policy accepts, without
/// the feature `signature-arithmetic` and the native backend).
pub fn verify_raw_signature(
    scheme: SignatureScheme,
    spki_der: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), AlgorithmError> {
    PublicKey::from_spki_der(spki_der)?.verify(scheme, message, signature)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use alloc::vec;
    use der::Encode;

    /// `SEQUENCE { [n] EXPLICIT inner, … }` from already-encoded inner values (all short).
    fn pss_params(fields: &[(u8, Vec<u8>)]) -> der::Any {
        let mut body = Vec::new();
        for (n, inner) in fields {
            body.extend_from_slice(&[0xa0 | n, u8::try_from(inner.len()).unwrap()]);
            body.extend_from_slice(inner);
        }
        der::Any::new(der::Tag::Sequence, body).unwrap()
    }

    fn hash_id(d: DigestAlgorithm) -> Vec<u8> {
        d.algorithm_identifier().to_der().unwrap()
    }

    fn mgf1(d: DigestAlgorithm) -> Vec<u8> {
        AlgorithmIdentifierOwned {
            oid: oid::MGF1,
            parameters: Some(der::Any::encode_from(&d.algorithm_identifier()).unwrap()),
        }
        .to_der()
        .unwrap()
    }

    fn integer(v: u32) -> Vec<u8> {
        v.to_der().unwrap()
    }

    #[test]
    fn salt_lengths_over_255_are_read() {
        use DigestAlgorithm::Sha512;
        let params = pss_params(&[(0, hash_id(Sha512)), (1, mgf1(Sha512)), (2, integer(446))]);
        assert_eq!(
            pss_from_parameters(Some(&params)),
            Ok(SignatureScheme::RsaPss {
                digest: Sha512,
                salt_len: 446
            })
        );
        // What hocba writes reads back.
        let written = SignatureScheme::RsaPss {
            digest: Sha512,
            salt_len: 1000,
        };
        let id = written.algorithm_identifier().unwrap();
        assert_eq!(SignatureScheme::from_algorithm_identifier(&id), Ok(written));
    }

    #[test]
    fn pss_defaults_are_applied_and_sha1_refused() {
        use DigestAlgorithm::Sha256;
        // Every field absent: SHA-1, refused by name.
        assert!(matches!(
            pss_from_parameters(Some(&pss_params(&[]))),
            Err(AlgorithmError::Sha1Rejected { .. })
        ));
        // SHA-256 with the default MGF (MGF1 with SHA-1): refused as SHA-1 too.
        assert!(matches!(
            pss_from_parameters(Some(&pss_params(&[(0, hash_id(Sha256))]))),
            Err(AlgorithmError::Sha1Rejected { .. })
        ));
        // The salt length defaults to 20 and the trailer field to 1.
        let params = pss_params(&[(0, hash_id(Sha256)), (1, mgf1(Sha256))]);
        assert_eq!(
            pss_from_parameters(Some(&params)),
            Ok(SignatureScheme::RsaPss {
                digest: Sha256,
                salt_len: 20
            })
        );
    }

    #[test]
    fn bad_pss_parameters_are_refused_with_their_reason() {
        use DigestAlgorithm::{Sha256, Sha384};
        let refused =
            |fields: &[(u8, Vec<u8>)]| match pss_from_parameters(Some(&pss_params(fields))) {
                Err(AlgorithmError::UnsupportedPssParameters { detail }) => detail,
                other => panic!("{other:?}"),
            };
        let trailer = refused(&[(0, hash_id(Sha256)), (1, mgf1(Sha256)), (3, integer(2))]);
        assert_eq!(trailer, "trailer field is not 1");
        let other_mgf = refused(&[(0, hash_id(Sha256)), (1, mgf1(Sha384))]);
        assert_eq!(other_mgf, "MGF1 uses another digest than the message");
        let not_mgf1 = refused(&[(0, hash_id(Sha256)), (1, hash_id(Sha256))]);
        assert_eq!(not_mgf1, "the mask generation function is not MGF1");
        // A salt length beyond u32 and a field out of order are malformed, not a panic.
        let huge = refused(&[
            (0, hash_id(Sha256)),
            (1, mgf1(Sha256)),
            (2, vec![2, 5, 1, 0, 0, 0, 0]),
        ]);
        assert!(huge.starts_with("parameters are malformed"), "{huge}");
        let order = refused(&[(1, mgf1(Sha256)), (0, hash_id(Sha256))]);
        assert!(order.starts_with("parameters are malformed"), "{order}");
        assert!(matches!(
            pss_from_parameters(None),
            Err(AlgorithmError::UnsupportedPssParameters { .. })
        ));
    }
}
