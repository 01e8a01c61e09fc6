//! `duikou check`: static checks, gaps, and the compliance check of data.

use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE, EncodingArg, Format, emit};
use duikou::data::bind::{self, DataArg};
use duikou::engine::check::Keep;
use duikou::engine::run::{self, Options};
use duikou::report::data::CheckReport;
use duikou::report::{self, Counts};
use duikou::{RuleSet, Severity};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct CheckArgs {
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
    /// Data to check: a folder of `NAME.csv|json|jsonl|xlsx` files, one such file, or `NAME=FILE`
    /// for a file of any name (`FILE.xlsx#sheet` for a sheet). Repeatable. Default: each rule
    /// folder's `data/`.
    #[arg(long, value_name = "DIR|FILE|NAME=FILE")]
    data: Vec<String>,
    /// How CSV files are encoded.
    #[arg(long, value_enum, default_value = "auto")]
    encoding: EncodingArg,
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
}

pub fn check(args: CheckArgs) -> ExitCode {
    let rules = RuleSet::load(&args.paths);
    let mut diags = rules.diagnostics().to_vec();
    if !rules.has_errors() {
        let opts = super::gaps::options(args.year, args.as_of);
        diags.extend(duikou::gaps::analyze(rules.symbols(), &opts));
        diags.extend_from_slice(rules.conflicts());
    }
    if args.deny_warnings {
        for d in &mut diags {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    if !rules.has_errors() {
        let data_args: Vec<DataArg> = args.data.iter().map(|d| DataArg::parse(d)).collect();
        let records: Vec<&str> = rules.symbols().records.keys().map(String::as_str).collect();
        let mut problems = Vec::new();
        let files = bind::bind(&data_args, &args.paths, &records, &mut problems);
        if !files.is_empty() || !problems.is_empty() {
            return check_data(&args, &rules, &diags, files, problems, to_terminal);
        }
    }
    let text = match args.format {
        Format::Human => {
            let mut s = human_diagnostics(&diags, &rules, to_terminal);
            s.push_str(&summary_line(&rules));
            if !rules.has_errors() && !rules.symbols().records.is_empty() {
                s.push_str("no data checked: pass `--data DIR`, `--data FILE` or `--data NAME=FILE`, or keep the files in a `data/` folder inside the rule folder you check\n");
            }
            s.push_str(&report::count_line(Counts::of(&diags)));
            s.push('\n');
            s
        }
        Format::Json => report::json::render(&diags, rules.sources()),
        Format::Short => report::short::render(&diags, rules.sources()),
    };
    if let Err(code) = emit(args.output.as_deref(), &text) {
        return code;
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

/// `check` with data: the compliance report.
fn check_data(
    args: &CheckArgs,
    rules: &RuleSet,
    diags: &[duikou::Diagnostic],
    files: Vec<bind::DataFile>,
    problems: Vec<duikou::data::problem::DataProblem>,
    to_terminal: bool,
) -> ExitCode {
    let plan = super::plan_of(rules);
    let human = matches!(args.format, Format::Human);
    let opts = Options {
        encoding: args.encoding.into(),
        keep: if human && !args.all {
            Keep::Worst(SHOWN)
        } else {
            Keep::All
        },
        max_errors: args.max_errors,
        progress: std::io::stderr().is_terminal(),
        hash: matches!(args.format, Format::Json),
        on_read: None,
    };
    let mut data = run::check_data(plan, &files, &opts);
    let bound = problems.len();
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
    let _ = bound;
    let report = CheckReport {
        sources: rules.sources(),
        diagnostics: diags,
        plan,
        run: &data,
        all: args.all,
        shown: SHOWN,
    };
    if let Format::Json = args.format {
        let written = match &args.output {
            Some(path) => std::fs::File::create(path).and_then(|mut f| report.write_json(&mut f)),
            None => report.write_json(&mut std::io::stdout().lock()),
        };
        if let Err(e) = written {
            eprintln!("error: cannot write the report: {e}");
            return ExitCode::from(EXIT_UNPROCESSABLE);
        }
        return exit_code(&report, args.deny_warnings);
    }
    let text = match args.format {
        Format::Human => {
            let mut s = human_diagnostics(diags, rules, to_terminal);
            s.push_str(&summary_line(rules));
            s.push_str(&data_line(&files, &data));
            s.push('\n');
            s.push_str(&report.text(true));
            s
        }
        Format::Json | Format::Short => {
            let mut s = report::short::items(diags, rules.sources());
            s.push_str(&report.text(false));
            s
        }
    };
    if let Err(code) = emit(args.output.as_deref(), &text) {
        return code;
    }
    exit_code(&report, args.deny_warnings)
}

/// SPEC §11: 2 when input was not fully processed, 1 for findings of severity error.
fn exit_code(report: &CheckReport<'_>, deny_warnings: bool) -> ExitCode {
    let counts = report.counts();
    if report.unprocessable() {
        ExitCode::from(EXIT_UNPROCESSABLE)
    } else if counts.errors > 0 || (deny_warnings && counts.warnings > 0) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Diagnostics for people: every static problem and every gap of severity error in full; the
/// other gaps counted by code, with a pointer to `duikou gaps`.
fn human_diagnostics(diags: &[duikou::Diagnostic], rules: &RuleSet, color: bool) -> String {
    let (gaps, other): (Vec<_>, Vec<_>) =
        diags.iter().cloned().partition(|d| d.code.kind() == "gap");
    let (shown, rest): (Vec<_>, Vec<_>) = gaps
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    let mut s = report::human::render(&other, rules.sources(), color);
    s.push_str(&report::human::render(&shown, rules.sources(), color));
    if !rest.is_empty() {
        let mut by_code: Vec<(&str, &str, usize)> = Vec::new();
        for d in &rest {
            match by_code.iter_mut().find(|(c, _, _)| *c == d.code.as_str()) {
                Some(e) => e.2 += 1,
                None => by_code.push((d.code.as_str(), d.severity.as_str(), 1)),
            }
        }
        by_code.sort();
        let listed: Vec<String> = by_code
            .iter()
            .map(|(c, sev, n)| format!("{c} ×{n} ({sev})"))
            .collect();
        s.push_str(&format!(
            "responsibility gaps not shown: {} — `duikou gaps` lists them, `duikou gaps --matrix` shows who holds what\n",
            listed.join(", ")
        ));
    }
    s
}

/// How many findings per rule the human report lists without `--all`.
const SHOWN: usize = 5;

/// `data: rules/data/project.csv → project, …`
fn data_line(files: &[bind::DataFile], _data: &run::DataRun) -> String {
    let listed: Vec<String> = files
        .iter()
        .map(|f| format!("{} → {}", f.display(), f.record))
        .collect();
    format!("data: {}\n", listed.join(", "))
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
