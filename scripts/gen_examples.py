#!/usr/bin/env python3
"""Writes the example inputs of examples/: two realistic classes and a set of broken single-student files.

    python3 scripts/gen_examples.py            # (re)write examples/class-10a1.json, class-4a.json, broken/
    python3 scripts/gen_examples.py --check    # exit 1 when a file on disk differs from what would be written
    python3 scripts/gen_examples.py --summary  # also print each student's expected results

Deterministic: Python 3 standard library only, fixed seeds, no set iteration, so two runs write the same
bytes. The classes are drawn at random but every student is accepted only when the results it was meant to
show come out of an independent model of the rules written here (spec/rules.md §3.6–§3.12, §4.7–§4.9,
§8; exact integer arithmetic in tenths): summer retests and the summer conduct re-assessment are only
written where the rules allow them, or the engine would refuse the file.

examples/class-10a1.json  grade 10 (TT22), 40 students, the natural-science elective combination.
examples/class-4a.json    grade 4 (TT27), 30 pupils.
examples/broken/          one defect per file, and README.md with the error code the engine must give.
"""

import copy
import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHOOL_YEAR = "2024-2025"
ASSESS_FORMAT = "hocba.assess-input/1"
CLASS_FORMAT = "hocba.class-input/1"

# ====================================================================================== common helpers


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fmt_score(tenths):
    """A score string as a teacher types it: "8", "7.5", "10"."""
    if tenths % 10 == 0:
        return str(tenths // 10)
    return f"{tenths // 10}.{tenths % 10}"


def clamp(v, lo=0, hi=100):
    return max(lo, min(hi, v))


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


# Vietnamese collation for class lists: by given name, then the rest of the name; letters in the order of
# the Vietnamese alphabet, tones as a secondary key (ngang, huyền, hỏi, ngã, sắc, nặng).
_ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letter_keys(word):
    primary, tones = [], []
    for ch in word.lower():
        parts = unicodedata.normalize("NFD", ch)
        base, tone = "", 0
        for p in parts:
            if p in _TONES:
                tone = _TONES[p]
            else:
                base += p
        base = unicodedata.normalize("NFC", base)
        primary.append(_ALPHABET.index(base) if base in _ALPHABET else 100 + ord(base[0]))
        tones.append(tone)
    return primary, tones


def vi_sort_key(full_name):
    words = full_name.split()
    ordered = [words[-1]] + words[:-1]
    prim, sec = [], []
    for w in ordered:
        p, t = _letter_keys(w)
        prim.append(p)
        sec.append(t)
    return (prim, sec)


# ====================================================================================== Vietnamese names

# Weighted roughly like the population: Nguyễn about a third, then Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ…
FAMILY = (
    ["Nguyễn"] * 16 + ["Trần"] * 6 + ["Lê"] * 5 + ["Phạm"] * 4 + ["Hoàng"] * 3 + ["Huỳnh"] * 2
    + ["Phan"] * 2 + ["Vũ"] * 2 + ["Võ"] * 2 + ["Đặng"] * 2 + ["Bùi"] * 2 + ["Đỗ"] * 2
    + ["Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Cao", "Lương", "Tạ", "Chu", "Đoàn"]
)
MIDDLE = {
    "m": ["Văn", "Minh", "Đức", "Quốc", "Gia", "Hoàng", "Thành", "Hữu", "Công", "Tuấn", "Nhật", "Bảo",
          "Trung", "Đăng", "Anh", "Quang", "Tiến", "Xuân"],
    "f": ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Khánh", "Bảo", "Hoài", "Diệu", "Mai",
          "Thảo", "Hà", "Quỳnh", "Tường", "Kim", "Hải"],
}
GIVEN = {
    "m": ["An", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Huy",
          "Hùng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân",
          "Phát", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thái", "Thắng", "Thịnh", "Tiến",
          "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ"],
    "f": ["Anh", "Ánh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hân", "Hằng", "Hạnh", "Hiền",
          "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi",
          "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thư", "Trang", "Trâm", "Uyên",
          "Vân", "Vy", "Yến"],
}
# Double middle names that read naturally before a given name ("Nguyễn Thị Thu Hà", "Trần Hoàng Gia Huy").
MIDDLE2 = {
    "m": ["Hoàng Gia", "Hoàng Minh", "Đức Minh", "Quang Minh", "Minh Gia"],
    "f": ["Thị Thu", "Thị Ngọc", "Ngọc Bảo", "Thị Minh", "Ngọc Khánh", "Thị Thanh", "Hoàng Bảo"],
}


def make_names(rng, count, taken=()):
    """`count` distinct full names (none in `taken`), about half girls, NFC."""
    names, seen = [], list(taken)
    while len(names) < count:
        sex = "f" if rng.random() < 0.5 else "m"
        family = rng.choice(FAMILY)
        middle = rng.choice(MIDDLE2[sex]) if rng.random() < 0.12 else rng.choice(MIDDLE[sex])
        given = rng.choice(GIVEN[sex])
        if given in middle.split() or family in middle.split():
            continue
        parts = [family, middle, given]
        full = nfc(" ".join(parts))
        if full in seen or any(n.split()[-1] == given and n.split()[0] == family for n in seen):
            continue
        seen.append(full)
        names.append(full)
    return names


# ====================================================================================== TT22 model

TOT, KHA, DAT, CD = "tot", "kha", "dat", "chua_dat"
RANK = {TOT: 0, KHA: 1, DAT: 2, CD: 3}
BY_RANK = [TOT, KHA, DAT, CD]
ONE_UP = {CD: DAT, DAT: KHA, KHA: TOT, TOT: TOT}

# Grade 10, natural-science combination, in the order of the THPT học bạ. (code, form, ĐĐGtx per semester)
# Periods (TT32/2018 as amended by TT13/2022): 105 → 4; Lịch sử 52 → 3; electives 70 → 3; GDQP&AN 35 → 2;
# comment subjects: 2 regular checks.
SUBJECTS_10 = [
    ("ngu_van", "score", 4),
    ("toan", "score", 4),
    ("ngoai_ngu_1", "score", 4),
    ("lich_su", "score", 3),
    ("gdtc", "comment", 2),
    ("gdqpan", "score", 2),
    ("vat_li", "score", 3),
    ("hoa_hoc", "score", 3),
    ("sinh_hoc", "score", 3),
    ("tin_hoc", "score", 3),
    ("hdtn", "comment", 2),
    ("gddp", "comment", 2),
]
SCORE_10 = [c for c, f, _ in SUBJECTS_10 if f == "score"]
COMMENT_10 = [c for c, f, _ in SUBJECTS_10 if f == "comment"]
NREG_10 = {c: n for c, _, n in SUBJECTS_10}


def round1(n, d):
    """spec §8: half-up to one decimal of n/d tenths, exactly."""
    return (2 * n + d) // (2 * d)


def semester_value(code, sem):
    """Tenths, 'dat'/'chua_dat', or None while a make-up is pending."""
    marks = list(sem["regular"]) + [sem["midterm"], sem["final"]]
    if "pending_makeup" in marks:
        return None
    if code in COMMENT_10:
        return DAT if all(m == DAT for m in marks) else CD  # 'absent' counts as Chưa đạt
    t = [0 if m == "absent" else m for m in marks]
    n = len(sem["regular"])
    num = sum(t[:n]) + 2 * t[n] + 3 * t[n + 1]
    return round1(num, n + 5)


def year_value(code, v1, v2):
    if v1 is None or v2 is None:
        return None
    if code in COMMENT_10:
        return v2  # the year result of a comment subject is semester II's (spec §3.6)
    return round1(v1 + 2 * v2, 3)


def plain_level(scores, cfail):
    def count(bar):
        return sum(1 for s in scores if s >= bar)

    low = min(scores)
    if cfail == 0 and low >= 65 and count(80) >= 6:
        return TOT
    if cfail == 0 and low >= 50 and count(65) >= 6:
        return KHA
    if cfail <= 1 and count(50) >= 6 and low >= 35:
        return DAT
    return CD


def level_with_adjustment(values):
    """values: {code: tenths | 'dat' | 'chua_dat'} → (level, computed, trigger subject or None).

    Điều 9 khoản 3 with the engine's defaults: best case (10.0 / Đạt), comment subjects included."""
    scores = [(c, v) for c, v in values.items() if isinstance(v, int)]
    fails = [c for c, v in values.items() if v == CD]
    s = [v for _, v in scores]
    computed = plain_level(s, len(fails))
    if RANK[computed] < RANK[DAT]:
        return computed, computed, None
    best = None
    for i, (c, _) in enumerate(scores):
        w = plain_level(s[:i] + [100] + s[i + 1:], len(fails))
        if best is None or RANK[w] < RANK[best[0]]:
            best = (w, c)
    if fails:
        w = plain_level(s, len(fails) - 1)
        if best is None or RANK[w] < RANK[best[0]]:
            best = (w, fails[0])
    if best and best[0] in (TOT, KHA) and RANK[computed] - RANK[best[0]] >= 2:
        return ONE_UP[computed], computed, best[1]
    return computed, computed, None


# Year conduct (Điều 8 khoản 2): rows semester II, columns semester I.
CONDUCT_TABLE = {
    TOT: {TOT: TOT, KHA: TOT, DAT: KHA, CD: KHA},
    KHA: {TOT: KHA, KHA: KHA, DAT: KHA, CD: DAT},
    DAT: {TOT: KHA, KHA: DAT, DAT: DAT, CD: DAT},
    CD: {TOT: CD, KHA: CD, DAT: CD, CD: CD},
}


def assess_tt22(st):
    """The results of one student under the engine's default configuration (spec §3.6–§3.12)."""
    subj = st["subjects"]
    res = {"hk1": {}, "hk2": {}, "year": {}}
    for code in subj:
        v1 = semester_value(code, subj[code]["hk1"])
        v2 = semester_value(code, subj[code]["hk2"])
        res["hk1"][code], res["hk2"][code] = v1, v2
        res["year"][code] = year_value(code, v1, v2)
    levels = {}
    for term in ("hk1", "hk2", "year"):
        vals = res[term]
        levels[term] = None if any(v is None for v in vals.values()) else level_with_adjustment(vals)
    c1, c2 = st["conduct"]
    conduct_year = CONDUCT_TABLE[c2][c1]
    out = {"values": res, "levels": levels, "conduct_year": conduct_year, "retest_subjects": [],
           "after_retest": None, "title": None}
    learning = levels["year"][0] if levels["year"] else None
    if learning is None:
        out["status"] = "chua_du_du_lieu"
        return out
    if st["absences"] > 45:
        out["status"] = "khong_len_lop"
    elif conduct_year != CD and learning != CD:
        out["status"] = "len_lop"
    elif conduct_year == CD:
        after = st.get("after_summer")
        if learning == CD:
            raise ValueError("combined case not used in the examples")
        out["status"] = ("cho_ren_luyen_he" if after is None
                         else "len_lop_sau_danh_gia_lai" if after != CD else "khong_len_lop")
    else:
        year = res["year"]
        need = [c for c, v in year.items() if (isinstance(v, int) and v < 50) or v == CD]
        out["retest_subjects"] = need
        retest = st.get("retest", {})
        if all(c in retest for c in need):
            replaced = {c: retest.get(c, v) for c, v in year.items()}
            after = level_with_adjustment(replaced)
            out["after_retest"] = after
            out["status"] = "len_lop_sau_danh_gia_lai" if after[0] != CD else "khong_len_lop"
        else:
            out["status"] = "cho_kiem_tra_lai"
    if conduct_year == TOT and learning == TOT:
        nines = sum(1 for v in res["year"].values() if isinstance(v, int) and v >= 90)
        out["title"] = "hoc_sinh_xuat_sac" if nines >= 6 else "hoc_sinh_gioi"
    return out


def legal_summer_inputs(st, out):
    """The engine refuses retests and summer conduct where the rules do not call for them (decision D-8)."""
    retest = st.get("retest", {})
    if retest:
        assert out["levels"]["year"][0] == CD and out["conduct_year"] != CD and st["absences"] <= 45
        assert all(c in out["retest_subjects"] for c in retest), (retest, out["retest_subjects"])
    if st.get("after_summer") is not None:
        assert out["conduct_year"] == CD and st["absences"] <= 45


# ====================================================================================== grade 10 class


def gen_regular(rng, target):
    v = target + rng.gauss(0, 10)
    step = 10 if rng.random() < 0.65 else 5  # oral and 15-minute checks: whole or half points
    return clamp(int(round(v / step)) * step)


def gen_periodic(rng, target):
    v = target + rng.gauss(0, 7)
    step = 5 if rng.random() < 0.5 else 1  # written tests: tenths after the teacher rounds the total
    return clamp(int(round(v / step)) * step)


def gen_score_semester(rng, n, target):
    return {
        "regular": [gen_regular(rng, target) for _ in range(n)],
        "midterm": gen_periodic(rng, target),
        "final": gen_periodic(rng, target),
    }


def gen_score_subject(rng, n, ability):
    """Marks of both semesters around `ability` (tenths); most students improve a little in semester II."""
    drift = rng.uniform(-4, 7)
    return {
        "hk1": gen_score_semester(rng, n, ability - drift),
        "hk2": gen_score_semester(rng, n, ability + drift / 2),
    }


def comment_semester(fail_at=None):
    marks = [DAT, DAT, DAT, DAT]
    if fail_at is not None:
        marks[fail_at] = CD
    return {"regular": marks[:2], "midterm": marks[2], "final": marks[3]}


def gen_subject_exact(rng, n, hk1_range, hk2_range, year_target):
    """A score subject whose year average is exactly `year_target` tenths."""
    for _ in range(100000):
        sub = {
            "hk1": gen_score_semester(rng, n, rng.uniform(*hk1_range)),
            "hk2": gen_score_semester(rng, n, rng.uniform(*hk2_range)),
        }
        v1 = semester_value("x", sub["hk1"])
        v2 = semester_value("x", sub["hk2"])
        if hk1_range[0] <= v1 <= hk1_range[1] and hk2_range[0] <= v2 <= hk2_range[1] \
                and round1(v1 + 2 * v2, 3) == year_target:
            return sub
    raise RuntimeError("no exact subject found")


CONDUCT_MIX = {
    "top": [((TOT, TOT), 8), ((KHA, TOT), 2)],
    "kha": [((TOT, TOT), 5), ((KHA, TOT), 4), ((KHA, KHA), 6), ((TOT, KHA), 2), ((DAT, KHA), 2),
            ((KHA, DAT), 1)],
    "low": [((KHA, KHA), 3), ((DAT, KHA), 3), ((DAT, DAT), 3), ((KHA, DAT), 2)],
}


def pick_weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for value, w in pairs:
        r -= w
        if r <= 0:
            return value
    return pairs[-1][0]


def pick_absences(rng):
    return pick_weighted(rng, [(0, 30), (rng.randint(1, 3), 40), (rng.randint(4, 7), 22),
                               (rng.randint(8, 10), 8)])


def abilities(rng, lo, hi, strong=None, strong_range=None):
    ab = {c: rng.uniform(lo, hi) for c in SCORE_10}
    if strong:
        for c in rng.sample(SCORE_10, strong):
            ab[c] = rng.uniform(*strong_range)
    return ab


def build_student(rng, arch):
    """One grade-10 student of archetype `arch`; retried until the model gives the intended results."""
    for _ in range(20000):
        st = {"arch": arch, "subjects": {}, "absences": pick_absences(rng)}
        comments = {c: (comment_semester(), comment_semester()) for c in COMMENT_10}
        exact = {}
        conduct_mix = "kha"
        if arch == "xuat_sac":
            ab, conduct_mix = abilities(rng, 83, 92, 7, (91, 98)), "top"
        elif arch in ("gioi", "gioi_exempt", "tot_conduct_kha"):
            ab, conduct_mix = abilities(rng, 79, 91, 2, (86, 94)), "top"
        elif arch in ("kha", "kha_absent", "kha_pending", "kha_absences", "kha_summer"):
            ab = abilities(rng, 60, 83, 2, (75, 90))
        elif arch in ("dat", "dat_hk1_comment"):
            ab, conduct_mix = abilities(rng, 48, 70), "low"
            for c in rng.sample(SCORE_10, rng.randint(1, 2)):
                ab[c] = rng.uniform(40, 50)
            if arch == "dat_hk1_comment":
                # One Chưa đạt check in semester I: the year takes semester II (spec §3.6).
                comments["gdtc"] = (comment_semester(fail_at=1), comment_semester())
        elif arch == "adjust_chua_dat":
            # Strong everywhere but English: ĐTBmcn 3.2 makes the level Chưa đạt; but for that one subject it
            # would be Tốt, so Điều 9 khoản 3 raises it one level, to Đạt.
            ab, conduct_mix = abilities(rng, 82, 93), "top"
            exact["ngoai_ngu_1"] = gen_subject_exact(rng, 4, (36, 42), (27, 30), 32)
        elif arch == "adjust_dat":
            # Strong everywhere but history (ĐTBmcn 4.x): Đạt computed, Khá after the adjustment.
            ab, conduct_mix = abilities(rng, 80, 92), "top"
            ab["lich_su"] = rng.uniform(41, 47)
        elif arch == "adjust_comment":
            # Strong scores but physical education Chưa đạt in semester II: Đạt computed, Khá adjusted.
            ab, conduct_mix = abilities(rng, 80, 92), "top"
            comments["gdtc"] = (comment_semester(), comment_semester(fail_at=3))
        elif arch == "retest_promoted":
            ab, conduct_mix = abilities(rng, 52, 66), "low"
            ab["toan"], ab["vat_li"], ab["hoa_hoc"] = rng.uniform(30, 34), rng.uniform(42, 47), \
                rng.uniform(40, 46)
            comments["gdtc"] = (comment_semester(), comment_semester(fail_at=0))
        elif arch == "retest_pending":
            ab, conduct_mix = abilities(rng, 50, 62), "low"
            for c, lo_hi in (("toan", (38, 45)), ("vat_li", (33, 42)), ("hoa_hoc", (38, 47)),
                             ("sinh_hoc", (42, 48))):
                ab[c] = rng.uniform(*lo_hi)
        else:
            raise ValueError(arch)
        for code, form, n in SUBJECTS_10:
            if form == "score":
                st["subjects"][code] = exact.get(code) or gen_score_subject(rng, n, ab[code])
            else:
                h1, h2 = comments[code]
                st["subjects"][code] = {"hk1": h1, "hk2": h2}
        st["conduct"] = pick_weighted(rng, CONDUCT_MIX[conduct_mix])
        if arch == "tot_conduct_kha":
            st["conduct"] = (KHA, KHA)
        if arch == "retest_pending":
            st["absences"] = 14
        if arch == "kha_absences":
            st["absences"] = 52  # long illness: more than 45 sessions (Điều 12 khoản 1 điểm c)
            st["conduct"] = (KHA, KHA)
        if arch == "kha_summer":
            st["conduct"] = (DAT, CD)
            st["after_summer"] = DAT
            st["absences"] = rng.randint(6, 10)
        if arch == "kha_absent":
            # Missed a 15-minute check without a make-up: recorded as 0 (Điều 7).
            st["subjects"]["lich_su"]["hk1"]["regular"][1] = "absent"
        if arch == "gioi_exempt":
            for term in ("hk1", "hk2"):
                st["subjects"]["gdtc"][term]["exempt_practical"] = True
        if arch == "retest_promoted":
            # Summer retests: the retest score replaces the ĐTBmcn; chemistry is still below 5.0 after the
            # retest, which Đạt allows (no subject below 3.5).
            st["retest"] = {"toan": 55, "vat_li": 50, "hoa_hoc": 40, "gdtc": DAT}
        out = assess_tt22(st)
        if accept_tt22(arch, st, out):
            if arch == "kha_pending":
                # Ill on the day of the semester II chemistry mid-term: the make-up is still to come.
                st["subjects"]["hoa_hoc"]["hk2"]["midterm"] = "pending_makeup"
                out = assess_tt22(st)
            legal_summer_inputs(st, out)
            st["expected"] = out
            return st
    raise RuntimeError(f"could not build a student of archetype {arch}")


def accept_tt22(arch, st, out):
    lv = out["levels"]
    if any(lv[t] is None for t in ("hk1", "hk2", "year")):
        return False
    year, computed, trigger = lv["year"]
    nines = sum(1 for v in out["values"]["year"].values() if isinstance(v, int) and v >= 90)
    scores = [v for v in out["values"]["year"].values() if isinstance(v, int)]
    # Semester levels should look like the year: no adjustment outside the adjustment cases.
    semester_adjusted = any(lv[t][2] for t in ("hk1", "hk2"))
    if arch == "xuat_sac":
        return out["title"] == "hoc_sinh_xuat_sac" and nines <= 8
    if arch in ("gioi", "gioi_exempt"):
        return out["title"] == "hoc_sinh_gioi" and not semester_adjusted
    if arch == "tot_conduct_kha":
        return year == TOT and out["conduct_year"] == KHA and not semester_adjusted
    if arch.startswith("kha"):
        if arch == "kha_summer" and not (out["conduct_year"] == CD):
            return False
        return year == KHA and min(scores) >= 55 and not semester_adjusted
    if arch in ("dat", "dat_hk1_comment"):
        return (year == DAT and trigger is None and not semester_adjusted and min(scores) >= 38
                and out["status"] == "len_lop")
    if arch == "adjust_chua_dat":
        return (computed == CD and year == DAT and trigger == "ngoai_ngu_1"
                and out["values"]["year"]["ngoai_ngu_1"] == 32 and out["status"] == "len_lop")
    if arch == "adjust_dat":
        return computed == DAT and year == KHA and trigger == "lich_su" and out["status"] == "len_lop"
    if arch == "adjust_comment":
        return computed == DAT and year == KHA and trigger == "gdtc" and out["status"] == "len_lop"
    if arch == "retest_promoted":
        return (computed == CD and trigger is None
                and out["retest_subjects"] == ["toan", "gdtc", "vat_li", "hoa_hoc"]
                and out["status"] == "len_lop_sau_danh_gia_lai" and out["after_retest"][0] == DAT)
    if arch == "retest_pending":
        return (computed == CD and trigger is None and len(out["retest_subjects"]) == 4
                and out["status"] == "cho_kiem_tra_lai" and min(scores) >= 30)
    raise ValueError(arch)


CLASS_10A1 = (
    ["xuat_sac"] * 5
    + ["gioi"] * 6 + ["gioi_exempt"]
    + ["tot_conduct_kha"]
    + ["kha"] * 13 + ["kha_absent", "kha_pending", "kha_absences", "kha_summer"]
    + ["dat"] * 4 + ["dat_hk1_comment"]
    + ["adjust_chua_dat", "adjust_dat", "adjust_comment"]
    + ["retest_promoted", "retest_pending"]
)


def mark_text(m):
    return fmt_score(m) if isinstance(m, int) else m


def tt22_json(st, sid, name):
    subjects = []
    for code, _, _ in SUBJECTS_10:
        s = st["subjects"][code]
        entry = {"subject": code}
        for term in ("hk1", "hk2"):
            sem = s[term]
            e = {
                "regular": [mark_text(m) for m in sem["regular"]],
                "midterm": mark_text(sem["midterm"]),
                "final": mark_text(sem["final"]),
            }
            if sem.get("exempt_practical"):
                e["exempt_practical"] = True
            entry[term] = e
        if code in st.get("retest", {}):
            entry["retest"] = mark_text(st["retest"][code])
        subjects.append(entry)
    conduct = {"hk1": st["conduct"][0], "hk2": st["conduct"][1]}
    if st.get("after_summer") is not None:
        conduct["after_summer"] = st["after_summer"]
    return {
        "student": {"id": sid, "full_name": name},
        "grade": 10,
        "school_year": SCHOOL_YEAR,
        "tt22": {"subjects": subjects, "conduct": conduct, "absences": st["absences"]},
    }


def class_10a1():
    """The grade-10 class file and, per student, (id, name, archetype, expected results)."""
    rng = random.Random(20240905)
    students = [build_student(rng, arch) for arch in CLASS_10A1]
    names = make_names(rng, len(students))
    pairs = sorted(zip(names, students), key=lambda p: vi_sort_key(p[0]))
    docs, expected = [], []
    for i, (name, st) in enumerate(pairs, start=1):
        sid = f"HS24-10A1-{i:03d}"
        docs.append(tt22_json(st, sid, name))
        expected.append((sid, name, st["arch"], st["expected"]))
    doc = {
        "format": CLASS_FORMAT,
        "class": "10A1",
        "school": "Trường THPT Nguyễn Trãi",
        "students": docs,
    }
    return doc, expected


# ====================================================================================== grade 4 class (TT27)

# (code, tests): "all" = GHK I, CHK I, GHK II, CN (Tiếng Việt, Toán in grades 4–5); "end" = CHK I and CN.
SUBJECTS_4 = [
    ("tieng_viet", "all"),
    ("toan", "all"),
    ("ngoai_ngu_1", "end"),
    ("dao_duc", None),
    ("lich_su_dia_li", "end"),
    ("khoa_hoc", "end"),
    ("tin_hoc_cong_nghe", "end"),
    ("gdtc", None),
    ("am_nhac", None),
    ("mi_thuat", None),
    ("hoat_dong_trai_nghiem", None),
]
TESTED_4 = [c for c, t in SUBJECTS_4 if t]
QUALITIES = ["yeu_nuoc", "nhan_ai", "cham_chi", "trung_thuc", "trach_nhiem"]
COMPETENCES = ["tu_chu_tu_hoc", "giao_tiep_hop_tac", "giai_quyet_van_de", "ngon_ngu", "tinh_toan",
               "khoa_hoc", "cong_nghe", "tin_hoc", "tham_mi", "the_chat"]
POINTS = ["ghk1", "chk1", "ghk2", "cn"]
TESTED_AT = {"all": POINTS, "end": ["chk1", "cn"]}


def test_of_record(text):
    """TT27 test total → whole score, half-up (engine default `primary_test_rounding = half_up`)."""
    whole, _, frac = text.partition(".")
    hundredths = int(whole) * 100 + (int((frac + "00")[:2]) if frac else 0)
    return (hundredths + 50) // 100


def primary_result(p):
    subj_cn = [p["subjects"][c]["cn"]["level"] for c, _ in SUBJECTS_4]
    traits_cn = [p["traits"][k]["cn"] for k in QUALITIES + COMPETENCES]
    tests = []
    for c in TESTED_4:
        m = p["subjects"][c]["cn"]
        tests.append(test_of_record(m.get("retest", m["test"])))
    if all(x == "T" for x in subj_cn) and all(x == "T" for x in traits_cn):
        if min(tests) >= 9:
            return "hoan_thanh_xuat_sac"
        if min(tests) >= 7:
            return "hoan_thanh_tot"
    if all(x in "TH" for x in subj_cn) and all(x in ("T", "Đ") for x in traits_cn) and min(tests) >= 5:
        return "hoan_thanh"
    return "chua_hoan_thanh"


def earlier_levels(rng, final, good):
    """Levels at GHK I, CHK I, GHK II that lead plausibly to `final` at CN."""
    out = []
    for i in range(3):
        lvl = final
        if final == "T" and rng.random() > good:
            lvl = "H"
        elif final == "H" and rng.random() < 0.2:
            lvl = "T"
        elif final == "C" and i == 0 and rng.random() < 0.5:
            lvl = "H"
        out.append(lvl)
    return out


def trait_levels(rng, final, good):
    out = []
    for _ in range(3):
        lvl = final
        if final == "T" and rng.random() > good:
            lvl = "Đ"
        elif final == "Đ" and rng.random() < 0.2:
            lvl = "T"
        elif final == "C" and rng.random() < 0.5:
            lvl = "Đ"
        out.append(lvl)
    return out + [final]


def build_pupil(rng, arch):
    for _ in range(20000):
        good = {"htxs": 0.93, "htt": 0.85, "ht": 0.7, "cht": 0.5}[arch.split("_")[0]]
        subj_final = {c: "T" for c, _ in SUBJECTS_4}
        trait_final = {k: "T" for k in QUALITIES + COMPETENCES}
        test_final = {}
        kind = arch.split("_")[0]
        if kind == "htxs":
            for c in TESTED_4:
                test_final[c] = rng.choice([9, 10, 10])
        elif kind == "htt":
            for c in TESTED_4:
                test_final[c] = rng.choice([7, 8, 8, 9, 9, 10])
        elif kind == "ht":
            for c in TESTED_4:
                test_final[c] = rng.choice([6, 7, 7, 8, 8, 9, 10])
            for c in rng.sample([c for c, _ in SUBJECTS_4], rng.randint(0, 4)):
                subj_final[c] = "H"
            for k in rng.sample(QUALITIES + COMPETENCES, rng.randint(0, 4)):
                trait_final[k] = "Đ"
            if rng.random() < 0.3:
                test_final[rng.choice(TESTED_4)] = 5
        elif kind == "cht":
            for c in TESTED_4:
                test_final[c] = rng.choice([5, 6, 6, 7, 8])
            for c in rng.sample([c for c, _ in SUBJECTS_4], 3):
                subj_final[c] = "H"
            for k in rng.sample(QUALITIES + COMPETENCES, 5):
                trait_final[k] = "Đ"
            if arch == "cht_supplementary":
                subj_final["toan"], test_final["toan"] = "C", 4
                trait_final["tinh_toan"] = "C"
            else:
                subj_final["tieng_viet"], test_final["tieng_viet"] = "C", 3
                trait_final["ngon_ngu"] = "C"
                trait_final["cham_chi"] = "Đ"
        p = {"arch": arch, "subjects": {}, "traits": {}}
        for code, tests in SUBJECTS_4:
            fin = subj_final[code]
            levels = earlier_levels(rng, fin, good) + [fin]
            entry = {}
            for point, lvl in zip(POINTS, levels):
                m = {"level": lvl}
                if tests and point in TESTED_AT[tests]:
                    if point == "cn":
                        score = test_final[code]
                    else:
                        base = test_final[code] + rng.choice([-2, -1, -1, 0, 0, 0, 1])
                        if lvl == "H":
                            base = min(base, 8)
                        score = clamp(base, 2, 10)
                    m["test"] = str(score)
                entry[point] = m
            p["subjects"][code] = entry
        for k in QUALITIES + COMPETENCES:
            p["traits"][k] = dict(zip(POINTS, trait_levels(rng, trait_final[k], good)))
        # Special cases, on top of the archetype.
        if arch == "htxs_half":
            # The Toán test totals 8.5 from half-point items: 9 after half-up rounding (spec §4.5).
            p["subjects"]["toan"]["cn"]["test"] = "8.5"
        if arch == "htt_half":
            p["subjects"]["tieng_viet"]["chk1"]["test"] = "7.5"
        if arch == "ht_retest":
            # The end-of-year Khoa học test was far below the pupil's regular work: the teacher set another
            # test (TT27 Điều 7); the last one is recorded.
            p["subjects"]["khoa_hoc"]["cn"] = {"level": "H", "test": "4", "retest": "7"}
        if arch == "cht_supplementary":
            p["supplementary"] = "hoan_thanh"
        if arch in ("htt_recognised",):
            p["class_recognition"] = True
        result = primary_result(p)
        want = {"htxs": "hoan_thanh_xuat_sac", "htt": "hoan_thanh_tot", "ht": "hoan_thanh",
                "cht": "chua_hoan_thanh"}[kind]
        if result != want:
            continue
        if kind == "ht" and arch != "ht_retest" and all(v == "T" for v in subj_final.values()) \
                and all(v == "T" for v in trait_final.values()) and min(test_final.values()) >= 7:
            continue
        if kind == "htt" and min(test_final.values()) >= 9:
            continue
        p["expected"] = {"result": result, "title": (
            "hoc_sinh_xuat_sac" if result == "hoan_thanh_xuat_sac"
            else "hoc_sinh_tieu_bieu" if result == "hoan_thanh_tot" and p.get("class_recognition")
            else None),
            "completion": ("hoan_thanh" if result != "chua_hoan_thanh"
                           else "hoan_thanh_sau_danh_gia_bo_sung" if p.get("supplementary") == "hoan_thanh"
                           else "cho_danh_gia_bo_sung")}
        return p
    raise RuntimeError(f"could not build a pupil of archetype {arch}")


CLASS_4A = (
    ["htxs"] * 7 + ["htxs_half"]
    + ["htt"] * 8 + ["htt_recognised"] * 2 + ["htt_half"]
    + ["ht"] * 8 + ["ht_retest"]
    + ["cht_supplementary", "cht_pending"]
)


def tt27_json(p, sid, name):
    subjects = []
    for code, _ in SUBJECTS_4:
        entry = {"subject": code}
        entry.update(p["subjects"][code])
        subjects.append(entry)
    body = {
        "subjects": subjects,
        "qualities": [dict({"code": k}, **p["traits"][k]) for k in QUALITIES],
        "competences": [dict({"code": k}, **p["traits"][k]) for k in COMPETENCES],
    }
    if p.get("supplementary"):
        body["supplementary"] = p["supplementary"]
    if p.get("class_recognition"):
        body["class_recognition"] = True
    return {
        "student": {"id": sid, "full_name": name},
        "grade": 4,
        "school_year": SCHOOL_YEAR,
        "tt27": body,
    }


def class_4a(taken_names=()):
    """The grade-4 class file and, per pupil, (id, name, archetype, expected results)."""
    rng = random.Random(20240906)
    pupils = [build_pupil(rng, arch) for arch in CLASS_4A]
    names = make_names(rng, len(pupils), taken_names)
    pairs = sorted(zip(names, pupils), key=lambda p: vi_sort_key(p[0]))
    docs, expected = [], []
    for i, (name, p) in enumerate(pairs, start=1):
        sid = f"HS24-4A-{i:03d}"
        docs.append(tt27_json(p, sid, name))
        expected.append((sid, name, p["arch"], p["expected"]))
    doc = {
        "format": CLASS_FORMAT,
        "class": "4A",
        "school": "Trường Tiểu học Kim Đồng",
        "students": docs,
    }
    return doc, expected


# ====================================================================================== broken inputs


def base_student():
    """A valid grade-10 student (Khá) that each broken file spoils in exactly one place."""
    rng = random.Random(20240907)
    st = build_student(rng, "kha")
    st["absences"] = 3
    doc = tt22_json(st, "HS24-10A1-901", "Phạm Quốc Bảo")
    return {"format": ASSESS_FORMAT, **doc}


def subject_entry(doc, code):
    return next(s for s in doc["tt22"]["subjects"] if s["subject"] == code)


def broken_files():
    """(file name, defect, expected error code, JSON pointer or '', bytes)."""
    base = base_student()
    codes = [s["subject"] for s in base["tt22"]["subjects"]]
    ptr = "/tt22/subjects/{}".format
    out = []

    def variant(name, defect, code, pointer, change):
        doc = copy.deepcopy(base)
        change(doc)
        out.append((name, defect, code, pointer, dump(doc).encode("utf-8")))

    variant("score-11.json", "a regular assessment of 11 (the scale is 0–10)", "score_out_of_range",
            ptr(codes.index("toan")) + "/hk1/regular/1",
            lambda d: subject_entry(d, "toan")["hk1"]["regular"].__setitem__(1, "11"))
    variant("score-8.25.json", "a final assessment with two decimals, 8.25 (TT22 Điều 5: one decimal)",
            "score_too_precise", ptr(codes.index("toan")) + "/hk1/final",
            lambda d: subject_entry(d, "toan")["hk1"].__setitem__("final", "8.25"))
    variant("score-negative.json", "a negative regular assessment, -1", "score_out_of_range",
            ptr(codes.index("ngu_van")) + "/hk2/regular/0",
            lambda d: subject_entry(d, "ngu_van")["hk2"]["regular"].__setitem__(0, "-1"))
    variant("score-abc.json", "a mid-term assessment that is not a number, \"abc\"", "score_not_a_number",
            ptr(codes.index("ngoai_ngu_1")) + "/hk1/midterm",
            lambda d: subject_entry(d, "ngoai_ngu_1")["hk1"].__setitem__("midterm", "abc"))
    variant("missing-midterm.json", "semester II of Vật lí has no mid-term assessment", "missing_component",
            ptr(codes.index("vat_li")) + "/hk2/midterm",
            lambda d: subject_entry(d, "vat_li")["hk2"].pop("midterm"))

    def add_khtn(d):
        d["tt22"]["subjects"].append({
            "subject": "khtn",
            "hk1": {"regular": ["7", "8", "7.5", "8"], "midterm": "7.5", "final": "8"},
            "hk2": {"regular": ["8", "8", "7", "8.5"], "midterm": "8", "final": "7.8"},
        })
    variant("unknown-subject.json",
            "an extra subject `khtn` (Khoa học tự nhiên is a THCS subject, not one of grade 10)",
            "unknown_subject", ptr(len(codes)) + "/subject", add_khtn)
    variant("too-few-regular.json", "Toán (105 periods) with 3 regular assessments in semester II instead of 4",
            "too_few_regular_assessments", ptr(codes.index("toan")) + "/hk2/regular",
            lambda d: subject_entry(d, "toan")["hk2"]["regular"].pop())
    variant("duplicate-subject.json", "Toán listed a second time at the end of the subject list",
            "duplicate_subject", ptr(len(codes)) + "/subject",
            lambda d: d["tt22"]["subjects"].append(copy.deepcopy(subject_entry(d, "toan"))))
    out.append(("empty.json", "an empty file (0 bytes)", "empty_input", "", b""))
    garbage = nfc("Họ và tên;Toán;Ngữ văn;Ngoại ngữ 1\nPhạm Quốc Bảo;8,5;7;6,8\n")
    out.append(("not-json.json", "text that is not JSON (a semicolon-separated line pasted from a spreadsheet)",
                "json_syntax", "", garbage.encode("utf-8")))
    return out


def broken_readme(files):
    lines = [
        "# Broken inputs",
        "",
        "Single-student inputs (`hocba.assess-input/1`, grade 10, 2024-2025), each spoiled in exactly one",
        "place. Every file must be refused with exactly one error, whose code is given below; the valid",
        "original is student `HS24-10A1-901`. Written by `scripts/gen_examples.py` — do not edit by hand.",
        "",
        "| File | Defect | Error code | JSON pointer |",
        "|---|---|---|---|",
    ]
    for name, defect, code, pointer, _ in files:
        lines.append(f"| `{name}` | {defect} | `{code}` | {f'`{pointer}`' if pointer else '—'} |")
    lines.append("")
    return "\n".join(lines).encode("utf-8")


# ====================================================================================== main


def outputs():
    c10, e10 = class_10a1()
    c4, e4 = class_4a([s["student"]["full_name"] for s in c10["students"]])
    files = {
        "class-10a1.json": dump(c10).encode("utf-8"),
        "class-4a.json": dump(c4).encode("utf-8"),
    }
    broken = broken_files()
    for name, _, _, _, data in broken:
        files[f"broken/{name}"] = data
    files["broken/README.md"] = broken_readme(broken)
    return files, e10, e4


def fmt_level(lv):
    if lv is None:
        return "-"
    level, computed, trigger = lv
    return level if trigger is None else f"{level}(adj {trigger} from {computed})"


def print_summary(e10, e4):
    for sid, name, arch, out in e10:
        lv = out["levels"]
        after = f" -> {fmt_level(out['after_retest'])}" if out["after_retest"] else ""
        print("\t".join([sid, name, arch, fmt_level(lv["year"]) + after, out["conduct_year"], out["status"],
                         out["title"] or "-", ",".join(out["retest_subjects"])]))
    for sid, name, arch, exp in e4:
        print("\t".join([sid, name, arch, exp["result"], exp["completion"], exp["title"] or "-"]))


def main(argv):
    files, e10, e4 = outputs()
    if "--summary" in argv:
        print_summary(e10, e4)
    if "--check" in argv:
        stale = [name for name, data in files.items()
                 if not (EXAMPLES / name).is_file() or (EXAMPLES / name).read_bytes() != data]
        for name in stale:
            print(f"examples/{name} is not what scripts/gen_examples.py writes", file=sys.stderr)
        return 1 if stale else 0
    for name, data in files.items():
        path = EXAMPLES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
