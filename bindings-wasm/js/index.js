// hocba for browsers and bundlers. The package has three WebAssembly modules (decisions D-103, D-121,
// D-123): the rules (assess, validate, canonical bytes, gradebooks), loaded by `await init()`; verification,
// loaded by `await initVerification()` or by the verification functions themselves, which also need the
// rules (they judge the record itself and lend their Unicode tables); and the signature module, RustCrypto
// for the signature checks the browser's crypto.subtle cannot run, fetched only when such a check comes.
// The record functions (validate, canonical bytes and digest, rulesVersion) are in the rules module alone
// (D-119): call `init()` before them, as before `assess`.
// Every function returns plain typed objects (see index.d.ts); invalid input throws a HocbaError whose
// `code` is the stable machine code of the first problem and whose `problems` lists all of them.
import initRules, * as rules from "./hocba_rules.js";
import initVerify, * as verification from "./hocba_verify.js";
import initSignatureWasm, * as signatures from "./hocba_signatures.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./webcrypto.js";

/**
 * Loads a module once with wasm-bindgen's `initWasm`; `loaded` says whether it succeeded. A failed load
 * (offline, blocked) is tried again on the next call.
 */
function loader(initWasm) {
  let pending = null;
  const module = {
    loaded: false,
    load(source) {
      pending ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then((m) => {
        module.loaded = true;
        return m;
      }, (e) => {
        pending = null;
        throw e;
      });
      return pending;
    },
  };
  return module;
}

const rulesModule = loader(initRules);
const verificationModule = loader(initVerify);
const signatureModule = loader(initSignatureWasm);

/** Loads the rules module (once). `source` defaults to hocba_rules_bg.wasm beside this file. */
export function init(source) {
  return rulesModule.load(source);
}

/** Loads the verification module (once). `source` defaults to hocba_verify_bg.wasm beside this file. */
export function initVerification(source) {
  return verificationModule.load(source);
}

/** Loads the signature module (once); the verification functions load it themselves when a check needs it. */
export function initSignatures(source) {
  return signatureModule.load(source).then(() => signatures);
}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(rules, verification, (platform) => platformChecker(() => initSignatures(), platform), {
  rules: () => rulesModule.loaded,
  verification: () => verificationModule.loaded,
  // Verification needs both: the rules judge the record itself (D-121).
  load: () => Promise.all([verificationModule.load(), rulesModule.load()]),
});
