//! `hocba assess` tested as a binary: stdout snapshots and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{hocba, hocba_stdin, repo, stdout, temp_dir};

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = temp_dir("assess").join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn tt22_student_text_vi() {
    let o = hocba(&["assess", "examples/student-tt22-grade10.json"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn tt22_student_json_en() {
    let o = hocba(&[
        "assess",
        "--format",
        "json",
        "--lang",
        "en",
        "examples/student-tt22-grade10.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["assessment"]["tt22"]["title"], "hoc_sinh_xuat_sac");
    insta::assert_json_snapshot!(v);
}

#[test]
fn tt27_pupil_text_en() {
    let o = hocba(&[
        "assess",
        "--lang",
        "en",
        "examples/student-tt27-grade4.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn reads_standard_input() {
    let bytes = std::fs::read(repo().join("examples/student-tt27-grade4.json")).unwrap();
    let o = hocba_stdin(&["assess", "--format", "json", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["assessment"]["tt27"]["result"], "hoan_thanh_xuat_sac");
}

#[test]
fn config_switch_changes_result_and_is_printed() {
    let cfg = temp_file("config.json", br#"{"mcn_from_rounded_semesters": false}"#);
    let o = hocba(&[
        "assess",
        "--format",
        "json",
        "--config",
        cfg.to_str().unwrap(),
        "examples/student-tt22-grade10.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["assessment"]["config"]["mcn_from_rounded_semesters"],
        false
    );
    let bad = temp_file("bad-config.json", br#"{"no_such_switch": true}"#);
    let o = hocba(&[
        "assess",
        "--config",
        bad.to_str().unwrap(),
        "examples/student-tt22-grade10.json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown switch is a usage error"
    );
}

/// Replaces one JSON value in the TT22 example and returns the error codes and pointers.
fn errors_after(edit: impl FnOnce(&mut serde_json::Value)) -> (Option<i32>, Vec<(String, String)>) {
    let mut v: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo().join("examples/student-tt22-grade10.json")).unwrap(),
    )
    .unwrap();
    edit(&mut v);
    let o = hocba_stdin(
        &["assess", "--format", "json", "-"],
        v.to_string().as_bytes(),
    );
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors = out["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["code"].as_str().unwrap().to_string(),
                        e["pointer"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (o.status.code(), errors)
}

fn pair(code: &str, pointer: &str) -> Vec<(String, String)> {
    vec![(code.to_string(), pointer.to_string())]
}

#[test]
fn bad_scores_are_pinpointed() {
    let set = |value: &str| {
        let value = value.to_string();
        errors_after(move |v| {
            v["tt22"]["subjects"][1]["hk1"]["regular"][2] = serde_json::Value::from(value)
        })
    };
    let at = "/tt22/subjects/1/hk1/regular/2";
    assert_eq!(set("11"), (Some(1), pair("score_out_of_range", at)));
    assert_eq!(set("8.25"), (Some(1), pair("score_too_precise", at)));
    assert_eq!(set("-1"), (Some(1), pair("score_out_of_range", at)));
    assert_eq!(set("abc"), (Some(1), pair("score_not_a_number", at)));
}

#[test]
fn structural_problems_are_pinpointed() {
    let (code, errs) = errors_after(|v| {
        v["tt22"]["subjects"][0]["hk2"]
            .as_object_mut()
            .unwrap()
            .remove("midterm");
    });
    assert_eq!(
        (code, errs),
        (
            Some(1),
            pair("missing_component", "/tt22/subjects/0/hk2/midterm")
        )
    );

    let (_, errs) = errors_after(|v| v["tt22"]["subjects"][3]["subject"] = "khtn".into());
    assert_eq!(
        errs[0],
        (
            "unknown_subject".to_string(),
            "/tt22/subjects/3/subject".to_string()
        )
    );

    let (_, errs) = errors_after(|v| {
        v["tt22"]["subjects"][1]["hk1"]["regular"]
            .as_array_mut()
            .unwrap()
            .truncate(2);
    });
    assert_eq!(
        errs,
        pair(
            "too_few_regular_assessments",
            "/tt22/subjects/1/hk1/regular"
        )
    );

    let (_, errs) = errors_after(|v| {
        let toan = v["tt22"]["subjects"][1].clone();
        v["tt22"]["subjects"].as_array_mut().unwrap().push(toan);
    });
    assert_eq!(errs[0].0, "duplicate_subject");
    assert!(errs[0].1.starts_with("/tt22/subjects/"), "{errs:?}");

    let (_, errs) = errors_after(|v| v["grade"] = "ten".into());
    assert_eq!(errs, pair("json_structure", "/grade"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let (code, errs) = errors_after(|v| {
        v["tt22"]["subjects"][0]["hk1"]["final"] = "12".into();
        v["tt22"]["subjects"][2]["hk2"]["regular"][0] = "7.55".into();
        v["tt22"]["conduct"]["hk1"] = "xuat_sac".into();
    });
    assert_eq!(code, Some(1));
    let codes: Vec<_> = errs.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        ["score_out_of_range", "score_too_precise", "invalid_mark"]
    );
}

#[test]
fn empty_garbage_and_huge_inputs_fail_cleanly() {
    for (input, code) in [
        (&b""[..], "empty_input"),
        (&b"  \n "[..], "empty_input"),
        (&b"\x00\xff garbage"[..], "json_syntax"),
        (&b"{\"grade\": 10, \"grade\": 11}"[..], "json_duplicate_key"),
    ] {
        let o = hocba_stdin(&["assess", "--format", "json", "-"], input);
        assert_eq!(o.status.code(), Some(1));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["errors"][0]["code"], code);
    }
    // 50 MB of garbage: refused by size before any parsing, without reading it all.
    let garbage: Vec<u8> = (0..50 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let path = temp_file("garbage.bin", &garbage);
    let o = hocba(&["assess", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "input_too_large");
    // Deep nesting: refused by depth.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let o = hocba_stdin(&["assess", "--format", "json", "-"], deep.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "json_limit");
}

#[test]
fn vietnamese_and_english_error_messages() {
    let input =
        br#"{"student":{"id":"x"},"grade":4,"school_year":"2022-2023","tt27":{"subjects":[]}}"#;
    let vi = hocba_stdin(&["assess", "-"], input);
    let en = hocba_stdin(&["assess", "--lang", "en", "-"], input);
    assert_eq!(vi.status.code(), Some(1));
    insta::assert_snapshot!(format!("{}\n{}", stdout(&vi), stdout(&en)));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(hocba(&["assess"]).status.code(), Some(2));
    assert_eq!(
        hocba(&["assess", "--format", "xml", "x.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        hocba(&["assess", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(hocba(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn schemas_are_published() {
    for name in ["assess-input", "class-input", "rules-config", "assessment"] {
        let o = hocba(&["schema", name]);
        assert_eq!(o.status.code(), Some(0), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v.get("$schema").is_some(), "{name}");
    }
}

#[test]
fn shipped_schemas_match_the_types() {
    for name in ["assess-input", "class-input", "rules-config", "assessment"] {
        let o = hocba(&["schema", name]);
        let shipped =
            std::fs::read_to_string(repo().join(format!("schemas/{name}.schema.json"))).unwrap();
        assert_eq!(
            stdout(&o),
            shipped,
            "schemas/{name}.schema.json is stale: run `hocba schema {name} > schemas/{name}.schema.json`"
        );
    }
}
