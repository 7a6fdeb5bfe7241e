// hocba for Node 20: the module is loaded synchronously from the package folder, so `init()` is optional.
import { readFileSync } from "node:fs";
import { initSync } from "./hocba_wasm.js";
import * as wasm from "./hocba_wasm.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./node-crypto.js";

initSync({ module: readFileSync(new URL("./hocba_wasm_bg.wasm", import.meta.url)) });

/** Already loaded in Node; kept for the same API as the browser build. */
export async function init() {}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(wasm, platformChecker);
