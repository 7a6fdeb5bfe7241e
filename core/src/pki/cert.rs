//! One X.509 certificate, decoded once: names, validity, key, extensions, fingerprint.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::{Decode, Tag};
use sha2::Digest;
use x509_cert::ext::pkix::KeyUsage;
use x509_cert::Certificate;

use super::algorithms::{AlgorithmError, PublicKey, SignatureScheme};
use super::cache::PathCache;
use super::der_view::Tlv;
use super::distribution_point::{self, DistributionPoint};
use super::dn_compare::name_key;
use super::name_constraints::NameConstraints;
use super::names::NameInfo;
use super::policy::{self, CertPolicies};
use super::x509_walk::{self, Extension};
use crate::time::UnixTime;

/// A certificate that cannot be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// Not a DER X.509 certificate.
    #[error("not a DER X.509 certificate: {detail}")]
    Malformed {
        /// The decoder's words.
        detail: String,
    },
    /// A PEM file without a certificate, or with a broken one.
    #[error("not a PEM certificate file: {detail}")]
    Pem {
        /// The decoder's words.
        detail: String,
    },
}

impl CertificateError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            CertificateError::Malformed { .. } => "certificate_malformed",
            CertificateError::Pem { .. } => "certificate_pem_malformed",
        }
    }
}

/// Extension OIDs hocba recognises. Extensions hocba does not process and that are marked critical
/// make a certificate unusable (RFC 5280 §4.2).
pub mod ext_oid {
    use const_oid::ObjectIdentifier as Oid;
    /// subjectKeyIdentifier.
    pub const SKI: Oid = Oid::new_unwrap("2.5.29.14");
    /// keyUsage.
    pub const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
    /// subjectAltName.
    pub const SAN: Oid = Oid::new_unwrap("2.5.29.17");
    /// issuerAltName.
    pub const IAN: Oid = Oid::new_unwrap("2.5.29.18");
    /// basicConstraints.
    pub const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
    /// cRLDistributionPoints.
    pub const CRL_DP: Oid = Oid::new_unwrap("2.5.29.31");
    /// certificatePolicies (recognised, not enforced: hocba requires no policy).
    pub const CERT_POLICIES: Oid = Oid::new_unwrap("2.5.29.32");
    /// policyMappings (recognised, not enforced).
    pub const POLICY_MAPPINGS: Oid = Oid::new_unwrap("2.5.29.33");
    /// authorityKeyIdentifier.
    pub const AKI: Oid = Oid::new_unwrap("2.5.29.35");
    /// policyConstraints (recognised, not enforced).
    pub const POLICY_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.36");
    /// extKeyUsage.
    pub const EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
    /// nameConstraints (enforced on every certificate below the CA: [`super::name_constraints`]).
    pub const NAME_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.30");
    /// inhibitAnyPolicy (recognised, not enforced).
    pub const INHIBIT_ANY_POLICY: Oid = Oid::new_unwrap("2.5.29.54");
    /// authorityInfoAccess.
    pub const AIA: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");
    /// subjectInfoAccess.
    pub const SIA: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.11");
    /// id-kp-timeStamping.
    pub const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
    /// anyExtendedKeyUsage.
    pub const KP_ANY: Oid = Oid::new_unwrap("2.5.29.37.0");
    /// id-kp-serverAuth.
    pub const KP_SERVER_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.1");
    /// id-kp-clientAuth.
    pub const KP_CLIENT_AUTH: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.2");
    /// id-kp-codeSigning.
    pub const KP_CODE_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.3");
    /// id-kp-emailProtection (S/MIME: signed mail, the CMS signatures hocba checks).
    pub const KP_EMAIL_PROTECTION: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.4");
    /// id-kp-OCSPSigning.
    pub const KP_OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");
    /// id-kp-documentSigning (RFC 9336).
    pub const KP_DOCUMENT_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.36");
    /// Microsoft's document signing purpose (szOID_KP_DOCUMENT_SIGNING).
    pub const KP_MS_DOCUMENT_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.4.1.311.10.3.12");
    /// Adobe Authentic Documents Trust (PDF signing certificates).
    pub const KP_ADOBE_AUTHENTIC_DOCUMENTS: Oid = Oid::new_unwrap("1.2.840.113583.1.1.5");
}

fn recognised(oid: &ObjectIdentifier) -> bool {
    use ext_oid::*;
    [
        SKI,
        KEY_USAGE,
        SAN,
        IAN,
        BASIC_CONSTRAINTS,
        CRL_DP,
        CERT_POLICIES,
        POLICY_MAPPINGS,
        AKI,
        POLICY_CONSTRAINTS,
        EXT_KEY_USAGE,
        INHIBIT_ANY_POLICY,
        AIA,
        SIA,
    ]
    .contains(oid)
}

/// What hocba reads from a certificate's extensions.
#[derive(Default)]
struct ExtensionFacts {
    basic_constraints: Option<(bool, Option<u8>)>,
    key_usage: Option<KeyUsage>,
    ext_key_usage: Option<Vec<ObjectIdentifier>>,
    ski: Option<Vec<u8>>,
    aki: Option<Vec<u8>>,
    crl_distribution_points: Vec<DistributionPoint>,
    name_constraints: Option<Vec<u8>>,
    subject_alt_name: Option<Vec<u8>>,
    policies: CertPolicies,
    unsupported_critical: Vec<String>,
}

impl ExtensionFacts {
    /// Reads one extension (the first of its type) of a certificate issued by `issuer` (its Name's DER);
    /// a malformed one is reported as unsupported.
    fn read(&mut self, ext: &Extension<'_>, issuer: &[u8]) {
        let value = ext.value;
        let decoded = match ext.oid {
            ext_oid::BASIC_CONSTRAINTS => x509_walk::basic_constraints(value).map(|bc| {
                self.basic_constraints = Some(bc);
            }),
            ext_oid::KEY_USAGE => KeyUsage::from_der(value).map(|ku| {
                self.key_usage = Some(ku);
            }),
            ext_oid::EXT_KEY_USAGE => ext_key_usage(value).map(|eku| {
                self.ext_key_usage = Some(eku);
            }),
            ext_oid::SKI => x509_walk::subject_key_identifier(value).map(|ski| {
                self.ski = Some(ski.to_vec());
            }),
            ext_oid::AKI => x509_walk::authority_key_identifier(value).map(|aki| {
                self.aki = aki.map(<[u8]>::to_vec);
            }),
            ext_oid::CRL_DP => {
                distribution_point::crl_distribution_points(value, issuer).map(|points| {
                    self.crl_distribution_points = points;
                })
            }
            ext_oid::NAME_CONSTRAINTS => NameConstraints::parse(value).map(|_| {
                self.name_constraints = Some(value.to_vec());
            }),
            // Kept as it is, checked only when a CA above constrains names; but a SAN that does not
            // decode makes the certificate unusable, as it does for OpenSSL and Go (x509-limbo
            // `rfc5280::san::malformed`).
            ext_oid::SAN => super::name_constraints::general_names(value).map(|_| {
                self.subject_alt_name = Some(value.to_vec());
            }),
            ext_oid::CERT_POLICIES => policy::certificate_policies(value).map(|policies| {
                self.policies.policies = Some(policies);
            }),
            ext_oid::POLICY_MAPPINGS => policy::policy_mappings(value).map(|mappings| {
                self.policies.mappings = Some(mappings);
            }),
            ext_oid::POLICY_CONSTRAINTS => {
                policy::policy_constraints(value).map(|(require, inhibit)| {
                    self.policies.require_explicit = require;
                    self.policies.inhibit_mapping = inhibit;
                })
            }
            ext_oid::INHIBIT_ANY_POLICY => policy::inhibit_any_policy(value).map(|skip| {
                self.policies.inhibit_any = Some(skip);
            }),
            other => {
                if ext.critical && !recognised(&other) {
                    self.unsupported_critical.push(other.to_string());
                }
                Ok(())
            }
        };
        if decoded.is_err() {
            self.unsupported_critical
                .push(alloc::format!("{} (malformed)", ext.oid));
        }
    }
}

/// `ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId`.
fn ext_key_usage(der: &[u8]) -> Result<Vec<ObjectIdentifier>, der::Error> {
    let purposes = Tlv::parse(der)?
        .expect(Tag::Sequence)?
        .children()?
        .map(|purpose| purpose?.expect(Tag::ObjectIdentifier)?.decode())
        .collect::<Result<Vec<ObjectIdentifier>, _>>()?;
    // An empty list would allow nothing, or — read carelessly — everything (x509-limbo `ee-eku-empty`).
    if purposes.is_empty() {
        return Err(Tag::Sequence.length_error());
    }
    Ok(purposes)
}

/// A decoded certificate with everything path validation needs, computed once.
#[derive(Debug, Clone)]
pub struct CertInfo {
    /// The DER bytes.
    pub der: Vec<u8>,
    /// SHA-256 of the DER bytes.
    pub fingerprint: [u8; 32],
    /// The issuer's signature over `tbs_der`, `None` when its bits are not whole bytes.
    signature: Option<Vec<u8>>,
    /// Whether the certificate has an extensions field at all (a v1 root has none).
    pub has_extensions: bool,
    /// DER of the to-be-signed part (what the issuer signed).
    pub tbs_der: Vec<u8>,
    /// DER of the subject name.
    pub subject_der: Vec<u8>,
    /// DER of the issuer name.
    pub issuer_der: Vec<u8>,
    /// The subject's and issuer's comparison keys (RFC 5280 §7.1, [`super::dn_compare`]): names chain
    /// when these are equal, however their strings are encoded.
    pub(crate) subject_key: Vec<u8>,
    pub(crate) issuer_key: Vec<u8>,
    /// The subject's readable attributes.
    pub subject: NameInfo,
    /// The issuer's readable attributes.
    pub issuer: NameInfo,
    /// Serial number (big-endian magnitude).
    pub serial: Vec<u8>,
    /// Start of validity.
    pub not_before: UnixTime,
    /// End of validity.
    pub not_after: UnixTime,
    /// The subject key, or why it is refused.
    pub key: Result<PublicKey, AlgorithmError>,
    /// The issuer's signature scheme, or why it is refused.
    pub scheme: Result<SignatureScheme, AlgorithmError>,
    /// basicConstraints: (cA, pathLenConstraint), `None` when absent.
    pub basic_constraints: Option<(bool, Option<u8>)>,
    /// keyUsage, `None` when absent.
    pub key_usage: Option<KeyUsage>,
    /// extKeyUsage, `None` when absent.
    pub ext_key_usage: Option<Vec<ObjectIdentifier>>,
    /// subjectKeyIdentifier.
    pub ski: Option<Vec<u8>>,
    /// authorityKeyIdentifier's keyIdentifier.
    pub aki: Option<Vec<u8>>,
    /// Its cRLDistributionPoints (empty when absent): which CRLs may speak for it, for which reasons
    /// ([`super::distribution_point`]).
    pub crl_distribution_points: Vec<DistributionPoint>,
    /// The content of the nameConstraints extension (a CA's limits on the names below it), well formed.
    pub name_constraints: Option<Vec<u8>>,
    /// The content of the subjectAltName extension, as written.
    pub subject_alt_name: Option<Vec<u8>>,
    /// Critical extensions hocba does not process (dotted OIDs), or extensions that failed to decode.
    pub unsupported_critical: Vec<String>,
    /// Its certificate policy extensions, as read (checked along a path by [`super::policy`]).
    pub policies: CertPolicies,
    /// DER of the SubjectPublicKeyInfo.
    pub spki_der: Vec<u8>,
    /// The key as the native backend parsed it, on first use (D-86).
    #[cfg(feature = "native-crypto")]
    native_key: super::native_backend::ParsedKeyCache,
}

impl CertInfo {
    /// Decodes a DER certificate (read in place, [`x509_walk`]).
    ///
    /// # Errors
    /// [`CertificateError::Malformed`].
    pub fn from_der(der_bytes: &[u8]) -> Result<CertInfo, CertificateError> {
        Self::from_der_with_fingerprint(der_bytes, sha2::Sha256::digest(der_bytes).into())
    }

    /// [`CertInfo::from_der`] for a caller that has just hashed the same bytes (the embedded-certificate
    /// memo is keyed by that hash): `fingerprint` must be the SHA-256 of `der_bytes`.
    pub(crate) fn from_der_with_fingerprint(
        der_bytes: &[u8],
        fingerprint: [u8; 32],
    ) -> Result<CertInfo, CertificateError> {
        debug_assert!(fingerprint == <[u8; 32]>::from(sha2::Sha256::digest(der_bytes)));
        let malformed = |e: der::Error| CertificateError::Malformed {
            detail: e.to_string(),
        };
        let signed = x509_walk::Signed::parse(der_bytes).map_err(malformed)?;
        let tbs = x509_walk::tbs_certificate(signed.tbs).map_err(malformed)?;
        let subject = NameInfo::from_attributes(&x509_walk::name(tbs.subject).map_err(malformed)?);
        let issuer = NameInfo::from_attributes(&x509_walk::name(tbs.issuer).map_err(malformed)?);
        let key = PublicKey::from_spki_der(tbs.spki.raw);
        let scheme = signed
            .scheme(tbs.algorithm, "tbsCertificate.signature")
            .map_err(malformed)?;
        let mut ext = ExtensionFacts::default();
        let mut seen: Vec<ObjectIdentifier> = Vec::new();
        for e in tbs.extensions.as_deref().unwrap_or(&[]) {
            if seen.contains(&e.oid) {
                ext.unsupported_critical
                    .push(alloc::format!("{} (duplicate)", e.oid));
                continue;
            }
            seen.push(e.oid);
            ext.read(e, tbs.issuer.raw);
        }
        Ok(CertInfo {
            fingerprint,
            subject,
            issuer,
            serial: tbs.serial.to_vec(),
            not_before: tbs.not_before,
            not_after: tbs.not_after,
            key,
            scheme,
            basic_constraints: ext.basic_constraints,
            key_usage: ext.key_usage,
            ext_key_usage: ext.ext_key_usage,
            ski: ext.ski,
            aki: ext.aki,
            crl_distribution_points: ext.crl_distribution_points,
            name_constraints: ext.name_constraints,
            subject_alt_name: ext.subject_alt_name,
            policies: ext.policies,
            unsupported_critical: ext.unsupported_critical,
            tbs_der: signed.tbs.raw.to_vec(),
            subject_der: tbs.subject.raw.to_vec(),
            issuer_der: tbs.issuer.raw.to_vec(),
            subject_key: name_key(tbs.subject.raw),
            issuer_key: name_key(tbs.issuer.raw),
            spki_der: tbs.spki.raw.to_vec(),
            signature: signed.signature.map(<[u8]>::to_vec),
            has_extensions: tbs.extensions.is_some(),
            #[cfg(feature = "native-crypto")]
            native_key: super::native_backend::ParsedKeyCache::default(),
            der: der_bytes.to_vec(),
        })
    }

    /// The certificate as `x509-cert`'s owned tree, decoded again from [`CertInfo::der`]: for building
    /// CMS structures when signing, never on the verification path.
    ///
    /// # Errors
    /// `x509-cert`'s decoding error.
    pub fn certificate(&self) -> Result<Certificate, der::Error> {
        Certificate::from_der(&self.der)
    }

    /// Reads every certificate of a file: DER, PEM (read laxly, [`super::pem`]: explanatory text, any
    /// line width, CRLF; labels `CERTIFICATE`, `X509 CERTIFICATE`, OpenSSL's `TRUSTED CERTIFICATE`), or a
    /// PKCS #7 bundle (`.p7b`/`.p7c`, DER or PEM `PKCS7`/`CMS`).
    ///
    /// # Errors
    /// [`CertificateError`] for the first certificate that cannot be decoded, a block of another kind
    /// (a key, a CRL), or a file with no certificate.
    pub fn load_many(bytes: &[u8]) -> Result<Vec<CertInfo>, CertificateError> {
        let pem = |detail: String| CertificateError::Pem { detail };
        let bundle = |der: &[u8]| {
            crate::verify::cms::signed_data_certificates(der).map_err(|e| {
                CertificateError::Malformed {
                    detail: alloc::format!("PKCS #7 bundle: {e}"),
                }
            })
        };
        if !super::pem::is_pem(bytes) {
            return match CertInfo::from_der(bytes) {
                Ok(cert) => Ok(alloc::vec![cert]),
                // Not a certificate: a DER PKCS #7 bundle, or the certificate's own error.
                Err(e) => match bundle(bytes) {
                    Ok(certs) if !certs.is_empty() => Ok(certs),
                    _ => Err(e),
                },
            };
        }
        let mut certs = Vec::new();
        for block in super::pem::blocks(bytes).map_err(|e| pem(e.to_string()))? {
            match block.label.as_str() {
                "CERTIFICATE" | "X509 CERTIFICATE" => certs.push(CertInfo::from_der(&block.der)?),
                // The certificate followed by OpenSSL's trust settings, which the trust directory
                // replaces: only the certificate is read.
                "TRUSTED CERTIFICATE" => {
                    let (cert, _settings) =
                        Tlv::parse_prefix(&block.der).map_err(|e| CertificateError::Malformed {
                            detail: e.to_string(),
                        })?;
                    certs.push(CertInfo::from_der(cert.raw)?);
                }
                "PKCS7" | "CMS" => certs.extend(bundle(&block.der)?),
                other => return Err(pem(alloc::format!("PEM label {other}"))),
            }
        }
        if certs.is_empty() {
            return Err(pem("no certificate in the file".into()));
        }
        Ok(certs)
    }

    /// Issued by itself (subject and issuer match, RFC 5280 §7.1)?
    #[must_use]
    pub fn is_self_issued(&self) -> bool {
        self.subject_key == self.issuer_key
    }

    /// Is its issuer the name whose [`name_key`] is `key` (RFC 5280 §7.1)?
    pub(crate) fn has_issuer_key(&self, key: &[u8]) -> bool {
        self.issuer_key == key
    }

    /// A CA certificate (basicConstraints cA true)?
    #[must_use]
    pub fn is_ca(&self) -> bool {
        matches!(self.basic_constraints, Some((true, _)))
    }

    /// Could `issuer` have issued this certificate (names, and key identifiers when both are given)?
    #[must_use]
    pub fn may_be_issued_by(&self, issuer: &CertInfo) -> bool {
        if self.issuer_key != issuer.subject_key {
            return false;
        }
        match (&self.aki, &issuer.ski) {
            (Some(a), Some(s)) => a == s,
            _ => true,
        }
    }

    /// Checks that `issuer`'s key signed this certificate (no name, time or constraint checks).
    ///
    /// # Errors
    /// The algorithm policy's refusal or [`AlgorithmError::BadSignature`].
    pub fn verify_signed_by(&self, issuer: &CertInfo) -> Result<(), AlgorithmError> {
        self.verify_signed_by_in(issuer, &super::cache::NoPathCache)
    }

    /// [`CertInfo::verify_signed_by`], asking `cache` first whether the outcome is known
    /// ([`PathCache::known_signature`]).
    ///
    /// # Errors
    /// As [`CertInfo::verify_signed_by`].
    pub fn verify_signed_by_in(
        &self,
        issuer: &CertInfo,
        cache: &dyn PathCache,
    ) -> Result<(), AlgorithmError> {
        let scheme = self.scheme.clone()?;
        let sig = self
            .signature
            .as_deref()
            .ok_or(AlgorithmError::BadSignature)?;
        issuer.verify_message_in(cache, scheme, &self.tbs_der, sig)
    }

    /// [`CertInfo::verify_message`] for verification proper: the policy and the key's fit to the scheme
    /// are decided here, then `cache` may know the outcome ([`PathCache::known_signature`]); otherwise
    /// this build's backend computes it.
    ///
    /// # Errors
    /// As [`CertInfo::verify_message`].
    pub fn verify_message_in(
        &self,
        cache: &dyn PathCache,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        let key = self.key.as_ref().map_err(Clone::clone)?;
        key.fits(scheme)?;
        if let Some(outcome) = cache.known_signature(self, scheme, message, signature) {
            return outcome;
        }
        self.verify_message(scheme, message, signature)
    }

    /// Checks `signature` over `message` with this certificate's key (as [`PublicKey::verify`], the
    /// backend this build selects; the native backend keeps the key parsed for the next check).
    ///
    /// # Errors
    /// The key's refusal by the policy, [`AlgorithmError::KeyAlgorithmMismatch`] or
    /// [`AlgorithmError::BadSignature`].
    pub fn verify_message(
        &self,
        scheme: SignatureScheme,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), AlgorithmError> {
        let key = self.key.as_ref().map_err(Clone::clone)?;
        #[cfg(feature = "native-crypto")]
        if super::algorithms::Backend::SELECTED == super::algorithms::Backend::Native {
            if let Some(outcome) = super::native_backend::verify_parsed(
                &self.native_key,
                &self.spki_der,
                key,
                scheme,
                message,
                signature,
            ) {
                return outcome;
            }
        }
        key.verify(scheme, message, signature)
    }

    /// Serial number as upper-case hex.
    #[must_use]
    pub fn serial_hex(&self) -> String {
        hex_upper(&self.serial)
    }

    /// The subject's display name (common name, else the whole name).
    #[must_use]
    pub fn display_name(&self) -> String {
        self.subject.display()
    }
}

/// Upper-case hex of bytes.
#[must_use]
pub fn hex_upper(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Lower-case hex of bytes.
#[must_use]
pub fn hex_lower(bytes: &[u8]) -> String {
    hex_upper(bytes).to_ascii_lowercase()
}
