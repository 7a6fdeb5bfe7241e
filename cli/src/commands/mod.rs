//! One file per subcommand.

pub mod assess;
pub mod batch;
pub mod canonical;
pub mod export;
pub mod import;
pub mod package;
pub mod qr;
pub mod render;
pub mod schema;
pub mod sign;
pub mod status;
pub mod timestamp;
pub mod validate;
pub mod verify;
