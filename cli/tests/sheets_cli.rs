//! `hocba import` / `hocba export`: round trips, bad cells reported one per cell, and speed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{hocba, repo, temp_dir};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::{json, Value};

/// Every vector input of one grade and year, as one class.
fn class_from_vectors(grade: i64, year: &str) -> Value {
    let mut students = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(repo().join("tests/vectors/assess"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        // Vectors with their own configuration or a principal's decision use inputs the gradebook does not carry.
        let input = &v["input"];
        let has_extra = v
            .get("config")
            .is_some_and(|c| c.as_object().is_some_and(|o| !o.is_empty()))
            || input["tt22"].get("principal").is_some()
            || input["tt27"].get("principal_decision").is_some()
            || input["tt22"]["subjects"].as_array().is_some_and(|s| {
                s.iter().any(|x| {
                    x.get("basis").is_some()
                        || x["hk1"].get("exempt_practical").is_some()
                        || x["hk2"].get("exempt_practical").is_some()
                })
            });
        if input["grade"] == grade && input["school_year"] == year && !has_extra {
            let mut s = input.clone();
            s["student"]["id"] = Value::from(format!("HS{:03}", students.len() + 1));
            students.push(s);
        }
    }
    json!({"format": "hocba.class-input/1", "class": "T1", "school": "Trường thử", "students": students})
}

fn assess_json(path: &Path) -> Value {
    let o = hocba(&["assess", "--format", "json", path.to_str().unwrap()]);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Export then import: the same students, every assessment identical.
fn round_trip(class: &Value, name: &str) -> usize {
    let dir = temp_dir(name);
    let input = dir.join("class.json");
    std::fs::write(&input, class.to_string()).unwrap();
    let xlsx = dir.join("class.xlsx");
    let o = hocba(&[
        "export",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let back = dir.join("back.json");
    let o = hocba(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let (a, b) = (assess_json(&input), assess_json(&back));
    assert_eq!(a["ok"], true);
    assert_eq!(
        a["students"], b["students"],
        "assessments differ after the round trip"
    );
    a["students"].as_array().unwrap().len()
}

#[test]
fn round_trip_preserves_every_value_tt22() {
    let n = round_trip(&class_from_vectors(8, "2024-2025"), "tt22");
    assert!(n >= 10, "only {n} students");
}

#[test]
fn round_trip_preserves_every_value_tt27() {
    let n = round_trip(&class_from_vectors(4, "2024-2025"), "tt27");
    assert!(n >= 10, "only {n} students");
}

#[test]
fn round_trip_examples() {
    for name in ["student-tt22-grade10.json", "student-tt27-grade4.json"] {
        let s: Value =
            serde_json::from_slice(&std::fs::read(repo().join("examples").join(name)).unwrap())
                .unwrap();
        round_trip(&json!({"students": [s]}), name);
    }
    for name in ["class-10a1.json", "class-4a.json"] {
        let class: Value =
            serde_json::from_slice(&std::fs::read(repo().join("examples").join(name)).unwrap())
                .unwrap();
        assert_eq!(
            round_trip(&class, name),
            class["students"].as_array().unwrap().len()
        );
    }
}

#[test]
fn shipped_csv_gradebook_matches_the_example_class() {
    let dir = temp_dir("csv");
    let out = dir.join("10a1.csv");
    assert_eq!(
        hocba(&[
            "export",
            "examples/class-10a1.json",
            "-o",
            out.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(repo().join("examples/gradebook-10a1.csv")).unwrap(),
        "examples/gradebook-10a1.csv is stale: run `hocba export examples/class-10a1.json -o examples/gradebook-10a1.csv`"
    );
    let back = dir.join("back.json");
    assert_eq!(
        hocba(&[
            "import",
            "examples/gradebook-10a1.csv",
            "-o",
            back.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
}

/// A grade-6 gradebook with Toán only and the given rows; `merged_header` merges D2:E2 like many school exports.
fn write_gradebook(path: &Path, rows: &[(&str, &str, Vec<&str>)], merged_header: bool) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, v) in [
        "hocba.gradebook/1",
        "khoi",
        "6",
        "nam_hoc",
        "2024-2025",
        "lop",
        "6A",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *v).unwrap();
    }
    let mut headers = vec!["stt".to_string(), "ma_hoc_sinh".into(), "ho_ten".into()];
    // Toán (140 periods): 4 regular, midterm, final per semester.
    for sem in ["hk1", "hk2"] {
        for p in ["tx1", "tx2", "tx3", "tx4", "gk", "ck"] {
            headers.push(format!("toan.{sem}.{p}"));
        }
    }
    for (c, h) in headers.iter().enumerate() {
        if !(merged_header && (c == 3 || c == 4)) {
            ws.write_string(1, c as u16, h).unwrap();
        }
    }
    if merged_header {
        // E2 is then blank, so its column has no meaning.
        ws.merge_range(1, 3, 1, 4, "toan.hk1.tx1", &Format::new())
            .unwrap();
    }
    for (r, (id, name, marks)) in rows.iter().enumerate() {
        let row = (r + 2) as u32;
        ws.write_number(row, 0, (r + 1) as f64).unwrap();
        if !id.is_empty() {
            ws.write_string(row, 1, *id).unwrap();
        }
        ws.write_string(row, 2, *name).unwrap();
        for (c, m) in marks.iter().enumerate() {
            match m.parse::<f64>() {
                Ok(n) => ws.write_number(row, (c + 3) as u16, n).unwrap(),
                Err(_) => ws.write_string(row, (c + 3) as u16, *m).unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

fn import_errors(path: &Path) -> (Option<i32>, Value) {
    let o = hocba(&[
        "import",
        "--format",
        "json",
        "--lang",
        "en",
        path.to_str().unwrap(),
    ]);
    (o.status.code(), serde_json::from_slice(&o.stdout).unwrap())
}

#[test]
fn bad_cells_one_precise_error_each_and_nothing_imported() {
    let dir = temp_dir("bad-cells");
    let path = dir.join("bad.xlsx");
    let good = [
        "8", "7.5", "9", "8.5", "8", "9", "8", "8", "9", "8.5", "9", "9",
    ];
    let mut bad = good.to_vec();
    bad[1] = "tám";
    bad[7] = "12.5";
    let rows = [
        ("HS01", "Nguyễn Văn A", good.to_vec()),
        ("HS02", "Trần Thị B", bad),
        ("", "Lê Văn C", good.to_vec()),
    ];

    // A layout problem (a merged header) stops the import before any row is read; nothing is written.
    write_gradebook(&path, &rows, true);
    let out = dir.join("out.json");
    let o = hocba(&[
        "import",
        "--format",
        "json",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        !out.exists(),
        "nothing may be imported from a gradebook with problems"
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let got: Vec<(&str, &Value)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["code"].as_str().unwrap(), &e["cell"]))
        .collect();
    assert_eq!(got, vec![("gradebook_blank_header", &json!("E2"))]);

    // Without it: one error per bad cell, with the student named.
    write_gradebook(&path, &rows, false);
    let (code, v) = import_errors(&path);
    assert_eq!(code, Some(1));
    let got: Vec<(String, Value, Value)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["cell"].clone(),
                e["student"].clone(),
            )
        })
        .collect();
    assert!(
        got.iter().any(|(c, _, _)| c == "missing_subject"),
        "the sheet has only Toán: other compulsory subjects are reported"
    );
    let cells: Vec<_> = got
        .into_iter()
        .filter(|(c, _, _)| c != "missing_subject")
        .collect();
    assert_eq!(
        cells,
        vec![
            ("score_not_a_number".into(), json!("E4"), json!("HS02")),
            ("score_out_of_range".into(), json!("K4"), json!("HS02")),
            (
                "gradebook_missing_student_id".into(),
                json!("B5"),
                Value::Null
            ),
        ]
    );
    let text = String::from_utf8(hocba(&["import", "--lang", "vi", path.to_str().unwrap()]).stdout)
        .unwrap();
    assert!(
        text.contains("E4 (học sinh HS02): `tám` không phải là điểm"),
        "{text}"
    );
}

#[test]
fn two_thousand_students_import_whole() {
    let base: Value = serde_json::from_slice(
        &std::fs::read(repo().join("examples/student-tt22-grade10.json")).unwrap(),
    )
    .unwrap();
    let students: Vec<Value> = (0..2000)
        .map(|i| {
            let mut s = base.clone();
            s["student"]["id"] = Value::from(format!("HS{i:05}"));
            s
        })
        .collect();
    let dir = temp_dir("big");
    let input = dir.join("big.json");
    std::fs::write(&input, json!({"students": students}).to_string()).unwrap();
    let xlsx = dir.join("big.xlsx");
    assert_eq!(
        hocba(&[
            "export",
            input.to_str().unwrap(),
            "-o",
            xlsx.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    let back = dir.join("back.json");
    let o = hocba(&[
        "import",
        xlsx.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&std::fs::read(&back).unwrap()).unwrap();
    assert_eq!(v["students"].as_array().map(Vec::len), Some(2000));
    // The 2 s budget is checked on the release binary by scripts/check-import-speed.sh (a debug test build
    // on a loaded machine says nothing about it).
}
