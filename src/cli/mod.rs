//! The command line: argument parsing, output selection and exit codes.

mod check;
mod common_args;
mod conflicts;
mod coverage;
mod data_options;
mod diff;
mod doc;
mod explain;
mod explain_score;
mod fmt;
mod gaps;
mod lsp;
mod score;
mod test;
mod xlsx_out;

use clap::{Parser, Subcommand, ValueEnum};
use duikou::data::csv_file::Encoding;
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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
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
    }
}

/// Writes a report to `output`, or to standard output.
pub fn emit(output: Option<&Path>, text: &str) -> Result<(), ExitCode> {
    if let Some(path) = output {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return Err(ExitCode::from(EXIT_UNPROCESSABLE));
        }
    } else {
        print!("{text}");
    }
    Ok(())
}

/// Whether to colour a report: only on a terminal, and not when `NO_COLOR` is set.
pub fn use_color(output: Option<&Path>) -> bool {
    use std::io::IsTerminal;
    output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads rule files; when they have errors, prints them and says what cannot be done.
pub fn load_clean(paths: &[std::path::PathBuf], what: &str) -> Result<duikou::RuleSet, ExitCode> {
    use std::io::IsTerminal;
    let rules = duikou::RuleSet::load(paths);
    if rules.has_errors() {
        let color = std::io::stdout().is_terminal();
        print!(
            "{}",
            duikou::report::human::render(rules.diagnostics(), rules.sources(), color)
        );
        eprintln!("error: the rules have errors; fix them before {what}");
        return Err(ExitCode::from(EXIT_UNPROCESSABLE));
    }
    Ok(rules)
}

/// The compiled plan of a rule set that [`load_clean`] accepted.
pub fn plan_of(rules: &duikou::RuleSet) -> &duikou::engine::compile::Plan {
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
) -> Result<duikou::RuleSet, ExitCode> {
    let rules = duikou::RuleSet::load(paths);
    if rules.has_errors() {
        let text = duikou::report::sarif::findings(rules.diagnostics(), rules.sources(), command);
        emit(output, &text)?;
        eprintln!("error: the rules have errors; fix them before {what}");
        return Err(ExitCode::from(EXIT_UNPROCESSABLE));
    }
    Ok(rules)
}

/// Writes the findings of `gaps` or `conflicts` (`noun`) in `format`; exit 1 on an error.
pub fn report_findings(
    rules: &duikou::RuleSet,
    mut found: Vec<duikou::Diagnostic>,
    format: gaps::Format,
    output: Option<&Path>,
    deny_warnings: bool,
    noun: &'static str,
    matrix: Option<Vec<duikou::gaps::matrix::Cell>>,
) -> ExitCode {
    use duikou::report::{self, Counts};
    use std::io::IsTerminal;
    if deny_warnings {
        for d in &mut found {
            if d.severity == duikou::Severity::Warning {
                d.severity = duikou::Severity::Error;
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
            let color = output.is_none() && std::io::stdout().is_terminal();
            let mut s = report::human::render(&found, rules.sources(), color);
            s.push_str(&format!(
                "{} found: {}\n",
                report::plural(found.len(), noun),
                report::count_line(counts)
            ));
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
