//! Comments and awards: each refers to something the record assesses, at most once, in valid text.

use alloc::format;
use alloc::vec::Vec;

use super::Problems;
use crate::record::identifiers::Date;
use crate::record::model::{Record, TraitComment};
use crate::record::problem::ProblemKind;
use crate::record::text::{MAX_COMMENT_CHARS, MAX_NAME_CHARS};
use crate::school_year::SchoolYear;

pub(super) fn check(r: &Record, year: Option<SchoolYear>, p: &mut Problems) {
    let subjects: Vec<&str> = match (&r.tt22, &r.tt27) {
        (Some(s), _) => s.subjects.iter().map(|s| s.subject.as_str()).collect(),
        (None, Some(pr)) => pr.subjects.iter().map(|s| s.subject.as_str()).collect(),
        (None, None) => Vec::new(),
    };
    let c = &r.comments;
    let mut seen: Vec<&str> = Vec::new();
    for (i, sc) in c.subjects.iter().enumerate() {
        let at = || format!("/comments/subjects/{i}");
        if !subjects.contains(&sc.subject.as_str()) {
            p.push(
                format!("{}/subject", at()),
                ProblemKind::CommentSubjectUnknown {
                    subject: sc.subject.clone(),
                },
            );
        } else if seen.contains(&sc.subject.as_str()) {
            p.push(
                format!("{}/subject", at()),
                ProblemKind::CommentDuplicate {
                    code: sc.subject.clone(),
                },
            );
        }
        seen.push(&sc.subject);
        if let Some(t) = &sc.teacher {
            p.line_with(|| format!("{}/teacher", at()), t, MAX_NAME_CHARS);
        }
        p.free_with(|| format!("{}/text", at()), &sc.text, MAX_COMMENT_CHARS);
    }
    for (list, comments) in [("qualities", &c.qualities), ("competences", &c.competences)] {
        if comments.is_empty() {
            continue;
        }
        match &r.tt27 {
            None => p.push(
                format!("/comments/{list}"),
                ProblemKind::CommentNotApplicable,
            ),
            Some(pr) => {
                let assessed = if list == "qualities" {
                    &pr.qualities
                } else {
                    &pr.competences
                };
                let codes: Vec<&str> = assessed.iter().map(|t| t.code.as_str()).collect();
                traits(list, comments, &codes, p);
            }
        }
    }
    if let Some(t) = &c.class_teacher {
        p.free("/comments/class_teacher", t, MAX_COMMENT_CHARS);
    }
    for (i, a) in r.awards.iter().enumerate() {
        let at = || format!("/awards/{i}");
        p.line_with(|| format!("{}/name", at()), &a.name, MAX_NAME_CHARS);
        if let Some(issuer) = &a.issuer {
            p.line_with(|| format!("{}/issuer", at()), issuer, MAX_NAME_CHARS);
        }
        if let Some(d) = &a.date {
            match Date::parse(d) {
                None => p.push(
                    format!("{}/date", at()),
                    ProblemKind::InvalidDate { value: d.clone() },
                ),
                Some(date) => {
                    // The school year runs from 1 August to 31 August of the next year (awards of the
                    // summer belong to the ending year).
                    let inside = year.is_some_and(|y| {
                        Date::new(y.start(), 8, 1).is_some_and(|from| date >= from)
                            && Date::new(y.start() + 1, 8, 31).is_some_and(|to| date <= to)
                    });
                    if year.is_some() && !inside {
                        p.push(
                            format!("{}/date", at()),
                            ProblemKind::AwardOutsideSchoolYear,
                        );
                    }
                }
            }
        }
    }
}

fn traits(list: &str, comments: &[TraitComment], assessed: &[&str], p: &mut Problems) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, tc) in comments.iter().enumerate() {
        let at = || format!("/comments/{list}/{i}");
        if !assessed.contains(&tc.code.as_str()) {
            p.push(
                format!("{}/code", at()),
                ProblemKind::CommentTraitUnknown {
                    code: tc.code.clone(),
                },
            );
        } else if seen.contains(&tc.code.as_str()) {
            p.push(
                format!("{}/code", at()),
                ProblemKind::CommentDuplicate {
                    code: tc.code.clone(),
                },
            );
        }
        seen.push(&tc.code);
        p.free_with(|| format!("{}/text", at()), &tc.text, MAX_COMMENT_CHARS);
    }
}
