//! Shared helpers for hocba's golden tests: where the vectors live and how to load them.

use std::path::{Path, PathBuf};

/// The folder of the shared JSON test vectors (`tests/vectors`), read by the Rust, JS and Kotlin/Python tests.
#[must_use]
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// The repository's `examples/` folder.
#[must_use]
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("examples")
}
