//! Views of the exact DER bytes that were signed.
//!
//! Decoding normalises (the `der` crate sorts SET OF elements, for instance), so a signature is always
//! checked over the bytes as they arrived, cut out of the input with these helpers, never over a
//! re-encoding.

use alloc::vec::Vec;

use der::{Decode, Header, Reader, SliceReader};

/// The raw TLVs directly inside the constructed TLV `tlv` (which must be exactly one TLV).
///
/// # Errors
/// Malformed DER, trailing bytes.
pub fn children(tlv: &[u8]) -> Result<Vec<&[u8]>, der::Error> {
    let mut reader = SliceReader::new(tlv)?;
    let header = Header::decode(&mut reader)?;
    if !header.tag.is_constructed() {
        return Err(der::ErrorKind::Noncanonical { tag: header.tag }.into());
    }
    let body = reader.read_slice(header.length)?;
    reader.finish(())?;
    let mut inner = SliceReader::new(body)?;
    let mut out = Vec::new();
    while !inner.is_finished() {
        out.push(inner.tlv_bytes()?);
    }
    Ok(out)
}

/// The raw `n`th child of `tlv`.
///
/// # Errors
/// Malformed DER or a missing child.
pub fn child(tlv: &[u8], n: usize) -> Result<&[u8], der::Error> {
    children(tlv)?.get(n).copied().ok_or_else(|| {
        der::ErrorKind::Incomplete {
            expected_len: der::Length::ZERO,
            actual_len: der::Length::ZERO,
        }
        .into()
    })
}
