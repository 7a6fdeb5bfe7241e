//! A school's submission package for the sector database: its issued records as NDJSON and a manifest
//! signed by the school seal (`docs/package.md`). The sector database's own schema is not public, so
//! hocba stops at this boundary: an adapter reads a verified package and maps it to that schema.
//!
//! ```text
//! PKG/records.ndjson   one signed envelope (hocba.signed/1) per line
//! PKG/manifest.json    hocba.package/1: school, year, count, per record line, id, SHA-256s (RFC 8785 bytes)
//! PKG/manifest.sig     detached CMS (DER) by the school seal over manifest.json
//! ```

pub mod build;
pub mod manifest;
pub mod verify;

pub use build::{build_manifest, line_facts, PackageBuildError};
pub use manifest::{parse_manifest, Manifest, ManifestEntry, ManifestError, PACKAGE_FORMAT};
pub use verify::{ndjson_lines, verify_package, PackageReport, RecordOutcome};
