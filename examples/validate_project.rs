//! Embedding duikou in a submission form: the rule set is loaded once, then each project a
//! province submits is validated as it is typed, and the findings go back to the form as JSON.
//!
//! cargo run --example validate_project -- rules/
//!
//! Each line of standard input is one project as a JSON object; each line of output is what the
//! record-level rules and the field validation say of it. Without input, two sample projects
//! from the shipped rules are validated.

use duikou::RuleSet;
use std::io::BufRead;
use std::path::PathBuf;

/// Validates one submitted project and returns the answer for the form: `{"accepted": …,
/// "rejected": […], "findings": […]}`.
fn validate(rules: &RuleSet, project: &serde_json::Value) -> serde_json::Value {
    match rules.check_record("project", project) {
        Ok(report) => serde_json::json!({
            "accepted": report.rejected.is_empty(),
            "rejected": report.rejected,
            "findings": report.findings,
        }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

fn main() -> std::process::ExitCode {
    let paths: Vec<PathBuf> = match std::env::args()
        .skip(1)
        .map(PathBuf::from)
        .collect::<Vec<_>>()
    {
        p if p.is_empty() => vec![PathBuf::from("rules")],
        p => p,
    };
    let rules = RuleSet::load(&paths);
    if rules.has_errors() {
        eprintln!("the rules have errors: run `duikou check` on them first");
        return std::process::ExitCode::from(2);
    }
    let samples = [
        r#"{"id":"XJ2019-900","program":"援疆","supporter":"河北省","recipient":"巴州","year":2019,"category":"医疗","livelihood":true,"county_or_below":true,"planned":"800","spent":"990","completed":true}"#,
        r#"{"id":"XJ2019-901","program":"援疆","supporter":"河北省","recipient":"巴州","year":"二〇一九","category":"教育","livelihood":true,"county_or_below":true,"planned":"300","spent":"120","completed":false}"#,
    ];
    let stdin = std::io::stdin();
    let mut lines: Vec<String> = Vec::new();
    if !std::io::IsTerminal::is_terminal(&stdin) {
        lines = stdin.lock().lines().map_while(Result::ok).collect();
    }
    if lines.iter().all(|l| l.trim().is_empty()) {
        lines = samples.iter().map(|s| s.to_string()).collect();
    }
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let answer = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(project) => validate(&rules, &project),
            Err(e) => serde_json::json!({ "error": format!("not a JSON object: {e}") }),
        };
        println!("{answer}");
    }
    std::process::ExitCode::SUCCESS
}
