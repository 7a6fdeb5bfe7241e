//! Base45 (RFC 9285), strict: every text decodes to one byte string and back to the same text.
//!
//! Hand-written rather than the `base45` crate: that crate's decoder truncates a final two-character
//! group worth more than 255 (`as u8`), so two texts decode to the same bytes, and it needs Rust 1.88
//! (`slice::as_chunks`) against the workspace's 1.85. The codec is 40 lines; RFC 9285's examples are
//! its tests.

use alloc::string::String;
use alloc::vec::Vec;

const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Why a text is not Base45.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base45Error {
    /// A character outside the 45-character alphabet, at this byte offset.
    Character(usize),
    /// A length of 3k+1 characters.
    Length,
    /// A group whose value does not fit its bytes (non-canonical), at this byte offset.
    Overflow(usize),
}

fn value(c: u8) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// Encodes bytes as Base45.
#[must_use]
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() / 2 * 3 + 2);
    let mut push = |v: u32, digits: usize| {
        let mut v = v;
        for _ in 0..digits {
            out.push(char::from(ALPHABET[(v % 45) as usize]));
            v /= 45;
        }
    };
    for pair in bytes.chunks(2) {
        match *pair {
            [a, b] => push(u32::from(a) * 256 + u32::from(b), 3),
            [a] => push(u32::from(a), 2),
            _ => {}
        }
    }
    out
}

/// Decodes Base45 text.
///
/// # Errors
/// [`Base45Error`].
pub fn decode(text: &[u8]) -> Result<Vec<u8>, Base45Error> {
    if text.len() % 3 == 1 {
        return Err(Base45Error::Length);
    }
    let mut out = Vec::with_capacity(text.len() / 3 * 2 + 1);
    for (i, group) in text.chunks(3).enumerate() {
        let offset = i * 3;
        let mut v = 0u32;
        for (j, &c) in group.iter().enumerate().rev() {
            v = v * 45 + value(c).ok_or(Base45Error::Character(offset + j))?;
        }
        if group.len() == 3 {
            let pair = u16::try_from(v).map_err(|_| Base45Error::Overflow(offset))?;
            out.extend_from_slice(&pair.to_be_bytes());
        } else {
            out.push(u8::try_from(v).map_err(|_| Base45Error::Overflow(offset))?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc9285_examples() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(decode(b"QED8WEX0").as_deref(), Ok(&b"ietf!"[..]));
        assert_eq!(decode(b"%69 VD92EX0").as_deref(), Ok(&b"Hello!!"[..]));
    }

    #[test]
    fn refuses_what_rfc9285_refuses() {
        assert_eq!(decode(b"GGW"), Err(Base45Error::Overflow(0))); // 65 535 + 1
        assert_eq!(decode(b"ABCD"), Err(Base45Error::Length));
        assert_eq!(decode(b"ab"), Err(Base45Error::Character(1)));
        assert_eq!(decode(b":: "), Err(Base45Error::Overflow(0)));
        assert_eq!(decode(b"::"), Err(Base45Error::Overflow(0))); // 2 024 > 255: the crate truncates this
    }

    #[test]
    fn round_trip_every_byte_pair_boundary() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for n in [0, 1, 2, 3, 255, 511] {
            assert_eq!(
                decode(encode(&bytes[..n]).as_bytes()).as_deref(),
                Ok(&bytes[..n])
            );
        }
    }
}
