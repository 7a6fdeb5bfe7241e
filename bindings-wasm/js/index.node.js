// hocba for Node 20: the rules and verification modules (decisions D-103) are loaded synchronously from the
// package folder, so `init()` and `initVerification()` are optional; the signature module (D-123) is loaded
// the first time node:crypto must not run a check (Ed25519, a key it refuses).
import { readFileSync } from "node:fs";
import * as rules from "./hocba_rules.js";
import * as verification from "./hocba_verify.js";
import * as signatures from "./hocba_signatures.js";
export { HocbaError, wrap } from "./errors.js";
import { wrap } from "./errors.js";
import { platformChecker } from "./node-crypto.js";

rules.initSync({ module: readFileSync(new URL("./hocba_rules_bg.wasm", import.meta.url)) });
verification.initSync({ module: readFileSync(new URL("./hocba_verify_bg.wasm", import.meta.url)) });

let signaturesLoaded = false;
/** The signature module's exports, loaded on first use. */
function signatureModule() {
  if (!signaturesLoaded) {
    signatures.initSync({ module: readFileSync(new URL("./hocba_signatures_bg.wasm", import.meta.url)) });
    signaturesLoaded = true;
  }
  return signatures;
}

/** Loads the signature module now (it is otherwise loaded when a check first needs it). */
export async function initSignatures() {
  return signatureModule();
}

/** Already loaded in Node; kept for the same API as the browser build. */
export async function init() {}

/** Already loaded in Node; kept for the same API as the browser build. */
export async function initVerification() {}

export const { rulesVersion, assess, importGradebook, validate, canonicalBytes, canonicalDigest, verify, verifyQrStub,
  createVerifier } = wrap(rules, verification, (platform) => platformChecker(signatureModule, platform));
