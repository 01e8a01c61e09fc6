//! Whether one `expect` of a test block is met by what checking its data found: one function
//! per kind of expectation.

use super::{cell, holds, selector, selects};
use crate::ast::{Binding, Cmp, Expect, ExprKind, Literal, Name};
use crate::engine::compile::Plan;
use crate::engine::finding::{DataFinding, FindingKind};
use crate::engine::run::DataRun;
use crate::score::ScoreRow;
use rust_decimal::Decimal;

/// What a test's data gave: findings and scores, and the rule set's gaps and conflicts (each
/// conflict's code and the text naming what it involves).
pub(super) struct Found<'a> {
    pub plan: &'a Plan,
    pub data: &'a DataRun,
    pub scores: &'a [(String, Vec<ScoreRow>)],
    pub gaps: &'a [&'static str],
    pub conflicts: &'a [(&'static str, String)],
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
        let found: Vec<&DataFinding> = self.data.findings[r.index()]
            .iter()
            .filter(|f| f.kind == FindingKind::Violation && selects(f, group))
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
        let rows = self
            .scores
            .iter()
            .find(|(n, _)| *n == evaluation.text)
            .map(|(_, r)| r);
        let row = rows.and_then(|rows| {
            rows.iter().find(|r| {
                group.iter().all(|b| {
                    let v = cell(&b.value);
                    r.group.iter().any(|k| k.name == b.key.text && k.text == v)
                })
            })
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
        let present = self.conflicts.iter().any(|(c, text)| {
            *c == code.text
                && involving
                    .iter()
                    .all(|n| text.contains(&format!("`{}`", n.text)))
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
