// Accessibility of the page, audited by axe-core (Deque's rules engine, the one Lighthouse and most
// accessibility CI use) against WCAG 2.2 A and AA: labels, names, roles, landmarks and, above all, colour
// contrast, which no hand-written assertion in the other files measures. Every state a teacher or a
// parent reaches is audited, in both languages and at phone and desktop width, because the contrast
// that matters most is in the states only data produces: the verdict banners, the problem list, the
// invalid inputs, the checks coloured by status. Each audit's full result goes to artifacts/a11y/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { artifacts, brokenStudent, openPage as openPageOf, siteAndBrowser } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const reports = join(artifacts, "a11y");
mkdirSync(reports, { recursive: true });

const live = siteAndBrowser();

/**
 * Audits the page as it is now and fails on any violation, naming each rule and the elements it found.
 * Rules axe could not decide (`incomplete`, e.g. text over a gradient) are written to the report, not failed.
 */
async function audit(page, state) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations", "incomplete"], // passes keep one node per rule: enough to see a rule ran
  }), WCAG);
  writeFileSync(join(reports, `${state}.json`), JSON.stringify({
    url: result.url, violations: result.violations, incomplete: result.incomplete,
  }, null, 2));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
    .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`).join("\n")}`);
  assert.deepEqual(found, [], `${state}: WCAG violations\n${found.join("\n")}`);
  // The contrast rule looked at this state's text and found it sufficient (a rule that matched nothing
  // would pass vacuously).
  assert.ok(result.passes.some((r) => r.id === "color-contrast"), `${state}: color-contrast did not run`);
  return result;
}

const openPage = (width, hash = "") => openPageOf(live, width, { hash, timeout: 20_000 });

async function switchLanguage(page, to) {
  await page.click("#lang");
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

for (const [label, width] of [["phone", 360], ["desktop", 1280]]) {
  test(`teacher view at ${label} width meets WCAG 2.2 AA in every state, in Vietnamese and English`, async () => {
    const { context, page, errors } = await openPage(width);
    await audit(page, `teacher-${label}-empty-vi`);

    await page.setInputFiles("#teacher-file", brokenStudent("a11y-broken-student-vi.json"));
    await page.locator("#problems li").first().waitFor();
    assert.equal(await page.locator('input[aria-invalid="true"]').count(), 2);
    await audit(page, `teacher-${label}-problems-vi`);

    await page.click("#teacher-sample");
    await page.locator("#results .summary").waitFor();
    await audit(page, `teacher-${label}-results-vi`);

    await switchLanguage(page, "en");
    await page.setInputFiles("#teacher-file", brokenStudent("a11y-broken-student-en.json"));
    await page.locator("#problems li").first().waitFor();
    await audit(page, `teacher-${label}-problems-en`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`parent view at ${label} width meets WCAG 2.2 AA for every verdict, in Vietnamese and English`, async () => {
    const { context, page, errors } = await openPage(width, "#parent");
    await page.waitForFunction(() => document.body.dataset.parentReady === "true", null, { timeout: 20_000 });
    await audit(page, `parent-${label}-start-vi`);
    // The options and the QR box open: their fields are audited too.
    for (const summary of await page.locator("#parent-options summary, #qr-box summary").all()) await summary.click();
    for (const [sample, banner] of [["valid", "valid"], ["tampered", "invalid"], ["revoked", "invalid"],
      ["unknown-signer", "invalid"]]) {
      await page.evaluate(() => { document.getElementById("verdict").className = ""; });
      await page.click(`button[data-sample="${sample}"]`);
      await page.waitForSelector(`#verdict.banner.${banner}`, { timeout: 30_000 });
      await audit(page, `parent-${label}-${sample}-vi`);
    }
    await switchLanguage(page, "en");
    await page.waitForFunction(() => document.getElementById("verdict").textContent.includes("Invalid record"));
    await audit(page, `parent-${label}-unknown-signer-en`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the audit fails a page that breaks the rules it checks (so a passing audit means something)", async () => {
  const context = await live.browser.newContext();
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html lang="vi"><head><title>x</title></head><body><main>
    <p style="color:#999;background:#fff">chữ mờ trên nền trắng</p><input type="text"><button></button></main></body></html>`);
  await assert.rejects(audit(page, "control-bad-page"), (e) => {
    for (const rule of ["color-contrast", "label", "button-name"]) assert.match(e.message, new RegExp(rule));
    return true;
  });
  await context.close();
});

/** WCAG relative luminance of a CSS `rgb()`/`rgba()` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** Presses Tab `times` times and checks the ring of every element it lands on; returns what it reached. */
async function tabThrough(page, times) {
  const seen = new Set();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      // A file input is invisible; the label standing for it must show the ring.
      const s = getComputedStyle(a.type === "file" ? a.labels[0] : a);
      return { what: `${a.tagName.toLowerCase()} ${a.id || a.getAttribute("aria-label") || a.textContent.trim().slice(0, 30)}`,
        style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
        page: getComputedStyle(document.body).backgroundColor };
    });
    if (ring === null) continue;
    seen.add(ring.what);
    assert.notEqual(ring.style, "none", `${ring.what} has no focus ring`);
    assert.ok(ring.width >= 2, `${ring.what}: focus ring ${ring.width}px`);
    assert.ok(contrast(ring.color, ring.page) >= 3, `${ring.what}: focus ring ${ring.color} on ${ring.page}`);
  }
  return seen;
}

test("every control Tab reaches shows a focus ring of at least 3:1 against the page (WCAG 1.4.11, 2.4.7)", async () => {
  const { context, page } = await openPage(1280, "#parent");
  await page.waitForFunction(() => document.body.dataset.parentReady === "true", null, { timeout: 20_000 });
  await page.click('button[data-sample="valid"]');
  await page.waitForSelector("#verdict.banner.valid", { timeout: 30_000 });
  for (const summary of await page.locator("#parent-options summary, #qr-box summary").all()) await summary.click();
  const parent = await tabThrough(page, 60);
  assert.ok(parent.size >= 15, `Tab reached only ${[...parent].join(", ")}`);

  await page.click("#tab-teacher");
  await page.click("#teacher-sample");
  await page.locator("#results .summary").waitFor();
  await page.focus("#tab-teacher");
  const teacher = await tabThrough(page, 40);
  assert.ok([...teacher].some((w) => w.startsWith("input ")), `no score input reached: ${[...teacher].join(", ")}`);
  await context.close();
});
