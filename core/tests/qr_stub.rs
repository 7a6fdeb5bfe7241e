//! The QR stub: round trips (ES256, PS256), tampering, limits, each failure with its exact check.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::fs;

use hocba_core::pki::CertInfo;
use hocba_core::qr::codec::{encode_text, MAX_INFLATED_BYTES};
use hocba_core::qr::{
    assemble_stub, prepare_stub, sign_stub, verify_stub, QrClaims, QrReport, QrVerifyInputs,
    MAX_STUB_BYTES,
};
use hocba_core::sign::SoftwareSigner;
use hocba_core::status::parse_status_document;
use hocba_core::time::UnixTime;
use hocba_core::verify::{parse_envelope, CheckStatus, Verdict, VerifyPolicy};

const NOW: &str = "2025-07-10T00:00:00Z";
const ISSUED: &str = "2025-07-05T03:00:00Z";

fn pki(path: &str) -> Vec<u8> {
    fs::read(common::tests_dir().join("pki").join(path)).expect("pki file")
}

fn example(name: &str) -> Vec<u8> {
    fs::read(common::tests_dir().join("../examples/signed").join(name)).expect("example")
}

fn seal(name: &str) -> (SoftwareSigner, CertInfo) {
    let signer = SoftwareSigner::from_pkcs8_pem(
        &String::from_utf8(pki(&format!("keys/{name}.pem"))).unwrap(),
    )
    .unwrap();
    let cert = CertInfo::load_many(&pki(&format!("certs/{name}.pem")))
        .unwrap()
        .remove(0);
    (signer, cert)
}

fn claims_of(envelope: &[u8]) -> QrClaims {
    let env = parse_envelope(envelope).unwrap();
    QrClaims::for_record(
        &env.record,
        UnixTime::parse_rfc3339(ISSUED).unwrap(),
        Some(0),
    )
    .unwrap()
}

struct Case<'a> {
    record: Option<&'a [u8]>,
    status: Option<&'a [u8]>,
    extra: Vec<CertInfo>,
}

fn check(text: &str, case: Case<'_>) -> QrReport {
    let store = common::pki_trust();
    let crls = common::pki_crls();
    let status = case.status.map(parse_status_document);
    let policy = VerifyPolicy::default();
    verify_stub(
        text,
        &QrVerifyInputs {
            store: &store,
            certificates: &case.extra,
            crls: &crls,
            status_list: status.as_ref(),
            now: UnixTime::parse_rfc3339(NOW).unwrap(),
            policy: &policy,
            record: case.record,
        },
    )
}

fn code(report: &QrReport, id: &str) -> (CheckStatus, String) {
    let c = report.check(id).unwrap_or_else(|| panic!("no check {id}"));
    (c.status, c.code.clone())
}

/// Every check is Valid except those listed.
fn only_failure(report: &QrReport, failing: &[(&str, CheckStatus, &str)]) {
    for c in &report.checks {
        match failing.iter().find(|(id, ..)| *id == c.id) {
            Some((_, status, code)) => {
                assert_eq!(
                    (c.status, c.code.as_str()),
                    (*status, *code),
                    "{}: {}",
                    c.id,
                    c.message_en
                )
            }
            None => assert!(
                c.status == CheckStatus::Valid || c.code == "not_checked",
                "unexpected {} {:?} {} {}",
                c.id,
                c.status,
                c.code,
                c.message_en
            ),
        }
    }
}

#[test]
fn es256_round_trip_with_record_and_status_list() {
    let (signer, cert) = seal("seal-p256");
    let valid = example("valid.json");
    let stub = sign_stub(&signer, &claims_of(&valid), &cert).unwrap();
    println!(
        "ES256 stub: {} bytes COSE, {} bytes before Base45, {} characters",
        stub.cose_bytes,
        stub.compressed_bytes,
        stub.text.len()
    );
    assert!(stub.compressed_bytes <= MAX_STUB_BYTES);
    assert!(stub.text.starts_with("HB1:"));
    let report = check(
        &stub.text,
        Case {
            record: Some(&valid),
            status: Some(&example("valid.status.json")),
            extra: vec![cert],
        },
    );
    only_failure(&report, &[]);
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(
        report.record.as_ref().unwrap().record_id.as_deref(),
        Some("79000701.2024-2025.7900123456.v1")
    );
    assert_eq!(
        report.to_json(hocba_core::Lang::En)["stub"]["algorithm"],
        "ES256"
    );
}

#[test]
fn ps256_round_trip_finds_the_seal_in_the_status_list() {
    // The RSA seal's certificate is nowhere but in the status list's signature (D-51).
    let (signer, cert) = seal("seal");
    let valid = example("valid.json");
    let stub = sign_stub(&signer, &claims_of(&valid), &cert).unwrap();
    println!(
        "PS256 stub: {} bytes COSE, {} bytes before Base45, {} characters",
        stub.cose_bytes,
        stub.compressed_bytes,
        stub.text.len()
    );
    assert!(stub.compressed_bytes <= MAX_STUB_BYTES);
    let report = check(
        &stub.text,
        Case {
            record: None,
            status: Some(&example("valid.status.json")),
            extra: vec![],
        },
    );
    only_failure(
        &report,
        &[("record", CheckStatus::Skipped, "record_not_given")],
    );
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(
        report.to_json(hocba_core::Lang::En)["stub"]["algorithm"],
        "PS256"
    );
}

#[test]
fn an_external_signer_signs_the_prepared_bytes() {
    // What a token does: sign the Sig_structure; a DER ECDSA signature is turned into r || s.
    let (signer, cert) = seal("seal-p256");
    let claims = claims_of(&example("valid.json"));
    let tbs = prepare_stub(&claims, &cert).unwrap();
    assert_eq!(tbs.digest.len(), 32);
    // A token returns DER ECDSA; the software signer's DER is exactly that.
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::DecodePrivateKey;
    let (_, der_key) = der::pem::decode_vec(&pki("keys/seal-p256.pem")).unwrap();
    let key = p256::ecdsa::SigningKey::from_pkcs8_der(&der_key).unwrap();
    let sig: p256::ecdsa::Signature = key.sign(&tbs.bytes);
    let token_stub = assemble_stub(&tbs, sig.to_der().as_bytes()).unwrap();
    assert!(assemble_stub(&tbs, b"not a signature").is_err());
    let _ = signer;
    let report = check(
        &token_stub.text,
        Case {
            record: None,
            status: None,
            extra: vec![cert],
        },
    );
    assert_eq!(
        report.verdict,
        Verdict::Valid,
        "{:?}",
        report.first_failure()
    );
}

#[test]
fn a_changed_payload_byte_breaks_the_signature() {
    let (signer, cert) = seal("seal-p256");
    let claims = claims_of(&example("valid.json"));
    let stub = sign_stub(&signer, &claims, &cert).unwrap();
    // Re-encode the same COSE with one payload byte changed (the school year's last digit).
    let cose = cose_of(&stub.text);
    let year = claims.school_year.as_bytes();
    let at = cose.windows(year.len()).position(|w| w == year).unwrap() + year.len() - 1;
    let mut tampered = cose.clone();
    tampered[at] ^= 1;
    let (text, _) = encode_text(&tampered);
    let report = check(
        &text,
        Case {
            record: None,
            status: None,
            extra: vec![cert],
        },
    );
    only_failure(
        &report,
        &[("signature", CheckStatus::Invalid, "signature_invalid")],
    );
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(
        report.claims.is_none(),
        "nothing from a stub whose signature fails is shown"
    );
}

/// The COSE bytes of a stub's text.
fn cose_of(text: &str) -> Vec<u8> {
    let compressed = hocba_core::qr::base45::decode(&text.as_bytes()[4..]).unwrap();
    hocba_core::qr::codec::inflate(&compressed).unwrap()
}

#[test]
fn another_key_with_the_seals_kid_is_refused() {
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::DecodePrivateKey;
    let (seal_key, seal_cert) = seal("seal-p256");
    let (_, ht_cert) = seal("ht");
    let claims = claims_of(&example("valid.json"));
    let genuine = sign_stub(&seal_key, &claims, &seal_cert).unwrap();
    // The forger signs the seal's Sig_structure (the seal's kid in it) with the principal's P-256 key.
    let tbs = prepare_stub(&claims, &seal_cert).unwrap();
    let (_, ht_der) = der::pem::decode_vec(&pki("keys/ht.pem")).unwrap();
    let ht_key = p256::ecdsa::SigningKey::from_pkcs8_der(&ht_der).unwrap();
    let forged: p256::ecdsa::Signature = ht_key.sign(&tbs.bytes);
    assert!(
        assemble_stub(&tbs, &forged.to_bytes()).is_err(),
        "the issuer side refuses it too"
    );
    // ES256 COSE ends with the 64-byte signature: put the forged one in its place.
    let mut cose = cose_of(&genuine.text);
    let at = cose.len() - 64;
    cose[at..].copy_from_slice(&forged.to_bytes());
    let (text, _) = encode_text(&cose);
    let report = check(
        &text,
        Case {
            record: None,
            status: None,
            extra: vec![seal_cert, ht_cert],
        },
    );
    only_failure(
        &report,
        &[("signature", CheckStatus::Invalid, "signature_invalid")],
    );
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn the_wrong_record_is_named() {
    let (signer, cert) = seal("seal-p256");
    let stub = sign_stub(&signer, &claims_of(&example("valid.json")), &cert).unwrap();
    // Another record (the corrected version 2): its id differs.
    let v2 =
        fs::read(common::tests_dir().join("../examples/records/tt22-grade10-v2.json")).unwrap();
    let report = check(
        &stub.text,
        Case {
            record: Some(&v2),
            status: None,
            extra: vec![cert.clone()],
        },
    );
    only_failure(
        &report,
        &[
            ("status", CheckStatus::Skipped, "status_list_missing"),
            ("record", CheckStatus::Invalid, "record_id_mismatch"),
        ],
    );
    assert_eq!(report.verdict, Verdict::Invalid);
    // The same id with other content (the student's name changed after signing).
    let report = check(
        &stub.text,
        Case {
            record: Some(&example("tampered.json")),
            status: None,
            extra: vec![cert],
        },
    );
    only_failure(
        &report,
        &[
            ("status", CheckStatus::Skipped, "status_list_missing"),
            ("record", CheckStatus::Invalid, "record_digest_mismatch"),
        ],
    );
    assert!(report.record.is_none());
}

#[test]
fn a_revoked_record_is_refused_by_the_status_list() {
    let (signer, cert) = seal("seal-p256");
    let revoked = example("revoked.json");
    let stub = sign_stub(&signer, &claims_of(&revoked), &cert).unwrap();
    let report = check(
        &stub.text,
        Case {
            record: Some(&revoked),
            status: Some(&example("revoked.status.json")),
            extra: vec![cert],
        },
    );
    only_failure(
        &report,
        &[("status", CheckStatus::Invalid, "record_revoked")],
    );
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn an_unknown_seal_is_indeterminate() {
    let (signer, cert) = seal("seal-p256");
    let stub = sign_stub(&signer, &claims_of(&example("valid.json")), &cert).unwrap();
    let report = check(
        &stub.text,
        Case {
            record: None,
            status: None,
            extra: vec![],
        },
    );
    assert_eq!(
        code(&report, "signer"),
        (CheckStatus::Error, "signer_unknown".into())
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
}

#[test]
fn layers_fail_at_their_own_check() {
    let none = || Case {
        record: None,
        status: None,
        extra: vec![],
    };
    assert_eq!(
        code(&check("HC1:6BFOXN", none()), "format"),
        (CheckStatus::Invalid, "qr_prefix".into())
    );
    assert_eq!(
        code(&check("HB1:abc", none()), "format"),
        (CheckStatus::Invalid, "qr_base45".into())
    );
    assert_eq!(
        code(&check(&"HB1:".repeat(1000), none()), "format"),
        (CheckStatus::Invalid, "qr_too_long".into())
    );
    let not_zlib = format!("HB1:{}", hocba_core::qr::base45::encode(b"plain bytes"));
    assert_eq!(
        code(&check(&not_zlib, none()), "decompression"),
        (CheckStatus::Invalid, "qr_zlib".into())
    );
    let (text, _) = encode_text(&[0xa1, 0x01, 0x02]);
    assert_eq!(
        code(&check(&text, none()), "cose"),
        (CheckStatus::Invalid, "cose_malformed".into())
    );
}

#[test]
fn a_zip_bomb_stops_at_the_inflate_limit() {
    // 512 KB of zeros compresses to about 520 bytes: within the text limit, far past the inflate limit.
    let bomb = vec![0u8; 1 << 19];
    let (text, compressed) = encode_text(&bomb);
    println!(
        "zip bomb: {compressed} bytes compressed, {} inflated, limit {MAX_INFLATED_BYTES}",
        bomb.len()
    );
    let report = check(
        &text,
        Case {
            record: None,
            status: None,
            extra: vec![],
        },
    );
    assert_eq!(
        code(&report, "decompression"),
        (CheckStatus::Invalid, "qr_inflated_too_large".into())
    );
}

#[test]
fn deep_cbor_is_refused_before_decoding() {
    // Tag 18 around 500 nested arrays.
    let mut deep = vec![0xd2];
    deep.extend(std::iter::repeat_n(0x81, 500));
    deep.push(0x00);
    let (text, _) = encode_text(&deep);
    let report = check(
        &text,
        Case {
            record: None,
            status: None,
            extra: vec![],
        },
    );
    assert_eq!(
        code(&report, "cose"),
        (CheckStatus::Invalid, "cbor_limits".into())
    );
    // A flat array of 100 items.
    let mut wide = vec![0x98, 100];
    wide.extend(std::iter::repeat_n(0x00, 100));
    let (text, _) = encode_text(&wide);
    assert_eq!(
        code(
            &check(
                &text,
                Case {
                    record: None,
                    status: None,
                    extra: vec![]
                }
            ),
            "cose"
        ),
        (CheckStatus::Invalid, "cbor_limits".into())
    );
}
