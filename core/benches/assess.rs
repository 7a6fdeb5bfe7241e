//! Assessing one student-year: the hot path of every frontend (budget: < 2 µs for TT22 on 2 cores).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use hocba_core::assess::raw::{check, RawAssessInput};
use hocba_core::{assess, RulesConfig};
use std::hint::black_box;

fn load(name: &str) -> hocba_core::AssessInput {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("example file");
    let raw: RawAssessInput = serde_json::from_str(&text).expect("valid example");
    check(&raw, &RulesConfig::default()).expect("checked example")
}

fn bench(c: &mut Criterion) {
    let config = RulesConfig::default();
    // 13 subjects: 9 score subjects (5 compulsory + 4 electives) … plus 3 comment subjects and one optional.
    let tt22 = load("student-tt22-grade10.json");
    let tt27 = load("student-tt27-grade4.json");
    c.bench_function("assess_tt22_student_year", |b| {
        b.iter(|| assess(black_box(&tt22), black_box(&config)).expect("assessable"));
    });
    c.bench_function("assess_tt27_pupil_year", |b| {
        b.iter(|| assess(black_box(&tt27), black_box(&config)).expect("assessable"));
    });
    let text = std::fs::read(format!(
        "{}/../examples/student-tt22-grade10.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let raw: RawAssessInput = serde_json::from_slice(&text).expect("raw");
    c.bench_function("check_tt22_raw_input", |b| {
        b.iter(|| check(black_box(&raw), &config).expect("valid"));
    });
    c.bench_function("parse_check_assess_tt22_from_json", |b| {
        b.iter(|| {
            hocba_core::json::parse_assess_input(black_box(&text), &config)
                .and_then(|i| assess(&i, &config))
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
