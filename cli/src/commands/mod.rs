//! One file per subcommand.

pub mod assess;
pub mod export;
pub mod import;
pub mod schema;
pub mod sign;
pub mod status;
pub mod timestamp;
pub mod verify;
