// End-to-end tests of the static page in headless Chromium (Debian's, driven by playwright-core):
// the teacher flow on a broken record, the fix, and screenshots at phone and desktop width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { artifacts, brokenStudent, examples, openPage as openPageOf, siteAndBrowser } from "./harness.mjs";

const live = siteAndBrowser();

const openPage = (width) => openPageOf(live, width);

for (const [name, width] of [["phone", 360], ["desktop", 1280]]) {
  test(`teacher flow at ${name} width: broken record, exact problems, fix, problems gone`, async () => {
    const { page, errors } = await openPage(width);
    await page.setInputFiles("#teacher-file", brokenStudent("broken-student.json"));
    const problems = page.locator("#problems li");
    await problems.first().waitFor();
    const texts = await problems.allTextContents();
    assert.equal(texts.length, 2, texts.join("\n"));
    assert.match(texts[0], /\/tt22\/subjects\/0\/hk2\/final.*\[score_too_precise\]/);
    assert.match(texts[1], /\/tt22\/subjects\/1\/hk1\/regular\/2.*\[score_out_of_range\]/);
    const bad = page.locator('input[data-pointer="/tt22/subjects/1/hk1/regular/2"]');
    assert.equal(await bad.getAttribute("aria-invalid"), "true");
    await page.screenshot({ path: join(artifacts, `teacher-${name}-errors.png`), fullPage: true });

    await bad.fill("10");
    await page.locator('input[data-pointer="/tt22/subjects/0/hk2/final"]').fill("8.5");
    await page.locator("#problems .ok").waitFor();
    assert.equal(await page.locator("#problems li").count(), 0);
    assert.equal(await bad.getAttribute("aria-invalid"), null);
    const summary = await page.locator("#results .summary").textContent();
    assert.match(summary, /Học sinh Xuất sắc/);
    // Decimal comma, as the paper học bạ shows it.
    assert.match(await page.locator('[data-result="1"]').textContent(), /\d,\d/);
    await page.screenshot({ path: join(artifacts, `teacher-${name}-fixed.png`), fullPage: true });

    // The English switch relabels the page and the engine's messages.
    await page.click("#lang");
    await page.locator('input[data-pointer="/tt22/subjects/0/hk2/final"]').fill("8.55");
    await page.locator("#problems li").first().waitFor();
    assert.match(await page.locator("#problems li").first().textContent(), /more than one decimal/);
    assert.deepEqual(errors, []);
  });
}

test("teacher opens a CSV gradebook: a whole class loads; a bad cell is named by its cell", async () => {
  const { page, errors } = await openPage(1280);
  const csv = readFileSync(join(examples, "gradebook-10a1.csv"), "utf8");
  await page.setInputFiles("#teacher-file", { name: "10a1.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator("#student-select option").nth(39).waitFor({ state: "attached" });
  assert.equal(await page.locator("#student-select option").count(), 40);
  // Row 3 is the first student; column D is ngu_van.hk1.tx1.
  const rows = csv.split("\n");
  const cells = rows[2].split(",");
  cells[3] = "11";
  rows[2] = cells.join(",");
  await page.setInputFiles("#teacher-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  const first = page.locator("#problems li").first();
  await first.waitFor();
  assert.match(await first.textContent(), /^D3 .*\[score_out_of_range\]/);
  assert.equal(await page.locator("#student-select option").count(), 40, "the bad file loaded nothing new");
  assert.deepEqual(errors, []);
});

test("the page fits a 360 px phone without horizontal scrolling of the page itself", async () => {
  const { page } = await openPage(360);
  await page.setInputFiles("#teacher-file", join(examples, "student-tt22-grade10.json"));
  await page.locator("#problems .ok").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls horizontally by ${overflow}px`);
});

test("every control has an accessible name and can be reached by keyboard", async () => {
  const { page } = await openPage(1280);
  await page.setInputFiles("#teacher-file", join(examples, "student-tt22-grade10.json"));
  await page.locator("#problems .ok").waitFor();
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("button, input, select")]
      .filter((n) => !n.hidden && !(n.getAttribute("aria-label") || n.labels?.length || n.textContent.trim()))
      .map((n) => n.outerHTML));
  assert.deepEqual(unnamed, []);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.ok(focused, "Tab reaches a control");
});
