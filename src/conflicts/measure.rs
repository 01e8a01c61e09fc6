//! Conditions as bounds on measures: `sum(a where c) / sum(a) >= 80%` is the measure
//! `sum(a where c) / sum(a)` bounded below by 0.8, `spent > planned * 110%` the measure
//! `spent / planned` above 1.1, `spent <= planned` the same measure at most 1 — so two
//! documents' thresholds on one measure can be compared.

use super::canon::canon;
use crate::ast::{BinOp, Cmp, Expr, ExprKind, Literal, RuleKind, UnOp};
use rust_decimal::Decimal;

/// `measure op value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub measure: String,
    pub op: Cmp,
    pub value: Decimal,
}

/// The value of a numeric literal (or its negation).
pub fn constant(e: &Expr) -> Option<Decimal> {
    match &e.kind {
        ExprKind::Literal(Literal::Number(d) | Literal::Percent(d) | Literal::Money(d)) => Some(*d),
        ExprKind::Unary(UnOp::Neg, x) => constant(x).map(|d| -d),
        _ => None,
    }
}

pub fn flip(c: Cmp) -> Cmp {
    match c {
        Cmp::Lt => Cmp::Gt,
        Cmp::Le => Cmp::Ge,
        Cmp::Gt => Cmp::Lt,
        Cmp::Ge => Cmp::Le,
        c => c,
    }
}

pub fn negate(c: Cmp) -> Cmp {
    match c {
        Cmp::Lt => Cmp::Ge,
        Cmp::Le => Cmp::Gt,
        Cmp::Gt => Cmp::Le,
        Cmp::Ge => Cmp::Lt,
        Cmp::Eq => Cmp::Ne,
        Cmp::Ne => Cmp::Eq,
    }
}

/// `x op y * k` as `x / y op k`; `x op k` as is.
fn bound(l: &Expr, op: Cmp, r: &Expr) -> Option<Bound> {
    if let Some(k) = constant(r) {
        return Some(Bound {
            measure: canon(l),
            op,
            value: k,
        });
    }
    if let Some(k) = constant(l) {
        return Some(Bound {
            measure: canon(r),
            op: flip(op),
            value: k,
        });
    }
    fn scaled(e: &Expr) -> Option<(&Expr, Decimal)> {
        match &e.kind {
            ExprKind::Binary(BinOp::Mul, a, b) => match (constant(a), constant(b)) {
                (Some(k), None) => Some((b.as_ref(), k)),
                (None, Some(k)) => Some((a.as_ref(), k)),
                _ => None,
            },
            _ => None,
        }
    }
    if let Some((y, k)) = scaled(r) {
        return Some(Bound {
            measure: ratio(l, y),
            op,
            value: k,
        });
    }
    if let Some((y, k)) = scaled(l) {
        return Some(Bound {
            measure: ratio(r, y),
            op: flip(op),
            value: k,
        });
    }
    // `spent <= planned` is `spent / planned <= 100%`: the same measure as the ratio form.
    Some(Bound {
        measure: ratio(l, r),
        op,
        value: Decimal::ONE,
    })
}

/// The measure `x / y`, written as the ratio itself would be (`spent / planned`). Amounts are
/// taken to be positive, as money and counts are: dividing by one keeps the comparison's sense.
fn ratio(x: &Expr, y: &Expr) -> String {
    canon(&Expr {
        kind: ExprKind::Binary(BinOp::Div, Box::new(x.clone()), Box::new(y.clone())),
        span: x.span,
    })
}

/// The bounds of a conjunction of comparisons; `None` when it is anything else.
pub fn conjunction(e: &Expr) -> Option<Vec<Bound>> {
    match &e.kind {
        ExprKind::Binary(BinOp::And, l, r) => {
            let mut v = conjunction(l)?;
            v.extend(conjunction(r)?);
            Some(v)
        }
        ExprKind::Binary(BinOp::Cmp(op), l, r) => Some(vec![bound(l, *op, r)?]),
        _ => None,
    }
}

/// What a compliant record or group satisfies: a `require`'s bounds, or the negation of a
/// `forbid` of one comparison.
pub fn requirement(kind: RuleKind, cond: &Expr) -> Option<Vec<Bound>> {
    match kind {
        RuleKind::Require => conjunction(cond),
        RuleKind::Forbid => match conjunction(cond)?.as_slice() {
            [b] => Some(vec![Bound {
                op: negate(b.op),
                ..b.clone()
            }]),
            _ => None,
        },
        RuleKind::Permit => None,
    }
}

/// Whether some value of each measure satisfies all its bounds.
pub fn feasible(bounds: &[Bound]) -> bool {
    let mut measures: Vec<&str> = bounds.iter().map(|b| b.measure.as_str()).collect();
    measures.sort_unstable();
    measures.dedup();
    measures.iter().all(|m| {
        let on: Vec<&Bound> = bounds.iter().filter(|b| b.measure == *m).collect();
        let mut lo: Option<(Decimal, bool)> = None;
        let mut hi: Option<(Decimal, bool)> = None;
        let mut eq: Option<Decimal> = None;
        let mut ne: Vec<Decimal> = Vec::new();
        for b in &on {
            match b.op {
                Cmp::Gt | Cmp::Ge => {
                    let inc = b.op == Cmp::Ge;
                    if lo.is_none_or(|(v, i)| b.value > v || (b.value == v && i && !inc)) {
                        lo = Some((b.value, inc));
                    }
                }
                Cmp::Lt | Cmp::Le => {
                    let inc = b.op == Cmp::Le;
                    if hi.is_none_or(|(v, i)| b.value < v || (b.value == v && i && !inc)) {
                        hi = Some((b.value, inc));
                    }
                }
                Cmp::Eq => {
                    if eq.is_some_and(|e| e != b.value) {
                        return false;
                    }
                    eq = Some(b.value);
                }
                Cmp::Ne => ne.push(b.value),
            }
        }
        let inside = |v: Decimal| {
            lo.is_none_or(|(b, i)| v > b || (i && v == b))
                && hi.is_none_or(|(b, i)| v < b || (i && v == b))
                && !ne.contains(&v)
        };
        match eq {
            Some(v) => inside(v),
            None => match (lo, hi) {
                (Some((a, ai)), Some((b, bi))) => a < b || (a == b && ai && bi && !ne.contains(&a)),
                _ => true,
            },
        }
    })
}

/// `>= 80%` for reports.
pub fn show(b: &Bound, percent: bool) -> String {
    let op = b.op.as_str();
    if percent {
        format!("{op} {}%", crate::exact::percent_text(b.value))
    } else {
        format!("{op} {}", b.value.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    /// The bounds of the conditions of the rules of a small rule set.
    fn bounds(conditions: &[&str]) -> Vec<Vec<Bound>> {
        let rules: String = conditions
            .iter()
            .enumerate()
            .map(|(i, c)| format!("rule r{i} {{ over p require {c} }}\n"))
            .collect();
        let text = format!(
            "record p {{ id: text key, spent: money(万元), planned: money(万元) }}\n{rules}"
        );
        let set = RuleSet::from_sources(vec![("a.dk".into(), text)]);
        assert!(!set.has_errors(), "{:?}", set.diagnostics());
        set.symbols()
            .rules
            .values()
            .map(|r| conjunction(r.item.condition.as_ref().expect("a condition")).expect("bounds"))
            .collect()
    }

    #[test]
    fn a_comparison_of_two_amounts_is_their_ratio() {
        let b = bounds(&[
            "spent <= planned",
            "spent / planned >= 105%",
            "spent > planned * 110%",
        ]);
        assert_eq!(b[0][0].measure, "spent / planned");
        assert_eq!(b[0][0].value, Decimal::ONE);
        assert_eq!(b[1][0].measure, b[0][0].measure);
        assert_eq!(b[2][0].measure, b[0][0].measure);
        assert!(!feasible(&[b[0].clone(), b[1].clone()].concat()));
    }

    #[test]
    fn ranges_are_exact_at_their_ends() {
        let b = bounds(&[
            "spent > planned and spent <= planned * 110%",
            "spent > planned * 110% and spent <= planned * 120%",
            "spent >= planned * 110% and spent <= planned * 120%",
        ]);
        assert!(!feasible(&[b[0].clone(), b[1].clone()].concat()));
        assert!(feasible(&[b[0].clone(), b[2].clone()].concat()));
    }
}
