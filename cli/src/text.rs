//! Text rendering of assessments: what a class teacher reads.

use std::fmt::Write as _;

use hocba_core::assess::input::{PrimaryMark, TimePoints};
use hocba_core::assess::output::{
    LevelOutcome, PrimaryAssessment, RegimeAssessment, SecondaryAssessment,
};
use hocba_core::levels::Level;
use hocba_core::trace::Term;
use hocba_core::{AssessErrors, Assessment, Lang};

/// Pads `s` to `width` characters (not bytes: Vietnamese letters are multi-byte).
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(n)));
    out
}

fn level_text(l: Option<LevelOutcome>, lang: Lang) -> String {
    match l {
        None => "—".into(),
        Some(o) if o.adjusted_for.is_some() => format!(
            "{} ({} {})",
            o.level.label(lang),
            lang.pick("điều chỉnh từ", "adjusted from"),
            o.computed.label(lang)
        ),
        Some(o) => o.level.label(lang).into(),
    }
}

fn conduct_text(l: Option<Level>, lang: Lang) -> &'static str {
    l.map_or("—", |l| l.label(lang))
}

/// Removes the padding left at line ends.
pub fn trim_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Full detail of one assessment.
pub fn assessment(a: &Assessment, lang: Lang, explain: bool) -> String {
    let mut out = String::new();
    let name = a.student.full_name.as_deref().unwrap_or("");
    let _ = writeln!(
        out,
        "{} {name} ({}) — {} {}, {} {}",
        lang.pick("Học sinh:", "Student:"),
        a.student.id,
        lang.pick("lớp", "grade"),
        a.ruleset.grade.number(),
        lang.pick("năm học", "school year"),
        a.ruleset.school_year
    );
    let _ = writeln!(
        out,
        "{} {} ({})\n",
        lang.pick("Quy định:", "Rules:"),
        a.ruleset.regime.title(),
        a.ruleset.id
    );
    match &a.result {
        RegimeAssessment::Tt22(s) => secondary(&mut out, s, a.ruleset.grade.number(), lang),
        RegimeAssessment::Tt27(p) => primary(&mut out, p, lang),
    }
    if explain {
        let _ = writeln!(out, "\n{}", lang.pick("Giải thích:", "Explanation:"));
        for step in &a.trace {
            let _ = writeln!(
                out,
                "  {} [{}] {}",
                if step.held { "✓" } else { "✗" },
                step.code.as_str(),
                step.message(lang)
            );
            let _ = writeln!(out, "      {}", step.code.rule());
        }
    }
    trim_lines(&out)
}

fn secondary(out: &mut String, s: &SecondaryAssessment, grade: u8, lang: Lang) {
    let _ = writeln!(
        out,
        "{}{}{}{}{}",
        pad(lang.pick("Môn học", "Subject"), 40),
        pad(lang.pick("HK I", "Sem I"), 8),
        pad(lang.pick("HK II", "Sem II"), 8),
        pad(lang.pick("Cả năm", "Year"), 8),
        lang.pick("Đánh giá lại", "Retest")
    );
    for r in &s.subjects {
        let v = |x: Option<hocba_core::assess::output::SubjectValue>| {
            x.map_or("—".to_string(), |v| v.display(lang))
        };
        let name = lang.pick(r.subject.name_vi(), r.subject.name_en());
        let _ = writeln!(
            out,
            "{}{}{}{}{}",
            pad(name, 40),
            pad(&v(r.hk1), 8),
            pad(&v(r.hk2), 8),
            pad(&v(r.year), 8),
            r.retest.map_or(String::new(), |x| x.display(lang))
        );
    }
    let l = &s.learning;
    let _ = writeln!(
        out,
        "\n{} {} {} · {} {} · {} {}",
        pad(lang.pick("Kết quả học tập:", "Learning result:"), 20),
        lang.pick("HK I", "Sem I"),
        level_text(l.hk1, lang),
        lang.pick("HK II", "Sem II"),
        level_text(l.hk2, lang),
        lang.pick("Cả năm", "Year"),
        level_text(l.year, lang)
    );
    if let Some(after) = l.year_after_retest {
        let _ = writeln!(
            out,
            "{} {}",
            pad(lang.pick("Sau đánh giá lại:", "After retests:"), 20),
            level_text(Some(after), lang)
        );
    }
    let c = &s.conduct;
    let _ = writeln!(
        out,
        "{} {} {} · {} {} · {} {}",
        pad(lang.pick("Kết quả rèn luyện:", "Conduct:"), 20),
        lang.pick("HK I", "Sem I"),
        conduct_text(c.hk1, lang),
        lang.pick("HK II", "Sem II"),
        conduct_text(c.hk2, lang),
        lang.pick("Cả năm", "Year"),
        conduct_text(c.year, lang)
    );
    if let Some(after) = c.after_summer_training {
        let _ = writeln!(
            out,
            "{} {}",
            pad(lang.pick("Sau rèn luyện hè:", "After summer:"), 20),
            after.label(lang)
        );
    }
    let _ = writeln!(
        out,
        "{} {}",
        pad(lang.pick("Số buổi nghỉ:", "Sessions absent:"), 20),
        s.absences
    );
    let final_grade = matches!(grade, 9 | 12);
    let mut status = s.promotion.status.label(lang, final_grade).to_string();
    if let Some(reason) = s.promotion.reason {
        let _ = write!(status, " ({})", reason.label(lang));
    }
    if !s.promotion.retest_subjects.is_empty() {
        let names: Vec<_> = s
            .promotion
            .retest_subjects
            .iter()
            .map(|x| lang.pick(x.name_vi(), x.name_en()))
            .collect();
        let _ = write!(
            status,
            " — {} {}",
            lang.pick("môn:", "subjects:"),
            names.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "{} {status}",
        pad(lang.pick("Lên lớp:", "Promotion:"), 20)
    );
    if let Some(p) = s.completion {
        let _ = writeln!(out, "{} {}", pad("", 20), p.label(lang));
    }
    let _ = writeln!(
        out,
        "{} {}",
        pad(lang.pick("Khen thưởng:", "Title:"), 20),
        s.title.map_or("—", |t| t.label(lang))
    );
}

fn mark_text(m: Option<PrimaryMark>) -> String {
    match m {
        None => "—".into(),
        Some(PrimaryMark { level, test: None }) => level.short_vi().into(),
        Some(PrimaryMark {
            level,
            test: Some(t),
        }) => format!("{} {}", level.short_vi(), t.score),
    }
}

fn primary(out: &mut String, p: &PrimaryAssessment, lang: Lang) {
    let terms = [Term::Ghk1, Term::Chk1, Term::Ghk2, Term::Cn];
    let name = |vi: &'static str, en: &'static str| lang.pick(vi, en).chars().count();
    let width = 2 + p
        .subjects
        .iter()
        .map(|s| name(s.subject.name_vi(), s.subject.name_en()))
        .chain(
            p.qualities
                .iter()
                .map(|q| name(q.which.name_vi(), q.which.name_en())),
        )
        .chain(
            p.competences
                .iter()
                .map(|k| name(k.which.name_vi(), k.which.name_en())),
        )
        .max()
        .unwrap_or(28);
    let mut header = pad(
        lang.pick("Môn học và hoạt động", "Subject or activity"),
        width,
    );
    for t in terms {
        header.push_str(&pad(t.label(lang), 19));
    }
    let _ = writeln!(out, "{header}");
    let row = |name: &str, cells: [String; 4]| {
        let mut line = pad(name, width);
        for c in cells {
            line.push_str(&pad(&c, 19));
        }
        line
    };
    for s in &p.subjects {
        let m: TimePoints<PrimaryMark> = s.marks;
        let _ = writeln!(
            out,
            "{}",
            row(
                lang.pick(s.subject.name_vi(), s.subject.name_en()),
                [
                    mark_text(m.ghk1),
                    mark_text(m.chk1),
                    mark_text(m.ghk2),
                    mark_text(m.cn)
                ]
            )
        );
    }
    let trait_cells = |l: TimePoints<hocba_core::levels::TraitLevel>| {
        [l.ghk1, l.chk1, l.ghk2, l.cn]
            .map(|x| x.map_or("—".to_string(), |x| x.short_vi().to_string()))
    };
    let _ = writeln!(out, "\n{}", lang.pick("Phẩm chất chủ yếu", "Qualities"));
    for q in &p.qualities {
        let _ = writeln!(
            out,
            "{}",
            row(
                lang.pick(q.which.name_vi(), q.which.name_en()),
                trait_cells(q.levels)
            )
        );
    }
    let _ = writeln!(out, "\n{}", lang.pick("Năng lực cốt lõi", "Competences"));
    for k in &p.competences {
        let _ = writeln!(
            out,
            "{}",
            row(
                lang.pick(k.which.name_vi(), k.which.name_en()),
                trait_cells(k.levels)
            )
        );
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        pad(lang.pick("Kết quả giáo dục:", "Educational result:"), 22),
        p.result.map_or("—", |r| r.label(lang))
    );
    let _ = writeln!(
        out,
        "{} {}",
        pad(lang.pick("Hoàn thành:", "Completion:"), 22),
        p.completion.label(lang)
    );
    if let Some(prog) = p.programme_completed {
        let _ = writeln!(out, "{} {}", pad("", 22), prog.label(lang));
    }
    let _ = writeln!(
        out,
        "{} {}",
        pad(lang.pick("Khen thưởng:", "Title:"), 22),
        p.title.map_or("—", |t| t.label(lang))
    );
}

/// One line per student for a class.
pub fn class_row(index: usize, a: &Assessment, lang: Lang) -> String {
    let name = a.student.full_name.as_deref().unwrap_or("");
    let head = format!(
        "{}{}{}",
        pad(&format!("{}", index + 1), 5),
        pad(&a.student.id, 18),
        pad(name, 28)
    );
    match &a.result {
        RegimeAssessment::Tt22(s) => {
            let lvl = |o: Option<LevelOutcome>| o.map_or("—", |o| o.level.short_vi());
            let final_grade = matches!(a.ruleset.grade.number(), 9 | 12);
            format!(
                "{head}{}{}{}{}{}{}",
                pad(lvl(s.learning.hk1), 6),
                pad(lvl(s.learning.hk2), 6),
                pad(lvl(s.learning.year), 7),
                pad(s.conduct.year.map_or("—", Level::short_vi), 6),
                pad(s.promotion.status.label(lang, final_grade), 52),
                s.title.map_or("", |t| t.label(lang))
            )
        }
        RegimeAssessment::Tt27(p) => format!(
            "{head}{}{}{}",
            pad(p.result.map_or("—", |r| r.short_vi()), 7),
            pad(p.completion.label(lang), 44),
            p.title.map_or("", |t| t.label(lang))
        ),
    }
}

/// The header line of a class table.
pub fn class_header(tt22: bool, lang: Lang) -> String {
    let head = format!(
        "{}{}{}",
        pad(lang.pick("STT", "No."), 5),
        pad(lang.pick("Mã học sinh", "Student id"), 18),
        pad(lang.pick("Họ và tên", "Full name"), 28)
    );
    if tt22 {
        format!(
            "{head}{}{}{}{}{}{}",
            pad(lang.pick("HK I", "S I"), 6),
            pad(lang.pick("HK II", "S II"), 6),
            pad(lang.pick("Cả năm", "Year"), 7),
            pad(lang.pick("RL", "Cond"), 6),
            pad(lang.pick("Lên lớp", "Promotion"), 52),
            lang.pick("Khen thưởng", "Title")
        )
    } else {
        format!(
            "{head}{}{}{}",
            pad(lang.pick("KQGD", "Result"), 7),
            pad(lang.pick("Hoàn thành", "Completion"), 44),
            lang.pick("Khen thưởng", "Title")
        )
    }
}

/// Every problem of an input, one per line, with its pointer.
pub fn errors(errors: &AssessErrors, lang: Lang) -> String {
    let mut out = String::new();
    for e in errors.as_slice() {
        let _ = writeln!(out, "  ✗ [{}] {}", e.code(), e.message(lang));
    }
    out
}
