//! The orchestration: every check of design §4, each a value in the report.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value;

use super::cms::{read_cms_with_store, CmsFacts, EssAttribute};
use super::content::{canonical_bytes, signed_content, SignedContent};
use super::envelope::{parse_envelope, Envelope, EnvelopeError, EnvelopeSignature};
use super::policy::{bind_role, claimed_role, VerifyPolicy};
use super::report::{
    ck, Check, CheckStatus, SignerSummary, StatusListSummary, TimeSource, TrustSummary, Verdict,
    VerificationReport,
};
use crate::pki::cache::TrustStoreFirst;
use crate::pki::crl::{check_path_cached, reason_text, CertStatus};
use crate::pki::key_usage::{check_usage, Usage};
use crate::pki::{build_path_with, CrlInfo, NoPathCache, PathCache, TrustStore};
use crate::sign::profile::oid;
use crate::sign::Role;
use crate::status::{lookup, StatusDocument, StatusListError, StatusOutcome};
use crate::time::UnixTime;
use crate::timestamp::{verify_timestamp_cached, TimestampError};
use crate::Lang;

/// Everything verification needs besides the envelope. All of it is passed in: no clock, no network.
#[derive(Debug, Clone, Copy)]
pub struct VerifyInputs<'a> {
    /// Trust anchors and intermediates.
    pub store: &'a TrustStore,
    /// CRLs, already decoded.
    pub crls: &'a [CrlInfo],
    /// The school's status list, if given (or why it could not be read).
    pub status_list: Option<&'a Result<StatusDocument, StatusListError>>,
    /// The time of verification.
    pub now: UnixTime,
    /// The policy.
    pub policy: &'a VerifyPolicy,
}

/// What one signature yields.
struct SignatureOutcome {
    checks: Vec<Check>,
    summary: SignerSummary,
    role: Option<Role>,
    /// The time the signer states (order and lock date are judged on it; a timestamp only bounds it).
    time: Option<UnixTime>,
    crypto_ok: bool,
}

impl SignatureOutcome {
    fn worst(&self) -> CheckStatus {
        if self.checks.iter().any(|c| c.status == CheckStatus::Invalid) {
            CheckStatus::Invalid
        } else if self.checks.iter().any(|c| c.status == CheckStatus::Error) {
            CheckStatus::Error
        } else {
            CheckStatus::Valid
        }
    }
}

/// Checks one detached CMS over `content_bytes`. `binding` gives the names roles bind to.
fn check_one_signature(
    prefix: &str,
    index: usize,
    sig: &EnvelopeSignature,
    content_bytes: &[u8],
    binding: &SignedContent,
    inputs: &VerifyInputs<'_>,
) -> SignatureOutcome {
    check_one_signature_cached(
        prefix,
        index,
        sig,
        content_bytes,
        binding,
        inputs,
        &NoPathCache,
    )
}

/// [`check_one_signature`] with a memo of certificates and signature checks (same outcome).
#[allow(clippy::too_many_lines)] // one block per check, in report order
fn check_one_signature_cached(
    prefix: &str,
    index: usize,
    sig: &EnvelopeSignature,
    content_bytes: &[u8],
    binding: &SignedContent,
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
) -> SignatureOutcome {
    let policy = inputs.policy;
    let id = |name: &str| format!("{prefix}.{name}");
    let mut checks = Vec::new();
    let mut summary = SignerSummary {
        index,
        role: sig.declared_role.clone(),
        name: None,
        organisation: None,
        issuer: None,
        serial: None,
        signing_time: None,
        time_source: None,
        valid: false,
    };
    let fail = |checks: Vec<Check>, summary: SignerSummary| SignatureOutcome {
        checks,
        summary,
        role: None,
        time: None,
        crypto_ok: false,
    };

    // 1. The CMS itself.
    let facts: CmsFacts = match &sig.cms {
        Err(detail) => {
            checks.push(ck(
                &id("cms"),
                CheckStatus::Invalid,
                "cms_base64",
                format!("chữ ký không phải base64 hợp lệ: {detail}"),
                format!("the signature is not valid base64: {detail}"),
            ));
            return fail(checks, summary);
        }
        Ok(der) => match read_cms_with_store(der, cache, inputs.store) {
            Ok(f) => f,
            Err(e) => {
                checks.push(Check::from_reason(id("cms"), CheckStatus::Invalid, &e));
                return fail(checks, summary);
            }
        },
    };
    let cert = facts.signer_cert.clone();
    let signer_name = cert.display_name();
    summary.name = cert.subject.person_name();
    summary.organisation = cert.subject.get("O").map(Into::into);
    summary.issuer = Some(cert.issuer.display());
    summary.serial = Some(cert.serial_hex());
    if summary.role.is_none() {
        summary.role.clone_from(&facts.role_attribute);
    }
    checks.push(ck(
        &id("cms"),
        CheckStatus::Valid,
        "valid",
        format!("đọc được chữ ký CMS của {signer_name}"),
        format!("the CMS signature of {signer_name} is well formed"),
    ));

    // 2. The digest of the content.
    // The record's own signatures reuse its SHA-256; a status list signed under the same names does not.
    let known_sha256 = (binding.sha256.len() == 32 && content_bytes == binding.canonical_bytes)
        .then_some(binding.sha256.as_slice());
    let digest_ok = match facts.check_digest_with(content_bytes, known_sha256, oid::DATA) {
        Ok(()) => {
            checks.push(ck(
                &id("digest"),
                CheckStatus::Valid,
                "valid",
                "nội dung trùng khớp với nội dung đã ký".into(),
                "the content is exactly what was signed".into(),
            ));
            true
        }
        Err(e) => {
            checks.push(Check::from_reason(id("digest"), CheckStatus::Invalid, &e));
            false
        }
    };

    // 3. Algorithm and key policy; 4. the signature.
    let mut signature_ok = false;
    match facts.check_algorithms() {
        Err(e) => checks.push(Check::from_reason(
            id("algorithm"),
            CheckStatus::Invalid,
            &e,
        )),
        Ok(()) => {
            let scheme = facts.scheme.clone().map(|s| s.name()).unwrap_or_default();
            let key = cert
                .key
                .as_ref()
                .map(|k| format!("{} {} bit", k.kind(), k.bits()))
                .unwrap_or_default();
            checks.push(ck(
                &id("algorithm"),
                CheckStatus::Valid,
                "valid",
                format!("thuật toán {scheme}, khoá {key}: đạt yêu cầu"),
                format!("algorithm {scheme}, key {key}: accepted"),
            ));
            match facts.check_signature_in(cache) {
                Ok(()) => {
                    signature_ok = true;
                    checks.push(ck(
                        &id("signature"),
                        CheckStatus::Valid,
                        "valid",
                        format!("chữ ký số của {signer_name} đúng"),
                        format!("the digital signature of {signer_name} is correct"),
                    ));
                }
                Err(e) => checks.push(Check::from_reason(
                    id("signature"),
                    CheckStatus::Invalid,
                    &e,
                )),
            }
        }
    }

    // 5. ESS signing-certificate-v2, or v1 (SHA-1) from signers that write only that.
    match facts.check_signing_certificate() {
        Ok(attribute) => {
            let name = match attribute {
                EssAttribute::SigningCertificate => "ESS signing-certificate, SHA-1",
                _ => "ESS signing-certificate-v2",
            };
            checks.push(ck(
                &id("signing_certificate"),
                CheckStatus::Valid,
                "valid",
                format!("chữ ký gắn với đúng chứng thư số của người ký ({name})"),
                format!("the signature is bound to the signer's certificate ({name})"),
            ));
        }
        Err(e) => checks.push(Check::from_reason(
            id("signing_certificate"),
            if policy.require_signing_certificate || e.code() == "signing_certificate_mismatch" {
                CheckStatus::Invalid
            } else {
                CheckStatus::Skipped
            },
            &e,
        )),
    }

    // 6. Signing time; 7. timestamp.
    let claimed = facts.signing_time;
    match claimed {
        None => checks.push(ck(
            &id("signing_time"),
            CheckStatus::Invalid,
            "signing_time_missing",
            "chữ ký không có thời điểm ký (signing-time)".into(),
            "the signature has no signing time".into(),
        )),
        Some(t) if t.0 > inputs.now.0 + policy.clock_skew_seconds => checks.push(ck(
            &id("signing_time"),
            CheckStatus::Invalid,
            "signing_time_in_future",
            format!(
                "thời điểm ký {} muộn hơn thời điểm kiểm tra {}",
                t.to_vietnam_local(),
                inputs.now.to_vietnam_local()
            ),
            format!(
                "the signing time {t} is later than the time of verification {}",
                inputs.now
            ),
        )),
        Some(t) => checks.push(ck(
            &id("signing_time"),
            CheckStatus::Valid,
            "valid",
            format!(
                "ký lúc {} (theo khai báo của người ký)",
                t.to_vietnam_local()
            ),
            format!("signed at {t} (as the signer states)"),
        )),
    }
    let mut judged = claimed;
    let mut proven = false;
    // No token, or one nobody can check: what the policy makes of a signing time only stated.
    let unproven = if policy.require_timestamp {
        CheckStatus::Error
    } else {
        CheckStatus::Skipped
    };
    match facts.timestamp_tokens.first() {
        None => checks.push(ck(
            &id("timestamp"),
            unproven,
            "timestamp_absent",
            "không có dấu thời gian (RFC 3161): thời điểm ký là do người ký khai báo".into(),
            "no RFC 3161 timestamp: the signing time is as the signer states it".into(),
        )),
        Some(token) => {
            match verify_timestamp_cached(token, &facts.signature, inputs.store, inputs.crls, cache)
            {
                Ok(info) => match claimed {
                    Some(t) if t.0 > info.gen_time.0 + policy.clock_skew_seconds => {
                        checks.push(ck(
                            &id("timestamp"),
                            CheckStatus::Invalid,
                            "signing_time_after_timestamp",
                            format!(
                                "thời điểm ký khai báo {} muộn hơn dấu thời gian {}",
                                t.to_vietnam_local(),
                                info.gen_time.to_vietnam_local()
                            ),
                            format!(
                                "the stated signing time {t} is later than the timestamp {}",
                                info.gen_time
                            ),
                        ));
                    }
                    _ => {
                        judged = Some(info.gen_time);
                        proven = true;
                        checks.push(ck(
                            &id("timestamp"),
                            CheckStatus::Valid,
                            "valid",
                            format!(
                                "dấu thời gian của {} chứng minh chữ ký đã có lúc {}",
                                info.tsa,
                                info.gen_time.to_vietnam_local()
                            ),
                            format!(
                                "a timestamp by {} proves the signature existed at {}",
                                info.tsa, info.gen_time
                            ),
                        ));
                    }
                },
                // A token whose TSA certificate nobody supplied cannot be checked, which is no fault of
                // the record: the stated signing time is judged as with no token, and the check is
                // what an absent token's is (D-97).
                Err(e @ TimestampError::TsaUnknown) => {
                    checks.push(Check::from_reason(id("timestamp"), unproven, &e));
                }
                Err(e) => checks.push(Check::from_reason(
                    id("timestamp"),
                    CheckStatus::Invalid,
                    &e,
                )),
            }
        }
    }
    summary.signing_time = judged;
    summary.time_source = judged.map(|_| {
        if proven {
            TimeSource::Timestamp
        } else {
            TimeSource::Claimed
        }
    });

    // 8. Path at the time of signing; 9. key usage; 10. revocation.
    match judged {
        None => checks.push(ck(
            &id("path"),
            CheckStatus::Skipped,
            "no_signing_time",
            "không kiểm tra được chứng thư vì không có thời điểm ký".into(),
            "the certificate path cannot be checked without a signing time".into(),
        )),
        Some(at) => match build_path_with(
            &cert,
            &facts.embedded,
            inputs.store,
            at,
            cache,
            &inputs.policy.certificate_policies,
        ) {
            Err(e) => checks.push(Check::from_reason(id("path"), CheckStatus::Invalid, &e)),
            Ok(path) => {
                let anchor = path.anchor().display_name();
                checks.push(ck(
                    &id("path"),
                    CheckStatus::Valid,
                    "valid",
                    format!(
                        "chứng thư số của {signer_name} có hiệu lực tại thời điểm ký {} và dẫn tới chứng thư gốc tin cậy {anchor}",
                        at.to_vietnam_local()
                    ),
                    format!(
                        "the certificate of {signer_name} was valid at the signing time {at} and chains to the trusted root {anchor}"
                    ),
                ));
                checks.push(revocation_check(
                    &id("revocation"),
                    &path,
                    inputs,
                    at,
                    proven,
                    cache,
                ));
            }
        },
    }
    match check_usage(&cert, Usage::DocumentSigning) {
        Ok(()) => checks.push(ck(
            &id("key_usage"),
            CheckStatus::Valid,
            "valid",
            "chứng thư số cho phép ký văn bản".into(),
            "the certificate allows document signing".into(),
        )),
        Err(e) => checks.push(Check::from_reason(
            id("key_usage"),
            CheckStatus::Invalid,
            &e,
        )),
    }

    // 11. The role, bound to the record.
    let mut role = None;
    match claimed_role(
        sig.declared_role.as_deref(),
        facts.role_attribute.as_deref(),
    ) {
        Err(e) => checks.push(Check::from_reason(id("role"), CheckStatus::Invalid, &e)),
        Ok(r) => {
            role = Some(r);
            summary.role = Some(r.code().into());
            match bind_role(r, &cert, binding) {
                Ok(()) => checks.push(ck(
                    &id("role"),
                    CheckStatus::Valid,
                    "valid",
                    format!(
                        "{signer_name} ký với vai trò {}, khớp với hồ sơ",
                        r.name(Lang::Vi).to_lowercase()
                    ),
                    format!(
                        "{signer_name} signed as {}, as the record names",
                        r.name(Lang::En).to_lowercase()
                    ),
                )),
                Err(e) => checks.push(Check::from_reason(id("role"), CheckStatus::Invalid, &e)),
            }
        }
    }

    let mut outcome = SignatureOutcome {
        checks,
        summary,
        role,
        time: claimed,
        crypto_ok: digest_ok && signature_ok,
    };
    outcome.summary.valid = outcome.worst() == CheckStatus::Valid;
    outcome
}

fn revocation_check(
    id: &str,
    path: &crate::pki::CertPath,
    inputs: &VerifyInputs<'_>,
    at: UnixTime,
    proven: bool,
    cache: &dyn PathCache,
) -> Check {
    let result = check_path_cached(path, inputs.crls, at, proven, inputs.store, cache);
    // (Vietnamese, English) of each certificate whose revocation stays undecided.
    let mut missing: Vec<(String, String)> = Vec::new();
    let mut later: Vec<(String, UnixTime)> = Vec::new();
    for (cert, status) in &result.statuses {
        let who = cert.display_name();
        match status {
            CertStatus::RevokedBefore { date, reason } => {
                return ck(
                    id,
                    CheckStatus::Invalid,
                    "certificate_revoked",
                    format!(
                        "chứng thư số của {who} đã bị thu hồi ngày {} ({}), trước thời điểm ký {}",
                        date.to_vietnam_local(),
                        reason_text(*reason, Lang::Vi),
                        at.to_vietnam_local()
                    ),
                    format!(
                        "the certificate of {who} was revoked on {date} ({}), before the signing time {at}",
                        reason_text(*reason, Lang::En)
                    ),
                );
            }
            CertStatus::RevokedAfterUnproven { date, reason } => {
                return ck(
                    id,
                    CheckStatus::Error,
                    "revoked_after_signing_unproven",
                    format!(
                        "chứng thư số của {who} bị thu hồi ngày {} vì {}; không có dấu thời gian chứng minh chữ ký được tạo trước đó",
                        date.to_vietnam_local(),
                        reason_text(*reason, Lang::Vi)
                    ),
                    format!(
                        "the certificate of {who} was revoked on {date} for {}; no timestamp proves the signature was made before",
                        reason_text(*reason, Lang::En)
                    ),
                );
            }
            CertStatus::RevokedAfter { date, .. } => later.push((who, *date)),
            CertStatus::NoCrl => missing.push((who.clone(), who)),
            // The CRLs given are partitioned by reason and some partition is missing.
            CertStatus::SomeReasonsOnly => missing.push((
                format!("{who} (các CRL được cung cấp chỉ gồm một số lý do thu hồi)"),
                format!("{who} (the CRLs given cover only some revocation reasons)"),
            )),
            CertStatus::CrlTooOld { this_update } => {
                let older = format!("{who} (CRL {})", this_update.to_rfc3339());
                missing.push((older.clone(), older));
            }
            CertStatus::Good { .. } => {}
        }
    }
    if !missing.is_empty() {
        let list = |pick: fn(&(String, String)) -> &String| {
            missing
                .iter()
                .map(pick)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (vi_list, en_list) = (list(|m| &m.0), list(|m| &m.1));
        return ck(
            id,
            if inputs.policy.require_revocation {
                CheckStatus::Error
            } else {
                CheckStatus::Skipped
            },
            "crl_missing",
            format!("không có danh sách thu hồi (CRL) lập sau thời điểm ký cho: {vi_list}; chưa kiểm tra được tình trạng thu hồi"),
            format!("no CRL issued after the signing time for: {en_list}; revocation was not checked"),
        );
    }
    let (vi_extra, en_extra) = if later.is_empty() {
        (String::new(), String::new())
    } else {
        let vi: Vec<String> = later
            .iter()
            .map(|(w, d)| format!("{w} bị thu hồi sau đó, ngày {}", d.to_vietnam_local()))
            .collect();
        let en: Vec<String> = later
            .iter()
            .map(|(w, d)| format!("{w} was revoked later, on {d}"))
            .collect();
        (
            format!(" ({})", vi.join("; ")),
            format!(" ({})", en.join("; ")),
        )
    };
    ck(
        id,
        CheckStatus::Valid,
        "valid",
        format!("không chứng thư nào bị thu hồi tại thời điểm ký{vi_extra}"),
        format!("no certificate was revoked at the signing time{en_extra}"),
    )
}

/// Verifies an envelope given as bytes. Never fails: an unreadable envelope is a report whose `format`
/// check is Invalid.
#[must_use]
pub fn verify(envelope_bytes: &[u8], inputs: &VerifyInputs<'_>) -> VerificationReport {
    verify_cached(envelope_bytes, inputs, &NoPathCache)
}

/// [`verify`] with a memo of decoded certificates and certificate/CRL signature checks, shared by the
/// records of a batch (design §6: each distinct certificate path is checked once). The report is
/// exactly the one [`verify`] gives.
#[must_use]
pub fn verify_cached(
    envelope_bytes: &[u8],
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
) -> VerificationReport {
    match parse_envelope(envelope_bytes) {
        Ok(env) => verify_envelope_cached(&env, inputs, cache),
        Err(e) => unreadable_envelope_report(&e, inputs),
    }
}

/// The report on an envelope that cannot be read: its `format` check is Invalid, and nothing else ran.
#[must_use]
pub fn unreadable_envelope_report(
    error: &EnvelopeError,
    inputs: &VerifyInputs<'_>,
) -> VerificationReport {
    stopped_early(
        alloc::vec![Check::from_reason("format", CheckStatus::Invalid, error)],
        inputs,
    )
}

/// The report of a verification that stopped after `checks`: no digest, record, signer or status list.
fn stopped_early(checks: Vec<Check>, inputs: &VerifyInputs<'_>) -> VerificationReport {
    VerificationReport {
        verdict: Verdict::derive(&checks),
        now: inputs.now,
        digest: None,
        record: None,
        signers: Vec::new(),
        trust: TrustSummary::of(inputs.store, inputs.crls),
        status_list: None,
        checks,
    }
}

/// Verifies a parsed envelope.
#[must_use]
pub fn verify_envelope(env: &Envelope, inputs: &VerifyInputs<'_>) -> VerificationReport {
    verify_envelope_cached(env, inputs, &NoPathCache)
}

/// [`verify_envelope`] with a memo (see [`verify_cached`]).
#[must_use]
pub fn verify_envelope_cached(
    env: &Envelope,
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
) -> VerificationReport {
    verify_envelope_with_record_checks(env, inputs, cache, &super::adapter::record_checks)
}

/// [`verify_envelope_cached`] with the record's own checks (`schema` and `arithmetic`) made by
/// `record_checks` instead of the rules linked here. The report is [`verify_envelope_cached`]'s when
/// `record_checks` answers as [`crate::record::record_checks`] does; the WebAssembly verification module,
/// which leaves the rules out, passes the answer of the rules module (decisions D-121). It is asked once,
/// and only for a record that has a canonical form.
#[must_use]
pub fn verify_envelope_with_record_checks(
    env: &Envelope,
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
    record_checks: &dyn Fn(&Value) -> Vec<Check>,
) -> VerificationReport {
    let cache = &TrustStoreFirst {
        store: inputs.store,
        inner: cache,
    };
    let mut checks = alloc::vec![ck(
        "format",
        CheckStatus::Valid,
        "valid",
        "tệp đúng định dạng hocba.signed/1".into(),
        "the file is a hocba.signed/1 envelope".into(),
    )];
    let content = match signed_content(&env.record) {
        Ok(c) => c,
        Err(e) => {
            checks.push(Check::from_reason(
                "canonical_digest",
                CheckStatus::Error,
                &e,
            ));
            return stopped_early(checks, inputs);
        }
    };
    checks.extend(record_checks(&env.record));
    checks.push(ck(
        "canonical_digest",
        CheckStatus::Valid,
        "valid",
        format!(
            "giá trị băm SHA-256 của dạng chuẩn tắc (RFC 8785): {}",
            content.digest_hex
        ),
        format!(
            "SHA-256 of the canonical form (RFC 8785): {}",
            content.digest_hex
        ),
    ));

    let outcomes: Vec<SignatureOutcome> = env
        .signatures
        .iter()
        .enumerate()
        .map(|(i, s)| {
            check_one_signature_cached(
                &format!("signatures[{i}]"),
                i,
                s,
                &content.canonical_bytes,
                &content,
                inputs,
                cache,
            )
        })
        .collect();
    for o in &outcomes {
        checks.extend(o.checks.iter().cloned());
    }
    checks.extend(role_checks(&outcomes, &content, inputs.policy));
    let (status_check, status_summary) = status_check_cached(&content, &outcomes, inputs, cache);
    checks.push(status_check);

    let payload_trusted = !outcomes.is_empty() && outcomes.iter().all(|o| o.crypto_ok);
    VerificationReport {
        verdict: Verdict::derive(&checks),
        now: inputs.now,
        digest: Some(content.digest_hex.clone()),
        record: payload_trusted.then(|| content.summary.clone()),
        signers: outcomes.into_iter().map(|o| o.summary).collect(),
        trust: TrustSummary::of(inputs.store, inputs.crls),
        status_list: status_summary,
        checks,
    }
}

fn role_list(roles: &[Role], lang: Lang) -> String {
    let names: Vec<&str> = roles.iter().map(|r| r.name(lang)).collect();
    names.join(", ")
}

fn role_checks(
    outcomes: &[SignatureOutcome],
    content: &SignedContent,
    policy: &VerifyPolicy,
) -> Vec<Check> {
    let mut out = Vec::new();
    let mut required = policy.required_roles.clone();
    if policy.require_subject_teacher_signatures && !required.contains(&Role::SubjectTeacher) {
        required.push(Role::SubjectTeacher);
    }
    let mut missing = Vec::new();
    let mut undecided = Vec::new();
    for role in &required {
        let of_role: Vec<&SignatureOutcome> =
            outcomes.iter().filter(|o| o.role == Some(*role)).collect();
        if of_role.iter().any(|o| o.worst() == CheckStatus::Valid) {
            continue;
        }
        if of_role.iter().any(|o| o.worst() == CheckStatus::Error) {
            undecided.push(*role);
        } else {
            missing.push(*role);
        }
    }
    let subject_teachers_missing: Vec<String> = if policy.require_subject_teacher_signatures {
        content
            .subject_teachers
            .iter()
            .filter(|t| {
                !outcomes.iter().any(|o| {
                    o.role == Some(Role::SubjectTeacher)
                        && o.worst() == CheckStatus::Valid
                        && o.summary
                            .name
                            .as_deref()
                            .is_some_and(|n| crate::pki::names::names_match(n, t))
                })
            })
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    out.push(if !missing.is_empty() {
        ck(
            "roles.required",
            CheckStatus::Invalid,
            "role_missing",
            format!("thiếu chữ ký hợp lệ của: {}", role_list(&missing, Lang::Vi)),
            format!("no valid signature of: {}", role_list(&missing, Lang::En)),
        )
    } else if !subject_teachers_missing.is_empty() {
        let list = subject_teachers_missing.join(", ");
        ck(
            "roles.required",
            CheckStatus::Invalid,
            "role_missing",
            format!("thiếu chữ ký hợp lệ của giáo viên bộ môn: {list}"),
            format!("no valid signature of the subject teachers: {list}"),
        )
    } else if !undecided.is_empty() {
        ck(
            "roles.required",
            CheckStatus::Error,
            "role_undetermined",
            format!(
                "chưa xác định được chữ ký của: {}",
                role_list(&undecided, Lang::Vi)
            ),
            format!(
                "the signatures of these roles could not be decided: {}",
                role_list(&undecided, Lang::En)
            ),
        )
    } else {
        ck(
            "roles.required",
            CheckStatus::Valid,
            "valid",
            format!(
                "có đủ chữ ký hợp lệ của: {}",
                role_list(&required, Lang::Vi)
            ),
            format!(
                "valid signatures of every required role: {}",
                role_list(&required, Lang::En)
            ),
        )
    });

    // Order GVCN → HT → seal by signing time.
    let timed: Vec<(Role, UnixTime)> = outcomes
        .iter()
        .filter_map(|o| Some((o.role?, o.time?)))
        .collect();
    if !policy.enforce_order {
        out.push(ck(
            "roles.order",
            CheckStatus::Skipped,
            "policy_disabled",
            "không kiểm tra thứ tự ký (chính sách)".into(),
            "signing order not checked (policy)".into(),
        ));
    } else {
        let mut violation = None;
        for (r1, t1) in &timed {
            for (r2, t2) in &timed {
                if r1.rank() < r2.rank() && t1 > t2 && violation.is_none() {
                    violation = Some((*r1, *t1, *r2, *t2));
                }
            }
        }
        out.push(match violation {
            Some((r1, t1, r2, t2)) => ck(
                "roles.order",
                CheckStatus::Invalid,
                "role_order",
                format!(
                    "{} ký lúc {}, sau {} ({}): thứ tự phải là giáo viên chủ nhiệm → hiệu trưởng → nhà trường",
                    r1.name(Lang::Vi),
                    t1.to_vietnam_local(),
                    r2.name(Lang::Vi).to_lowercase(),
                    t2.to_vietnam_local()
                ),
                format!(
                    "{} signed at {t1}, after the {} ({t2}): the order must be class teacher → principal → school",
                    r1.name(Lang::En),
                    r2.name(Lang::En).to_lowercase()
                ),
            ),
            None => ck(
                "roles.order",
                CheckStatus::Valid,
                "valid",
                "thứ tự ký đúng: giáo viên chủ nhiệm → hiệu trưởng → nhà trường".into(),
                "signed in order: class teacher → principal → school".into(),
            ),
        });
    }

    // Every signature after the lock date.
    if !policy.require_after_lock {
        out.push(ck(
            "roles.after_lock",
            CheckStatus::Skipped,
            "policy_disabled",
            "không kiểm tra ngày khoá sổ (chính sách)".into(),
            "lock date not checked (policy)".into(),
        ));
    } else {
        out.push(match content.locked_at {
            None => ck(
                "roles.after_lock",
                CheckStatus::Invalid,
                "record_not_locked",
                "hồ sơ chưa khoá sổ (lifecycle.status khác locked hoặc thiếu locked_at): chỉ được ký hồ sơ đã khoá".into(),
                "the record is not locked (lifecycle.status is not locked, or locked_at is missing): only a locked record may be signed".into(),
            ),
            Some(lock) => {
                let start = lock;
                let lock = lock.to_vietnam_local();
                match timed.iter().find(|(_, t)| *t < start) {
                    Some((r, t)) => ck(
                        "roles.after_lock",
                        CheckStatus::Invalid,
                        "signed_before_lock",
                        format!(
                            "{} ký lúc {}, trước khi hồ sơ được khoá sổ lúc {lock}",
                            r.name(Lang::Vi),
                            t.to_vietnam_local()
                        ),
                        format!("{} signed at {t}, before the record was locked at {lock}", r.name(Lang::En)),
                    ),
                    None => ck(
                        "roles.after_lock",
                        CheckStatus::Valid,
                        "valid",
                        format!("mọi chữ ký đều sau khi hồ sơ được khoá sổ lúc {lock}"),
                        format!("every signature is after the record was locked at {lock}"),
                    ),
                }
            }
        });
    }
    out
}

fn status_check(
    content: &SignedContent,
    outcomes: &[SignatureOutcome],
    inputs: &VerifyInputs<'_>,
) -> (Check, Option<StatusListSummary>) {
    status_check_cached(content, outcomes, inputs, &NoPathCache)
}

/// [`status_check`] with a memo: the status list's seal certificate is checked once per batch.
fn status_check_cached(
    content: &SignedContent,
    outcomes: &[SignatureOutcome],
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
) -> (Check, Option<StatusListSummary>) {
    let policy = inputs.policy;
    let not_required = if policy.require_status_list {
        CheckStatus::Error
    } else {
        CheckStatus::Skipped
    };
    let doc = match inputs.status_list {
        None => {
            return (
                ck(
                    "status",
                    not_required,
                    "status_list_missing",
                    "không có danh sách trạng thái của nhà trường: chưa biết hồ sơ còn hiệu lực, đã bị thay thế hay thu hồi".into(),
                    "no status list from the school: whether the record is current, superseded or revoked is unknown".into(),
                ),
                None,
            )
        }
        Some(Err(e)) => {
            return (
                Check::from_reason("status", CheckStatus::Error, e),
                None,
            )
        }
        Some(Ok(doc)) => doc,
    };
    let list = &doc.list;
    let Ok(issued_at) = UnixTime::parse_rfc3339(&list.issued_at) else {
        return (
            ck(
                "status",
                CheckStatus::Error,
                "status_list_malformed",
                format!(
                    "danh sách trạng thái: ngày lập `{}` không hợp lệ",
                    list.issued_at
                ),
                format!(
                    "status list: issue time `{}` is not RFC 3339",
                    list.issued_at
                ),
            ),
            None,
        );
    };
    let age_days = inputs.now.days_since(issued_at);
    let summary = StatusListSummary {
        school_code: list.school_code.clone(),
        issued_at,
        age_days,
    };
    let list_date = issued_at.date_in_vietnam().to_string();
    let error = |code: &str, vi: String, en: String| {
        (
            ck("status", CheckStatus::Error, code, vi, en),
            Some(summary.clone()),
        )
    };
    if content.school_code.as_deref() != Some(list.school_code.as_str()) {
        return error(
            "status_list_other_school",
            format!(
                "danh sách trạng thái là của trường {}, không phải trường của hồ sơ",
                list.school_code
            ),
            format!(
                "the status list is school {}'s, not the record's school",
                list.school_code
            ),
        );
    }
    // The list's own signature: the school's seal, over the list's canonical bytes, judged like a record
    // signature. A list that cannot be trusted makes the status undecidable, never the record invalid.
    let Ok(list_bytes) = canonical_bytes(&doc.list_value) else {
        return error(
            "status_list_malformed",
            "danh sách trạng thái không có dạng chuẩn tắc".into(),
            "the status list has no canonical form".into(),
        );
    };
    let sig = EnvelopeSignature {
        declared_role: Some(Role::Seal.code().into()),
        cms: doc.cms.clone(),
    };
    let list_policy = VerifyPolicy {
        require_timestamp: false,
        ..policy.clone()
    };
    let list_inputs = VerifyInputs {
        policy: &list_policy,
        ..*inputs
    };
    let outcome = check_one_signature_cached(
        "status_list",
        0,
        &sig,
        &list_bytes,
        content,
        &list_inputs,
        cache,
    );
    if let Some(bad) = outcome
        .checks
        .iter()
        .find(|c| matches!(c.status, CheckStatus::Invalid | CheckStatus::Error))
    {
        return error(
            "status_list_untrusted",
            format!(
                "không tin cậy được danh sách trạng thái: {}",
                bad.message_vi
            ),
            format!("the status list cannot be trusted: {}", bad.message_en),
        );
    }
    if issued_at.0 > inputs.now.0 + policy.clock_skew_seconds {
        return error(
            "status_list_from_future",
            format!(
                "danh sách trạng thái lập lúc {}, sau thời điểm kiểm tra",
                issued_at.to_vietnam_local()
            ),
            format!("the status list was issued at {issued_at}, after the time of verification"),
        );
    }
    if age_days > policy.status_list_max_age_days {
        return error(
            "status_list_stale",
            format!(
                "danh sách trạng thái lập ngày {list_date}, đã {age_days} ngày (quá {} ngày): cần danh sách mới hơn để biết hồ sơ còn hiệu lực",
                policy.status_list_max_age_days
            ),
            format!(
                "the status list of {list_date} is {age_days} days old (more than {}): a newer list is needed to know whether the record is current",
                policy.status_list_max_age_days
            ),
        );
    }
    let outcome = lookup(list, content.record_id.as_deref(), &content.digest_hex);
    if outcome == StatusOutcome::NotListed {
        let latest_seal = outcomes
            .iter()
            .filter(|o| o.role == Some(Role::Seal))
            .filter_map(|o| o.time)
            .max();
        if latest_seal.is_some_and(|t| t > issued_at) {
            return error(
                "status_list_older_than_record",
                format!("danh sách trạng thái ngày {list_date} lập trước khi hồ sơ được ký: cần danh sách mới hơn"),
                format!("the status list of {list_date} predates the record's signing: a newer list is needed"),
            );
        }
    }
    let (status, code, vi, en) = outcome.check_parts(&list_date);
    (ck("status", status, code, vi, en), Some(summary))
}

/// The status check of a record known only by its id, digest and school, as a QR stub states them:
/// the status list's seal signature, school, age and lookup, exactly as [`verify_envelope`] runs them.
#[must_use]
pub fn status_check_for(
    content: &SignedContent,
    inputs: &VerifyInputs<'_>,
) -> (Check, Option<StatusListSummary>) {
    status_check(content, &[], inputs)
}

/// [`status_check_for`] with a memo that may know signature outcomes ([`PathCache::known_signature`]).
#[must_use]
pub fn status_check_for_in(
    content: &SignedContent,
    inputs: &VerifyInputs<'_>,
    cache: &dyn PathCache,
) -> (Check, Option<StatusListSummary>) {
    status_check_cached(content, &[], inputs, cache)
}

/// Checks a detached CMS made with a school seal over `content_bytes` (a manifest, a list), exactly as a
/// record's seal signature is checked: CMS, digest, algorithm, signature, path and revocation at the
/// signing time, key usage, and that the certificate is the organisation certificate of the school
/// `binding` names. Check ids start with `prefix`.
#[must_use]
pub fn check_seal_signature(
    prefix: &str,
    cms: Result<Vec<u8>, String>,
    content_bytes: &[u8],
    binding: &SignedContent,
    inputs: &VerifyInputs<'_>,
) -> Vec<Check> {
    let sig = EnvelopeSignature {
        declared_role: Some(Role::Seal.code().into()),
        cms,
    };
    check_one_signature(prefix, 0, &sig, content_bytes, binding, inputs).checks
}
