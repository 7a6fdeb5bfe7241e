// Node's own signature arithmetic (node:crypto, OpenSSL) for verification: the Node counterpart of
// webcrypto.js. Synchronous, so a pass's checks cost no promise round trips; the pass protocol and why
// its report can be trusted are in src/webcrypto.rs.
import { constants, createPublicKey, verify } from "node:crypto";
import { keptKey } from "./webcrypto.js";

const HASH = { "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

/** A checker with its own cache of imported keys (one per verifier). */
export function platformChecker() {
  const keys = new Map();
  const check = (verification, i) => {
    try {
      const alg = JSON.parse(verification.pendingAlgorithm(i));
      const keyId = verification.pendingKeyId(i);
      const key = keptKey(keys, keyId,
        () => createPublicKey({ key: Buffer.from(verification.pendingSpki(i)), format: "der", type: "spki" }));
      const options = alg.name === "ECDSA" ? { key, dsaEncoding: "ieee-p1363" }
        : alg.name === "RSA-PSS" ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }
          : { key, padding: constants.RSA_PKCS1_PADDING };
      return verify(HASH[alg.hash], verification.pendingMessage(i), options, verification.pendingSignature(i)) ? 1 : 0;
    } catch {
      return 2; // the core computes it
    }
  };
  return {
    name: "node:crypto",
    checkAll(verification, count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = check(verification, i);
      return out;
    },
  };
}
