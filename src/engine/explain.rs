//! `duikou explain`: one rule's computation for one group or record, step by step — each
//! aggregate with the rows that made it, each comparison with its values, and the outcome.

use super::aggregate::{Acc, AggFunc};
use super::check::Keep;
use super::compile::{Plan, RulePlan};
use super::env::{GroupEnv, RowEnv, in_force, year_of};
use super::eval::{Env, Evaluator};
use super::explain_target::{Want, agg_want, group_target, group_want};
use super::finding::{DataFinding, FindingKind};
use super::node::Node;
use super::run::{Options, key_text, read_into};
use super::template::Part;
use super::units::Placed;
use crate::ast::RuleKind;
use crate::ast::Type;
use crate::data::bind::DataFile;
use crate::data::cells::RowCells;
use crate::data::problem::DataProblem;
use crate::data::row::{Row, salvage, validate};
use crate::data::shape::Names;
use crate::data::sink::RowSink;
use crate::data::value::{Texts, Value};
use crate::ids::{FieldId, RecordId};
use crate::source::SourceMap;
use std::fmt::Write;

/// What to explain: a group (`per` key values as written) or a record (its key).
#[derive(Debug, Clone)]
pub enum Target {
    /// A group, by its `per` keys: `(key, value as written)` pairs.
    Group(Vec<(String, String)>),
    /// A record, by its key.
    Record(String),
}

/// Rows listed per aggregate; the rest are counted.
const LISTED: usize = 20;

/// The rows behind one aggregate.
#[derive(Debug, Clone)]
struct Trace {
    acc: Acc,
    rows: Vec<String>,
    count: u64,
}

/// Collects, while the data streams by, what the target needs.
struct Collector<'a> {
    plan: &'a Plan,
    rule: &'a RulePlan,
    record: RecordId,
    texts: Texts,
    /// The target group's rows; `None` for a record target.
    group: Option<Want>,
    record_key: Option<String>,
    traces: Vec<Trace>,
    group_rows: Vec<String>,
    group_count: u64,
    /// The target record, when found.
    found: Option<(Row, String)>,
    /// Rejected rows of the target group.
    rejected: Vec<String>,
    row: Row,
    file: String,
    /// What `check` decided for the target.
    verdict: Option<DataFinding>,
    /// Per aggregate, the rows it is taken over: the target's, an earlier period's for
    /// `at year - N`, a plan period's (to date).
    agg_targets: Vec<Want>,
}

impl Collector<'_> {
    /// Whether a rejected row may belong to the target group: the rule applies to it as far as
    /// it can be read (in force, `where` not false), and its readable keys agree with the
    /// group's (at least one of them, or every key).
    fn may_be_in_target(&mut self, row: &Row) -> bool {
        let Some(target) = self.group.clone() else {
            return false;
        };
        let plan = self.plan;
        let rule = self.rule;
        let rec = &plan.records[self.record];
        if !in_force(rule, row, rec) {
            return false;
        }
        let env = RowEnv {
            row,
            record: rec,
            year: year_of(row, rec),
        };
        let excluded = rule.filter.as_ref().is_some_and(|f| {
            Evaluator::new(&plan.world, &self.texts).eval(f, &env) == Value::Bool(false)
        });
        if excluded {
            return false;
        }
        let mut key = Vec::with_capacity(rule.keys.len());
        let mut values = Vec::with_capacity(rule.keys.len());
        for k in &rule.keys {
            let readable = !row.is_unreadable(k.field.index());
            let v = row.values[k.field.index()];
            key.push(readable.then(|| v.key(&row.text, &mut self.texts)));
            values.push(readable.then_some(v));
        }
        let readable = key.iter().any(Option::is_some);
        // A row of the years an aggregate adds up (to date, or an earlier period) counts too.
        let wanted = target.matches(&key, &values)
            || (self.agg_targets.iter()).any(|w| w.matches(&key, &values));
        wanted && (readable || rule.keys.is_empty())
    }

    fn label(&self, row: &Row) -> String {
        let rec = &self.plan.records[self.record];
        match rec.key {
            Some(k) => key_text(self.plan, row, k, rec.fields[k as usize].ty).into_owned(),
            None => format!("{}:{}", self.file, row.line),
        }
    }
}

impl RowSink for Collector<'_> {
    fn columns(&mut self, _: Vec<u32>) {}
    fn bad_row(&mut self, _: DataProblem) {}
    fn problem(&mut self, _: DataProblem) {}

    fn bad_row_cells(&mut self, problem: DataProblem, cells: &RowCells<'_>) {
        let plan = self.plan;
        let rec = &plan.records[self.record];
        let mut row = std::mem::take(&mut self.row);
        row.line = problem.location.line;
        let note = crate::tr!(
            "explain-file-line-was-rejected-message",
            file = self.file,
            line = problem.location.line,
            message = problem.message
        );
        salvage(&rec.fields, &plan.names, cells, &mut row, note.clone());
        if self.record == self.rule.record && self.may_be_in_target(&row) {
            self.rejected.push(note);
        }
        self.row = row;
    }

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        let plan = self.plan;
        let rec = &plan.records[self.record];
        let mut row = std::mem::take(&mut self.row);
        row.line = line;
        if let Err((field, why)) = validate(&rec.fields, &plan.names, cells, &mut row) {
            // A rejected row of the target group leaves the group's result undetermined.
            let note = crate::tr!(
                "explain-file-line-was-rejected-name",
                file = self.file,
                line = line,
                name = rec.fields[field].name.text,
                message = why.message
            );
            salvage(&rec.fields, &plan.names, cells, &mut row, note.clone());
            if self.record == self.rule.record && self.may_be_in_target(&row) {
                self.rejected.push(note);
            }
            self.row = row;
            return;
        }
        let env = RowEnv {
            row: &row,
            record: rec,
            year: year_of(&row, rec),
        };
        let rule = self.rule;
        if let Some(key) = &self.record_key {
            if self.record == rule.record && self.label(&row) == *key && self.found.is_none() {
                self.found = Some((row.clone(), self.file.clone()));
            }
            self.row = row;
            return;
        }
        if self.group.is_none() {
            self.row = row;
            return;
        }
        let own = self.record == rule.record;
        // Rows of the rule's own record count when its `where` holds; for the group itself also
        // only while the document is in force (an earlier period's rows count regardless).
        let selected = !own
            || rule.filter.as_ref().is_none_or(|f| {
                Evaluator::new(&plan.world, &self.texts).eval(f, &env) == Value::Bool(true)
            });
        let current = selected && (!own || in_force(rule, &row, rec));
        if !selected {
            self.row = row;
            return;
        }
        let (in_group, wanted) = self.wanted(&row, own, current);
        if !in_group && !wanted.contains(&true) {
            self.row = row;
            return;
        }
        let label = self.label(&row);
        if own && in_group {
            self.group_count += 1;
            if self.group_rows.len() < LISTED {
                self.group_rows.push(label.clone());
            }
        }
        self.trace(&env, &wanted, &label);
        self.row = row;
    }
}

impl Collector<'_> {
    /// Whether the row is in the target group, and which aggregates it counts toward.
    fn wanted(&mut self, row: &Row, own: bool, current: bool) -> (bool, Vec<bool>) {
        let rule = self.rule;
        // The row's key in this record's fields, by position in `per`.
        let mut row_key = Vec::with_capacity(rule.keys.len());
        let mut row_values = Vec::with_capacity(rule.keys.len());
        for pos in 0..rule.keys.len() {
            let field = rule.key_field_in(self.record, pos).map(FieldId::index);
            row_key.push(field.map(|f| row.values[f].key(&row.text, &mut self.texts)));
            row_values.push(field.map(|f| row.values[f]));
        }
        let matches = |want: &Want| want.matches(&row_key, &row_values);
        let in_group = current && self.group.as_ref().is_some_and(matches);
        let wanted: Vec<bool> = rule
            .aggs
            .iter()
            .zip(&self.agg_targets)
            .map(|(spec, want)| {
                spec.record == self.record
                    && matches(want)
                    && (spec.back.is_some() || !own || current)
            })
            .collect();
        (in_group, wanted)
    }

    /// Adds the row to the trace of each aggregate it counts toward.
    fn trace(&mut self, env: &RowEnv<'_>, wanted: &[bool], label: &str) {
        let (plan, rule, row) = (self.plan, self.rule, env.row);
        for (i, spec) in rule.aggs.iter().enumerate() {
            if !wanted[i] {
                continue;
            }
            let (pass, v) = {
                let mut ev = Evaluator::new(&plan.world, &self.texts);
                let pass = spec
                    .filter
                    .as_ref()
                    .map_or(Value::Bool(true), |f| ev.eval(f, env));
                let v = spec
                    .arg
                    .as_ref()
                    .map_or(Value::Bool(true), |a| ev.eval(a, env));
                (pass, v)
            };
            let t = &mut self.traces[i];
            match pass {
                Value::Bool(false) => continue,
                Value::Bool(true) => {
                    let key = if spec.func == AggFunc::Distinct {
                        v.key(&row.text, &mut self.texts)
                    } else {
                        0
                    };
                    t.acc.add(v, key, || {
                        crate::tr!("explain-value-empty-row-label", label = label)
                    });
                }
                _ => t.acc.poison(crate::tr!(
                    "explain-where-cannot-decided-row-label",
                    label = label
                )),
            }
            t.count += 1;
            if t.rows.len() < LISTED {
                t.rows.push(label.to_string());
            }
        }
    }
}

/// Explains rule `r` for `target` over `files`, with the finding `check` gave the target
/// (`None`: passed, exempted or not applicable). `Err` says why it cannot (unknown key, no
/// such group or record).
pub fn explain_with_verdict(
    plan: &Plan,
    sources: &SourceMap,
    files: &[DataFile],
    opts: &Options,
    r: usize,
    target: &Target,
) -> Result<(String, Option<DataFinding>), String> {
    let rule = &plan.rules[r];
    let mut texts = plan.texts.clone();
    let (parts, key_values, placed) = target_parts(plan, rule, target, &mut texts)?;
    let record_key = match target {
        Target::Record(k) => Some(k.clone()),
        Target::Group(_) => None,
    };
    let mut c = Collector::new(plan, rule, texts, record_key);
    if let Some(parts) = &parts {
        c.group = Some(group_want(rule, parts, placed));
        c.agg_targets = rule
            .aggs
            .iter()
            .map(|spec| agg_want(rule, spec, parts, &key_values, placed))
            .collect();
    }
    let quiet = Options {
        progress: false,
        hash: false,
        ..opts.clone()
    };
    c.read(files, &quiet);
    c.verdict = checked_verdict(plan, files, &quiet, r, &c.texts, &key_values, target);
    let mut out = header(plan, sources, rule);
    match target {
        Target::Group(_) => explain_group(plan, sources, rule, &c, &key_values, &mut out)?,
        Target::Record(key) => explain_record(plan, sources, rule, &c, key, &mut out)?,
    }
    Ok((out, c.verdict))
}

/// A group target's key parts (none for a record target), key values and plan period.
type TargetParts = (Option<Vec<u64>>, Vec<Value>, Option<Placed>);

/// The key parts, key values and plan period of a group target; none for a record target.
/// `Err` when the target does not suit the rule.
fn target_parts(
    plan: &Plan,
    rule: &RulePlan,
    target: &Target,
    texts: &mut Texts,
) -> Result<TargetParts, String> {
    match target {
        Target::Group(_) if !rule.is_group() => Err(crate::tr!(
            "explain-rule-rule-looks-at-single",
            rule = rule.name
        )),
        Target::Group(pairs) => {
            let (parts, values, placed) = group_target(plan, rule, pairs, texts)?;
            Ok((Some(parts), values, placed))
        }
        Target::Record(_) if rule.is_group() => {
            let keys: Vec<&str> = rule.keys.iter().map(|k| k.name.as_str()).collect();
            Err(crate::tr!(
                "explain-rule-rule-looks-at-groups",
                rule = rule.name,
                keys = keys
                    .iter()
                    .map(|k| format!("{k}=…"))
                    .collect::<Vec<_>>()
                    .join(",")
            ))
        }
        Target::Record(_) => Ok((None, Vec::new(), None)),
    }
}

impl<'a> Collector<'a> {
    /// A collector of `rule`'s rows, with no target group or aggregate targets yet.
    fn new(plan: &'a Plan, rule: &'a RulePlan, texts: Texts, record_key: Option<String>) -> Self {
        Collector {
            plan,
            rule,
            record: rule.record,
            texts,
            group: None,
            record_key,
            traces: (rule.aggs.iter())
                .map(|a| Trace {
                    acc: Acc::new(a.func),
                    rows: Vec::new(),
                    count: 0,
                })
                .collect(),
            group_rows: Vec::new(),
            group_count: 0,
            found: None,
            rejected: Vec::new(),
            row: Row::default(),
            file: String::new(),
            verdict: None,
            agg_targets: Vec::new(),
        }
    }

    /// Reads the files of the rule's record type and of those its aggregates range over.
    fn read(&mut self, files: &[DataFile], opts: &Options) {
        let (plan, rule) = (self.plan, self.rule);
        let bound = super::run::bind_records(plan, files);
        for (file, &record) in files.iter().zip(&bound) {
            let Some(record) = record else {
                continue;
            };
            let wanted = record == rule.record || rule.aggs.iter().any(|a| a.record == record);
            if !wanted {
                continue;
            }
            self.record = record;
            self.file = file.display();
            let _ = read_into(plan, record.index(), file, opts, None, self);
        }
    }
}

/// What `check` decided for the target: its finding, if it has one. None means the rule passed,
/// exempted or did not look at it. The outcome explain prints is this decision, so the two
/// commands cannot disagree.
fn checked_verdict(
    plan: &Plan,
    files: &[DataFile],
    opts: &Options,
    r: usize,
    texts: &Texts,
    keys: &[Value],
    target: &Target,
) -> Option<DataFinding> {
    let opts = Options {
        keep: Keep::All,
        ..opts.clone()
    };
    let mut run = super::run::check_data(plan, files, &opts);
    let n = names(plan, texts, "");
    let rule = &plan.rules[r];
    let found = std::mem::take(run.findings.get_mut(r)?);
    found.into_iter().find(|f| match target {
        Target::Record(key) => f.record.as_deref() == Some(key.as_str()),
        Target::Group(_) => {
            f.group.len() == keys.len()
                && f.group
                    .iter()
                    .zip(keys)
                    .zip(&rule.keys)
                    .all(|((kv, v), k)| kv.text == n.show(*v, k.shape))
        }
    })
}

fn header(plan: &Plan, sources: &SourceMap, rule: &RulePlan) -> String {
    let mut out = String::new();
    let title = rule
        .title
        .as_ref()
        .map(|t| format!(" “{t}”"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        crate::tr!("explain-rule-heading", rule = rule.name, title = title)
    );
    let place = crate::source::location(sources, rule.span);
    let basis = match &rule.source {
        Some(s) => crate::tr!(
            "gaps-document-art-article",
            document = s.document,
            article = s.article
        ),
        None => crate::tr!("explain-no-document-unsourced"),
    };
    let _ = writeln!(
        out,
        "  {}",
        crate::tr!(
            "explain-from-basis",
            basis = basis,
            place = format!("{}:{}:{}", place.file, place.line, place.column)
        )
    );
    let mut over = crate::tr!("explain-over-name", name = plan.records[rule.record].name);
    if let Some(f) = &rule.filter_text {
        let _ = write!(over, " where {f}");
    }
    if rule.is_group() {
        let keys: Vec<String> = (0..rule.keys.len()).map(|i| rule.key_text(i)).collect();
        let _ = write!(over, ", per {}", keys.join(", "));
        if rule.periods.as_ref().is_some_and(|p| p.to_date) {
            over.push_str(", decided at each year of a period, to date");
        }
    }
    let _ = writeln!(out, "  {over}");
    out
}

fn names<'a>(plan: &'a Plan, texts: &'a Texts, row_text: &'a str) -> Names<'a> {
    Names {
        actors: &plan.world.actor_names,
        programs: &plan.world.program_names,
        texts,
        row_text,
    }
}

/// Writes each aggregate of a group's explanation: its value and the rows it was taken from.
fn aggregate_lines(
    rule: &RulePlan,
    c: &Collector<'_>,
    n: &Names<'_>,
    out: &mut String,
) -> Vec<Result<Value, String>> {
    let mut aggs = Vec::new();
    for ((spec, t), want) in rule.aggs.iter().zip(&c.traces).zip(&c.agg_targets) {
        // The years are said when they are not the group's own.
        let when = (spec.back.is_some() || spec.cumulative)
            .then(|| want.years())
            .flatten();
        let v = match (&want.none, &when) {
            (Some(why), _) => Err(why.clone()),
            (None, Some(years)) if t.count == 0 && spec.back.is_some() => {
                Err(crate::tr!("explain-no-rows-for-year", year = years))
            }
            _ => t.acc.value(),
        };
        let shown = match &v {
            Ok(v) => n.show(*v, spec.shape),
            Err(why) => crate::tr!("explain-undetermined-why", why = why),
        };
        let _ = writeln!(out, "  {} = {shown}", spec.text);
        let what = if spec.record == rule.record {
            String::new()
        } else {
            crate::tr!("explain-joined")
        };
        let when = when
            .map(|y| crate::tr!("explain-of-year", year = y))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {}",
            crate::tr!(
                "explain-from-rows",
                rows = crate::suggest::plural(t.count as usize, "row"),
                what = what,
                when = when,
                list = list(&t.rows, t.count)
            )
        );
        aggs.push(v);
    }
    aggs
}

fn explain_group(
    plan: &Plan,
    sources: &SourceMap,
    rule: &RulePlan,
    c: &Collector<'_>,
    keys: &[Value],
    out: &mut String,
) -> Result<(), String> {
    let n = names(plan, &c.texts, "");
    let shown: Vec<String> = rule
        .keys
        .iter()
        .zip(keys)
        .map(|(k, v)| format!("{} = {}", k.name, n.show(*v, k.shape)))
        .collect();
    if c.group_count == 0 && c.rejected.is_empty() {
        return Err(crate::tr!(
            "explain-no-rows-name-fall-group",
            name = plan.records[rule.record].name,
            shown = shown.join(", ")
        ));
    }
    let _ = writeln!(
        out,
        "  {}\n",
        crate::tr!(
            "explain-group-line",
            group = shown.join(", "),
            rows = crate::suggest::plural(c.group_count as usize, "row"),
            list = list(&c.group_rows, c.group_count)
        )
    );
    let aggs = aggregate_lines(rule, c, &n, out);
    let env = GroupEnv {
        keys,
        aggs: &aggs,
        year: super::groups::group_year(
            rule,
            plan.records[rule.record].time,
            &super::groups::Group {
                keys: keys.to_vec(),
                undetermined: None,
                rejected: None,
            },
        ),
        rule,
    };
    if !c.rejected.is_empty() {
        let _ = writeln!(out, "\n  {}", crate::tr!("explain-rejected-rows-heading"));
        for r in &c.rejected {
            let _ = writeln!(out, "    {r}");
        }
        let own = rule.aggs.iter().any(|a| a.record == rule.record);
        if own || c.group_count == 0 {
            let _ = writeln!(
                out,
                "\n  {}",
                crate::tr!("explain-outcome-incomplete-group")
            );
            return Ok(());
        }
        let _ = writeln!(
            out,
            "  {}",
            crate::tr!(
                "explain-rejected-do-not-change",
                record = plan.records[rule.record].name
            )
        );
    }
    conclude(plan, sources, rule, c, &env, out, |p| match p {
        Part::Key(i) => n.show(keys[*i as usize], rule.keys[*i as usize].shape),
        _ => String::new(),
    });
    Ok(())
}

fn explain_record(
    plan: &Plan,
    sources: &SourceMap,
    rule: &RulePlan,
    c: &Collector<'_>,
    key: &str,
    out: &mut String,
) -> Result<(), String> {
    let Some((row, file)) = &c.found else {
        return Err(crate::tr!(
            "explain-no-valid-record-name-has",
            name = plan.records[rule.record].name,
            key = key
        ));
    };
    let rec = &plan.records[rule.record];
    let n = names(plan, &c.texts, &row.text);
    let _ = writeln!(
        out,
        "  {}",
        crate::tr!(
            "explain-record-line",
            key = key,
            place = format!("{file}:{}", row.line)
        )
    );
    for (f, v) in rec.fields.iter().zip(&row.values) {
        let _ = writeln!(out, "    {} = {}", f.name.text, n.show(*v, f.ty));
    }
    out.push('\n');
    if !in_force(rule, row, rec) {
        let _ = writeln!(out, "  {}", crate::tr!("explain-not-in-force"));
        return Ok(());
    }
    let env = RowEnv {
        row,
        record: rec,
        year: year_of(row, rec),
    };
    if let Some(f) = &rule.filter {
        let v = Evaluator::new(&plan.world, &c.texts).eval(f, &env);
        let text = rule.filter_text.as_deref().unwrap_or("…");
        let _ = writeln!(out, "  where {text} → {}", truth(v));
        if v != Value::Bool(true) {
            let _ = writeln!(out, "  {}", crate::tr!("explain-not-looked-at"));
            return Ok(());
        }
    }
    conclude(plan, sources, rule, c, &env, out, |p| match p {
        Part::Field(i) => n.show(row.values[*i as usize], rec.fields[*i as usize].ty),
        _ => String::new(),
    });
    Ok(())
}

/// Each comparison of the condition, `unless`, and the outcome.
fn conclude(
    plan: &Plan,
    sources: &SourceMap,
    rule: &RulePlan,
    c: &Collector<'_>,
    env: &impl Env,
    out: &mut String,
    fill: impl Fn(&Part) -> String,
) {
    let texts = &c.texts;
    let n = names(plan, texts, env.row_text());
    let mut ev = Evaluator::new(&plan.world, texts);
    out.push('\n');
    comparisons(&rule.condition.node, sources, &n, &mut ev, env, out);
    let cond = ev.eval(&rule.condition.node, env);
    let kw = rule.kind.keyword();
    let _ = writeln!(
        out,
        "  {kw} {} → {}",
        sources.snippet(rule.condition.span),
        truth(cond)
    );
    if let Some(u) = &rule.unless {
        let v = ev.eval(u, env);
        let _ = writeln!(
            out,
            "  unless {} → {}",
            rule.unless_text.as_deref().unwrap_or("…"),
            truth(v)
        );
        if v == Value::Bool(true) {
            let _ = writeln!(
                out,
                "\n  {}",
                crate::tr!("explain-outcome", outcome = crate::tr!("explain-exempted"))
            );
            return;
        }
    }
    let computed = match (rule.kind, cond) {
        (RuleKind::Permit, _) => crate::tr!("explain-permit-never-violation-by-itself"),
        (RuleKind::Require, Value::Bool(false)) | (RuleKind::Forbid, Value::Bool(true)) => {
            crate::tr!("explain-violation")
        }
        (_, Value::Bool(_)) => crate::tr!("explain-passed"),
        _ => crate::tr!(
            "explain-undetermined-ev",
            ev = ev
                .cause
                .clone()
                .unwrap_or_else(|| crate::tr!("explain-value-missing"))
        ),
    };
    let outcome = match &c.verdict {
        Some(f) => verdict_text(plan, f),
        None => computed,
    };
    let _ = writeln!(
        out,
        "\n  {}",
        crate::tr!("explain-outcome", outcome = outcome)
    );
    if outcome == crate::tr!("explain-violation")
        && let Some(t) = &rule.message
    {
        let value = first_left(&rule.condition.node, &mut ev, env)
            .map(|(v, other, s)| n.show_apart(v, other, s))
            .unwrap_or_else(|| "—".into());
        let msg = t.render(|p| match p {
            Part::Value => value.clone(),
            other => fill(other),
        });
        let _ = writeln!(out, "  {}", crate::tr!("explain-message", message = msg));
    }
}

/// The outcome line of a finding that `check` gave.
fn verdict_text(plan: &Plan, f: &DataFinding) -> String {
    let why = f
        .cause
        .as_ref()
        .map(|c| c.describe(|w| plan.rules[w].name.clone()))
        .unwrap_or_default();
    match f.kind {
        FindingKind::Violation => crate::tr!("explain-violation"),
        FindingKind::Undetermined => crate::tr!("explain-undetermined-why-2", why = why),
        FindingKind::Overridden => {
            crate::tr!("explain-overridden-not-enforced-here-why", why = why)
        }
    }
}

/// The left-hand side of the first comparison, the right-hand side it was compared with, and
/// their shape.
fn first_left(node: &Node, ev: &mut Evaluator<'_>, env: &impl Env) -> Option<(Value, Value, Type)> {
    match node {
        Node::Cmp(c) => Some((ev.eval(&c.left, env), ev.eval(&c.right, env), c.shape)),
        Node::Not(x) => first_left(x, ev, env),
        Node::And(l, r) | Node::Or(l, r) => {
            first_left(l, ev, env).or_else(|| first_left(r, ev, env))
        }
        _ => None,
    }
}

/// Prints every comparison in `node` with both sides' values and its result.
fn comparisons(
    node: &Node,
    sources: &SourceMap,
    n: &Names<'_>,
    ev: &mut Evaluator<'_>,
    env: &impl Env,
    out: &mut String,
) {
    match node {
        Node::Cmp(c) => {
            let l = ev.eval(&c.left, env);
            let r = ev.eval(&c.right, env);
            let result = ev.eval(node, env);
            let _ = writeln!(
                out,
                "  {}: {} {} {} → {}",
                sources.snippet(c.span),
                n.show_apart(l, r, c.shape),
                c.op.as_str(),
                n.show_apart(r, l, c.shape),
                truth(result)
            );
        }
        Node::Not(x) => comparisons(x, sources, n, ev, env, out),
        Node::And(l, r) | Node::Or(l, r) => {
            comparisons(l, sources, n, ev, env, out);
            comparisons(r, sources, n, ev, env, out);
        }
        _ => {}
    }
}

fn truth(v: Value) -> String {
    match v {
        Value::Bool(true) => crate::tr!("explain-true"),
        Value::Bool(false) => crate::tr!("explain-false"),
        _ => crate::tr!("explain-undetermined"),
    }
}

fn list(rows: &[String], count: u64) -> String {
    let mut s = rows.join(", ");
    if count as usize > rows.len() {
        s.push_str(&crate::tr!(
            "explain-and-more",
            n = count as usize - rows.len()
        ));
    }
    if s.is_empty() {
        s.push_str(&crate::tr!("answer-none"));
    }
    s
}
