//! Verification in the browser: a `Verifier` holds a trust store and CRLs built once from the bytes of
//! certificate and CRL files (PEM or DER), then verifies signed envelopes with the status list, the time
//! and the policy passed in — the same `hocba_core::verify::verify` the CLI runs, with no clock and no
//! network. Files arrive concatenated with their lengths, so no JS arrays cross the boundary.

use hocba_core::json::{from_value, read_value, ASSESS_LIMITS};
use hocba_core::pki::policy::policy_id_from_dotted;
use hocba_core::pki::{CrlInfo, TrustStore};
use hocba_core::qr::{verify_stub, QrVerifyInputs};
use hocba_core::status::{parse_status_document, StatusDocument, StatusListError};
use hocba_core::time::UnixTime;
use hocba_core::verify::{verify_cached, VerificationReport, VerifyInputs, VerifyPolicy};
use hocba_core::Lang;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::webcrypto::{Exchange, MAX_PASSES};
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

/// A trust store and CRLs, built once, for verifying many envelopes.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Verifier {
    store: TrustStore,
    crls: Vec<CrlInfo>,
}

#[wasm_bindgen]
impl Verifier {
    /// Builds the trust store from certificate files (self-signed ones are anchors, the others
    /// intermediates) and decodes the CRLs. `names` is a JSON array of the certificate files' names;
    /// `source` and `as_of` (RFC 3339 or empty) describe the trust list in reports.
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
        let mut store = TrustStore::new();
        for (i, (file, name)) in trust_files.iter().zip(&trust_names).enumerate() {
            if let Err(e) = store.add_file(name, file) {
                problems.push(problem(
                    e.code(),
                    &format!("/trust/{i}"),
                    match lang {
                        Lang::Vi => format!("không đọc được chứng thư tin cậy {name}: {e}"),
                        Lang::En => format!("cannot read the trusted certificate {name}: {e}"),
                    },
                ));
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
        if !as_of.is_empty() {
            match time(as_of, "/trustAsOf", lang) {
                Ok(t) => store.as_of = Some(t),
                Err(p) => problems.push(p),
            }
        }
        if !problems.is_empty() {
            return Err(refusal(problems));
        }
        let mut store = store.finish().map_err(|e| {
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
        if !source.is_empty() {
            store.source = Some(source.into());
        }
        Ok(Verifier {
            store,
            crls: decoded,
        })
    }

    /// Verifies a signed envelope (`hocba.signed/1`) at `now` (RFC 3339) with the school's status list
    /// (JSON text, or none) and the policy options (JSON object text, or empty): `{"ok": true, "report":
    /// …}` (the core's `hocba.verification-report/1`, messages in `lang`) or `{"ok": false, "errors": […]}`
    /// when `now` or the options are unusable. A bad envelope or status list is a report, not an error.
    /// All arithmetic runs in WebAssembly; `js/webcrypto.js` drives [`Verification`] to use WebCrypto.
    #[must_use]
    pub fn verify(
        &self,
        envelope: &[u8],
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> String {
        match self.start(
            envelope.to_vec(),
            status_list,
            now,
            policy_options,
            lang_code,
        ) {
            Ok(mut verification) => {
                verification.run(self, false);
                verification.report()
            }
            Err(refused) => refused,
        }
    }

    /// The same inputs as [`Verifier::verify`], for a verification in passes whose signature checks
    /// WebCrypto may run (`webcrypto.rs`).
    ///
    /// # Errors
    /// The `{"ok": false, "errors": […]}` text of [`Verifier::verify`].
    pub fn start(
        &self,
        envelope: Vec<u8>,
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> Result<Verification, String> {
        let lang = lang(lang_code);
        let now = time(now, "/now", lang);
        let policy = policy(policy_options, lang);
        let (now, policy) = match (now, policy) {
            (Ok(n), Ok(p)) => (n, p),
            (n, p) => return Err(refusal([n.err(), p.err()].into_iter().flatten().collect())),
        };
        Ok(Verification {
            envelope,
            status: status_list.map(|text| parse_status_document(text.as_bytes())),
            now,
            policy,
            lang,
            exchange: Exchange::default(),
            report: None,
            passes: 0,
        })
    }

    /// Verifies a QR stub (the `HC1:`-style text scanned from a printed học bạ) at `now`, with the full
    /// record or signed envelope it stands for when the reader has it, and the school's status list:
    /// `{"ok": true, "report": …}` (the core's QR report) or `{"ok": false, "errors": […]}` as for
    /// [`Verifier::verify`]. The seal certificate is found in the trust store, the record's signatures
    /// or the status list's signature (core D-51).
    #[wasm_bindgen(js_name = verifyQrStub)]
    #[must_use]
    pub fn verify_qr_stub(
        &self,
        stub: &str,
        record: Option<Vec<u8>>,
        status_list: Option<String>,
        now: &str,
        policy_options: &str,
        lang_code: &str,
    ) -> String {
        let lang = lang(lang_code);
        let now = time(now, "/now", lang);
        let policy = policy(policy_options, lang);
        let (now, policy) = match (now, policy) {
            (Ok(n), Ok(p)) => (n, p),
            (n, p) => return refusal([n.err(), p.err()].into_iter().flatten().collect()),
        };
        let status = status_list.map(|text| parse_status_document(text.as_bytes()));
        let report = verify_stub(
            stub,
            &QrVerifyInputs {
                store: &self.store,
                certificates: &[],
                crls: &self.crls,
                status_list: status.as_ref(),
                now,
                policy: &policy,
                record: record.as_deref(),
            },
        );
        text(&json!({"ok": true, "report": report.to_json(lang)}))
    }
}

/// One envelope's verification, run in passes (see `webcrypto.rs`): while `run` returns a number of
/// pending checks other than zero, their outcomes go to `answer`; when it returns true, or a pass asks
/// nothing, `report` is the verification's report.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Verification {
    envelope: Vec<u8>,
    status: Option<Result<StatusDocument, StatusListError>>,
    now: UnixTime,
    policy: VerifyPolicy,
    lang: Lang,
    exchange: Exchange,
    report: Option<VerificationReport>,
    passes: usize,
}

#[wasm_bindgen]
impl Verification {
    /// Runs one pass with `verifier`'s trust store and CRLs. With `delegate`, signature checks whose
    /// outcome is not known yet are assumed valid and listed as pending; without, they are computed here.
    /// Returns the number of pending checks.
    pub fn run(&mut self, verifier: &Verifier, delegate: bool) -> usize {
        let inputs = VerifyInputs {
            store: &verifier.store,
            crls: &verifier.crls,
            status_list: self.status.as_ref(),
            now: self.now,
            policy: &self.policy,
        };
        let delegate = delegate && self.passes < MAX_PASSES;
        self.passes += 1;
        self.report = Some(verify_cached(
            &self.envelope,
            &inputs,
            &self.exchange.pass(delegate),
        ));
        self.exchange.pending().len()
    }

    /// The WebCrypto algorithm of pending check `i` (JSON), or empty.
    #[wasm_bindgen(js_name = pendingAlgorithm)]
    #[must_use]
    pub fn pending_algorithm(&self, i: usize) -> String {
        self.exchange
            .pending()
            .get(i)
            .map(|r| r.algorithm.clone())
            .unwrap_or_default()
    }

    /// What pending check `i`'s imported key may be reused by.
    #[wasm_bindgen(js_name = pendingKeyId)]
    #[must_use]
    pub fn pending_key_id(&self, i: usize) -> String {
        self.exchange
            .pending()
            .get(i)
            .map(|r| r.key_id.clone())
            .unwrap_or_default()
    }

    /// Pending check `i`'s key (DER SubjectPublicKeyInfo).
    #[wasm_bindgen(js_name = pendingSpki)]
    #[must_use]
    pub fn pending_spki(&self, i: usize) -> Vec<u8> {
        self.exchange
            .pending()
            .get(i)
            .map(|r| r.spki.clone())
            .unwrap_or_default()
    }

    /// Pending check `i`'s signed bytes.
    #[wasm_bindgen(js_name = pendingMessage)]
    #[must_use]
    pub fn pending_message(&self, i: usize) -> Vec<u8> {
        self.exchange
            .pending()
            .get(i)
            .map(|r| r.message.clone())
            .unwrap_or_default()
    }

    /// Pending check `i`'s signature, as WebCrypto takes it.
    #[wasm_bindgen(js_name = pendingSignature)]
    #[must_use]
    pub fn pending_signature(&self, i: usize) -> Vec<u8> {
        self.exchange
            .pending()
            .get(i)
            .map(|r| r.signature.clone())
            .unwrap_or_default()
    }

    /// The outcomes of the pending checks in order (1 valid, 0 invalid, 2 WebCrypto could not run it).
    /// True when the last pass's report stands.
    pub fn answer(&mut self, outcomes: &[u8]) -> bool {
        self.exchange.answer(outcomes)
    }

    /// `{"ok": true, "report": …}` of the last pass.
    #[must_use]
    pub fn report(&self) -> String {
        match &self.report {
            Some(report) => text(&json!({"ok": true, "report": report.to_json(self.lang)})),
            None => refusal(vec![problem("usage", "", "no pass has run".into())]),
        }
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
