//! Static checks on declarations, after names are collected.

mod actors;
mod documents;
mod evaluations;
mod legal;
mod pairs;
mod periods;
mod records;
mod rules;
mod shares;
mod tests;

use crate::diagnostic::Diagnostic;
use crate::symbols::Symbols;

/// Runs every declaration check; expression types are checked by `crate::types`.
pub fn run(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    actors::check(s, diags);
    records::check(s, diags);
    documents::check(s, diags);
    legal::check(s, diags);
    pairs::check_pairs(s, diags);
    pairs::check_duties(s, diags);
    evaluations::check(s, diags);
    rules::check_rules(s, diags);
    rules::check_evaluations(s, diags);
    shares::check(s, diags);
    tests::check(s, diags);
}
