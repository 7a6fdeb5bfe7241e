//! Unicode Normalization Form C for every string of a record.
//!
//! Vietnamese text reaches schools' software in both forms: precomposed (NFC, what most keyboards and
//! Unikey's "Unicode dựng sẵn" produce) and decomposed ("Unicode tổ hợp": `ễ` as `e` + U+0302 + U+0303).
//! They look identical and mean the same, but their bytes — and so their digests — differ. The record
//! format admits NFC only; converting silently would sign bytes the school never wrote, so a decomposed
//! string is an error with its JSON pointer.

use alloc::string::String;

use serde_json::Value;

pub use crate::record::text::is_nfc;

/// The JSON pointer of the first string (member name or value, in document order with names sorted as
/// serde_json keeps them) that is not in NFC, if any.
#[must_use]
pub fn first_non_nfc(value: &Value) -> Option<String> {
    let mut pointers = alloc::vec::Vec::new();
    non_nfc_pointers(value, 1, &mut pointers);
    pointers.into_iter().next()
}

/// Up to `max` JSON pointers of strings that are not in NFC.
pub fn non_nfc_pointers(value: &Value, max: usize, out: &mut alloc::vec::Vec<String>) {
    // Nearly every record is all NFC: say so without building a pointer for every member on the way.
    if all_nfc(value, 0) {
        return;
    }
    let mut path = String::new();
    walk(value, &mut path, max, out, 0);
}

/// Whether every member name and string value is in NFC (false too below the depth the walk stops at,
/// which then decides).
fn all_nfc(v: &Value, depth: usize) -> bool {
    if depth > super::jcs::MAX_DEPTH {
        return false;
    }
    match v {
        Value::String(s) => is_nfc(s),
        Value::Array(items) => items.iter().all(|item| all_nfc(item, depth + 1)),
        Value::Object(map) => map
            .iter()
            .all(|(k, item)| is_nfc(k) && all_nfc(item, depth + 1)),
        _ => true,
    }
}

fn walk(v: &Value, path: &mut String, max: usize, out: &mut alloc::vec::Vec<String>, depth: usize) {
    if out.len() >= max || depth > super::jcs::MAX_DEPTH {
        return;
    }
    match v {
        Value::String(s) if !is_nfc(s) => out.push(path.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                let _ = core::fmt::Write::write_fmt(path, format_args!("/{i}"));
                walk(item, path, max, out, depth + 1);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                path.push('/');
                crate::record::problem::push_pointer_token(path, k);
                if !is_nfc(k) && out.len() < max {
                    out.push(path.clone());
                }
                walk(item, path, max, out, depth + 1);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
