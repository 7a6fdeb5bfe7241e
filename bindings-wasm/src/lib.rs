//! `hocba-wasm`: the core compiled to WebAssembly. Each export takes the documents as JSON text (they come
//! from files or form fields anyway, and the core's hardened reader applies its limits) and returns JSON
//! text that `js/index.js` parses into the typed objects declared in `js/index.d.ts`. Passing text rather
//! than JS objects keeps the module small (no serde-wasm-bindgen) and the output byte-identical to the CLI.
//! Exports, feature `rules`: `assess`, `importGradebook` (`rules.rs`), `rulesVersion`, `validateRecord`,
//! `canonicalBytes`, `canonicalDigest` (`record.rs`); feature `verification`: the `Verifier` class
//! (`verify.rs`: signed envelopes and QR stubs). The package builds each feature as a module of its own,
//! so a page that only validates never downloads verification (decisions D-103); the record functions
//! are in the rules module alone, which every page loads anyway (D-119).

use hocba_core::Lang;
use serde_json::Value;

#[cfg(feature = "rules")]
mod record;
#[cfg(feature = "rules")]
mod rules;
#[cfg(feature = "verification")]
mod verify;
#[cfg(feature = "verification")]
mod webcrypto;

#[cfg(feature = "rules")]
pub use record::{canonical_bytes, canonical_digest, rules_version, validate};
#[cfg(feature = "rules")]
pub use rules::{assess, import_gradebook};
#[cfg(feature = "verification")]
pub use verify::{Verification, Verifier};

fn lang(code: &str) -> Lang {
    code.parse().unwrap_or_default()
}

/// JSON text of an answer. `serde_json::to_string` writes straight into a byte buffer; `Value`'s
/// `Display` goes through `core::fmt` for every piece, which in WebAssembly cost ≈10% of an assessment
/// (decisions D-90). Serialising a `Value` cannot fail.
pub(crate) fn text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
