//! Lowering of expressions and literals, with one Pratt parser for every infix operator.

use super::literal;
use super::lower::{Lowerer, P};
use super::parser::Rule;
use super::prescan::MAX_NESTING;
use crate::ast::{BinOp, Cmp, Expr, ExprKind, Literal, MoneyUnit, Offset, UnOp};
use crate::diagnostic::{Code, Diagnostic};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

fn nesting_message() -> String {
    crate::tr!(
        "syntax-nesting-deeper-than-max-nesting",
        MAX_NESTING = MAX_NESTING
    )
}

/// The deepest expression tree accepted: flat chains (`a + b + …`) are this deep as trees.
pub const MAX_EXPRESSION_DEPTH: usize = 1024;

/// The depth of an expression tree, computed without recursion.
fn tree_depth(e: &Expr) -> usize {
    if matches!(e.kind, ExprKind::Literal(_) | ExprKind::Name(_)) {
        return 1;
    }
    let mut deepest = 0;
    let mut stack = vec![(e, 1usize)];
    while let Some((e, d)) = stack.pop() {
        deepest = deepest.max(d);
        match &e.kind {
            ExprKind::Literal(_) | ExprKind::Name(_) => {}
            ExprKind::List(xs) => stack.extend(xs.iter().map(|x| (x, d + 1))),
            ExprKind::Member(x, _) | ExprKind::Unary(_, x) => stack.push((x, d + 1)),
            ExprKind::Binary(_, l, r) => stack.extend([(&**l, d + 1), (&**r, d + 1)]),
            ExprKind::If(c, t, f) => stack.extend([(&**c, d + 1), (&**t, d + 1), (&**f, d + 1)]),
            ExprKind::Call { args, filter, .. } => {
                stack.extend(args.iter().map(|x| (x, d + 1)));
                stack.extend(filter.iter().map(|x| (&**x, d + 1)));
            }
        }
    }
    deepest
}

/// Precedence, low to high: `or`, `and`, `not`, comparisons/`in`/`within`, `+ -`, `* /`,
/// unary `-`, postfix `.`.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or, Assoc::Left))
        .op(Op::infix(Rule::and, Assoc::Left))
        .op(Op::prefix(Rule::not))
        .op(Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::in_op, Assoc::Left)
            | Op::infix(Rule::within, Assoc::Left))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg))
        .op(Op::postfix(Rule::member) | Op::postfix(Rule::offset))
});

/// The operator of an infix rule.
fn binary_op(rule: Rule) -> BinOp {
    match rule {
        Rule::or => BinOp::Or,
        Rule::and => BinOp::And,
        Rule::eq => BinOp::Cmp(Cmp::Eq),
        Rule::ne => BinOp::Cmp(Cmp::Ne),
        Rule::le => BinOp::Cmp(Cmp::Le),
        Rule::ge => BinOp::Cmp(Cmp::Ge),
        Rule::lt => BinOp::Cmp(Cmp::Lt),
        Rule::gt => BinOp::Cmp(Cmp::Gt),
        Rule::in_op => BinOp::In,
        Rule::within => BinOp::Within,
        Rule::add => BinOp::Add,
        Rule::sub => BinOp::Sub,
        Rule::mul => BinOp::Mul,
        Rule::div => BinOp::Div,
        r => unreachable!("infix: {r:?}"),
    }
}

impl Lowerer<'_> {
    /// expr = { prefix* ~ primary ~ postfix* ~ (infix ~ prefix* ~ primary ~ postfix*)* }
    pub fn lower_expr(&mut self, pair: P<'_>) -> Expr {
        let span = self.span(&pair);
        // A long run of prefix operators would recurse once each in the Pratt parser.
        let (mut run, mut children) = (0usize, 0usize);
        for p in pair.clone().into_inner() {
            children += 1;
            if matches!(p.as_rule(), Rule::neg | Rule::not) {
                run += 1;
                if run > MAX_NESTING {
                    return self.too_deep(
                        self.span(&p),
                        nesting_message(),
                        crate::tr!("syntax-too-deep-here"),
                        crate::tr!("syntax-split-expression-named-rules"),
                    );
                }
            } else {
                run = 0;
            }
        }
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            return self.too_deep(
                span,
                nesting_message(),
                crate::tr!("syntax-too-deep-here"),
                crate::tr!("syntax-split-expression-named-rules"),
            );
        }
        let mut inner = pair.into_inner();
        let expr = match inner.next() {
            // A lone operand, the commonest expression by far, needs no operator parsing.
            Some(only) if children == 1 => self.lower_primary(only),
            first => self.lower_operators(first.into_iter().chain(inner)),
        };
        self.depth -= 1;
        // A long chain `a + a + …` is flat to read but deep as a tree; later stages recurse on it.
        if self.depth == 0 && tree_depth(&expr) > MAX_EXPRESSION_DEPTH {
            let message = crate::tr!(
                "syntax-expression-deeper-than-max-expression",
                MAX_EXPRESSION_DEPTH = MAX_EXPRESSION_DEPTH
            );
            return self.too_deep(
                expr.span,
                message,
                crate::tr!("syntax-too-long-chain"),
                crate::tr!("syntax-split-expression-or-aggregate"),
            );
        }
        expr
    }

    /// The operands and operators of an expression, put together by precedence.
    fn lower_operators<'i>(&mut self, pairs: impl Iterator<Item = P<'i>>) -> Expr {
        let this = std::cell::RefCell::new(&mut *self);
        PRATT
            .map_primary(|p| this.borrow_mut().lower_primary(p))
            .map_prefix(|op, rhs| {
                let span = this.borrow().span(&op).to(rhs.span);
                let op = if op.as_rule() == Rule::neg {
                    UnOp::Neg
                } else {
                    UnOp::Not
                };
                Expr {
                    kind: ExprKind::Unary(op, Box::new(rhs)),
                    span,
                }
            })
            .map_postfix(|lhs, op| {
                let mut me = this.borrow_mut();
                if op.as_rule() == Rule::offset {
                    return me.attach_offset(lhs, op);
                }
                let word = me.only_child(op);
                let name = me.lower_name(word);
                let span = lhs.span.to(name.span);
                Expr {
                    kind: ExprKind::Member(Box::new(lhs), name),
                    span,
                }
            })
            .map_infix(|lhs, op, rhs| {
                let op = binary_op(op.as_rule());
                let span = lhs.span.to(rhs.span);
                Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            })
            .parse(pairs)
    }

    /// Reports a `duikou::parse::nesting` error (once per file) and gives up on the file.
    fn too_deep(
        &mut self,
        span: crate::source::Span,
        message: String,
        label: String,
        help: String,
    ) -> Expr {
        if !self.fatal {
            self.diags.push(
                Diagnostic::new(Code::ParseNesting, span, message)
                    .label(label)
                    .help(help),
            );
        }
        self.fatal = true;
        Expr {
            kind: ExprKind::Literal(Literal::Bool(false)),
            span,
        }
    }

    /// primary = { paren | list | if_expr | call | literal | expr_name }
    fn lower_primary(&mut self, p: P<'_>) -> Expr {
        let span = self.span(&p);
        let kind = match p.as_rule() {
            // The brackets belong to the expression's text, so an expression ending in one
            // prints whole.
            Rule::paren => {
                let mut inner = self.lower_expr(self.only_child(p));
                inner.span = span;
                return inner;
            }
            Rule::list => ExprKind::List(p.into_inner().map(|e| self.lower_expr(e)).collect()),
            Rule::if_expr => {
                let mut it = p.into_inner().filter(|c| c.as_rule() == Rule::expr);
                let mut next = || it.next().expect("if_expr has three expressions");
                let (c, t, e) = (next(), next(), next());
                ExprKind::If(
                    Box::new(self.lower_expr(c)),
                    Box::new(self.lower_expr(t)),
                    Box::new(self.lower_expr(e)),
                )
            }
            Rule::call => {
                let mut it = p.into_inner().peekable();
                let cumulative = it.next_if(|c| c.as_rule() == Rule::cumulative).is_some();
                let function = self.lower_name(it.next().expect("call has a name"));
                let mut args = Vec::new();
                let mut filter = None;
                for a in it.next().expect("call has arguments").into_inner() {
                    match a.as_rule() {
                        Rule::expr => args.push(self.lower_expr(a)),
                        Rule::filter => {
                            filter = Some(Box::new(self.lower_expr(self.expr_child(a))))
                        }
                        r => unreachable!("call_args: {r:?}"),
                    }
                }
                ExprKind::Call {
                    function,
                    args,
                    filter,
                    at: None,
                    cumulative,
                }
            }
            Rule::expr_name => ExprKind::Name(self.lower_name(p)),
            _ => ExprKind::Literal(self.lower_literal(p)),
        };
        Expr { kind, span }
    }

    /// An offset written after `lhs`: it belongs to an aggregate call.
    fn attach_offset(&mut self, mut lhs: Expr, op: P<'_>) -> Expr {
        let Some(offset) = self.lower_offset(op) else {
            return lhs;
        };
        let span = lhs.span.to(offset.span);
        match &mut lhs.kind {
            ExprKind::Call { at: at @ None, .. } => {
                *at = Some(Box::new(offset));
                lhs.span = span;
            }
            _ => self.diags.push(
                Diagnostic::new(
                    Code::TypeOffset,
                    offset.span,
                    crate::tr!("syntax-only-aggregate-can-taken-over"),
                )
                .label(crate::tr!("syntax-not-after-aggregate"))
                .help(crate::tr!("syntax-write-right-after-aggregate-sum")),
            ),
        }
        lhs
    }

    /// offset = { kw_at ~ word ~ ("-" | "－") ~ year | last_year }
    fn lower_offset(&mut self, p: P<'_>) -> Option<Offset> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let first = it.next().expect("offset has a part");
        if first.as_rule() == Rule::last_year {
            return Some(Offset {
                key: None,
                back: 1,
                span,
            });
        }
        let key = self.lower_name(it.next().expect("offset names a key"));
        let n = it.next().expect("offset has a count");
        match super::literal::ascii_digits(n.as_str()).parse::<u32>() {
            Ok(back) if (1..=999).contains(&back) => Some(Offset {
                key: Some(key),
                back,
                span,
            }),
            _ => {
                self.diags.push(
                    Diagnostic::new(
                        Code::ParseLiteral,
                        self.span(&n),
                        crate::tr!("syntax-n-not-number-periods-back", n = n.as_str()),
                    )
                    .label(crate::tr!("syntax-expected"))
                    .help(crate::tr!("syntax-write-at-year-for-previous")),
                );
                None
            }
        }
    }

    /// literal = { date | money | percent | number | string | boolean }
    pub fn lower_literal(&mut self, p: P<'_>) -> Literal {
        let span = self.span(&p);
        let bad = |this: &mut Self, what: String| {
            this.diags.push(
                Diagnostic::new(Code::ParseLiteral, span, what)
                    .label(crate::tr!("syntax-not-valid-value"))
                    .help(crate::tr!("syntax-numbers-may-have-at-most")),
            );
            Literal::Number(Default::default())
        };
        match p.as_rule() {
            Rule::date => match literal::date(p.as_str()) {
                Some(d) => Literal::Date(d),
                None => {
                    self.diags.push(
                        Diagnostic::new(
                            Code::ParseLiteral,
                            span,
                            crate::tr!("syntax-p-not-date", p = p.as_str()),
                        )
                        .label(crate::tr!("syntax-no-such-day"))
                        .help(crate::tr!("syntax-write-dates-as-yyyy-mm")),
                    );
                    Literal::Date(Default::default())
                }
            },
            Rule::number => match literal::number(p.as_str()) {
                Some(n) => Literal::Number(n),
                None => bad(
                    self,
                    crate::tr!("syntax-number-p-too-large", p = p.as_str()),
                ),
            },
            Rule::percent => {
                let n = self.only_child(p.clone());
                match literal::percent(n.as_str()) {
                    Some(v) => Literal::Percent(v),
                    None => bad(
                        self,
                        crate::tr!("syntax-percent-p-too-large", p = p.as_str()),
                    ),
                }
            }
            Rule::money => {
                let mut it = p.clone().into_inner();
                let n = it.next().expect("money has a number");
                let unit = MoneyUnit::parse(it.next().expect("money has a unit").as_str())
                    .expect("grammar units");
                match literal::money(n.as_str(), unit) {
                    Some(v) => Literal::Money(v),
                    None => bad(
                        self,
                        crate::tr!("syntax-amount-p-too-large", p = p.as_str()),
                    ),
                }
            }
            Rule::string => Literal::Text(self.lower_string(p)),
            Rule::boolean => Literal::Bool(matches!(self.only_child(p).as_rule(), Rule::kw_true)),
            r => unreachable!("literal: {r:?}"),
        }
    }

    /// string = ${ "\"" ~ string_inner ~ "\"" }
    pub fn lower_string(&mut self, p: P<'_>) -> String {
        let inner = self.only_child(p);
        let start = self.base + inner.as_span().start();
        match literal::unescape(inner.as_str()) {
            Ok(s) => s,
            Err((range, what)) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::ParseLiteral,
                        crate::source::Span::new(self.file, start + range.start, start + range.end),
                        what,
                    )
                    .label(crate::tr!("syntax-bad-escape"))
                    .help(crate::tr!("syntax-escapes-are-n-t-u")),
                );
                String::new()
            }
        }
    }
}
