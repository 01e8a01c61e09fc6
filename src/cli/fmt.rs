//! `duikou fmt`: rewrites rule files in the canonical layout, or with `--check` shows the
//! differences and fails.

use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE};
use crate::fmt::{Dialect, FmtError, format_source, rule_files, unified};
use crate::source::{SourceFile, SourceMap};
use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum DialectArg {
    /// Chinese keywords (`主体`, `规则` …).
    Zh,
    /// English keywords (`actor`, `rule` …).
    En,
    /// Keywords as written.
    Keep,
}

#[derive(clap::Args)]
pub struct FmtArgs {
    #[command(flatten)]
    rules: super::common_args::RulePaths,
    /// Change nothing: print the differences and exit 1 if any file is not formatted.
    #[arg(long)]
    check: bool,
    /// The language keywords are written in.
    #[arg(long, value_enum, default_value = "keep")]
    dialect: DialectArg,
}

/// What became of one file.
enum Outcome {
    Unchanged,
    Changed,
    Failed,
}

pub fn fmt(args: FmtArgs) -> ExitCode {
    let dialect = match args.dialect {
        DialectArg::Zh => Dialect::Zh,
        DialectArg::En => Dialect::En,
        DialectArg::Keep => Dialect::Keep,
    };
    let (files, problems) = rule_files(&args.rules.paths);
    let mut failed = !problems.is_empty();
    print!(
        "{}",
        crate::report::human::render(&problems, &SourceMap::default(), false)
    );
    let mut changed = 0;
    for file in &files {
        match one_file(file, dialect, args.check) {
            Outcome::Unchanged => {}
            Outcome::Changed => changed += 1,
            Outcome::Failed => failed = true,
        }
    }
    let files_n = crate::report::plural(files.len(), "file");
    let summary = if args.check {
        crate::tr!(
            "cli-fmt-need-formatting",
            changed = changed,
            files = files_n
        )
    } else {
        crate::tr!("cli-fmt-formatted", changed = changed, files = files_n)
    };
    eprintln!("{summary}");
    if failed {
        ExitCode::from(EXIT_UNPROCESSABLE)
    } else if args.check && changed > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn one_file(path: &Path, dialect: Dialect, check: bool) -> Outcome {
    let shown = path.to_string_lossy().replace('\\', "/");
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            eprintln!("{}", crate::tr!("cli-fmt-not-utf8", file = shown));
            return Outcome::Failed;
        }
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!("cli-cannot-read", file = shown, reason = e)
            );
            return Outcome::Failed;
        }
    };
    let formatted = match format_source(&text, dialect) {
        Ok(f) => f,
        Err(e) => {
            report_error(path, &text, &e);
            return Outcome::Failed;
        }
    };
    if formatted == text {
        return Outcome::Unchanged;
    }
    if check {
        print!(
            "{}",
            unified::diff(&text, &formatted, &shown, &format!("{shown} (formatted)"))
        );
    } else if let Err(e) = std::fs::write(path, &formatted) {
        eprintln!(
            "{}",
            crate::tr!("cli-cannot-write", file = shown, reason = e)
        );
        return Outcome::Failed;
    }
    Outcome::Changed
}

fn report_error(path: &Path, text: &str, e: &FmtError) {
    let shown = path.to_string_lossy().replace('\\', "/");
    match e {
        FmtError::Syntax(diags) => {
            let mut sources = SourceMap::default();
            sources.add(SourceFile::new(
                path.to_path_buf(),
                text.to_string(),
                String::new(),
            ));
            print!("{}", crate::report::human::render(diags, &sources, false));
            eprintln!("{}", crate::tr!("cli-fmt-syntax-errors", file = shown));
        }
        other => eprintln!(
            "{}",
            crate::tr!("cli-file-error", file = shown, message = other)
        ),
    }
}
