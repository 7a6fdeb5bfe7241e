//! Step two of signing: the raw signature from the external signer becomes a detached CMS SignedData.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Encode};

use super::prepare::ToBeSigned;
use super::profile::oid;
use crate::pki::{AlgorithmError, CertInfo, PublicKey, SignatureScheme};
use crate::Lang;

/// Why a signature cannot be assembled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssembleError {
    /// The signature does not verify with the certificate's key: wrong key, wrong bytes signed, or the
    /// token used another algorithm.
    #[error("the signature does not verify with the key of the signer's certificate ({0})")]
    SignatureDoesNotVerify(AlgorithmError),
    /// DER encoding failed.
    #[error("encoding failed: {0}")]
    Encoding(String),
}

impl AssembleError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            AssembleError::SignatureDoesNotVerify(_) => "signature_does_not_match_certificate",
            AssembleError::Encoding(_) => "encoding_failed",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (AssembleError::SignatureDoesNotVerify(e), Lang::Vi) => alloc::format!(
                "chữ ký không khớp với khoá của chứng thư số người ký ({})",
                e.message(Lang::Vi)
            ),
            (AssembleError::Encoding(d), Lang::Vi) => alloc::format!("lỗi mã hoá: {d}"),
        }
    }
}

fn enc(e: der::Error) -> AssembleError {
    AssembleError::Encoding(e.to_string())
}

/// Turns an ECDSA signature given as fixed-size `r || s` (what PKCS#11 tokens return) into DER; DER
/// input is returned as is.
fn ecdsa_der(key: &PublicKey, signature: &[u8]) -> Vec<u8> {
    match key {
        PublicKey::P256(_) if signature.len() == 64 => {
            p256::ecdsa::Signature::from_slice(signature)
                .map_or_else(|_| signature.to_vec(), |s| s.to_der().as_bytes().to_vec())
        }
        PublicKey::P384(_) if signature.len() == 96 => {
            p384::ecdsa::Signature::from_slice(signature)
                .map_or_else(|_| signature.to_vec(), |s| s.to_der().as_bytes().to_vec())
        }
        _ => signature.to_vec(),
    }
}

/// Builds the detached CMS `ContentInfo` (DER) from the prepared attributes and the raw signature over
/// `tbs.bytes`. The signature is checked against the certificate's key first, so a token that signed
/// the wrong bytes is caught here, not by the record's reader years later.
///
/// # Errors
/// [`AssembleError`].
pub fn assemble(tbs: &ToBeSigned, signature: &[u8]) -> Result<Vec<u8>, AssembleError> {
    let signature = match tbs.scheme {
        SignatureScheme::Ecdsa(_) => ecdsa_der(&tbs.signer_key, signature),
        _ => signature.to_vec(),
    };
    if !tbs.unchecked {
        tbs.signer_key
            .verify(tbs.scheme, &tbs.bytes, &signature)
            .map_err(AssembleError::SignatureDoesNotVerify)?;
    }
    let certificates = tbs
        .chain
        .iter()
        .map(CertInfo::certificate)
        .collect::<Result<Vec<_>, _>>()
        .map_err(enc)?;
    let leaf = &certificates[0].tbs_certificate;
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: leaf.issuer.clone(),
            serial_number: leaf.serial_number.clone(),
        }),
        digest_alg: tbs.digest_algorithm.algorithm_identifier(),
        signed_attrs: Some(tbs.signed_attrs.clone()),
        signature_algorithm: tbs.scheme.algorithm_identifier().map_err(enc)?,
        signature: OctetString::new(signature).map_err(enc)?,
        unsigned_attrs: None,
    };
    let certs: Vec<CertificateChoices> = certificates
        .into_iter()
        .map(CertificateChoices::Certificate)
        .collect();
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(alloc::vec![tbs
            .digest_algorithm
            .algorithm_identifier()])
        .map_err(enc)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: oid::DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(certs).map_err(enc)?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(alloc::vec![signer_info]).map_err(enc)?),
    };
    ContentInfo {
        content_type: oid::SIGNED_DATA,
        content: Any::encode_from(&signed_data).map_err(enc)?,
    }
    .to_der()
    .map_err(enc)
}
