//! Issuing a stub with the school seal's key kept outside, as for record signatures:
//! [`prepare_stub`] gives the COSE Sig_structure to sign, a token (or the software signer) signs it,
//! [`assemble_stub`] checks the signature and writes the text.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::claims::QrClaims;
use super::codec::{encode_text, kid_of, QrAlgorithm, KID_LEN, MAX_STUB_BYTES};
use super::cose;
use super::error::StubIssueError;
use crate::pki::{CertInfo, PublicKey};

/// What the seal's signer signs, and what [`assemble_stub`] needs afterwards.
#[derive(Debug, Clone)]
pub struct StubToBeSigned {
    /// The COSE Sig_structure (`["Signature1", protected, h'', payload]`): the exact bytes to sign.
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, for tokens and remote services that sign a hash.
    pub digest: Vec<u8>,
    /// The algorithm the signer must use (ES256 for a P-256 key, PS256 for RSA).
    pub algorithm: QrAlgorithm,
    /// The key id written into the protected header.
    pub kid: [u8; KID_LEN],
    /// The protected header's bytes.
    protected: Vec<u8>,
    payload: Vec<u8>,
    key: PublicKey,
}

/// A finished stub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedStub {
    /// The text to put into the QR code.
    pub text: String,
    /// Bytes before Base45 (the zlib stream); the budget is [`MAX_STUB_BYTES`].
    pub compressed_bytes: usize,
    /// Bytes of the COSE structure.
    pub cose_bytes: usize,
}

/// Prepares the bytes the seal signs for `claims`. The algorithm follows the seal certificate's key.
///
/// # Errors
/// [`StubIssueError::UnsupportedKey`] or [`StubIssueError::Certificate`].
pub fn prepare_stub(claims: &QrClaims, seal: &CertInfo) -> Result<StubToBeSigned, StubIssueError> {
    let key = seal
        .key
        .clone()
        .map_err(|e| StubIssueError::Certificate(e.message(crate::Lang::En)))?;
    let algorithm = match key {
        PublicKey::P256(_) => QrAlgorithm::Es256,
        PublicKey::Rsa(_) => QrAlgorithm::Ps256,
        _ => {
            return Err(StubIssueError::UnsupportedKey {
                key: key.kind().to_string(),
            })
        }
    };
    let kid = kid_of(&seal.der);
    let protected = cose::protected_header(algorithm.cose_id(), &kid);
    let payload = claims.to_cbor();
    let bytes = cose::sig_structure(&protected, &payload);
    Ok(StubToBeSigned {
        digest: crate::pki::DigestAlgorithm::Sha256.digest(&bytes),
        bytes,
        algorithm,
        kid,
        protected,
        payload,
        key,
    })
}

/// COSE writes ECDSA signatures as fixed-size `r || s`; tokens and the software signer may return DER.
fn ecdsa_raw(signature: &[u8]) -> Option<Vec<u8>> {
    if signature.len() == 64 {
        return Some(signature.to_vec());
    }
    p256::ecdsa::Signature::from_der(signature)
        .ok()
        .map(|s| s.to_bytes().to_vec())
}

/// Checks `signature` over `tbs.bytes` with the seal certificate's key and writes the stub.
///
/// # Errors
/// [`StubIssueError::SignatureDoesNotVerify`], [`StubIssueError::TooLarge`].
pub fn assemble_stub(tbs: &StubToBeSigned, signature: &[u8]) -> Result<IssuedStub, StubIssueError> {
    let signature = match tbs.algorithm {
        QrAlgorithm::Es256 => ecdsa_raw(signature).ok_or(StubIssueError::SignatureDoesNotVerify)?,
        QrAlgorithm::Ps256 => signature.to_vec(),
    };
    super::verify::check_cose_signature(&tbs.key, tbs.algorithm, &tbs.bytes, &signature)
        .map_err(|_| StubIssueError::SignatureDoesNotVerify)?;
    let cose = cose::tagged_sign1(&tbs.protected, &tbs.payload, &signature);
    let (text, compressed_bytes) = encode_text(&cose);
    if compressed_bytes > MAX_STUB_BYTES {
        return Err(StubIssueError::TooLarge {
            size: compressed_bytes,
            max: MAX_STUB_BYTES,
        });
    }
    Ok(IssuedStub {
        text,
        compressed_bytes,
        cose_bytes: cose.len(),
    })
}

/// Prepares, signs with a software key and assembles in one step (tests and the CLI).
///
/// # Errors
/// [`StubIssueError`].
#[cfg(feature = "software-signer")]
pub fn sign_stub(
    signer: &crate::sign::SoftwareSigner,
    claims: &QrClaims,
    seal: &CertInfo,
) -> Result<IssuedStub, StubIssueError> {
    let tbs = prepare_stub(claims, seal)?;
    // The software signer signs a CMS `ToBeSigned`; it reads only the scheme, the digest and the bytes.
    let cms_tbs = crate::sign::ToBeSigned {
        bytes: tbs.bytes.clone(),
        digest: Some(tbs.digest.clone()),
        digest_algorithm: crate::pki::DigestAlgorithm::Sha256,
        scheme: tbs.algorithm.scheme(),
        content_digest: Vec::new(),
        role: crate::sign::Role::Seal,
        signing_time: claims.issued_at,
        signed_attrs: der::asn1::SetOfVec::new(),
        chain: Vec::new(),
        signer_key: tbs.key.clone(),
        unchecked: false,
    };
    let signature = signer
        .sign(&cms_tbs)
        .map_err(|e| StubIssueError::Signer(e.message(crate::Lang::En)))?;
    assemble_stub(&tbs, &signature)
}
