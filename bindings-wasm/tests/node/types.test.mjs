// The hand-written TypeScript types (js/index.d.ts) against the published JSON Schemas (schemas/: record,
// assess-input, class-input, rules-config): every object of a schema has an interface with the same
// members, and a member is optional in TypeScript exactly when the schema does not require it. Catches
// drift both ways.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dts = readFileSync(join(here, "..", "..", "js", "index.d.ts"), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\/\/.*$/gm, "");
const readSchema = (name) => JSON.parse(readFileSync(join(here, "..", "..", "..", "schemas", `${name}.schema.json`), "utf8"));
const schema = readSchema("record");

/** Top-level members of `export interface name { … }`: name → optional? */
function members(name) {
  const at = dts.search(new RegExp(`export interface ${name}\\b[^{]*\\{`));
  assert.ok(at >= 0, `index.d.ts has no interface ${name}`);
  let i = dts.indexOf("{", at) + 1;
  let depth = 1;
  let body = "";
  for (; depth > 0; i++) {
    const c = dts[i];
    if (c === "{" || c === "(" || c === "[" || c === "<") depth++;
    if (c === "}" || c === ")" || c === "]" || c === ">") depth--;
    body += depth === 1 ? c : depth === 0 ? "" : " ";
  }
  const out = {};
  for (const m of body.matchAll(/(?:^|[;\n])\s*([A-Za-z_][A-Za-z0-9_]*)(\??):/g)) out[m[1]] = m[2] === "?";
  return out;
}

// Schema object → interface in index.d.ts (names that would clash, like TypeScript's own `Record`, differ).
const NAMES = {
  RawAssessInput: "AssessInput", Student: "RecordStudent", School: "School", Class: "RecordClass", Principal: "RecordPrincipal",
  StatedSubject: "StatedSubject", StatedLearning: "StatedLearning", StatedSecondary: "StatedSecondary",
  StatedPrimarySubject: "StatedPrimarySubject", StatedPrimary: "StatedPrimary", Comments: "Comments",
  SubjectComment: "SubjectComment", TraitComment: "TraitComment", Award: "Award", AuditEntry: "AuditEntry",
  Lifecycle: "Lifecycle", Supersedes: "Supersedes", RawSecondary: "RawSecondary", RawSecondarySubject: "RawSecondarySubject",
  RawSemester: "RawSemester", RawPrimary: "RawPrimary", RawPrimarySubject: "RawPrimarySubject", RawPrimaryMark: "RawPrimaryMark",
  RawTrait: "RawTrait", RulesConfig: "RulesConfig",
};
// Objects written inline in index.d.ts (inside RawSecondary), checked there by name only.
const INLINE = new Set(["RawConduct", "RawPrincipal", "RawStudent"]);
const ROOTS = { record: "SchoolRecord", "assess-input": "AssessInput", "class-input": "ClassInput", "rules-config": "RulesConfig" };

test("index.d.ts types match the JSON Schemas", () => {
  const failures = [];
  for (const [file, rootName] of Object.entries(ROOTS)) {
    const sch = readSchema(file);
    failures.push(...compare({ [rootName]: sch, ...sch.$defs }, { ...NAMES, [rootName]: rootName }, file));
  }
  assert.deepEqual(failures, []);
});

function compare(objects, names, file) {
  const failures = [];
  for (const [def, s] of Object.entries(objects)) {
    if (!s.properties) continue; // enums and unions
    if (INLINE.has(def)) continue;
    const name = names[def];
    if (!name) {
      failures.push(`${file}: schema object ${def} has no TypeScript interface mapped in this test`);
      continue;
    }
    const ts = members(name);
    const required = new Set(s.required ?? []);
    for (const prop of Object.keys(s.properties)) {
      if (!(prop in ts)) failures.push(`${name}: missing ${prop} (${file})`);
      else if (ts[prop] === required.has(prop)) failures.push(`${name}.${prop}: ${required.has(prop) ? "required" : "optional"} in the schema`);
    }
    for (const prop of Object.keys(ts)) if (!(prop in s.properties)) failures.push(`${name}: ${prop} is not in the ${file} schema`);
  }
  return failures;
}

test("record enumerations spelled out in index.d.ts equal the schema's", () => {
  // Enumerations spelled out in TypeScript equal the schema's.
  const consts = (def) => schema.$defs[def].oneOf.map((o) => o.const).sort();
  assert.deepEqual(consts("Sex"), ["nam", "nu"]);
  assert.match(dts, /sex: "nam" \| "nu"/);
  assert.deepEqual(consts("RecordStatus"), ["draft", "locked"]);
  assert.match(dts, /status: "draft" \| "locked"/);
  assert.deepEqual(consts("AuditAction"), ["lock", "unlock"]);
  assert.match(dts, /action: "lock" \| "unlock"/);
});

test("outputs without a published schema have exactly the members index.d.ts declares", async () => {
  const { validate, verify, verifyQrStub } = await import("../../pkg/index.node.js");
  const signed = join(here, "..", "..", "..", "examples", "signed");
  const samples = JSON.parse(readFileSync(join(signed, "samples.json"), "utf8"));
  const valid = samples.samples.find((s) => s.name === "valid");
  const trust = samples.trust.map((p) => readFileSync(join(signed, p)));
  const crls = valid.crls.map((p) => readFileSync(join(signed, p)));
  const statusList = readFileSync(join(signed, valid.status_list), "utf8");
  const envelope = readFileSync(join(signed, valid.envelope));
  const failures = [];
  const check = (name, value) => {
    const declared = members(name);
    for (const key of Object.keys(value)) if (!(key in declared)) failures.push(`${name}: ${key} is not declared`);
    for (const [key, optional] of Object.entries(declared)) if (!optional && !(key in value)) failures.push(`${name}: ${key} is missing`);
  };
  const report = await verify(envelope, { trust, crls, statusList, now: valid.now });
  check("VerificationReport", report);
  check("RecordSummary", report.record);
  report.signers.forEach((s) => check("SignerSummary", s));
  report.checks.forEach((c) => check("Check", c));
  const validation = validate(JSON.stringify(JSON.parse(envelope).record));
  check("ValidationReport", validation);
  const broken = JSON.parse(envelope).record;
  broken.stated.tt22.subjects[1].year = "9.9";
  const problems = validate(broken).problems;
  assert.ok(problems.some((p) => p.code === "stated_mismatch" && p.computed === "9.3"), JSON.stringify(problems));
  problems.forEach((p) => check("RecordProblem", p));
  const stubPath = join(signed, "valid.stub.txt");
  if (existsSync(stubPath)) {
    const qr = await verifyQrStub(readFileSync(stubPath, "utf8"), { trust, statusList, record: envelope, now: valid.now });
    check("QrReport", qr);
    check("RecordSummary", qr.record ?? {});
  }
  assert.deepEqual(failures, []);
});

test("every export of both entry points is declared in index.d.ts, and every declaration is exported", async () => {
  const declared = new Set([...dts.matchAll(/export declare (?:function|class|const) (\w+)/g)].map((m) => m[1]));
  for (const entry of ["index.js", "index.node.js"]) {
    const exported = Object.keys(await import(new URL(`../../pkg/${entry}`, import.meta.url)));
    assert.deepEqual(exported.filter((n) => !declared.has(n)), [], `${entry} exports undeclared names`);
    assert.deepEqual([...declared].filter((n) => !exported.includes(n)), [], `${entry} lacks declared names`);
  }
});
