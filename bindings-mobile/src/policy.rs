//! The verifier's choices, for `verify_with_policy` and `verify_qr_with_policy`: the switches of
//! `hocba verify` and of the npm package's policy options, named as in the browser module's policy JSON
//! (`require_revocation`, `acceptable_policies`…; Kotlin and Swift spell them in camelCase). Every field
//! has the core's default, so `VerificationPolicy()` in Kotlin, Swift or Python is `verify`'s policy and
//! an app sets only what it wants stricter.

use hocba_core::pki::policy::{policy_id_from_dotted, InitialPolicies};
use hocba_core::verify::VerifyPolicy;
use hocba_core::Lang;

use crate::HocbaError;

/// The code of every refused policy field.
const INVALID: &str = "policy_option_invalid";

/// What a verification requires. The defaults are `hocba_core`'s (`VerifyPolicy::default()`): a parent
/// verifying offline years later seldom has CRLs, a fresh status list or timestamps, so their absence is
/// a skipped check, not a failure; any certificate policy is acceptable.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VerificationPolicy {
    /// Without a CRL issued after the time of signing, revocation is undecided (an `ERROR` check, verdict
    /// `INDETERMINATE`) instead of skipped. Default false.
    #[uniffi(default = false)]
    pub require_revocation: bool,
    /// Without a status list, the record's status is undecided (an `ERROR` check) instead of skipped.
    /// Default false.
    #[uniffi(default = false)]
    pub require_status_list: bool,
    /// Every signature must carry a valid RFC 3161 timestamp. Default false.
    #[uniffi(default = false)]
    pub require_timestamp: bool,
    /// A status list issued more than this many days before `now` is stale. Default 35.
    #[uniffi(default = 35)]
    pub status_list_max_age_days: u32,
    /// The certificate policies acceptable for the signers' paths, as dotted OIDs (`2.16.704.1.1`):
    /// RFC 5280's user-initial-policy-set. Absent (`null`, `nil`, `None`; the default) is any policy. A
    /// list decides a path where a CA of the path requires an explicit policy, or every path when the
    /// explicit policy below is required. An empty list, or a text that is not an OID (no spaces), is
    /// refused with `policy_option_invalid`, never read as "any".
    #[uniffi(default = None)]
    pub acceptable_policies: Option<Vec<String>>,
    /// Every signer's path must be valid for an acceptable policy (initial-explicit-policy). With
    /// certificates that name no policy, no path is. Default false.
    #[uniffi(default = false)]
    pub explicit_policy: bool,
    /// No CA of a signer's path may map one policy to another (initial-policy-mapping-inhibit).
    /// Default false.
    #[uniffi(default = false)]
    pub inhibit_policy_mapping: bool,
    /// anyPolicy in a certificate of a signer's path stands for no policy (initial-any-policy-inhibit).
    /// Default false.
    #[uniffi(default = false)]
    pub inhibit_any_policy: bool,
}

impl Default for VerificationPolicy {
    /// The same values as the `#[uniffi(default)]`s above, which the foreign constructors use.
    fn default() -> Self {
        VerificationPolicy {
            require_revocation: false,
            require_status_list: false,
            require_timestamp: false,
            status_list_max_age_days: 35,
            acceptable_policies: None,
            explicit_policy: false,
            inhibit_policy_mapping: false,
            inhibit_any_policy: false,
        }
    }
}

/// One refused field: its JSON pointer (the field's name, and an OID's index) and the message.
struct Problem {
    pointer: String,
    message: String,
}

impl VerificationPolicy {
    /// The core's policy: these fields, everything else at the core's default (the roles, signing
    /// order, ESS signing certificate and clock skew are not the verifier's to relax).
    ///
    /// # Errors
    /// [`HocbaError::InvalidInput`] with code `policy_option_invalid`, one problem per refused field or
    /// OID: an empty `acceptable_policies`, or an entry that is not a dotted OID.
    pub(crate) fn to_core(&self, lang: Lang) -> Result<VerifyPolicy, HocbaError> {
        let mut problems = Vec::new();
        let acceptable = match &self.acceptable_policies {
            None => None,
            Some(oids) if oids.is_empty() => {
                problems.push(Problem {
                    pointer: "/acceptable_policies".into(),
                    message: lang
                        .pick(
                            "danh sách chính sách chứng thư số được chấp nhận rỗng: cần ít nhất một \
                             OID, hoặc không truyền danh sách để chấp nhận mọi chính sách",
                            "the list of acceptable certificate policies is empty: give at least one \
                             OID, or no list for any policy",
                        )
                        .into(),
                });
                None
            }
            Some(oids) => {
                let mut ids = Vec::with_capacity(oids.len());
                for (i, text) in oids.iter().enumerate() {
                    match policy_id_from_dotted(text) {
                        Some(id) => ids.push(id),
                        None => problems.push(Problem {
                            pointer: format!("/acceptable_policies/{i}"),
                            message: match lang {
                                Lang::Vi => format!(
                                    "chính sách chứng thư số `{text}` không phải OID (dạng số và dấu \
                                     chấm, ví dụ 2.16.704.1.1)"
                                ),
                                Lang::En => format!(
                                    "the certificate policy `{text}` is not an OID (dotted numbers, \
                                     e.g. 2.16.704.1.1)"
                                ),
                            },
                        }),
                    }
                }
                Some(ids)
            }
        };
        if let Some(first) = problems.first() {
            return Err(HocbaError::InvalidInput {
                code: INVALID.into(),
                detail: first.message.clone(),
                problems: problems
                    .iter()
                    .map(|p| format!("{INVALID} {}: {}", p.pointer, p.message))
                    .collect(),
            });
        }
        Ok(VerifyPolicy {
            require_revocation: self.require_revocation,
            require_status_list: self.require_status_list,
            require_timestamp: self.require_timestamp,
            status_list_max_age_days: i64::from(self.status_list_max_age_days),
            certificate_policies: InitialPolicies {
                acceptable,
                require_explicit: self.explicit_policy,
                inhibit_mapping: self.inhibit_policy_mapping,
                inhibit_any: self.inhibit_any_policy,
            },
            ..VerifyPolicy::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_oids(oids: &[&str]) -> VerificationPolicy {
        VerificationPolicy {
            acceptable_policies: Some(oids.iter().map(|s| (*s).to_string()).collect()),
            ..VerificationPolicy::default()
        }
    }

    #[test]
    fn the_default_is_the_cores_default_field_by_field() {
        let core = VerifyPolicy::default();
        let mobile = VerificationPolicy::default();
        assert_eq!(mobile.require_revocation, core.require_revocation);
        assert_eq!(mobile.require_status_list, core.require_status_list);
        assert_eq!(mobile.require_timestamp, core.require_timestamp);
        assert_eq!(
            i64::from(mobile.status_list_max_age_days),
            core.status_list_max_age_days
        );
        let cp = &core.certificate_policies;
        assert_eq!(
            mobile.acceptable_policies.is_none(),
            cp.acceptable.is_none()
        );
        assert_eq!(mobile.explicit_policy, cp.require_explicit);
        assert_eq!(mobile.inhibit_policy_mapping, cp.inhibit_mapping);
        assert_eq!(mobile.inhibit_any_policy, cp.inhibit_any);
        // And the fields the mobile API does not expose stay the core's.
        assert_eq!(mobile.to_core(Lang::Vi), Ok(core));
    }

    #[test]
    fn every_field_reaches_the_core() {
        let p = VerificationPolicy {
            require_revocation: true,
            require_status_list: true,
            require_timestamp: true,
            status_list_max_age_days: 7,
            acceptable_policies: Some(vec!["2.16.704.1.1".into(), "2.999.1".into()]),
            explicit_policy: true,
            inhibit_policy_mapping: true,
            inhibit_any_policy: true,
        }
        .to_core(Lang::En)
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(p.require_revocation && p.require_status_list && p.require_timestamp);
        assert_eq!(p.status_list_max_age_days, 7);
        let cp = &p.certificate_policies;
        assert_eq!(
            cp.acceptable,
            Some(vec![vec![0x60, 0x85, 0x40, 1, 1], vec![0x88, 0x37, 1]])
        );
        assert!(cp.require_explicit && cp.inhibit_mapping && cp.inhibit_any);
        // The largest age is merely "never stale".
        let p = VerificationPolicy {
            status_list_max_age_days: u32::MAX,
            ..VerificationPolicy::default()
        };
        assert_eq!(
            p.to_core(Lang::En).map(|p| p.status_list_max_age_days),
            Ok(i64::from(u32::MAX))
        );
    }

    #[test]
    fn malformed_oids_are_refused_with_the_code_and_their_index() {
        for bad in [
            "vnpt-ca",
            "",
            " 2.16.704.1.1",
            "2.16.704.1.1 ",
            "2",
            "2.",
            "2.16..1",
            "02.16.704",
            "2.016.704",
            "3.1",
            "1.40",
            "0.39.-1",
            "2.16.+704",
            "2.18446744073709551616",
            "2.16.704.1.1.٣",
        ] {
            for lang in [Lang::Vi, Lang::En] {
                let e = with_oids(&["2.16.704.1.1", bad]).to_core(lang);
                let Err(HocbaError::InvalidInput {
                    code,
                    detail,
                    problems,
                }) = &e
                else {
                    panic!("{bad}: {e:?}");
                };
                assert_eq!(code, "policy_option_invalid", "{bad}");
                assert!(detail.contains(&format!("`{bad}`")), "{bad}: {detail}");
                assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
                assert!(
                    problems[0].starts_with("policy_option_invalid /acceptable_policies/1: "),
                    "{bad}: {problems:?}"
                );
            }
        }
        // Every malformed OID is a problem, the first one the detail, in the requested language.
        let Err(HocbaError::InvalidInput {
            detail, problems, ..
        }) = with_oids(&["vnpt-ca", "1.2.3", "viettel-ca"]).to_core(Lang::Vi)
        else {
            panic!("accepted");
        };
        assert!(detail.contains("`vnpt-ca` không phải OID"), "{detail}");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[1].contains("/acceptable_policies/2: "),
            "{problems:?}"
        );
    }

    #[test]
    fn an_empty_list_is_refused_never_read_as_any_policy() {
        for (lang, words) in [(Lang::Vi, "rỗng"), (Lang::En, "is empty")] {
            let e = with_oids(&[]).to_core(lang);
            let Err(HocbaError::InvalidInput {
                code,
                detail,
                problems,
            }) = e
            else {
                panic!("{e:?}");
            };
            assert_eq!(code, "policy_option_invalid");
            assert!(detail.contains(words), "{detail}");
            assert_eq!(problems.len(), 1);
            assert!(problems[0].starts_with("policy_option_invalid /acceptable_policies: "));
        }
    }
}
