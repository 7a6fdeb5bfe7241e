//! Turning the record's codes and numbers into the words and figures people read.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::model::DisplayField;
use crate::assess::output::{PrimaryCompletion, Programme, PromotionStatus, SubjectValue, Title};
use crate::levels::Pass;
use crate::rules::catalogue::{primary_subjects, secondary_subjects, Subject};
use crate::school_year::Grade;
use crate::score::Score;
use crate::Lang;

/// A field of free text.
pub(super) fn field(label: &str, value: String) -> DisplayField {
    DisplayField {
        label: label.into(),
        value,
        code: None,
    }
}

/// A field whose value is a coded result: `known` is its stable code and name when the vocabulary knows
/// the text (which may be a spelling such as "T" or "Đ"); otherwise the text is shown and kept as written.
pub(super) fn coded(label: &str, text: &str, known: Option<(&str, &str)>) -> DisplayField {
    let (code, value) = known.unwrap_or((text, text));
    DisplayField {
        label: label.into(),
        value: value.into(),
        code: Some(code.into()),
    }
}

/// `YYYY-MM-DD` → `dd/mm/yyyy`, as Vietnamese documents write dates; anything else as written.
pub(super) fn date_dmy(iso: &str) -> String {
    let b = iso.as_bytes();
    let digits = |r: core::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
    {
        alloc::format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
    } else {
        iso.into()
    }
}

/// A TT22 subject result as printed: "8,3" / "Đ" / "CĐ" in Vietnamese, "8.3" / "P" / "NP" in English.
pub(super) fn tt22_cell(text: &str, lang: Lang) -> String {
    if let Ok(score) = Score::parse(text) {
        return SubjectValue::Average(score).display(lang);
    }
    match Pass::parse(text) {
        Some(pass) => SubjectValue::Comment(pass).display(lang),
        None => text.into(),
    }
}

/// A whole-number test score (TT27) as written; a decimal one with the language's separator.
pub(super) fn test_cell(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text.into(),
    }
}

/// The grade of a record, when it is one.
pub(super) fn grade_of(number: i64) -> Option<Grade> {
    u8::try_from(number).ok().and_then(Grade::new)
}

/// Grades that end a programme: promotion reads "completed" there.
pub(super) fn is_final_grade(grade: i64) -> bool {
    matches!(grade, 5 | 9 | 12)
}

/// The subject's name in `lang`, or its code when the catalogue does not know it.
pub(super) fn subject_name(code: &str, lang: Lang) -> String {
    match code.parse::<Subject>() {
        Ok(s) => lang.pick(s.name_vi(), s.name_en()).into(),
        Err(_) => code.into(),
    }
}

/// Sorts subject codes in the order of the grade's programme, then the catalogue's, then unknown codes
/// as they came; each code once.
pub(super) fn programme_order(codes: Vec<String>, grade: i64) -> Vec<String> {
    let programme: Vec<Subject> = match grade_of(grade) {
        Some(g) if grade >= 6 => secondary_subjects(g).iter().map(|s| s.subject).collect(),
        Some(g) => primary_subjects(g).iter().map(|s| s.subject).collect(),
        None => Vec::new(),
    };
    let rank = |code: &str| -> (usize, usize) {
        match code.parse::<Subject>() {
            Ok(s) => match programme.iter().position(|p| *p == s) {
                Some(i) => (0, i),
                None => (1, Subject::ALL.iter().position(|a| *a == s).unwrap_or(0)),
            },
            Err(_) => (2, 0),
        }
    };
    let mut unique: Vec<String> = Vec::with_capacity(codes.len());
    for c in codes {
        if !unique.contains(&c) {
            unique.push(c);
        }
    }
    // Stable sort: unknown codes keep their order.
    unique.sort_by_key(|c| rank(c));
    unique
}

const PROGRAMMES: [(Programme, &str); 3] = [
    (Programme::TieuHoc, "tieu_hoc"),
    (Programme::Thcs, "thcs"),
    (Programme::Thpt, "thpt"),
];

/// TT22 promotion status, worded for the grade.
pub(super) fn promotion_name(
    code: &str,
    lang: Lang,
    grade: i64,
) -> Option<(&'static str, &'static str)> {
    PromotionStatus::from_code(code).map(|s| (s.code(), s.label(lang, is_final_grade(grade))))
}

/// TT27 completion of the grade.
pub(super) fn completion_name(code: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    PrimaryCompletion::from_code(code).map(|c| (c.code(), c.label(lang)))
}

/// Year-end title.
pub(super) fn title_name(code: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    Title::from_code(code).map(|t| (t.code(), t.label(lang)))
}

/// Programme completed.
pub(super) fn programme_name(code: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    PROGRAMMES
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(p, c)| (*c, p.label(lang)))
}

/// A number of sessions, as written.
pub(super) fn count(n: i64) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_day_month_year_and_odd_text_stays() {
        assert_eq!(date_dmy("2009-03-14"), "14/03/2009");
        assert_eq!(date_dmy("14/03/2009"), "14/03/2009");
        assert_eq!(date_dmy("2009-3-14"), "2009-3-14");
        assert_eq!(date_dmy("20é9-03-14"), "20é9-03-14");
    }

    #[test]
    fn tt22_cells_use_the_decimal_comma_and_d_cd_in_vietnamese() {
        assert_eq!(tt22_cell("8.3", Lang::Vi), "8,3");
        assert_eq!(tt22_cell("10.0", Lang::Vi), "10,0");
        assert_eq!(tt22_cell("8.3", Lang::En), "8.3");
        assert_eq!(tt22_cell("dat", Lang::Vi), "Đ");
        assert_eq!(tt22_cell("chua_dat", Lang::Vi), "CĐ");
        assert_eq!(tt22_cell("chua_dat", Lang::En), "NP");
        assert_eq!(tt22_cell("??", Lang::Vi), "??");
    }

    #[test]
    fn every_code_the_engine_writes_has_a_name() {
        for s in PromotionStatus::ALL {
            assert!(promotion_name(s.code(), Lang::Vi, 10).is_some());
        }
        for c in PrimaryCompletion::ALL {
            assert!(completion_name(c.code(), Lang::En).is_some());
        }
        assert_eq!(
            promotion_name("len_lop", Lang::Vi, 12),
            Some(("len_lop", "Hoàn thành chương trình"))
        );
        assert_eq!(promotion_name("nope", Lang::Vi, 10), None);
        assert_eq!(
            programme_name("thpt", Lang::Vi),
            Some(("thpt", "Hoàn thành chương trình trung học phổ thông"))
        );
    }

    #[test]
    fn subjects_follow_the_programme_then_the_catalogue() {
        let codes = ["gdtc", "zzz", "toan", "ngu_van", "toan", "lich_su"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            programme_order(codes, 10),
            ["ngu_van", "toan", "lich_su", "gdtc", "zzz"]
                .map(String::from)
                .to_vec()
        );
    }
}
