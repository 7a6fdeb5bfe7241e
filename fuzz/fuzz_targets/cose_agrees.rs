//! Differential: the stub's COSE_Sign1 reader (`qr::cose`, minicbor, decisions D-93) against `coset` on
//! arbitrary bytes that pass the stub's CBOR limits (as `decode_stub` feeds it). A stub one of them
//! goes on with (ES256/PS256, no `crit`, an 8-byte key id, a payload) the other must go on with too,
//! having read the same algorithm, key id, payload, signature and signed bytes. Where coset refuses a
//! number IANA has not registered (an algorithm, a `crit` label, a content format), hocba, which does not
//! carry the registry, may read on.
#![no_main]

use hocba_core::qr::cbor_limits;
use hocba_core::qr::codec::COSE_LIMITS;
use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/cose_reference/mod.rs"]
mod cose_reference;
use cose_reference::{by_coset, by_hocba, usable};

fuzz_target!(|data: &[u8]| {
    if cbor_limits::check(data, COSE_LIMITS).is_err() {
        return;
    }
    if let Ok(by_coset) = by_coset(data) {
        assert_eq!(usable(by_hocba(data)), usable(by_coset), "{data:02x?}");
    }
});
