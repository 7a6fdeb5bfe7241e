//! `hocba sign`, `hocba verify`, `hocba status`, `hocba timestamp` as a binary, and interoperability with
//! OpenSSL in both directions. OpenSSL must be installed: these tests fail, never skip, without it.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn hocba() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hocba"))
}

fn openssl() -> Command {
    let ok = Command::new("openssl").arg("version").output();
    assert!(
        ok.is_ok_and(|o| o.status.success()),
        "the `openssl` binary is required by the interoperability tests (apt-get install openssl)"
    );
    Command::new("openssl")
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pki(p: &str) -> String {
    root().join("tests/pki").join(p).display().to_string()
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("runs")
}

fn ok(cmd: &mut Command) -> Output {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

struct Tmp(PathBuf);
impl Tmp {
    fn new(name: &str) -> Tmp {
        let d = std::env::temp_dir().join(format!("hocba-signing-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        Tmp(d)
    }
    fn p(&self, f: &str) -> String {
        self.0.join(f).display().to_string()
    }
}
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn record() -> String {
    root()
        .join("tests/vectors/verify/records/record.json")
        .display()
        .to_string()
}

fn sign(t: &Tmp, src: &str, role: &str, who: &str, time: &str, dst: &str, extra: &[&str]) {
    ok(hocba()
        .args([
            "sign",
            "--role",
            role,
            "--key",
            &pki(&format!("keys/{who}.pem")),
        ])
        .args(["--cert", &pki(&format!("chains/{who}.pem")), "--time", time])
        .args(extra)
        .args([src, "-o", &t.p(dst)]));
}

fn signed_record(t: &Tmp) -> String {
    sign(
        t,
        &record(),
        "gvcn",
        "gvcn",
        "2025-06-20T09:00:00+07:00",
        "1.json",
        &[],
    );
    sign(
        t,
        &t.p("1.json"),
        "ht",
        "ht",
        "2025-06-22T10:00:00+07:00",
        "2.json",
        &[],
    );
    sign(
        t,
        &t.p("2.json"),
        "seal",
        "seal",
        "2025-06-25T14:00:00+07:00",
        "3.json",
        &["--rsa-pss"],
    );
    t.p("3.json")
}

fn verify(envelope: &str, at: &str, extra: &[&str]) -> Output {
    run(hocba()
        .args(["verify", "--trust", &pki("trust"), "--at", at])
        .args(extra)
        .arg(envelope))
}

fn canonical(envelope: &str) -> Vec<u8> {
    let v: Value = serde_json::from_slice(&fs::read(envelope).unwrap()).unwrap();
    let record = if v["format"] == "hocba.signed/1" {
        v["record"].clone()
    } else {
        v
    };
    hocba_core::verify::content::canonical_bytes(&record).unwrap()
}

fn cms_of(envelope: &str, i: usize) -> Vec<u8> {
    use base64ct::Encoding;
    let v: Value = serde_json::from_slice(&fs::read(envelope).unwrap()).unwrap();
    base64ct::Base64::decode_vec(v["signatures"][i]["cms"].as_str().unwrap()).unwrap()
}

#[test]
fn sign_three_roles_then_verify_with_exit_codes() {
    let t = Tmp::new("roundtrip");
    let env = signed_record(&t);
    let out = verify(&env, "2025-07-10T00:00:00Z", &["--lang", "en"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("VALID"));
    // Invalid: payload changed.
    let mut v: Value = serde_json::from_slice(&fs::read(&env).unwrap()).unwrap();
    v["record"]["student"]["full_name"] = "Nguyễn Văn Khác".into();
    fs::write(t.p("changed.json"), serde_json::to_vec(&v).unwrap()).unwrap();
    assert_eq!(
        verify(&t.p("changed.json"), "2025-07-10T00:00:00Z", &[])
            .status
            .code(),
        Some(1)
    );
    // Indeterminate: status required by staleness.
    ok(hocba()
        .args([
            "status",
            "issue",
            "--list",
            &t.p("status.json"),
            "--key",
            &pki("keys/seal.pem"),
        ])
        .args([
            "--cert",
            &pki("chains/seal.pem"),
            "--time",
            "2025-07-01T08:00:00+07:00",
            &env,
        ]));
    let stale = verify(
        &env,
        "2025-12-01T00:00:00Z",
        &["--status", &t.p("status.json")],
    );
    assert_eq!(stale.status.code(), Some(3));
    // Required inputs that are missing make the result undecided.
    assert_eq!(
        verify(&env, "2025-07-10T00:00:00Z", &["--require-status"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        verify(&env, "2025-07-10T00:00:00Z", &["--require-revocation"])
            .status
            .code(),
        Some(3)
    );
    // Usage error.
    assert_eq!(run(hocba().args(["verify", &env])).status.code(), Some(2));
    assert_eq!(
        run(hocba().args(["sign", "--role", "teacher", "--key", "k", "--cert", "c", &env]))
            .status
            .code(),
        Some(2)
    );
    // A directory of records: the worst verdict wins.
    fs::create_dir_all(t.0.join("dir")).unwrap();
    fs::copy(&env, t.0.join("dir/a.json")).unwrap();
    fs::copy(t.p("changed.json"), t.0.join("dir/b.json")).unwrap();
    assert_eq!(
        verify(&t.p("dir"), "2025-07-10T00:00:00Z", &[])
            .status
            .code(),
        Some(1)
    );
}

/// `genpkey` options for a P-256 key.
const P256: [&str; 4] = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"];

/// The seal's subject as the test record names the school.
const SEAL_SUBJECT: &str = "/C=VN/CN=Trường THPT Nguyễn Thị Minh Khai/UID=MNS:79000701";

/// A PKI of the test's own, made by OpenSSL in `t`: `trust/root.pem` (self-signed) and `seal.pem` /
/// `seal.key` issued by it for `subject`, keys made with `genpkey` `key_args`, certificates signed with the
/// `x509`/`req` options `sign_args`; `extra_ext` is added to the leaf's extensions.
fn fresh_pki(t: &Tmp, key_args: &[&str], sign_args: &[&str], subject: &str, extra_ext: &str) {
    fs::create_dir_all(t.p("trust")).unwrap();
    for who in ["root", "seal"] {
        ok(openssl()
            .arg("genpkey")
            .args(key_args)
            .args(["-out", &t.p(&format!("{who}.key"))]));
    }
    self_sign_root(t, "-sha256", sign_args);
    fs::write(
        t.p("seal.ext"),
        format!(
            "basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\n{extra_ext}"
        ),
    )
    .unwrap();
    ok(openssl()
        .args([
            "req",
            "-new",
            "-utf8",
            "-key",
            &t.p("seal.key"),
            "-out",
            &t.p("seal.csr"),
        ])
        .args(["-subj", subject]));
    issue_seal_certificate(t, "-sha256", sign_args);
}

/// `t`'s `trust/root.pem`: the test root, self-signed with `root.key`, the digest option `digest` (`-sha256`)
/// and the `req` options `sign_args`.
fn self_sign_root(t: &Tmp, digest: &str, sign_args: &[&str]) {
    ok(openssl()
        .args([
            "req",
            "-x509",
            "-new",
            "-utf8",
            digest,
            "-days",
            "30",
            "-key",
            &t.p("root.key"),
        ])
        .args(["-subj", "/C=VN/O=hocba test/CN=Test root"])
        .args(["-addext", "basicConstraints=critical,CA:true"])
        .args(["-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        .args(sign_args)
        .args(["-out", &t.p("trust/root.pem")]));
}

/// `t`'s `seal.pem`: `seal.csr` certified by the test root with the digest option `digest` (`-sha256`),
/// the `x509` options `sign_args` and the extensions of `seal.ext`.
fn issue_seal_certificate(t: &Tmp, digest: &str, sign_args: &[&str]) {
    ok(openssl()
        .args([
            "x509",
            "-req",
            digest,
            "-days",
            "30",
            "-in",
            &t.p("seal.csr"),
        ])
        .args([
            "-CA",
            &t.p("trust/root.pem"),
            "-CAkey",
            &t.p("root.key"),
            "-set_serial",
            "7",
        ])
        .args(["-extfile", &t.p("seal.ext")])
        .args(sign_args)
        .args(["-out", &t.p("seal.pem")]));
}

/// Signs the test record as the school with `t`'s `seal.pem` through `openssl cms -sign -binary -cades`
/// (plus `cms_args`; S/MIME unless they name another `-outform`) into `seal.sig` and attaches it: `t`'s
/// `signed.json`.
fn openssl_seal_sign(t: &Tmp, cms_args: &[&str]) {
    fs::write(t.p("canonical.json"), canonical(&record())).unwrap();
    ok(openssl()
        .args(["cms", "-sign", "-binary", "-cades"])
        .args(["-signer", &t.p("seal.pem"), "-inkey", &t.p("seal.key")])
        .args(cms_args)
        .args(["-in", &t.p("canonical.json"), "-out", &t.p("seal.sig")]));
    ok(hocba()
        .args([
            "sign",
            "--role",
            "seal",
            "--signature",
            &t.p("seal.sig"),
            &record(),
        ])
        .args(["-o", &t.p("signed.json")]));
}

/// An OpenSSL extension line `name=value`, or nothing for an empty value.
fn extension(name: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!("{name}={value}\n")
    }
}

/// The time a minute from now: verification just after signatures made now.
fn a_minute_from_now() -> hocba_core::time::UnixTime {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    hocba_core::time::UnixTime(i64::try_from(now).unwrap() + 60)
}

/// hocba's JSON report on `t`'s `signed.json`, verified with `t`'s trust store (and `extra` options) a
/// minute from now.
fn seal_report(t: &Tmp, extra: &[&str]) -> Value {
    let at = a_minute_from_now();
    let out = run(hocba()
        .args(["verify", "--trust", &t.p("trust"), "--at", &at.to_rfc3339()])
        .args(extra)
        .args(["--format", "json", "--lang", "en", &t.p("signed.json")]));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// [`openssl_seal_sign`], then [`seal_report`].
fn openssl_seal_report(t: &Tmp, cms_args: &[&str]) -> Value {
    openssl_seal_sign(t, &[&["-outform", "DER"], cms_args].concat());
    seal_report(t, &[])
}

/// Every check of the report's first signature that the signature itself decides is valid.
fn assert_seal_signature_valid(report: &Value) {
    for id in [
        "cms",
        "digest",
        "algorithm",
        "signature",
        "signing_certificate",
        "path",
        "key_usage",
        "role",
    ] {
        let c = check_of(report, &format!("signatures[0].{id}"));
        assert_eq!(c["status"], "valid", "{c:#}");
    }
}

/// The check `id` of a report.
fn check_of(report: &Value, id: &str) -> Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {report:#}"))
        .clone()
}

/// OpenSSL signs RSASSA-PSS with the largest salt the key allows unless told otherwise: 350 bytes for
/// RSA-3072 with SHA-256, 318 with SHA-512. Salt lengths over 255 (which `pkcs1::RsaPssParams` cannot
/// hold) must be read, in certificates and in CMS signatures alike: a PKI of its own, made here, whose
/// root, certificate and CMS are all PSS-signed that way.
#[test]
fn pss_with_openssls_largest_salt_verifies_in_certificates_and_cms() {
    let t = Tmp::new("pss-max-salt");
    let pss_max = [
        "-sigopt",
        "rsa_padding_mode:pss",
        "-sigopt",
        "rsa_pss_saltlen:max",
    ];
    let rsa3072 = ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"];
    fresh_pki(&t, &rsa3072, &pss_max, SEAL_SUBJECT, "");
    let cms_pss_max = [
        "-md",
        "sha512",
        "-keyopt",
        "rsa_padding_mode:pss",
        "-keyopt",
        "rsa_pss_saltlen:max",
    ];
    let report = openssl_seal_report(&t, &cms_pss_max);
    assert_seal_signature_valid(&report);
    let algorithm = check_of(&report, "signatures[0].algorithm");
    assert!(
        algorithm["message"]
            .as_str()
            .unwrap()
            .contains("RSASSA-PSS"),
        "{algorithm:#}"
    );
    // Only the roles this test does not sign are missing.
    assert_eq!(check_of(&report, "roles.required")["code"], "role_missing");
}

/// extKeyUsage, when present, limits the key to the purposes it names (RFC 5280 §4.2.1.12): a certificate
/// for code signing, TLS servers or time-stamping does not sign records, while the purposes signing
/// certificates carry (emailProtection, clientAuth on Vietnamese tokens, RFC 9336 documentSigning, any)
/// do.
#[test]
fn ext_key_usage_limits_which_certificates_sign_records() {
    for (eku, expected) in [
        ("", "valid"),
        ("clientAuth, emailProtection", "valid"),
        ("clientAuth", "valid"),
        ("1.3.6.1.5.5.7.3.36", "valid"),
        ("anyExtendedKeyUsage", "valid"),
        ("codeSigning", "ext_key_usage_not_allowed"),
        ("serverAuth, timeStamping", "ext_key_usage_not_allowed"),
    ] {
        let t = Tmp::new("eku");
        fresh_pki(
            &t,
            &P256,
            &[],
            SEAL_SUBJECT,
            &extension("extendedKeyUsage", eku),
        );
        let report = openssl_seal_report(&t, &[]);
        let path = check_of(&report, "signatures[0].path");
        assert_eq!(path["status"], "valid", "{eku}: {path:#}");
        let usage = check_of(&report, "signatures[0].key_usage");
        assert_eq!(usage["code"], expected, "{eku}: {usage:#}");
    }
}

/// Writes `ca.pem`, the test PKI's roots and CAs, for `openssl -CAfile`.
fn write_openssl_ca_bundle(t: &Tmp) {
    let bundle: String = ["root-national", "root-gov", "ca-public", "ca-gov"]
        .iter()
        .map(|n| fs::read_to_string(pki(&format!("certs/{n}.pem"))).unwrap())
        .collect();
    fs::write(t.p("ca.pem"), bundle).unwrap();
}

/// `openssl cms -verify` of the detached DER signature `sig` over `content` (files of `t`), against
/// `t`'s `ca.pem`.
fn openssl_cms_verify(t: &Tmp, sig: &str, content: &str) -> Command {
    let mut cmd = openssl();
    cmd.args([
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        &t.p(sig),
    ])
    .args(["-content", &t.p(content), "-CAfile", &t.p("ca.pem")])
    .args(["-purpose", "any", "-out", &t.p("out.bin")]);
    cmd
}

#[test]
fn openssl_cms_verify_accepts_hocba_signatures() {
    let t = Tmp::new("openssl-verify");
    let env = signed_record(&t);
    fs::write(t.p("canonical.json"), canonical(&env)).unwrap();
    write_openssl_ca_bundle(&t);
    for i in 0..3 {
        let sig = format!("sig{i}.der");
        fs::write(t.p(&sig), cms_of(&env, i)).unwrap();
        let out =
            ok(openssl_cms_verify(&t, &sig, "canonical.json").args(["-attime", "1751000000"]));
        assert!(String::from_utf8_lossy(&out.stderr).contains("Verification successful"));
    }
    // And openssl refuses one over changed bytes.
    fs::write(t.p("changed.json"), b"{}").unwrap();
    let out = run(&mut openssl_cms_verify(&t, "sig0.der", "changed.json"));
    assert!(!out.status.success());
}

/// Signatures of tools that write ESS signing-certificate v1 (the certificate's SHA-1) instead of v2
/// (D-117): hocba binds them to their signers as openssl does.
#[test]
fn ess_signing_certificate_v1_binds_the_signer_as_in_openssl() {
    let t = Tmp::new("ess-v1");
    sign(
        &t,
        &record(),
        "gvcn",
        "gvcn",
        "2025-06-20T09:00:00+07:00",
        "1.json",
        &["--ess-v1"],
    );
    sign(
        &t,
        &t.p("1.json"),
        "ht",
        "ht",
        "2025-06-22T10:00:00+07:00",
        "2.json",
        &[],
    );
    let env = t.p("2.json");
    let out = verify(
        &env,
        "2025-07-10T00:00:00Z",
        &["--format", "json", "--lang", "en"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v1 = check_of(&report, "signatures[0].signing_certificate");
    assert_eq!(
        (v1["status"].as_str(), v1["code"].as_str()),
        (Some("valid"), Some("valid"))
    );
    assert!(
        v1["message"]
            .as_str()
            .unwrap()
            .contains("ESS signing-certificate, SHA-1"),
        "{v1}"
    );
    let v2 = check_of(&report, "signatures[1].signing_certificate");
    assert!(
        v2["message"]
            .as_str()
            .unwrap()
            .contains("signing-certificate-v2"),
        "{v2}"
    );

    // OpenSSL checks ESS v1 too (`ossl_cms_check_signing_certs`) and accepts the same signature.
    fs::write(t.p("canonical.json"), canonical(&env)).unwrap();
    fs::write(t.p("sig0.der"), cms_of(&env, 0)).unwrap();
    write_openssl_ca_bundle(&t);
    let out =
        ok(openssl_cms_verify(&t, "sig0.der", "canonical.json").args(["-attime", "1751000000"]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Verification successful"));
}

#[test]
fn hocba_accepts_openssl_cms_sign_signatures() {
    let t = Tmp::new("openssl-sign");
    fs::write(t.p("canonical.json"), canonical(&record())).unwrap();
    let mut src = record();
    for (i, (role, who, ca, extra)) in [
        ("gvcn", "gvcn", "ca-public", vec![]),
        // The HT's signer is named by subjectKeyIdentifier rather than issuer and serial.
        ("ht", "ht", "ca-gov", vec!["-keyid"]),
        (
            "seal",
            "seal",
            "ca-gov",
            vec!["-keyopt", "rsa_padding_mode:pss"],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        ok(openssl()
            .args([
                "cms", "-sign", "-binary", "-md", "sha256", "-cades", "-outform", "DER",
            ])
            .args([
                "-signer",
                &pki(&format!("certs/{who}.pem")),
                "-inkey",
                &pki(&format!("keys/{who}.pem")),
            ])
            .args(["-certfile", &pki(&format!("certs/{ca}.pem"))])
            .args(extra)
            .args([
                "-in",
                &t.p("canonical.json"),
                "-out",
                &t.p(&format!("o{i}.der")),
            ]));
        ok(hocba()
            .args([
                "sign",
                "--role",
                role,
                "--signature",
                &t.p(&format!("o{i}.der")),
                &src,
            ])
            .args(["-o", &t.p(&format!("e{i}.json"))]));
        src = t.p(&format!("e{i}.json"));
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    let now = a_minute_from_now();
    let out = verify(
        &src,
        &now.to_rfc3339(),
        &["--format", "json", "--lang", "en"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "valid", "{report:#}");
    assert_eq!(out.status.code(), Some(0));
    // A signature over other bytes is refused when attached.
    fs::write(t.p("other.json"), b"{\"other\":1}").unwrap();
    ok(openssl()
        .args([
            "cms", "-sign", "-binary", "-md", "sha256", "-cades", "-outform", "DER",
        ])
        .args([
            "-signer",
            &pki("certs/gvcn.pem"),
            "-inkey",
            &pki("keys/gvcn.pem"),
        ])
        .args(["-in", &t.p("other.json"), "-out", &t.p("other.der")]));
    let out = run(hocba().args([
        "sign",
        "--role",
        "gvcn",
        "--signature",
        &t.p("other.der"),
        &record(),
    ]));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("digest_mismatch"));
}

#[test]
fn status_list_issue_revoke_supersede() {
    let t = Tmp::new("status");
    let env = signed_record(&t);
    let seal = [
        "--key",
        &pki("keys/seal.pem"),
        "--cert",
        &pki("chains/seal.pem"),
    ]
    .map(String::from);
    ok(hocba()
        .args(["status", "issue", "--list", &t.p("s.json")])
        .args(&seal)
        .args(["--time", "2025-07-01T08:00:00+07:00", &env]));
    let check = |list: &str, at: &str| -> Value {
        let out = verify(&env, at, &["--status", list, "--format", "json"]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let r = check(&t.p("s.json"), "2025-07-10T00:00:00Z");
    assert_eq!(r["verdict"], "valid");
    assert_eq!(r["status_list"]["age_days"], 8);
    let v: Value = serde_json::from_slice(&fs::read(&env).unwrap()).unwrap();
    let id = v["record"]["record_id"].as_str().unwrap().to_string();
    ok(hocba()
        .args([
            "status",
            "revoke",
            "--list",
            &t.p("s.json"),
            "-o",
            &t.p("r.json"),
        ])
        .args(&seal)
        .args([
            "--time",
            "2025-07-05T08:00:00+07:00",
            "--record-id",
            &id,
            "--reason",
            "nhầm học sinh",
        ]));
    let r = check(&t.p("r.json"), "2025-07-10T00:00:00Z");
    assert_eq!(r["verdict"], "invalid");
    let status = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "status")
        .unwrap()
        .clone();
    assert_eq!(status["code"], "record_revoked");
    // Revoking twice is refused.
    let again = run(hocba()
        .args(["status", "revoke", "--list", &t.p("r.json")])
        .args(&seal)
        .args([
            "--time",
            "2025-07-06T08:00:00+07:00",
            "--record-id",
            &id,
            "--reason",
            "x",
        ]));
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("status_final"));
    // Supersede with a corrected version.
    let v2 = root()
        .join("tests/vectors/verify/records/record-v2.json")
        .display()
        .to_string();
    sign(
        &t,
        &v2,
        "gvcn",
        "gvcn",
        "2025-06-26T09:00:00+07:00",
        "v2-1.json",
        &[],
    );
    sign(
        &t,
        &t.p("v2-1.json"),
        "ht",
        "ht",
        "2025-06-26T10:00:00+07:00",
        "v2-2.json",
        &[],
    );
    sign(
        &t,
        &t.p("v2-2.json"),
        "seal",
        "seal",
        "2025-06-26T14:00:00+07:00",
        "v2-3.json",
        &[],
    );
    ok(hocba()
        .args([
            "status",
            "supersede",
            "--list",
            &t.p("s.json"),
            "-o",
            &t.p("sup.json"),
        ])
        .args(&seal)
        .args([
            "--time",
            "2025-07-02T08:00:00+07:00",
            "--record-id",
            &id,
            "--by",
            &t.p("v2-3.json"),
        ])
        .args(["--reason", "đính chính điểm Toán"]));
    let r = check(&t.p("sup.json"), "2025-07-10T00:00:00Z");
    let status = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "status")
        .unwrap()
        .clone();
    assert_eq!(status["code"], "record_superseded");
    let out = verify(
        &t.p("v2-3.json"),
        "2025-07-10T00:00:00Z",
        &["--status", &t.p("sup.json")],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Signs the test record (three roles), has OpenSSL's TSA stamp the first signature — the request asking
/// for the TSA's certificate in the token only if `with_certificate` — and attaches the token: `t`'s
/// `ts.json`.
fn openssl_timestamped(t: &Tmp, with_certificate: bool) -> String {
    let env = signed_record(t);
    let imprint = ok(hocba().args(["timestamp", "imprint", "--index", "0", &env])).stdout;
    let imprint = String::from_utf8(imprint).unwrap().trim().to_string();
    assert_eq!(imprint.len(), 64);
    let cert_request: &[&str] = if with_certificate { &["-cert"] } else { &[] };
    ok(openssl()
        .args(["ts", "-query", "-digest", &imprint, "-sha256"])
        .args(cert_request)
        .args(["-out", &t.p("q.tsq")]));
    let cnf = fs::read_to_string(pki("tsa.cnf"))
        .unwrap()
        .replace("tests/pki/", &format!("{}/", pki("")))
        .replace(&format!("{}/tsa-serial.txt", pki("")), &t.p("serial"));
    fs::write(t.p("tsa.cnf"), cnf).unwrap();
    fs::write(t.p("serial"), "01\n").unwrap();
    ok(openssl()
        .args([
            "ts",
            "-reply",
            "-config",
            &t.p("tsa.cnf"),
            "-queryfile",
            &t.p("q.tsq"),
        ])
        .args(["-out", &t.p("r.tsr")]));
    ok(hocba()
        .args([
            "timestamp",
            "attach",
            "--index",
            "0",
            "--reply",
            &t.p("r.tsr"),
            &env,
        ])
        .args(["-o", &t.p("ts.json")]));
    t.p("ts.json")
}

#[test]
fn timestamps_from_openssl_ts() {
    let t = Tmp::new("tsa");
    let env = openssl_timestamped(&t, true);
    let out = verify(&env, "2029-12-01T00:00:00Z", &["--format", "json"]);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ts = check_of(&r, "signatures[0].timestamp");
    assert_eq!(ts["status"], "valid", "{ts}");
    assert_eq!(r["signers"][0]["time_source"], "timestamp");
    // openssl cms -verify still accepts the signature with the unsigned attribute added.
    fs::write(t.p("canonical.json"), canonical(&env)).unwrap();
    fs::write(t.p("sig.der"), cms_of(&env, 0)).unwrap();
    ok(openssl().args([
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        &t.p("sig.der"),
        "-content",
        &t.p("canonical.json"),
        "-CAfile",
        &pki("certs/root-national.pem"),
        "-certfile",
        &pki("certs/ca-public.pem"),
        "-purpose",
        "any",
        "-out",
        &t.p("o.bin"),
    ]));
}

fn snapshot_of(vector: &str, format: &str, lang: &str) -> String {
    let v: Value = serde_json::from_slice(
        &fs::read(root().join(format!("tests/vectors/verify/{vector}.json"))).unwrap(),
    )
    .unwrap();
    let t = Tmp::new(&format!("snap-{vector}-{format}-{lang}"));
    fs::write(
        t.p("e.json"),
        serde_json::to_vec(&v["input"]["envelope"]).unwrap(),
    )
    .unwrap();
    let mut cmd = hocba();
    cmd.current_dir(root())
        .args([
            "verify",
            "--trust",
            "tests/pki/trust",
            "--at",
            v["input"]["now"].as_str().unwrap(),
        ])
        .args(["--format", format, "--lang", lang]);
    for c in v["input"]["crls"].as_array().unwrap() {
        cmd.args(["--crl", &format!("tests/{}", c.as_str().unwrap())]);
    }
    if !v["input"]["status_list"].is_null() {
        fs::write(
            t.p("s.json"),
            serde_json::to_vec(&v["input"]["status_list"]).unwrap(),
        )
        .unwrap();
        cmd.args(["--status", &t.p("s.json")]);
    }
    let out = run(cmd.arg(t.p("e.json")));
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(&t.p("e.json"), "ENVELOPE")
}

#[test]
fn report_snapshots() {
    for vector in [
        "valid-full",
        "payload-changed-after-signing",
        "status-list-stale",
    ] {
        for lang in ["vi", "en"] {
            insta::assert_snapshot!(
                format!("{vector}_text_{lang}"),
                snapshot_of(vector, "text", lang)
            );
            insta::assert_snapshot!(
                format!("{vector}_json_{lang}"),
                snapshot_of(vector, "json", lang)
            );
        }
    }
}

/// A CRL with an issuingDistributionPoint (RFC 5280 §5.2.5, critical, as CAs that partition their CRLs
/// write it) speaks only for the certificates whose cRLDistributionPoints name its point: it revokes
/// them, shows them unrevoked, and leaves every other certificate without a CRL.
#[test]
fn a_crl_with_an_issuing_distribution_point_speaks_for_the_certificates_naming_it() {
    let point = "URI:http://crl.example.vn/root.crl";
    for (cdp, revoked, expected) in [
        (point, false, "valid"),
        (point, true, "certificate_revoked"),
        ("URI:http://crl.example.vn/other.crl", true, "crl_missing"),
        ("", true, "crl_missing"),
    ] {
        let t = Tmp::new("idp");
        fresh_pki(
            &t,
            &P256,
            &[],
            SEAL_SUBJECT,
            &extension("crlDistributionPoints", cdp),
        );
        fs::write(t.p("index.txt"), "").unwrap();
        fs::write(t.p("crlnumber"), "1000\n").unwrap();
        fs::write(
            t.p("ca.cnf"),
            format!(
                "[ca]\ndefault_ca=d\n[d]\ndir={}\ndatabase=$dir/index.txt\ncrlnumber=$dir/crlnumber\n\
                 default_md=sha256\ndefault_crl_days=30\ncrl_extensions=crlext\n[crlext]\n\
                 issuingDistributionPoint=critical,@idp\n[idp]\nfullname={point}\n",
                t.0.display()
            ),
        )
        .unwrap();
        let ca = [
            "-config",
            &t.p("ca.cnf"),
            "-keyfile",
            &t.p("root.key"),
            "-cert",
            &t.p("trust/root.pem"),
        ];
        if revoked {
            ok(openssl()
                .arg("ca")
                .args(ca)
                .args(["-revoke", &t.p("seal.pem")]));
            // Revoked a second before the signing time, which a CRL issued a second after it shows.
            std::thread::sleep(std::time::Duration::from_millis(1100));
        }
        openssl_seal_sign(&t, &["-outform", "DER"]);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        ok(openssl()
            .arg("ca")
            .args(ca)
            .args(["-gencrl", "-out", &t.p("root.crl")]));
        let report = seal_report(&t, &["--crl", &t.p("root.crl")]);
        let revocation = check_of(&report, "signatures[0].revocation");
        assert_eq!(
            revocation["code"], expected,
            "{cdp} revoked {revoked}: {revocation:#}"
        );
    }
}

/// `openssl ts -query` without `-cert` (its default) asks for a token without the TSA's certificate (RFC
/// 3161 `certReq` false). Such a token is checked with the TSA's certificate from the trust store; with
/// none there it cannot be checked, which is reported like an absent token (Skipped, the stated signing
/// time judged), not as a bad record.
#[test]
fn timestamp_tokens_without_the_tsa_certificate_use_the_trust_store() {
    let t = Tmp::new("tsa-no-cert");
    openssl_timestamped(&t, false);
    // The bundled trust store does not hold the TSA's certificate.
    let report = |trust: &str, extra: &[&str]| -> (Value, Option<i32>) {
        let out = run(hocba()
            .args(["verify", "--trust", trust, "--at", "2029-12-01T00:00:00Z"])
            .args(["--format", "json", "--lang", "en"])
            .args(extra)
            .arg(t.p("ts.json")));
        (
            serde_json::from_slice(&out.stdout).unwrap(),
            out.status.code(),
        )
    };
    let (without, code) = report(&pki("trust"), &[]);
    let ts = check_of(&without, "signatures[0].timestamp");
    assert_eq!(ts["code"], "timestamp_tsa_unknown", "{ts:#}");
    assert_eq!(ts["status"], "skipped", "{ts:#}");
    assert_eq!(without["verdict"], "valid", "{without:#}");
    assert_eq!(code, Some(0));
    assert_eq!(
        without["signers"][0]["time_source"], "claimed",
        "{without:#}"
    );
    // Where a timestamp is required, an unchecked one leaves the verdict undecided.
    let (required, code) = report(&pki("trust"), &["--require-timestamp"]);
    let ts = check_of(&required, "signatures[0].timestamp");
    assert_eq!(ts["status"], "error", "{ts:#}");
    assert_eq!(code, Some(3));
    // With the TSA's certificate in the trust store, the token proves the time.
    fs::create_dir_all(t.p("trust")).unwrap();
    for f in fs::read_dir(pki("trust")).unwrap() {
        let f = f.unwrap();
        fs::copy(f.path(), t.0.join("trust").join(f.file_name())).unwrap();
    }
    fs::copy(pki("certs/tsa.pem"), t.p("trust/tsa.pem")).unwrap();
    let (with, _) = report(&t.p("trust"), &[]);
    let ts = check_of(&with, "signatures[0].timestamp");
    assert_eq!(ts["status"], "valid", "{ts:#}");
    assert_eq!(with["signers"][0]["time_source"], "timestamp", "{with:#}");
}

/// RFC 5652 lets SignedData travel in BER, which streaming signers write (`openssl cms -sign -stream`:
/// indefinite lengths throughout): such a signature is attached and verifies like its DER form.
#[test]
fn ber_signatures_from_streaming_signers_verify() {
    let t = Tmp::new("ber");
    fresh_pki(&t, &P256, &[], SEAL_SUBJECT, "");
    openssl_seal_sign(&t, &["-outform", "DER", "-stream"]);
    let cms = fs::read(t.p("seal.sig")).unwrap();
    // The outer SEQUENCE has the indefinite length: this is BER, not DER.
    assert_eq!(&cms[..2], &[0x30, 0x80], "{:02x?}", &cms[..8]);
    let report = seal_report(&t, &[]);
    assert_seal_signature_valid(&report);
}

/// What `openssl cms -sign` writes without `-outform` is S/MIME (`multipart/signed`): its signature part
/// is read like a DER or PEM signature.
#[test]
fn smime_output_of_openssl_cms_sign_is_read() {
    let t = Tmp::new("smime");
    fresh_pki(&t, &P256, &[], SEAL_SUBJECT, "");
    openssl_seal_sign(&t, &[]);
    assert!(fs::read_to_string(t.p("seal.sig"))
        .unwrap()
        .starts_with("MIME-Version"));
    let report = seal_report(&t, &[]);
    assert_seal_signature_valid(&report);
}

/// Roots still in service were often self-signed with SHA-1. A root's self-signature is not relied on —
/// its trust comes from the store — so such a root is a trust anchor, while every signature below it
/// is still held to the policy: a certificate it signed with SHA-1 is refused.
#[test]
fn a_root_self_signed_with_sha1_is_still_a_trust_anchor() {
    let t = Tmp::new("sha1-root");
    fresh_pki(&t, &P256, &[], SEAL_SUBJECT, "");
    // The same root, name and key, self-signed again with SHA-1.
    self_sign_root(&t, "-sha1", &[]);
    let report = openssl_seal_report(&t, &[]);
    assert_seal_signature_valid(&report);
    // The seal's certificate issued again by that root with SHA-1.
    issue_seal_certificate(&t, "-sha1", &[]);
    let report = openssl_seal_report(&t, &[]);
    let path = check_of(&report, "signatures[0].path");
    assert_eq!(path["status"], "invalid", "{path:#}");
    assert!(
        path["message"].as_str().unwrap().contains("SHA-1"),
        "{path:#}"
    );
}

/// A record signed as `who` of the small test hierarchy `tests/pki/HIERARCHY` (its key in `keys/`, its
/// chain in `chains/`) on 2027-06-01, then verified with the hierarchy's root alone as the trust store a
/// month later: the JSON report.
fn signed_by_hierarchy_member(hierarchy: &str, who: &str) -> Value {
    signed_by_hierarchy_member_with(hierarchy, who, &[])
}

/// [`signed_by_hierarchy_member`], verified with the hierarchy's `trust/` directory when it has one and
/// with `verify_args` added (CRLs).
fn signed_by_hierarchy_member_with(hierarchy: &str, who: &str, verify_args: &[String]) -> Value {
    let t = Tmp::new(&format!("{hierarchy}-{who}"));
    let own_trust = pki(&format!("{hierarchy}/trust"));
    let trust = if Path::new(&own_trust).is_dir() {
        own_trust
    } else {
        fs::create_dir_all(t.p("trust")).unwrap();
        fs::copy(pki(&format!("{hierarchy}/root.pem")), t.p("trust/root.pem")).unwrap();
        t.p("trust")
    };
    ok(hocba()
        .args(["sign", "--role", "gvcn"])
        .args(["--key", &pki(&format!("{hierarchy}/keys/{who}.pem"))])
        .args(["--cert", &pki(&format!("{hierarchy}/chains/{who}.pem"))])
        .args(["--time", "2027-06-01T09:00:00+07:00", &record()])
        .args(["-o", &t.p("signed.json")]));
    let out = run(hocba()
        .args(["verify", "--trust", &trust])
        .args(verify_args)
        .args(["--at", "2027-07-01T00:00:00Z", "--format", "json"])
        .args(["--lang", "en", &t.p("signed.json")]));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Name constraints end to end (D-105): records signed under a province CA whose critical
/// nameConstraints permit one directory subtree (tests/pki/name-constraints). Before hocba read the
/// extension, every path through that CA was refused as an unsupported critical extension; now a signer
/// inside the subtree has a valid path and one outside has an invalid path naming the constraint.
#[test]
fn name_constraints_of_a_ca_decide_its_signers_paths() {
    for (who, status, code) in [
        ("ok", "valid", "valid"),
        ("ok-folded", "valid", "valid"),
        ("outside", "invalid", "name_not_permitted"),
        ("excluded", "invalid", "name_excluded"),
        ("gmail-san", "invalid", "name_not_permitted"),
    ] {
        let report = signed_by_hierarchy_member("name-constraints", who);
        let path = check_of(&report, "signatures[0].path");
        assert_eq!(path["status"], status, "{who}: {path:#}");
        assert_eq!(path["code"], code, "{who}: {path:#}");
        if status == "invalid" {
            assert!(
                path["message"]
                    .as_str()
                    .unwrap()
                    .contains("Sở GD&ĐT Hà Nội CA"),
                "{who}: {path:#}"
            );
        }
    }
}

/// Certificate policies end to end (D-113), on tests/pki/policies: CAs that require an explicit policy
/// (policyConstraints requireExplicitPolicy 0), one mapping its policy to another, one mapping a policy to
/// anyPolicy. hocba's path verdict for each signer is OpenSSL's with policy checking on (`openssl verify
/// -policy_check -policy anyPolicy`, the inputs hocba validates with: any policy acceptable).
#[test]
fn certificate_policies_of_the_cas_decide_their_signers_paths_as_openssl_does() {
    let cases = [
        ("explicit-ok", "valid"),
        ("explicit-none", "policy_required"),
        ("explicit-other", "policy_required"),
        ("mapped-ok", "valid"),
        ("mapped-unmapped", "policy_required"),
        ("map-any", "policy_mapping_any_policy"),
    ];
    for (who, code) in cases {
        let report = signed_by_hierarchy_member("policies", who);
        let path = check_of(&report, "signatures[0].path");
        assert_eq!(path["code"], code, "{who}: {path:#}");
        let status = if code == "valid" { "valid" } else { "invalid" };
        assert_eq!(path["status"], status, "{who}: {path:#}");
        let openssl_verdict = openssl_verify_policies_member(who, &["-policy", "2.5.29.32.0"]);
        assert_eq!(
            openssl_verdict.status.success(),
            code == "valid",
            "{who}: openssl says {}",
            String::from_utf8_lossy(&openssl_verdict.stdout)
        );
    }
}

/// `openssl verify -policy_check` of a member of tests/pki/policies at its signing time
/// (2027-06-01T02:00:00Z), with `args` as its policy inputs.
fn openssl_verify_policies_member<S: AsRef<std::ffi::OsStr>>(who: &str, args: &[S]) -> Output {
    run(openssl()
        .args(["verify", "-policy_check"])
        .args(args)
        .args([
            "-attime",
            "1811815200",
            "-CAfile",
            &pki("policies/root.pem"),
        ])
        .args(["-untrusted", &pki(&format!("policies/chains/{who}.pem"))])
        .arg(pki(&format!("policies/{who}.pem"))))
}

/// CRLs partitioned by reason and an indirect CRL end to end (D-115), on tests/pki/crl-scopes: a CA
/// publishing one CRL for key compromises and one for every other reason, and a CRL authority publishing
/// an indirect CRL for the CA's signers that name it as their points' cRLIssuer. hocba's revocation
/// verdict for each signer is OpenSSL's (`openssl verify -crl_check_all -extended_crl`) on the same
/// certificates and CRLs, a month after the signing time. A hold on an older CRL that the newer one no
/// longer lists is released (D-116); without the newer one, it stands.
/// The verifier's own policy inputs (D-118): acceptable policies in the anchor's domain, an explicit
/// policy required, mapping inhibited; each verdict as `openssl verify` gives it with the same inputs.
#[test]
fn the_verifiers_policy_inputs_decide_paths_as_openssl_does() {
    let cases: [(&str, &[&str], &str); 7] = [
        ("explicit-ok", &["--policy", "2.999.1.1"], "valid"),
        (
            "explicit-ok",
            &["--policy", "2.999.1.2", "--policy", "2.999.7"],
            "policy_not_acceptable",
        ),
        // Acceptable policies are named in the anchor's domain: 2.999.1.1, mapped to 2.999.2.1 below.
        ("mapped-ok", &["--policy", "2.999.1.1"], "valid"),
        (
            "mapped-ok",
            &["--policy", "2.999.2.1"],
            "policy_not_acceptable",
        ),
        (
            "mapped-ok",
            &["--inhibit-policy-mapping"],
            "policy_required",
        ),
        ("explicit-ok", &["--explicit-policy"], "valid"),
        (
            "explicit-ok",
            &[
                "--explicit-policy",
                "--inhibit-any-policy",
                "--policy",
                "2.999.1.2",
            ],
            "policy_not_acceptable",
        ),
    ];
    for (who, args, code) in cases {
        let args: Vec<String> = args.iter().map(ToString::to_string).collect();
        let report = signed_by_hierarchy_member_with("policies", who, &args);
        let path = check_of(&report, "signatures[0].path");
        assert_eq!(path["code"], code, "{who} {args:?}: {path:#}");
        let mut openssl_args: Vec<String> = Vec::new();
        for pair in args.windows(2).filter(|w| w[0] == "--policy") {
            openssl_args.extend(["-policy".into(), pair[1].clone()]);
        }
        // OpenSSL's user-initial-policy-set is empty unless given; hocba's default is anyPolicy.
        if !args.iter().any(|a| a == "--policy") {
            openssl_args.extend(["-policy".into(), "2.5.29.32.0".into()]);
        }
        for (ours, theirs) in [
            ("--explicit-policy", "-explicit_policy"),
            ("--inhibit-policy-mapping", "-inhibit_map"),
            ("--inhibit-any-policy", "-inhibit_any"),
        ] {
            if args.iter().any(|a| a == ours) {
                openssl_args.push(theirs.into());
            }
        }
        let openssl_verdict = openssl_verify_policies_member(who, &openssl_args);
        assert_eq!(
            openssl_verdict.status.success(),
            code == "valid",
            "{who} {openssl_args:?}: openssl says {}",
            String::from_utf8_lossy(&openssl_verdict.stdout)
        );
    }
    // A signer whose certificates name no policy has no path once the verifier requires one.
    let t = Tmp::new("explicit-policy-standard");
    let env = signed_record(&t);
    let out = verify(
        &env,
        "2025-07-10T00:00:00Z",
        &["--explicit-policy", "--format", "json"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        check_of(&report, "signatures[0].path")["code"],
        "policy_not_acceptable"
    );
    assert_eq!(report["verdict"], "invalid");
    // A --policy that is not an OID is a usage error, not a silent "any policy".
    let out = verify(&env, "2025-07-10T00:00:00Z", &["--policy", "vnpt-ca"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--policy vnpt-ca"));
}

#[test]
fn crl_partitions_and_indirect_crls_decide_revocation_as_openssl_does() {
    let crls: Vec<String> = ["root", "ca-keys", "ca-other", "ca-other-old", "authority"]
        .iter()
        .map(|c| pki(&format!("crl-scopes/crls/{c}.crl")))
        .collect();
    let t = Tmp::new("crl-scopes-openssl");
    let all_crls = t.p("crls.pem");
    fs::write(
        &all_crls,
        crls.iter()
            .map(|c| fs::read_to_string(c).unwrap())
            .collect::<String>(),
    )
    .unwrap();
    let untrusted = t.p("untrusted.pem");
    fs::write(
        &untrusted,
        ["ca", "crl-authority"]
            .iter()
            .map(|c| fs::read_to_string(pki(&format!("crl-scopes/{c}.pem"))).unwrap())
            .collect::<String>(),
    )
    .unwrap();
    let verify_args: Vec<String> = crls
        .iter()
        .flat_map(|c| ["--crl".to_string(), c.clone()])
        .chain(["--require-revocation".to_string()])
        .collect();
    for (who, status, code) in [
        ("partition-ok", "valid", "valid"),
        ("partition-revoked", "invalid", "certificate_revoked"),
        ("partition-superseded", "invalid", "certificate_revoked"),
        ("partition-uncovered", "error", "crl_missing"),
        ("indirect-ok", "valid", "valid"),
        ("indirect-revoked", "invalid", "certificate_revoked"),
        ("indirect-unnamed", "error", "crl_missing"),
        // On hold on the older CRL of its partition, no longer listed on the newer one (D-116).
        ("hold-released", "valid", "valid"),
    ] {
        let report = signed_by_hierarchy_member_with("crl-scopes", who, &verify_args);
        let revocation = check_of(&report, "signatures[0].revocation");
        assert_eq!(revocation["status"], status, "{who}: {revocation:#}");
        assert_eq!(revocation["code"], code, "{who}: {revocation:#}");
        assert_eq!(check_of(&report, "signatures[0].path")["status"], "valid");
        if who == "partition-uncovered" {
            assert!(
                revocation["message"]
                    .as_str()
                    .unwrap()
                    .contains("the CRLs given cover only some revocation reasons"),
                "{revocation:#}"
            );
        }
        // 2027-07-01T00:00:00Z, the verification time: OpenSSL judges revocation at the present.
        let openssl_verdict = run(openssl()
            .args(["verify", "-crl_check_all", "-extended_crl"])
            .args([
                "-attime",
                "1814400000",
                "-CAfile",
                &pki("crl-scopes/root.pem"),
            ])
            .args(["-untrusted", &untrusted, "-CRLfile", &all_crls])
            .arg(pki(&format!("crl-scopes/{who}.pem"))));
        assert_eq!(
            openssl_verdict.status.success(),
            status == "valid",
            "{who}: openssl says {}",
            String::from_utf8_lossy(&openssl_verdict.stdout)
        );
    }
    let without_newer: Vec<String> = crls
        .iter()
        .filter(|c| !c.ends_with("/ca-other.crl"))
        .flat_map(|c| ["--crl".to_string(), c.clone()])
        .collect();
    assert_eq!(without_newer.len(), verify_args.len() - 3);
    let report = signed_by_hierarchy_member_with("crl-scopes", "hold-released", &without_newer);
    let revocation = check_of(&report, "signatures[0].revocation");
    assert_eq!(revocation["code"], "certificate_revoked", "{revocation:#}");
    assert!(
        revocation["message"]
            .as_str()
            .unwrap()
            .contains("certificate hold"),
        "{revocation:#}"
    );
}

/// D-108: trust directories as other tools write them, all read: `openssl x509 -text` dumps (text
/// before the block), base64 wrapped at 76 columns with CRLF, OpenSSL's TRUSTED CERTIFICATE form, and
/// the CAs as PKCS #7 bundles (`crl2pkcs7`, DER `.p7b` and PEM `PKCS7`), and one bundle file given
/// instead of a directory. Each verifies the same record as the plain PEM directory does.
#[test]
fn trust_directories_in_other_tools_formats_verify_the_same() {
    let t = Tmp::new("trust-formats");
    let env = signed_record(&t);
    let roots = ["root-national", "root-gov"];
    let cas = ["ca-public", "ca-gov"];
    let make = |dir: &str| {
        let d = t.p(dir);
        fs::create_dir_all(&d).unwrap();
        d
    };
    // 1. Text dumps.
    let text = make("text");
    for n in roots.iter().chain(&cas) {
        let out = ok(openssl().args(["x509", "-text", "-in", &pki(&format!("certs/{n}.pem"))]));
        fs::write(format!("{text}/{n}.crt"), out.stdout).unwrap();
    }
    // 2. 76 columns, CRLF.
    let wide = make("wide");
    for n in roots.iter().chain(&cas) {
        let pem = fs::read_to_string(pki(&format!("certs/{n}.pem"))).unwrap();
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let out = format!(
            "-----BEGIN CERTIFICATE-----\r\n{}\r\n-----END CERTIFICATE-----\r\n",
            lines.join("\r\n")
        );
        fs::write(format!("{wide}/{n}.pem"), out).unwrap();
    }
    // 3. Trusted roots, CAs as a DER .p7b; 4. the same bundle as PEM.
    let bundles = make("bundles");
    let pem_bundle = make("pem-bundle");
    for n in roots {
        let out = ok(openssl().args(["x509", "-trustout", "-in", &pki(&format!("certs/{n}.pem"))]));
        assert!(String::from_utf8_lossy(&out.stdout).contains("BEGIN TRUSTED CERTIFICATE"));
        fs::write(format!("{bundles}/{n}.pem"), &out.stdout).unwrap();
        fs::copy(
            pki(&format!("certs/{n}.pem")),
            format!("{pem_bundle}/{n}.pem"),
        )
        .unwrap();
    }
    for (dir, form, file) in [
        (&bundles, "DER", "cas.p7b"),
        (&pem_bundle, "PEM", "cas.pem"),
    ] {
        ok(openssl()
            .args([
                "crl2pkcs7",
                "-nocrl",
                "-outform",
                form,
                "-out",
                &format!("{dir}/{file}"),
            ])
            .args(["-certfile", &pki("certs/ca-public.pem")])
            .args(["-certfile", &pki("certs/ca-gov.pem")]));
    }
    // One bundle file instead of a directory: the roots and the CAs in one PEM.
    let all: String = roots
        .iter()
        .chain(&cas)
        .map(|n| fs::read_to_string(pki(&format!("certs/{n}.pem"))).unwrap())
        .collect();
    let single = t.p("bundle.pem");
    fs::write(&single, all).unwrap();
    for dir in [&text, &wide, &bundles, &pem_bundle, &single] {
        let out = run(hocba()
            .args(["verify", "--trust", dir, "--at", "2025-07-10T00:00:00Z"])
            .args(["--format", "json", "--lang", "en", &env]));
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{dir}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(report["verdict"], "valid", "{dir}: {report:#}");
        assert_eq!(
            report["trust"]["anchors"].as_array().map(Vec::len),
            Some(2),
            "{dir}: {:#}",
            report["trust"]
        );
    }
}
