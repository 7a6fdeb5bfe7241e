//! RFC 8785 (JCS): the RFC's own examples, the reference implementation's test data, and the published
//! checksums of its ES6 number test file (`tests/vectors/jcs/README.md`).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use hocba_core::canonical::number::write_f64;
use hocba_core::canonical::{canonical_bytes, jcs, sha256, CanonicalError};
use hocba_core::json::{read_value, ASSESS_LIMITS};
use serde_json::Value;

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/jcs")
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(vectors().join(name)).expect(name);
    serde_json::from_str(&text).expect(name)
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn es(bits: u64) -> Option<String> {
    let mut out = Vec::new();
    write_f64(f64::from_bits(bits), &mut out).ok()?;
    Some(String::from_utf8(out).unwrap())
}

#[test]
fn text_vectors() {
    let mut names: Vec<String> = std::fs::read_dir(vectors())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut ran = 0;
    for name in names {
        let v = load(&name);
        let Some(input) = v.get("input_text").and_then(Value::as_str) else {
            continue;
        };
        let expected = hex_decode(v["expected_hex"].as_str().unwrap());
        let value = read_value(input.as_bytes(), ASSESS_LIMITS).expect(&name);
        let got = jcs::to_vec(&value).expect(&name);
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected),
            "{name}"
        );
        // Canonical output is a fixed point.
        let again = read_value(&got, ASSESS_LIMITS).expect(&name);
        assert_eq!(jcs::to_vec(&again).unwrap(), got, "{name} is not stable");
        ran += 1;
    }
    assert_eq!(ran, 9, "every text vector ran");
}

#[test]
fn the_record_format_refuses_text_jcs_leaves_unnormalised() {
    let v = load("cyberphone-unicode.json");
    let value = read_value(v["input_text"].as_str().unwrap().as_bytes(), ASSESS_LIMITS).unwrap();
    assert_eq!(
        canonical_bytes(&value),
        Err(CanonicalError::NotNfc {
            pointer: "/Unnormalized Unicode".into()
        })
    );
}

#[test]
fn appendix_b_numbers() {
    let v = load("rfc8785-appendix-b-numbers.json");
    let table = v["numbers"].as_array().unwrap();
    assert_eq!(table.len(), 26);
    for row in table {
        let bits = u64::from_str_radix(row["bits"].as_str().unwrap(), 16).unwrap();
        assert_eq!(
            es(bits).as_deref(),
            row["expected"].as_str(),
            "{}",
            row["bits"]
        );
    }
}

/// The cyberphone generator (testdata/numgen.go), yielding IEEE-754 bit patterns.
struct NumGen {
    statics: Vec<u64>,
    serial_start: u64,
    serial_count: u64,
    idx: u64,
    block: [u8; 32],
    data: Vec<u8>,
}

impl Iterator for NumGen {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let n = self.statics.len() as u64;
        let bits = if self.idx < n {
            self.statics[self.idx as usize]
        } else if self.idx < n + self.serial_count {
            self.serial_start + (self.idx - n)
        } else {
            loop {
                if self.data.is_empty() {
                    self.block = sha256(&self.block);
                    self.data = self.block.to_vec();
                }
                let b = u64::from_le_bytes(self.data[..8].try_into().unwrap());
                self.data.drain(..8);
                let f = f64::from_bits(b);
                if f != 0.0 && f.is_finite() {
                    break b;
                }
            }
        };
        self.idx += 1;
        Some(bits)
    }
}

fn numgen() -> (NumGen, Vec<(usize, String, usize)>) {
    let v = load("es6-numbers.json");
    let statics = v["static_bits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| u64::from_str_radix(s.as_str().unwrap(), 16).unwrap())
        .collect::<Vec<_>>();
    assert_eq!(statics.len(), 168);
    let serial = &v["serial"];
    let sums = v["checksums"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["lines"].as_u64().unwrap() as usize,
                c["sha256"].as_str().unwrap().to_string(),
                c["size"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    for pair in v["samples"].as_array().unwrap() {
        let bits = u64::from_str_radix(pair[0].as_str().unwrap(), 16).unwrap();
        assert_eq!(es(bits).as_deref(), pair[1].as_str());
    }
    (
        NumGen {
            statics,
            serial_start: u64::from_str_radix(serial["start"].as_str().unwrap(), 16).unwrap(),
            serial_count: serial["count"].as_u64().unwrap(),
            idx: 0,
            block: [0; 32],
            data: Vec::new(),
        },
        sums,
    )
}

fn check_es6_lines(max_lines: usize) -> usize {
    let (generator, sums) = numgen();
    let mut text = String::new();
    let mut checked = 0;
    for (i, bits) in generator.take(max_lines).enumerate() {
        let formatted = es(bits).expect("finite");
        text.push_str(&format!("{bits:x},{formatted}\n"));
        for (lines, sum, size) in &sums {
            if i + 1 == *lines {
                assert_eq!(text.len(), *size, "size after {lines} lines");
                let got: String = sha256(text.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                assert_eq!(&got, sum, "SHA-256 of the first {lines} lines");
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn es6_numbers_first_100_000_lines() {
    assert_eq!(check_es6_lines(100_000), 3);
}

/// One million lines (40 MB of text): `cargo test --release -- --ignored`.
#[test]
#[ignore = "slow in debug builds; run with --release -- --ignored"]
fn es6_numbers_first_1_000_000_lines() {
    assert_eq!(check_es6_lines(1_000_000), 4);
}
