//! Record bytes → reader → shape → validation (with the engine's recomputation): no panic, no hang, and
//! the invariants the tests state hold on every input:
//! * a value that passes the shape check reads as a typed record (`json_structure` never appears);
//! * the typed path finds the same problems as the bytes path;
//! * canonical bytes, when they exist, are a fixed point.
#![no_main]

use hocba_core::canonical::canonical_bytes;
use hocba_core::record::{parse_record, read_record_value, validate, validate_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(problems) = validate_json(data) else {
        return;
    };
    assert!(
        !problems.iter().any(|p| p.code == "json_structure"),
        "shape check passed but serde refused: {problems:?}"
    );
    if let Ok(record) = parse_record(data) {
        let mut a: Vec<_> = problems
            .iter()
            .map(|p| (p.code, p.pointer.clone()))
            .collect();
        let mut b: Vec<_> = validate(&record)
            .iter()
            .map(|p| (p.code, p.pointer.clone()))
            .collect();
        a.retain(|(c, _)| *c != "text_not_nfc");
        b.retain(|(c, _)| *c != "text_not_nfc");
        a.sort();
        b.sort();
        // The bytes path scans every string for NFC; apart from that the two agree.
        assert_eq!(a, b, "typed and bytes validation differ");
    }
    if let Ok(value) = read_record_value(data) {
        if let Ok(once) = canonical_bytes(&value) {
            let again = read_record_value(&once).expect("canonical bytes read back");
            assert_eq!(canonical_bytes(&again).expect("canonical again"), once);
        }
    }
});
