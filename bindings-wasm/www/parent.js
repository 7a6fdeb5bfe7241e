// The parent view: open (or drop) a signed record, or try a bundled sample, and see the verdict, every check
// with its message, the signers, the trust data and `now` used, and the results as the paper học bạ shows
// them. Verification runs in WebAssembly on this device; nothing is sent anywhere. Its module is loaded by
// `startParent`, after the teacher view is usable or when this view opens, whichever comes first (D-103).
import { canonicalDigest, createVerifier, init, initVerification } from "./pkg/index.js";
import { t, lang } from "./i18n.js";
import { el, scrollBox, showValue, wireDrop, vietnamTime, vietnamFieldValue, fieldValueToRfc3339 } from "./dom.js";

const SAMPLES = "samples/signed/";
const $ = (id) => document.getElementById(id);

const state = {
  demo: null,            // { trust: [{name, bytes}], crls: [...], samples: [...] } from samples.json
  trust: null,           // { demo: boolean, files, crls } in use
  verifier: null,        // built once per trust set
  envelope: null,        // { name, bytes }
  statusList: null,      // text, or null
  sample: null,          // the sample in view, if any
  view: "record",        // what the report area shows: the signed record's report, or a QR stub's
  runs: 0,               // verifications started: a newer one supersedes an older one still running
};

async function fetchBytes(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

async function loadDemo() {
  if (state.demo) return state.demo;
  const list = await (await fetch(`${SAMPLES}samples.json`)).json();
  const named = (paths) => Promise.all(paths.map(async (p) => ({ name: p.split("/").pop(), bytes: await fetchBytes(SAMPLES + p) })));
  const crlPaths = [...new Set(list.samples.flatMap((s) => s.crls ?? []))];
  state.demo = { trust: await named(list.trust), crls: await named(crlPaths), samples: list.samples };
  return state.demo;
}

function setTrust(trust) {
  state.verifier?.then((v) => v.free(), () => {});
  state.verifier = null;
  state.trust = trust;
  renderTrustLabel();
}

/** The verifier of the trust set in use, built once (a promise: its CA links are checked asynchronously). */
function verifier() {
  if (!state.verifier) {
    const building = createVerifier({
      trust: state.trust.files,
      crls: state.trust.crls,
      trustSource: state.trust.demo ? t("demoTrustSource") : state.trust.files.map((f) => f.name).join(", "),
      lang: lang(),
    });
    state.verifier = building;
    building.catch(() => { if (state.verifier === building) state.verifier = null; }); // tried again next time
  }
  return state.verifier;
}

function renderTrustLabel() {
  const label = $("trust-label");
  if (!state.trust) return;
  label.replaceChildren(
    state.trust.demo ? el("strong", { class: "demo-badge", text: t("demoBadge") }) : "",
    ` ${state.trust.demo ? t("demoTrustLabel") : t("ownTrustLabel")}: `,
    state.trust.files.map((f) => f.name).join(", "),
  );
}

/** The verification time from the field (Vietnam time), or this device's clock when empty. */
function now() {
  const v = $("verify-now").value;
  return v ? fieldValueToRfc3339(v) : new Date();
}

async function run() {
  if (!state.envelope) return;
  if (!(await startParent())) {
    renderVerdict("indeterminate", $("trust-error").textContent);
    $("report").replaceChildren();
    return;
  }
  // Verification is asynchronous (WebCrypto); only the newest one may render.
  const ticket = ++state.runs;
  state.view = "record";
  $("trust-error").textContent = "";
  let report;
  try {
    report = await (await verifier()).verify(state.envelope.bytes, { statusList: state.statusList, now: now(), lang: lang() });
  } catch (e) {
    if (ticket !== state.runs) return;
    // Unusable trust files or time: nothing could be checked; say why, never "valid". (A trust set that
    // failed is built again on the next run: `verifier`.)
    const message = e.problems?.map((p) => p.message).join("; ") ?? String(e);
    $("trust-error").textContent = message;
    renderVerdict("indeterminate", message);
    $("report").replaceChildren();
    return;
  }
  if (ticket !== state.runs) return;
  render(report);
}

function renderVerdict(verdict, reason) {
  const box = $("verdict");
  box.className = `banner ${verdict}`;
  box.replaceChildren(
    el("p", { class: "verdict-title", text: t(`verdict.${verdict}`) }),
    el("p", { text: t(`verdictHelp.${verdict}`) }),
    ...(reason ? [el("p", { class: "reason", text: reason })] : []),
  );
}

function render(report) {
  const firstBad = report.checks.find((c) => c.status === "invalid") ?? report.checks.find((c) => c.status === "error");
  renderVerdict(report.verdict, firstBad?.message);
  const out = $("report");
  out.replaceChildren();
  if (state.sample) out.append(el("p", { class: "sample-note", text: `${t("sampleShown")}: ${state.sample.description[lang()]}` }));
  out.append(recordSection(report), signersSection(report), checksSection(report), dataSection(report));
}

/** The record's content, only when every signature and digest holds (the report then carries `record`). */
function recordSection(report) {
  const section = el("section", { class: "card", "aria-labelledby": "rec-h" }, el("h3", { id: "rec-h", text: t("recordH") }));
  if (!report.record) {
    section.append(el("p", { text: t("recordHidden") }));
    return section;
  }
  const r = report.record;
  const dl = el("dl", { class: "summary" });
  const row = (k, v) => v !== undefined && v !== null && dl.append(el("dt", { text: t(k) }), el("dd", { text: String(v) }));
  row("studentName", r.student_name);
  row("studentId", r.student_id);
  row("className", r.class ?? r.grade);
  row("schoolYear", r.school_year);
  row("school", r.school_name);
  row("recordId", r.record_id);
  section.append(dl);
  const record = signedRecord(report);
  if (record) section.append(resultsTable(record));
  return section;
}

/** The record parsed in JS, shown only if its canonical digest is the one the report verified. */
function signedRecord(report) {
  try {
    const envelope = JSON.parse(new TextDecoder().decode(state.envelope.bytes));
    return canonicalDigest(envelope.record) === report.digest ? envelope.record : null;
  } catch {
    return null;
  }
}

const LEVEL_WORDS = { T: "hoan_thanh_tot", H: "hoan_thanh", C: "chua_hoan_thanh" };

/** The results as the paper học bạ shows them: per subject, then the year's results. */
function resultsTable(record) {
  const table = el("table", { class: "hocba" });
  const wrap = scrollBox(table, t("resultsH"));
  const th = (text) => el("th", { scope: "col", text });
  if (record.stated?.tt22) {
    const s = record.stated.tt22;
    const retest = (s.subjects ?? []).some((x) => x.retest);
    table.append(el("caption", { text: t("resultsH") }),
      el("tr", {}, th(t("subject")), th(t("hk1")), th(t("hk2")), th(t("year")), ...(retest ? [th(t("retest"))] : [])));
    for (const x of s.subjects ?? []) {
      table.append(el("tr", {}, el("th", { scope: "row", text: t(`s.${x.subject}`) ?? x.subject }),
        el("td", { text: showValue(x.hk1) }), el("td", { text: showValue(x.hk2) }), el("td", { text: showValue(x.year) }),
        ...(retest ? [el("td", { text: showValue(x.retest) })] : [])));
    }
    const l = s.learning ?? {};
    const dl = el("dl", { class: "summary" },
      el("dt", { text: t("learning") }), el("dd", { text: [l.hk1, l.hk2, l.year].map(showValue).join(" · ") }),
      el("dt", { text: t("conductYear") }), el("dd", { text: showValue(s.conduct_year) }),
      el("dt", { text: t("promotion") }), el("dd", { text: showValue(s.promotion) }),
      el("dt", { text: t("titleAward") }), el("dd", { text: showValue(s.title ?? null) }));
    return el("div", {}, wrap, dl);
  }
  if (record.stated?.tt27) {
    const s = record.stated.tt27;
    const tests = new Map((s.subjects ?? []).map((x) => [x.subject, x.test]));
    table.append(el("caption", { text: t("resultsH") }), el("tr", {}, th(t("subject")), th(t("levelCn")), th(t("testCn"))));
    for (const x of record.tt27?.subjects ?? []) {
      const level = x.cn?.level;
      table.append(el("tr", {}, el("th", { scope: "row", text: t(`s.${x.subject}`) ?? x.subject }),
        el("td", { text: showValue(LEVEL_WORDS[level] ?? level ?? null) }), el("td", { text: showValue(tests.get(x.subject) ?? null) })));
    }
    const dl = el("dl", { class: "summary" },
      el("dt", { text: t("result") }), el("dd", { text: showValue(s.result ?? null) }),
      el("dt", { text: t("completion") }), el("dd", { text: showValue(s.completion ?? null) }),
      el("dt", { text: t("titleAward") }), el("dd", { text: showValue(s.title ?? null) }));
    return el("div", {}, wrap, dl);
  }
  return wrap;
}

function roleName(code) {
  return t(`role.${code}`) === `role.${code}` ? code ?? "?" : t(`role.${code}`);
}

function signerLine(sg) {
  const parts = [`${roleName(sg.role)}: ${sg.name ?? "?"}`];
  if (sg.organisation) parts.push(`(${sg.organisation})`);
  return parts.join(" ");
}

function signersSection(report) {
  const section = el("section", { class: "card", "aria-labelledby": "sig-h" }, el("h3", { id: "sig-h", text: t("signersH") }));
  if (!report.signers.length) {
    section.append(el("p", { text: t("noSigners") }));
    return section;
  }
  const list = el("ol", { class: "signers" });
  for (const sg of report.signers) {
    const item = el("li", { class: sg.valid ? "ok" : "bad" },
      el("span", { class: "mark", "aria-hidden": "true", text: sg.valid ? "✓" : "✗" }), " ",
      el("strong", { text: signerLine(sg) }));
    if (sg.signing_time) {
      item.append(el("br"), `${t("signedAt")} ${vietnamTime(sg.signing_time)} ${t("vnTime")} — ${t(`source.${sg.time_source ?? "claimed"}`)}`);
    }
    item.append(el("br"), el("span", { class: "sr-status", text: sg.valid ? t("signerValid") : t("signerInvalid") }));
    list.append(item);
  }
  section.append(list);
  return section;
}

function checkList(checks) {
  const list = el("ul", { class: "checks" });
  for (const c of checks) {
    list.append(el("li", { class: `check ${c.status}`, "data-check": c.id },
      el("span", { class: "mark", "aria-hidden": "true", text: { valid: "✓", invalid: "✗", skipped: "–", error: "?" }[c.status] }), " ",
      el("strong", { text: t(`st.${c.status}`) }), `: ${c.message} `, el("small", { text: `[${c.code}]` })));
  }
  return list;
}

function checksSection(report) {
  const section = el("section", { class: "card", "aria-labelledby": "chk-h" }, el("h3", { id: "chk-h", text: t("checksH") }));
  const general = [];
  const bySignature = new Map();
  for (const c of report.checks) {
    const m = /^signatures\[(\d+)\]\./.exec(c.id);
    if (m) {
      const i = Number(m[1]);
      if (!bySignature.has(i)) bySignature.set(i, []);
      bySignature.get(i).push(c);
    } else {
      general.push(c);
    }
  }
  section.append(el("h4", { text: t("recordChecks") }), checkList(general));
  for (const [i, checks] of bySignature) {
    const sg = report.signers.find((s) => s.index === i);
    section.append(el("h4", { text: `${t("signature")} ${i + 1}${sg ? ` — ${signerLine(sg)}` : ""}` }), checkList(checks));
  }
  return section;
}

function dataSection(report) {
  const dl = el("dl", { class: "summary" });
  const row = (k, ...v) => dl.append(el("dt", { text: t(k) }), el("dd", {}, ...v));
  row("nowUsed", `${vietnamTime(report.now)} ${t("vnTime")} (${report.now})`);
  const trust = report.trust;
  row("trustList", ...(state.trust?.demo ? [el("strong", { class: "demo-badge", text: t("demoBadge") }), " "] : []),
    `${trust.source ?? "—"}${trust.as_of ? `, ${t("updated")} ${vietnamTime(trust.as_of)}` : ""}`);
  row("anchors", trust.anchors.join("; ") || "—");
  row("crls", trust.crls.length ? trust.crls.map((c) => `${c.issuer} (${t("issued")} ${vietnamTime(c.this_update)})`).join("; ") : t("none"));
  row("statusListH", report.status_list
    ? `${report.status_list.school_code}, ${t("issued")} ${vietnamTime(report.status_list.issued_at)} (${report.status_list.age_days} ${t("daysAgo")})`
    : t("none"));
  if (report.digest) row("digest", el("code", { class: "digest", text: report.digest }));
  return el("section", { class: "card", "aria-labelledby": "data-h" }, el("h3", { id: "data-h", text: t("dataH") }), dl);
}

async function openSample(sample) {
  const demo = await loadDemo();
  if (!state.trust?.demo) setTrust({ demo: true, files: demo.trust, crls: demo.crls });
  state.sample = sample;
  state.envelope = { name: sample.envelope, bytes: await fetchBytes(SAMPLES + sample.envelope) };
  state.statusList = sample.status_list ? new TextDecoder().decode(await fetchBytes(SAMPLES + sample.status_list)) : null;
  $("verify-now").value = vietnamFieldValue(new Date(sample.now));
  run();
}

async function openFile(file) {
  state.sample = null;
  state.envelope = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const status = $("status-file").files?.[0];
  state.statusList = status ? await status.text() : null;
  run();
}

/** A QR stub's report: the banner, what the stub says once its signature holds, and every check. */
function renderQr(report) {
  const firstBad = report.checks.find((c) => c.status === "invalid") ?? report.checks.find((c) => c.status === "error");
  renderVerdict(report.verdict, firstBad?.message);
  const dl = el("dl", { class: "summary" });
  const row = (k, v) => v !== undefined && v !== null && dl.append(el("dt", { text: t(k) }), el("dd", { text: String(v) }));
  row("recordId", report.claims?.record_id);
  row("schoolYear", report.claims?.school_year);
  row("school", report.record?.school_name ?? report.claims?.school_code);
  row("studentName", report.record?.student_name);
  row("qrIssued", report.claims ? `${vietnamTime(report.claims.issued_at)} ${t("vnTime")}` : null);
  if (report.signer) row("signersH", `${report.signer.name ?? "?"}${report.signer.organisation ? ` (${report.signer.organisation})` : ""}`);
  row("nowUsed", `${vietnamTime(report.now)} ${t("vnTime")}`);
  if (state.envelope) row("qrRecordNote", state.envelope.name);
  $("report").replaceChildren(el("section", { class: "card", "aria-labelledby": "qr-h" },
    el("h3", { id: "qr-h", text: t("qrH") }), dl, el("h4", { text: t("checksH") }), checkList(report.checks)));
}

async function runQr() {
  const text = $("qr-text").value.trim();
  if (!text) return;
  if (!(await startParent())) {
    renderVerdict("indeterminate", $("trust-error").textContent);
    $("report").replaceChildren();
    return;
  }
  state.view = "qr";
  state.runs += 1; // a record verification still running must not replace this view
  const ticket = state.runs;
  try {
    const report = await (await verifier()).verifyQrStub(text,
      { record: state.envelope?.bytes ?? null, statusList: state.statusList, now: now(), lang: lang() });
    if (ticket === state.runs) renderQr(report);
  } catch (e) {
    if (ticket !== state.runs) return;
    const message = e.problems?.map((p) => p.message).join("; ") ?? String(e);
    $("trust-error").textContent = message;
    renderVerdict("indeterminate", message);
    $("report").replaceChildren();
  }
}

async function qrSample() {
  const demo = await loadDemo();
  const valid = demo.samples.find((s) => s.name === "valid");
  await openSample(valid); // the record the stub stands for, its status list and `now`
  $("qr-text").value = new TextDecoder().decode(await fetchBytes(`${SAMPLES}valid.stub.txt`)).trim();
  await runQr();
}

function renderSampleButtons() {
  const box = $("sample-buttons");
  box.replaceChildren(...(state.demo?.samples ?? []).map((s) => {
    const b = el("button", { type: "button", class: "sample", "data-sample": s.name, text: t(`sample.${s.name}`) });
    b.title = s.description[lang()];
    b.addEventListener("click", () => openSample(s));
    return b;
  }));
}

/** Wires the view; the module, the demo trust store and the samples load in `startParent`. */
export function initParent() {
  $("verify-now").value = vietnamFieldValue();
  $("verify-now").addEventListener("change", run);
  $("verify-now-reset").addEventListener("click", () => { $("verify-now").value = vietnamFieldValue(); run(); });
  $("parent-file").addEventListener("change", () => { const f = $("parent-file").files?.[0]; if (f) openFile(f); });
  wireDrop($("parent-drop"), ([file]) => openFile(file));
  $("trust-files").addEventListener("change", async () => {
    const files = [...($("trust-files").files ?? [])];
    if (!files.length) return;
    const crls = [...($("crl-files").files ?? [])];
    setTrust({
      demo: false,
      files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      crls: await Promise.all(crls.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    });
    run();
  });
  $("crl-files").addEventListener("change", async () => {
    const crls = await Promise.all([...($("crl-files").files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    if (state.trust) setTrust({ ...state.trust, crls });
    run();
  });
  $("status-file").addEventListener("change", async () => {
    const f = $("status-file").files?.[0];
    state.statusList = f ? await f.text() : null;
    run();
  });
  $("trust-demo").addEventListener("click", async () => {
    const demo = await loadDemo();
    setTrust({ demo: true, files: demo.trust, crls: demo.crls });
    run();
  });
  $("qr-check").addEventListener("click", runQr);
  $("qr-sample").addEventListener("click", () => qrSample().catch((e) => { $("trust-error").textContent = String(e.message); }));
}

let starting = null;

/**
 * Loads the verification module, the rules module (verification asks it to judge the record itself: its
 * schema and arithmetic, D-121) and the demo trust store and samples, once. A missing demo leaves the view
 * usable with the user's own files; a module that did not load is tried again on the next use.
 */
export function startParent() {
  starting ??= initVerification().then(
    () => loadDemo().then((demo) => {
      if (!state.trust) setTrust({ demo: true, files: demo.trust, crls: demo.crls });
      renderSampleButtons();
    }, (e) => { $("trust-error").textContent = `${t("demoMissing")}: ${e.message}`; })
      .then(() => init())
      .then(() => {
        document.dispatchEvent(new Event("hocba:rules-loaded")); // the footer's version
        $("trust-error").textContent = "";
        document.body.dataset.parentReady = "true";
        return true;
      }),
  ).catch((e) => {
    starting = null;
    $("trust-error").textContent = `${t("verificationMissing")}: ${e.message ?? e}`;
    return false;
  });
  return starting;
}

/** Language switch: labels and the report's messages in the new language. */
export function rerenderParent() {
  renderSampleButtons();
  renderTrustLabel();
  if (state.trust?.demo) setTrust(state.trust); // the demo label is in the trust source text
  if (state.view === "qr") runQr();
  else run();
}
