// Signature arithmetic by the browser (crypto.subtle: BoringSSL in Chromium) for verification; everything
// else — parsing, the policy, paths, revocation, the report — stays in the WebAssembly core. See src/webcrypto.rs for the passes and why a pass's report can be trusted.

const subtle = globalThis.crypto?.subtle;

/** Is WebCrypto usable here? (Not on plain-http pages other than localhost, which are not secure contexts.) */
export const webCryptoAvailable = subtle !== undefined && subtle !== null;

/** Imported keys kept for the next records: a few signers sign a whole school's records. */
const MAX_KEYS = 256;

/** The key `keys` holds under `keyId`, or the one `importKey()` makes, kept (up to MAX_KEYS) for next time. */
export function keptKey(keys, keyId, importKey) {
  let key = keys.get(keyId);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = importKey();
    keys.set(keyId, key);
  }
  return key;
}

function importParams(alg) {
  return alg.name === "ECDSA" ? { name: "ECDSA", namedCurve: alg.namedCurve } : { name: alg.name, hash: alg.hash };
}

function verifyParams(alg) {
  if (alg.name === "ECDSA") return { name: "ECDSA", hash: alg.hash };
  if (alg.name === "RSA-PSS") return { name: "RSA-PSS", saltLength: alg.saltLength };
  return { name: alg.name };
}

/** 1 valid, 0 invalid, 2 WebCrypto cannot run it (the core then computes it). */
async function check(verification, i, keys) {
  const keyId = verification.pendingKeyId(i);
  try {
    const alg = JSON.parse(verification.pendingAlgorithm(i));
    const key = keptKey(keys, keyId,
      () => subtle.importKey("spki", verification.pendingSpki(i), importParams(alg), false, ["verify"]));
    const ok = await subtle.verify(verifyParams(alg), await key, verification.pendingSignature(i),
      verification.pendingMessage(i));
    return ok ? 1 : 0;
  } catch {
    keys.delete(keyId);
    return 2;
  }
}

/** A WebCrypto checker with its own cache of imported keys (one per verifier), or null without WebCrypto. */
export function platformChecker() {
  if (!webCryptoAvailable) return null;
  const keys = new Map();
  return {
    name: "WebCrypto",
    checkAll: (verification, count) => Promise.all(Array.from({ length: count }, (_, i) => check(verification, i, keys))),
  };
}

/**
 * Runs `verification` (a wasm `Verification`) to its report with `verifier`'s trust store: each pass's
 * pending signature checks go to `checker` together (WebCrypto here, node:crypto in Node). With `checker`
 * null, one pass computes them all in WebAssembly.
 */
export async function runVerification(verification, verifier, checker) {
  for (;;) {
    const pending = verification.run(verifier, checker !== null);
    if (pending === 0) return verification.report();
    const outcomes = await checker.checkAll(verification, pending);
    if (verification.answer(Uint8Array.from(outcomes))) return verification.report();
  }
}
