//! `hocba`: the command-line frontend. It reads files, calls `hocba-core`, and formats what comes back;
//! every rule lives in the core.

mod commands;
mod input;
mod render;
mod sheets;
mod signing_input;
mod text;
mod verification_args;

use std::process::ExitCode;

// Verification and validation build JSON trees and reports from many small allocations; mimalloc
// makes them a third cheaper than glibc's allocator (decisions D-84). The core itself never picks one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code: everything valid.
pub const EXIT_OK: u8 = 0;
/// Exit code: an input is invalid (or a record fails verification).
pub const EXIT_INVALID: u8 = 1;
/// Exit code: wrong usage (clap uses it too).
pub const EXIT_USAGE: u8 = 2;
/// Exit code: a required check could not decide (verification).
pub const EXIT_INDETERMINATE: u8 = 3;

#[derive(Debug, Parser)]
#[command(
    name = "hocba",
    version,
    about = "Học bạ số: assess, validate, sign and verify Vietnamese school records",
    long_about = "hocba computes school results by law (TT22 for grades 6–12, TT27 for grades 1–5), \
                  explains every decision, and checks records.\n\n\
                  Exit codes: 0 ok, 1 invalid input, 2 usage error.",
    after_help = "Examples:\n  hocba assess examples/class-10a1.json\n  hocba assess --lang en --format json examples/student-tt22-grade10.json\n  cat student.json | hocba assess -\n  hocba schema assess-input > assess-input.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For machines.
    Json,
}

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for hocba_core::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => hocba_core::Lang::Vi,
            LangArg::En => hocba_core::Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compute every result of one student or a whole class file, with explanations.
    #[command(
        after_help = "Examples:\n  hocba assess examples/class-10a1.json\n  hocba assess --explain examples/class-4a.json\n  hocba assess --format json --lang en examples/student-tt27-grade4.json\n  hocba assess --config strict.json student.json"
    )]
    Assess(commands::assess::AssessArgs),
    /// Check records (`hocba.record/1`): shape, identifiers, lifecycle, and every stated result recomputed.
    #[command(
        after_help = "Examples:\n  hocba validate examples/records/tt22-grade10.json\n  hocba validate --lang en --format json examples/records/broken/\n  cat records.ndjson | hocba validate -"
    )]
    Validate(commands::validate::ValidateArgs),
    /// Print the exact bytes that are signed (RFC 8785), or their SHA-256 with --digest.
    #[command(
        after_help = "Examples:\n  hocba canonical examples/records/tt22-grade10.json > record.c14n.json\n  hocba canonical --digest examples/records/tt22-grade10.json"
    )]
    Canonical(commands::canonical::CanonicalArgs),
    /// Print the JSON Schema of a format.
    Schema(commands::schema::SchemaArgs),
    /// Read a class gradebook (.xlsx/.csv, docs/gradebook.md) into a class input, every bad cell reported.
    #[command(
        after_help = "Examples:\n  hocba import examples/gradebook-10a1.xlsx -o class.json\n  hocba import --lang en gradebook.csv"
    )]
    Import(commands::import::ImportArgs),
    /// Write a class's gradebook, results and summary to one .xlsx workbook.
    #[command(after_help = "Examples:\n  hocba export examples/class-10a1.json -o 10a1.xlsx")]
    Export(commands::export::ExportArgs),
    /// Sign a record (software key) or attach a signature made elsewhere (token, remote service, openssl).
    #[command(
        after_help = "Examples:\n  hocba sign --role gvcn --key gvcn.key.pem --cert gvcn-chain.pem record.json -o signed.json\n  hocba sign --role ht --key ht.key.pem --cert ht-chain.pem --time 2025-06-22T10:00:00+07:00 signed.json -o signed.json\n  hocba sign --role seal --signature seal.cms.der signed.json -o signed.json"
    )]
    Sign(commands::sign::SignArgs),
    /// Verify signed records offline: signatures, certificates at the signing time, roles, status.
    #[command(
        after_help = "Exit codes: 0 valid, 1 invalid, 3 indeterminate (could not decide), 2 usage error.\n\nExamples:\n  hocba verify --trust trust/ signed.json\n  hocba verify --trust trust/ --crl ca.crl --status status.json --lang en --format json signed.json\n  hocba verify --trust trust/ --at 2030-01-01T00:00:00+07:00 records/"
    )]
    Verify(commands::verify::VerifyArgs),
    /// Many records at once on every core: `batch verify` (directory, NDJSON file or stdin).
    #[command(
        after_help = "Examples:\n  hocba batch verify --trust trust/ signed/\n  hocba batch verify --trust trust/ --jobs 2 records.ndjson > results.ndjson"
    )]
    Batch(commands::batch::BatchArgs),
    /// Maintain the school's signed status list: issue, revoke, supersede.
    #[command(
        after_help = "Examples:\n  hocba status issue --list status.json --key seal.key.pem --cert seal-chain.pem signed.json\n  hocba status revoke --list status.json --key seal.key.pem --cert seal-chain.pem --record-id ID --reason \"nhầm học sinh\""
    )]
    Status(commands::status::StatusArgs),
    /// RFC 3161 timestamps on signatures: print the imprint for a TSA, attach its reply.
    Timestamp(commands::timestamp::TimestampArgs),
    /// The printable học bạ (TT22/TT27 paper layout, A4 HTML; PDF through headless Chromium).
    #[command(
        after_help = "Examples:\n  hocba render examples/records/tt22-grade10.json -o hocba.html\n  hocba render --qr stub.txt --pdf hocba.pdf examples/signed/valid.json\n  hocba render --lang en examples/records/tt27-grade4.json > record.html"
    )]
    Render(commands::render::RenderArgs),
    /// The QR verification stub of a printed record: issue it with the school seal, verify it offline.
    Qr(commands::qr::QrArgs),
    /// A school's submission package (records + signed manifest): build it, or verify a received one.
    #[command(
        after_help = "Exit codes of `package verify`: 0 valid, 1 invalid, 3 indeterminate, 2 usage error.\n\nExamples:\n  hocba package --key seal.key.pem --cert seal-chain.pem -o pkg/ signed/\n  hocba package verify --trust trust/ --crl ca.crl --status status.json pkg/"
    )]
    Package(commands::package::PackageArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Assess(args) => commands::assess::run(&args),
        Command::Validate(args) => commands::validate::run(&args),
        Command::Canonical(args) => commands::canonical::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Import(args) => commands::import::run(&args),
        Command::Export(args) => commands::export::run(&args),
        Command::Sign(args) => commands::sign::run(&args),
        Command::Verify(args) => commands::verify::run(&args),
        Command::Batch(args) => commands::batch::run(&args),
        Command::Status(args) => commands::status::run(&args),
        Command::Timestamp(args) => commands::timestamp::run(&args),
        Command::Render(args) => commands::render::run(&args),
        Command::Qr(args) => commands::qr::run(&args),
        Command::Package(args) => commands::package::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("hocba: {e:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
