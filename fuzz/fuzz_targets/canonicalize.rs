//! Any JSON → RFC 8785 canonical bytes: no panic; canonicalise(parse(canonicalise(x))) is canonicalise(x);
//! with the NFC rule the bytes are the same or refused with a pointer.
#![no_main]

use hocba_core::canonical::{canonical_bytes, jcs, CanonicalError};
use hocba_core::json::{read_value, Limits};
use libfuzzer_sys::fuzz_target;

const LIMITS: Limits = Limits {
    max_bytes: 1 << 20,
    max_depth: 64,
    max_string_bytes: 1 << 16,
    max_items: 10_000,
};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = read_value(data, LIMITS) else {
        return;
    };
    let once = match jcs::to_vec(&value) {
        Ok(bytes) => bytes,
        Err(e) => {
            assert_eq!(e.code(), "canonical_number_out_of_range", "{e:?}");
            return;
        }
    };
    let parsed = read_value(&once, LIMITS).expect("canonical bytes are JSON");
    assert_eq!(
        jcs::to_vec(&parsed).expect("canonical again"),
        once,
        "not a fixed point"
    );
    match canonical_bytes(&value) {
        Ok(nfc) => assert_eq!(nfc, once),
        Err(CanonicalError::NotNfc { pointer }) => {
            assert!(value.pointer(&pointer).is_some(), "{pointer}");
        }
        Err(e) => panic!("{e:?}"),
    }
});
