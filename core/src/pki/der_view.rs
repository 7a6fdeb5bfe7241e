//! Views of the exact DER bytes that were signed, and a zero-copy walk over DER structures.
//!
//! Decoding normalises (the `der` crate sorts SET OF elements, for instance), so a signature is always
//! checked over the bytes as they arrived, cut out of the input with these helpers, never over a
//! re-encoding.
//!
//! The walk ([`Tlv`], [`Tlvs`]) is what the verification path reads a CMS with: a CMS embeds whole
//! certificates, and decoding them into owned structures on every record (then re-encoding them to find
//! their bytes) was a third of a verification's cost and most of the WebAssembly module. The walk only
//! cuts slices; the `der` crate still reads every header (definite, minimal lengths, no trailing bytes)
//! and decodes the leaves hocba uses (OIDs, octet strings, times, algorithm identifiers).

use alloc::vec::Vec;

use der::{Decode, Header, Reader, SliceReader, Tag, TagNumber};

/// A context-specific tag, `[n]`: constructed for EXPLICIT tagging (or IMPLICIT over a constructed type),
/// primitive for IMPLICIT over a primitive one.
#[must_use]
pub const fn context(number: TagNumber, constructed: bool) -> Tag {
    Tag::ContextSpecific {
        constructed,
        number,
    }
}

/// One TLV, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// Its tag.
    pub tag: Tag,
    /// The value bytes (inside the header).
    pub value: &'a [u8],
    /// The whole TLV, header included.
    pub raw: &'a [u8],
}

fn unexpected(expected: Tag, actual: Tag) -> der::Error {
    der::ErrorKind::TagUnexpected {
        expected: Some(expected),
        actual,
    }
    .into()
}

impl<'a> Tlv<'a> {
    /// The single TLV that makes up `input` exactly.
    ///
    /// # Errors
    /// Malformed DER, trailing bytes.
    pub fn parse(input: &'a [u8]) -> Result<Tlv<'a>, der::Error> {
        let (tlv, rest) = Self::parse_prefix(input)?;
        if rest.is_empty() {
            Ok(tlv)
        } else {
            Err(der::ErrorKind::TrailingData {
                decoded: der::Length::try_from(input.len() - rest.len())?,
                remaining: der::Length::try_from(rest.len())?,
            }
            .into())
        }
    }

    /// The first TLV of `input`, and what follows it.
    ///
    /// # Errors
    /// Malformed DER.
    pub fn parse_prefix(input: &'a [u8]) -> Result<(Tlv<'a>, &'a [u8]), der::Error> {
        let mut reader = SliceReader::new(input)?;
        let header = Header::decode(&mut reader)?;
        let value = reader.read_slice(header.length)?;
        let used = usize::try_from(reader.position())?;
        let (raw, rest) = input.split_at(used);
        Ok((
            Tlv {
                tag: header.tag,
                value,
                raw,
            },
            rest,
        ))
    }

    /// This TLV, if its tag is `tag`.
    ///
    /// # Errors
    /// Another tag.
    pub fn expect(self, tag: Tag) -> Result<Tlv<'a>, der::Error> {
        if self.tag == tag {
            Ok(self)
        } else {
            Err(unexpected(tag, self.tag))
        }
    }

    /// The TLVs inside this constructed TLV.
    ///
    /// # Errors
    /// A primitive TLV.
    pub fn children(&self) -> Result<Tlvs<'a>, der::Error> {
        if self.tag.is_constructed() {
            Ok(Tlvs { rest: self.value })
        } else {
            Err(der::ErrorKind::Noncanonical { tag: self.tag }.into())
        }
    }

    /// Decodes this TLV as `T` (a leaf hocba uses: OID, octet string, time, algorithm identifier…).
    ///
    /// # Errors
    /// `T`'s decoding error.
    pub fn decode<T: Decode<'a>>(&self) -> Result<T, der::Error> {
        T::from_der(self.raw)
    }
}

/// The TLVs of a constructed value, in order.
#[derive(Debug, Clone)]
pub struct Tlvs<'a> {
    rest: &'a [u8],
}

impl<'a> Tlvs<'a> {
    /// The next TLV, which must be there.
    ///
    /// # Errors
    /// Malformed DER or the end of the value.
    pub fn required(&mut self) -> Result<Tlv<'a>, der::Error> {
        self.next().unwrap_or_else(|| {
            Err(der::ErrorKind::Incomplete {
                expected_len: der::Length::ONE,
                actual_len: der::Length::ZERO,
            }
            .into())
        })
    }

    /// The next TLV, which must be there with tag `tag`.
    ///
    /// # Errors
    /// Malformed DER, the end of the value or another tag.
    pub fn required_with(&mut self, tag: Tag) -> Result<Tlv<'a>, der::Error> {
        self.required()?.expect(tag)
    }

    /// The next TLV if it has tag `tag` (an OPTIONAL or DEFAULT field), else nothing is consumed.
    ///
    /// # Errors
    /// Malformed DER.
    pub fn optional(&mut self, tag: Tag) -> Result<Option<Tlv<'a>>, der::Error> {
        let Some(&first) = self.rest.first() else {
            return Ok(None);
        };
        if Tag::try_from(first).ok() != Some(tag) {
            return Ok(None);
        }
        self.required().map(Some)
    }

    /// Nothing may remain.
    ///
    /// # Errors
    /// Trailing TLVs.
    pub fn finish(self) -> Result<(), der::Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(der::ErrorKind::TrailingData {
                decoded: der::Length::ZERO,
                remaining: der::Length::try_from(self.rest.len())?,
            }
            .into())
        }
    }
}

impl<'a> Iterator for Tlvs<'a> {
    type Item = Result<Tlv<'a>, der::Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match Tlv::parse_prefix(self.rest) {
            Ok((tlv, rest)) => {
                self.rest = rest;
                Some(Ok(tlv))
            }
            Err(e) => {
                // One error ends the walk.
                self.rest = &[];
                Some(Err(e))
            }
        }
    }
}

/// The raw TLVs directly inside the constructed TLV `tlv` (which must be exactly one TLV).
///
/// # Errors
/// Malformed DER, trailing bytes.
pub fn children(tlv: &[u8]) -> Result<Vec<&[u8]>, der::Error> {
    Tlv::parse(tlv)?
        .children()?
        .map(|t| t.map(|t| t.raw))
        .collect()
}

/// The raw `n`th child of `tlv`.
///
/// # Errors
/// Malformed DER or a missing child.
pub fn child(tlv: &[u8], n: usize) -> Result<&[u8], der::Error> {
    Tlv::parse(tlv)?
        .children()?
        .nth(n)
        .unwrap_or_else(|| {
            Err(der::ErrorKind::Incomplete {
                expected_len: der::Length::ZERO,
                actual_len: der::Length::ZERO,
            }
            .into())
        })
        .map(|t| t.raw)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;

    #[test]
    fn walks_a_sequence_and_cuts_exact_bytes() {
        // SEQUENCE { INTEGER 5, [0] { NULL }, OCTET STRING 'ab' }
        let der = [
            0x30, 0x0b, 0x02, 0x01, 0x05, 0xa0, 0x02, 0x05, 0x00, 0x04, 0x02, b'a', b'b',
        ];
        let seq = Tlv::parse(&der).unwrap().expect(Tag::Sequence).unwrap();
        let mut fields = seq.children().unwrap();
        assert_eq!(fields.required().unwrap().raw, &[0x02, 0x01, 0x05]);
        let ctx0 = context(TagNumber::N0, true);
        assert!(fields.optional(Tag::Set).unwrap().is_none());
        assert_eq!(fields.optional(ctx0).unwrap().unwrap().value, &[0x05, 0x00]);
        let octets = fields.required().unwrap();
        assert_eq!(
            octets
                .decode::<der::asn1::OctetStringRef<'_>>()
                .unwrap()
                .as_bytes(),
            b"ab"
        );
        fields.finish().unwrap();
        assert_eq!(child(&der, 2).unwrap(), &der[9..]);
        assert!(child(&der, 3).is_err());
    }

    #[test]
    fn refuses_truncation_trailing_bytes_and_bad_lengths() {
        assert!(Tlv::parse(&[0x30, 0x03, 0x02, 0x01]).is_err());
        assert!(Tlv::parse(&[0x05, 0x00, 0x00]).is_err());
        // Indefinite length (BER) and non-minimal long form.
        assert!(Tlv::parse(&[0x30, 0x80, 0x00, 0x00]).is_err());
        assert!(Tlv::parse(&[0x04, 0x81, 0x01, 0x00]).is_err());
        assert!(Tlv::parse(&[]).is_err());
        // A primitive has no children.
        assert!(Tlv::parse(&[0x04, 0x00]).unwrap().children().is_err());
        // Garbage inside a sequence ends the walk with an error.
        let mut walk = Tlv::parse(&[0x30, 0x02, 0x02, 0x05])
            .unwrap()
            .children()
            .unwrap();
        assert!(walk.next().unwrap().is_err());
        assert!(walk.next().is_none());
    }
}
