#!/usr/bin/env python3
"""Writes the record-validation vectors (tests/vectors/record/*.json) and the broken example records
(examples/records/broken/) from the valid examples in examples/records/, one defect each (plus a few with
many), with the problems each must give, pinned by hand from spec/rules.md and docs/decisions.md.

    python3 tests/vectors/record/gen.py          # rewrite
    python3 tests/vectors/record/gen.py --check  # exit 1 if a file on disk differs

Standard library only. Never copy the engine's output into a pin: decide from the rules which side is wrong.
"""
import collections
import copy
import json
import os
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(ROOT, "tests", "vectors", "record")
BROKEN = os.path.join(ROOT, "examples", "records", "broken")
OD = collections.OrderedDict


def load(name):
    with open(os.path.join(ROOT, "examples", "records", name), encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=OD)


BASES = {
    "tt22": load("tt22-grade10.json"),
    "tt22-v2": load("tt22-grade10-v2.json"),
    "tt27": load("tt27-grade4.json"),
}


def tokens(pointer):
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def parent(doc, pointer):
    ts = tokens(pointer)
    node = doc
    for t in ts[:-1]:
        node = node[int(t)] if isinstance(node, list) else node[t]
    return node, ts[-1]


def set_(pointer, value):
    def op(doc):
        node, last = parent(doc, pointer)
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return op


def delete(pointer):
    def op(doc):
        node, last = parent(doc, pointer)
        if isinstance(node, list):
            del node[int(last)]
        else:
            del node[last]
    return op


def append(pointer, value):
    def op(doc):
        node, last = parent(doc, pointer + "/x")
        node.append(value)
    return op


def nfd(s):
    return unicodedata.normalize("NFD", s)


def E(code, pointer, severity="error"):
    return OD([("code", code), ("pointer", pointer), ("severity", severity)])


def W(code, pointer):
    return E(code, pointer, "warning")


CASES = []


def case(id, description, base, ops=(), expected=(), text=None, error=None, broken_example=False):
    CASES.append(dict(id=id, description=description, base=base, ops=list(ops), expected=list(expected),
                      text=text, error=error, broken_example=broken_example))


S22 = "/stated/tt22"
S27 = "/stated/tt27"

# --- Not a record at all: ValidateError ("could not even start") ---------------------------------------
case("read-empty-input", "An empty file.", "tt22", text="", error=E("empty_input", ""))
case("read-not-json", "A line pasted from a spreadsheet, not JSON.", "tt22",
     text="Nguyễn Thị Minh Anh;10A1;8,6;9,3\n", error=E("json_syntax", ""), broken_example=True)
case("read-duplicate-key", "`grade` written twice: readers that keep the first or the last would see two records.",
     "tt22", text=None, error=E("json_duplicate_key", ""), broken_example=True)
case("read-not-an-object", "A JSON array instead of a record.", "tt22", text="[1, 2, 3]\n",
     error=E("not_a_record", ""))
case("read-wrong-format-tag", "An assessment input passed as a record.", "tt22",
     ops=[set_("/format", "hocba.assess-input/1")], error=E("unsupported_format", "/format"))
case("read-nesting-too-deep", "A 20-deep nested array in an award name: the reader stops at depth 16.",
     "tt22", ops=[set_("/awards/0/name", json.loads("[" * 20 + "]" * 20))],
     error=E("json_limit", "/awards/0/name" + "/0" * 13))

# --- Shape ------------------------------------------------------------------------------------------------
case("shape-unknown-field", "A member the format does not define (`student.nickname`).", "tt22",
     ops=[set_("/student/nickname", "Bông")], expected=[E("unknown_field", "/student/nickname")], broken_example=True)
case("shape-missing-field", "No MOET student code.", "tt22", ops=[delete("/student/moet_code")],
     expected=[E("missing_field", "/student")])
case("shape-grade-as-string", "`grade` written as a string.", "tt22", ops=[set_("/grade", "10")],
     expected=[E("wrong_type", "/grade")])
case("shape-version-as-float", "`version` written 1.0: an integer is required.", "tt22",
     ops=[set_("/version", 1.5)], expected=[E("wrong_type", "/version")])
case("shape-sex-code", "`sex` must be `nam` or `nu`.", "tt22", ops=[set_("/student/sex", "female")],
     expected=[E("invalid_code", "/student/sex")])
case("shape-stated-two-regimes", "`stated` holds both `tt22` and `tt27`.", "tt22",
     ops=[set_(S27, OD())], expected=[E("not_exactly_one", "/stated")])
case("shape-status-issued", "`issued` is not written in a record: it comes from the signatures and the status list.",
     "tt22", ops=[set_("/lifecycle/status", "issued")], expected=[E("invalid_code", "/lifecycle/status")],
     broken_example=True)
case("shape-too-many-awards", "51 awards (at most 50).", "tt22",
     ops=[set_("/awards", [OD([("name", "Giấy khen %d" % i)]) for i in range(51)])],
     expected=[E("too_many_items", "/awards")])
case("shape-null-list", "`awards: null`: a list may be left out, not null.", "tt22", ops=[set_("/awards", None)],
     expected=[E("wrong_type", "/awards")])

# --- Unicode NFC ------------------------------------------------------------------------------------------
case("nfc-student-name", "The student's name typed in decomposed Unicode (Unicode tổ hợp).", "tt22",
     ops=[set_("/student/full_name", nfd("Nguyễn Thị Minh Anh"))], expected=[E("text_not_nfc", "/student/full_name")],
     broken_example=True)
case("nfc-comment", "A teacher's comment in decomposed Unicode.", "tt27",
     ops=[set_("/comments/subjects/0/text", nfd("Đọc to, rõ ràng, diễn cảm."))],
     expected=[E("text_not_nfc", "/comments/subjects/0/text")])

# --- Identity ---------------------------------------------------------------------------------------------
case("id-personal-id-11-digits", "A personal identification number of 11 digits.", "tt22",
     ops=[set_("/student/personal_id", "07930900123")], expected=[E("invalid_personal_id", "/student/personal_id")],
     broken_example=True)
case("id-personal-id-sex", "The 4th digit says male born 2000–2099 (2), the record a girl (3). A warning: the record stays valid.",
     "tt22", ops=[set_("/student/personal_id", "079209001234")], expected=[W("personal_id_mismatch", "/student/personal_id")])
case("id-personal-id-year", "Digits 5–6 say born in 2008, the record 2009 (warning).", "tt22",
     ops=[set_("/student/personal_id", "079308001234")], expected=[W("personal_id_mismatch", "/student/personal_id")])
case("id-personal-id-province", "003 is no province code (warning).", "tt22",
     ops=[set_("/student/personal_id", "003309001234")], expected=[W("personal_id_unknown_province", "/student/personal_id")])
case("id-personal-id-missing", "A Vietnamese national without a personal identification number (warning).", "tt27",
     ops=[delete("/student/personal_id")], expected=[W("personal_id_missing", "/student/personal_id")])
case("id-date-does-not-exist", "Born on 30 February.", "tt22", ops=[set_("/student/date_of_birth", "2009-02-30")],
     expected=[E("invalid_date", "/student/date_of_birth")])
case("id-born-after-school-year", "Born after the school year started (personal id made consistent).", "tt22",
     ops=[set_("/student/date_of_birth", "2024-10-01"), set_("/student/personal_id", "079324001234")],
     expected=[E("birth_after_school_year", "/student/date_of_birth")])
case("id-implausible-age", "Aged 23 (by year of birth) in grade 10: a typing error in the year, probably (warning).",
     "tt22", ops=[set_("/student/date_of_birth", "2001-03-14"), set_("/student/personal_id", "079301001234")],
     expected=[W("implausible_age", "/student/date_of_birth")])
case("id-student-code", "A MOET student code with a space.", "tt22", ops=[set_("/student/moet_code", "7900 123456")],
     expected=[E("invalid_student_code", "/student/moet_code")])
case("id-school-code", "A school code with a hyphen.", "tt22", ops=[set_("/school/code", "79-000701")],
     expected=[E("invalid_school_code", "/school/code")])
case("id-record-id", "The record id names version 3 of a version-1 record.", "tt22",
     ops=[set_("/record_id", "79000701.2024-2025.7900123456.v3")], expected=[E("record_id_mismatch", "/record_id")],
     broken_example=True)
case("id-school-year-form", "School year written 2024/2025.", "tt22", ops=[set_("/school_year", "2024/2025")],
     expected=[E("invalid_school_year", "/school_year")])
case("id-name-double-space", "Two spaces inside the student's name: two spellings, two digests.", "tt22",
     ops=[set_("/student/full_name", "Nguyễn Thị  Minh Anh")], expected=[E("text_whitespace", "/student/full_name")])
case("id-class-teacher-empty", "No class teacher named.", "tt22", ops=[set_("/class/teacher", "")],
     expected=[E("text_empty", "/class/teacher")])
case("id-principal-tab", "A tab inside the principal's name.", "tt22", ops=[set_("/principal/name", "Phạm Văn\tĐức")],
     expected=[E("text_control_character", "/principal/name")])
case("id-version-zero", "Version 0.", "tt22", ops=[set_("/version", 0), set_("/record_id", "79000701.2024-2025.7900123456.v0")],
     expected=[E("invalid_version", "/version")])
case("id-v2-without-supersedes", "Version 2 that does not say which record it corrects.", "tt22",
     ops=[set_("/version", 2), set_("/record_id", "79000701.2024-2025.7900123456.v2")],
     expected=[E("supersedes_missing", "/supersedes")], broken_example=True)
case("id-v1-with-supersedes", "Version 1 claiming to replace a record.", "tt22-v2",
     ops=[set_("/version", 1), set_("/record_id", "79000701.2024-2025.7900123456.v1"),
          set_("/supersedes/record_id", "79000701.2024-2025.7900123456.v0")],
     expected=[E("supersedes_unexpected", "/supersedes")])
case("id-supersedes-digest", "The replaced record's digest in upper-case hex.", "tt22-v2",
     ops=[set_("/supersedes/digest", "847801861C36C8B3E4D7975D47242A935D2FE8358A6EA8433A7E98E081F9C29B")],
     expected=[E("invalid_digest", "/supersedes/digest")])
case("id-supersedes-itself", "Version 2 naming itself as the record it replaces.", "tt22-v2",
     ops=[set_("/supersedes/record_id", "79000701.2024-2025.7900123456.v2")],
     expected=[E("supersedes_not_older", "/supersedes/record_id")])

# --- Lifecycle --------------------------------------------------------------------------------------------
case("life-locked-without-time", "Locked, but `locked_at` is missing.", "tt22", ops=[delete("/lifecycle/locked_at")],
     expected=[E("lock_date_missing", "/lifecycle/locked_at")])
case("life-draft-with-lock-time", "Unlocked (draft) but still carrying a lock time.", "tt22",
     ops=[delete("/lifecycle/audit/2"), set_("/lifecycle/status", "draft")],
     expected=[E("lock_date_unexpected", "/lifecycle/locked_at")])
case("life-unlock-without-reason", "An unlock with no reason in the audit log.", "tt22",
     ops=[delete("/lifecycle/audit/1/reason")], expected=[E("unlock_reason_missing", "/lifecycle/audit/1")],
     broken_example=True)
case("life-audit-out-of-order", "The unlock is dated before the lock it undoes.", "tt22",
     ops=[set_("/lifecycle/audit/1/at", "2025-05-27T08:15:00+07:00")],
     expected=[E("audit_out_of_order", "/lifecycle/audit/1/at")])
case("life-locked-twice", "Locked twice without an unlock between.", "tt22",
     ops=[delete("/lifecycle/audit/1")], expected=[E("invalid_transition", "/lifecycle/audit/1/action")])
case("life-lock-time-mismatch", "`locked_at` is not the time of the last lock.", "tt22",
     ops=[set_("/lifecycle/locked_at", "2025-05-28T10:00:00+07:00")],
     expected=[E("lock_date_mismatch", "/lifecycle/locked_at")])
case("life-lock-time-format", "`locked_at` without an offset.", "tt22",
     ops=[set_("/lifecycle/locked_at", "2025-05-31 16:30")], expected=[E("invalid_date_time", "/lifecycle/locked_at")])
case("life-locked-before-year", "The 2024-2025 year locked in July 2024.", "tt27",
     ops=[set_("/lifecycle/locked_at", "2024-07-15T15:00:00+07:00"), set_("/lifecycle/audit/0/at", "2024-07-15T15:00:00+07:00")],
     expected=[E("lock_before_school_year", "/lifecycle/locked_at")])
case("life-status-without-audit", "Locked with an empty audit log.", "tt27", ops=[delete("/lifecycle/audit")],
     expected=[E("status_mismatch", "/lifecycle/status")])

# --- Stated results against the engine (TT22) -------------------------------------------------------------
case("stated-average-wrong", "ĐTBmcn of Toán stated 9.2; (9.3 + 2 × 9.3) / 3 = 9.3 (TT22 Điều 9 khoản 1 điểm b).",
     "tt22", ops=[set_(S22 + "/subjects/1/year", "9.2")], expected=[E("stated_mismatch", S22 + "/subjects/1/year")],
     broken_example=True)
case("stated-semester-wrong", "ĐTBmhk II of Ngữ văn stated 8.6; (34 + 2 × 8.5 + 3 × 9.0) / 9 = 8.67 → 8.7.", "tt22",
     ops=[set_(S22 + "/subjects/0/hk2", "8.6")], expected=[E("stated_mismatch", S22 + "/subjects/0/hk2")])
case("stated-average-two-decimals", "ĐTBmcn written 9.30: one decimal exactly, or two records of one value get two digests.",
     "tt22", ops=[set_(S22 + "/subjects/1/year", "9.30")], expected=[E("stated_not_canonical", S22 + "/subjects/1/year")])
case("stated-average-not-a-score", "ĐTBmcn written in words.", "tt22", ops=[set_(S22 + "/subjects/1/year", "chín")],
     expected=[E("stated_invalid_value", S22 + "/subjects/1/year")])
case("stated-comment-subject-score", "A score stated for Giáo dục thể chất, a comment subject.", "tt22",
     ops=[set_(S22 + "/subjects/10/year", "8.0")], expected=[E("stated_invalid_value", S22 + "/subjects/10/year")])
case("stated-learning-wrong", "Year learning stated Khá; every subject ≥ 6.5 and ten ≥ 8.0 give Tốt (Điều 9 khoản 2 điểm a).",
     "tt22", ops=[set_(S22 + "/learning/year", "kha")], expected=[E("stated_mismatch", S22 + "/learning/year")])
case("stated-learning-label", "A level written as its Vietnamese label instead of its code.", "tt22",
     ops=[set_(S22 + "/learning/hk1", "Tốt")], expected=[E("stated_invalid_value", S22 + "/learning/hk1")])
case("stated-conduct-wrong", "Year conduct stated Khá; Tốt/Tốt gives Tốt (Điều 8 khoản 2).", "tt22",
     ops=[set_(S22 + "/conduct_year", "kha")], expected=[E("stated_mismatch", S22 + "/conduct_year")])
case("stated-promotion-wrong", "Stated not promoted; conduct and learning Tốt, 2 sessions absent (Điều 12).", "tt22",
     ops=[set_(S22 + "/promotion", "khong_len_lop")], expected=[E("stated_mismatch", S22 + "/promotion")])
case("stated-title-wrong", "Stated Học sinh Giỏi; six subjects ≥ 9.0 make it Xuất sắc (Điều 15 khoản 1 điểm a).", "tt22",
     ops=[set_(S22 + "/title", "hoc_sinh_gioi")], expected=[E("stated_mismatch", S22 + "/title")], broken_example=True)
case("stated-title-missing", "The earned title is not stated in a locked record.", "tt22", ops=[delete(S22 + "/title")],
     expected=[E("stated_missing", S22 + "/title")])
case("stated-completion-in-grade-10", "Completion of the THPT programme stated in grade 10.", "tt22",
     ops=[set_(S22 + "/programme_completed", "thpt")], expected=[E("stated_mismatch", S22 + "/programme_completed")])
case("stated-subject-unknown", "A stated result for Khoa học tự nhiên, not a subject of the record.", "tt22",
     ops=[append(S22 + "/subjects", OD([("subject", "khtn"), ("year", "8.0")]))],
     expected=[E("stated_subject_unknown", S22 + "/subjects/13/subject")])
case("stated-subject-twice", "Toán stated twice.", "tt22",
     ops=[append(S22 + "/subjects", OD([("subject", "toan"), ("hk1", "9.3"), ("hk2", "9.3"), ("year", "9.3")]))],
     expected=[E("stated_subject_duplicate", S22 + "/subjects/13/subject")])
case("stated-subject-missing", "Sinh học's results are not stated in a locked record.", "tt22",
     ops=[delete(S22 + "/subjects/8")], expected=[E("stated_missing", S22 + "/subjects")])
case("stated-retest-without-retest", "A summer retest stated for a student who had none.", "tt22",
     ops=[set_(S22 + "/subjects/1/retest", "9.0")], expected=[E("stated_not_computable", S22 + "/subjects/1/retest")])
case("stated-other-regime", "TT27 results stated for a grade-10 record.", "tt22", ops=[set_("/stated", OD([("tt27", OD())]))],
     expected=[E("stated_regime_mismatch", "/stated/tt27")])

# --- Assessment data (the engine's own checks) ------------------------------------------------------------
case("data-score-11", "A regular assessment of 11.", "tt22", ops=[set_("/tt22/subjects/1/hk1/regular/1", "11")],
     expected=[E("score_out_of_range", "/tt22/subjects/1/hk1/regular/1")], broken_example=True)
case("data-score-two-decimals", "A final assessment of 8.25 (TT22 Điều 5: one decimal).", "tt22",
     ops=[set_("/tt22/subjects/1/hk1/final", "8.25")], expected=[E("score_too_precise", "/tt22/subjects/1/hk1/final")])
case("data-too-few-regular", "Toán (105 periods) with 3 regular assessments in semester II instead of 4.", "tt22",
     ops=[delete("/tt22/subjects/1/hk2/regular/3")],
     expected=[E("too_few_regular_assessments", "/tt22/subjects/1/hk2/regular")])
case("data-unknown-subject", "Khoa học tự nhiên (a THCS subject) in a grade-10 record.", "tt22",
     ops=[append("/tt22/subjects", OD([("subject", "khtn")]))],
     expected=[E("unknown_subject", "/tt22/subjects/13/subject")])
case("data-missing-subject", "No Lịch sử, compulsory in grade 10.", "tt22", ops=[delete("/tt22/subjects/3")],
     expected=[E("missing_subject", "/tt22/subjects")])
case("data-comment-subject-score", "A score for Giáo dục thể chất, assessed by comment.", "tt22",
     ops=[set_("/tt22/subjects/10/hk1/final", "8.0")], expected=[E("wrong_mark_kind", "/tt22/subjects/10/hk1/final")])
case("data-absences", "500 sessions absent.", "tt22", ops=[set_("/tt22/absences", 500)],
     expected=[E("out_of_bounds", "/tt22/absences")])
case("data-retest-not-applicable", "A summer retest for a student whose learning is Tốt (Điều 14).", "tt22",
     ops=[set_("/tt22/subjects/1/retest", "9.0")], expected=[E("retest_not_applicable", "/tt22/subjects/1/retest")])
case("data-unsupported-regime", "Grade 10 in 2021-2022 was assessed under TT58 (TT22 began in grade 10 in 2022-2023).",
     "tt22", ops=[set_("/school_year", "2021-2022"), set_("/record_id", "79000701.2021-2022.7900123456.v1"),
                  set_("/student/date_of_birth", "2006-03-14"), set_("/student/personal_id", "079306001234"),
                  delete("/awards"), set_("/lifecycle/locked_at", "2022-05-31T16:30:00+07:00"),
                  set_("/lifecycle/audit", [OD([("action", "lock"), ("at", "2022-05-31T16:30:00+07:00"), ("by", "Lê Thị Hồng Nhung")])])],
     expected=[E("unsupported_regime", "/school_year")])
case("data-tt27-test-not-applicable", "A periodic test score for Đạo đức, which has none (TT27 Điều 7).", "tt27",
     ops=[set_("/tt27/subjects/3/cn/test", "9")], expected=[E("test_not_applicable", "/tt27/subjects/3/cn/test")])

# --- Stated results (TT27) --------------------------------------------------------------------------------
case("tt27-stated-test-rounding", "Toán's end-of-year test 9.5 is recorded 10 (half up, TT27 Điều 7); stated 9.", "tt27",
     ops=[set_(S27 + "/subjects/1/test", "9")], expected=[E("stated_mismatch", S27 + "/subjects/1/test")], broken_example=True)
case("tt27-stated-test-decimal", "A test score of record with a decimal.", "tt27", ops=[set_(S27 + "/subjects/1/test", "9.5")],
     expected=[E("stated_invalid_value", S27 + "/subjects/1/test")])
case("tt27-stated-result-wrong", "Stated Hoàn thành tốt; every level T and every test ≥ 9 give Hoàn thành xuất sắc.", "tt27",
     ops=[set_(S27 + "/result", "hoan_thanh_tot")], expected=[E("stated_mismatch", S27 + "/result")])
case("tt27-stated-test-untested", "A test score stated for Đạo đức, which has no test.", "tt27",
     ops=[append(S27 + "/subjects", OD([("subject", "dao_duc"), ("test", "10")]))],
     expected=[E("stated_not_computable", S27 + "/subjects/6/test")])
case("tt27-stated-completion-missing", "Completion not stated in a locked record.", "tt27", ops=[delete(S27 + "/completion")],
     expected=[E("stated_missing", S27 + "/completion")])

# --- Comments and awards ----------------------------------------------------------------------------------
case("comment-subject-unknown", "A comment for Khoa học tự nhiên, not a subject of the record.", "tt22",
     ops=[append("/comments/subjects", OD([("subject", "khtn"), ("text", "Tốt.")]))],
     expected=[E("comment_subject_unknown", "/comments/subjects/4/subject")])
case("comment-too-long", "A class-teacher comment of 2,175 characters (at most 2,000).", "tt22",
     ops=[set_("/comments/class_teacher", "Chăm ngoan. " * 181 + "Tốt")], expected=[E("text_too_long", "/comments/class_teacher")])
case("comment-duplicate", "Two comments for Toán.", "tt22",
     ops=[append("/comments/subjects", OD([("subject", "toan"), ("text", "Tiến bộ rõ.")]))],
     expected=[E("comment_duplicate", "/comments/subjects/4/subject")])
case("comment-quality-in-tt22", "Per-quality comments belong to primary records.", "tt22",
     ops=[set_("/comments/qualities", [OD([("code", "cham_chi"), ("text", "Chăm chỉ.")])])],
     expected=[E("comment_not_applicable", "/comments/qualities")])
case("comment-trait-unknown", "A comment on `yeu_thuong`, not a quality code.", "tt27",
     ops=[set_("/comments/qualities/0/code", "yeu_thuong")], expected=[E("comment_trait_unknown", "/comments/qualities/0/code")])
case("award-date-outside-year", "An award dated in the next school year (warning).", "tt22",
     ops=[set_("/awards/0/date", "2025-10-12")], expected=[W("award_outside_school_year", "/awards/0/date")])
case("award-date-invalid", "An award dated 31 April.", "tt22", ops=[set_("/awards/0/date", "2025-04-31")],
     expected=[E("invalid_date", "/awards/0/date")])

# --- Many defects at once ---------------------------------------------------------------------------------
case("many-identity", "Several identity defects: every one is reported, not only the first.", "tt22",
     ops=[set_("/student/personal_id", "79309001234"), set_("/student/date_of_birth", "2009-13-14"),
          set_("/school/code", ""), set_("/student/full_name", " Nguyễn Thị Minh Anh"), set_("/class/name", "")],
     expected=[E("invalid_personal_id", "/student/personal_id"), E("invalid_date", "/student/date_of_birth"),
               E("invalid_school_code", "/school/code"), E("text_whitespace", "/student/full_name"),
               E("text_empty", "/class/name")], broken_example=True)
case("many-shape", "Several shape defects at once, each with its pointer.", "tt22",
     ops=[set_("/grade", "10"), delete("/school/name"), set_("/lifecycle/audit/0/action", "close"),
          set_("/comments/subjects/0/note", "x"), set_("/tt22/absences", 2.5)],
     expected=[E("wrong_type", "/grade"), E("missing_field", "/school"), E("invalid_code", "/lifecycle/audit/0/action"),
               E("unknown_field", "/comments/subjects/0/note"), E("wrong_type", "/tt22/absences")])
case("many-locked-with-pending-makeup",
     "Locked while Vật lí's semester II final is a pending make-up: no year result for Vật lí, so no year level, no promotion, no title yet; locking must wait (spec §7.1).",
     "tt22", ops=[set_("/tt22/subjects/5/hk2/final", "pending_makeup")],
     expected=[E("locked_before_final", "/lifecycle/status"),
               E("stated_not_computable", S22 + "/subjects/5/hk2"), E("stated_not_computable", S22 + "/subjects/5/year"),
               E("stated_not_computable", S22 + "/learning/hk2"), E("stated_not_computable", S22 + "/learning/year"),
               E("stated_not_computable", S22 + "/promotion"), E("stated_not_computable", S22 + "/title")])
case("many-tt27-one-c-locked",
     "Âm nhạc at C at the end of the year: Chưa hoàn thành, supplementary assessment due — stated results now wrong and the record locked too early.",
     "tt27", ops=[set_("/tt27/subjects/8/cn/level", "C")],
     expected=[E("locked_before_final", "/lifecycle/status"), E("stated_mismatch", S27 + "/result"),
               E("stated_mismatch", S27 + "/completion"), E("stated_mismatch", S27 + "/title")])
case("many-stated", "Three stated results wrong at once.", "tt22",
     ops=[set_(S22 + "/subjects/0/hk1", "8.2"), set_(S22 + "/subjects/7/year", "9.5"), set_(S22 + "/conduct_year", "dat")],
     expected=[E("stated_mismatch", S22 + "/subjects/0/hk1"), E("stated_mismatch", S22 + "/subjects/7/year"),
               E("stated_mismatch", S22 + "/conduct_year")])


def duplicate_key_text():
    text = json.dumps(BASES["tt22"], ensure_ascii=False, indent=2)
    return text.replace('"grade": 10,', '"grade": 10,\n  "grade": 11,', 1) + "\n"


def build(c):
    out = OD([("id", c["id"]), ("description", c["description"]), ("base", "examples/records/%s.json" % {
        "tt22": "tt22-grade10", "tt22-v2": "tt22-grade10-v2", "tt27": "tt27-grade4"}[c["base"]])])
    if c["id"] == "read-duplicate-key":
        out["input_text"] = duplicate_key_text()
    elif c["text"] is not None:
        out["input_text"] = c["text"]
    else:
        doc = copy.deepcopy(BASES[c["base"]])
        for op in c["ops"]:
            op(doc)
        out["input"] = doc
    if c["error"] is not None:
        out["expected_error"] = c["error"]
    else:
        out["valid"] = not any(p["severity"] == "error" for p in c["expected"])
        out["expected_problems"] = c["expected"]
    return out


def render(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def main():
    check = "--check" in sys.argv
    files = {}
    ids = set()
    for c in CASES:
        assert c["id"] not in ids, c["id"]
        ids.add(c["id"])
        v = build(c)
        files[os.path.join(OUT, c["id"] + ".json")] = render(v)
        if c["broken_example"]:
            body = v.get("input_text")
            if body is None:
                body = render(v["input"])
            files[os.path.join(BROKEN, c["id"] + ".json")] = body
    rows = ["| File | Defect | Problem(s) |", "|---|---|---|"]
    for c in CASES:
        if c["broken_example"]:
            probs = [c["error"]] if c["error"] else c["expected"]
            rows.append("| `%s.json` | %s | %s |" % (c["id"], c["description"], ", ".join(
                "`%s` %s" % (p["code"], "`%s`" % p["pointer"] if p["pointer"] else "") for p in probs)))
    files[os.path.join(BROKEN, "README.md")] = (
        "# Broken records\n\nRecords (`hocba.record/1`) spoiled on purpose, from `examples/records/` (one defect each, "
        "one with several). `hocba validate` must refuse each with the problems below (exit code 1). Written by "
        "`tests/vectors/record/gen.py` — do not edit by hand; the full list of %d cases is in `tests/vectors/record/`.\n\n"
        % len(CASES) + "\n".join(rows) + "\n")
    stale = []
    for path, text in sorted(files.items()):
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            stale.append(path)
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    for d, keep in ((OUT, {os.path.basename(p) for p in files if p.startswith(OUT)} | {"gen.py", "README.md"}),
                    (BROKEN, {os.path.basename(p) for p in files if p.startswith(BROKEN)})):
        for name in os.listdir(d):
            if name not in keep and not os.path.isdir(os.path.join(d, name)):
                stale.append(os.path.join(d, name))
                if not check:
                    os.remove(os.path.join(d, name))
    if check and stale:
        print("stale:", *stale, sep="\n  ")
        sys.exit(1)
    print("%d vectors (%d broken examples)%s" % (len(CASES), sum(c["broken_example"] for c in CASES),
                                                  ", up to date" if not stale else ""))


if __name__ == "__main__":
    main()
