//! `duikou explain`: one rule's computation for one group or record.

use super::EXIT_UNPROCESSABLE;
use crate::RuleSet;
use crate::data::bind::{self, DataArg, DataFile};
use crate::data::problem::DataProblem;
use crate::engine::explain::{self, Target};
use crate::engine::run::Options;
use std::path::PathBuf;
use std::process::ExitCode;

/// How `explain` writes its explanation.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The computation, step by step, as text.
    Human,
    /// One JSON object: the target, the outcome, the values shown and exact, and the steps.
    Json,
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The rule to explain, then rule files or directories (default `rules/`); with
    /// `--evaluation`, rule files or directories only.
    #[arg(value_name = "RULE [PATHS]")]
    targets: Vec<String>,
    /// Explain an evaluation's score for the group instead of a rule.
    #[arg(long, value_name = "NAME", requires = "group")]
    evaluation: Option<String>,
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
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    #[command(flatten)]
    reading: super::data_options::DataOptions,
}

pub fn explain(mut args: ExplainArgs) -> ExitCode {
    let rule = if args.evaluation.is_some() {
        None
    } else if args.targets.is_empty() {
        eprintln!("{}", crate::tr!("cli-explain-name-rule"));
        return ExitCode::from(EXIT_UNPROCESSABLE);
    } else {
        Some(args.targets.remove(0))
    };
    let mut paths: Vec<PathBuf> = args.targets.iter().map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(PathBuf::from("rules"));
    }
    let rules = match super::load_clean(&paths, &crate::tr!("cli-before-explaining")) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let data_args: Vec<DataArg> = args.reading.arguments();
    let records: Vec<&str> = rules.symbols().records.keys().map(String::as_str).collect();
    let mut bind_problems = Vec::new();
    let files = bind::bind_with(
        &data_args,
        &paths,
        &records,
        args.reading.stdin_format(),
        &mut bind_problems,
    );
    match rule {
        None => explain_evaluation(&args, &rules, &files),
        Some(rule) => explain_rule(&args, &rules, &files, &bind_problems, &rule),
    }
}

/// `explain --evaluation NAME --group …`: the score of one group, step by step.
fn explain_evaluation(args: &ExplainArgs, rules: &RuleSet, files: &[DataFile]) -> ExitCode {
    let name = args.evaluation.clone().unwrap_or_default();
    let mut opts = Options {
        encoding: args.reading.encoding.into(),
        hash: false,
        ..Options::default()
    };
    if let Err(code) = args.reading.apply(files, &mut opts) {
        return code;
    }
    let group = args.group.clone().unwrap_or_default();
    let json = matches!(args.format, Format::Json);
    let plan = super::plan_of(rules);
    match super::explain_score::explain(rules, plan, files, &opts, &name, &group, json) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{}", crate::tr!("cli-error", message = why));
            ExitCode::from(EXIT_UNPROCESSABLE)
        }
    }
}

/// `explain RULE --group …` or `--record …`: one rule's computation for one target.
fn explain_rule(
    args: &ExplainArgs,
    rules: &RuleSet,
    files: &[DataFile],
    bind_problems: &[DataProblem],
    rule: &str,
) -> ExitCode {
    let plan = super::plan_of(rules);
    let Some(r) = plan.rules.iter().position(|x| x.name == rule && !x.hidden) else {
        let names: Vec<&str> = plan
            .rules
            .iter()
            .filter(|x| !x.hidden)
            .map(|x| x.name.as_str())
            .collect();
        let hint = crate::suggest::did_you_mean(rule, names.iter().copied())
            .unwrap_or_else(|| crate::tr!("cli-rules-are", names = names.join(", ")));
        eprintln!("{}", crate::tr!("cli-no-rule", rule = rule, hint = hint));
        return ExitCode::from(EXIT_UNPROCESSABLE);
    };
    for p in bind_problems {
        eprintln!(
            "{}[{}]: {}: {}",
            p.severity.as_str(),
            p.code.as_str(),
            p.location.display(),
            p.message
        );
    }
    if files.is_empty() {
        eprintln!("{}", crate::tr!("cli-explain-no-data"));
        return ExitCode::from(EXIT_UNPROCESSABLE);
    }
    let target = match target_of(args) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let mut opts = Options {
        encoding: args.reading.encoding.into(),
        ..Options::default()
    };
    if let Err(code) = args.reading.apply(files, &mut opts) {
        return code;
    }
    let run = |files: &[DataFile]| {
        explain::explain_with_verdict(plan, rules.sources(), files, &opts, r, &target)
    };
    match run(files) {
        Ok((text, verdict)) => {
            match args.format {
                Format::Human => print!("{text}"),
                Format::Json => {
                    // The outcome word is read from the English explanation, whatever `--lang`
                    // says; the steps stay in the output language.
                    let english = crate::i18n::with_lang(crate::Lang::En, || run(files))
                        .map(|(t, _)| t)
                        .unwrap_or_default();
                    print!(
                        "{}",
                        super::explain_json::rule(rule, &target, &text, &english, verdict.as_ref())
                    )
                }
            }
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{}", crate::tr!("cli-error", message = why));
            ExitCode::from(EXIT_UNPROCESSABLE)
        }
    }
}

/// The group (`--group`) or record (`--record`) to explain.
fn target_of(args: &ExplainArgs) -> Result<Target, ExitCode> {
    match (&args.group, &args.record) {
        (Some(g), _) => group_keys(g).map(Target::Group).map_err(|why| {
            eprintln!("{}", crate::tr!("cli-error", message = why));
            ExitCode::from(EXIT_UNPROCESSABLE)
        }),
        (None, Some(k)) => Ok(Target::Record(k.clone())),
        (None, None) => unreachable!("clap requires --group or --record"),
    }
}

/// `--group supporter=河北省,year=2017` as (key, value) pairs: each part `key=value`, each key once.
pub(super) fn group_keys(group: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in group.split([',', '，']).filter(|p| !p.trim().is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            return Err(format!(
                "`{part}` is not `key=value`\n  help: write `--group supporter=河北省,year=2017`"
            ));
        };
        let (k, v) = (k.trim().to_string(), v.trim().to_string());
        if let Some((_, first)) = pairs.iter().find(|(key, _)| *key == k) {
            return Err(format!(
                "`{k}` is given twice (`{k}={first}` and `{k}={v}`)\n  help: give each group key once"
            ));
        }
        pairs.push((k, v));
    }
    Ok(pairs)
}
