//! The shipped rule set in rules/ declares every pairing and function the paper describes.

use crate::RuleSet;

#[test]
fn shipped_rules_declare_the_pairs_and_functions() {
    let rules = RuleSet::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/rules").into()]);
    let shown = rules.render_diagnostics(rules.diagnostics(), crate::DiagnosticForm::Short);
    assert!(rules.diagnostics().is_empty(), "{shown}");
    let s = rules.symbols();
    assert!(s.pairs.len() >= 19, "every 援疆 supporter is paired");
    assert!(s.functions.len() >= 7, "the paper's seven functions");
    assert!(s.tests.len() >= 3);
    assert_eq!(s.evaluations.len(), 1);
}
