// Benchmark: assess, validate and verify through WebAssembly (this package, in Node) against the same
// functions compiled natively (examples/native_bench.rs: same crate, same JSON text in and out, same
// inputs), measured in the same run. Prints the times and the ratios; the design's budget is WASM ≤ 2×
// native, judged against the fastest native build when it is given. Native binaries come from
// NATIVE_BENCH (pure-Rust RustCrypto backend) and, if given, NATIVE_BENCH_FAST (the core's
// `native-crypto` AWS-LC backend, the CLI's). `verify` is the package as shipped (signature arithmetic by
// node:crypto, D-87); `verify_wasm_only` computes every signature in WebAssembly.
// Usage: node bench/bench.mjs [--json out.json]   (bindings-wasm/scripts/bench.sh builds everything)
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assess, createVerifier, validate } from "../pkg/index.node.js";
// The raw exports (JSON text out, no JSON.parse in JS): separates the module's own time from the wrapper's.
import * as raw from "../pkg/hocba_rules.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const studentPath = join(root, "examples", "student-tt22-grade10.json");
const recordPath = join(root, "examples", "records", "tt22-grade10.json");
const signedDir = join(root, "examples", "signed");
const budgetMs = Number(process.env.BENCH_MS ?? 1500);

/**
 * Best batch's time per call over about `budgetMs` (least disturbed by other work), as native_bench does.
 * Each call is awaited, as a page awaits `verify`; for the synchronous functions that costs a microtask.
 */
async function time(f) {
  await f();
  const start = performance.now();
  let best = Infinity;
  let calls = 0;
  let batch = 1;
  while (performance.now() - start < budgetMs) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) await f();
    const elapsed = performance.now() - t;
    calls += batch;
    best = Math.min(best, (elapsed * 1e6) / batch);
    if (elapsed < 20) batch *= 2;
  }
  return { ns_per_op: best, iterations: calls };
}

async function wasmFigures() {
  const student = readFileSync(studentPath, "utf8");
  const record = readFileSync(recordPath, "utf8");
  const samples = JSON.parse(readFileSync(join(signedDir, "samples.json"), "utf8"));
  const valid = samples.samples[0];
  const trust = samples.trust.map((p) => readFileSync(join(signedDir, p)));
  const crls = valid.crls.map((p) => readFileSync(join(signedDir, p)));
  const envelope = readFileSync(join(signedDir, valid.envelope));
  const statusList = readFileSync(join(signedDir, valid.status_list), "utf8");
  const verifier = await createVerifier({ trust, crls, trustSource: "demo" });
  for (const platformCrypto of [true, false]) {
    const check = await verifier.verify(envelope, { statusList, now: valid.now, platformCrypto });
    if (check.verdict !== "valid") throw new Error(`the valid sample does not verify: ${check.verdict}`);
  }
  const out = {
    assess: await time(() => assess(student)),
    assess_raw: await time(() => raw.assess(student, "", "vi")),
    validate: await time(() => validate(record)),
    validate_raw: await time(() => raw.validateRecord(record, "vi")),
    // Signature arithmetic by the platform's crypto (node:crypto here, WebCrypto in browsers: what the
    // package does by default) …
    verify: await time(() => verifier.verify(envelope, { statusList, now: valid.now })),
    // … and all of it in the signature module (pure-Rust RustCrypto in WebAssembly, 32-bit limbs).
    verify_wasm_only: await time(() => verifier.verify(envelope, { statusList, now: valid.now, platformCrypto: false })),
    trust_store: await time(async () => (await createVerifier({ trust, crls })).free()),
  };
  verifier.free();
  return out;
}

function nativeFigures(binary) {
  const r = spawnSync(binary, [studentPath, recordPath, signedDir], { env: { ...process.env, BENCH_MS: String(budgetMs) } });
  if (r.status !== 0) throw new Error(`${binary}: ${r.stderr}`);
  return Object.fromEntries(r.stdout.toString().trim().split("\n").map((l) => JSON.parse(l)).map((x) => [x.op, x]));
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);

const nativePath = process.env.NATIVE_BENCH ?? join(root, "target", "release", "examples", "native_bench");
const fastPath = process.env.NATIVE_BENCH_FAST;
const native = nativeFigures(nativePath);
const wasm = await wasmFigures();
const fast = fastPath ? nativeFigures(fastPath) : null;

// The operations the design's ≤ 2× budget is about; the others are printed for context.
const BUDGETED = new Set(["assess", "assess_raw", "validate", "validate_raw", "verify"]);
const rows = [];
for (const op of ["assess", "assess_raw", "validate", "validate_raw", "verify", "verify_wasm_only", "trust_store"]) {
  const base = op.replace(/_raw$|_wasm_only$/, ""); // the native side has one figure for these rows
  const row = { op, wasm_ns: wasm[op].ns_per_op, native_ns: native[base].ns_per_op, ratio: wasm[op].ns_per_op / native[base].ns_per_op };
  if (fast) Object.assign(row, { fastest_native_ns: fast[base].ns_per_op, ratio_to_fastest: wasm[op].ns_per_op / fast[base].ns_per_op });
  rows.push(row);
}
console.log(`WASM (Node ${process.version}) vs native, best batch of ~${budgetMs} ms each; budget WASM ≤ 2× native,`);
console.log(`judged against the ${fast ? "AWS-LC build (the CLI's)" : "pure-Rust build"}`);
console.log("(*_raw: the WebAssembly export alone, JSON text out, without the wrapper's JSON.parse)");
console.log(`${"operation".padEnd(12)} ${"wasm".padStart(10)} ${"native".padStart(10)} ${"ratio".padStart(7)}${fast ? `${"aws-lc".padStart(11)} ${"ratio".padStart(7)}` : ""}  budget`);
for (const r of rows) {
  console.log(`${r.op.padEnd(12)} ${fmt(r.wasm_ns).padStart(10)} ${fmt(r.native_ns).padStart(10)} ${`${r.ratio.toFixed(2)}×`.padStart(7)}` +
    (fast ? `${fmt(r.fastest_native_ns).padStart(11)} ${`${r.ratio_to_fastest.toFixed(2)}×`.padStart(7)}` : "") +
    `  ${!BUDGETED.has(r.op) ? "—" : (fast ? r.ratio_to_fastest : r.ratio) <= 2 ? "ok" : "MISSED"}`);
}
const jsonAt = process.argv.indexOf("--json");
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify(rows, null, 2));
