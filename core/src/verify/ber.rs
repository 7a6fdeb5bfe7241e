//! BER → DER for a CMS's outer structure.
//!
//! RFC 5652 lets SignedData travel in BER; only what is signed must be DER (the signed attributes,
//! re-encoded by the verifier anyway, and the certificates). Streaming signers write indefinite lengths
//! and constructed OCTET STRINGs: OpenSSL's `cms -sign -stream`, BouncyCastle's stream generators, some
//! TSAs. hocba reads in place with a DER walker ([`crate::pki::der_view`]), so a CMS that is not DER is
//! first re-encoded here. No crate of the RustCrypto family reads BER (`der` refuses indefinite
//! lengths by design), hence this small converter (decisions D-98).
//!
//! Every element is re-encoded from its parts: a DER element comes out byte for byte the same, so the
//! certificates and signed attributes inside keep the bytes their signatures cover.

use alloc::vec::Vec;

/// How deep constructed elements may nest (a CMS with a timestamp token needs about 15).
const MAX_DEPTH: usize = 48;

/// Why BER cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BerError {
    /// The input ends inside an element.
    Truncated,
    /// A length that is reserved, too large, or indefinite on a primitive element.
    BadLength,
    /// Nested more than [`MAX_DEPTH`] deep.
    TooDeep,
    /// A constructed OCTET STRING holding something else than OCTET STRINGs.
    BadOctetString,
    /// Bytes after the element.
    TrailingData,
}

impl core::fmt::Display for BerError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            BerError::Truncated => "BER: the input ends inside an element",
            BerError::BadLength => "BER: invalid length",
            BerError::TooDeep => "BER: nested too deep",
            BerError::BadOctetString => "BER: a constructed OCTET STRING holds other elements",
            BerError::TrailingData => "BER: bytes after the element",
        })
    }
}

const OCTET_STRING: u8 = 0x04;
const CONSTRUCTED: u8 = 0x20;

/// `input`, one BER element, in DER: definite minimal lengths, constructed OCTET STRINGs made
/// primitive. Other DER rules (set order, boolean and integer forms) are not imposed here; what is
/// signed is DER already and the walker checks the rest.
pub(crate) fn to_der(input: &[u8]) -> Result<Vec<u8>, BerError> {
    let mut out = Vec::with_capacity(input.len());
    let rest = element(input, &mut out, 0)?;
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(BerError::TrailingData)
    }
}

/// The identifier octets: one, or more for tag numbers above 30.
fn identifier(input: &[u8]) -> Result<(&[u8], &[u8]), BerError> {
    let first = *input.first().ok_or(BerError::Truncated)?;
    let mut len = 1;
    if first & 0x1f == 0x1f {
        loop {
            let b = *input.get(len).ok_or(BerError::Truncated)?;
            len += 1;
            if b & 0x80 == 0 {
                break;
            }
            if len > 6 {
                return Err(BerError::BadLength);
            }
        }
    }
    Ok(input.split_at(len))
}

/// The length octets: `Some(n)`, or `None` for the indefinite form.
fn length(input: &[u8]) -> Result<(Option<usize>, &[u8]), BerError> {
    let (&first, rest) = input.split_first().ok_or(BerError::Truncated)?;
    match first {
        0x80 => Ok((None, rest)),
        0..=0x7f => Ok((Some(usize::from(first)), rest)),
        0x81..=0x84 => {
            let (bytes, rest) = take(rest, usize::from(first & 0x7f))?;
            let value = bytes.iter().fold(0usize, |v, &b| (v << 8) | usize::from(b));
            Ok((Some(value), rest))
        }
        _ => Err(BerError::BadLength),
    }
}

/// The first `len` bytes of `input` and the rest, or [`BerError::Truncated`].
fn take(input: &[u8], len: usize) -> Result<(&[u8], &[u8]), BerError> {
    if input.len() < len {
        return Err(BerError::Truncated);
    }
    Ok(input.split_at(len))
}

/// A DER length: short form below 128, else the long form with the fewest octets.
fn push_length(out: &mut Vec<u8>, len: usize) {
    match u8::try_from(len) {
        Ok(short) if short < 0x80 => out.push(short),
        _ => {
            let bytes = len.to_be_bytes();
            let significant = &bytes[bytes.iter().take_while(|&&b| b == 0).count()..];
            // A usize has at most 8 octets, so their count always fits.
            out.extend(u8::try_from(significant.len()).map(|n| 0x80 | n));
            out.extend_from_slice(significant);
        }
    }
}

/// Converts one element at the start of `input` into `out`; returns what follows it.
fn element<'a>(input: &'a [u8], out: &mut Vec<u8>, depth: usize) -> Result<&'a [u8], BerError> {
    if depth > MAX_DEPTH {
        return Err(BerError::TooDeep);
    }
    let (tag, rest) = identifier(input)?;
    let (len, rest) = length(rest)?;
    if tag[0] & CONSTRUCTED == 0 {
        let (content, rest) = take(rest, len.ok_or(BerError::BadLength)?)?;
        out.extend_from_slice(tag);
        push_length(out, content.len());
        out.extend_from_slice(content);
        return Ok(rest);
    }
    // The children, converted into a buffer of their own: the length is known only afterwards.
    let mut children = Vec::new();
    let rest = match len {
        Some(len) => {
            let (mut content, rest) = take(rest, len)?;
            while !content.is_empty() {
                content = element(content, &mut children, depth + 1)?;
            }
            rest
        }
        None => {
            let mut content = rest;
            loop {
                if let [0, 0, after @ ..] = content {
                    break after;
                }
                if content.is_empty() {
                    return Err(BerError::Truncated);
                }
                content = element(content, &mut children, depth + 1)?;
            }
        }
    };
    if tag == [OCTET_STRING | CONSTRUCTED] {
        // The segments, already primitive, joined into one OCTET STRING.
        let mut joined = Vec::with_capacity(children.len());
        let mut segments = children.as_slice();
        while !segments.is_empty() {
            let (segment_tag, after) = identifier(segments)?;
            if segment_tag != [OCTET_STRING] {
                return Err(BerError::BadOctetString);
            }
            let (len, after) = length(after)?;
            let (content, after) = take(after, len.ok_or(BerError::BadLength)?)?;
            joined.extend_from_slice(content);
            segments = after;
        }
        out.push(OCTET_STRING);
        push_length(out, joined.len());
        out.extend_from_slice(&joined);
    } else {
        out.extend_from_slice(tag);
        push_length(out, children.len());
        out.extend_from_slice(&children);
    }
    Ok(rest)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn der_comes_out_unchanged() {
        // SEQUENCE { INTEGER 5, [0] { OCTET STRING "ab" }, a 200-byte OCTET STRING (long form) }
        let mut der = vec![
            0x30, 0x81, 0xd4, 0x02, 0x01, 0x05, 0xa0, 0x04, 0x04, 0x02, b'a', b'b',
        ];
        der.extend_from_slice(&[0x04, 0x81, 0xc8]);
        der.extend_from_slice(&[7; 200]);
        assert_eq!(to_der(&der).unwrap(), der);
    }

    #[test]
    fn indefinite_lengths_and_constructed_strings_become_der() {
        // SEQUENCE (indefinite) { INTEGER 1, [0] (indefinite) { OCTET STRING (constructed, indefinite)
        //   { "ab", "c" } } }
        let ber = [
            0x30, 0x80, 0x02, 0x01, 0x01, 0xa0, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04,
            0x01, b'c', 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        let der = [
            0x30, 0x0a, 0x02, 0x01, 0x01, 0xa0, 0x05, 0x04, 0x03, b'a', b'b', b'c',
        ];
        assert_eq!(to_der(&ber).unwrap(), der);
        // A non-minimal long-form length is made minimal.
        assert_eq!(
            to_der(&[0x30, 0x82, 0x00, 0x03, 0x02, 0x01, 0x01]).unwrap(),
            [0x30, 0x03, 0x02, 0x01, 0x01]
        );
    }

    #[test]
    fn broken_ber_is_refused_without_panicking() {
        let cases: [&[u8]; 8] = [
            &[],
            &[0x30, 0x80, 0x02, 0x01, 0x01], // no end-of-contents
            &[0x04, 0x80, 0x00, 0x00],       // indefinite primitive
            &[0x30, 0x05, 0x02, 0x01],       // truncated
            &[0x24, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00], // an INTEGER inside an OCTET STRING
            &[0x30, 0x85, 0, 0, 0, 0, 1],    // length of five octets
            &[0x30, 0x00, 0x00],             // trailing byte
            &[0x1f, 0x81, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00], // endless tag number
        ];
        for case in cases {
            assert!(to_der(case).is_err(), "{case:02x?}");
        }
        // Nesting beyond the limit.
        let mut deep = Vec::new();
        for _ in 0..=MAX_DEPTH + 1 {
            deep.extend_from_slice(&[0x30, 0x80]);
        }
        for _ in 0..=MAX_DEPTH + 1 {
            deep.extend_from_slice(&[0, 0]);
        }
        assert_eq!(to_der(&deep), Err(BerError::TooDeep));
    }
}
