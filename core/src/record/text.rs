//! Rules for the record's own texts: Unicode NFC everywhere, and one spelling per name.

use super::problem::ProblemKind;

/// Whether `s` is in Unicode Normalization Form C: `hocba-nfc`'s fast path (ASCII, below U+0300, the
/// Latin Extended Additional block of precomposed Vietnamese), then the full check.
#[must_use]
pub fn is_nfc(s: &str) -> bool {
    crate::nfc::is_nfc(s)
}

/// Longest name (people, schools, places), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest code-like text (ethnicity, nationality, class), in characters.
pub const MAX_SHORT_CHARS: usize = 100;
/// Longest comment or reason, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;

/// What one pass over a text finds.
pub(crate) struct Facts {
    /// Every character is NFC_Quick_Check=Yes with combining class 0 (so the text is NFC).
    quick_nfc: bool,
    /// Bytes (an upper bound of the characters).
    chars: usize,
    blank: bool,
    control: bool,
    line_break: bool,
    edge_space: bool,
    double_space: bool,
}

pub(crate) fn facts(s: &str) -> Facts {
    let b = s.as_bytes();
    let (mut quick_nfc, mut control, mut line_break) = (true, false, false);
    // One pass over the UTF-8 bytes: control characters (C0, DEL, C1 = C2 80–C2 9F) and whether every
    // character is below U+0300 (1 byte, or 2 with lead C2–CB) or in U+1E00–U+1EFF (E1 B8–BB xx).
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // Printable ASCII first: most bytes, one comparison.
        if x.wrapping_sub(0x20) < 0x5F {
            i += 1;
            continue;
        }
        match x {
            b'\n' => line_break = true,
            0x00..=0x1F | 0x7F => control = true,
            0xC2 => {
                control |= matches!(b.get(i + 1), Some(0x80..=0x9F));
                i += 1;
            }
            0xC3..=0xCB => i += 1,
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => i += 2,
            _ => quick_nfc = false,
        }
        i += 1;
    }
    Facts {
        quick_nfc,
        // Characters are counted only when the bytes alone could exceed a limit (see the rules).
        chars: s.len(),
        blank: s.trim().is_empty(),
        control,
        line_break,
        edge_space: s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace),
        double_space: s.contains("  "),
    }
}

impl Facts {
    /// Characters, counted only past the byte length that could reach `max`.
    fn too_long(&self, s_chars: impl FnOnce() -> usize, max: usize) -> bool {
        self.chars > max && s_chars() > max
    }
}

impl Facts {
    /// The text (whose facts these are) is NFC.
    pub(crate) fn is_nfc(&self, s: &str) -> bool {
        self.quick_nfc || crate::nfc::is_nfc(s)
    }
}

/// A single-line text such as a name: non-empty, at most `max` characters, no control character, no
/// leading, trailing or doubled space. NFC is checked for every string separately.
#[must_use]
pub fn check_line(s: &str, max: usize) -> Option<ProblemKind> {
    line_rules(s, &facts(s), max)
}

pub(crate) fn line_rules(s: &str, f: &Facts, max: usize) -> Option<ProblemKind> {
    if f.blank {
        Some(ProblemKind::TextEmpty)
    } else if f.too_long(|| s.chars().count(), max) {
        Some(ProblemKind::TextTooLong { limit: max })
    } else if f.control || f.line_break {
        Some(ProblemKind::TextControlCharacter)
    } else if f.edge_space || f.double_space {
        Some(ProblemKind::TextWhitespace)
    } else {
        None
    }
}

/// A free text such as a comment: non-empty, at most `max` characters; line breaks allowed.
#[must_use]
pub fn check_free(s: &str, max: usize) -> Option<ProblemKind> {
    free_rules(s, &facts(s), max)
}

pub(crate) fn free_rules(s: &str, f: &Facts, max: usize) -> Option<ProblemKind> {
    if f.blank {
        Some(ProblemKind::TextEmpty)
    } else if f.too_long(|| s.chars().count(), max) {
        Some(ProblemKind::TextTooLong { limit: max })
    } else if f.control {
        Some(ProblemKind::TextControlCharacter)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_agrees_with_the_characters() {
        let samples = [
            "Nguyễn Thị Minh Anh",
            "Trường THPT Nguyễn Thị Minh Khai",
            "A\u{030A}",
            "x\u{0085}y",
            "dòng 1\ndòng 2",
            "tab\there",
            "ǅ ǆ ʯ ˿ ̀",
            "Ḁ ỹ Ỽ ỿ ἀ",
            "中文 😀",
            "\u{00A0}",
        ];
        for s in samples {
            let f = facts(s);
            let quick = s.chars().all(hocba_nfc::is_quick_nfc_char);
            assert_eq!(f.quick_nfc, quick, "{s:?}");
            let control = s.chars().any(|c| c.is_control() && c != '\n');
            assert_eq!(f.control, control, "{s:?}");
            assert_eq!(f.line_break, s.contains('\n'), "{s:?}");
        }
    }

    #[test]
    fn names_have_one_spelling() {
        assert_eq!(check_line("Nguyễn Văn An", 200), None);
        assert_eq!(
            check_line(" Nguyễn", 200),
            Some(ProblemKind::TextWhitespace)
        );
        assert_eq!(
            check_line("Nguyễn  An", 200),
            Some(ProblemKind::TextWhitespace)
        );
        assert_eq!(
            check_line("A\tB", 200),
            Some(ProblemKind::TextControlCharacter)
        );
        assert_eq!(check_line("   ", 200), Some(ProblemKind::TextEmpty));
        assert_eq!(
            check_line("abc", 2),
            Some(ProblemKind::TextTooLong { limit: 2 })
        );
        assert_eq!(check_free("dòng 1\ndòng 2", 200), None);
        assert!(is_nfc("Nguyễn"));
        assert!(!is_nfc("Nguye\u{302}\u{303}n"));
    }
}
