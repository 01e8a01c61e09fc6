//! Whether one `expect` of a test block is met by what checking its data found: one function
//! per kind of expectation.

use super::{Selection, holds, selector};
use crate::ast::{Binding, Cmp, Expect, ExprKind, Literal, Name};
use crate::diagnostic::{Diagnostic, Involved};
use crate::engine::compile::Plan;
use crate::engine::finding::{DataFinding, FindingKind};
use crate::engine::run::DataRun;
use crate::score::ScoreRow;
use crate::symbols::Symbols;
use rust_decimal::Decimal;

/// What a test's data gave: findings and scores (by `EvaluationId`), and the rule set's gaps
/// and conflicts (each with the provisions it involves, by id).
pub(super) struct Found<'a> {
    pub plan: &'a Plan,
    pub symbols: &'a Symbols,
    pub data: &'a DataRun,
    pub scores: &'a [Vec<ScoreRow>],
    pub gaps: &'a [&'static str],
    pub conflicts: &'a [Diagnostic],
}

/// The provisions a name of `expect conflict CODE [..]` may stand for: the rule, or the actor,
/// so named.
pub(super) fn involved_as(plan: &Plan, symbols: &Symbols, name: &str) -> Vec<Involved> {
    let rule = plan.rule_id(name).map(Involved::Rule);
    let actor = symbols.actor_id(name).map(Involved::Actor);
    rule.into_iter().chain(actor).collect()
}

impl Found<'_> {
    /// Adds to `failures` why `expect` is not met, if it is not.
    pub fn check(&self, expect: &Expect, failures: &mut Vec<String>) {
        match expect {
            Expect::Violation {
                negated,
                rule,
                group,
                ..
            } => self.violation(*negated, rule, group, failures),
            Expect::Score {
                evaluation,
                group,
                cmp,
                value,
                ..
            } => {
                let want = match &value.kind {
                    ExprKind::Literal(Literal::Number(d) | Literal::Percent(d)) => *d,
                    _ => Decimal::ZERO,
                };
                self.score(evaluation, group, (*cmp, want), failures);
            }
            Expect::Gap { negated, code, .. } => self.gap(*negated, code, failures),
            Expect::Conflict {
                negated,
                code,
                involving,
                ..
            } => self.conflict(*negated, code, involving, failures),
        }
    }

    fn violation(&self, negated: bool, rule: &Name, group: &[Binding], failures: &mut Vec<String>) {
        let Some(r) = self.plan.rule_id(&rule.text) else {
            failures.push(crate::tr!("testing-no-rule-rule", rule = rule.text));
            return;
        };
        let selection = Selection::new(self.plan, r, group);
        let found: Vec<&DataFinding> = self.data.findings[r.index()]
            .iter()
            .filter(|f| f.kind == FindingKind::Violation && selection.finding(f))
            .collect();
        let what = crate::tr!(
            "testing-violation-rule-selector",
            rule = rule.text,
            selector = selector(group)
        );
        match (negated, found.first()) {
            (false, None) => {
                failures.push(crate::tr!("testing-expected-what-found-none", what = what))
            }
            (true, Some(f)) => failures.push(crate::tr!(
                "testing-expected-no-what-found-message",
                what = what,
                message = f.message
            )),
            _ => {}
        }
    }

    fn score(
        &self,
        evaluation: &Name,
        group: &[Binding],
        (cmp, want): (Cmp, Decimal),
        failures: &mut Vec<String>,
    ) {
        let row = self.plan.evaluation_id(&evaluation.text).and_then(|id| {
            // A row's keys are those of the evaluation's first indicator's hidden rule.
            let first = self.plan.evaluation(id).indicators.first()?;
            let selection = Selection::new(self.plan, first.rule, group);
            self.scores
                .get(id.index())?
                .iter()
                .find(|r| selection.exactly(&r.group))
        });
        let what = crate::tr!(
            "testing-score-evaluation-selector-cmp-want",
            evaluation = evaluation.text,
            selector = selector(group),
            cmp = cmp.as_str(),
            want = want.normalize()
        );
        // The shown score, which grades and ranks are decided on too.
        match row.map(ScoreRow::shown_score) {
            None => failures.push(crate::tr!(
                "testing-expected-what-but-there-no",
                what = what
            )),
            Some(None) => failures.push(crate::tr!(
                "testing-expected-what-but-score-undetermined",
                what = what
            )),
            Some(Some(s)) if !holds(cmp, s, want) => failures.push(crate::tr!(
                "testing-expected-what-found-round",
                what = what,
                round2 = format!("{s:.2}")
            )),
            _ => {}
        }
    }

    fn gap(&self, negated: bool, code: &Name, failures: &mut Vec<String>) {
        let present = self.gaps.contains(&code.text.as_str());
        if present == negated {
            failures.push(if negated {
                crate::tr!("testing-expected-no-gap-code-found", code = code.text)
            } else {
                crate::tr!("testing-expected-gap-code-found-none", code = code.text)
            });
        }
    }

    fn conflict(&self, negated: bool, code: &Name, involving: &[Name], failures: &mut Vec<String>) {
        let wanted: Vec<Vec<Involved>> = involving
            .iter()
            .map(|n| involved_as(self.plan, self.symbols, &n.text))
            .collect();
        let present = self.conflicts.iter().any(|d| {
            d.code.as_str() == code.text
                && wanted
                    .iter()
                    .all(|w| w.iter().any(|p| d.involves.contains(p)))
        });
        let what = if involving.is_empty() {
            code.text.clone()
        } else {
            let names: Vec<String> = involving.iter().map(|n| format!("`{}`", n.text)).collect();
            format!("{} between {}", code.text, names.join(" and "))
        };
        if present == negated {
            failures.push(if negated {
                crate::tr!("testing-expected-no-conflict-what-found", what = what)
            } else {
                crate::tr!("testing-expected-conflict-what-found-none", what = what)
            });
        }
    }
}
