//! A walk over CBOR bytes that enforces nesting depth, item count and definite lengths before any
//! decoder builds values from them: the stub's structures are tiny and flat, so anything deep or large
//! is refused outright instead of being handed to a general decoder.

/// Limits of one CBOR item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CborLimits {
    /// Deepest nesting of arrays, maps and tags (the top item is depth 1).
    pub max_depth: usize,
    /// Most data items in all (every array element, map key and value, tag content counts).
    pub max_items: usize,
}

/// Why the bytes are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CborLimitError {
    /// Nesting deeper than allowed.
    TooDeep(usize),
    /// More items than allowed.
    TooManyItems(usize),
    /// Indefinite lengths, reserved values, a length past the end, or trailing bytes.
    Malformed(&'static str),
}

struct Walk<'a> {
    bytes: &'a [u8],
    pos: usize,
    items: usize,
    limits: CborLimits,
}

impl Walk<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], CborLimitError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(CborLimitError::Malformed("a length runs past the end"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn argument(&mut self, info: u8) -> Result<u64, CborLimitError> {
        let n = match info {
            0..=23 => return Ok(u64::from(info)),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            31 => {
                return Err(CborLimitError::Malformed(
                    "indefinite lengths are not accepted",
                ))
            }
            _ => return Err(CborLimitError::Malformed("reserved additional information")),
        };
        Ok(self
            .take(n)?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    fn item(&mut self, depth: usize) -> Result<(), CborLimitError> {
        if depth > self.limits.max_depth {
            return Err(CborLimitError::TooDeep(self.limits.max_depth));
        }
        self.items += 1;
        if self.items > self.limits.max_items {
            return Err(CborLimitError::TooManyItems(self.limits.max_items));
        }
        let initial = self.take(1)?[0];
        let (major, info) = (initial >> 5, initial & 0x1f);
        let arg = self.argument(info)?;
        let count = |arg: u64| {
            usize::try_from(arg).map_err(|_| CborLimitError::Malformed("a length too large"))
        };
        match major {
            0 | 1 | 7 => Ok(()),
            2 | 3 => {
                self.take(count(arg)?)?;
                Ok(())
            }
            4 => {
                for _ in 0..count(arg)? {
                    self.item(depth + 1)?;
                }
                Ok(())
            }
            5 => {
                for _ in 0..count(arg)? {
                    self.item(depth + 1)?;
                    self.item(depth + 1)?;
                }
                Ok(())
            }
            _ => self.item(depth + 1), // 6: a tag and its content
        }
    }
}

/// Checks that `bytes` hold exactly one CBOR item within `limits`.
///
/// # Errors
/// [`CborLimitError`].
pub fn check(bytes: &[u8], limits: CborLimits) -> Result<(), CborLimitError> {
    let mut walk = Walk {
        bytes,
        pos: 0,
        items: 0,
        limits,
    };
    walk.item(1)?;
    if walk.pos == bytes.len() {
        Ok(())
    } else {
        Err(CborLimitError::Malformed("bytes after the item"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: CborLimits = CborLimits {
        max_depth: 4,
        max_items: 16,
    };

    #[test]
    fn flat_map_passes() {
        // {1: "a", 2: h'00'}
        assert_eq!(
            check(&[0xa2, 0x01, 0x61, b'a', 0x02, 0x41, 0x00], L),
            Ok(())
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_decoding() {
        let deep = [0x81u8; 5]
            .iter()
            .copied()
            .chain([0x00])
            .collect::<alloc::vec::Vec<_>>();
        assert_eq!(check(&deep, L), Err(CborLimitError::TooDeep(4)));
        // A thousand nested tags.
        let tags: alloc::vec::Vec<u8> = core::iter::repeat_n(0xc6u8, 1000).chain([0x00]).collect();
        assert_eq!(check(&tags, L), Err(CborLimitError::TooDeep(4)));
    }

    #[test]
    fn many_items_and_huge_claimed_lengths_are_refused() {
        let many: alloc::vec::Vec<u8> = [0x98u8, 20].into_iter().chain([0u8; 20]).collect();
        assert_eq!(check(&many, L), Err(CborLimitError::TooManyItems(16)));
        // An array claiming 2^32 elements with nothing behind it: no allocation, an error at once.
        assert!(check(&[0x9a, 0xff, 0xff, 0xff, 0xff], L).is_err());
        assert!(check(&[0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], L).is_err());
    }

    #[test]
    fn indefinite_and_trailing_bytes_are_refused() {
        assert!(matches!(
            check(&[0x9f, 0xff], L),
            Err(CborLimitError::Malformed(_))
        ));
        assert!(matches!(
            check(&[0x00, 0x00], L),
            Err(CborLimitError::Malformed(_))
        ));
    }
}
