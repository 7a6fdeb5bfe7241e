//! Assessment inputs (one student or a class file) → reader → checker → rules: no panic, no hang.
#![no_main]

use hocba_core::json::{parse_assess_document, AssessDocument};
use hocba_core::{assess_raw, RulesConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = RulesConfig::default();
    match parse_assess_document(data) {
        Ok(AssessDocument::Student(raw)) => {
            let _ = assess_raw(&raw, &config);
        }
        Ok(AssessDocument::Class(class)) => {
            for raw in &class.students {
                let _ = assess_raw(raw, &config);
            }
        }
        Err(_) => {}
    }
});
