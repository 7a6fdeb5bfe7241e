// End-to-end tests of the parent view in headless Chromium (Debian's, driven by playwright-core): the bundled
// samples (valid, tampered, revoked, unknown signer) give the right banner and messages, a file chosen by
// the user is verified too, and screenshots at phone and desktop width go to bindings-wasm/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { artifacts, examples, launchChromium as launch, siteAndBrowser } from "./harness.mjs";

const signed = join(examples, "signed");

const live = siteAndBrowser();

/** A new page `width` px wide: its page errors, and the .wasm files it requested, in order. */
async function newPage(width, on = live.browser) {
  const context = await on.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const modules = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) modules.push(r.url().split("/").pop()); });
  return { context, page, errors, modules };
}

async function openParent(width, { on = live.browser, url = live.base } = {}) {
  const { context, page, errors, modules } = await newPage(width, on);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.parentReady === "true", null, { timeout: 20_000 })
    .catch((e) => { throw new Error(`parent view did not start: ${errors.join("; ") || e.message}`); });
  // The rules module first, verification after it, each once (decisions D-103).
  assert.deepEqual(modules, ["hocba_rules_bg.wasm", "hocba_verify_bg.wasm"]);
  await page.getByRole("button", { name: /Phụ huynh/ }).click();
  return { page, errors, context, modules };
}

/** Clicks a sample and waits for its report. */
async function trySample(page, name) {
  await page.evaluate(() => { document.getElementById("verdict").className = ""; });
  await page.click(`button[data-sample="${name}"]`);
  await page.waitForSelector("#verdict.banner", { timeout: 30_000 });
  return {
    verdict: await page.locator("#verdict").textContent(),
    checks: await page.locator("#report li.check").evaluateAll((items) => items.map((li) => ({
      id: li.dataset.check, status: li.className.replace("check ", ""), text: li.textContent }))),
  };
}

const bad = (checks) => checks.filter((c) => c.status === "invalid" || c.status === "error").map((c) => `${c.id} ${c.text.match(/\[(\w+)\]/)?.[1]}`);

for (const [label, width] of [["phone", 360], ["desktop", 1280]]) {
  test(`parent flow at ${label} width: valid, tampered, revoked and unknown-signer samples`, async () => {
    const { page, errors, context } = await openParent(width);

    const valid = await trySample(page, "valid");
    assert.match(valid.verdict, /✓ Học bạ hợp lệ/);
    assert.deepEqual(bad(valid.checks), []);
    assert.ok(valid.checks.length >= 40, `${valid.checks.length} checks`);
    assert.match(await page.locator("#verify-now").inputValue(), /^2025-07-10T07:00$/); // the sample's `now`, Vietnam time
    // The bundled trust store is labelled as a demo, visibly, without opening anything.
    assert.ok(await page.locator("#trust-label .demo-badge").isVisible());
    assert.match(await page.locator("#trust-label").textContent(), /DEMO.*chỉ để thử/);
    const report = await page.locator("#report").textContent();
    for (const text of ["Giáo viên chủ nhiệm: Lê Thị Hồng Nhung", "Hiệu trưởng: Phạm Văn Đức", "Nhà trường (chữ ký số tổ chức)",
      "Nguyễn Thị Minh Anh", "10/07/2025 07:00", "DEMO", "Học sinh Xuất sắc", "Được lên lớp"]) {
      assert.ok(report.includes(text), `report lacks ${text}`);
    }
    // Signing times in Vietnam time, the paper học bạ's decimal comma, one group of checks per signature.
    assert.match(report, /Ký lúc \d\d\/\d\d\/2025 \d\d:\d\d \(giờ Việt Nam\)/);
    const toan = await page.locator("table.hocba tr", { hasText: "Toán" }).textContent();
    assert.match(toan, /9,3/);
    assert.equal(await page.locator("#report h4", { hasText: /^Chữ ký \d/ }).count(), 3);
    // No horizontal scrolling on a 360 px phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "horizontal scroll");
    await page.screenshot({ path: join(artifacts, `parent-${label}-valid.png`), fullPage: true });

    const tampered = await trySample(page, "tampered");
    assert.match(tampered.verdict, /✗ Học bạ không hợp lệ/);
    assert.ok(bad(tampered.checks).includes("signatures[0].digest digest_mismatch"), bad(tampered.checks).join(", "));
    assert.match(await page.locator("#report").textContent(), /Nội dung hồ sơ không được hiển thị/);
    assert.equal(await page.locator("table.hocba").count(), 0, "results of a tampered record must not be shown");
    await page.screenshot({ path: join(artifacts, `parent-${label}-tampered.png`), fullPage: true });

    const revoked = await trySample(page, "revoked");
    assert.match(revoked.verdict, /✗ Học bạ không hợp lệ/);
    assert.deepEqual(bad(revoked.checks), ["status record_revoked"]);
    assert.match(revoked.verdict, /thu hồi/);

    const unknown = await trySample(page, "unknown-signer");
    assert.match(unknown.verdict, /✗ Học bạ không hợp lệ/);
    assert.ok(bad(unknown.checks).includes("signatures[0].path path_unknown_root"), bad(unknown.checks).join(", "));
    await page.screenshot({ path: join(artifacts, `parent-${label}-unknown-signer.png`), fullPage: true });

    // English switch: the banner and the checks' messages change language.
    await page.click("#lang");
    await page.waitForFunction(() => document.getElementById("verdict").textContent.includes("Invalid record"));
    assert.match(await page.locator("#report").textContent(), /Signature 1/);
    await page.click("#lang");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("parent flow: a file the user opens, verified at the time they set; keyboard reaches every control", async () => {
  const { page, errors, context } = await openParent(1280);
  await page.click('button[data-sample="valid"]'); // loads the demo trust store and CRLs
  await page.waitForSelector("#verdict.valid");
  await page.locator("#parent-options summary").click();
  // Ten years later, without the school's status list: still valid (path judged at the signing time),
  // with the status check skipped and said so.
  await page.fill("#verify-now", "2035-07-10T09:30");
  await page.setInputFiles("#parent-file", join(signed, "valid.json"));
  await page.waitForFunction(() => document.getElementById("report").textContent.includes("10/07/2035 09:30"));
  assert.match(await page.locator("#verdict").textContent(), /✓ Học bạ hợp lệ/);
  assert.equal(await page.locator('#report li.check[data-check="status"]').getAttribute("class"), "check skipped");
  await page.setInputFiles("#parent-file", join(signed, "tampered.json"));
  await page.waitForSelector("#verdict.invalid");
  // The user's own trust anchors replace the demo: with only the national root, the signatures whose
  // certificates chain to the government root no longer verify, and the label no longer says DEMO.
  await page.setInputFiles("#parent-file", join(signed, "valid.json"));
  await page.waitForSelector("#verdict.valid");
  await page.setInputFiles("#trust-files", [join(signed, "trust", "root-national.pem"), join(signed, "trust", "ca-public.pem")]);
  await page.waitForSelector("#verdict.invalid");
  assert.doesNotMatch(await page.locator("#trust-label").textContent(), /DEMO/);
  assert.match(await page.locator("#trust-label").textContent(), /root-national\.pem/);
  assert.ok(await page.locator('#report li.check.invalid[data-check$=".path"]').count() >= 1);
  await page.click("#trust-demo");
  await page.waitForSelector("#verdict.valid");
  // Keyboard: the sample buttons and the file control are reachable with Tab and have accessible names.
  const names = new Set();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    names.add(await page.evaluate(() => {
      const a = document.activeElement;
      return a?.labels?.[0]?.textContent || a?.getAttribute("aria-label") || a?.textContent || "";
    }));
  }
  for (const name of ["Mở học bạ đã ký", "Hồ sơ hợp lệ", "Hồ sơ bị sửa", "Hồ sơ bị thu hồi", "Người ký không rõ"]) {
    assert.ok([...names].some((n) => n.includes(name)), `${name} not reachable by keyboard: ${[...names].join(" | ")}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("once loaded, both views work offline", async () => {
  const { page, errors, context } = await openParent(360);
  await context.setOffline(true);
  await page.setInputFiles("#parent-file", join(signed, "valid.json"));
  await page.waitForSelector("#verdict.valid");
  await page.setInputFiles("#parent-file", join(signed, "tampered.json"));
  await page.waitForSelector("#verdict.invalid");
  await page.getByRole("button", { name: /Giáo viên/ }).click();
  await page.setInputFiles("#teacher-file", join(examples, "student-tt22-grade10.json"));
  await page.locator("#problems .ok").waitFor();
  assert.match(await page.locator('[data-result="1"]').textContent(), /\d,\d/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A phone-width page (as `newPage`) whose requests for `file` fail until `unblock()`. */
async function pageBlocking(file) {
  const opened = await newPage(360);
  let blocked = true;
  await opened.page.route(`**/${file}`, (route) => (blocked ? route.abort() : route.continue()));
  return { ...opened, unblock: () => { blocked = false; } };
}

test("a verification module that failed to load is fetched again on the next use", async () => {
  const { context, page, errors, unblock } = await pageBlocking("hocba_verify_bg.wasm");
  await page.goto(live.base);
  await page.waitForFunction(() => document.getElementById("trust-error").textContent !== "", null, { timeout: 20_000 });
  assert.match(await page.locator("#trust-error").textContent(), /Không tải được phần kiểm tra học bạ đã ký/);
  unblock();
  await page.getByRole("button", { name: /Phụ huynh/ }).click();
  await page.waitForFunction(() => document.body.dataset.parentReady === "true", null, { timeout: 20_000 });
  await page.setInputFiles("#parent-file", join(signed, "valid.json"));
  await page.waitForSelector("#verdict.valid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a page opened on #parent whose rules module cannot load says so, then verifies once it loads", async () => {
  // Verification asks the rules module to judge the record itself (D-121): without it, no verdict at all,
  // and the page says why; the next use fetches it again.
  const { context, page, errors, modules, unblock } = await pageBlocking("hocba_rules_bg.wasm");
  await page.goto(`${live.base}#parent`);
  await page.waitForFunction(() => document.getElementById("trust-error").textContent !== "", null, { timeout: 20_000 });
  assert.match(await page.locator("#trust-error").textContent(), /Không tải được phần kiểm tra học bạ đã ký/);
  assert.equal(modules[0], "hocba_verify_bg.wasm");
  await page.locator('button[data-sample="valid"]').waitFor();
  await page.click('button[data-sample="valid"]');
  await page.waitForSelector("#verdict.indeterminate");
  assert.equal(await page.locator("table.hocba").count(), 0);
  unblock();
  await page.click('button[data-sample="valid"]');
  await page.waitForSelector("#verdict.valid");
  await page.locator("table.hocba tr", { hasText: "Toán" }).waitFor();
  assert.match(await page.locator("table.hocba tr", { hasText: "Toán" }).textContent(), /\d,\d/);
  assert.equal(await page.locator("#trust-error").textContent(), "");
  await page.waitForFunction(() => document.getElementById("version").textContent !== "");
  await page.getByRole("button", { name: /Giáo viên/ }).click();
  await page.setInputFiles("#teacher-file", join(examples, "student-tt22-grade10.json"));
  await page.locator("#problems .ok").waitFor();
  assert.equal(modules.filter((m) => m === "hocba_verify_bg.wasm").length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("parent flow: a primary-school record (TT27) shows its levels and end-of-year test scores", async () => {
  const { page, errors, context } = await openParent(360);
  const r = await trySample(page, "valid-primary");
  assert.match(r.verdict, /✓ Học bạ hợp lệ/);
  assert.deepEqual(bad(r.checks), []);
  const toan = await page.locator("table.hocba tr", { hasText: "Toán" }).textContent();
  assert.match(toan, /Hoàn thành tốt/);
  assert.match(toan, /10/);
  const report = await page.locator("#report").textContent();
  assert.match(report, /Hoàn thành xuất sắc/); // the year's result
  assert.match(report, /Học sinh Xuất sắc/); // the title
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "horizontal scrolling at 360 px");
  await page.screenshot({ path: join(artifacts, "parent-phone-tt27.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("parent flow: the QR code of a printed copy, pasted, checked against the open record", async () => {
  const { page, errors, context } = await openParent(360);
  await page.locator("#qr-box summary").click();
  await page.click("#qr-sample");
  await page.waitForSelector("#verdict.valid");
  await page.waitForSelector("#qr-h");
  const report = await page.locator("#report").textContent();
  assert.match(report, /79000701\.2024-2025\.7900123456\.v1/);
  assert.equal(await page.locator("#report li.check.invalid, #report li.check.error").count(), 0);
  assert.equal(await page.locator('#report li.check.valid[data-check="record"]').count(), 1);
  // One character changed in the text: the stub no longer verifies.
  const text = await page.locator("#qr-text").inputValue();
  const at = text.length - 10;
  await page.fill("#qr-text", text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1));
  await page.click("#qr-check");
  await page.waitForSelector("#verdict.invalid");
  // The QR view stays on a language switch.
  await page.click("#lang");
  await page.waitForFunction(() => document.getElementById("verdict").textContent.includes("Invalid record"));
  assert.equal(await page.locator("#qr-h").textContent(), "QR code");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "horizontal scroll");
  await page.screenshot({ path: join(artifacts, "parent-phone-qr-invalid.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("parent flow on a plain-http page (not a secure context): no WebCrypto, the signature module computes, same verdicts", async () => {
  // A school may serve the page over plain http on its own network. Such a page is not a secure context,
  // so the browser offers no crypto.subtle and every RSA/ECDSA check goes to the signature module
  // (RustCrypto in WebAssembly, D-123), fetched for the first such check.
  // The host name is mapped to the loopback server; unlike 127.0.0.1 it is not trustworthy by default.
  const insecure = await launch(["--host-resolver-rules=MAP hocba-school.test 127.0.0.1"]);
  try {
    const url = `http://hocba-school.test:${live.server.address().port}/`;
    const { page, errors, context, modules } = await openParent(360, { on: insecure, url });
    assert.deepEqual(await page.evaluate(() => [window.isSecureContext, typeof globalThis.crypto?.subtle]),
      [false, "undefined"]);
    // While the signature module cannot be fetched, no signature is decided: never "invalid".
    let blocked = true;
    await page.route("**/hocba_signatures_bg.wasm", (route) => (blocked ? route.abort() : route.continue()));
    await page.click('button[data-sample="valid"]');
    await page.waitForSelector("#verdict.indeterminate", { timeout: 30_000 });
    assert.match(await page.locator("#trust-error").textContent(), /không tải được phần kiểm tra chữ ký/);
    blocked = false;
    const valid = await trySample(page, "valid");
    assert.match(valid.verdict, /✓ Học bạ hợp lệ/);
    assert.deepEqual(bad(valid.checks), []);
    assert.ok(valid.checks.length >= 40, `${valid.checks.length} checks`);
    const tampered = await trySample(page, "tampered");
    assert.ok(bad(tampered.checks).includes("signatures[0].digest digest_mismatch"), bad(tampered.checks).join(", "));
    const revoked = await trySample(page, "revoked");
    assert.deepEqual(bad(revoked.checks), ["status record_revoked"]);
    const unknown = await trySample(page, "unknown-signer");
    assert.ok(bad(unknown.checks).includes("signatures[0].path path_unknown_root"), bad(unknown.checks).join(", "));
    assert.ok(modules.includes("hocba_signatures_bg.wasm"), modules.join(", "));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await insecure.close();
  }
});

test("on a secure page the platform checks every RSA and ECDSA signature: the signature module is never fetched", async () => {
  const { page, errors, context, modules } = await openParent(1280);
  for (const name of ["valid", "tampered", "revoked", "unknown-signer"]) await trySample(page, name);
  assert.ok(!modules.includes("hocba_signatures_bg.wasm"), modules.join(", "));
  assert.deepEqual(errors, []);
  await context.close();
});
