// The typed layer over the raw exports: parse the JSON the core returns, throw HocbaError on failure.
import { settle } from "./webcrypto.js";

/** An input the engine refused. `code` is the first problem's stable code; `problems` lists them all. */
export class HocbaError extends Error {
  /** `top` ({code, pointer, message}) names the refusal itself when it differs from the first problem. */
  constructor(problems, top) {
    const first = top ?? problems[0] ?? { code: "unknown", pointer: "", message: "unknown error" };
    super(first.pointer && !first.message.startsWith(first.pointer) ? `${first.pointer}: ${first.message}` : first.message);
    this.name = "HocbaError";
    this.code = first.code;
    this.pointer = first.pointer;
    this.problems = problems;
  }
}

const LANGS = new Set(["vi", "en"]);

function checkLang(lang) {
  if (!LANGS.has(lang)) throw new HocbaError([{ code: "usage", pointer: "", message: `unknown language ${lang}` }]);
  return lang;
}

function asText(doc) {
  return typeof doc === "string" ? doc : JSON.stringify(doc);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

/** Bytes of a file given as text (PEM, JSON), bytes, an ArrayBuffer or a JSON-able object. */
function asBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return encoder.encode(asText(data));
}

/** Files as one buffer with their lengths (what the WebAssembly side takes) and their names. */
function concat(files, what) {
  if (!Array.isArray(files)) throw new HocbaError([{ code: "usage", pointer: `/${what}`, message: `${what} must be an array` }]);
  const parts = files.map((f) => asBytes(f && typeof f === "object" && "bytes" in f ? f.bytes : f));
  const names = files.map((f, i) => (f && typeof f === "object" && typeof f.name === "string" ? f.name : `${what}[${i}]`));
  const lengths = new Uint32Array(parts.map((p) => p.length));
  const blob = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { blob.set(p, at); at += p.length; }
  return { blob, lengths, names };
}

/** RFC 3339 text of a time given as text or a Date (whole seconds, UTC). */
function asTime(now) {
  if (now === undefined || now === null) now = new Date(); // the frontend owns the clock; the core never reads one
  if (now instanceof Date) return now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return String(now);
}

const POLICY_KEYS = { requireRevocation: "require_revocation", requireStatusList: "require_status_list",
  requireTimestamp: "require_timestamp", statusListMaxAgeDays: "status_list_max_age_days",
  acceptablePolicies: "acceptable_policies", explicitPolicy: "explicit_policy",
  inhibitPolicyMapping: "inhibit_policy_mapping", inhibitAnyPolicy: "inhibit_any_policy" };

function policyText(policy) {
  if (!policy) return "";
  const out = {};
  for (const [k, v] of Object.entries(policy)) out[POLICY_KEYS[k] ?? k] = v; // unknown names reach the core, which refuses them
  return JSON.stringify(out);
}

/** The option a refused policy option points at, as the caller named it (`/explicit_policy` → `/explicitPolicy`). */
const POLICY_POINTERS = Object.fromEntries(Object.entries(POLICY_KEYS).map(([js, core]) => [`/${core}`, `/${js}`]));
function asCalled(problems) {
  return problems.map((p) => (p?.code === "policy_option_invalid" ? { ...p, pointer: POLICY_POINTERS[p.pointer] ?? p.pointer } : p));
}

function refused(text) {
  const out = JSON.parse(text);
  return new HocbaError(asCalled(out.problems?.length ? out.problems : out.errors ?? [out.error]), out.error);
}

/** `f()`, with a refusal the wasm glue throws as JSON text (a `Result` error) turned into a HocbaError. */
function refusing(f) {
  try {
    return f();
  } catch (e) {
    throw typeof e === "string" ? refused(e) : e;
  }
}

/** A status list as the verification module takes it: text, or undefined for none. */
function statusText(statusList) {
  return statusList === null || statusList === undefined ? undefined : decoder.decode(asBytes(statusList));
}

const ALL_LOADED = { rules: () => true, verification: () => true, load: async () => {} };

/**
 * Builds the public functions over the wasm-bindgen exports of the modules (D-103, D-121, D-123): `wasm`
 * the rules, `verificationWasm` the verification. `makeChecker(platform)` makes the object that runs the
 * signature checks a verification leaves to JS (webcrypto.js, node-crypto.js): with the platform's crypto
 * where it can, else with the signature module; `platform` false leaves all to the signature module.
 * `loading` says which modules are loaded (`rules()`, `verification()`) and loads both (`load()`, a
 * promise: verification needs the rules, which judge the record itself); by default all are loaded.
 */
export function wrap(wasm, verificationWasm, makeChecker, loading = ALL_LOADED) {
  // Everything but verification is in the rules module (D-119): before it is loaded, a typed refusal.
  const records = () => {
    if (!loading.rules()) {
      throw new HocbaError([{ code: "rules_not_loaded", pointer: "",
        message: "the rules module is not loaded: await init() first" }]);
    }
    return wasm;
  };
  return {
    rulesVersion: () => records().rulesVersion(),
    assess(input, { config, lang = "vi" } = {}) {
      const out = JSON.parse(records().assess(asText(input), config ? asText(config) : "", checkLang(lang)));
      if (out.students !== undefined) return out; // a class: per-student outcomes, never thrown whole
      if (!out.ok) throw new HocbaError(out.errors);
      return out.assessment;
    },
    importGradebook(table, { lang = "vi" } = {}) {
      const out = JSON.parse(records().importGradebook(asText(table), checkLang(lang)));
      if (!out.ok) throw new HocbaError(out.errors.map((e) => ({ ...e, pointer: e.cell ?? `row ${e.row}` })));
      return out.class;
    },
    validate(record, { lang = "vi" } = {}) {
      const out = JSON.parse(records().validateRecord(asText(record), checkLang(lang)));
      if (!out.ok) throw new HocbaError(out.problems.length ? out.problems : [out.error], out.error);
      const { ok, ...report } = out;
      return report;
    },
    canonicalBytes(record, { lang = "vi" } = {}) {
      return refusing(() => records().canonicalBytes(asText(record), checkLang(lang)));
    },
    canonicalDigest(record, { lang = "vi" } = {}) {
      const out = JSON.parse(records().canonicalDigest(asText(record), checkLang(lang)));
      if (!out.ok) throw new HocbaError(out.problems.length ? out.problems : [out.error], out.error);
      return out.digest;
    },
    createVerifier,
    async verify(envelope, options = {}) {
      const verifier = await createVerifier(options);
      try {
        return await verifier.verify(envelope, options);
      } finally {
        verifier.free();
      }
    },
    async verifyQrStub(stub, options = {}) {
      const verifier = await createVerifier(options);
      try {
        return await verifier.verifyQrStub(stub, options);
      } finally {
        verifier.free();
      }
    },
  };

  /**
   * The record's own checks (schema, arithmetic) come from the rules module, which the verification
   * module leaves out (D-121): the verification hands over the record it read, the rules judge it.
   */
  function judgeRecord(verification) {
    const record = verification.recordText();
    if (record === undefined) return; // an unreadable envelope: its report needs no record checks
    const checks = records().recordChecks(record);
    if (!verification.setRecordChecks(checks)) throw refused(checks);
  }


  /**
   * A trust store and CRLs built once (certificate links checked once, their signatures by the platform
   * like a record's), for verifying many records. Loads the rules and verification modules if needed.
   */
  async function createVerifier({ trust = [], crls = [], trustSource = "", trustAsOf, lang = "vi",
    platformCrypto = true } = {}) {
    await loading.load();
    const t = concat(trust, "trust");
    const c = concat(crls, "crls");
    let inner = refusing(() => new verificationWasm.Verifier(t.blob, t.lengths, JSON.stringify(t.names), c.blob,
      c.lengths, trustSource, trustAsOf === undefined || trustAsOf === null ? "" : asTime(trustAsOf), checkLang(lang)));
    // Each keeps the keys it imported for this trust store's signers.
    const checkers = new Map();
    const checker = (platform) => {
      if (!checkers.has(platform)) checkers.set(platform, makeChecker(platform));
      return checkers.get(platform);
    };
    try {
      await settle(inner, () => inner.buildStore(), (o) => inner.answerStore(o), checker(platformCrypto));
      const refusal = inner.storeResult();
      if (refusal !== "") throw refused(refusal);
    } catch (e) {
      inner.free();
      throw e;
    }
    /**
     * Runs `job` (a Verification or QrVerification) in passes to its report, `prepare(job)` first, then
     * frees it.
     */
    async function reportOf(job, platform, prepare = () => {}) {
      try {
        prepare(job);
        await settle(job, () => job.run(inner), (o) => job.answer(o), checker(platform));
        const out = JSON.parse(job.report());
        if (!out.ok) throw new HocbaError(asCalled(out.errors));
        return out.report;
      } finally {
        job.free();
      }
    }
    return {
      async verify(envelope, { statusList = null, now, policy, lang: verifyLang = lang, platformCrypto: platform = true } = {}) {
        const verification = refusing(() => inner.start(asBytes(envelope), statusText(statusList), asTime(now),
          policyText(policy), checkLang(verifyLang)));
        return reportOf(verification, platform, judgeRecord);
      },
      async verifyQrStub(stub, { record = null, statusList = null, now, policy, lang: verifyLang = lang,
        platformCrypto: platform = true } = {}) {
        const full = record === null || record === undefined ? undefined : asBytes(record);
        const text = typeof stub === "string" ? stub : decoder.decode(asBytes(stub));
        const verification = refusing(() => inner.startQrStub(text, full, statusText(statusList), asTime(now),
          policyText(policy), checkLang(verifyLang)));
        return reportOf(verification, platform);
      },
      free() {
        inner?.free();
        inner = undefined;
      },
    };
  }
}
