"""An independent reading of spec/rules.md §2–§4 and §8, used only to cross-check the hand-written
expectations of the assessment vectors.

It shares no code with hocba-core: averages use exact integer / Fraction arithmetic straight from the
§8 pseudocode, levels follow the §3.7 table, the adjustment follows §3.8, promotion the §3.11 state
machine, and TT27 the §4.7–§4.9 tables. The generator (gen_assess.py) asserts that this model agrees with
every value a case pins by hand, and copies the model's subject averages into `expected` only for the
subjects a case names.
"""

from fractions import Fraction
from decimal import Decimal, ROUND_HALF_UP

TOT, KHA, DAT, CD = "tot", "kha", "dat", "chua_dat"
RANK = {TOT: 0, KHA: 1, DAT: 2, CD: 3}
BY_RANK = [TOT, KHA, DAT, CD]

COMMENT_SUBJECTS = {"gdtc", "nghe_thuat", "hdtn", "gddp", "am_nhac", "mi_thuat"}


# ---------------------------------------------------------------- §2 numbers


def tenths(text):
    d = Decimal(text)
    t = d * 10
    assert t == t.to_integral_value(), text
    return int(t)


def round1(n, d):
    """§8: round1(N_tenths, D) = floor((2N + D) / (2D)), half-up."""
    r = (2 * n + d) // (2 * d)
    # Independent check with Decimal half-up on the exact quotient (exact for D in 7..10 and 3).
    q = Fraction(n, d)
    alt = int((Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    # Decimal division is rounded at 28 digits: only trust it when the quotient is not within 1e-20 of a tie.
    if abs(q - (int(q) + Fraction(1, 2))) > Fraction(1, 10**20):
        assert alt == r, (n, d, r, alt)
    return r


def round_fraction(q):
    """Half-up of a non-negative Fraction (in tenths) to an integer."""
    return int((q + Fraction(1, 2)) // 1)


def fmt(t):
    return f"{t // 10}.{t % 10}"


# ---------------------------------------------------------------- TT22 subjects


def semester(subject, sem):
    """(value, exact) of one semester: value is tenths (int) or 'dat'/'chua_dat'; None while pending."""
    marks = list(sem["regular"]) + [sem["midterm"], sem["final"]]
    if "pending_makeup" in marks:
        return None
    if subject in COMMENT_SUBJECTS:
        return (DAT if all(m == "dat" for m in marks) else CD), None
    val = lambda m: 0 if m == "absent" else tenths(m)  # noqa: E731 — Điều 7: absent counts as 0
    n = sum(val(m) for m in sem["regular"]) + 2 * val(sem["midterm"]) + 3 * val(sem["final"])
    d = len(sem["regular"]) + 5
    return round1(n, d), Fraction(n, d)


def year(subject, s1, s2, from_rounded=True):
    if s1 is None or s2 is None:
        return None
    if subject in COMMENT_SUBJECTS:
        return s2[0]  # §3.6: year = semester II
    if from_rounded:
        return round1(s1[0] + 2 * s2[0], 3)
    return round_fraction((s1[1] + 2 * s2[1]) / 3)


# ---------------------------------------------------------------- TT22 levels (§3.7, §3.8, §8)


def level(scores, c_fail, min_count="literal"):
    need = 6 if min_count == "literal" else min(6, len(scores))
    lo = min(scores) if scores else 100
    if c_fail == 0 and lo >= 65 and sum(s >= 80 for s in scores) >= need:
        return TOT
    if c_fail == 0 and lo >= 50 and sum(s >= 65 for s in scores) >= need:
        return KHA
    if c_fail <= 1 and sum(s >= 50 for s in scores) >= need and lo >= 35:
        return DAT
    return CD


def adjusted(values, cfg):
    """values: list of (subject, value). Returns (level, computed, trigger)."""
    scores = [(s, v) for s, v in values if isinstance(v, int)]
    fails = [s for s, v in values if v == CD]
    plain = [v for _, v in scores]
    mc = cfg["min_count_policy"]
    L = level(plain, len(fails), mc)
    candidates = []
    for i, (s, _) in enumerate(scores):
        if cfg["adjust_policy"] == "best_case":
            alt = plain[:i] + [100] + plain[i + 1:]
        else:
            alt = plain[:i] + plain[i + 1:]
        candidates.append((level(alt, len(fails), mc), s))
    if cfg["adjust_includes_comment_subjects"] and fails:
        candidates.append((level(plain, len(fails) - 1, mc), fails[0]))
    best = None
    for w, s in candidates:
        if best is None or RANK[w] < RANK[best[0]]:
            best = (w, s)
    if best and best[0] in (TOT, KHA) and RANK[L] - RANK[best[0]] >= 2:
        return BY_RANK[RANK[L] - 1], L, best[1]
    return L, L, None


# ---------------------------------------------------------------- conduct (§3.9)

CONDUCT = {  # (hk1, hk2) -> year
    (TOT, TOT): TOT, (KHA, TOT): TOT, (DAT, TOT): KHA, (CD, TOT): KHA,
    (TOT, KHA): KHA, (KHA, KHA): KHA, (DAT, KHA): KHA, (CD, KHA): DAT,
    (TOT, DAT): KHA, (KHA, DAT): DAT, (DAT, DAT): DAT, (CD, DAT): DAT,
    (TOT, CD): CD, (KHA, CD): CD, (DAT, CD): CD, (CD, CD): CD,
}


# ---------------------------------------------------------------- whole TT22 student-year


def assess_tt22(inp, cfg):
    t = inp["tt22"]
    grade = inp["grade"]
    out = {"subjects": {}, "learning": {}}
    rows = []
    for s in t["subjects"]:
        code = s["subject"]
        s1 = semester(code, s["hk1"]) if "hk1" in s else None
        s2 = semester(code, s["hk2"]) if "hk2" in s else None
        y = year(code, s1, s2, cfg["mcn_from_rounded_semesters"])
        rows.append({"subject": code, "hk1": s1 and s1[0], "hk2": s2 and s2[0], "year": y,
                     "basis": s.get("basis", "standard"), "retest": s.get("retest")})
    show = lambda v: fmt(v) if isinstance(v, int) else v  # noqa: E731
    for r in rows:
        out["subjects"][r["subject"]] = {k: show(r[k]) for k in ("hk1", "hk2", "year")}

    principal = any(r["basis"] in ("iep", "exempt") for r in rows)
    levels = {}
    for term in ("hk1", "hk2", "year"):
        if principal:
            decided = t.get("principal", {}).get("learning_" + term)
            levels[term] = (decided, decided, None, True) if decided else None
        elif any(r[term] is None for r in rows):
            levels[term] = None
        else:
            lv, comp, trig = adjusted([(r["subject"], r[term]) for r in rows], cfg)
            levels[term] = (lv, comp, trig, False)
    for term, v in levels.items():
        out["learning"][term] = v and v[0]
        out["learning"][term + "_computed"] = v and v[1]
        out["learning"][term + "_adjusted_for"] = v and v[2]
    out["learning"]["year_after_retest"] = None

    c = t.get("conduct", {})
    cy = CONDUCT[(c["hk1"], c["hk2"])] if "hk1" in c and "hk2" in c else None
    out["conduct_year"] = cy
    out["conduct_after_summer_training"] = None
    out["retest_subjects"] = []
    out["promotion_reason"] = None
    out["title"] = None
    out["errors"] = []

    ly = levels["year"][0] if levels["year"] else None
    if principal:
        d = t.get("principal", {}).get("promotion")
        out["promotion"] = {"len_lop": "len_lop", "o_lai_lop": "khong_len_lop"}.get(d, "cho_quyet_dinh_hieu_truong")
        if d == "o_lai_lop":
            out["promotion_reason"] = "principal_decision"
    elif cy is None or ly is None:
        out["promotion"] = "chua_du_du_lieu"
    else:
        promote(t, rows, cy, ly, cfg, out)
        promoted = out["promotion"] in ("len_lop", "len_lop_sau_danh_gia_lai")
        if not (cfg["titles_require_promotion"] and not promoted) and cy == TOT and ly == TOT:
            nines = sum(1 for r in rows if isinstance(r["year"], int) and r["year"] >= 90)
            out["title"] = "hoc_sinh_xuat_sac" if nines >= 6 else "hoc_sinh_gioi"
    promoted = out["promotion"] in ("len_lop", "len_lop_sau_danh_gia_lai")
    out["completion"] = {9: "thcs", 12: "thpt"}.get(grade) if promoted else None
    for r in rows:
        used = r.get("retest_used")
        if used is not None and r["subject"] not in COMMENT_SUBJECTS:
            used = fmt(tenths(used))
        out["subjects"][r["subject"]]["retest"] = used
    return out


def promote(t, rows, cy, ly, cfg, out):
    """§3.11 state machine."""
    after = t.get("conduct", {}).get("after_summer")
    retests = {r["subject"]: r["retest"] for r in rows if r["retest"] is not None}
    passes = lambda lv: lv != CD  # noqa: E731
    if t.get("absences", 0) > 45:
        out["promotion"], out["promotion_reason"] = "khong_len_lop", "absences"
        if retests or after:
            out["errors"].append("summer inputs refused")
        return
    n_scores = sum(1 for r in rows if r["subject"] not in COMMENT_SUBJECTS)
    if cfg["min_count_policy"] == "literal" and n_scores < 6:
        # §3.7: literally no level above Chưa đạt is reachable → the principal decides (Điều 12 khoản 4).
        d = t.get("principal", {}).get("promotion")
        out["promotion"] = {"len_lop": "len_lop", "o_lai_lop": "khong_len_lop"}.get(d, "cho_quyet_dinh_hieu_truong")
        if d == "o_lai_lop":
            out["promotion_reason"] = "principal_decision"
        if retests:
            out["errors"].append("retests refused")
        return
    if passes(cy) and passes(ly):
        out["promotion"] = "len_lop"
        if retests or after:
            out["errors"].append("summer inputs refused")
        return
    conduct_final = cy
    if not passes(cy):
        if not passes(ly) and cfg["combined_case"] == "retain":
            out["promotion"], out["promotion_reason"] = "khong_len_lop", "conduct_and_learning"
            return
        out["conduct_after_summer_training"] = after
        conduct_final = after
        if after == CD:
            out["promotion"], out["promotion_reason"] = "khong_len_lop", "conduct"
            return
    elif after:
        out["errors"].append("summer training not applicable")
    if passes(ly):
        out["promotion"] = "len_lop_sau_danh_gia_lai" if conduct_final else "cho_ren_luyen_he"
        return
    need = [r for r in rows if (isinstance(r["year"], int) and r["year"] < 50) or r["year"] == CD]
    out["retest_subjects"] = sorted(r["subject"] for r in need)
    for s in retests:
        if s not in out["retest_subjects"]:
            out["errors"].append("retest not applicable: " + s)
    for r in need:
        if r["retest"] is not None:
            r["retest_used"] = r["retest"]
    done = all(r["retest"] is not None for r in need)
    if not done or conduct_final is None:
        if conduct_final is None:
            out["promotion"] = "cho_ren_luyen_he" if done else "cho_ren_luyen_he_va_kiem_tra_lai"
        else:
            out["promotion"] = "cho_kiem_tra_lai"
        return
    replaced = []
    for r in rows:
        v = r["year"]
        if r.get("retest_used") is not None:
            v = r["retest_used"] if r["subject"] in COMMENT_SUBJECTS else tenths(r["retest_used"])
        replaced.append((r["subject"], v))
    if cfg["adjust_after_retest"]:
        lv, comp, trig = adjusted(replaced, cfg)
    else:
        scores = [v for _, v in replaced if isinstance(v, int)]
        fails = sum(1 for _, v in replaced if v == CD)
        lv = comp = level(scores, fails, cfg["min_count_policy"])
        trig = None
    out["learning"]["year_after_retest"] = lv
    out["learning"]["year_after_retest_computed"] = comp
    out["learning"]["year_after_retest_adjusted_for"] = trig
    if passes(lv):
        out["promotion"] = "len_lop_sau_danh_gia_lai"
    else:
        out["promotion"], out["promotion_reason"] = "khong_len_lop", "learning"


# ---------------------------------------------------------------- TT27 (§4.5–§4.9)

SUBJ = {"T": 0, "H": 1, "C": 2, "hoan_thanh_tot": 0, "hoan_thanh": 1, "chua_hoan_thanh": 2}
TRAIT = {"T": 0, "Đ": 1, "C": 2, "tot": 0, "dat": 1, "can_co_gang": 2}


def test_of_record(mark):
    raw = mark.get("retest", mark.get("test"))
    if raw is None:
        return None
    hundredths = int(Decimal(raw) * 100)
    return (hundredths + 50) // 100  # §4.5 half-up to a whole number


def assess_tt27(inp):
    p = inp["tt27"]
    grade = inp["grade"]
    subjects = p["subjects"]
    traits = p.get("qualities", []) + p.get("competences", [])
    tests = {s["subject"]: {t: test_of_record(s[t]) for t in ("ghk1", "chk1", "ghk2", "cn") if t in s}
             for s in subjects}
    complete = all("cn" in s for s in subjects) and all("cn" in t for t in traits)
    result = None
    if complete:
        subj = max(SUBJ[s["cn"]["level"]] for s in subjects)
        trait = max((TRAIT[t["cn"]] for t in traits), default=0)
        cn_tests = [tests[s["subject"]]["cn"] for s in subjects if tests[s["subject"]]["cn"] is not None]
        low = min(cn_tests, default=10)
        if subj == 0 and trait == 0 and low >= 9:
            result = "hoan_thanh_xuat_sac"
        elif subj == 0 and trait == 0 and low >= 7:
            result = "hoan_thanh_tot"
        elif subj <= 1 and trait <= 1 and low >= 5:
            result = "hoan_thanh"
        else:
            result = "chua_hoan_thanh"
    if result is None:
        completion = "chua_du_du_lieu"
    elif result != "chua_hoan_thanh":
        completion = "hoan_thanh"
    elif p.get("supplementary") is None:
        completion = "cho_danh_gia_bo_sung"
    elif p["supplementary"] == "hoan_thanh":
        completion = "hoan_thanh_sau_danh_gia_bo_sung"
    else:
        completion = {"len_lop": "len_lop_theo_quyet_dinh", "o_lai_lop": "o_lai_lop"}.get(
            p.get("principal_decision"), "cho_quyet_dinh_hieu_truong")
    title = None
    if result == "hoan_thanh_xuat_sac":
        title = "hoc_sinh_xuat_sac"
    elif result == "hoan_thanh_tot" and p.get("class_recognition"):
        title = "hoc_sinh_tieu_bieu"
    programme = "tieu_hoc" if grade == 5 and completion in ("hoan_thanh", "hoan_thanh_sau_danh_gia_bo_sung") else None
    return {"result": result, "completion": completion, "title": title, "programme_completed": programme,
            "tests": tests}
