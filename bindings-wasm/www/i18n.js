// Interface strings in Vietnamese (default) and English. Result codes map to the words of the paper học bạ.
const STRINGS = {
  vi: {
    title: "Học bạ số", modes: "Chế độ", teacher: "Giáo viên", parent: "Phụ huynh",
    teacherTitle: "Kiểm tra kết quả trước khi nộp",
    teacherHelp: "Mở hoặc kéo thả tệp JSON của một học sinh hoặc cả lớp, hoặc sổ điểm CSV. Kết quả được tính ngay trên máy này, không gửi đi đâu.",
    openFile: "Mở tệp", sample: "Dùng dữ liệu mẫu", student: "Học sinh",
    parentTitle: "Xác thực học bạ",
    parentHelp: "Mở tệp học bạ số đã ký. Việc kiểm tra diễn ra ngay trên điện thoại hoặc máy tính này.",
    openSigned: "Mở học bạ đã ký", footer: "Chạy hoàn toàn trong trình duyệt. Phiên bản quy tắc",
    problems: "{n} lỗi cần sửa", noProblems: "Không có lỗi: dữ liệu hợp lệ.", marks: "Điểm và mức đánh giá",
    subject: "Môn học", hk1: "Học kì I", hk2: "Học kì II", year: "Cả năm",
    ghk1: "Giữa HK I", chk1: "Cuối HK I", ghk2: "Giữa HK II", cn: "Cuối năm",
    learning: "Kết quả học tập (HK I · HK II · Cả năm)", conduct: "Kết quả rèn luyện (HK I · HK II · Cả năm)",
    promotion: "Lên lớp", titleAward: "Khen thưởng", result: "Kết quả giáo dục", completion: "Hoàn thành chương trình",
    explanation: "Giải thích từng bước", langButton: "EN", langLabel: "Switch to English",
  },
  en: {
    title: "Digital school record", modes: "Modes", teacher: "Teacher", parent: "Parent",
    teacherTitle: "Check results before submitting",
    teacherHelp: "Open or drop a JSON file of one student or a whole class, or a CSV gradebook. Results are computed on this device; nothing is sent anywhere.",
    openFile: "Open file", sample: "Use sample data", student: "Student",
    parentTitle: "Verify a school record",
    parentHelp: "Open a signed digital school record. It is checked right here on this phone or computer.",
    openSigned: "Open signed record", footer: "Runs entirely in the browser. Rules version",
    problems: "{n} problem(s) to fix", noProblems: "No problems: the data is valid.", marks: "Scores and levels",
    subject: "Subject", hk1: "Semester I", hk2: "Semester II", year: "Year",
    ghk1: "Mid sem. I", chk1: "End sem. I", ghk2: "Mid sem. II", cn: "End of year",
    learning: "Learning result (S I · S II · Year)", conduct: "Conduct (S I · S II · Year)",
    promotion: "Promotion", titleAward: "Title", result: "Educational result", completion: "Completion",
    explanation: "Step-by-step explanation", langButton: "VI", langLabel: "Chuyển sang tiếng Việt",
  },
};

const VALUES = {
  vi: {
    tot: "Tốt", kha: "Khá", dat: "Đạt", chua_dat: "Chưa đạt",
    hoan_thanh_xuat_sac: "Hoàn thành xuất sắc", hoan_thanh_tot: "Hoàn thành tốt", hoan_thanh: "Hoàn thành", chua_hoan_thanh: "Chưa hoàn thành",
    len_lop: "Được lên lớp", len_lop_sau_danh_gia_lai: "Lên lớp sau đánh giá lại", cho_ren_luyen_he: "Rèn luyện trong hè",
    cho_kiem_tra_lai: "Kiểm tra lại trong hè", cho_ren_luyen_he_va_kiem_tra_lai: "Rèn luyện và kiểm tra lại trong hè",
    khong_len_lop: "Không được lên lớp", cho_quyet_dinh_hieu_truong: "Chờ Hiệu trưởng quyết định", chua_du_du_lieu: "Chưa đủ kết quả",
    hoan_thanh_sau_danh_gia_bo_sung: "Hoàn thành sau đánh giá bổ sung", cho_danh_gia_bo_sung: "Chờ đánh giá bổ sung",
    len_lop_theo_quyet_dinh: "Lên lớp theo quyết định của Hiệu trưởng", o_lai_lop: "Ở lại lớp",
    hoc_sinh_xuat_sac: "Học sinh Xuất sắc", hoc_sinh_gioi: "Học sinh Giỏi", hoc_sinh_tieu_bieu: "Học sinh Tiêu biểu",
  },
  en: {
    tot: "Good", kha: "Fair", dat: "Pass", chua_dat: "Not yet passed",
    hoan_thanh_xuat_sac: "Completed with distinction", hoan_thanh_tot: "Completed well", hoan_thanh: "Completed", chua_hoan_thanh: "Not yet completed",
    len_lop: "Promoted", len_lop_sau_danh_gia_lai: "Promoted after re-assessment", cho_ren_luyen_he: "Summer training",
    cho_kiem_tra_lai: "Summer retests", cho_ren_luyen_he_va_kiem_tra_lai: "Summer training and retests",
    khong_len_lop: "Not promoted", cho_quyet_dinh_hieu_truong: "Awaiting the principal", chua_du_du_lieu: "Results incomplete",
    hoan_thanh_sau_danh_gia_bo_sung: "Completed after supplementary assessment", cho_danh_gia_bo_sung: "Supplementary assessment due",
    len_lop_theo_quyet_dinh: "Promoted by the principal", o_lai_lop: "Retained",
    hoc_sinh_xuat_sac: "Excellent student", hoc_sinh_gioi: "Good student", hoc_sinh_tieu_bieu: "Exemplary student",
  },
};

const SUBJECTS = {
  vi: { ngu_van: "Ngữ văn", toan: "Toán", ngoai_ngu_1: "Ngoại ngữ 1", ngoai_ngu_2: "Ngoại ngữ 2", gdcd: "GDCD", lich_su_dia_li: "Lịch sử và Địa lí",
    khtn: "KHTN", cong_nghe: "Công nghệ", tin_hoc: "Tin học", gdtc: "GDTC", nghe_thuat: "Nghệ thuật", hdtn: "HĐTN, HN", gddp: "ND GDĐP",
    lich_su: "Lịch sử", dia_li: "Địa lí", gdktpl: "GDKT&PL", vat_li: "Vật lí", hoa_hoc: "Hoá học", sinh_hoc: "Sinh học", gdqpan: "GDQP&AN",
    am_nhac: "Âm nhạc", mi_thuat: "Mĩ thuật", tieng_dan_toc: "Tiếng dân tộc", tieng_viet: "Tiếng Việt", dao_duc: "Đạo đức", tnxh: "TN&XH",
    khoa_hoc: "Khoa học", tin_hoc_cong_nghe: "Tin học và Công nghệ", hoat_dong_trai_nghiem: "Hoạt động trải nghiệm" },
  en: { ngu_van: "Literature", toan: "Mathematics", ngoai_ngu_1: "Foreign language 1", ngoai_ngu_2: "Foreign language 2", gdcd: "Civics",
    lich_su_dia_li: "History & geography", khtn: "Natural sciences", cong_nghe: "Technology", tin_hoc: "Informatics", gdtc: "Physical education",
    nghe_thuat: "Arts", hdtn: "Experiential activities", gddp: "Local education", lich_su: "History", dia_li: "Geography",
    gdktpl: "Economics & law", vat_li: "Physics", hoa_hoc: "Chemistry", sinh_hoc: "Biology", gdqpan: "Defence education",
    am_nhac: "Music", mi_thuat: "Fine arts", tieng_dan_toc: "Ethnic language", tieng_viet: "Vietnamese", dao_duc: "Ethics",
    tnxh: "Nature & society", khoa_hoc: "Science", tin_hoc_cong_nghe: "Informatics & technology", hoat_dong_trai_nghiem: "Experiential activities" },
};

let current = "vi";

export const lang = () => current;
export function setLang(l) { current = l; document.documentElement.lang = l; }

/** A string by key: UI strings, `v.<code>` for result codes, `s.<code>` for subjects; undefined if unknown. */
export function t(key) {
  if (key.startsWith("v.")) return VALUES[current][key.slice(2)];
  if (key.startsWith("s.")) return SUBJECTS[current][key.slice(2)];
  return STRINGS[current][key] ?? key;
}

export function applyI18n() {
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  const button = document.getElementById("lang");
  button.textContent = t("langButton");
  button.setAttribute("aria-label", t("langLabel"));
}
