//! `duikou diff`: what a draft changes against the rules in force.

use super::EXIT_UNPROCESSABLE;
use crate::data::bind::{self, DataArg};
use crate::diff::render;
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A section per layer, a line per change.
    Human,
    /// `{ "version": 1, "text", "norms", "findings", "data" }`.
    Json,
    /// Tables for a review.
    Markdown,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The rules as they are: a .dk file or a directory.
    old: PathBuf,
    /// The draft: a .dk file or a directory.
    new: PathBuf,
    /// Data to check with both: `DIR` (files named after record types) or `NAME=FILE`.
    #[arg(long)]
    data: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    #[command(flatten)]
    out: super::common_args::OutputFile,
}

pub fn diff(args: DiffArgs) -> ExitCode {
    let old = match super::load_clean(
        std::slice::from_ref(&args.old),
        &crate::tr!("cli-before-comparing"),
    ) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let new = match super::load_clean(
        std::slice::from_ref(&args.new),
        &crate::tr!("cli-before-comparing"),
    ) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let files = if args.data.is_empty() {
        None
    } else {
        let data_args: Vec<DataArg> = args.data.iter().map(|d| DataArg::parse(d)).collect();
        let records: Vec<&str> = new.symbols().records.keys().map(String::as_str).collect();
        let mut problems = Vec::new();
        let files = bind::bind(&data_args, &[], &records, &mut problems);
        if !problems.is_empty() {
            for p in &problems {
                eprintln!(
                    "{}",
                    crate::tr!(
                        "cli-error-at",
                        message = p.message,
                        place = p.location.display()
                    )
                );
            }
            return ExitCode::from(EXIT_UNPROCESSABLE);
        }
        Some(files)
    };
    let report = crate::diff::diff(&old, &new, files.as_deref());
    let text = match args.format {
        Format::Human => render::human(&report),
        Format::Json => render::json(&report),
        Format::Markdown => render::markdown(&report),
    };
    match super::emit(args.out.output.as_deref(), &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}
