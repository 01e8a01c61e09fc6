//! The streaming pass: every rule over a record type is evaluated together, row by row; group
//! rules keep one accumulator per group and aggregate, and are decided when the data ends.

use super::compile::{Plan, RulePlan};
use super::env::{GroupEnv, RowEnv, in_force, year_of};
use super::eval::{Env, Evaluator};
use super::finding::{Cause, DataFinding, FindingKind, KeyValue, RuleCounts};
use super::groups::Tables;
use super::node::{Compare, Node};
use super::spill::SpilledFindings;
use super::template::Part;
use crate::ast::RuleKind;
use crate::data::row::Row;
use crate::data::shape::Names;
use crate::data::value::{Texts, Value};
use rust_decimal::Decimal;

/// Which findings are kept in full (all are counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    All,
    /// The worst `n` of each rule.
    Worst(usize),
    /// Every finding, held in memory up to this many bytes and the rest in a temporary file,
    /// to be read once, rule by rule in data order: for the JSON report only, which reads them
    /// from [`DataRun::spilled`](super::run::DataRun::spilled); the run's `findings` stay empty.
    Spill(usize),
}

/// The rules and tables that look at one record type.
#[derive(Debug, Default, Clone)]
struct RecordJobs {
    record_rules: Vec<usize>,
    tables: Vec<usize>,
    joins: Vec<usize>,
}

/// The state of a compliance check while rows stream in.
pub struct Checker<'p> {
    plan: &'p Plan,
    /// The plan's texts, copied once a row adds one of its own (borrowed until then: the
    /// record-level rules never add any).
    pub texts: std::borrow::Cow<'p, Texts>,
    keep: Keep,
    jobs: Vec<RecordJobs>,
    tables: Tables,
    pub findings: Vec<Vec<DataFinding>>,
    /// Every finding, when keeping them with [`Keep::Spill`].
    spilled: Option<SpilledFindings>,
    pub counts: Vec<RuleCounts>,
    thresholds: Vec<Option<Decimal>>,
    order: u64,
    /// The data file being read, for record findings.
    pub file: String,
    key_buf: Vec<u64>,
    /// Per rule: the provisions that prevail over it where both apply
    /// (winner, whether it is a permit, the reason).
    overrides: Vec<Vec<Yield>>,
}

/// A row being checked.
/// A rule yielding to another: which, whether it is a permit, where, and why.
#[derive(Debug, Clone)]
struct Yield {
    winner: usize,
    permit: bool,
    /// A variation's territory, by actor index: the rule yields only to records within it.
    region: Option<u32>,
    reason: String,
}

enum Outcome {
    Pass,
    Exempt,
    Skip,
    Violation,
    Undetermined(String),
}

/// Decides a rule once its filter passed: `unless`, then the condition.
fn decide(rule: &RulePlan, ev: &mut Evaluator<'_>, env: &impl Env) -> Outcome {
    if let Some(u) = &rule.unless {
        match ev.eval(u, env) {
            Value::Bool(true) => return Outcome::Exempt,
            Value::Bool(false) => {}
            _ => return Outcome::Undetermined(cause(ev, "the `unless` condition")),
        }
    }
    match (rule.kind, ev.eval(&rule.condition.node, env)) {
        (RuleKind::Require, Value::Bool(false)) | (RuleKind::Forbid, Value::Bool(true)) => {
            Outcome::Violation
        }
        (_, Value::Bool(_)) => Outcome::Pass,
        _ => Outcome::Undetermined(cause(ev, "the condition")),
    }
}

fn cause(ev: &mut Evaluator<'_>, what: &str) -> String {
    ev.cause
        .take()
        .unwrap_or_else(|| format!("{what} could not be decided"))
}

impl<'p> Checker<'p> {
    /// A checker of every rule: record rules row by row, group rules in tables.
    pub fn new(plan: &'p Plan, keep: Keep) -> Self {
        Self::with_tables(plan, keep, Tables::build(plan))
    }

    /// A checker of the record-level rules only, with no group tables: the single-record path.
    pub fn for_records(plan: &'p Plan) -> Self {
        Self::with_tables(plan, Keep::All, Tables::default())
    }

    fn with_tables(plan: &'p Plan, keep: Keep, tables: Tables) -> Self {
        let mut jobs = vec![RecordJobs::default(); plan.records.len()];
        for (r, rule) in plan.rules.iter().enumerate() {
            if rule.kind != RuleKind::Permit && !rule.is_group() && !rule.hidden {
                jobs[rule.record.index()].record_rules.push(r);
            }
        }
        for (t, table) in tables.tables.iter().enumerate() {
            jobs[table.record.index()].tables.push(t);
        }
        for (j, join) in tables.joins.iter().enumerate() {
            jobs[join.record.index()].joins.push(j);
        }
        let mut checker = Checker {
            plan,
            texts: std::borrow::Cow::Borrowed(&plan.texts),
            keep,
            jobs,
            tables,
            findings: vec![Vec::new(); plan.rules.len()],
            spilled: match keep {
                Keep::Spill(budget) => Some(SpilledFindings::new(
                    budget,
                    plan.rules.iter().map(|r| r.name.clone()).collect(),
                )),
                _ => None,
            },
            counts: vec![RuleCounts::default(); plan.rules.len()],
            thresholds: vec![None; plan.rules.len()],
            order: 0,
            file: String::new(),
            key_buf: Vec::new(),
            overrides: vec![Vec::new(); plan.rules.len()],
        };
        for o in &plan.overrides {
            checker.add_override(o);
        }
        checker
    }

    /// Makes `defeated` yield to `winner` where both apply (for a variation, only inside its
    /// territory).
    fn add_override(&mut self, o: &super::compile::Override) {
        self.overrides[o.defeated.index()].push(Yield {
            winner: o.winner.index(),
            permit: o.permit,
            region: o.region.map(|a| a.0),
            reason: o.reason.clone(),
        });
    }

    /// Whether a record or group lies in a territory: one of its actor values is within it.
    fn inside(&self, region: Option<u32>, values: &[Value]) -> bool {
        let Some(t) = region else {
            return true;
        };
        let ancestors = &self.plan.world.actor_ancestors;
        values.iter().any(|v| match v {
            Value::Actor(a) => ancestors.get(*a as usize).is_some_and(|up| up.contains(&t)),
            _ => false,
        })
    }

    /// The provision prevailing over rule `r` for this record, if one applies.
    fn record_override(&self, r: usize, env: &RowEnv<'_>) -> Option<(usize, String)> {
        let plan = self.plan;
        self.overrides[r].iter().find_map(|y| {
            let (w, permit, reason) = (&y.winner, &y.permit, &y.reason);
            let rule = &plan.rules[*w];
            if rule.is_group()
                || !in_force(rule, env.row, env.record)
                || !self.inside(y.region, &env.row.values)
            {
                return None;
            }
            let mut ev = Evaluator::new(&plan.world, &self.texts);
            let applies = rule
                .filter
                .as_ref()
                .is_none_or(|f| ev.eval(f, env) == Value::Bool(true))
                && rule
                    .unless
                    .as_ref()
                    .is_none_or(|u| ev.eval(u, env) != Value::Bool(true))
                && (!permit || ev.eval(&rule.condition.node, env) == Value::Bool(true));
            applies.then(|| (*w, reason.clone()))
        })
    }

    /// The provision prevailing over group rule `r` for the group with `keys`, if it has the
    /// same group.
    fn group_override(&self, r: usize, keys: &[Value]) -> Option<(usize, String)> {
        let plan = self.plan;
        let rule = &plan.rules[r];
        self.overrides[r].iter().find_map(|y| {
            let (w, permit, reason) = (&y.winner, &y.permit, &y.reason);
            let other = &plan.rules[*w];
            let t = self.tables.rule_table[*w]?;
            if *permit || !other.is_group() || !self.inside(y.region, keys) {
                return None;
            }
            let table = &self.tables.tables[t];
            let same = table.groups.iter().any(|g| {
                other.keys.iter().zip(&g.keys).all(|(k, v)| {
                    rule.keys
                        .iter()
                        .position(|x| x.field == k.field)
                        .is_some_and(|i| keys[i] == *v)
                })
            });
            same.then(|| (*w, reason.clone()))
        })
    }

    /// Marks the groups a rejected row belongs to (as far as it can be read) as undetermined.
    pub fn incomplete(&mut self, record: usize, row: &Row) {
        let plan = self.plan;
        let rec = &plan.records[record];
        let env = RowEnv {
            row,
            record: rec,
            year: year_of(row, rec),
        };
        let why = row.rejected.clone().unwrap_or_default();
        for i in 0..self.jobs[record].tables.len() {
            let t = self.jobs[record].tables[i];
            let table = &mut self.tables.tables[t];
            table.mark(
                &plan.world,
                self.texts.to_mut(),
                &mut self.key_buf,
                &env,
                &why,
            );
        }
        for i in 0..self.jobs[record].joins.len() {
            let j = self.jobs[record].joins[i];
            self.tables.joins[j].mark(self.texts.to_mut(), &mut self.key_buf, &env, &why);
        }
    }

    /// Checks one valid row of record type `record`.
    pub fn row(&mut self, record: usize, row: &Row) {
        self.order += 1;
        let plan = self.plan;
        let rec = &plan.records[record];
        let year = year_of(row, rec);
        let env = RowEnv {
            row,
            record: rec,
            year,
        };
        for i in 0..self.jobs[record].record_rules.len() {
            let r = self.jobs[record].record_rules[i];
            self.record_rule(r, &env);
        }
        for i in 0..self.jobs[record].tables.len() {
            let t = self.jobs[record].tables[i];
            let table = &mut self.tables.tables[t];
            let in_force = table.add_row(&plan.world, self.texts.to_mut(), &mut self.key_buf, &env);
            if !in_force {
                for &r in &self.tables.tables[t].rules {
                    self.counts[r].not_in_force += 1;
                }
            }
        }
        for i in 0..self.jobs[record].joins.len() {
            let j = self.jobs[record].joins[i];
            self.tables.joins[j].add_row(&plan.world, self.texts.to_mut(), &mut self.key_buf, &env);
        }
    }

    /// Checks one valid row against the record-level rules only: the fast path for a single
    /// record, which belongs to no group.
    pub fn record_rules_only(&mut self, record: usize, row: &Row) {
        self.order += 1;
        let rec = &self.plan.records[record];
        let env = RowEnv {
            row,
            record: rec,
            year: year_of(row, rec),
        };
        for i in 0..self.jobs[record].record_rules.len() {
            let r = self.jobs[record].record_rules[i];
            self.record_rule(r, &env);
        }
    }

    fn record_rule(&mut self, r: usize, env: &RowEnv<'_>) {
        let plan = self.plan;
        let rule = &plan.rules[r];
        if !in_force(rule, env.row, env.record) {
            self.counts[r].not_in_force += 1;
            return;
        }
        let outcome = {
            let mut ev = Evaluator::new(&plan.world, &self.texts);
            match rule.filter.as_ref().map(|f| ev.eval(f, env)) {
                None | Some(Value::Bool(true)) => decide(rule, &mut ev, env),
                Some(Value::Bool(false)) => Outcome::Skip,
                Some(_) => Outcome::Undetermined(cause(&mut ev, "the `where` condition")),
            }
        };
        let c = &mut self.counts[r];
        match outcome {
            Outcome::Skip => {}
            Outcome::Pass => {
                c.checked += 1;
                c.passed += 1;
            }
            Outcome::Exempt => c.exempted += 1,
            Outcome::Violation => {
                c.checked += 1;
                match self.record_override(r, env) {
                    Some((w, reason)) => {
                        self.counts[r].overridden += 1;
                        let cause = Cause::Yields { winner: w, reason };
                        self.record_finding(r, FindingKind::Overridden, env, Some(cause));
                    }
                    None => {
                        self.counts[r].violations += 1;
                        self.record_finding(r, FindingKind::Violation, env, None);
                    }
                }
            }
            Outcome::Undetermined(why) => {
                c.checked += 1;
                c.undetermined += 1;
                let cause = Cause::Undetermined(why);
                self.record_finding(r, FindingKind::Undetermined, env, Some(cause));
            }
        }
    }

    fn record_finding(
        &mut self,
        r: usize,
        kind: FindingKind,
        env: &RowEnv<'_>,
        cause: Option<Cause>,
    ) {
        let plan = self.plan;
        let rule = &plan.rules[r];
        let mut ev = Evaluator::new(&plan.world, &self.texts);
        let (value, badness) = match kind {
            FindingKind::Undetermined => (None, Decimal::ZERO),
            _ => culprit_value(rule, &mut ev, env),
        };
        if kind == FindingKind::Violation && !self.admits(r, badness) {
            return;
        }
        let names = self.names(&env.row.text);
        let value_exact = value.and_then(|(v, _, _)| exact_text(v));
        let value_text = value.map(|(v, r, shape)| names.show_apart(v, r, shape));
        let why = cause
            .as_ref()
            .map(|c| c.describe(|w| plan.rules[w].name.clone()));
        let message = message(rule, kind, &value_text, why.as_deref(), |p| match p {
            Part::Field(i) => names.show(
                env.row.values[*i as usize],
                env.record.fields[*i as usize].ty,
            ),
            _ => String::new(),
        });
        let record = match env.record.key {
            Some(k) => names.show(env.row.values[k as usize], crate::ast::Type::Text),
            None => crate::tr!("engine-line-line", line = env.row.line),
        };
        let finding = DataFinding {
            kind,
            rule: r,
            message,
            cause,
            group: Vec::new(),
            record: Some(record),
            at: Some((self.file.clone(), env.row.line)),
            value: value_text,
            value_exact,
            badness,
            order: self.order,
        };
        self.push(r, finding);
    }

    fn names<'a>(&'a self, row_text: &'a str) -> Names<'a> {
        Names {
            actors: &self.plan.world.actor_names,
            programs: &self.plan.world.program_names,
            texts: &self.texts,
            row_text,
        }
    }

    /// Whether a finding this bad is kept.
    fn admits(&self, r: usize, badness: Decimal) -> bool {
        match (self.keep, self.thresholds[r]) {
            (Keep::Worst(0), _) => false,
            (Keep::Worst(_), Some(t)) => badness > t,
            _ => true,
        }
    }

    fn push(&mut self, r: usize, f: DataFinding) {
        if let Some(spilled) = &mut self.spilled {
            spilled.push(&f);
            return;
        }
        Self::push_to(&mut self.findings[r], &mut self.thresholds[r], self.keep, f);
    }

    fn push_to(
        list: &mut Vec<DataFinding>,
        threshold: &mut Option<Decimal>,
        keep: Keep,
        f: DataFinding,
    ) {
        list.push(f);
        if let Keep::Worst(n) = keep
            && list.len() >= 2 * n.max(1)
        {
            worst_first(list);
            list.truncate(n);
            *threshold = list.last().map(|f| f.badness);
        }
    }

    /// Decides every group rule; call once all data is read.
    pub fn finish(&mut self) {
        self.tables.settle();
        let plan = self.plan;
        for r in 0..plan.rules.len() {
            let rule = &plan.rules[r];
            let Some(t) = self.tables.rule_table[r] else {
                continue;
            };
            if rule.hidden || self.tables.tables[t].overflowed {
                continue;
            }
            let time = plan.records[rule.record].time;
            let units = self.tables.units(r, rule, time, &self.texts);
            for (rank, unit) in units.iter().enumerate() {
                let aggs = self.tables.unit_values(r, rule, unit);
                let env = GroupEnv {
                    keys: &unit.keys,
                    aggs: &aggs,
                    year: unit.year,
                    rule,
                };
                let outcome = {
                    let mut ev = Evaluator::new(&plan.world, &self.texts);
                    match self.tables.unit_blocked(r, unit) {
                        Some(why) => Outcome::Undetermined(why.clone()),
                        None => decide(rule, &mut ev, &env),
                    }
                };
                let c = &mut self.counts[r];
                let (kind, cause) = match outcome {
                    Outcome::Skip => continue,
                    Outcome::Pass => {
                        c.checked += 1;
                        c.passed += 1;
                        continue;
                    }
                    Outcome::Exempt => {
                        c.exempted += 1;
                        continue;
                    }
                    Outcome::Violation => {
                        c.checked += 1;
                        match self.group_override(r, &unit.keys) {
                            Some((w, reason)) => {
                                self.counts[r].overridden += 1;
                                let cause = Cause::Yields { winner: w, reason };
                                (FindingKind::Overridden, Some(cause))
                            }
                            None => {
                                self.counts[r].violations += 1;
                                (FindingKind::Violation, None)
                            }
                        }
                    }
                    Outcome::Undetermined(why) => {
                        c.checked += 1;
                        c.undetermined += 1;
                        (FindingKind::Undetermined, Some(Cause::Undetermined(why)))
                    }
                };
                if let Some(f) = self.group_finding(r, kind, &env, cause, rank as u64) {
                    self.push(r, f);
                }
            }
        }
        for list in &mut self.findings {
            if matches!(self.keep, Keep::Worst(_)) {
                worst_first(list);
                if let Keep::Worst(n) = self.keep {
                    list.truncate(n);
                }
            }
        }
    }

    fn group_finding(
        &self,
        r: usize,
        kind: FindingKind,
        env: &GroupEnv<'_>,
        cause: Option<Cause>,
        order: u64,
    ) -> Option<DataFinding> {
        let plan = self.plan;
        let rule = &plan.rules[r];
        let mut ev = Evaluator::new(&plan.world, &self.texts);
        let (value, badness) = match kind {
            FindingKind::Violation => culprit_value(rule, &mut ev, env),
            _ => (None, Decimal::ZERO),
        };
        if !self.admits(r, badness) {
            return None;
        }
        let names = self.names("");
        let value_exact = value.and_then(|(v, _, _)| exact_text(v));
        let value_text = value.map(|(v, r, shape)| names.show_apart(v, r, shape));
        let why = cause
            .as_ref()
            .map(|c| c.describe(|w| plan.rules[w].name.clone()));
        let message = message(rule, kind, &value_text, why.as_deref(), |p| match p {
            Part::Key(i) => names.show(env.keys[*i as usize], rule.keys[*i as usize].shape),
            _ => String::new(),
        });
        let group = rule
            .keys
            .iter()
            .zip(env.keys)
            .map(|(k, v)| KeyValue {
                name: k.name.clone(),
                json: names.json(*v, k.shape),
                text: names.show(*v, k.shape),
                exact: names.exact(*v, k.shape),
            })
            .collect();
        Some(DataFinding {
            kind,
            rule: r,
            message,
            cause,
            group,
            record: None,
            at: None,
            value: value_text,
            value_exact,
            badness,
            order,
        })
    }

    /// Holds at most `limit` groups in each group table (rules sharing a record type, `per`
    /// keys, `where` and period); the rules of a table whose data has more are not decided.
    pub fn limit_groups(&mut self, limit: usize) {
        self.tables.limit_groups(limit);
    }

    /// The rules not decided because their data has more groups than the limit.
    pub fn over_group_limit(&self) -> Vec<usize> {
        (0..self.plan.rules.len())
            .filter(|&r| {
                self.tables.rule_table[r].is_some_and(|t| self.tables.tables[t].overflowed)
                    && !self.plan.rules[r].hidden
            })
            .collect()
    }

    /// The group tables, once all data is read (for scoring).
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    /// The finding lists, each worst first (when keeping the worst) or in data order (empty
    /// when spilling), and every finding when spilling.
    pub fn into_findings(self) -> (Findings, Vec<RuleCounts>) {
        (
            Findings {
                lists: self.findings,
                spilled: self.spilled,
            },
            self.counts,
        )
    }

    /// Moves the findings kept so far to `out`, rule by rule, keeping each rule's buffer for the
    /// next row: the single-record path checks row after row with one checker.
    pub fn take_findings(&mut self, out: &mut Vec<DataFinding>) {
        for list in &mut self.findings {
            out.append(list);
        }
    }
}

/// The findings a checker kept.
pub struct Findings {
    /// Per rule, as [`Keep`] says; empty when spilling.
    pub lists: Vec<Vec<DataFinding>>,
    /// Every finding, with [`Keep::Spill`].
    pub spilled: Option<SpilledFindings>,
}

/// Sorts findings worst first; ties keep data order.
pub fn worst_first(list: &mut [DataFinding]) {
    list.sort_by(|a, b| b.badness.cmp(&a.badness).then(a.order.cmp(&b.order)));
}

/// The message of a finding: the rule's template, or a plain sentence.
fn message(
    rule: &RulePlan,
    kind: FindingKind,
    value: &Option<String>,
    why: Option<&str>,
    mut fill: impl FnMut(&Part) -> String,
) -> String {
    let what = match &rule.title {
        Some(t) => crate::tr!("finding-rule-titled", rule = rule.name, title = t),
        None => crate::tr!("finding-rule", rule = rule.name),
    };
    match kind {
        FindingKind::Undetermined => match why {
            Some(why) => crate::tr!("finding-cannot-decide", what = what, why = why),
            None => crate::tr!("finding-cannot-decide-missing", what = what),
        },
        FindingKind::Overridden => match why {
            Some(why) => crate::tr!("finding-not-enforced", what = what, why = why),
            None => crate::tr!("finding-not-enforced-yields", what = what),
        },
        _ => match &rule.message {
            Some(t) => t.render(|p| match p {
                Part::Value => value.clone().unwrap_or_else(|| "—".into()),
                other => fill(other),
            }),
            None => {
                let forbid = rule.kind == RuleKind::Forbid;
                match (value, forbid) {
                    (Some(v), true) => crate::tr!("finding-breaks-value", what = what, value = v),
                    (Some(v), false) => {
                        crate::tr!("finding-does-not-meet-value", what = what, value = v)
                    }
                    (None, true) => crate::tr!(
                        "finding-breaks-condition",
                        what = what,
                        condition = rule.condition_text
                    ),
                    (None, false) => crate::tr!(
                        "finding-does-not-meet-condition",
                        what = what,
                        condition = rule.condition_text
                    ),
                }
            }
        },
    }
}

/// The comparison that made the rule fail, its left-hand value, and how far off it is.
fn culprit_value(
    rule: &RulePlan,
    ev: &mut Evaluator<'_>,
    env: &impl Env,
) -> (Option<(Value, Value, crate::ast::Type)>, Decimal) {
    let want = rule.kind == RuleKind::Forbid;
    let Some(c) = culprit(&rule.condition.node, want, ev, env) else {
        return (None, Decimal::ZERO);
    };
    let l = ev.eval(&c.left, env);
    let r = ev.eval(&c.right, env);
    let badness = match (l, r) {
        (Value::Num(a), Value::Num(b)) => {
            // A gap too large to compute is as far off as a decimal can say.
            let gap = a.checked_sub(b).map_or(Decimal::MAX, |g| g.abs());
            if b.is_zero() {
                gap
            } else {
                gap.checked_div(b.abs()).unwrap_or(gap)
            }
        }
        _ => Decimal::ZERO,
    };
    ((!l.is_null()).then_some((l, r, c.shape)), badness)
}

/// The comparison whose result (`want`) decided the outcome.
fn culprit<'n>(
    node: &'n Node,
    want: bool,
    ev: &mut Evaluator<'_>,
    env: &impl Env,
) -> Option<&'n Compare> {
    match node {
        Node::Cmp(c) => (ev.eval(node, env) == Value::Bool(want)).then_some(&**c),
        Node::Not(x) => culprit(x, !want, ev, env),
        Node::And(l, r) | Node::Or(l, r) => {
            let is_and = matches!(node, Node::And(..));
            if is_and == want {
                // Both sides have the wanted value: either explains it.
                culprit(l, want, ev, env).or_else(|| culprit(r, want, ev, env))
            } else if ev.eval(l, env) == Value::Bool(want) {
                culprit(l, want, ev, env)
            } else {
                culprit(r, want, ev, env)
            }
        }
        _ => None,
    }
}

/// A number in full as a plain decimal, for `value_exact`; `None` for any other value.
fn exact_text(v: Value) -> Option<String> {
    match v {
        Value::Num(d) => Some(d.normalize().to_string()),
        _ => None,
    }
}
