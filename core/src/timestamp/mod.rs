//! RFC 3161 timestamp tokens: verification of a token over a signature value, and attaching one to a
//! CMS signature (CAdES-T).

pub mod attach;
pub mod token;

pub use attach::{attach_timestamp, token_from_reply, AttachError};
pub use token::{
    imprint_for, verify_timestamp, verify_timestamp_cached, TimestampError, TimestampInfo,
};
