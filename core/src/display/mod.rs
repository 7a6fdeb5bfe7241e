//! The display summary of a record: what a parent, a receiving school or a printed page shows of one
//! `hocba.record/1`, with every label and value already written in Vietnamese or English.
//!
//! The summary prints what the record states, never a recomputation: the stated results are what the
//! school signed, and verification's `arithmetic` check is what ties them to the rules. The few things the
//! record holds only in its assessment data (the TT27 end-of-year level of each subject, quality and
//! competence; absences) come from there. Nothing here checks or refuses a value: an unknown code is shown
//! as written, so a summary can be made of any record whose shape holds. Show it only for a record whose
//! verification is valid (or that the user knows to be unverified).
//!
//! Values are formatted the Vietnamese way in Vietnamese — decimal comma ("8,3"), Đ/CĐ, T/H/C — and with a
//! decimal point and words in English. Subjects come in the order of the grade's programme in the
//! catalogue ([`crate::rules::catalogue`]).

mod format;
mod model;
mod primary;
mod read;
mod secondary;

pub use model::{DisplayField, RecordDisplay, SubjectDisplay};
pub use read::{display_bytes, DisplayError, DISPLAY_LIMITS};

use alloc::string::ToString;
use alloc::vec::Vec;

use crate::record::model::{Record, Stated};
use crate::Lang;
use format::{date_dmy, field};

/// The display summary of a record, in `lang`.
#[must_use]
pub fn record_display(record: &Record, lang: Lang) -> RecordDisplay {
    let mut display = RecordDisplay {
        lang,
        regime: match record.stated {
            Stated::Tt22(_) => "tt22",
            Stated::Tt27(_) => "tt27",
        },
        record_id: record.record_id.clone(),
        student_name: field(
            lang.pick("Họ và tên", "Full name"),
            record.student.full_name.clone(),
        ),
        date_of_birth: field(
            lang.pick("Ngày sinh", "Date of birth"),
            date_dmy(&record.student.date_of_birth),
        ),
        class_name: field(lang.pick("Lớp", "Class"), record.class.name.clone()),
        school: field(lang.pick("Trường", "School"), record.school.name.clone()),
        school_year: field(
            lang.pick("Năm học", "School year"),
            record.school_year.clone(),
        ),
        grade: field(lang.pick("Khối lớp", "Grade"), record.grade.to_string()),
        subject_columns: Vec::new(),
        subjects: Vec::new(),
        learning: None,
        conduct: None,
        promotion: None,
        programme_completed: None,
        title: None,
        absences: None,
        qualities: Vec::new(),
        competences: Vec::new(),
        awards: record.awards.iter().map(|a| a.name.clone()).collect(),
    };
    match &record.stated {
        Stated::Tt22(stated) => secondary::fill(&mut display, record, stated, lang),
        Stated::Tt27(stated) => primary::fill(&mut display, record, stated, lang),
    }
    display
}
