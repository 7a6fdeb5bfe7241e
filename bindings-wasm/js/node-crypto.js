// Node's own signature arithmetic (node:crypto, OpenSSL) for verification: the Node counterpart of
// webcrypto.js. Synchronous, so a pass's checks cost no promise round trips; a check node:crypto must not
// run (Ed25519, a key it refuses) goes to the signature module, loaded from the package folder the first
// time. The pass protocol and why its result can be trusted are in src/delegated.rs.
import { constants, createPublicKey, verify } from "node:crypto";
import { computedBy, keptKey } from "./webcrypto.js";

const HASH = { "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

/** A checker with its own cache of imported keys (one per verifier); `signatures()` gives the signature
 * module's exports, loaded synchronously; `platform` false leaves every check to it. */
export function platformChecker(signatures, platform = true) {
  const keys = new Map();
  const inModule = (job, i) => computedBy(signatures(), job, i);
  const check = (job, i) => {
    const algorithm = job.pendingAlgorithm(i);
    if (!platform || algorithm === "") return inModule(job, i);
    try {
      const alg = JSON.parse(algorithm);
      const keyId = job.pendingKeyId(i);
      const key = keptKey(keys, keyId,
        () => createPublicKey({ key: Buffer.from(job.pendingSpki(i)), format: "der", type: "spki" }));
      const options = alg.name === "ECDSA" ? { key, dsaEncoding: "ieee-p1363" }
        : alg.name === "RSA-PSS" ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }
          : { key, padding: constants.RSA_PKCS1_PADDING };
      return verify(HASH[alg.hash], job.pendingMessage(i), options, job.pendingSignature(i)) ? 1 : 0;
    } catch {
      return inModule(job, i); // node:crypto refused the key or the parameters
    }
  };
  return {
    name: platform ? "node:crypto" : "signature module",
    checkAll(job, count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) out[i] = check(job, i);
      return out;
    },
  };
}
