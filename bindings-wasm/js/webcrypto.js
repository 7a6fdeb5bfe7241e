// Signature arithmetic for verification (decisions D-87, D-123). The verification module holds none: each
// pass of a verification (or of building a trust store) lists the checks it assumed, and a checker runs
// them — with the browser's crypto.subtle (BoringSSL in Chromium) when the module names a WebCrypto
// algorithm for it, otherwise with the signature module (RustCrypto in WebAssembly), fetched only then.
// Everything else — parsing, the policy, paths, revocation, the report — stays in the WebAssembly core.
// See src/delegated.rs for the passes and why a pass's result can be trusted.

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

/** Pending check `i` of `job` computed by `signatures`, the signature module's exports: 1 valid, 0 not. */
export function computedBy(signatures, job, i) {
  return signatures.verifySignature(job.pendingScheme(i), job.pendingSpki(i), job.pendingMessage(i),
    job.pendingSignatureDer(i));
}

/**
 * Computes pending check `i` of `job` in the signature module, loaded by `load()` (once): 1 valid,
 * 0 invalid, 2 when the module cannot be loaded (offline): the report then says the check could not run.
 */
async function inSignatureModule(job, i, load) {
  let signatures;
  try {
    signatures = await load();
  } catch {
    return 2;
  }
  return computedBy(signatures, job, i);
}

/** 1 valid, 0 invalid, 2 could not run. */
async function check(job, i, keys, platform, load) {
  const algorithm = job.pendingAlgorithm(i);
  if (platform && algorithm !== "") {
    const keyId = job.pendingKeyId(i);
    try {
      const alg = JSON.parse(algorithm);
      const key = keptKey(keys, keyId,
        () => subtle.importKey("spki", job.pendingSpki(i), importParams(alg), false, ["verify"]));
      const ok = await subtle.verify(verifyParams(alg), await key, job.pendingSignature(i), job.pendingMessage(i));
      return ok ? 1 : 0;
    } catch {
      keys.delete(keyId); // WebCrypto refused the key or the parameters: the signature module decides
    }
  }
  return inSignatureModule(job, i, load);
}

/**
 * A checker with its own cache of imported keys (one per verifier). `load()` gives the signature module's
 * exports (a promise); `platform` false leaves every check to it, as on a page without WebCrypto.
 */
export function platformChecker(load, platform = true) {
  const keys = new Map();
  const usePlatform = platform && webCryptoAvailable;
  return {
    name: usePlatform ? "WebCrypto" : "signature module",
    checkAll: (job, count) => Promise.all(Array.from({ length: count }, (_, i) => check(job, i, keys, usePlatform, load))),
  };
}

/**
 * Runs passes to the end: `run()` runs one over `job` (a wasm Verifier, Verification or QrVerification)
 * and returns its number of pending checks; `checker` runs them and `answer(outcomes)` says whether the
 * pass stands.
 */
export async function settle(job, run, answer, checker) {
  for (;;) {
    const pending = run();
    if (pending === 0) return;
    const outcomes = await checker.checkAll(job, pending);
    if (answer(Uint8Array.from(outcomes))) return;
  }
}
