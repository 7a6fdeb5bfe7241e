//! The native side of the WASM benchmark (`bench/bench.mjs`): times the very functions the WebAssembly
//! module exports — same crate, same JSON text in and out, same inputs — compiled natively, and prints one
//! JSON line per operation (`{"op", "ns_per_op", "iterations"}`) for the Node script to compare.
//!
//! Usage: `native_bench <student.json> <record.json> <samples-dir>` (the demo bundle `examples/signed/`).

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use hocba_wasm::{assess, validate, Verifier};

/// Runs `f` in batches for about `budget`, returns the best batch's time per call (least disturbed by the
/// other work on a shared machine), and the number of calls.
fn time(budget: Duration, mut f: impl FnMut()) -> (f64, u64) {
    f(); // warm-up
    let start = Instant::now();
    let mut per_call = f64::INFINITY;
    let mut calls = 0u64;
    let mut batch = 1u64;
    while start.elapsed() < budget {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        let elapsed = t.elapsed();
        calls += batch;
        per_call = per_call.min(elapsed.as_secs_f64() * 1e9 / batch as f64);
        if elapsed < Duration::from_millis(20) {
            batch *= 2;
        }
    }
    (per_call, calls)
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| {
        eprintln!("cannot read {}: {e}", path.display());
        std::process::exit(2)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: native_bench <student.json> <record.json> <samples-dir>");
        std::process::exit(2);
    }
    let student = String::from_utf8_lossy(&read(Path::new(&args[1]))).into_owned();
    let record = String::from_utf8_lossy(&read(Path::new(&args[2]))).into_owned();
    let dir = Path::new(&args[3]);
    let samples: serde_json::Value = serde_json::from_slice(&read(&dir.join("samples.json")))
        .unwrap_or_else(|e| {
            eprintln!("samples.json: {e}");
            std::process::exit(2)
        });
    let valid = &samples["samples"][0];
    let paths = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(String::from))
            .collect()
    };
    let (trust, trust_lengths) = concat(dir, &paths(&samples["trust"]));
    let (crls, crl_lengths) = concat(dir, &paths(&valid["crls"]));
    let envelope = read(&dir.join(valid["envelope"].as_str().unwrap_or_default()));
    let status = String::from_utf8_lossy(&read(
        &dir.join(valid["status_list"].as_str().unwrap_or_default()),
    ))
    .into_owned();
    let now = valid["now"].as_str().unwrap_or_default().to_string();
    let budget = Duration::from_millis(
        std::env::var("BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500),
    );

    let report = |op: &str, (ns, n): (f64, u64)| {
        println!(
            "{}",
            serde_json::json!({"op": op, "ns_per_op": ns, "iterations": n})
        );
    };
    report(
        "assess",
        time(budget, || {
            std::hint::black_box(assess(&student, "", "vi"));
        }),
    );
    report(
        "validate",
        time(budget, || {
            std::hint::black_box(validate(&record, "vi"));
        }),
    );
    let build = || {
        Verifier::new(
            &trust,
            &trust_lengths,
            "[]",
            &crls,
            &crl_lengths,
            "demo",
            "",
            "vi",
        )
    };
    let mut verifier = match build() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("trust store: {e}");
            std::process::exit(2)
        }
    };
    let out = verifier.verify(&envelope, Some(status.clone()), &now, "", "vi");
    if !out.contains("\"verdict\":\"valid\"") {
        eprintln!("the valid sample does not verify: {out}");
        std::process::exit(1);
    }
    report(
        "verify",
        time(budget, || {
            std::hint::black_box(verifier.verify(&envelope, Some(status.clone()), &now, "", "vi"));
        }),
    );
    report(
        "trust_store",
        time(budget, || {
            std::hint::black_box(build().is_ok());
        }),
    );
}

/// The files under `dir`, concatenated, with their lengths (the layout `Verifier::new` takes).
fn concat(dir: &Path, files: &[String]) -> (Vec<u8>, Vec<u32>) {
    let mut blob = Vec::new();
    let mut lengths = Vec::new();
    for f in files {
        let bytes = read(&dir.join(f));
        lengths.push(u32::try_from(bytes.len()).unwrap_or(u32::MAX));
        blob.extend_from_slice(&bytes);
    }
    (blob, lengths)
}
