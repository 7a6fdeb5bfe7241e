#![doc = include_str!("../README.md")]
#![no_std]
#![deny(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod assess;
pub mod gradebook;
mod lang;
pub mod levels;
mod nfc;
pub mod record;
pub mod rules;
#[cfg(feature = "schema")]
mod schema_support;
pub mod school_year;
pub mod score;
pub mod trace;
mod trace_messages;

#[cfg(any(feature = "json", feature = "verify"))]
pub mod canonical;
#[cfg(any(feature = "json", feature = "verify"))]
pub mod check;
#[cfg(any(feature = "json", feature = "verify"))]
pub mod display;
#[cfg(any(feature = "json", feature = "verify"))]
pub mod json;

#[cfg(feature = "verify")]
pub mod package;
#[cfg(feature = "verify")]
pub mod pki;
#[cfg(feature = "qr")]
pub mod qr;
#[cfg(feature = "verify")]
pub mod sign;
#[cfg(feature = "verify")]
pub mod status;
#[cfg(feature = "verify")]
pub mod time;
#[cfg(feature = "verify")]
pub mod timestamp;
#[cfg(feature = "verify")]
pub mod verify;

pub use assess::input::AssessInput;
pub use assess::output::Assessment;
pub use assess::{assess, assess_raw, AssessError, AssessErrors};
pub use lang::{Lang, UnknownLang};
pub use rules::config::RulesConfig;
pub use rules::{regime_for, select_ruleset, Regime, Ruleset};
pub use score::Score;

/// The version of hocba's reading of the rules, printed with every result.
pub const RULES_VERSION: &str = env!("CARGO_PKG_VERSION");
