//! JSON entry points with limits on everything (feature `json`).
//!
//! One reader serves every format: it refuses empty and oversized input before parsing, then builds a
//! value tree while enforcing nesting depth, string and array lengths and **unique object keys**
//! (serde_json silently keeps the last duplicate, which would let two readers see two different records).
//! Shape errors come back with the RFC 6901 pointer of the value at fault.

use alloc::borrow::ToOwned;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::assess::error::Bound;
use crate::assess::raw::{self, RawAssessInput};
use crate::assess::{AssessError, AssessErrors};
use crate::rules::config::RulesConfig;
use crate::AssessInput;

/// Limits of the JSON reader.
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

impl Limits {
    /// Limits for one student or a class file: a class of 5,000 students fits well under 16 MiB.
    pub const ASSESS: Limits = Limits {
        max_bytes: 16 * 1024 * 1024,
        max_depth: 32,
        max_string_bytes: 64 * 1024,
        max_items: 10_000,
    };
}

/// Escapes a key for a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
#[must_use]
pub fn escape_pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

struct Ctx {
    limits: Limits,
    failure: RefCell<Option<AssessError>>,
}

impl Ctx {
    fn fail<E: de::Error>(&self, e: AssessError) -> E {
        let mut slot = self.failure.borrow_mut();
        if slot.is_none() {
            *slot = Some(e);
        }
        E::custom("limit exceeded")
    }
}

/// Where a value sits, as a chain to its parent: the pointer string is built only when a limit is hit.
#[derive(Clone, Copy)]
enum Step<'p> {
    Root,
    Index(&'p Step<'p>, usize),
    Key(&'p Step<'p>, &'p str),
}

impl Step<'_> {
    fn pointer(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Index(parent, i) => format!("{}/{i}", parent.pointer()),
            Step::Key(parent, k) => format!("{}/{}", parent.pointer(), escape_pointer_token(k)),
        }
    }
}

struct Seed<'c, 'p> {
    ctx: &'c Ctx,
    depth: usize,
    at: Step<'p>,
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
            return Err(self.ctx.fail(AssessError::JsonLimit {
                pointer: self.at.pointer(),
                bound: Bound::NestingDepth,
                limit: self.ctx.limits.max_depth,
            }));
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
            return Err(self.ctx.fail(AssessError::JsonLimit {
                pointer: self.at.pointer(),
                bound: Bound::StringBytes,
                limit: self.ctx.limits.max_string_bytes,
            }));
        }
        Ok(Value::String(v.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            if items.len() >= self.ctx.limits.max_items {
                return Err(self.ctx.fail(AssessError::JsonLimit {
                    pointer: self.at.pointer(),
                    bound: Bound::Items,
                    limit: self.ctx.limits.max_items,
                }));
            }
            let child = Seed {
                ctx: self.ctx,
                depth: self.depth + 1,
                at: Step::Index(&self.at, items.len()),
            };
            match seq.next_element_seed(child)? {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut out = Map::new();
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.len() >= self.ctx.limits.max_items {
                return Err(self.ctx.fail(AssessError::JsonLimit {
                    pointer: self.at.pointer(),
                    bound: Bound::Items,
                    limit: self.ctx.limits.max_items,
                }));
            }
            if !seen.insert(key.clone()) {
                return Err(self.ctx.fail(AssessError::DuplicateKey {
                    pointer: self.at.pointer(),
                    key,
                }));
            }
            let child = Seed {
                ctx: self.ctx,
                depth: self.depth + 1,
                at: Step::Key(&self.at, &key),
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
/// [`AssessError::EmptyInput`], [`AssessError::InputTooLarge`], [`AssessError::JsonSyntax`],
/// [`AssessError::JsonLimit`] or [`AssessError::DuplicateKey`].
pub fn read_value(bytes: &[u8], limits: Limits) -> Result<Value, AssessError> {
    if bytes.len() > limits.max_bytes {
        return Err(AssessError::InputTooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AssessError::EmptyInput);
    }
    let ctx = Ctx {
        limits,
        failure: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = Seed {
        ctx: &ctx,
        depth: 0,
        at: Step::Root,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(ctx
            .failure
            .into_inner()
            .unwrap_or_else(|| AssessError::JsonSyntax {
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

/// Deserialises a value tree into `T`, reporting the pointer of the first shape error.
///
/// # Errors
/// [`AssessError::Structure`] with the pointer and serde's description.
pub fn from_value<T: de::DeserializeOwned>(value: Value) -> Result<T, AssessError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let mut pointer = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    pointer.push_str(&format!("/{index}"))
                }
                serde_path_to_error::Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(key));
                }
                serde_path_to_error::Segment::Enum { variant } => {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(variant));
                }
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        AssessError::Structure {
            pointer,
            detail: format!("{}", e.inner()),
        }
    })
}

pub use crate::assess::raw::{RawClassInput, CLASS_FORMAT};

/// One student or a whole class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessDocument {
    /// A single student-year.
    Student(alloc::boxed::Box<RawAssessInput>),
    /// A class file.
    Class(RawClassInput),
}

/// Reads a single-student input or a class file (an object with `students`).
///
/// # Errors
/// The reader's and the shape's errors.
pub fn parse_assess_document(bytes: &[u8]) -> Result<AssessDocument, AssessError> {
    let value = read_value(bytes, Limits::ASSESS)?;
    let is_class = value
        .as_object()
        .is_some_and(|o| o.contains_key("students"));
    if is_class {
        let class: RawClassInput = from_value(value)?;
        if let Some(f) = &class.format {
            if f != CLASS_FORMAT {
                return Err(AssessError::UnsupportedFormat {
                    pointer: "/format".into(),
                    found: f.clone(),
                    expected: CLASS_FORMAT,
                });
            }
        }
        Ok(AssessDocument::Class(class))
    } else {
        from_value(value).map(|s| AssessDocument::Student(alloc::boxed::Box::new(s)))
    }
}

/// Parses and checks one student's input from JSON bytes.
///
/// # Errors
/// Every problem, each with its JSON pointer.
pub fn parse_assess_input(bytes: &[u8], config: &RulesConfig) -> Result<AssessInput, AssessErrors> {
    let value = read_value(bytes, Limits::ASSESS)?;
    let raw: RawAssessInput = from_value(value)?;
    raw::check(&raw, config).map_err(AssessErrors)
}

/// Reads a `RulesConfig` from JSON (unknown switches are errors).
///
/// # Errors
/// The reader's and the shape's errors.
pub fn parse_config(bytes: &[u8]) -> Result<RulesConfig, AssessError> {
    let value = read_value(bytes, Limits::ASSESS)?;
    from_value(value)
}
