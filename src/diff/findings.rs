//! The responsibility and law layer: gaps and conflicts found in one version and not the other.

use super::FindingChange;
use crate::RuleSet;
use crate::diagnostic::Diagnostic;

fn found(rules: &RuleSet) -> Vec<Diagnostic> {
    let mut out = crate::gaps::analyze(rules.symbols(), &Default::default());
    let plan = crate::engine::compile::Plan::build(rules.symbols(), rules.sources());
    out.extend(crate::conflicts::analyze(rules.symbols(), &plan));
    out
}

/// Findings are the same when their code and message are (the message names the function,
/// scope, years and provisions; locations may move with the text).
pub fn findings(old: &RuleSet, new: &RuleSet) -> Vec<FindingChange> {
    let (a, b) = (found(old), found(new));
    let key = |d: &Diagnostic| (d.code.as_str(), d.message.clone());
    let a_keys: Vec<_> = a.iter().map(key).collect();
    let b_keys: Vec<_> = b.iter().map(key).collect();
    let mut out = Vec::new();
    for (d, k) in a.iter().zip(&a_keys) {
        if !b_keys.contains(k) {
            out.push(change("disappeared", d));
        }
    }
    for (d, k) in b.iter().zip(&b_keys) {
        if !a_keys.contains(k) {
            out.push(change("appeared", d));
        }
    }
    out
}

fn change(what: &'static str, d: &Diagnostic) -> FindingChange {
    FindingChange {
        change: what,
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: d.message.clone(),
    }
}
