//! TT27 (Thông tư 27/2020/TT-BGDĐT): assessment of primary pupils, grades 1–5.

pub mod result;
pub mod test_score;

use alloc::vec::Vec;

use crate::assess::error::{AssessError, Decision};
use crate::assess::input::{PrimaryInput, SupplementaryOutcome};
use crate::assess::output::{
    PrimaryAssessment, PrimaryCompletion, PrimarySubjectResult, Programme, Title, TraitResult,
};
use crate::levels::{PrimaryResult, PromotionDecision};
use crate::school_year::Grade;
use crate::trace::{Fact, TraceCode, TraceStep};

/// Assesses one TT27 pupil-year. Errors are the decisions given where the rules leave none to make.
pub(crate) fn assess(
    grade: Grade,
    input: &PrimaryInput,
    trace: &mut Vec<TraceStep>,
) -> Result<PrimaryAssessment, Vec<AssessError>> {
    for s in &input.subjects {
        for (term, mark) in test_score::points(&s.marks) {
            if let Some(t) = mark.test {
                if u16::from(t.score) * 100 != t.raw_hundredths {
                    trace.push(
                        TraceStep::new(TraceCode::Tt27TestRounded, true)
                            .subject(s.spec.subject)
                            .term(term)
                            .input(Fact::RawTestHundredths(t.raw_hundredths))
                            .output(Fact::TestScore(t.score)),
                    );
                }
            }
        }
    }
    let year = result::year_result(input, trace);
    let completion = completion(year, input, trace);
    let mut errors = Vec::new();
    // Known year result: a supplementary assessment only after Chưa hoàn thành, a principal's decision
    // only after a supplementary assessment that still finds the grade not completed (Điều 11).
    if year.is_some() {
        if input.supplementary.is_some() && year != Some(PrimaryResult::ChuaHoanThanh) {
            errors.push(AssessError::DecisionNotApplicable {
                pointer: "/tt27/supplementary".into(),
                what: Decision::Supplementary,
            });
        }
        if input.principal_decision.is_some()
            && !(year == Some(PrimaryResult::ChuaHoanThanh)
                && input.supplementary == Some(SupplementaryOutcome::ChuaHoanThanh))
        {
            errors.push(AssessError::DecisionNotApplicable {
                pointer: "/tt27/principal_decision".into(),
                what: Decision::PrimaryPrincipal,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let programme_completed = (grade.number() == 5
        && matches!(
            completion,
            PrimaryCompletion::HoanThanh
                | PrimaryCompletion::HoanThanhSauDanhGiaBoSung
                | PrimaryCompletion::LenLopTheoQuyetDinh
        ))
    .then(|| {
        trace.push(TraceStep::new(TraceCode::Tt27ProgrammeCompleted, true));
        Programme::TieuHoc
    });
    let title = match year {
        Some(PrimaryResult::HoanThanhXuatSac) => {
            trace.push(TraceStep::new(TraceCode::Tt27TitleXuatSac, true));
            Some(Title::HocSinhXuatSac)
        }
        Some(PrimaryResult::HoanThanhTot) => {
            trace.push(TraceStep::new(
                TraceCode::Tt27TitleTieuBieu,
                input.class_recognition,
            ));
            input.class_recognition.then_some(Title::HocSinhTieuBieu)
        }
        _ => None,
    };
    Ok(PrimaryAssessment {
        subjects: input
            .subjects
            .iter()
            .map(|s| PrimarySubjectResult {
                subject: s.spec.subject,
                marks: s.marks,
            })
            .collect(),
        qualities: input
            .qualities
            .iter()
            .map(|&(which, levels)| TraitResult { which, levels })
            .collect(),
        competences: input
            .competences
            .iter()
            .map(|&(which, levels)| TraitResult { which, levels })
            .collect(),
        result: year,
        supplementary: input.supplementary,
        completion,
        programme_completed,
        title,
    })
}

/// TT27 Điều 11: completed with any result but Chưa hoàn thành; otherwise supplementary assessment, then
/// the principal's decision.
fn completion(
    year: Option<PrimaryResult>,
    input: &PrimaryInput,
    trace: &mut Vec<TraceStep>,
) -> PrimaryCompletion {
    let Some(result) = year else {
        return PrimaryCompletion::ChuaDuDuLieu;
    };
    let completed = result != PrimaryResult::ChuaHoanThanh;
    trace.push(
        TraceStep::new(TraceCode::Tt27Completion, completed).input(Fact::PrimaryResult(result)),
    );
    if completed {
        return PrimaryCompletion::HoanThanh;
    }
    match input.supplementary {
        None => PrimaryCompletion::ChoDanhGiaBoSung,
        Some(SupplementaryOutcome::HoanThanh) => {
            trace.push(TraceStep::new(TraceCode::Tt27Supplementary, true));
            PrimaryCompletion::HoanThanhSauDanhGiaBoSung
        }
        Some(SupplementaryOutcome::ChuaHoanThanh) => {
            trace.push(TraceStep::new(TraceCode::Tt27Supplementary, false));
            let decision = input.principal_decision;
            trace.push(TraceStep::new(
                TraceCode::Tt27PrincipalDecision,
                decision.is_some(),
            ));
            match decision {
                None => PrimaryCompletion::ChoQuyetDinhHieuTruong,
                Some(PromotionDecision::LenLop) => PrimaryCompletion::LenLopTheoQuyetDinh,
                Some(PromotionDecision::OLaiLop) => PrimaryCompletion::OLaiLop,
            }
        }
    }
}
