//! Unicode Normalization Form C (UAX #15) over `unicode-normalization`'s canonical tables only.
//!
//! The crate's own `nfc()` iterator and `is_nfc` choose the decomposition (canonical, compatibility, CJK
//! variants) by a runtime field, so every program that calls them links the compatibility tables too:
//! ≈70 KB that hocba never uses, a sixth of the WebAssembly module's data (decisions D-89). This module
//! composes the same result from the crate's public per-character functions (`decompose_canonical`,
//! `canonical_combining_class`, `compose`, `is_nfc_quick`), which reach the canonical tables alone. The
//! tests compare it with the crate's `nfc()` on every code point and on random strings. (Moved here from
//! hocba-core by D-122.)

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// `s` in NFC, borrowed when the quick check shows it already is (nearly every text hocba sees:
/// Vietnamese in precomposed form, codes, digits).
#[must_use]
pub fn nfc(s: &str) -> Cow<'_, str> {
    if super::is_quick_nfc(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    Cow::Owned(compose(s))
}

/// The three steps of UAX #15 for `s`.
fn compose(s: &str) -> String {
    // 1. Full canonical decomposition (Hangul syllables included), each character with its class.
    let mut chars: Vec<(char, u8)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_canonical(c, |d| chars.push((d, canonical_combining_class(d))));
    }
    // 2. Canonical ordering: each run of non-starters sorted by class, stably.
    let mut start = 0;
    while start < chars.len() {
        if chars[start].1 == 0 {
            start += 1;
            continue;
        }
        let end = chars[start..]
            .iter()
            .position(|&(_, class)| class == 0)
            .map_or(chars.len(), |n| start + n);
        chars[start..end].sort_by_key(|&(_, class)| class);
        start = end;
    }
    // 3. Canonical composition: a character joins the last starter unless something between blocks it
    //    (a starter, or a non-starter of the same or a higher class; after step 2 the last one kept is the
    //    highest).
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for (c, class) in chars {
        if let Some(at) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(composed) = unicode_normalization::char::compose(out[at], c) {
                    out[at] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Whether `s` is in NFC: the fast path, the quick check, then a comparison with [`nfc`] when it answers
/// "maybe".
#[must_use]
pub fn is_nfc(s: &str) -> bool {
    if super::is_quick_nfc(s) {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => compose(s) == s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn reference(s: &str) -> String {
        s.nfc().collect()
    }

    #[test]
    fn every_code_point_alone_and_after_a_letter_matches_the_crate() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            for s in [
                String::from(c),
                alloc::format!("a{c}"),
                alloc::format!("{c}\u{301}"),
            ] {
                assert_eq!(nfc(&s), reference(&s), "{}", s.escape_unicode());
                assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn vietnamese_hangul_and_reordering_cases() {
        for s in [
            "Nguye\u{302}\u{303}n",             // ê + tilde, decomposed
            "Nguy\u{1EC5}n",                    // already NFC
            "a\u{323}\u{302}",                  // dot below then circumflex: ậ
            "a\u{302}\u{323}",                  // circumflex then dot below: reordered, then ậ
            "\u{1100}\u{1161}\u{11A8}",         // Hangul L V T → 각
            "\u{AC00}\u{11A8}",                 // LV + T
            "e\u{301}\u{301}",                  // the second acute is blocked
            "\u{300}a",                         // a leading non-starter
            "\u{0F73}\u{0F75}\u{0F81}",         // Tibetan: decompose into non-starters
            "\u{2126}\u{212B}\u{FB01}\u{F900}", // singletons and a compatibility ligature (kept)
        ] {
            assert_eq!(nfc(s), reference(s), "{s:?}");
            assert_eq!(is_nfc(s), unicode_normalization::is_nfc(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn random_strings_match_the_crate(s in "(\\PC|[\u{300}-\u{36F}\u{1100}-\u{11FF}\u{AC00}-\u{AC40}\u{0591}-\u{05C7}\u{0F70}-\u{0F85}aeoAEO])*") {
            prop_assert_eq!(nfc(&s), reference(&s));
            prop_assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s));
        }
    }
}
