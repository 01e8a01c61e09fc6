//! What a rule looks at, as constraints on fields: equalities, `in` lists, exclusions, numeric
//! and year ranges, `within`, and actor properties. Two scopes are disjoint when some field can
//! take no value both allow.

use super::measure::{constant as number_of, flip};
use crate::ast::{self, BinOp, Cmp, Expr, ExprKind, Literal, UnOp};
use crate::symbols::Symbols;
use rust_decimal::Decimal;

/// One understood conjunct of a `where`.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// `field == value` (or `field.prop == value` when `prop` is set).
    Is {
        field: String,
        prop: Option<String>,
        values: Vec<String>,
        negated: bool,
    },
    /// `field < n` and the like, on numbers, money and years.
    Range {
        field: String,
        op: Cmp,
        value: Decimal,
    },
    /// `field within actor`.
    Within { field: String, actor: String },
}

/// The constraints of a `where`, and whether every conjunct was understood.
#[derive(Debug, Clone, Default)]
pub struct Constraints {
    pub atoms: Vec<Atom>,
    pub complete: bool,
}

fn field_of(e: &Expr, record: &ast::Record) -> Option<(String, Option<String>)> {
    match &e.kind {
        ExprKind::Name(n) if record.fields.iter().any(|f| f.name.text == n.text) => {
            Some((n.text.clone(), None))
        }
        ExprKind::Member(b, p) => match &b.kind {
            ExprKind::Name(n) if record.fields.iter().any(|f| f.name.text == n.text) => {
                Some((n.text.clone(), Some(p.text.clone())))
            }
            _ => None,
        },
        _ => None,
    }
}

fn value_of(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.text.clone()),
        ExprKind::Literal(Literal::Text(t)) => Some(t.clone()),
        ExprKind::Literal(Literal::Bool(b)) => Some(b.to_string()),
        ExprKind::Literal(Literal::Number(d)) => Some(d.normalize().to_string()),
        _ => None,
    }
}

/// The constraints a `where` puts on `record`'s fields.
pub fn constraints(filter: Option<&Expr>, record: &ast::Record) -> Constraints {
    let mut c = Constraints {
        atoms: Vec::new(),
        complete: true,
    };
    if let Some(f) = filter {
        conjunct(f, record, false, &mut c);
    }
    c
}

fn conjunct(e: &Expr, record: &ast::Record, negated: bool, c: &mut Constraints) {
    match &e.kind {
        ExprKind::Binary(BinOp::And, l, r) if !negated => {
            conjunct(l, record, false, c);
            conjunct(r, record, false, c);
        }
        ExprKind::Unary(UnOp::Not, x) => conjunct(x, record, !negated, c),
        ExprKind::Binary(BinOp::Cmp(op @ (Cmp::Eq | Cmp::Ne)), l, r) => {
            let (fl, fr) = (field_of(l, record), field_of(r, record));
            let (field, value) = match (fl, fr) {
                (Some(f), None) => (f, value_of(r)),
                (None, Some(f)) => (f, value_of(l)),
                _ => (("".into(), None), None),
            };
            match value {
                Some(v) if !field.0.is_empty() => c.atoms.push(Atom::Is {
                    field: field.0,
                    prop: field.1,
                    values: vec![v],
                    negated: negated != (*op == Cmp::Ne),
                }),
                _ => c.complete = false,
            }
        }
        ExprKind::Binary(BinOp::Cmp(op), l, r) if !negated => {
            match (
                field_of(l, record),
                number_of(r),
                field_of(r, record),
                number_of(l),
            ) {
                (Some((f, None)), Some(v), _, _) => c.atoms.push(Atom::Range {
                    field: f,
                    op: *op,
                    value: v,
                }),
                (_, _, Some((f, None)), Some(v)) => c.atoms.push(Atom::Range {
                    field: f,
                    op: flip(*op),
                    value: v,
                }),
                _ => c.complete = false,
            }
        }
        ExprKind::Binary(BinOp::In, l, r) => match (field_of(l, record), &r.kind) {
            (Some((f, prop)), ExprKind::List(items)) => {
                let values: Option<Vec<String>> = items.iter().map(value_of).collect();
                match values {
                    Some(values) => c.atoms.push(Atom::Is {
                        field: f,
                        prop,
                        values,
                        negated,
                    }),
                    None => c.complete = false,
                }
            }
            _ => c.complete = false,
        },
        ExprKind::Binary(BinOp::Within, l, r) if !negated => {
            match (field_of(l, record), value_of(r)) {
                (Some((f, None)), Some(a)) => c.atoms.push(Atom::Within { field: f, actor: a }),
                _ => c.complete = false,
            }
        }
        ExprKind::Name(_) | ExprKind::Member(..) => match field_of(e, record) {
            Some((f, prop)) => c.atoms.push(Atom::Is {
                field: f,
                prop,
                values: vec![(!negated).to_string()],
                negated: false,
            }),
            None => c.complete = false,
        },
        ExprKind::Literal(Literal::Bool(b)) if *b != negated => {}
        _ => c.complete = false,
    }
}

/// The actors (or programs) a field may hold under `atoms`, from all declared ones.
fn names_allowed<'s>(
    symbols: &'s Symbols,
    field: &str,
    atoms: &[&Atom],
    programs: bool,
) -> Vec<&'s str> {
    let all: Vec<&str> = if programs {
        symbols.programs.keys().map(String::as_str).collect()
    } else {
        symbols.actors.keys().map(String::as_str).collect()
    };
    all.into_iter()
        .filter(|name| {
            atoms.iter().all(|a| match a {
                Atom::Is {
                    field: f,
                    prop,
                    values,
                    negated,
                } if f == field => {
                    let actual: Option<String> = match prop.as_deref() {
                        None => Some((*name).to_string()),
                        Some(p) => symbols.actors.get(*name).and_then(|a| match p {
                            "level" => a.level.map(|l| l.as_str().to_string()),
                            "kind" => a.kind.map(|k| k.as_str().to_string()),
                            "region" => a.region.as_ref().map(|r| r.text.clone()),
                            "of" => a.of.as_ref().map(|r| r.text.clone()),
                            _ => None,
                        }),
                    };
                    // `county` and `县级` are the same level.
                    let canonical = |w: &String| match prop.as_deref() {
                        Some("level") => crate::ast::Level::parse(w)
                            .map_or_else(|| w.clone(), |l| l.as_str().to_string()),
                        Some("kind") => crate::ast::ActorKind::parse(w)
                            .map_or_else(|| w.clone(), |k| k.as_str().to_string()),
                        _ => w.clone(),
                    };
                    let hit = actual.is_some_and(|v| values.iter().any(|w| canonical(w) == v));
                    hit != *negated
                }
                Atom::Within { field: f, actor } if f == field => symbols.within(name, actor),
                _ => true,
            })
        })
        .collect()
}

/// Whether some value of a numeric field satisfies every range and equality.
fn number_feasible(field: &str, atoms: &[&Atom]) -> bool {
    let mut lo: Option<(Decimal, bool)> = None; // (bound, inclusive)
    let mut hi: Option<(Decimal, bool)> = None;
    let mut eqs: Vec<Decimal> = Vec::new();
    for a in atoms {
        match a {
            Atom::Range {
                field: f,
                op,
                value,
            } if f == field => match op {
                Cmp::Gt | Cmp::Ge => {
                    let inc = *op == Cmp::Ge;
                    if lo.is_none_or(|(b, i)| *value > b || (*value == b && !inc && i)) {
                        lo = Some((*value, inc));
                    }
                }
                Cmp::Lt | Cmp::Le => {
                    let inc = *op == Cmp::Le;
                    if hi.is_none_or(|(b, i)| *value < b || (*value == b && !inc && i)) {
                        hi = Some((*value, inc));
                    }
                }
                Cmp::Eq => eqs.push(*value),
                Cmp::Ne => {}
            },
            Atom::Is {
                field: f,
                prop: None,
                values,
                negated: false,
            } if f == field => {
                if let Some(d) = values.iter().find_map(|v| v.parse::<Decimal>().ok()) {
                    eqs.push(d);
                }
            }
            _ => {}
        }
    }
    let inside = |v: Decimal| {
        lo.is_none_or(|(b, i)| v > b || (i && v == b))
            && hi.is_none_or(|(b, i)| v < b || (i && v == b))
    };
    if let Some(first) = eqs.first() {
        return eqs.iter().all(|e| e == first) && inside(*first);
    }
    match (lo, hi) {
        (Some((a, ai)), Some((b, bi))) => a < b || (a == b && ai && bi),
        _ => true,
    }
}

/// Whether two scopes over `record` can hold together (`false`: proven disjoint).
pub fn can_overlap(
    symbols: &Symbols,
    record: &ast::Record,
    a: &Constraints,
    b: &Constraints,
) -> bool {
    let atoms: Vec<&Atom> = a.atoms.iter().chain(&b.atoms).collect();
    for f in &record.fields {
        let name = f.name.text.as_str();
        let on: Vec<&Atom> = atoms
            .iter()
            .copied()
            .filter(|x| match x {
                Atom::Is { field, .. } | Atom::Range { field, .. } | Atom::Within { field, .. } => {
                    field == name
                }
            })
            .collect();
        if on.is_empty() {
            continue;
        }
        let feasible = match f.ty {
            ast::Type::Actor => !names_allowed(symbols, name, &on, false).is_empty(),
            ast::Type::Program => !names_allowed(symbols, name, &on, true).is_empty(),
            ast::Type::Int
            | ast::Type::Decimal
            | ast::Type::Percent
            | ast::Type::Money(_)
            | ast::Type::Year => number_feasible(name, &on),
            _ => text_feasible(&on),
        };
        if !feasible {
            return false;
        }
    }
    true
}

/// Equalities and exclusions on a text or bool field.
fn text_feasible(atoms: &[&Atom]) -> bool {
    let mut allowed: Option<Vec<&String>> = None;
    let mut excluded: Vec<&String> = Vec::new();
    for a in atoms {
        if let Atom::Is {
            values,
            negated,
            prop: None,
            ..
        } = a
        {
            if *negated {
                excluded.extend(values);
            } else {
                let set: Vec<&String> = values.iter().collect();
                allowed = Some(match allowed {
                    None => set,
                    Some(prev) => prev.into_iter().filter(|v| set.contains(v)).collect(),
                });
            }
        }
    }
    match allowed {
        Some(set) => set.iter().any(|v| !excluded.contains(v)),
        None => true,
    }
}

/// A value for each constrained actor or program field, allowed by both scopes (for witnesses).
pub fn pick(
    symbols: &Symbols,
    record: &ast::Record,
    a: &Constraints,
    b: &Constraints,
) -> Vec<(String, String)> {
    let atoms: Vec<&Atom> = a.atoms.iter().chain(&b.atoms).collect();
    let mut out = Vec::new();
    for f in &record.fields {
        let name = f.name.text.as_str();
        let on: Vec<&Atom> = atoms
            .iter()
            .copied()
            .filter(|x| matches!(x, Atom::Is { field, .. } | Atom::Within { field, .. } if field == name))
            .collect();
        let choice = match f.ty {
            ast::Type::Actor if !on.is_empty() => names_allowed(symbols, name, &on, false)
                .first()
                .map(|s| s.to_string()),
            ast::Type::Program if !on.is_empty() => names_allowed(symbols, name, &on, true)
                .first()
                .map(|s| s.to_string()),
            ast::Type::Text | ast::Type::Bool => on.iter().find_map(|x| match x {
                Atom::Is {
                    values,
                    negated: false,
                    prop: None,
                    ..
                } => values.first().cloned(),
                _ => None,
            }),
            _ => None,
        };
        if let Some(v) = choice {
            out.push((name.to_string(), v));
        }
    }
    out
}

/// Whether a record in both scopes can lie within both territories `ta` and `tb` (a record lies
/// within a territory when one of its actor fields names an actor within it): one field within
/// both, or one field within each. A record type without actor fields is not placed anywhere.
pub fn territories_meet(
    symbols: &Symbols,
    record: &ast::Record,
    (a, b): (&Constraints, &Constraints),
    (ta, tb): (&str, &str),
) -> bool {
    let atoms: Vec<&Atom> = a.atoms.iter().chain(&b.atoms).collect();
    let reach: Vec<(bool, bool, bool)> = record
        .fields
        .iter()
        .filter(|f| f.ty == ast::Type::Actor)
        .map(|f| {
            let allowed = names_allowed(symbols, &f.name.text, &atoms, false);
            let (in_a, in_b) = (
                |x: &&str| symbols.within(x, ta),
                |x: &&str| symbols.within(x, tb),
            );
            (
                allowed.iter().any(in_a),
                allowed.iter().any(in_b),
                allowed.iter().any(|x| in_a(x) && in_b(x)),
            )
        })
        .collect();
    if reach.is_empty() {
        return true;
    }
    reach.iter().any(|r| r.2)
        || reach
            .iter()
            .enumerate()
            .any(|(i, r)| r.0 && reach.iter().enumerate().any(|(j, q)| i != j && q.1))
}
