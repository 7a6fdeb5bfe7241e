//! `hocba-wasm`: the core compiled to WebAssembly. Each export takes the documents as JSON text (they come
//! from files or form fields anyway, and the core's hardened reader applies its limits) and returns JSON
//! text that `js/index.js` parses into the typed objects declared in `js/index.d.ts`. Passing text rather
//! than JS objects keeps the module small (no serde-wasm-bindgen) and the output byte-identical to the CLI.
//! Exports, feature `rules`: `assess`, `importGradebook` (`rules.rs`), `rulesVersion`, `validateRecord`,
//! `canonicalBytes`, `canonicalDigest`, and for the verification module `recordChecks` and `nfcText`
//! (`record.rs`); feature `verification`: the `Verifier` class (`verify.rs`: signed envelopes and QR
//! stubs, every signature check left to JS, `delegated.rs`); feature `signature-fallback`:
//! `verifySignature` (`signatures.rs`: RustCrypto for the checks the platform cannot run). The package
//! builds each feature as a module of its own (decisions D-103, D-121, D-123): a page that only validates
//! never downloads verification, verification borrows the rules module's record checks and Unicode
//! tables, and the signature module is fetched only when a check needs it.

#[cfg(any(feature = "rules", feature = "verification"))]
use hocba_core::Lang;
#[cfg(any(feature = "rules", feature = "verification"))]
use serde_json::Value;

#[cfg(feature = "verification")]
mod delegated;
#[cfg(feature = "rules")]
mod record;
#[cfg(feature = "rules")]
mod rules;
#[cfg(any(feature = "verification", feature = "signature-fallback"))]
mod scheme_text;
#[cfg(feature = "signature-fallback")]
mod signatures;
#[cfg(feature = "verification")]
mod verify;

#[cfg(feature = "rules")]
pub use record::{
    canonical_bytes, canonical_digest, nfc_text, record_checks, rules_version, validate,
};
#[cfg(feature = "rules")]
pub use rules::{assess, import_gradebook};
#[cfg(feature = "signature-fallback")]
pub use signatures::verify_signature;
#[cfg(feature = "verification")]
pub use verify::{QrVerification, Verification, Verifier};

#[cfg(any(feature = "rules", feature = "verification"))]
fn lang(code: &str) -> Lang {
    code.parse().unwrap_or_default()
}

/// JSON text of an answer. `serde_json::to_string` writes straight into a byte buffer; `Value`'s
/// `Display` goes through `core::fmt` for every piece, which in WebAssembly cost ≈10% of an assessment
/// (decisions D-90). Serialising a `Value` cannot fail.
#[cfg(any(feature = "rules", feature = "verification"))]
pub(crate) fn text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
