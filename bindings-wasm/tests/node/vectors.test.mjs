// The shared vectors run against the WebAssembly build in Node: same expected values as the Rust harness,
// and the same JSON, byte for byte, as the native `hocba assess --format json`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { assess, HocbaError, rulesVersion } from "../../pkg/index.node.js";
import { compareExpected, loadVectors, vectorInputText } from "../../../tests/js/compare.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const vectors = join(root, "tests", "vectors");
const hocbaBin = process.env.HOCBA_BIN ?? join(root, "target", "debug", "hocba");

function native(inputText, config, lang) {
  const args = ["assess", "--format", "json", "--lang", lang, "-"];
  const dir = mkdtempSync(join(tmpdir(), "hocba-vector-"));
  try {
    if (config) {
      const path = join(dir, "config.json");
      writeFileSync(path, JSON.stringify(config));
      args.splice(1, 0, "--config", path);
    }
    const r = spawnSync(hocbaBin, args, { input: inputText, maxBuffer: 1 << 26 });
    return JSON.parse(r.stdout.toString("utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("rules version", () => {
  assert.match(rulesVersion(), /^\d+\.\d+\.\d+/);
});

test("assessment vectors: expected values, and identical to the native CLI", () => {
  assert.ok(existsSync(hocbaBin), `native CLI not built at ${hocbaBin} (cargo build -p hocba-cli)`);
  const all = loadVectors(vectors, "assess");
  assert.ok(all.length >= 60, `only ${all.length} vectors`);
  const failures = [];
  for (const v of all) {
    let assessment;
    try {
      assessment = assess(v.input, { config: v.config, lang: "vi" });
    } catch (e) {
      failures.push(`${v.id}: threw ${e.code} ${e.message}`);
      continue;
    }
    const mismatches = compareExpected(v.expected, assessment);
    if (mismatches.length) failures.push(`${v.id}:\n  ${mismatches.join("\n  ")}`);
    const nativeOut = native(JSON.stringify(v.input), v.config, "vi");
    if (JSON.stringify(nativeOut.assessment) !== JSON.stringify(assessment)) failures.push(`${v.id}: differs from native`);
  }
  assert.deepEqual(failures, []);
});

test("bad-input vectors: the same codes and pointers", () => {
  const all = loadVectors(vectors, "assess-errors");
  assert.ok(all.length >= 20);
  const failures = [];
  for (const v of all) {
    let problems = null;
    try {
      assess(vectorInputText(v), { config: v.config, lang: "en" });
    } catch (e) {
      assert.ok(e instanceof HocbaError, `${v.id}: ${e}`);
      problems = e.problems.map(({ code, pointer }) => ({ code, pointer }));
    }
    const want = v.expected_errors.map(({ code, pointer }) => ({ code, pointer }));
    if (JSON.stringify(problems) !== JSON.stringify(want)) {
      failures.push(`${v.id}: expected ${JSON.stringify(want)}, got ${JSON.stringify(problems)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("a class file gives one outcome per student, never throws", () => {
  const cls = { students: [loadVectors(vectors, "assess")[0].input, { student: { id: "x" }, grade: 13, school_year: "2024-2025" }] };
  const out = assess(cls);
  assert.equal(out.ok, false);
  assert.equal(out.students[0].ok, true);
  assert.equal(out.students[1].errors[0].code, "invalid_grade");
  assert.equal(out.students[1].errors[0].pointer, "/students/1/grade");
});
