//! Records: validate one full TT22 record, recomputation included (budget < 10 µs, design §6), and
//! canonicalise + digest it.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use hocba_core::canonical::{canonical_bytes, canonical_record_bytes, sha256};
use hocba_core::record::{parse_record, read_record_value, validate, validate_json};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let bytes = std::fs::read(format!(
        "{}/../examples/records/tt22-grade10.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let record = parse_record(&bytes).expect("record");
    assert!(validate(&record).is_empty());
    let value = read_record_value(&bytes).expect("value");
    c.bench_function("validate_tt22_record", |b| {
        b.iter(|| validate(black_box(&record)));
    });
    c.bench_function("canonicalize_digest_tt22_record", |b| {
        b.iter(|| sha256(&canonical_bytes(black_box(&value)).expect("canonical")));
    });
    c.bench_function("canonicalize_digest_typed_tt22_record", |b| {
        b.iter(|| sha256(&canonical_record_bytes(black_box(&record)).expect("canonical")));
    });
    c.bench_function("read_and_validate_tt22_record_from_json", |b| {
        b.iter(|| validate_json(black_box(&bytes)).expect("readable"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
