//! Shares compared with impossible numbers: `sum(x where c) / sum(x) >= 74` was meant as 74%.

use crate::ast::{BinOp, Cmp, Expr, ExprKind, Literal};
use crate::diagnostic::{Code, Diagnostic};
use crate::symbols::Symbols;
use rust_decimal::Decimal;

/// Whether `e` is a share, at most 1: `sum(x where c) / sum(x)` or `count(where c) / count()`.
pub fn is_share(e: &Expr) -> bool {
    let ExprKind::Binary(BinOp::Div, l, r) = &e.kind else {
        return false;
    };
    match (&l.kind, &r.kind) {
        (
            ExprKind::Call {
                function: f1,
                args: a1,
                filter: w1,
                at: None,
                cumulative: c1,
            },
            ExprKind::Call {
                function: f2,
                args: a2,
                filter: None,
                at: None,
                cumulative: c2,
            },
        ) => {
            c1 == c2
                && f1.text == f2.text
                && w1.is_some()
                && (f1.text == "count" || (f1.text == "sum" && a1 == a2))
        }
        _ => false,
    }
}

fn walk(e: &Expr, diags: &mut Vec<Diagnostic>) {
    match &e.kind {
        ExprKind::Binary(BinOp::Cmp(op), l, r) => {
            if let (true, ExprKind::Literal(Literal::Number(n))) = (is_share(l), &r.kind)
                && *n > Decimal::ONE
                && matches!(op, Cmp::Ge | Cmp::Gt | Cmp::Eq)
            {
                diags.push(
                    Diagnostic::new(
                        Code::DeclUnattainable,
                        r.span,
                        crate::tr!(
                            "decl-share-at-most-so-op",
                            op = op.as_str(),
                            n = n.normalize()
                        ),
                    )
                    .label(crate::tr!("decl-share-compared-with-number-above"))
                    .help(crate::tr!("decl-write-n", n = n.normalize())),
                );
            }
        }
        ExprKind::Binary(_, l, r) => {
            walk(l, diags);
            walk(r, diags);
        }
        ExprKind::Unary(_, x) => walk(x, diags),
        _ => {}
    }
}

/// Every rule whose condition compares a share with a number above 1.
pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for r in s.rules.values() {
        if let Some(c) = &r.item.condition {
            walk(c, diags);
        }
    }
}
