//! The subjects of the 2018 general education programme, per grade, as data.
//!
//! Periods per year (TT32/2018 as amended by TT13/2022, `spec/rules.md` §3.3 and §4.3) decide how many
//! regular assessments a TT22 subject records per semester (Điều 6 khoản 2 điểm b) and which TT27 subjects
//! sit periodic tests (Điều 7 khoản 1 điểm b).

use core::fmt;
use core::str::FromStr;

use crate::school_year::{Grade, SchoolLevel};

macro_rules! subjects {
    ($($variant:ident => $code:literal, $vi:literal, $en:literal;)*) => {
        /// A subject or educational activity, by its stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Subject {
            $(#[doc = $vi] $variant,)*
        }

        impl Subject {
            /// Every subject, in catalogue order.
            pub const ALL: &'static [Subject] = &[$(Subject::$variant),*];

            /// Stable ASCII code used in files (`toan`, `ngu_van`, …).
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $(Subject::$variant => $code,)* }
            }

            /// The name printed on the học bạ.
            #[must_use]
            pub const fn name_vi(self) -> &'static str {
                match self { $(Subject::$variant => $vi,)* }
            }

            /// English name.
            #[must_use]
            pub const fn name_en(self) -> &'static str {
                match self { $(Subject::$variant => $en,)* }
            }
        }

        impl FromStr for Subject {
            type Err = UnknownSubjectCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($code => Ok(Subject::$variant),)* _ => Err(UnknownSubjectCode) }
            }
        }
    };
}

subjects! {
    NguVan => "ngu_van", "Ngữ văn", "Vietnamese literature";
    Toan => "toan", "Toán", "Mathematics";
    NgoaiNgu1 => "ngoai_ngu_1", "Ngoại ngữ 1", "Foreign language 1";
    Gdcd => "gdcd", "Giáo dục công dân", "Civic education";
    LichSuDiaLi => "lich_su_dia_li", "Lịch sử và Địa lí", "History and geography";
    Khtn => "khtn", "Khoa học tự nhiên", "Natural sciences";
    CongNghe => "cong_nghe", "Công nghệ", "Technology";
    TinHoc => "tin_hoc", "Tin học", "Informatics";
    Gdtc => "gdtc", "Giáo dục thể chất", "Physical education";
    NgheThuat => "nghe_thuat", "Nghệ thuật", "Arts";
    Hdtn => "hdtn", "Hoạt động trải nghiệm, hướng nghiệp", "Experiential and career activities";
    Gddp => "gddp", "Nội dung giáo dục của địa phương", "Local education content";
    LichSu => "lich_su", "Lịch sử", "History";
    DiaLi => "dia_li", "Địa lí", "Geography";
    Gdktpl => "gdktpl", "Giáo dục kinh tế và pháp luật", "Economic and legal education";
    VatLi => "vat_li", "Vật lí", "Physics";
    HoaHoc => "hoa_hoc", "Hoá học", "Chemistry";
    SinhHoc => "sinh_hoc", "Sinh học", "Biology";
    Gdqpan => "gdqpan", "Giáo dục quốc phòng và an ninh", "National defence and security education";
    AmNhac => "am_nhac", "Âm nhạc", "Music";
    MiThuat => "mi_thuat", "Mĩ thuật", "Fine arts";
    TiengDanToc => "tieng_dan_toc", "Tiếng dân tộc thiểu số", "Ethnic minority language";
    NgoaiNgu2 => "ngoai_ngu_2", "Ngoại ngữ 2", "Foreign language 2";
    TiengViet => "tieng_viet", "Tiếng Việt", "Vietnamese";
    DaoDuc => "dao_duc", "Đạo đức", "Ethics";
    Tnxh => "tnxh", "Tự nhiên và Xã hội", "Nature and society";
    KhoaHoc => "khoa_hoc", "Khoa học", "Science";
    TinHocCongNghe => "tin_hoc_cong_nghe", "Tin học và Công nghệ", "Informatics and technology";
    HoatDongTraiNghiem => "hoat_dong_trai_nghiem", "Hoạt động trải nghiệm", "Experiential activities";
}

/// A code that names no subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownSubjectCode;

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(feature = "schema")]
crate::schema_support::string_enum_schema!(
    Subject,
    "Subject",
    Subject::ALL.iter().map(|s| s.code())
);

impl serde::Serialize for Subject {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// How a TT22 subject is assessed (Điều 5 khoản 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentForm {
    /// Comment combined with a score: ĐTBmhk / ĐTBmcn.
    Score,
    /// Comment only: Đạt / Chưa đạt.
    Comment,
}

/// Whether a student must, may or must choose to take a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Enrolment {
    /// Compulsory for every student of the grade.
    Compulsory,
    /// One of the THPT electives ("chọn 4 trong 9").
    Elective,
    /// Optional (tự chọn).
    Optional,
}

/// One subject of one grade's programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubjectSpec {
    /// The subject.
    pub subject: Subject,
    /// Score or comment (TT22); TT27 subjects are all levels, with tests for some.
    pub form: AssessmentForm,
    /// Periods per school year.
    pub periods: u16,
    /// Compulsory, elective or optional.
    pub enrolment: Enrolment,
}

impl SubjectSpec {
    /// Required ĐĐGtx per semester for a score subject: 2 up to 35 periods, 3 up to 70, else 4
    /// (TT22 Điều 6 khoản 2 điểm b). Comment subjects: 2 regular checks.
    #[must_use]
    pub const fn required_regular(&self) -> usize {
        match self.form {
            AssessmentForm::Comment => 2,
            AssessmentForm::Score if self.periods <= 35 => 2,
            AssessmentForm::Score if self.periods <= 70 => 3,
            AssessmentForm::Score => 4,
        }
    }
}

/// The number of electives a THPT student takes ("chọn 4 trong 9", TT13/2022).
pub const THPT_ELECTIVES: usize = 4;

const fn spec(
    subject: Subject,
    form: AssessmentForm,
    periods: u16,
    enrolment: Enrolment,
) -> SubjectSpec {
    SubjectSpec {
        subject,
        form,
        periods,
        enrolment,
    }
}

use AssessmentForm::{Comment as C, Score as S};
use Enrolment::{Compulsory as Req, Elective as Ele, Optional as Opt};

const THCS_6_7: &[SubjectSpec] = &[
    spec(Subject::NguVan, S, 140, Req),
    spec(Subject::Toan, S, 140, Req),
    spec(Subject::NgoaiNgu1, S, 105, Req),
    spec(Subject::Gdcd, S, 35, Req),
    spec(Subject::LichSuDiaLi, S, 105, Req),
    spec(Subject::Khtn, S, 140, Req),
    spec(Subject::CongNghe, S, 35, Req),
    spec(Subject::TinHoc, S, 35, Req),
    spec(Subject::Gdtc, C, 70, Req),
    spec(Subject::NgheThuat, C, 70, Req),
    spec(Subject::Hdtn, C, 105, Req),
    spec(Subject::Gddp, C, 35, Req),
    spec(Subject::TiengDanToc, S, 105, Opt),
    spec(Subject::NgoaiNgu2, S, 105, Opt),
];

const THCS_8_9: &[SubjectSpec] = &[
    spec(Subject::NguVan, S, 140, Req),
    spec(Subject::Toan, S, 140, Req),
    spec(Subject::NgoaiNgu1, S, 105, Req),
    spec(Subject::Gdcd, S, 35, Req),
    spec(Subject::LichSuDiaLi, S, 105, Req),
    spec(Subject::Khtn, S, 140, Req),
    spec(Subject::CongNghe, S, 52, Req),
    spec(Subject::TinHoc, S, 35, Req),
    spec(Subject::Gdtc, C, 70, Req),
    spec(Subject::NgheThuat, C, 70, Req),
    spec(Subject::Hdtn, C, 105, Req),
    spec(Subject::Gddp, C, 35, Req),
    spec(Subject::TiengDanToc, S, 105, Opt),
    spec(Subject::NgoaiNgu2, S, 105, Opt),
];

const THPT: &[SubjectSpec] = &[
    spec(Subject::NguVan, S, 105, Req),
    spec(Subject::Toan, S, 105, Req),
    spec(Subject::NgoaiNgu1, S, 105, Req),
    spec(Subject::LichSu, S, 52, Req),
    spec(Subject::Gdqpan, S, 35, Req),
    spec(Subject::Gdtc, C, 70, Req),
    spec(Subject::Hdtn, C, 105, Req),
    spec(Subject::Gddp, C, 35, Req),
    spec(Subject::DiaLi, S, 70, Ele),
    spec(Subject::Gdktpl, S, 70, Ele),
    spec(Subject::VatLi, S, 70, Ele),
    spec(Subject::HoaHoc, S, 70, Ele),
    spec(Subject::SinhHoc, S, 70, Ele),
    spec(Subject::CongNghe, S, 70, Ele),
    spec(Subject::TinHoc, S, 70, Ele),
    spec(Subject::AmNhac, C, 70, Ele),
    spec(Subject::MiThuat, C, 70, Ele),
    spec(Subject::TiengDanToc, S, 105, Opt),
    spec(Subject::NgoaiNgu2, S, 105, Opt),
];

/// TT22 subjects of a secondary grade (6–12); empty for primary grades.
#[must_use]
pub fn secondary_subjects(grade: Grade) -> &'static [SubjectSpec] {
    match grade.number() {
        6 | 7 => THCS_6_7,
        8 | 9 => THCS_8_9,
        10..=12 => THPT,
        _ => &[],
    }
}

/// When a TT27 subject sits a periodic test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TestSchedule {
    /// No test: the level alone (T/H/C).
    None,
    /// Tests at the end of semester I and the end of the year.
    EndOfTerms,
    /// Also at mid-semester I and II (Tiếng Việt and Toán in grades 4 and 5).
    EveryTimePoint,
}

/// One subject of a primary grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrimarySubjectSpec {
    /// The subject.
    pub subject: Subject,
    /// Compulsory or optional.
    pub enrolment: Enrolment,
    /// Periodic tests (TT27 Điều 7 khoản 1 điểm b).
    pub tests: TestSchedule,
}

/// TT27 subjects and activities of a primary grade (1–5); empty for secondary grades.
#[must_use]
pub fn primary_subjects(grade: Grade) -> alloc::vec::Vec<PrimarySubjectSpec> {
    let g = grade.number();
    if grade.level() != SchoolLevel::TieuHoc {
        return alloc::vec::Vec::new();
    }
    let core_tests = if g >= 4 {
        TestSchedule::EveryTimePoint
    } else {
        TestSchedule::EndOfTerms
    };
    let p = |subject, enrolment, tests| PrimarySubjectSpec {
        subject,
        enrolment,
        tests,
    };
    let mut list = alloc::vec![
        p(Subject::TiengViet, Req, core_tests),
        p(Subject::Toan, Req, core_tests),
    ];
    if g >= 3 {
        list.push(p(Subject::NgoaiNgu1, Req, TestSchedule::EndOfTerms));
    } else {
        // Optional in grades 1–2; tests are only for compulsory subjects.
        list.push(p(Subject::NgoaiNgu1, Opt, TestSchedule::None));
    }
    list.push(p(Subject::DaoDuc, Req, TestSchedule::None));
    if g <= 3 {
        list.push(p(Subject::Tnxh, Req, TestSchedule::None));
    } else {
        list.push(p(Subject::LichSuDiaLi, Req, TestSchedule::EndOfTerms));
        list.push(p(Subject::KhoaHoc, Req, TestSchedule::EndOfTerms));
    }
    if g >= 3 {
        list.push(p(Subject::TinHocCongNghe, Req, TestSchedule::EndOfTerms));
    }
    list.push(p(Subject::Gdtc, Req, TestSchedule::None));
    list.push(p(Subject::AmNhac, Req, TestSchedule::None));
    list.push(p(Subject::MiThuat, Req, TestSchedule::None));
    list.push(p(Subject::HoatDongTraiNghiem, Req, TestSchedule::None));
    list.push(p(Subject::TiengDanToc, Opt, TestSchedule::None));
    list
}

macro_rules! traits {
    ($name:ident, $doc:literal, $($variant:ident => $code:literal, $vi:literal, $en:literal;)*) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = $vi] $variant,)*
        }
        impl $name {
            /// All of them, in the order of the học bạ.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// Stable code.
            #[must_use]
            pub const fn code(self) -> &'static str { match self { $($name::$variant => $code,)* } }
            /// Vietnamese name.
            #[must_use]
            pub const fn name_vi(self) -> &'static str { match self { $($name::$variant => $vi,)* } }
            /// English name.
            #[must_use]
            pub const fn name_en(self) -> &'static str { match self { $($name::$variant => $en,)* } }
        }
        impl FromStr for $name {
            type Err = UnknownSubjectCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s { $($code => Ok($name::$variant),)* _ => Err(UnknownSubjectCode) }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
        #[cfg(feature = "schema")]
        crate::schema_support::string_enum_schema!($name, stringify!($name), $name::ALL.iter().map(|v| v.code()));
        impl Coded for $name {
            fn code(self) -> &'static str { $name::code(self) }
        }
    };
}

/// Anything named by a stable code in files.
pub trait Coded: Copy {
    /// The code.
    fn code(self) -> &'static str;
}

traits! { Quality, "Phẩm chất chủ yếu (TT27 Điều 5).",
    YeuNuoc => "yeu_nuoc", "Yêu nước", "Patriotism";
    NhanAi => "nhan_ai", "Nhân ái", "Kindness";
    ChamChi => "cham_chi", "Chăm chỉ", "Diligence";
    TrungThuc => "trung_thuc", "Trung thực", "Honesty";
    TrachNhiem => "trach_nhiem", "Trách nhiệm", "Responsibility";
}

traits! { Competence, "Năng lực cốt lõi (TT27 Điều 5): 3 general, 7 specific.",
    TuChuTuHoc => "tu_chu_tu_hoc", "Tự chủ và tự học", "Self-reliance and self-study";
    GiaoTiepHopTac => "giao_tiep_hop_tac", "Giao tiếp và hợp tác", "Communication and collaboration";
    GiaiQuyetVanDe => "giai_quyet_van_de", "Giải quyết vấn đề và sáng tạo", "Problem solving and creativity";
    NgonNgu => "ngon_ngu", "Ngôn ngữ", "Language";
    TinhToan => "tinh_toan", "Tính toán", "Numeracy";
    KhoaHoc => "khoa_hoc", "Khoa học", "Science";
    CongNghe => "cong_nghe", "Công nghệ", "Technology";
    TinHoc => "tin_hoc", "Tin học", "Informatics";
    ThamMi => "tham_mi", "Thẩm mĩ", "Aesthetics";
    TheChat => "the_chat", "Thể chất", "Physical";
}

impl Competence {
    /// Whether the competence must be rated in `grade`. Technology and informatics are not taught as
    /// subjects in grades 1–2, so they are optional there (`spec/rules.md` §4.6, decision D-7).
    #[must_use]
    pub fn required_in(self, grade: Grade) -> bool {
        !(grade.number() <= 2 && matches!(self, Competence::CongNghe | Competence::TinHoc))
    }
}
