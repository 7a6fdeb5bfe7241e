//! Differential: the hand-written typed reader (`json::typed`, decisions D-92) against serde's derive on
//! arbitrary JSON that passes the hardened reader. The typed reader is never more lenient: whatever it
//! reads, serde's derive reads too, as the same value. (It is stricter in two documented places, an
//! array for a struct and an object for a unit variant, so a refusal alone proves nothing here; the
//! single-fault agreement of refusals and their messages is `core/tests/typed_json_agrees.rs`.)
#![no_main]

use hocba_core::assess::raw::{RawAssessInput, RawClassInput};
use hocba_core::json::typed::{read, FromJson};
use hocba_core::json::{read_value, ASSESS_LIMITS};
use hocba_core::record::Record;
use hocba_core::rules::config::RulesConfig;
use hocba_core::status::StatusList;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn never_more_lenient<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(v: &Value) {
    if let Ok(typed) = read::<T>(v) {
        let by_serde: T = serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("typed read {typed:?}, serde refused: {e}"));
        assert_eq!(typed, by_serde);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(v) = read_value(data, ASSESS_LIMITS) else {
        return;
    };
    never_more_lenient::<Record>(&v);
    never_more_lenient::<RawAssessInput>(&v);
    never_more_lenient::<RawClassInput>(&v);
    never_more_lenient::<RulesConfig>(&v);
    never_more_lenient::<StatusList>(&v);
});
