//! Readable X.500 names, and the name comparison that binds certificates to the people a record names.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use const_oid::ObjectIdentifier;
use der::Tag;

use super::x509_walk::NameAttribute;

/// Attribute-type OIDs of names.
pub mod attr_oid {
    use const_oid::ObjectIdentifier as Oid;
    /// commonName.
    pub const CN: Oid = Oid::new_unwrap("2.5.4.3");
    /// surname.
    pub const SURNAME: Oid = Oid::new_unwrap("2.5.4.4");
    /// serialNumber.
    pub const SERIAL_NUMBER: Oid = Oid::new_unwrap("2.5.4.5");
    /// countryName.
    pub const C: Oid = Oid::new_unwrap("2.5.4.6");
    /// localityName.
    pub const L: Oid = Oid::new_unwrap("2.5.4.7");
    /// stateOrProvinceName.
    pub const ST: Oid = Oid::new_unwrap("2.5.4.8");
    /// organizationName.
    pub const O: Oid = Oid::new_unwrap("2.5.4.10");
    /// organizationalUnitName.
    pub const OU: Oid = Oid::new_unwrap("2.5.4.11");
    /// title.
    pub const TITLE: Oid = Oid::new_unwrap("2.5.4.12");
    /// givenName.
    pub const GIVEN_NAME: Oid = Oid::new_unwrap("2.5.4.42");
    /// organizationIdentifier.
    pub const ORGANIZATION_IDENTIFIER: Oid = Oid::new_unwrap("2.5.4.97");
    /// userId (UID), where Vietnamese CAs put "CCCD:…", "MST:…", "MNS:…".
    pub const UID: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.1");
    /// emailAddress.
    pub const EMAIL: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");
}

fn short_name(oid: &ObjectIdentifier) -> String {
    use attr_oid::*;
    match *oid {
        CN => "CN".into(),
        SURNAME => "SN".into(),
        SERIAL_NUMBER => "serialNumber".into(),
        C => "C".into(),
        L => "L".into(),
        ST => "ST".into(),
        O => "O".into(),
        OU => "OU".into(),
        TITLE => "title".into(),
        GIVEN_NAME => "GN".into(),
        ORGANIZATION_IDENTIFIER => "organizationIdentifier".into(),
        UID => "UID".into(),
        EMAIL => "emailAddress".into(),
        other => other.to_string(),
    }
}

/// Decodes a DirectoryString-like value (UTF8, Printable, IA5, Visible, BMP, Teletex as Latin-1), given its
/// tag and content.
#[must_use]
pub fn decode_directory_string(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            core::str::from_utf8(bytes).ok().map(ToString::to_string)
        }
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            if bytes.len() % 2 != 0 {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        _ => None,
    }
}

/// The attributes of a name, in order, as (short type, text) pairs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameInfo {
    /// (type, value), e.g. ("CN", "Nguyễn Thị Lan").
    pub attributes: Vec<(String, String)>,
}

impl NameInfo {
    /// Reads a name's attributes; values that are not strings are shown as `#<hex>`.
    #[must_use]
    pub(crate) fn from_attributes(name: &[NameAttribute<'_>]) -> NameInfo {
        let attributes = name
            .iter()
            .map(|atv| {
                let text = decode_directory_string(atv.tag, atv.value).unwrap_or_else(|| {
                    let mut s = String::from("#");
                    s.push_str(&super::cert::hex_lower(atv.value));
                    s
                });
                (short_name(&atv.oid), text)
            })
            .collect();
        NameInfo { attributes }
    }

    /// The first value of an attribute type (`"CN"`, `"O"`, ...).
    #[must_use]
    pub fn get(&self, short: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == short)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of every attribute.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.attributes.iter().map(|(_, v)| v.as_str())
    }

    /// The person's or organisation's name: CN, else given name + surname, else the whole name.
    #[must_use]
    pub fn person_name(&self) -> Option<String> {
        if let Some(cn) = self.get("CN") {
            return Some(cn.into());
        }
        match (self.get("SN"), self.get("GN")) {
            (Some(sn), Some(gn)) => Some(alloc::format!("{sn} {gn}")),
            _ => None,
        }
    }

    /// CN if present, else the RFC 4514-like rendering.
    #[must_use]
    pub fn display(&self) -> String {
        self.person_name().unwrap_or_else(|| self.rfc4514())
    }

    /// `CN=…, O=…, C=VN` in the certificate's order.
    #[must_use]
    pub fn rfc4514(&self) -> String {
        let parts: Vec<String> = self
            .attributes
            .iter()
            .map(|(k, v)| alloc::format!("{k}={v}"))
            .collect();
        parts.join(", ")
    }
}

/// A name as compared: Unicode NFC, lower case, inner white space collapsed, trimmed, the tone of a
/// final "oa", "oe" or "uy" on its second vowel, and the Icelandic eth taken for Vietnamese "đ".
/// Diacritics stay significant: "Nguyễn" and "Nguyen" differ.
#[must_use]
pub fn normalize_name(s: &str) -> String {
    let lower = crate::nfc::nfc(s).to_lowercase();
    // Lower-casing can produce decomposed sequences in rare cases; recompose.
    let lower = crate::nfc::nfc(&lower);
    let mut out = String::with_capacity(lower.len());
    for word in lower.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_word(&mut out, word);
    }
    out
}

/// The five tones on the vowels whose tone moves: grave, acute, hook above, tilde, dot below.
const TONED: [(char, [char; 5]); 5] = [
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
];

/// The base vowel and tone of a toned `o`, `u`, `a`, `e` or `y`.
fn toned(c: char) -> Option<(char, usize)> {
    TONED
        .iter()
        .find_map(|(base, forms)| forms.iter().position(|&f| f == c).map(|tone| (*base, tone)))
}

/// `vowel` carrying `tone`.
fn with_tone(vowel: char, tone: usize) -> Option<char> {
    TONED
        .iter()
        .find(|(base, _)| *base == vowel)
        .and_then(|(_, forms)| forms.get(tone).copied())
}

/// Appends one lower-case word. Vietnamese writes the tone of a syllable ending in "oa", "oe" or "uy"
/// on either vowel — "Hòa" and "Hoà", "Thủy" and "Thuỷ", "Khỏe" and "Khoẻ" are the same name in the
/// older and the newer convention, and civil records, certificates and school systems mix them — so
/// it is moved to the second vowel ("qu" + "y" is a consonant and a vowel, left as it is). Legacy
/// encodings also write "đ" as the look-alike eth "ð" (U+00F0).
fn push_word(out: &mut String, word: &str) {
    let mut chars: alloc::vec::Vec<char> = word
        .chars()
        .map(|c| if c == 'ð' { 'đ' } else { c })
        .collect();
    let after_q = chars.len().checked_sub(3).and_then(|i| chars.get(i)) == Some(&'q');
    if let [.., first, second] = chars.as_mut_slice() {
        if let Some((base, tone)) = toned(*first) {
            let pair = matches!((base, *second), ('o', 'a' | 'e'))
                || (base == 'u' && *second == 'y' && !after_q);
            if let (true, Some(moved)) = (pair, with_tone(*second, tone)) {
                *first = base;
                *second = moved;
            }
        }
    }
    out.extend(chars);
}

/// Same person or organisation name under [`normalize_name`]?
#[must_use]
pub fn names_match(a: &str, b: &str) -> bool {
    let a = normalize_name(a);
    !a.is_empty() && a == normalize_name(b)
}

/// The school-type abbreviations of Vietnamese school names, as written in full.
const SCHOOL_ABBREVIATIONS: [(&str, &str); 8] = [
    ("thpt", "trung học phổ thông"),
    ("thcs", "trung học cơ sở"),
    ("th", "tiểu học"),
    ("ptdtnt", "phổ thông dân tộc nội trú"),
    ("ptdtbt", "phổ thông dân tộc bán trú"),
    ("pt", "phổ thông"),
    ("gdtx", "giáo dục thường xuyên"),
    ("gdnn-gdtx", "giáo dục nghề nghiệp - giáo dục thường xuyên"),
];

/// A school's name as compared: [`normalize_name`], the school-type abbreviations written in full
/// ("THPT" → "trung học phổ thông", "TH&THCS" → "tiểu học và trung học cơ sở"), and a leading "trường"
/// dropped — a seal certificate names the school as its founding decision does, in full, while records
/// and school systems abbreviate.
#[must_use]
pub fn normalize_school_name(s: &str) -> String {
    let name = normalize_name(s);
    let mut words: alloc::vec::Vec<&str> = alloc::vec::Vec::new();
    for word in name.split(' ') {
        for (i, part) in word.split('&').enumerate() {
            if i > 0 {
                words.push("và");
            }
            match SCHOOL_ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == part)
            {
                Some((_, full)) => words.extend(full.split(' ')),
                None if part.is_empty() => {}
                None => words.push(part),
            }
        }
    }
    if words.first() == Some(&"trường") {
        words.remove(0);
    }
    words.join(" ")
}

/// Same school under [`normalize_school_name`]?
#[must_use]
pub fn school_names_match(a: &str, b: &str) -> bool {
    let a = normalize_school_name(a);
    !a.is_empty() && a == normalize_school_name(b)
}

/// Does an identifier attribute value name `code`? Accepts the code itself or a Vietnamese-CA prefix
/// form such as `MNS:79000701`, `MST:0301234567`, `MCQ:…` (the part after the last colon).
#[must_use]
pub fn identifier_matches(value: &str, code: &str) -> bool {
    let code = code.trim();
    if code.is_empty() {
        return false;
    }
    let value = value.trim();
    value.eq_ignore_ascii_case(code)
        || value
            .rsplit_once(':')
            .is_some_and(|(_, tail)| tail.trim().eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_with_nfc_and_case_but_keep_diacritics() {
        // "Nguyễn" precomposed vs decomposed (e + combining circumflex + combining tilde).
        assert!(names_match(
            "Nguyễn Thị Lan",
            "NGUYE\u{0302}\u{0303}N  thị lan"
        ));
        assert!(!names_match("Nguyễn Thị Lan", "Nguyen Thi Lan"));
        assert!(!names_match("", ""));
        assert!(identifier_matches("MNS:79000701", "79000701"));
        assert!(identifier_matches("79000701", "79000701"));
        assert!(!identifier_matches("CCCD:079000701", "79000701"));
    }

    #[test]
    fn the_tone_of_oa_oe_uy_may_sit_on_either_vowel() {
        assert!(names_match("Nguyễn Thị Thủy", "NGUYỄN THỊ THUỶ"));
        assert!(names_match("Trường THPT Hòa Bình", "Trường THPT Hoà Bình"));
        assert!(names_match("Lê Văn Khỏe", "Lê Văn Khoẻ"));
        assert!(names_match("Ủy ban", "uỷ ban"));
        assert!(names_match("Đoàn Thị Hoà", "đoàn thị hòa"));
        // Only at the end of the syllable: with a final consonant the tone has one place.
        assert_eq!(normalize_name("Hoàng Tuyết"), "hoàng tuyết");
        assert!(!names_match("Hoàng", "Hòang"));
        // "qu" + "y": the tone is the y's in both conventions.
        assert_eq!(normalize_name("Quý"), "quý");
        // Other diacritics still count.
        assert!(!names_match("Hòa", "Hoa"));
        assert!(!names_match("Thủy", "Thụy"));
    }

    #[test]
    fn school_names_compare_abbreviated_or_in_full() {
        let full = "TRƯỜNG TRUNG HỌC PHỔ THÔNG NGUYỄN THỊ MINH KHAI";
        assert!(school_names_match(full, "Trường THPT Nguyễn Thị Minh Khai"));
        assert!(school_names_match(full, "THPT Nguyễn Thị Minh Khai"));
        assert!(school_names_match(
            "Trường TH&THCS Kim Đồng",
            "Trường Tiểu học và Trung học cơ sở Kim Đồng"
        ));
        assert!(school_names_match(
            "Trường PTDTNT Hoà Bình",
            "trường phổ thông dân tộc nội trú Hòa Bình"
        ));
        // A different school type or name is another school.
        assert!(!school_names_match(
            "Trường THCS Kim Đồng",
            "Trường THPT Kim Đồng"
        ));
        assert!(!school_names_match(
            "Trường THPT Lê Lợi",
            "Trường THPT Lê Lai"
        ));
        assert!(!school_names_match("Trường", ""));
    }

    #[test]
    fn the_eth_of_legacy_encodings_is_read_as_d_with_stroke() {
        assert!(names_match("Phạm Văn Ðức", "Phạm Văn Đức"));
        assert!(!names_match("Phạm Văn Dức", "Phạm Văn Đức"));
    }
}
