//! The record's trip between the WebAssembly modules (decisions D-121): any envelope the reader takes,
//! its record written as JSON text and read back under `RECORD_TEXT_LIMITS`, is the same value, and its
//! checks survive `checks_to_json` → `checks_from_json` unchanged. Also any JSON as a checks array: no
//! panic, and what reads writes back to the same.
#![no_main]

use hocba_core::check::{checks_from_json, checks_to_json};
use hocba_core::json::{read_value, ASSESS_LIMITS};
use hocba_core::record::checks::RECORD_TEXT_LIMITS;
use hocba_core::record::record_checks;
use hocba_core::verify::parse_envelope;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(env) = parse_envelope(data) {
        let text = serde_json::to_string(&env.record).expect("a value writes");
        let back = read_value(text.as_bytes(), RECORD_TEXT_LIMITS).expect("written text reads");
        assert_eq!(back, env.record);
        let checks = record_checks(&back);
        assert_eq!(checks_from_json(&checks_to_json(&checks)), Some(checks));
    }
    if let Ok(value) = read_value(data, ASSESS_LIMITS) {
        if let Some(checks) = checks_from_json(&value) {
            assert_eq!(checks_from_json(&checks_to_json(&checks)), Some(checks));
        }
    }
});
