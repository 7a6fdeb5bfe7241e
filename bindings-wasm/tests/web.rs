//! The shared assessment vectors, run inside headless Chromium by wasm-bindgen-test, so the browser build
//! cannot drift from the native core.

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
            _ => {
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
        }
    }
    assert!(
        counts.0 >= 60 && counts.1 >= 20,
        "vectors not embedded: {counts:?}"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
