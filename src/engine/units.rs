//! What a group rule is decided on: a group of its table, or — for a rule with plan periods —
//! the groups of one period (or of one year of a period, to date), each aggregate added up over
//! the years it covers. The tables stay keyed by year; periods are put together once the data
//! has ended, so memory stays groups × years.

use super::aggregate::{Acc, AggSpec};
use super::compile::{PeriodPlan, RulePlan};
use super::groups::{AggRef, GroupTable, Tables, group_year};
use crate::data::value::{Texts, Value};
use rustc_hash::FxHashMap;

/// One decision of a group rule.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The key values as shown: a plan period's key is the period (to date: the year).
    pub keys: Vec<Value>,
    /// The table groups it is made of.
    pub groups: Vec<usize>,
    /// The year of the decision (a period's last year with rows).
    pub year: Option<i32>,
    /// Where it lies among the plan periods, for a rule with them.
    pub period: Option<Placed>,
}

/// A decision's plan period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index of the period in the rule's list.
    pub index: usize,
    /// Its first and last year.
    pub span: (i32, i32),
    /// The year checked to date (a period's last year with rows, when not to date).
    pub year: i32,
}

/// `2017`, or `2011–2015`.
pub fn years_text((a, b): (i32, i32)) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

/// The years an aggregate of a plan-period decision covers, and whether they are an earlier
/// period's; `Err` when no earlier period is listed.
pub fn window(p: &PeriodPlan, at: Placed, spec: &AggSpec) -> Result<((i32, i32), bool), String> {
    if let Some(b) = spec.back {
        let i = at
            .index
            .checked_sub(b.years as usize)
            .ok_or_else(|| match b.years {
                1 => crate::tr!("engine-no-period-before", years = years_text(at.span)),
                n => crate::tr!(
                    "engine-no-period-n-before",
                    n = n,
                    years = years_text(at.span)
                ),
            })?;
        return Ok((p.spans[i], true));
    }
    if spec.cumulative {
        return Ok(((at.span.0, at.year), false));
    }
    Ok((at.span, false))
}

fn year_key(y: i32) -> u64 {
    Value::Year(y).key("", &mut Texts::default())
}

impl Tables {
    /// The decisions of group rule `r`, in key order.
    pub fn units(&self, r: usize, rule: &RulePlan, time: Option<u16>, texts: &Texts) -> Vec<Unit> {
        let t = &self.tables[self.rule_table[r].expect("a group rule")];
        let order = t.sorted(texts);
        let Some(p) = &rule.periods else {
            return order
                .into_iter()
                .map(|g| Unit {
                    keys: t.groups[g].keys.clone(),
                    groups: vec![g],
                    year: group_year(rule, time, &t.groups[g]),
                    period: None,
                })
                .collect();
        };
        let pos = p.key as usize;
        let mut units: Vec<Unit> = Vec::new();
        let mut seen: FxHashMap<Vec<u64>, usize> = FxHashMap::default();
        for g in order {
            let group = &t.groups[g];
            let Some(Value::Year(y)) = group.keys.get(pos).copied() else {
                continue;
            };
            // A year in no listed period is outside the rule, as a row its `where` excludes.
            let Some((index, span)) = p.of(y) else {
                continue;
            };
            let placed = Placed {
                index,
                span,
                year: y,
            };
            if p.to_date {
                units.push(Unit {
                    keys: group.keys.clone(),
                    groups: vec![g],
                    year: Some(y),
                    period: Some(placed),
                });
                continue;
            }
            let mut id = t.parts(g).to_vec();
            id[pos] = index as u64;
            if let Some(&u) = seen.get(&id) {
                let unit = &mut units[u];
                unit.groups.push(g);
                unit.year = unit.year.max(Some(y));
                unit.period = Some(placed);
                continue;
            }
            let mut keys = group.keys.clone();
            keys[pos] = Value::Period(span.0, span.1);
            seen.insert(id, units.len());
            units.push(Unit {
                keys,
                groups: vec![g],
                year: Some(y),
                period: Some(placed),
            });
        }
        units
    }

    /// Why rule `r` cannot be decided for `unit` at all, if it cannot.
    pub fn unit_blocked(&self, r: usize, unit: &Unit) -> Option<&String> {
        let t = &self.tables[self.rule_table[r]?];
        unit.groups.iter().find_map(|&g| t.blocked(g))
    }

    /// Every aggregate's value of rule `r` for `unit`.
    pub fn unit_values(
        &self,
        r: usize,
        rule: &RulePlan,
        unit: &Unit,
    ) -> Vec<Result<Value, String>> {
        let (Some(p), Some(at)) = (&rule.periods, unit.period) else {
            return self.values(r, unit.groups[0]);
        };
        let ti = self.rule_table[r].expect("a group rule");
        let parts = self.tables[ti].parts(unit.groups[0]);
        let pos = p.key as usize;
        self.rule_aggs[r]
            .iter()
            .zip(&rule.aggs)
            .map(|(a, spec)| {
                let (years, earlier) = window(p, at, spec)?;
                match *a {
                    AggRef::Own(slot) => own_over(&self.tables[ti], slot, parts, pos, years, false),
                    AggRef::OwnBack(base, slot, _) => {
                        own_over(&self.tables[base], slot, parts, pos, years, earlier)
                    }
                    AggRef::Join(j, slot) | AggRef::JoinBack(j, slot, _) => {
                        self.join_over(j, slot, parts, pos, years, earlier)
                    }
                }
            })
            .collect()
    }

    /// Aggregate `slot` of join `j` over `years`.
    fn join_over(
        &self,
        j: usize,
        slot: usize,
        parts: &[u64],
        pos: usize,
        (lo, hi): (i32, i32),
        earlier: bool,
    ) -> Result<Value, String> {
        let join = &self.joins[j];
        if !join.shares(pos) {
            return join.value(parts, slot);
        }
        let mut key = parts.to_vec();
        let mut acc = Acc::new(join.aggs[slot].func);
        let mut rows = false;
        for y in lo..=hi {
            key[pos] = year_key(y);
            if let Some((accs, with_rows)) = join.accs_at(&key) {
                acc.merge(&accs[slot]);
                rows |= with_rows;
            }
        }
        if earlier && !rows {
            return acc.value().and(Err(crate::tr!(
                "engine-no-joined-rows-for",
                years = years_text((lo, hi))
            )));
        }
        acc.value()
    }
}

/// Aggregate `slot` of `table` over the groups of `years` with the other keys of `parts`.
fn own_over(
    table: &GroupTable,
    slot: usize,
    parts: &[u64],
    pos: usize,
    (lo, hi): (i32, i32),
    earlier: bool,
) -> Result<Value, String> {
    let mut key = parts.to_vec();
    let mut acc = Acc::new(table.aggs[slot].func);
    let mut found = false;
    for y in lo..=hi {
        key[pos] = year_key(y);
        let Some(g) = table.find(&key) else { continue };
        if let Some(why) = table.blocked(g) {
            return Err(why.clone());
        }
        acc.merge(&table.accs(g)[slot]);
        found = true;
    }
    if earlier && !found {
        return Err(crate::tr!(
            "engine-no-rows-for",
            years = years_text((lo, hi))
        ));
    }
    acc.value()
}

#[cfg(test)]
mod tests {
    use super::super::aggregate::{AggFunc, Back};
    use super::*;

    fn spec(back: Option<u32>, cumulative: bool) -> AggSpec {
        AggSpec {
            func: AggFunc::Sum,
            record: crate::ids::RecordId(0),
            shared: Vec::new(),
            arg: None,
            filter: None,
            shape: crate::ast::Type::Decimal,
            text: String::new(),
            back: back.map(|years| Back { key: 0, years }),
            cumulative,
        }
    }

    #[test]
    fn an_aggregate_covers_its_period_to_date_or_an_earlier_one() {
        let p = PeriodPlan {
            key: 0,
            spans: vec![(2011, 2015), (2016, 2020)],
            to_date: true,
        };
        let at = Placed {
            index: 1,
            span: (2016, 2020),
            year: 2018,
        };
        assert_eq!(
            window(&p, at, &spec(None, false)),
            Ok(((2016, 2020), false))
        );
        assert_eq!(window(&p, at, &spec(None, true)), Ok(((2016, 2018), false)));
        assert_eq!(
            window(&p, at, &spec(Some(1), false)),
            Ok(((2011, 2015), true))
        );
        let why = window(&p, at, &spec(Some(2), false)).unwrap_err();
        assert_eq!(why, "no plan period is listed 2 periods before 2016–2020");
        assert_eq!(years_text((2017, 2017)), "2017");
    }
}
