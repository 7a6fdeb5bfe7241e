//! Adding an RFC 3161 token to a signature as the unsigned signature-time-stamp attribute (CAdES-T).
//!
//! The token is requested from a TSA over [`super::token::imprint_for`] of the signature value (for
//! instance `openssl ts -query -digest <hex> -sha256`), then attached here. Unsigned attributes are not
//! covered by the signature, so attaching changes no signed byte; that is checked before returning.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::asn1::SetOfVec;
use der::{Any, Decode, Encode};
use x509_cert::attr::Attribute;

use crate::sign::profile::oid;
use crate::verify::cms::read_cms;
use crate::Lang;

/// Why a token cannot be attached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AttachError {
    /// The signature or the token cannot be read.
    #[error("cannot attach the timestamp: {detail}")]
    Malformed {
        /// What is wrong.
        detail: String,
    },
}

impl AttachError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            AttachError::Malformed { .. } => "timestamp_attach_failed",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (AttachError::Malformed { detail }, Lang::Vi) => {
                alloc::format!("không gắn được dấu thời gian: {detail}")
            }
        }
    }
}

fn bad(e: &dyn core::fmt::Display) -> AttachError {
    AttachError::Malformed {
        detail: e.to_string(),
    }
}

/// Accepts a bare TimeStampToken or a whole TimeStampResp (as `openssl ts -reply` writes) and returns the
/// token (a ContentInfo).
///
/// # Errors
/// [`AttachError::Malformed`].
pub fn token_from_reply(bytes: &[u8]) -> Result<Vec<u8>, AttachError> {
    if ContentInfo::from_der(bytes).is_ok() {
        return Ok(bytes.to_vec());
    }
    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
    let parts = crate::pki::der_view::children(bytes).map_err(|e| bad(&e))?;
    let token = parts
        .get(1)
        .ok_or_else(|| bad(&"the TSA reply carries no token (status not granted)"))?;
    ContentInfo::from_der(token).map_err(|e| bad(&e))?;
    Ok(token.to_vec())
}

/// Returns `cms` (DER ContentInfo) with `token` added as a signature-time-stamp unsigned attribute.
///
/// # Errors
/// [`AttachError::Malformed`].
pub fn attach_timestamp(cms_der: &[u8], token: &[u8]) -> Result<Vec<u8>, AttachError> {
    let before = read_cms(cms_der).map_err(|e| bad(&e))?;
    let ci = ContentInfo::from_der(cms_der).map_err(|e| bad(&e))?;
    let mut sd: SignedData = ci.content.decode_as().map_err(|e| bad(&e))?;
    let mut infos = sd.signer_infos.0.into_vec();
    let si = infos.first_mut().ok_or_else(|| bad(&"no signer"))?;
    let value = Any::from_der(token).map_err(|e| bad(&e))?;
    let mut attrs: Vec<Attribute> = si
        .unsigned_attrs
        .take()
        .map(SetOfVec::into_vec)
        .unwrap_or_default();
    match attrs.iter_mut().find(|a| a.oid == oid::SIGNATURE_TIMESTAMP) {
        Some(a) => a.values.insert(value).map_err(|e| bad(&e))?,
        None => attrs.push(Attribute {
            oid: oid::SIGNATURE_TIMESTAMP,
            values: SetOfVec::try_from(alloc::vec![value]).map_err(|e| bad(&e))?,
        }),
    }
    si.unsigned_attrs = Some(SetOfVec::try_from(attrs).map_err(|e| bad(&e))?);
    sd.signer_infos.0 = SetOfVec::try_from(infos).map_err(|e| bad(&e))?;
    let out = ContentInfo {
        content_type: ci.content_type,
        content: Any::encode_from(&sd).map_err(|e| bad(&e))?,
    }
    .to_der()
    .map_err(|e| bad(&e))?;
    let after = read_cms(&out).map_err(|e| bad(&e))?;
    if after.signed_attrs_der != before.signed_attrs_der || after.signature != before.signature {
        return Err(bad(&"re-encoding would change signed bytes"));
    }
    Ok(out)
}
