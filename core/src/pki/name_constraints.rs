//! Name constraints (RFC 5280 §4.2.1.10, §6.1.3 b–c): a CA certificate may limit the names of every
//! certificate below it — a province's CA only for `O=Sở GD&ĐT Hà Nội`, a school CA only for mailboxes
//! under `.edu.vn`. The extension must be critical, so before this a path through such a CA was refused
//! as "unsupported critical extension" however well its names fitted (decisions D-105).
//!
//! No RustCrypto crate checks constraints (`x509-cert` only decodes them; `rustls-webpki` checks them for
//! its TLS paths with its own types), so the matching is written here, read in place like the rest of
//! the certificate ([`super::x509_walk`]). Forms and rules:
//!
//! * `directoryName`: the constraint's RDNs are a prefix of the subject's, compared as RFC 5280 §7.1
//!   asks ([`super::dn_compare`]).
//! * `rfc822Name`: `a@host` one mailbox, `host` every mailbox on that host, `.domain` every mailbox on a
//!   host under the domain; hosts compare case-insensitively. With rfc822Name constraints, the subject's
//!   `emailAddress` attributes are checked too (§4.2.1.10, as OpenSSL and Go do with or without an
//!   alternative name).
//! * `dNSName`: the name itself or any name under it (`example.vn` covers `a.example.vn`); `.example.vn`
//!   only names under it.
//! * `uniformResourceIdentifier`: the URI's host, as a host (`host`) or domain (`.domain`).
//! * `iPAddress`: address and mask, IPv4 or IPv6.
//! * Any other form (otherName, x400Address, ediPartyName, registeredID): hocba cannot match it; a
//!   certificate holding a name of a form constrained that way is refused (§4.2.1.10 allows nothing else).
//!
//! A name of a form the constraints do not mention is not constrained; `permittedSubtrees` limit only
//! their own forms. Subtrees with a minimum other than 0 or a maximum are refused as malformed (RFC 5280
//! §4.2.1.10: "MUST be zero" / "MUST be absent").

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use const_oid::ObjectIdentifier;
use der::{Tag, TagNumber};

use super::cert::CertInfo;
use super::der_view::{context, Tlv};
use super::dn_compare::directory_within;
use super::names::{decode_directory_string, NameInfo};
use super::x509_walk;
use crate::Lang;

/// Most (names × subtrees) one certificate is checked with: OpenSSL's `NAME_CHECK_MAX`. A real CA
/// constrains a few subtrees and a signer has a few names.
pub const MAX_NAME_CHECKS: usize = 1 << 20;

/// `emailAddress` (PKCS #9), an attribute old certificates carry in the subject.
const EMAIL_ADDRESS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");

/// One `GeneralName`, read in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GeneralName<'a> {
    /// `rfc822Name`.
    Email(&'a str),
    /// `dNSName`.
    Dns(&'a str),
    /// `uniformResourceIdentifier`.
    Uri(&'a str),
    /// `iPAddress`: 4 or 16 bytes in a certificate, address and mask (8 or 32) in a constraint.
    Ip(&'a [u8]),
    /// `directoryName`: the `Name` SEQUENCE, whole.
    Directory(&'a [u8]),
    /// A form hocba does not match, by its tag number.
    Other(u8),
}

impl GeneralName<'_> {
    /// Its form, for "same form" and messages.
    const fn form(&self) -> &'static str {
        match self {
            GeneralName::Email(_) => "rfc822Name",
            GeneralName::Dns(_) => "dNSName",
            GeneralName::Uri(_) => "uniformResourceIdentifier",
            GeneralName::Ip(_) => "iPAddress",
            GeneralName::Directory(_) => "directoryName",
            GeneralName::Other(0) => "otherName",
            GeneralName::Other(3) => "x400Address",
            GeneralName::Other(5) => "ediPartyName",
            GeneralName::Other(_) => "registeredID",
        }
    }
}

impl fmt::Display for GeneralName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeneralName::Email(s) | GeneralName::Dns(s) | GeneralName::Uri(s) => {
                write!(f, "{} {s}", self.form())
            }
            GeneralName::Ip(bytes) => {
                f.write_str("iPAddress ")?;
                let group = if bytes.len() % 16 == 0 { 2 } else { 1 };
                for (i, chunk) in bytes.chunks(group).enumerate() {
                    match (i, group) {
                        (0, _) => {}
                        (_, 1) => f.write_str(".")?,
                        _ => f.write_str(":")?,
                    }
                    match chunk {
                        [b] => write!(f, "{b}")?,
                        [a, b] => write!(f, "{:x}", u16::from_be_bytes([*a, *b]))?,
                        _ => {}
                    }
                }
                Ok(())
            }
            GeneralName::Directory(der) => {
                let text = Tlv::parse(der)
                    .and_then(x509_walk::name)
                    .map(|attributes| NameInfo::from_attributes(&attributes).rfc4514())
                    .unwrap_or_default();
                write!(f, "directoryName {text}")
            }
            GeneralName::Other(_) => f.write_str(self.form()),
        }
    }
}

/// The ASCII text of an IA5String-typed choice.
fn ia5<'a>(tlv: &Tlv<'a>) -> Result<&'a str, der::Error> {
    if !tlv.value.is_ascii() {
        return Err(der::Tag::Ia5String.value_error());
    }
    core::str::from_utf8(tlv.value).map_err(|_| der::Tag::Ia5String.value_error())
}

/// Reads one `GeneralName` (RFC 5280 §4.2.1.6; every choice is context-tagged, `directoryName` explicitly).
fn general_name<'a>(tlv: Tlv<'a>) -> Result<GeneralName<'a>, der::Error> {
    let bad = || {
        der::Error::from(der::ErrorKind::TagUnexpected {
            expected: None,
            actual: tlv.tag,
        })
    };
    let Tag::ContextSpecific {
        constructed,
        number,
    } = tlv.tag
    else {
        return Err(bad());
    };
    match (number.value(), constructed) {
        (1, false) => ia5(&tlv).map(GeneralName::Email),
        (2, false) => ia5(&tlv).map(GeneralName::Dns),
        (6, false) => ia5(&tlv).map(GeneralName::Uri),
        (7, false) => Ok(GeneralName::Ip(tlv.value)),
        (4, true) => {
            let name = Tlv::parse(tlv.value)?.expect(Tag::Sequence)?;
            x509_walk::name(name)?; // well formed, so that matching can rely on it
            Ok(GeneralName::Directory(name.raw))
        }
        (0 | 5, true) => other_form(&tlv, number),
        (8, false) => ObjectIdentifier::from_bytes(tlv.value)
            .map(|_| GeneralName::Other(8))
            .map_err(|_| der::Tag::ObjectIdentifier.value_error()),
        // x400Address is not read (x509-cert does not either): a name or constraint of that form makes
        // the extension unreadable, which refuses rather than guesses.
        _ => Err(bad()),
    }
}

/// otherName `[0] { type-id OID, value [0] EXPLICIT ANY }` and ediPartyName `[5] { nameAssigner [0]
/// DirectoryString OPTIONAL, partyName [1] DirectoryString }`: never matched, but checked for shape, so
/// that a constraint x509-cert cannot read is not enforced half-read.
fn other_form<'a>(tlv: &Tlv<'a>, number: TagNumber) -> Result<GeneralName<'a>, der::Error> {
    let explicit = |n: u8| context(TagNumber::new(n), true);
    let mut fields = tlv.children()?;
    if number.value() == 0 {
        let oid = fields.required_with(Tag::ObjectIdentifier)?;
        ObjectIdentifier::from_bytes(oid.value).map_err(|_| Tag::ObjectIdentifier.value_error())?;
        Tlv::parse(fields.required_with(explicit(0))?.value)?;
    } else {
        for (n, required) in [(0, false), (1, true)] {
            let Some(field) = fields.optional(explicit(n))? else {
                if required {
                    return Err(der::Tag::Sequence.length_error());
                }
                continue;
            };
            let text = Tlv::parse(field.value)?;
            if decode_directory_string(text.tag, text.value).is_none() {
                return Err(text.tag.value_error());
            }
        }
    }
    fields.finish()?;
    Ok(GeneralName::Other(number.value()))
}

/// `GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName`: the content of a subjectAltName extension.
///
/// # Errors
/// Malformed DER, an unknown choice, an empty sequence.
pub(crate) fn general_names(der: &[u8]) -> Result<Vec<GeneralName<'_>>, der::Error> {
    let names = Tlv::parse(der)?
        .expect(Tag::Sequence)?
        .children()?
        .map(|name| general_name(name?))
        .collect::<Result<Vec<_>, _>>()?;
    if names.is_empty() {
        return Err(der::Tag::Sequence.length_error());
    }
    Ok(names)
}

/// A decoded nameConstraints extension.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct NameConstraints<'a> {
    /// The bases of `permittedSubtrees`.
    permitted: Vec<GeneralName<'a>>,
    /// The bases of `excludedSubtrees`.
    excluded: Vec<GeneralName<'a>>,
}

/// `GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree`, each
/// `SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }`.
fn subtrees<'a>(tlv: &Tlv<'a>) -> Result<Vec<GeneralName<'a>>, der::Error> {
    let mut bases = Vec::new();
    for subtree in tlv.children()? {
        let mut fields = subtree?.expect(Tag::Sequence)?.children()?;
        bases.push(general_name(fields.required()?)?);
        // minimum is DEFAULT 0, so in DER it is absent; maximum MUST be absent (RFC 5280 §4.2.1.10).
        fields.finish()?;
    }
    if bases.is_empty() {
        return Err(der::Tag::Sequence.length_error());
    }
    Ok(bases)
}

impl<'a> NameConstraints<'a> {
    /// Reads the content of a nameConstraints extension.
    ///
    /// # Errors
    /// Malformed DER, an unknown name form, a subtree with a minimum or maximum.
    pub(crate) fn parse(der: &'a [u8]) -> Result<Self, der::Error> {
        let mut out = NameConstraints::default();
        let mut fields = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
        if let Some(tlv) = fields.optional(context(TagNumber::N0, true))? {
            out.permitted = subtrees(&tlv)?;
        }
        if let Some(tlv) = fields.optional(context(TagNumber::N1, true))? {
            out.excluded = subtrees(&tlv)?;
        }
        fields.finish()?;
        Ok(out)
    }

    /// Checks the names of one certificate below the constraining CA: its subject (when not empty), the
    /// subject's emailAddress attributes, and its subjectAltName (`san`, the extension's content).
    ///
    /// # Errors
    /// The first name the constraints refuse, or why the names could not be checked.
    pub(crate) fn check(
        &self,
        subject_der: &[u8],
        san: Option<&[u8]>,
    ) -> Result<(), NameViolation> {
        let subject = Tlv::parse(subject_der).map_err(|_| NameViolation::Unreadable)?;
        let attributes = x509_walk::name(subject).map_err(|_| NameViolation::Unreadable)?;
        let alternative = match san {
            Some(san) => general_names(san).map_err(|_| NameViolation::Unreadable)?,
            None => Vec::new(),
        };
        // Every name meets every subtree (a directory name once per attribute): bounded as OpenSSL
        // bounds it (x509-limbo `nc-dos-*`: 2,048 names against 4,096 subtrees).
        let names = attributes.len() + alternative.len();
        let subtrees = self.permitted.len() + self.excluded.len();
        if names.saturating_mul(subtrees) > MAX_NAME_CHECKS {
            return Err(NameViolation::TooComplex { names, subtrees });
        }
        if !attributes.is_empty() {
            self.check_name(&GeneralName::Directory(subject_der))?;
        }
        for attribute in attributes.iter().filter(|a| a.oid == EMAIL_ADDRESS) {
            // PKCS #9 says IA5String; some CAs write UTF8String. Unreadable matters only when mailboxes
            // are constrained.
            match decode_directory_string(attribute.tag, attribute.value) {
                Some(text) => self.check_name(&GeneralName::Email(&text))?,
                None if self.constrains("rfc822Name") => return Err(NameViolation::Unreadable),
                None => {}
            }
        }
        for name in &alternative {
            self.check_name(name)?;
        }
        Ok(())
    }

    /// Does any subtree, permitted or excluded, have this form?
    fn constrains(&self, form: &str) -> bool {
        self.permitted
            .iter()
            .chain(&self.excluded)
            .any(|b| b.form() == form)
    }

    /// Checks one name against the subtrees of its form.
    fn check_name(&self, name: &GeneralName<'_>) -> Result<(), NameViolation> {
        let same_form = |base: &&GeneralName<'_>| base.form() == name.form();
        // A name whose syntax is wrong cannot be placed in or out of a subtree (x509-limbo
        // `nc-permits-invalid-dns-san`, `nc-permits-invalid-email-san`).
        if self.constrains(name.form()) && !well_formed(name) {
            return Err(NameViolation::Malformed {
                name: name.to_string(),
            });
        }
        for base in self.excluded.iter().filter(same_form) {
            if within(name, base)? || wildcard_may_reach(name, base) {
                return Err(NameViolation::Excluded {
                    name: name.to_string(),
                    subtree: base.to_string(),
                });
            }
        }
        let mut permitted = self.permitted.iter().filter(same_form).peekable();
        if permitted.peek().is_none() {
            return Ok(());
        }
        for base in permitted {
            if within(name, base)? {
                return Ok(());
            }
        }
        Err(NameViolation::NotPermitted {
            name: name.to_string(),
        })
    }
}

/// The name constraints of `ca`, if it has any.
///
/// # Errors
/// [`NameViolation::Unreadable`] when they cannot be read (never for a certificate decoded by
/// [`CertInfo::from_der`], which refuses such a CA instead).
pub(crate) fn constraints_of(ca: &CertInfo) -> Result<Option<NameConstraints<'_>>, NameViolation> {
    ca.name_constraints
        .as_deref()
        .map(NameConstraints::parse)
        .transpose()
        .map_err(|_| NameViolation::Unreadable)
}

impl NameConstraints<'_> {
    /// [`NameConstraints::check`] of a certificate's subject and subjectAltName.
    ///
    /// # Errors
    /// As [`NameConstraints::check`].
    pub(crate) fn check_cert(&self, cert: &CertInfo) -> Result<(), NameViolation> {
        self.check(&cert.subject_der, cert.subject_alt_name.as_deref())
    }
}

/// Checks the names of `cert` against the name constraints of `ca` (none: nothing to check). Path
/// validation reads a CA's constraints once and checks every certificate below it the same way.
///
/// # Errors
/// The first name refused, or why `ca`'s constraints cannot be read ([`constraints_of`]).
pub fn check_names(ca: &CertInfo, cert: &CertInfo) -> Result<(), NameViolation> {
    constraints_of(ca)?.map_or(Ok(()), |constraints| constraints.check_cert(cert))
}

/// Why a certificate's names break a CA's constraints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NameViolation {
    /// A name of a constrained form lies in none of the permitted subtrees.
    #[error("{name} is outside every permitted subtree")]
    NotPermitted {
        /// The name, e.g. `rfc822Name lan@gmail.com`.
        name: String,
    },
    /// A name lies in an excluded subtree.
    #[error("{name} lies in the excluded subtree {subtree}")]
    Excluded {
        /// The name.
        name: String,
        /// The excluded subtree it lies in.
        subtree: String,
    },
    /// A name of a form hocba cannot match (otherName, x400Address, ediPartyName, registeredID) is
    /// constrained.
    #[error("names of the form {form} are constrained and hocba cannot check them")]
    Unsupported {
        /// The form.
        form: &'static str,
    },
    /// The subject or subjectAltName could not be read to check them.
    #[error("its subject or subjectAltName cannot be read")]
    Unreadable,
    /// A name of a constrained form is not a well-formed name of that form (`.example.com` as a host,
    /// `a@b@example.com` as a mailbox).
    #[error("{name} is not a well-formed name of its form")]
    Malformed {
        /// The name.
        name: String,
    },
    /// More names times subtrees than a check makes ([`MAX_NAME_CHECKS`]).
    #[error("{names} names against {subtrees} subtrees are more than hocba checks")]
    TooComplex {
        /// The certificate's names (subject attributes and alternative names).
        names: usize,
        /// The CA's subtrees, permitted and excluded.
        subtrees: usize,
    },
}

impl NameViolation {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            NameViolation::NotPermitted { .. } => "name_not_permitted",
            NameViolation::Excluded { .. } => "name_excluded",
            NameViolation::Unsupported { .. } => "name_constraint_unsupported",
            NameViolation::Unreadable => "name_unreadable",
            NameViolation::Malformed { .. } => "name_malformed",
            NameViolation::TooComplex { .. } => "name_constraints_too_complex",
        }
    }

    /// The message in `lang` (English is the `Display` text).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (e, Lang::En) => e.to_string(),
            (NameViolation::NotPermitted { name }, Lang::Vi) => {
                alloc::format!("{name} nằm ngoài mọi vùng tên được phép")
            }
            (NameViolation::Excluded { name, subtree }, Lang::Vi) => {
                alloc::format!("{name} thuộc vùng tên bị loại trừ {subtree}")
            }
            (NameViolation::Unsupported { form }, Lang::Vi) => {
                alloc::format!("tên dạng {form} bị ràng buộc mà hocba không kiểm tra được")
            }
            (NameViolation::Unreadable, Lang::Vi) => {
                "không đọc được tên chủ thể hoặc tên thay thế".into()
            }
            (NameViolation::Malformed { name }, Lang::Vi) => {
                alloc::format!("{name} không phải một tên đúng cú pháp của dạng đó")
            }
            (NameViolation::TooComplex { names, subtrees }, Lang::Vi) => alloc::format!(
                "{names} tên đối chiếu với {subtrees} vùng tên là nhiều hơn mức hocba kiểm tra"
            ),
        }
    }
}

/// Is `name` within the subtree `base` of the same form?
fn within(name: &GeneralName<'_>, base: &GeneralName<'_>) -> Result<bool, NameViolation> {
    Ok(match (name, base) {
        (GeneralName::Email(n), GeneralName::Email(b)) => email_within(n, b),
        (GeneralName::Dns(n), GeneralName::Dns(b)) => dns_within(n, b),
        (GeneralName::Uri(n), GeneralName::Uri(b)) => {
            uri_host(n).is_some_and(|h| host_within(h, b))
        }
        (GeneralName::Ip(n), GeneralName::Ip(b)) => ip_within(n, b),
        (GeneralName::Directory(n), GeneralName::Directory(b)) => directory_within(n, b),
        (GeneralName::Other(_), _) | (_, GeneralName::Other(_)) => {
            return Err(NameViolation::Unsupported { form: name.form() })
        }
        _ => false,
    })
}

/// A host name: dot-separated labels, none empty (a trailing dot, the root, is allowed), no spaces or
/// `@`. Deliberately lax about the characters within a label: certificates carry `_` and IDNs as A-labels.
fn host_well_formed(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host
            .split('.')
            .all(|label| !label.is_empty() && !label.contains([' ', '@', '/', ':']))
}

/// Is `name` well formed for its form? dNSName: a host, its leftmost label possibly `*`; rfc822Name: one
/// unquoted `@` between a non-empty local part and a host. Other forms are judged by their own matching.
fn well_formed(name: &GeneralName<'_>) -> bool {
    match name {
        GeneralName::Dns(n) => host_well_formed(n.strip_prefix("*.").unwrap_or(n)),
        GeneralName::Email(n) => n
            .split_once('@')
            .is_some_and(|(local, host)| !local.is_empty() && host_well_formed(host)),
        _ => true,
    }
}

/// Could the wildcard dNSName `name` (`*.example.com`) stand for a name in the subtree `base`? It stands
/// for any one label under its domain, so it reaches `base` when `base` is exactly one label under that
/// domain (CVE-2025-61727: `*.example.com` against an excluded `bar.example.com`); a `base` covering the
/// whole domain is already caught by [`within`].
fn wildcard_may_reach(name: &GeneralName<'_>, base: &GeneralName<'_>) -> bool {
    let (GeneralName::Dns(n), GeneralName::Dns(b)) = (name, base) else {
        return false;
    };
    let Some(domain) = n.strip_prefix("*.") else {
        return false;
    };
    // Both sides may be written absolute (`bar.example.com.`): the root dot names no label.
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let b = b.strip_prefix('.').unwrap_or(b);
    let b = b.strip_suffix('.').unwrap_or(b);
    b.split_once('.')
        .is_some_and(|(_, parent)| parent.eq_ignore_ascii_case(domain))
}

/// Does `name` end with `suffix`, ASCII case ignored?
fn ends_with_ignore_case(name: &str, suffix: &str) -> bool {
    name.len() >= suffix.len()
        && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// A host against an rfc822Name or URI constraint: `.domain` any host under the domain, else the host.
fn host_within(host: &str, base: &str) -> bool {
    if base.starts_with('.') {
        host.len() > base.len() && ends_with_ignore_case(host, base)
    } else {
        host.eq_ignore_ascii_case(base)
    }
}

/// rfc822Name: a mailbox (`local@host`, the local part compared exactly), a host, or a domain.
fn email_within(name: &str, base: &str) -> bool {
    let Some((local, host)) = name.rsplit_once('@') else {
        return false;
    };
    match base.rsplit_once('@') {
        Some((base_local, base_host)) => {
            local == base_local && host.eq_ignore_ascii_case(base_host)
        }
        None => host_within(host, base),
    }
}

/// dNSName: the name itself or below it; with a leading dot only below it; an empty base covers all.
fn dns_within(name: &str, base: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    let base = base.strip_suffix('.').unwrap_or(base);
    if base.is_empty() {
        return true;
    }
    if base.starts_with('.') {
        return name.len() > base.len() && ends_with_ignore_case(name, base);
    }
    name.eq_ignore_ascii_case(base)
        || (name.len() > base.len()
            && ends_with_ignore_case(name, base)
            && name.as_bytes()[name.len() - base.len() - 1] == b'.')
}

/// The host of a URI with an authority (`scheme://[userinfo@]host[:port]…`); `None` for one without,
/// and for an IP literal, which no domain constraint covers.
fn uri_host(uri: &str) -> Option<&str> {
    let (_, rest) = uri.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host_port.starts_with('[') {
        return None;
    }
    let host = host_port.split_once(':').map_or(host_port, |(h, _)| h);
    (!host.is_empty()).then_some(host)
}

/// iPAddress: the address under the constraint's mask, same family only.
fn ip_within(address: &[u8], base: &[u8]) -> bool {
    let n = address.len();
    if !(n == 4 || n == 16) || base.len() != 2 * n {
        return false;
    }
    let (network, mask) = base.split_at(n);
    address
        .iter()
        .zip(network)
        .zip(mask)
        .all(|((a, b), m)| a & m == b & m)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn dns_names_match_the_name_and_below() {
        assert!(dns_within("thpt-a.hanoi.edu.vn", "hanoi.edu.vn"));
        assert!(dns_within("HANOI.edu.vn.", "hanoi.EDU.vn"));
        assert!(!dns_within("xhanoi.edu.vn", "hanoi.edu.vn"));
        assert!(!dns_within("hanoi.edu.vn", ".hanoi.edu.vn"));
        assert!(dns_within("a.hanoi.edu.vn", ".hanoi.edu.vn"));
        assert!(dns_within("anything.example", ""));
    }

    #[test]
    fn a_wildcard_reaches_an_excluded_name_one_label_under_its_domain() {
        let reach = |name: &str, base: &str| {
            wildcard_may_reach(&GeneralName::Dns(name), &GeneralName::Dns(base))
        };
        assert!(reach("*.example.com", "bar.example.com"));
        assert!(reach("*.EXAMPLE.com", ".bar.example.COM"));
        // Absolute names (a trailing root dot) on either side are the same names.
        assert!(reach("*.example.com.", "bar.example.com"));
        assert!(reach("*.example.com", "bar.example.com."));
        assert!(reach("*.example.com.", ".bar.example.com."));
        // Two labels under the domain, another domain, or no wildcard: not reached.
        assert!(!reach("*.example.com", "a.bar.example.com"));
        assert!(!reach("*.example.com", "bar.example.org."));
        assert!(!reach("www.example.com", "bar.example.com"));
        assert!(!reach("*.example.com", "com."));
    }

    #[test]
    fn mailboxes_hosts_and_domains() {
        assert!(email_within("lan@thpt-a.edu.vn", "lan@THPT-A.edu.vn"));
        assert!(!email_within("Lan@thpt-a.edu.vn", "lan@thpt-a.edu.vn"));
        assert!(email_within("lan@thpt-a.edu.vn", "thpt-a.edu.vn"));
        assert!(!email_within("lan@mail.thpt-a.edu.vn", "thpt-a.edu.vn"));
        assert!(email_within("lan@mail.thpt-a.edu.vn", ".edu.vn"));
        assert!(!email_within("lan@edu.vn", ".edu.vn"));
        assert!(!email_within("no-at-sign", "edu.vn"));
    }

    #[test]
    fn uri_hosts() {
        assert_eq!(
            uri_host("https://user@crl.ca.vn:8080/a.crl"),
            Some("crl.ca.vn")
        );
        assert_eq!(uri_host("urn:isbn:123"), None);
        assert_eq!(uri_host("http://[2001:db8::1]/"), None);
        assert!(host_within("crl.ca.vn", ".ca.vn"));
        assert!(!host_within("ca.vn", ".ca.vn"));
        assert!(host_within("CA.vn", "ca.vn"));
    }

    #[test]
    fn ip_addresses_under_a_mask() {
        assert!(ip_within(&[10, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_within(&[11, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]));
        assert!(!ip_within(&[10, 1, 2, 3], &[10, 0, 0, 0]));
        let mut v6 = [0u8; 32];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[16] = 0xff;
        v6[17] = 0xff;
        let mut address = [0u8; 16];
        address[0] = 0x20;
        address[1] = 0x01;
        address[15] = 1;
        assert!(ip_within(&address, &v6));
        assert!(!ip_within(&[10, 1, 2, 3], &v6));
    }

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        assert!(body.len() < 128);
        let mut out = alloc::vec![tag, u8::try_from(body.len()).unwrap()];
        out.extend_from_slice(body);
        out
    }

    /// A subject `CN=x`.
    fn subject() -> Vec<u8> {
        let cn = tlv(0x30, &[tlv(0x06, &[85, 4, 3]), tlv(0x0C, b"x")].concat());
        tlv(0x30, &tlv(0x31, &cn))
    }

    /// nameConstraints with one permitted subtree (`base`, a GeneralName's DER, and `extra` fields).
    fn permitting(base: &[u8], extra: &[u8]) -> Vec<u8> {
        tlv(0x30, &tlv(0xA0, &tlv(0x30, &[base, extra].concat())))
    }

    #[test]
    fn subtrees_with_a_minimum_or_maximum_are_refused() {
        let dns = tlv(0x82, b"edu.vn");
        assert!(NameConstraints::parse(&permitting(&dns, &[])).is_ok());
        assert!(NameConstraints::parse(&permitting(&dns, &tlv(0x80, &[1]))).is_err());
        assert!(NameConstraints::parse(&permitting(&dns, &tlv(0x81, &[2]))).is_err());
        // Empty subtree lists and unknown choices are malformed too.
        assert!(NameConstraints::parse(&tlv(0x30, &tlv(0xA0, &[]))).is_err());
        assert!(NameConstraints::parse(&permitting(&tlv(0x89, b"x"), &[])).is_err());
        // x400Address is not read; otherName and ediPartyName are checked for shape.
        assert!(NameConstraints::parse(&permitting(&tlv(0xA3, &tlv(0x30, &[])), &[])).is_err());
        let other_name = tlv(
            0xA0,
            &[tlv(0x06, &[42, 3, 4]), tlv(0xA0, &tlv(0x0C, b"x"))].concat(),
        );
        assert!(NameConstraints::parse(&permitting(&other_name, &[])).is_ok());
        assert!(
            NameConstraints::parse(&permitting(&tlv(0xA0, &tlv(0x06, &[42, 3, 4])), &[])).is_err()
        );
        let party = tlv(0xA5, &tlv(0xA1, &tlv(0x0C, b"school")));
        assert!(NameConstraints::parse(&permitting(&party, &[])).is_ok());
        let party_without_name = tlv(0xA5, &tlv(0xA0, &tlv(0x0C, b"assigner")));
        assert!(NameConstraints::parse(&permitting(&party_without_name, &[])).is_err());
        assert!(NameConstraints::parse(&permitting(&tlv(0xA5, &tlv(0x30, &[])), &[])).is_err());
    }

    #[test]
    fn a_constrained_form_hocba_cannot_match_refuses_names_of_that_form_only() {
        let registered_id = tlv(0x88, &[42, 3, 4]);
        let nc_der = permitting(&registered_id, &[]);
        let nc = NameConstraints::parse(&nc_der).unwrap();
        let with_id = tlv(0x30, &tlv(0x88, &[42, 3, 5]));
        assert_eq!(
            nc.check(&subject(), Some(&with_id)),
            Err(NameViolation::Unsupported {
                form: "registeredID"
            })
        );
        let with_dns = tlv(0x30, &tlv(0x82, b"a.vn"));
        assert_eq!(nc.check(&subject(), Some(&with_dns)), Ok(()));
        assert_eq!(nc.check(&subject(), None), Ok(()));
    }

    #[test]
    fn ip_and_uri_names_are_checked_through_the_alternative_name() {
        let nc_der = permitting(&tlv(0x87, &[10, 0, 0, 0, 255, 0, 0, 0]), &[]);
        let nc = NameConstraints::parse(&nc_der).unwrap();
        let inside = tlv(0x30, &tlv(0x87, &[10, 9, 8, 7]));
        let outside = tlv(0x30, &tlv(0x87, &[192, 168, 0, 1]));
        assert_eq!(nc.check(&subject(), Some(&inside)), Ok(()));
        assert_eq!(
            nc.check(&subject(), Some(&outside)).unwrap_err().code(),
            "name_not_permitted"
        );
        let nc_der = tlv(0x30, &tlv(0xA1, &tlv(0x30, &tlv(0x86, b".ca.vn"))));
        let nc = NameConstraints::parse(&nc_der).unwrap();
        let uri = tlv(0x30, &tlv(0x86, b"http://crl.ca.vn/a.crl"));
        assert_eq!(
            nc.check(&subject(), Some(&uri)).unwrap_err().code(),
            "name_excluded"
        );
    }

    #[test]
    fn an_unreadable_alternative_name_fails_the_check() {
        let nc_der = permitting(&tlv(0x82, b"edu.vn"), &[]);
        let nc = NameConstraints::parse(&nc_der).unwrap();
        assert_eq!(
            nc.check(&subject(), Some(&tlv(0x30, &[]))),
            Err(NameViolation::Unreadable)
        );
        assert_eq!(
            nc.check(&subject(), Some(b"\x04\x00")),
            Err(NameViolation::Unreadable)
        );
    }

    #[test]
    fn ip_names_print_as_addresses() {
        assert_eq!(
            GeneralName::Ip(&[10, 0, 0, 1]).to_string(),
            "iPAddress 10.0.0.1"
        );
        let mut v6 = [0u8; 16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[15] = 1;
        assert_eq!(
            GeneralName::Ip(&v6).to_string(),
            "iPAddress 2001:0:0:0:0:0:0:1"
        );
    }
}
