//! Checks on evaluation schemes: weights sum to 100%, grade bounds descend.

use crate::ast::{Evaluation, IndicatorKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::symbols::Symbols;
use rust_decimal::Decimal;

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for e in s.evaluations.values().map(|e| &e.item) {
        check_weights(e, diags);
        check_grades(e, diags);
        check_balance(e, diags);
        check_evaluators(e, diags);
        check_targets(e, diags);
        check_rank_keys(e, diags);
    }
}

/// `rank within K`: each K must be a key of the evaluation's `per`, since ranks are taken
/// among groups and a group has one value only for its keys.
fn check_rank_keys(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    let keys: Vec<&str> = e.per.iter().map(|k| k.text.as_str()).collect();
    for (i, k) in e.rank_within.iter().enumerate() {
        if e.rank_within[..i]
            .iter()
            .any(|earlier| earlier.text == k.text)
        {
            diags.push(
                Diagnostic::new(
                    Code::DeclEvaluationClause,
                    k.span,
                    crate::tr!("decl-rank-within-twice", key = k.text),
                )
                .label(crate::tr!("decl-named-again-here"))
                .help(crate::tr!("decl-name-each-key-once")),
            );
        } else if !keys.contains(&k.text.as_str()) {
            let help =
                crate::suggest::did_you_mean(&k.text, keys.iter().copied()).unwrap_or_else(|| {
                    crate::tr!("decl-rank-within-keys-of-per", keys = keys.join(", "))
                });
            diags.push(
                Diagnostic::new(
                    Code::DeclEvaluationClause,
                    k.span,
                    crate::tr!(
                        "decl-not-key-of-per",
                        key = k.text,
                        evaluation = e.name.text
                    ),
                )
                .label(crate::tr!("decl-not-a-group-key"))
                .help(help),
            );
        }
    }
}

/// The paper's finding: social effects weighed less than quick economic results.
fn check_balance(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    // An indicator whose kind or weight was not understood is reported already; weighing
    // without it would mislead.
    if e.indicators
        .iter()
        .any(|i| i.kind.is_none() || i.weight.is_none())
    {
        return;
    }
    let weight = |k: IndicatorKind| -> Option<Decimal> {
        crate::exact::checked_sum(
            e.indicators
                .iter()
                .filter(|i| i.kind == Some(k))
                .filter_map(|i| i.weight.map(|w| w.0)),
        )
    };
    // Weights too large to add up are reported by the weights check.
    let (Some(social), Some(economic)) = (
        weight(IndicatorKind::Social),
        weight(IndicatorKind::Economic),
    ) else {
        return;
    };
    if social < economic {
        diags.push(
            Diagnostic::new(
                Code::DeclSocialWeight,
                e.name.span,
                crate::tr!(
                    "decl-e-weighs-social-indicators-percent",
                    e = e.name.text,
                    percent = percent(social),
                    percent2 = percent(economic)
                ),
            )
            .label(crate::tr!("decl-social-effects-weigh-less"))
            .help(crate::tr!("decl-give-social-indicators-livelihood-county")),
        );
    }
}

/// 评价主体单一化: one evaluator, or only the supporting side.
fn check_evaluators(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    let Some(span) = e.evaluators_span else {
        return;
    };
    let supporter = |n: &str| matches!(n, "支援方" | "supporter" | "支援省市" | "援方");
    let names: Vec<&str> = e.evaluators.iter().map(|(n, _)| n.text.as_str()).collect();
    let why = if names.len() == 1 {
        Some(crate::tr!(
            "decl-e-rated-by-one-evaluator",
            e = e.name.text,
            names = names[0]
        ))
    } else if !names.is_empty() && names.iter().all(|n| supporter(n)) {
        Some(crate::tr!(
            "decl-e-rated-by-supporting-side",
            e = e.name.text
        ))
    } else {
        None
    };
    if let Some(message) = why {
        diags.push(
            Diagnostic::new(Code::DeclSingleEvaluator, span, message)
                .label(crate::tr!("decl-one-sided-evaluation"))
                .help(crate::tr!("decl-add-recipient-independent-third-party")),
        );
    }
}

/// A share can never exceed 100%: a target above it is never attained.
fn check_targets(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    use crate::ast::{Cmp, ExprKind, Literal};
    for ind in &e.indicators {
        let (Some((cmp, target)), Some(value)) = (&ind.target, &ind.value) else {
            continue;
        };
        let bound = match &target.kind {
            ExprKind::Literal(Literal::Percent(d) | Literal::Number(d)) => *d,
            _ => continue,
        };
        let share = super::shares::is_share(value);
        if share && matches!(cmp, Cmp::Ge | Cmp::Gt) && bound > Decimal::ONE {
            // A bare number is the fraction: `74` means 7400%, most likely meant as `74%`.
            let (written, help) = match &target.kind {
                ExprKind::Literal(Literal::Number(n)) if *n <= Decimal::ONE_HUNDRED => (
                    format!("{} (that is, {})", n.normalize(), percent(bound)),
                    crate::tr!("decl-share-compared-with-percent-write", n = n.normalize()),
                ),
                _ => (percent(bound), crate::tr!("decl-set-target-at-most")),
            };
            diags.push(
                Diagnostic::new(
                    Code::DeclUnattainable,
                    target.span,
                    crate::tr!(
                        "decl-indicator-ind-share-at-most",
                        ind = ind.name.text,
                        written = written
                    ),
                )
                .label(crate::tr!("decl-unattainable-target"))
                .help(help),
            );
        }
    }
}

fn percent(d: Decimal) -> String {
    format!("{}%", crate::exact::percent_text(d))
}

/// A total of weights for messages; one too large to add up is said so.
fn total_text(total: Option<Decimal>) -> String {
    total.map_or_else(|| crate::tr!("decl-more-than-duikou-can-add"), percent)
}

fn check_weights(e: &Evaluation, diags: &mut Vec<Diagnostic>) {
    let weights: Vec<Decimal> = e
        .indicators
        .iter()
        .filter_map(|i| i.weight.map(|w| w.0))
        .collect();
    if weights.len() == e.indicators.len() && !weights.is_empty() {
        let total = crate::exact::checked_sum(weights.iter().copied());
        if total != Some(Decimal::ONE) {
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
                    crate::tr!(
                        "decl-indicator-weights-e-sum-total",
                        e = e.name.text,
                        total_text = total_text(total)
                    ),
                )
                .label(crate::tr!("decl-weights-do-not-sum"))
                .help(crate::tr!(
                    "decl-listed-total-text-adjust-them",
                    listed = listed,
                    total_text = total_text(total)
                )),
            );
        }
    }
    if !e.evaluators.is_empty() {
        let total = crate::exact::checked_sum(e.evaluators.iter().map(|(_, w)| *w));
        if total != Some(Decimal::ONE) {
            diags.push(
                Diagnostic::new(
                    Code::DeclWeights,
                    e.evaluators_span.unwrap_or(e.name.span),
                    crate::tr!(
                        "decl-evaluator-weights-e-sum-total",
                        e = e.name.text,
                        total_text = total_text(total)
                    ),
                )
                .label(crate::tr!("decl-weights-do-not-sum"))
                .help(crate::tr!("decl-adjust-evaluators-weights-sum")),
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
                    crate::tr!(
                        "decl-grade-b-b-bound-not",
                        b = b.text,
                        b_bound = b_bound,
                        a = a.text,
                        a_bound = a_bound
                    ),
                )
                .label(crate::tr!("decl-can-never-given"))
                .help(crate::tr!("decl-score-gets-first-grade-whose")),
            );
        }
    }
}
