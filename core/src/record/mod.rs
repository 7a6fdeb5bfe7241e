//! The học bạ record `hocba.record/1`: its model, its validation, its lifecycle.
//!
//! * [`model`] — the record's types (JSON shape, serde, JSON Schema);
//! * [`validate()`] — every problem of a record ([`problem::Problem`]: stable code, severity, JSON pointer,
//!   vi/en message), including the stated results recomputed by the engine;
//! * [`lifecycle`] — draft → locked → signed → issued → superseded / revoked, unlock with a reason,
//!   corrections as new versions;
//! * with the `json` feature: [`parse`] (bytes → record, every shape problem) and
//!   [`crate::canonical`] (the bytes that are signed).

#[cfg(any(feature = "json", feature = "verify"))]
pub mod checks;
pub mod identifiers;
pub mod lifecycle;
pub mod model;
#[cfg(any(feature = "json", feature = "verify"))]
mod model_json;
#[cfg(any(feature = "json", feature = "verify"))]
pub mod parse;
pub mod problem;
#[cfg(any(feature = "json", feature = "verify"))]
pub(crate) mod shape;
pub mod text;
pub mod validate;

#[cfg(any(feature = "json", feature = "verify"))]
pub use checks::record_checks;
pub use model::{Record, RECORD_FORMAT};
#[cfg(any(feature = "json", feature = "verify"))]
pub use parse::{parse_record, read_record_value, validate_json, validate_value, ValidateError};
pub use problem::{Problem, ProblemKind, Severity};
pub use validate::{is_valid, validate};
