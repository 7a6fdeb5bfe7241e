//! One table row ⇄ one student's input. Import and export share this mapping, so a round trip keeps
//! every value.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::columns::{Column, Part, Point, PrimaryField};
use super::{GradebookProblem, Metadata};
use crate::assess::raw::{
    RawAssessInput, RawConduct, RawPrimary, RawPrimaryMark, RawPrimarySubject, RawSecondary,
    RawSecondarySubject, RawSemester, RawStudent, RawTrait, FORMAT,
};
use crate::rules::catalogue::{primary_subjects, secondary_subjects, Subject};
use crate::rules::{regime_for, Regime};
use crate::school_year::{Grade, SchoolYear};

/// A row built into an input.
pub(super) struct Built {
    pub id: Option<String>,
    pub input: RawAssessInput,
    /// Cell problems found while building (a non-number in `nghi`, a bad yes/no).
    pub problems: Vec<(usize, GradebookProblem)>,
    /// JSON pointer → column, when asked for.
    map: Vec<(String, usize)>,
}

impl Built {
    /// The column of a pointer: exact, or the first column under it (`…/regular` → its first TX column).
    pub fn column_of(&self, pointer: &str) -> Option<usize> {
        self.map
            .iter()
            .find(|(p, _)| p == pointer)
            .or_else(|| {
                self.map.iter().find(|(p, _)| {
                    p.len() > pointer.len()
                        && p.starts_with(pointer)
                        && p.as_bytes()[pointer.len()] == b'/'
                })
            })
            .map(|(_, c)| *c)
    }
}

fn cell(row: &[String], col: usize) -> Option<&str> {
    row.get(col).map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Columns of `columns` in order, with their index, that satisfy `keep`.
fn cols<'a>(
    columns: &'a [Option<Column>],
    keep: impl Fn(Column) -> bool + 'a,
) -> impl Iterator<Item = (usize, Column)> + 'a {
    columns
        .iter()
        .enumerate()
        .filter_map(move |(i, c)| c.filter(|c| keep(*c)).map(|c| (i, c)))
}

/// Subjects in order of their first column.
fn subjects_in(columns: &[Option<Column>]) -> Vec<Subject> {
    let mut out: Vec<Subject> = Vec::new();
    for c in columns.iter().flatten() {
        let s = match c {
            Column::Mark { subject, .. }
            | Column::Retest(subject)
            | Column::PrimaryMark { subject, .. } => *subject,
            _ => continue,
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn subject_of(c: Column) -> Option<Subject> {
    match c {
        Column::Mark { subject, .. }
        | Column::Retest(subject)
        | Column::PrimaryMark { subject, .. } => Some(subject),
        _ => None,
    }
}

pub(super) fn student(
    meta: &Metadata,
    regime: Regime,
    columns: &[Option<Column>],
    row: &[String],
    want_map: bool,
) -> Built {
    let mut map = Vec::new();
    let mut note = |pointer: &dyn Fn() -> String, col: usize| {
        if want_map {
            map.push((pointer(), col));
        }
    };
    let mut problems = Vec::new();
    let text = |col: usize| cell(row, col).map(String::from);
    let id = cols(columns, |c| c == Column::StudentId).find_map(|(i, _)| text(i));
    let full_name = cols(columns, |c| c == Column::FullName).find_map(|(i, _)| text(i));
    if let Some((i, _)) = cols(columns, |c| c == Column::StudentId).next() {
        note(&|| "/student/id".into(), i);
    }
    let mut input = RawAssessInput {
        format: Some(FORMAT.into()),
        student: RawStudent {
            id: id.clone().unwrap_or_default(),
            full_name,
        },
        grade: i64::from(meta.grade.number()),
        school_year: format!("{}", meta.school_year),
        tt22: None,
        tt27: None,
    };
    let subjects = subjects_in(columns);
    let taken: Vec<Subject> = subjects
        .iter()
        .copied()
        .filter(|s| {
            cols(columns, |c| subject_of(c) == Some(*s)).any(|(i, _)| cell(row, i).is_some())
        })
        .collect();
    if regime == Regime::Tt22 {
        let mut list = Vec::new();
        for (si, &subject) in taken.iter().enumerate() {
            let base = format!("/tt22/subjects/{si}");
            if let Some((first, _)) = cols(columns, |c| subject_of(c) == Some(subject)).next() {
                note(&|| format!("{base}/subject"), first);
            }
            let mut semester = |n: u8| -> Option<RawSemester> {
                let mine = |c: Column| matches!(c, Column::Mark { subject: s, semester, .. } if s == subject && semester == n);
                if !cols(columns, mine).any(|(i, _)| cell(row, i).is_some()) {
                    return None;
                }
                let sp = format!("{base}/hk{n}");
                let mut regular: Vec<(u8, usize)> = cols(columns, mine)
                    .filter_map(|(i, c)| match c {
                        Column::Mark {
                            part: Part::Regular(k),
                            ..
                        } => Some((k, i)),
                        _ => None,
                    })
                    .collect();
                regular.sort_unstable();
                let mut values = Vec::new();
                for (k, (_, i)) in regular.iter().enumerate() {
                    if let Some(v) = cell(row, *i) {
                        note(&|| format!("{sp}/regular/{}", values.len()), *i);
                        values.push(v.to_string());
                    } else if k == 0 {
                        note(&|| format!("{sp}/regular"), *i);
                    }
                }
                let mut part = |p: Part, name: &str| {
                    cols(
                        columns,
                        |c| matches!(c, Column::Mark { part, .. } if mine(c) && part == p),
                    )
                    .next()
                    .and_then(|(i, _)| {
                        note(&|| format!("{sp}/{name}"), i);
                        text(i)
                    })
                };
                let midterm = part(Part::Midterm, "midterm");
                let final_exam = part(Part::Final, "final");
                let mut exempt_practical = false;
                if let Some((i, _)) = cols(columns, |c| {
                    c == Column::ExemptPractical {
                        subject,
                        semester: n,
                    }
                })
                .next()
                {
                    note(&|| format!("{sp}/exempt_practical"), i);
                    match yes_no(cell(row, i)) {
                        Ok(v) => exempt_practical = v,
                        Err(v) => problems.push((i, GradebookProblem::NotYesNo(v))),
                    }
                }
                Some(RawSemester {
                    regular: values,
                    midterm,
                    final_exam,
                    exempt_practical,
                })
            };
            let hk1 = semester(1);
            let hk2 = semester(2);
            let retest = cols(columns, |c| c == Column::Retest(subject))
                .next()
                .and_then(|(i, _)| {
                    note(&|| format!("{base}/retest"), i);
                    text(i)
                });
            list.push(RawSecondarySubject {
                subject: subject.code().into(),
                basis: None,
                hk1,
                hk2,
                retest,
            });
        }
        let mut level = |column: Column, pointer: &'static str| {
            cols(columns, |c| c == column).next().and_then(|(i, _)| {
                note(&|| pointer.into(), i);
                text(i)
            })
        };
        let conduct = RawConduct {
            hk1: level(Column::Conduct(1), "/tt22/conduct/hk1"),
            hk2: level(Column::Conduct(2), "/tt22/conduct/hk2"),
            after_summer: level(Column::ConductAfterSummer, "/tt22/conduct/after_summer"),
        };
        let mut absences = 0;
        if let Some((i, _)) = cols(columns, |c| c == Column::Absences).next() {
            note(&|| "/tt22/absences".into(), i);
            if let Some(v) = cell(row, i) {
                match v.parse::<i64>() {
                    Ok(n) => absences = n,
                    Err(_) => problems.push((i, GradebookProblem::NotAWholeNumber(v.into()))),
                }
            }
        }
        input.tt22 = Some(RawSecondary {
            subjects: list,
            conduct,
            absences,
            principal: None,
        });
    } else {
        let mut list = Vec::new();
        for (si, &subject) in taken.iter().enumerate() {
            let base = format!("/tt27/subjects/{si}");
            if let Some((first, _)) = cols(columns, |c| subject_of(c) == Some(subject)).next() {
                note(&|| format!("{base}/subject"), first);
            }
            let mut point = |p: Point| -> Option<RawPrimaryMark> {
                let field = |f: PrimaryField| {
                    cols(columns, move |c| {
                        c == Column::PrimaryMark {
                            subject,
                            point: p,
                            field: f,
                        }
                    })
                    .next()
                    .map(|(i, _)| i)
                };
                let (level, test, retest) = (
                    field(PrimaryField::Level),
                    field(PrimaryField::Test),
                    field(PrimaryField::Retest),
                );
                if ![level, test, retest]
                    .iter()
                    .flatten()
                    .any(|&i| cell(row, i).is_some())
                {
                    return None;
                }
                let pp = format!("{base}/{}", p.code());
                let mut get = |i: Option<usize>, name: &str| {
                    i.and_then(|i| {
                        note(&|| format!("{pp}/{name}"), i);
                        text(i)
                    })
                };
                Some(RawPrimaryMark {
                    level: get(level, "level").unwrap_or_default(),
                    test: get(test, "test"),
                    retest: get(retest, "retest"),
                })
            };
            list.push(RawPrimarySubject {
                subject: subject.code().into(),
                ghk1: point(Point::Ghk1),
                chk1: point(Point::Chk1),
                ghk2: point(Point::Ghk2),
                cn: point(Point::Cn),
            });
        }
        let mut traits = |list_name: &str,
                          codes: Vec<&'static str>,
                          is: &dyn Fn(Column, &str, Point) -> bool| {
            let mut out = Vec::new();
            for code in codes {
                let at = |p: Point| cols(columns, |c| is(c, code, p)).next().map(|(i, _)| i);
                if !Point::ALL
                    .iter()
                    .filter_map(|&p| at(p))
                    .any(|i| cell(row, i).is_some())
                {
                    continue;
                }
                let n = out.len();
                let mut get = |p: Point| {
                    at(p).and_then(|i| {
                        note(&|| format!("/tt27/{list_name}/{n}/{}", p.code()), i);
                        text(i)
                    })
                };
                out.push(RawTrait {
                    code: code.into(),
                    ghk1: get(Point::Ghk1),
                    chk1: get(Point::Chk1),
                    ghk2: get(Point::Ghk2),
                    cn: get(Point::Cn),
                });
            }
            out
        };
        let quality_codes = distinct(columns, |c| match c {
            Column::Quality(q, _) => Some(q.code()),
            _ => None,
        });
        let competence_codes = distinct(columns, |c| match c {
            Column::Competence(k, _) => Some(k.code()),
            _ => None,
        });
        let qualities = traits(
            "qualities",
            quality_codes,
            &|c, code, p| matches!(c, Column::Quality(q, pp) if q.code() == code && pp == p),
        );
        let competences = traits(
            "competences",
            competence_codes,
            &|c, code, p| matches!(c, Column::Competence(k, pp) if k.code() == code && pp == p),
        );
        let supplementary = cols(columns, |c| c == Column::Supplementary)
            .next()
            .and_then(|(i, _)| {
                note(&|| "/tt27/supplementary".into(), i);
                text(i)
            });
        let mut class_recognition = false;
        if let Some((i, _)) = cols(columns, |c| c == Column::ClassRecognition).next() {
            match yes_no(cell(row, i)) {
                Ok(v) => class_recognition = v,
                Err(v) => problems.push((i, GradebookProblem::NotYesNo(v))),
            }
        }
        input.tt27 = Some(RawPrimary {
            subjects: list,
            qualities,
            competences,
            supplementary,
            principal_decision: None,
            class_recognition,
        });
    }
    Built {
        id,
        input,
        problems,
        map,
    }
}

/// `x`/`1`/`có`/`true` or empty/`0`/`không`/`false`; anything else is given back as the error.
fn yes_no(cell: Option<&str>) -> Result<bool, String> {
    match cell.map(str::to_lowercase).as_deref() {
        None | Some("0" | "không" | "khong" | "false") => Ok(false),
        Some("x" | "1" | "có" | "co" | "true") => Ok(true),
        Some(other) => Err(other.into()),
    }
}

fn distinct(
    columns: &[Option<Column>],
    code: impl Fn(Column) -> Option<&'static str>,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    for c in columns.iter().flatten() {
        if let Some(k) = code(*c) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// The columns that hold every value of `students` (all of one grade and year), in the order of the học bạ.
#[must_use]
pub fn layout_for(grade: Grade, year: SchoolYear, students: &[RawAssessInput]) -> Vec<Column> {
    let mut out = alloc::vec![Column::RowNumber, Column::StudentId, Column::FullName];
    if regime_for(grade, year) == Regime::Tt22 {
        let all: Vec<&RawSecondarySubject> = students
            .iter()
            .filter_map(|s| s.tt22.as_ref())
            .flat_map(|t| &t.subjects)
            .collect();
        // The students' own subject order (so a round trip keeps it), then anything else in catalogue order.
        let mut specs: Vec<_> = Vec::new();
        for s in &all {
            if let Some(spec) = secondary_subjects(grade)
                .iter()
                .find(|x| x.subject.code() == s.subject)
            {
                if !specs
                    .iter()
                    .any(|x: &&crate::rules::catalogue::SubjectSpec| x.subject == spec.subject)
                {
                    specs.push(spec);
                }
            }
        }
        for spec in specs {
            let mine: Vec<_> = all
                .iter()
                .filter(|s| s.subject == spec.subject.code())
                .collect();
            if mine.is_empty() {
                continue;
            }
            for n in 1..=2u8 {
                let sem =
                    |s: &&&RawSecondarySubject| if n == 1 { s.hk1.clone() } else { s.hk2.clone() };
                let present: Vec<RawSemester> = mine.iter().filter_map(sem).collect();
                if present.is_empty() {
                    continue;
                }
                let regular = present
                    .iter()
                    .map(|s| s.regular.len())
                    .max()
                    .unwrap_or(0)
                    .max(spec.required_regular());
                for k in 1..=regular {
                    out.push(Column::Mark {
                        subject: spec.subject,
                        semester: n,
                        part: Part::Regular(u8::try_from(k).unwrap_or(u8::MAX)),
                    });
                }
                out.push(Column::Mark {
                    subject: spec.subject,
                    semester: n,
                    part: Part::Midterm,
                });
                out.push(Column::Mark {
                    subject: spec.subject,
                    semester: n,
                    part: Part::Final,
                });
                if present.iter().any(|s| s.exempt_practical) {
                    out.push(Column::ExemptPractical {
                        subject: spec.subject,
                        semester: n,
                    });
                }
            }
            if mine.iter().any(|s| s.retest.is_some()) {
                out.push(Column::Retest(spec.subject));
            }
        }
        out.extend([Column::Conduct(1), Column::Conduct(2)]);
        if students
            .iter()
            .filter_map(|s| s.tt22.as_ref())
            .any(|t| t.conduct.after_summer.is_some())
        {
            out.push(Column::ConductAfterSummer);
        }
        out.push(Column::Absences);
    } else {
        let all: Vec<&RawPrimarySubject> = students
            .iter()
            .filter_map(|s| s.tt27.as_ref())
            .flat_map(|t| &t.subjects)
            .collect();
        let catalogue = primary_subjects(grade);
        let mut specs: Vec<&crate::rules::catalogue::PrimarySubjectSpec> = Vec::new();
        for s in &all {
            if let Some(spec) = catalogue.iter().find(|x| x.subject.code() == s.subject) {
                if !specs.iter().any(|x| x.subject == spec.subject) {
                    specs.push(spec);
                }
            }
        }
        for spec in specs {
            let mine: Vec<_> = all
                .iter()
                .filter(|s| s.subject == spec.subject.code())
                .collect();
            for p in Point::ALL {
                let marks: Vec<&RawPrimaryMark> =
                    mine.iter().filter_map(|s| primary_point(s, p)).collect();
                if marks.is_empty() {
                    continue;
                }
                out.push(Column::PrimaryMark {
                    subject: spec.subject,
                    point: p,
                    field: PrimaryField::Level,
                });
                if marks.iter().any(|m| m.test.is_some()) {
                    out.push(Column::PrimaryMark {
                        subject: spec.subject,
                        point: p,
                        field: PrimaryField::Test,
                    });
                }
                if marks.iter().any(|m| m.retest.is_some()) {
                    out.push(Column::PrimaryMark {
                        subject: spec.subject,
                        point: p,
                        field: PrimaryField::Retest,
                    });
                }
            }
        }
        let prim: Vec<&RawPrimary> = students.iter().filter_map(|s| s.tt27.as_ref()).collect();
        let qualities: Vec<&RawTrait> = prim.iter().flat_map(|p| &p.qualities).collect();
        let competences: Vec<&RawTrait> = prim.iter().flat_map(|p| &p.competences).collect();
        trait_columns(
            &mut out,
            crate::rules::catalogue::Quality::ALL,
            &qualities,
            Column::Quality,
        );
        trait_columns(
            &mut out,
            crate::rules::catalogue::Competence::ALL,
            &competences,
            Column::Competence,
        );
        if prim.iter().any(|p| p.supplementary.is_some()) {
            out.push(Column::Supplementary);
        }
        if prim.iter().any(|p| p.class_recognition) {
            out.push(Column::ClassRecognition);
        }
    }
    out
}

/// One column per (trait, time point) that some student has a value for, in catalogue order.
fn trait_columns<K: crate::rules::catalogue::Coded>(
    out: &mut Vec<Column>,
    all: &[K],
    given: &[&RawTrait],
    column: fn(K, Point) -> Column,
) {
    for &k in all {
        for p in Point::ALL {
            if given
                .iter()
                .any(|t| t.code == k.code() && trait_point(t, p).is_some())
            {
                out.push(column(k, p));
            }
        }
    }
}

fn primary_point(s: &RawPrimarySubject, p: Point) -> Option<&RawPrimaryMark> {
    match p {
        Point::Ghk1 => s.ghk1.as_ref(),
        Point::Chk1 => s.chk1.as_ref(),
        Point::Ghk2 => s.ghk2.as_ref(),
        Point::Cn => s.cn.as_ref(),
    }
}

fn trait_point(t: &RawTrait, p: Point) -> Option<&String> {
    match p {
        Point::Ghk1 => t.ghk1.as_ref(),
        Point::Chk1 => t.chk1.as_ref(),
        Point::Ghk2 => t.ghk2.as_ref(),
        Point::Cn => t.cn.as_ref(),
    }
}

/// The text of `column` for the student in 0-based position `index` (for `stt`), or `None` when empty.
#[must_use]
pub fn cell_value(student: &RawAssessInput, index: usize, column: Column) -> Option<String> {
    match column {
        Column::RowNumber => Some(format!("{}", index + 1)),
        Column::StudentId => Some(student.student.id.clone()),
        Column::FullName => student.student.full_name.clone(),
        Column::Mark {
            subject,
            semester,
            part,
        } => {
            let s = student
                .tt22
                .as_ref()?
                .subjects
                .iter()
                .find(|s| s.subject == subject.code())?;
            let sem = if semester == 1 {
                s.hk1.as_ref()?
            } else {
                s.hk2.as_ref()?
            };
            match part {
                Part::Regular(k) => sem.regular.get(usize::from(k).checked_sub(1)?).cloned(),
                Part::Midterm => sem.midterm.clone(),
                Part::Final => sem.final_exam.clone(),
            }
        }
        Column::ExemptPractical { subject, semester } => {
            let s = student
                .tt22
                .as_ref()?
                .subjects
                .iter()
                .find(|s| s.subject == subject.code())?;
            let sem = if semester == 1 {
                s.hk1.as_ref()?
            } else {
                s.hk2.as_ref()?
            };
            sem.exempt_practical.then(|| "x".into())
        }
        Column::Retest(subject) => student
            .tt22
            .as_ref()?
            .subjects
            .iter()
            .find(|s| s.subject == subject.code())?
            .retest
            .clone(),
        Column::Conduct(1) => student.tt22.as_ref()?.conduct.hk1.clone(),
        Column::Conduct(_) => student.tt22.as_ref()?.conduct.hk2.clone(),
        Column::ConductAfterSummer => student.tt22.as_ref()?.conduct.after_summer.clone(),
        Column::Absences => Some(format!("{}", student.tt22.as_ref()?.absences)),
        Column::PrimaryMark {
            subject,
            point,
            field,
        } => {
            let s = student
                .tt27
                .as_ref()?
                .subjects
                .iter()
                .find(|s| s.subject == subject.code())?;
            let m = primary_point(s, point)?;
            match field {
                PrimaryField::Level => Some(m.level.clone()),
                PrimaryField::Test => m.test.clone(),
                PrimaryField::Retest => m.retest.clone(),
            }
        }
        Column::Quality(q, p) => trait_point(
            student
                .tt27
                .as_ref()?
                .qualities
                .iter()
                .find(|t| t.code == q.code())?,
            p,
        )
        .cloned(),
        Column::Competence(k, p) => trait_point(
            student
                .tt27
                .as_ref()?
                .competences
                .iter()
                .find(|t| t.code == k.code())?,
            p,
        )
        .cloned(),
        Column::Supplementary => student.tt27.as_ref()?.supplementary.clone(),
        Column::ClassRecognition => student.tt27.as_ref()?.class_recognition.then(|| "x".into()),
    }
}
