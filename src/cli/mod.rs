//! The command line: argument parsing, output selection and exit codes.

use clap::{Parser, Subcommand, ValueEnum};
use duikou::data::bind::{self, DataArg};
use duikou::data::csv_file::Encoding;
use duikou::engine::check::Keep;
use duikou::engine::compile::Plan;
use duikou::engine::explain::{self, Target};
use duikou::engine::run::{self, Options};
use duikou::report::data::CheckReport;
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
    /// Parse and check rule files, and check data against them.
    Check(CheckArgs),
    /// Show one rule's computation for one group or record, step by step.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The rule to explain.
    rule: String,
    /// Rule files or directories (searched recursively for *.dk).
    #[arg(default_value = "rules")]
    paths: Vec<PathBuf>,
    /// Data, as for `check`. Default: each rule folder's `data/`.
    #[arg(long, value_name = "DIR|NAME=FILE")]
    data: Vec<String>,
    /// The group, by its `per` keys: `supporter=河北省,recipient=巴州,year=2017`.
    #[arg(
        long,
        value_name = "K=V,…",
        conflicts_with = "record",
        required_unless_present = "record"
    )]
    group: Option<String>,
    /// The record, by its key field.
    #[arg(long, value_name = "KEY")]
    record: Option<String>,
    /// How CSV files are encoded.
    #[arg(long, value_enum, default_value = "auto")]
    encoding: EncodingArg,
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
    /// Data to check: a folder of `NAME.csv|json|jsonl|xlsx` files, or `NAME=FILE` for one file
    /// (`FILE.xlsx#sheet` for a sheet). Repeatable. Default: each rule folder's `data/`.
    #[arg(long, value_name = "DIR|NAME=FILE")]
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
}

#[derive(Clone, Copy, ValueEnum)]
enum EncodingArg {
    /// UTF-8 (with or without BOM), or GBK/GB18030 when the file is not UTF-8.
    Auto,
    Utf8,
    /// GBK, read as GB18030 (its superset).
    Gbk,
}

impl From<EncodingArg> for Encoding {
    fn from(e: EncodingArg) -> Encoding {
        match e {
            EncodingArg::Auto => Encoding::Auto,
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Gbk => Encoding::Gbk,
        }
    }
}

/// Exit codes (SPEC §11).
const EXIT_FINDINGS: u8 = 1;
const EXIT_UNPROCESSABLE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Explain(args) => explain(args),
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
            let mut s = report::human::render(&diags, rules.sources(), to_terminal);
            s.push_str(&summary_line(&rules));
            s.push_str(&report::count_line(Counts::of(&diags)));
            s.push('\n');
            s
        }
        Format::Json => report::json::render(&diags, rules.sources()),
        Format::Short => report::short::render(&diags, rules.sources()),
    };
    if let Err(code) = emit(&args, &text) {
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

fn explain(args: ExplainArgs) -> ExitCode {
    let rules = RuleSet::load(&args.paths);
    if rules.has_errors() {
        let diags = rules.diagnostics();
        print!(
            "{}",
            report::human::render(diags, rules.sources(), std::io::stdout().is_terminal())
        );
        eprintln!("error: the rules have errors; fix them before explaining a rule");
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let plan = Plan::build(rules.symbols(), rules.sources());
    let Some(r) = plan.rules.iter().position(|x| x.name == args.rule) else {
        let names: Vec<&str> = plan.rules.iter().map(|x| x.name.as_str()).collect();
        let hint = duikou::suggest::did_you_mean(&args.rule, names.iter().copied())
            .unwrap_or_else(|| format!("rules are: {}", names.join(", ")));
        eprintln!("error: no rule `{}`\n  help: {hint}", args.rule);
        return ExitCode::from(EXIT_UNPROCESSABLE);
    };
    let data_args: Vec<DataArg> = args.data.iter().map(|d| DataArg::parse(d)).collect();
    let records: Vec<&str> = rules.symbols().records.keys().map(String::as_str).collect();
    let mut problems = Vec::new();
    let files = bind::bind(&data_args, &args.paths, &records, &mut problems);
    for p in &problems {
        eprintln!(
            "{}[{}]: {}: {}",
            p.severity.as_str(),
            p.code.as_str(),
            p.location.display(),
            p.message
        );
    }
    if files.is_empty() {
        eprintln!(
            "error: no data to explain with\n  help: pass `--data DIR` or `--data NAME=FILE`"
        );
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let target = match (&args.group, &args.record) {
        (Some(g), _) => {
            let mut pairs = Vec::new();
            for part in g.split([',', '，']).filter(|p| !p.trim().is_empty()) {
                let Some((k, v)) = part.split_once('=') else {
                    eprintln!(
                        "error: `{part}` is not `key=value`\n  help: write `--group supporter=河北省,year=2017`"
                    );
                    return ExitCode::from(EXIT_UNPROCESSABLE);
                };
                pairs.push((k.trim().to_string(), v.trim().to_string()));
            }
            Target::Group(pairs)
        }
        (None, Some(k)) => Target::Record(k.clone()),
        (None, None) => unreachable!("clap requires --group or --record"),
    };
    let opts = Options {
        encoding: args.encoding.into(),
        ..Options::default()
    };
    match explain::explain(&plan, rules.sources(), &files, &opts, r, &target) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("error: {why}");
            ExitCode::from(EXIT_UNPROCESSABLE)
        }
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
    let plan = Plan::build(rules.symbols(), rules.sources());
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
    };
    let mut data = run::check_data(&plan, &files, &opts);
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
        plan: &plan,
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
            let mut s = report::human::render(diags, rules.sources(), to_terminal);
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
    if let Err(code) = emit(args, &text) {
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

fn emit(args: &CheckArgs, text: &str) -> Result<(), ExitCode> {
    if let Some(path) = &args.output {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return Err(ExitCode::from(EXIT_UNPROCESSABLE));
        }
    } else {
        print!("{text}");
    }
    Ok(())
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
