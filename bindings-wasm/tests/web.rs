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
