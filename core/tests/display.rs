//! The display summary of records: insta snapshots of the TT22 and TT27 examples in both languages, the
//! same summary from a signed envelope, and every way the reader refuses bytes.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use hocba_core::display::{display_bytes, DisplayError, DISPLAY_LIMITS};
use hocba_core::Lang;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example(path: &str) -> Vec<u8> {
    fs::read(root().join(path)).expect("example")
}

fn summary(path: &str, lang: Lang) -> serde_json::Value {
    serde_json::to_value(display_bytes(&example(path), lang).expect("summary")).expect("json")
}

#[test]
fn tt22_record_in_vietnamese_and_english() {
    insta::assert_json_snapshot!(
        "tt22_grade10_vi",
        summary("examples/records/tt22-grade10.json", Lang::Vi)
    );
    insta::assert_json_snapshot!(
        "tt22_grade10_en",
        summary("examples/records/tt22-grade10.json", Lang::En)
    );
}

#[test]
fn tt27_record_in_vietnamese_and_english() {
    insta::assert_json_snapshot!(
        "tt27_grade4_vi",
        summary("examples/records/tt27-grade4.json", Lang::Vi)
    );
    insta::assert_json_snapshot!(
        "tt27_grade4_en",
        summary("examples/records/tt27-grade4.json", Lang::En)
    );
}

#[test]
fn vietnamese_values_are_written_the_vietnamese_way() {
    let d = display_bytes(&example("examples/records/tt22-grade10.json"), Lang::Vi).unwrap();
    assert_eq!(d.date_of_birth.value, "14/03/2009");
    let toan = d.subjects.iter().find(|s| s.code == "toan").unwrap();
    assert_eq!(toan.name, "Toán");
    assert_eq!(toan.cells, ["9,3", "9,3", "9,3"]);
    let gdtc = d.subjects.iter().find(|s| s.code == "gdtc").unwrap();
    assert_eq!(gdtc.cells, ["Đ", "Đ", "Đ"]);
    // Programme order: Ngữ văn, Toán, Ngoại ngữ 1, Lịch sử first, as the học bạ prints them.
    let order: Vec<&str> = d.subjects.iter().map(|s| s.code.as_str()).take(4).collect();
    assert_eq!(order, ["ngu_van", "toan", "ngoai_ngu_1", "lich_su"]);
    let p = display_bytes(&example("examples/records/tt27-grade4.json"), Lang::Vi).unwrap();
    let tv = p.subjects.iter().find(|s| s.code == "tieng_viet").unwrap();
    assert_eq!(tv.cells, ["T", "10"]);
}

#[test]
fn a_signed_envelope_gives_the_summary_of_its_record() {
    let from_envelope = summary("examples/signed/valid.json", Lang::Vi);
    let record =
        serde_json::from_slice::<serde_json::Value>(&example("examples/signed/valid.json"))
            .unwrap()["record"]
            .clone();
    let from_record = serde_json::to_value(
        display_bytes(&serde_json::to_vec(&record).unwrap(), Lang::Vi).unwrap(),
    )
    .unwrap();
    assert_eq!(from_envelope, from_record);
    assert_eq!(
        from_envelope["student_name"]["value"],
        "Nguyễn Thị Minh Anh"
    );
}

#[test]
fn bad_bytes_are_typed_errors() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (Vec::new(), "empty_input"),
        (b"   ".to_vec(), "empty_input"),
        (vec![0xff, 0xfe, b'{', b'}'], "not_utf8"),
        (b"{\"format\":".to_vec(), "json_syntax"),
        (b"[1,2]".to_vec(), "not_a_record"),
        (
            b"{\"format\":\"hocba.assess-input/1\"}".to_vec(),
            "unsupported_format",
        ),
        (
            b"{\"format\":\"hocba.signed/1\",\"record\":3}".to_vec(),
            "unsupported_format",
        ),
        (
            b"{\"format\":\"hocba.record/1\",\"format\":\"x\"}".to_vec(),
            "json_duplicate_key",
        ),
        (b"{\"format\":\"hocba.record/1\"}".to_vec(), "record_shape"),
        (vec![b' '; DISPLAY_LIMITS.max_bytes + 1], "input_too_large"),
    ];
    for (bytes, code) in cases {
        let e = display_bytes(&bytes, Lang::En).expect_err(code);
        assert_eq!(e.code(), code, "{e}");
        assert!(!e.message(Lang::Vi).is_empty());
    }
    let shape = display_bytes(b"{\"format\":\"hocba.record/1\"}", Lang::Vi).unwrap_err();
    assert!(matches!(shape, DisplayError::Record(_)));
    assert!(!shape.problems().is_empty());
}

#[test]
fn refusal_codes_and_messages() {
    let cases: [&[u8]; 5] = [
        b"",
        &[0x41, 0xff, 0xfe],
        b"{\"format\":",
        b"{\"format\":\"hocba.assess-input/1\"}",
        b"{\"format\":\"hocba.record/1\"}",
    ];
    let mut table = vec![format!(
        "input_too_large | {} | {}",
        DisplayError::InputTooLarge { size: 5, limit: 4 }.message(Lang::Vi),
        DisplayError::InputTooLarge { size: 5, limit: 4 }.message(Lang::En)
    )];
    for bytes in cases {
        let e = display_bytes(bytes, Lang::Vi).unwrap_err();
        table.push(format!(
            "{} | {} | {}",
            e.code(),
            e.message(Lang::Vi),
            e.message(Lang::En)
        ));
    }
    insta::assert_snapshot!(table.join("\n"));
}

#[test]
fn retests_add_a_column_and_the_levels_after_summer_are_shown() {
    let mut v: serde_json::Value =
        serde_json::from_slice(&example("examples/records/tt22-grade10.json")).unwrap();
    let stated = &mut v["stated"]["tt22"];
    stated["subjects"][1]["retest"] = "6.5".into();
    stated["learning"]["year_after_retest"] = "dat".into();
    stated["promotion"] = "len_lop_sau_danh_gia_lai".into();
    stated["subjects"][0]["subject"] = "mon_la".into();
    v["tt22"]["conduct"]["after_summer"] = "dat".into();
    v["student"]["date_of_birth"] = "14-03-2009".into();
    let d = display_bytes(&serde_json::to_vec(&v).unwrap(), Lang::Vi).unwrap();
    assert_eq!(d.subject_columns.len(), 5);
    assert!(d.subjects.iter().all(|s| s.cells.len() == 4));
    let toan = d.subjects.iter().find(|s| s.code == "toan").unwrap();
    assert_eq!(toan.cells[3], "6,5");
    assert_eq!(d.learning.as_ref().unwrap().value, "Đạt");
    assert_eq!(d.conduct.as_ref().unwrap().value, "Đạt");
    assert_eq!(
        d.promotion.as_ref().unwrap().value,
        "Được lên lớp sau rèn luyện, đánh giá lại trong hè"
    );
    // What the summary does not know it shows as written, last.
    assert_eq!(d.date_of_birth.value, "14-03-2009");
    let last = d.subjects.last().unwrap();
    assert_eq!(
        (last.code.as_str(), last.name.as_str()),
        ("mon_la", "mon_la")
    );
}
