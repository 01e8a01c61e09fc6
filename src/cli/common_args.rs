//! The arguments many commands share — the rule paths and the report's output file — declared
//! once and flattened into each command.

use std::path::PathBuf;

/// The rule files a command reads.
#[derive(clap::Args)]
pub struct RulePaths {
    /// Rule files or directories (searched recursively for *.dk).
    #[arg(default_value = "rules")]
    pub paths: Vec<PathBuf>,
}

/// Where a command writes its report.
#[derive(clap::Args)]
pub struct OutputFile {
    /// Write the report to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}
