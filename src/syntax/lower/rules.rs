//! Lowering of rules and evaluations: their clauses, each given at most once.

use super::{Lowerer, P, PerClause, Rule_};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::parser::Rule;
use crate::syntax::props::{Prop, PropReader, PropValue};

/// The clauses of a rule as read so far, each with the span of its first occurrence.
#[derive(Default)]
struct RuleClauses {
    over: Option<(Over, Span)>,
    per: Option<(PerClause, Span)>,
    body: Option<(RuleKind, Expr, Span)>,
    unless: Option<(Expr, Span)>,
    severity: Option<(RuleSeverity, Span)>,
    message: Option<(String, Span)>,
}

/// The clauses of an evaluation as read so far, each with the span of its first occurrence.
#[derive(Default)]
struct EvaluationClauses {
    over: Option<(Over, Span)>,
    per: Option<(Vec<Name>, Span)>,
    evaluators: Option<(Vec<(Name, rust_decimal::Decimal)>, Span)>,
    grades: Option<(Vec<(Name, rust_decimal::Decimal)>, Span)>,
    rank_within: Option<(Vec<Name>, Span)>,
    indicators: Vec<Indicator>,
}

impl Lowerer<'_> {
    fn clause_twice(&mut self, code: Code, what: &str, span: Span, first: Span) {
        self.diags.push(
            Diagnostic::new(
                code,
                span,
                crate::tr!("syntax-what-given-twice", what = what),
            )
            .label(crate::tr!("syntax-given-again-here"))
            .related(first, crate::tr!("syntax-first-given-here"))
            .help(crate::tr!("syntax-keep-one-two")),
        );
    }

    /// Keeps the first `what` clause (at `span`) in `slot`; a second one is reported.
    fn keep_first<T>(
        &mut self,
        slot: &mut Option<(T, Span)>,
        value: T,
        span: Span,
        code: Code,
        what: &str,
    ) {
        match slot {
            Some((_, first)) => self.clause_twice(code, what, span, *first),
            None => *slot = Some((value, span)),
        }
    }

    /// rule_decl = { kw_rule ~ ident ~ string? ~ lbrace ~ (rule_clause | sep)* ~ rbrace }
    pub(super) fn lower_rule(&mut self, p: P<'_>) -> Rule_ {
        let span = self.span(&p);
        let mut name = None;
        let mut title = None;
        let mut clauses = RuleClauses::default();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.lower_name(c)),
                Rule::string => title = Some(self.lower_string(c)),
                _ => self.lower_rule_clause(c, &mut clauses),
            }
        }
        let name = name.expect("rule has a name");
        self.missing_rule_clauses(&name, &clauses);
        let RuleClauses {
            over,
            per,
            body,
            unless,
            severity,
            message,
        } = clauses;
        let (kind, condition) = match body {
            Some((k, e, _)) => (k, Some(e)),
            None => (RuleKind::Require, None),
        };
        let (per, periods) = per.map(|p| p.0).unwrap_or_default();
        Rule_ {
            name,
            title,
            over: over.map(|o| o.0),
            per,
            periods,
            kind,
            condition,
            unless: unless.map(|u| u.0),
            severity: severity.map_or(RuleSeverity::Error, |s| s.0),
            message,
            span,
        }
    }

    /// rule_clause = _{
    ///     over_clause | per_clause | require_clause | forbid_clause | permit_clause | unless_clause
    ///   | severity_clause | message_clause
    /// }
    fn lower_rule_clause(&mut self, c: P<'_>, clauses: &mut RuleClauses) {
        let cspan = self.span(&c);
        let code = Code::DeclRuleClause;
        match c.as_rule() {
            Rule::over_clause => {
                let o = self.lower_over(c);
                self.keep_first(&mut clauses.over, o, cspan, code, "over");
            }
            Rule::per_clause => {
                let k = self.lower_per(c);
                self.keep_first(&mut clauses.per, k, cspan, code, "per");
            }
            Rule::require_clause | Rule::forbid_clause | Rule::permit_clause => {
                self.lower_rule_body(c, cspan, &mut clauses.body);
            }
            Rule::unless_clause => {
                let e = self.lower_expr(c.into_inner().nth(1).expect("unless has an expression"));
                self.keep_first(&mut clauses.unless, e, cspan, code, "unless");
            }
            Rule::severity_clause => {
                let s = self.lower_severity(c.into_inner().nth(1).expect("severity has a word"));
                self.keep_first(&mut clauses.severity, s, cspan, code, "severity");
            }
            Rule::message_clause => {
                let s = c.into_inner().nth(1).expect("message has a string");
                let sspan = self.span(&s);
                let text = self.lower_string(s);
                match &clauses.message {
                    Some((_, first)) => self.clause_twice(code, "message", cspan, *first),
                    None => clauses.message = Some((text, sspan)),
                }
            }
            _ => {}
        }
    }

    /// require_clause, forbid_clause, permit_clause: the one condition a rule states.
    fn lower_rule_body(
        &mut self,
        c: P<'_>,
        cspan: Span,
        body: &mut Option<(RuleKind, Expr, Span)>,
    ) {
        let kind = match c.as_rule() {
            Rule::require_clause => RuleKind::Require,
            Rule::forbid_clause => RuleKind::Forbid,
            _ => RuleKind::Permit,
        };
        let e = self.lower_expr(c.into_inner().nth(1).expect("clause has an expression"));
        match body {
            Some((_, _, first)) => self.diags.push(
                Diagnostic::new(
                    Code::DeclRuleClause,
                    cspan,
                    crate::tr!("syntax-rule-has-exactly-one-require"),
                )
                .label(crate::tr!("syntax-second-one-here"))
                .related(*first, crate::tr!("syntax-first-one"))
                .help(crate::tr!("syntax-split-into-two-rules")),
            ),
            None => *body = Some((kind, e, cspan)),
        }
    }

    /// severity_clause = { kw_severity ~ word }: the word; an unknown one is reported and read
    /// as `error`.
    fn lower_severity(&mut self, w: P<'_>) -> RuleSeverity {
        let wspan = self.span(&w);
        if let Some(s) = RuleSeverity::parse(w.as_str()) {
            return s;
        }
        let help =
            crate::suggest::did_you_mean(w.as_str(), RuleSeverity::spellings().iter().copied())
                .unwrap_or_else(|| crate::tr!("syntax-use-error-warning-info"));
        self.diags.push(
            Diagnostic::new(
                Code::NameUnknownValue,
                wspan,
                crate::tr!("syntax-w-not-severity", w = w.as_str()),
            )
            .label(crate::tr!("syntax-not-severity"))
            .help(help),
        );
        RuleSeverity::Error
    }

    /// Says which of `over` and `require` (or `forbid`, `permit`) a rule lacks.
    fn missing_rule_clauses(&mut self, name: &Name, clauses: &RuleClauses) {
        if clauses.over.is_none() {
            self.diags.push(
                Diagnostic::new(
                    Code::DeclRuleClause,
                    name.span,
                    crate::tr!("syntax-rule-name-has-no-over", name = name.text),
                )
                .label(crate::tr!("syntax-which-records-does-this-rule"))
                .help(crate::tr!("syntax-add-over-record-e-g")),
            );
        }
        if clauses.body.is_none() {
            self.diags.push(
                Diagnostic::new(
                    Code::DeclRuleClause,
                    name.span,
                    crate::tr!("syntax-rule-name-has-no-require", name = name.text),
                )
                .label(crate::tr!("syntax-this-rule-states-nothing"))
                .help(crate::tr!("syntax-add-require-condition")),
            );
        }
    }

    /// evaluation_decl = { kw_evaluation ~ ident ~ string? ~ lbrace ~ (evaluation_clause | sep)* ~ rbrace }
    pub(super) fn lower_evaluation(&mut self, p: P<'_>) -> Evaluation {
        let span = self.span(&p);
        let mut name = None;
        let mut title = None;
        let mut clauses = EvaluationClauses::default();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::ident => name = Some(self.lower_name(c)),
                Rule::string => title = Some(self.lower_string(c)),
                _ => self.lower_evaluation_clause(c, &mut clauses),
            }
        }
        let name = name.expect("evaluation has a name");
        let EvaluationClauses {
            over,
            per,
            evaluators,
            grades,
            rank_within,
            indicators,
        } = clauses;
        self.missing_evaluation_clauses(
            &name,
            [
                over.is_none(),
                per.is_none(),
                indicators.is_empty(),
                grades.is_none(),
            ],
        );
        let evaluators_span = evaluators.as_ref().map(|e| e.1);
        Evaluation {
            name,
            title,
            over: over.map(|o| o.0),
            per: per.map(|p| p.0).unwrap_or_default(),
            evaluators: evaluators.map(|e| e.0).unwrap_or_default(),
            evaluators_span,
            indicators,
            grades: grades.map(|g| g.0).unwrap_or_default(),
            rank_within: rank_within.map(|r| r.0).unwrap_or_default(),
            span,
        }
    }

    /// evaluation_clause = _{
    ///     over_clause | per_clause | evaluators_clause | indicator_decl | grade_clause | rank_clause
    /// }
    fn lower_evaluation_clause(&mut self, c: P<'_>, clauses: &mut EvaluationClauses) {
        let cspan = self.span(&c);
        let code = Code::DeclEvaluationClause;
        match c.as_rule() {
            Rule::over_clause => {
                let o = self.lower_over(c);
                self.keep_first(&mut clauses.over, o, cspan, code, "over");
            }
            Rule::per_clause => {
                let (k, periods) = self.lower_per(c);
                if let Some(p) = periods {
                    self.periods_in_evaluation(&p);
                }
                self.keep_first(&mut clauses.per, k, cspan, code, "per");
            }
            Rule::evaluators_clause => {
                let props =
                    self.lower_props(c.into_inner().nth(1).expect("evaluators has a block"));
                let list = self.weighted_list(props, "an evaluator's weight", true);
                self.keep_first(&mut clauses.evaluators, list, cspan, code, "evaluators");
            }
            Rule::grade_clause => {
                let props = self.lower_props(c.into_inner().nth(1).expect("grade has a block"));
                let list = self.weighted_list(props, "a grade's lower bound", false);
                self.keep_first(&mut clauses.grades, list, cspan, code, "grade");
            }
            Rule::rank_clause => {
                let (k, _) = self.lower_per(c);
                self.keep_first(&mut clauses.rank_within, k, cspan, code, "rank");
            }
            Rule::indicator_decl => clauses.indicators.push(self.lower_indicator(c)),
            _ => {}
        }
    }

    /// An evaluation is scored per year: plan periods in its `per` clause are reported.
    fn periods_in_evaluation(&mut self, p: &Periods) {
        self.diags.push(
            Diagnostic::new(
                Code::TypePeriod,
                p.span,
                crate::tr!("lower-evaluation-per-year"),
            )
            .label(crate::tr!("lower-plan-periods-are-for-rules"))
            .help(crate::tr!("lower-write-key-here", key = p.key.text)),
        );
    }

    /// Says which of `over`, `per`, `indicator` and `grade` an evaluation lacks.
    fn missing_evaluation_clauses(&mut self, name: &Name, is_missing: [bool; 4]) {
        let clauses = [
            ("over", "over project"),
            ("per", "per supporter, recipient, year"),
            ("indicator", "indicator NAME { … }"),
            ("grade", "grade { A: 90, B: 75, C: 60, D: 0 }"),
        ];
        for ((what, example), missing) in clauses.into_iter().zip(is_missing) {
            if missing {
                self.diags.push(
                    Diagnostic::new(
                        Code::DeclEvaluationClause,
                        name.span,
                        crate::tr!(
                            "syntax-evaluation-name-has-no-what",
                            name = name.text,
                            what = what
                        ),
                    )
                    .label(crate::tr!("syntax-needs-what", what = what))
                    .help(crate::tr!("syntax-add-example", example = example)),
                );
            }
        }
    }

    /// `{ name: 30%, … }` or `{ A: 90, … }`.
    fn weighted_list(
        &mut self,
        props: Vec<Prop>,
        what: &str,
        percent: bool,
    ) -> Vec<(Name, rust_decimal::Decimal)> {
        let mut out: Vec<(Name, rust_decimal::Decimal)> = Vec::new();
        for prop in props {
            if let Some((first, _)) = out.iter().find(|(n, _)| n.text == prop.key.text) {
                self.diags.push(
                    Diagnostic::new(
                        Code::DeclDuplicateProperty,
                        prop.key.span,
                        crate::tr!("syntax-key-given-twice", key = prop.key.text),
                    )
                    .label(crate::tr!("syntax-given-again-here"))
                    .related(first.span, crate::tr!("syntax-first-given-here")),
                );
                continue;
            }
            let value = match &prop.value {
                PropValue::Expr(Expr {
                    kind: ExprKind::Literal(Literal::Percent(v)),
                    ..
                }) if percent => Some(*v),
                PropValue::Expr(Expr {
                    kind: ExprKind::Literal(Literal::Number(v)),
                    ..
                }) if !percent => Some(*v),
                _ => None,
            };
            match value {
                Some(v) => out.push((prop.key, v)),
                None => self.diags.push(
                    Diagnostic::new(
                        Code::DeclPropertyType,
                        prop.value.span(),
                        crate::tr!(
                            "syntax-what-must-like",
                            what = what,
                            like = if percent {
                                crate::tr!("syntax-percent-like")
                            } else {
                                crate::tr!("syntax-number-like")
                            }
                        ),
                    )
                    .label(if percent {
                        crate::tr!("syntax-expected-percent")
                    } else {
                        crate::tr!("syntax-expected-number")
                    }),
                ),
            }
        }
        out
    }

    /// indicator_decl = { kw_indicator ~ ident ~ props }
    fn lower_indicator(&mut self, p: P<'_>) -> Indicator {
        let span = self.span(&p);
        let (name, props) = self.name_and_props(p);
        let mut r = PropReader::new("an indicator", name.span, props, self.diags);
        let v = r.take_required("kind", "social");
        let kind = r.word("kind", v, IndicatorKind::parse, IndicatorKind::spellings());
        let v = r.take_required("weight", "20%");
        let weight = r.number("weight", v, true);
        let target = match r.take_required("target", ">= 80%") {
            Some(PropValue::Target(cmp, e)) if matches!(cmp, Cmp::Ge | Cmp::Le) => Some((cmp, e)),
            Some(other) => {
                let span = other.span();
                r.finish_wrong_target(span);
                None
            }
            None => None,
        };
        let v = r.take_required("value", "sum(spent) / sum(planned)");
        let value = r.expr("value", v);
        r.finish(&["kind", "weight", "target", "value"]);
        Indicator {
            name,
            kind,
            weight,
            target,
            value,
            span,
        }
    }
}
