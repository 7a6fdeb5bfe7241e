//! Unicode Normalization Form C (UAX #15) for hocba: records, canonical bytes and name comparison all
//! need it.
//!
//! Two sources, one answer. By default [`nfc`] and [`is_nfc`] compose over `unicode-normalization`'s
//! canonical tables ([`tables`]). The WebAssembly verification module is built with the feature
//! `from-rules-module`: it never runs without the rules module beside it (that module judges the record
//! itself, decisions D-121), and the rules module holds these very tables, so the verification module
//! asks it (the `nfcText` export of `./hocba_rules.js`) instead of carrying a second copy, 32 KB
//! gzipped (D-122). Both go through the same fast path first: text in ASCII, below U+0300 or in the
//! Latin Extended Additional block — every Vietnamese letter precomposed — is NFC as it stands, so a
//! normal record never leaves the module.
#![cfg_attr(not(test), no_std)]

extern crate alloc;

use alloc::borrow::Cow;

pub mod tables;

/// Whether `c` is NFC_Quick_Check=Yes with canonical combining class 0 by a range test alone: below
/// U+0300 or in U+1E00–U+1EFF, where every precomposed Vietnamese letter with two marks lives (checked
/// against the tables on every such code point in the tests).
#[must_use]
pub const fn is_quick_nfc_char(c: char) -> bool {
    (c as u32) < 0x300 || matches!(c as u32, 0x1E00..=0x1EFF)
}

/// The fast path: every character passes [`is_quick_nfc_char`], so `s` is NFC.
#[must_use]
pub fn is_quick_nfc(s: &str) -> bool {
    s.is_ascii() || s.chars().all(is_quick_nfc_char)
}

/// `s` in NFC, borrowed when it already is.
#[must_use]
pub fn nfc(s: &str) -> Cow<'_, str> {
    #[cfg(all(feature = "from-rules-module", target_arch = "wasm32"))]
    {
        if is_quick_nfc(s) {
            return Cow::Borrowed(s);
        }
        let normalized = from_rules_module::nfc_text(s);
        if normalized == s {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(normalized)
        }
    }
    #[cfg(not(all(feature = "from-rules-module", target_arch = "wasm32")))]
    {
        tables::nfc(s)
    }
}

/// Whether `s` is in NFC.
#[must_use]
pub fn is_nfc(s: &str) -> bool {
    #[cfg(all(feature = "from-rules-module", target_arch = "wasm32"))]
    {
        is_quick_nfc(s) || from_rules_module::nfc_text(s) == s
    }
    #[cfg(not(all(feature = "from-rules-module", target_arch = "wasm32")))]
    {
        tables::is_nfc(s)
    }
}

#[cfg(all(feature = "from-rules-module", target_arch = "wasm32"))]
mod from_rules_module {
    use wasm_bindgen::prelude::*;

    // The rules module's glue sits beside the verification module's in the package, and both glues are
    // the same ES modules the package's index imports, so this is the rules instance already loaded.
    #[wasm_bindgen(raw_module = "./hocba_rules.js")]
    extern "C" {
        /// `hocba-wasm`'s `nfcText`: [`crate::tables::nfc`] in the rules module.
        #[wasm_bindgen(js_name = nfcText)]
        pub(crate) fn nfc_text(s: &str) -> alloc::string::String;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_the_tables() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0u32..0x300)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
        {
            assert!(is_quick_nfc_char(c));
            let mut buf = [0u8; 4];
            assert!(
                unicode_normalization::is_nfc(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
            assert!(
                unicode_normalization::is_nfc_quick(core::iter::once(c))
                    == unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        assert!(!is_quick_nfc_char('\u{0300}'));
        assert!(!is_nfc("A\u{030A}"));
        assert!(is_nfc("Nguyễn"));
        assert!(!is_nfc("Nguye\u{302}\u{303}n"));
    }
}
