// hocba for Node 20: both modules (rules and verification, decisions D-103) are loaded synchronously from
// the package folder, so `init()` and `initVerification()` are optional.
import { readFileSync } from "node:fs";
import * as rules from "./hocba_rules.js";
import * as verification from "./hocba_verify.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./node-crypto.js";

rules.initSync({ module: readFileSync(new URL("./hocba_rules_bg.wasm", import.meta.url)) });
verification.initSync({ module: readFileSync(new URL("./hocba_verify_bg.wasm", import.meta.url)) });

/** Already loaded in Node; kept for the same API as the browser build. */
export async function init() {}

/** Already loaded in Node; kept for the same API as the browser build. */
export async function initVerification() {}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(rules, verification, platformChecker);
