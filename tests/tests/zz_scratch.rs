#![allow(clippy::unwrap_used, clippy::expect_used)]
#[test]
fn show() {
    for f in ["student-tt22-grade10.json", "student-tt27-grade4.json"] {
        let bytes = std::fs::read(hocba_tests::examples_dir().join(f)).unwrap();
        let doc = hocba_core::json::parse_assess_document(&bytes).unwrap();
        let hocba_core::json::AssessDocument::Student(raw) = doc else {
            panic!()
        };
        let a = hocba_core::assess_raw(&raw, &hocba_core::RulesConfig::default()).unwrap();
        let mut v = serde_json::to_value(&a).unwrap();
        v["trace"] = serde_json::Value::Array(
            a.trace
                .iter()
                .take(12)
                .map(|t| {
                    serde_json::json!([
                        serde_json::to_value(t).unwrap(),
                        t.message(hocba_core::Lang::Vi),
                        t.message(hocba_core::Lang::En)
                    ])
                })
                .collect(),
        );
        println!("{}", serde_json::to_string_pretty(&v).unwrap());
    }
}
