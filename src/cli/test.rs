//! `duikou test`: runs the test blocks of a rule set.

use super::{EXIT_FINDINGS, emit};
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// One line per test, the failures under it, and `N passed, M failed`.
    Human,
    /// `{ "version": 1, "passed", "failed", "tests": [...] }`.
    Json,
    /// JUnit XML, for CI systems.
    Junit,
    /// SARIF 2.1.0: a result per test block, located at the block.
    Sarif,
    /// Tables, for the coverage report (`--coverage`).
    Markdown,
}

#[derive(clap::Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub(super) rules: super::common_args::RulePaths,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(super) format: Format,
    #[command(flatten)]
    pub(super) out: super::common_args::OutputFile,
    /// Report which provisions of each document and article the tests exercise.
    #[arg(long)]
    pub(super) coverage: bool,
    /// With `--coverage`: fail (exit 1) when coverage is below N percent.
    #[arg(long, value_name = "N", requires = "coverage")]
    pub(super) min_coverage: Option<f64>,
}

pub fn test(args: TestArgs) -> ExitCode {
    let loaded = if matches!(args.format, Format::Sarif) {
        super::load_clean_sarif(
            &args.rules.paths,
            "test",
            &crate::tr!("cli-before-testing"),
            args.out.output.as_deref(),
        )
    } else {
        super::load_clean(&args.rules.paths, &crate::tr!("cli-before-testing"))
    };
    let rules = match loaded {
        Ok(r) => r,
        Err(code) => return code,
    };
    let results = rules.run_tests();
    if args.coverage {
        return super::coverage::report(&rules, &results, &args);
    }
    if matches!(args.format, Format::Markdown) {
        eprintln!("{}", crate::tr!("cli-test-markdown-needs-coverage"));
        return ExitCode::from(super::EXIT_UNPROCESSABLE);
    }
    let passed = results.iter().filter(|r| r.passed).count();
    let failed = results.len() - passed;
    let text = match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "version": 1,
                "passed": passed,
                "failed": failed,
                "tests": results,
            });
            let mut s = serde_json::to_string_pretty(&v).expect("results serialise");
            s.push('\n');
            s
        }
        Format::Junit => crate::testing::junit(&results),
        Format::Sarif => crate::report::sarif::tests(&results, rules.sources()),
        Format::Human | Format::Markdown => {
            let mut s = String::new();
            for r in &results {
                let mark = if r.passed {
                    crate::tr!("cli-test-ok")
                } else {
                    crate::tr!("cli-test-failed")
                };
                s.push_str(&format!("{mark} {} ({})\n", r.name, r.location));
                for f in &r.failures {
                    s.push_str(&format!("         {f}\n"));
                }
            }
            s.push_str(&crate::tr!(
                "cli-passed-failed",
                passed = passed,
                failed = failed
            ));
            s.push('\n');
            s
        }
    };
    if let Err(code) = emit(args.out.output.as_deref(), &text) {
        return code;
    }
    if failed > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
