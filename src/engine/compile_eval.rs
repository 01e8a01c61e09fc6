//! Evaluations compiled for scoring: each indicator becomes a hidden group rule whose
//! "condition" is the indicator's value; `rated(S)` becomes one average per evaluator.

use super::aggregate::AggSpec;
use super::compile::{
    Compiler, EvaluationPlan, IndicatorPlan, KeyPlan, Plan, RulePlan, key_plans, share_keys,
};
use super::node::{Expr, Node};
use crate::ast::Type;
use crate::ast::{self, BinOp, Cmp, ExprKind, Literal, Name, RuleKind, RuleSeverity};
use crate::data::value::Value;
use crate::ids::{RecordId, RuleId};
use crate::source::{SourceMap, Span};
use crate::symbols::{Sourced, Symbols};
use rust_decimal::Decimal;

fn name(text: &str, span: Span) -> Name {
    Name {
        text: text.to_string(),
        span,
    }
}

fn expr(kind: ExprKind, span: Span) -> ast::Expr {
    ast::Expr { kind, span }
}

/// `avg(S.score where S.evaluator == "e" and S.indicator == "i")`.
fn rating_average(record: &str, evaluator: &str, indicator: &str, span: Span) -> ast::Expr {
    let member = |field: &str| {
        expr(
            ExprKind::Member(
                Box::new(expr(ExprKind::Name(name(record, span)), span)),
                name(field, span),
            ),
            span,
        )
    };
    let text = |t: &str| expr(ExprKind::Literal(Literal::Text(t.to_string())), span);
    let eq = |l, r| {
        expr(
            ExprKind::Binary(BinOp::Cmp(Cmp::Eq), Box::new(l), Box::new(r)),
            span,
        )
    };
    let filter = expr(
        ExprKind::Binary(
            BinOp::And,
            Box::new(eq(member("evaluator"), text(evaluator))),
            Box::new(eq(member("indicator"), text(indicator))),
        ),
        span,
    );
    expr(
        ExprKind::Call {
            function: name("avg", span),
            args: vec![member("score")],
            filter: Some(Box::new(filter)),
            at: None,
            cumulative: false,
        },
        span,
    )
}

impl Plan {
    /// Compiles a rule set that checked without errors: its rules, then its evaluations
    /// lowered to hidden group rules.
    pub fn build(symbols: &Symbols, sources: &SourceMap) -> Plan {
        let mut plan = Plan::build_rules(symbols, sources);
        add_evaluations(&mut plan, symbols, sources);
        plan
    }
}

/// Adds every evaluation of `symbols` to `plan`.
fn add_evaluations(plan: &mut Plan, symbols: &Symbols, sources: &SourceMap) {
    for se in symbols.evaluations.values() {
        let e = &se.item;
        let Some(over) = &e.over else { continue };
        let Some(record_idx) = symbols.records.get_index_of(&over.record.text) else {
            continue;
        };
        let lowering = Lowering {
            symbols,
            sources,
            source: se,
            over,
            record: (&symbols.records[record_idx], RecordId(record_idx as u32)),
            keys: key_plans(&symbols.records[record_idx], &e.per),
        };
        let indicators = e
            .indicators
            .iter()
            .filter_map(|ind| lowering.indicator(plan, ind))
            .collect();
        plan.evaluations.push(evaluation_plan(se, indicators));
    }
}

/// What every indicator of one evaluation is lowered with.
struct Lowering<'a> {
    symbols: &'a Symbols,
    sources: &'a SourceMap,
    source: &'a Sourced<ast::Evaluation>,
    over: &'a ast::Over,
    record: (&'a ast::Record, RecordId),
    keys: Vec<KeyPlan>,
}

impl Lowering<'_> {
    /// Lowers one indicator to a hidden group rule added to `plan`; `None` for an indicator
    /// without a value or target.
    fn indicator(&self, plan: &mut Plan, ind: &ast::Indicator) -> Option<IndicatorPlan> {
        let (Some((cmp, target)), Some(value)) = (&ind.target, &ind.value) else {
            return None;
        };
        let (e, sources) = (&self.source.item, self.sources);
        let mut texts = std::mem::take(&mut plan.texts);
        let mut c = Compiler {
            symbols: self.symbols,
            sources,
            texts: &mut texts,
            record: self.record.0,
            keys: None,
            agg_record: None,
            aggs: Vec::new(),
        };
        let filter = self.over.filter.as_ref().map(|f| c.expr(f).0);
        c.keys = Some(e.per.as_slice());
        let (target_node, target_shape) = c.expr(target);
        let (node, shape, rated) = match rated_record(value) {
            Some(r) => {
                let mut list = Vec::new();
                for (ev, w) in &e.evaluators {
                    c.expr(&rating_average(&r, &ev.text, &ind.name.text, ind.span));
                    list.push((ev.text.clone(), *w, c.aggs.len() - 1));
                }
                (Node::Const(Value::Null), Type::Decimal, Some(list))
            }
            None => {
                let (n, s) = c.expr(value);
                (n, s, None)
            }
        };
        let mut aggs: Vec<AggSpec> = std::mem::take(&mut c.aggs);
        share_keys(self.symbols, &self.keys, self.record.1.index(), &mut aggs);
        plan.texts = texts;
        plan.rules.push(RulePlan {
            name: format!("{}/{}", e.name.text, ind.name.text),
            title: None,
            kind: RuleKind::Require,
            severity: RuleSeverity::Info,
            record: self.record.1,
            filter,
            filter_text: (self.over.filter.as_ref()).map(|f| sources.snippet(f.span).to_string()),
            period: plan.world.periods.of(self.source.source.as_ref()),
            keys: self.keys.clone(),
            periods: None,
            condition: Expr {
                node,
                shape,
                span: value.span,
            },
            condition_text: sources.snippet(value.span).to_string(),
            unless: None,
            unless_text: None,
            aggs,
            message: None,
            source: self.source.source.clone(),
            span: ind.name.span,
            hidden: true,
        });
        Some(IndicatorPlan {
            name: ind.name.text.clone(),
            kind: ind.kind,
            weight: ind.weight.map_or(Decimal::ZERO, |w| w.0),
            cmp: *cmp,
            target: match target_node {
                Node::Const(Value::Num(d)) => d,
                _ => Decimal::ZERO,
            },
            target_shape,
            rule: RuleId((plan.rules.len() - 1) as u32),
            rated,
            text: sources.snippet(value.span).to_string(),
        })
    }
}

/// `rated(S)`: the record type of the ratings an indicator averages.
fn rated_record(value: &ast::Expr) -> Option<String> {
    match &value.kind {
        ExprKind::Call { function, args, .. } if function.text == "rated" => {
            match args.first().map(|a| &a.kind) {
                Some(ExprKind::Name(n)) => Some(n.text.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// An evaluation's plan around its lowered indicators.
fn evaluation_plan(
    se: &Sourced<ast::Evaluation>,
    indicators: Vec<IndicatorPlan>,
) -> EvaluationPlan {
    let e = &se.item;
    EvaluationPlan {
        name: e.name.text.clone(),
        title: e.title.clone(),
        indicators,
        grades: e.grades.iter().map(|(g, b)| (g.text.clone(), *b)).collect(),
        rank_within: e
            .rank_within
            .iter()
            .filter_map(|k| {
                let at = e.per.iter().position(|p| p.text == k.text)?;
                Some((at, k.text.clone()))
            })
            .collect(),
        source: se.source.clone(),
        span: e.name.span,
    }
}
