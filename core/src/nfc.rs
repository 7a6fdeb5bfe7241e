//! Unicode NFC, from `hocba-nfc` (decisions D-89, D-122): the canonical tables, or in the WebAssembly
//! verification module the rules module's copy of them.

pub use hocba_nfc::{is_nfc, nfc};
