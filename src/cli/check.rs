//! `duikou check`: static checks, gaps, and the compliance check of data.

use super::{EXIT_UNPROCESSABLE, Format, emit};
use crate::data::bind::{self, DataArg};
use crate::engine::check::Keep;
use crate::engine::run::{self, Options};
use crate::engine::spill::{self, SpillError};
use crate::report::data::CheckReport;
use crate::report::overview::{self, Overview};
use crate::report::{self, html};
use crate::score::ScoreRow;
use crate::{Diagnostic, RuleSet, Severity};
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct CheckArgs {
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
    #[command(flatten)]
    reading: super::data_options::DataOptions,
    /// List at most this many rejected rows (the rest are counted).
    #[arg(long, default_value_t = 100, value_name = "N")]
    max_errors: usize,
    /// List every finding of every rule, not only the worst few.
    #[arg(long)]
    all: bool,
    /// Look for responsibility gaps in this year only.
    #[arg(long, value_name = "YEAR", conflicts_with = "as_of")]
    year: Option<i32>,
    /// Look for responsibility gaps on this day only.
    #[arg(long, value_name = "DATE", value_parser = super::gaps::parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// The JSON report's findings held in memory, in bytes, before the rest go to a temporary
    /// file (for tests of that file).
    #[arg(long, hide = true, value_name = "BYTES", default_value_t = spill::DEFAULT_BUDGET)]
    findings_in_memory: usize,
}

pub fn check(args: CheckArgs) -> ExitCode {
    let rules = RuleSet::load(&args.rules.paths);
    let mut diags = rules.diagnostics().to_vec();
    if !rules.has_errors() {
        let opts = super::gaps::options(args.year, args.as_of);
        diags.extend(crate::gaps::analyze(rules.symbols(), &opts));
        diags.extend_from_slice(rules.conflicts());
    }
    if args.deny_warnings {
        for d in &mut diags {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    if !rules.has_errors() {
        let data_args: Vec<DataArg> = args.reading.arguments();
        let records: Vec<&str> = rules.symbols().records.keys().map(String::as_str).collect();
        let mut problems = Vec::new();
        let files = bind::bind_with(
            &data_args,
            &args.rules.paths,
            &records,
            args.reading.stdin_format(),
            &mut problems,
        );
        if !files.is_empty() || !problems.is_empty() {
            return check_data(&args, &rules, &diags, files, problems);
        }
    }
    if let Format::Xlsx = args.format {
        let book = report::xlsx::diagnostics(&diags, rules.sources());
        if let Err(code) = super::xlsx_out::write(args.out.output.as_deref(), book) {
            return code;
        }
    }
    let text = match args.format {
        Format::Xlsx => String::new(),
        Format::Json => report::json::render(&diags, rules.sources()),
        Format::Short => report::short::render(&diags, rules.sources()),
        Format::Sarif => report::sarif::check(&diags, rules.sources(), None),
        _ => {
            let o = overview_of(&args, &rules, &diags, None, Vec::new());
            readable(&args, &rules, &diags, &o, None, &[])
        }
    };
    if !matches!(args.format, Format::Xlsx)
        && let Err(code) = emit(args.out.output.as_deref(), &text)
    {
        return code;
    }
    ExitCode::from(overview::exit_code(&diags, None, args.deny_warnings))
}

/// The rule paths as typed, for the commands a report suggests.
fn typed_paths(args: &CheckArgs) -> Vec<String> {
    args.rules
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

fn overview_of(
    args: &CheckArgs,
    rules: &RuleSet,
    diags: &[Diagnostic],
    data: Option<&CheckReport<'_>>,
    data_files: Vec<String>,
) -> Overview {
    let paths = typed_paths(args);
    overview::build(&overview::Input {
        paths: &paths,
        sources: rules.sources(),
        symbols: rules.symbols(),
        diagnostics: diags,
        data,
        data_files,
        // The page's tables are filtered by the reader: they hold every finding.
        all: args.all || matches!(args.format, Format::Html),
        shown: SHOWN,
        deny_warnings: args.deny_warnings,
        rules_broken: rules.has_errors(),
    })
}

/// The forms people read: the terminal report, Markdown, or the HTML page.
fn readable(
    args: &CheckArgs,
    rules: &RuleSet,
    diags: &[Diagnostic],
    o: &Overview,
    data: Option<&CheckReport<'_>>,
    scores: &[(String, Vec<ScoreRow>)],
) -> String {
    match args.format {
        Format::Markdown => report::markdown::check(o),
        Format::Html => html::check(&html::CheckPage {
            overview: o,
            rules,
            diagnostics: diags,
            data,
            scores,
            matrix: if rules.has_errors() {
                Vec::new()
            } else {
                crate::gaps::matrix::matrix(
                    rules.symbols(),
                    &super::gaps::options(args.year, args.as_of),
                )
            },
        }),
        _ => {
            let color = super::use_color(args.out.output.as_deref());
            report::answer::render(o, diags, rules.sources(), color)
        }
    }
}

/// `check` with data: the compliance report.
fn check_data(
    args: &CheckArgs,
    rules: &RuleSet,
    diags: &[Diagnostic],
    files: Vec<bind::DataFile>,
    problems: Vec<crate::data::problem::DataProblem>,
) -> ExitCode {
    let plan = super::plan_of(rules);
    let opts = match run_options(args, &files) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let html = matches!(args.format, Format::Html);
    let (mut data, scores) = run::run_with(plan, &files, &opts, |checker| {
        if !html {
            return Vec::new();
        }
        plan.evaluations
            .iter()
            .map(|e| (e.name.clone(), crate::score::score(plan, e, checker)))
            .collect::<Vec<_>>()
    });
    data.files_failed += problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count() as u64;
    data.problems.splice(0..0, problems);
    if args.deny_warnings {
        for p in &mut data.problems {
            if p.severity == Severity::Warning {
                p.severity = Severity::Error;
            }
        }
    }
    let report = CheckReport {
        sources: rules.sources(),
        diagnostics: diags,
        plan,
        run: &data,
    };
    let exit = ExitCode::from(overview::exit_code(
        diags,
        Some(&report),
        args.deny_warnings,
    ));
    if let Format::Json = args.format {
        return write_json(args, &report).map_or(exit, ExitCode::from);
    }
    if let Format::Xlsx = args.format {
        if let Err(code) =
            super::xlsx_out::write(args.out.output.as_deref(), report::xlsx::check(&report))
        {
            return code;
        }
        return exit;
    }
    let text = match args.format {
        Format::Xlsx => String::new(),
        Format::Short => {
            let mut s = report::short::items(diags, rules.sources());
            s.push_str(&report.text());
            s
        }
        Format::Sarif => report::sarif::check(diags, rules.sources(), Some(&report)),
        _ => {
            let data_files = files
                .iter()
                .map(|f| format!("{} → {}", f.label(), f.record))
                .collect();
            let o = overview_of(args, rules, diags, Some(&report), data_files);
            readable(args, rules, diags, &o, Some(&report), &scores)
        }
    };
    if let Err(code) = emit(args.out.output.as_deref(), &text) {
        return code;
    }
    exit
}

/// How the data is read and which findings are kept.
fn run_options(args: &CheckArgs, files: &[bind::DataFile]) -> Result<Options, ExitCode> {
    let worst_only = matches!(args.format, Format::Human | Format::Markdown) && !args.all;
    let mut opts = Options {
        encoding: args.reading.encoding.into(),
        keep: match args.format {
            _ if worst_only => Keep::Worst(SHOWN),
            // The JSON report alone reads every finding once, in order: they may wait on disk.
            Format::Json => Keep::Spill(args.findings_in_memory),
            _ => Keep::All,
        },
        max_errors: args.max_errors,
        progress: std::io::stderr().is_terminal(),
        hash: matches!(args.format, Format::Json | Format::Sarif | Format::Html),
        ..Options::default()
    };
    args.reading.apply(files, &mut opts)?;
    Ok(opts)
}

/// Writes the JSON report; the exit code when it cannot be written whole.
fn write_json(args: &CheckArgs, report: &CheckReport<'_>) -> Option<u8> {
    // Findings that could not all be kept: say so before any report file is made.
    if let Some(e) = report.run.spilled.as_ref().and_then(|s| s.error()) {
        spill_failed(e);
        return Some(EXIT_UNPROCESSABLE);
    }
    let written = match &args.out.output {
        Some(path) => std::fs::File::create(path).and_then(|mut f| report.write_json(&mut f)),
        None => report.write_json(&mut std::io::stdout().lock()),
    };
    let e = written.err()?;
    match e.get_ref().and_then(|e| e.downcast_ref::<SpillError>()) {
        Some(e) => spill_failed(e),
        None => eprintln!("{}", crate::tr!("cli-cannot-write-report", reason = e)),
    }
    Some(EXIT_UNPROCESSABLE)
}

/// Says that the findings could not all be kept or read back, and what to do.
fn spill_failed(e: &SpillError) {
    eprintln!("{}", crate::tr!("cli-error", message = e));
    if let Some(help) = e.help() {
        eprintln!("  {}: {help}", crate::tr!("report-help"));
    }
}

/// How many findings per rule (and per gap or conflict code) the human report lists without
/// `--all`.
const SHOWN: usize = 5;
