//! Typed reading of a checked JSON value tree, written out per type (decisions D-92).
//!
//! serde's derived deserialisers are generic over the deserializer, so every input type was compiled
//! twice more for the value tree (owned and borrowed) and once more inside `serde_path_to_error`'s
//! wrapper, which alone was 40 KB of the gzipped WebAssembly module. Here each type is one small function
//! over `&Value` ([`FromJson`]), the JSON pointer is a chain on the stack ([`Location`]) built only when
//! something fails, and the messages keep serde's wording (`invalid type: string "8", expected i64`,
//! ``unknown field `x`, expected one of …``, ``missing field `x` ``) so that a report reads as before.
//! `core/tests/typed_json_agrees.rs` holds every type to its serde derive: same value, and for each
//! single fault the same pointer and message.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

use serde_json::{Map, Value};

pub use hocba_json_reader::Location;

/// A value whose shape is not the type read: the RFC 6901 pointer of the value at fault and serde's
/// description of the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// The JSON pointer of the value at fault (of the object, for a missing field).
    pub pointer: String,
    /// What is wrong, in serde's words.
    pub detail: String,
}

impl ShapeError {
    /// A fault at `at`.
    #[cold]
    pub(crate) fn new(at: &Location<'_>, detail: String) -> Box<Self> {
        Box::new(ShapeError {
            pointer: at.pointer(),
            detail,
        })
    }
}

/// The result of reading: the error is boxed so that `Ok` stays as small as the value read.
pub type Read<T> = Result<T, Box<ShapeError>>;

/// A type read from a JSON value tree.
pub trait FromJson: Sized {
    /// Reads `value`, which sits at `at` in its document.
    ///
    /// # Errors
    /// The first shape fault, with its pointer.
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self>;
}

/// serde_json's description of a value in an error (`JsonUnexpected`): `null`, `boolean `true``,
/// `integer `8``, `floating point `8.5``, `string "8"`, `sequence`, `map`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => format!("integer `{u}`"),
            (None, Some(i), _) => format!("integer `{i}`"),
            (None, None, Some(f)) => format!("floating point `{}`", zmij::Buffer::new().format(f)),
            (None, None, None) => "number".into(),
        },
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// `invalid type: {value}, expected {expected}`.
#[cold]
pub fn invalid_type(value: &Value, expected: &str, at: &Location<'_>) -> Box<ShapeError> {
    ShapeError::new(
        at,
        format!("invalid type: {}, expected {expected}", describe(value)),
    )
}

/// serde's list of alternatives: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let mut out = String::from("one of ");
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('`');
                out.push_str(name);
                out.push('`');
            }
            out
        }
    }
}

impl FromJson for String {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        match value {
            Value::String(s) => Ok(s.clone()),
            other => Err(invalid_type(other, "a string", at)),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        match value {
            Value::Bool(b) => Ok(*b),
            other => Err(invalid_type(other, "a boolean", at)),
        }
    }
}

impl FromJson for i64 {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        match value {
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Ok(i),
                // Only integers above i64::MAX are u64 and not i64.
                (None, Some(u)) => Err(ShapeError::new(
                    at,
                    format!("invalid value: integer `{u}`, expected i64"),
                )),
                (None, None) => Err(invalid_type(value, "i64", at)),
            },
            other => Err(invalid_type(other, "i64", at)),
        }
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        match value {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Ok(u),
                (None, Some(i)) => Err(ShapeError::new(
                    at,
                    format!("invalid value: integer `{i}`, expected u64"),
                )),
                (None, None) => Err(invalid_type(value, "u64", at)),
            },
            other => Err(invalid_type(other, "u64", at)),
        }
    }
}

/// A subtree kept as it is (the record inside an envelope, the list inside a status document).
impl FromJson for Value {
    fn from_json(value: &Value, _: &Location<'_>) -> Read<Self> {
        Ok(value.clone())
    }
}

/// `null` is `None`, as in serde.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, at: &Location<'_>) -> Read<Self> {
        let Value::Array(items) = value else {
            return Err(invalid_type(value, "a sequence", at));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item, &Location::Index(at, i)))
            .collect()
    }
}

/// The members of an object being read as a struct: every key is one of its fields (serde's
/// `deny_unknown_fields`, which every hocba format uses).
#[derive(Debug)]
pub struct Fields<'v, 'a> {
    map: &'v Map<String, Value>,
    at: &'a Location<'a>,
    fields: &'static [&'static str],
    /// How many of the object's keys were fields read so far.
    present: Cell<usize>,
}

impl<'v, 'a> Fields<'v, 'a> {
    /// `value` as the struct `expecting` (`"struct Record"`) with these fields; [`Fields::finish`]
    /// then refuses keys that are not fields.
    ///
    /// # Errors
    /// Not an object.
    pub fn of(
        value: &'v Value,
        at: &'a Location<'a>,
        expecting: &str,
        fields: &'static [&'static str],
    ) -> Read<Self> {
        let Value::Object(map) = value else {
            return Err(invalid_type(value, expecting, at));
        };
        Ok(Fields {
            map,
            at,
            fields,
            present: Cell::new(0),
        })
    }

    /// After every field was read: a key that is not a field is refused. Keys are unique (the reader
    /// refuses duplicates), so when every key was a field read, none is left to look for — the common
    /// case costs one comparison. A faulty value is therefore reported before an unknown key (serde
    /// reports whichever comes first in key order; the two differ only for objects with several faults).
    ///
    /// # Errors
    /// The first key, in key order, that is not a field.
    pub fn finish(&self) -> Read<()> {
        if self.present.get() == self.map.len() {
            return Ok(());
        }
        match self.map.keys().find(|k| !self.fields.contains(&k.as_str())) {
            Some(key) => Err(ShapeError::new(
                &Location::Key(self.at, key),
                if self.fields.is_empty() {
                    format!("unknown field `{key}`, there are no fields")
                } else {
                    format!("unknown field `{key}`, expected {}", one_of(self.fields))
                },
            )),
            None => Ok(()),
        }
    }

    fn get(&self, name: &str) -> Option<&'v Value> {
        let v = self.map.get(name);
        if v.is_some() {
            self.present.set(self.present.get() + 1);
        }
        v
    }

    /// A field that must be present.
    ///
    /// # Errors
    /// Missing (reported at the object), or its value's fault.
    pub fn req<T: FromJson>(&self, name: &'static str) -> Read<T> {
        match self.get(name) {
            Some(v) => T::from_json(v, &Location::Key(self.at, name)),
            None => Err(ShapeError::new(self.at, format!("missing field `{name}`"))),
        }
    }

    /// An optional field: absent and `null` are `None`.
    ///
    /// # Errors
    /// Its value's fault.
    pub fn opt<T: FromJson>(&self, name: &'static str) -> Read<Option<T>> {
        match self.get(name) {
            Some(v) => Option::<T>::from_json(v, &Location::Key(self.at, name)),
            None => Ok(None),
        }
    }

    /// A field with a default when absent (serde's `#[serde(default)]`; `null` is not absent).
    ///
    /// # Errors
    /// Its value's fault.
    pub fn or<T: FromJson>(&self, name: &'static str, default: T) -> Read<T> {
        match self.get(name) {
            Some(v) => T::from_json(v, &Location::Key(self.at, name)),
            None => Ok(default),
        }
    }

    /// [`Fields::or`] with the type's default.
    ///
    /// # Errors
    /// Its value's fault.
    pub fn or_default<T: FromJson + Default>(&self, name: &'static str) -> Read<T> {
        self.or(name, T::default())
    }
}

/// The unit variant named by a string (serde's `rename_all = "snake_case"` enums), from its table.
///
/// # Errors
/// An unknown name, or a value that is not a string.
pub fn variant<T: Copy>(value: &Value, at: &Location<'_>, table: &[(&str, T)]) -> Read<T> {
    match value {
        Value::String(s) => match table.iter().find(|(name, _)| name == s) {
            Some((_, v)) => Ok(*v),
            None => {
                let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
                Err(ShapeError::new(
                    at,
                    format!("unknown variant `{s}`, expected {}", one_of(&names)),
                ))
            }
        },
        // serde would also take `{"name": null}` for a unit variant; no hocba format writes that.
        other => Err(invalid_type(other, "string or map", at)),
    }
}

/// `impl FromJson` for a struct whose JSON members are its fields: `name: kind "json name"`, with kind
/// `req` (must be present), `opt` (an `Option`, absent or `null`) or `or_default` (absent: the type's
/// default), in declaration order (serde's list of expected fields).
macro_rules! json_struct {
    ($ty:ident { $($field:ident: $kind:ident $name:literal),* $(,)? }) => {
        impl $crate::json::typed::FromJson for $ty {
            fn from_json(
                value: &serde_json::Value,
                at: &$crate::json::typed::Location<'_>,
            ) -> $crate::json::typed::Read<Self> {
                let fields = $crate::json::typed::Fields::of(
                    value,
                    at,
                    concat!("struct ", stringify!($ty)),
                    &[$($name),*],
                )?;
                let value = $ty { $($field: fields.$kind($name)?),* };
                fields.finish()?;
                Ok(value)
            }
        }
    };
}
pub(crate) use json_struct;

/// `impl FromJson` for an enum of unit variants named by strings: `Variant "name"`.
macro_rules! json_unit_enum {
    ($ty:ident { $($variant:ident $name:literal),* $(,)? }) => {
        impl $crate::json::typed::FromJson for $ty {
            fn from_json(
                value: &serde_json::Value,
                at: &$crate::json::typed::Location<'_>,
            ) -> $crate::json::typed::Read<Self> {
                $crate::json::typed::variant(value, at, &[$(($name, $ty::$variant)),*])
            }
        }
    };
}
pub(crate) use json_unit_enum;

/// Reads the whole document `value` as `T`.
///
/// # Errors
/// The first shape fault.
pub fn read<T: FromJson>(value: &Value) -> Read<T> {
    T::from_json(value, &Location::Root)
}
