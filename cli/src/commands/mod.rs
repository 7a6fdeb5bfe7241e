//! One file per subcommand.

pub mod assess;
pub mod schema;
