// The typed layer over the raw exports: parse the JSON the core returns, throw HocbaError on failure.

/** An input the engine refused. `code` is the first problem's stable code; `problems` lists them all. */
export class HocbaError extends Error {
  constructor(problems) {
    const first = problems[0] ?? { code: "unknown", pointer: "", message: "unknown error" };
    super(first.pointer ? `${first.pointer}: ${first.message}` : first.message);
    this.name = "HocbaError";
    this.code = first.code;
    this.pointer = first.pointer;
    this.problems = problems;
  }
}

const LANGS = new Set(["vi", "en"]);

function checkLang(lang) {
  if (!LANGS.has(lang)) throw new HocbaError([{ code: "usage", pointer: "", message: `unknown language ${lang}` }]);
  return lang;
}

function asText(doc) {
  return typeof doc === "string" ? doc : JSON.stringify(doc);
}

/** Builds the public functions over the wasm-bindgen exports. */
export function wrap(wasm) {
  return {
    rulesVersion: () => wasm.rulesVersion(),
    assess(input, { config, lang = "vi" } = {}) {
      const out = JSON.parse(wasm.assess(asText(input), config ? asText(config) : "", checkLang(lang)));
      if (out.students !== undefined) return out; // a class: per-student outcomes, never thrown whole
      if (!out.ok) throw new HocbaError(out.errors);
      return out.assessment;
    },
    importGradebook(table, { lang = "vi" } = {}) {
      const out = JSON.parse(wasm.importGradebook(asText(table), checkLang(lang)));
      if (!out.ok) throw new HocbaError(out.errors.map((e) => ({ ...e, pointer: e.cell ?? `row ${e.row}` })));
      return out.class;
    },
  };
}
