//! Year conduct from the two semesters (TT22 Điều 8 khoản 2), `spec/rules.md` §3.9.

use crate::levels::Level;

/// The year conduct table, rows = semester II, columns = semester I (Tốt, Khá, Đạt, Chưa đạt).
const TABLE: [[Level; 4]; 4] = {
    use Level::{ChuaDat as C, Dat as D, Kha as K, Tot as T};
    [
        [T, T, K, K], // HK II Tốt
        [K, K, K, D], // HK II Khá
        [K, D, D, D], // HK II Đạt
        [C, C, C, C], // HK II Chưa đạt
    ]
};

/// The year conduct level.
#[must_use]
pub fn year_conduct(hk1: Level, hk2: Level) -> Level {
    TABLE[usize::from(hk2.rank())][usize::from(hk1.rank())]
}
