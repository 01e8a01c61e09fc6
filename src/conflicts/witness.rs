//! Witnesses: a concrete record to which both provisions apply (and, for a permit against a
//! prohibition, which both describe), found by trying values and evaluating the real rules;
//! printed as a ready-to-paste `test` block.

use super::Prepared;
use super::scope::pick;
use crate::ast::{self, RuleKind, Type};
use crate::data::cells::{OwnedCell, RowCells};
use crate::data::row::{Row, validate};
use crate::data::value::Value;
use crate::engine::compile::Plan;
use crate::engine::env::{RowEnv, in_force, year_of};
use crate::engine::eval::Evaluator;
use crate::engine::world::DocumentPeriods;
use crate::ids::DocumentId;
use crate::symbols::Symbols;
use chrono::Datelike;

/// A record both provisions apply to.
#[derive(Debug, Clone)]
pub struct Witness {
    pub record: String,
    pub fields: Vec<(String, String)>,
    /// Both provisions were evaluated and apply (otherwise the overlap is only possible).
    pub certain: bool,
}

impl Witness {
    /// The `test` block.
    pub fn test_block(&self, code: &str, a: &str, b: &str, note: &str) -> String {
        let row: Vec<String> = self
            .fields
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        format!(
            "test \"{code}: {a} / {b}\" {{\n  data {} [\n    {{ {} }},\n  ]\n  // {note}\n  expect conflict {code} [{}, {}]\n}}",
            self.record,
            row.join(", "),
            name(a),
            name(b)
        )
    }
}

/// A name as written in a rule file (in backticks when it is not a plain identifier).
fn name(s: &str) -> String {
    if s.chars().all(|c| c.is_alphanumeric() || c == '_') {
        s.to_string()
    } else {
        format!("`{s}`")
    }
}

/// The value as `.dk` source, and as a data cell.
fn literal(ty: Type, v: &str) -> String {
    match ty {
        Type::Money(u) => format!("{v}{}", u.as_str()),
        Type::Percent => format!("{v}%"),
        Type::Text | Type::Unknown => format!("\"{v}\""),
        Type::Actor | Type::Program => name(v),
        _ => v.to_string(),
    }
}

fn cell(ty: Type, v: &str) -> String {
    match ty {
        Type::Percent => format!("{v}%"),
        _ => v.to_string(),
    }
}

/// A year in both documents' periods.
fn year(p: &DocumentPeriods, docs: [Option<DocumentId>; 2]) -> i32 {
    let starts = docs
        .iter()
        .filter_map(|d| d.and_then(|d| p.get(d)).map(|x| x.start.year()));
    starts.max().unwrap_or(2020)
}

const NUMBERS: [&str; 10] = [
    "0", "50", "90", "100", "105", "111", "120", "131", "150", "200",
];

/// The values to start from: the chosen values of constrained fields; unconstrained actor fields
/// take a declared pair's supporter and recipient, in field order; the rest a plain value.
fn base_values(
    symbols: &Symbols,
    record: &ast::Record,
    chosen: &[(String, String)],
    y: i32,
) -> Vec<(Type, String)> {
    let program = chosen.iter().find(|(k, _)| {
        record
            .fields
            .iter()
            .any(|f| f.name.text == *k && f.ty == Type::Program)
    });
    let pair = symbols
        .pairs
        .iter()
        .find(|sp| program.is_none_or(|(_, g)| sp.item.program.text == *g))
        .map(|sp| {
            [
                sp.item.supporter.text.clone(),
                sp.item.recipient.text.clone(),
            ]
        });
    let mut actor_slot = 0;
    let mut base: Vec<(Type, String)> = Vec::new();
    for f in &record.fields {
        if f.ty == Type::Actor && !chosen.iter().any(|(k, _)| *k == f.name.text) {
            if let Some(p) = &pair
                && actor_slot < 2
            {
                base.push((f.ty, p[actor_slot].clone()));
                actor_slot += 1;
                continue;
            }
        } else if f.ty == Type::Actor {
            actor_slot += 1;
        }
        let v = chosen
            .iter()
            .find(|(k, _)| *k == f.name.text)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| plain_value(symbols, f, y));
        base.push((f.ty, v));
    }
    base
}

/// A value of the field's type that passes validation.
fn plain_value(symbols: &Symbols, f: &ast::Field, y: i32) -> String {
    match f.ty {
        Type::Bool => "true".into(),
        Type::Int | Type::Decimal | Type::Money(_) => "100".into(),
        Type::Percent => "50".into(),
        Type::Text | Type::Unknown | Type::ActorKind | Type::Level | Type::List => {
            if f.key {
                "w1".into()
            } else {
                "样例".into()
            }
        }
        Type::Date => format!("{y}-07-01"),
        Type::Year => y.to_string(),
        Type::Actor => symbols.actors.keys().nth(1).cloned().unwrap_or_default(),
        Type::Program => symbols.programs.keys().next().cloned().unwrap_or_default(),
    }
}

/// For a permit against a prohibition (record-level), the numeric fields the conditions
/// mention, whose values are tried; otherwise none.
fn mentioned(record: &ast::Record, a: &ast::Rule, b: &ast::Rule) -> Option<Vec<usize>> {
    let both_conditions = matches!(
        (a.kind, b.kind),
        (RuleKind::Permit, RuleKind::Forbid) | (RuleKind::Forbid, RuleKind::Permit)
    ) && a.per.is_empty()
        && b.per.is_empty();
    if !both_conditions {
        return None;
    }
    let text = format!(
        "{} {}",
        a.condition
            .as_ref()
            .map(super::canon::canon)
            .unwrap_or_default(),
        b.condition
            .as_ref()
            .map(super::canon::canon)
            .unwrap_or_default()
    );
    Some(
        record
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                matches!(
                    f.ty,
                    Type::Int | Type::Decimal | Type::Money(_) | Type::Percent
                ) && text.contains(f.name.text.as_str())
            })
            .map(|(i, _)| i)
            .take(3)
            .collect(),
    )
}

/// Looks for a record to which both rules apply; for a permit and a prohibition, one that both
/// conditions describe.
pub(crate) fn find(
    symbols: &Symbols,
    plan: &Plan,
    p: &DocumentPeriods,
    pa: &Prepared<'_>,
    pb: &Prepared<'_>,
) -> Option<Witness> {
    let (a, b, sa, sb) = (pa.rule, pb.rule, &pa.scope, &pb.scope);
    let record = pa.record;
    let (ia, ib) = (pa.id?.index(), pb.id?.index());
    let chosen = pick(symbols, record, sa, sb);
    let y = year(p, [pa.document, pb.document]);
    let base = base_values(symbols, record, &chosen, y);
    let tried = mentioned(record, &a.item, &b.item);
    let described = tried.is_some();
    let tried = tried.unwrap_or_default();
    let tries = NUMBERS.len().pow(tried.len() as u32);
    let mut last = None;
    for t in 0..tries {
        let mut values = base.clone();
        let mut k = t;
        for &i in &tried {
            values[i].1 = NUMBERS[k % NUMBERS.len()].to_string();
            k /= NUMBERS.len();
        }
        let Some(w) = evaluate(plan, record, (ia, ib), &values, described) else {
            continue;
        };
        if w.certain {
            return Some(w);
        }
        last.get_or_insert(w);
    }
    last
}

/// Builds the row of `values` and evaluates both rules on it; `None` when the row is invalid.
fn evaluate(
    plan: &Plan,
    record: &ast::Record,
    (ia, ib): (usize, usize),
    values: &[(Type, String)],
    described: bool,
) -> Option<Witness> {
    let cells: Vec<OwnedCell> = values
        .iter()
        .map(|(ty, v)| OwnedCell::Text(cell(*ty, v)))
        .collect();
    let mut row = Row::default();
    validate(
        &record.fields,
        &plan.names,
        &RowCells::Fields(&cells),
        &mut row,
    )
    .ok()?;
    let fields: Vec<(String, String)> = record
        .fields
        .iter()
        .zip(values)
        .filter(|(f, _)| !f.optional)
        .map(|(f, (ty, v))| (f.name.text.clone(), literal(*ty, v)))
        .collect();
    let rec = &plan.records[plan.rules[ia].record];
    let env = RowEnv {
        row: &row,
        record: rec,
        year: year_of(&row, rec),
    };
    let mut ev = Evaluator::new(&plan.world, &plan.texts);
    let applies = |ev: &mut Evaluator<'_>, r: usize| {
        let rule = &plan.rules[r];
        in_force(rule, &row, rec)
            && rule
                .filter
                .as_ref()
                .is_none_or(|f| ev.eval(f, &env) == Value::Bool(true))
            && (rule.is_group()
                || rule
                    .unless
                    .as_ref()
                    .is_none_or(|u| ev.eval(u, &env) != Value::Bool(true)))
    };
    let both = applies(&mut ev, ia) && applies(&mut ev, ib);
    let holds = !described
        || [ia, ib]
            .iter()
            .all(|&r| ev.eval(&plan.rules[r].condition.node, &env) == Value::Bool(true));
    Some(Witness {
        record: record.name.text.clone(),
        fields,
        certain: both && holds,
    })
}
