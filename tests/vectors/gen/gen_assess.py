#!/usr/bin/env python3
"""Writes the shared assessment vectors (tests/vectors/assess/*.json, tests/vectors/assess-errors/*.json).

Every case states by hand, from spec/rules.md, the values it pins (`pins`); the description carries the
arithmetic. The generator then runs an independent model of the spec (model.py, no code shared with
hocba-core) and refuses to write anything if the model disagrees with a hand-written pin. For the subjects a
case lists in `show`, the model's semester/year values are added to `expected` as well.

    python3 tests/vectors/gen/gen_assess.py          # rewrite the vectors
    python3 tests/vectors/gen/gen_assess.py --check  # fail if the files on disk differ

The files are the source of truth for the Rust/JS/Kotlin harnesses; this script only makes them easy to
review and to regenerate.
"""

import copy
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True
import model  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT_OK = ROOT / "assess"
OUT_ERR = ROOT / "assess-errors"
FORMAT = "hocba.assess-input/1"

DEFAULT_CONFIG = {
    "mcn_from_rounded_semesters": True,
    "adjust_policy": "best_case",
    "adjust_includes_comment_subjects": True,
    "adjust_after_retest": True,
    "min_count_policy": "literal",
    "combined_case": "train_then_retest",
    "titles_require_promotion": False,
    "primary_test_rounding": "half_up",
}

# ------------------------------------------------------------------ TT22 builders

THCS_SCORE = ["ngu_van", "toan", "ngoai_ngu_1", "gdcd", "lich_su_dia_li", "khtn", "cong_nghe", "tin_hoc"]
THCS_COMMENT = ["gdtc", "nghe_thuat", "hdtn", "gddp"]
THPT_CORE = ["ngu_van", "toan", "ngoai_ngu_1", "lich_su", "gdqpan"]
THPT_COMMENT = ["gdtc", "hdtn", "gddp"]
PERIODS = {  # periods per year → required ĐĐGtx (Điều 6 khoản 2 điểm b): 35→2, ≤70→3, >70→4
    "ngu_van": 140, "toan": 140, "ngoai_ngu_1": 105, "gdcd": 35, "lich_su_dia_li": 105, "khtn": 140,
    "tin_hoc": 35, "tieng_dan_toc": 105, "ngoai_ngu_2": 105,
}
THPT_PERIODS = {"ngu_van": 105, "toan": 105, "ngoai_ngu_1": 105, "lich_su": 52, "gdqpan": 35}


def regular_count(grade, subject):
    if grade >= 10:
        p = THPT_PERIODS.get(subject, 105 if subject in ("tieng_dan_toc", "ngoai_ngu_2") else 70)
    elif subject == "cong_nghe":
        p = 35 if grade <= 7 else 52
    else:
        p = PERIODS[subject]
    return 2 if p <= 35 else 3 if p <= 70 else 4


def sem_score(spec, n):
    if isinstance(spec, dict):
        return copy.deepcopy(spec)
    return {"regular": [spec] * n, "midterm": spec, "final": spec}


def sem_comment(spec):
    if isinstance(spec, dict):
        return copy.deepcopy(spec)
    if spec == "dat":
        return {"regular": ["dat", "dat"], "midterm": "dat", "final": "dat"}
    assert spec == "chua_dat"
    return {"regular": ["dat", "dat"], "midterm": "dat", "final": "chua_dat"}


def tt22(grade, scores=None, default="8.0", comments=None, conduct=("tot", "tot"), absences=0,
         electives=("vat_li", "hoa_hoc", "sinh_hoc", "tin_hoc"), optional=(), retest=None, after_summer=None,
         basis=None, principal=None, exempt_practical=(), year="2024-2025", sid="HS-0001", name=None,
         omit_semesters=(), only_hk1=False):
    scores = scores or {}
    comments = comments or {}
    retest = retest or {}
    basis = basis or {}
    if grade >= 10:
        score_list = THPT_CORE + [e for e in electives if e not in ("am_nhac", "mi_thuat")]
        comment_list = THPT_COMMENT + [e for e in electives if e in ("am_nhac", "mi_thuat")]
    else:
        score_list = list(THCS_SCORE)
        comment_list = list(THCS_COMMENT)
    score_list += list(optional)
    unknown = (set(scores) | set(comments)) - set(score_list) - set(comment_list)
    assert not unknown, unknown
    subjects = []
    for s in score_list:
        spec = scores.get(s, default)
        a, b = spec if isinstance(spec, tuple) else (spec, spec)
        n = regular_count(grade, s)
        entry = {"subject": s}
        if s in basis:
            entry["basis"] = basis[s]
        if s not in omit_semesters:
            entry["hk1"] = sem_score(a, n)
            entry["hk2"] = sem_score(b, n)
        if s in retest:
            entry["retest"] = retest[s]
        subjects.append(entry)
    for s in comment_list:
        spec = comments.get(s, "dat")
        a, b = spec if isinstance(spec, tuple) else (spec, spec)
        entry = {"subject": s}
        if s in basis:
            entry["basis"] = basis[s]
        if s not in omit_semesters:
            entry["hk1"] = sem_comment(a)
            entry["hk2"] = sem_comment(b)
        if s in retest:
            entry["retest"] = retest[s]
        subjects.append(entry)
    if only_hk1:
        for e in subjects:
            e.pop("hk2", None)
    for e in subjects:
        if e["subject"] in exempt_practical:
            e["hk1"]["exempt_practical"] = True
            e["hk2"]["exempt_practical"] = True
    cond = {}
    if conduct[0] is not None:
        cond["hk1"] = conduct[0]
    if conduct[1] is not None:
        cond["hk2"] = conduct[1]
    if after_summer is not None:
        cond["after_summer"] = after_summer
    body = {"subjects": subjects, "conduct": cond, "absences": absences}
    if principal is not None:
        body["principal"] = principal
    student = {"id": sid}
    if name:
        student["full_name"] = name
    return {"format": FORMAT, "student": student, "grade": grade, "school_year": year, "tt22": body}


# ------------------------------------------------------------------ TT27 builders

QUALITIES = ["yeu_nuoc", "nhan_ai", "cham_chi", "trung_thuc", "trach_nhiem"]
COMPETENCES = ["tu_chu_tu_hoc", "giao_tiep_hop_tac", "giai_quyet_van_de", "ngon_ngu", "tinh_toan", "khoa_hoc",
               "cong_nghe", "tin_hoc", "tham_mi", "the_chat"]
POINTS = ["ghk1", "chk1", "ghk2", "cn"]


def primary_catalogue(grade, with_foreign=False):
    """(subject, time points with a periodic test), spec §4.3 and TT27 Điều 7 khoản 1 điểm b."""
    core = POINTS if grade >= 4 else ["chk1", "cn"]
    end = ["chk1", "cn"]
    out = [("tieng_viet", core), ("toan", core)]
    if grade >= 3:
        out.append(("ngoai_ngu_1", end))
    elif with_foreign:
        out.append(("ngoai_ngu_1", []))  # optional in grades 1–2, no test
    out.append(("dao_duc", []))
    if grade <= 3:
        out.append(("tnxh", []))
    else:
        out += [("lich_su_dia_li", end), ("khoa_hoc", end)]
    if grade >= 3:
        out.append(("tin_hoc_cong_nghe", end))
    out += [("gdtc", []), ("am_nhac", []), ("mi_thuat", []), ("hoat_dong_trai_nghiem", [])]
    return out


def tt27(grade, year="2024-2025", levels=None, tests=None, traits=None, supplementary=None,
         principal_decision=None, class_recognition=False, with_foreign=False, with_tech=None, points=POINTS,
         sid="HS-0001", name=None, default_test="10"):
    """levels: {subject: {point: level}}; tests: {subject: {point: test | (test, retest)}};
    traits: {code: {point: level}}."""
    levels = levels or {}
    tests = tests or {}
    traits = traits or {}
    subjects = []
    for subject, tested in primary_catalogue(grade, with_foreign):
        entry = {"subject": subject}
        for pt in points:
            mark = {"level": levels.get(subject, {}).get(pt, "T")}
            if pt in tested:
                t = tests.get(subject, {}).get(pt, default_test)
                if isinstance(t, tuple):
                    mark["test"], mark["retest"] = t
                else:
                    mark["test"] = t
            entry[pt] = mark
        subjects.append(entry)
    if with_tech is None:
        with_tech = grade >= 3
    comps = [c for c in COMPETENCES if with_tech or c not in ("cong_nghe", "tin_hoc")]

    def trait(code):
        e = {"code": code}
        for pt in points:
            e[pt] = traits.get(code, {}).get(pt, "T")
        return e

    body = {"subjects": subjects, "qualities": [trait(q) for q in QUALITIES],
            "competences": [trait(c) for c in comps]}
    if supplementary:
        body["supplementary"] = supplementary
    if principal_decision:
        body["principal_decision"] = principal_decision
    if class_recognition:
        body["class_recognition"] = True
    student = {"id": sid}
    if name:
        student["full_name"] = name
    return {"format": FORMAT, "student": student, "grade": grade, "school_year": year, "tt27": body}


# ------------------------------------------------------------------ cases

CASES = []
ERRORS = []


def case(id, description, input, pins, config=None, show=()):
    CASES.append({"id": id, "description": description, "config": config or {}, "input": input,
                  "pins": pins, "show": list(show)})


def error_case(id, description, expected_errors, input=None, input_text=None, config=None):
    ERRORS.append({"id": id, "description": description, "config": config or {}, "input": input,
                   "input_text": input_text, "expected_errors": expected_errors})


def sem(regular, midterm, final):
    return {"regular": list(regular), "midterm": midterm, "final": final}


# ---- §2 averages and rounding -----------------------------------------------------------------------

case("tt22-tie-x.x5-three-regular-rounds-up",
     "TT22 Điều 9 khoản 1 + spec §2.2/§2.3: Công nghệ grade 8 (52 periods → 3 ĐĐGtx, denominator 8). "
     "HK I: (7.0+7.0+7.0 + 2·7.0 + 3·8.2)/8 = 59.6/8 = 7.45 exactly → half-up 7.5. HK II all 7.5 → 7.5. "
     "Year (7.5 + 2·7.5)/3 = 7.5.",
     tt22(8, scores={"cong_nghe": (sem(["7.0", "7.0", "7.0"], "7.0", "8.2"), "7.5")}),
     {"subjects": {"cong_nghe": {"hk1": "7.5", "hk2": "7.5", "year": "7.5"}}, "learning": {"year": "tot"}})

case("tt22-tie-x.x5-three-regular-thpt-elective-rounds-up",
     "TT22 Điều 9 khoản 1, spec §2.2: Vật lí grade 10 (70-period elective, 3 ĐĐGtx, no cụm chuyên đề). "
     "HK I: (6.0+6.0+6.0 + 2·6.0 + 3·6.4)/8 = 49.2/8 = 6.15 exactly → half-up 6.2. "
     "HK II: (6.0+6.0+6.0 + 2·6.0 + 3·6.3)/8 = 48.9/8 = 6.1125 → 6.1. Year (6.2 + 2·6.1)/3 = 18.4/3 = 6.133 → 6.1.",
     tt22(10, scores={"vat_li": (sem(["6.0", "6.0", "6.0"], "6.0", "6.4"), sem(["6.0", "6.0", "6.0"], "6.0", "6.3"))}),
     {"subjects": {"vat_li": {"hk1": "6.2", "hk2": "6.1", "year": "6.1"}}})

case("tt22-tie-x.x5-five-regular-rounds-up",
     "TT22 Điều 6 khoản 2 + spec §3.4: THPT Toán (105 periods, 4 ĐĐGtx) plus one ĐĐGtx for a cụm chuyên đề = 5, "
     "denominator 10. HK I: (8.0·4 + 8.5 + 2·8.0 + 3·8.0)/10 = 80.5/10 = 8.05 → 8.1. HK II: (8.0·4 + 8.4 + 16.0 + "
     "24.0)/10 = 80.4/10 = 8.04 → 8.0. Year (8.1 + 2·8.0)/3 = 24.1/3 = 8.033 → 8.0.",
     tt22(11, scores={"toan": (sem(["8.0", "8.0", "8.0", "8.0", "8.5"], "8.0", "8.0"),
                                sem(["8.0", "8.0", "8.0", "8.0", "8.4"], "8.0", "8.0"))}),
     {"subjects": {"toan": {"hk1": "8.1", "hk2": "8.0", "year": "8.0"}}})

case("tt22-thpt-elective-four-regular-with-cum-chuyen-de",
     "TT22 Điều 6 + spec §3.4: Hoá học grade 10 (70 periods, 3 ĐĐGtx) with one more for its cụm chuyên đề = 4, "
     "denominator 9 (a tie is impossible). HK I: (8.0+8.0+8.0+9.0 + 2·8.0 + 3·8.0)/9 = 73.0/9 = 8.11 → 8.1. HK II "
     "(7.0+7.0+7.0+7.0 + 2·8.0 + 3·9.0)/9 = 71.0/9 = 7.89 → 7.9. Year (8.1 + 2·7.9)/3 = 23.9/3 = 7.967 → 8.0.",
     tt22(10, scores={"hoa_hoc": (sem(["8.0", "8.0", "8.0", "9.0"], "8.0", "8.0"),
                                   sem(["7.0", "7.0", "7.0", "7.0"], "8.0", "9.0"))}),
     {"subjects": {"hoa_hoc": {"hk1": "8.1", "hk2": "7.9", "year": "8.0"}}})

case("tt22-two-regular-denominator-7",
     "TT22 Điều 6 khoản 2 điểm b: GDCD (35 periods) has 2 ĐĐGtx, denominator 7. HK I: (9.0+8.0 + 2·7.0 + 3·8.5)/7 "
     "= 56.5/7 = 8.071 → 8.1. HK II: (6.0+7.0 + 2·7.0 + 3·6.5)/7 = 46.5/7 = 6.643 → 6.6. Year (8.1 + 13.2)/3 = "
     "21.3/3 = 7.1.",
     tt22(6, scores={"gdcd": (sem(["9.0", "8.0"], "7.0", "8.5"), sem(["6.0", "7.0"], "7.0", "6.5"))}),
     {"subjects": {"gdcd": {"hk1": "8.1", "hk2": "6.6", "year": "7.1"}}})

case("tt22-year-average-weights-semester-two-double",
     "TT22 Điều 9 khoản 1: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII)/3. Toán 6.0/9.0 → 24.0/3 = 8.0; Ngữ văn 9.0/6.0 → "
     "21.0/3 = 7.0; KHTN 7.0/7.1 → 21.2/3 = 7.067 → 7.1; Tin học 5.0/5.1 → 15.2/3 = 5.067 → 5.1.",
     tt22(7, scores={"toan": ("6.0", "9.0"), "ngu_van": ("9.0", "6.0"), "khtn": ("7.0", "7.1"),
                     "tin_hoc": ("5.0", "5.1")}),
     {"subjects": {"toan": {"year": "8.0"}, "ngu_van": {"year": "7.0"}, "khtn": {"year": "7.1"},
                   "tin_hoc": {"year": "5.1"}}},
     show=["toan", "ngu_van", "khtn", "tin_hoc"])

MCN_SCORES = {
    "cong_nghe": (sem(["8.0", "8.0", "8.0"], "8.0", "7.6"), sem(["8.0", "8.0", "8.2"], "8.0", "7.8")),
    "ngu_van": "8.5", "toan": "8.5", "ngoai_ngu_1": "8.5", "lich_su_dia_li": "8.5", "khtn": "8.5",
    "gdcd": "7.0", "tin_hoc": "7.0",
}
MCN_DESC = ("Công nghệ grade 8 (3 ĐĐGtx): HK I (24.0 + 16.0 + 22.8)/8 = 62.8/8 = 7.85 → 7.9 (binary floats: "
            "Python round(62.8/8, 1) gives 7.8); HK II (24.2 + 16.0 + "
            "23.4)/8 = 63.6/8 = 7.95 → 8.0. Five other subjects at 8.5, two at 7.0, comment subjects Đạt, conduct "
            "Tốt/Tốt. ")
case("tt22-mcn-from-rounded-semesters-reaches-8.0-tot",
     "Spec §2.3 (mcn_from_rounded_semesters = true, default): ĐTBmcn from the rounded semester values of record: "
     "(7.9 + 2·8.0)/3 = 23.9/3 = 7.967 → 8.0, so six subjects reach 8.0 → year Tốt (Điều 9 khoản 2 điểm a) and "
     "Học sinh Giỏi (no subject ≥ 9.0). HK I is Khá (only five ≥ 8.0), HK II Tốt. " + MCN_DESC,
     tt22(8, scores=MCN_SCORES),
     {"subjects": {"cong_nghe": {"hk1": "7.9", "hk2": "8.0", "year": "8.0"}},
      "learning": {"hk1": "kha", "hk2": "tot", "year": "tot"}, "conduct_year": "tot", "title": "hoc_sinh_gioi",
      "promotion": "len_lop"})

case("tt22-mcn-from-exact-semesters-stays-7.9-kha",
     "Spec §2.3 divergence (mcn_from_rounded_semesters = false): ĐTBmcn from the exact semester values: "
     "(7.85 + 2·7.95)/3 = 23.75/3 = 7.9167 → 7.9, so only five subjects reach 8.0 → year Khá and no title. "
     + MCN_DESC,
     tt22(8, scores=MCN_SCORES),
     {"subjects": {"cong_nghe": {"hk1": "7.9", "hk2": "8.0", "year": "7.9"}},
      "learning": {"hk1": "kha", "hk2": "tot", "year": "kha"}, "title": None, "promotion": "len_lop"},
     config={"mcn_from_rounded_semesters": False})

# ---- §3.7 levels -------------------------------------------------------------------------------------

case("tt22-tot-exactly-six-subjects-at-8.0",
     "TT22 Điều 9 khoản 2 điểm a: six score subjects at exactly 8.0 (≥ 8.0 holds), GDCD and Công nghệ at 7.0 "
     "(≥ 6.5), comment subjects Đạt → Tốt every term; conduct Tốt/Tốt → Học sinh Giỏi (Điều 15).",
     tt22(7, scores={"gdcd": "7.0", "cong_nghe": "7.0"}),
     {"learning": {"hk1": "tot", "hk2": "tot", "year": "tot", "year_computed": "tot", "year_adjusted_for": None},
      "title": "hoc_sinh_gioi", "promotion": "len_lop"},
     show=["gdcd", "toan"])

case("tt22-kha-only-five-subjects-at-8.0",
     "TT22 Điều 9 khoản 2 điểm a–b: five subjects at 8.0, Tin học at 7.9, two at 7.0 → only 5 ≥ 8.0, Tốt fails; "
     "all ≥ 5.0 and 8 ≥ 6.5 → Khá. Khá is one level below Tốt, so khoản 3 does not apply. No title.",
     tt22(7, scores={"tin_hoc": "7.9", "gdcd": "7.0", "cong_nghe": "7.0"}),
     {"learning": {"year": "kha", "year_computed": "kha", "year_adjusted_for": None}, "title": None,
      "promotion": "len_lop"})

case("tt22-tot-lowest-exactly-6.5",
     "TT22 Điều 9 khoản 2 điểm a: seven subjects at 8.5 and GDCD at exactly 6.5 → 'không có môn nào dưới 6,5' "
     "holds → Tốt.",
     tt22(6, default="8.5", scores={"gdcd": "6.5"}),
     {"learning": {"hk1": "tot", "hk2": "tot", "year": "tot"}, "title": "hoc_sinh_gioi"})

case("tt22-kha-lowest-6.4-blocks-tot",
     "TT22 Điều 9 khoản 2 điểm a–b: seven subjects at 8.5 and GDCD at 6.4 → a subject below 6.5, Tốt fails; all "
     "≥ 5.0 and 7 ≥ 6.5 → Khá (not adjustable: only one level below Tốt). No title.",
     tt22(6, default="8.5", scores={"gdcd": "6.4"}),
     {"learning": {"hk1": "kha", "hk2": "kha", "year": "kha", "year_computed": "kha"}, "title": None})

case("tt22-kha-lowest-exactly-5.0",
     "TT22 Điều 9 khoản 2 điểm b: six subjects at 7.0, Công nghệ 6.0, Tin học exactly 5.0 → all ≥ 5.0 and six "
     "≥ 6.5 → Khá.",
     tt22(8, default="7.0", scores={"cong_nghe": "6.0", "tin_hoc": "5.0"}),
     {"learning": {"year": "kha", "year_computed": "kha"}, "promotion": "len_lop"})

case("tt22-dat-lowest-4.9-blocks-kha",
     "TT22 Điều 9 khoản 2 điểm b–c: six at 7.0, Công nghệ 6.0, Tin học 4.9 → below 5.0, Khá fails; 7 ≥ 5.0 and "
     "none below 3.5 → Đạt. Khoản 3: Tin học at 10.0 would give Khá (lowest 6.0), only one level up → no "
     "adjustment.",
     tt22(8, default="7.0", scores={"cong_nghe": "6.0", "tin_hoc": "4.9"}),
     {"learning": {"year": "dat", "year_computed": "dat", "year_adjusted_for": None}, "promotion": "len_lop",
      "retest_subjects": []})

case("tt22-dat-lowest-exactly-3.5",
     "TT22 Điều 9 khoản 2 điểm c: seven subjects at 5.5 and Toán at exactly 3.5 → 7 ≥ 5.0, none below 3.5 → "
     "Đạt. Toán at 10.0 would still be Đạt (only 1 ≥ 6.5) → no adjustment. Promoted.",
     tt22(6, default="5.5", scores={"toan": "3.5"}),
     {"learning": {"year": "dat", "year_computed": "dat"}, "promotion": "len_lop", "retest_subjects": []})

case("tt22-chua-dat-lowest-3.4",
     "TT22 Điều 9 khoản 2 điểm c–d: seven subjects at 5.5 and Toán at 3.4 → a subject below 3.5 → Chưa đạt. "
     "Toán at 10.0 would be Đạt, one level up → no adjustment (khoản 3 needs two). Retest Toán (Điều 14: < 5.0).",
     tt22(6, default="5.5", scores={"toan": "3.4"}),
     {"learning": {"year": "chua_dat", "year_computed": "chua_dat", "year_adjusted_for": None},
      "promotion": "cho_kiem_tra_lai", "retest_subjects": ["toan"]})

case("tt22-chua-dat-only-five-subjects-at-5.0",
     "TT22 Điều 9 khoản 2 điểm c–d: five subjects at 8.0 and three at 4.5 → only 5 ≥ 5.0 (6 needed) → Chưa đạt. "
     "Any one of them at 10.0 gives Đạt, one level → no adjustment. All three are retested (Điều 14).",
     tt22(8, scores={"gdcd": "4.5", "cong_nghe": "4.5", "tin_hoc": "4.5"}),
     {"learning": {"year": "chua_dat", "year_adjusted_for": None}, "promotion": "cho_kiem_tra_lai",
      "retest_subjects": ["cong_nghe", "gdcd", "tin_hoc"]})

case("tt22-dat-with-two-subjects-below-5.0-promoted-without-retest",
     "Spec §3.11: six subjects at 6.0, GDCD and Tin học at 4.0 → 6 ≥ 5.0, none below 3.5 → Đạt; the student is "
     "promoted with two subjects below 5.0 and no retest is triggered.",
     tt22(7, default="6.0", scores={"gdcd": "4.0", "tin_hoc": "4.0"}),
     {"learning": {"year": "dat", "year_computed": "dat"}, "promotion": "len_lop", "retest_subjects": []})

# ---- comment subjects ---------------------------------------------------------------------------------

case("tt22-one-comment-chua-dat-caps-at-dat",
     "TT22 Điều 9 khoản 2 điểm b–c: all score subjects 7.0 (Khá level), Nghệ thuật Chưa đạt in both semesters → "
     "Khá needs every comment subject Đạt; Đạt allows one → Đạt. With Nghệ thuật Đạt the level would be Khá, one "
     "level up → no adjustment. Promoted; year of Nghệ thuật = HK II = Chưa đạt.",
     tt22(7, default="7.0", comments={"nghe_thuat": "chua_dat"}),
     {"subjects": {"nghe_thuat": {"hk1": "chua_dat", "hk2": "chua_dat", "year": "chua_dat"}},
      "learning": {"hk1": "dat", "hk2": "dat", "year": "dat", "year_adjusted_for": None},
      "promotion": "len_lop"})

case("tt22-adjust-triggered-by-comment-subject",
     "TT22 Điều 9 khoản 3 with a comment subject (spec §3.8, adjust_includes_comment_subjects = true): all score "
     "subjects 8.5 (Tốt level), GDTC Chưa đạt both semesters → computed Đạt; with GDTC Đạt it would be Tốt, two "
     "levels higher → raised to Khá, for GDTC. An adjusted level is never Tốt, so no title despite conduct Tốt/Tốt.",
     tt22(8, default="8.5", comments={"gdtc": "chua_dat"}),
     {"learning": {"hk1": "kha", "hk1_computed": "dat", "hk1_adjusted_for": "gdtc", "year": "kha",
                   "year_computed": "dat", "year_adjusted_for": "gdtc"},
      "title": None, "promotion": "len_lop"})

case("tt22-adjust-comment-subject-excluded-by-config",
     "Spec §3.8 switch adjust_includes_comment_subjects = false: same student as "
     "tt22-adjust-triggered-by-comment-subject (scores 8.5, GDTC Chưa đạt) → only score subjects may trigger the "
     "adjustment, none does → stays Đạt.",
     tt22(8, default="8.5", comments={"gdtc": "chua_dat"}),
     {"learning": {"year": "dat", "year_computed": "dat", "year_adjusted_for": None}, "title": None,
      "promotion": "len_lop"},
     config={"adjust_includes_comment_subjects": False})

case("tt22-two-comment-subjects-chua-dat",
     "TT22 Điều 9 khoản 2 điểm c–d: scores 8.5, GDTC and HĐTN Chưa đạt → two comment failures, Đạt allows one → "
     "Chưa đạt. Fixing one of them gives Đạt, one level → no adjustment. Both are re-assessed (Điều 14).",
     tt22(8, default="8.5", comments={"gdtc": "chua_dat", "hdtn": "chua_dat"}),
     {"learning": {"year": "chua_dat", "year_computed": "chua_dat", "year_adjusted_for": None},
      "promotion": "cho_kiem_tra_lai", "retest_subjects": ["gdtc", "hdtn"]})

case("tt22-retest-comment-subjects-one-still-chua-dat-promoted",
     "TT22 Điều 14: scores 7.0, GDTC and HĐTN Chưa đạt → year Chưa đạt; summer re-assessment GDTC Đạt, HĐTN "
     "still Chưa đạt → one comment failure, scores Khá level → recomputed Đạt (fixing HĐTN would give Khá, one "
     "level → no adjustment) → promoted after re-assessment.",
     tt22(8, default="7.0", comments={"gdtc": "chua_dat", "hdtn": "chua_dat"},
          retest={"gdtc": "dat", "hdtn": "chua_dat"}),
     {"subjects": {"gdtc": {"year": "chua_dat", "retest": "dat"}, "hdtn": {"year": "chua_dat", "retest": "chua_dat"}},
      "learning": {"year": "chua_dat", "year_after_retest": "dat", "year_after_retest_computed": "dat",
                   "year_after_retest_adjusted_for": None},
      "promotion": "len_lop_sau_danh_gia_lai", "retest_subjects": ["gdtc", "hdtn"]})

case("tt22-adjust-applied-again-after-retest",
     "Spec §3.11 [I] adjust_after_retest = true: scores 8.5, GDTC and HĐTN Chưa đạt → year Chưa đạt; "
     "re-assessment GDTC Đạt, HĐTN Chưa đạt → recomputed Đạt, and with HĐTN Đạt it would be Tốt → khoản 3 "
     "raises the after-retest level to Khá (for HĐTN). Titles use the original year level: none.",
     tt22(8, default="8.5", comments={"gdtc": "chua_dat", "hdtn": "chua_dat"},
          retest={"gdtc": "dat", "hdtn": "chua_dat"}),
     {"learning": {"year": "chua_dat", "year_after_retest": "kha", "year_after_retest_computed": "dat",
                   "year_after_retest_adjusted_for": "hdtn"},
      "promotion": "len_lop_sau_danh_gia_lai", "title": None})

case("tt22-adjust-not-applied-after-retest-when-disabled",
     "Spec §3.11 switch adjust_after_retest = false: same student as tt22-adjust-applied-again-after-retest → "
     "the after-retest level stays at the computed Đạt.",
     tt22(8, default="8.5", comments={"gdtc": "chua_dat", "hdtn": "chua_dat"},
          retest={"gdtc": "dat", "hdtn": "chua_dat"}),
     {"learning": {"year": "chua_dat", "year_after_retest": "dat", "year_after_retest_computed": "dat",
                   "year_after_retest_adjusted_for": None},
      "promotion": "len_lop_sau_danh_gia_lai"},
     config={"adjust_after_retest": False})

case("tt22-comment-year-follows-semester-two-dat",
     "TT22 Điều 9 khoản 1 điểm a (spec §3.6): the year result of a comment subject is the HK II result. GDTC HK I "
     "Chưa đạt, HK II Đạt → year Đạt. Scores 8.5: HK I computed Đạt, raised to Khá for GDTC (khoản 3); HK II and "
     "year Tốt → Học sinh Giỏi.",
     tt22(9, default="8.5", comments={"gdtc": ("chua_dat", "dat")}),
     {"subjects": {"gdtc": {"hk1": "chua_dat", "hk2": "dat", "year": "dat"}},
      "learning": {"hk1": "kha", "hk1_computed": "dat", "hk1_adjusted_for": "gdtc", "hk2": "tot", "year": "tot"},
      "title": "hoc_sinh_gioi", "promotion": "len_lop", "completion": "thcs"})

case("tt22-comment-year-follows-semester-two-chua-dat",
     "TT22 Điều 9 khoản 1 điểm a: GDTC HK I Đạt, HK II Chưa đạt → year Chưa đạt (HK I does not matter). Scores "
     "8.5: HK I Tốt; HK II and year computed Đạt, raised to Khá for GDTC. No title (year learning Khá).",
     tt22(9, default="8.5", comments={"gdtc": ("dat", "chua_dat")}),
     {"subjects": {"gdtc": {"hk1": "dat", "hk2": "chua_dat", "year": "chua_dat"}},
      "learning": {"hk1": "tot", "hk2": "kha", "year": "kha", "year_computed": "dat", "year_adjusted_for": "gdtc"},
      "title": None, "promotion": "len_lop"})

case("tt22-comment-semester-needs-every-check-dat",
     "TT22 Điều 9 khoản 1 điểm a: a comment semester is Đạt only when every required check is Đạt. Nghệ thuật "
     "HK I: regular Đạt, Chưa đạt; mid-term Đạt; final Đạt → HK I Chưa đạt; HK II all Đạt → year Đạt.",
     tt22(6, default="7.0", comments={"nghe_thuat": (sem(["dat", "chua_dat"], "dat", "dat"), "dat")}),
     {"subjects": {"nghe_thuat": {"hk1": "chua_dat", "hk2": "dat", "year": "dat"}},
      "learning": {"hk1": "dat", "hk2": "kha", "year": "kha"}})

# ---- §3.8 adjustment ----------------------------------------------------------------------------------

ADJ_SCORES = {"ngu_van": "9.0", "toan": "9.0", "ngoai_ngu_1": "9.0", "lich_su_dia_li": "9.0", "khtn": "9.0",
              "tin_hoc": "4.0", "gdcd": "7.0", "cong_nghe": "7.0"}
case("tt22-adjust-best-case-weak-subject-needed-for-six-at-8.0",
     "TT22 Điều 9 khoản 3, adjust_policy = best_case (default): five subjects at 9.0, GDCD and Công nghệ 7.0, "
     "Tin học 4.0 → computed Đạt (lowest 4.0 < 5.0). With Tin học at 10.0: six ≥ 8.0, lowest 7.0 → Tốt, two "
     "levels above → raised to Khá for Tin học. Promoted.",
     tt22(8, scores=ADJ_SCORES),
     {"learning": {"year": "kha", "year_computed": "dat", "year_adjusted_for": "tin_hoc"}, "promotion": "len_lop",
      "title": None})

case("tt22-adjust-remove-weak-subject-needed-for-six-at-8.0",
     "TT22 Điều 9 khoản 3, adjust_policy = remove (spec §3.8, where the policies differ): same scores as the "
     "best_case twin. Without Tin học: five ≥ 8.0 (six needed) → not Tốt; lowest 7.0, seven ≥ 6.5 → Khá, only one "
     "level above Đạt → no adjustment: Đạt.",
     tt22(8, scores=ADJ_SCORES),
     {"learning": {"year": "dat", "year_computed": "dat", "year_adjusted_for": None}, "promotion": "len_lop"},
     config={"adjust_policy": "remove"})

case("tt22-adjust-chua-dat-to-dat-best-case",
     "TT22 Điều 9 khoản 3: seven subjects at 7.0, Toán 3.0 → computed Chưa đạt (below 3.5). Toán at 10.0 → Khá "
     "(all ≥ 5.0, 8 ≥ 6.5), two levels above → raised to Đạt for Toán; Đạt is enough to be promoted, no retest.",
     tt22(6, default="7.0", scores={"toan": "3.0"}),
     {"learning": {"year": "dat", "year_computed": "chua_dat", "year_adjusted_for": "toan"},
      "promotion": "len_lop", "retest_subjects": []})

case("tt22-adjust-chua-dat-to-dat-remove",
     "TT22 Điều 9 khoản 3, adjust_policy = remove: seven at 7.0, Toán 3.0. Without Toán: seven subjects, all ≥ "
     "6.5 → Khá, two above Chưa đạt → raised to Đạt (both policies agree outside the §3.8 zone).",
     tt22(6, default="7.0", scores={"toan": "3.0"}),
     {"learning": {"year": "dat", "year_computed": "chua_dat", "year_adjusted_for": "toan"},
      "promotion": "len_lop"},
     config={"adjust_policy": "remove"})

case("tt22-adjust-remove-dat-to-kha-when-six-others-at-8.0",
     "TT22 Điều 9 khoản 3, adjust_policy = remove: seven subjects at 8.5, Tin học 4.5 → computed Đạt. Without "
     "Tin học: seven ≥ 8.0, lowest 8.5 → Tốt → raised to Khá for Tin học.",
     tt22(7, default="8.5", scores={"tin_hoc": "4.5"}),
     {"learning": {"year": "kha", "year_computed": "dat", "year_adjusted_for": "tin_hoc"}},
     config={"adjust_policy": "remove"})

case("tt22-no-adjustment-two-weak-subjects",
     "TT22 Điều 9 khoản 3 needs 'duy nhất 01 môn học': six subjects at 9.0, Ngữ văn and Toán 3.0 → Chưa đạt; "
     "fixing either still leaves a 3.0 → Chưa đạt → no adjustment. Both are retested.",
     tt22(8, default="9.0", scores={"ngu_van": "3.0", "toan": "3.0"}),
     {"learning": {"year": "chua_dat", "year_computed": "chua_dat", "year_adjusted_for": None},
      "promotion": "cho_kiem_tra_lai", "retest_subjects": ["ngu_van", "toan"]})

case("tt22-kha-not-adjusted-no-title",
     "TT22 Điều 9 khoản 3 only applies two levels down: seven subjects at 9.0, GDCD 6.0 → Khá (lowest < 6.5), "
     "Tốt but for GDCD is one level → stays Khá; no title although seven subjects ≥ 9.0 and conduct Tốt/Tốt.",
     tt22(6, default="9.0", scores={"gdcd": "6.0"}),
     {"learning": {"year": "kha", "year_computed": "kha", "year_adjusted_for": None}, "title": None})

case("tt22-adjust-three-levels-down-raised-only-one",
     "TT22 Điều 9 khoản 3, 'mức liền kề' read as adjacent above the computed level (spec §3.8): seven subjects "
     "at 9.0 and Toán 3.0 → computed Chưa đạt; with Toán at 10.0 it would be Tốt (three levels) → raised one "
     "level only, to Đạt — never to Khá.",
     tt22(7, default="9.0", scores={"toan": "3.0"}),
     {"learning": {"year": "dat", "year_computed": "chua_dat", "year_adjusted_for": "toan"}, "title": None,
      "promotion": "len_lop"})

# ---- §3.9 conduct table: all 16 combinations ---------------------------------------------------------

for h1 in (model.TOT, model.KHA, model.DAT, model.CD):
    for h2 in (model.TOT, model.KHA, model.DAT, model.CD):
        y = model.CONDUCT[(h1, h2)]
        pins = {"conduct_year": y,
                "promotion": "cho_ren_luyen_he" if y == model.CD else "len_lop",
                "title": "hoc_sinh_gioi" if y == model.TOT else None}
        case(f"tt22-conduct-year-hk1-{h1.replace('_', '-')}-hk2-{h2.replace('_', '-')}",
             f"TT22 Điều 8 khoản 2 table (spec §3.9): conduct HK I {h1}, HK II {h2} → year {y}. Learning Tốt (all "
             f"8.0); the title needs conduct Tốt (Điều 15); conduct Chưa đạt sends the student to summer training "
             f"(Điều 13).",
             tt22(7, conduct=(h1, h2)), pins)

# ---- §3.11 promotion ----------------------------------------------------------------------------------

case("tt22-absences-45-promoted",
     "TT22 Điều 12 khoản 1 điểm c: 45 sessions absent is 'không quá 45 buổi' → promoted.",
     tt22(7, absences=45), {"promotion": "len_lop", "promotion_reason": None})

case("tt22-absences-46-not-promoted-title-kept",
     "TT22 Điều 12 khoản 1 điểm c, khoản 3: 46 sessions → not promoted whatever the results; Điều 15 names only "
     "conduct and learning, so with titles_require_promotion = false (default, spec §11.3) Tốt/Tốt keeps "
     "Học sinh Giỏi.",
     tt22(7, absences=46),
     {"promotion": "khong_len_lop", "promotion_reason": "absences", "title": "hoc_sinh_gioi", "retest_subjects": []})

case("tt22-absences-46-title-withheld-when-titles-require-promotion",
     "Spec §11.3 switch titles_require_promotion = true: same student as tt22-absences-46-not-promoted-title-kept → "
     "no title.",
     tt22(7, absences=46), {"promotion": "khong_len_lop", "promotion_reason": "absences", "title": None},
     config={"titles_require_promotion": True})

case("tt22-absences-46-learning-chua-dat-no-retest",
     "Spec §3.11: absences > 45 → khong_len_lop at once; retests cannot cure absences, so no retest subjects are "
     "listed although Toán 3.0 (others 5.5) makes learning Chưa đạt.",
     tt22(7, default="5.5", scores={"toan": "3.0"}, absences=46),
     {"learning": {"year": "chua_dat"}, "promotion": "khong_len_lop", "promotion_reason": "absences",
      "retest_subjects": []})

RETEST_BASE = {"toan": "3.0"}
case("tt22-retest-3.5-flips-to-dat-promoted",
     "TT22 Điều 14: Toán 3.0, others 5.5 → Chưa đạt (Toán at 10.0 gives only Đạt, no adjustment) → retest Toán. "
     "Retest score 3.5 replaces the ĐTBmcn: lowest 3.5, 7 ≥ 5.0 → Đạt → promoted after re-assessment. Semester "
     "values are untouched.",
     tt22(7, default="5.5", scores=RETEST_BASE, retest={"toan": "3.5"}),
     {"subjects": {"toan": {"hk1": "3.0", "hk2": "3.0", "year": "3.0", "retest": "3.5"}},
      "learning": {"year": "chua_dat", "year_after_retest": "dat", "year_after_retest_computed": "dat"},
      "promotion": "len_lop_sau_danh_gia_lai", "promotion_reason": None, "retest_subjects": ["toan"]})

case("tt22-retest-3.4-does-not-flip-not-promoted",
     "TT22 Điều 14: same student, retest score 3.4 → still below 3.5 → Chưa đạt after retest (fixing Toán gives "
     "Đạt, one level → no adjustment) → not promoted, reason learning.",
     tt22(7, default="5.5", scores=RETEST_BASE, retest={"toan": "3.4"}),
     {"subjects": {"toan": {"retest": "3.4"}},
      "learning": {"year_after_retest": "chua_dat", "year_after_retest_computed": "chua_dat"},
      "promotion": "khong_len_lop", "promotion_reason": "learning", "retest_subjects": ["toan"]})

TWO_WEAK = {"toan": "3.0", "ngu_van": "4.0"}
case("tt22-retest-awaited-when-one-of-two-results-given",
     "TT22 Điều 14 khoản 1 (spec §3.11, MOET answer): Toán 3.0 and Ngữ văn 4.0, others 5.5 → Chưa đạt (fixing "
     "Toán gives Đạt only). Every subject below 5.0 is re-assessed — both. Only Toán's result is given → still "
     "waiting for the retests.",
     tt22(8, default="5.5", scores=TWO_WEAK, retest={"toan": "5.0"}),
     {"learning": {"year": "chua_dat", "year_after_retest": None}, "promotion": "cho_kiem_tra_lai",
      "retest_subjects": ["ngu_van", "toan"]})

case("tt22-retest-both-subjects-promoted",
     "TT22 Điều 14: both results given, Toán 5.0 and Ngữ văn 4.0 → replaced values 5.0, 4.0, six at 5.5 → 7 ≥ "
     "5.0, lowest 4.0 → Đạt → promoted after re-assessment (a retested subject may stay below 5.0).",
     tt22(8, default="5.5", scores=TWO_WEAK, retest={"toan": "5.0", "ngu_van": "4.0"}),
     {"subjects": {"toan": {"retest": "5.0"}, "ngu_van": {"retest": "4.0"}},
      "learning": {"year_after_retest": "dat"}, "promotion": "len_lop_sau_danh_gia_lai",
      "retest_subjects": ["ngu_van", "toan"]})

case("tt22-summer-training-awaited",
     "TT22 Điều 13 khoản 1: conduct HK I Khá, HK II Chưa đạt → year Chưa đạt; learning Tốt → summer training, "
     "result not entered yet.",
     tt22(7, conduct=("kha", "chua_dat")),
     {"conduct_year": "chua_dat", "conduct_after_summer_training": None, "promotion": "cho_ren_luyen_he",
      "title": None})

case("tt22-summer-training-passed-promoted",
     "TT22 Điều 13 khoản 3: conduct re-assessed Đạt after summer training replaces the year conduct → promoted "
     "after re-assessment. No title (the year conduct is Chưa đạt).",
     tt22(7, conduct=("kha", "chua_dat"), after_summer="dat"),
     {"conduct_year": "chua_dat", "conduct_after_summer_training": "dat", "promotion": "len_lop_sau_danh_gia_lai",
      "promotion_reason": None, "title": None})

case("tt22-summer-training-failed-not-promoted",
     "TT22 Điều 13 khoản 3, Điều 12 khoản 3: conduct still Chưa đạt after summer training → not promoted, "
     "reason conduct.",
     tt22(7, conduct=("kha", "chua_dat"), after_summer="chua_dat"),
     {"conduct_after_summer_training": "chua_dat", "promotion": "khong_len_lop", "promotion_reason": "conduct"})

COMBINED = dict(default="5.5", scores={"toan": "3.0"}, conduct=("dat", "chua_dat"))
case("tt22-combined-case-train-then-retest-awaiting-both",
     "Spec §3.11 combined case, combined_case = train_then_retest (default): conduct Chưa đạt and learning Chưa "
     "đạt (Toán 3.0, others 5.5) → summer training and retests, nothing entered yet.",
     tt22(9, **COMBINED),
     {"conduct_year": "chua_dat", "learning": {"year": "chua_dat"},
      "promotion": "cho_ren_luyen_he_va_kiem_tra_lai", "retest_subjects": ["toan"], "completion": None})

case("tt22-combined-case-train-then-retest-promoted",
     "Spec §3.11 combined case: summer conduct Đạt replaces the year conduct, so Điều 14 applies; Toán retest "
     "5.0 → Đạt after retest → promoted after re-assessment; grade 9 → completes THCS.",
     tt22(9, **COMBINED, after_summer="dat", retest={"toan": "5.0"}),
     {"conduct_after_summer_training": "dat", "learning": {"year_after_retest": "dat"},
      "promotion": "len_lop_sau_danh_gia_lai", "retest_subjects": ["toan"], "completion": "thcs"})

case("tt22-combined-case-retain",
     "Spec §3.11 switch combined_case = retain: conduct and learning both Chưa đạt → not promoted at once, "
     "reason conduct_and_learning, no summer workflow.",
     tt22(9, **COMBINED),
     {"promotion": "khong_len_lop", "promotion_reason": "conduct_and_learning", "retest_subjects": [],
      "completion": None},
     config={"combined_case": "retain"})

case("tt22-grade9-completes-thcs",
     "TT22 Điều 12 khoản 1: a promoted grade-9 student is recognised as having completed the THCS programme.",
     tt22(9), {"promotion": "len_lop", "completion": "thcs", "title": "hoc_sinh_gioi"})

case("tt22-grade12-completes-thpt",
     "TT22 Điều 12 khoản 1: a promoted grade-12 student completes the THPT programme.",
     tt22(12), {"promotion": "len_lop", "completion": "thpt", "learning": {"year": "tot"}})

case("tt22-grade9-absences-no-completion",
     "TT22 Điều 12: a grade-9 student with 50 sessions absent is not promoted → no programme completion.",
     tt22(9, absences=50), {"promotion": "khong_len_lop", "promotion_reason": "absences", "completion": None})

case("tt22-grade12-completes-thpt-after-retest",
     "TT22 Điều 12, 14: grade 12, Lịch sử 3.0 and others 5.5 → Chưa đạt; retest 6.0 → Đạt → promoted after "
     "re-assessment → completes THPT.",
     tt22(12, default="5.5", scores={"lich_su": "3.0"}, retest={"lich_su": "6.0"}),
     {"learning": {"year": "chua_dat", "year_after_retest": "dat"}, "promotion": "len_lop_sau_danh_gia_lai",
      "retest_subjects": ["lich_su"], "completion": "thpt"})

# ---- §3.5, §3.10 special inputs -----------------------------------------------------------------------

case("tt22-exempt-practical-no-change-to-formulas",
     "TT22 Điều 10 (spec §3.10): exemption from the practical part of GDTC and GDQP&AN is a flag only. GDQP&AN "
     "(2 ĐĐGtx): (7.0+8.0 + 2·8.0 + 3·9.0)/7 = 58.0/7 = 8.29 → 8.3 both semesters, year 8.3; GDTC still Đạt.",
     tt22(10, scores={"gdqpan": sem(["7.0", "8.0"], "8.0", "9.0")}, exempt_practical=("gdqpan", "gdtc")),
     {"subjects": {"gdqpan": {"hk1": "8.3", "hk2": "8.3", "year": "8.3"}, "gdtc": {"year": "dat"}},
      "learning": {"year": "tot"}, "promotion": "len_lop",
      "trace_includes": [{"code": "tt22.subject.exempt_practical", "subject": "gdqpan", "term": "hk1"}]})

case("tt22-iep-awaits-principal",
     "TT22 Điều 11, Điều 12 khoản 4 (spec §3.10): KHTN assessed against an IEP → the level algorithm does not "
     "run; levels and promotion await the principal. Subject averages are still computed.",
     tt22(7, basis={"khtn": "iep"}),
     {"subjects": {"toan": {"year": "8.0"}},
      "learning": {"hk1": None, "hk2": None, "year": None}, "promotion": "cho_quyet_dinh_hieu_truong",
      "title": None})

case("tt22-iep-principal-decided-promoted",
     "TT22 Điều 11, Điều 12 khoản 4: the principal's decisions are recorded: learning Đạt each term, promotion "
     "lên lớp.",
     tt22(7, basis={"khtn": "iep"},
          principal={"learning_hk1": "dat", "learning_hk2": "dat", "learning_year": "dat", "promotion": "len_lop"}),
     {"learning": {"hk1": "dat", "year": "dat", "year_by_principal": True}, "promotion": "len_lop", "title": None})

case("tt22-exempt-subject-principal-retains",
     "TT22 Điều 11: GDTC exempted (not assessed, no marks); the principal decides learning Chưa đạt and ở lại lớp "
     "→ not promoted, reason principal_decision.",
     tt22(8, basis={"gdtc": "exempt"}, omit_semesters=("gdtc",),
          principal={"learning_year": "chua_dat", "promotion": "o_lai_lop"}),
     {"subjects": {"gdtc": {"hk1": None, "hk2": None, "year": None}},
      "learning": {"year": "chua_dat", "year_by_principal": True, "hk1": None},
      "promotion": "khong_len_lop", "promotion_reason": "principal_decision"})

case("tt22-pending-makeup-no-average",
     "TT22 Điều 7 (spec §3.5): Toán HK II final is pending a make-up → no HK II average, no year average; HK II "
     "and year levels cannot be set; promotion waits (chua_du_du_lieu). HK I is complete.",
     tt22(8, scores={"toan": ("8.0", sem(["8.0"] * 4, "8.0", "pending_makeup"))}),
     {"subjects": {"toan": {"hk1": "8.0", "hk2": None, "year": None}},
      "learning": {"hk1": "tot", "hk2": None, "year": None}, "promotion": "chua_du_du_lieu", "title": None})

case("tt22-absent-final-counts-as-zero",
     "TT22 Điều 7 (spec §3.5): a final missed without make-up counts as 0. Toán HK I (8.0·4 + 2·8.0 + 3·0)/9 = "
     "48.0/9 = 5.33 → 5.3; HK II 8.0; year (5.3 + 16.0)/3 = 7.1.",
     tt22(8, scores={"toan": (sem(["8.0"] * 4, "8.0", "absent"), "8.0")}),
     {"subjects": {"toan": {"hk1": "5.3", "hk2": "8.0", "year": "7.1"}},
      "learning": {"hk1": "kha", "hk2": "tot", "year": "tot"}})

case("tt22-absent-comment-check-counts-as-chua-dat",
     "TT22 Điều 7: a comment check missed without make-up is Chưa đạt → GDTC HK II Chưa đạt → year Chưa đạt; "
     "scores 7.0 → year Đạt (one comment failure).",
     tt22(8, default="7.0", comments={"gdtc": ("dat", sem(["dat", "dat"], "absent", "dat"))}),
     {"subjects": {"gdtc": {"hk2": "chua_dat", "year": "chua_dat"}}, "learning": {"year": "dat"}})

case("tt22-reduced-basis-computed-like-standard",
     "TT22 Điều 11 (spec §3.10): a subject assessed with reduced requirements ('reduced') is computed like any "
     "other: Toán 8.0 → levels computed, no principal decision needed.",
     tt22(6, basis={"toan": "reduced"}),
     {"subjects": {"toan": {"year": "8.0"}}, "learning": {"year": "tot", "year_by_principal": False},
      "promotion": "len_lop", "title": "hoc_sinh_gioi"})

case("tt22-semester-one-only-partial-results",
     "Spec §6 / decision D-5: only semester I entered → HK I averages and level are computed (all 8.0 → Tốt); "
     "HK II, year and promotion wait (chua_du_du_lieu).",
     tt22(10, only_hk1=True, conduct=("tot", None)),
     {"subjects": {"toan": {"hk1": "8.0", "hk2": None, "year": None}},
      "learning": {"hk1": "tot", "hk2": None, "year": None}, "conduct_year": None,
      "promotion": "chua_du_du_lieu", "title": None, "completion": None})

case("tt22-conduct-semester-two-missing-waits",
     "TT22 Điều 8: the year conduct needs both semesters; HK II conduct not entered → no year conduct, promotion "
     "waits although learning is Tốt.",
     tt22(8, conduct=("tot", None)),
     {"learning": {"year": "tot"}, "conduct_year": None, "promotion": "chua_du_du_lieu", "title": None})

# ---- §3.12 titles -------------------------------------------------------------------------------------

case("tt22-xuat-sac-six-subjects-at-9.0",
     "TT22 Điều 15 khoản 1 điểm a: conduct Tốt, learning Tốt and six subjects with ĐTBmcn ≥ 9.0 (exactly 9.0) → "
     "Học sinh Xuất sắc.",
     tt22(8, default="9.0", scores={"gdcd": "8.0", "cong_nghe": "8.0"}),
     {"learning": {"year": "tot"}, "conduct_year": "tot", "title": "hoc_sinh_xuat_sac"})

case("tt22-gioi-only-five-subjects-at-9.0",
     "TT22 Điều 15 khoản 1 điểm a: five subjects at 9.0, one at 8.9, two at 8.0 → not Xuất sắc; Tốt/Tốt → Học "
     "sinh Giỏi.",
     tt22(8, default="9.0", scores={"tin_hoc": "8.9", "gdcd": "8.0", "cong_nghe": "8.0"}),
     {"learning": {"year": "tot"}, "title": "hoc_sinh_gioi"})

case("tt22-no-title-when-conduct-kha",
     "TT22 Điều 15: all subjects 9.5 but conduct HK I Tốt, HK II Khá → year Khá → no title.",
     tt22(10, default="9.5", conduct=("tot", "kha")),
     {"conduct_year": "kha", "learning": {"year": "tot"}, "title": None})

case("tt22-thpt-seven-score-subjects-six-of-seven",
     "Spec §3.3: a THPT student with Âm nhạc and Mĩ thuật as electives has 7 score subjects; 'at least 6 ≥ 8.0' "
     "means 6 of 7. Six at 8.0, Lịch sử 7.5 → Tốt.",
     tt22(11, electives=("am_nhac", "mi_thuat", "vat_li", "hoa_hoc"), scores={"lich_su": "7.5"}),
     {"learning": {"year": "tot"}, "title": "hoc_sinh_gioi",
      "trace_includes": [{"code": "tt22.catalogue.elective_count", "held": True}]})

# ---- §3.7 fewer than six score subjects ---------------------------------------------------------------

FEW = tt22(10, default="9.0", electives=("am_nhac", "mi_thuat"))
case("tt22-min-count-min-with-count-five-score-subjects",
     "Spec §3.7 switch min_count_policy = min_with_count: a grade-10 record with only the five compulsory score "
     "subjects and the two arts electives (an incomplete elective list: the trace warns, 2 of 4) → 'at least 6' "
     "reads 'at least min(6, 5) = 5' → all five at 9.0 → Tốt; five ≥ 9.0 < 6 → Học sinh Giỏi.",
     FEW,
     {"learning": {"year": "tot"}, "title": "hoc_sinh_gioi", "promotion": "len_lop",
      "trace_includes": [{"code": "tt22.catalogue.elective_count", "held": False}]},
     config={"min_count_policy": "min_with_count"})

case("tt22-min-count-literal-five-score-subjects-awaits-principal",
     "Spec §3.7, min_count_policy = literal (default): the same five-score-subject record. 'Ít nhất 06 môn' read "
     "literally cannot be met, so every level is Chưa đạt (Tốt/Khá/Đạt need six subjects) although all five "
     "average 9.0; no retest can change that (no subject is below 5.0), so promotion goes to the principal's "
     "decision (Điều 12 khoản 4) instead of a retention. No title.",
     FEW,
     {"learning": {"hk1": "chua_dat", "year": "chua_dat", "year_computed": "chua_dat", "year_adjusted_for": None,
                   "year_after_retest": None},
      "promotion": "cho_quyet_dinh_hieu_truong", "promotion_reason": None, "retest_subjects": [], "title": None})

case("tt22-min-count-literal-principal-promotes",
     "Spec §3.7 (literal) with the principal's decision recorded: lên lớp → promoted; the learning level stays the "
     "literal Chưa đạt.",
     tt22(10, default="9.0", electives=("am_nhac", "mi_thuat"), principal={"promotion": "len_lop"}),
     {"learning": {"year": "chua_dat"}, "promotion": "len_lop", "promotion_reason": None, "title": None})

# ---- §1 regime selection (valid) -----------------------------------------------------------------------

case("tt22-regime-grade6-2021-2022-first-tt22-year",
     "Spec §1 / TT22 Điều 21: grade 6 in 2021-2022 is the first TT22 cohort.",
     tt22(6, year="2021-2022"), {"regime": "tt22", "learning": {"year": "tot"}})

case("tt22-regime-grade10-2022-2023",
     "Spec §1 / TT22 Điều 21: grade 10 moves to TT22 in 2022-2023.",
     tt22(10, year="2022-2023"), {"regime": "tt22", "promotion": "len_lop"})

case("tt22-regime-grade9-2024-2025",
     "Spec §1 / TT22 Điều 21: grade 9 moves to TT22 in 2024-2025.",
     tt22(9, year="2024-2025"), {"regime": "tt22", "completion": "thcs"})

# ---- TT27 -----------------------------------------------------------------------------------------------

case("tt27-hoan-thanh-xuat-sac",
     "TT27 Điều 9 khoản 2 điểm a, Điều 13: every subject T, every quality/competence T, every CN test ≥ 9 (all 10) "
     "→ Hoàn thành xuất sắc → Học sinh Xuất sắc.",
     tt27(4),
     {"regime": "tt27", "result": "hoan_thanh_xuat_sac", "completion": "hoan_thanh", "title": "hoc_sinh_xuat_sac",
      "programme_completed": None, "tests": {"toan": {"cn": 10}}})

case("tt27-cn-test-8-blocks-xuat-sac",
     "TT27 Điều 9 khoản 2 điểm a: everything T but the CN Toán test is 8 (< 9) → Hoàn thành tốt; no title without "
     "class recognition.",
     tt27(4, tests={"toan": {"cn": "8"}}),
     {"result": "hoan_thanh_tot", "completion": "hoan_thanh", "title": None, "tests": {"toan": {"cn": 8}}})

case("tt27-cn-test-7-hoan-thanh-tot",
     "TT27 Điều 9 khoản 2 điểm a: the HTT bar is 7: CN Khoa học test 7 → Hoàn thành tốt.",
     tt27(5, tests={"khoa_hoc": {"cn": "7"}}),
     {"result": "hoan_thanh_tot", "programme_completed": "tieu_hoc"})

case("tt27-cn-test-6-hoan-thanh",
     "TT27 Điều 9 khoản 2 điểm a: CN Tiếng Việt test 6 (< 7, ≥ 5) → Hoàn thành.",
     tt27(4, tests={"tieng_viet": {"cn": "6"}}), {"result": "hoan_thanh", "title": None})

case("tt27-tieu-bieu-with-class-recognition",
     "TT27 Điều 13 khoản 1 điểm a: Hoàn thành tốt (CN Toán test 8) and an achievement recognised by the class → "
     "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện.",
     tt27(4, tests={"toan": {"cn": "8"}}, class_recognition=True),
     {"result": "hoan_thanh_tot", "title": "hoc_sinh_tieu_bieu"})

case("tt27-class-recognition-needs-hoan-thanh-tot",
     "TT27 Điều 13: class recognition without Hoàn thành tốt (one H) gives no title.",
     tt27(4, levels={"am_nhac": {"cn": "H"}}, class_recognition=True),
     {"result": "hoan_thanh", "title": None})

case("tt27-single-h-blocks-hoan-thanh-tot",
     "TT27 Điều 9 khoản 2 điểm a (spec §4.7, dantri case): all tests 10, everything T except Âm nhạc H at the end "
     "of the year → Hoàn thành (not HTXS/HTT).",
     tt27(4, levels={"am_nhac": {"cn": "H"}}),
     {"result": "hoan_thanh", "completion": "hoan_thanh", "title": None})

case("tt27-single-dat-quality-blocks-hoan-thanh-tot",
     "TT27 Điều 9 khoản 2 điểm a: quality Chăm chỉ Đạt at CN (others Tốt, all T, tests 10) → Hoàn thành.",
     tt27(3, traits={"cham_chi": {"cn": "Đ"}}), {"result": "hoan_thanh"})

case("tt27-only-end-of-year-levels-count",
     "TT27 Điều 9 khoản 2: only end-of-year (CN) values count: Toán C at GHK I and H at CHK I, competence Ngôn "
     "ngữ Cần cố gắng at GHK II, CHK I Toán test 4 and GHK II Toán test 3 — all T/Tốt and tests 10 at CN → "
     "Hoàn thành xuất sắc.",
     tt27(4, levels={"toan": {"ghk1": "C", "chk1": "H"}}, traits={"ngon_ngu": {"ghk2": "C"}},
          tests={"toan": {"chk1": "4", "ghk2": "3"}}),
     {"result": "hoan_thanh_xuat_sac", "tests": {"toan": {"chk1": 4, "ghk2": 3, "cn": 10}}})

case("tt27-single-c-subject-chua-hoan-thanh",
     "TT27 Điều 9 khoản 2 (spec §4.7): Đạo đức C at CN → Chưa hoàn thành → completion waits for the "
     "supplementary assessment (Điều 11 khoản 2).",
     tt27(4, levels={"dao_duc": {"cn": "C"}}),
     {"result": "chua_hoan_thanh", "completion": "cho_danh_gia_bo_sung", "title": None})

case("tt27-single-can-co-gang-competence-chua-hoan-thanh",
     "TT27 Điều 9 khoản 2 (spec §4.7, literal reading): competence Tính toán Cần cố gắng at CN → Chưa hoàn thành.",
     tt27(4, traits={"tinh_toan": {"cn": "C"}}),
     {"result": "chua_hoan_thanh", "completion": "cho_danh_gia_bo_sung"})

case("tt27-cn-test-4-chua-hoan-thanh",
     "TT27 Điều 9 khoản 2 điểm a: CN Toán test 4 (< 5) → Chưa hoàn thành.",
     tt27(4, tests={"toan": {"cn": "4"}}),
     {"result": "chua_hoan_thanh", "tests": {"toan": {"cn": 4}}})

case("tt27-cn-test-5-hoan-thanh",
     "TT27 Điều 9 khoản 2 điểm a: CN Toán test exactly 5 → Hoàn thành.",
     tt27(4, tests={"toan": {"cn": "5"}}), {"result": "hoan_thanh"})

case("tt27-test-8.5-rounds-to-9-keeps-xuat-sac",
     "Spec §4.5 (primary_test_rounding = half_up): a CN Toán total of 8.5 is recorded as 9 → still ≥ 9 → Hoàn "
     "thành xuất sắc.",
     tt27(4, tests={"toan": {"cn": "8.5"}}),
     {"result": "hoan_thanh_xuat_sac", "tests": {"toan": {"cn": 9}},
      "trace_includes": [{"code": "tt27.test.rounded", "subject": "toan", "term": "cn"}]})

case("tt27-test-8.25-rounds-to-8-blocks-xuat-sac",
     "Spec §4.5: a CN Toán total of 8.25 is recorded as 8 → Hoàn thành tốt.",
     tt27(4, tests={"toan": {"cn": "8.25"}}),
     {"result": "hoan_thanh_tot", "tests": {"toan": {"cn": 8}}})

case("tt27-test-4.5-rounds-to-5-hoan-thanh",
     "Spec §4.5: a CN Tiếng Việt total of 4.5 is recorded as 5, which flips Chưa hoàn thành to Hoàn thành.",
     tt27(4, tests={"tieng_viet": {"cn": "4.5"}}),
     {"result": "hoan_thanh", "completion": "hoan_thanh", "tests": {"tieng_viet": {"cn": 5}}})

case("tt27-test-6.75-rounds-to-7-hoan-thanh-tot",
     "Spec §4.5: a CN Ngoại ngữ 1 total of 6.75 is recorded as 7 → Hoàn thành tốt.",
     tt27(3, tests={"ngoai_ngu_1": {"cn": "6.75"}}),
     {"result": "hoan_thanh_tot", "tests": {"ngoai_ngu_1": {"cn": 7}}})

case("tt27-retest-replaces-first-test",
     "TT27 Điều 7 (spec §4.5): the teacher set another test; the last test is the score of record. CN Toán test 4, "
     "retest 7 → 7 → Hoàn thành tốt (not Chưa hoàn thành).",
     tt27(4, tests={"toan": {"cn": ("4", "7")}}),
     {"result": "hoan_thanh_tot", "tests": {"toan": {"cn": 7}}})

case("tt27-retest-lower-score-is-still-of-record",
     "Spec §4.5: the last test is recorded even when it is lower: CN Khoa học test 9, retest 6 → 6 → Hoàn thành.",
     tt27(4, tests={"khoa_hoc": {"cn": ("9", "6")}}),
     {"result": "hoan_thanh", "tests": {"khoa_hoc": {"cn": 6}}})

CHT = dict(levels={"toan": {"cn": "C"}})
case("tt27-supplementary-completed",
     "TT27 Điều 11 khoản 2: Chưa hoàn thành (Toán C), then the supplementary assessment is Hoàn thành → completed "
     "after the supplementary assessment; the year result stays Chưa hoàn thành.",
     tt27(3, **CHT, supplementary="hoan_thanh"),
     {"result": "chua_hoan_thanh", "completion": "hoan_thanh_sau_danh_gia_bo_sung", "title": None})

case("tt27-supplementary-not-completed-awaits-principal",
     "TT27 Điều 11 khoản 2–3: supplementary assessment still Chưa hoàn thành → the principal decides; not yet "
     "entered.",
     tt27(3, **CHT, supplementary="chua_hoan_thanh"),
     {"result": "chua_hoan_thanh", "completion": "cho_quyet_dinh_hieu_truong"})

case("tt27-principal-promotes-after-supplementary",
     "TT27 Điều 11 khoản 3: the principal decides lên lớp.",
     tt27(3, **CHT, supplementary="chua_hoan_thanh", principal_decision="len_lop"),
     {"completion": "len_lop_theo_quyet_dinh"})

case("tt27-principal-retains-after-supplementary",
     "TT27 Điều 11 khoản 3: the principal decides ở lại lớp.",
     tt27(3, **CHT, supplementary="chua_hoan_thanh", principal_decision="o_lai_lop"),
     {"completion": "o_lai_lop", "programme_completed": None})

case("tt27-grade5-completes-primary-programme",
     "TT27 Điều 11 khoản 1, 4: grade 5 completed (Hoàn thành tốt: CN Toán test 7) → Hoàn thành chương trình tiểu "
     "học.",
     tt27(5, tests={"toan": {"cn": "7"}}),
     {"result": "hoan_thanh_tot", "completion": "hoan_thanh", "programme_completed": "tieu_hoc"})

case("tt27-grade5-chua-hoan-thanh-no-programme",
     "TT27 Điều 11: grade 5 Chưa hoàn thành (Tiếng Việt CN test 3) and no supplementary result yet → the "
     "programme is not completed.",
     tt27(5, tests={"tieng_viet": {"cn": "3"}}),
     {"result": "chua_hoan_thanh", "completion": "cho_danh_gia_bo_sung", "programme_completed": None})

case("tt27-grade5-supplementary-completes-programme",
     "TT27 Điều 11 khoản 2, 4: grade 5 completed after the supplementary assessment → Hoàn thành chương trình "
     "tiểu học.",
     tt27(5, tests={"tieng_viet": {"cn": "3"}}, supplementary="hoan_thanh"),
     {"completion": "hoan_thanh_sau_danh_gia_bo_sung", "programme_completed": "tieu_hoc"})

case("tt27-grade1-no-foreign-language-no-tech-competences",
     "Spec §4.3, §4.6: grade 1 has no compulsory Ngoại ngữ 1 and no Tin học và Công nghệ; competences Công nghệ "
     "and Tin học are not rated. Tiếng Việt and Toán are tested at CHK I and CN only. All T, tests 10 → HTXS.",
     tt27(1),
     {"result": "hoan_thanh_xuat_sac", "title": "hoc_sinh_xuat_sac", "tests": {"tieng_viet": {"cn": 10}}})

case("tt27-grade2-optional-foreign-language-and-tech-competences",
     "Spec §4.3, §4.6: grade 2 with the optional Ngoại ngữ 1 (no periodic test) and the optional competences Công "
     "nghệ and Tin học rated; all T, CN tests 9 → HTXS.",
     tt27(2, with_foreign=True, with_tech=True, default_test="9"),
     {"result": "hoan_thanh_xuat_sac", "tests": {"toan": {"cn": 9}, "ngoai_ngu_1": {"cn": None}}})

case("tt27-grade3-tests-at-end-of-terms",
     "TT27 Điều 7 khoản 1 điểm b: grade 3 tests Tiếng Việt, Toán, Ngoại ngữ 1 and Tin học và Công nghệ at CHK I "
     "and CN (no mid-term tests); Tin học và Công nghệ CN 7 → Hoàn thành tốt.",
     tt27(3, tests={"tin_hoc_cong_nghe": {"cn": "7"}}),
     {"result": "hoan_thanh_tot", "tests": {"toan": {"ghk1": None, "chk1": 10, "cn": 10},
                                            "tin_hoc_cong_nghe": {"cn": 7}}})

case("tt27-year-incomplete-no-cn",
     "TT27 Điều 9: only GHK I and CHK I entered → no end-of-year result yet, completion chua_du_du_lieu.",
     tt27(4, points=["ghk1", "chk1"]),
     {"result": None, "completion": "chua_du_du_lieu", "title": None, "tests": {"toan": {"chk1": 10, "cn": None}}})

case("tt27-regime-grade4-2023-2024",
     "Spec §1 / TT27 Điều 2: grade 4 moves to TT27 in 2023-2024.",
     tt27(4, year="2023-2024"), {"regime": "tt27", "result": "hoan_thanh_xuat_sac"})

case("tt27-regime-grade1-2020-2021-first-tt27-year",
     "Spec §1 / TT27 Điều 2: grade 1 in 2020-2021 is the first TT27 cohort.",
     tt27(1, year="2020-2021"), {"regime": "tt27", "completion": "hoan_thanh"})


# ------------------------------------------------------------------ bad inputs

def at(doc, path, value):
    """Returns a copy of doc with the value at path (list of keys/indices) replaced."""
    doc = copy.deepcopy(doc)
    cur = doc
    for k in path[:-1]:
        cur = cur[k]
    if value is DELETE:
        del cur[path[-1]]
    else:
        cur[path[-1]] = value
    return doc


DELETE = object()
G8 = tt22(8)  # subjects: 0 ngu_van, 1 toan, 2 ngoai_ngu_1, 3 gdcd, 4 lich_su_dia_li, 5 khtn, 6 cong_nghe,
#               7 tin_hoc, 8 gdtc, 9 nghe_thuat, 10 hdtn, 11 gddp
P4 = tt27(4)  # subjects: 0 tieng_viet, 1 toan, 2 ngoai_ngu_1, 3 dao_duc, 4 lich_su_dia_li, 5 khoa_hoc, 6 tin_hoc_cong_nghe, 7 gdtc, ...


def e(code, pointer, **extra):
    return {"code": code, "pointer": pointer, **extra}


error_case("score-11-out-of-range", "TT22 Điều 5 khoản 3 (spec §2.1): scores are on the 10-point scale.",
           [e("score_out_of_range", "/tt22/subjects/1/hk1/regular/0")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "regular", 0], "11"))
error_case("score-8.25-too-precise", "TT22 Điều 5 khoản 3 điểm b: one decimal only.",
           [e("score_too_precise", "/tt22/subjects/0/hk2/final")],
           input=at(G8, ["tt22", "subjects", 0, "hk2", "final"], "8.25"))
error_case("score-negative", "Spec §2.1: scores are in [0.0, 10.0].",
           [e("score_out_of_range", "/tt22/subjects/2/hk1/midterm")],
           input=at(G8, ["tt22", "subjects", 2, "hk1", "midterm"], "-1"))
error_case("score-not-a-number", "A score must be a decimal number.",
           [e("score_not_a_number", "/tt22/subjects/5/hk2/regular/3")],
           input=at(G8, ["tt22", "subjects", 5, "hk2", "regular", 3], "abc"))
error_case("score-decimal-comma-not-a-number", "Scores travel with a decimal point; '8,5' is refused.",
           [e("score_not_a_number", "/tt22/subjects/1/hk1/regular/1")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "regular", 1], "8,5"))
error_case("missing-midterm", "TT22 Điều 7: every semester has one ĐĐGgk.",
           [e("missing_component", "/tt22/subjects/1/hk1/midterm")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "midterm"], DELETE))
error_case("unknown-subject-for-grade", "Vật lí is a THPT elective, not a grade-8 subject (spec §3.3).",
           [e("unknown_subject", "/tt22/subjects/12/subject")],
           input=at(G8, ["tt22", "subjects"], G8["tt22"]["subjects"] + [
               {"subject": "vat_li", "hk1": sem(["8.0"] * 3, "8.0", "8.0"), "hk2": sem(["8.0"] * 3, "8.0", "8.0")}]))
error_case("too-few-regular-assessments", "TT22 Điều 6 khoản 2 điểm b: Toán (140 periods) needs 4 ĐĐGtx.",
           [e("too_few_regular_assessments", "/tt22/subjects/1/hk2/regular")],
           input=at(G8, ["tt22", "subjects", 1, "hk2", "regular"], ["8.0", "8.0", "8.0"]))
error_case("too-many-regular-assessments-thcs",
           "TT22 Điều 6: THCS Toán has exactly 4 ĐĐGtx (no cụm chuyên đề below grade 10).",
           [e("too_many_regular_assessments", "/tt22/subjects/1/hk1/regular")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "regular"], ["8.0"] * 5))
error_case("too-many-regular-assessments-thpt-elective",
           "TT22 Điều 6 + spec §3.4: a 70-period THPT elective has 3 ĐĐGtx, 4 with its cụm chuyên đề; 5 is too many.",
           [e("too_many_regular_assessments", "/tt22/subjects/5/hk1/regular")],
           input=at(tt22(10), ["tt22", "subjects", 5, "hk1", "regular"], ["8.0"] * 5))
error_case("too-few-comment-checks",
           "Spec §3.4: a comment subject has 2 regular checks per semester; GDTC with 1.",
           [e("too_few_regular_assessments", "/tt22/subjects/8/hk2/regular")],
           input=at(G8, ["tt22", "subjects", 8, "hk2", "regular"], ["dat"]))
error_case("missing-tt22-section", "Grade 8 in 2024-2025 is TT22: the tt22 section is required.",
           [e("regime_section_mismatch", "")],
           input={k: v for k, v in G8.items() if k != "tt22"})
error_case("duplicate-subject", "A subject is listed once.",
           [e("duplicate_subject", "/tt22/subjects/12/subject")],
           input=at(G8, ["tt22", "subjects"], G8["tt22"]["subjects"] + [copy.deepcopy(G8["tt22"]["subjects"][1])]))
error_case("missing-compulsory-subject", "Every compulsory subject of the grade must be present (spec §3.3).",
           [e("missing_subject", "/tt22/subjects")],
           input=at(G8, ["tt22", "subjects"], G8["tt22"]["subjects"][:3] + G8["tt22"]["subjects"][4:]))
error_case("score-for-comment-subject", "TT22 Điều 5 khoản 3: GDTC is assessed by comment only.",
           [e("wrong_mark_kind", "/tt22/subjects/8/hk1/regular/0")],
           input=at(G8, ["tt22", "subjects", 8, "hk1", "regular", 0], "8.0"))
error_case("comment-for-score-subject", "Toán is assessed by score.",
           [e("wrong_mark_kind", "/tt22/subjects/1/hk1/final")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "final"], "dat"))
error_case("unknown-conduct-level", "Conduct levels are tot/kha/dat/chua_dat (Điều 8).",
           [e("invalid_mark", "/tt22/conduct/hk2")],
           input=at(G8, ["tt22", "conduct", "hk2"], "gioi"))
error_case("empty-input", "Empty input.", [e("empty_input", "")], input_text="")
error_case("whitespace-only-input", "Only white space.", [e("empty_input", "")], input_text="  \n\t ")
error_case("invalid-json", "Not JSON.", [e("json_syntax", "")], input_text='{"grade": 8,')
error_case("duplicate-json-key", "A key given twice would let two readers see two records.",
           [e("json_duplicate_key", "/student")],
           input_text='{"format": "hocba.assess-input/1", "student": {"id": "HS-1", "id": "HS-2"}, "grade": 8, '
                      '"school_year": "2024-2025", "tt22": {"subjects": []}}')
error_case("grade-as-string", "grade is a JSON number.", [e("json_structure", "/grade")],
           input=at(G8, ["grade"], "8"))
error_case("unknown-field", "Unknown fields are refused (deny_unknown_fields); the pointer names the unknown key.",
           [e("json_structure", "/tt22/subjects/1/hk1/ghk1")],
           input=at(G8, ["tt22", "subjects", 1, "hk1", "ghk1"], "8.0"))
error_case("invalid-grade-13", "Grades are 1–12.", [e("invalid_grade", "/grade")], input=at(G8, ["grade"], 13))
error_case("invalid-school-year", "School years are consecutive, YYYY-YYYY.",
           [e("invalid_school_year", "/school_year")], input=at(G8, ["school_year"], "2024-2026"))
error_case("unsupported-format", "format names this document type and version.",
           [e("unsupported_format", "/format")], input=at(G8, ["format"], "hocba.assess-input/2"))
error_case("regime-section-mismatch", "Grade 8 is TT22: a tt27 section is the wrong one.",
           [e("regime_section_mismatch", "")],
           input={**{k: v for k, v in G8.items() if k != "tt22"}, "tt27": P4["tt27"]})
error_case("several-errors-reported-at-once",
           "Inputs are checked whole: score 11, a missing final and an unknown conduct level are all reported, "
           "in document order.",
           [e("score_out_of_range", "/tt22/subjects/0/hk1/regular/2"),
            e("missing_component", "/tt22/subjects/3/hk2/final"),
            e("invalid_mark", "/tt22/conduct/hk1")],
           input=at(at(at(G8, ["tt22", "subjects", 0, "hk1", "regular", 2], "11"),
                       ["tt22", "subjects", 3, "hk2", "final"], DELETE), ["tt22", "conduct", "hk1"], "excellent"))
error_case("retest-for-subject-not-retested",
           "TT22 Điều 14: only subjects below 5.0 (or Chưa đạt) of a Chưa đạt year are retested. Toán 3.0, others "
           "5.5 → Toán is retested; a retest for Ngữ văn (5.5) is refused.",
           [e("retest_not_applicable", "/tt22/subjects/0/retest")],
           input=tt22(7, default="5.5", scores={"toan": "3.0"}, retest={"toan": "5.0", "ngu_van": "6.0"}))
error_case("retest-when-learning-passes", "TT22 Điều 14: no summer retest for a student whose learning is Đạt.",
           [e("retest_not_applicable", "/tt22/subjects/1/retest")],
           input=tt22(7, retest={"toan": "9.0"}))
error_case("retest-refused-after-46-absences",
           "Spec §3.11: absences > 45 → not promoted; retests cannot cure it, so a retest result is refused.",
           [e("retest_not_applicable", "/tt22/subjects/1/retest")],
           input=tt22(7, default="5.5", scores={"toan": "3.0"}, absences=46, retest={"toan": "6.0"}))
error_case("summer-training-when-conduct-dat",
           "TT22 Điều 13: summer training is only for a year conduct of Chưa đạt; conduct Đạt/Đạt → refused.",
           [e("summer_training_not_applicable", "/tt22/conduct/after_summer")],
           input=tt22(7, conduct=("dat", "dat"), after_summer="dat"))
error_case("absences-out-of-bounds", "Absences are 0–400 sessions.",
           [e("out_of_bounds", "/tt22/absences")], input=at(G8, ["tt22", "absences"], -1))
error_case("unsupported-regime-grade4-2022-2023-tt30",
           "Spec §1: grade 4 in 2022-2023 was still under TT30/2014 as amended by TT22/2016 (TT27 reached grade 4 in "
           "2023-2024); hocba does not compute it and names the regulation.",
           [e("unsupported_regime", "/school_year", message_en_contains="Thông tư 30/2014/TT-BGDĐT",
              message_vi_contains="Thông tư 30/2014/TT-BGDĐT")],
           input=tt27(4, year="2022-2023"))
error_case("unsupported-regime-grade11-2022-2023-tt58-tt26",
           "Spec §1: grade 11 in 2022-2023 was under TT58/2011 as amended by TT26/2020 (TT22 reached grade 11 in "
           "2023-2024).",
           [e("unsupported_regime", "/school_year",
              message_en_contains="Thông tư 58/2011/TT-BGDĐT (sửa đổi bởi Thông tư 26/2020/TT-BGDĐT)")],
           input=tt22(11, year="2022-2023"))
error_case("unsupported-regime-grade9-2023-2024-tt58-tt26",
           "Spec §1: grade 9 moved to TT22 only in 2024-2025.",
           [e("unsupported_regime", "/school_year", message_vi_contains="Thông tư 58/2011/TT-BGDĐT")],
           input=tt22(9, year="2023-2024"))
error_case("tt27-test-for-subject-without-tests",
           "TT27 Điều 7 khoản 1 điểm b: Đạo đức has no periodic test.",
           [e("test_not_applicable", "/tt27/subjects/3/cn/test")],
           input=at(P4, ["tt27", "subjects", 3, "cn", "test"], "9"))
error_case("tt27-midterm-test-for-grade3",
           "TT27 Điều 7 khoản 1 điểm b: mid-term tests exist only in grades 4 and 5.",
           [e("test_not_applicable", "/tt27/subjects/1/ghk1/test")],
           input=at(tt27(3), ["tt27", "subjects", 1, "ghk1", "test"], "9"))
error_case("tt27-decimal-test-rejected-when-reject-fractional",
           "Spec §4.5 switch primary_test_rounding = reject_fractional: 8.5 is not a score of record.",
           [e("invalid_test_score", "/tt27/subjects/1/cn/test")],
           input=at(P4, ["tt27", "subjects", 1, "cn", "test"], "8.5"),
           config={"primary_test_rounding": "reject_fractional"})
error_case("tt27-test-above-10", "TT27 Điều 7: tests are scored on a 10-point scale.",
           [e("invalid_test_score", "/tt27/subjects/0/cn/test")],
           input=at(P4, ["tt27", "subjects", 0, "cn", "test"], "11"))
error_case("tt27-missing-cn-test", "TT27 Điều 7: Toán has an end-of-year test.",
           [e("missing_component", "/tt27/subjects/1/cn/test")],
           input=at(P4, ["tt27", "subjects", 1, "cn", "test"], DELETE))
error_case("tt27-cn-missing-for-one-subject",
           "TT27 Điều 9: the end-of-year result needs every CN value — all or none.",
           [e("missing_component", "/tt27/subjects/3/cn")],
           input=at(P4, ["tt27", "subjects", 3, "cn"], DELETE))
error_case("tt27-invalid-subject-level", "TT27 subject levels are T/H/C.",
           [e("invalid_mark", "/tt27/subjects/7/cn/level")],
           input=at(P4, ["tt27", "subjects", 7, "cn", "level"], "Đ"))
error_case("tt27-missing-competence-grade3",
           "Spec §4.6: from grade 3 the competences Công nghệ and Tin học are rated; Tin học missing.",
           [e("invalid_trait", "/tt27/competences")],
           input=at(tt27(3), ["tt27", "competences"], [c for c in tt27(3)["tt27"]["competences"]
                                                        if c["code"] != "tin_hoc"]))
error_case("tt27-unknown-quality",
           "The five qualities are yeu_nuoc, nhan_ai, cham_chi, trung_thuc, trach_nhiem: an unknown code in place of "
           "nhan_ai is reported, and so is the missing nhan_ai.",
           [e("invalid_trait", "/tt27/qualities/1/code"), e("invalid_trait", "/tt27/qualities")],
           input=at(P4, ["tt27", "qualities", 1, "code"], "dung_cam"))
error_case("tt27-foreign-language-compulsory-from-grade3",
           "Spec §4.3: Ngoại ngữ 1 is compulsory from grade 3.",
           [e("missing_subject", "/tt27/subjects")],
           input=at(tt27(3), ["tt27", "subjects"], [s for s in tt27(3)["tt27"]["subjects"]
                                                    if s["subject"] != "ngoai_ngu_1"]))

# Inputs the rules leave no room for are refused, never dropped (docs/decisions.md D-8).
error_case("exempt-practical-on-a-subject-without-practical-part",
           "TT22 Điều 10: only GDTC and GDQP&AN have a practical part to exempt from; on Toán it is refused.",
           [e("exempt_practical_not_applicable", "/tt22/subjects/1/hk1/exempt_practical")],
           input=at(copy.deepcopy(G8), ["tt22", "subjects", 1, "hk1", "exempt_practical"], True))
error_case("principal-promotion-without-grounds",
           "TT22 Điều 12 khoản 4: the principal decides promotion only for IEP/exempt students (or, read literally, "
           "fewer than six score subjects); for a standard student the decision is refused.",
           [e("decision_not_applicable", "/tt22/principal/promotion")],
           input=at(copy.deepcopy(G8), ["tt22", "principal"], {"promotion": "o_lai_lop"}))
error_case("principal-learning-level-without-grounds",
           "TT22 Điều 11: the principal sets learning levels only for students assessed against an IEP or exempted.",
           [e("decision_not_applicable", "/tt22/principal/learning_year")],
           input=at(copy.deepcopy(G8), ["tt22", "principal"], {"learning_year": "tot"}))
error_case("tt27-supplementary-after-completed-year",
           "TT27 Điều 11 khoản 2: a supplementary assessment follows only a Chưa hoàn thành year; with HTXS both the "
           "supplementary result and the principal's decision are refused.",
           [e("decision_not_applicable", "/tt27/supplementary"), e("decision_not_applicable", "/tt27/principal_decision")],
           input=tt27(4, supplementary="chua_hoan_thanh", principal_decision="o_lai_lop"))
error_case("score-plus-sign-not-a-number", "A score is digits and one decimal: '+8' is refused.",
           [e("score_not_a_number", "/tt22/subjects/1/hk1/final")],
           input=at(copy.deepcopy(G8), ["tt22", "subjects", 1, "hk1", "final"], "+8"))
error_case("score-leading-zero-not-a-number", "'08' is a typing error, not 8.0.",
           [e("score_not_a_number", "/tt22/subjects/1/hk1/final")],
           input=at(copy.deepcopy(G8), ["tt22", "subjects", 1, "hk1", "final"], "08"))
error_case("score-minus-zero-out-of-range", "A sign is a typing error whatever follows: '-0' is out of range.",
           [e("score_out_of_range", "/tt22/subjects/1/hk1/final")],
           input=at(copy.deepcopy(G8), ["tt22", "subjects", 1, "hk1", "final"], "-0"))



# ------------------------------------------------------------------ expectations and output

def flatten_view(view, regime):
    """The model's output in the expected-schema shape (see tests/vectors/README.md)."""
    if regime == "tt27":
        return {"regime": "tt27", **{k: view[k] for k in ("result", "completion", "title", "programme_completed")},
                "tests": view["tests"]}
    out = {"regime": "tt22", "subjects": view["subjects"], "learning": view["learning"]}
    for k in ("conduct_year", "conduct_after_summer_training", "promotion", "promotion_reason", "retest_subjects",
              "title", "completion"):
        out[k] = view[k]
    return out


def check_pins(pins, view, where):
    problems = []
    for k, want in pins.items():
        if k == "trace_includes":
            continue  # the model has no trace
        got = view.get(k) if isinstance(view, dict) else None
        if isinstance(want, dict):
            problems += check_pins(want, got or {}, f"{where}.{k}")
        elif k == "retest_subjects":
            if sorted(want) != sorted(got or []):
                problems.append(f"{where}.{k}: pinned {want}, model {got}")
        elif k.endswith("_by_principal"):
            continue
        elif want != got:
            problems.append(f"{where}.{k}: pinned {want!r}, model {got!r}")
    return problems


def build():
    ok, bad = {}, {}
    seen = set()
    failures = []
    for c in CASES:
        assert c["id"] not in seen, c["id"]
        seen.add(c["id"])
        cfg = {**DEFAULT_CONFIG, **c["config"]}
        regime = "tt22" if "tt22" in c["input"] else "tt27"
        raw = model.assess_tt22(c["input"], cfg) if regime == "tt22" else model.assess_tt27(c["input"])
        if regime == "tt22" and raw["errors"]:
            failures.append(f"{c['id']}: model refuses the input: {raw['errors']}")
        view = flatten_view(raw, regime)
        failures += check_pins(c["pins"], view, c["id"])
        expected = copy.deepcopy(c["pins"])
        for s in c["show"]:
            row = expected.setdefault("subjects", {}).setdefault(s, {})
            for k in ("hk1", "hk2", "year"):
                row.setdefault(k, view["subjects"][s][k])
        vec = {"id": c["id"], "description": c["description"]}
        if c["config"]:
            vec["config"] = c["config"]
        vec["input"] = c["input"]
        vec["expected"] = expected
        ok[c["id"]] = vec
    for c in ERRORS:
        assert c["id"] not in seen, c["id"]
        seen.add(c["id"])
        vec = {"id": c["id"], "description": c["description"]}
        if c["config"]:
            vec["config"] = c["config"]
        if c["input_text"] is not None:
            vec["input_text"] = c["input_text"]
        else:
            vec["input"] = c["input"]
        vec["expected_errors"] = c["expected_errors"]
        bad[c["id"]] = vec
    if failures:
        sys.exit("model disagrees with hand-written pins:\n  " + "\n  ".join(failures))
    return ok, bad


def render(vec):
    return json.dumps(vec, ensure_ascii=False, indent=2) + "\n"


def main():
    check = "--check" in sys.argv
    ok, bad = build()
    stale = []
    for folder, vecs in ((OUT_OK, ok), (OUT_ERR, bad)):
        folder.mkdir(parents=True, exist_ok=True)
        wanted = {f"{i}.json" for i in vecs}
        for f in folder.glob("*.json"):
            if f.name not in wanted:
                stale.append(str(f))
                if not check:
                    f.unlink()
        for i, v in vecs.items():
            path = folder / f"{i}.json"
            text = render(v)
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    stale.append(str(path))
            else:
                path.write_text(text, encoding="utf-8")
    if check and stale:
        sys.exit("vectors out of date (run gen_assess.py):\n  " + "\n  ".join(stale))
    print(f"{len(ok)} assessment vectors, {len(bad)} error vectors")


if __name__ == "__main__":
    main()
