//! The shared assessment, record and verification vectors, run inside headless Chromium by
//! wasm-bindgen-test, so the browser build cannot drift from the native core.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn rules_version_is_the_crate_version() {
    assert_eq!(hocba_wasm::rules_version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn assesses_the_bundled_students() {
    let tt22 = include_str!("../../examples/student-tt22-grade10.json");
    let out: serde_json::Value = serde_json::from_str(&hocba_wasm::assess(tt22, "", "vi")).unwrap();
    assert_eq!(out["ok"], true);
    assert_eq!(out["assessment"]["tt22"]["title"], "hoc_sinh_xuat_sac");
    let tt27 = include_str!("../../examples/student-tt27-grade4.json");
    let out: serde_json::Value = serde_json::from_str(&hocba_wasm::assess(tt27, "", "en")).unwrap();
    assert_eq!(out["assessment"]["tt27"]["result"], "hoan_thanh_xuat_sac");
}

#[wasm_bindgen_test]
fn bad_input_is_a_typed_error_not_a_panic() {
    for input in [
        "",
        "{",
        "{\"grade\": 1, \"grade\": 2}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ] {
        let out: serde_json::Value =
            serde_json::from_str(&hocba_wasm::assess(input, "", "vi")).unwrap();
        assert_eq!(out["ok"], false, "{input}");
        assert!(out["errors"][0]["code"].is_string());
    }
}

mod vectors {
    include!(concat!(env!("OUT_DIR"), "/vectors.rs"));
}

#[wasm_bindgen_test]
fn shared_vectors_in_the_browser() {
    let mut failures = Vec::new();
    let mut counts = (0, 0);
    for (folder, name, text) in vectors::VECTORS {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let config = v.get("config").map_or(String::new(), |c| c.to_string());
        match *folder {
            "assess" => {
                counts.0 += 1;
                let out: serde_json::Value = serde_json::from_str(&hocba_wasm::assess(
                    &v["input"].to_string(),
                    &config,
                    "vi",
                ))
                .unwrap();
                let mismatches = hocba_tests::compare_expected(&v["expected"], &out["assessment"]);
                if !mismatches.is_empty() {
                    failures.push(format!("{name}: {mismatches:?}"));
                }
            }
            "assess-errors" => {
                counts.1 += 1;
                let input = v
                    .get("input_text")
                    .and_then(|t| t.as_str())
                    .map_or_else(|| v["input"].to_string(), String::from);
                let out: serde_json::Value =
                    serde_json::from_str(&hocba_wasm::assess(&input, &config, "en")).unwrap();
                let got: Vec<_> = out["errors"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| (e["code"].clone(), e["pointer"].clone()))
                    .collect();
                let want: Vec<_> = v["expected_errors"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| (e["code"].clone(), e["pointer"].clone()))
                    .collect();
                if got != want {
                    failures.push(format!("{name}: expected {want:?}, got {got:?}"));
                }
            }
            _ => {}
        }
    }
    assert!(
        counts.0 >= 60 && counts.1 >= 20,
        "vectors not embedded: {counts:?}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

fn sorted_keys(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = items.collect();
    v.sort();
    v
}

#[wasm_bindgen_test]
fn record_vectors_in_the_browser() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (_, name, text) in vectors::VECTORS.iter().filter(|(f, _, _)| *f == "record") {
        count += 1;
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let input = v.get("input_text").and_then(|t| t.as_str()).map_or_else(
            || serde_json::to_string_pretty(&v["input"]).unwrap(),
            String::from,
        );
        let out: serde_json::Value =
            serde_json::from_str(&hocba_wasm::validate(&input, "en")).unwrap();
        if let Some(want) = v.get("expected_error") {
            if out["ok"] != false
                || out["error"]["code"] != want["code"]
                || out["error"]["pointer"] != want["pointer"]
            {
                failures.push(format!(
                    "{name}: expected refusal {want}, got {}",
                    out["error"]
                ));
            }
            continue;
        }
        let key =
            |p: &serde_json::Value| format!("{} {} ({})", p["code"], p["pointer"], p["severity"]);
        let got = sorted_keys(out["problems"].as_array().into_iter().flatten().map(key));
        let want = sorted_keys(
            v["expected_problems"]
                .as_array()
                .into_iter()
                .flatten()
                .map(key),
        );
        if got != want || out["valid"] != v["valid"] {
            failures.push(format!("{name}:\n got  {got:?}\n want {want:?}"));
        }
    }
    assert!(count >= 80, "record vectors not embedded: {count}");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The files of the test PKI under `prefix`, concatenated, with their lengths.
fn pki_files(paths: &[&str]) -> (Vec<u8>, Vec<u32>) {
    let mut blob = Vec::new();
    let mut lengths = Vec::new();
    for path in paths {
        let (_, bytes) = vectors::PKI
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("{path} not embedded"));
        blob.extend_from_slice(bytes);
        lengths.push(u32::try_from(bytes.len()).unwrap());
    }
    (blob, lengths)
}

std::thread_local! {
    /// One verifier per (trust directory, CRLs), built once like a page or app would.
    static VERIFIERS: std::cell::RefCell<Vec<(String, hocba_wasm::Verifier)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn check_verification_vector(name: &str, text: &str) {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let input = &v["input"];
    let dir = input["trust"].as_str().unwrap();
    let crl_paths: Vec<&str> = input["crls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let key = format!("{dir} {crl_paths:?}");
    let envelope = input
        .get("envelope_text")
        .and_then(|t| t.as_str())
        .map_or_else(|| input["envelope"].to_string(), String::from);
    let status = match &input["status_list"] {
        serde_json::Value::Null => None,
        sl => Some(sl.to_string()),
    };
    let out = VERIFIERS.with(|cell| {
        let mut verifiers = cell.borrow_mut();
        if !verifiers.iter().any(|(k, _)| *k == key) {
            let trust_paths: Vec<&str> = vectors::PKI
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| {
                    p.strip_prefix(dir)
                        .is_some_and(|rest| rest.starts_with('/'))
                })
                .collect();
            assert!(!trust_paths.is_empty(), "{dir} not embedded");
            let (trust, trust_lengths) = pki_files(&trust_paths);
            let (crls, crl_lengths) = pki_files(&crl_paths);
            let verifier = hocba_wasm::Verifier::new(
                &trust,
                &trust_lengths,
                "[]",
                &crls,
                &crl_lengths,
                dir,
                "",
                "en",
            )
            .unwrap();
            verifiers.push((key.clone(), verifier));
        }
        let (_, verifier) = verifiers.iter_mut().find(|(k, _)| *k == key).unwrap();
        verifier.verify(
            envelope.as_bytes(),
            status,
            input["now"].as_str().unwrap(),
            "",
            "en",
        )
    });
    let out: serde_json::Value = serde_json::from_str(&out).unwrap();
    let report = &out["report"];
    let got: Vec<serde_json::Value> = report["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| serde_json::json!({"id": c["id"], "status": c["status"], "code": c["code"]}))
        .collect();
    assert_eq!(report["verdict"], v["expected"]["verdict"], "{name}");
    assert_eq!(
        serde_json::Value::Array(got),
        v["expected"]["checks"],
        "{name}"
    );
}

#[wasm_bindgen_test]
fn verification_vectors_are_embedded() {
    let count = vectors::VECTORS
        .iter()
        .filter(|(f, _, _)| *f == "verify")
        .count();
    assert!(count >= 30, "verification vectors not embedded: {count}");
}

mod verification_vectors {
    use super::check_verification_vector;
    use wasm_bindgen_test::*;
    include!(concat!(env!("OUT_DIR"), "/verify_tests.rs"));
}
