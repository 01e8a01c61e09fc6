//! Group state of group-level rules. Rules over the same record with the same `per` keys,
//! `where` and period share one table, and an aggregate written in several of them (such as
//! `sum(planned)`) is computed once. Other record types are joined to groups on shared keys.

use super::aggregate::{Acc, AggFunc, AggSpec, Back};
use super::compile::{Plan, RulePlan};
use super::env::{RowEnv, in_period};
use super::eval::Evaluator;
use super::group_index::GroupIndex;
use super::node::Node;
use super::partial::Partial;
use super::world::{Period, World};
use crate::data::value::{Text, Texts, Value};
use crate::ids::RecordId;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

/// One group of a table: what is looked at once the data is read. Its row count and
/// aggregates, which every row of the group updates, are kept in the table side by side with
/// the other groups' ([`GroupTable::accs`]), so a row touches only those.
#[derive(Debug, Clone)]
pub struct Group {
    /// The key values, in `per` order (texts interned); as hashed, [`GroupTable::parts`].
    pub keys: Vec<Value>,
    /// Set when a row's `where` could not be decided.
    pub undetermined: Option<String>,
    /// Set when a rejected row belongs to the group.
    pub rejected: Option<String>,
}

/// The groups of the rules sharing a record, keys, `where` and period.
#[derive(Debug)]
pub struct GroupTable {
    pub record: RecordId,
    /// The rules decided on the table's groups (none for a table kept only for the earlier
    /// periods of `at year - N`).
    pub rules: Vec<usize>,
    /// Key fields, in `per` order.
    pub keys: Vec<u16>,
    filter: Option<Node>,
    period: Option<Period>,
    /// Aggregates over the table's own record.
    pub aggs: Vec<AggSpec>,
    index: GroupIndex,
    pub groups: Vec<Group>,
    /// Per group: the rows in it.
    rows: Vec<u64>,
    /// Per group: the table's aggregates (`aggs.len()` of them), one group after another.
    accs: Vec<Acc>,
    /// Rejected rows with some keys unreadable: the groups they may belong to.
    partial: Partial,
    /// At most this many groups are held; a row of a group beyond them is not added.
    limit: usize,
    /// Set when a row belonged to a group beyond `limit`: the table's rules are not decided.
    pub overflowed: bool,
}

/// Rows of another record type, aggregated per shared key for one table.
#[derive(Debug)]
pub struct JoinTable {
    pub table: usize,
    pub record: RecordId,
    /// (position in `per`, field in the joined record) for each shared key.
    pub shared: Vec<(usize, u16)>,
    pub aggs: Vec<AggSpec>,
    index: FxHashMap<Box<[u64]>, Vec<Acc>>,
    /// The shared keys that rows were added under (others are in `index` only as placeholders).
    with_rows: FxHashSet<Box<[u64]>>,
    partial: Partial,
}

/// Where a rule's aggregate is kept.
#[derive(Debug, Clone, Copy)]
pub enum AggRef {
    /// Slot of the rule's own table.
    Own(usize),
    /// Join table and slot.
    Join(usize, usize),
    /// Table and slot of the same aggregate over the group of an earlier period.
    OwnBack(usize, usize, Back),
    /// Join table and slot, looked up at an earlier period.
    JoinBack(usize, usize, Back),
}

/// Every group table and join table, and which a rule uses.
#[derive(Debug, Default)]
pub struct Tables {
    pub tables: Vec<GroupTable>,
    pub joins: Vec<JoinTable>,
    pub rule_table: Vec<Option<usize>>,
    pub rule_aggs: Vec<Vec<AggRef>>,
}

/// The same aggregate: function, record, argument and filter.
fn same_agg(a: &AggSpec, b: &AggSpec) -> bool {
    a.func == b.func && a.record == b.record && a.arg == b.arg && a.filter == b.filter
}

fn slot_of(list: &mut Vec<AggSpec>, spec: &AggSpec) -> usize {
    match list.iter().position(|x| same_agg(x, spec)) {
        Some(i) => i,
        None => {
            list.push(spec.clone());
            list.len() - 1
        }
    }
}

/// The groups one table holds at most unless told otherwise (`--max-groups`): about 1 GB at
/// about 0.5 KB a group.
pub const DEFAULT_MAX_GROUPS: usize = 2_000_000;

impl Tables {
    /// Holds at most `limit` groups in each table.
    pub fn limit_groups(&mut self, limit: usize) {
        for t in &mut self.tables {
            t.limit = limit;
        }
    }

    /// Tables for every group-level rule to check (`permit` rules are not checked).
    pub fn build(plan: &Plan) -> Tables {
        let mut t = Tables {
            rule_table: vec![None; plan.rules.len()],
            rule_aggs: vec![Vec::new(); plan.rules.len()],
            ..Tables::default()
        };
        for (r, rule) in plan.rules.iter().enumerate() {
            if !rule.is_group() || rule.kind == crate::ast::RuleKind::Permit {
                continue;
            }
            let keys: Vec<u16> = rule.keys.iter().map(|k| k.field.0).collect();
            let ti = t.table_for(rule, &keys, rule.period);
            t.tables[ti].rules.push(r);
            t.rule_table[r] = Some(ti);
            for spec in &rule.aggs {
                let aref = match (spec.record == rule.record, spec.back) {
                    (true, None) => AggRef::Own(slot_of(&mut t.tables[ti].aggs, spec)),
                    // An earlier period's rows count whether or not the rule's document was in
                    // force then: they come from a table with no period.
                    (true, Some(back)) => {
                        let base = t.table_for(rule, &keys, None);
                        AggRef::OwnBack(base, slot_of(&mut t.tables[base].aggs, spec), back)
                    }
                    (false, back) => {
                        let ji = t.join_for(ti, spec);
                        let slot = slot_of(&mut t.joins[ji].aggs, spec);
                        match back {
                            None => AggRef::Join(ji, slot),
                            Some(back) => AggRef::JoinBack(ji, slot, back),
                        }
                    }
                };
                t.rule_aggs[r].push(aref);
            }
        }
        t
    }

    /// The table of `rule`'s record, keys, `where` and `period`, made if there is none.
    fn table_for(&mut self, rule: &RulePlan, keys: &[u16], period: Option<Period>) -> usize {
        let found = self.tables.iter().position(|x| {
            x.record == rule.record
                && x.keys == keys
                && x.period == period
                && x.filter == rule.filter
        });
        found.unwrap_or_else(|| {
            self.tables.push(GroupTable {
                record: rule.record,
                rules: Vec::new(),
                keys: keys.to_vec(),
                filter: rule.filter.clone(),
                period,
                aggs: Vec::new(),
                index: GroupIndex::new(keys.len()),
                groups: Vec::new(),
                rows: Vec::new(),
                accs: Vec::new(),
                partial: Partial::default(),
                limit: DEFAULT_MAX_GROUPS,
                overflowed: false,
            });
            self.tables.len() - 1
        })
    }

    /// The join of `spec`'s record type to table `ti` on the keys both have, made if there is
    /// none.
    fn join_for(&mut self, ti: usize, spec: &AggSpec) -> usize {
        let found = self
            .joins
            .iter()
            .position(|j| j.table == ti && j.record == spec.record);
        found.unwrap_or_else(|| {
            let shared = spec
                .shared
                .iter()
                .map(|&(pos, f)| (pos as usize, f.0))
                .collect();
            self.joins.push(JoinTable {
                table: ti,
                record: spec.record,
                shared,
                aggs: Vec::new(),
                index: FxHashMap::default(),
                with_rows: FxHashSet::default(),
                partial: Partial::default(),
            });
            self.joins.len() - 1
        })
    }
}

/// Adds one row's contributions to `accs` (which are `aggs`' accumulators).
fn contribute(
    aggs: &[AggSpec],
    accs: &mut [Acc],
    world: &World,
    texts: &mut Texts,
    env: &RowEnv<'_>,
) {
    for (spec, acc) in aggs.iter().zip(accs.iter_mut()) {
        let (pass, v, why) = {
            let mut ev = Evaluator::new(world, texts);
            let pass = match &spec.filter {
                None => Value::Bool(true),
                Some(f) => ev.eval(f, env),
            };
            let v = match (&pass, &spec.arg) {
                (Value::Bool(true), Some(arg)) => ev.eval(arg, env),
                _ => Value::Bool(true),
            };
            (pass, v, ev.cause.take())
        };
        match pass {
            Value::Bool(true) => {}
            Value::Bool(false) => continue,
            _ => {
                acc.poison(crate::tr!(
                    "engine-where-of-undecided-on-line",
                    what = spec.text,
                    line = env.row.line,
                    why = why.unwrap_or_default()
                ));
                continue;
            }
        }
        let key = if spec.func == AggFunc::Distinct {
            v.key(&env.row.text, texts)
        } else {
            0
        };
        acc.add(v, key, || {
            crate::tr!(
                "engine-why-on-line",
                why = why.unwrap_or_default(),
                line = env.row.line
            )
        });
    }
}

impl GroupTable {
    /// Adds a row to its group, if the table's rules are in force for it and its `where` holds.
    /// Returns whether the row was in force.
    pub fn add_row(
        &mut self,
        world: &World,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
    ) -> bool {
        if !in_period(self.period, env.row, env.record) {
            return false;
        }
        let filter = match &self.filter {
            None => Value::Bool(true),
            Some(f) => Evaluator::new(world, texts).eval(f, env),
        };
        if filter == Value::Bool(false) {
            return true;
        }
        let Some(g) = self.group_of(texts, key_buf, env) else {
            return true;
        };
        self.rows[g] += 1;
        if filter != Value::Bool(true) {
            self.groups[g].undetermined.get_or_insert_with(|| {
                crate::tr!("engine-rule-where-undecided-on-line", line = env.row.line)
            });
            return true;
        }
        let n = self.aggs.len();
        contribute(&self.aggs, &mut self.accs[g * n..][..n], world, texts, env);
        true
    }

    /// The index of the row's group, made when it is the group's first row.
    fn group_of(
        &mut self,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
    ) -> Option<usize> {
        key_buf.clear();
        for &k in &self.keys {
            key_buf.push(env.row.values[k as usize].key(&env.row.text, texts));
        }
        if let Some(g) = self.index.get(key_buf) {
            return Some(g as usize);
        }
        if self.groups.len() >= self.limit {
            self.overflowed = true;
            return None;
        }
        let keys = self
            .keys
            .iter()
            .map(|&k| env.row.values[k as usize].kept(&env.row.text, texts))
            .collect();
        self.index.push(key_buf);
        self.groups.push(Group {
            keys,
            undetermined: None,
            rejected: None,
        });
        self.rows.push(0);
        self.accs.extend(self.aggs.iter().map(|a| Acc::new(a.func)));
        Some(self.groups.len() - 1)
    }

    /// Marks the group of a rejected row, when its keys could be read and the table's rules
    /// may apply to it: the group's own aggregates become undetermined.
    pub fn mark(
        &mut self,
        world: &World,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
        why: &str,
    ) {
        if !in_period(self.period, env.row, env.record) {
            return;
        }
        if let Some(f) = &self.filter
            && Evaluator::new(world, texts).eval(f, env) == Value::Bool(false)
        {
            return;
        }
        if let Some(pattern) = pattern(&self.keys, texts, env) {
            // A row with no readable key cannot be placed in any group.
            if pattern.iter().any(Option::is_some) {
                self.partial.add(
                    pattern,
                    &crate::tr!("engine-rejected-row-may-belong", why = why),
                );
            }
            return;
        }
        let Some(g) = self.group_of(texts, key_buf, env) else {
            return;
        };
        let why = crate::tr!("engine-row-of-group-missing", why = why);
        self.poison(g, why);
    }

    /// Makes group `g`'s aggregates undetermined because a rejected row may belong to it.
    fn poison(&mut self, g: usize, why: String) {
        let n = self.aggs.len();
        for a in &mut self.accs[g * n..][..n] {
            a.poison(why.clone());
        }
        self.groups[g].rejected.get_or_insert(why);
    }

    /// Group `g`'s key as hashed.
    pub fn parts(&self, g: usize) -> &[u64] {
        self.index.key(g)
    }

    /// Group `g`'s aggregates, in the order of `aggs`.
    pub fn accs(&self, g: usize) -> &[Acc] {
        let n = self.aggs.len();
        &self.accs[g * n..][..n]
    }

    /// Why no rule of the table can be decided for group `g`: a row's `where` could not be
    /// decided, or every row of the group was rejected. (A rejected row among valid ones
    /// leaves only the group's own aggregates undetermined.)
    pub fn blocked(&self, g: usize) -> Option<&String> {
        let group = &self.groups[g];
        (group.undetermined.as_ref()).or(group.rejected.as_ref().filter(|_| self.rows[g] == 0))
    }

    /// The group with key `parts`, if it has had a row.
    pub fn find(&self, parts: &[u64]) -> Option<usize> {
        self.index.get(parts).map(|g| g as usize)
    }

    /// Group indexes in key order: actors and programs in declaration order, then numbers,
    /// years, dates and texts in their natural order.
    pub fn sorted(&self, texts: &Texts) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by(|&a, &b| cmp_keys(&self.groups[a].keys, &self.groups[b].keys, texts));
        order
    }
}

impl JoinTable {
    /// The row's values of the shared keys, as hashed, into `key_buf`.
    fn shared_key(&self, texts: &mut Texts, key_buf: &mut Vec<u64>, env: &RowEnv<'_>) {
        key_buf.clear();
        for (_, f) in &self.shared {
            key_buf.push(env.row.values[*f as usize].key(&env.row.text, texts));
        }
    }

    /// Adds a row of the joined record type under its shared key.
    pub fn add_row(
        &mut self,
        world: &World,
        texts: &mut Texts,
        key_buf: &mut Vec<u64>,
        env: &RowEnv<'_>,
    ) {
        self.shared_key(texts, key_buf, env);
        if !self.index.contains_key(key_buf.as_slice()) {
            let accs = self.aggs.iter().map(|a| Acc::new(a.func)).collect();
            self.index.insert(key_buf.as_slice().into(), accs);
        }
        if !self.with_rows.contains(key_buf.as_slice()) {
            self.with_rows.insert(key_buf.as_slice().into());
        }
        let accs = self
            .index
            .get_mut(key_buf.as_slice())
            .expect("inserted above");
        contribute(&self.aggs, accs, world, texts, env);
    }

    /// Marks the joined rows under a rejected row's shared key undetermined.
    pub fn mark(&mut self, texts: &mut Texts, key_buf: &mut Vec<u64>, env: &RowEnv<'_>, why: &str) {
        let fields: Vec<u16> = self.shared.iter().map(|(_, f)| *f).collect();
        if let Some(pattern) = pattern(&fields, texts, env) {
            if pattern.iter().any(Option::is_some) {
                self.partial.add(
                    pattern,
                    &crate::tr!("engine-rejected-joined-may-belong", why = why),
                );
            }
            return;
        }
        self.shared_key(texts, key_buf, env);
        let accs = self
            .index
            .entry(key_buf.as_slice().into())
            .or_insert_with(|| self.aggs.iter().map(|a| Acc::new(a.func)).collect());
        for a in accs.iter_mut() {
            a.poison(crate::tr!("engine-joined-row-missing", why = why));
        }
    }

    /// The accumulators for a group with key `parts`, and whether any row was added under
    /// them (rather than only a rejected row's mark).
    pub fn accs_at(&self, parts: &[u64]) -> Option<(&[Acc], bool)> {
        let key: Vec<u64> = self.shared.iter().map(|(pos, _)| parts[*pos]).collect();
        let accs = self.index.get(key.as_slice())?;
        Some((accs, self.with_rows.contains(key.as_slice())))
    }

    /// Whether the joined rows are matched on the `per` key at `pos`.
    pub fn shares(&self, pos: usize) -> bool {
        self.shared.iter().any(|(p, _)| *p == pos)
    }

    /// The value of aggregate `slot` under key `parts`, undetermined when no row was added
    /// under it: an earlier period with no rows is not a period with nothing in it.
    pub fn value_with_rows(&self, parts: &[u64], slot: usize, year: i32) -> Result<Value, String> {
        let key: Vec<u64> = self.shared.iter().map(|(pos, _)| parts[*pos]).collect();
        match self.index.get(key.as_slice()) {
            Some(accs) if self.with_rows.contains(key.as_slice()) => accs[slot].value(),
            Some(accs) => accs[slot]
                .value()
                .and(Err(crate::tr!("engine-no-joined-rows-for", years = year))),
            None => Err(crate::tr!("engine-no-joined-rows-for", years = year)),
        }
    }

    /// The value of aggregate `slot` for a group with key `parts`.
    pub fn value(&self, parts: &[u64], slot: usize) -> Result<Value, String> {
        let key: Vec<u64> = self.shared.iter().map(|(pos, _)| parts[*pos]).collect();
        match self.index.get(key.as_slice()) {
            Some(accs) => accs[slot].value(),
            None => Acc::new(self.aggs[slot].func).value(),
        }
    }
}

/// A rejected row's key pattern when some of its `fields` could not be read (`None` there).
fn pattern(fields: &[u16], texts: &mut Texts, env: &RowEnv<'_>) -> Option<Box<[Option<u64>]>> {
    let row = env.row;
    if !fields.iter().any(|&f| row.is_unreadable(f as usize)) {
        return None;
    }
    Some(
        fields
            .iter()
            .map(|&f| {
                (!row.is_unreadable(f as usize))
                    .then(|| row.values[f as usize].key(&row.text, texts))
            })
            .collect(),
    )
}

impl GroupTable {
    /// Makes the groups that partly-read rejected rows may belong to undetermined.
    fn settle(&mut self) {
        let keys: Vec<&[u64]> = (0..self.groups.len()).map(|g| self.parts(g)).collect();
        let matched = self.partial.matches(&keys);
        for (g, why) in matched {
            self.poison(g, why);
        }
    }
}

impl JoinTable {
    /// Makes the joined values that partly-read rejected rows may belong to undetermined, for
    /// every group of the table (also those with no joined rows).
    fn settle(&mut self, table: &GroupTable) {
        for g in 0..table.groups.len() {
            let parts = table.parts(g);
            let key: Box<[u64]> = self.shared.iter().map(|(pos, _)| parts[*pos]).collect();
            if !self.index.contains_key(&key) {
                let accs = self.aggs.iter().map(|a| Acc::new(a.func)).collect();
                self.index.insert(key, accs);
            }
        }
        let mut entries: Vec<&Box<[u64]>> = self.index.keys().collect();
        entries.sort();
        let entries: Vec<Box<[u64]>> = entries.into_iter().cloned().collect();
        let keys: Vec<&[u64]> = entries.iter().map(|k| &**k).collect();
        for (i, why) in self.partial.matches(&keys) {
            if let Some(accs) = self.index.get_mut(&entries[i]) {
                for a in accs {
                    a.poison(why.clone());
                }
            }
        }
    }
}

impl Tables {
    /// Applies the rejected rows whose keys could be read only in part; called once, after the
    /// last row.
    pub fn settle(&mut self) {
        for j in &mut self.joins {
            j.settle(&self.tables[j.table]);
        }
        for t in &mut self.tables {
            t.settle();
        }
    }
}

impl Tables {
    /// Every aggregate's value of rule `r` for group `g` of its table.
    pub fn values(&self, r: usize, g: usize) -> Vec<Result<Value, String>> {
        let t = &self.tables[self.rule_table[r].expect("a group rule")];
        let (keys, own) = (&t.groups[g].keys, t.parts(g));
        self.rule_aggs[r]
            .iter()
            .map(|a| match *a {
                AggRef::Own(slot) => t.accs(g)[slot].value(),
                AggRef::Join(j, slot) => self.joins[j].value(own, slot),
                AggRef::OwnBack(base, slot, back) => {
                    let (parts, year) = earlier(own, keys, back)?;
                    let table = &self.tables[base];
                    match table.index.get(&parts) {
                        Some(e) => table.accs(e as usize)[slot].value(),
                        None => Err(crate::tr!("engine-no-rows-for", years = year)),
                    }
                }
                AggRef::JoinBack(j, slot, back) => {
                    let (parts, year) = earlier(own, keys, back)?;
                    self.joins[j].value_with_rows(&parts, slot, year)
                }
            })
            .collect()
    }
}

/// The key of the group `back` periods before the group with `parts` and `keys`, and that
/// period's year.
pub(super) fn earlier(
    parts: &[u64],
    keys: &[Value],
    back: Back,
) -> Result<(Vec<u64>, i32), String> {
    let pos = back.key as usize;
    let Some(Value::Year(y)) = keys.get(pos).copied() else {
        return Err(crate::tr!("engine-no-year-to-go-back"));
    };
    let year = y
        .checked_sub(back.years as i32)
        .filter(|y| *y >= 1)
        .ok_or_else(|| crate::tr!("engine-no-year-n-before", n = back.years, y = y))?;
    let mut parts = parts.to_vec();
    parts[pos] = Value::Year(year).key("", &mut Texts::default());
    Ok((parts, year))
}

/// The year of a group, when the record's time field is a group key.
pub fn group_year(rule: &RulePlan, time: Option<u16>, group: &Group) -> Option<i32> {
    let t = time?;
    let pos = rule.keys.iter().position(|k| k.field.0 == t)?;
    match group.keys[pos] {
        Value::Year(y) => Some(y),
        Value::Date(d) => Some(chrono::Datelike::year(&d)),
        _ => None,
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
