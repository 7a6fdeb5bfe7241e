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
    explanation: "Giải thích từng bước", langButton: "EN", langLabel: "EN: Switch to English",
    trySample: "Thử với hồ sơ mẫu", verifyOptions: "Thời điểm kiểm tra và dữ liệu tin cậy",
    verifyNow: "Thời điểm kiểm tra (giờ Việt Nam)", useDeviceClock: "Dùng giờ của thiết bị",
    ownTrust: "Chứng thư tin cậy của bạn (PEM/DER)", useDemoTrust: "Dùng lại danh sách demo",
    ownCrls: "Danh sách chứng thư bị thu hồi (CRL)", ownStatus: "Danh sách trạng thái hồ sơ của trường",
    demoTrustSource: "Danh sách tin cậy DEMO đi kèm trang (chỉ để thử, không phải chứng thư thật)",
    demoBadge: "DEMO", demoTrustLabel: "Đang dùng danh sách tin cậy mẫu, chỉ để thử", ownTrustLabel: "Đang dùng chứng thư bạn chọn",
    demoMissing: "Không tải được dữ liệu mẫu",
    verificationMissing: "Không tải được phần kiểm tra học bạ đã ký (kiểm tra kết nối rồi thử lại)",
    "verdict.valid": "✓ Học bạ hợp lệ", "verdict.invalid": "✗ Học bạ không hợp lệ", "verdict.indeterminate": "? Chưa kiểm tra được",
    "verdictHelp.valid": "Hồ sơ đúng như nhà trường đã ký và cấp; mọi kiểm tra bắt buộc đều đạt.",
    "verdictHelp.invalid": "Không được tin vào hồ sơ này: có kiểm tra không đạt (xem dấu ✗ bên dưới).",
    "verdictHelp.indeterminate": "Chưa kết luận được: thiếu hoặc không dùng được dữ liệu cần thiết (xem dấu ? bên dưới).",
    sampleShown: "Hồ sơ mẫu", recordH: "Hồ sơ", recordHidden: "Nội dung hồ sơ không được hiển thị vì chữ ký hoặc giá trị băm không đúng.",
    studentName: "Học sinh", studentId: "Mã học sinh", className: "Lớp", schoolYear: "Năm học", school: "Trường", recordId: "Mã hồ sơ",
    resultsH: "Kết quả học tập và rèn luyện", retest: "Kiểm tra lại", conductYear: "Kết quả rèn luyện cả năm",
    levelCn: "Mức đạt được cuối năm", testCn: "Điểm KTĐK cuối năm",
    "role.gvcn": "Giáo viên chủ nhiệm", "role.ht": "Hiệu trưởng", "role.seal": "Nhà trường (chữ ký số tổ chức)", "role.subject_teacher": "Giáo viên bộ môn",
    signersH: "Người ký", noSigners: "Không có chữ ký nào.", signedAt: "Ký lúc", vnTime: "(giờ Việt Nam)",
    "source.timestamp": "có dấu thời gian chứng thực", "source.claimed": "thời gian do người ký khai báo",
    signerValid: "Chữ ký hợp lệ", signerInvalid: "Chữ ký có vấn đề",
    "st.valid": "Hợp lệ", "st.invalid": "Không hợp lệ", "st.skipped": "Bỏ qua", "st.error": "Không xác định được",
    checksH: "Chi tiết kiểm tra", recordChecks: "Hồ sơ và chính sách ký", signature: "Chữ ký",
    dataH: "Dữ liệu dùng để kiểm tra", nowUsed: "Thời điểm kiểm tra", trustList: "Danh sách tin cậy", updated: "cập nhật",
    anchors: "Chứng thư gốc tin cậy", crls: "CRL", issued: "lập", none: "không có", statusListH: "Danh sách trạng thái",
    daysAgo: "ngày trước", digest: "SHA-256 của hồ sơ",
    "sample.valid": "Hồ sơ hợp lệ", "sample.tampered": "Hồ sơ bị sửa", "sample.revoked": "Hồ sơ bị thu hồi",
    "sample.unknown-signer": "Người ký không rõ", "sample.valid-primary": "Học bạ tiểu học hợp lệ",
    qrTitle: "Kiểm tra mã QR trên bản in", qrLabel: "Nội dung mã QR (bắt đầu bằng HB1:)", qrCheck: "Kiểm tra mã QR",
    qrSample: "Dùng mã QR mẫu", qrH: "Mã QR", qrRecordNote: "So với hồ sơ đang mở", qrIssued: "Ngày cấp",
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
    explanation: "Step-by-step explanation", langButton: "VI", langLabel: "VI: Chuyển sang tiếng Việt",
    trySample: "Try a sample record", verifyOptions: "Verification time and trust data",
    verifyNow: "Time of verification (Vietnam time)", useDeviceClock: "Use this device's clock",
    ownTrust: "Your trusted certificates (PEM/DER)", useDemoTrust: "Back to the demo trust list",
    ownCrls: "Certificate revocation lists (CRL)", ownStatus: "The school's record status list",
    demoTrustSource: "DEMO trust list bundled with the page (for trying only, not real certificates)",
    demoBadge: "DEMO", demoTrustLabel: "Using the sample trust list, for trying only", ownTrustLabel: "Using the certificates you chose",
    demoMissing: "Could not load the sample data",
    verificationMissing: "Could not load the verification module (check the connection and try again)",
    "verdict.valid": "✓ Valid record", "verdict.invalid": "✗ Invalid record", "verdict.indeterminate": "? Could not check",
    "verdictHelp.valid": "The record is exactly as the school signed and issued it; every required check holds.",
    "verdictHelp.invalid": "Do not rely on this record: a check fails (see ✗ below).",
    "verdictHelp.indeterminate": "No conclusion yet: some needed data is missing or unusable (see ? below).",
    sampleShown: "Sample record", recordH: "Record", recordHidden: "The record's content is not shown because a signature or digest does not hold.",
    studentName: "Student", studentId: "Student id", className: "Class", schoolYear: "School year", school: "School", recordId: "Record id",
    resultsH: "Learning and conduct results", retest: "Retest", conductYear: "Conduct, whole year",
    levelCn: "Level at year end", testCn: "Year-end test",
    "role.gvcn": "Class teacher", "role.ht": "Principal", "role.seal": "School (organisation seal)", "role.subject_teacher": "Subject teacher",
    signersH: "Signers", noSigners: "No signature.", signedAt: "Signed", vnTime: "(Vietnam time)",
    "source.timestamp": "proven by a timestamp", "source.claimed": "as stated by the signer",
    signerValid: "Signature valid", signerInvalid: "Signature not valid",
    "st.valid": "Valid", "st.invalid": "Invalid", "st.skipped": "Skipped", "st.error": "Could not decide",
    checksH: "Checks", recordChecks: "Record and signing policy", signature: "Signature",
    dataH: "Data used", nowUsed: "Time of verification", trustList: "Trust list", updated: "updated",
    anchors: "Trusted roots", crls: "CRLs", issued: "issued", none: "none", statusListH: "Status list",
    daysAgo: "days ago", digest: "Record SHA-256",
    "sample.valid": "Valid record", "sample.tampered": "Tampered record", "sample.revoked": "Revoked record",
    "sample.unknown-signer": "Unknown signer", "sample.valid-primary": "Valid primary-school record",
    qrTitle: "Check the QR code of a printed copy", qrLabel: "Text of the QR code (starts with HB1:)", qrCheck: "Check the QR code",
    qrSample: "Use the sample QR code", qrH: "QR code", qrRecordNote: "Compared with the open record", qrIssued: "Issued",
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
