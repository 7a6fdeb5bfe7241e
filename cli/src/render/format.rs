//! How values of a record are printed: dates, signing times, scores with a decimal comma, and the
//! record's stated codes turned into the core's own labels (`hocba_core::levels`,
//! `hocba_core::assess::output`). A code the core does not know is printed as it is written.

use std::borrow::Cow;

use hocba_core::assess::output::{
    PrimaryCompletion, Programme, PromotionStatus, SubjectValue, Title,
};
use hocba_core::levels::{Level, Pass, PrimaryResult, SubjectLevel, TraitLevel};
use hocba_core::time::{civil_from_days, UnixTime, VIETNAM_OFFSET_SECONDS};
use hocba_core::{Lang, Score};

const SECONDS_PER_DAY: i64 = 86_400;

/// `2009-03-14` → `14/03/2009`; anything else as written.
pub fn date(text: &str) -> Cow<'_, str> {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            Cow::Owned(format!("{d}/{m}/{y}"))
        }
        _ => Cow::Borrowed(text),
    }
}

/// The civil date and minutes of an instant in Vietnam (UTC+7, no daylight saving).
fn vietnam_parts(t: UnixTime) -> (i32, u8, u8, i64, i64) {
    let local = t.0.saturating_add(VIETNAM_OFFSET_SECONDS);
    let d = civil_from_days(local.div_euclid(SECONDS_PER_DAY));
    let secs = local.rem_euclid(SECONDS_PER_DAY);
    (d.year, d.month, d.day, secs / 3600, (secs % 3600) / 60)
}

/// A signing time in Vietnam time: `31/05/2025 17:05`.
pub fn vietnam_time(t: UnixTime) -> String {
    let (y, m, d, hh, mm) = vietnam_parts(t);
    format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02}")
}

/// The date line of a signature block: `ngày 31 tháng 5 năm 2025`, written as administrative documents
/// write dates (Nghị định 30/2020/NĐ-CP Phụ lục I: a zero before days below 10 and months 1 and 2, e.g.
/// `ngày 04 tháng 02 năm 2025`).
pub fn date_line(t: UnixTime, lang: Lang) -> String {
    let (y, m, d, _, _) = vietnam_parts(t);
    match lang {
        Lang::Vi if m <= 2 => format!("ngày {d:02} tháng {m:02} năm {y}"),
        Lang::Vi => format!("ngày {d:02} tháng {m} năm {y}"),
        Lang::En => format!("{d:02}/{m:02}/{y}"),
    }
}

/// A stated TT22 subject value (`"8.3"`, `dat`, `chua_dat`) as the học bạ prints it: `8,3`, `Đ`, `CĐ`
/// (English: `8.3`, the core's English abbreviation).
pub fn subject_value(text: &str, lang: Lang) -> String {
    if let Ok(score) = Score::parse(text) {
        return SubjectValue::Average(score).display(lang);
    }
    match Pass::parse(text) {
        Some(pass) => SubjectValue::Comment(pass).display(lang),
        None => text.to_string(),
    }
}

/// A TT22 level code (`tot`…`chua_dat`) as its label (`Tốt`…`Chưa đạt`).
pub fn level(text: &str, lang: Lang) -> Cow<'_, str> {
    Level::parse(text).map_or(Cow::Borrowed(text), |l| Cow::Borrowed(l.label(lang)))
}

/// A TT27 subject level as its letter (`T`, `H`, `C`).
pub fn subject_level(text: &str) -> Cow<'_, str> {
    SubjectLevel::parse(text).map_or(Cow::Borrowed(text), |l| Cow::Borrowed(l.short_vi()))
}

/// A TT27 quality or competence level as its letter (`T`, `Đ`, `C`).
pub fn trait_level(text: &str) -> Cow<'_, str> {
    TraitLevel::parse(text).map_or(Cow::Borrowed(text), |l| Cow::Borrowed(l.short_vi()))
}

/// A TT27 year result code as its label.
pub fn primary_result(text: &str, lang: Lang) -> Cow<'_, str> {
    PrimaryResult::parse(text).map_or(Cow::Borrowed(text), |r| Cow::Borrowed(r.label(lang)))
}

/// A TT22 promotion code as its label; grades 9 and 12 complete the programme instead.
pub fn promotion<'a>(text: &'a str, final_grade: bool, lang: Lang) -> Cow<'a, str> {
    PromotionStatus::from_code(text).map_or(Cow::Borrowed(text), |s| {
        Cow::Borrowed(s.label(lang, final_grade))
    })
}

/// A TT27 completion code as its label.
pub fn primary_completion(text: &str, lang: Lang) -> Cow<'_, str> {
    PrimaryCompletion::from_code(text).map_or(Cow::Borrowed(text), |c| Cow::Borrowed(c.label(lang)))
}

/// A title code as the certificate writes it.
pub fn title(text: &str, lang: Lang) -> Cow<'_, str> {
    Title::from_code(text).map_or(Cow::Borrowed(text), |t| Cow::Borrowed(t.label(lang)))
}

/// A programme code (`tieu_hoc`, `thcs`, `thpt`: the serde names of [`Programme`]) as its label.
pub fn programme(text: &str, lang: Lang) -> Cow<'_, str> {
    let p = match text {
        "tieu_hoc" => Programme::TieuHoc,
        "thcs" => Programme::Thcs,
        "thpt" => Programme::Thpt,
        _ => return Cow::Borrowed(text),
    };
    Cow::Borrowed(p.label(lang))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_and_comment_letters() {
        assert_eq!(subject_value("8.3", Lang::Vi), "8,3");
        assert_eq!(subject_value("10.0", Lang::Vi), "10,0");
        assert_eq!(subject_value("8.3", Lang::En), "8.3");
        assert_eq!(subject_value("dat", Lang::Vi), "Đ");
        assert_eq!(subject_value("chua_dat", Lang::Vi), "CĐ");
        assert_eq!(subject_value("8.35", Lang::Vi), "8.35");
    }

    #[test]
    fn vietnam_time_is_utc_plus_7() {
        // 2025-05-31T10:05:00Z is 17:05 in Hà Nội; 20:00Z rolls over to the next day.
        let t = UnixTime::parse_rfc3339("2025-05-31T10:05:00Z").unwrap();
        assert_eq!(vietnam_time(t), "31/05/2025 17:05");
        let t = UnixTime::parse_rfc3339("2025-05-31T20:00:00Z").unwrap();
        assert_eq!(vietnam_time(t), "01/06/2025 03:00");
        assert_eq!(date_line(t, Lang::Vi), "ngày 01 tháng 6 năm 2025");
        let t = UnixTime::parse_rfc3339("2025-02-14T08:00:00+07:00").unwrap();
        assert_eq!(date_line(t, Lang::Vi), "ngày 14 tháng 02 năm 2025");
    }

    #[test]
    fn codes_become_the_core_labels() {
        assert_eq!(promotion("len_lop", false, Lang::Vi), "Được lên lớp");
        assert_eq!(
            promotion("len_lop", true, Lang::Vi),
            "Hoàn thành chương trình"
        );
        assert_eq!(promotion("??", false, Lang::Vi), "??");
        assert_eq!(title("hoc_sinh_xuat_sac", Lang::Vi), "Học sinh Xuất sắc");
        assert_eq!(level("kha", Lang::Vi), "Khá");
        assert_eq!(subject_level("hoan_thanh_tot"), "T");
        assert_eq!(trait_level("dat"), "Đ");
        assert_eq!(date("2009-03-14"), "14/03/2009");
        assert_eq!(
            programme("thpt", Lang::Vi),
            "Hoàn thành chương trình trung học phổ thông"
        );
    }
}
