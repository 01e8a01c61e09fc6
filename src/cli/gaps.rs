//! `duikou gaps`: responsibility gaps, or the responsibility matrix.

use super::emit;
use crate::gaps::{self, Options};
use crate::report;
use chrono::NaiveDate;
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Findings with source snippets (colour on a terminal).
    Human,
    /// The versioned JSON report.
    Json,
    /// One line per finding, for logs and tests.
    Short,
    /// Markdown tables, for reports.
    Markdown,
    /// SARIF 2.1.0, for code-scanning tools in CI.
    Sarif,
    /// One self-contained HTML page with charts (write it with `-o report.html`).
    Html,
}

#[derive(clap::Args)]
pub struct GapsArgs {
    #[command(flatten)]
    rules: super::common_args::RulePaths,
    /// Only this year (a warning when no program or pair is active in it).
    #[arg(long, value_name = "YEAR", conflicts_with = "as_of")]
    year: Option<i32>,
    /// Only this day: documents in force and bodies existing on it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Show who holds each function of each program and pair, and on what basis, instead of
    /// the gaps: a table (human), `{ "version": 1, "matrix": … }` (json), Markdown or HTML.
    #[arg(long)]
    matrix: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    #[command(flatten)]
    out: super::common_args::OutputFile,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| crate::tr!("cli-not-a-date", value = s))
}

/// Options from `--year` / `--as-of`.
pub fn options(year: Option<i32>, as_of: Option<NaiveDate>) -> Options {
    Options { year, as_of }
}

pub fn gaps(args: GapsArgs) -> ExitCode {
    let loaded = if matches!(args.format, Format::Sarif) {
        super::load_clean_sarif(
            &args.rules.paths,
            "gaps",
            &crate::tr!("cli-before-gaps"),
            args.out.output.as_deref(),
        )
    } else {
        super::load_clean(&args.rules.paths, &crate::tr!("cli-before-gaps"))
    };
    let rules = match loaded {
        Ok(r) => r,
        Err(code) => return code,
    };
    let opts = options(args.year, args.as_of);
    let warning = gaps::inactive_year_warning(rules.symbols(), &opts);
    if let (Some(warning), Format::Json, false) = (&warning, args.format, args.matrix) {
        return json_with_warning(&rules, &opts, warning, &args);
    }
    if let Some(warning) = warning {
        // Said instead of "0 gaps found", which would read as "every function is held".
        let line = format!("{}\n", crate::tr!("cli-warning", message = warning));
        if matches!(args.format, Format::Human) && !args.matrix {
            if let Err(code) = emit(args.out.output.as_deref(), &line) {
                return code;
            }
        } else {
            eprint!("{line}");
        }
        if args.deny_warnings {
            return ExitCode::from(super::EXIT_FINDINGS);
        }
        if matches!(args.format, Format::Human) && !args.matrix {
            return ExitCode::SUCCESS;
        }
    }
    if args.matrix {
        let cells = gaps::matrix::matrix(rules.symbols(), &opts);
        let text = match args.format {
            Format::Json => report::gaps::matrix_json(&cells),
            Format::Markdown => report::gaps::matrix_markdown(&cells),
            Format::Sarif => {
                eprintln!("{}", crate::tr!("cli-matrix-no-sarif"));
                return ExitCode::from(super::EXIT_UNPROCESSABLE);
            }
            Format::Html => {
                let found = gaps::analyze(rules.symbols(), &opts);
                report::html::findings(&report::html::FindingsPage {
                    rules: &rules,
                    findings: &found,
                    noun: "gap",
                    matrix: cells,
                })
            }
            _ => report::gaps::matrix_text(&cells),
        };
        return match emit(args.out.output.as_deref(), &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    let found = gaps::analyze(rules.symbols(), &opts);
    let matrix =
        matches!(args.format, Format::Html).then(|| gaps::matrix::matrix(rules.symbols(), &opts));
    super::report_findings(
        &rules,
        found,
        args.format,
        args.out.output.as_deref(),
        args.deny_warnings,
        "gap",
        matrix,
    )
}

/// The JSON report of a year or day in which nothing is active: the findings, and the warning
/// in `warnings` (exit 1 with `--deny-warnings`).
fn json_with_warning(
    rules: &crate::RuleSet,
    opts: &Options,
    warning: &str,
    args: &GapsArgs,
) -> ExitCode {
    let found = gaps::analyze(rules.symbols(), opts);
    let text = report::json::render_with_warnings(&found, rules.sources(), vec![warning.into()]);
    if let Err(code) = emit(args.out.output.as_deref(), &text) {
        return code;
    }
    let counts = report::Counts::of(&found);
    if counts.errors > 0 || args.deny_warnings {
        ExitCode::from(super::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
