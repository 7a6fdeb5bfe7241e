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
pub mod rules;
#[cfg(feature = "schema")]
mod schema_support;
pub mod school_year;
pub mod score;
pub mod trace;
mod trace_messages;

#[cfg(feature = "json")]
pub mod json;

pub use assess::input::AssessInput;
pub use assess::output::Assessment;
pub use assess::{assess, assess_raw, AssessError, AssessErrors};
pub use lang::{Lang, UnknownLang};
pub use rules::config::RulesConfig;
pub use rules::{regime_for, select_ruleset, Regime, Ruleset};
pub use score::Score;

/// The version of hocba's reading of the rules, printed with every result.
pub const RULES_VERSION: &str = env!("CARGO_PKG_VERSION");
