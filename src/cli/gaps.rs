//! `duikou gaps`: responsibility gaps, or the responsibility matrix.

use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE, emit};
use chrono::NaiveDate;
use clap::ValueEnum;
use duikou::gaps::{self, Options};
use duikou::report::{self, Counts};
use duikou::{RuleSet, Severity};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Findings with source snippets, or the matrix as a table (colour on a terminal).
    Human,
    /// The versioned JSON report (or `{ "matrix": … }`).
    Json,
    /// One line per finding, for logs and tests.
    Short,
    /// Markdown tables, for reports.
    Markdown,
}

#[derive(clap::Args)]
pub struct GapsArgs {
    /// Rule files or directories (searched recursively for *.dk).
    #[arg(default_value = "rules")]
    paths: Vec<PathBuf>,
    /// Only this year.
    #[arg(long, value_name = "YEAR", conflicts_with = "as_of")]
    year: Option<i32>,
    /// Only this day: documents in force and bodies existing on it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Show who holds each function of each program and pair, and on what basis.
    #[arg(long)]
    matrix: bool,
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

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2026-01-01"))
}

/// Options from `--year` / `--as-of`.
pub fn options(year: Option<i32>, as_of: Option<NaiveDate>) -> Options {
    Options { year, as_of }
}

pub fn gaps(args: GapsArgs) -> ExitCode {
    let rules = RuleSet::load(&args.paths);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    if rules.has_errors() {
        let text = match args.format {
            Format::Json => report::json::render(rules.diagnostics(), rules.sources()),
            Format::Short => report::short::render(rules.diagnostics(), rules.sources()),
            _ => report::human::render(rules.diagnostics(), rules.sources(), to_terminal),
        };
        let _ = emit(args.output.as_deref(), &text);
        eprintln!("error: the rules have errors; fix them before looking for gaps");
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let opts = options(args.year, args.as_of);
    if args.matrix {
        let cells = gaps::matrix::matrix(rules.symbols(), &opts);
        let text = match args.format {
            Format::Json => report::gaps::matrix_json(&cells),
            Format::Markdown => report::gaps::matrix_markdown(&cells),
            _ => report::gaps::matrix_text(&cells),
        };
        return match emit(args.output.as_deref(), &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    let mut found = gaps::analyze(rules.symbols(), &opts);
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
                report::plural(found.len(), "gap"),
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
