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
use super::der_view::Tlv;
pub use super::distribution_point::CrlScope;
use super::distribution_point::{is_directory_name, DistributionPoint, ReasonSet};
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
const CERTIFICATE_ISSUER_OID: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("2.5.29.29");

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

/// One revoked serial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedEntry {
    /// Serial number magnitude.
    pub serial: Vec<u8>,
    /// Revocation date.
    pub date: UnixTime,
    /// Reason code, if given.
    pub reason: Option<CrlReason>,
    /// In an indirect CRL, the name key of the certificate's issuer when a certificateIssuer entry
    /// extension (this entry's or an earlier one's, RFC 5280 §5.3.3) names another authority than the
    /// CRL's issuer; `None`: the CRL's issuer.
    pub issuer: Option<Vec<u8>>,
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
        // The issuer of the entries so far: certificateIssuer carries over to the entries after it.
        let mut entry_issuer: Option<Vec<u8>> = None;
        let mut names_other_issuers = false;
        for rc in &tbs.revoked {
            let mut reason = None;
            for ext in &rc.extensions {
                if ext.oid == CRL_REASON_OID {
                    reason = CrlReason::from_der(ext.value).ok();
                } else if ext.oid == CERTIFICATE_ISSUER_OID {
                    names_other_issuers = true;
                    match certificate_issuer(ext.value) {
                        Some(key) => entry_issuer = Some(key),
                        None => {
                            unsupported_critical.get_or_insert_with(|| {
                                alloc::format!("{CERTIFICATE_ISSUER_OID} (malformed)")
                            });
                        }
                    }
                } else if ext.critical && ext.oid != INVALIDITY_DATE_OID {
                    // RFC 5280 §5.3: such a CRL must not be used for any certificate — it is read, and
                    // left unused, rather than refused as a file (NIST PKITS 4.4.8).
                    unsupported_critical.get_or_insert_with(|| {
                        alloc::format!("critical CRL entry extension {}", ext.oid)
                    });
                }
            }
            revoked.push(RevokedEntry {
                serial: rc.serial.to_vec(),
                date: rc.date,
                reason,
                issuer: entry_issuer.clone(),
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
                match super::distribution_point::issuing_distribution_point(e.value, tbs.issuer.raw)
                {
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
        if names_other_issuers && !scope.indirect {
            // §5.3.3: only an indirect CRL lists other authorities' certificates.
            unsupported_critical.get_or_insert_with(|| {
                alloc::format!("{CERTIFICATE_ISSUER_OID} in a CRL that is not indirect")
            });
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

    /// The reasons for which this CRL speaks for `cert` through its distribution point `point`, once
    /// its signer is accepted (RFC 5280 §6.3.3 b and d): none when it has something hocba cannot process
    /// (§5.2, §5.3) or its scope leaves the certificate out.
    #[must_use]
    pub fn reasons_for_point(&self, cert: &CertInfo, point: &DistributionPoint) -> ReasonSet {
        let scope = &self.scope;
        if self.unsupported_critical.is_some()
            || (scope.only_user_certs && cert.is_ca())
            || (scope.only_ca_certs && !cert.is_ca())
        {
            return ReasonSet::NONE;
        }
        // b.1: the CRL's issuer is the point's cRLIssuer (and the CRL says it is indirect), or else
        // the certificate's issuer.
        let issued_for_point = match &point.crl_issuer {
            Some(authorities) => {
                scope.indirect
                    && authorities
                        .iter()
                        .any(|a| is_directory_name(a, &self.issuer_key))
            }
            None => self.issuer_key == cert.issuer_key,
        };
        // b.2.i: a named CRL covers a point of one of its names, or a point named by its cRLIssuer.
        let named = scope.names.as_ref().is_none_or(|names| {
            point
                .names
                .as_ref()
                .or(point.crl_issuer.as_ref())
                .is_some_and(|point_names| point_names.iter().any(|n| names.contains(n)))
        });
        if issued_for_point && named {
            scope.reasons.intersection(point.reasons)
        } else {
            ReasonSet::NONE
        }
    }

    /// The reasons for which this CRL speaks for `cert` through any of its distribution points (the
    /// implicit one of its issuer when it names none).
    #[must_use]
    pub fn reasons_for(&self, cert: &CertInfo) -> ReasonSet {
        points_of(cert).iter().fold(ReasonSet::NONE, |all, p| {
            all.union(self.reasons_for_point(cert, p))
        })
    }

    /// The entry of the certificate `serial` issued by `issuer_key` (a name key; the earliest entry, if
    /// the CRL lists it more than once), by binary search.
    #[must_use]
    pub fn entry_for(&self, serial: &[u8], issuer_key: &[u8]) -> Option<&RevokedEntry> {
        let first = self
            .revoked
            .partition_point(|e| e.serial.as_slice() < serial);
        self.revoked[first..]
            .iter()
            .take_while(|e| e.serial == serial)
            .find(|e| self.issuer_of(e) == issuer_key)
    }

    /// The name key of the issuer of the certificate `entry` lists: the certificateIssuer in force at
    /// the entry, else this CRL's issuer.
    #[must_use]
    pub fn issuer_of<'e>(&'e self, entry: &'e RevokedEntry) -> &'e [u8] {
        entry.issuer.as_deref().unwrap_or(&self.issuer_key)
    }

    /// The revocation of `cert` this CRL states, if any: [`CrlInfo::entry_for`] less a delta CRL's
    /// removeFromCRL entry, which says a hold was lifted, not that the certificate was revoked.
    #[must_use]
    pub fn revocation_for(&self, cert: &CertInfo) -> Option<&RevokedEntry> {
        self.entry_for(&cert.serial, &cert.issuer_key)
            .filter(|e| e.reason != Some(CrlReason::RemoveFromCRL))
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
    /// The usable CRLs cover only some revocation reasons (onlySomeReasons) and none lists the
    /// certificate: it may be revoked for another.
    SomeReasonsOnly,
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

/// The distribution points of `cert`, or the implicit one of its issuer when it names none.
fn points_of(cert: &CertInfo) -> &[DistributionPoint] {
    if cert.crl_distribution_points.is_empty() {
        core::slice::from_ref(&DistributionPoint::IMPLICIT)
    } else {
        &cert.crl_distribution_points
    }
}

/// `certificateIssuer ::= GeneralNames`: the name key of its directoryName (an empty key, which no
/// name has, when it gives none); `None` when it does not read.
fn certificate_issuer(der: &[u8]) -> Option<Vec<u8>> {
    let names = Tlv::parse(der).ok()?.expect(der::Tag::Sequence).ok()?;
    let mut key = Vec::new();
    for name in names.children().ok()? {
        let name = name.ok()?;
        if key.is_empty() && name.tag == super::der_view::context(der::TagNumber::N4, true) {
            key = super::dn_compare::name_key(name.value);
        }
    }
    (!names.value.is_empty()).then_some(key)
}

/// Was `crl` signed by a certificate of the trust store named as its issuer, other than the one whose
/// key is `except` (DER SubjectPublicKeyInfo), with a valid path to the **same trust anchor** as the
/// certificate it speaks for (RFC 5280 §6.3.3 f)? The path is checked at the CRL's thisUpdate, when it
/// signed, and the signer's own certificate must not be on a CRL of its issuer among `crls` at that time
/// (NIST PKITS 4.4.21). The verifier puts such signers in the trust store as intermediates: a CA's
/// renewed certificate (D-109), an indirect CRL's issuer (D-115).
fn signed_by_certified_authority(
    crl: &CrlInfo,
    except: Option<&[u8]>,
    anchor: &Arc<CertInfo>,
    store: &TrustStore,
    crls: &[CrlInfo],
    cache: &dyn PathCache,
) -> bool {
    store
        .intermediates()
        .iter()
        .chain(store.anchors())
        .filter(|other| {
            other.subject_key == crl.issuer_key && except != Some(other.spki_der.as_slice())
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

/// Was `crl`, which names `issuer`'s CA but is not signed with `issuer`'s key, signed by that CA under
/// another key? After a CA renews its key, its CRLs are signed with the new key and still list the
/// certificates it issued under the old one: [`signed_by_certified_authority`] with the CA's name.
fn renewed_ca_signed(
    crl: &CrlInfo,
    issuer: &CertInfo,
    anchor: &Arc<CertInfo>,
    store: &TrustStore,
    crls: &[CrlInfo],
    cache: &dyn PathCache,
) -> bool {
    crl.issuer_key == issuer.subject_key
        && signed_by_certified_authority(crl, Some(&issuer.spki_der), anchor, store, crls, cache)
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
        .filter(|c| !c.reasons_for(cert).is_empty() && c.signed_by_cached(issuer, cache))
        .filter_map(|c| c.revocation_for(cert))
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
        let usable = usable_crls(cert, issuer, path.anchor(), crls, store, cache);
        // Every usable CRL's revocations count, a delta CRL's too, except a hold a later CRL released.
        // What shows the certificate unrevoked up to a CRL's thisUpdate is a complete CRL, or a delta
        // CRL together with a complete CRL it brings up to date (RFC 5280 §5.2.4: numbered at least its
        // BaseCRLNumber).
        let entry = usable
            .iter()
            .filter_map(|(c, _)| {
                c.revocation_for(cert)
                    .filter(|e| !hold_released(cert, c, e, &usable))
            })
            .min_by_key(|e| e.date);
        let completes = |base: &[u8]| {
            usable.iter().any(|(full, _)| {
                full.delta_base.is_none()
                    && full
                        .number
                        .as_deref()
                        .is_some_and(|n| number_at_least(n, base))
            })
        };
        let complete: Vec<(UnixTime, ReasonSet)> = usable
            .iter()
            .filter(|(c, _)| c.delta_base.as_deref().is_none_or(completes))
            .map(|(c, reasons)| (c.this_update, *reasons))
            .collect();
        // Unrevoked up to the oldest of the newest CRLs for each reason: with CRLs partitioned by
        // reason (onlySomeReasons, §6.3.3 d), every reason must be covered.
        let newest_for = |flag: u8| {
            complete
                .iter()
                .filter(|(_, reasons)| reasons.contains(flag))
                .map(|(this_update, _)| *this_update)
                .max()
        };
        let coverage = if complete.is_empty() {
            Coverage::NoCrl
        } else {
            ReasonSet::flags()
                .map(newest_for)
                .collect::<Option<Vec<UnixTime>>>()
                .and_then(|times| times.into_iter().min())
                .map_or(Coverage::SomeReasonsOnly, Coverage::Until)
        };
        let status = match (entry, coverage) {
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
            (None, Coverage::NoCrl) => CertStatus::NoCrl,
            (None, Coverage::SomeReasonsOnly) => CertStatus::SomeReasonsOnly,
            (None, Coverage::Until(this_update)) if this_update >= at => CertStatus::Good {
                crl_this_update: this_update,
            },
            (None, Coverage::Until(this_update)) => CertStatus::CrlTooOld { this_update },
        };
        statuses.push((Arc::clone(cert), status));
    }
    PathRevocation { statuses }
}

/// How far the usable complete CRLs show a certificate unrevoked.
#[derive(Debug, Clone, Copy)]
enum Coverage {
    /// No complete CRL (or delta with its base) is usable.
    NoCrl,
    /// Some reason is covered by none of them (CRLs partitioned by reason).
    SomeReasonsOnly,
    /// Every reason, up to the oldest of the newest CRLs for each.
    Until(UnixTime),
}

/// ReasonFlags' number of certificateHold.
const HOLD_FLAG: u8 = 6;

/// Did a CRL of `usable` issued after `crl` release the hold `entry` of `crl` puts `cert` on? A delta
/// CRL says so with a removeFromCRL entry, a complete CRL that covers holds by no longer listing the
/// certificate (RFC 5280 §5.3.1; NIST PKITS 4.15.5). A released hold is not a revocation: the key was
/// suspended and given back, never withdrawn. Any other reason is final, whatever later CRLs say.
fn hold_released(
    cert: &CertInfo,
    crl: &CrlInfo,
    entry: &RevokedEntry,
    usable: &[(&CrlInfo, ReasonSet)],
) -> bool {
    entry.reason == Some(CrlReason::CertificateHold)
        && usable.iter().any(|(later, reasons)| {
            later.this_update > crl.this_update
                && reasons.contains(HOLD_FLAG)
                && match later.entry_for(&cert.serial, &cert.issuer_key) {
                    Some(e) => e.reason == Some(CrlReason::RemoveFromCRL),
                    None => later.delta_base.is_none(),
                }
        })
}

/// The CRLs of `crls` that speak for `cert`, issued by `issuer` under `anchor`, each with the reasons it
/// speaks for (RFC 5280 §6.3.3 b–g, through each of the certificate's distribution points): its signer
/// is the issuer, the issuer under a renewed key, or for a point with a cRLIssuer that authority.
fn usable_crls<'c>(
    cert: &CertInfo,
    issuer: &CertInfo,
    anchor: &Arc<CertInfo>,
    crls: &'c [CrlInfo],
    store: &TrustStore,
    cache: &dyn PathCache,
) -> Vec<(&'c CrlInfo, ReasonSet)> {
    let mut usable = Vec::new();
    for crl in crls {
        // Each signer check at most once a CRL.
        let mut by_issuer: Option<bool> = None;
        let mut by_renewed_key: Option<bool> = None;
        let mut by_authority: Option<bool> = None;
        let mut reasons = ReasonSet::NONE;
        for point in points_of(cert) {
            let for_point = crl.reasons_for_point(cert, point);
            if for_point.is_empty() || reasons.union(for_point) == reasons {
                continue;
            }
            let own = *by_issuer.get_or_insert_with(|| crl.signed_by_cached(issuer, cache));
            let signed = own
                || if point.crl_issuer.is_some() {
                    *by_authority.get_or_insert_with(|| {
                        signed_by_certified_authority(crl, None, anchor, store, crls, cache)
                    })
                } else {
                    *by_renewed_key.get_or_insert_with(|| {
                        renewed_ca_signed(crl, issuer, anchor, store, crls, cache)
                    })
                };
            if signed {
                reasons = reasons.union(for_point);
            }
        }
        if !reasons.is_empty() {
            usable.push((crl, reasons));
        }
    }
    usable
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
        let ca = crl.issuer_key.clone();
        assert_eq!(crl.entry_for(&[0x0f], &ca).unwrap().date.0, 1_262_334_601);
        assert!(crl.entry_for(&[0x10], &ca).is_none());
        // The same serial of another issuer is another certificate.
        assert!(crl.entry_for(&[0x0f], b"another").is_none());
        // A large CA's list: 200,000 serials, one listed twice (the earlier date wins).
        let entry = |serial: u32, date: i64| RevokedEntry {
            serial: serial.to_be_bytes().to_vec(),
            date: UnixTime(date),
            reason: None,
            issuer: None,
        };
        crl.revoked = (0..200_000u32)
            .map(|i| entry(i * 2 + 1, i64::from(i)))
            .collect();
        crl.revoked.insert(1001, entry(1001, 7));
        sort_for_lookup(&mut crl.revoked);
        assert_eq!(
            crl.entry_for(&1001u32.to_be_bytes(), &ca).unwrap().date,
            UnixTime(7)
        );
        assert_eq!(
            crl.entry_for(&1u32.to_be_bytes(), &ca).unwrap().date,
            UnixTime(0)
        );
        assert_eq!(
            crl.entry_for(&399_999u32.to_be_bytes(), &ca).unwrap().date,
            UnixTime(199_999)
        );
        for absent in [0u32, 2, 1000, 400_000, u32::MAX] {
            assert!(
                crl.entry_for(&absent.to_be_bytes(), &ca).is_none(),
                "{absent}"
            );
        }
    }
}
