// The record and verification vectors (tests/vectors/record, tests/vectors/verify) against the WebAssembly
// build in Node: every validation problem (code, pointer, severity, as a multiset) and every verification
// check (id, status, code, in order) with the verdict, exactly as the Rust harnesses expect them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { canonicalBytes, canonicalDigest, createVerifier, HocbaError, validate, verify, wrap } from "../../pkg/index.node.js";
// The raw exports of the same, already loaded modules: the pass protocol of src/delegated.rs, driven by hand.
import { Verifier as RawVerifier } from "../../pkg/hocba_verify.js";
import { recordChecks } from "../../pkg/hocba_rules.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const testsDir = join(root, "tests");
const hocbaBin = process.env.HOCBA_BIN ?? join(root, "target", "debug", "hocba");

function vectors(folder) {
  const dir = join(testsDir, "vectors", folder);
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

const counted = (items) => {
  const m = new Map();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
};

test("record vectors: every problem, and refusals with their code and pointer", () => {
  const all = vectors("record");
  assert.ok(all.length >= 80, `only ${all.length} record vectors`);
  const failures = [];
  for (const v of all) {
    const text = v.input_text ?? JSON.stringify(v.input, null, 2);
    let report = null;
    let refusal = null;
    try {
      report = validate(text, { lang: "en" });
    } catch (e) {
      assert.ok(e instanceof HocbaError, `${v.id}: ${e}`);
      refusal = e;
    }
    if (v.expected_error) {
      if (!refusal || refusal.code !== v.expected_error.code || refusal.pointer !== v.expected_error.pointer) {
        failures.push(`${v.id}: expected refusal ${JSON.stringify(v.expected_error)}, got ${refusal ? `${refusal.code} ${refusal.pointer}` : "a report"}`);
      }
      continue;
    }
    if (!report) {
      failures.push(`${v.id}: refused ${refusal.code} ${refusal.pointer}`);
      continue;
    }
    const got = counted(report.problems.map((p) => `${p.code} ${p.pointer} (${p.severity})`));
    const want = counted((v.expected_problems ?? []).map((p) => `${p.code} ${p.pointer} (${p.severity})`));
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${v.id}:\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}`);
    if (report.valid !== v.valid) failures.push(`${v.id}: valid ${report.valid}, expected ${v.valid}`);
    for (const p of report.problems) {
      if (!p.message_vi || !p.message_en || p.message !== p.message_en) failures.push(`${v.id}: messages of ${p.code}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("canonical bytes and digest: identical to the native CLI", () => {
  const record = join(root, "examples", "records", "tt22-grade10.json");
  const text = readFileSync(record, "utf8");
  const native = spawnSync(hocbaBin, ["canonical", record]);
  assert.equal(native.status, 0, native.stderr?.toString());
  assert.deepEqual(Buffer.from(canonicalBytes(text)), native.stdout);
  const digest = spawnSync(hocbaBin, ["canonical", "--digest", record]).stdout.toString().trim();
  assert.equal(canonicalDigest(JSON.parse(text)), digest);
  // Decomposed Vietnamese text has no canonical form: refused with the pointer of the string.
  const decomposed = JSON.parse(text);
  decomposed.student.full_name = decomposed.student.full_name.normalize("NFD");
  assert.throws(() => canonicalDigest(decomposed), (e) => e instanceof HocbaError && e.code === "text_not_nfc" && e.pointer === "/student/full_name");
});

function verifyInputs(v) {
  const input = v.input;
  const trustDir = join(testsDir, input.trust);
  const trust = readdirSync(trustDir).sort().map((f) => ({ name: f, bytes: readFileSync(join(trustDir, f)) }));
  const crls = input.crls.map((p) => readFileSync(join(testsDir, p)));
  const envelope = input.envelope_text ?? JSON.stringify(input.envelope);
  const statusList = input.status_list === null ? null : JSON.stringify(input.status_list);
  return { trust, crls, envelope, statusList, now: input.now };
}

test("verification vectors: the verdict and the exact check list, with WebCrypto and in WebAssembly alone", async () => {
  const all = vectors("verify");
  assert.ok(all.length >= 30, `only ${all.length} verification vectors`);
  const failures = [];
  for (const v of all) {
    const { trust, crls, envelope, statusList, now } = verifyInputs(v);
    const report = await verify(envelope, { trust, crls, statusList, now, lang: "en" });
    // The same verification with every signature computed in WebAssembly: the arithmetic's home must not
    // change a single check (delegated.rs).
    const alone = await verify(envelope, { trust, crls, statusList, now, lang: "en", platformCrypto: false });
    if (JSON.stringify(alone) !== JSON.stringify(report)) failures.push(`${v.id}: WebCrypto and WebAssembly reports differ`);
    const got = report.checks.map(({ id, status, code }) => ({ id, status, code }));
    if (report.verdict !== v.expected.verdict || JSON.stringify(got) !== JSON.stringify(v.expected.checks)) {
      failures.push(`${v.id}: verdict ${report.verdict} (want ${v.expected.verdict})\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(v.expected.checks)}`);
    }
    if (report.now !== new Date(now).toISOString().replace(/\.000Z$/, "Z")) failures.push(`${v.id}: now ${report.now}`);
    if (report.checks.some((c) => !c.message)) failures.push(`${v.id}: a check without a message`);
  }
  assert.deepEqual(failures, []);
});

test("verification: the JSON report equals the native CLI's, in both languages", async () => {
  const v = vectors("verify").find((x) => x.id === "valid-full");
  assert.ok(v, "valid-full vector");
  const { trust, crls, envelope, statusList, now } = verifyInputs(v);
  const dir = join(testsDir, v.input.trust);
  for (const lang of ["vi", "en"]) {
    const report = await verify(envelope, { trust, crls, statusList, now, lang, trustSource: dir });
    const args = ["verify", "--trust", dir, ...v.input.crls.flatMap((c) => ["--crl", join(testsDir, c)]), "--at", now,
      "--format", "json", "--lang", lang, "-"];
    const statusPath = join(root, "target", `status-${process.pid}.json`);
    if (statusList) {
      writeFileSync(statusPath, statusList);
      args.splice(1, 0, "--status", statusPath);
    }
    const native = spawnSync(hocbaBin, args, { input: envelope });
    rmSync(statusPath, { force: true });
    assert.equal(native.status, 0, native.stderr.toString());
    assert.deepEqual(report, JSON.parse(native.stdout.toString()));
  }
});

test("a verifier is built once and reused; bad inputs are typed errors naming the file", async () => {
  const v = vectors("verify").find((x) => x.id === "valid-full");
  const { trust, crls, envelope, statusList, now } = verifyInputs(v);
  const verifier = await createVerifier({ trust, crls, trustSource: "demo", trustAsOf: "2025-07-01T00:00:00+07:00" });
  try {
    const a = await verifier.verify(envelope, { statusList, now });
    const b = await verifier.verify(new TextEncoder().encode(envelope), { statusList, now: new Date(now) });
    assert.equal(a.verdict, "valid");
    assert.deepEqual(a, b);
    assert.equal(a.trust.source, "demo");
    assert.equal(a.trust.as_of, "2025-06-30T17:00:00Z");
    // Garbage is an invalid report, never a throw or a crash.
    for (const junk of ["", "{", "null", "[]", new Uint8Array([0xff, 0xfe, 0x00]), "x".repeat(5 << 20)]) {
      assert.equal((await verifier.verify(junk, { now })).verdict, "invalid");
    }
    await assert.rejects(verifier.verify(envelope, { now: "yesterday" }), (e) => e.code === "time_malformed" && e.pointer === "/now");
    await assert.rejects(verifier.verify(envelope, { now, policy: { requireEverything: true } }),
      (e) => e.code === "policy_option_invalid" && e.pointer === "/requireEverything");
    // The verifier's certificate-policy inputs (D-118): the demo PKI's certificates name no policy.
    const explicit = await verifier.verify(envelope, { statusList, now, policy: { explicitPolicy: true } });
    assert.equal(explicit.verdict, "invalid");
    assert.equal(explicit.checks.find((c) => c.id === "signatures[0].path").code, "policy_not_acceptable");
    const any = await verifier.verify(envelope, { statusList, now, policy: { acceptablePolicies: ["2.16.704.1.1"] } });
    assert.equal(any.verdict, "valid", "no CA requires a policy: a narrower set alone changes nothing");
    await assert.rejects(verifier.verify(envelope, { now, policy: { acceptablePolicies: ["vnpt-ca"] } }),
      (e) => e.code === "policy_option_invalid" && e.pointer === "/acceptablePolicies");
  } finally {
    verifier.free();
  }
  await assert.rejects(createVerifier({ trust: [...trust, { name: "junk.pem", bytes: "not a certificate" }] }),
    (e) => e instanceof HocbaError && e.pointer === `/trust/${trust.length}` && /junk\.pem/.test(e.message));
  await assert.rejects(createVerifier({ trust: [] }), (e) => e.code === "trust_store_empty");
  await assert.rejects(createVerifier({ trust, crls: ["junk"] }), (e) => e.code === "crl_malformed" && e.pointer === "/crls/0");
});

test("passes: a genuine record takes one; a refuted check is re-judged, never assumed; one that cannot run is undecided", async () => {
  const v = vectors("verify").find((x) => x.id === "valid-full");
  const { trust, crls, envelope, statusList, now } = verifyInputs(v);
  const blob = (files) => {
    const parts = files.map((f) => (f.bytes ?? f));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return [out, Uint32Array.from(parts.map((p) => p.length))];
  };
  const [t, tl] = blob(trust);
  const [c, cl] = blob(crls);
  const verifier = new RawVerifier(t, tl, "[]", c, cl, "", "", "en");
  // Every signature is computed outside the module: the reference report has them all from RustCrypto.
  const pure = await verify(envelope, { trust, crls, statusList, now, lang: "en", platformCrypto: false });
  const bytes = new TextEncoder().encode(envelope);
  const start = () => {
    const job = verifier.start(bytes, statusList ?? undefined, now, "", "en");
    assert.equal(job.setRecordChecks(recordChecks(job.recordText())), true);
    return job;
  };
  try {
    // A store whose signatures could not be computed (the signature module did not load) is refused
    // with that reason, rather than built without the certificates it could not check.
    const offline = new RawVerifier(t, tl, "[]", c, cl, "", "", "en");
    for (let pending = offline.buildStore(); pending > 0; pending = offline.buildStore()) {
      if (offline.answerStore(new Uint8Array(pending).fill(2))) break;
    }
    assert.equal(JSON.parse(offline.storeResult()).errors[0].code, "signature_arithmetic_unavailable");
    offline.free();
    // The store's CA links are signature checks too: asked for, then confirmed.
    assert.equal(verifier.storeResult() !== "", true, "no store before its passes");
    const links = verifier.buildStore();
    assert.ok(links >= 1, `only ${links} store checks`);
    assert.equal(verifier.answerStore(new Uint8Array(links).fill(1)), true);
    assert.equal(verifier.storeResult(), "");
    // Every RSA/ECDSA check is asked for, with its WebCrypto algorithm and its scheme for the signature
    // module, and the assumed report is the real one once all are confirmed.
    const a = start();
    const n = a.run(verifier);
    assert.ok(n >= 3, `only ${n} checks delegated`);
    for (let i = 0; i < n; i++) {
      const alg = JSON.parse(a.pendingAlgorithm(i));
      assert.match(alg.name, /^(ECDSA|RSASSA-PKCS1-v1_5|RSA-PSS)$/);
      assert.match(a.pendingScheme(i), /^(ecdsa|rsa-pkcs1|rsa-pss):sha(256|384|512)/);
      assert.ok(a.pendingSpki(i).length > 60 && a.pendingMessage(i).length > 0 && a.pendingSignature(i).length >= 64);
      assert.ok(a.pendingSignatureDer(i).length >= a.pendingSignature(i).length);
    }
    assert.equal(a.answer(new Uint8Array(n).fill(1)), true);
    assert.deepEqual(JSON.parse(a.report()).report, pure);
    a.free();
    // The signature module could not be loaded (2 everywhere): nothing is decided, nothing is invalid.
    const b = start();
    for (let pending = b.run(verifier); pending > 0; pending = b.run(verifier)) {
      if (b.answer(new Uint8Array(pending).fill(2))) break;
    }
    const undecided = JSON.parse(b.report()).report;
    assert.equal(undecided.verdict, "indeterminate", JSON.stringify(undecided.checks.filter((x) => x.status !== "valid")));
    assert.ok(undecided.checks.some((x) => x.status === "error" && x.code === "signature_arithmetic_unavailable"));
    assert.ok(!undecided.checks.some((x) => x.status === "invalid"), JSON.stringify(undecided.checks));
    b.free();
    // The platform says the first check fails: the assumed report is discarded and the next pass uses
    // the refutation, so the record is no longer valid.
    const c2 = start();
    const k = c2.run(verifier);
    const refuted = new Uint8Array(k).fill(1);
    refuted[0] = 0;
    assert.equal(c2.answer(refuted), false);
    for (let pending = c2.run(verifier); pending > 0; pending = c2.run(verifier)) {
      if (c2.answer(new Uint8Array(pending).fill(1))) break;
    }
    const report = JSON.parse(c2.report()).report;
    assert.notEqual(report.verdict, "valid");
    assert.ok(report.checks.some((x) => x.status === "invalid" || x.status === "error"));
    c2.free();
  } finally {
    verifier.free();
  }
});

test("in Node, verify hands the RSA and ECDSA checks to node:crypto and reports what it answers", async () => {
  const v = vectors("verify").find((x) => x.id === "valid-full");
  const { trust, crls, envelope, statusList, now } = verifyInputs(v);
  const rules = await import("../../pkg/hocba_rules.js");
  const raw = await import("../../pkg/hocba_verify.js");
  const { platformChecker } = await import("../../pkg/node-crypto.js");
  let asked = 0;
  let lie = false; // when set, the checker claims every signature is forged
  const signatures = await import("../../pkg/index.node.js").then((m) => m.initSignatures());
  const counting = (platform) => {
    const real = platformChecker(() => signatures, platform);
    return { name: "counting", checkAll(verification, count) {
      asked += count;
      return lie ? new Uint8Array(count) : real.checkAll(verification, count);
    } };
  };
  const api = wrap(rules, raw, counting);
  const report = await api.verify(envelope, { trust, crls, statusList, now });
  assert.equal(report.verdict, "valid");
  assert.ok(asked >= 3, `node:crypto asked for ${asked} checks`);
  assert.deepEqual(report, await verify(envelope, { trust, crls, statusList, now, platformCrypto: false }));
  const verifier = await api.createVerifier({ trust, crls });
  lie = true;
  assert.equal((await verifier.verify(envelope, { statusList, now })).verdict, "invalid");
  verifier.free();
});

test("the modules are loaded on demand: createVerifier, verify and verifyQrStub load them themselves", async () => {
  const v = vectors("verify").find((x) => x.id === "valid-full");
  const { trust, crls, envelope, statusList, now } = verifyInputs(v);
  const rules = await import("../../pkg/hocba_rules.js");
  const raw = await import("../../pkg/hocba_verify.js");
  const { platformChecker } = await import("../../pkg/node-crypto.js");
  const signatures = await import("../../pkg/index.node.js").then((m) => m.initSignatures());
  let loaded = false;
  let loads = 0;
  const api = wrap(rules, raw, (platform) => platformChecker(() => signatures, platform), {
    rules: () => true, verification: () => loaded, load: async () => { loads += 1; loaded = true; },
  });
  // The rules need no verification module.
  assert.equal(api.validate(JSON.stringify(JSON.parse(readFileSync(join(root, "examples", "records", "tt22-grade10.json"), "utf8")))).valid, true);
  assert.equal(loads, 0);
  assert.equal((await api.verify(envelope, { trust, crls, statusList, now })).verdict, "valid");
  assert.ok(loads >= 1);
  (await api.createVerifier({ trust, crls })).free();
  assert.equal((await api.verifyQrStub("HC1:", { trust, now })).verdict, "invalid");
});

test("with only the verification module loaded, the rules' functions are typed refusals, never crashes", async () => {
  const raw = await import("../../pkg/hocba_verify.js");
  const onlyVerification = wrap({}, raw, () => null, { rules: () => false, verification: () => true, load: async () => {} });
  const record = readFileSync(join(root, "examples", "records", "tt22-grade10.json"), "utf8");
  for (const f of [(api) => api.validate(record), (api) => api.canonicalDigest(record), (api) => api.canonicalBytes(record),
    (api) => api.rulesVersion(), (api) => api.assess("{}"), (api) => api.importGradebook("a,b")]) {
    assert.throws(() => f(onlyVerification), (e) => e instanceof HocbaError && e.code === "rules_not_loaded");
  }
  // The verification module no longer exports them (D-119).
  for (const name of ["validateRecord", "canonicalBytes", "canonicalDigest", "rulesVersion", "assess"]) {
    assert.equal(raw[name], undefined, name);
  }
});
