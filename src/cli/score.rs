//! `duikou score`: an evaluation's scores per group, with grades and ranks.

use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE, emit};
use crate::RuleSet;
use crate::data::bind::{self, DataArg};
use crate::engine::check::Keep;
use crate::engine::compile::{EvaluationPlan, Plan};
use crate::engine::run::{self, DataRun, Options};
use crate::report;
use crate::score::ScoreRow;
use clap::ValueEnum;
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A table (values → attainments, score, grade, rank).
    Human,
    /// `{ "version": 1, "evaluation", "rows": [...] }`.
    Json,
    /// A Markdown table, for reports.
    Markdown,
    /// One line per group, for spreadsheets.
    Csv,
    /// One self-contained HTML page with charts (write it with `-o report.html`).
    Html,
    /// A workbook (with `-o FILE`): the score table with grades and ranks.
    Xlsx,
}

#[derive(clap::Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    rules: super::common_args::RulePaths,
    /// The evaluation to score (default: the only one, or the first).
    #[arg(long, value_name = "NAME")]
    evaluation: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    #[command(flatten)]
    out: super::common_args::OutputFile,
    #[command(flatten)]
    reading: super::data_options::DataOptions,
}

pub fn score(args: ScoreArgs) -> ExitCode {
    let rules = match super::load_clean(&args.rules.paths, &crate::tr!("cli-before-scoring")) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let plan = super::plan_of(&rules);
    let e = match chosen_evaluation(plan, args.evaluation.as_deref()) {
        Ok(e) => e,
        Err(code) => return code,
    };
    // Warnings about the rules (a grade list in the wrong order, an unattainable target) change
    // what the scores mean: say them before the scores.
    let warnings: Vec<crate::Diagnostic> = rules
        .diagnostics()
        .iter()
        .filter(|d| d.severity == crate::Severity::Warning)
        .cloned()
        .collect();
    eprint!("{}", report::short::items(&warnings, rules.sources()));
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
    if files.is_empty() {
        eprintln!("{}", crate::tr!("cli-score-no-data"));
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let mut opts = Options {
        encoding: args.reading.encoding.into(),
        keep: Keep::Worst(0),
        progress: std::io::stderr().is_terminal(),
        hash: matches!(args.format, Format::Json | Format::Html),
        ..Options::default()
    };
    if let Err(code) = args.reading.apply(&files, &mut opts) {
        return code;
    }
    let (data, rows) = run::run_with(plan, &files, &opts, |checker| {
        crate::score::score(plan, e, checker)
    });
    for p in problems.iter().chain(&data.problems) {
        eprintln!(
            "{}[{}]: {}: {}",
            p.severity.as_str(),
            p.code.as_str(),
            p.location.display(),
            p.message
        );
    }
    if let Err(code) = write_scores(&args, &rules, e, &rows, &data) {
        return code;
    }
    if data.rows_rejected > 0 || data.files_failed > 0 || !problems.is_empty() {
        ExitCode::from(EXIT_UNPROCESSABLE)
    } else if rows.iter().any(|r| r.score.is_none()) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The evaluation named by `--evaluation`, or else the first one the rules declare.
fn chosen_evaluation<'p>(
    plan: &'p Plan,
    name: Option<&str>,
) -> Result<&'p EvaluationPlan, ExitCode> {
    match name {
        Some(name) => match plan.evaluations.iter().find(|e| e.name == name) {
            Some(e) => Ok(e),
            None => {
                let names: Vec<&str> = plan.evaluations.iter().map(|e| e.name.as_str()).collect();
                let hint = crate::suggest::did_you_mean(name, names.iter().copied())
                    .unwrap_or_else(|| crate::tr!("cli-evaluations-are", names = names.join(", ")));
                eprintln!(
                    "{}",
                    crate::tr!("cli-no-evaluation", name = name, hint = hint)
                );
                Err(ExitCode::from(EXIT_UNPROCESSABLE))
            }
        },
        None => match plan.evaluations.first() {
            Some(e) => Ok(e),
            None => {
                eprintln!("{}", crate::tr!("cli-no-evaluations"));
                Err(ExitCode::from(EXIT_UNPROCESSABLE))
            }
        },
    }
}

/// The scores in the chosen format, to `--output` or standard output; for the formats that
/// carry no findings, the findings on standard error.
fn write_scores(
    args: &ScoreArgs,
    rules: &RuleSet,
    e: &EvaluationPlan,
    rows: &[ScoreRow],
    data: &DataRun,
) -> Result<(), ExitCode> {
    if let Format::Xlsx = args.format {
        super::xlsx_out::write(args.out.output.as_deref(), report::xlsx::score(e, rows))?;
    }
    let text = match args.format {
        Format::Xlsx => String::new(),
        Format::Human => {
            report::score::human(e, rows, super::use_color(args.out.output.as_deref()))
        }
        Format::Json => {
            let scored = rows.iter().filter(|r| r.score.is_some()).count();
            let summary = serde_json::json!({
                "groups": rows.len(),
                "scored": scored,
                "undetermined": rows.len() - scored,
                "rows_read": data.rows_read,
                "rows_checked": data.rows_checked,
                "rows_rejected": data.rows_rejected,
            });
            let mut receipt = report::json::receipt(rules.sources());
            receipt.data = data.hashes.clone();
            let receipt = serde_json::to_value(&receipt).expect("a receipt serialises");
            report::score::json(e, rows, summary, receipt)
        }
        Format::Markdown => report::score::markdown(e, rows),
        Format::Csv => report::score::csv(e, rows),
        Format::Html => report::html::score(rules, e, rows, &data.hashes),
    };
    if !matches!(args.format, Format::Xlsx) {
        emit(args.out.output.as_deref(), &text)?;
    }
    // Tables for spreadsheets and reports carry no findings: say them on standard error.
    if matches!(
        args.format,
        Format::Markdown | Format::Csv | Format::Html | Format::Xlsx
    ) {
        for line in report::score::findings(rows) {
            eprintln!("{}", crate::tr!("cli-warning", message = line));
        }
    }
    Ok(())
}
