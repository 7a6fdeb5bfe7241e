//! Parts every page shares: the national header, signature blocks (GVCN, HT with the school seal), and
//! the footer that says a printout proves nothing by itself.

use std::fmt::Write as _;

use hocba_core::record::model::Record;
use hocba_core::sign::Role;
use hocba_core::Lang;

use super::escape::esc;
use super::format::{date_line, vietnam_time};
use super::signatures::SignatureView;
use super::RenderInput;

/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập – Tự do – Hạnh phúc" beside the school.
pub(super) fn nation_header(out: &mut String, r: &Record, lang: Lang) {
    let _ = writeln!(
        out,
        "<header class=\"nation\">\n<div class=\"left\"><p>{}</p><p><b>{}</b></p></div>\n\
         <div class=\"right\"><p>{}</p><p class=\"motto\">{}</p></div>\n</header>",
        esc(&r.school.province),
        esc(&r.school.name),
        lang.pick(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIET NAM"
        ),
        lang.pick(
            "Độc lập – Tự do – Hạnh phúc",
            "Independence – Freedom – Happiness"
        ),
    );
}

/// One signature block of the form.
pub(super) struct SignBlock<'a> {
    /// The role that signs here.
    pub role: Role,
    /// Title printed above the signature ("GIÁO VIÊN CHỦ NHIỆM").
    pub title: &'a str,
    /// The name the record gives for that person, printed under the signature.
    pub name: &'a str,
    /// The school seal goes here too (the principal's block).
    pub with_seal: bool,
}

/// The two blocks of a year page, side by side: class teacher on the left, principal (and seal) on the
/// right, as on the paper form; then any other signature.
pub(super) fn signature_row(out: &mut String, input: &RenderInput<'_>) {
    let r = input.record;
    let lang = input.lang;
    out.push_str("<div class=\"signatures\">\n");
    sign_block(
        out,
        input,
        &SignBlock {
            role: Role::Gvcn,
            title: lang.pick("Giáo viên chủ nhiệm", "Class teacher"),
            name: &r.class.teacher,
            with_seal: false,
        },
    );
    sign_block(
        out,
        input,
        &SignBlock {
            role: Role::Ht,
            title: lang.pick("Hiệu trưởng", "Principal"),
            name: &r.principal.name,
            with_seal: true,
        },
    );
    out.push_str("</div>\n");
    let others: Vec<&SignatureView> = input
        .signatures
        .unwrap_or_default()
        .iter()
        .filter(|s| !matches!(s.role, Some(Role::Gvcn | Role::Ht | Role::Seal)))
        .collect();
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"block other-signatures\"><p class=\"label\">{}</p>",
            lang.pick("Chữ ký số khác:", "Other digital signatures:")
        );
        for s in others {
            stamp(out, s, None, lang);
        }
        out.push_str("</div>\n");
    }
}

fn sign_block(out: &mut String, input: &RenderInput<'_>, block: &SignBlock<'_>) {
    let lang = input.lang;
    let all = input.signatures.unwrap_or_default();
    let mine: Vec<&SignatureView> = all.iter().filter(|s| s.role == Some(block.role)).collect();
    let seals: Vec<&SignatureView> = if block.with_seal {
        all.iter().filter(|s| s.role == Some(Role::Seal)).collect()
    } else {
        Vec::new()
    };
    let _ = writeln!(out, "<div class=\"sign sign-{}\">", block.role.code());
    let place = esc(&input.record.school.commune);
    match mine.iter().find_map(|s| s.signed_at) {
        Some(t) => {
            let _ = writeln!(out, "<p class=\"date\">{place}, {}</p>", date_line(t, lang));
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"date\">{}</p>",
                lang.pick("…………, ngày …… tháng …… năm ……", "…………, date ……/……/……")
            );
        }
    }
    let _ = writeln!(out, "<p class=\"role\">{}</p>", esc(block.title));
    if mine.is_empty() && seals.is_empty() {
        let hint = if block.with_seal {
            lang.pick(
                "(Ký, ghi rõ họ tên và đóng dấu)",
                "(Signature, full name and school seal)",
            )
        } else {
            lang.pick("(Ký và ghi rõ họ tên)", "(Signature and full name)")
        };
        let _ = writeln!(out, "<p class=\"hint\">{hint}</p>");
    }
    out.push_str("<div class=\"space\">\n");
    for s in &mine {
        stamp(out, s, None, lang);
    }
    for s in &seals {
        stamp(
            out,
            s,
            Some(lang.pick("Dấu của nhà trường", "School seal")),
            lang,
        );
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<p class=\"name\">{}</p>\n</div>", esc(block.name));
}

/// A red box standing where the ink signature or the seal would be.
fn stamp(out: &mut String, s: &SignatureView, heading: Option<&str>, lang: Lang) {
    out.push_str("<div class=\"stamp\">");
    if let Some(h) = heading {
        let _ = write!(out, "<div>{h}</div>");
    }
    if let Some(code) = &s.unreadable {
        let _ = writeln!(
            out,
            "<div class=\"signed\">{}</div><div>{}</div></div>",
            lang.pick("Chữ ký số không đọc được", "Unreadable digital signature"),
            esc(code)
        );
        return;
    }
    let _ = write!(
        out,
        "<div class=\"signed\">{}</div>",
        lang.pick("Đã ký số", "Digitally signed")
    );
    if heading.is_none() && !matches!(s.role, Some(Role::Gvcn | Role::Ht)) {
        let role = s
            .role
            .map_or(lang.pick("vai trò không rõ", "unknown role"), |r| {
                r.name(lang)
            });
        let _ = write!(out, "<div>{}</div>", esc(role));
    }
    if let Some(name) = &s.signer {
        let label = if s.role == Some(Role::Seal) {
            lang.pick("Đơn vị ký", "Signed by")
        } else {
            lang.pick("Người ký", "Signer")
        };
        let _ = write!(out, "<div>{label}: {}</div>", esc(name));
    }
    if let Some(org) = s
        .organisation
        .as_deref()
        .filter(|o| Some(*o) != s.signer.as_deref())
    {
        let _ = write!(out, "<div>{}</div>", esc(org));
    }
    match s.signed_at {
        Some(t) => {
            let _ = write!(
                out,
                "<div>{}: {} ({})</div>",
                lang.pick("Thời gian ký", "Signed at"),
                vietnam_time(t),
                lang.pick("giờ Việt Nam", "Vietnam time, UTC+7")
            );
        }
        None => {
            let _ = write!(
                out,
                "<div>{}</div>",
                lang.pick("không ghi thời gian ký", "no signing time")
            );
        }
    }
    out.push_str("</div>\n");
}

/// The footer of every page: which record, whether it is signed, and how to check it.
pub(super) fn footer(out: &mut String, input: &RenderInput<'_>) {
    let lang = input.lang;
    let state = match input.signatures {
        None => lang
            .pick("Hồ sơ chưa ký số.", "Unsigned record.")
            .to_string(),
        Some(s) => match lang {
            Lang::Vi => format!(
                "Hồ sơ có {} chữ ký số (bản in không kiểm tra chữ ký).",
                s.len()
            ),
            Lang::En => format!(
                "Record with {} digital signature(s) (the printout does not check them).",
                s.len()
            ),
        },
    };
    let _ = writeln!(
        out,
        "<footer class=\"foot\">{}: {} · {state} {}</footer>",
        lang.pick("Mã hồ sơ", "Record id"),
        esc(&input.record.record_id),
        lang.pick(
            "Kiểm tra tính hợp lệ bằng mã QR hoặc <code>hocba verify</code>.",
            "Check validity with the QR code or <code>hocba verify</code>."
        ),
    );
}
