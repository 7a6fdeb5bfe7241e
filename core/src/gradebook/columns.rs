//! Column headers of the gradebook layout (`docs/gradebook.md`): what a header means and where its value
//! goes in the assessment input.

use alloc::string::String;

use crate::rules::catalogue::{Competence, Quality, Subject};

/// A TT22 component of one semester.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// ĐĐGtx number `n` (1-based).
    Regular(u8),
    /// ĐĐGgk.
    Midterm,
    /// ĐĐGck.
    Final,
}

/// A TT27 time point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Point {
    /// Giữa học kì I.
    Ghk1,
    /// Cuối học kì I.
    Chk1,
    /// Giữa học kì II.
    Ghk2,
    /// Cuối năm.
    Cn,
}

impl Point {
    /// Code in headers and inputs.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Point::Ghk1 => "ghk1",
            Point::Chk1 => "chk1",
            Point::Ghk2 => "ghk2",
            Point::Cn => "cn",
        }
    }

    fn parse(s: &str) -> Option<Point> {
        Some(match s {
            "ghk1" => Point::Ghk1,
            "chk1" => Point::Chk1,
            "ghk2" => Point::Ghk2,
            "cn" => Point::Cn,
            _ => return None,
        })
    }

    /// All four, in order.
    pub const ALL: [Point; 4] = [Point::Ghk1, Point::Chk1, Point::Ghk2, Point::Cn];
}

/// What a TT27 subject column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PrimaryField {
    /// Level T/H/C.
    Level,
    /// Periodic test.
    Test,
    /// Another test set by the teacher.
    Retest,
}

/// The meaning of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// STT (row number): ignored.
    RowNumber,
    /// Student code.
    StudentId,
    /// Full name.
    FullName,
    /// `<subject>.<hk1|hk2>.<txN|gk|ck>`.
    Mark {
        /// Subject.
        subject: Subject,
        /// Semester 1 or 2.
        semester: u8,
        /// Component.
        part: Part,
    },
    /// `<subject>.<hk1|hk2>.mien_thuc_hanh`: exempted from the practical part (GDTC, GDQP&AN; `x` or empty).
    ExemptPractical {
        /// Subject.
        subject: Subject,
        /// Semester 1 or 2.
        semester: u8,
    },
    /// `<subject>.thi_lai`: summer retest.
    Retest(Subject),
    /// `ren_luyen.hk1` / `ren_luyen.hk2`.
    Conduct(u8),
    /// `ren_luyen.sau_he`: conduct after summer training.
    ConductAfterSummer,
    /// `nghi`: sessions absent.
    Absences,
    /// `<subject>.<point>.<muc|kt|kt_lai>` (TT27).
    PrimaryMark {
        /// Subject.
        subject: Subject,
        /// Time point.
        point: Point,
        /// Field.
        field: PrimaryField,
    },
    /// `pc.<quality>.<point>`.
    Quality(Quality, Point),
    /// `nl.<competence>.<point>`.
    Competence(Competence, Point),
    /// `danh_gia_bo_sung`.
    Supplementary,
    /// `khen_tap_the`: outstanding achievement recognised by the class.
    ClassRecognition,
}

/// Why a header is not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Empty (often the tail of merged header cells).
    Blank,
    /// Not a column of the layout.
    Unknown(String),
}

/// Reads a header: the codes of `docs/gradebook.md`, case-insensitive, or the Vietnamese labels of the
/// identity columns.
///
/// # Errors
/// [`HeaderProblem`] for blank and unknown headers.
pub fn parse_header(text: &str) -> Result<Column, HeaderProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(HeaderProblem::Blank);
    }
    let lower = t.to_lowercase();
    let unknown = || HeaderProblem::Unknown(String::from(t));
    match lower.as_str() {
        "stt" => return Ok(Column::RowNumber),
        "ma_hoc_sinh" | "mã học sinh" | "mã hs" => return Ok(Column::StudentId),
        "ho_ten" | "họ và tên" | "họ tên" => return Ok(Column::FullName),
        "nghi" | "số buổi nghỉ" => return Ok(Column::Absences),
        "ren_luyen.sau_he" => return Ok(Column::ConductAfterSummer),
        "danh_gia_bo_sung" => return Ok(Column::Supplementary),
        "khen_tap_the" => return Ok(Column::ClassRecognition),
        _ => {}
    }
    let parts: alloc::vec::Vec<&str> = lower.split('.').collect();
    match parts.as_slice() {
        ["ren_luyen", "hk1"] => Ok(Column::Conduct(1)),
        ["ren_luyen", "hk2"] => Ok(Column::Conduct(2)),
        ["pc", q, p] => Ok(Column::Quality(
            q.parse().map_err(|_| unknown())?,
            Point::parse(p).ok_or_else(unknown)?,
        )),
        ["nl", k, p] => Ok(Column::Competence(
            k.parse().map_err(|_| unknown())?,
            Point::parse(p).ok_or_else(unknown)?,
        )),
        [s, "thi_lai"] => Ok(Column::Retest(s.parse().map_err(|_| unknown())?)),
        [s, sem @ ("hk1" | "hk2"), "mien_thuc_hanh"] => Ok(Column::ExemptPractical {
            subject: s.parse().map_err(|_| unknown())?,
            semester: if *sem == "hk1" { 1 } else { 2 },
        }),
        [s, sem @ ("hk1" | "hk2"), part] => {
            let subject = s.parse().map_err(|_| unknown())?;
            let semester = if *sem == "hk1" { 1 } else { 2 };
            let part = match *part {
                "gk" => Part::Midterm,
                "ck" => Part::Final,
                tx => {
                    let n: u8 = tx
                        .strip_prefix("tx")
                        .and_then(|n| n.parse().ok())
                        .ok_or_else(unknown)?;
                    if n == 0 || usize::from(n) > crate::assess::raw::MAX_REGULAR {
                        return Err(unknown());
                    }
                    Part::Regular(n)
                }
            };
            Ok(Column::Mark {
                subject,
                semester,
                part,
            })
        }
        [s, p, f] => {
            let subject = s.parse().map_err(|_| unknown())?;
            let point = Point::parse(p).ok_or_else(unknown)?;
            let field = match *f {
                "muc" => PrimaryField::Level,
                "kt" => PrimaryField::Test,
                "kt_lai" => PrimaryField::Retest,
                _ => return Err(unknown()),
            };
            Ok(Column::PrimaryMark {
                subject,
                point,
                field,
            })
        }
        _ => Err(unknown()),
    }
}

/// The header of a column, as the export writes it.
#[must_use]
pub fn header_of(column: Column) -> String {
    use alloc::format;
    match column {
        Column::RowNumber => "stt".into(),
        Column::StudentId => "ma_hoc_sinh".into(),
        Column::FullName => "ho_ten".into(),
        Column::Mark {
            subject,
            semester,
            part,
        } => {
            let p = match part {
                Part::Regular(n) => format!("tx{n}"),
                Part::Midterm => "gk".into(),
                Part::Final => "ck".into(),
            };
            format!("{}.hk{semester}.{p}", subject.code())
        }
        Column::ExemptPractical { subject, semester } => {
            format!("{}.hk{semester}.mien_thuc_hanh", subject.code())
        }
        Column::Retest(s) => format!("{}.thi_lai", s.code()),
        Column::Conduct(n) => format!("ren_luyen.hk{n}"),
        Column::ConductAfterSummer => "ren_luyen.sau_he".into(),
        Column::Absences => "nghi".into(),
        Column::PrimaryMark {
            subject,
            point,
            field,
        } => {
            let f = match field {
                PrimaryField::Level => "muc",
                PrimaryField::Test => "kt",
                PrimaryField::Retest => "kt_lai",
            };
            format!("{}.{}.{f}", subject.code(), point.code())
        }
        Column::Quality(q, p) => format!("pc.{}.{}", q.code(), p.code()),
        Column::Competence(k, p) => format!("nl.{}.{}", k.code(), p.code()),
        Column::Supplementary => "danh_gia_bo_sung".into(),
        Column::ClassRecognition => "khen_tap_the".into(),
    }
}
