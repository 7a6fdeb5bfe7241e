//! hocba's JSON text reader. It refuses empty and oversized input before parsing, then builds a
//! `serde_json::Value` while enforcing nesting depth, string and array lengths and **unique object keys**
//! (serde_json silently keeps the last duplicate, which would let two readers see two different records).
//! A limit hit is reported with the RFC 6901 pointer of the value at fault.
//!
//! `no_std` + `alloc`. `hocba-core` maps [`ReadError`] to each operation's own error type.

#![no_std]

extern crate alloc;

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Limits of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Longest string in bytes.
    pub max_string_bytes: usize,
    /// Longest array or object.
    pub max_items: usize,
}

/// Which structural limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Nesting of arrays and objects.
    NestingDepth,
    /// Bytes of one string.
    StringBytes,
    /// Items of one array or object.
    Items,
}

/// Why a text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// More bytes than `Limits::max_bytes`.
    TooLarge {
        /// Bytes given.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing but whitespace.
    Empty,
    /// Not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's description, without its position suffix.
        detail: String,
    },
    /// A structural limit was hit.
    Limit {
        /// Where (RFC 6901).
        pointer: String,
        /// Which limit.
        bound: Bound,
        /// Its value.
        limit: usize,
    },
    /// An object repeats a key.
    DuplicateKey {
        /// The object (RFC 6901).
        pointer: String,
        /// The repeated key.
        key: String,
    },
}

/// Escapes a key for a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
#[must_use]
pub fn escape_pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Where a value sits, as a chain to its parent on the walker's stack: the RFC 6901 pointer is built
/// only when something fails there.
#[derive(Debug, Clone, Copy)]
pub enum Location<'p> {
    /// The document itself.
    Root,
    /// The element at this index of the parent array.
    Index(&'p Location<'p>, usize),
    /// The member with this key of the parent object.
    Key(&'p Location<'p>, &'p str),
}

impl Location<'_> {
    /// The JSON pointer (RFC 6901).
    #[must_use]
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write_pointer(&mut out);
        out
    }

    /// Appends the JSON pointer to `out`.
    pub fn write_pointer(&self, out: &mut String) {
        match self {
            Location::Root => {}
            Location::Index(parent, i) => {
                parent.write_pointer(out);
                // `fmt::Write` into a String cannot fail.
                let _ = fmt::Write::write_fmt(out, format_args!("/{i}"));
            }
            Location::Key(parent, k) => {
                parent.write_pointer(out);
                out.push('/');
                out.push_str(&escape_pointer_token(k));
            }
        }
    }
}

struct Ctx {
    limits: Limits,
    failure: RefCell<Option<ReadError>>,
}

impl Ctx {
    fn fail<E: de::Error>(&self, e: ReadError) -> E {
        let mut slot = self.failure.borrow_mut();
        if slot.is_none() {
            *slot = Some(e);
        }
        E::custom("limit exceeded")
    }

    fn limit<E: de::Error>(&self, at: &Location<'_>, bound: Bound, limit: usize) -> E {
        self.fail(ReadError::Limit {
            pointer: at.pointer(),
            bound,
            limit,
        })
    }
}

struct Seed<'c, 'p> {
    ctx: &'c Ctx,
    depth: usize,
    at: Location<'p>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Seed<'_, '_> {
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= self.ctx.limits.max_depth {
            return Err(self
                .ctx
                .limit(&self.at, Bound::NestingDepth, self.ctx.limits.max_depth));
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        if v.len() > self.ctx.limits.max_string_bytes {
            return Err(self.ctx.limit(
                &self.at,
                Bound::StringBytes,
                self.ctx.limits.max_string_bytes,
            ));
        }
        Ok(Value::String(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        // serde cannot peek for a next element, so the one past the limit is read, then refused: an
        // array of exactly `max_items` is read, as an object of `max_items` members is.
        while let Some(v) = seq.next_element_seed(Seed {
            ctx: self.ctx,
            depth: self.depth + 1,
            at: Location::Index(&self.at, items.len()),
        })? {
            if items.len() >= self.ctx.limits.max_items {
                return Err(self
                    .ctx
                    .limit(&self.at, Bound::Items, self.ctx.limits.max_items));
            }
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.len() >= self.ctx.limits.max_items {
                return Err(self
                    .ctx
                    .limit(&self.at, Bound::Items, self.ctx.limits.max_items));
            }
            // The members read so far are the keys seen: no second set of copied keys to keep.
            if out.contains_key(&key) {
                return Err(self.ctx.fail(ReadError::DuplicateKey {
                    pointer: self.at.pointer(),
                    key,
                }));
            }
            let child = Seed {
                ctx: self.ctx,
                depth: self.depth + 1,
                at: Location::Key(&self.at, &key),
            };
            let value = map.next_value_seed(child)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Reads a JSON document into a value tree under `limits`.
///
/// # Errors
/// [`ReadError`]: too large, empty, not JSON, a limit hit or a repeated key.
pub fn read_value(bytes: &[u8], limits: Limits) -> Result<Value, ReadError> {
    if bytes.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let ctx = Ctx {
        limits,
        failure: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = Seed {
        ctx: &ctx,
        depth: 0,
        at: Location::Root,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(ctx
            .failure
            .into_inner()
            .unwrap_or_else(|| ReadError::Syntax {
                line: e.line(),
                column: e.column(),
                detail: syntax_detail(&e),
            })),
    }
}

/// serde_json's message without its " at line X column Y" suffix (the position is reported apart).
fn syntax_detail(e: &serde_json::Error) -> String {
    let text = format!("{e}");
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use proptest::prelude::*;

    const L: Limits = Limits {
        max_bytes: 1000,
        max_depth: 3,
        max_string_bytes: 5,
        max_items: 3,
    };

    fn limit(pointer: &str, bound: Bound, limit: usize) -> ReadError {
        ReadError::Limit {
            pointer: pointer.to_string(),
            bound,
            limit,
        }
    }

    #[test]
    fn size_and_emptiness_are_refused_before_parsing() {
        assert_eq!(read_value(b" \n\t ", L), Err(ReadError::Empty));
        assert_eq!(read_value(b"", L), Err(ReadError::Empty));
        let big = [b' '; 1001];
        assert_eq!(
            read_value(&big, L),
            Err(ReadError::TooLarge {
                size: 1001,
                limit: 1000
            })
        );
    }

    #[test]
    fn each_limit_names_the_value_at_fault() {
        assert_eq!(
            read_value(br#"{"a": [[[1]]]}"#, L),
            Err(limit("/a/0/0", Bound::NestingDepth, 3))
        );
        assert_eq!(
            read_value(br#"{"a/b": {"c~d": "123456"}}"#, L),
            Err(limit("/a~1b/c~0d", Bound::StringBytes, 5))
        );
        assert_eq!(
            read_value(br#"[0, {"x": [1, 2, 3, 4]}]"#, L),
            Err(limit("/1/x", Bound::Items, 3))
        );
        assert_eq!(
            read_value(br#"{"a": 1, "b": 2, "c": 3, "d": 4}"#, L),
            Err(limit("", Bound::Items, 3))
        );
        // At the limits exactly, the text is read.
        assert!(read_value(br#"{"a": [["12345", 1, 2]]}"#, L).is_ok());
    }

    #[test]
    fn a_repeated_key_is_refused_where_serde_json_keeps_the_last() {
        assert_eq!(
            read_value(br#"{"a": {"k": 1, "k": 2}}"#, L),
            Err(ReadError::DuplicateKey {
                pointer: "/a".to_string(),
                key: "k".to_string()
            })
        );
        // Escapes are compared decoded: "\u006b" is "k".
        assert!(matches!(
            read_value(br#"{"k": 1, "\u006b": 2}"#, L),
            Err(ReadError::DuplicateKey { .. })
        ));
    }

    #[test]
    fn syntax_errors_carry_the_position_apart_from_the_message() {
        let Err(ReadError::Syntax {
            line,
            column,
            detail,
        }) = read_value(b"{\n  \"a\": tru }", L)
        else {
            panic!("not a syntax error")
        };
        assert_eq!((line, column), (2, 11));
        assert_eq!(detail, "expected ident");
        assert!(matches!(
            read_value(b"{} []", L),
            Err(ReadError::Syntax { line: 1, .. })
        ));
    }

    /// Random JSON values within the limits.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            (-1e300f64..1e300).prop_map(serde_json::Value::from),
            "[a-zà-ỹ~/\"\\\\\u{0}-\u{1f}]{0,12}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map("[a-z~/]{0,4}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    const WIDE: Limits = Limits {
        max_bytes: 1 << 20,
        max_depth: 16,
        max_string_bytes: 1 << 10,
        max_items: 100,
    };

    proptest! {
        /// Within the limits the reader builds exactly serde_json's own tree (numbers included).
        #[test]
        fn within_the_limits_the_tree_is_serde_jsons(v in value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_vec_pretty(&v) } else { serde_json::to_vec(&v) };
            let text = text.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(read_value(&text, WIDE), Ok(v));
        }

        /// Arbitrary bytes never panic, and whatever is read is what serde_json reads.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(v) = read_value(&bytes, WIDE) {
                prop_assert_eq!(serde_json::from_slice::<serde_json::Value>(&bytes).ok(), Some(v));
            }
        }
    }
}
