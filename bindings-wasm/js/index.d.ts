// Types of the hocba npm package. Hand-checked against the JSON Schemas the CLI prints
// (`hocba schema assess-input | class-input | rules-config | assessment`); a test compares them.

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

/** Thrown for refused input. */
export declare class HocbaError extends Error {
  code: string;
  pointer: string;
  problems: Problem[];
}

/** Loads the WebAssembly module (browsers; a no-op in Node). */
export declare function init(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<unknown>;
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
