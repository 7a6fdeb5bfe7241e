// The verification vectors (tests/vectors/verify) in headless Chromium through the package as a page loads
// it: with Chromium's WebCrypto doing the RSA and ECDSA arithmetic (the default) and with all of it in
// WebAssembly, the reports must be identical and must carry the expected verdict and checks — so the
// browser's crypto (BoringSSL) cannot make a record pass or fail differently from the core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pkgRoot, siteAndBrowser } from "./harness.mjs";

const testsDir = join(pkgRoot, "..", "tests");

const live = siteAndBrowser();

const b64 = (bytes) => Buffer.from(bytes).toString("base64");

function vectorInputs() {
  const dir = join(testsDir, "vectors", "verify");
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => {
    const v = JSON.parse(readFileSync(join(dir, f), "utf8"));
    const trustDir = join(testsDir, v.input.trust);
    return {
      id: v.id,
      expected: v.expected,
      trust: readdirSync(trustDir).sort().map((name) => ({ name, bytes: b64(readFileSync(join(trustDir, name))) })),
      crls: v.input.crls.map((p) => b64(readFileSync(join(testsDir, p)))),
      envelope: v.input.envelope_text ?? JSON.stringify(v.input.envelope),
      statusList: v.input.status_list === null ? null : JSON.stringify(v.input.status_list),
      now: v.input.now,
    };
  });
}

test("verification vectors in Chromium: WebCrypto and WebAssembly alone give the same, expected report", async () => {
  const vectors = vectorInputs();
  assert.ok(vectors.length >= 30, `only ${vectors.length} verification vectors`);
  const page = await live.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${live.base}index.html`);
  const results = await page.evaluate(async (all) => {
    const hocba = await import("./pkg/index.js");
    await hocba.init();
    const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const out = [];
    for (const v of all) {
      const options = { trust: v.trust.map((t) => ({ name: t.name, bytes: bytes(t.bytes) })), crls: v.crls.map(bytes),
        statusList: v.statusList, now: v.now, lang: "en" };
      const viaWebCrypto = await hocba.verify(v.envelope, options);
      const alone = await hocba.verify(v.envelope, { ...options, platformCrypto: false });
      out.push({ id: v.id, secure: globalThis.isSecureContext, same: JSON.stringify(viaWebCrypto) === JSON.stringify(alone),
        verdict: viaWebCrypto.verdict, checks: viaWebCrypto.checks.map(({ id, status, code }) => ({ id, status, code })) });
    }
    return out;
  }, vectors);
  assert.deepEqual(errors, []);
  const failures = [];
  for (const [i, r] of results.entries()) {
    const want = vectors[i].expected;
    if (!r.secure) failures.push(`${r.id}: the test page is not a secure context, WebCrypto was not used`);
    if (!r.same) failures.push(`${r.id}: WebCrypto and WebAssembly reports differ`);
    if (r.verdict !== want.verdict || JSON.stringify(r.checks) !== JSON.stringify(want.checks)) {
      failures.push(`${r.id}: verdict ${r.verdict} (want ${want.verdict})\n  got  ${JSON.stringify(r.checks)}\n  want ${JSON.stringify(want.checks)}`);
    }
  }
  assert.deepEqual(failures, []);
  await page.close();
});

test("in Chromium, verification hands the signatures to WebCrypto", async () => {
  const page = await live.browser.newPage();
  await page.goto(`${live.base}index.html`);
  const [v] = vectorInputs().filter((x) => x.id === "valid-full");
  const calls = await page.evaluate(async (v) => {
    // Count the calls the package makes to crypto.subtle.verify while it verifies a genuine record.
    let count = 0;
    const original = crypto.subtle.verify.bind(crypto.subtle);
    crypto.subtle.verify = (...args) => { count += 1; return original(...args); };
    const hocba = await import("./pkg/index.js");
    await hocba.init();
    const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const report = await hocba.verify(v.envelope, { trust: v.trust.map((t) => ({ name: t.name, bytes: bytes(t.bytes) })),
      crls: v.crls.map(bytes), statusList: v.statusList, now: v.now });
    return { count, verdict: report.verdict };
  }, v);
  assert.equal(calls.verdict, "valid");
  assert.ok(calls.count >= 3, `crypto.subtle.verify called ${calls.count} times`);
  await page.close();
});
