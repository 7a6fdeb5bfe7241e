//! One file per subcommand.

pub mod assess;
pub mod export;
pub mod import;
pub mod schema;
