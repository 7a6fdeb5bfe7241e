//! The TT22 year page (THCS/THPT): subjects with their semester and year results and the retest column,
//! conduct and learning levels, absences, promotion, awards, the class teacher's comment, signatures.

use std::fmt::Write as _;
use std::str::FromStr;

use hocba_core::record::model::{StatedSecondary, StatedSubject};
use hocba_core::rules::catalogue::Subject;
use hocba_core::Lang;

use super::blocks::{footer, signature_row};
use super::escape::esc;
use super::format::{level, programme, promotion, subject_value, title};
use super::RenderInput;

/// A subject's name from the core's catalogue; an unknown code as written.
pub(super) fn subject_name(code: &str, lang: Lang) -> &str {
    Subject::from_str(code).map_or(code, |s| lang.pick(s.name_vi(), s.name_en()))
}

pub(super) fn page(out: &mut String, input: &RenderInput<'_>, stated: &StatedSecondary) {
    let r = input.record;
    let lang = input.lang;
    out.push_str("<section class=\"page year-page\">\n");
    super::primary::year_head(out, input);

    // Subjects: what the record states, in its order; a subject with data but no stated result keeps
    // its row with empty cells (a draft).
    let mut rows: Vec<StatedSubject> = stated.subjects.clone();
    if let Some(data) = &r.tt22 {
        for s in &data.subjects {
            if !rows.iter().any(|row| row.subject == s.subject) {
                rows.push(StatedSubject {
                    subject: s.subject.clone(),
                    hk1: None,
                    hk2: None,
                    year: None,
                    retest: None,
                });
            }
        }
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table class=\"subjects\">\n<thead>\n<tr><th rowspan=\"2\">{}</th><th colspan=\"3\">{}</th>\
         <th rowspan=\"2\" class=\"retest\">{}</th><th rowspan=\"2\">{}</th></tr>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n</thead>\n<tbody>",
        lang.pick(
            "KẾT QUẢ HỌC TẬP CÁC MÔN HỌC VÀ HOẠT ĐỘNG GIÁO DỤC",
            "RESULTS OF SUBJECTS AND EDUCATIONAL ACTIVITIES"
        ),
        lang.pick("Môn học / Hoạt động giáo dục", "Subject / activity"),
        lang.pick(
            "Điểm trung bình môn hoặc mức đánh giá",
            "Subject average or assessment"
        ),
        lang.pick(
            "Điểm hoặc mức đánh giá lại (nếu có)",
            "Retest score or re-assessment (if any)"
        ),
        lang.pick(
            "Nhận xét (sự tiến bộ, ưu điểm nổi bật, hạn chế chủ yếu) của giáo viên môn học",
            "Subject teacher's comment (progress, strengths, main limitations)"
        ),
        lang.pick("Học kì I", "Semester I"),
        lang.pick("Học kì II", "Semester II"),
        lang.pick("Cả năm", "Year"),
    );
    let value = |v: &Option<String>| {
        v.as_deref()
            .map(|t| subject_value(t, lang))
            .unwrap_or_default()
    };
    for row in &rows {
        let comment = r
            .comments
            .subjects
            .iter()
            .find(|c| c.subject == row.subject);
        let _ = write!(
            out,
            "<tr><td class=\"name\">{}</td><td class=\"v\">{}</td><td class=\"v\">{}</td><td class=\"v\">{}</td>\
             <td class=\"v\">{}</td><td class=\"comment\">",
            esc(subject_name(&row.subject, lang)),
            esc(&value(&row.hk1)),
            esc(&value(&row.hk2)),
            esc(&value(&row.year)),
            esc(&value(&row.retest)),
        );
        if let Some(c) = comment {
            let _ = write!(out, "{}", esc(&c.text));
            if let Some(t) = &c.teacher {
                let _ = write!(out, "<span class=\"teacher\">{}</span>", esc(t));
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");

    // Conduct and learning per term, and after the summer.
    let data = r.tt22.as_ref();
    let conduct = data.map(|d| &d.conduct);
    let lv = |v: Option<&String>| v.map(|t| level(t, lang).into_owned()).unwrap_or_default();
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table class=\"results\">\n<thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        lang.pick("KẾT QUẢ RÈN LUYỆN VÀ HỌC TẬP", "CONDUCT AND LEARNING RESULTS"),
        lang.pick("Học kì I", "Semester I"),
        lang.pick("Học kì II", "Semester II"),
        lang.pick("Cả năm", "Year"),
        lang.pick(
            "Sau rèn luyện hè, kiểm tra, đánh giá lại",
            "After summer training or retests"
        ),
    );
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        lang.pick("Kết quả rèn luyện", "Conduct"),
        esc(&lv(conduct.and_then(|c| c.hk1.as_ref()))),
        esc(&lv(conduct.and_then(|c| c.hk2.as_ref()))),
        esc(&lv(stated.conduct_year.as_ref())),
        esc(&lv(conduct.and_then(|c| c.after_summer.as_ref()))),
    );
    let l = &stated.learning;
    let _ = writeln!(
        out,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n</tbody>\n</table>",
        lang.pick("Kết quả học tập", "Learning"),
        esc(&lv(l.hk1.as_ref())),
        esc(&lv(l.hk2.as_ref())),
        esc(&lv(l.year.as_ref())),
        esc(&lv(l.year_after_retest.as_ref())),
    );

    out.push_str("<div class=\"block facts\">\n");
    if let Some(d) = data {
        let _ = writeln!(
            out,
            "<p><span class=\"label\">{}</span> {}</p>",
            lang.pick(
                "Tổng số buổi nghỉ học cả năm học:",
                "Sessions absent in the year:"
            ),
            d.absences
        );
    }
    let final_grade = matches!(r.grade, 9 | 12);
    let status = stated
        .promotion
        .as_deref()
        .map(|p| promotion(p, final_grade, lang).into_owned())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<p><span class=\"label\">{}</span> {}</p>",
        lang.pick("Xét lên lớp:", "Promotion:"),
        esc(&status)
    );
    if let Some(p) = &stated.programme_completed {
        let _ = writeln!(out, "<p>{}</p>", esc(&programme(p, lang)));
    }
    awards(out, input, stated.title.as_deref(), "");
    class_teacher_comment(out, input);
    out.push_str("</div>\n");
    signature_row(out, input);
    footer(out, input);
    out.push_str("</section>\n");
}

/// "Khen thưởng": the year-end title, then every other award; `number` is the section number of the
/// TT27 form ("5. "), empty on the TT22 form.
pub(super) fn awards(
    out: &mut String,
    input: &RenderInput<'_>,
    year_title: Option<&str>,
    number: &str,
) {
    let lang = input.lang;
    let _ = write!(
        out,
        "<p><span class=\"label\">{number}{}</span> ",
        lang.pick("Khen thưởng:", "Awards:")
    );
    let mut items: Vec<String> = Vec::new();
    if let Some(t) = year_title {
        items.push(esc(&title(t, lang)).to_string());
    }
    for a in &input.record.awards {
        let mut item = esc(&a.name).to_string();
        let extra: Vec<String> = [a.issuer.as_deref(), a.date.as_deref()]
            .into_iter()
            .flatten()
            .map(|x| esc(&super::format::date(x)).to_string())
            .collect();
        if !extra.is_empty() {
            let _ = write!(item, " ({})", extra.join(", "));
        }
        items.push(item);
    }
    if items.is_empty() {
        out.push('—');
    } else {
        out.push_str(&items.join("; "));
    }
    out.push_str("</p>\n");
}

/// "Nhận xét của giáo viên chủ nhiệm".
pub(super) fn class_teacher_comment(out: &mut String, input: &RenderInput<'_>) {
    let lang = input.lang;
    let _ = writeln!(
        out,
        "<p><span class=\"label\">{}</span> {}</p>",
        lang.pick(
            "Nhận xét của giáo viên chủ nhiệm:",
            "Class teacher's comment:"
        ),
        esc(input
            .record
            .comments
            .class_teacher
            .as_deref()
            .unwrap_or("—"))
    );
}
