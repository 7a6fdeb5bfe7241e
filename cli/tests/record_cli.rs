//! `hocba validate`, `hocba canonical` and `hocba schema record`, tested as a binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{hocba, hocba_stdin, repo, stdout, temp_dir};

#[test]
fn validate_valid_records_text_vi() {
    let o = hocba(&["validate", "examples/records/tt22-grade10.json"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
    let o = hocba(&["validate", "examples/records/"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("validate_directory_valid", stdout(&o));
}

#[test]
fn validate_broken_directory_text_en() {
    let o = hocba(&["validate", "--lang", "en", "examples/records/broken"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn validate_json_names_field_stated_computed_and_rule() {
    let o = hocba(&[
        "validate",
        "--format",
        "json",
        "--lang",
        "en",
        "examples/records/broken/stated-average-wrong.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let p = &v["records"][0]["problems"][0];
    assert_eq!(p["code"], "stated_mismatch");
    assert_eq!(p["pointer"], "/stated/tt22/subjects/1/year");
    assert_eq!(p["field"], "subjects.toan.year");
    assert_eq!(p["stated"], "9.2");
    assert_eq!(p["computed"], "9.3");
    assert_eq!(p["rule"], "TT22 Điều 9 khoản 1 điểm b");
    insta::assert_json_snapshot!(v);
}

#[test]
fn validate_ndjson_reports_line_numbers() {
    let valid = std::fs::read_to_string(repo().join("examples/records/tt27-grade4.json")).unwrap();
    let valid: serde_json::Value = serde_json::from_str(&valid).unwrap();
    let one_line = serde_json::to_string(&valid).unwrap();
    let mut wrong = valid.clone();
    wrong["stated"]["tt27"]["result"] = "hoan_thanh_tot".into();
    let input = format!(
        "{one_line}\n{}\n\nnot json\n{one_line}\n",
        serde_json::to_string(&wrong).unwrap()
    );
    let o = hocba_stdin(&["validate", "--lang", "en", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
    // The same as a file named .ndjson, in JSON.
    let path = temp_dir("validate-ndjson").join("records.ndjson");
    std::fs::write(&path, &input).unwrap();
    let o = hocba(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sources: Vec<&str> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["line 1", "line 2", "line 4", "line 5"]);
    let valid: Vec<bool> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid, [true, false, false, true]);
    // All valid: exit 0.
    let o = hocba_stdin(
        &["validate", "--ndjson", "-"],
        format!("{one_line}\n").as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn validate_refuses_an_oversized_line_without_holding_it() {
    let mut input = String::from("{\"format\": \"hocba.record/1\", \"x\": \"");
    input.push_str(&"a".repeat(1024 * 1024 + 10));
    input.push_str("\"}\n{}\n");
    let path = temp_dir("validate-big").join("big.jsonl");
    std::fs::write(&path, &input).unwrap();
    let o = hocba(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["records"][0]["error"]["code"], "input_too_large");
    assert_eq!(v["records"][1]["source"], "line 2");
    assert_eq!(v["records"][1]["error"]["code"], "unsupported_format");
}

#[test]
fn canonical_bytes_and_digest() {
    for name in ["tt22-grade10", "tt22-grade10-v2", "tt27-grade4"] {
        let file = format!("examples/records/{name}.json");
        let o = hocba(&["canonical", &file]);
        assert_eq!(o.status.code(), Some(0));
        let bytes = std::fs::read(repo().join(&file)).unwrap();
        let value = hocba_core::record::read_record_value(&bytes).unwrap();
        let expected = hocba_core::canonical::canonical_bytes(&value).unwrap();
        assert_eq!(
            o.stdout, expected,
            "{name}: exactly the signed bytes, no newline"
        );
        let d = hocba(&["canonical", "--digest", &file]);
        assert_eq!(d.status.code(), Some(0));
        assert_eq!(
            stdout(&d),
            format!("{}\n", hocba_core::canonical::sha256_hex(&expected))
        );
    }
    // The correction names the digest of the record it corrects.
    let d = stdout(&hocba(&[
        "canonical",
        "--digest",
        "examples/records/tt22-grade10.json",
    ]));
    let v2: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("examples/records/tt22-grade10-v2.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        format!("{}\n", v2["supersedes"]["digest"].as_str().unwrap()),
        d
    );
    // Standard input.
    let bytes = std::fs::read(repo().join("examples/records/tt27-grade4.json")).unwrap();
    let o = hocba_stdin(&["canonical", "--digest", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn canonical_refuses_text_not_in_nfc_and_non_records() {
    let text = std::fs::read_to_string(repo().join("examples/records/tt22-grade10.json")).unwrap();
    let decomposed = text.replace(
        "Nguyễn Thị Minh Anh",
        "Nguye\u{302}\u{303}n Thi\u{323} Minh Anh",
    );
    let o = hocba_stdin(&["canonical", "--lang", "en", "-"], decomposed.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("[text_not_nfc] /student/full_name"), "{err}");
    let o = hocba_stdin(
        &["canonical", "-"],
        b"{\"format\": \"hocba.assess-input/1\"}",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("unsupported_format"));
    let o = hocba_stdin(&["canonical", "-"], b"{\"a\": 1, \"a\": 2}");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("json_duplicate_key"));
}

#[test]
fn usage_errors() {
    assert_eq!(
        hocba(&["validate", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(
        hocba(&["canonical", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(hocba(&["validate"]).status.code(), Some(2));
    assert_eq!(
        hocba(&["validate", "--format", "xml", "x.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn shipped_record_schema_matches_the_types() {
    let o = hocba(&["schema", "record"]);
    assert_eq!(o.status.code(), Some(0));
    let shipped = std::fs::read_to_string(repo().join("schemas/record.schema.json")).unwrap();
    assert_eq!(
        stdout(&o),
        shipped,
        "schemas/record.schema.json is stale: run `hocba schema record > schemas/record.schema.json`"
    );
}
