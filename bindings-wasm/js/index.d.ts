// Types of the hocba npm package. Hand-checked against the JSON Schemas the CLI prints
// (`hocba schema assess-input | class-input | rules-config | assessment`, `schemas/record.schema.json`);
// tests/node/types.test.mjs compares the interfaces with schemas/{record,assess-input,class-input,rules-config}.
// The outputs without a published schema (ValidationReport, VerificationReport, QrReport) are compared
// member by member with real outputs by the same test, and their values with the native CLI's JSON.

/** A score on the 10-point scale with at most one decimal, as a decimal string: "8.3", "10.0". */
export type Score = string;
export type Lang = "vi" | "en";
export type Level = "tot" | "kha" | "dat" | "chua_dat";
export type Pass = "dat" | "chua_dat";
export type SubjectLevel = "hoan_thanh_tot" | "hoan_thanh" | "chua_hoan_thanh";
export type TraitLevel = "tot" | "dat" | "can_co_gang";
export type PrimaryResult = "hoan_thanh_xuat_sac" | "hoan_thanh_tot" | "hoan_thanh" | "chua_hoan_thanh";
export type Regime = "tt22" | "tt27" | "tt58_tt26" | "tt58" | "tt30_tt22";
export type Title = "hoc_sinh_xuat_sac" | "hoc_sinh_gioi" | "hoc_sinh_tieu_bieu";
export type Term = "hk1" | "hk2" | "year" | "year_after_retest" | "ghk1" | "chk1" | "ghk2" | "cn";

// ---------- inputs (hocba.assess-input/1, hocba.class-input/1) ----------

/** A TT22 mark: a score string, "dat" / "chua_dat" (comment subjects), "pending_makeup" or "absent". */
export type Mark = string;

export interface RawSemester {
  regular?: Mark[];
  midterm?: Mark;
  final?: Mark;
  exempt_practical?: boolean;
}

export interface RawSecondarySubject {
  subject: string;
  basis?: "standard" | "reduced" | "iep" | "exempt";
  hk1?: RawSemester;
  hk2?: RawSemester;
  retest?: Mark;
}

export interface RawSecondary {
  subjects: RawSecondarySubject[];
  conduct?: { hk1?: string; hk2?: string; after_summer?: string };
  absences?: number;
  principal?: { learning_hk1?: string; learning_hk2?: string; learning_year?: string; promotion?: "len_lop" | "o_lai_lop" };
}

export interface RawPrimaryMark {
  /** "T" / "H" / "C" or the long codes. */
  level: string;
  /** Whole number 0–10 as a string; fractional totals are rounded half-up by default. */
  test?: string;
  retest?: string;
}

export interface RawPrimarySubject {
  subject: string;
  ghk1?: RawPrimaryMark;
  chk1?: RawPrimaryMark;
  ghk2?: RawPrimaryMark;
  cn?: RawPrimaryMark;
}

export interface RawTrait {
  code: string;
  ghk1?: string;
  chk1?: string;
  ghk2?: string;
  cn?: string;
}

export interface RawPrimary {
  subjects: RawPrimarySubject[];
  qualities?: RawTrait[];
  competences?: RawTrait[];
  supplementary?: "hoan_thanh" | "chua_hoan_thanh";
  principal_decision?: "len_lop" | "o_lai_lop";
  class_recognition?: boolean;
}

export interface AssessInput {
  format?: "hocba.assess-input/1";
  student: { id: string; full_name?: string };
  grade: number;
  /** "2024-2025" */
  school_year: string;
  tt22?: RawSecondary;
  tt27?: RawPrimary;
}

export interface ClassInput {
  format?: "hocba.class-input/1";
  class?: string;
  school?: string;
  students: AssessInput[];
}

export interface RulesConfig {
  mcn_from_rounded_semesters?: boolean;
  adjust_policy?: "best_case" | "remove";
  adjust_includes_comment_subjects?: boolean;
  adjust_after_retest?: boolean;
  min_count_policy?: "literal" | "min_with_count";
  combined_case?: "train_then_retest" | "retain";
  titles_require_promotion?: boolean;
  primary_test_rounding?: "half_up" | "reject_fractional";
}

// ---------- outputs ----------

export interface Problem {
  /** Stable machine code, e.g. "score_out_of_range". */
  code: string;
  /** RFC 6901 JSON pointer of the value at fault ("" for the whole document). */
  pointer: string;
  message: string;
}

export interface TraceStep {
  code: string;
  rule: string;
  message: string;
  subject?: string;
  term?: Term;
  held: boolean;
  input?: { kind: string; value?: unknown };
  output?: { kind: string; value?: unknown };
}

/** An average ("8.3") or a comment result ("dat" / "chua_dat"). */
export type SubjectValue = Score | Pass;

export interface SubjectResult {
  subject: string;
  form: "score" | "comment";
  basis: "standard" | "reduced" | "iep" | "exempt";
  hk1: SubjectValue | null;
  hk2: SubjectValue | null;
  year: SubjectValue | null;
  retest?: SubjectValue;
}

export interface LevelOutcome {
  level: Level;
  computed: Level;
  adjusted_for?: string;
  by_principal?: boolean;
}

export type PromotionStatus =
  | "len_lop" | "len_lop_sau_danh_gia_lai" | "cho_ren_luyen_he" | "cho_kiem_tra_lai"
  | "cho_ren_luyen_he_va_kiem_tra_lai" | "khong_len_lop" | "cho_quyet_dinh_hieu_truong" | "chua_du_du_lieu";

export interface SecondaryAssessment {
  subjects: SubjectResult[];
  learning: { hk1: LevelOutcome | null; hk2: LevelOutcome | null; year: LevelOutcome | null; year_after_retest?: LevelOutcome };
  conduct: { hk1: Level | null; hk2: Level | null; year: Level | null; after_summer_training?: Level };
  absences: number;
  promotion: {
    status: PromotionStatus;
    reason?: "absences" | "conduct" | "learning" | "conduct_and_learning" | "principal_decision";
    retest_subjects?: string[];
  };
  completion?: "tieu_hoc" | "thcs" | "thpt";
  title?: Title;
}

export interface TimePoints<T> { ghk1?: T; chk1?: T; ghk2?: T; cn?: T }

export interface PrimaryMark { level: SubjectLevel; test?: { score: number; retaken?: boolean } }

export interface PrimaryAssessment {
  subjects: { subject: string; marks: TimePoints<PrimaryMark> }[];
  qualities: { code: string; levels: TimePoints<TraitLevel> }[];
  competences: { code: string; levels: TimePoints<TraitLevel> }[];
  result: PrimaryResult | null;
  supplementary?: "hoan_thanh" | "chua_hoan_thanh";
  completion:
    | "hoan_thanh" | "hoan_thanh_sau_danh_gia_bo_sung" | "cho_danh_gia_bo_sung" | "cho_quyet_dinh_hieu_truong"
    | "len_lop_theo_quyet_dinh" | "o_lai_lop" | "chua_du_du_lieu";
  programme_completed?: "tieu_hoc";
  title?: Title;
}

export interface Assessment {
  ruleset: { id: string; regime: Regime; grade: number; school_year: string };
  config: Required<RulesConfig>;
  student: { id: string; full_name?: string };
  tt22?: SecondaryAssessment;
  tt27?: PrimaryAssessment;
  trace: TraceStep[];
}

export type StudentOutcome = { ok: true; assessment: Assessment } | { ok: false; errors: Problem[] };

export interface ClassAssessment {
  ok: boolean;
  class: string | null;
  school: string | null;
  students: StudentOutcome[];
}

// ---------- records (hocba.record/1, schemas/record.schema.json) ----------

export interface RecordStudent {
  full_name: string;
  /** YYYY-MM-DD */
  date_of_birth: string;
  sex: "nam" | "nu";
  ethnicity: string;
  nationality: string;
  place_of_birth: string;
  /** 12-digit personal identification number. */
  personal_id?: string | null;
  moet_code: string;
}

export interface School { code: string; name: string; commune: string; province: string }
export interface RecordClass { name: string; teacher: string }
export interface RecordPrincipal { name: string }

export interface StatedSubject { subject: string; hk1?: string | null; hk2?: string | null; year?: string | null; retest?: string | null }
export interface StatedLearning { hk1?: Level | null; hk2?: Level | null; year?: Level | null; year_after_retest?: Level | null }
export interface StatedSecondary {
  subjects?: StatedSubject[];
  learning?: StatedLearning;
  conduct_year?: Level | null;
  promotion?: PromotionStatus | null;
  title?: Title | null;
  programme_completed?: "thcs" | "thpt" | null;
}
export interface StatedPrimarySubject { subject: string; test: string }
export interface StatedPrimary {
  subjects?: StatedPrimarySubject[];
  result?: PrimaryResult | null;
  completion?: string | null;
  programme_completed?: "tieu_hoc" | null;
  title?: Title | null;
}
/** What the school states, by regime. */
export type Stated = { tt22: StatedSecondary } | { tt27: StatedPrimary };

export interface SubjectComment { subject: string; teacher?: string | null; text: string }
export interface TraitComment { code: string; text: string }
export interface Comments {
  class_teacher?: string | null;
  subjects?: SubjectComment[];
  qualities?: TraitComment[];
  competences?: TraitComment[];
}
export interface Award { name: string; date?: string | null; issuer?: string | null }
export interface AuditEntry { action: "lock" | "unlock"; at: string; by: string; reason?: string | null }
export interface Lifecycle { status: "draft" | "locked"; locked_at?: string | null; audit?: AuditEntry[] }
export interface Supersedes { record_id: string; digest: string; reason: string }

/** One student × one school year: the unit the paper học bạ signs. */
export interface SchoolRecord {
  format: "hocba.record/1";
  record_id: string;
  version: number;
  student: RecordStudent;
  school: School;
  school_year: string;
  grade: number;
  class: RecordClass;
  principal: RecordPrincipal;
  tt22?: RawSecondary | null;
  tt27?: RawPrimary | null;
  stated: Stated;
  comments?: Comments;
  awards?: Award[];
  lifecycle: Lifecycle;
  supersedes?: Supersedes | null;
  rules_config?: RulesConfig | null;
}

/** A signed record (`hocba.signed/1`): the record and its detached CMS signatures. */
export interface SignedEnvelope {
  format: "hocba.signed/1";
  record: SchoolRecord;
  signatures: { cms: string; role?: string; [extra: string]: unknown }[];
}

// ---------- validation ----------

export interface RecordProblem {
  /** Stable machine code (`stated_mismatch`, `invalid_personal_id`, `score_out_of_range`, …). */
  code: string;
  severity: "error" | "warning";
  /** RFC 6901 pointer of the value at fault ("" for the whole record). */
  pointer: string;
  /** The message in the language asked for. */
  message: string;
  message_vi: string;
  message_en: string;
  /** For `stated_mismatch`: the field, the stated and recomputed values, the article. */
  field?: string;
  stated?: string;
  computed?: string;
  rule?: string;
}

export interface ValidationReport {
  /** No problem of severity "error". */
  valid: boolean;
  errors: number;
  warnings: number;
  /** Every problem, not just the first. */
  problems: RecordProblem[];
}

// ---------- verification ----------

/** A certificate, CRL or other file: PEM text, DER bytes, or either with a name shown in messages. */
export type FileData = string | Uint8Array | ArrayBuffer | { name?: string; bytes: string | Uint8Array | ArrayBuffer };
/** An RFC 3339 time ("2025-07-10T08:00:00+07:00") or a Date. */
export type TimeInput = string | Date;

export interface VerifierOptions {
  /** Trusted certificates: self-signed ones are trust anchors, the others intermediates for path building. */
  trust: FileData[];
  /** CRLs (PEM or DER). */
  crls?: FileData[];
  /** Where the trust list came from, shown in the report (e.g. "demo"). */
  trustSource?: string;
  /** When the trust list was last updated, shown in the report. */
  trustAsOf?: TimeInput;
  /** Language of errors thrown while loading the files. */
  lang?: Lang;
  /** Check the CA links of the trust list with the platform's crypto (default true); false leaves them to
   * the signature module, as `platformCrypto` does for a record. */
  platformCrypto?: boolean;
}

export interface VerifyPolicyOptions {
  /** Without a CRL covering the signing time, revocation is undecided instead of skipped. */
  requireRevocation?: boolean;
  /** Without a status list, the record's status is undecided instead of skipped. */
  requireStatusList?: boolean;
  /** Every signature must carry a valid RFC 3161 timestamp. */
  requireTimestamp?: boolean;
  /** Days after which a status list is stale (default 35). */
  statusListMaxAgeDays?: number;
  /**
   * Certificate policies (dotted OIDs, in the trust anchor's domain) acceptable for the signers' paths
   * (RFC 5280 user-initial-policy-set; default: any). They decide a path where a CA requires an explicit
   * policy, or with `explicitPolicy`.
   */
  acceptablePolicies?: string[];
  /** Every signer's path must be valid for an acceptable policy (initial-explicit-policy). */
  explicitPolicy?: boolean;
  /** No CA may map one policy to another (initial-policy-mapping-inhibit). */
  inhibitPolicyMapping?: boolean;
  /** anyPolicy in a certificate stands for no policy (initial-any-policy-inhibit). */
  inhibitAnyPolicy?: boolean;
}

export interface VerifyCallOptions {
  /** The school's signed status list (`hocba.status-list/1`) as text, bytes or object; null for none. */
  statusList?: FileData | object | null;
  /** The time of verification; default: this device's clock. The core never reads a clock. */
  now?: TimeInput;
  policy?: VerifyPolicyOptions;
  lang?: Lang;
  /** Let the platform do the RSA and ECDSA arithmetic — WebCrypto in browsers (when `crypto.subtle`
   * exists: secure contexts), `node:crypto` in Node — (default true); false computes every signature in the
   * signature module (RustCrypto in WebAssembly, fetched when first needed), as Ed25519 always is. The
   * report is the same either way; only the time differs. A check that could not be computed at all (the
   * signature module failed to load) is an `error` check (`signature_arithmetic_unavailable`), never
   * `invalid`. */
  platformCrypto?: boolean;
}

export type CheckStatus = "valid" | "invalid" | "skipped" | "error";
export type Verdict = "valid" | "invalid" | "indeterminate";

export interface Check {
  /** Stable id: `format`, `schema`, `arithmetic`, `canonical_digest`, `signatures[1].path`, `roles.order`, `status`, … */
  id: string;
  status: CheckStatus;
  /** `valid` when the check holds, else the specific reason. */
  code: string;
  message: string;
}

export interface SignerSummary {
  /** Position in the envelope (0-based). */
  index: number;
  /** "gvcn" | "ht" | "seal" | "subject_teacher" (declared or signed). */
  role?: string;
  /** Name on the certificate (CN). */
  name?: string;
  /** Organisation on the certificate (O). */
  organisation?: string;
  issuer?: string;
  /** Certificate serial number, hex. */
  serial?: string;
  /** RFC 3339, UTC. */
  signing_time?: string;
  time_source?: "timestamp" | "claimed";
  /** Every check of this signature holds. */
  valid: boolean;
}

export interface RecordSummary {
  record_id?: string;
  student_name?: string;
  student_id?: string;
  school_year?: string;
  grade?: number;
  class?: string;
  school_name?: string;
  school_code?: string;
}

/** The core's `hocba.verification-report/1`. */
export interface VerificationReport {
  format: "hocba.verification-report/1";
  verdict: Verdict;
  verdict_text: string;
  /** The time of verification used (RFC 3339, UTC). */
  now: string;
  /** SHA-256 of the record's canonical bytes (hex). */
  digest?: string;
  /** Present only when every signature and digest holds: nothing else from the payload is trustworthy. */
  record?: RecordSummary;
  signers: SignerSummary[];
  trust: { source?: string; as_of?: string; anchors: string[]; crls: { issuer: string; this_update: string }[] };
  status_list?: { school_code: string; issued_at: string; age_days: number };
  checks: Check[];
}

/** The core's `hocba.qr-report/1`: a QR stub scanned from a printed học bạ. */
export interface QrReport {
  format: "hocba.qr-report/1";
  verdict: Verdict;
  verdict_text: string;
  now: string;
  stub?: { algorithm: string; kid: string; compressed_bytes: number; cose_bytes: number };
  /** What the stub says; present once its signature holds. */
  claims?: { record_id: string; digest: string; school_code: string; school_year: string; status_index?: number; issued_at: string };
  signer?: { name?: string; organisation?: string; issuer: string; serial: string };
  record?: RecordSummary;
  trust: VerificationReport["trust"];
  status_list?: VerificationReport["status_list"];
  /** `format`, `decompression`, `cose`, `signer`, `signature`, `path`, `revocation`, `key_usage`, `seal`, `issued_at`, `status`, `record`. */
  checks: Check[];
}

export interface QrVerifyCallOptions extends VerifyCallOptions {
  /** The full record or signed envelope the stub stands for, when the reader has it. */
  record?: string | Uint8Array | ArrayBuffer | SchoolRecord | SignedEnvelope | null;
}

export interface Verifier {
  /** Verifies the text of a QR stub offline (the seal certificate is found in the trust list, the record's
   * signatures or the status list's signature). */
  verifyQrStub(stub: string | Uint8Array, options?: QrVerifyCallOptions): Promise<QrReport>;
  /** Verifies a signed envelope (text, bytes or object). A bad envelope is an invalid report, not a throw.
   * Asynchronous because the signature arithmetic runs in the platform's crypto. */
  verify(envelope: string | Uint8Array | ArrayBuffer | SignedEnvelope, options?: VerifyCallOptions): Promise<VerificationReport>;
  /** Releases the WebAssembly memory of the trust store. */
  free(): void;
}

/** Thrown for refused input. */
export declare class HocbaError extends Error {
  constructor(problems: Problem[], top?: Problem);
  code: string;
  pointer: string;
  problems: (Problem | RecordProblem)[];
}

/** Loads the rules module, `hocba_rules_bg.wasm` (browsers; a no-op in Node): needed before `assess`,
 * `importGradebook`, `validate`, `canonicalBytes`, `canonicalDigest` and `rulesVersion`, which otherwise
 * throw HocbaError `rules_not_loaded`. */
export declare function init(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<unknown>;
/** Loads the verification module, `hocba_verify_bg.wasm`, ahead of use (browsers; a no-op in Node).
 * `createVerifier`, `verify` and `verifyQrStub` load it themselves, with the rules module it needs. */
export declare function initVerification(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<unknown>;
/** Loads the signature module, `hocba_signatures_bg.wasm` (RustCrypto for the signature checks the
 * platform's crypto cannot run), ahead of use; verification loads it itself the first time a check needs
 * it. Resolves to its exports. */
export declare function initSignatures(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<object>;
/**
 * The public functions built over the raw wasm-bindgen exports of the modules (what this package does for
 * itself; for tests and custom loaders): `rulesWasm` is `hocba_rules.js`, `verificationWasm`
 * `hocba_verify.js`, `makeChecker(platform)` makes the object that runs the signature checks a
 * verification leaves to JS (the platform's crypto where it can and `platform` is true, else the
 * signature module), `loading` says which modules are loaded and loads the rules and verification.
 */
export declare function wrap(
  rulesWasm: object,
  verificationWasm: object,
  makeChecker: (platform: boolean) => object,
  loading?: { rules(): boolean; verification(): boolean; load(): Promise<unknown> },
): {
  rulesVersion: typeof rulesVersion; assess: typeof assess; importGradebook: typeof importGradebook;
  validate: typeof validate; canonicalBytes: typeof canonicalBytes; canonicalDigest: typeof canonicalDigest;
  createVerifier: typeof createVerifier; verify: typeof verify; verifyQrStub: typeof verifyQrStub;
};
/** Version of the rules engine. */
export declare function rulesVersion(): string;
/** Assesses one student (returns the assessment, throws HocbaError on invalid input) or a class file. */
export declare function assess(input: AssessInput | string, options?: { config?: RulesConfig | string; lang?: Lang }): Assessment;
export declare function assess(input: ClassInput, options?: { config?: RulesConfig | string; lang?: Lang }): ClassAssessment;
/**
 * Reads a class gradebook table (rows of cell texts, e.g. parsed from CSV) in the `hocba.gradebook/1` layout
 * (docs/gradebook.md) into a class input; throws HocbaError whose problems carry the cell ("E4") as `pointer`.
 */
export declare function importGradebook(table: string[][] | string, options?: { lang?: Lang }): ClassInput;
/** Validates a record: every problem with its code, severity, pointer and message; throws HocbaError when the
 * text is not a record at all (code `json_syntax`, `record_shape`, …; `problems` lists the shape problems). */
export declare function validate(record: SchoolRecord | string, options?: { lang?: Lang }): ValidationReport;
/** The canonical bytes every signature covers (RFC 8785 JSON, text in NFC). */
export declare function canonicalBytes(record: SchoolRecord | string, options?: { lang?: Lang }): Uint8Array;
/** SHA-256 of the canonical bytes, lower-case hex. */
export declare function canonicalDigest(record: SchoolRecord | string, options?: { lang?: Lang }): string;
/** Builds a trust store and CRLs once, its CA links checked with the platform's crypto (rejects with a
 * HocbaError naming each unreadable file). Loads the rules and verification modules if needed. */
export declare function createVerifier(options: VerifierOptions): Promise<Verifier>;
/** Verifies one QR stub offline: `createVerifier(options)`, then its `verifyQrStub(stub, options)`. */
export declare function verifyQrStub(stub: string | Uint8Array, options: VerifierOptions & QrVerifyCallOptions): Promise<QrReport>;
/** Verifies one signed envelope offline: `createVerifier(options).verify(envelope, options)`. */
export declare function verify(
  envelope: string | Uint8Array | ArrayBuffer | SignedEnvelope,
  options: VerifierOptions & VerifyCallOptions,
): Promise<VerificationReport>;
