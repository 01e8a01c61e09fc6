//! `duikou conflicts`: provisions that cannot both be obeyed, and which prevails.

use crate::cli::gaps::Format;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ConflictsArgs {
    #[command(flatten)]
    rules: super::common_args::RulePaths,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    #[command(flatten)]
    out: super::common_args::OutputFile,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
}

pub fn conflicts(args: ConflictsArgs) -> ExitCode {
    let loaded = if matches!(args.format, Format::Sarif) {
        super::load_clean_sarif(
            &args.rules.paths,
            "conflicts",
            &crate::tr!("cli-before-conflicts"),
            args.out.output.as_deref(),
        )
    } else {
        super::load_clean(&args.rules.paths, &crate::tr!("cli-before-conflicts"))
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
        args.out.output.as_deref(),
        args.deny_warnings,
        "conflict",
        None,
    )
}
