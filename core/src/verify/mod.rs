//! Offline verification of signed records.

pub mod cms;
