//! Certificate revocation lists, supplied as input and judged at the time of signing.
//!
//! A CRL shows the status of a certificate at the time of signing only if it was issued after that time
//! (its thisUpdate is later): an older list cannot know of a later revocation. A certificate revoked
//! before the time of signing makes the signature invalid; one revoked after it does not, unless the
//! reason (key compromise, CA compromise, unspecified) means the key may have been in other hands before
//! the revocation date and no timestamp proves when the signature was made: then the result is
//! indeterminate.

use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

use der::Decode;
use sha2::Digest;
use x509_cert::ext::pkix::CrlReason;

use super::algorithms::{AlgorithmError, SignatureScheme};
use super::cache::{memo_signature, NoPathCache, PathCache};
use super::cert::CertInfo;
use super::key_usage::{check_usage, Usage};
use super::names::NameInfo;
use super::path::{build_path_cached, CertPath};
use super::trust_store::TrustStore;
use super::x509_walk;
use crate::time::UnixTime;
use crate::Lang;

const CRL_REASON_OID: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.21");
const CRL_NUMBER_OID: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.20");
const AKI_OID: const_oid::ObjectIdentifier = const_oid::ObjectIdentifier::new_unwrap("2.5.29.35");
const IDP_OID: const_oid::ObjectIdentifier = const_oid::ObjectIdentifier::new_unwrap("2.5.29.28");
const INVALIDITY_DATE_OID: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.24");
const DELTA_CRL_INDICATOR_OID: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.27");

/// A CRL that cannot be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CrlError {
    /// Not a DER or PEM CRL.
    #[error("not a CRL: {detail}")]
    Malformed {
        /// The decoder's words.
        detail: String,
    },
}

impl CrlError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            CrlError::Malformed { .. } => "crl_malformed",
        }
    }
}

/// What a CRL's issuingDistributionPoint (RFC 5280 §5.2.5) says it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrlScope {
    /// The distribution point's full names (GeneralName TLVs): the CRL covers only certificates that name
    /// one of them in their cRLDistributionPoints. `None`: every certificate of the issuer.
    pub names: Option<Vec<Vec<u8>>>,
    /// onlyContainsUserCerts: no CA certificates.
    pub only_user_certs: bool,
    /// onlyContainsCACerts: only CA certificates.
    pub only_ca_certs: bool,
    /// A scope hocba does not use (indirect CRL, some reasons only, attribute certificates, a name
    /// relative to the issuer): the CRL is not used at all.
    pub unsupported: Option<&'static str>,
}

/// One revoked serial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedEntry {
    /// Serial number magnitude.
    pub serial: Vec<u8>,
    /// Revocation date.
    pub date: UnixTime,
    /// Reason code, if given.
    pub reason: Option<CrlReason>,
}

/// A decoded CRL.
#[derive(Debug, Clone)]
pub struct CrlInfo {
    /// DER of the CRL.
    pub der: Vec<u8>,
    /// SHA-256 of the DER (the key its signature check is remembered by).
    pub fingerprint: [u8; 32],
    /// DER of the issuer name.
    pub issuer_der: Vec<u8>,
    /// Its comparison key (RFC 5280 §7.1, [`super::dn_compare`]).
    pub(crate) issuer_key: Vec<u8>,
    /// Readable issuer.
    pub issuer: NameInfo,
    /// thisUpdate.
    pub this_update: UnixTime,
    /// nextUpdate.
    pub next_update: Option<UnixTime>,
    /// The revoked serials, sorted by serial and then by date, so that a lookup is a binary search
    /// ([`CrlInfo::entry_for`]): a large CA's CRL lists hundreds of thousands, and a batch looks each
    /// signer and CA up in every record.
    pub revoked: Vec<RevokedEntry>,
    tbs_der: Vec<u8>,
    scheme: Result<SignatureScheme, AlgorithmError>,
    signature: Vec<u8>,
    /// A critical extension hocba does not process, or an issuing distribution point
    /// whose scope it does not use (an indirect CRL, ...): such a CRL is not used.
    pub unsupported_critical: Option<String>,
    /// What its issuingDistributionPoint says it covers (everything the issuer certified when absent).
    pub scope: CrlScope,
    /// cRLNumber (RFC 5280 §5.2.3), as the magnitude of the INTEGER (big-endian, no leading zeros).
    pub number: Option<Vec<u8>>,
    /// For a delta CRL (deltaCRLIndicator, §5.2.4), the number of the complete CRL it brings up to date,
    /// as [`CrlInfo::number`]: its revocations count, and with a complete CRL numbered at least that
    /// it shows a certificate unrevoked as of its own thisUpdate (D-114).
    pub delta_base: Option<Vec<u8>>,
}

impl CrlInfo {
    /// Decodes a DER or PEM CRL.
    ///
    /// # Errors
    /// [`CrlError::Malformed`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CrlInfo, CrlError> {
        let malformed = |e: &dyn core::fmt::Display| CrlError::Malformed {
            detail: e.to_string(),
        };
        let der_bytes = if super::pem::is_pem(bytes) {
            // Read laxly (text around the block, any line width, CRLF: [`super::pem`]); one CRL a file.
            let block = super::pem::single_block(bytes).map_err(|e| malformed(&e))?;
            if block.label != "X509 CRL" {
                return Err(malformed(&alloc::format!("PEM label {}", block.label)));
            }
            block.der
        } else {
            bytes.to_vec()
        };
        // Read in place (x509_walk), like certificates.
        let signed = x509_walk::Signed::parse(&der_bytes).map_err(|e| malformed(&e))?;
        let tbs = x509_walk::tbs_cert_list(signed.tbs).map_err(|e| malformed(&e))?;
        let mut revoked = Vec::with_capacity(tbs.revoked.len());
        let mut unsupported_critical = None;
        for rc in &tbs.revoked {
            let mut reason = None;
            for ext in &rc.extensions {
                if ext.oid == CRL_REASON_OID {
                    reason = CrlReason::from_der(ext.value).ok();
                } else if ext.critical && ext.oid != INVALIDITY_DATE_OID {
                    // RFC 5280 §5.3: such a CRL must not be used for any certificate — it is read, and
                    // left unused, rather than refused as a file (an indirect CRL's certificateIssuer,
                    // NIST PKITS 4.4.8 and 4.14.31).
                    unsupported_critical.get_or_insert_with(|| {
                        alloc::format!("critical CRL entry extension {}", ext.oid)
                    });
                }
            }
            revoked.push(RevokedEntry {
                serial: rc.serial.to_vec(),
                date: rc.date,
                reason,
            });
        }
        sort_for_lookup(&mut revoked);
        let mut scope = CrlScope::default();
        let mut delta_base = None;
        let mut number = None;
        for e in &tbs.extensions {
            if e.oid == IDP_OID {
                // Its scope decides which certificates the CRL speaks for, critical or not (RFC 5280
                // §5.2.5 makes it critical); one that cannot be read leaves the CRL unused.
                match x509_walk::issuing_distribution_point(e.value) {
                    Ok(s) => {
                        if let Some(what) = s.unsupported {
                            unsupported_critical
                                .get_or_insert(alloc::format!("{IDP_OID} ({what})"));
                        }
                        scope = s;
                    }
                    Err(_) => {
                        unsupported_critical.get_or_insert(alloc::format!("{IDP_OID} (malformed)"));
                    }
                }
            } else if e.oid == DELTA_CRL_INDICATOR_OID {
                // BaseCRLNumber ::= INTEGER (0..MAX): the complete CRL this delta brings up to date.
                match crl_number(e.value) {
                    Some(base) => delta_base = Some(base),
                    None => {
                        unsupported_critical.get_or_insert_with(|| {
                            alloc::format!("{DELTA_CRL_INDICATOR_OID} (malformed)")
                        });
                    }
                }
            } else if e.oid == CRL_NUMBER_OID {
                // Needed only to pair a delta CRL with its base; one that does not read pairs with none.
                number = crl_number(e.value);
            } else if e.critical && e.oid != AKI_OID {
                unsupported_critical.get_or_insert_with(|| e.oid.to_string());
            }
        }
        let scheme = signed
            .scheme(tbs.algorithm, "tbsCertList.signature")
            .map_err(|e| malformed(&e))?;
        let issuer = x509_walk::name(tbs.issuer).map_err(|e| malformed(&e))?;
        Ok(CrlInfo {
            fingerprint: sha2::Sha256::digest(&der_bytes).into(),
            issuer_der: tbs.issuer.raw.to_vec(),
            issuer_key: super::dn_compare::name_key(tbs.issuer.raw),
            issuer: NameInfo::from_attributes(&issuer),
            this_update: tbs.this_update,
            next_update: tbs.next_update,
            revoked,
            tbs_der: signed.tbs.raw.to_vec(),
            scheme,
            signature: signed.signature.unwrap_or(&[]).to_vec(),
            unsupported_critical,
            scope,
            number,
            delta_base,
            der: der_bytes,
        })
    }

    /// Can this CRL decide `cert`'s status, once its signer is accepted? It covers the certificate
    /// ([`CrlInfo::covers`]) and has nothing hocba cannot process (RFC 5280 §5.2, §5.3).
    fn speaks_for(&self, cert: &CertInfo) -> bool {
        self.unsupported_critical.is_none() && self.covers(cert)
    }

    /// The entry of `serial` (the earliest, if the CRL lists it more than once), by binary search.
    #[must_use]
    pub fn entry_for(&self, serial: &[u8]) -> Option<&RevokedEntry> {
        let first = self
            .revoked
            .partition_point(|e| e.serial.as_slice() < serial);
        self.revoked.get(first).filter(|e| e.serial == serial)
    }

    /// The revocation of `serial` this CRL states, if any: [`CrlInfo::entry_for`] less a delta CRL's
    /// removeFromCRL entry, which says a hold was lifted, not that the certificate was revoked.
    #[must_use]
    pub fn revocation_for(&self, serial: &[u8]) -> Option<&RevokedEntry> {
        self.entry_for(serial)
            .filter(|e| e.reason != Some(CrlReason::RemoveFromCRL))
    }

    /// Does this CRL speak for `cert` (its issuingDistributionPoint's scope, RFC 5280 §6.3.3 b.2)? The
    /// issuer is checked by [`CrlInfo::signed_by`].
    #[must_use]
    pub fn covers(&self, cert: &CertInfo) -> bool {
        let scope = &self.scope;
        if (scope.only_user_certs && cert.is_ca()) || (scope.only_ca_certs && !cert.is_ca()) {
            return false;
        }
        scope.names.as_ref().is_none_or(|names| {
            cert.crl_distribution_points
                .iter()
                .any(|point| names.contains(point))
        })
    }

    /// Was this CRL signed by `issuer` (name, key usage, signature)?
    #[must_use]
    pub fn signed_by(&self, issuer: &CertInfo) -> bool {
        self.signed_by_cached(issuer, &NoPathCache)
    }

    /// [`CrlInfo::signed_by`], remembering the signature check in `cache`.
    #[must_use]
    pub fn signed_by_cached(&self, issuer: &CertInfo, cache: &dyn PathCache) -> bool {
        if self.issuer_key != issuer.subject_key || check_usage(issuer, Usage::CrlSigning).is_err()
        {
            return false;
        }
        let Ok(scheme) = &self.scheme else {
            return false;
        };
        memo_signature(cache, &self.fingerprint, &issuer.fingerprint, || {
            issuer.verify_message_in(cache, *scheme, &self.tbs_der, &self.signature)
        })
        .is_ok()
    }
}

/// The revocation status of one certificate at the time of signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertStatus {
    /// Not on a CRL issued after the time of signing.
    Good {
        /// thisUpdate of the CRL used.
        crl_this_update: UnixTime,
    },
    /// Revoked before (or at) the time of signing.
    RevokedBefore {
        /// Revocation date.
        date: UnixTime,
        /// Reason.
        reason: Option<CrlReason>,
    },
    /// Revoked after the time of signing, for a reason that does not cast doubt on earlier signatures,
    /// or with the time of signing proven by a timestamp.
    RevokedAfter {
        /// Revocation date.
        date: UnixTime,
        /// Reason.
        reason: Option<CrlReason>,
    },
    /// Revoked after the claimed time of signing for key compromise (or no reason), and no timestamp
    /// proves the signature was made before.
    RevokedAfterUnproven {
        /// Revocation date.
        date: UnixTime,
        /// Reason.
        reason: Option<CrlReason>,
    },
    /// No usable CRL from the issuer (a delta CRL without its base cannot show a certificate unrevoked).
    NoCrl,
    /// The issuer's newest CRL predates the time of signing.
    CrlTooOld {
        /// Its thisUpdate.
        this_update: UnixTime,
    },
}

/// The status of each non-anchor certificate of a path.
#[derive(Debug, Clone)]
pub struct PathRevocation {
    /// (certificate, status), leaf first, anchor excluded.
    pub statuses: Vec<(Arc<CertInfo>, CertStatus)>,
}

/// The reason's name in `lang`.
#[must_use]
pub fn reason_text(reason: Option<CrlReason>, lang: Lang) -> &'static str {
    use CrlReason::*;
    match (reason, lang) {
        (None | Some(Unspecified), Lang::Vi) => "không nêu lý do",
        (None | Some(Unspecified), Lang::En) => "unspecified",
        (Some(KeyCompromise), Lang::Vi) => "lộ khoá bí mật",
        (Some(KeyCompromise), Lang::En) => "key compromise",
        (Some(CaCompromise | AaCompromise), Lang::Vi) => "tổ chức cấp bị lộ khoá",
        (Some(CaCompromise | AaCompromise), Lang::En) => "CA compromise",
        (Some(AffiliationChanged), Lang::Vi) => "thay đổi đơn vị công tác",
        (Some(AffiliationChanged), Lang::En) => "affiliation changed",
        (Some(Superseded), Lang::Vi) => "được thay thế",
        (Some(Superseded), Lang::En) => "superseded",
        (Some(CessationOfOperation), Lang::Vi) => "ngừng hoạt động",
        (Some(CessationOfOperation), Lang::En) => "cessation of operation",
        (Some(CertificateHold), Lang::Vi) => "tạm dừng",
        (Some(CertificateHold), Lang::En) => "certificate hold",
        (Some(RemoveFromCRL), Lang::Vi) => "gỡ khỏi danh sách",
        (Some(RemoveFromCRL), Lang::En) => "remove from CRL",
        (Some(PrivilegeWithdrawn), Lang::Vi) => "thu hồi quyền",
        (Some(PrivilegeWithdrawn), Lang::En) => "privilege withdrawn",
    }
}

/// Was `crl`, which names `issuer`'s CA but is not signed with `issuer`'s key, signed by that CA under
/// another key? After a CA renews its key, its CRLs are signed with the new key and still list the
/// certificates it issued under the old one. RFC 5280 §6.3.3 (f) accepts such a CRL when its signer has the
/// certificate issuer's name, may sign CRLs, and has a valid path to the **same trust anchor** as the
/// certificate. The path is checked at the CRL's thisUpdate, when it signed. Candidates come from the
/// trust store, where the verifier puts the CA's renewed certificate (D-109). The signer's own certificate
/// must not be on a CRL of its issuer among `crls` at that time (NIST PKITS 4.4.21).
fn renewed_ca_signed(
    crl: &CrlInfo,
    issuer: &CertInfo,
    anchor: &Arc<CertInfo>,
    store: &TrustStore,
    crls: &[CrlInfo],
    cache: &dyn PathCache,
) -> bool {
    if crl.issuer_key != issuer.subject_key {
        return false;
    }
    store
        .intermediates()
        .iter()
        .chain(store.anchors())
        .filter(|other| {
            other.subject_key == issuer.subject_key && other.spki_der != issuer.spki_der
        })
        .any(|other| {
            crl.signed_by_cached(other, cache)
                && build_path_cached(other, &[], store, crl.this_update, cache).is_ok_and(|p| {
                    p.anchor().fingerprint == anchor.fingerprint
                        && p.certs.get(1).is_none_or(|signer_issuer| {
                            !listed_before(other, signer_issuer, crls, crl.this_update, cache)
                        })
                })
        })
}

/// Does a CRL of `crls` signed by `issuer` itself list `cert` as revoked at or before `by`? (Only the
/// issuer's own key: a separate CRL key's separate CRL key is not followed.)
fn listed_before(
    cert: &CertInfo,
    issuer: &CertInfo,
    crls: &[CrlInfo],
    by: UnixTime,
    cache: &dyn PathCache,
) -> bool {
    crls.iter()
        .filter(|c| c.speaks_for(cert) && c.signed_by_cached(issuer, cache))
        .filter_map(|c| c.revocation_for(&cert.serial))
        .any(|e| e.date <= by)
}

/// `CRLNumber ::= INTEGER (0..MAX)` as its magnitude (big-endian, no leading zeros); `None` when it does
/// not read or is negative.
fn crl_number(der: &[u8]) -> Option<Vec<u8>> {
    let value = super::der_view::Tlv::parse(der)
        .and_then(|t| t.expect(der::Tag::Integer))
        .ok()?
        .value;
    if value.first().is_none_or(|&b| b >= 0x80) {
        return None;
    }
    let start = value.iter().position(|&b| b != 0).unwrap_or(value.len());
    Some(value[start..].to_vec())
}

/// Is the CRL number `a` at least `b` (both magnitudes from [`crl_number`])?
fn number_at_least(a: &[u8], b: &[u8]) -> bool {
    (a.len(), a) >= (b.len(), b)
}

/// The order [`CrlInfo::entry_for`] searches: by serial, then earliest first.
fn sort_for_lookup(entries: &mut [RevokedEntry]) {
    entries.sort_by(|a, b| a.serial.cmp(&b.serial).then(a.date.cmp(&b.date)));
}

fn casts_doubt_backwards(reason: Option<CrlReason>) -> bool {
    matches!(
        reason,
        None | Some(
            CrlReason::Unspecified
                | CrlReason::KeyCompromise
                | CrlReason::CaCompromise
                | CrlReason::AaCompromise
        )
    )
}

/// Checks every non-anchor certificate of `path` against `crls` at time `at`; `time_proven` says whether
/// a timestamp proves `at`. `store` holds the CA certificates a CRL may be signed with besides the
/// issuer's own ([`renewed_ca_signed`]).
#[must_use]
pub fn check_path(
    path: &CertPath,
    crls: &[CrlInfo],
    at: UnixTime,
    time_proven: bool,
    store: &TrustStore,
) -> PathRevocation {
    check_path_cached(path, crls, at, time_proven, store, &NoPathCache)
}

/// [`check_path`], remembering CRL signature checks in `cache` (the result is the same).
#[must_use]
pub fn check_path_cached(
    path: &CertPath,
    crls: &[CrlInfo],
    at: UnixTime,
    time_proven: bool,
    store: &TrustStore,
    cache: &dyn PathCache,
) -> PathRevocation {
    let mut statuses = Vec::new();
    for pair in path.certs.windows(2) {
        let (cert, issuer) = (&pair[0], &pair[1]);
        let usable: Vec<&CrlInfo> = crls
            .iter()
            .filter(|c| {
                c.speaks_for(cert)
                    && (c.signed_by_cached(issuer, cache)
                        || renewed_ca_signed(c, issuer, path.anchor(), store, crls, cache))
            })
            .collect();
        // Every usable CRL's revocations count, a delta CRL's too. What shows the certificate unrevoked
        // up to a CRL's thisUpdate is a complete CRL, or a delta CRL together with a complete CRL it
        // brings up to date (RFC 5280 §5.2.4: numbered at least its BaseCRLNumber).
        let entry = usable
            .iter()
            .filter_map(|c| c.revocation_for(&cert.serial))
            .min_by_key(|e| e.date);
        let completes = |base: &[u8]| {
            usable.iter().any(|full| {
                full.delta_base.is_none()
                    && full
                        .number
                        .as_deref()
                        .is_some_and(|n| number_at_least(n, base))
            })
        };
        let newest_complete = usable
            .iter()
            .filter(|c| c.delta_base.as_deref().is_none_or(completes))
            .map(|c| c.this_update)
            .max();
        let status = match (entry, newest_complete) {
            (Some(e), _) if e.date <= at => CertStatus::RevokedBefore {
                date: e.date,
                reason: e.reason,
            },
            (Some(e), _) if !time_proven && casts_doubt_backwards(e.reason) => {
                CertStatus::RevokedAfterUnproven {
                    date: e.date,
                    reason: e.reason,
                }
            }
            (Some(e), _) => CertStatus::RevokedAfter {
                date: e.date,
                reason: e.reason,
            },
            (None, None) => CertStatus::NoCrl,
            (None, Some(this_update)) if this_update >= at => CertStatus::Good {
                crl_this_update: this_update,
            },
            (None, Some(this_update)) => CertStatus::CrlTooOld { this_update },
        };
        statuses.push((Arc::clone(cert), status));
    }
    PathRevocation { statuses }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn entries_are_found_by_binary_search_earliest_first() {
        let mut crl = CrlInfo::from_bytes(include_bytes!(
            "../../../tests/pki/pkits/crls/GoodCACRL.crl"
        ))
        .unwrap();
        assert_eq!(crl.revoked.len(), 2);
        assert_eq!(crl.entry_for(&[0x0f]).unwrap().date.0, 1_262_334_601);
        assert!(crl.entry_for(&[0x10]).is_none());
        // A large CA's list: 200,000 serials, one listed twice (the earlier date wins).
        let entry = |serial: u32, date: i64| RevokedEntry {
            serial: serial.to_be_bytes().to_vec(),
            date: UnixTime(date),
            reason: None,
        };
        crl.revoked = (0..200_000u32)
            .map(|i| entry(i * 2 + 1, i64::from(i)))
            .collect();
        crl.revoked.insert(1001, entry(1001, 7));
        sort_for_lookup(&mut crl.revoked);
        assert_eq!(
            crl.entry_for(&1001u32.to_be_bytes()).unwrap().date,
            UnixTime(7)
        );
        assert_eq!(
            crl.entry_for(&1u32.to_be_bytes()).unwrap().date,
            UnixTime(0)
        );
        assert_eq!(
            crl.entry_for(&399_999u32.to_be_bytes()).unwrap().date,
            UnixTime(199_999)
        );
        for absent in [0u32, 2, 1000, 400_000, u32::MAX] {
            assert!(crl.entry_for(&absent.to_be_bytes()).is_none(), "{absent}");
        }
    }
}
