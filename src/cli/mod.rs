//! The command line: argument parsing, output selection and exit codes.

use clap::{Parser, Subcommand, ValueEnum};
use duikou::report::{self, Counts};
use duikou::{RuleSet, Severity};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "duikou",
    version,
    about = "Check counterpart-support (对口支援) rule files"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check rule files: names, types and declarations.
    Check(CheckArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Diagnostics with source snippets (colour on a terminal).
    Human,
    /// The versioned JSON report with a receipt.
    Json,
    /// One line per diagnostic, for logs and golden tests.
    Short,
}

#[derive(clap::Args)]
struct CheckArgs {
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

/// Exit codes (SPEC §11).
const EXIT_FINDINGS: u8 = 1;
const EXIT_UNPROCESSABLE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let rules = RuleSet::load(&args.paths);
    let mut diags = rules.diagnostics().to_vec();
    if args.deny_warnings {
        for d in &mut diags {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let text = match args.format {
        Format::Human => {
            let mut s = report::human::render(&diags, rules.sources(), to_terminal);
            s.push_str(&summary_line(&rules));
            s.push_str(&report::count_line(Counts::of(&diags)));
            s.push('\n');
            s
        }
        Format::Json => report::json::render(&diags, rules.sources()),
        Format::Short => report::short::render(&diags, rules.sources()),
    };
    if let Some(path) = &args.output {
        if let Err(e) = std::fs::write(path, &text) {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return ExitCode::from(EXIT_UNPROCESSABLE);
        }
    } else {
        print!("{text}");
    }
    let unprocessable = rules
        .diagnostics()
        .iter()
        .any(|d| d.severity == Severity::Error);
    if unprocessable {
        ExitCode::from(EXIT_UNPROCESSABLE)
    } else if diags.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `checked 9 files: 60 actors, 3 programs, …`
fn summary_line(rules: &RuleSet) -> String {
    let s = rules.symbols();
    let articles: usize = s.documents.values().map(|d| d.articles.len()).sum();
    let parts = [
        (s.actors.len() - 1, "actor"),
        (s.programs.len(), "program"),
        (s.functions.len(), "function"),
        (s.records.len(), "record"),
        (s.documents.len(), "document"),
        (articles, "article"),
        (s.pairs.len(), "pair"),
        (s.duties.len(), "duty"),
        (s.rules.len(), "rule"),
        (s.evaluations.len(), "evaluation"),
        (s.tests.len(), "test"),
    ];
    let listed: Vec<String> = parts
        .iter()
        .map(|(n, w)| {
            let plural = if *w == "duty" {
                "duties".to_string()
            } else {
                format!("{w}s")
            };
            format!("{n} {}", if *n == 1 { w.to_string() } else { plural })
        })
        .collect();
    let files = rules.sources().files().count();
    format!(
        "checked {files} file{}: {}\n",
        if files == 1 { "" } else { "s" },
        listed.join(", ")
    )
}
