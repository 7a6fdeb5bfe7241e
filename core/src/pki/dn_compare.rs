//! Distinguished names compared as RFC 5280 §7.1 asks: RDN by RDN, each RDN as a set, string values
//! after RFC 4518-style preparation (NFC, Unicode lower case, surrounding and repeated spaces dropped),
//! other values by their DER. So `C=VN` as a PrintableString matches `C=VN` as a UTF8String, and
//! `SỞ GIÁO DỤC  HÀ NỘI` in a BMPString matches `Sở Giáo dục Hà Nội`.
//!
//! Used to chain certificates (a certificate's issuer against a CA's subject; self-issued), to find a
//! CRL's and a CMS signer's issuer, and for directoryName name constraints (D-105, D-106). Names are read
//! once, into byte keys that compare equal exactly when the names match; a certificate keeps the keys of
//! its subject and issuer, so path building compares bytes.

use alloc::string::String;
use alloc::vec::Vec;

use der::Tag;

use super::der_view::Tlv;
use super::names::decode_directory_string;

/// The prepared text of a string value: NFC, Unicode lower case, words joined by one space.
fn prepared(text: &str) -> String {
    if text.is_ascii() {
        // Most names (C=VN, serial numbers, e-mail, English O/OU) are ASCII, already NFC, and lower-case
        // byte by byte: one pass, no intermediate strings (name keys are computed for every signer's
        // issuer in every record of a batch, D-120).
        let mut folded = String::with_capacity(text.len());
        for word in text
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return folded;
    }
    let mut folded = String::with_capacity(text.len());
    for word in crate::nfc::nfc(text).to_lowercase().split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// A value's key: `0` and the prepared text for a string, `1`, the tag and the DER content otherwise.
fn push_value_key(out: &mut Vec<u8>, tag: Tag, value: &[u8]) {
    match decode_directory_string(tag, value) {
        Some(text) => {
            out.push(0);
            push_with_length(out, prepared(&text).as_bytes());
        }
        None => {
            out.push(1);
            out.push(tag.octet());
            push_with_length(out, value);
        }
    }
}

fn push_with_length(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&u32::try_from(bytes.len()).unwrap_or(u32::MAX).to_be_bytes());
    out.extend_from_slice(bytes);
}

/// The key of one RDN: its members' keys (type, then value), sorted, so that order does not matter.
fn rdn_key(rdn: Tlv<'_>) -> Result<Vec<u8>, der::Error> {
    let mut members: Vec<Vec<u8>> = Vec::new();
    for member in rdn.expect(Tag::Set)?.children()? {
        let mut fields = member?.expect(Tag::Sequence)?.children()?;
        let oid = fields.required_with(Tag::ObjectIdentifier)?;
        let value = fields.required()?;
        fields.finish()?;
        let mut key = Vec::with_capacity(oid.value.len() + value.value.len() + 10);
        push_with_length(&mut key, oid.value);
        push_value_key(&mut key, value.tag, value.value);
        members.push(key);
    }
    if members.len() > 1 {
        members.sort_unstable();
    }
    let mut out = Vec::new();
    for member in members {
        push_with_length(&mut out, &member);
    }
    Ok(out)
}

/// The keys of a Name's RDNs, in order.
///
/// # Errors
/// Malformed DER.
pub(crate) fn rdn_keys(name_der: &[u8]) -> Result<Vec<Vec<u8>>, der::Error> {
    Tlv::parse(name_der)?
        .expect(Tag::Sequence)?
        .children()?
        .map(|rdn| rdn_key(rdn?))
        .collect()
}

/// The key of a whole Name: two names match exactly when their keys are equal. A name that cannot be
/// read is keyed by its own bytes (it then matches only itself, byte for byte).
#[must_use]
pub(crate) fn name_key(name_der: &[u8]) -> Vec<u8> {
    match rdn_keys(name_der) {
        Ok(rdns) => joined(rdns),
        Err(_) => {
            let mut out = alloc::vec![1];
            out.extend_from_slice(name_der);
            out
        }
    }
}

/// The key of the Name `name_der` with `rdn` (a SET of attributes, whatever its tag) appended: a
/// distribution point name relative to a CRL issuer (RFC 5280 §4.2.1.13).
///
/// # Errors
/// Malformed DER in either.
pub(crate) fn name_key_with_rdn(name_der: &[u8], rdn: Tlv<'_>) -> Result<Vec<u8>, der::Error> {
    let mut rdns = rdn_keys(name_der)?;
    rdns.push(rdn_key(Tlv {
        tag: Tag::Set,
        ..rdn
    })?);
    Ok(joined(rdns))
}

/// A Name's key from its RDNs' keys.
fn joined(rdns: Vec<Vec<u8>>) -> Vec<u8> {
    let mut out = alloc::vec![0];
    for rdn in rdns {
        push_with_length(&mut out, &rdn);
    }
    out
}

/// Is `name` within the subtree `base`: are the base's RDNs the first RDNs of the name?
#[must_use]
pub(crate) fn directory_within(name: &[u8], base: &[u8]) -> bool {
    match (rdn_keys(name), rdn_keys(base)) {
        (Ok(name), Ok(base)) => base.len() <= name.len() && name[..base.len()] == base[..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The general preparation, which the ASCII path must equal.
    fn prepared_slowly(text: &str) -> String {
        let lower = crate::nfc::nfc(text).to_lowercase();
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_path_prepares_as_the_general_one(text in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            proptest::prop_assert_eq!(prepared(&text), prepared_slowly(&text));
        }
    }

    #[test]
    fn prepared_text_folds_case_and_spaces() {
        for (text, want) in [
            ("  Trường THPT  Nguyễn Du ", "trường thpt nguyễn du"),
            ("VN", "vn"),
            ("A\u{0b}B\tC", "a b c"),
            ("", ""),
            ("Đ\u{00a0}x", "đ x"),
        ] {
            assert_eq!(prepared(text), want, "{text:?}");
            assert_eq!(prepared_slowly(text), want, "{text:?}");
        }
    }

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        assert!(body.len() < 128);
        let mut out = alloc::vec![tag, u8::try_from(body.len()).unwrap()];
        out.extend_from_slice(body);
        out
    }

    /// A Name of RDNs, each a list of (OID arc after 2.5.4, tag, text).
    fn name(rdns: &[&[(u8, u8, &str)]]) -> Vec<u8> {
        let rdns: Vec<u8> = rdns
            .iter()
            .flat_map(|rdn| {
                let members: Vec<u8> = rdn
                    .iter()
                    .flat_map(|&(arc, tag, text)| {
                        tlv(
                            0x30,
                            &[tlv(0x06, &[85, 4, arc]), tlv(tag, text.as_bytes())].concat(),
                        )
                    })
                    .collect();
                tlv(0x31, &members)
            })
            .collect();
        tlv(0x30, &rdns)
    }

    #[test]
    fn directory_names_compare_rdn_by_rdn_as_sets_of_folded_values() {
        let base = name(&[&[(6, 0x13, "VN")], &[(10, 0x0C, "Sở GD&ĐT Hà Nội")]]);
        let inside = name(&[
            &[(6, 0x0C, "vn")],
            &[(10, 0x0C, "  SỞ GD&ĐT   HÀ NỘI ")],
            &[(3, 0x0C, "Lan")],
        ]);
        assert!(directory_within(&inside, &base));
        assert!(!directory_within(&base, &inside));
        assert!(!directory_within(&name(&[&[(6, 0x13, "VN")]]), &base));
        let other = name(&[&[(6, 0x13, "VN")], &[(10, 0x0C, "Sở GD&ĐT Đà Nẵng")]]);
        assert!(!directory_within(&other, &base));
        // A multi-valued RDN matches in any order, never with a member missing or doubled.
        let two = name(&[&[(10, 0x0C, "A"), (11, 0x0C, "B")]]);
        let swapped = name(&[&[(11, 0x0C, "b"), (10, 0x0C, "a")]]);
        assert!(directory_within(&swapped, &two));
        assert!(!directory_within(&name(&[&[(10, 0x0C, "A")]]), &two));
        let folded_twice = name(&[&[(10, 0x0C, "A"), (10, 0x0C, "a")]]);
        let distinct = name(&[&[(10, 0x0C, "A"), (10, 0x0C, "x")]]);
        assert!(!directory_within(&folded_twice, &distinct));
        // Values that are not strings compare by their DER.
        let octets = name(&[&[(45, 0x04, "x")]]);
        assert!(directory_within(&octets, &name(&[&[(45, 0x04, "x")]])));
        assert!(!directory_within(&octets, &name(&[&[(45, 0x04, "X")]])));
    }

    #[test]
    fn whole_names_match_across_encodings_and_only_whole() {
        let printable = name(&[&[(6, 0x13, "VN")], &[(3, 0x0C, "Sở GD&ĐT Hà Nội CA")]]);
        let utf8 = name(&[&[(6, 0x0C, "VN")], &[(3, 0x0C, "sở gd&đt  hà nội ca")]]);
        assert_eq!(name_key(&printable), name_key(&utf8));
        let prefix = name(&[&[(6, 0x13, "VN")]]);
        assert_ne!(name_key(&printable), name_key(&prefix));
        // Different types with the same text do not match.
        let as_o = name(&[&[(6, 0x13, "VN")], &[(10, 0x0C, "Sở GD&ĐT Hà Nội CA")]]);
        assert_ne!(name_key(&printable), name_key(&as_o));
        // Unreadable names match only their own bytes.
        assert_eq!(name_key(b"\x30\x03\x31"), name_key(b"\x30\x03\x31"));
        assert_ne!(name_key(b"\x30\x03\x31"), name_key(b"\x30\x03\x32"));
    }
}
