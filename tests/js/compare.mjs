// The shared comparison of an assessment with a vector's `expected` object (tests/vectors/README.md),
// ported line by line from `assessment_view` / `compare_expected` in tests/src/lib.rs so every frontend
// judges the vectors the same way.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const get = (v, key) => (v !== null && typeof v === "object" && key in v ? v[key] : null);

export function assessmentView(a) {
  const view = { regime: get(get(a, "ruleset"), "regime") };
  const t = get(a, "tt22");
  if (t !== null) {
    const subjects = {};
    for (const s of get(t, "subjects") ?? []) {
      subjects[s.subject] = { hk1: get(s, "hk1"), hk2: get(s, "hk2"), year: get(s, "year"), retest: get(s, "retest") };
    }
    view.subjects = subjects;
    const learning = {};
    for (const term of ["hk1", "hk2", "year", "year_after_retest"]) {
      const o = get(get(t, "learning"), term);
      learning[term] = get(o, "level");
      learning[`${term}_computed`] = get(o, "computed");
      learning[`${term}_adjusted_for`] = get(o, "adjusted_for");
      learning[`${term}_by_principal`] = get(o, "by_principal") === true;
    }
    view.learning = learning;
    view.conduct_year = get(get(t, "conduct"), "year");
    view.conduct_after_summer_training = get(get(t, "conduct"), "after_summer_training");
    const promotion = get(t, "promotion");
    view.promotion = get(promotion, "status");
    view.promotion_reason = get(promotion, "reason");
    view.retest_subjects = get(promotion, "retest_subjects") ?? [];
    view.title = get(t, "title");
    view.completion = get(t, "completion");
  }
  const p = get(a, "tt27");
  if (p !== null) {
    for (const k of ["result", "completion", "programme_completed", "title"]) view[k] = get(p, k);
    const tests = {};
    for (const s of get(p, "subjects") ?? []) {
      const row = {};
      for (const pt of ["ghk1", "chk1", "ghk2", "cn"]) row[pt] = get(get(get(get(s, "marks"), pt), "test"), "score");
      tests[s.subject] = row;
    }
    view.tests = tests;
  }
  return view;
}

const show = (v) => JSON.stringify(v);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function compareAt(path, key, expected, actual, out) {
  if (isObject(expected)) {
    if (!isObject(actual)) return out.push(`${path}: expected an object, got ${show(actual)}`);
    for (const [k, ev] of Object.entries(expected)) {
      if (!(k in actual)) out.push(`${path}.${k}: not in the output view (unknown key, subject or regime section)`);
      else compareAt(`${path}.${k}`, k, ev, actual[k], out);
    }
  } else if (Array.isArray(expected) && key === "retest_subjects") {
    const sorted = (a) => a.map(show).sort().join(",");
    if (!Array.isArray(actual) || sorted(expected) !== sorted(actual)) out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  } else if (show(expected) !== show(actual)) {
    out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Every mismatch between `expected` and an assessment, one line each (empty when they agree). */
export function compareExpected(expected, assessment) {
  const out = [];
  const view = assessmentView(assessment);
  for (const [k, ev] of Object.entries(expected)) {
    if (k === "trace_includes") {
      const trace = get(assessment, "trace") ?? [];
      for (const want of ev) {
        const found = trace.some((step) => Object.entries(want).every(([f, v]) => show(get(step, f)) === show(v)));
        if (!found) out.push(`expected.trace_includes: no trace step matches ${show(want)}`);
      }
      continue;
    }
    if (!(k in view)) out.push(`expected.${k}: not in the output view (unknown key, subject or regime section)`);
    else compareAt(`expected.${k}`, k, ev, view[k], out);
  }
  return out;
}

/** Every vector of a folder under tests/vectors, parsed, sorted by file name. */
export function loadVectors(vectorsDir, folder) {
  const dir = join(vectorsDir, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

/** The bytes a bad-input vector feeds to the reader. */
export const vectorInputText = (v) => (v.input_text !== undefined ? v.input_text : JSON.stringify(v.input));
