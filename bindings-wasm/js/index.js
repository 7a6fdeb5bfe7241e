// hocba for browsers and bundlers. The package has two WebAssembly modules (decisions D-103): the rules
// (assess, validate, canonical bytes, gradebooks), loaded by `await init()`, and verification, loaded by
// `await initVerification()` — only a page that verifies downloads it; `verify()` loads it itself. The
// record functions (validate, canonical bytes and digest, rulesVersion) are in both modules, so a page that
// only verifies needs only the second.
// Every function returns plain typed objects (see index.d.ts); invalid input throws a HocbaError whose
// `code` is the stable machine code of the first problem and whose `problems` lists all of them.
import initRules, * as rules from "./hocba_rules.js";
import initVerify, * as verification from "./hocba_verify.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./webcrypto.js";

let rulesReady = null;
let rulesLoaded = false;
let verificationReady = null;
let verificationLoaded = false;

/**
 * Loads the rules module (once; a failed load is tried again on the next call). `source` defaults to
 * hocba_rules_bg.wasm beside this file.
 */
export function init(source) {
  rulesReady ??= initRules(source === undefined ? undefined : { module_or_path: source }).then((m) => {
    rulesLoaded = true;
    return m;
  }, (e) => {
    rulesReady = null;
    throw e;
  });
  return rulesReady;
}

/**
 * Loads the verification module (once; a failed load, e.g. offline, is tried again on the next call).
 * `source` defaults to hocba_verify_bg.wasm beside this file.
 */
export function initVerification(source) {
  verificationReady ??= initVerify(source === undefined ? undefined : { module_or_path: source }).then((m) => {
    verificationLoaded = true;
    return m;
  }, (e) => {
    verificationReady = null;
    throw e;
  });
  return verificationReady;
}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(rules, verification, platformChecker, {
  rules: () => rulesLoaded,
  verification: () => verificationLoaded,
  load: () => initVerification(),
});
