//! Bytes (a signed envelope or a record) → the display summary, in both languages: no panic, no hang, and
//! every row of the subject table has one cell per result column; every refusal has a code and messages.
#![no_main]

use hocba_core::display::display_bytes;
use hocba_core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in [Lang::Vi, Lang::En] {
        match display_bytes(data, lang) {
            Ok(d) => {
                assert!(!d.subject_columns.is_empty());
                for s in &d.subjects {
                    assert_eq!(s.cells.len() + 1, d.subject_columns.len(), "{s:?}");
                }
            }
            Err(e) => {
                assert!(!e.code().is_empty());
                assert!(!e.message(lang).is_empty());
            }
        }
    }
});
