//! `hocba import GRADEBOOK.xlsx|.csv`: a class gradebook into a class input (`hocba.class-input/1`).

use std::path::PathBuf;

use clap::Args;
use hocba_core::gradebook::import;
use hocba_core::{Lang, RulesConfig};

use crate::{Format, LangArg, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Gradebook (.xlsx, .xls, .ods or .csv) in the layout of docs/gradebook.md.
    input: PathBuf,
    /// Write the class input here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Format of the problem report.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
}

pub fn run(args: &ImportArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let table = crate::sheets::read_table(&args.input)?;
    match import(&table, &RulesConfig::default()) {
        Ok(imported) => {
            let text = serde_json::to_string_pretty(&imported.class)?;
            match &args.output {
                Some(path) => std::fs::write(path, text + "\n")?,
                None => println!("{text}"),
            }
            if args.output.is_some() {
                eprintln!(
                    "{} {} {}",
                    imported.class.students.len(),
                    lang.pick("học sinh đã nhập", "students imported"),
                    args.output
                        .as_ref()
                        .map_or(String::new(), |p| format!("→ {}", p.display()))
                );
            }
            Ok(EXIT_OK)
        }
        Err(errors) => {
            match args.format {
                Format::Json => {
                    let report =
                        hocba_core::gradebook::import_json(&table, &RulesConfig::default(), lang);
                    println!("{}", serde_json::to_string_pretty(&report)?);
                }
                Format::Text => {
                    println!(
                        "{} ({} {}):",
                        lang.pick(
                            "Sổ điểm có lỗi, không nhập gì",
                            "The gradebook has problems; nothing was imported"
                        ),
                        errors.len(),
                        lang.pick("lỗi", "problems")
                    );
                    for e in &errors {
                        println!("  ✗ [{}] {}", e.code(), e.message(lang));
                    }
                }
            }
            Ok(EXIT_INVALID)
        }
    }
}
