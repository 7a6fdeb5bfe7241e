//! `hocba batch verify` as a binary: directories and NDJSON (file and standard input), mixed verdicts,
//! a garbage line among good ones, exit codes, ordered output, the summary.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn hocba() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hocba"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn trust() -> String {
    root().join("tests/pki/trust").display().to_string()
}

fn crls() -> Vec<String> {
    ["ca-public", "ca-gov", "root-national", "root-gov"]
        .iter()
        .flat_map(|n| {
            [
                "--crl".to_string(),
                root()
                    .join(format!("tests/pki/crl/{n}.crl.pem"))
                    .display()
                    .to_string(),
            ]
        })
        .collect()
}

/// The envelope of a shared verification vector, on one line.
fn envelope(id: &str) -> String {
    let v: Value = serde_json::from_slice(
        &fs::read(root().join(format!("tests/vectors/verify/{id}.json"))).unwrap(),
    )
    .unwrap();
    serde_json::to_string(&v["input"]["envelope"]).unwrap()
}

struct Tmp(PathBuf);
impl Tmp {
    fn new(name: &str) -> Tmp {
        let d = std::env::temp_dir().join(format!("hocba-batch-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        Tmp(d)
    }
    fn p(&self, f: &str) -> PathBuf {
        self.0.join(f)
    }
}
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn batch(extra: &[&str], input: &str) -> Output {
    hocba()
        .args([
            "batch",
            "verify",
            "--trust",
            &trust(),
            "--at",
            "2025-07-10T00:00:00Z",
        ])
        .args(extra)
        .arg(input)
        .output()
        .unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

fn codes(line: &Value) -> Vec<String> {
    line["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_directory_of_mixed_records_gives_one_ordered_line_each_and_exit_1() {
    let t = Tmp::new("dir");
    for (name, id) in [
        ("a.json", "valid-without-crl-or-status"),
        ("b.json", "payload-changed-after-signing"),
        ("c.json", "valid-p384-ed25519"),
        ("d.json", "roles-swapped-signed"),
    ] {
        fs::write(t.p(name), envelope(id)).unwrap();
    }
    fs::write(t.p("ignored.txt"), "not a record").unwrap();
    let out = batch(&["--jobs", "2", "--lang", "en"], &t.0.display().to_string());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let sources: Vec<String> = got
        .iter()
        .map(|l| {
            Path::new(l["source"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(sources, ["a.json", "b.json", "c.json", "d.json"]);
    let verdicts: Vec<&str> = got.iter().map(|l| l["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["valid", "invalid", "valid", "invalid"]);
    assert!(codes(&got[0]).is_empty());
    assert!(
        codes(&got[1]).contains(&"digest_mismatch".to_string()),
        "{:?}",
        got[1]
    );
    assert!(
        got[0]["record_id"].is_string(),
        "a verified record names its id"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 records: 2 valid, 2 invalid, 0 indeterminate"),
        "summary: {stderr}"
    );
    assert!(stderr.contains("records/s"), "{stderr}");
}

#[test]
fn ndjson_with_a_garbage_line_reports_that_line_and_verifies_the_rest() {
    let t = Tmp::new("ndjson");
    let good = envelope("valid-without-crl-or-status");
    let text = format!("{good}\n{{\"format\": \"hocba.signed/1\", broken\n\n{good}\n");
    fs::write(t.p("records.ndjson"), text).unwrap();
    let out = batch(
        &["--lang", "en"],
        &t.p("records.ndjson").display().to_string(),
    );
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 3, "the blank line is no record");
    assert_eq!(got[0]["source"], "line 1");
    assert_eq!(got[0]["verdict"], "valid");
    assert_eq!(got[1]["source"], "line 2");
    assert_eq!(got[1]["verdict"], "invalid");
    assert_eq!(got[1]["problems"][0]["id"], "format");
    assert!(
        got[1]["problems"][0]["code"]
            .as_str()
            .unwrap()
            .starts_with("json"),
        "{:?}",
        got[1]
    );
    assert_eq!(got[2]["source"], "line 4");
    assert_eq!(got[2]["verdict"], "valid");
}

#[test]
fn all_valid_ndjson_on_standard_input_exits_0_and_text_format_is_readable() {
    let good = envelope("valid-without-crl-or-status");
    let mut child = hocba()
        .args([
            "batch",
            "verify",
            "--trust",
            &trust(),
            "--at",
            "2025-07-10T00:00:00Z",
            "--format",
            "text",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for _ in 0..50 {
            writeln!(stdin, "{good}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 50);
    assert!(stdout.lines().all(|l| l.contains(": HỢP LỆ")), "{stdout}");
    assert!(stdout.starts_with("line 1: HỢP LỆ"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("50 hồ sơ: 50 hợp lệ"), "{stderr}");
}

#[test]
fn an_undecided_record_without_invalid_ones_exits_3() {
    let t = Tmp::new("indeterminate");
    let text = format!(
        "{}\n{}\n",
        envelope("valid-full"),
        envelope("compromised-after-signing-unproven")
    );
    fs::write(t.p("r.ndjson"), text).unwrap();
    let mut args: Vec<String> = crls();
    args.push("--lang".into());
    args.push("en".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = batch(&args, &t.p("r.ndjson").display().to_string());
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let got = lines(&out);
    assert_eq!(got[1]["verdict"], "indeterminate");
    assert!(codes(&got[1]).contains(&"revoked_after_signing_unproven".to_string()));
}

#[test]
fn usage_errors_exit_2() {
    let t = Tmp::new("usage");
    fs::write(t.p("r.ndjson"), envelope("valid-without-crl-or-status")).unwrap();
    let input = t.p("r.ndjson").display().to_string();
    assert_eq!(batch(&["--jobs", "0"], &input).status.code(), Some(2));
    assert_eq!(batch(&["--format", "xml"], &input).status.code(), Some(2));
    fs::write(t.p("empty.ndjson"), "\n\n").unwrap();
    let out = batch(&[], &t.p("empty.ndjson").display().to_string());
    assert_eq!(out.status.code(), Some(2), "no record is a usage error");
    let out = batch(&[], &t.p("missing.ndjson").display().to_string());
    assert_eq!(out.status.code(), Some(2));
}
