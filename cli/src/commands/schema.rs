//! `hocba schema`: the published JSON Schemas, generated from the Rust types.

use clap::{Args, ValueEnum};

use crate::EXIT_OK;

/// Which schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// One student-year to assess (`hocba.assess-input/1`).
    AssessInput,
    /// A class file (`hocba.class-input/1`).
    ClassInput,
    /// The interpretation switches (`--config`).
    RulesConfig,
    /// The result of `hocba assess --format json`.
    Assessment,
    /// A học bạ record (`hocba.record/1`).
    Record,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema to print.
    name: SchemaName,
}

pub fn run(args: &SchemaArgs) -> anyhow::Result<u8> {
    let schema = match args.name {
        SchemaName::AssessInput => schemars::schema_for!(hocba_core::assess::raw::RawAssessInput),
        SchemaName::ClassInput => schemars::schema_for!(hocba_core::json::RawClassInput),
        SchemaName::RulesConfig => schemars::schema_for!(hocba_core::RulesConfig),
        SchemaName::Assessment => schemars::schema_for!(hocba_core::Assessment),
        SchemaName::Record => schemars::schema_for!(hocba_core::record::Record),
    };
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(EXIT_OK)
}
