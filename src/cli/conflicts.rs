//! `duikou conflicts`: provisions that cannot both be obeyed, and which prevails.

use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE, emit};
use crate::cli::gaps::Format;
use duikou::engine::compile::Plan;
use duikou::report::{self, Counts};
use duikou::{RuleSet, Severity};
use std::io::IsTerminal;
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
    let rules = RuleSet::load(&args.paths);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    if rules.has_errors() {
        let text = match args.format {
            Format::Json => report::json::render(rules.diagnostics(), rules.sources()),
            Format::Short => report::short::render(rules.diagnostics(), rules.sources()),
            _ => report::human::render(rules.diagnostics(), rules.sources(), to_terminal),
        };
        let _ = emit(args.output.as_deref(), &text);
        eprintln!("error: the rules have errors; fix them before looking for conflicts");
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let plan = Plan::build(rules.symbols(), rules.sources());
    let mut found = duikou::conflicts::analyze(rules.symbols(), &plan);
    if args.deny_warnings {
        for d in &mut found {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    let counts = Counts::of(&found);
    let text = match args.format {
        Format::Json => report::json::render(&found, rules.sources()),
        Format::Short => report::short::render(&found, rules.sources()),
        Format::Markdown => report::gaps::findings_markdown(&found, rules.sources()),
        Format::Human => {
            let mut s = report::human::render(&found, rules.sources(), to_terminal);
            s.push_str(&format!(
                "{} found: {}\n",
                report::plural(found.len(), "conflict"),
                report::count_line(counts)
            ));
            s
        }
    };
    if let Err(code) = emit(args.output.as_deref(), &text) {
        return code;
    }
    if counts.errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
