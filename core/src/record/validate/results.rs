//! The assessment data through the engine, and every stated result against the engine's recomputation.
//!
//! The record's `tt22` / `tt27` section is checked by the assessment checker itself
//! ([`crate::assess::raw::check_ref`]) and assessed with the record's `rules_config`; its problems keep
//! their codes and pointers (the record holds the section at the same place as an assessment input). A
//! stated result that differs names the field, the stated and the computed value, and the article.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::Problems;
use crate::assess::output::{
    LevelOutcome, PrimaryAssessment, PrimaryCompletion, Programme, PromotionStatus,
    RegimeAssessment, RetentionReason, SecondaryAssessment, SubjectValue, Title,
};
use crate::assess::raw::{check_ref, RawInputRef};
use crate::assess::{assess, AssessError};
use crate::levels::{Level, PrimaryResult};
use crate::record::model::Stated as StatedSection;
use crate::record::model::{Record, RecordStatus, StatedPrimary, StatedSecondary};
use crate::record::problem::{Problem, ProblemKind};
use crate::rules::catalogue::Subject;
use crate::rules::{regime_for, Regime};
use crate::school_year::{Grade, SchoolYear};
use crate::score::Score;
use crate::trace::TraceCode;

/// What stands for "no value" in a mismatch (no title, no programme completed).
pub const NONE: &str = "none";

pub(super) fn check(r: &Record, p: &mut Problems) {
    let grade = u8::try_from(r.grade).ok().and_then(Grade::new);
    let year = r.school_year.parse::<SchoolYear>().ok();
    if let (Some(g), Some(y)) = (grade, year) {
        let (expected, stated) = match (regime_for(g, y), &r.stated) {
            (Regime::Tt22, StatedSection::Tt27(_)) => ("tt22", "/stated/tt27"),
            (Regime::Tt27, StatedSection::Tt22(_)) => ("tt27", "/stated/tt22"),
            _ => ("", ""),
        };
        if !expected.is_empty() {
            p.push(stated, ProblemKind::StatedRegimeMismatch { expected });
        }
    }
    let config = r.rules_config.unwrap_or_default();
    let input = RawInputRef {
        student_id: &r.student.moet_code,
        full_name: Some(&r.student.full_name),
        grade: r.grade,
        school_year: &r.school_year,
        tt22: r.tt22.as_ref(),
        tt27: r.tt27.as_ref(),
    };
    let assessed = check_ref(input, &config).and_then(|i| assess(&i, &config).map_err(|e| e.0));
    let assessment = match assessed {
        Ok(a) => a,
        Err(errors) => {
            for e in errors {
                // The record checks the student's names and codes itself, by stricter rules.
                if !e.pointer().starts_with("/student/") {
                    engine_problem(e, p);
                }
            }
            return;
        }
    };
    let locked = r.lifecycle.status == RecordStatus::Locked;
    let mut cmp = Compare { p, locked };
    match (&assessment.result, &r.stated) {
        (RegimeAssessment::Tt22(s), StatedSection::Tt22(st)) => {
            if locked && !s.promotion.status.is_final() {
                cmp.p.push(
                    "/lifecycle/status",
                    ProblemKind::LockedBeforeFinal {
                        status: s.promotion.status.code(),
                    },
                );
            }
            secondary(s, st, &mut cmp);
        }
        (RegimeAssessment::Tt27(a), StatedSection::Tt27(st)) => {
            if locked && !primary_final(a.completion) {
                cmp.p.push(
                    "/lifecycle/status",
                    ProblemKind::LockedBeforeFinal {
                        status: a.completion.code(),
                    },
                );
            }
            primary(a, st, &mut cmp);
        }
        // The regime mismatch is reported above.
        _ => {}
    }
}

fn engine_problem(e: AssessError, p: &mut Problems) {
    let pointer = String::from(e.pointer());
    p.add(Problem::new(pointer, ProblemKind::Assess(e)));
}

const fn primary_final(c: PrimaryCompletion) -> bool {
    !matches!(
        c,
        PrimaryCompletion::ChoDanhGiaBoSung
            | PrimaryCompletion::ChoQuyetDinhHieuTruong
            | PrimaryCompletion::ChuaDuDuLieu
    )
}

struct Compare<'p> {
    p: &'p mut Problems,
    locked: bool,
}

impl Compare<'_> {
    fn missing(&mut self, pointer: &str, field: String, computed: String) {
        let problem = Problem::new(pointer, ProblemKind::StatedMissing { field, computed });
        self.p.add(if self.locked {
            problem
        } else {
            problem.warning()
        });
    }

    /// Compares a stated code with the computed one (`None` when the engine has no result yet).
    #[allow(clippy::too_many_arguments)] // each argument names one part of the mismatch report
    fn code(
        &mut self,
        pointer: &dyn Fn() -> String,
        field: &dyn Fn() -> String,
        stated: Option<&String>,
        computed: Option<&'static str>,
        vocabulary: &[&str],
        expected: (&'static str, &'static str),
        rule: &'static str,
    ) {
        match (stated, computed) {
            (None, None) => {}
            (None, Some(c)) => self.missing(&pointer(), field(), c.into()),
            (Some(s), c) => {
                if !vocabulary.contains(&s.as_str()) {
                    self.p.push(
                        pointer(),
                        ProblemKind::StatedInvalidValue {
                            value: s.clone(),
                            expected,
                        },
                    );
                    return;
                }
                match c {
                    None => self.p.push(
                        pointer(),
                        ProblemKind::StatedNotComputable {
                            field: field(),
                            stated: s.clone(),
                        },
                    ),
                    Some(c) if c != s => self.p.push(
                        pointer(),
                        ProblemKind::StatedMismatch {
                            field: field(),
                            stated: s.clone(),
                            computed: c.into(),
                            rule,
                        },
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    /// Compares a stated subject value (score with one decimal, or `dat` / `chua_dat`).
    fn value(
        &mut self,
        pointer: &dyn Fn() -> String,
        field: &dyn Fn() -> String,
        stated: Option<&String>,
        computed: Option<SubjectValue>,
        score_subject: bool,
        rule: &'static str,
    ) {
        let Some(s) = stated else {
            if let Some(c) = computed {
                self.missing(&pointer(), field(), value_code(c));
            }
            return;
        };
        let parsed = if score_subject {
            match Score::parse(s) {
                Ok(score) => {
                    if !is_canonical_score(s, score) {
                        self.p.push(
                            pointer(),
                            ProblemKind::StatedNotCanonical {
                                value: s.clone(),
                                canonical: score.to_string(),
                            },
                        );
                        return;
                    }
                    Stated::Score(score)
                }
                Err(_) => {
                    self.p.push(
                        pointer(),
                        ProblemKind::StatedInvalidValue {
                            value: s.clone(),
                            expected: (
                                "điểm từ 0.0 đến 10.0 viết một chữ số thập phân",
                                "a score from 0.0 to 10.0 with one decimal",
                            ),
                        },
                    );
                    return;
                }
            }
        } else if s == "dat" || s == "chua_dat" {
            Stated::Code(s)
        } else {
            self.p.push(
                pointer(),
                ProblemKind::StatedInvalidValue {
                    value: s.clone(),
                    expected: ("`dat` hoặc `chua_dat`", "`dat` or `chua_dat`"),
                },
            );
            return;
        };
        match computed {
            None => self.p.push(
                pointer(),
                ProblemKind::StatedNotComputable {
                    field: field(),
                    stated: s.clone(),
                },
            ),
            Some(c) => {
                let same = match (parsed, c) {
                    (Stated::Score(a), SubjectValue::Average(b)) => a == b,
                    (Stated::Code(a), SubjectValue::Comment(b)) => a == b.code(),
                    _ => false,
                };
                if !same {
                    self.p.push(
                        pointer(),
                        ProblemKind::StatedMismatch {
                            field: field(),
                            stated: s.clone(),
                            computed: value_code(c),
                            rule,
                        },
                    );
                }
            }
        }
    }
}

/// A stated subject value, read.
#[derive(Clone, Copy)]
enum Stated<'s> {
    Score(Score),
    Code(&'s str),
}

/// `text` is the whole number `n` ("0"–"10").
fn is_whole(text: &str, n: u8) -> bool {
    match *text.as_bytes() {
        [d] => n < 10 && d == b'0' + n,
        [b'1', b'0'] => n == 10,
        _ => false,
    }
}

/// `text` is `score` written with exactly one decimal ("8.0", "10.0").
fn is_canonical_score(text: &str, score: Score) -> bool {
    let t = score.tenths();
    match *text.as_bytes() {
        [d, b'.', f] => t < 100 && d == b'0' + t / 10 && f == b'0' + t % 10,
        [b'1', b'0', b'.', b'0'] => t == 100,
        _ => false,
    }
}

fn value_code(v: SubjectValue) -> String {
    match v {
        SubjectValue::Average(s) => s.to_string(),
        SubjectValue::Comment(p) => p.code().into(),
    }
}

const LEVEL_CODES: &[&str] = &["tot", "kha", "dat", "chua_dat"];
const LEVEL_EXPECTED: (&str, &str) = (
    "mã mức đánh giá (`tot` `kha` `dat` `chua_dat`)",
    "a level (`tot` `kha` `dat` `chua_dat`)",
);

fn level_rule(o: &LevelOutcome) -> &'static str {
    if o.by_principal {
        TraceCode::Tt22LevelByPrincipal.rule()
    } else if o.adjusted_for.is_some() {
        TraceCode::Tt22LevelAdjusted.rule()
    } else {
        match o.computed {
            Level::Tot => TraceCode::Tt22LevelTot.rule(),
            Level::Kha => TraceCode::Tt22LevelKha.rule(),
            Level::Dat => TraceCode::Tt22LevelDat.rule(),
            Level::ChuaDat => TraceCode::Tt22LevelChuaDat.rule(),
        }
    }
}

const fn programme_code(p: Programme) -> &'static str {
    match p {
        Programme::TieuHoc => "tieu_hoc",
        Programme::Thcs => "thcs",
        Programme::Thpt => "thpt",
    }
}

fn secondary(s: &SecondaryAssessment, st: &StatedSecondary, c: &mut Compare<'_>) {
    let mut stated_subjects: Vec<Subject> = Vec::with_capacity(st.subjects.len());
    for (i, ss) in st.subjects.iter().enumerate() {
        let base = || format!("/stated/tt22/subjects/{i}");
        let found = ss
            .subject
            .parse::<Subject>()
            .ok()
            .and_then(|subject| s.subjects.iter().find(|x| x.subject == subject));
        let Some(result) = found else {
            c.p.push(
                format!("{}/subject", base()),
                ProblemKind::StatedSubjectUnknown {
                    subject: ss.subject.clone(),
                },
            );
            continue;
        };
        if stated_subjects.contains(&result.subject) {
            c.p.push(
                format!("{}/subject", base()),
                ProblemKind::StatedSubjectDuplicate {
                    subject: ss.subject.clone(),
                },
            );
            continue;
        }
        stated_subjects.push(result.subject);
        let score = result.form == crate::rules::catalogue::AssessmentForm::Score;
        let code = result.subject.code();
        let (semester_rule, year_rule) = if score {
            (
                TraceCode::Tt22SemesterAverage.rule(),
                TraceCode::Tt22YearAverage.rule(),
            )
        } else {
            (
                TraceCode::Tt22CommentSemester.rule(),
                TraceCode::Tt22CommentYear.rule(),
            )
        };
        for (term, stated, computed, rule) in [
            ("hk1", &ss.hk1, result.hk1, semester_rule),
            ("hk2", &ss.hk2, result.hk2, semester_rule),
            ("year", &ss.year, result.year, year_rule),
            (
                "retest",
                &ss.retest,
                result.retest,
                TraceCode::Tt22RetestResult.rule(),
            ),
        ] {
            c.value(
                &|| format!("{}/{term}", base()),
                &|| format!("subjects.{code}.{term}"),
                stated.as_ref(),
                computed,
                score,
                rule,
            );
        }
    }
    for result in &s.subjects {
        if stated_subjects.contains(&result.subject) {
            continue;
        }
        let values: Vec<String> = [result.hk1, result.hk2, result.year, result.retest]
            .into_iter()
            .flatten()
            .map(value_code)
            .collect();
        if !values.is_empty() {
            c.missing(
                "/stated/tt22/subjects",
                format!("subjects.{}", result.subject.code()),
                values.join(" / "),
            );
        }
    }
    let l = &s.learning;
    for (term, stated, computed) in [
        ("hk1", &st.learning.hk1, l.hk1),
        ("hk2", &st.learning.hk2, l.hk2),
        ("year", &st.learning.year, l.year),
        (
            "year_after_retest",
            &st.learning.year_after_retest,
            l.year_after_retest,
        ),
    ] {
        c.code(
            &|| format!("/stated/tt22/learning/{term}"),
            &|| format!("learning.{term}"),
            stated.as_ref(),
            computed.map(|o| o.level.code()),
            LEVEL_CODES,
            LEVEL_EXPECTED,
            computed.map_or(TraceCode::Tt22LevelTot.rule(), |o| level_rule(&o)),
        );
    }
    c.code(
        &|| "/stated/tt22/conduct_year".into(),
        &|| "conduct_year".into(),
        st.conduct_year.as_ref(),
        s.conduct.year.map(Level::code),
        LEVEL_CODES,
        LEVEL_EXPECTED,
        TraceCode::Tt22ConductYear.rule(),
    );
    let status = s.promotion.status;
    let promotion_rule = if s.promotion.reason == Some(RetentionReason::PrincipalDecision) {
        TraceCode::Tt22PromotionByPrincipal.rule()
    } else {
        TraceCode::Tt22Promotion.rule()
    };
    c.code(
        &|| "/stated/tt22/promotion".into(),
        &|| "promotion".into(),
        st.promotion.as_ref(),
        (status != PromotionStatus::ChuaDuDuLieu).then_some(status.code()),
        PROMOTION_CODES,
        (
            "mã kết quả lên lớp (`len_lop`, `khong_len_lop`…)",
            "a promotion status code (`len_lop`, `khong_len_lop`…)",
        ),
        promotion_rule,
    );
    // Titles and completion are decided once the year is complete; "none" is then a result too.
    let year_complete = status != PromotionStatus::ChuaDuDuLieu;
    let title_rule = match s.title {
        Some(Title::HocSinhGioi) => TraceCode::Tt22TitleGioi.rule(),
        _ => TraceCode::Tt22TitleXuatSac.rule(),
    };
    optional_code(
        c,
        "/stated/tt22/title",
        "title",
        st.title.as_ref(),
        year_complete,
        s.title.map(Title::code),
        &["hoc_sinh_xuat_sac", "hoc_sinh_gioi"],
        (
            "mã danh hiệu TT22 (`hoc_sinh_xuat_sac` `hoc_sinh_gioi`)",
            "a TT22 title (`hoc_sinh_xuat_sac` `hoc_sinh_gioi`)",
        ),
        title_rule,
    );
    optional_code(
        c,
        "/stated/tt22/programme_completed",
        "programme_completed",
        st.programme_completed.as_ref(),
        year_complete,
        s.completion.map(programme_code),
        &["thcs", "thpt"],
        ("`thcs` hoặc `thpt`", "`thcs` or `thpt`"),
        TraceCode::Tt22Completion.rule(),
    );
}

const PROMOTION_CODES: &[&str] = &[
    "len_lop",
    "len_lop_sau_danh_gia_lai",
    "cho_ren_luyen_he",
    "cho_kiem_tra_lai",
    "cho_ren_luyen_he_va_kiem_tra_lai",
    "khong_len_lop",
    "cho_quyet_dinh_hieu_truong",
    "chua_du_du_lieu",
];

/// A result whose absence is itself a result once the year is complete (no title, no completion).
#[allow(clippy::too_many_arguments)] // the same eight facts for every optional result
fn optional_code(
    c: &mut Compare<'_>,
    pointer: &'static str,
    field: &'static str,
    stated: Option<&String>,
    decided: bool,
    computed: Option<&'static str>,
    vocabulary: &[&str],
    expected: (&'static str, &'static str),
    rule: &'static str,
) {
    match (stated, computed) {
        (Some(s), None) if decided && vocabulary.contains(&s.as_str()) => c.p.push(
            pointer,
            ProblemKind::StatedMismatch {
                field: field.into(),
                stated: s.clone(),
                computed: NONE.into(),
                rule,
            },
        ),
        _ => c.code(
            &|| pointer.into(),
            &|| field.into(),
            stated,
            computed,
            vocabulary,
            expected,
            rule,
        ),
    }
}

fn primary(a: &PrimaryAssessment, st: &StatedPrimary, c: &mut Compare<'_>) {
    let mut stated_subjects: Vec<Subject> = Vec::new();
    for (i, ss) in st.subjects.iter().enumerate() {
        let base = || format!("/stated/tt27/subjects/{i}");
        let found = ss
            .subject
            .parse::<Subject>()
            .ok()
            .and_then(|subject| a.subjects.iter().find(|x| x.subject == subject));
        let Some(result) = found else {
            c.p.push(
                format!("{}/subject", base()),
                ProblemKind::StatedSubjectUnknown {
                    subject: ss.subject.clone(),
                },
            );
            continue;
        };
        if stated_subjects.contains(&result.subject) {
            c.p.push(
                format!("{}/subject", base()),
                ProblemKind::StatedSubjectDuplicate {
                    subject: ss.subject.clone(),
                },
            );
            continue;
        }
        stated_subjects.push(result.subject);
        let computed = result.marks.cn.and_then(|m| m.test).map(|t| t.score);
        let valid = matches!(
            ss.test.as_str(),
            "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "10"
        );
        let field = || format!("tests.{}.cn", result.subject.code());
        if !valid {
            c.p.push(
                format!("{}/test", base()),
                ProblemKind::StatedInvalidValue {
                    value: ss.test.clone(),
                    expected: ("số nguyên từ 0 đến 10", "a whole number from 0 to 10"),
                },
            );
            continue;
        }
        match computed {
            None => c.p.push(
                format!("{}/test", base()),
                ProblemKind::StatedNotComputable {
                    field: field(),
                    stated: ss.test.clone(),
                },
            ),
            Some(score) if !is_whole(&ss.test, score) => c.p.push(
                format!("{}/test", base()),
                ProblemKind::StatedMismatch {
                    field: field(),
                    stated: ss.test.clone(),
                    computed: format!("{score}"),
                    rule: TraceCode::Tt27TestRounded.rule(),
                },
            ),
            Some(_) => {}
        }
    }
    for result in &a.subjects {
        if stated_subjects.contains(&result.subject) {
            continue;
        }
        if let Some(t) = result.marks.cn.and_then(|m| m.test) {
            c.missing(
                "/stated/tt27/subjects",
                format!("tests.{}.cn", result.subject.code()),
                format!("{}", t.score),
            );
        }
    }
    let result_rule = match a.result {
        Some(PrimaryResult::HoanThanhXuatSac) => TraceCode::Tt27ResultXuatSac.rule(),
        Some(PrimaryResult::HoanThanhTot) => TraceCode::Tt27ResultTot.rule(),
        Some(PrimaryResult::HoanThanh) => TraceCode::Tt27ResultHoanThanh.rule(),
        Some(PrimaryResult::ChuaHoanThanh) | None => TraceCode::Tt27ResultChuaHoanThanh.rule(),
    };
    c.code(
        &|| "/stated/tt27/result".into(),
        &|| "result".into(),
        st.result.as_ref(),
        a.result.map(PrimaryResult::code),
        &[
            "hoan_thanh_xuat_sac",
            "hoan_thanh_tot",
            "hoan_thanh",
            "chua_hoan_thanh",
        ],
        (
            "mã kết quả giáo dục TT27 (`hoan_thanh_xuat_sac`…)",
            "a TT27 result code (`hoan_thanh_xuat_sac`…)",
        ),
        result_rule,
    );
    let completion_rule = match a.completion {
        PrimaryCompletion::HoanThanhSauDanhGiaBoSung | PrimaryCompletion::ChoDanhGiaBoSung => {
            TraceCode::Tt27Supplementary.rule()
        }
        PrimaryCompletion::LenLopTheoQuyetDinh
        | PrimaryCompletion::OLaiLop
        | PrimaryCompletion::ChoQuyetDinhHieuTruong => TraceCode::Tt27PrincipalDecision.rule(),
        PrimaryCompletion::HoanThanh | PrimaryCompletion::ChuaDuDuLieu => {
            TraceCode::Tt27Completion.rule()
        }
    };
    c.code(
        &|| "/stated/tt27/completion".into(),
        &|| "completion".into(),
        st.completion.as_ref(),
        (a.completion != PrimaryCompletion::ChuaDuDuLieu).then_some(a.completion.code()),
        &[
            "hoan_thanh",
            "hoan_thanh_sau_danh_gia_bo_sung",
            "cho_danh_gia_bo_sung",
            "cho_quyet_dinh_hieu_truong",
            "len_lop_theo_quyet_dinh",
            "o_lai_lop",
            "chua_du_du_lieu",
        ],
        (
            "mã hoàn thành chương trình lớp học TT27 (`hoan_thanh`…)",
            "a TT27 completion code (`hoan_thanh`…)",
        ),
        completion_rule,
    );
    let decided = a.completion != PrimaryCompletion::ChuaDuDuLieu;
    optional_code(
        c,
        "/stated/tt27/programme_completed",
        "programme_completed",
        st.programme_completed.as_ref(),
        decided,
        a.programme_completed.map(programme_code),
        &["tieu_hoc"],
        ("`tieu_hoc`", "`tieu_hoc`"),
        TraceCode::Tt27ProgrammeCompleted.rule(),
    );
    let title_rule = match a.title {
        Some(Title::HocSinhTieuBieu) => TraceCode::Tt27TitleTieuBieu.rule(),
        _ => TraceCode::Tt27TitleXuatSac.rule(),
    };
    optional_code(
        c,
        "/stated/tt27/title",
        "title",
        st.title.as_ref(),
        decided,
        a.title.map(Title::code),
        &["hoc_sinh_xuat_sac", "hoc_sinh_tieu_bieu"],
        (
            "mã danh hiệu TT27 (`hoc_sinh_xuat_sac` `hoc_sinh_tieu_bieu`)",
            "a TT27 title (`hoc_sinh_xuat_sac` `hoc_sinh_tieu_bieu`)",
        ),
        title_rule,
    );
}
