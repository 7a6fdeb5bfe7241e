//! TT22 (grades 6–12): the subject table HK I / HK II / Cả năm (and the summer retest), the year's
//! learning and conduct levels, promotion, title, absences.

use alloc::string::String;
use alloc::vec::Vec;

use super::format::{
    coded, count, programme_name, programme_order, promotion_name, subject_name, title_name,
    tt22_cell,
};
use super::model::{RecordDisplay, SubjectDisplay};
use crate::levels::Level;
use crate::record::model::{Record, StatedSecondary, StatedSubject};
use crate::Lang;

fn level_name(code: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    Level::parse(code).map(|l| (l.code(), l.label(lang)))
}

pub(super) fn fill(d: &mut RecordDisplay, record: &Record, stated: &StatedSecondary, lang: Lang) {
    let with_retest = stated.subjects.iter().any(|s| s.retest.is_some());
    d.subject_columns = alloc::vec![
        lang.pick("Môn học và hoạt động giáo dục", "Subject or activity")
            .into(),
        lang.pick("Học kì I", "Semester I").into(),
        lang.pick("Học kì II", "Semester II").into(),
        lang.pick("Cả năm", "Year").into(),
    ];
    if with_retest {
        d.subject_columns
            .push(lang.pick("Kiểm tra, đánh giá lại", "Retest").into());
    }

    // The stated subjects, and any subject of the assessment data the record does not state (a draft).
    let mut codes: Vec<String> = stated.subjects.iter().map(|s| s.subject.clone()).collect();
    if let Some(raw) = &record.tt22 {
        codes.extend(raw.subjects.iter().map(|s| s.subject.clone()));
    }
    let cell = |v: &Option<String>| v.as_deref().map(|t| tt22_cell(t, lang)).unwrap_or_default();
    for code in programme_order(codes, record.grade) {
        let s: Option<&StatedSubject> = stated.subjects.iter().find(|s| s.subject == code);
        let mut cells = alloc::vec![
            s.map(|s| cell(&s.hk1)).unwrap_or_default(),
            s.map(|s| cell(&s.hk2)).unwrap_or_default(),
            s.map(|s| cell(&s.year)).unwrap_or_default(),
        ];
        if with_retest {
            cells.push(s.map(|s| cell(&s.retest)).unwrap_or_default());
        }
        d.subjects.push(SubjectDisplay {
            name: subject_name(&code, lang),
            code,
            cells,
        });
    }

    // The level of record is the one after the summer retests when there is one.
    let learning = stated
        .learning
        .year_after_retest
        .as_deref()
        .or(stated.learning.year.as_deref());
    d.learning = learning.map(|c| {
        coded(
            lang.pick("Kết quả học tập cả năm", "Learning result (year)"),
            c,
            level_name(c, lang),
        )
    });
    // Conduct after summer training (Điều 13) replaces the year's when the record has it.
    let conduct = record
        .tt22
        .as_ref()
        .and_then(|raw| raw.conduct.after_summer.as_deref())
        .or(stated.conduct_year.as_deref());
    d.conduct = conduct.map(|c| {
        coded(
            lang.pick("Kết quả rèn luyện cả năm", "Conduct (year)"),
            c,
            level_name(c, lang),
        )
    });
    d.promotion = stated.promotion.as_deref().map(|c| {
        coded(
            lang.pick("Lên lớp", "Promotion"),
            c,
            promotion_name(c, lang, record.grade),
        )
    });
    d.programme_completed = stated.programme_completed.as_deref().map(|c| {
        coded(
            lang.pick("Hoàn thành chương trình", "Programme"),
            c,
            programme_name(c, lang),
        )
    });
    d.title = stated
        .title
        .as_deref()
        .map(|c| coded(lang.pick("Danh hiệu", "Title"), c, title_name(c, lang)));
    d.absences = record.tt22.as_ref().map(|raw| {
        super::format::field(
            lang.pick("Số buổi nghỉ", "Sessions absent"),
            count(raw.absences),
        )
    });
}
