//! Certificate policies along a path (RFC 5280 §6.1.3 d–f, §6.1.4 a–b and h–j, §6.1.5 a–b and g), with
//! the verifier's inputs of §6.1.1 ([`InitialPolicies`]). By default any policy is acceptable
//! (`user-initial-policy-set` = anyPolicy) and none is required, mapped or inhibited from the start;
//! then the policies make a path invalid only when a CA demands it: requireExplicitPolicy with no policy
//! valid for the whole path, or a mapping from or to anyPolicy (decisions D-113). A verifier may narrow
//! the acceptable policies and require, inhibit mapping or inhibit anyPolicy from the start (D-118).
//!
//! RFC 5280 keeps a tree of policies, which can grow exponentially (CVE-2023-0464). RFC 9618 replaces
//! it with an equivalent graph holding one node per policy and level, as BoringSSL does. Only the deepest
//! level matters for whether the tree is empty, and every node of a level with the same policy has the
//! same expected set, so hocba keeps that level alone, one entry per policy: at most as many entries as
//! the policies and mappings above it name, which [`MAX_POLICIES`] bounds per certificate.

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use der::Tag;

use super::cert::CertInfo;
use super::der_view::{context, Tlv};
use super::path::PathError;

/// A policy identifier: the content octets of its DER OBJECT IDENTIFIER. DER gives each OID one
/// encoding, so equal bytes are equal policies. Kept as bytes because `const-oid` 0.9 cannot read OIDs
/// under the arc 2 whose second arc is 40 or more (2.999, the ITU's example arc, is one), and a policy
/// hocba only compares must not make a certificate unreadable.
pub type PolicyId = Vec<u8>;

/// anyPolicy, 2.5.29.32.0 (RFC 5280 §4.2.1.4).
pub const ANY_POLICY: &[u8] = &[0x55, 0x1D, 0x20, 0x00];

/// Most policies, or most mappings, one certificate may list: real certificates list one to five; the
/// bound keeps a level of the tree small whatever a certificate claims.
pub const MAX_POLICIES: usize = 256;

/// The verifier's policy inputs of a path validation (RFC 5280 §6.1.1 c, e, f, g). The default is the
/// one every hocba verification used before D-118: any policy acceptable, nothing required, mapped or
/// inhibited from the start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitialPolicies {
    /// user-initial-policy-set: the policies acceptable to the verifier, as OID content octets
    /// ([`policy_id_from_dotted`]), in the trust anchor's domain; `None` is anyPolicy (any policy).
    pub acceptable: Option<Vec<PolicyId>>,
    /// initial-explicit-policy: the path must be valid for at least one acceptable policy. Without it a
    /// narrower `acceptable` set matters only where a CA of the path requires an explicit policy, as RFC
    /// 5280 §6.1.5 and OpenSSL's `-policy` have it.
    pub require_explicit: bool,
    /// initial-policy-mapping-inhibit: no CA may map policies.
    pub inhibit_mapping: bool,
    /// initial-any-policy-inhibit: anyPolicy in a certificate stands for no policy.
    pub inhibit_any: bool,
}

/// A policy identifier from its dotted text (`2.16.704.1.1`): the content octets of its DER OBJECT
/// IDENTIFIER, or `None` when the text is not an OID. Written here because `const-oid` 0.9 refuses
/// arcs it cannot also decode (2.999 and up), which certificates may still carry.
#[must_use]
pub fn policy_id_from_dotted(text: &str) -> Option<PolicyId> {
    let arcs: Vec<u64> = text
        .split('.')
        .map(|arc| {
            let minimal = arc == "0" || !arc.starts_with('0');
            (minimal && !arc.is_empty() && arc.bytes().all(|b| b.is_ascii_digit()))
                .then(|| arc.parse::<u64>().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let (&first, &second) = (arcs.first()?, arcs.get(1)?);
    if first > 2 || (first < 2 && second >= 40) {
        return None;
    }
    let mut out = Vec::new();
    let head = first.checked_mul(40)?.checked_add(second)?;
    for arc in core::iter::once(head).chain(arcs[2..].iter().copied()) {
        let mut septets = alloc::vec![u8::try_from(arc & 0x7f).ok()?];
        let mut rest = arc >> 7;
        while rest > 0 {
            septets.push(u8::try_from(rest & 0x7f).ok()? | 0x80);
            rest >>= 7;
        }
        out.extend(septets.iter().rev());
    }
    Some(out)
}

/// What a certificate says about policies, as read from its four policy extensions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertPolicies {
    /// certificatePolicies: the policy identifiers (qualifiers are not needed to decide a path).
    pub policies: Option<Vec<PolicyId>>,
    /// policyMappings: (issuerDomainPolicy, subjectDomainPolicy) pairs.
    pub mappings: Option<Vec<(PolicyId, PolicyId)>>,
    /// policyConstraints requireExplicitPolicy (SkipCerts).
    pub require_explicit: Option<u32>,
    /// policyConstraints inhibitPolicyMapping (SkipCerts).
    pub inhibit_mapping: Option<u32>,
    /// inhibitAnyPolicy (SkipCerts).
    pub inhibit_any: Option<u32>,
}

/// The content of a DER OBJECT IDENTIFIER: non-empty, each subidentifier in minimal base 128 (no
/// leading 0x80 octet) and complete (the last octet ends one).
fn policy_id(tlv: Tlv<'_>) -> Result<PolicyId, der::Error> {
    let bytes = tlv.value;
    let minimal = bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b != 0x80 || (i > 0 && bytes[i - 1] & 0x80 != 0));
    if bytes.last().is_none_or(|&b| b & 0x80 != 0) || !minimal {
        return Err(der::ErrorKind::Value {
            tag: Tag::ObjectIdentifier,
        }
        .into());
    }
    Ok(bytes.to_vec())
}

fn too_many() -> der::Error {
    Tag::Sequence.length_error()
}

/// `certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation`, `PolicyInformation ::=
/// SEQUENCE { policyIdentifier OBJECT IDENTIFIER, policyQualifiers SEQUENCE SIZE (1..MAX) OF
/// PolicyQualifierInfo OPTIONAL }`. A policy listed twice is malformed (§4.2.1.4 "MUST NOT"; OpenSSL and
/// BoringSSL refuse it too). Qualifiers are only checked to be SEQUENCEs that start with their OID: no
/// verdict depends on them.
///
/// # Errors
/// Malformed DER, an empty list, a repeated policy, more than [`MAX_POLICIES`].
pub(crate) fn certificate_policies(der: &[u8]) -> Result<Vec<PolicyId>, der::Error> {
    let mut out: Vec<PolicyId> = Vec::new();
    for info in Tlv::parse(der)?.expect(Tag::Sequence)?.children()? {
        let mut fields = info?.expect(Tag::Sequence)?.children()?;
        let policy = policy_id(fields.required_with(Tag::ObjectIdentifier)?)?;
        if let Some(qualifiers) = fields.optional(Tag::Sequence)? {
            // Leniently: a qualifier's value (or its absence, or an empty list) changes no verdict.
            for qualifier in qualifiers.children()? {
                qualifier?
                    .expect(Tag::Sequence)?
                    .children()?
                    .required_with(Tag::ObjectIdentifier)?;
            }
        }
        fields.finish()?;
        if out.contains(&policy) {
            return Err(der::ErrorKind::Value { tag: Tag::Sequence }.into());
        }
        if out.len() == MAX_POLICIES {
            return Err(too_many());
        }
        out.push(policy);
    }
    if out.is_empty() {
        return Err(Tag::Sequence.length_error());
    }
    Ok(out)
}

/// `PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy CertPolicyId,
/// subjectDomainPolicy CertPolicyId }`.
///
/// # Errors
/// Malformed DER, an empty list, more than [`MAX_POLICIES`] mappings.
pub(crate) fn policy_mappings(der: &[u8]) -> Result<Vec<(PolicyId, PolicyId)>, der::Error> {
    let mut out = Vec::new();
    for mapping in Tlv::parse(der)?.expect(Tag::Sequence)?.children()? {
        let mut pair = mapping?.expect(Tag::Sequence)?.children()?;
        let issuer_domain = policy_id(pair.required_with(Tag::ObjectIdentifier)?)?;
        let subject_domain = policy_id(pair.required_with(Tag::ObjectIdentifier)?)?;
        pair.finish()?;
        if out.len() == MAX_POLICIES {
            return Err(too_many());
        }
        out.push((issuer_domain, subject_domain));
    }
    if out.is_empty() {
        return Err(Tag::Sequence.length_error());
    }
    Ok(out)
}

/// `SkipCerts ::= INTEGER (0..MAX)` from a TLV of any tag (IMPLICIT in policyConstraints): DER's
/// minimal, non-negative encoding, saturated at `u32::MAX` (any count beyond a path's length means the
/// same).
fn skip_certs(tlv: Tlv<'_>) -> Result<u32, der::Error> {
    let value = tlv.value;
    let non_minimal = value.len() > 1 && value[0] == 0 && value[1] < 0x80;
    if value.is_empty() || value[0] >= 0x80 || non_minimal {
        return Err(der::ErrorKind::Value { tag: Tag::Integer }.into());
    }
    Ok(value
        .iter()
        .try_fold(0_u32, |n, &b| {
            n.checked_mul(256).and_then(|n| n.checked_add(u32::from(b)))
        })
        .unwrap_or(u32::MAX))
}

/// `PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL, inhibitPolicyMapping
/// [1] SkipCerts OPTIONAL }` (IMPLICIT tags). Both absent is malformed (§4.2.1.11 "MUST NOT").
///
/// # Errors
/// Malformed DER, an empty sequence.
pub(crate) fn policy_constraints(der: &[u8]) -> Result<(Option<u32>, Option<u32>), der::Error> {
    let mut fields = Tlv::parse(der)?.expect(Tag::Sequence)?.children()?;
    let require = fields
        .optional(context(der::TagNumber::N0, false))?
        .map(skip_certs)
        .transpose()?;
    let inhibit = fields
        .optional(context(der::TagNumber::N1, false))?
        .map(skip_certs)
        .transpose()?;
    fields.finish()?;
    if require.is_none() && inhibit.is_none() {
        return Err(Tag::Sequence.length_error());
    }
    Ok((require, inhibit))
}

/// `InhibitAnyPolicy ::= SkipCerts`.
///
/// # Errors
/// Malformed DER, a negative value.
pub(crate) fn inhibit_any_policy(der: &[u8]) -> Result<u32, der::Error> {
    skip_certs(Tlv::parse(der)?.expect(Tag::Integer)?)
}

/// One node of the deepest level: a policy, the policies it lets the next certificate assert (its
/// expected_policy_set), and whether it descends from a policy acceptable to the verifier.
#[derive(Debug, Clone)]
struct Node {
    policy: PolicyId,
    expected: Vec<PolicyId>,
    /// RFC 5280 §6.1.5 (g) keeps a node when the first policy other than anyPolicy on its branch from
    /// the anchor is in the user-initial-policy-set. The level merges branches (one node per policy),
    /// so this is true when it holds for any of them: what (g) leaves standing at this depth.
    acceptable: bool,
}

/// The deepest level of the valid_policy_tree, one node per policy; empty is the NULL tree. Sorted by
/// policy, so that a lookup stays logarithmic in a level of thousands (a sorted `Vec` rather than a
/// `BTreeMap`: the WebAssembly module carries far less code for it).
#[derive(Debug, Clone, Default)]
struct Level(Vec<Node>);

impl Level {
    /// The level of the trust anchor: anyPolicy alone.
    fn root() -> Level {
        Level(alloc::vec![Node {
            policy: ANY_POLICY.to_vec(),
            expected: alloc::vec![ANY_POLICY.to_vec()],
            acceptable: false,
        }])
    }

    fn find(&self, policy: &[u8]) -> Result<usize, usize> {
        self.0.binary_search_by(|n| n.policy.as_slice().cmp(policy))
    }

    fn has(&self, policy: &[u8]) -> bool {
        self.find(policy).is_ok()
    }

    /// Adds `policy` expecting itself, or merges its branch into the node the level has.
    fn add(&mut self, policy: &[u8], acceptable: bool) {
        match self.find(policy) {
            Ok(i) => self.0[i].acceptable |= acceptable,
            Err(i) => self.0.insert(
                i,
                Node {
                    policy: policy.to_vec(),
                    expected: alloc::vec![policy.to_vec()],
                    acceptable,
                },
            ),
        }
    }

    /// §6.1.3 (d): the level below, for a certificate asserting `policies`; `any_allowed` when its
    /// anyPolicy counts (inhibit_anyPolicy not reached, or a self-issued intermediate). `accepts` says
    /// whether a policy of the anchor's domain is acceptable to the verifier.
    fn below(
        &self,
        policies: &[PolicyId],
        any_allowed: bool,
        accepts: &dyn Fn(&[u8]) -> bool,
    ) -> Level {
        let mut next = Level::default();
        let parent_any = self.has(ANY_POLICY);
        // Which policies some node expects, with that node's acceptability, sorted, so that each
        // asserted policy is one lookup.
        let mut expected: Vec<(&PolicyId, bool)> = self
            .0
            .iter()
            .flat_map(|n| n.expected.iter().map(|e| (e, n.acceptable)))
            .collect();
        expected.sort_unstable();
        for policy in policies.iter().filter(|p| *p != ANY_POLICY) {
            let parents = &expected[expected.partition_point(|(e, _)| *e < policy)
                ..expected.partition_point(|(e, _)| *e <= policy)];
            if !parents.is_empty() {
                // (d)(1)(i): children of the nodes expecting it.
                next.add(policy, parents.iter().any(|(_, acceptable)| *acceptable));
            } else if parent_any {
                // (d)(1)(ii): else a child of anyPolicy, the first policy of its branch.
                next.add(policy, accepts(policy));
            }
        }
        if any_allowed && policies.iter().any(|p| p == ANY_POLICY) {
            // (d)(2): every expected policy not yet a child, under the node expecting it.
            for (policy, acceptable) in expected {
                next.add(policy, acceptable);
            }
        }
        next
    }

    /// §6.1.4 (b): a CA's mappings, applied (`allowed`) or, once policy mapping is inhibited, deleting
    /// the mapped policies.
    fn map(
        &mut self,
        mappings: &[(PolicyId, PolicyId)],
        allowed: bool,
        accepts: &dyn Fn(&[u8]) -> bool,
    ) {
        let parent_any = self.has(ANY_POLICY);
        // Each issuer-domain policy once, in the order first mapped (at most MAX_POLICIES²
        // comparisons: a sort would add code for no gain at this size).
        for (index, (issuer_domain, _)) in mappings.iter().enumerate() {
            if mappings[..index].iter().any(|(i, _)| i == issuer_domain) {
                continue;
            }
            let found = self.find(issuer_domain);
            if !allowed {
                if let Ok(i) = found {
                    self.0.remove(i);
                }
                continue;
            }
            if found.is_err() && !parent_any {
                continue;
            }
            let mut subject_domains: Vec<PolicyId> = Vec::new();
            for (_, s) in mappings[index..].iter().filter(|(i, _)| i == issuer_domain) {
                if !subject_domains.contains(s) {
                    subject_domains.push(s.clone());
                }
            }
            match found {
                Ok(i) => self.0[i].expected = subject_domains,
                // (b)(1): a sibling of anyPolicy's node, the first policy of its branch.
                Err(i) => self.0.insert(
                    i,
                    Node {
                        policy: issuer_domain.clone(),
                        expected: subject_domains,
                        acceptable: accepts(issuer_domain),
                    },
                ),
            }
        }
    }

    /// §6.1.5 (g): whether the intersection with the user-initial-policy-set is not NULL. A node of
    /// anyPolicy at this depth stands for every acceptable policy.
    fn intersects(&self, acceptable: Option<&[PolicyId]>) -> bool {
        match acceptable {
            None => !self.0.is_empty(),
            Some(set) => {
                (self.has(ANY_POLICY) && !set.is_empty()) || self.0.iter().any(|n| n.acceptable)
            }
        }
    }
}

/// Decrements a SkipCerts counter, stopping at 0.
fn count_down(counter: &mut usize) {
    *counter = counter.saturating_sub(1);
}

/// Lowers `counter` to a CA's SkipCerts `limit`, if it sets one.
fn lower_to(counter: &mut usize, limit: Option<u32>) {
    if let Some(limit) = limit {
        *counter = (*counter).min(usize::try_from(limit).unwrap_or(usize::MAX));
    }
}

/// Checks the certificate policies of `path` (leaf first, trust anchor last; the anchor's own
/// extensions are not processed, RFC 5280 §6.1) with the verifier's `inputs`.
///
/// # Errors
/// [`PathError::PolicyRequired`], [`PathError::PolicyNotAcceptable`],
/// [`PathError::PolicyMappingAnyPolicy`].
pub(crate) fn check_policies(
    path: &[Arc<CertInfo>],
    inputs: &InitialPolicies,
) -> Result<(), PathError> {
    let Some((_anchor, below_anchor)) = path.split_last() else {
        return Ok(());
    };
    let n = below_anchor.len();
    let acceptable = inputs.acceptable.as_deref();
    let accepts = |policy: &[u8]| acceptable.is_none_or(|set| set.iter().any(|p| p == policy));
    // No policy left while one is required: the verifier's requirement, or a CA's.
    let none_left = |subject: String| {
        if inputs.require_explicit {
            PathError::PolicyNotAcceptable { subject }
        } else {
            PathError::PolicyRequired { subject }
        }
    };
    let mut level = Level::root();
    let start = |inhibited: bool| if inhibited { 0 } else { n + 1 };
    let mut explicit_policy = start(inputs.require_explicit);
    let mut inhibit_any = start(inputs.inhibit_any);
    let mut policy_mapping = start(inputs.inhibit_mapping);
    // Top down: certificate 1 is the one the anchor issued, certificate n the leaf.
    for (index, cert) in below_anchor.iter().rev().enumerate() {
        let is_leaf = index + 1 == n;
        let facts = &cert.policies;
        level = match &facts.policies {
            Some(policies) if !level.0.is_empty() => level.below(
                policies,
                inhibit_any > 0 || (!is_leaf && cert.is_self_issued()),
                &accepts,
            ),
            Some(_) => level,
            None => Level::default(),
        };
        if explicit_policy == 0 && level.0.is_empty() {
            return Err(none_left(cert.display_name()));
        }
        if is_leaf {
            // §6.1.5 (a)–(b); (g) below.
            count_down(&mut explicit_policy);
            if facts.require_explicit == Some(0) {
                explicit_policy = 0;
            }
            break;
        }
        if let Some(mappings) = &facts.mappings {
            if mappings
                .iter()
                .any(|(i, s)| i == ANY_POLICY || s == ANY_POLICY)
            {
                return Err(PathError::PolicyMappingAnyPolicy {
                    subject: cert.display_name(),
                });
            }
            level.map(mappings, policy_mapping > 0, &accepts);
        }
        if !cert.is_self_issued() {
            count_down(&mut explicit_policy);
            count_down(&mut policy_mapping);
            count_down(&mut inhibit_any);
        }
        lower_to(&mut explicit_policy, facts.require_explicit);
        lower_to(&mut policy_mapping, facts.inhibit_mapping);
        lower_to(&mut inhibit_any, facts.inhibit_any);
    }
    if explicit_policy == 0 && level.0.is_empty() {
        return Err(none_left(path[0].display_name()));
    }
    if explicit_policy == 0 && !level.intersects(acceptable) {
        return Err(PathError::PolicyNotAcceptable {
            subject: path[0].display_name(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    use const_oid::ObjectIdentifier as Oid;

    // 2.16.840.1.101.3.2.1.48.1–3 (PKITS' test policies) and 2.999.1 (an OID `const-oid` 0.9 cannot read).
    const P1: &[u8] = &[96, 134, 72, 1, 101, 3, 2, 1, 48, 1];
    const P2: &[u8] = &[96, 134, 72, 1, 101, 3, 2, 1, 48, 2];
    const P3: &[u8] = &[0x88, 0x37, 0x01];

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        assert!(body.len() < 128);
        let mut out = alloc::vec![tag, u8::try_from(body.len()).unwrap()];
        out.extend_from_slice(body);
        out
    }

    fn oid(o: &[u8]) -> Vec<u8> {
        tlv(0x06, o)
    }

    /// The default user-initial-policy-set: every policy acceptable.
    const ALL: fn(&[u8]) -> bool = |_| true;

    fn ids(list: &[&[u8]]) -> Vec<PolicyId> {
        list.iter().map(|p| p.to_vec()).collect()
    }

    #[test]
    fn policies_are_read_and_repeats_refused() {
        let info = |o| tlv(0x30, &oid(o));
        let der = tlv(0x30, &[info(P1), info(ANY_POLICY)].concat());
        assert_eq!(certificate_policies(&der).unwrap(), ids(&[P1, ANY_POLICY]));
        // A CPS qualifier is read for its shape and left.
        let cps = tlv(
            0x30,
            &[
                oid(Oid::new_unwrap("1.3.6.1.5.5.7.2.1").as_bytes()),
                tlv(0x16, b"https://ca.vn/cps"),
            ]
            .concat(),
        );
        let with_qualifier = tlv(0x30, &tlv(0x30, &[oid(P1), tlv(0x30, &cps)].concat()));
        assert_eq!(certificate_policies(&with_qualifier).unwrap(), ids(&[P1]));
        assert!(certificate_policies(&tlv(0x30, &[info(P1), info(P1)].concat())).is_err());
        assert!(certificate_policies(&tlv(0x30, &[])).is_err());
        // An empty qualifier list is let through; a qualifier that is not a SEQUENCE with an OID is not.
        let qualified = |q: &[u8]| tlv(0x30, &tlv(0x30, &[oid(P1), tlv(0x30, q)].concat()));
        assert!(certificate_policies(&qualified(&[])).is_ok());
        assert!(certificate_policies(&qualified(&tlv(0x04, &[1]))).is_err());
        assert!(certificate_policies(&qualified(&tlv(0x30, &tlv(0x04, &[1])))).is_err());
    }

    #[test]
    fn constraints_and_skip_counts() {
        assert_eq!(
            policy_constraints(&tlv(0x30, &tlv(0x80, &[0]))).unwrap(),
            (Some(0), None)
        );
        assert_eq!(
            policy_constraints(&tlv(0x30, &[tlv(0x80, &[2]), tlv(0x81, &[1, 0])].concat()))
                .unwrap(),
            (Some(2), Some(256))
        );
        // Empty, negative, not minimal.
        assert!(policy_constraints(&tlv(0x30, &[])).is_err());
        assert!(policy_constraints(&tlv(0x30, &tlv(0x80, &[0xff]))).is_err());
        assert!(policy_constraints(&tlv(0x30, &tlv(0x80, &[0, 1]))).is_err());
        assert_eq!(inhibit_any_policy(&tlv(0x02, &[0])).unwrap(), 0);
        assert_eq!(
            inhibit_any_policy(&tlv(0x02, &[0x7f; 9])).unwrap(),
            u32::MAX
        );
        assert!(inhibit_any_policy(&tlv(0x04, &[0])).is_err());
        let pair = |a, b| tlv(0x30, &[oid(a), oid(b)].concat());
        assert_eq!(
            policy_mappings(&tlv(0x30, &[pair(P1, P2), pair(P1, P3)].concat())).unwrap(),
            [(P1.to_vec(), P2.to_vec()), (P1.to_vec(), P3.to_vec())]
        );
        assert!(policy_mappings(&tlv(0x30, &[])).is_err());
    }

    #[test]
    fn a_level_keeps_what_the_certificate_asserts_and_the_parents_allow() {
        let root = Level::root();
        let one = root.below(&ids(&[P1, P2]), true, &ALL);
        assert!(one.has(P1) && one.has(P2) && !one.has(ANY_POLICY));
        // Below P1 and P2, only they may be asserted; anyPolicy stands for both, when allowed.
        assert!(one.below(&ids(&[P3]), true, &ALL).0.is_empty());
        assert!(one.below(&ids(&[ANY_POLICY]), true, &ALL).has(P2));
        assert!(one.below(&ids(&[ANY_POLICY]), false, &ALL).0.is_empty());
        // P1 mapped to P3: P3 is what the next certificate may assert for it.
        let mut mapped = one.clone();
        mapped.map(&[(P1.to_vec(), P3.to_vec())], true, &ALL);
        let next = mapped.below(&ids(&[P3]), true, &ALL);
        assert!(next.has(P3) && next.0.len() == 1);
        assert!(mapped.below(&ids(&[P1]), true, &ALL).0.is_empty());
        // Mapping inhibited: the mapped policy is deleted.
        let mut inhibited = one.clone();
        inhibited.map(&[(P1.to_vec(), P3.to_vec())], false, &ALL);
        assert!(!inhibited.has(P1) && inhibited.has(P2));
        // Under anyPolicy a mapping creates the mapped policy.
        let mut from_any = root.clone();
        from_any.map(&[(P1.to_vec(), P2.to_vec())], true, &ALL);
        assert!(from_any.below(&ids(&[P2]), true, &ALL).has(P2));
    }

    /// The worst a path can ask for: eight CAs each asserting [`MAX_POLICIES`] policies and anyPolicy,
    /// each mapping [`MAX_POLICIES`] of them elsewhere. The level grows by at most two certificates'
    /// worth of policies per certificate, never by products of them (CVE-2023-0464).
    #[test]
    fn the_level_grows_linearly_with_the_policies_asserted() {
        let policy = |cert: usize, n: usize| -> PolicyId {
            alloc::vec![
                0x2a,
                u8::try_from(cert).unwrap(),
                0x81,
                u8::try_from(n % 128).unwrap(),
                u8::try_from(n / 128).unwrap()
            ]
        };
        let mut level = Level::root();
        for cert in 0..8 {
            let mut asserted: Vec<PolicyId> =
                (0..MAX_POLICIES - 1).map(|n| policy(cert, n)).collect();
            asserted.push(ANY_POLICY.to_vec());
            level = level.below(&asserted, true, &ALL);
            let mappings: Vec<(PolicyId, PolicyId)> = (0..MAX_POLICIES)
                .map(|n| (policy(cert, n / 2), policy(cert + 100, n)))
                .collect();
            level.map(&mappings, true, &ALL);
            assert!(
                level.0.len() <= (cert + 1) * 2 * MAX_POLICIES,
                "{}",
                level.0.len()
            );
        }
        assert!(level.has(ANY_POLICY));
    }

    #[test]
    fn dotted_policies_encode_as_der_does() {
        for text in [
            "2.16.704.1.2.3",
            "1.2.840.113549.1.1.11",
            "2.5.29.32.0",
            "0.9.2342.19200300",
        ] {
            assert_eq!(
                policy_id_from_dotted(text).unwrap(),
                Oid::new_unwrap(text).as_bytes(),
                "{text}"
            );
        }
        // Arcs `const-oid` cannot read, still valid OIDs: 2.999.1 is P3.
        assert_eq!(policy_id_from_dotted("2.999.1").unwrap(), P3);
        for bad in [
            "",
            "2",
            "3.1",
            "1.40",
            "1.2.",
            "1..2",
            "1.02",
            "1.2.x",
            "-1.2",
            "1.2.18446744073709551616",
        ] {
            assert_eq!(policy_id_from_dotted(bad), None, "{bad}");
        }
    }

    #[test]
    fn policy_ids_are_minimal_complete_oids() {
        let id = |bytes: &[u8]| policy_id(Tlv::parse(&oid(bytes)).unwrap());
        assert_eq!(id(P3).unwrap(), P3);
        assert!(id(&[0x2a, 0x80, 0x01]).is_err());
        assert!(id(&[0x2a, 0x86]).is_err());
        assert!(id(&[]).is_err());
    }
}
