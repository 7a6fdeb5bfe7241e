//! Year-end titles (TT22 Điều 15 khoản 1 điểm a), `spec/rules.md` §3.12.

use alloc::vec::Vec;

use crate::assess::output::{SubjectResult, SubjectValue, Title};
use crate::levels::Level;
use crate::trace::{Fact, TraceCode, TraceStep};

/// "ít nhất 06 môn học … có ĐTBmcn đạt từ 9,0 điểm trở lên".
const XUAT_SAC_SUBJECTS: u16 = 6;
const XUAT_SAC_BAR_TENTHS: u8 = 90;

/// The title from the original year levels (retests never create titles).
pub(crate) fn title(
    conduct_year: Level,
    learning_year: Level,
    subjects: &[SubjectResult],
    trace: &mut Vec<TraceStep>,
) -> Option<Title> {
    let tot_tot = conduct_year == Level::Tot && learning_year == Level::Tot;
    let nines = subjects
        .iter()
        .filter(|s| matches!(s.year, Some(SubjectValue::Average(a)) if a.tenths() >= XUAT_SAC_BAR_TENTHS))
        .count();
    let nines = u16::try_from(nines).unwrap_or(u16::MAX);
    let xuat_sac = tot_tot && nines >= XUAT_SAC_SUBJECTS;
    trace.push(
        TraceStep::new(TraceCode::Tt22TitleXuatSac, xuat_sac)
            .input(Fact::Levels(conduct_year, learning_year))
            .output(Fact::Count {
                found: nines,
                limit: XUAT_SAC_SUBJECTS,
            }),
    );
    if xuat_sac {
        return Some(Title::HocSinhXuatSac);
    }
    trace.push(
        TraceStep::new(TraceCode::Tt22TitleGioi, tot_tot)
            .input(Fact::Levels(conduct_year, learning_year)),
    );
    tot_tot.then_some(Title::HocSinhGioi)
}
