//! The TT27 year page (primary): subjects and activities with their level (T/H/C), end-of-year test score
//! and comment; qualities and competences (T/Đ/C) with comments; the educational result, awards,
//! completion, the class teacher's comment and signatures. Also the year header every year page shares.

use std::fmt::Write as _;
use std::str::FromStr;

use hocba_core::assess::raw::RawTrait;
use hocba_core::record::model::{StatedPrimary, TraitComment};
use hocba_core::rules::catalogue::{Competence, Quality};
use hocba_core::Lang;

use super::blocks::{footer, signature_row};
use super::escape::esc;
use super::format::{primary_completion, primary_result, programme, subject_level, trait_level};
use super::secondary::{awards, class_teacher_comment, subject_name};
use super::RenderInput;

/// Name, class, school year and school at the top of a year page, with the QR code when there is one.
pub(super) fn year_head(out: &mut String, input: &RenderInput<'_>) {
    let r = input.record;
    let lang = input.lang;
    out.push_str("<div class=\"year-head\">\n<div class=\"who\">\n");
    let rows = [
        (
            lang.pick("Họ và tên", "Full name"),
            r.student.full_name.as_str(),
        ),
        (lang.pick("Lớp", "Class"), r.class.name.as_str()),
        (lang.pick("Năm học", "School year"), r.school_year.as_str()),
        (lang.pick("Trường", "School"), r.school.name.as_str()),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "<p>{label}: <b>{}</b></p>", esc(value));
    }
    out.push_str("</div>\n");
    if let Some(qr) = input.qr {
        let _ = writeln!(
            out,
            "<figure class=\"qr\"><img alt=\"{}\" src=\"{}\"><figcaption>{}</figcaption></figure>",
            lang.pick("Mã QR kiểm tra hồ sơ", "Verification QR code"),
            qr.data_uri,
            lang.pick(
                "Quét mã để đối chiếu bản in với hồ sơ số",
                "Scan to check this printout against the digital record"
            ),
        );
    }
    out.push_str("</div>\n");
}

pub(super) fn page(out: &mut String, input: &RenderInput<'_>, stated: &StatedPrimary) {
    let r = input.record;
    let lang = input.lang;
    out.push_str("<section class=\"page year-page\">\n");
    year_head(out, input);
    let data = r.tt27.as_ref();

    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table class=\"subjects\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        lang.pick(
            "1. Các môn học và hoạt động giáo dục",
            "1. Subjects and educational activities"
        ),
        lang.pick("Môn học và hoạt động giáo dục", "Subject or activity"),
        lang.pick("Mức đạt được", "Level"),
        lang.pick("Điểm KTĐK", "Test score"),
        lang.pick("Nhận xét", "Comment"),
    );
    for s in data.map(|d| d.subjects.as_slice()).unwrap_or_default() {
        let level =
            s.cn.as_ref()
                .map(|m| subject_level(&m.level).into_owned())
                .unwrap_or_default();
        let test = stated
            .subjects
            .iter()
            .find(|t| t.subject == s.subject)
            .map(|t| t.test.as_str())
            .unwrap_or_default();
        let comment = r.comments.subjects.iter().find(|c| c.subject == s.subject);
        let _ = write!(
            out,
            "<tr><td class=\"name\">{}</td><td class=\"v\">{}</td><td class=\"v\">{}</td><td class=\"comment\">",
            esc(subject_name(&s.subject, lang)),
            esc(&level),
            esc(test),
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

    let qualities = data.map(|d| d.qualities.as_slice()).unwrap_or_default();
    let competences = data.map(|d| d.competences.as_slice()).unwrap_or_default();
    trait_table(
        out,
        lang.pick("2. Những phẩm chất chủ yếu", "2. Main qualities"),
        lang.pick("Phẩm chất", "Quality"),
        &[(None, qualities.iter().collect())],
        &r.comments.qualities,
        |code| {
            Quality::from_str(code)
                .ok()
                .map(|q| lang.pick(q.name_vi(), q.name_en()))
        },
        lang,
    );
    let general = |t: &&RawTrait| {
        matches!(
            Competence::from_str(&t.code),
            Ok(Competence::TuChuTuHoc | Competence::GiaoTiepHopTac | Competence::GiaiQuyetVanDe)
        )
    };
    let (chung, dac_thu): (Vec<&RawTrait>, Vec<&RawTrait>) = competences.iter().partition(general);
    trait_table(
        out,
        lang.pick("3. Những năng lực cốt lõi", "3. Core competences"),
        lang.pick("Năng lực", "Competence"),
        &[
            (
                Some(lang.pick("Năng lực chung", "General competences")),
                chung,
            ),
            (
                Some(lang.pick("Năng lực đặc thù", "Specific competences")),
                dac_thu,
            ),
        ],
        &r.comments.competences,
        |code| {
            Competence::from_str(code)
                .ok()
                .map(|c| lang.pick(c.name_vi(), c.name_en()))
        },
        lang,
    );

    out.push_str("<div class=\"block facts\">\n");
    let _ = writeln!(
        out,
        "<p><span class=\"label\">{}</span> {}</p>",
        lang.pick("4. Đánh giá kết quả giáo dục:", "4. Educational result:"),
        esc(&stated
            .result
            .as_deref()
            .map(|x| primary_result(x, lang).into_owned())
            .unwrap_or_default())
    );
    awards(out, input, stated.title.as_deref(), "5. ");
    let completion = stated
        .completion
        .as_deref()
        .map(|c| primary_completion(c, lang).into_owned())
        .unwrap_or_default();
    let _ = write!(
        out,
        "<p><span class=\"label\">{}</span> {}",
        lang.pick(
            "6. Hoàn thành chương trình lớp học / chương trình tiểu học:",
            "6. Completion of the grade / of primary school:"
        ),
        esc(&completion)
    );
    if let Some(p) = &stated.programme_completed {
        let _ = write!(out, "; {}", esc(&programme(p, lang)));
    }
    out.push_str("</p>\n");
    class_teacher_comment(out, input);
    out.push_str("</div>\n");
    signature_row(out, input);
    footer(out, input);
    out.push_str("</section>\n");
}

/// A table of qualities or competences: name, level at the end of the year (T/Đ/C), comment.
fn trait_table<'n>(
    out: &mut String,
    heading: &str,
    first_column: &str,
    groups: &[(Option<&str>, Vec<&RawTrait>)],
    comments: &[TraitComment],
    name: impl Fn(&str) -> Option<&'n str>,
    lang: Lang,
) {
    let _ = writeln!(
        out,
        "<h3>{heading}</h3>\n<table class=\"traits\">\n<thead><tr><th>{first_column}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        lang.pick("Mức đạt được", "Level"),
        lang.pick("Nhận xét", "Comment"),
    );
    for (group, traits) in groups {
        if let Some(g) = group {
            let _ = writeln!(out, "<tr><td colspan=\"3\"><b><i>{g}</i></b></td></tr>");
        }
        for t in traits {
            let level =
                t.cn.as_deref()
                    .map(|l| trait_level(l).into_owned())
                    .unwrap_or_default();
            let comment = comments
                .iter()
                .find(|c| c.code == t.code)
                .map(|c| c.text.as_str())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td class=\"name\">{}</td><td class=\"v\">{}</td><td class=\"comment\">{}</td></tr>",
                esc(name(&t.code).unwrap_or(&t.code)),
                esc(&level),
                esc(comment),
            );
        }
    }
    out.push_str("</tbody>\n</table>\n");
}
