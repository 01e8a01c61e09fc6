//! Checks on evaluation schemes: weights sum to 100%, grade bounds descend.

use crate::ast::Evaluation;
use crate::diagnostic::{Code, Diagnostic};
use crate::symbols::Symbols;
use rust_decimal::Decimal;

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for e in s.evaluations.values().map(|e| &e.item) {
        check_weights(e, diags);
        check_grades(e, diags);
    }
}

fn percent(d: Decimal) -> String {
    format!("{}%", (d * Decimal::ONE_HUNDRED).normalize())
}

fn check_weights(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    let weights: Vec<Decimal> = e
        .indicators
        .iter()
        .filter_map(|i| i.weight.map(|w| w.0))
        .collect();
    if weights.len() == e.indicators.len() && !weights.is_empty() {
        let total: Decimal = weights.iter().sum();
        if total != Decimal::ONE {
            let listed = e
                .indicators
                .iter()
                .map(|i| {
                    format!(
                        "{} {}",
                        i.name.text,
                        percent(i.weight.map_or(Decimal::ZERO, |w| w.0))
                    )
                })
                .collect::<Vec<_>>()
                .join(" + ");
            diags.push(
                Diagnostic::new(
                    Code::DeclWeights,
                    e.name.span,
                    format!(
                        "the indicator weights of `{}` sum to {}, not 100%",
                        e.name.text,
                        percent(total)
                    ),
                )
                .label("weights do not sum to 100%")
                .help(format!(
                    "{listed} = {}; adjust them to sum to 100%",
                    percent(total)
                )),
            );
        }
    }
    if !e.evaluators.is_empty() {
        let total: Decimal = e.evaluators.iter().map(|(_, w)| *w).sum();
        if total != Decimal::ONE {
            diags.push(
                Diagnostic::new(
                    Code::DeclWeights,
                    e.evaluators_span.unwrap_or(e.name.span),
                    format!(
                        "the evaluator weights of `{}` sum to {}, not 100%",
                        e.name.text,
                        percent(total)
                    ),
                )
                .label("weights do not sum to 100%")
                .help("adjust the evaluators' weights to sum to 100%"),
            );
        }
    }
}

fn check_grades(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    for pair in e.grades.windows(2) {
        let ((a, a_bound), (b, b_bound)) = (&pair[0], &pair[1]);
        if b_bound >= a_bound {
            diags.push(
                Diagnostic::new(
                    Code::DeclGradeOrder,
                    b.span,
                    format!("grade `{}` ({b_bound}) is not below grade `{}` ({a_bound})", b.text, a.text),
                )
                .label("can never be given")
                .help("a score gets the first grade whose bound it reaches: list grades from the highest bound down"),
            );
        }
    }
}
