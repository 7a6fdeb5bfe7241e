//! Certification path building and validation at a given time (RFC 5280 §6, for document signatures).
//!
//! Document signatures are judged at the time they were made, not at the time they are read: a grade-1
//! record must still verify at grade 12, long after the teacher's certificate expired. So every validity
//! period is checked at `at` (the signing time, or the time a timestamp proves), which the caller passes
//! in. Paths are built depth-first from the signer's certificate through the certificates the signature
//! embeds and the trust store's intermediates to a trust anchor; every link's signature, every issuer's
//! basicConstraints, pathLenConstraint and keyUsage, every validity period, the name constraints and
//! certificate policies, and every critical extension is checked. When no path works, the most telling
//! failure is reported: a failure on a path that reached an anchor beats one that did not, and a deeper
//! failure beats a shallower one.

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::algorithms::AlgorithmError;
use super::cache::{memo_signature, NoPathCache, PathCache};
use super::cert::CertInfo;
use super::key_usage::{check_usage, KeyUsageError, Usage};
use super::name_constraints::{constraints_of, NameViolation};
use super::policy::{check_policies, InitialPolicies};
use super::trust_store::TrustStore;
use crate::time::UnixTime;
use crate::Lang;

/// Longest path accepted (certificates, anchor included).
pub const MAX_PATH_LEN: usize = 8;

/// Most candidate issuers one path search considers (each may cost a signature check). Depth-first search
/// is exponential in the worst case: 16 embedded CA certificates sharing one name and one key each appear
/// to have issued every other, and a path of 8 can be ordered in 16·15·…·9 ≈ 5·10⁸ ways (x509-limbo's
/// `pathological-chain-same-subject-same-key`, Go's `TestPathologicalChains`). A real hierarchy — even a
/// CA renewed several times and cross-certified — needs a few dozen; rustls-webpki stops at 100
/// signature checks and 200 calls for the same reason.
pub const MAX_PATH_CANDIDATES: usize = 256;

/// A validated path: the signer's certificate first, the trust anchor last.
#[derive(Debug, Clone)]
pub struct CertPath {
    /// The certificates, leaf first.
    pub certs: Vec<Arc<CertInfo>>,
}

impl CertPath {
    /// The signer's certificate.
    #[must_use]
    pub fn leaf(&self) -> &Arc<CertInfo> {
        &self.certs[0]
    }

    /// The trust anchor.
    #[must_use]
    pub fn anchor(&self) -> &Arc<CertInfo> {
        &self.certs[self.certs.len() - 1]
    }
}

/// Why no valid path exists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// No certificate issued by a trust anchor: the chain ends at an unknown root.
    #[error(
        "no path from {subject} to a trusted root: its issuer {issuer} is not in the trust store"
    )]
    UnknownIssuer {
        /// The last certificate reached.
        subject: String,
        /// Its issuer's name.
        issuer: String,
    },
    /// The only candidate paths go round in a loop.
    #[error("the certificates of {subject} form a loop and never reach a trusted root")]
    Loop {
        /// A certificate met twice.
        subject: String,
    },
    /// The path is longer than allowed.
    #[error("the certification path is longer than {max} certificates")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// A certificate had expired at the time of signing.
    #[error(
        "the certificate of {subject} expired on {not_after}, before the time of signing {at}"
    )]
    Expired {
        /// Its subject.
        subject: String,
        /// End of validity.
        not_after: UnixTime,
        /// The time checked.
        at: UnixTime,
    },
    /// A certificate was not yet valid at the time of signing.
    #[error("the certificate of {subject} is valid only from {not_before}, after the time of signing {at}")]
    NotYetValid {
        /// Its subject.
        subject: String,
        /// Start of validity.
        not_before: UnixTime,
        /// The time checked.
        at: UnixTime,
    },
    /// An issuing certificate is not a CA (basicConstraints cA false or absent).
    #[error("{subject} issued a certificate but is not a certification authority (basicConstraints cA is not true)")]
    NotACa {
        /// The issuer.
        subject: String,
    },
    /// pathLenConstraint exceeded.
    #[error("{subject} allows {path_len} intermediate CAs below it, the path has {found}")]
    PathLenExceeded {
        /// The constraining CA.
        subject: String,
        /// Its constraint.
        path_len: u8,
        /// Intermediates below it.
        found: usize,
    },
    /// An issuer's keyUsage excludes certificate signing.
    #[error("{0}")]
    IssuerKeyUsage(KeyUsageError),
    /// A certificate's algorithm or key is refused, or its signature does not verify.
    #[error("certificate of {subject}: {error}")]
    Algorithm {
        /// The certificate concerned.
        subject: String,
        /// Why.
        error: AlgorithmError,
    },
    /// A critical extension hocba does not process.
    #[error("the certificate of {subject} has a critical extension hocba does not process: {oid}")]
    UnsupportedCriticalExtension {
        /// The certificate.
        subject: String,
        /// The extension.
        oid: String,
    },
    /// The certificates offer more candidate paths than a search tries ([`MAX_PATH_CANDIDATES`]): a
    /// defence against certificate sets crafted to make path building take forever.
    #[error("the certificates offer more than {limit} candidate issuers for {subject}; path building stopped without finding a path to a trusted root")]
    SearchExhausted {
        /// The signer's certificate.
        subject: String,
        /// The limit.
        limit: usize,
    },
    /// A certificate's names break the name constraints of a CA above it (RFC 5280 §4.2.1.10).
    #[error("{ca} limits the names of the certificates below it, and the certificate of {subject} breaks that: {violation}")]
    NameConstraints {
        /// The certificate whose names are refused.
        subject: String,
        /// The constraining CA.
        ca: String,
        /// Which name and why.
        violation: NameViolation,
    },
    /// A CA on the path requires an explicit certificate policy (policyConstraints
    /// requireExplicitPolicy) and no policy is valid for the path down to this certificate (RFC 5280
    /// §6.1.3 f, §6.1.5).
    #[error("a certification authority on the path requires a certificate policy, and no policy is valid for the path down to the certificate of {subject}")]
    PolicyRequired {
        /// The certificate at which no policy was left.
        subject: String,
    },
    /// The verifier requires a policy it accepts (initial-explicit-policy, or a CA's requirement with
    /// a narrowed user-initial-policy-set), and none is valid for the path (RFC 5280 §6.1.5 g).
    #[error("no certificate policy the verifier accepts is valid for the path down to the certificate of {subject}")]
    PolicyNotAcceptable {
        /// The certificate at which no acceptable policy was left.
        subject: String,
    },
    /// A CA maps a policy from or to anyPolicy (RFC 5280 §6.1.4 a).
    #[error("the certificate of {subject} maps a certificate policy from or to anyPolicy")]
    PolicyMappingAnyPolicy {
        /// The mapping CA.
        subject: String,
    },
}

impl PathError {
    /// Stable machine code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PathError::UnknownIssuer { .. } => "path_unknown_root",
            PathError::Loop { .. } => "path_loop",
            PathError::TooLong { .. } => "path_too_long",
            PathError::Expired { .. } => "certificate_expired",
            PathError::NotYetValid { .. } => "certificate_not_yet_valid",
            PathError::NotACa { .. } => "issuer_not_ca",
            PathError::PathLenExceeded { .. } => "path_length_exceeded",
            PathError::IssuerKeyUsage(_) => "issuer_key_usage_not_allowed",
            PathError::Algorithm {
                error: AlgorithmError::BadSignature,
                ..
            } => "certificate_signature_invalid",
            PathError::Algorithm { error, .. } => error.code(),
            PathError::UnsupportedCriticalExtension { .. } => "unsupported_critical_extension",
            PathError::NameConstraints { violation, .. } => violation.code(),
            PathError::SearchExhausted { .. } => "path_search_exhausted",
            PathError::PolicyRequired { .. } => "policy_required",
            PathError::PolicyNotAcceptable { .. } => "policy_not_acceptable",
            PathError::PolicyMappingAnyPolicy { .. } => "policy_mapping_any_policy",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return alloc::string::ToString::to_string(self);
        }
        match self {
            PathError::UnknownIssuer { subject, issuer } => alloc::format!(
                "không xây dựng được đường dẫn từ {subject} tới một chứng thư gốc tin cậy: tổ chức cấp {issuer} không có trong danh sách tin cậy"
            ),
            PathError::Loop { subject } => alloc::format!(
                "các chứng thư số của {subject} tạo thành vòng lặp, không dẫn tới chứng thư gốc tin cậy"
            ),
            PathError::TooLong { max } => {
                alloc::format!("đường dẫn chứng thư dài hơn {max} chứng thư")
            }
            PathError::Expired {
                subject,
                not_after,
                at,
            } => alloc::format!(
                "chứng thư số của {subject} đã hết hạn ngày {}, trước thời điểm ký {}",
                not_after.to_vietnam_local(),
                at.to_vietnam_local()
            ),
            PathError::NotYetValid {
                subject,
                not_before,
                at,
            } => alloc::format!(
                "chứng thư số của {subject} chỉ có hiệu lực từ {}, sau thời điểm ký {}",
                not_before.to_vietnam_local(),
                at.to_vietnam_local()
            ),
            PathError::NotACa { subject } => alloc::format!(
                "{subject} đã cấp chứng thư nhưng không phải tổ chức cung cấp dịch vụ chứng thực (basicConstraints cA không bật)"
            ),
            PathError::PathLenExceeded {
                subject,
                path_len,
                found,
            } => alloc::format!(
                "{subject} chỉ cho phép {path_len} CA trung gian bên dưới, đường dẫn có {found}"
            ),
            PathError::IssuerKeyUsage(e) => e.message(Lang::Vi),
            PathError::Algorithm { subject, error } => {
                alloc::format!("chứng thư số của {subject}: {}", error.message(Lang::Vi))
            }
            PathError::UnsupportedCriticalExtension { subject, oid } => alloc::format!(
                "chứng thư số của {subject} có phần mở rộng bắt buộc (critical) mà hocba không xử lý: {oid}"
            ),
            PathError::SearchExhausted { subject, limit } => alloc::format!(
                "các chứng thư số đưa ra hơn {limit} tổ chức cấp có thể có cho {subject}; đã dừng xây dựng đường dẫn mà chưa tới được chứng thư gốc tin cậy"
            ),
            PathError::NameConstraints {
                subject,
                ca,
                violation,
            } => alloc::format!(
                "{ca} giới hạn tên của các chứng thư bên dưới, chứng thư số của {subject} vi phạm giới hạn đó: {}",
                violation.message(Lang::Vi)
            ),
            PathError::PolicyRequired { subject } => alloc::format!(
                "một tổ chức chứng thực trên đường dẫn yêu cầu chính sách chứng thư, và không chính sách nào hợp lệ cho đường dẫn tới chứng thư số của {subject}"
            ),
            PathError::PolicyNotAcceptable { subject } => alloc::format!(
                "không chính sách chứng thư nào mà bên kiểm tra chấp nhận hợp lệ cho đường dẫn tới chứng thư số của {subject}"
            ),
            PathError::PolicyMappingAnyPolicy { subject } => alloc::format!(
                "chứng thư số của {subject} ánh xạ một chính sách chứng thư từ hoặc tới anyPolicy"
            ),
        }
    }
}

struct Search<'a> {
    pool: Vec<Arc<CertInfo>>,
    store: &'a TrustStore,
    cache: &'a dyn PathCache,
    at: UnixTime,
    /// The verifier's certificate-policy inputs.
    policies: &'a InitialPolicies,
    best: Option<((bool, usize), PathError)>,
    /// A link whose signature could not be computed at all (the WebAssembly signature module did not
    /// load, D-123): a path through it may be valid, so no failure elsewhere decides the search.
    undecided: Option<PathError>,
    /// Candidate issuers considered so far (bounded by [`MAX_PATH_CANDIDATES`]).
    candidates_seen: usize,
}

impl Search<'_> {
    fn record(&mut self, reached_anchor: bool, depth: usize, error: PathError) {
        if matches!(
            error,
            PathError::Algorithm {
                error: AlgorithmError::ArithmeticUnavailable,
                ..
            }
        ) {
            self.undecided.get_or_insert(error);
            return;
        }
        let rank = (reached_anchor, depth);
        if self.best.as_ref().is_none_or(|(r, _)| rank > *r) {
            self.best = Some((rank, error));
        }
    }

    fn run(&mut self, path: &mut Vec<Arc<CertInfo>>) -> Option<CertPath> {
        let current = Arc::clone(path.last()?);
        let depth = path.len();
        if self.store.is_anchor(&current.fingerprint) {
            match validate(path, self.store, self.at, self.policies) {
                Ok(()) => {
                    return Some(CertPath {
                        certs: path.clone(),
                    })
                }
                Err(e) => {
                    self.record(true, depth, e);
                    return None;
                }
            }
        }
        if depth >= MAX_PATH_LEN {
            self.record(false, depth, PathError::TooLong { max: MAX_PATH_LEN });
            return None;
        }
        let candidates: Vec<Arc<CertInfo>> = self
            .store
            .anchors()
            .iter()
            .chain(self.store.intermediates().iter())
            .chain(self.pool.iter())
            .filter(|c| current.may_be_issued_by(c))
            .cloned()
            .collect();
        let mut tried = Vec::new();
        let mut any = false;
        for cand in candidates {
            if tried.contains(&cand.fingerprint) {
                continue;
            }
            tried.push(cand.fingerprint);
            self.candidates_seen += 1;
            if self.candidates_seen > MAX_PATH_CANDIDATES {
                return None;
            }
            if path.iter().any(|p| p.fingerprint == cand.fingerprint) {
                // A self-signed certificate that is not an anchor is an unknown root, not a loop.
                if cand.fingerprint == current.fingerprint {
                    continue;
                }
                self.record(
                    false,
                    depth + 1,
                    PathError::Loop {
                        subject: cand.display_name(),
                    },
                );
                any = true;
                continue;
            }
            any = true;
            let linked = self
                .store
                .link_verified(&current.fingerprint, &cand.fingerprint)
                || match memo_signature(self.cache, &current.fingerprint, &cand.fingerprint, || {
                    current.verify_signed_by_in(&cand, self.cache)
                }) {
                    Ok(()) => true,
                    Err(error) => {
                        self.record(
                            false,
                            depth,
                            PathError::Algorithm {
                                subject: current.display_name(),
                                error,
                            },
                        );
                        false
                    }
                };
            if !linked {
                continue;
            }
            path.push(cand);
            if let Some(found) = self.run(path) {
                return Some(found);
            }
            path.pop();
        }
        if !any {
            self.record(
                false,
                depth,
                PathError::UnknownIssuer {
                    subject: current.display_name(),
                    issuer: current.issuer.display(),
                },
            );
        }
        None
    }
}

/// Checks a complete path (leaf first, anchor last) at `at`.
fn validate(
    path: &[Arc<CertInfo>],
    store: &TrustStore,
    at: UnixTime,
    policies: &InitialPolicies,
) -> Result<(), PathError> {
    for (i, cert) in path.iter().enumerate() {
        if at < cert.not_before {
            return Err(PathError::NotYetValid {
                subject: cert.display_name(),
                not_before: cert.not_before,
                at,
            });
        }
        if at > cert.not_after {
            return Err(PathError::Expired {
                subject: cert.display_name(),
                not_after: cert.not_after,
                at,
            });
        }
        if let Some(oid) = cert.unsupported_critical.first() {
            return Err(PathError::UnsupportedCriticalExtension {
                subject: cert.display_name(),
                oid: oid.clone(),
            });
        }
        if let Err(error) = &cert.key {
            return Err(PathError::Algorithm {
                subject: cert.display_name(),
                error: error.clone(),
            });
        }
        if i == 0 {
            continue;
        }
        let is_anchor = store.is_anchor(&cert.fingerprint);
        // A v1 root without basicConstraints may still be an anchor; everything else must say cA.
        let is_ca = match cert.basic_constraints {
            Some((ca, _)) => ca,
            None => is_anchor && !cert.has_extensions,
        };
        if !is_ca {
            return Err(PathError::NotACa {
                subject: cert.display_name(),
            });
        }
        check_usage(cert, Usage::CertificateSigning).map_err(PathError::IssuerKeyUsage)?;
        if let Some((_, Some(path_len))) = cert.basic_constraints {
            let below = path[1..i].iter().filter(|c| !c.is_self_issued()).count();
            if below > usize::from(path_len) {
                return Err(PathError::PathLenExceeded {
                    subject: cert.display_name(),
                    path_len,
                    found: below,
                });
            }
        }
        check_name_constraints(cert, &path[..i])?;
    }
    check_policies(path, policies)
}

/// The name constraints of the CA `ca` over the certificates `below` it (leaf first). Self-issued
/// certificates other than the leaf are exempt (RFC 5280 §6.1.3 b). A trust anchor's own constraints
/// apply too, as OpenSSL and Go apply them: a root that limits its names means it (D-105).
fn check_name_constraints(ca: &CertInfo, below: &[Arc<CertInfo>]) -> Result<(), PathError> {
    let refused = |cert: &CertInfo, violation| PathError::NameConstraints {
        subject: cert.display_name(),
        ca: ca.display_name(),
        violation,
    };
    // Read once for every certificate below (from_der already refused a CA whose constraints do not read).
    let Some(constraints) = constraints_of(ca).map_err(|v| refused(ca, v))? else {
        return Ok(());
    };
    for (j, cert) in below.iter().enumerate() {
        if j > 0 && cert.is_self_issued() {
            continue;
        }
        constraints
            .check_cert(cert)
            .map_err(|violation| refused(cert, violation))?;
    }
    Ok(())
}

/// Builds and validates a path from `leaf` to a trust anchor of `store` at time `at`, using `extra`
/// (the certificates a signature embeds) and the store's intermediates.
///
/// # Errors
/// The most telling [`PathError`] when no path is valid.
pub fn build_path(
    leaf: &Arc<CertInfo>,
    extra: &[Arc<CertInfo>],
    store: &TrustStore,
    at: UnixTime,
) -> Result<CertPath, PathError> {
    build_path_cached(leaf, extra, store, at, &NoPathCache)
}

/// [`build_path`] that remembers certificate signature checks in `cache` (the result is the same).
///
/// # Errors
/// The most telling [`PathError`] when no path is valid.
pub fn build_path_cached(
    leaf: &Arc<CertInfo>,
    extra: &[Arc<CertInfo>],
    store: &TrustStore,
    at: UnixTime,
    cache: &dyn PathCache,
) -> Result<CertPath, PathError> {
    build_path_with(leaf, extra, store, at, cache, &InitialPolicies::default())
}

/// [`build_path_cached`] with the verifier's certificate-policy inputs (RFC 5280 §6.1.1; the others
/// take the default: any policy acceptable, nothing required or inhibited from the start).
///
/// # Errors
/// The most telling [`PathError`] when no path is valid.
pub fn build_path_with(
    leaf: &Arc<CertInfo>,
    extra: &[Arc<CertInfo>],
    store: &TrustStore,
    at: UnixTime,
    cache: &dyn PathCache,
    policies: &InitialPolicies,
) -> Result<CertPath, PathError> {
    // Prefer the store's copy of an embedded certificate: its links are already verified.
    let pool = extra
        .iter()
        .map(|c| {
            store
                .find(&c.fingerprint)
                .cloned()
                .unwrap_or_else(|| Arc::clone(c))
        })
        .collect();
    let mut search = Search {
        pool,
        store,
        cache,
        at,
        policies,
        best: None,
        undecided: None,
        candidates_seen: 0,
    };
    let mut path = alloc::vec![Arc::clone(leaf)];
    match search.run(&mut path) {
        Some(found) => Ok(found),
        // Stopped early, the failures seen so far say nothing about the paths not tried.
        None if search.candidates_seen > MAX_PATH_CANDIDATES => Err(PathError::SearchExhausted {
            subject: leaf.display_name(),
            limit: MAX_PATH_CANDIDATES,
        }),
        None => Err(match (search.undecided, search.best) {
            (Some(undecided), _) => undecided,
            (None, Some((_, best))) => best,
            (None, None) => PathError::UnknownIssuer {
                subject: leaf.display_name(),
                issuer: leaf.issuer.display(),
            },
        }),
    }
}
