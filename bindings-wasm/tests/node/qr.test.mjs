// The QR stub of a printed học bạ, verified through WebAssembly: the demo stub with its record, the same
// JSON report as `hocba qr verify --format json`, and garbage as an invalid report, never a throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createVerifier, verifyQrStub } from "../../pkg/index.node.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const signed = join(root, "examples", "signed");
const hocbaBin = process.env.HOCBA_BIN ?? join(root, "target", "debug", "hocba");
const samples = JSON.parse(readFileSync(join(signed, "samples.json"), "utf8"));
const valid = samples.samples.find((s) => s.name === "valid");
const trustDir = join(signed, "trust");
const trust = samples.trust.map((p) => ({ name: p, bytes: readFileSync(join(signed, p)) }));
const stubPath = join(signed, "valid.stub.txt");

test("the demo QR stub verifies with its record and status list, as the native CLI says", { skip: !existsSync(stubPath) && "no demo stub" }, async () => {
  const stub = readFileSync(stubPath, "utf8");
  const statusList = readFileSync(join(signed, valid.status_list), "utf8");
  const record = readFileSync(join(signed, valid.envelope));
  for (const lang of ["vi", "en"]) {
    const report = await verifyQrStub(stub, { trust, trustSource: trustDir, statusList, record, now: valid.now, lang });
    assert.equal(report.verdict, "valid", JSON.stringify(report.checks));
    assert.equal(report.claims.record_id, JSON.parse(record).record.record_id);
    const native = spawnSync(hocbaBin, ["qr", "verify", "--trust", trustDir, "--status", join(signed, valid.status_list),
      "--record", join(signed, valid.envelope), "--at", valid.now, "--format", "json", "--lang", lang, stubPath]);
    assert.equal(native.status, 0, native.stderr.toString());
    assert.deepEqual(report, JSON.parse(native.stdout.toString()));
  }
  // Another record than the one the stub stands for: the record check fails.
  const other = await verifyQrStub(stub, { trust, statusList, record: readFileSync(join(signed, "tampered.json")), now: valid.now });
  assert.equal(other.verdict, "invalid");
});

test("a garbage stub is an invalid report, not a throw", async () => {
  const verifier = await createVerifier({ trust });
  try {
    for (const junk of ["", "HC1:", "hello", "HC1:" + "A".repeat(5000), new Uint8Array([0xff, 0x00])]) {
      const report = await verifier.verifyQrStub(junk, { now: valid.now });
      assert.equal(report.verdict, "invalid", String(junk).slice(0, 20));
      assert.equal(report.checks[0].id, "format");
    }
  } finally {
    verifier.free();
  }
});
