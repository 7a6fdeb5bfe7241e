//! RFC 3161 timestamp tokens over a signature value (CAdES-T signature-time-stamp).
//!
//! A token is a CMS SignedData whose content is a TSTInfo; it proves that the signature value existed at
//! `genTime`. hocba checks the token's own signature, that the TSA's certificate chains to the trust store
//! at `genTime` and carries the time-stamping extended key usage, that the TSA was not revoked before
//! `genTime` (when CRLs are given), and that the message imprint is the digest of the signature value.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::asn1::OctetString;
use der::{Decode, Sequence};
use spki::AlgorithmIdentifierOwned;

use crate::pki::crl::{check_path_cached, CertStatus};
use crate::pki::der_view;
use crate::pki::key_usage::{check_usage, Usage};
use crate::pki::{
    build_path_cached, AlgorithmError, CrlInfo, DigestAlgorithm, NoPathCache, PathCache, PathError,
    TrustStore,
};
use crate::sign::profile::oid;
use crate::time::{days_from_civil, UnixTime};
use crate::verify::cms::{read_cms_with_store, CmsError, DigestError};
use crate::Lang;

/// MessageImprint (RFC 3161).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct MessageImprint {
    /// Digest algorithm.
    pub hash_algorithm: AlgorithmIdentifierOwned,
    /// Digest.
    pub hashed_message: OctetString,
}

/// What a valid token proves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampInfo {
    /// When the TSA saw the signature.
    pub gen_time: UnixTime,
    /// The TSA's name.
    pub tsa: String,
    /// The TSA policy OID.
    pub policy: String,
}

/// A token that does not prove its time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// The token's CMS cannot be read.
    #[error("timestamp token: {0}")]
    Cms(CmsError),
    /// The TSTInfo cannot be read.
    #[error("timestamp token: the TSTInfo cannot be read ({detail})")]
    Malformed {
        /// What is wrong.
        detail: String,
    },
    /// The token covers another signature value.
    #[error("the timestamp covers another signature value")]
    ImprintMismatch,
    /// The token's digest or signature is wrong.
    #[error("timestamp token: {0}")]
    Digest(DigestError),
    /// The token's signature does not verify or its algorithm is refused.
    #[error("timestamp token: {0}")]
    Signature(AlgorithmError),
    /// The TSA's certificate path is not valid at genTime.
    #[error("timestamp authority: {0}")]
    Path(PathError),
    /// The token does not carry the TSA's certificate and the trust store does not hold it: the token
    /// cannot be checked (not a fault of the token: RFC 3161 leaves the certificate out unless asked).
    #[error(
        "the timestamp authority's certificate is neither in the token nor in the trust store"
    )]
    TsaUnknown,
    /// The TSA's certificate is not for time-stamping.
    #[error("the timestamp authority's certificate does not allow time-stamping")]
    NotATsa,
    /// The TSA's certificate was revoked before genTime.
    #[error("the timestamp authority's certificate was revoked on {date}, before the timestamp")]
    TsaRevoked {
        /// Revocation date.
        date: UnixTime,
    },
}

impl TimestampError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            TimestampError::Cms(_) | TimestampError::Malformed { .. } => "timestamp_malformed",
            TimestampError::ImprintMismatch => "timestamp_imprint_mismatch",
            TimestampError::Digest(_) | TimestampError::Signature(_) => {
                "timestamp_signature_invalid"
            }
            TimestampError::Path(_) => "timestamp_path_invalid",
            TimestampError::TsaUnknown => "timestamp_tsa_unknown",
            TimestampError::NotATsa => "timestamp_not_tsa",
            TimestampError::TsaRevoked { .. } => "timestamp_tsa_revoked",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TimestampError::Cms(e) => alloc::format!("dấu thời gian: {}", e.message(Lang::Vi)),
            TimestampError::Malformed { detail } => {
                alloc::format!("dấu thời gian: không đọc được TSTInfo ({detail})")
            }
            TimestampError::ImprintMismatch => {
                "dấu thời gian được cấp cho một chữ ký khác".into()
            }
            TimestampError::Digest(e) => alloc::format!("dấu thời gian: {}", e.message(Lang::Vi)),
            TimestampError::Signature(e) => {
                alloc::format!("dấu thời gian: {}", e.message(Lang::Vi))
            }
            TimestampError::Path(e) => {
                alloc::format!("tổ chức cấp dấu thời gian: {}", e.message(Lang::Vi))
            }
            TimestampError::TsaUnknown => {
                "chứng thư của tổ chức cấp dấu thời gian không có trong dấu thời gian cũng như trong kho tin cậy".into()
            }
            TimestampError::NotATsa => {
                "chứng thư của tổ chức cấp dấu thời gian không cho phép cấp dấu thời gian".into()
            }
            TimestampError::TsaRevoked { date } => alloc::format!(
                "chứng thư của tổ chức cấp dấu thời gian đã bị thu hồi ngày {}, trước dấu thời gian",
                date.to_vietnam_local()
            ),
        }
    }
}

/// `YYYYMMDDHHMMSS[.fraction]Z` (RFC 3161 allows fractions; the `der` type does not).
fn parse_generalized(bytes: &[u8]) -> Option<UnixTime> {
    let text = core::str::from_utf8(bytes).ok()?;
    let text = text.strip_suffix('Z')?;
    let (main, frac) = text.split_once('.').unwrap_or((text, ""));
    if main.len() != 14 || !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: core::ops::Range<usize>| main[r].parse::<i64>().ok();
    let (y, mo, d, h, mi, s) = (
        n(0..4)?,
        n(4..6)?,
        n(6..8)?,
        n(8..10)?,
        n(10..12)?,
        n(12..14)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(
        i32::try_from(y).ok()?,
        u8::try_from(mo).ok()?,
        u8::try_from(d).ok()?,
    );
    Some(UnixTime(days * 86_400 + h * 3600 + mi * 60 + s.min(59)))
}

struct TstFields {
    policy: ObjectIdentifier,
    imprint: MessageImprint,
    gen_time: UnixTime,
}

fn read_tst_info(der_bytes: &[u8]) -> Result<TstFields, TimestampError> {
    let bad = |d: &dyn core::fmt::Display| TimestampError::Malformed {
        detail: d.to_string(),
    };
    let fields = der_view::children(der_bytes).map_err(|e| bad(&e))?;
    if fields.len() < 5 {
        return Err(bad(&"too few fields"));
    }
    let version = u8::from_der(fields[0]).map_err(|e| bad(&e))?;
    if version != 1 {
        return Err(bad(&alloc::format!("version {version}")));
    }
    let policy = ObjectIdentifier::from_der(fields[1]).map_err(|e| bad(&e))?;
    let imprint = MessageImprint::from_der(fields[2]).map_err(|e| bad(&e))?;
    let time_tlv = fields[4];
    if time_tlv.first() != Some(&0x18) || time_tlv.len() < 2 {
        return Err(bad(&"genTime is not a GeneralizedTime"));
    }
    let len = usize::from(time_tlv[1]);
    let value = time_tlv
        .get(2..2 + len)
        .ok_or_else(|| bad(&"genTime is truncated"))?;
    let gen_time = parse_generalized(value).ok_or_else(|| bad(&"genTime is malformed"))?;
    Ok(TstFields {
        policy,
        imprint,
        gen_time,
    })
}

/// The digest a TSA must time-stamp for a signature value (SHA-256 of the value).
#[must_use]
pub fn imprint_for(signature_value: &[u8]) -> Vec<u8> {
    DigestAlgorithm::Sha256.digest(signature_value)
}

/// Verifies `token` (DER ContentInfo) as a timestamp over `signature_value`.
///
/// # Errors
/// [`TimestampError`].
pub fn verify_timestamp(
    token: &[u8],
    signature_value: &[u8],
    store: &TrustStore,
    crls: &[CrlInfo],
) -> Result<TimestampInfo, TimestampError> {
    verify_timestamp_cached(token, signature_value, store, crls, &NoPathCache)
}

/// [`verify_timestamp`] with a memo of certificates and signature checks (the result is the same).
///
/// # Errors
/// [`TimestampError`].
pub fn verify_timestamp_cached(
    token: &[u8],
    signature_value: &[u8],
    store: &TrustStore,
    crls: &[CrlInfo],
    cache: &dyn PathCache,
) -> Result<TimestampInfo, TimestampError> {
    let facts = read_cms_with_store(token, cache, store).map_err(|e| match e {
        CmsError::SignerCertificateMissing => TimestampError::TsaUnknown,
        e => TimestampError::Cms(e),
    })?;
    let content = facts
        .econtent
        .as_deref()
        .ok_or_else(|| TimestampError::Malformed {
            detail: "the token has no TSTInfo content".into(),
        })?;
    facts
        .check_digest(content, oid::TST_INFO)
        .map_err(TimestampError::Digest)?;
    facts
        .check_signature_in(cache)
        .map_err(TimestampError::Signature)?;
    let tst = read_tst_info(content)?;
    let alg = DigestAlgorithm::from_oid(&tst.imprint.hash_algorithm.oid)
        .map_err(TimestampError::Signature)?;
    if alg.digest(signature_value) != tst.imprint.hashed_message.as_bytes() {
        return Err(TimestampError::ImprintMismatch);
    }
    let path = build_path_cached(
        &facts.signer_cert,
        &facts.embedded,
        store,
        tst.gen_time,
        cache,
    )
    .map_err(TimestampError::Path)?;
    check_usage(&facts.signer_cert, Usage::TimeStamping).map_err(|_| TimestampError::NotATsa)?;
    for (_, status) in check_path_cached(&path, crls, tst.gen_time, true, store, cache).statuses {
        if let CertStatus::RevokedBefore { date, .. } = status {
            return Err(TimestampError::TsaRevoked { date });
        }
    }
    Ok(TimestampInfo {
        gen_time: tst.gen_time,
        tsa: facts.signer_cert.display_name(),
        policy: tst.policy.to_string(),
    })
}
