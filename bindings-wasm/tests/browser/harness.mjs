// What every browser test file shares: where the built site and the artifacts are, the static server, and
// Debian's Chromium launched headless the one way the tests need it (no sandbox in CI containers, no GPU,
// no background traffic that could make a test depend on the network).
import { after, before } from "node:test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
/** bindings-wasm/. */
export const pkgRoot = join(here, "..", "..");
/** The static site `scripts/build.sh` assembles. */
export const site = join(pkgRoot, "site");
/** Screenshots and reports kept by CI. */
export const artifacts = join(pkgRoot, "artifacts");
/** The repository's examples/. */
export const examples = join(pkgRoot, "..", "examples");
mkdirSync(artifacts, { recursive: true });

/** Headless Chromium (`$CHROMIUM` or Debian's), with `extraArgs` after the common ones. */
export const launchChromium = (extraArgs = []) => chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", ...extraArgs],
});

/** Serves `root` on a free local port: the server and its base URL. */
export async function serveSite(root = site) {
  const server = await serve(root);
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

/**
 * Registers the file's `before` and `after` hooks: the site served and Chromium launched before its
 * tests, both closed after. Returns the live handles (`server`, `base` URL, `browser`), set once the hooks
 * have run.
 */
export function siteAndBrowser() {
  const live = {};
  before(async () => {
    Object.assign(live, await serveSite());
    live.browser = await launchChromium();
  });
  after(async () => {
    await live.browser?.close();
    live.server?.close();
  });
  return live;
}

/**
 * A new page `width` px wide on the site (`hash` appended), once the page has started (the engine's
 * version shown): its context, the page, and the page errors seen.
 */
export async function openPage(live, width, { hash = "", timeout = 10_000 } = {}) {
  const context = await live.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(live.base + hash);
  await page
    .waitForFunction(() => document.getElementById("version").textContent.length > 0, null, { timeout })
    .catch((e) => { throw new Error(`page did not start: ${errors.join("; ") || e.message}`); });
  return { context, page, errors };
}

/**
 * The grade-10 example student with two faults — a regular assessment of 11 (Toán, HK I, third) and a
 * final with two decimals (Ngữ văn, HK II) — written to artifacts/`fileName`; returns its path. A page
 * fires no change event when the same file is chosen again, so a test that opens it twice uses two names.
 */
export function brokenStudent(fileName) {
  const s = JSON.parse(readFileSync(join(examples, "student-tt22-grade10.json"), "utf8"));
  s.tt22.subjects[1].hk1.regular[2] = "11";
  s.tt22.subjects[0].hk2.final = "8.25";
  const path = join(artifacts, fileName);
  writeFileSync(path, JSON.stringify(s, null, 2));
  return path;
}
