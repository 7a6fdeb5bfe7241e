//! `hocba qr issue|verify` as a binary: sizes printed, exit codes, a PNG decoded by an independent
//! decoder (rqrr) back to the stub that verifies, and snapshots of the reports (vi/en, text/json).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{hocba, hocba_stdin, stdout, temp_dir};

const AT: &str = "2025-07-10T00:00:00Z";

fn issue(dir: &Path, seal: &str, envelope: &str, extra: &[&str]) -> String {
    let out = dir.join(format!("{seal}.txt"));
    let key = format!("tests/pki/keys/{seal}.pem");
    let chain = format!("tests/pki/chains/{seal}.pem");
    let mut args = vec![
        "qr",
        "issue",
        "--key",
        &key,
        "--cert",
        &chain,
        "--issued",
        "2025-07-05",
        "--status-index",
        "0",
    ];
    args.extend_from_slice(extra);
    let out_s = out.display().to_string();
    args.extend_from_slice(&[envelope, "-o", &out_s]);
    let o = hocba(&args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    // The size is measured and printed, and within the budget.
    println!("{seal}: {err}");
    let size: usize = err
        .split(" bytes before Base45")
        .next()
        .and_then(|s| s.rsplit(", ").next())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("no size in {err}"));
    assert!(size <= 600, "{size} bytes");
    fs::read_to_string(out).unwrap()
}

/// A trust directory holding the test roots and CAs and, beside them, the school's EC seal (D-51).
fn trust_with_seal(dir: &Path) -> String {
    let t = dir.join("trust");
    fs::create_dir_all(&t).unwrap();
    for e in fs::read_dir(common::repo().join("tests/pki/trust")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, t.join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(
        common::repo().join("tests/pki/certs/seal-p256.pem"),
        t.join("seal-p256.pem"),
    )
    .unwrap();
    t.display().to_string()
}

fn verify(trust: &str, stub: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["qr", "verify", "--trust", trust, "--at", AT];
    args.extend_from_slice(extra);
    args.push(stub);
    hocba(&args)
}

/// Decodes a PNG (any bit depth, grey) with rqrr, which shares no code with the encoder.
fn decode_png(path: &Path) -> String {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(fs::read(path).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let step = info.line_size / w;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        buf[y * info.line_size + x * step]
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the PNG");
    grids[0].decode().unwrap().1
}

#[test]
fn es256_png_decodes_to_a_stub_that_verifies() {
    let dir = temp_dir("qr-es256");
    let png = dir.join("stub.png").display().to_string();
    let svg = dir.join("stub.svg").display().to_string();
    let text = issue(
        &dir,
        "seal-p256",
        "examples/signed/valid.json",
        &["--png", &png, "--svg", &svg],
    );
    assert!(text.starts_with("HB1:"));
    assert!(fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let decoded = decode_png(Path::new(&png));
    assert_eq!(
        decoded,
        text.trim_end_matches('\n'),
        "rqrr reads back the exact stub"
    );
    let trust = trust_with_seal(&dir);
    let o = hocba_stdin(
        &[
            "qr",
            "verify",
            "--trust",
            &trust,
            "--at",
            AT,
            "--status",
            "examples/signed/valid.status.json",
            "--record",
            "examples/signed/valid.json",
            "-",
        ],
        decoded.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("HỢP LỆ"));
}

#[test]
fn ps256_seal_is_found_in_the_status_list() {
    let dir = temp_dir("qr-ps256");
    let text = issue(&dir, "seal", "examples/signed/valid.json", &[]);
    let stub = dir.join("stub.txt");
    fs::write(&stub, &text).unwrap();
    let o = verify(
        "tests/pki/trust",
        &stub.display().to_string(),
        &[
            "--status",
            "examples/signed/valid.status.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["stub"]["algorithm"], "PS256");
    assert_eq!(
        v["checks"].as_array().unwrap().last().unwrap()["code"],
        "record_not_given"
    );
}

#[test]
fn exit_codes_for_tampered_unknown_and_revoked() {
    let dir = temp_dir("qr-exit");
    let text = issue(&dir, "seal-p256", "examples/signed/revoked.json", &[]);
    let trust = trust_with_seal(&dir);
    let stub = dir.join("stub.txt");
    // A character of the Base45 body changed: an invalid stub, exit 1.
    let mut bad = text.clone().into_bytes();
    let i = bad.len() / 2;
    bad[i] = if bad[i] == b'A' { b'B' } else { b'A' };
    fs::write(&stub, &bad).unwrap();
    assert_eq!(
        verify(&trust, &stub.display().to_string(), &[])
            .status
            .code(),
        Some(1)
    );
    // No certificate with the stub's key id anywhere: undecided, exit 3.
    fs::write(&stub, &text).unwrap();
    let o = verify(
        "tests/pki/trust",
        &stub.display().to_string(),
        &["--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    assert!(stdout(&o).contains("[signer_unknown]"));
    // The school revoked the record: exit 1, the status check says so.
    let o = verify(
        &trust,
        &stub.display().to_string(),
        &[
            "--status",
            "examples/signed/revoked.status.json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("✗ status [record_revoked]"),
        "{}",
        stdout(&o)
    );
    // Usage error: exit 2.
    assert_eq!(
        hocba(&["qr", "verify", "--trust", "no/such/dir", "x"])
            .status
            .code(),
        Some(2)
    );
}

/// The report with what changes between runs (kid is fixed; sizes move by a byte with the random
/// ECDSA signature) redacted.
fn redacted(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = if let Some(i) = line.find(" byte") {
            let start = line[..i].rfind(' ').map_or(0, |s| s + 1);
            format!("{}<n>{}", &line[..start], &line[i..])
        } else {
            line.to_string()
        };
        let line = line
            .split("\"compressed_bytes\": ")
            .next()
            .map(|head| {
                if line.contains("\"compressed_bytes\": ") {
                    format!("{head}\"compressed_bytes\": \"<n>\",")
                } else {
                    line.clone()
                }
            })
            .unwrap_or_default();
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn report_snapshots() {
    let dir = temp_dir("qr-snap");
    let text = issue(&dir, "seal-p256", "examples/signed/valid.json", &[]);
    let trust = trust_with_seal(&dir);
    let stub = dir.join("stub.txt");
    fs::write(&stub, &text).unwrap();
    let stub = stub.display().to_string();
    for lang in ["vi", "en"] {
        for format in ["text", "json"] {
            let o = verify(
                &trust,
                &stub,
                &[
                    "--status",
                    "examples/signed/valid.status.json",
                    "--record",
                    "examples/signed/valid.json",
                    "--crl",
                    "tests/pki/crl/ca-gov.crl.pem",
                    "--crl",
                    "tests/pki/crl/root-gov.crl.pem",
                    "--format",
                    format,
                    "--lang",
                    lang,
                ],
            );
            assert_eq!(o.status.code(), Some(0));
            let body = redacted(&stdout(&o)).replace(&trust, "<trust>");
            insta::assert_snapshot!(format!("qr_verify_{format}_{lang}"), body);
        }
    }
    // A record that is not the one the stub stands for: the record check names both.
    let o = verify(
        &trust,
        &stub,
        &["--record", "examples/signed/tampered.json", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("qr_verify_wrong_record_text_en", redacted(&stdout(&o)));
}
