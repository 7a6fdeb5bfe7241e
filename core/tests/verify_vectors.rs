//! The shared verification vectors (tests/vectors/verify/): every check's status and code, and the
//! verdict, exactly as expected.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::fs;

#[test]
fn every_shared_vector_gives_the_expected_report() {
    let dir = common::tests_dir().join("vectors/verify");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 30,
        "expected the shared vectors, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        let v = common::load_vector(f);
        let report = v.verify();
        let verdict = serde_json::to_value(report.verdict).expect("verdict");
        let got: Vec<(String, String, String)> = common::triples(&report);
        let want: Vec<(String, String, String)> = v.expected["checks"]
            .as_array()
            .expect("checks")
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().expect("id").into(),
                    c["status"].as_str().expect("status").into(),
                    c["code"].as_str().expect("code").into(),
                )
            })
            .collect();
        if verdict != v.expected["verdict"] || got != want {
            failures.push(format!(
                "{}: verdict {verdict} (want {}), checks\n got  {got:?}\n want {want:?}",
                v.id, v.expected["verdict"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("{} shared verification vectors", files.len());
}
