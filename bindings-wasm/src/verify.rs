//! Verification in the browser: a `Verifier` holds a trust store and CRLs built once from the bytes of
//! certificate and CRL files (PEM or DER), then verifies signed envelopes with the status list, the time
//! and the policy passed in — the same `hocba_core::verify::verify` the CLI runs, with no clock and no
//! network. Files arrive concatenated with their lengths, so no JS arrays cross the boundary.

use hocba_core::check::{checks_from_json, Check};
use hocba_core::json::{from_value, read_value, ASSESS_LIMITS};
use hocba_core::pki::policy::policy_id_from_dotted;
#[cfg(all(feature = "signature-fallback", feature = "rules"))]
use hocba_core::pki::NoPathCache;
use hocba_core::pki::{CertInfo, CrlInfo, PathCache, TrustStore};
use hocba_core::qr::{verify_stub_in, QrReport, QrVerifyInputs};
use hocba_core::status::{parse_status_document, StatusDocument, StatusListError};
use hocba_core::time::UnixTime;
use hocba_core::verify::{
    parse_envelope, unreadable_envelope_report, verify_envelope_with_record_checks, Envelope,
    EnvelopeError, VerificationReport, VerifyInputs, VerifyPolicy,
};
use hocba_core::Lang;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::delegated::Passes;
use crate::{lang, text};

/// One input problem as the JS layer expects it (`HocbaError.problems`).
fn problem(code: &str, pointer: &str, message: String) -> Value {
    json!({"code": code, "pointer": pointer, "message": message})
}

fn refusal(problems: Vec<Value>) -> String {
    text(&json!({"ok": false, "errors": problems}))
}

/// Splits `blob` into the files whose byte lengths are `lengths`.
fn split<'a>(blob: &'a [u8], lengths: &[u32], what: &str) -> Result<Vec<&'a [u8]>, Value> {
    let mut files = Vec::with_capacity(lengths.len());
    let mut rest = blob;
    for &len in lengths {
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if len > rest.len() {
            break;
        }
        let (file, tail) = rest.split_at(len);
        files.push(file);
        rest = tail;
    }
    if files.len() != lengths.len() || !rest.is_empty() {
        return Err(problem(
            "usage",
            "",
            format!("the {what} lengths do not add up to the bytes given"),
        ));
    }
    Ok(files)
}

fn names(json_names: &str, count: usize, prefix: &str) -> Vec<String> {
    // Names are labels for messages: unreadable ones fall back to `prefix[i]`.
    let given: Vec<String> = read_value(json_names.as_bytes(), ASSESS_LIMITS)
        .ok()
        .and_then(|v| from_value(&v).ok())
        .unwrap_or_default();
    (0..count)
        .map(|i| {
            given
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("{prefix}[{i}]"))
        })
        .collect()
}

fn time(text: &str, pointer: &str, lang: Lang) -> Result<UnixTime, Value> {
    UnixTime::parse_rfc3339(text).map_err(|e| {
        problem(
            e.code(),
            pointer,
            match lang {
                Lang::Vi => format!(
                    "thời điểm không đúng dạng RFC 3339 (ví dụ 2025-07-10T08:00:00+07:00): {text}"
                ),
                Lang::En => format!("not an RFC 3339 time (e.g. 2025-07-10T08:00:00+07:00): {e}"),
            },
        )
    })
}

/// The options of `VerifyPolicy` a page may set; unknown names are refused, not ignored.
fn policy(text: &str, lang: Lang) -> Result<VerifyPolicy, Value> {
    let mut policy = VerifyPolicy::default();
    if text.trim().is_empty() {
        return Ok(policy);
    }
    let bad = |key: &str| {
        problem(
            "policy_option_invalid",
            &if key.is_empty() {
                String::new()
            } else {
                format!("/{key}")
            },
            match lang {
                Lang::Vi => format!("tuỳ chọn kiểm tra không hợp lệ: {key}"),
                Lang::En => format!("invalid verification option: {key}"),
            },
        )
    };
    let Ok(Value::Object(map)) = read_value(text.as_bytes(), ASSESS_LIMITS) else {
        return Err(bad(""));
    };
    for (key, value) in &map {
        match (key.as_str(), value) {
            ("require_revocation", Value::Bool(b)) => policy.require_revocation = *b,
            ("require_status_list", Value::Bool(b)) => policy.require_status_list = *b,
            ("require_timestamp", Value::Bool(b)) => policy.require_timestamp = *b,
            ("status_list_max_age_days", v) => {
                policy.status_list_max_age_days =
                    v.as_i64().filter(|d| *d >= 0).ok_or_else(|| bad(key))?;
            }
            // The certificate-policy inputs of the signers' paths (RFC 5280 §6.1.1, D-118).
            ("acceptable_policies", Value::Array(oids)) if !oids.is_empty() => {
                let ids = oids
                    .iter()
                    .map(|oid| oid.as_str().and_then(policy_id_from_dotted));
                policy.certificate_policies.acceptable =
                    Some(ids.collect::<Option<_>>().ok_or_else(|| bad(key))?);
            }
            ("explicit_policy", Value::Bool(b)) => {
                policy.certificate_policies.require_explicit = *b
            }
            ("inhibit_policy_mapping", Value::Bool(b)) => {
                policy.certificate_policies.inhibit_mapping = *b;
            }
            ("inhibit_any_policy", Value::Bool(b)) => policy.certificate_policies.inhibit_any = *b,
            _ => return Err(bad(key)),
        }
    }
    Ok(policy)
}

/// A trust store and CRLs, built once, for verifying many envelopes. The store's CA links are signature
/// checks, so it is built in passes like a verification (`delegated.rs`): `buildStore` until it asks
/// nothing or `answerStore` confirms the pass, then `storeResult`.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Verifier {
    trust: TrustFiles,
    crls: Vec<CrlInfo>,
    /// The store, or why there is none (a refusal's JSON text).
    store: Passes<Result<TrustStore, String>>,
}

/// What the trust store is built from: the certificates of the trust files, decoded once.
#[derive(Debug)]
struct TrustFiles {
    certificates: Vec<CertInfo>,
    as_of: Option<UnixTime>,
    source: String,
    lang: Lang,
}

#[wasm_bindgen]
impl Verifier {
    /// Reads the certificate files (PEM or DER; self-signed ones become anchors, the others
    /// intermediates, once the store is built) and decodes the CRLs. `names` is a JSON array of the
    /// certificate files' names; `source` and `as_of` (RFC 3339 or empty) describe the trust list in
    /// reports.
    ///
    /// # Errors
    /// JSON text `{"ok": false, "errors": [{code, pointer, message}]}` naming every file that cannot be read.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)] // one flat call: no JS arrays or objects cross the boundary
    pub fn new(
        trust: &[u8],
        trust_lengths: &[u32],
        trust_names: &str,
        crls: &[u8],
        crl_lengths: &[u32],
        source: &str,
        as_of: &str,
        lang_code: &str,
    ) -> Result<Verifier, String> {
        let lang = lang(lang_code);
        let trust_files = split(trust, trust_lengths, "trust").map_err(|p| refusal(vec![p]))?;
        let crl_files = split(crls, crl_lengths, "CRL").map_err(|p| refusal(vec![p]))?;
        let trust_names = names(trust_names, trust_files.len(), "trust");
        let mut problems = Vec::new();
        let mut certificates = Vec::new();
        for (i, (file, name)) in trust_files.iter().zip(&trust_names).enumerate() {
            // Read now, so that a bad file is refused at once; the store is built by `build_store`.
            match CertInfo::load_many(file) {
                Ok(certs) => certificates.extend(certs),
                Err(e) => problems.push(problem(
                    e.code(),
                    &format!("/trust/{i}"),
                    match lang {
                        Lang::Vi => format!("không đọc được chứng thư tin cậy {name}: {e}"),
                        Lang::En => format!("cannot read the trusted certificate {name}: {e}"),
                    },
                )),
            }
        }
        let mut decoded = Vec::with_capacity(crl_files.len());
        for (i, file) in crl_files.iter().enumerate() {
            match CrlInfo::from_bytes(file) {
                Ok(crl) => decoded.push(crl),
                Err(e) => problems.push(problem(
                    e.code(),
                    &format!("/crls/{i}"),
                    match lang {
                        Lang::Vi => {
                            format!("không đọc được danh sách thu hồi (CRL) thứ {}: {e}", i + 1)
                        }
                        Lang::En => format!("cannot read CRL {}: {e}", i + 1),
                    },
                )),
            }
        }
        let as_of = if as_of.is_empty() {
            None
        } else {
            match time(as_of, "/trustAsOf", lang) {
                Ok(t) => Some(t),
                Err(p) => {
                    problems.push(p);
                    None
                }
            }
        };
        if !problems.is_empty() {
            return Err(refusal(problems));
        }
        Ok(Verifier {
            trust: TrustFiles {
                certificates,
                as_of,
                source: source.into(),
                lang,
            },
            crls: decoded,
            store: Passes::default(),
        })
    }

    /// One pass of building the trust store; returns the number of signature checks it left pending.
    #[wasm_bindgen(js_name = buildStore)]
    pub fn build_store(&mut self) -> usize {
        let trust = &self.trust;
        self.store.run(|pass| trust.store_with(pass))
    }

    /// The outcomes of the store's pending checks (as [`Verification::answer`]); true when the last
    /// pass's store stands.
    #[wasm_bindgen(js_name = answerStore)]
    pub fn answer_store(&mut self, outcomes: &[u8]) -> bool {
        self.store.answer(outcomes)
    }

    /// Empty once the store stands, else the refusal's JSON text (no anchor, or not built yet).
    #[wasm_bindgen(js_name = storeResult)]
    #[must_use]
    pub fn store_result(&self) -> String {
        match self.store.settled() {
            // A link or root that could not be checked would silently drop out of the store: say why.
            Some(_) if self.store.exchange.any_unavailable() => refusal(vec![problem(
                "signature_arithmetic_unavailable",
                "/trust",
                match self.trust.lang {
                    Lang::Vi => "không tải được phần kiểm tra chữ ký nên chưa kiểm tra được các chứng thư tin cậy (kiểm tra kết nối rồi thử lại)".into(),
                    Lang::En => "the signature module could not be loaded, so the trusted certificates could not be checked (check the connection and try again)".into(),
                },
            )]),
            Some(Ok(_)) => String::new(),
            Some(Err(refused)) => refused.clone(),
            None => not_settled("the trust store"),
        }
    }

    /// The same inputs as [`Verifier::verify`], for a verification in passes whose signature checks JS
    /// runs (`delegated.rs`).
    ///
    /// # Errors
    /// The refusal's JSON text when `now` or the policy options are unusable.
    pub fn start(
        &self,
        envelope: Vec<u8>,
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> Result<Verification, String> {
        let (now, policy, lang) = settings(now, policy_options, lang_code)?;
        Ok(Verification {
            job: EnvelopeJob {
                envelope: parse_envelope(&envelope),
                record_checks: None,
                status: status_list.map(|text| parse_status_document(text.as_bytes())),
                now,
                policy,
            },
            lang,
            passes: Passes::default(),
        })
    }

    /// Starts verifying a QR stub (the `HC1:`-style text scanned from a printed học bạ) at `now`, with
    /// the full record or signed envelope it stands for when the reader has it, and the school's status
    /// list, in passes as [`Verifier::start`]. The seal certificate is found in the trust store, the
    /// record's signatures or the status list's signature (core D-51).
    ///
    /// # Errors
    /// The refusal's JSON text when `now` or the policy options are unusable.
    #[wasm_bindgen(js_name = startQrStub)]
    pub fn start_qr_stub(
        &self,
        stub: String,
        record: Option<Vec<u8>>,
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> Result<QrVerification, String> {
        let (now, policy, lang) = settings(now, policy_options, lang_code)?;
        Ok(QrVerification {
            stub,
            record,
            status: status_list.map(|text| parse_status_document(text.as_bytes())),
            now,
            policy,
            lang,
            passes: Passes::default(),
        })
    }
}

impl TrustFiles {
    /// The trust store from the certificates, each signature check asked of `cache` first.
    fn store_with(&self, cache: &dyn PathCache) -> Result<TrustStore, String> {
        let mut store = TrustStore::new();
        store.add_certificates_in(self.certificates.iter().cloned(), cache);
        store.as_of = self.as_of;
        let lang = self.lang;
        let mut store = store.finish_in(cache).map_err(|e| {
            refusal(vec![problem(
                e.code(),
                "/trust",
                match lang {
                    Lang::Vi => {
                        "danh sách tin cậy không có chứng thư gốc nào (chứng thư tự ký)".into()
                    }
                    Lang::En => alloc_string(&e),
                },
            )])
        })?;
        if !self.source.is_empty() {
            store.source = Some(self.source.clone());
        }
        Ok(store)
    }
}

/// `now`, the policy options and the language, or the refusal naming every unusable one.
fn settings(
    now: &str,
    policy_options: &str,
    lang_code: &str,
) -> Result<(UnixTime, VerifyPolicy, Lang), String> {
    let lang = lang(lang_code);
    match (time(now, "/now", lang), policy(policy_options, lang)) {
        (Ok(n), Ok(p)) => Ok((n, p, lang)),
        (n, p) => Err(refusal([n.err(), p.err()].into_iter().flatten().collect())),
    }
}

fn not_settled(what: &str) -> String {
    refusal(vec![problem(
        "usage",
        "",
        format!("{what} is not settled: run its passes first"),
    )])
}

/// The store a verification pass runs with: the verifier's, once it stands.
fn settled_store(verifier: &Verifier) -> Option<&TrustStore> {
    verifier
        .store
        .settled()
        .and_then(|built| built.as_ref().ok())
}

/// One envelope's verification, run in passes (see `delegated.rs`): while `run` returns a number of
/// pending checks other than zero, their outcomes go to `answer`; when it returns true, or a pass asks
/// nothing, `report` is the verification's report. The record's own checks come from the rules module
/// first (`recordText`, `setRecordChecks`, decisions D-121).
#[wasm_bindgen]
#[derive(Debug)]
pub struct Verification {
    job: EnvelopeJob,
    lang: Lang,
    passes: Passes<VerificationReport>,
}

/// What one envelope's verification reads besides the trust store and CRLs.
#[derive(Debug)]
struct EnvelopeJob {
    envelope: Result<Envelope, EnvelopeError>,
    /// The record's own checks, as the rules module judged them (`set_record_checks`).
    record_checks: Option<Vec<Check>>,
    status: Option<Result<StatusDocument, StatusListError>>,
    now: UnixTime,
    policy: VerifyPolicy,
}

impl EnvelopeJob {
    /// The report with `store` and `crls`, each signature outcome asked of `cache` first.
    fn report(
        &self,
        store: &TrustStore,
        crls: &[CrlInfo],
        cache: &dyn PathCache,
    ) -> VerificationReport {
        let inputs = VerifyInputs {
            store,
            crls,
            status_list: self.status.as_ref(),
            now: self.now,
            policy: &self.policy,
        };
        match &self.envelope {
            Ok(env) => verify_envelope_with_record_checks(env, &inputs, cache, &|record| {
                self.record_checks
                    .clone()
                    .unwrap_or_else(|| unjudged_record_checks(record))
            }),
            Err(e) => unreadable_envelope_report(e, &inputs),
        }
    }
}

#[wasm_bindgen]
impl Verification {
    /// Runs one pass with `verifier`'s trust store and CRLs. Signature checks whose outcome is not
    /// known yet are assumed valid and listed as pending. Returns their number.
    pub fn run(&mut self, verifier: &Verifier) -> usize {
        let Some(store) = settled_store(verifier) else {
            self.passes.clear();
            return 0;
        };
        let job = &self.job;
        self.passes
            .run(|pass| job.report(store, &verifier.crls, pass))
    }

    /// The JSON text of the envelope's record, for the rules module's `recordChecks`; none when the
    /// envelope cannot be read (its report needs no record checks).
    #[wasm_bindgen(js_name = recordText)]
    #[must_use]
    pub fn record_text(&self) -> Option<String> {
        self.job.envelope.as_ref().ok().map(|env| text(&env.record))
    }

    /// Takes the rules module's answer for [`Verification::record_text`] (the `checks` array of
    /// `recordChecks`). False when it is not such an array (nothing is taken).
    #[wasm_bindgen(js_name = setRecordChecks)]
    pub fn set_record_checks(&mut self, checks: &str) -> bool {
        let parsed = read_value(checks.as_bytes(), ASSESS_LIMITS)
            .ok()
            .and_then(|v| checks_from_json(&v));
        let taken = parsed.is_some();
        if taken {
            self.job.record_checks = parsed;
        }
        taken
    }

    /// The outcomes of the pending checks in order (1 valid, 0 invalid, 2 could not be computed).
    /// True when the last pass's report stands.
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        self.passes.answer(outcomes)
    }

    /// `{"ok": true, "report": …}` of the settled pass (the core's `hocba.verification-report/1`,
    /// messages in the language asked for).
    #[must_use]
    pub fn report(&self) -> String {
        match self.passes.settled() {
            Some(report) => text(&json!({"ok": true, "report": report.to_json(self.lang)})),
            None => not_settled("the verification"),
        }
    }
}

/// One QR stub's verification, in passes as [`Verification`].
#[wasm_bindgen]
#[derive(Debug)]
pub struct QrVerification {
    stub: String,
    record: Option<Vec<u8>>,
    status: Option<Result<StatusDocument, StatusListError>>,
    now: UnixTime,
    policy: VerifyPolicy,
    lang: Lang,
    passes: Passes<QrReport>,
}

#[wasm_bindgen]
impl QrVerification {
    /// Runs one pass (as [`Verification::run`]).
    pub fn run(&mut self, verifier: &Verifier) -> usize {
        let Some(store) = settled_store(verifier) else {
            self.passes.clear();
            return 0;
        };
        let inputs = QrVerifyInputs {
            store,
            certificates: &[],
            crls: &verifier.crls,
            status_list: self.status.as_ref(),
            now: self.now,
            policy: &self.policy,
            record: self.record.as_deref(),
        };
        let stub = &self.stub;
        self.passes.run(|pass| verify_stub_in(stub, &inputs, pass))
    }

    /// As [`Verification::answer`].
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        self.passes.answer(outcomes)
    }

    /// `{"ok": true, "report": …}` of the settled pass (the core's QR report).
    #[must_use]
    pub fn report(&self) -> String {
        match self.passes.settled() {
            Some(report) => text(&json!({"ok": true, "report": report.to_json(self.lang)})),
            None => not_settled("the QR verification"),
        }
    }
}

/// The accessors JS reads a pending check with, for each object that runs passes.
macro_rules! pending_checks {
    ($owner:ty, $passes:ident) => {
        #[wasm_bindgen]
        impl $owner {
            /// The WebCrypto algorithm of pending check `i` (JSON), or empty: the platform must not
            /// run it (the signature module does).
            #[wasm_bindgen(js_name = pendingAlgorithm)]
            #[must_use]
            pub fn pending_algorithm(&self, i: usize) -> String {
                self.$passes.exchange.pending_field(i, |r| &r.algorithm)
            }

            /// What pending check `i`'s imported key may be reused by.
            #[wasm_bindgen(js_name = pendingKeyId)]
            #[must_use]
            pub fn pending_key_id(&self, i: usize) -> String {
                self.$passes.exchange.pending_field(i, |r| &r.key_id)
            }

            /// Pending check `i`'s key (DER SubjectPublicKeyInfo).
            #[wasm_bindgen(js_name = pendingSpki)]
            #[must_use]
            pub fn pending_spki(&self, i: usize) -> Vec<u8> {
                self.$passes.exchange.pending_field(i, |r| &r.spki)
            }

            /// Pending check `i`'s signed bytes.
            #[wasm_bindgen(js_name = pendingMessage)]
            #[must_use]
            pub fn pending_message(&self, i: usize) -> Vec<u8> {
                self.$passes.exchange.pending_field(i, |r| &r.message)
            }

            /// Pending check `i`'s signature, as WebCrypto takes it (`r ‖ s` for ECDSA).
            #[wasm_bindgen(js_name = pendingSignature)]
            #[must_use]
            pub fn pending_signature(&self, i: usize) -> Vec<u8> {
                self.$passes.exchange.pending_field(i, |r| &r.signature)
            }

            /// Pending check `i`'s scheme, as the signature module reads it.
            #[wasm_bindgen(js_name = pendingScheme)]
            #[must_use]
            pub fn pending_scheme(&self, i: usize) -> String {
                self.$passes.exchange.pending_field(i, |r| &r.scheme)
            }

            /// Pending check `i`'s signature as signed (DER for ECDSA), for the signature module.
            #[wasm_bindgen(js_name = pendingSignatureDer)]
            #[must_use]
            pub fn pending_signature_der(&self, i: usize) -> Vec<u8> {
                self.$passes.exchange.pending_field(i, |r| &r.signature_der)
            }
        }
    };
}

pending_checks!(Verifier, store);
pending_checks!(Verification, passes);
pending_checks!(QrVerification, passes);

/// Verification in one call, as the CLI runs it: every signature computed here by this build's backend
/// and the record judged by the rules linked here. For the build with everything inside (the
/// wasm-bindgen tests, which hold it to the native reports, and the native side of the benchmark), never
/// the package's verification module.
#[cfg(all(feature = "signature-fallback", feature = "rules"))]
#[wasm_bindgen]
impl Verifier {
    /// Builds the store (once) and verifies `envelope`: `{"ok": true, "report": …}`, or the refusal's
    /// JSON text.
    #[must_use]
    pub fn verify(
        &mut self,
        envelope: &[u8],
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> String {
        if self.store.settled().is_none() {
            self.store = Passes::done(self.trust.store_with(&NoPathCache));
        }
        let store = match self.store.settled() {
            Some(Ok(store)) => store,
            Some(Err(refused)) => return refused.clone(),
            None => return not_settled("the trust store"),
        };
        match self.start(
            envelope.to_vec(),
            status_list,
            now,
            policy_options,
            lang_code,
        ) {
            // No record checks were given: the rules linked here make them (`unjudged_record_checks`).
            Ok(verification) => {
                let report = verification.job.report(store, &self.crls, &NoPathCache);
                text(&json!({"ok": true, "report": report.to_json(verification.lang)}))
            }
            Err(refused) => refused,
        }
    }
}

/// The record's own checks when the rules module did not judge the record: in a build with the rules
/// (the wasm-bindgen tests' module) the rules judge it here; in the verification module alone both
/// checks say they could not run, so the verdict cannot be valid (D-121).
fn unjudged_record_checks(record: &Value) -> Vec<Check> {
    #[cfg(feature = "rules")]
    {
        hocba_core::record::record_checks(record)
    }
    #[cfg(not(feature = "rules"))]
    {
        let _ = record;
        ["schema", "arithmetic"]
            .into_iter()
            .map(|id| {
                Check::new(
                    id,
                    hocba_core::check::CheckStatus::Error,
                    "record_not_judged",
                    "quy chế chưa được nạp nên chưa kiểm tra được hồ sơ",
                    "the rules module did not judge the record, so it was not checked",
                )
            })
            .collect()
    }
}

fn alloc_string(e: &impl core::fmt::Display) -> String {
    e.to_string()
}

#[cfg(all(test, not(target_arch = "wasm32")))] // plain #[test]s: the wasm tests are in tests/web.rs
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn file_lengths_must_add_up_to_the_bytes() {
        assert_eq!(
            split(b"abcdef", &[2, 4], "trust").unwrap(),
            [&b"ab"[..], b"cdef"]
        );
        for lengths in [&[2, 3][..], &[2, 5], &[7], &[u32::MAX]] {
            let e = split(b"abcdef", lengths, "trust").unwrap_err();
            assert_eq!(e["code"], "usage", "{lengths:?}");
        }
        assert!(split(b"", &[], "crls").unwrap().is_empty());
    }

    #[test]
    fn policy_options_are_read_or_refused_never_ignored() {
        let p = policy(
            r#"{"require_revocation": true, "status_list_max_age_days": 7}"#,
            Lang::En,
        )
        .unwrap();
        assert!(p.require_revocation);
        assert_eq!(p.status_list_max_age_days, 7);
        assert_eq!(policy("", Lang::En).unwrap(), VerifyPolicy::default());
        let p = policy(
            r#"{"acceptable_policies": ["2.16.704.1.1", "2.999.1"], "explicit_policy": true,
                "inhibit_policy_mapping": true, "inhibit_any_policy": true}"#,
            Lang::En,
        )
        .unwrap()
        .certificate_policies;
        assert_eq!(
            p.acceptable,
            Some(vec![vec![0x60, 0x85, 0x40, 1, 1], vec![0x88, 0x37, 1]])
        );
        assert!(p.require_explicit && p.inhibit_mapping && p.inhibit_any);
        for (text, pointer) in [
            (r#"{"require_everything": true}"#, "/require_everything"),
            (r#"{"require_timestamp": "yes"}"#, "/require_timestamp"),
            (
                r#"{"status_list_max_age_days": -1}"#,
                "/status_list_max_age_days",
            ),
            ("[1]", ""),
            (
                r#"{"acceptable_policies": ["vnpt-ca"]}"#,
                "/acceptable_policies",
            ),
            (r#"{"acceptable_policies": []}"#, "/acceptable_policies"),
            (r#"{"explicit_policy": 1}"#, "/explicit_policy"),
        ] {
            let e = policy(text, Lang::Vi).unwrap_err();
            assert_eq!(e["code"], "policy_option_invalid", "{text}");
            assert_eq!(e["pointer"], pointer, "{text}");
        }
    }

    #[test]
    fn times_are_rfc3339_with_the_pointer_of_the_field() {
        assert!(time("2025-07-10T08:00:00+07:00", "/now", Lang::En).is_ok());
        let e = time("10/07/2025", "/now", Lang::Vi).unwrap_err();
        assert_eq!(e["code"], "time_malformed");
        assert_eq!(e["pointer"], "/now");
    }
}
