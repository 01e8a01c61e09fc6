//! Group state of group-level rules: one entry per group key, with its aggregates; and the
//! tables of other record types joined to the groups on shared keys.

use super::aggregate::{Acc, AggFunc};
use super::check::RowEnv;
use super::compile::{RecordPlan, RulePlan};
use super::eval::Evaluator;
use super::world::World;
use crate::data::value::{Text, Texts, Value};
use rustc_hash::FxHashMap;
use std::cmp::Ordering;

/// One group of a rule.
#[derive(Debug, Clone)]
pub struct Group {
    /// The key values, in `per` order (texts interned).
    pub keys: Vec<Value>,
    /// The key as hashed.
    pub parts: Box<[u64]>,
    /// The rule's own-record aggregates, in `GroupTable::own` order.
    pub accs: Vec<Acc>,
    /// Rows in the group.
    pub rows: u64,
    /// Set when a row's `where` could not be decided.
    pub undetermined: Option<String>,
}

/// What one row contributes to one aggregate.
#[derive(Debug)]
enum Contribution {
    Skip,
    Add(Value),
    Undetermined(String),
}

/// The groups of one group-level rule.
#[derive(Debug, Default)]
pub struct GroupTable {
    index: FxHashMap<Box<[u64]>, u32>,
    pub groups: Vec<Group>,
    /// The rule's aggregates over its own record type.
    pub own: Vec<usize>,
    scratch: Vec<Contribution>,
}

/// Rows of another record type, aggregated per shared key for one rule.
#[derive(Debug)]
pub struct JoinTable {
    pub rule: usize,
    pub record: usize,
    /// (position in `per`, field in the joined record) for each shared key.
    pub shared: Vec<(usize, u16)>,
    /// The rule's aggregates over this record type.
    pub aggs: Vec<usize>,
    index: FxHashMap<Box<[u64]>, Vec<Acc>>,
    scratch: Vec<Contribution>,
}

/// Evaluates each aggregate's filter and argument for one row.
fn contributions(
    rule: &RulePlan,
    aggs: &[usize],
    world: &World,
    texts: &Texts,
    env: &RowEnv<'_>,
    out: &mut Vec<Contribution>,
) {
    out.clear();
    let mut ev = Evaluator::new(world, texts);
    for &a in aggs {
        let spec = &rule.aggs[a];
        if let Some(f) = &spec.filter {
            match ev.eval(f, env) {
                Value::Bool(true) => {}
                Value::Bool(false) => {
                    out.push(Contribution::Skip);
                    continue;
                }
                _ => {
                    let why = ev.cause.take().unwrap_or_default();
                    out.push(Contribution::Undetermined(format!(
                        "the `where` of `{}` cannot be decided on line {}: {why}",
                        spec.text, env.row.line
                    )));
                    continue;
                }
            }
        }
        let v = match &spec.arg {
            Some(arg) => ev.eval(arg, env),
            None => Value::Bool(true),
        };
        if v.is_null() {
            let why = ev.cause.take().unwrap_or_default();
            out.push(Contribution::Undetermined(format!(
                "{why} on line {}",
                env.row.line
            )));
        } else {
            out.push(Contribution::Add(v));
        }
    }
}

/// Adds a row's contributions to accumulators.
fn accumulate(
    accs: &mut [Acc],
    aggs: &[usize],
    rule: &RulePlan,
    contributions: &[Contribution],
    texts: &mut Texts,
    row_text: &str,
) {
    for ((acc, c), &a) in accs.iter_mut().zip(contributions).zip(aggs) {
        match c {
            Contribution::Skip => {}
            Contribution::Add(v) => {
                let key = if rule.aggs[a].func == AggFunc::Distinct {
                    v.key(row_text, texts)
                } else {
                    0
                };
                acc.add(*v, key, String::new);
            }
            Contribution::Undetermined(why) => acc.poison(why.clone()),
        }
    }
}

impl GroupTable {
    /// The table of rule `r`, and the join tables its aggregates over other records need.
    pub fn new(r: usize, rule: &RulePlan, records: &[RecordPlan]) -> (GroupTable, Vec<JoinTable>) {
        let own = (0..rule.aggs.len())
            .filter(|&a| rule.aggs[a].record == rule.record)
            .collect();
        let mut joins: Vec<JoinTable> = Vec::new();
        for (a, spec) in rule.aggs.iter().enumerate() {
            if spec.record == rule.record {
                continue;
            }
            if let Some(j) = joins.iter_mut().find(|j| j.record == spec.record) {
                j.aggs.push(a);
                continue;
            }
            let other = &records[spec.record];
            let shared = rule
                .keys
                .iter()
                .enumerate()
                .filter_map(|(pos, k)| {
                    other
                        .fields
                        .iter()
                        .position(|f| f.name.text == k.name)
                        .map(|i| (pos, i as u16))
                })
                .collect();
            joins.push(JoinTable {
                rule: r,
                record: spec.record,
                shared,
                aggs: vec![a],
                index: FxHashMap::default(),
                scratch: Vec::new(),
            });
        }
        (
            GroupTable {
                own,
                ..GroupTable::default()
            },
            joins,
        )
    }

    /// Adds a row (already in force and past the rule's `where`) to its group.
    pub fn add_row(
        &mut self,
        rule: &RulePlan,
        world: &World,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
        filter_undetermined: bool,
    ) {
        key_buf.clear();
        for k in &rule.keys {
            key_buf.push(env.row.values[k.field as usize].key(&env.row.text, texts));
        }
        let g = match self.index.get(key_buf.as_slice()) {
            Some(&g) => g as usize,
            None => {
                let keys = rule
                    .keys
                    .iter()
                    .map(|k| env.row.values[k.field as usize].kept(&env.row.text, texts))
                    .collect();
                let parts: Box<[u64]> = key_buf.as_slice().into();
                self.index.insert(parts.clone(), self.groups.len() as u32);
                self.groups.push(Group {
                    keys,
                    parts,
                    accs: self
                        .own
                        .iter()
                        .map(|&a| Acc::new(rule.aggs[a].func))
                        .collect(),
                    rows: 0,
                    undetermined: None,
                });
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[g];
        group.rows += 1;
        if filter_undetermined {
            group.undetermined.get_or_insert_with(|| {
                format!(
                    "the rule's `where` cannot be decided on line {}",
                    env.row.line
                )
            });
            return;
        }
        contributions(rule, &self.own, world, texts, env, &mut self.scratch);
        accumulate(
            &mut group.accs,
            &self.own,
            rule,
            &self.scratch,
            texts,
            &env.row.text,
        );
    }

    /// Group indexes in key order: actors and programs in declaration order, then numbers,
    /// years, dates and texts in their natural order.
    pub fn sorted(&self, texts: &Texts) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by(|&a, &b| cmp_keys(&self.groups[a].keys, &self.groups[b].keys, texts));
        order
    }

    /// Every aggregate's value for group `g`, own and joined.
    pub fn values(
        &self,
        g: usize,
        rule: &RulePlan,
        joins: &[JoinTable],
        r: usize,
    ) -> Vec<Result<Value, String>> {
        let group = &self.groups[g];
        (0..rule.aggs.len())
            .map(|a| {
                if let Some(slot) = self.own.iter().position(|&o| o == a) {
                    return group.accs[slot].value();
                }
                let Some(j) = joins
                    .iter()
                    .find(|j| j.rule == r && j.record == rule.aggs[a].record)
                else {
                    return Err("no data".into());
                };
                let key: Vec<u64> = j.shared.iter().map(|(pos, _)| group.parts[*pos]).collect();
                let slot = j.aggs.iter().position(|&x| x == a).unwrap_or(0);
                match j.index.get(key.as_slice()) {
                    Some(accs) => accs[slot].value(),
                    None => Acc::new(rule.aggs[a].func).value(),
                }
            })
            .collect()
    }

    /// The year of group `g`, when the record's time field is a group key.
    pub fn year(&self, rule: &RulePlan, record: &RecordPlan, group: &Group) -> Option<i32> {
        let t = record.time?;
        let pos = rule.keys.iter().position(|k| k.field == t)?;
        match group.keys[pos] {
            Value::Year(y) => Some(y),
            Value::Date(d) => Some(chrono::Datelike::year(&d)),
            _ => None,
        }
    }
}

impl JoinTable {
    /// Adds a row of the joined record type under its shared key.
    pub fn add_row(
        &mut self,
        rule: &RulePlan,
        world: &World,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
    ) {
        key_buf.clear();
        for (_, f) in &self.shared {
            key_buf.push(env.row.values[*f as usize].key(&env.row.text, texts));
        }
        if !self.index.contains_key(key_buf.as_slice()) {
            let accs = self
                .aggs
                .iter()
                .map(|&a| Acc::new(rule.aggs[a].func))
                .collect();
            self.index.insert(key_buf.as_slice().into(), accs);
        }
        let accs = self
            .index
            .get_mut(key_buf.as_slice())
            .expect("inserted above");
        contributions(rule, &self.aggs, world, texts, env, &mut self.scratch);
        accumulate(accs, &self.aggs, rule, &self.scratch, texts, &env.row.text);
    }
}

/// Orders two group keys.
pub fn cmp_keys(a: &[Value], b: &[Value], texts: &Texts) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = cmp_value(x, y, texts);
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

fn cmp_value(a: &Value, b: &Value, texts: &Texts) -> Ordering {
    match (a, b) {
        (Value::Num(x), Value::Num(y)) => x.cmp(y),
        (Value::Year(x), Value::Year(y)) => x.cmp(y),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        (Value::Actor(x), Value::Actor(y)) => x.cmp(y),
        (Value::Program(x), Value::Program(y)) => x.cmp(y),
        (Value::Enum(x), Value::Enum(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Text(Text::Sym(x)), Value::Text(Text::Sym(y))) => texts.get(*x).cmp(texts.get(*y)),
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}
