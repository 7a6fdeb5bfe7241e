//! The words of the law for results: TT22 levels, Đạt/Chưa đạt, TT27 T/H/C and T/Đ/C.
//!
//! Each has a stable snake_case code for files, a Vietnamese label as printed on the học bạ, an English
//! label, and accepts the spellings schools already type (`"Đ"`, `"CĐ"`, `"Tốt"`, `"T"`…).

use alloc::string::String;
use core::fmt;

/// Trimmed, NFC, lower case: the form spellings are compared in.
fn normalize(text: &str) -> String {
    crate::nfc::nfc(text.trim()).to_lowercase()
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $vi:literal, $short:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = $vi] $variant,)*
        }
        impl $name {
            /// Every value, best first.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// Stable machine code.
            #[must_use]
            pub const fn code(self) -> &'static str { match self { $($name::$variant => $code,)* } }
            /// Vietnamese label.
            #[must_use]
            pub const fn label_vi(self) -> &'static str { match self { $($name::$variant => $vi,)* } }
            /// Abbreviation printed in tables (Đ, CĐ, T, H, C…).
            #[must_use]
            pub const fn short_vi(self) -> &'static str { match self { $($name::$variant => $short,)* } }
            /// English label.
            #[must_use]
            pub const fn label_en(self) -> &'static str { match self { $($name::$variant => $en,)* } }
            /// The label in `lang`.
            #[must_use]
            pub const fn label(self, lang: crate::Lang) -> &'static str {
                match lang { crate::Lang::Vi => self.label_vi(), crate::Lang::En => self.label_en() }
            }
            /// Parses what schools type: the code, the Vietnamese label or its abbreviation, in any case, in
            /// composed or decomposed Unicode, with `đ` also written `d` in the abbreviation (`CĐ`, `CD`).
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                // Fast paths, no allocation: the code itself (what files hold), and text with a digit
                // (a score), which no spelling has.
                if let Some(v) = [$($name::$variant),*].into_iter().find(|v| v.code() == text) {
                    return Some(v);
                }
                if text.bytes().any(|b| b.is_ascii_digit()) {
                    return None;
                }
                let wanted = normalize(text);
                [$($name::$variant),*].into_iter().find(|v| {
                    let short = normalize(v.short_vi());
                    wanted == v.code() || wanted == normalize(v.label_vi()) || wanted == short || wanted == short.replace('đ', "d")
                })
            }
            /// The accepted spellings, for error messages.
            pub const EXPECTED: &'static str = concat!($("`", $code, "` ",)*);
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.label_vi()) }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.code()) }
        }
        #[cfg(feature = "schema")]
        crate::schema_support::string_enum_schema!($name, stringify!($name), $name::ALL.iter().map(|v| v.code()));
    };
}

vocabulary! {
    /// Mức đánh giá: TT22 learning results (Điều 9 khoản 2) and conduct results (Điều 8). Ordered best first.
    Level {
        Tot => "tot", "Tốt", "T", "Good";
        Kha => "kha", "Khá", "K", "Fair";
        Dat => "dat", "Đạt", "Đ", "Pass";
        ChuaDat => "chua_dat", "Chưa đạt", "CĐ", "Not yet passed";
    }
}

impl Level {
    /// 0 for Tốt … 3 for Chưa đạt (`spec/rules.md` §3.8).
    #[must_use]
    pub const fn rank(self) -> u8 {
        self as u8
    }

    /// At least Đạt: the threshold for promotion (Điều 12 khoản 1).
    #[must_use]
    pub const fn passes(self) -> bool {
        !matches!(self, Level::ChuaDat)
    }

    /// The level one step better (Chưa đạt → Đạt → Khá → Tốt).
    #[must_use]
    pub const fn one_up(self) -> Level {
        match self {
            Level::ChuaDat => Level::Dat,
            Level::Dat => Level::Kha,
            Level::Kha | Level::Tot => Level::Tot,
        }
    }
}

vocabulary! {
    /// Result of a comment-assessed subject or of one comment check (TT22 Điều 9 khoản 1 điểm a).
    Pass {
        Dat => "dat", "Đạt", "Đ", "Pass";
        ChuaDat => "chua_dat", "Chưa đạt", "CĐ", "Not yet passed";
    }
}

vocabulary! {
    /// TT27 subject level at a time point (Điều 7 khoản 1 điểm a).
    SubjectLevel {
        HoanThanhTot => "hoan_thanh_tot", "Hoàn thành tốt", "T", "Completed well";
        HoanThanh => "hoan_thanh", "Hoàn thành", "H", "Completed";
        ChuaHoanThanh => "chua_hoan_thanh", "Chưa hoàn thành", "C", "Not yet completed";
    }
}

vocabulary! {
    /// TT27 level of a quality or competence (Điều 7 khoản 2).
    TraitLevel {
        Tot => "tot", "Tốt", "T", "Good";
        Dat => "dat", "Đạt", "Đ", "Meets";
        CanCoGang => "can_co_gang", "Cần cố gắng", "C", "Needs effort";
    }
}

vocabulary! {
    /// TT27 end-of-year educational result (Điều 9 khoản 2 điểm a).
    PrimaryResult {
        HoanThanhXuatSac => "hoan_thanh_xuat_sac", "Hoàn thành xuất sắc", "HTXS", "Completed with distinction";
        HoanThanhTot => "hoan_thanh_tot", "Hoàn thành tốt", "HTT", "Completed well";
        HoanThanh => "hoan_thanh", "Hoàn thành", "HT", "Completed";
        ChuaHoanThanh => "chua_hoan_thanh", "Chưa hoàn thành", "CHT", "Not yet completed";
    }
}

vocabulary! {
    /// A principal's decision on promotion (TT22 Điều 12 khoản 4, TT27 Điều 11 khoản 3).
    PromotionDecision {
        LenLop => "len_lop", "Lên lớp", "LL", "Promoted";
        OLaiLop => "o_lai_lop", "Ở lại lớp", "OLL", "Retained";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_schools_type() {
        // "Đạt" in decomposed Unicode (D + combining stroke is not how Đ decomposes: Đ has no decomposition,
        // but ạ is a + U+0323), as typed with Unikey's "Unicode tổ hợp".
        let decomposed = "\u{0110}a\u{0323}t";
        assert_ne!(decomposed, "Đạt");
        assert_eq!(Level::parse(decomposed), Some(Level::Dat));
        for (text, want) in [
            ("dat", Level::Dat),
            ("DAT", Level::Dat),
            ("Đ", Level::Dat),
            ("d", Level::Dat),
            ("ĐẠT", Level::Dat),
            ("CĐ", Level::ChuaDat),
            ("cd", Level::ChuaDat),
            ("Chưa đạt", Level::ChuaDat),
            ("  tốt ", Level::Tot),
            ("K", Level::Kha),
        ] {
            assert_eq!(Level::parse(text), Some(want), "{text}");
        }
        assert_eq!(Pass::parse("DAT"), Some(Pass::Dat));
        assert_eq!(Pass::parse("cd"), Some(Pass::ChuaDat));
        assert_eq!(TraitLevel::parse("đ"), Some(TraitLevel::Dat));
        assert_eq!(TraitLevel::parse("D"), Some(TraitLevel::Dat));
        assert_eq!(SubjectLevel::parse("h"), Some(SubjectLevel::HoanThanh));
        assert_eq!(Level::parse("xuat_sac"), None);
        assert_eq!(Level::parse(""), None);
    }
}
