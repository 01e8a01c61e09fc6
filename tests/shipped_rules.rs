//! The shipped rule set in rules/ checks clean, from the library and from the CLI.

use duikou::RuleSet;
use std::process::Command;

#[test]
fn shipped_rules_have_no_diagnostics() {
    let rules = RuleSet::load(&["rules".into()]);
    let shown = duikou::report::short::render(rules.diagnostics(), rules.sources());
    assert!(rules.diagnostics().is_empty(), "{shown}");
    let s = rules.symbols();
    assert!(s.pairs.len() >= 19, "every 援疆 supporter is paired");
    assert!(s.functions.len() >= 7, "the paper's seven functions");
    assert!(s.tests.len() >= 3);
    assert_eq!(s.evaluations.len(), 1);
}

#[test]
fn check_on_shipped_rules_exits_zero_with_a_summary() {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .args(["check", "rules"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
    assert!(stdout.starts_with("checked "), "{stdout}");
}
