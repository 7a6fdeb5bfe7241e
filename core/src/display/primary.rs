//! TT27 (grades 1–5): the subject table with the end-of-year level (T/H/C) and test score, the
//! educational result, completion, title, and the end-of-year level of each quality and competence.

use alloc::string::String;
use alloc::vec::Vec;

use super::format::{
    coded, completion_name, programme_name, programme_order, subject_name, test_cell, title_name,
};
use super::model::{DisplayField, RecordDisplay, SubjectDisplay};
use crate::assess::raw::RawTrait;
use crate::levels::{PrimaryResult, SubjectLevel, TraitLevel};
use crate::record::model::{Record, StatedPrimary};
use crate::rules::catalogue::{Competence, Quality};
use crate::Lang;

/// A level as printed: "T"/"H"/"C" in Vietnamese (the học bạ's abbreviations), words in English.
fn subject_level(text: &str, lang: Lang) -> String {
    match (SubjectLevel::parse(text), lang) {
        (Some(l), Lang::Vi) => l.short_vi().into(),
        (Some(l), Lang::En) => l.label_en().into(),
        (None, _) => text.into(),
    }
}

fn traits<T: Copy>(
    raw: &[RawTrait],
    all: &[T],
    code: impl Fn(T) -> &'static str,
    name: impl Fn(T) -> &'static str,
    lang: Lang,
) -> Vec<DisplayField> {
    // In the order of the học bạ; codes the catalogue does not know after, as written.
    let known = all.iter().filter_map(|t| {
        raw.iter()
            .find(|r| r.code == code(*t))
            .map(|r| (String::from(name(*t)), r))
    });
    let unknown = raw
        .iter()
        .filter(|r| !all.iter().any(|t| code(*t) == r.code))
        .map(|r| (r.code.clone(), r));
    known
        .chain(unknown)
        .map(|(label, r)| match r.cn.as_deref() {
            Some(level) => coded(
                &label,
                level,
                TraitLevel::parse(level).map(|l| (l.code(), l.label(lang))),
            ),
            None => super::format::field(&label, String::new()),
        })
        .collect()
}

pub(super) fn fill(d: &mut RecordDisplay, record: &Record, stated: &StatedPrimary, lang: Lang) {
    d.subject_columns = alloc::vec![
        lang.pick("Môn học và hoạt động giáo dục", "Subject or activity")
            .into(),
        lang.pick("Mức đạt được", "Level").into(),
        lang.pick("Điểm KTĐK", "Test score").into(),
    ];
    let raw = record.tt27.as_ref();
    let mut codes: Vec<String> = raw
        .map(|r| r.subjects.iter().map(|s| s.subject.clone()).collect())
        .unwrap_or_default();
    codes.extend(stated.subjects.iter().map(|s| s.subject.clone()));
    for code in programme_order(codes, record.grade) {
        let level = raw
            .and_then(|r| r.subjects.iter().find(|s| s.subject == code))
            .and_then(|s| s.cn.as_ref())
            .map(|m| subject_level(&m.level, lang))
            .unwrap_or_default();
        let test = stated
            .subjects
            .iter()
            .find(|s| s.subject == code)
            .map(|s| test_cell(&s.test, lang))
            .unwrap_or_default();
        d.subjects.push(SubjectDisplay {
            name: subject_name(&code, lang),
            code,
            cells: alloc::vec![level, test],
        });
    }
    d.learning = stated.result.as_deref().map(|c| {
        coded(
            lang.pick("Kết quả giáo dục", "Educational result"),
            c,
            PrimaryResult::parse(c).map(|r| (r.code(), r.label(lang))),
        )
    });
    d.promotion = stated.completion.as_deref().map(|c| {
        coded(
            lang.pick("Hoàn thành chương trình lớp học", "Completion of the grade"),
            c,
            completion_name(c, lang),
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
    if let Some(raw) = raw {
        let pick = |vi: &'static str, en: &'static str| lang.pick(vi, en);
        d.qualities = traits(
            &raw.qualities,
            Quality::ALL,
            Quality::code,
            |q| pick(q.name_vi(), q.name_en()),
            lang,
        );
        d.competences = traits(
            &raw.competences,
            Competence::ALL,
            Competence::code,
            |c| pick(c.name_vi(), c.name_en()),
            lang,
        );
    }
}
