//! `duikou conflicts`: provisions that cannot both be obeyed, and which prevails.

use crate::cli::gaps::Format;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ConflictsArgs {
    /// Rule files or directories (searched recursively for *.dk).
    #[arg(default_value = "rules")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
}

pub fn conflicts(args: ConflictsArgs) -> ExitCode {
    let loaded = if matches!(args.format, Format::Sarif) {
        super::load_clean_sarif(
            &args.paths,
            "conflicts",
            &duikou::tr!("cli-before-conflicts"),
            args.output.as_deref(),
        )
    } else {
        super::load_clean(&args.paths, &duikou::tr!("cli-before-conflicts"))
    };
    let rules = match loaded {
        Ok(r) => r,
        Err(code) => return code,
    };
    let found = rules.conflicts().to_vec();
    super::report_findings(
        &rules,
        found,
        args.format,
        args.output.as_deref(),
        args.deny_warnings,
        "conflict",
        None,
    )
}
