//! The signature module (feature `signature-fallback`): RustCrypto's RSA, ECDSA and Ed25519
//! verification for the checks the platform cannot run — Ed25519 always (its strict rules differ between
//! implementations), a key encoding WebCrypto refuses, a page without `crypto.subtle` (plain http) —
//! loaded only when such a check comes (decisions D-123). The verification module keeps every decision
//! but this arithmetic: it accepted the key, the scheme and the key's fit before asking.

use hocba_core::pki::verify_raw_signature;
use wasm_bindgen::prelude::*;

use crate::scheme_text::scheme_of;

/// Checks `signature` (as the certificate, CMS or CRL carries it: DER for ECDSA) over `message` with the
/// DER SubjectPublicKeyInfo `spki` under `scheme` (`scheme_text`): 1 valid, 0 not.
#[wasm_bindgen(js_name = verifySignature)]
#[must_use]
pub fn verify_signature(scheme: &str, spki: &[u8], message: &[u8], signature: &[u8]) -> u8 {
    scheme_of(scheme).map_or(0, |scheme| {
        u8::from(verify_raw_signature(scheme, spki, message, signature).is_ok())
    })
}
