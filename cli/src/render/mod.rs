//! `hocba render`: a record or a signed envelope as one print-ready HTML page set (A4, inline CSS, no
//! network), laid out after the paper học bạ — TT22 Phụ lục for THCS/THPT (`spec/rules.md` §3.14), TT27
//! Phụ lục 1 for primary (§4.11). Presentation only: the values printed are the record's stated results
//! and data, named with the core's labels; nothing is computed or verified here.

pub mod escape;
pub mod format;
pub mod pdf;
pub mod qr;
pub mod signatures;

mod blocks;
mod identity;
mod primary;
mod secondary;

use std::fmt::Write as _;

use hocba_core::record::model::{Record, Stated};
use hocba_core::Lang;

use escape::esc;
use qr::QrImage;
use signatures::SignatureView;

/// The stylesheet, inlined into every page set.
const STYLE: &str = include_str!("style.css");

/// What to render.
#[derive(Debug, Clone, Copy)]
pub struct RenderInput<'a> {
    /// The record.
    pub record: &'a Record,
    /// The envelope's signatures; `None` for a bare record (empty signature blocks).
    pub signatures: Option<&'a [SignatureView]>,
    /// The verification stub's QR code.
    pub qr: Option<&'a QrImage>,
    /// Language of the labels.
    pub lang: Lang,
}

/// The page set as one HTML document.
pub fn render_html(input: &RenderInput<'_>) -> String {
    let r = input.record;
    let lang = input.lang;
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"hocba render\">\n<title>{} — {} — {}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        lang.pick("vi", "en"),
        lang.pick("Học bạ", "School record"),
        esc(&r.student.full_name),
        esc(&r.school_year),
    );
    identity::page(&mut out, input);
    match &r.stated {
        Stated::Tt22(stated) => secondary::page(&mut out, input, stated),
        Stated::Tt27(stated) => primary::page(&mut out, input, stated),
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Secondary-school level of a grade, for titles: THCS (6–9) or THPT (10–12); `None` for primary.
fn secondary_level(grade: i64, lang: Lang) -> Option<&'static str> {
    match grade {
        6..=9 => Some(lang.pick("TRUNG HỌC CƠ SỞ", "LOWER SECONDARY")),
        10..=12 => Some(lang.pick("TRUNG HỌC PHỔ THÔNG", "UPPER SECONDARY")),
        _ => None,
    }
}
