//! `hocba export CLASS.json -o RESULTS.xlsx`: the class gradebook (importable again), every student's
//! results, and a summary sheet, in one workbook.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Args;
use hocba_core::assess::output::{RegimeAssessment, SubjectValue};
use hocba_core::gradebook::{cell_value, header_of, layout_for, Column, FORMAT};
use hocba_core::json::{parse_assess_document, AssessDocument, RawClassInput, ASSESS_LIMITS};
use hocba_core::school_year::{Grade, SchoolYear};
use hocba_core::{assess_raw, Assessment, Lang, RulesConfig};
use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet};

use crate::input::read_limited;
use crate::{LangArg, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Class input (`hocba.class-input/1`) or one student's input.
    input: PathBuf,
    /// The workbook to write: .xlsx (gradebook, results and summary sheets) or .csv (the gradebook only).
    #[arg(short, long)]
    output: PathBuf,
    /// Language of the results and summary sheets.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let bytes = read_limited(&args.input, ASSESS_LIMITS.max_bytes)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let class = match parse_assess_document(&bytes) {
        Ok(AssessDocument::Class(c)) => c,
        Ok(AssessDocument::Student(s)) => RawClassInput {
            format: None,
            class: None,
            school: None,
            students: vec![*s],
        },
        Err(e) => {
            println!("✗ [{}] {}", e.code(), e.message(lang));
            return Ok(EXIT_INVALID);
        }
    };
    let Some(first) = class.students.first() else {
        bail!("{}: no students", args.input.display())
    };
    let grade = u8::try_from(first.grade).ok().and_then(Grade::new);
    let year = first.school_year.parse::<SchoolYear>().ok();
    let (Some(grade), Some(year)) = (grade, year) else {
        bail!(
            "{}: the first student's grade or school year is invalid",
            args.input.display()
        )
    };
    let config = RulesConfig::default();
    let mut assessments = Vec::new();
    let mut failed = false;
    for (i, s) in class.students.iter().enumerate() {
        if i64::from(grade.number()) != s.grade || s.school_year != first.school_year {
            println!(
                "✗ /students/{i}: {}",
                lang.pick(
                    "khác khối lớp hoặc năm học",
                    "different grade or school year"
                )
            );
            failed = true;
            continue;
        }
        // The gradebook has no column for these: refuse rather than drop them.
        let unrepresentable = s
            .tt22
            .as_ref()
            .is_some_and(|t| t.principal.is_some() || t.subjects.iter().any(|x| x.basis.is_some()))
            || s.tt27
                .as_ref()
                .is_some_and(|t| t.principal_decision.is_some());
        if unrepresentable {
            println!(
                "✗ /students/{i}: {}",
                lang.pick(
                    "sổ điểm không có cột cho cơ sở đánh giá (basis) hay quyết định của Hiệu trưởng: không xuất để khỏi mất dữ liệu",
                    "the gradebook has no column for an assessment basis or a principal's decision: not exported, so nothing is lost"
                )
            );
            failed = true;
            continue;
        }
        match assess_raw(s, &config) {
            Ok(a) => assessments.push(a),
            Err(errors) => {
                failed = true;
                for e in errors.as_slice() {
                    println!(
                        "✗ /students/{i}{} [{}] {}",
                        e.pointer(),
                        e.code(),
                        e.message(lang)
                    );
                }
            }
        }
    }
    if failed {
        println!(
            "{}",
            lang.pick(
                "Không xuất tệp: dữ liệu có lỗi.",
                "Nothing exported: the input has problems."
            )
        );
        return Ok(EXIT_INVALID);
    }
    let (layout, table) = gradebook_table(&class, grade, year);
    let is_csv = args
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        // CSV holds one sheet: the gradebook, importable again.
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_path(&args.output)
            .with_context(|| format!("cannot write {}", args.output.display()))?;
        for row in &table {
            w.write_record(row)?;
        }
        w.flush()?;
        eprintln!(
            "{} {} → {}",
            assessments.len(),
            lang.pick("học sinh", "students"),
            args.output.display()
        );
        return Ok(EXIT_OK);
    }
    let mut workbook = Workbook::new();
    gradebook_sheet(workbook.add_worksheet(), &layout, &table)?;
    results_sheet(workbook.add_worksheet(), &assessments, lang)?;
    summary_sheet(workbook.add_worksheet(), &assessments, lang)?;
    workbook
        .save(&args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "{} {} → {}",
        assessments.len(),
        lang.pick("học sinh", "students"),
        args.output.display()
    );
    Ok(EXIT_OK)
}

fn is_number_column(c: Column) -> bool {
    use hocba_core::gradebook::PrimaryField;
    matches!(
        c,
        Column::RowNumber
            | Column::Mark { .. }
            | Column::Retest(_)
            | Column::Absences
            | Column::PrimaryMark {
                field: PrimaryField::Test | PrimaryField::Retest,
                ..
            }
    )
}

/// The importable gradebook as a table: metadata row, header row, one row per student; with each cell's
/// column, so numbers can be written as numbers.
fn gradebook_table(
    class: &RawClassInput,
    grade: Grade,
    year: SchoolYear,
) -> (Vec<Column>, Vec<Vec<String>>) {
    let meta = vec![
        FORMAT.to_string(),
        "khoi".into(),
        grade.number().to_string(),
        "nam_hoc".into(),
        year.to_string(),
        "lop".into(),
        class.class.clone().unwrap_or_default(),
        "truong".into(),
        class.school.clone().unwrap_or_default(),
    ];
    let layout = layout_for(grade, year, &class.students);
    let mut rows = vec![meta, layout.iter().map(|c| header_of(*c)).collect()];
    for (r, student) in class.students.iter().enumerate() {
        rows.push(
            layout
                .iter()
                .map(|c| cell_value(student, r, *c).unwrap_or_default())
                .collect(),
        );
    }
    (layout, rows)
}

fn gradebook_sheet(
    ws: &mut Worksheet,
    layout: &[Column],
    rows: &[Vec<String>],
) -> anyhow::Result<()> {
    ws.set_name("so_diem")?;
    let bold = CellFormat::new().set_bold();
    for (r, cells) in rows.iter().enumerate() {
        let row = u32::try_from(r)?;
        for (c, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            // Numbers go in as numbers (what teachers type); the shortest decimal of the double reads back
            // as the same text, so the round trip keeps every value.
            let number_column = r >= 2 && layout.get(c).is_some_and(|k| is_number_column(*k));
            match v.parse::<f64>() {
                Ok(n) if number_column => ws.write_number(row, col(c), n)?,
                _ if r == 1 => ws.write_string_with_format(row, col(c), v, &bold)?,
                _ => ws.write_string(row, col(c), v)?,
            };
        }
    }
    Ok(())
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn show(v: Option<SubjectValue>, lang: Lang) -> String {
    v.map_or_else(String::new, |v| v.display(lang))
}

/// One row per student with every result.
fn results_sheet(ws: &mut Worksheet, assessments: &[Assessment], lang: Lang) -> anyhow::Result<()> {
    ws.set_name(lang.pick("ket_qua", "results"))?;
    let bold = CellFormat::new().set_bold();
    let mut header = vec![
        lang.pick("STT", "No.").to_string(),
        lang.pick("Mã học sinh", "Student code").into(),
        lang.pick("Họ và tên", "Full name").into(),
    ];
    let subjects: Vec<_> = match assessments.first().map(|a| &a.result) {
        Some(RegimeAssessment::Tt22(s)) => s.subjects.iter().map(|r| r.subject).collect(),
        Some(RegimeAssessment::Tt27(p)) => p.subjects.iter().map(|r| r.subject).collect(),
        None => Vec::new(),
    };
    let tt22 = matches!(
        assessments.first().map(|a| &a.result),
        Some(RegimeAssessment::Tt22(_))
    );
    for s in &subjects {
        let name = lang.pick(s.name_vi(), s.name_en());
        if tt22 {
            for t in [
                lang.pick("HK I", "Sem I"),
                lang.pick("HK II", "Sem II"),
                lang.pick("Cả năm", "Year"),
            ] {
                header.push(format!("{name} {t}"));
            }
        } else {
            header.push(format!("{name} ({})", lang.pick("cuối năm", "end of year")));
        }
    }
    let tail: &[&str] = if tt22 {
        &[
            lang.pick("Học tập cả năm", "Year learning"),
            lang.pick("Rèn luyện cả năm", "Year conduct"),
            lang.pick("Số buổi nghỉ", "Absences"),
            lang.pick("Lên lớp", "Promotion"),
            lang.pick("Khen thưởng", "Title"),
        ]
    } else {
        &[
            lang.pick("Kết quả giáo dục", "Educational result"),
            lang.pick("Hoàn thành", "Completion"),
            lang.pick("Khen thưởng", "Title"),
        ]
    };
    header.extend(tail.iter().map(|s| s.to_string()));
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &bold)?;
    }
    for (r, a) in assessments.iter().enumerate() {
        let row = u32::try_from(r + 1)?;
        let mut cells = vec![
            (r + 1).to_string(),
            a.student.id.clone(),
            a.student.full_name.clone().unwrap_or_default(),
        ];
        match &a.result {
            RegimeAssessment::Tt22(s) => {
                for x in &s.subjects {
                    cells.extend([
                        show(x.hk1, lang),
                        show(x.hk2, lang),
                        show(x.retest.or(x.year), lang),
                    ]);
                }
                let grade_final = matches!(a.ruleset.grade.number(), 9 | 12);
                cells.extend([
                    s.learning
                        .year_after_retest
                        .or(s.learning.year)
                        .map_or(String::new(), |l| l.level.label(lang).into()),
                    s.conduct
                        .after_summer_training
                        .or(s.conduct.year)
                        .map_or(String::new(), |l| l.label(lang).into()),
                    s.absences.to_string(),
                    s.promotion.status.label(lang, grade_final).into(),
                    s.title.map_or(String::new(), |t| t.label(lang).into()),
                ]);
            }
            RegimeAssessment::Tt27(p) => {
                for x in &p.subjects {
                    cells.push(x.marks.cn.map_or(String::new(), |m| {
                        m.test.map_or_else(
                            || m.level.short_vi().to_string(),
                            |t| format!("{} {}", m.level.short_vi(), t.score),
                        )
                    }));
                }
                cells.extend([
                    p.result.map_or(String::new(), |r| r.label(lang).into()),
                    p.completion.label(lang).into(),
                    p.title.map_or(String::new(), |t| t.label(lang).into()),
                ]);
            }
        }
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(row, col(c), v)?;
        }
    }
    Ok(())
}

/// Counts per result, as a class report needs them.
fn summary_sheet(ws: &mut Worksheet, assessments: &[Assessment], lang: Lang) -> anyhow::Result<()> {
    ws.set_name(lang.pick("tong_hop", "summary"))?;
    let mut counts: BTreeMap<(u8, String), usize> = BTreeMap::new();
    for a in assessments {
        let mut add = |group: u8, key: String| *counts.entry((group, key)).or_default() += 1;
        match &a.result {
            RegimeAssessment::Tt22(s) => {
                add(
                    0,
                    format!(
                        "{}: {}",
                        lang.pick("Học tập", "Learning"),
                        s.learning.year.map_or("—", |l| l.level.label(lang))
                    ),
                );
                add(
                    1,
                    format!(
                        "{}: {}",
                        lang.pick("Rèn luyện", "Conduct"),
                        s.conduct.year.map_or("—", |l| l.label(lang))
                    ),
                );
                add(
                    2,
                    format!(
                        "{}: {}",
                        lang.pick("Lên lớp", "Promotion"),
                        s.promotion.status.label(lang, false)
                    ),
                );
                add(
                    3,
                    format!(
                        "{}: {}",
                        lang.pick("Khen thưởng", "Title"),
                        s.title.map_or("—", |t| t.label(lang))
                    ),
                );
            }
            RegimeAssessment::Tt27(p) => {
                add(
                    0,
                    format!(
                        "{}: {}",
                        lang.pick("Kết quả", "Result"),
                        p.result.map_or("—", |r| r.label(lang))
                    ),
                );
                add(
                    1,
                    format!(
                        "{}: {}",
                        lang.pick("Hoàn thành", "Completion"),
                        p.completion.label(lang)
                    ),
                );
                add(
                    3,
                    format!(
                        "{}: {}",
                        lang.pick("Khen thưởng", "Title"),
                        p.title.map_or("—", |t| t.label(lang))
                    ),
                );
            }
        }
    }
    let bold = CellFormat::new().set_bold();
    ws.write_string_with_format(0, 0, lang.pick("Nội dung", "Item"), &bold)?;
    ws.write_string_with_format(0, 1, lang.pick("Số học sinh", "Students"), &bold)?;
    for (r, ((_, key), n)) in counts.iter().enumerate() {
        let row = u32::try_from(r + 1)?;
        ws.write_string(row, 0, key)?;
        ws.write_number(row, 1, f64::from(u32::try_from(*n)?))?;
    }
    ws.autofit();
    Ok(())
}
