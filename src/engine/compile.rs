//! Compiles checked rules into executable plans: names resolved, constants interned.

use super::aggregate::{AggFunc, AggSpec, Back};
use super::node::{Arith, Arithmetic, Compare, Expr, Node, Prop};
use super::template::Template;
use super::world::{Period, World};
use crate::ast::Type;
use crate::ast::{
    self, BinOp, Cmp, ExprKind, IndicatorKind, Literal, Name, RuleKind, RuleSeverity, UnOp,
};
use crate::data::convert::NameIndex;
use crate::data::value::{Text, Texts, Value};
use crate::ids::{ActorId, EvaluationId, FieldId, RecordId, RuleId};
use crate::source::{SourceMap, Span};
use crate::symbols::{NATIONAL, Source, Sourced, Symbols};
use rust_decimal::Decimal;

/// A record type as data is checked against it.
#[derive(Debug, Clone)]
pub struct RecordPlan {
    pub name: String,
    pub fields: Vec<ast::Field>,
    /// The `key` field.
    pub key: Option<u16>,
    /// The `time` field.
    pub time: Option<u16>,
}

/// A group key of a group-level rule.
#[derive(Debug, Clone)]
pub struct KeyPlan {
    pub field: FieldId,
    pub name: String,
    pub shape: Type,
}

/// Plan periods of a rule's time key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodPlan {
    /// The time key's position in `per`.
    pub key: u16,
    /// First and last year of each period, in order.
    pub spans: Vec<(i32, i32)>,
    /// The rule has a `cumulative` aggregate: it is decided at each year of a period (to date),
    /// not once per period.
    pub to_date: bool,
}

impl PeriodPlan {
    /// The period holding `year`: its index and first and last year.
    pub fn of(&self, year: i32) -> Option<(usize, (i32, i32))> {
        self.spans
            .iter()
            .position(|(a, b)| (*a..=*b).contains(&year))
            .map(|i| (i, self.spans[i]))
    }
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct RulePlan {
    pub name: String,
    pub title: Option<String>,
    pub kind: RuleKind,
    pub severity: RuleSeverity,
    /// The record type it looks at.
    pub record: RecordId,
    /// `over R where …`.
    pub filter: Option<Node>,
    /// The `where` condition as written.
    pub filter_text: Option<String>,
    /// When its document is in force; `None` for unsourced rules (always).
    pub period: Option<Period>,
    /// `per` keys; empty for a record-level rule.
    pub keys: Vec<KeyPlan>,
    /// `period(year, …)` in `per`: the time key grouped into plan periods.
    pub periods: Option<PeriodPlan>,
    pub condition: Expr,
    /// The condition as written.
    pub condition_text: String,
    pub unless: Option<Node>,
    /// The `unless` condition as written.
    pub unless_text: Option<String>,
    pub aggs: Vec<AggSpec>,
    pub message: Option<Template>,
    pub source: Option<Source>,
    /// The rule's name in its file.
    pub span: Span,
    /// An evaluation's indicator computed like a group rule, never reported as one.
    pub hidden: bool,
}

impl RulePlan {
    pub fn is_group(&self) -> bool {
        !self.keys.is_empty()
    }

    /// The field holding `per` key `pos` in rows of `record`: the key's own field for the
    /// rule's record, the shared field for a record type one of its aggregates ranges over.
    pub fn key_field_in(&self, record: RecordId, pos: usize) -> Option<FieldId> {
        if record == self.record {
            return Some(self.keys[pos].field);
        }
        let spec = self.aggs.iter().find(|a| a.record == record)?;
        let (_, field) = spec.shared.iter().find(|(p, _)| *p as usize == pos)?;
        Some(*field)
    }

    /// The `per` key at `i` as written: its name, or `period(year, 2011..2015, …)`.
    pub fn key_text(&self, i: usize) -> String {
        let name = &self.keys[i].name;
        match &self.periods {
            Some(p) if p.key as usize == i => {
                let spans: Vec<String> = p.spans.iter().map(|(a, b)| format!("{a}..{b}")).collect();
                format!("period({name}, {})", spans.join(", "))
            }
            _ => name.clone(),
        }
    }
}

/// A rule that yields to another where both apply (SPEC §5): a defeated rule, or a prohibition
/// with a prevailing permit.
#[derive(Debug, Clone)]
pub struct Override {
    pub defeated: RuleId,
    pub winner: RuleId,
    /// The winner is a `permit`: only records it describes are exempt.
    pub permit: bool,
    /// A variation prevails only for records and groups within this territory.
    pub region: Option<ActorId>,
    pub reason: String,
}

/// Every rule and record type of a rule set, compiled.
#[derive(Debug)]
pub struct Plan {
    pub world: World,
    pub texts: Texts,
    pub names: NameIndex,
    pub records: Vec<RecordPlan>,
    pub rules: Vec<RulePlan>,
    pub evaluations: Vec<EvaluationPlan>,
    /// Rules that yield to prevailing ones where both apply, from the resolution of conflicts
    /// between the rules themselves; every use of the plan (check, explain, score, test) reads
    /// the same list.
    pub overrides: Vec<Override>,
}

/// One indicator of an evaluation.
#[derive(Debug, Clone)]
pub struct IndicatorPlan {
    pub name: String,
    pub kind: Option<IndicatorKind>,
    /// As a fraction: 20% is 0.2.
    pub weight: Decimal,
    pub cmp: Cmp,
    pub target: Decimal,
    /// How the target prints.
    pub target_shape: Type,
    /// The hidden rule that computes the value.
    pub rule: RuleId,
    /// `rated(S)`: each evaluator, its weight and the aggregate (of the hidden rule) averaging
    /// its ratings.
    pub rated: Option<Vec<(String, Decimal, usize)>>,
    /// The value as written.
    pub text: String,
}

/// An evaluation ready to score.
#[derive(Debug, Clone)]
pub struct EvaluationPlan {
    pub name: String,
    pub title: Option<String>,
    pub indicators: Vec<IndicatorPlan>,
    /// Grades, best first as declared: name and lower bound.
    pub grades: Vec<(String, Decimal)>,
    /// `rank within …`: the keys each ranking is taken within, by position among the group
    /// keys and by name (empty: one ranking over every group).
    pub rank_within: Vec<(usize, String)>,
    pub source: Option<Source>,
    pub span: Span,
}

impl Plan {
    /// The id of the rule named `name`, resolved once where a later stage takes a rule's name
    /// from the rule files; `None` for a rule that is not compiled (it has no condition).
    pub fn rule_id(&self, name: &str) -> Option<RuleId> {
        let i = self.rules.iter().position(|r| r.name == name)?;
        Some(RuleId(i as u32))
    }

    /// The rule an id stands for.
    pub fn rule(&self, id: RuleId) -> &RulePlan {
        &self.rules[id.index()]
    }

    /// The id of the record type named `name`, resolved once where a name comes from outside
    /// the plan (a data file bound to a record type, a test's data block).
    pub fn record_id(&self, name: &str) -> Option<RecordId> {
        let i = self.records.iter().position(|r| r.name == name)?;
        Some(RecordId(i as u32))
    }

    /// The field of record type `record` named `name`, resolved once where a name comes from
    /// outside the plan (the key of a test's `{ key: value }`).
    pub fn field_id(&self, record: RecordId, name: &str) -> Option<FieldId> {
        let fields = &self.records.get(record.index())?.fields;
        let i = fields.iter().position(|f| f.name.text == name)?;
        Some(FieldId(i as u16))
    }

    /// The id of the evaluation named `name`, resolved once where a name comes from the
    /// command line or a test.
    pub fn evaluation_id(&self, name: &str) -> Option<EvaluationId> {
        let i = self.evaluations.iter().position(|e| e.name == name)?;
        Some(EvaluationId(i as u32))
    }

    /// The evaluation an id stands for.
    pub fn evaluation(&self, id: EvaluationId) -> &EvaluationPlan {
        &self.evaluations[id.index()]
    }

    /// Compiles the rules of a rule set that checked without errors; its evaluations are
    /// added by [`Plan::build`].
    pub(super) fn build_rules(symbols: &Symbols, sources: &SourceMap) -> Plan {
        let mut texts = Texts::default();
        let world = World::build(symbols, &mut texts);
        let records = symbols
            .records
            .values()
            .map(|r| RecordPlan {
                name: r.name.text.clone(),
                fields: r.fields.clone(),
                key: r.fields.iter().position(|f| f.key).map(|i| i as u16),
                time: r.fields.iter().position(|f| f.time).map(|i| i as u16),
            })
            .collect();
        let rules = symbols
            .rules
            .values()
            .filter_map(|sr| rule_plan(symbols, sources, sr, (&world, &mut texts)))
            .collect();
        Plan {
            world,
            texts,
            names: name_index(symbols),
            records,
            rules,
            evaluations: Vec::new(),
            overrides: Vec::new(),
        }
    }
}

/// Actors (with their aliases) and programs by name, as data cells name them.
fn name_index(symbols: &Symbols) -> NameIndex {
    let mut names = NameIndex::default();
    for (i, a) in symbols.actors.values().enumerate() {
        names.actors.insert(&a.name.text, i as u32);
    }
    for (i, a) in symbols.actors.values().enumerate() {
        for alias in &a.aliases {
            names.actors.insert(alias, i as u32);
        }
    }
    if let Some(i) = symbols.actors.get_index_of(NATIONAL) {
        names.actors.insert("全国", i as u32);
    }
    for (i, p) in symbols.programs.keys().enumerate() {
        names.programs.insert(p, i as u32);
    }
    names
}

/// One rule compiled; `None` for a rule without `over` or a condition (nothing to run).
fn rule_plan(
    symbols: &Symbols,
    sources: &SourceMap,
    sr: &Sourced<ast::Rule>,
    (world, texts): (&World, &mut Texts),
) -> Option<RulePlan> {
    let rule = &sr.item;
    let over = rule.over.as_ref()?;
    let record_idx = symbols.records.get_index_of(&over.record.text)?;
    let record = &symbols.records[record_idx];
    let mut c = Compiler {
        symbols,
        sources,
        texts,
        record,
        keys: None,
        agg_record: None,
        aggs: Vec::new(),
    };
    let filter = over.filter.as_ref().map(|f| c.expr(f).0);
    c.keys = (!rule.per.is_empty()).then_some(rule.per.as_slice());
    let cond = rule.condition.as_ref()?;
    let (node, shape) = c.expr(cond);
    let unless = rule.unless.as_ref().map(|u| c.expr(u).0);
    let mut aggs = std::mem::take(&mut c.aggs);
    let keys = key_plans(record, &rule.per);
    share_keys(symbols, &keys, record_idx, &mut aggs);
    let periods = rule.periods.as_ref().and_then(|p| {
        Some(PeriodPlan {
            key: rule.per.iter().position(|k| k.text == p.key.text)? as u16,
            spans: p.ranges(),
            to_date: aggs.iter().any(|a| a.cumulative),
        })
    });
    let snippet = |span: Span| sources.snippet(span).to_string();
    Some(RulePlan {
        name: rule.name.text.clone(),
        title: rule.title.clone(),
        kind: rule.kind,
        severity: rule.severity,
        record: RecordId(record_idx as u32),
        filter,
        filter_text: over.filter.as_ref().map(|f| snippet(f.span)),
        period: world.periods.of(sr.source.as_ref()),
        keys,
        periods,
        condition: Expr {
            node,
            shape,
            span: cond.span,
        },
        condition_text: snippet(cond.span),
        unless,
        unless_text: rule.unless.as_ref().map(|u| snippet(u.span)),
        aggs,
        message: (rule.message.as_ref()).map(|(m, _)| Template::parse(m, record, &rule.per)),
        source: sr.source.clone(),
        span: rule.name.span,
        hidden: false,
    })
}

/// The `per` keys of a rule or evaluation over `record`.
pub(super) fn key_plans(record: &ast::Record, per: &[Name]) -> Vec<KeyPlan> {
    per.iter()
        .filter_map(|k| {
            let i = record.fields.iter().position(|f| f.name.text == k.text)?;
            Some(KeyPlan {
                field: FieldId(i as u16),
                name: k.text.clone(),
                shape: record.fields[i].ty,
            })
        })
        .collect()
}

/// Fills in, for each aggregate over a record type other than the rule's own (`own`, an index
/// in the rule set's records), the `per` keys it shares with the rule: the key's position and
/// the field of the other record type with the key's name.
pub(super) fn share_keys(symbols: &Symbols, keys: &[KeyPlan], own: usize, aggs: &mut [AggSpec]) {
    for spec in aggs.iter_mut().filter(|a| a.record.index() != own) {
        let other = &symbols.records[spec.record.index()];
        spec.shared = keys
            .iter()
            .enumerate()
            .filter_map(|(pos, k)| {
                let i = other.fields.iter().position(|f| f.name.text == k.name)?;
                Some((pos as u16, FieldId(i as u16)))
            })
            .collect();
    }
}

pub(super) struct Compiler<'a> {
    pub(super) symbols: &'a Symbols,
    pub(super) sources: &'a SourceMap,
    pub(super) texts: &'a mut Texts,
    pub(super) record: &'a ast::Record,
    pub(super) keys: Option<&'a [Name]>,
    /// Inside an aggregate: the record it ranges over, and its index.
    pub(super) agg_record: Option<(&'a ast::Record, usize)>,
    pub(super) aggs: Vec<AggSpec>,
}

fn field_of(record: &ast::Record, name: &str) -> Option<(u16, Type)> {
    let i = record.fields.iter().position(|f| f.name.text == name)?;
    Some((i as u16, record.fields[i].ty))
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &ast::Expr) -> (Node, Type) {
        match &e.kind {
            ExprKind::Literal(l) => self.literal(l),
            ExprKind::Name(n) => self.name(n),
            ExprKind::List(_) => (Node::Const(Value::Null), Type::Text),
            ExprKind::Member(base, prop) => self.member(base, prop),
            ExprKind::Unary(UnOp::Not, x) => (Node::Not(Box::new(self.expr(x).0)), Type::Bool),
            ExprKind::Unary(UnOp::Neg, x) => {
                let (n, s) = self.expr(x);
                (Node::Neg(Box::new(n)), s)
            }
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r),
            ExprKind::If(c, t, f) => {
                let c = self.expr(c).0;
                let (t, shape) = self.expr(t);
                let f = self.expr(f).0;
                (Node::If(Box::new((c, t, f))), shape)
            }
            ExprKind::Call {
                function,
                args,
                filter,
                at,
                cumulative,
            } => {
                let agg = (at.as_deref(), *cumulative);
                self.call(e, function, args, filter.as_deref(), agg)
            }
        }
    }

    fn literal(&mut self, l: &Literal) -> (Node, Type) {
        let (v, shape) = match l {
            Literal::Number(d) if d.fract().is_zero() => (Value::Num(*d), Type::Int),
            Literal::Number(d) => (Value::Num(*d), Type::Decimal),
            Literal::Percent(d) => (Value::Num(*d), Type::Percent),
            Literal::Money(d) => (Value::Num(*d), Type::Money(ast::MoneyUnit::Yuan)),
            Literal::Date(d) => (Value::Date(*d), Type::Date),
            Literal::Text(t) => (Value::Text(Text::Sym(self.texts.intern(t))), Type::Text),
            Literal::Bool(b) => (Value::Bool(*b), Type::Bool),
        };
        (Node::Const(v), shape)
    }

    fn name(&mut self, n: &Name) -> (Node, Type) {
        if let Some((rec, _)) = self.agg_record
            && let Some((i, s)) = field_of(rec, &n.text)
        {
            return (Node::Field(i), s);
        }
        if let Some((i, s)) = field_of(self.record, &n.text) {
            if self.agg_record.is_none()
                && let Some(keys) = self.keys
            {
                let pos = keys.iter().position(|k| k.text == n.text).unwrap_or(0);
                return (Node::Key(pos as u16), s);
            }
            return (Node::Field(i), s);
        }
        if let Some(i) = self.symbols.actors.get_index_of(&n.text) {
            return (Node::Const(Value::Actor(i as u32)), Type::Actor);
        }
        if let Some(i) = self.symbols.programs.get_index_of(&n.text) {
            return (Node::Const(Value::Program(i as u32)), Type::Program);
        }
        (Node::Const(Value::Null), Type::Text)
    }

    /// An operand compared with an enumerated value: bare names are its values.
    fn operand(&mut self, expected: Type, e: &ast::Expr) -> (Node, Type) {
        if let ExprKind::Name(n) = &e.kind {
            let is_field = [self.agg_record.map(|r| r.0), Some(self.record)]
                .into_iter()
                .flatten()
                .any(|r| field_of(r, &n.text).is_some());
            if !is_field {
                let index = match expected {
                    Type::ActorKind => ast::ActorKind::parse(&n.text).map(|k| k as u8),
                    Type::Level => ast::Level::parse(&n.text).map(|l| l as u8),
                    _ => None,
                };
                if let Some(i) = index {
                    return (Node::Const(Value::Enum(i)), expected);
                }
            }
        }
        self.expr(e)
    }

    fn member(&mut self, base: &ast::Expr, prop: &Name) -> (Node, Type) {
        if let ExprKind::Name(n) = &base.kind
            && field_of(self.record, &n.text).is_none()
            && let Some(rec) = self.symbols.records.get(&n.text)
        {
            if let Some((agg, _)) = self.agg_record
                && agg.name.text == rec.name.text
                && let Some((i, s)) = field_of(agg, &prop.text)
            {
                return (Node::Field(i), s);
            }
            return self.name(prop);
        }
        let (b, shape) = self.expr(base);
        let (p, s) = match (shape, prop.text.as_str()) {
            (Type::Actor, "kind") => (Prop::Kind, Type::ActorKind),
            (Type::Actor, "level") => (Prop::Level, Type::Level),
            (Type::Actor, "region") => (Prop::Region, Type::Actor),
            (Type::Actor, "of") => (Prop::Of, Type::Actor),
            (Type::Actor, _) => (Prop::ActorTitle, Type::Text),
            (_, "since") => (Prop::Since, Type::Year),
            (_, "until") => (Prop::Until, Type::Year),
            _ => (Prop::ProgramTitle, Type::Text),
        };
        (Node::Prop(p, Box::new(b)), s)
    }

    fn binary(&mut self, e: &ast::Expr, op: BinOp, l: &ast::Expr, r: &ast::Expr) -> (Node, Type) {
        match op {
            BinOp::And => {
                let (l, r) = (self.expr(l).0, self.expr(r).0);
                (Node::And(Box::new(l), Box::new(r)), Type::Bool)
            }
            BinOp::Or => {
                let (l, r) = (self.expr(l).0, self.expr(r).0);
                (Node::Or(Box::new(l), Box::new(r)), Type::Bool)
            }
            BinOp::Cmp(cmp) => {
                let (left, ls) = self.expr(l);
                let (right, rs) = self.operand(ls, r);
                let shape = match (ls, rs) {
                    (Type::Decimal | Type::Int, Type::Percent) => Type::Percent,
                    _ => ls,
                };
                let node = Node::Cmp(Box::new(Compare {
                    op: cmp,
                    left,
                    right,
                    shape,
                    span: e.span,
                }));
                (node, Type::Bool)
            }
            BinOp::In => {
                let (left, ls) = self.expr(l);
                let items = match &r.kind {
                    ExprKind::List(items) => items.iter().map(|i| self.operand(ls, i).0).collect(),
                    _ => vec![self.expr(r).0],
                };
                (Node::In(Box::new(left), items), Type::Bool)
            }
            BinOp::Within => {
                let (l, r) = (self.expr(l).0, self.expr(r).0);
                (Node::Within(Box::new(l), Box::new(r)), Type::Bool)
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let (left, ls) = self.expr(l);
                let (right, rs) = self.expr(r);
                let op = match op {
                    BinOp::Add => Arith::Add,
                    BinOp::Sub => Arith::Sub,
                    BinOp::Mul => Arith::Mul,
                    _ => Arith::Div,
                };
                let shape = match (op, ls, rs) {
                    (Arith::Div, Type::Money(_), Type::Money(_)) => Type::Decimal,
                    (_, Type::Money(u), _) | (Arith::Mul, _, Type::Money(u)) => Type::Money(u),
                    (Arith::Sub, Type::Year, Type::Year) => Type::Int,
                    (_, Type::Year, _) => Type::Year,
                    (Arith::Add | Arith::Sub, Type::Percent, Type::Percent) => Type::Percent,
                    (_, Type::Int, Type::Int) if op != Arith::Div => Type::Int,
                    _ => Type::Decimal,
                };
                let node = Node::Arith(Box::new(Arithmetic {
                    op,
                    left,
                    right,
                    text: self.sources.snippet(e.span).into(),
                }));
                (node, shape)
            }
        }
    }

    fn call(
        &mut self,
        e: &ast::Expr,
        f: &Name,
        args: &[ast::Expr],
        filter: Option<&ast::Expr>,
        (at, cumulative): (Option<&ast::Offset>, bool),
    ) -> (Node, Type) {
        if let Some(func) = AggFunc::parse(&f.text) {
            let back = at.and_then(|o| self.back(o));
            return self.aggregate(e, func, args, filter, (back, cumulative));
        }
        if f.text == "paired" && args.len() >= 2 {
            let s = self.expr(&args[0]).0;
            let r = self.expr(&args[1]).0;
            let p = args.get(2).map(|a| self.expr(a).0);
            return (Node::Paired(Box::new((s, r, p))), Type::Bool);
        }
        (Node::Const(Value::Null), Type::Decimal)
    }

    fn aggregate(
        &mut self,
        e: &ast::Expr,
        func: AggFunc,
        args: &[ast::Expr],
        filter: Option<&ast::Expr>,
        (back, cumulative): (Option<Back>, bool),
    ) -> (Node, Type) {
        let ranged = ranged_record(self.symbols, self.record, args, filter);
        let outer = self.agg_record.replace(ranged);
        let arg = args.first().map(|a| self.expr(a));
        let filter = filter.map(|w| self.expr(w).0);
        self.agg_record = outer;
        let shape = match (func, &arg) {
            (AggFunc::Count | AggFunc::Distinct, _) => Type::Int,
            (AggFunc::Avg, Some((_, Type::Int))) => Type::Decimal,
            (_, Some((_, s))) => *s,
            (_, None) => Type::Decimal,
        };
        self.aggs.push(AggSpec {
            func,
            record: RecordId(ranged.1 as u32),
            shared: Vec::new(),
            arg: arg.map(|a| a.0),
            filter,
            shape,
            text: unbracketed(self.sources.snippet(e.span)).to_string(),
            back,
            cumulative,
        });
        (Node::Agg((self.aggs.len() - 1) as u16), shape)
    }

    /// Where an offset goes back: the `per` key (the record's year time field) and how far.
    fn back(&self, o: &ast::Offset) -> Option<Back> {
        let key = match &o.key {
            Some(k) => k.text.as_str(),
            None => self
                .record
                .fields
                .iter()
                .find(|f| f.time)?
                .name
                .text
                .as_str(),
        };
        let pos = self.keys?.iter().position(|k| k.text == key)?;
        Some(Back {
            key: pos as u16,
            years: o.back,
        })
    }
}

/// An expression's text without the brackets around the whole of it.
fn unbracketed(mut text: &str) -> &str {
    loop {
        let inner = text
            .strip_prefix(['(', '（'])
            .and_then(|t| t.strip_suffix([')', '）']))
            .map(str::trim);
        match inner {
            // `(a) + (b)` is not bracketed as a whole: its inside does not balance.
            Some(t) if balanced(t) => text = t,
            _ => return text,
        }
    }
}

/// Whether every bracket of `text` closes, in order.
fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// The record an aggregate ranges over: another record type named as `R.field` in it, or the
/// rule's own.
fn ranged_record<'a>(
    symbols: &'a Symbols,
    own: &'a ast::Record,
    args: &[ast::Expr],
    filter: Option<&ast::Expr>,
) -> (&'a ast::Record, usize) {
    let named = crate::types::record_named_in(args, filter);
    let own_index = symbols.records.get_index_of(&own.name.text).unwrap_or(0);
    match named {
        Some(n) if n != own.name.text && own.fields.iter().all(|f| f.name.text != n) => symbols
            .records
            .get_full(n)
            .map_or((own, own_index), |(i, _, r)| (r, i)),
        _ => (own, own_index),
    }
}

impl std::ops::Index<RecordId> for Vec<RecordPlan> {
    type Output = RecordPlan;
    fn index(&self, id: RecordId) -> &RecordPlan {
        &self[id.index()]
    }
}

impl std::ops::Index<FieldId> for Vec<ast::Field> {
    type Output = ast::Field;
    fn index(&self, id: FieldId) -> &ast::Field {
        &self[id.index()]
    }
}
