//! The stub's layers: `HB1:` + Base45( zlib( COSE_Sign1 ) ), and their limits.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::base45;
use super::cbor_limits::CborLimits;
use super::claims::QrClaims;
use super::cose::{self, Label};
use super::error::StubDecodeError;

/// The prefix of every stub of this format (version 1).
pub const PREFIX: &str = "HB1:";
/// The budget of a stub before Base45 (design §6): issuing refuses anything larger.
pub const MAX_STUB_BYTES: usize = 600;
/// Largest compressed stub a reader accepts (the budget with room for other issuers' longer ids).
pub const MAX_COMPRESSED_BYTES: usize = 1024;
/// Longest text a reader accepts: the prefix and the Base45 of [`MAX_COMPRESSED_BYTES`].
pub const MAX_TEXT_CHARS: usize = PREFIX.len() + MAX_COMPRESSED_BYTES / 2 * 3;
/// Largest inflated COSE structure a reader accepts (a stub inflates to a few hundred bytes).
pub const MAX_INFLATED_BYTES: usize = 2048;
/// Limits of the COSE_Sign1 structure: tag, array, an unprotected map with a few entries.
pub const COSE_LIMITS: CborLimits = CborLimits {
    max_depth: 4,
    max_items: 32,
};
/// Limits of the protected header map.
pub const HEADER_LIMITS: CborLimits = CborLimits {
    max_depth: 2,
    max_items: 8,
};
/// Length of the key id: the first bytes of the SHA-256 of the seal certificate's DER (as the EU DCC).
pub const KID_LEN: usize = 8;

/// The signature algorithms of a stub (RFC 9053).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum QrAlgorithm {
    /// ECDSA P-256 with SHA-256, signature `r || s` (64 bytes).
    #[serde(rename = "ES256")]
    Es256,
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 bytes.
    #[serde(rename = "PS256")]
    Ps256,
}

impl QrAlgorithm {
    /// The COSE name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            QrAlgorithm::Es256 => "ES256",
            QrAlgorithm::Ps256 => "PS256",
        }
    }

    /// The COSE algorithm number (RFC 9053: ES256 −7, PS256 −37).
    pub(crate) const fn cose_id(self) -> i64 {
        match self {
            QrAlgorithm::Es256 => -7,
            QrAlgorithm::Ps256 => -37,
        }
    }

    /// The certificate-level scheme the signature is checked with.
    #[must_use]
    pub const fn scheme(self) -> crate::pki::SignatureScheme {
        use crate::pki::{DigestAlgorithm, SignatureScheme};
        match self {
            QrAlgorithm::Es256 => SignatureScheme::Ecdsa(DigestAlgorithm::Sha256),
            QrAlgorithm::Ps256 => SignatureScheme::RsaPss {
                digest: DigestAlgorithm::Sha256,
                salt_len: 32,
            },
        }
    }
}

/// A stub, decoded but not yet judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedStub {
    /// The algorithm of the protected header.
    pub algorithm: QrAlgorithm,
    /// The key id of the protected header.
    pub kid: [u8; KID_LEN],
    /// The claims.
    pub claims: QrClaims,
    /// The COSE Sig_structure: the bytes the signature covers.
    pub to_be_signed: Vec<u8>,
    /// The signature as in the stub (`r || s` for ES256).
    pub signature: Vec<u8>,
    /// Bytes before Base45 (the zlib stream).
    pub compressed_bytes: usize,
    /// Bytes of the COSE structure.
    pub cose_bytes: usize,
}

/// The key id of a certificate: the first 8 bytes of the SHA-256 of its DER.
#[must_use]
pub fn kid_of(cert_der: &[u8]) -> [u8; KID_LEN] {
    let d = crate::pki::DigestAlgorithm::Sha256.digest(cert_der);
    let mut kid = [0u8; KID_LEN];
    kid.copy_from_slice(&d[..KID_LEN]);
    kid
}

fn cose_err(detail: &str) -> StubDecodeError {
    StubDecodeError::Cose {
        detail: detail.to_string(),
    }
}

/// Inflates a zlib stream, refusing anything that inflates past [`MAX_INFLATED_BYTES`].
///
/// # Errors
/// [`StubDecodeError::Zlib`] or [`StubDecodeError::Inflated`].
pub fn inflate(compressed: &[u8]) -> Result<Vec<u8>, StubDecodeError> {
    use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};
    decompress_to_vec_zlib_with_limit(compressed, MAX_INFLATED_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => StubDecodeError::Inflated {
            max: MAX_INFLATED_BYTES,
        },
        status => StubDecodeError::Zlib {
            detail: alloc::format!("{status:?}"),
        },
    })
}

/// Decodes the text of a stub down to its claims, checking every layer's limits on the way.
///
/// # Errors
/// [`StubDecodeError`]; [`StubDecodeError::check_id`] says which layer failed.
pub fn decode_stub(text: &str) -> Result<DecodedStub, StubDecodeError> {
    // A space is a Base45 character: only line ends (and leading blanks before the prefix) are cut.
    let text = text.trim_start().trim_end_matches(['\r', '\n']);
    if text.len() > MAX_TEXT_CHARS {
        return Err(StubDecodeError::TooLong {
            len: text.chars().count(),
            max: MAX_TEXT_CHARS,
        });
    }
    let body = text
        .strip_prefix(PREFIX)
        .ok_or(StubDecodeError::Prefix { expected: PREFIX })?;
    let compressed = base45::decode(body.as_bytes())?;
    let cose = inflate(&compressed)?;
    let sign1 = cose::read_sign1(&cose, COSE_LIMITS, HEADER_LIMITS).map_err(|e| match e {
        cose::Sign1Error::Limits(l) => StubDecodeError::CborLimits(l),
        cose::Sign1Error::Cose(detail) => cose_err(&detail),
    })?;
    let header = &sign1.protected;
    if header.critical {
        return Err(cose_err(
            "critical header parameters hocba does not process",
        ));
    }
    let algorithm = match &header.alg {
        Some(Label::Int(id)) if *id == QrAlgorithm::Es256.cose_id() => QrAlgorithm::Es256,
        Some(Label::Int(id)) if *id == QrAlgorithm::Ps256.cose_id() => QrAlgorithm::Ps256,
        Some(Label::Int(id)) => {
            return Err(StubDecodeError::Algorithm {
                alg: alloc::format!("{id}"),
            })
        }
        Some(Label::Text(name)) => {
            return Err(StubDecodeError::Algorithm {
                alg: alloc::format!("{name:?}"),
            })
        }
        None => {
            return Err(StubDecodeError::Algorithm {
                alg: "no algorithm in the protected header".into(),
            })
        }
    };
    let kid: [u8; KID_LEN] = header
        .kid
        .as_slice()
        .try_into()
        .map_err(|_| StubDecodeError::Kid)?;
    let payload = sign1
        .payload
        .ok_or_else(|| cose_err("no payload (a detached payload is not a stub)"))?;
    let claims = QrClaims::from_cbor(payload)?;
    Ok(DecodedStub {
        algorithm,
        kid,
        claims,
        to_be_signed: sign1.to_be_signed(),
        signature: sign1.signature.to_vec(),
        compressed_bytes: compressed.len(),
        cose_bytes: cose.len(),
    })
}

/// Compresses the COSE bytes and writes the text: prefix + Base45(zlib(cose)). Returns the text and the
/// compressed size.
#[must_use]
pub fn encode_text(cose: &[u8]) -> (String, usize) {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(cose, 9);
    let mut text = String::from(PREFIX);
    text.push_str(&base45::encode(&compressed));
    (text, compressed.len())
}
