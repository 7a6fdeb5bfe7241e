// hocba for browsers and bundlers: load the module once with `await init()`, then call the functions.
// Every function returns plain typed objects (see index.d.ts); invalid input throws a HocbaError whose
// `code` is the stable machine code of the first problem and whose `problems` lists all of them.
import initWasm, * as wasm from "./hocba_wasm.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./webcrypto.js";

let ready = null;

/** Loads the WebAssembly module (once). `source` defaults to the .wasm file beside this one. */
export function init(source) {
  ready ??= initWasm(source === undefined ? undefined : { module_or_path: source });
  return ready;
}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(wasm, platformChecker);
