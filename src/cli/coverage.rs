//! `duikou test --coverage`: the tests' results in short, then which provisions they exercise.

use super::test::{Format, TestArgs};
use super::{EXIT_FINDINGS, EXIT_UNPROCESSABLE, emit};
use crate::testing::coverage_report;
use crate::testing::{TestResult, coverage};
use std::process::ExitCode;

pub fn report(rules: &crate::RuleSet, results: &[TestResult], args: &TestArgs) -> ExitCode {
    let cov = coverage::measure(rules);
    let passed = results.iter().filter(|r| r.passed).count();
    let failed = results.len() - passed;
    let text = match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "version": 1,
                "passed": passed,
                "failed": failed,
                "coverage": cov,
            });
            let mut s = serde_json::to_string_pretty(&v).expect("coverage serialises");
            s.push('\n');
            s
        }
        Format::Markdown => coverage_report::markdown(&cov),
        Format::Human => {
            let mut s = String::new();
            for r in results.iter().filter(|r| !r.passed) {
                s.push_str(&format!("FAILED {} ({})\n", r.name, r.location));
            }
            s.push_str(&crate::tr!(
                "cli-passed-failed",
                passed = passed,
                failed = failed
            ));
            s.push('\n');
            s.push_str(&coverage_report::human(&cov));
            s
        }
        Format::Junit | Format::Sarif => {
            eprintln!("{}", crate::tr!("cli-coverage-formats"));
            return ExitCode::from(EXIT_UNPROCESSABLE);
        }
    };
    if let Err(code) = emit(args.out.output.as_deref(), &text) {
        return code;
    }
    let below = args.min_coverage.is_some_and(|min| cov.percent < min);
    if below {
        eprintln!(
            "{}",
            crate::tr!(
                "cli-coverage-below",
                percent = format!("{:.2}", cov.percent),
                min = args.min_coverage.unwrap_or_default()
            )
        );
    }
    if failed > 0 || below {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
