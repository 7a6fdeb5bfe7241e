//! RFC 8785 JSON Canonicalization Scheme over a `serde_json::Value`.
//!
//! * literals as `null`, `true`, `false`;
//! * numbers as ECMAScript writes them ([`super::number`]); an integer no double holds exactly is refused
//!   rather than silently changed (I-JSON);
//! * strings as ECMAScript's `JSON.stringify`: `"` and `\` escaped, U+0000–U+001F as `\b \t \n \f \r` or
//!   `\u00xx` (lower-case hex), everything else as UTF-8, unchanged (no Unicode normalisation: that is a
//!   separate rule of the record format, see [`super::canonical_bytes`]);
//! * object members sorted by the UTF-16 code units of their names, no white space anywhere.
//!
//! Written by hand rather than with `serde_jcs`: that crate needs `serde_json/std` and
//! `float_roundtrip` through its own serializer, which breaks the no_std build of the `verify` feature
//! (docs/decisions.md, R-1).

use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use serde_json::{Map, Value};

use super::number::{write_number, NumberProblem};
use super::CanonicalError;
use crate::record::text::is_nfc;

/// Deepest nesting the writer follows (the record reader stops at 16; a value built in code may be
/// deeper, and recursion must stay bounded).
pub const MAX_DEPTH: usize = 128;

/// Where a value sits: turned into a JSON pointer only when something fails.
type Step<'p> = hocba_json_reader::Location<'p>;

/// The canonical bytes of `value` under RFC 8785 alone.
///
/// # Errors
/// [`CanonicalError::NumberOutOfRange`], [`CanonicalError::TooDeep`].
pub fn to_vec(value: &Value) -> Result<Vec<u8>, CanonicalError> {
    let mut out = Vec::with_capacity(1024);
    write(value, &mut out)?;
    Ok(out)
}

/// Appends the RFC 8785 canonical bytes of `value` to `out`.
///
/// # Errors
/// As [`to_vec`].
pub fn write(value: &Value, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    Writer { out, nfc: false }.value(value, &Step::Root, 0)
}

/// As [`write`], and every string (names and values) must be in Unicode Normalization Form C.
pub(crate) fn write_nfc(value: &Value, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    Writer { out, nfc: true }.value(value, &Step::Root, 0)
}

struct Writer<'o> {
    out: &'o mut Vec<u8>,
    nfc: bool,
}

impl Writer<'_> {
    fn value(&mut self, v: &Value, at: &Step<'_>, depth: usize) -> Result<(), CanonicalError> {
        match v {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Number(n) => write_number(n, self.out).map_err(|p| match p {
                NumberProblem::OutOfRange | NumberProblem::NotFinite => {
                    CanonicalError::NumberOutOfRange {
                        pointer: at.pointer(),
                        value: alloc::format!("{n}"),
                    }
                }
            })?,
            Value::String(s) => {
                self.check_nfc(s, at)?;
                write_string(s, self.out);
            }
            Value::Array(items) => {
                if depth >= MAX_DEPTH {
                    return Err(CanonicalError::TooDeep {
                        pointer: at.pointer(),
                        limit: MAX_DEPTH,
                    });
                }
                self.out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.value(item, &Step::Index(at, i), depth + 1)?;
                }
                self.out.push(b']');
            }
            Value::Object(map) => {
                if depth >= MAX_DEPTH {
                    return Err(CanonicalError::TooDeep {
                        pointer: at.pointer(),
                        limit: MAX_DEPTH,
                    });
                }
                self.object(map, at, depth)?;
            }
        }
        Ok(())
    }

    fn object(
        &mut self,
        map: &Map<String, Value>,
        at: &Step<'_>,
        depth: usize,
    ) -> Result<(), CanonicalError> {
        self.out.push(b'{');
        // serde_json keeps names in UTF-8 byte order, which is code point order. UTF-16 order differs
        // only between a supplementary character (surrogates D800–DFFF) and U+E000–U+FFFF; re-sort only
        // when a name holds a character at or above U+E000.
        let needs_sort = map.keys().any(|k| k.chars().any(|c| c >= '\u{E000}'));
        let mut first = true;
        let mut member = |w: &mut Self, k: &String, v: &Value| -> Result<(), CanonicalError> {
            if !first {
                w.out.push(b',');
            }
            first = false;
            let here = Step::Key(at, k);
            w.check_nfc(k, &here)?;
            write_string(k, w.out);
            w.out.push(b':');
            w.value(v, &here, depth + 1)
        };
        if needs_sort {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| utf16_cmp(a.0, b.0));
            for (k, v) in entries {
                member(self, k, v)?;
            }
        } else {
            for (k, v) in map {
                member(self, k, v)?;
            }
        }
        self.out.push(b'}');
        Ok(())
    }

    fn check_nfc(&self, s: &str, at: &Step<'_>) -> Result<(), CanonicalError> {
        if self.nfc && !is_nfc(s) {
            return Err(CanonicalError::NotNfc {
                pointer: at.pointer(),
            });
        }
        Ok(())
    }
}

/// Compares two names by their UTF-16 code units (RFC 8785 §3.2.3).
#[must_use]
pub fn utf16_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Writes a string as ECMAScript's `JSON.stringify` does (RFC 8785 §3.2.2.2).
pub fn write_string(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x08 => Some(b"\\b"),
            0x09 => Some(b"\\t"),
            0x0A => Some(b"\\n"),
            0x0C => Some(b"\\f"),
            0x0D => Some(b"\\r"),
            0x00..=0x1F => None,
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        match escape {
            Some(e) => out.extend_from_slice(e),
            None => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jcs(text: &str) -> String {
        let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        to_vec(&v)
            .map(|b| String::from_utf8(b).unwrap_or_default())
            .unwrap_or_else(|e| alloc::format!("error {}", e.code()))
    }

    #[test]
    fn escapes_and_sorting() {
        assert_eq!(
            jcs(r#"{"b":1,"a":"x\u0001\"\\\n/"}"#),
            r#"{"a":"x\u0001\"\\\n/","b":1}"#
        );
        // U+FB33 (BMP, above the surrogates) sorts after U+1F602 in UTF-16 but before it by code point.
        assert_eq!(
            jcs(r#"{"\ufb33":1,"\ud83d\ude02":2}"#),
            "{\"\u{1f602}\":2,\"\u{fb33}\":1}"
        );
        assert_eq!(
            jcs("[1.0, -0.0, 1e21, 9007199254740992]"),
            "[1,0,1e+21,9007199254740992]"
        );
        assert_eq!(
            jcs("9007199254740993"),
            "error canonical_number_out_of_range"
        );
        assert_eq!(
            jcs("-9007199254740993"),
            "error canonical_number_out_of_range"
        );
        // ECMAScript's text of a large double is an integer; it is canonical as it stands.
        assert_eq!(jcs("-292444603198775940"), "-292444603198775940");
        assert_eq!(
            jcs("18446744073709551615"),
            "error canonical_number_out_of_range"
        );
    }
}
