//! The command line: argument parsing, output selection and exit codes.

mod check;
mod color;
mod common_args;
mod completions;
mod conflicts;
mod coverage;
mod data_options;
mod diff;
mod doc;
mod explain;
mod explain_json;
mod explain_score;
mod fmt;
mod gaps;
mod help_lang;
mod lsp;
mod score;
mod test;
mod xlsx_out;

use crate::data::csv_file::Encoding;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::Path;
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
    /// When to colour reports: `auto` on a terminal unless `NO_COLOR` is set (or anywhere when
    /// `CLICOLOR_FORCE` is set), `always`, or `never`.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    color: ColorChoice,
    /// The language of messages and reports (default: `DUIKOU_LANG`, else the locale, else en).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check rule files, find responsibility gaps, and check data against the rules.
    Check(check::CheckArgs),
    /// Show one rule's computation for one group or record, step by step.
    Explain(explain::ExplainArgs),
    /// Find responsibility gaps: functions unheld, held twice as lead, without legal basis…
    Gaps(gaps::GapsArgs),
    /// Find conflicts between documents, with a witness and which provision prevails.
    Conflicts(conflicts::ConflictsArgs),
    /// Score an evaluation on data: indicators, weighted score, grade and rank per group.
    Score(score::ScoreArgs),
    /// Run the test blocks of the rule files.
    Test(test::TestArgs),
    /// Lay out rule files in the canonical form, keywords in one language if asked.
    Fmt(fmt::FmtArgs),
    /// Publish the rule set as a static website that works offline.
    Doc(doc::DocArgs),
    /// Show what a draft changes: documents and norms, gaps and conflicts, verdicts on data.
    Diff(diff::DiffArgs),
    /// Run the language server over standard input and output, for editors.
    Lsp(lsp::LspArgs),
    /// Print a shell completion script: bash, zsh, fish or powershell.
    Completions(completions::CompletionsArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets (colour on a terminal).
    Human,
    /// The versioned JSON report with a receipt.
    Json,
    /// One line per diagnostic, for logs and golden tests.
    Short,
    /// SARIF 2.1.0, for code-scanning tools in CI.
    Sarif,
    /// Markdown, for a report or a merge request.
    Markdown,
    /// One self-contained HTML page with charts (write it with `-o report.html`).
    Html,
    /// A workbook (with `-o FILE`): a summary, a sheet per rule, the data problems.
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EncodingArg {
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
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNPROCESSABLE: u8 = 2;

/// Runs the `duikou` command on the process arguments and returns its exit code: 0 when all is
/// well, 1 when the rules or the data have findings, 2 when the input cannot be processed.
pub fn run() -> ExitCode {
    let cli = parse_in_language();
    color::choose(cli.color);
    if let Err(code) = choose_language(cli.lang) {
        return code;
    }
    match cli.command {
        Command::Check(args) => check::check(args),
        Command::Explain(args) => explain::explain(args),
        Command::Gaps(args) => gaps::gaps(args),
        Command::Conflicts(args) => conflicts::conflicts(args),
        Command::Score(args) => score::score(args),
        Command::Test(args) => test::test(args),
        Command::Fmt(args) => fmt::fmt(args),
        Command::Doc(args) => doc::doc(args),
        Command::Diff(args) => diff::diff(args),
        Command::Lsp(args) => lsp::lsp(args),
        Command::Completions(args) => completions::completions(args),
    }
}

/// Writes a report to `output`, or to standard output.
pub fn emit(output: Option<&Path>, text: &str) -> Result<(), ExitCode> {
    if let Some(path) = output {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!(
                "{}",
                crate::tr!("cli-cannot-write", file = path.display(), reason = e)
            );
            return Err(ExitCode::from(EXIT_UNPROCESSABLE));
        }
    } else {
        print!("{text}");
    }
    Ok(())
}

pub use color::{ColorChoice, use_color};

/// Loads rule files; when they have errors, prints them and says what cannot be done.
pub fn load_clean(paths: &[std::path::PathBuf], what: &str) -> Result<crate::RuleSet, ExitCode> {
    let rules = crate::RuleSet::load(paths);
    if rules.has_errors() {
        let color = use_color(None);
        print!(
            "{}",
            crate::report::human::render(rules.diagnostics(), rules.sources(), color)
        );
        eprintln!("{}", crate::tr!("cli-rules-have-errors", what = what));
        return Err(ExitCode::from(EXIT_UNPROCESSABLE));
    }
    Ok(rules)
}

/// The compiled plan of a rule set that [`load_clean`] accepted.
pub fn plan_of(rules: &crate::RuleSet) -> &crate::engine::compile::Plan {
    rules
        .plan()
        .expect("load_clean and check compile only rule sets without errors")
}

/// Loads rule files for a command whose report is SARIF: when they have errors, the report is
/// written as SARIF holding those errors (so a CI upload still finds them) and says so on stderr.
pub fn load_clean_sarif(
    paths: &[std::path::PathBuf],
    command: &str,
    what: &str,
    output: Option<&Path>,
) -> Result<crate::RuleSet, ExitCode> {
    let rules = crate::RuleSet::load(paths);
    if rules.has_errors() {
        let text = crate::report::sarif::findings(rules.diagnostics(), rules.sources(), command);
        emit(output, &text)?;
        eprintln!("{}", crate::tr!("cli-rules-have-errors", what = what));
        return Err(ExitCode::from(EXIT_UNPROCESSABLE));
    }
    Ok(rules)
}

/// Writes the findings of `gaps` or `conflicts` (`noun`) in `format`; exit 1 on an error.
pub fn report_findings(
    rules: &crate::RuleSet,
    mut found: Vec<crate::Diagnostic>,
    format: gaps::Format,
    output: Option<&Path>,
    deny_warnings: bool,
    noun: &'static str,
    matrix: Option<Vec<crate::gaps::matrix::Cell>>,
) -> ExitCode {
    use crate::report::{self, Counts};
    if deny_warnings {
        for d in &mut found {
            if d.severity == crate::Severity::Warning {
                d.severity = crate::Severity::Error;
            }
        }
    }
    let counts = Counts::of(&found);
    let text = match format {
        gaps::Format::Json => report::json::render(&found, rules.sources()),
        gaps::Format::Short => report::short::render(&found, rules.sources()),
        gaps::Format::Markdown => report::gaps::findings_markdown(&found, rules.sources()),
        gaps::Format::Sarif => {
            report::sarif::findings(&found, rules.sources(), &format!("{noun}s"))
        }
        gaps::Format::Html => report::html::findings(&report::html::FindingsPage {
            rules,
            findings: &found,
            noun,
            matrix: matrix.unwrap_or_default(),
        }),
        gaps::Format::Human => {
            let color = use_color(output);
            let mut s = report::human::render(&found, rules.sources(), color);
            s.push_str(&crate::tr!(
                "cli-found",
                found = report::plural(found.len(), noun),
                counts = report::count_line(counts)
            ));
            s.push('\n');
            s
        }
    };
    if let Err(code) = emit(output, &text) {
        return code;
    }
    if counts.errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The output languages of `--lang`.
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Chinese (zh-CN).
    #[value(alias = "zh-CN", alias = "zh_CN")]
    Zh,
    /// English.
    En,
}

/// Sets the language of every message: `--lang`, else `DUIKOU_LANG`, else the locale.
fn choose_language(arg: Option<LangArg>) -> Result<(), ExitCode> {
    use crate::Lang;
    let lang = match arg {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env().map_err(|value| {
            eprintln!("{}", crate::tr!("cli-bad-duikou-lang", value = value));
            ExitCode::from(EXIT_UNPROCESSABLE)
        })?,
    };
    crate::i18n::set_default(lang);
    Ok(())
}

/// Parses the command line, with `--help` in the output language (see [`help_lang`]).
fn parse_in_language() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cmd = help_lang::localize(Cli::command(), help_lang::language_of(&args));
    let matches = cmd
        .try_get_matches_from_mut(args)
        .unwrap_or_else(|e| e.exit());
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut cmd).exit())
}
