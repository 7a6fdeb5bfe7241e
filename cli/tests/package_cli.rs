//! `hocba package` and `hocba package verify` as a binary: a good package verifies; a record removed,
//! added or altered is rejected with that record named; mixed schools are refused at build time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{hocba, stdout, temp_dir};
use serde_json::Value;

const AT: &str = "2025-07-10T00:00:00Z";

fn ok(args: &[&str]) {
    let o = hocba(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Three students of one class, each record signed by GVCN, HT and the seal.
fn signed_records(dir: &Path) -> PathBuf {
    let base: Value = serde_json::from_slice(
        &fs::read(common::repo().join("tests/vectors/verify/records/record.json")).unwrap(),
    )
    .unwrap();
    let out = dir.join("signed");
    fs::create_dir_all(&out).unwrap();
    for (i, (code, name)) in [
        ("7900123456", "Nguyễn Thị Minh Anh"),
        ("7900123457", "Trần Văn Bình"),
        ("7900123458", "Lê Hoàng Châu"),
    ]
    .iter()
    .enumerate()
    {
        let mut r = base.clone();
        r["record_id"] = format!("79000701.2024-2025.{code}.v1").into();
        r["student"]["moet_code"] = (*code).into();
        r["student"]["personal_id"] = format!("07930900123{i}").into();
        r["student"]["full_name"] = (*name).into();
        let src = dir.join(format!("r{i}.json"));
        fs::write(&src, serde_json::to_vec(&r).unwrap()).unwrap();
        let mut prev = src.display().to_string();
        for (j, (role, who, time)) in [
            ("gvcn", "gvcn", "2025-06-20T09:00:00+07:00"),
            ("ht", "ht", "2025-06-22T10:00:00+07:00"),
            ("seal", "seal", "2025-06-25T14:00:00+07:00"),
        ]
        .iter()
        .enumerate()
        {
            let dst = if j == 2 {
                out.join(format!("{i}.json"))
            } else {
                dir.join(format!("r{i}-{j}.json"))
            };
            let dst = dst.display().to_string();
            ok(&[
                "sign",
                "--role",
                role,
                "--key",
                &format!("tests/pki/keys/{who}.pem"),
                "--cert",
                &format!("tests/pki/chains/{who}.pem"),
                "--time",
                time,
                &prev,
                "-o",
                &dst,
            ]);
            prev = dst;
        }
    }
    out
}

fn package(dir: &Path, input: &Path, name: &str) -> PathBuf {
    let pkg = dir.join(name);
    ok(&[
        "package",
        "--key",
        "tests/pki/keys/seal.pem",
        "--cert",
        "tests/pki/chains/seal.pem",
        "--time",
        "2025-07-01T08:00:00+07:00",
        "-o",
        &pkg.display().to_string(),
        &input.display().to_string(),
    ]);
    pkg
}

fn verify(pkg: &Path, lang: &str) -> std::process::Output {
    hocba(&[
        "package",
        "verify",
        "--trust",
        "tests/pki/trust",
        "--crl",
        "tests/pki/crl/ca-public.crl.pem",
        "--crl",
        "tests/pki/crl/ca-gov.crl.pem",
        "--crl",
        "tests/pki/crl/root-gov.crl.pem",
        "--crl",
        "tests/pki/crl/root-national.crl.pem",
        "--at",
        AT,
        "--lang",
        lang,
        &pkg.display().to_string(),
    ])
}

fn lines(pkg: &Path) -> Vec<String> {
    fs::read_to_string(pkg.join("records.ndjson"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn write_lines(pkg: &Path, lines: &[String]) {
    fs::write(pkg.join("records.ndjson"), lines.join("\n") + "\n").unwrap();
}

/// A copy of a package directory.
fn copy(pkg: &Path, to: &Path) -> PathBuf {
    fs::create_dir_all(to).unwrap();
    for f in ["records.ndjson", "manifest.json", "manifest.sig"] {
        fs::copy(pkg.join(f), to.join(f)).unwrap();
    }
    to.to_path_buf()
}

fn redact(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "<tmp>")
}

#[test]
fn good_removed_added_altered() {
    let dir = temp_dir("package");
    let signed = signed_records(&dir);
    let pkg = package(&dir, &signed, "pkg");
    let manifest: Value =
        serde_json::from_slice(&fs::read(pkg.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], "hocba.package/1");
    assert_eq!(manifest["count"], 3);
    assert_eq!(manifest["school"]["code"], "79000701");

    // OpenSSL checks the manifest signature over the file as written (it is the canonical bytes).
    let o = std::process::Command::new("openssl")
        .args([
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-purpose",
            "any",
            "-out",
            "/dev/null",
            "-in",
        ])
        .arg(pkg.join("manifest.sig"))
        .arg("-content")
        .arg(pkg.join("manifest.json"))
        .arg("-CAfile")
        .arg(common::repo().join("tests/pki/certs/root-gov.pem"))
        .arg("-certfile")
        .arg(common::repo().join("tests/pki/certs/ca-gov.pem"))
        .output()
        .expect("openssl");
    assert!(
        o.status.success(),
        "openssl cms -verify: {}",
        String::from_utf8_lossy(&o.stderr)
    );

    // A good package.
    let o = verify(&pkg, "en");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    insta::assert_snapshot!("package_verify_good_en", redact(&stdout(&o), &dir));

    // A record removed.
    let removed = copy(&pkg, &dir.join("removed"));
    let mut l = lines(&removed);
    l.remove(1);
    write_lines(&removed, &l);
    let o = verify(&removed, "en");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("✗ record 79000701.2024-2025.7900123457.v1 [record_missing]"),
        "{}",
        stdout(&o)
    );
    insta::assert_snapshot!("package_verify_removed_en", redact(&stdout(&o), &dir));

    // A record added (a properly signed record of the same school, but not in the signed manifest).
    let added = copy(&pkg, &dir.join("added"));
    let mut l = lines(&added);
    let mut extra: Value = serde_json::from_str(&l[0]).unwrap();
    extra["record"]["record_id"] = "79000701.2024-2025.7900999999.v1".into();
    l.push(serde_json::to_string(&extra).unwrap());
    write_lines(&added, &l);
    let o = verify(&added, "vi");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("✗ record 79000701.2024-2025.7900999999.v1 [record_extra]"),
        "{}",
        stdout(&o)
    );
    insta::assert_snapshot!("package_verify_added_vi", redact(&stdout(&o), &dir));

    // A record altered (a score changed in line 3).
    let altered = copy(&pkg, &dir.join("altered"));
    let mut l = lines(&altered);
    let mut v: Value = serde_json::from_str(&l[2]).unwrap();
    v["record"]["student"]["full_name"] = "Lê Hoàng Chấu".into();
    l[2] = serde_json::to_string(&v).unwrap();
    write_lines(&altered, &l);
    let o = verify(&altered, "en");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("✗ record 79000701.2024-2025.7900123458.v1 [record_altered]"),
        "{}",
        stdout(&o)
    );
    insta::assert_snapshot!("package_verify_altered_en", redact(&stdout(&o), &dir));

    // The manifest changed after signing.
    let resigned = copy(&pkg, &dir.join("manifest-changed"));
    let text = fs::read_to_string(resigned.join("manifest.json"))
        .unwrap()
        .replace("\"count\":3", "\"count\":2");
    fs::write(resigned.join("manifest.json"), text).unwrap();
    let o = verify(&resigned, "en");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("[message_digest_mismatch]")
            || stdout(&o).contains("manifest_signature.digest"),
        "{}",
        stdout(&o)
    );

    // JSON names the records too.
    let o = hocba(&[
        "package",
        "verify",
        "--trust",
        "tests/pki/trust",
        "--at",
        AT,
        "--format",
        "json",
        &altered.display().to_string(),
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["verdict"], "invalid");
}

#[test]
fn build_refuses_mixed_schools_and_names_the_offender() {
    let dir = temp_dir("package-mixed");
    let signed = signed_records(&dir);
    // An NDJSON input whose second line is of another school.
    let mut l: Vec<String> = (0..2)
        .map(|i| {
            serde_json::to_string(
                &serde_json::from_slice::<Value>(
                    &fs::read(signed.join(format!("{i}.json"))).unwrap(),
                )
                .unwrap(),
            )
            .unwrap()
        })
        .collect();
    let mut other: Value = serde_json::from_str(&l[1]).unwrap();
    other["record"]["school"]["code"] = "79000999".into();
    l[1] = serde_json::to_string(&other).unwrap();
    let nd = dir.join("mixed.ndjson");
    fs::write(&nd, l.join("\n")).unwrap();
    let o = hocba(&[
        "package",
        "--key",
        "tests/pki/keys/seal.pem",
        "--cert",
        "tests/pki/chains/seal.pem",
        "-o",
        &dir.join("out").display().to_string(),
        &nd.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("[school_mismatch]")
            && err.contains("mixed.ndjson:2")
            && err.contains("79000999"),
        "{err}"
    );
    assert!(!dir.join("out").exists(), "nothing is written");
}
