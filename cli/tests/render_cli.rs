//! `hocba render`: golden HTML of the TT22 and TT27 examples and of a signed envelope with a QR code,
//! escaping, decimal comma, the QR code decoded back by an independent decoder (rqrr) from the embedded
//! PNG and from a Chromium screenshot, and PDF printing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64ct::{Base64, Encoding};
use common::{hocba, repo, stdout, temp_dir};

const TT22: &str = "examples/records/tt22-grade10.json";
const TT27: &str = "examples/records/tt27-grade4.json";
const SIGNED: &str = "examples/signed/valid.json";
/// A made-up stub of realistic length (`HB1:` + Base45 of 580 random bytes), not a signed one: these
/// tests check that the printed code carries the text exactly, whatever it says.
const STUB: &str = "cli/tests/fixtures/qr-stub.txt";
/// The stub `hocba qr issue` made for the signed example (scripts/gen-demo-samples.py).
const SIGNED_STUB: &str = "examples/signed/valid.stub.txt";

/// `hocba qr verify` of a stub text against the signed example, as a parent's phone would after a scan.
fn verify_stub_text(text: &str, test: &str) -> std::process::Output {
    let dir = temp_dir(test);
    let path = dir.join("scanned.txt");
    std::fs::write(&path, text).unwrap();
    hocba(&[
        "qr",
        "verify",
        "--trust",
        "examples/signed/trust",
        "--status",
        "examples/signed/valid.status.json",
        "--record",
        SIGNED,
        "--at",
        "2025-07-10T00:00:00Z",
        path.to_str().unwrap(),
    ])
}

fn stub() -> String {
    std::fs::read_to_string(repo().join(STUB))
        .unwrap()
        .trim_end_matches(['\r', '\n'])
        .to_string()
}

fn render(args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = hocba(&all);
    assert!(
        out.status.success(),
        "hocba {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

#[test]
fn tt22_record_golden_html() {
    insta::assert_snapshot!("tt22_grade10_html", render(&[TT22]));
}

#[test]
fn tt27_record_golden_html() {
    insta::assert_snapshot!("tt27_grade4_html", render(&[TT27]));
}

#[test]
fn signed_envelope_with_qr_golden_html() {
    let html = render(&["--qr", STUB, SIGNED]);
    // Three filled signature blocks: GVCN, HT and the school seal, each "Đã ký số" with its time in
    // Vietnam time.
    assert_eq!(
        html.matches("<div class=\"signed\">Đã ký số</div>").count(),
        3
    );
    assert!(html.contains("Thời gian ký: 20/06/2025 09:00 (giờ Việt Nam)"));
    assert!(html.contains("Kiểm tra tính hợp lệ bằng mã QR hoặc <code>hocba verify</code>."));
    insta::assert_snapshot!("signed_valid_qr_html", html);
}

#[test]
fn bare_record_has_empty_signature_blocks() {
    let html = render(&[TT22]);
    assert!(!html.contains("Đã ký số"));
    assert!(html.contains("(Ký và ghi rõ họ tên)"));
    assert!(html.contains("(Ký, ghi rõ họ tên và đóng dấu)"));
    assert!(html.contains("Hồ sơ chưa ký số."));
    assert!(!html.contains("<img"), "no QR without --qr");
}

#[test]
fn english_labels() {
    let html = render(&["--lang", "en", TT22]);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Semester II"));
    assert!(html.contains("<td class=\"v\">8.3</td>"));
    assert!(html.contains("Excellent student"));
}

#[test]
fn scores_use_a_decimal_comma_and_comment_subjects_d_cd() {
    let html = render(&[TT22]);
    // Ngữ văn: 8.3 / 8.7 / 8.6 in the record.
    assert!(html.contains(
        "<td class=\"name\">Ngữ văn</td><td class=\"v\">8,3</td><td class=\"v\">8,7</td><td class=\"v\">8,6</td>"
    ));
    assert!(
        html.contains("<td class=\"v\">9,0</td>"),
        "one decimal always: 9,0"
    );
    assert!(!html.contains("<td class=\"v\">8.3</td>"));
    assert!(html.contains(
        "<td class=\"name\">Giáo dục thể chất</td><td class=\"v\">Đ</td><td class=\"v\">Đ</td><td class=\"v\">Đ</td>"
    ));
    // TT27: levels T/H/C and T/Đ/C, whole-number test scores.
    let primary = render(&[TT27]);
    assert!(primary
        .contains("<td class=\"name\">Toán</td><td class=\"v\">T</td><td class=\"v\">10</td>"));
    assert!(primary.contains("<td class=\"name\">Yêu nước</td><td class=\"v\">T</td>"));
}

#[test]
fn every_text_value_is_escaped() {
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(TT22)).unwrap()).unwrap();
    let evil = "<script>alert(\"x\")</script> & 'Lan'";
    record["student"]["full_name"] = evil.into();
    record["school"]["name"] = "Trường <b>A</b> & B".into();
    record["comments"]["class_teacher"] = "Giỏi <img src=x onerror=alert(1)>".into();
    record["comments"]["subjects"][0]["teacher"] = "\"Cô\" <Hương>".into();
    record["awards"][0]["name"] = "Giải <i>Nhì</i>".into();
    let dir = temp_dir("render-escape");
    let path = dir.join("evil.json");
    std::fs::write(&path, serde_json::to_vec(&record).unwrap()).unwrap();
    let html = render(&[path.to_str().unwrap()]);
    for raw in [
        "<script>",
        "<b>A</b>",
        "<img src=x",
        "<Hương>",
        "<i>Nhì</i>",
        "\"Cô\"",
    ] {
        assert!(!html.contains(raw), "{raw} must be escaped");
    }
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Lan&#39;"));
    assert!(html.contains("Trường &lt;b&gt;A&lt;/b&gt; &amp; B"));
    assert!(html.contains("Giỏi &lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&quot;Cô&quot; &lt;Hương&gt;"));
    // The <title> too.
    assert!(html.contains("<title>Học bạ — &lt;script&gt;"));
}

fn render_value(value: &serde_json::Value, name: &str) -> String {
    let dir = temp_dir(name);
    let path = dir.join("input.json");
    std::fs::write(&path, serde_json::to_vec(value).unwrap()).unwrap();
    render(&[path.to_str().unwrap()])
}

fn read_json(path: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join(path)).unwrap()).unwrap()
}

#[test]
fn retest_column_and_summer_results() {
    // Values as a record after the summer would state them (the renderer prints, it does not judge).
    let mut record = read_json(TT22);
    record["stated"]["tt22"]["subjects"][0]["retest"] = "5.5".into();
    record["stated"]["tt22"]["subjects"][10]["retest"] = "dat".into();
    record["stated"]["tt22"]["learning"]["year_after_retest"] = "dat".into();
    record["stated"]["tt22"]["promotion"] = "len_lop_sau_danh_gia_lai".into();
    record["tt22"]["conduct"]["after_summer"] = "kha".into();
    let html = render_value(&record, "render-retest");
    assert!(
        html.contains("<td class=\"v\">8,6</td><td class=\"v\">5,5</td>"),
        "Ngữ văn retest 5,5 after the year 8,6"
    );
    assert!(
        html.contains("<td class=\"v\">Đ</td><td class=\"v\">Đ</td><td class=\"comment\">Tham gia")
    );
    assert!(html.contains(
        "<tr><td>Kết quả rèn luyện</td><td>Tốt</td><td>Tốt</td><td>Tốt</td><td>Khá</td></tr>"
    ));
    assert!(html.contains(
        "<tr><td>Kết quả học tập</td><td>Tốt</td><td>Tốt</td><td>Tốt</td><td>Đạt</td></tr>"
    ));
    assert!(html.contains("Được lên lớp sau rèn luyện, đánh giá lại trong hè"));
}

#[test]
fn unreadable_and_unassigned_signatures_are_shown_as_such() {
    let mut envelope = read_json(SIGNED);
    let signatures = envelope["signatures"].as_array_mut().unwrap();
    signatures.push(serde_json::json!({"role": "gvcn", "cms": "AAAA"}));
    let seal_cms = signatures[2]["cms"].clone();
    signatures.push(serde_json::json!({"role": "subject_teacher", "cms": seal_cms}));
    let html = render_value(&envelope, "render-odd-signatures");
    // The broken one stays in the class teacher's block, saying it cannot be read, with its code.
    assert!(html.contains("Chữ ký số không đọc được"));
    // A CMS whose signed role (seal) contradicts the declared one is filed under no role.
    assert!(html.contains("Chữ ký số khác:"));
    assert!(html.contains("vai trò không rõ"));
    assert!(html.contains("Hồ sơ có 5 chữ ký số"));
}

/// The base64 PNG of the first `<img src="data:image/png;base64,…">`.
fn embedded_png(html: &str) -> Vec<u8> {
    let start = html
        .find("src=\"data:image/png;base64,")
        .expect("an embedded PNG")
        + "src=\"data:image/png;base64,".len();
    let end = start + html[start..].find('"').unwrap();
    Base64::decode_vec(&html[start..end]).unwrap()
}

/// A PNG as 8-bit grey levels (width, height, pixels).
fn grey(png_bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| match channels {
            1 | 2 => p[0],
            // Luma from RGB (BT.601), alpha ignored: screenshots are opaque.
            _ => {
                ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000)
                    as u8
            }
        })
        .collect();
    (w, h, pixels)
}

/// Every QR code rqrr finds in a grey image, decoded.
fn decode_qr(w: usize, h: usize, pixels: &[u8]) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .into_iter()
        .map(|g| g.decode().expect("decodes").1)
        .collect()
}

#[test]
fn qr_png_in_the_html_decodes_to_the_stub() {
    let html = render(&["--qr", STUB, SIGNED]);
    let (w, h, pixels) = grey(&embedded_png(&html));
    assert_eq!(decode_qr(w, h, &pixels), vec![stub()]);
}

#[test]
fn qr_of_the_issued_stub_decodes_to_a_stub_that_verifies() {
    let html = render(&["--qr", SIGNED_STUB, SIGNED]);
    let (w, h, pixels) = grey(&embedded_png(&html));
    let decoded = decode_qr(w, h, &pixels);
    assert_eq!(decoded.len(), 1);
    let out = verify_stub_text(&decoded[0], "render-stub-verify-png");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("HỢP LỆ"));
}

#[test]
fn bad_stub_is_refused_clearly() {
    let dir = temp_dir("render-bad-stub");
    let path = dir.join("stub.txt");
    std::fs::write(&path, "HB1:ĐÂY KHÔNG PHẢI BASE45\n").unwrap();
    let out = hocba(&["render", "--qr", path.to_str().unwrap(), TT22]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not printable ASCII at position 4"), "{err}");
    std::fs::write(&path, "\n").unwrap();
    let out = hocba(&["render", "--qr", path.to_str().unwrap(), TT22]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn not_a_record_is_refused_with_its_code() {
    let out = hocba(&["render", "examples/broken/not-json.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[json_syntax]"));
    let out = hocba(&["render", "examples/student-tt22-grade10.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[unsupported_format]"));
}

#[test]
fn examples_rendered_are_current() {
    // examples/rendered/ is what `hocba render` prints for the examples; HOCBA_UPDATE_EXAMPLES=1 rewrites it.
    let update = std::env::var("HOCBA_UPDATE_EXAMPLES").is_ok_and(|v| v == "1");
    for (args, name) in [
        (vec![TT22], "tt22-grade10.html"),
        (vec![TT27], "tt27-grade4.html"),
        (vec!["--qr", SIGNED_STUB, SIGNED], "signed-valid.html"),
    ] {
        let html = render(&args);
        let path = repo().join("examples/rendered").join(name);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &html).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (HOCBA_UPDATE_EXAMPLES=1 writes it)",
                path.display()
            )
        });
        assert!(
            committed == html,
            "{} differs from `hocba render {}` (HOCBA_UPDATE_EXAMPLES=1 rewrites it)",
            path.display(),
            args.join(" ")
        );
    }
}

// ---- Headless Chromium: screenshots and PDF. Skipped only when no browser is installed and
// HOCBA_REQUIRE_CHROMIUM is not 1 (scripts/test.sh sets it: CI installs Chromium).

fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("HOCBA_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| {
            ["chromium", "chromium-browser", "google-chrome"]
                .into_iter()
                .find_map(|name| {
                    std::env::split_paths(&std::env::var_os("PATH")?)
                        .map(|d| d.join(name))
                        .find(|p| p.is_file())
                })
        });
    if found.is_none() {
        assert!(
            std::env::var("HOCBA_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "HOCBA_REQUIRE_CHROMIUM=1 but no chromium on PATH"
        );
        eprintln!("skipped: headless Chromium is not installed");
    }
    found
}

fn artifacts() -> PathBuf {
    let dir = repo().join("artifacts/render");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of both pages at 3 device pixels per CSS pixel: a 45 mm QR code of ~100 modules gets
/// about 4 pixels a module (at 2, under 3 pixels, rqrr finds no code).
fn screenshot(browser: &Path, html: &Path, png: &Path) {
    let _ = std::fs::remove_file(png);
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=3",
            "--window-size=820,2800",
        ])
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        png.is_file(),
        "chromium wrote no screenshot: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn chromium_screenshots_show_a_qr_that_decodes_to_the_stub() {
    let Some(browser) = chromium() else { return };
    let dir = artifacts();
    let issued = std::fs::read_to_string(repo().join(SIGNED_STUB)).unwrap();
    let issued = issued.trim_end_matches(['\r', '\n']).to_string();
    let cases = [
        (TT22, STUB, stub(), "tt22-grade10"),
        (TT27, STUB, stub(), "tt27-grade4"),
        (SIGNED, SIGNED_STUB, issued.clone(), "signed-valid"),
    ];
    // One thread per page set: each takes ~10 s (browser, 20-megapixel PNG, QR search).
    std::thread::scope(|scope| {
        for (input, stub_file, expected, name) in &cases {
            let (browser, dir) = (&browser, &dir);
            scope.spawn(move || {
                let html = dir.join(format!("{name}.html"));
                let png = dir.join(format!("{name}.png"));
                let out = hocba(&[
                    "render",
                    "--qr",
                    stub_file,
                    "-o",
                    html.to_str().unwrap(),
                    input,
                ]);
                assert!(out.status.success());
                screenshot(browser, &html, &png);
                let (w, h, pixels) = grey(&std::fs::read(&png).unwrap());
                assert!(w >= 2400 && h >= 8000, "{w}×{h}");
                assert_eq!(decode_qr(w, h, &pixels), vec![expected.clone()], "{name}");
            });
        }
    });
    // What a phone scans from the printed signed record verifies against that record.
    let out = verify_stub_text(&issued, "render-stub-verify-screenshot");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn pdf_through_chromium_starts_with_pdf_magic() {
    let Some(_) = chromium() else { return };
    let dir = temp_dir("render-pdf");
    let pdf = dir.join("tt27.pdf");
    let out = hocba(&["render", "--qr", STUB, "--pdf", pdf.to_str().unwrap(), TT27]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "--pdf without --out writes no HTML to stdout"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let _ = std::fs::copy(&pdf, artifacts().join("tt27-grade4.pdf"));
}

#[test]
fn pdf_without_chromium_is_a_clear_error() {
    let dir = temp_dir("render-no-chromium");
    let pdf = dir.join("x.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_hocba"))
        .args(["render", "--pdf", pdf.to_str().unwrap(), TT22])
        .current_dir(repo())
        .env("PATH", dir.as_os_str())
        .env_remove("HOCBA_CHROMIUM")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[chromium_not_found]"), "{err}");
    assert!(!err.contains("panicked"));
    assert!(!pdf.exists());
}
