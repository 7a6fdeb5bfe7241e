//! The student identity page (cover of the học bạ): the form's title and legal basis, the school, the
//! student's identity, and the school year this record covers ("Quá trình học tập").

use std::fmt::Write as _;

use hocba_core::record::model::{Sex, Stated};
use hocba_core::Lang;

use super::blocks::{footer, nation_header};
use super::escape::esc;
use super::format::date;
use super::{secondary_level, RenderInput};

pub(super) fn page(out: &mut String, input: &RenderInput<'_>) {
    let r = input.record;
    let lang = input.lang;
    out.push_str("<section class=\"page identity-page\">\n");
    nation_header(out, r, lang);
    let (level, basis) = match (&r.stated, secondary_level(r.grade, lang)) {
        (Stated::Tt22(_), Some(level)) => (
            level,
            lang.pick(
                "(Mẫu ban hành kèm theo Thông tư số 22/2021/TT-BGDĐT ngày 20 tháng 7 năm 2021 \
                 của Bộ trưởng Bộ Giáo dục và Đào tạo)",
                "(Form of Circular 22/2021/TT-BGDĐT of 20 July 2021, Ministry of Education and Training)",
            ),
        ),
        _ => (
            lang.pick("TIỂU HỌC", "PRIMARY"),
            lang.pick(
                "(Mẫu ban hành kèm theo Thông tư số 27/2020/TT-BGDĐT ngày 04 tháng 9 năm 2020 \
                 của Bộ trưởng Bộ Giáo dục và Đào tạo)",
                "(Form of Circular 27/2020/TT-BGDĐT of 4 September 2020, Ministry of Education and Training)",
            ),
        ),
    };
    let _ = write!(
        out,
        "<div class=\"cover-title\">\n<h1>{}</h1>\n<h2>{level}</h2>\n<p class=\"basis\">{basis}</p>\n</div>\n",
        lang.pick("HỌC BẠ", "SCHOOL RECORD"),
    );
    out.push_str("<div class=\"identity\">\n");
    let _ = writeln!(
        out,
        "<div class=\"photo\">{}</div>",
        lang.pick("Ảnh 3×4", "Photo 3×4")
    );
    out.push_str("<div class=\"fields\">\n");
    let sex = match (r.student.sex, lang) {
        (Sex::Nam, Lang::Vi) => "Nam",
        (Sex::Nu, Lang::Vi) => "Nữ",
        (Sex::Nam, Lang::En) => "Male",
        (Sex::Nu, Lang::En) => "Female",
    };
    let fields: [(&str, &str, &str); 8] = [
        (
            "Họ và tên học sinh",
            "Student's full name",
            &r.student.full_name,
        ),
        ("Giới tính", "Sex", sex),
        (
            "Ngày sinh",
            "Date of birth",
            &date(&r.student.date_of_birth),
        ),
        ("Nơi sinh", "Place of birth", &r.student.place_of_birth),
        ("Dân tộc", "Ethnicity", &r.student.ethnicity),
        ("Quốc tịch", "Nationality", &r.student.nationality),
        (
            "Số định danh cá nhân",
            "Personal identification number",
            r.student.personal_id.as_deref().unwrap_or("—"),
        ),
        ("Mã học sinh", "Student code", &r.student.moet_code),
    ];
    for (vi, en, value) in fields {
        field(out, lang.pick(vi, en), value);
    }
    out.push_str("</div>\n</div>\n");
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        lang.pick("QUÁ TRÌNH HỌC TẬP", "SCHOOL YEARS")
    );
    let _ = writeln!(
        out,
        "<table class=\"years\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>",
        lang.pick("Năm học", "School year"),
        lang.pick("Lớp", "Class"),
        lang.pick("Tên trường, xã/phường, tỉnh/thành phố", "School, commune, province"),
        lang.pick("Mã hồ sơ", "Record id"),
    );
    let _ = writeln!(
        out,
        "<tbody><tr><td class=\"v\">{}</td><td class=\"v\">{}</td><td>{}, {}, {}</td><td>{}</td></tr></tbody>\n</table>",
        esc(&r.school_year),
        esc(&r.class.name),
        esc(&r.school.name),
        esc(&r.school.commune),
        esc(&r.school.province),
        esc(&r.record_id),
    );
    footer(out, input);
    out.push_str("</section>\n");
}

fn field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        out,
        "<div class=\"field\"><span class=\"label\">{label}:</span><span class=\"value\">{}</span></div>",
        esc(value)
    );
}
