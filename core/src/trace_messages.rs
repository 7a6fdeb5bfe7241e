//! Sentences for trace steps, in Vietnamese and English. Kept apart from the rules so that wording can be
//! reviewed (and snapshotted) on its own.

use alloc::format;
use alloc::string::String;

use crate::levels::{Level, Pass};
use crate::trace::{
    ratio_text, subject_name, Fact, LevelCondition, PrimaryCondition, TraceCode, TraceStep,
};
use crate::Lang;

fn level(l: Level, lang: Lang) -> &'static str {
    l.label(lang)
}

fn condition(c: LevelCondition, lang: Lang) -> String {
    match (c, lang) {
        (LevelCondition::CommentFailures { failed, allowed }, Lang::Vi) => {
            format!("có {failed} môn đánh giá bằng nhận xét Chưa đạt (tối đa {allowed})")
        }
        (LevelCondition::CommentFailures { failed, allowed }, Lang::En) => {
            format!("{failed} comment-assessed subject(s) not passed (at most {allowed})")
        }
        (LevelCondition::LowestBelow { lowest, floor }, Lang::Vi) => {
            format!(
                "có môn ĐTB {} dưới {}",
                lowest.display_vi(),
                floor.display_vi()
            )
        }
        (LevelCondition::LowestBelow { lowest, floor }, Lang::En) => {
            format!("a subject average {lowest} is below {floor}")
        }
        (LevelCondition::TooFewAbove { count, needed, bar }, Lang::Vi) => {
            format!(
                "chỉ {count} môn ĐTB từ {} trở lên (cần {needed})",
                bar.display_vi()
            )
        }
        (LevelCondition::TooFewAbove { count, needed, bar }, Lang::En) => {
            format!("only {count} subject(s) at or above {bar} (need {needed})")
        }
    }
}

fn primary_condition(c: PrimaryCondition, lang: Lang) -> String {
    match c {
        PrimaryCondition::SubjectLevel { subject, level } => {
            format!("{}: {}", subject_name(subject, lang), level.label(lang))
        }
        PrimaryCondition::Quality { quality, level } => format!(
            "{} {}: {}",
            lang.pick("phẩm chất", "quality"),
            lang.pick(quality.name_vi(), quality.name_en()),
            level.label(lang)
        ),
        PrimaryCondition::Competence { competence, level } => format!(
            "{} {}: {}",
            lang.pick("năng lực", "competence"),
            lang.pick(competence.name_vi(), competence.name_en()),
            level.label(lang)
        ),
        PrimaryCondition::TestBelow {
            subject,
            score,
            bar,
        } => match lang {
            Lang::Vi => format!(
                "bài kiểm tra cuối năm môn {} được {score} điểm, dưới {bar}",
                subject_name(subject, lang)
            ),
            Lang::En => format!(
                "end-of-year test in {} scored {score}, below {bar}",
                subject_name(subject, lang)
            ),
        },
    }
}

fn met(held: bool, lang: Lang) -> &'static str {
    match (held, lang) {
        (true, Lang::Vi) => "đạt điều kiện",
        (false, Lang::Vi) => "không đạt điều kiện",
        (true, Lang::En) => "condition met",
        (false, Lang::En) => "condition not met",
    }
}

/// The sentence for a step.
#[allow(clippy::too_many_lines)] // one arm per code
pub(crate) fn describe(step: &TraceStep, lang: Lang) -> String {
    let subj = step.subject.map_or("", |s| subject_name(s, lang));
    let term = step.term.map_or("", |t| t.label(lang));
    let vi = lang == Lang::Vi;
    match step.code {
        TraceCode::Tt22ComponentAbsent => match step.input {
            Fact::Count { found, .. } if vi => format!(
                "{subj}, {term}: {found} lần đánh giá vắng không đánh giá bù, ghi 0 điểm hoặc Chưa đạt"
            ),
            Fact::Count { found, .. } => format!(
                "{subj}, {term}: {found} assessment(s) missed without make-up, recorded as 0 or not passed"
            ),
            _ => String::new(),
        },
        TraceCode::Tt22SemesterPending => {
            if vi {
                format!("{subj}, {term}: đang chờ đánh giá bù, chưa tính được điểm trung bình")
            } else {
                format!("{subj}, {term}: a make-up assessment is pending, no average yet")
            }
        }
        TraceCode::Tt22SemesterAverage => match (step.input, step.output) {
            (
                Fact::Ratio {
                    numerator_tenths,
                    denominator,
                },
                Fact::Score(avg),
            ) => {
                let ratio = ratio_text(numerator_tenths, denominator, lang);
                if vi {
                    format!(
                        "{subj}, {term}: ĐTBmhk = (TĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck)/(số ĐĐGtx + 5) = {ratio} → {}",
                        avg.display_vi()
                    )
                } else {
                    format!("{subj}, {term}: semester average = (regular sum + 2·mid + 3·final)/(regular count + 5) = {ratio} → {avg}")
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22YearAverage => match (step.input, step.output) {
            (Fact::Scores(a, b), Fact::Score(avg)) => {
                if vi {
                    format!(
                        "{subj}: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII)/3 = ({} + 2·{})/3 → {}",
                        a.display_vi(),
                        b.display_vi(),
                        avg.display_vi()
                    )
                } else {
                    format!("{subj}: year average = (semester I + 2·semester II)/3 = ({a} + 2·{b})/3 → {avg}")
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22CommentSemester => match (step.input, step.output) {
            (Fact::Count { found, limit }, Fact::Pass(p)) => {
                if vi {
                    format!(
                        "{subj}, {term}: {found}/{limit} lần đánh giá Chưa đạt → {}",
                        p.label_vi()
                    )
                } else {
                    format!("{subj}, {term}: {found} of {limit} assessments not passed → {}", p.label_en())
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22CommentYear => match step.output {
            Fact::Pass(p) => {
                if vi {
                    format!("{subj}: kết quả cả năm là kết quả học kì II → {}", p.label_vi())
                } else {
                    format!("{subj}: the year result is the semester II result → {}", p.label_en())
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22ExemptPractical => {
            if vi {
                format!("{subj}, {term}: miễn phần thực hành, đánh giá bằng nội dung lí thuyết thay thế")
            } else {
                format!("{subj}, {term}: exempted from the practical part, assessed on replacement theory")
            }
        }
        TraceCode::Tt22LevelTot | TraceCode::Tt22LevelKha | TraceCode::Tt22LevelDat => {
            let target = match step.code {
                TraceCode::Tt22LevelTot => Level::Tot,
                TraceCode::Tt22LevelKha => Level::Kha,
                _ => Level::Dat,
            };
            let why = match step.input {
                Fact::LevelCondition(c) => format!(" — {}", condition(c, lang)),
                _ => String::new(),
            };
            if vi {
                format!("Kết quả học tập {term}, mức {}: {}{why}", level(target, lang), met(step.held, lang))
            } else {
                format!("Learning result, {term}, level {}: {}{why}", level(target, lang), met(step.held, lang))
            }
        }
        TraceCode::Tt22LevelChuaDat => {
            if vi {
                format!("Kết quả học tập {term}: Chưa đạt (không đạt các mức trên)")
            } else {
                format!("Learning result, {term}: not yet passed (no higher level met)")
            }
        }
        TraceCode::Tt22LevelAdjusted => match (step.input, step.output) {
            (Fact::Level(from), Fact::Level(to)) => {
                if vi {
                    format!(
                        "Kết quả học tập {term} bị hạ từ 2 mức trở lên chỉ do môn {subj}: điều chỉnh từ {} lên {}",
                        level(from, lang),
                        level(to, lang)
                    )
                } else {
                    format!(
                        "Learning result, {term}, is two or more levels lower only because of {subj}: adjusted from {} to {}",
                        level(from, lang),
                        level(to, lang)
                    )
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22LevelNotAdjusted => {
            if vi {
                format!("Kết quả học tập {term}: không có một môn duy nhất làm hạ từ 2 mức trở lên, không điều chỉnh")
            } else {
                format!("Learning result, {term}: no single subject lowers it by two levels or more, not adjusted")
            }
        }
        TraceCode::Tt22LevelByPrincipal => match step.output {
            Fact::Level(l) if vi => format!("Kết quả học tập {term} do Hiệu trưởng quyết định: {}", level(l, lang)),
            Fact::Level(l) => format!("Learning result, {term}, decided by the principal: {}", level(l, lang)),
            _ => String::new(),
        },
        TraceCode::Tt22LevelAwaitsPrincipal => {
            if vi {
                format!("Kết quả học tập {term}: học sinh khuyết tật học theo kế hoạch cá nhân hoặc được miễn môn, chờ Hiệu trưởng quyết định")
            } else {
                format!("Learning result, {term}: student assessed against an IEP or exempted, awaiting the principal's decision")
            }
        }
        TraceCode::Tt22ConductYear => match (step.input, step.output) {
            (Fact::Levels(a, b), Fact::Level(y)) => {
                if vi {
                    format!(
                        "Kết quả rèn luyện cả năm: HK I {}, HK II {} → {}",
                        level(a, lang),
                        level(b, lang),
                        level(y, lang)
                    )
                } else {
                    format!(
                        "Year conduct: semester I {}, semester II {} → {}",
                        level(a, lang),
                        level(b, lang),
                        level(y, lang)
                    )
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt22Absences => match step.input {
            Fact::Count { found, limit } if vi => {
                format!("Nghỉ {found} buổi (tối đa {limit}): {}", met(step.held, lang))
            }
            Fact::Count { found, limit } => {
                format!("Absent {found} sessions (at most {limit}): {}", met(step.held, lang))
            }
            _ => String::new(),
        },
        TraceCode::Tt22PromotionConduct => match step.input {
            Fact::Level(l) if vi => format!(
                "Kết quả rèn luyện cả năm {} (cần từ Đạt): {}",
                level(l, lang),
                met(step.held, lang)
            ),
            Fact::Level(l) => format!(
                "Year conduct {} (at least Pass needed): {}",
                level(l, lang),
                met(step.held, lang)
            ),
            _ => String::new(),
        },
        TraceCode::Tt22PromotionLearning => match step.input {
            Fact::Level(l) if vi => format!(
                "Kết quả học tập cả năm {} (cần từ Đạt): {}",
                level(l, lang),
                met(step.held, lang)
            ),
            Fact::Level(l) => format!(
                "Year learning result {} (at least Pass needed): {}",
                level(l, lang),
                met(step.held, lang)
            ),
            _ => String::new(),
        },
        TraceCode::Tt22SummerTrainingRequired => lang
            .pick(
                "Kết quả rèn luyện cả năm Chưa đạt: phải rèn luyện trong kì nghỉ hè",
                "Year conduct not passed: summer training required",
            )
            .into(),
        TraceCode::Tt22SummerTrainingResult => match step.output {
            Fact::Level(l) if vi => format!("Đánh giá lại kết quả rèn luyện sau rèn luyện hè: {}", level(l, lang)),
            Fact::Level(l) => format!("Conduct re-assessed after summer training: {}", level(l, lang)),
            _ => String::new(),
        },
        TraceCode::Tt22CombinedRetained => lang
            .pick(
                "Rèn luyện và học tập cả năm đều Chưa đạt: không được lên lớp (cấu hình combined_case = retain)",
                "Conduct and learning both not passed: not promoted (configuration combined_case = retain)",
            )
            .into(),
        TraceCode::Tt22RetestSubject => {
            let value = match step.input {
                Fact::Score(s) if vi => format!("ĐTBmcn {} dưới 5,0", s.display_vi()),
                Fact::Score(s) => format!("year average {s} below 5.0"),
                Fact::Pass(Pass::ChuaDat) if vi => String::from("Chưa đạt"),
                _ => String::from("not passed"),
            };
            if vi {
                format!("{subj}: {value} → kiểm tra, đánh giá lại trong kì nghỉ hè")
            } else {
                format!("{subj}: {value} → re-assessed in summer")
            }
        }
        TraceCode::Tt22RetestResult => match step.output {
            Fact::Score(s) if vi => format!("{subj}: điểm kiểm tra lại {} thay cho ĐTBmcn", s.display_vi()),
            Fact::Score(s) => format!("{subj}: retest score {s} replaces the year average"),
            Fact::Pass(p) if vi => format!("{subj}: đánh giá lại {} thay cho kết quả cả năm", p.label_vi()),
            Fact::Pass(p) => format!("{subj}: re-assessment {} replaces the year result", p.label_en()),
            _ => String::new(),
        },
        TraceCode::Tt22Promotion => lang
            .pick(
                if step.held {
                    "Được lên lớp"
                } else {
                    "Không được lên lớp"
                },
                if step.held { "Promoted" } else { "Not promoted" },
            )
            .into(),
        TraceCode::Tt22PromotionByPrincipal => lang
            .pick(
                "Học sinh khuyết tật: việc lên lớp do Hiệu trưởng quyết định",
                "Student with a disability: promotion is decided by the principal",
            )
            .into(),
        TraceCode::Tt22FewScoreSubjects => match step.input {
            Fact::Count { found, limit } if vi => format!(
                "Chỉ có {found} môn đánh giá bằng điểm số (quy định cần ít nhất {limit} môn để đạt mức Đạt): việc lên lớp do Hiệu trưởng quyết định"
            ),
            Fact::Count { found, limit } => format!(
                "Only {found} score-assessed subjects (at least {limit} are needed to reach Pass): promotion is decided by the principal"
            ),
            _ => String::new(),
        },
        TraceCode::Tt22Completion => lang
            .pick(
                "Được công nhận hoàn thành chương trình cấp học",
                "Recognised as having completed the school-level programme",
            )
            .into(),
        TraceCode::Tt22TitleXuatSac => match step.output {
            Fact::Count { found, limit } if vi => format!(
                "Danh hiệu Học sinh Xuất sắc (rèn luyện Tốt, học tập Tốt, ít nhất {limit} môn ĐTBmcn từ 9,0; có {found} môn): {}",
                met(step.held, lang)
            ),
            Fact::Count { found, limit } => format!(
                "Title Excellent student (conduct Good, learning Good, at least {limit} subjects averaging 9.0; {found} found): {}",
                met(step.held, lang)
            ),
            _ => String::new(),
        },
        TraceCode::Tt22TitleGioi => format!(
            "{}: {}",
            lang.pick(
                "Danh hiệu Học sinh Giỏi (rèn luyện Tốt, học tập Tốt)",
                "Title Good student (conduct Good, learning Good)"
            ),
            met(step.held, lang)
        ),
        TraceCode::Tt22TitleNotPromoted => lang
            .pick(
                "Không xét danh hiệu vì không được lên lớp (cấu hình titles_require_promotion)",
                "No title because the student is not promoted (configuration titles_require_promotion)",
            )
            .into(),
        TraceCode::Tt22ElectiveCount => match step.input {
            Fact::Count { found, limit } if vi => {
                format!("Số môn lựa chọn: {found} (chương trình quy định {limit})")
            }
            Fact::Count { found, limit } => format!("Elective subjects: {found} (the programme sets {limit})"),
            _ => String::new(),
        },
        TraceCode::Tt27TestRounded => match (step.input, step.output) {
            (Fact::RawTestHundredths(raw), Fact::TestScore(score)) => {
                let sep = lang.pick(",", ".");
                let frac = raw % 100;
                let raw_text = if frac % 10 == 0 {
                    format!("{}{sep}{}", raw / 100, frac / 10)
                } else {
                    format!("{}{sep}{frac:02}", raw / 100)
                };
                if vi {
                    format!("{subj}, {term}: tổng điểm bài kiểm tra {raw_text} làm tròn thành {score}")
                } else {
                    format!("{subj}, {term}: test total {raw_text} rounded to {score}")
                }
            }
            _ => String::new(),
        },
        TraceCode::Tt27ResultXuatSac
        | TraceCode::Tt27ResultTot
        | TraceCode::Tt27ResultHoanThanh => {
            let name = match step.code {
                TraceCode::Tt27ResultXuatSac => lang.pick("Hoàn thành xuất sắc", "Completed with distinction"),
                TraceCode::Tt27ResultTot => lang.pick("Hoàn thành tốt", "Completed well"),
                _ => lang.pick("Hoàn thành", "Completed"),
            };
            let why = match step.input {
                Fact::PrimaryCondition(c) => format!(" — {}", primary_condition(c, lang)),
                _ => String::new(),
            };
            format!(
                "{} {name}: {}{why}",
                lang.pick("Đánh giá kết quả giáo dục, mức", "Educational result, level"),
                met(step.held, lang)
            )
        }
        TraceCode::Tt27ResultChuaHoanThanh => lang
            .pick(
                "Đánh giá kết quả giáo dục: Chưa hoàn thành",
                "Educational result: not yet completed",
            )
            .into(),
        TraceCode::Tt27Completion => lang
            .pick(
                if step.held {
                    "Hoàn thành chương trình lớp học"
                } else {
                    "Chưa hoàn thành chương trình lớp học: giáo viên lập kế hoạch hỗ trợ và đánh giá bổ sung"
                },
                if step.held {
                    "Completed the grade's programme"
                } else {
                    "Grade not completed: the teacher plans support and a supplementary assessment"
                },
            )
            .into(),
        TraceCode::Tt27Supplementary => lang
            .pick(
                if step.held {
                    "Đánh giá bổ sung: hoàn thành chương trình lớp học"
                } else {
                    "Đánh giá bổ sung: vẫn chưa hoàn thành"
                },
                if step.held {
                    "Supplementary assessment: grade completed"
                } else {
                    "Supplementary assessment: still not completed"
                },
            )
            .into(),
        TraceCode::Tt27PrincipalDecision => lang
            .pick(
                if step.held {
                    "Hiệu trưởng đã quyết định lên lớp hoặc ở lại lớp"
                } else {
                    "Chờ Hiệu trưởng quyết định lên lớp hoặc ở lại lớp"
                },
                if step.held {
                    "The principal decided promotion or retention"
                } else {
                    "Awaiting the principal's decision on promotion or retention"
                },
            )
            .into(),
        TraceCode::Tt27ProgrammeCompleted => lang
            .pick("Hoàn thành chương trình tiểu học", "Completed the primary programme")
            .into(),
        TraceCode::Tt27TitleXuatSac => lang
            .pick(
                "Khen thưởng danh hiệu Học sinh Xuất sắc (Hoàn thành xuất sắc)",
                "Title Excellent student (completed with distinction)",
            )
            .into(),
        TraceCode::Tt27TitleTieuBieu => lang
            .pick(
                if step.held {
                    "Khen thưởng Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện (Hoàn thành tốt, được tập thể lớp công nhận)"
                } else {
                    "Hoàn thành tốt nhưng chưa có thành tích được tập thể lớp công nhận: không khen thưởng danh hiệu Tiêu biểu"
                },
                if step.held {
                    "Title Exemplary student (completed well, recognised by the class)"
                } else {
                    "Completed well but no achievement recognised by the class: no Exemplary title"
                },
            )
            .into(),
    }
}
