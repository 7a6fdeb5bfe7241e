//! Offline verification of a stub: `verify_stub(text, inputs) -> QrReport`. No clock, no network.
//!
//! Where the seal's certificate comes from (D-51): the stub names it only by its key id, so the
//! verifier looks for a certificate with that id among the trust store's certificates (a directory may
//! hold school seal certificates beside the roots), the certificates the caller passes, the certificates
//! embedded in the signatures of the full record when given, and those embedded in the status list's
//! signature (the school's seal signs its status list). Where a certificate was found confers nothing:
//! it must still chain to a trust anchor at the issue time and be an organisation certificate of the
//! school the stub names.

use alloc::format;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::codec::{decode_stub, kid_of, DecodedStub, QrAlgorithm};
use super::report::{QrReport, QrSigner, StubFacts, CHECK_IDS};
use crate::pki::cert::hex_lower;
use crate::pki::crl::{check_path_cached, CertStatus};
use crate::pki::key_usage::{check_usage, Usage};
use crate::pki::{
    build_path_with, AlgorithmError, CertInfo, CrlInfo, NoPathCache, PathCache, PublicKey,
    TrustStore,
};
use crate::status::{StatusDocument, StatusListError};
use crate::time::UnixTime;
use crate::verify::envelope::parse_envelope;
use crate::verify::policy::is_school_certificate;
use crate::verify::report::{ck, Check, CheckStatus, TrustSummary, Verdict};
use crate::verify::verify::status_check_for_in;
use crate::verify::{signed_content, SignedContent, VerifyInputs, VerifyPolicy};
use crate::Lang;

/// Everything a stub's verification needs besides the text. All passed in: no clock, no network.
#[derive(Debug, Clone, Copy)]
pub struct QrVerifyInputs<'a> {
    /// Trust anchors and intermediates; may also hold school seal certificates.
    pub store: &'a TrustStore,
    /// More certificates to find the seal among (for instance a school's seal certificate file).
    pub certificates: &'a [CertInfo],
    /// CRLs, already decoded.
    pub crls: &'a [CrlInfo],
    /// The school's status list, if given.
    pub status_list: Option<&'a Result<StatusDocument, StatusListError>>,
    /// The time of verification.
    pub now: UnixTime,
    /// Freshness of status lists, revocation requirements, clock skew.
    pub policy: &'a VerifyPolicy,
    /// The full record (`hocba.record/1`) or signed envelope (`hocba.signed/1`) the stub stands for.
    pub record: Option<&'a [u8]>,
}

/// Checks a COSE signature (`r || s` for ES256) with `key`.
///
/// # Errors
/// [`AlgorithmError`]: the key does not fit the algorithm, or the signature does not verify.
pub fn check_cose_signature(
    key: &PublicKey,
    algorithm: QrAlgorithm,
    to_be_signed: &[u8],
    signature: &[u8],
) -> Result<(), AlgorithmError> {
    match (algorithm, key) {
        (QrAlgorithm::Es256, PublicKey::P256(_)) => {
            let sig = p256::ecdsa::Signature::from_slice(signature)
                .map_err(|_| AlgorithmError::BadSignature)?;
            key.verify(algorithm.scheme(), to_be_signed, sig.to_der().as_bytes())
        }
        (QrAlgorithm::Ps256, PublicKey::Rsa(_)) => {
            key.verify(algorithm.scheme(), to_be_signed, signature)
        }
        (_, key) => Err(AlgorithmError::KeyAlgorithmMismatch {
            scheme: algorithm.name(),
            key: key.kind(),
        }),
    }
}

/// [`check_cose_signature`] for verification: the policy and the key's fit are decided by `cert`, then
/// `cache` may know the outcome ([`PathCache::known_signature`]).
fn check_cose_signature_in(
    cert: &CertInfo,
    key: &PublicKey,
    algorithm: QrAlgorithm,
    to_be_signed: &[u8],
    signature: &[u8],
    cache: &dyn PathCache,
) -> Result<(), AlgorithmError> {
    match (algorithm, key) {
        (QrAlgorithm::Es256, PublicKey::P256(_)) => {
            let sig = p256::ecdsa::Signature::from_slice(signature)
                .map_err(|_| AlgorithmError::BadSignature)?;
            cert.verify_message_in(
                cache,
                algorithm.scheme(),
                to_be_signed,
                sig.to_der().as_bytes(),
            )
        }
        (QrAlgorithm::Ps256, PublicKey::Rsa(_)) => {
            cert.verify_message_in(cache, algorithm.scheme(), to_be_signed, signature)
        }
        (_, key) => Err(AlgorithmError::KeyAlgorithmMismatch {
            scheme: algorithm.name(),
            key: key.kind(),
        }),
    }
}

struct Builder {
    checks: Vec<Check>,
}

impl Builder {
    fn push(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// Marks every check after `last` as not run, saying why.
    fn skip_after(&mut self, last: &str, vi: &str, en: &str) {
        let from = CHECK_IDS
            .iter()
            .position(|id| *id == last)
            .map_or(CHECK_IDS.len(), |i| i + 1);
        for id in &CHECK_IDS[from..] {
            self.checks.push(ck(
                id,
                CheckStatus::Skipped,
                "not_checked",
                format!("chưa kiểm tra: {vi}"),
                format!("not checked: {en}"),
            ));
        }
    }
}

/// Every certificate the seal may be found among (see the module documentation), without duplicates.
fn candidate_pool(inputs: &QrVerifyInputs<'_>) -> Vec<Arc<CertInfo>> {
    let mut pool: Vec<Arc<CertInfo>> = Vec::new();
    let mut add = |c: Arc<CertInfo>| {
        if !pool.iter().any(|p| p.fingerprint == c.fingerprint) {
            pool.push(c);
        }
    };
    for c in inputs
        .store
        .anchors()
        .iter()
        .chain(inputs.store.intermediates())
    {
        add(Arc::clone(c));
    }
    for c in inputs.certificates {
        add(Arc::new(c.clone()));
    }
    let mut from_cms = |der: &[u8]| {
        if let Ok(facts) = crate::verify::cms::read_cms(der) {
            add(Arc::clone(&facts.signer_cert));
            for c in facts.embedded {
                add(c);
            }
        }
    };
    if let Some(Ok(env)) = inputs.record.map(parse_envelope) {
        for sig in &env.signatures {
            if let Ok(der) = &sig.cms {
                from_cms(der);
            }
        }
    }
    if let Some(Ok(doc)) = inputs.status_list {
        if let Ok(der) = &doc.cms {
            from_cms(der);
        }
    }
    pool
}

/// Verifies a stub's text. Never fails: an unreadable stub is a report whose first check is Invalid.
#[must_use]
pub fn verify_stub(text: &str, inputs: &QrVerifyInputs<'_>) -> QrReport {
    verify_stub_in(text, inputs, &NoPathCache)
}

/// [`verify_stub`] with a memo that may know signature outcomes ([`PathCache::known_signature`]): how
/// the WebAssembly verification module leaves the arithmetic to the platform (decisions D-87, D-123).
#[must_use]
pub fn verify_stub_in(text: &str, inputs: &QrVerifyInputs<'_>, cache: &dyn PathCache) -> QrReport {
    let mut b = Builder { checks: Vec::new() };
    let mut report = QrReport {
        verdict: Verdict::Indeterminate,
        now: inputs.now,
        stub: None,
        claims: None,
        signer: None,
        record: None,
        trust: TrustSummary::of(inputs.store, inputs.crls),
        status_list: None,
        checks: Vec::new(),
    };
    let decoded = match decode_stub(text) {
        Ok(d) => d,
        Err(e) => {
            for id in ["format", "decompression", "cose"] {
                if id == e.check_id() {
                    b.push(Check::from_reason(id, CheckStatus::Invalid, &e));
                    b.skip_after(id, "mã QR không đọc được", "the stub cannot be read");
                    break;
                }
                b.push(layer_ok(id));
            }
            return finish(report, b);
        }
    };
    for id in ["format", "decompression", "cose"] {
        b.push(layer_ok(id));
    }
    report.stub = Some(StubFacts {
        algorithm: decoded.algorithm,
        kid: hex_lower(&decoded.kid),
        compressed_bytes: decoded.compressed_bytes,
        cose_bytes: decoded.cose_bytes,
    });
    judge(&decoded, inputs, cache, &mut b, &mut report);
    finish(report, b)
}

fn finish(mut report: QrReport, b: Builder) -> QrReport {
    report.verdict = Verdict::derive(&b.checks);
    report.checks = b.checks;
    report
}

fn layer_ok(id: &str) -> Check {
    match id {
        "format" => ck(
            id,
            CheckStatus::Valid,
            "valid",
            "chuỗi đúng định dạng HB1: + Base45".into(),
            "the text is HB1: + Base45".into(),
        ),
        "decompression" => ck(
            id,
            CheckStatus::Valid,
            "valid",
            "giải nén zlib trong giới hạn".into(),
            "zlib inflates within the limit".into(),
        ),
        _ => ck(
            id,
            CheckStatus::Valid,
            "valid",
            "cấu trúc COSE_Sign1 và nội dung mã QR hợp lệ".into(),
            "the COSE_Sign1 structure and the claims are well formed".into(),
        ),
    }
}

#[allow(clippy::too_many_lines)] // one block per check, in report order
fn judge(
    d: &DecodedStub,
    inputs: &QrVerifyInputs<'_>,
    cache: &dyn PathCache,
    b: &mut Builder,
    report: &mut QrReport,
) {
    let kid_hex = hex_lower(&d.kid);
    let pool = candidate_pool(inputs);
    let candidates: Vec<&Arc<CertInfo>> = pool.iter().filter(|c| kid_of(&c.der) == d.kid).collect();
    if candidates.is_empty() {
        b.push(ck(
            "signer",
            CheckStatus::Error,
            "signer_unknown",
            format!("không tìm thấy chứng thư số có mã khoá {kid_hex} trong danh sách tin cậy, các chứng thư được cung cấp, chữ ký của hồ sơ hay danh sách trạng thái: cần chứng thư số con dấu của nhà trường"),
            format!("no certificate with key id {kid_hex} in the trust store, the certificates given, the record's signatures or the status list: the school's seal certificate is needed"),
        ));
        b.skip_after(
            "signer",
            "không có chứng thư số của người ký",
            "no signer certificate",
        );
        return;
    }
    b.push(ck(
        "signer",
        CheckStatus::Valid,
        "valid",
        format!(
            "mã khoá {kid_hex} ứng với chứng thư số của {}",
            candidates[0].display_name()
        ),
        format!(
            "key id {kid_hex} names the certificate of {}",
            candidates[0].display_name()
        ),
    ));

    // The signature, with each certificate of that key id (two certificates may share a key).
    let mut last_error = AlgorithmError::BadSignature;
    let signer = candidates.iter().find(|c| match &c.key {
        Ok(key) => {
            match check_cose_signature_in(c, key, d.algorithm, &d.to_be_signed, &d.signature, cache)
            {
                Ok(()) => true,
                Err(e) => {
                    last_error = e;
                    false
                }
            }
        }
        Err(e) => {
            last_error = e.clone();
            false
        }
    });
    let Some(cert) = signer else {
        let code = match last_error {
            AlgorithmError::BadSignature => "signature_invalid",
            ref e => e.code(),
        };
        // The arithmetic could not run (the signature module did not load): undecided, not forged.
        let status = if last_error == AlgorithmError::ArithmeticUnavailable {
            CheckStatus::Error
        } else {
            CheckStatus::Invalid
        };
        b.push(ck(
            "signature",
            status,
            code,
            format!("chữ ký {} của mã QR không đúng với khoá của chứng thư số mang mã khoá {kid_hex}: mã QR đã bị sửa hoặc giả mạo", d.algorithm.name()),
            format!("the stub's {} signature does not verify with the key of the certificate with key id {kid_hex}: the stub was altered or forged", d.algorithm.name()),
        ));
        b.skip_after(
            "signature",
            "chữ ký không đúng",
            "the signature does not hold",
        );
        return;
    };
    let name = cert.display_name();
    b.push(ck(
        "signature",
        CheckStatus::Valid,
        "valid",
        format!("chữ ký {} của {name} đúng", d.algorithm.name()),
        format!("the {} signature of {name} is correct", d.algorithm.name()),
    ));
    report.signer = Some(QrSigner {
        name: cert.subject.person_name(),
        organisation: cert.subject.get("O").map(Into::into),
        issuer: cert.issuer.display(),
        serial: cert.serial_hex(),
    });
    report.claims = Some(d.claims.clone());

    // The seal's certificate at the issue time.
    let at = d.claims.issued_at;
    match build_path_with(
        cert,
        &pool,
        inputs.store,
        at,
        cache,
        &inputs.policy.certificate_policies,
    ) {
        Err(e) => {
            b.push(Check::from_reason("path", CheckStatus::Invalid, &e));
            b.push(ck(
                "revocation",
                CheckStatus::Skipped,
                "not_checked",
                "chưa kiểm tra: không có đường dẫn chứng thư hợp lệ".into(),
                "not checked: no valid certification path".into(),
            ));
        }
        Ok(path) => {
            let anchor = path.anchor().display_name();
            b.push(ck(
                "path",
                CheckStatus::Valid,
                "valid",
                format!("chứng thư số của {name} có hiệu lực lúc cấp mã QR ({}) và dẫn tới chứng thư gốc tin cậy {anchor}", at.to_vietnam_local()),
                format!("the certificate of {name} was valid when the stub was issued ({at}) and chains to the trusted root {anchor}"),
            ));
            b.push(revocation(&path, inputs, at, cache));
        }
    }
    match check_usage(cert, Usage::DocumentSigning) {
        Ok(()) => b.push(ck(
            "key_usage",
            CheckStatus::Valid,
            "valid",
            "chứng thư số cho phép ký văn bản".into(),
            "the certificate allows document signing".into(),
        )),
        Err(e) => b.push(Check::from_reason("key_usage", CheckStatus::Invalid, &e)),
    }
    let school = SignedContent {
        school_code: Some(d.claims.school_code.clone()),
        record_id: Some(d.claims.record_id.clone()),
        digest_hex: d.claims.digest_hex(),
        ..SignedContent::default()
    };
    let code = &d.claims.school_code;
    if is_school_certificate(cert, &school) {
        b.push(ck(
            "seal",
            CheckStatus::Valid,
            "valid",
            format!("{name} là chứng thư số tổ chức của trường mã {code}"),
            format!("{name} is the organisation certificate of school {code}"),
        ));
    } else {
        b.push(ck(
            "seal",
            CheckStatus::Invalid,
            "seal_not_school",
            format!("chứng thư số {} không phải chứng thư số tổ chức của trường mã {code} mà mã QR ghi", cert.subject.rfc4514()),
            format!("the certificate {} is not an organisation certificate of school {code}, which the stub names", cert.subject.rfc4514()),
        ));
    }
    if at.0 > inputs.now.0 + inputs.policy.clock_skew_seconds {
        b.push(ck(
            "issued_at",
            CheckStatus::Invalid,
            "stub_issued_in_future",
            format!(
                "mã QR ghi ngày cấp {}, sau thời điểm kiểm tra {}",
                at.to_vietnam_local(),
                inputs.now.to_vietnam_local()
            ),
            format!(
                "the stub says it was issued at {at}, after the time of verification {}",
                inputs.now
            ),
        ));
    } else {
        b.push(ck(
            "issued_at",
            CheckStatus::Valid,
            "valid",
            format!("mã QR cấp lúc {}", at.to_vietnam_local()),
            format!("the stub was issued at {at}"),
        ));
    }
    b.push(status(&school, d, inputs, cache, report));
    b.push(record(d, inputs, report));
}

fn revocation(
    path: &crate::pki::CertPath,
    inputs: &QrVerifyInputs<'_>,
    at: UnixTime,
    cache: &dyn PathCache,
) -> Check {
    let result = check_path_cached(path, inputs.crls, at, false, inputs.store, cache);
    let mut missing = Vec::new();
    for (cert, status) in &result.statuses {
        let who = cert.display_name();
        match status {
            CertStatus::RevokedBefore { date, .. } => {
                return ck(
                    "revocation",
                    CheckStatus::Invalid,
                    "certificate_revoked",
                    format!("chứng thư số của {who} đã bị thu hồi ngày {}, trước khi cấp mã QR", date.to_vietnam_local()),
                    format!("the certificate of {who} was revoked on {date}, before the stub was issued"),
                )
            }
            CertStatus::RevokedAfterUnproven { date, .. } => {
                return ck(
                    "revocation",
                    CheckStatus::Error,
                    "revoked_after_signing_unproven",
                    format!("chứng thư số của {who} bị thu hồi ngày {} vì lộ khoá hoặc không nêu lý do; không chứng minh được mã QR được cấp trước đó", date.to_vietnam_local()),
                    format!("the certificate of {who} was revoked on {date} for key compromise or no stated reason; nothing proves the stub was issued before"),
                )
            }
            CertStatus::NoCrl | CertStatus::SomeReasonsOnly | CertStatus::CrlTooOld { .. } => {
                missing.push(who)
            }
            CertStatus::RevokedAfter { .. } | CertStatus::Good { .. } => {}
        }
    }
    if missing.is_empty() {
        return ck(
            "revocation",
            CheckStatus::Valid,
            "valid",
            "không chứng thư nào bị thu hồi lúc cấp mã QR".into(),
            "no certificate was revoked when the stub was issued".into(),
        );
    }
    let list = missing.join(", ");
    ck(
        "revocation",
        if inputs.policy.require_revocation { CheckStatus::Error } else { CheckStatus::Skipped },
        "crl_missing",
        format!("không có danh sách thu hồi (CRL) lập sau ngày cấp mã QR cho: {list}; chưa kiểm tra được tình trạng thu hồi"),
        format!("no CRL issued after the stub for: {list}; revocation was not checked"),
    )
}

fn status(
    school: &SignedContent,
    d: &DecodedStub,
    inputs: &QrVerifyInputs<'_>,
    cache: &dyn PathCache,
    report: &mut QrReport,
) -> Check {
    let verify_inputs = VerifyInputs {
        store: inputs.store,
        crls: inputs.crls,
        status_list: inputs.status_list,
        now: inputs.now,
        policy: inputs.policy,
    };
    let (mut check, summary) = status_check_for_in(school, &verify_inputs, cache);
    check.id = "status".into();
    if check.code == "record_not_listed" {
        if let Some(s) = &summary {
            if s.issued_at < d.claims.issued_at {
                let list_date = s.issued_at.date_in_vietnam();
                check = ck(
                    "status",
                    CheckStatus::Error,
                    "status_list_older_than_stub",
                    format!("danh sách trạng thái ngày {list_date} lập trước khi cấp mã QR: cần danh sách mới hơn"),
                    format!("the status list of {list_date} predates the stub: a newer list is needed"),
                );
            }
        }
    }
    report.status_list = summary;
    check
}

fn record(d: &DecodedStub, inputs: &QrVerifyInputs<'_>, report: &mut QrReport) -> Check {
    let Some(bytes) = inputs.record else {
        return ck(
            "record",
            CheckStatus::Skipped,
            "record_not_given",
            "không có hồ sơ đầy đủ để đối chiếu: mã QR chỉ chứng minh nhà trường đã cấp một hồ sơ có mã và giá trị băm này".into(),
            "no full record was given to compare: the stub proves only that the school issued a record with this id and digest".into(),
        );
    };
    let content = match parse_envelope(bytes) {
        Err(e) => {
            return ck(
                "record",
                CheckStatus::Error,
                e.code(),
                format!("không đọc được hồ sơ: {}", e.message(Lang::Vi)),
                format!("the record cannot be read: {}", e.message(Lang::En)),
            )
        }
        Ok(env) => match signed_content(&env.record) {
            Err(e) => return Check::from_reason("record", CheckStatus::Error, &e),
            Ok(c) => c,
        },
    };
    let claimed = &d.claims.record_id;
    let given = content.record_id.clone().unwrap_or_default();
    if &given != claimed {
        return ck(
            "record",
            CheckStatus::Invalid,
            "record_id_mismatch",
            format!("hồ sơ được cung cấp có mã {given}, mã QR ghi {claimed}"),
            format!("the record given has id {given}; the stub names {claimed}"),
        );
    }
    let digest = d.claims.digest_hex();
    if content.digest_hex != digest {
        return ck(
            "record",
            CheckStatus::Invalid,
            "record_digest_mismatch",
            format!("nội dung hồ sơ được cung cấp khác với hồ sơ mã QR xác nhận (SHA-256 {} ≠ {digest})", content.digest_hex),
            format!("the record given differs from the record the stub stands for (SHA-256 {} ≠ {digest})", content.digest_hex),
        );
    }
    report.record = Some(content.summary);
    ck(
        "record",
        CheckStatus::Valid,
        "valid",
        format!("hồ sơ được cung cấp đúng là hồ sơ {claimed} mà mã QR xác nhận (SHA-256 {digest}); chữ ký của hồ sơ được kiểm tra bằng `hocba verify`"),
        format!("the record given is record {claimed}, the one the stub stands for (SHA-256 {digest}); its own signatures are checked by `hocba verify`"),
    )
}
