// The static page: everything runs in this browser through the hocba WebAssembly module.
import { init, assess, importGradebook, rulesVersion } from "./pkg/index.js";
import { parseCsv } from "./csv.js";
import { t, setLang, lang, applyI18n } from "./i18n.js";
import { el, scrollBox, showValue, wireDrop } from "./dom.js";
import { initParent, rerenderParent, startParent } from "./parent.js";

const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 100));

/** The version in the footer, from the rules module once it is in. */
function showVersion() {
  try {
    document.getElementById("version").textContent = rulesVersion();
  } catch {
    // neither module is loaded yet: the next load shows it
  }
}

// The parent view may load the rules module itself (verification needs it, D-121).
document.addEventListener("hocba:rules-loaded", showVersion);

/** The rules module (once), which the teacher view needs; its handlers wait for it. */
function loadRules() {
  return init().then(showVersion);
}

// ---------- tabs and language ----------
const tabs = { teacher: document.getElementById("tab-teacher"), parent: document.getElementById("tab-parent") };
function show(which) {
  for (const [name, button] of Object.entries(tabs)) {
    button.setAttribute("aria-pressed", String(name === which));
    document.getElementById(name).hidden = name !== which;
  }
  if (which === "parent") startParent(); // already loading or loaded unless the parent view opens first
}
tabs.teacher.addEventListener("click", () => show("teacher"));
tabs.parent.addEventListener("click", () => show("parent"));
document.getElementById("lang").addEventListener("click", () => {
  setLang(lang() === "vi" ? "en" : "vi");
  applyI18n();
  rerender();
  rerenderParent();
});
applyI18n();
initParent();
// Each view's module first, the other's after it, in the background: the page works offline once both
// are in, and the teacher view's first load carries one module (D-103). A link to #parent (e.g. from a
// printed record's instructions) opens the parent view, which loads verification and then the rules that
// judge the record itself (D-121); `show` starts it.
if (location.hash === "#parent") {
  show("parent");
} else {
  loadRules().then(() => idle(() => startParent()), (e) => {
    document.getElementById("problems").textContent = String(e.message ?? e);
  });
}

// ---------- teacher view ----------
let doc = null;      // the parsed document (one student or a class)
let current = 0;     // the student shown, for a class
const editor = document.getElementById("editor");
const problemsBox = document.getElementById("problems");
const results = document.getElementById("results");
const picker = document.getElementById("student-picker");
const select = document.getElementById("student-select");

function student() {
  return doc?.students ? doc.students[current] : doc;
}

function loadTeacher(text) {
  try {
    doc = JSON.parse(text);
  } catch (e) {
    doc = null;
    editor.replaceChildren();
    results.replaceChildren();
    problemsBox.replaceChildren(problemList([{ code: "json_syntax", pointer: "", message: String(e.message) }]));
    return;
  }
  current = 0;
  picker.hidden = !doc?.students;
  if (doc?.students) {
    select.replaceChildren(...doc.students.map((s, i) =>
      el("option", { value: String(i), text: `${i + 1}. ${s.student?.full_name ?? s.student?.id ?? "?"}` })));
  }
  rerender();
}
select.addEventListener("change", () => { current = Number(select.value); rerender(); });

function problemList(problems) {
  const list = el("ul");
  for (const p of problems) {
    const item = el("li");
    const target = p.pointer ? document.querySelector(`[data-pointer="${CSS.escape(p.pointer)}"]`) : null;
    const where = el("code", { text: p.pointer || "/" });
    if (target) {
      const link = el("a", { href: "#" }, where);
      link.addEventListener("click", (e) => { e.preventDefault(); target.focus(); });
      item.append(link);
    } else {
      item.append(where);
    }
    const message = p.pointer && p.message.startsWith(p.pointer) ? p.message.slice(p.pointer.length).replace(/^:\s*/, "") : p.message;
    item.append(` — ${message} `, el("small", { text: `[${p.code}]` }));
    list.append(item);
  }
  return el("div", { class: "problems" }, el("h3", { text: t("problems").replace("{n}", problems.length) }), list);
}

function markInput(pointer, value, label, onChange) {
  const input = el("input", { "data-pointer": pointer, "aria-label": label, inputmode: "decimal", value: value ?? "" });
  input.addEventListener("input", () => onChange(input.value));
  return input;
}

/** Sets the value at a JSON pointer inside `doc`'s current student. */
function setAt(pointer, value) {
  const parts = pointer.split("/").slice(1);
  let node = student();
  for (const p of parts.slice(0, -1)) node = node[p];
  node[parts.at(-1)] = value;
  recompute();
}

function buildEditor() {
  const s = student();
  editor.replaceChildren();
  if (!s) return;
  if (s.tt22) editor.append(secondaryEditor(s.tt22));
  if (s.tt27) editor.append(primaryEditor(s.tt27));
}

function secondaryEditor(tt22) {
  const table = el("table");
  table.append(el("caption", { text: t("marks") }));
  table.append(el("tr", {}, el("th", { text: t("subject") }), el("th", { text: t("hk1") }), el("th", { text: t("hk2") }),
    el("th", { text: t("year") })));
  tt22.subjects.forEach((subject, i) => {
    const row = el("tr", {}, el("th", { scope: "row", text: t(`s.${subject.subject}`) ?? subject.subject }));
    for (const term of ["hk1", "hk2"]) {
      const cell = el("td");
      const sem = subject[term];
      if (sem) {
        (sem.regular ?? []).forEach((m, j) => {
          const p = `/tt22/subjects/${i}/${term}/regular/${j}`;
          cell.append(markInput(p, m, `${subject.subject} ${term} TX${j + 1}`, (v) => setAt(p, v)));
        });
        for (const part of ["midterm", "final"]) {
          const p = `/tt22/subjects/${i}/${term}/${part}`;
          cell.append(" ", markInput(p, sem[part], `${subject.subject} ${term} ${part}`, (v) => setAt(p, v)));
        }
      }
      row.append(cell);
    }
    row.append(el("td", { "data-result": `${i}`, text: "" }));
    table.append(row);
  });
  return scrollBox(table, t("marks"));
}

function primaryEditor(tt27) {
  const table = el("table");
  const points = ["ghk1", "chk1", "ghk2", "cn"];
  table.append(el("caption", { text: t("marks") }));
  table.append(el("tr", {}, el("th", { text: t("subject") }), ...points.map((p) => el("th", { text: t(p) }))));
  tt27.subjects.forEach((subject, i) => {
    const row = el("tr", {}, el("th", { scope: "row", text: t(`s.${subject.subject}`) ?? subject.subject }));
    for (const point of points) {
      const cell = el("td");
      const mark = subject[point];
      if (mark) {
        const lp = `/tt27/subjects/${i}/${point}/level`;
        cell.append(markInput(lp, mark.level, `${subject.subject} ${point} level`, (v) => setAt(lp, v)));
        if (mark.test !== undefined) {
          const tp = `/tt27/subjects/${i}/${point}/test`;
          cell.append(" ", markInput(tp, mark.test, `${subject.subject} ${point} test`, (v) => setAt(tp, v)));
        }
      }
      row.append(cell);
    }
    table.append(row);
  });
  return scrollBox(table, t("marks"));
}

function recompute() {
  const s = student();
  for (const input of editor.querySelectorAll("input[aria-invalid]")) input.removeAttribute("aria-invalid");
  if (!s) return;
  let assessment = null;
  try {
    assessment = assess(s, { lang: lang() });
    problemsBox.replaceChildren(el("p", { class: "ok", text: t("noProblems") }));
  } catch (e) {
    const problems = e.problems ?? [{ code: "error", pointer: "", message: String(e) }];
    for (const p of problems) {
      document.querySelector(`[data-pointer="${CSS.escape(p.pointer)}"]`)?.setAttribute("aria-invalid", "true");
    }
    problemsBox.replaceChildren(problemList(problems));
  }
  renderResults(assessment);
}

function renderResults(a) {
  results.replaceChildren();
  if (!a) return;
  if (a.tt22) {
    a.tt22.subjects.forEach((r, i) => {
      const cell = editor.querySelector(`[data-result="${i}"]`);
      if (cell) cell.textContent = `${showValue(r.hk1)} · ${showValue(r.hk2)} · ${showValue(r.year)}`;
    });
    const x = a.tt22;
    results.append(el("dl", { class: "summary" },
      el("dt", { text: t("learning") }), el("dd", { text: [x.learning.hk1, x.learning.hk2, x.learning.year].map((l) => showValue(l?.level)).join(" · ") }),
      el("dt", { text: t("conduct") }), el("dd", { text: [x.conduct.hk1, x.conduct.hk2, x.conduct.year].map(showValue).join(" · ") }),
      el("dt", { text: t("promotion") }), el("dd", { text: showValue(x.promotion.status) }),
      el("dt", { text: t("titleAward") }), el("dd", { text: showValue(x.title ?? null) })));
  }
  if (a.tt27) {
    const x = a.tt27;
    results.append(el("dl", { class: "summary" },
      el("dt", { text: t("result") }), el("dd", { text: showValue(x.result) }),
      el("dt", { text: t("completion") }), el("dd", { text: showValue(x.completion) }),
      el("dt", { text: t("titleAward") }), el("dd", { text: showValue(x.title ?? null) })));
  }
  const details = el("details", {}, el("summary", { text: t("explanation") }));
  const list = el("ol");
  for (const step of a.trace) list.append(el("li", { text: `${step.held ? "✓" : "✗"} ${step.message}` }));
  details.append(list);
  results.append(details);
}

function rerender() {
  if (!doc) return;
  buildEditor();
  recompute();
}

/** A .csv gradebook becomes a class input first; every bad cell is listed and nothing is loaded. */
function loadTeacherFile(name, text) {
  if (!name.toLowerCase().endsWith(".csv")) return loadTeacher(text);
  try {
    loadTeacher(JSON.stringify(importGradebook(parseCsv(text), { lang: lang() })));
  } catch (e) {
    // Nothing from a gradebook with problems is loaded; what was open stays open.
    problemsBox.replaceChildren(problemList(e.problems ?? [{ code: "error", pointer: "", message: String(e) }]));
  }
}

const teacherFile = document.getElementById("teacher-file");
// Every way into the teacher view waits for the rules module (already in unless the page opened on #parent).
teacherFile.addEventListener("change", async () => {
  const file = teacherFile.files?.[0];
  if (!file) return;
  await loadRules();
  loadTeacherFile(file.name, await file.text());
});
wireDrop(document.getElementById("teacher-drop"), async ([file]) => {
  await loadRules();
  loadTeacherFile(file.name, await file.text());
});
document.getElementById("teacher-sample").addEventListener("click", async () => {
  await loadRules();
  loadTeacher(await (await fetch("samples/class-10a1.json")).text());
});


