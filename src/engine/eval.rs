//! Evaluates compiled expressions with three-valued logic: `Null` is undetermined.

use super::node::{Arith, Compare, Node, Prop};
use super::world::World;
use crate::ast::Cmp;
use crate::data::value::{Text, Texts, Value};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Where the names of an expression get their values.
pub trait Env {
    /// A field of the current row.
    fn field(&self, i: u16) -> Value;
    /// A group key of the current group.
    fn key(&self, i: u16) -> Value;
    /// An aggregate's value for the current group.
    fn agg(&self, i: u16) -> Value;
    /// The current row's text buffer.
    fn row_text(&self) -> &str;
    /// The year the record or group is in, for `paired`.
    fn year(&self) -> Option<i32>;
    /// Why field `i` is null, for undetermined findings.
    fn null_field(&self, i: u16) -> String;
    /// Why aggregate `i` is null.
    fn null_agg(&self, i: u16) -> String;
}

/// The evaluator: world tables, and the first reason a value was undetermined.
pub struct Evaluator<'w> {
    pub world: &'w World,
    pub texts: &'w Texts,
    pub cause: Option<String>,
}

impl<'w> Evaluator<'w> {
    pub fn new(world: &'w World, texts: &'w Texts) -> Self {
        Evaluator {
            world,
            texts,
            cause: None,
        }
    }

    fn because(&mut self, why: impl FnOnce() -> String) -> Value {
        if self.cause.is_none() {
            self.cause = Some(why());
        }
        Value::Null
    }

    /// The value of an expression. A constant or a field (most operands are one or the other)
    /// is read in place, without the call and the frame that any other node takes.
    #[inline(always)]
    pub fn eval(&mut self, node: &Node, env: &impl Env) -> Value {
        match node {
            Node::Const(v) => *v,
            Node::Field(i) => {
                let v = env.field(*i);
                if v.is_null() {
                    return self.because(|| env.null_field(*i));
                }
                v
            }
            _ => self.eval_node(node, env),
        }
    }

    /// The value of an expression that is not a constant or a field.
    fn eval_node(&mut self, node: &Node, env: &impl Env) -> Value {
        match node {
            Node::Const(_) | Node::Field(_) => self.eval(node, env),
            Node::Key(i) => env.key(*i),
            Node::Agg(i) => {
                let v = env.agg(*i);
                if v.is_null() {
                    return self.because(|| env.null_agg(*i));
                }
                v
            }
            Node::Not(x) => match self.eval(x, env) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Null,
            },
            Node::Neg(x) => match self.eval(x, env) {
                Value::Num(n) => Value::Num(-n),
                _ => Value::Null,
            },
            Node::And(l, r) => match self.eval(l, env) {
                Value::Bool(false) => Value::Bool(false),
                Value::Bool(true) => self.eval(r, env),
                _ => match self.eval(r, env) {
                    Value::Bool(false) => Value::Bool(false),
                    _ => Value::Null,
                },
            },
            Node::Or(l, r) => match self.eval(l, env) {
                Value::Bool(true) => Value::Bool(true),
                Value::Bool(false) => self.eval(r, env),
                _ => match self.eval(r, env) {
                    Value::Bool(true) => Value::Bool(true),
                    _ => Value::Null,
                },
            },
            Node::Cmp(c) => self.compare(c, env),
            Node::In(x, list) => self.member_of(x, list, env),
            Node::Within(a, b) => match (self.eval(a, env), self.eval(b, env)) {
                (Value::Actor(a), Value::Actor(b)) => Value::Bool(self.world.within(a, b)),
                _ => Value::Null,
            },
            Node::Arith(a) => {
                let (l, r) = (self.eval(&a.left, env), self.eval(&a.right, env));
                self.arith(a.op, l, r, &a.text)
            }
            Node::If(b) => match self.eval(&b.0, env) {
                Value::Bool(true) => self.eval(&b.1, env),
                Value::Bool(false) => self.eval(&b.2, env),
                _ => Value::Null,
            },
            Node::Prop(p, x) => {
                let v = self.eval(x, env);
                self.prop(*p, v)
            }
            Node::Paired(p) => self.paired(p, env),
        }
    }

    /// `x in [a, b, …]`: true at the first equal item, undetermined when `x` or an item that
    /// could have matched is.
    #[inline]
    fn member_of(&mut self, x: &Node, list: &[Node], env: &impl Env) -> Value {
        let v = self.eval(x, env);
        if v.is_null() {
            return Value::Null;
        }
        let mut undetermined = false;
        for item in list {
            let w = self.eval(item, env);
            match self.order(v, w, env) {
                Some(Ordering::Equal) => return Value::Bool(true),
                None if w.is_null() => undetermined = true,
                _ => {}
            }
        }
        if undetermined {
            Value::Null
        } else {
            Value::Bool(false)
        }
    }

    /// `paired(supporter, recipient[, program])` in the record's year.
    #[inline]
    fn paired(&mut self, p: &(Node, Node, Option<Node>), env: &impl Env) -> Value {
        let s = self.eval(&p.0, env);
        let r = self.eval(&p.1, env);
        let g = p.2.as_ref().map(|g| self.eval(g, env));
        match (s, r, g) {
            (Value::Actor(s), Value::Actor(r), None) => {
                Value::Bool(self.world.paired(s, r, None, env.year()))
            }
            (Value::Actor(s), Value::Actor(r), Some(Value::Program(g))) => {
                Value::Bool(self.world.paired(s, r, Some(g), env.year()))
            }
            _ => Value::Null,
        }
    }

    /// A comparison; `a / b CMP c` is decided as `a CMP c × b` (no division, exact).
    fn compare(&mut self, c: &Compare, env: &impl Env) -> Value {
        if let Node::Arith(a) = &c.left
            && a.op == Arith::Div
        {
            let num = self.eval(&a.left, env);
            let den = self.eval(&a.right, env);
            let rhs = self.eval(&c.right, env);
            if let (Value::Num(n), Value::Num(d), Value::Num(k)) = (num, den, rhs) {
                if d.is_zero() {
                    return self.because(|| crate::tr!("engine-division-by-zero", a = a.text));
                }
                if let Some(kd) = k.checked_mul(d) {
                    let ord = if d.is_sign_negative() {
                        kd.cmp(&n)
                    } else {
                        n.cmp(&kd)
                    };
                    return Value::Bool(holds(c.op, ord));
                }
            }
            let l = self.arith(Arith::Div, num, den, &a.text);
            return self.finish_compare(c.op, l, rhs, env);
        }
        let l = self.eval(&c.left, env);
        let r = self.eval(&c.right, env);
        self.finish_compare(c.op, l, r, env)
    }

    fn finish_compare(&mut self, op: Cmp, l: Value, r: Value, env: &impl Env) -> Value {
        if l.is_null() || r.is_null() {
            return Value::Null;
        }
        match self.order(l, r, env) {
            Some(ord) => Value::Bool(holds(op, ord)),
            None => match op {
                Cmp::Eq => Value::Bool(false),
                Cmp::Ne => Value::Bool(true),
                _ => Value::Null,
            },
        }
    }

    /// How two values compare; `None` when they cannot be ordered (or one is null).
    pub fn order(&self, a: Value, b: Value, env: &impl Env) -> Option<Ordering> {
        match (a, b) {
            (Value::Num(x), Value::Num(y)) => Some(x.cmp(&y)),
            (Value::Year(x), Value::Year(y)) => Some(x.cmp(&y)),
            (Value::Year(x), Value::Num(y)) => Some(Decimal::from(x).cmp(&y)),
            (Value::Num(x), Value::Year(y)) => Some(x.cmp(&Decimal::from(y))),
            (Value::Period(a, b), Value::Num(y)) => period_order(a, b, y),
            (Value::Num(y), Value::Period(a, b)) => period_order(a, b, y).map(Ordering::reverse),
            (Value::Period(a, b), Value::Year(y)) => period_order(a, b, Decimal::from(y)),
            (Value::Year(y), Value::Period(a, b)) => {
                period_order(a, b, Decimal::from(y)).map(Ordering::reverse)
            }
            (Value::Period(a, b), Value::Period(c, d)) => Some((a, b).cmp(&(c, d))),
            (Value::Date(x), Value::Date(y)) => Some(x.cmp(&y)),
            (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(&y)),
            (Value::Actor(x), Value::Actor(y)) => Some(x.cmp(&y)),
            (Value::Program(x), Value::Program(y)) => Some(x.cmp(&y)),
            (Value::Enum(x), Value::Enum(y)) => Some(x.cmp(&y)),
            (Value::Text(x), Value::Text(y)) => Some(
                self.text(x, env.row_text())
                    .cmp(self.text(y, env.row_text())),
            ),
            _ => None,
        }
    }

    pub fn text<'a>(&'a self, t: Text, row_text: &'a str) -> &'a str {
        match t {
            Text::Row(a, b) => &row_text[a as usize..b as usize],
            Text::Sym(s) => self.texts.get(s),
        }
    }

    pub fn arith(&mut self, op: Arith, l: Value, r: Value, text: &str) -> Value {
        match (op, l, r) {
            (_, Value::Null, _) | (_, _, Value::Null) => Value::Null,
            (Arith::Div, Value::Num(_), Value::Num(d)) if d.is_zero() => {
                self.because(|| crate::tr!("engine-division-by-zero-text", text = text))
            }
            (op, Value::Num(a), Value::Num(b)) => {
                let r = match op {
                    Arith::Add => a.checked_add(b),
                    Arith::Sub => a.checked_sub(b),
                    Arith::Mul => a.checked_mul(b),
                    Arith::Div => a.checked_div(b),
                };
                match r {
                    Some(v) => Value::Num(v),
                    None => self.because(|| crate::tr!("engine-number-too-large-compute")),
                }
            }
            (Arith::Add, Value::Year(y), Value::Num(n)) => year_plus(y, n, 1),
            (Arith::Sub, Value::Year(y), Value::Num(n)) => year_plus(y, n, -1),
            (Arith::Sub, Value::Year(a), Value::Year(b)) => a
                .checked_sub(b)
                .map_or(Value::Null, |d| Value::Num(Decimal::from(d))),
            _ => Value::Null,
        }
    }

    fn prop(&mut self, p: Prop, v: Value) -> Value {
        let w = self.world;
        let found = match (p, v) {
            (Prop::Kind, Value::Actor(a)) => w.actor_kind[a as usize].map(Value::Enum),
            (Prop::Level, Value::Actor(a)) => w.actor_level[a as usize].map(Value::Enum),
            (Prop::Region, Value::Actor(a)) => w.actor_region[a as usize].map(Value::Actor),
            (Prop::Of, Value::Actor(a)) => w.actor_of[a as usize].map(Value::Actor),
            (Prop::ActorTitle, Value::Actor(a)) => {
                w.actor_title[a as usize].map(|t| Value::Text(Text::Sym(t)))
            }
            (Prop::ProgramTitle, Value::Program(g)) => {
                w.program_title[g as usize].map(|t| Value::Text(Text::Sym(t)))
            }
            (Prop::Since, Value::Program(g)) => w.program_since[g as usize].map(Value::Year),
            (Prop::Until, Value::Program(g)) => w.program_until[g as usize].map(Value::Year),
            _ => None,
        };
        match (found, v) {
            (Some(x), _) => x,
            (None, Value::Actor(a)) => {
                let name = w.actor_names[a as usize].clone();
                self.because(|| {
                    crate::tr!(
                        "engine-actor-name-has-no-prop",
                        name = name,
                        prop_name = prop_name(p)
                    )
                })
            }
            (None, Value::Program(g)) => {
                let name = w.program_names[g as usize].clone();
                self.because(|| {
                    crate::tr!(
                        "engine-program-name-has-no-prop",
                        name = name,
                        prop_name = prop_name(p)
                    )
                })
            }
            _ => Value::Null,
        }
    }
}

fn prop_name(p: Prop) -> &'static str {
    match p {
        Prop::Kind => "kind",
        Prop::Level => "level",
        Prop::Region => "region",
        Prop::Of => "of",
        Prop::ActorTitle | Prop::ProgramTitle => "title",
        Prop::Since => "since",
        Prop::Until => "until",
    }
}

fn year_plus(y: i32, n: Decimal, sign: i32) -> Value {
    match i64::try_from(n) {
        Ok(k) if n.fract().is_zero() && k.abs() < 10_000 => y
            .checked_add(sign * k as i32)
            .map_or(Value::Null, Value::Year),
        _ => Value::Null,
    }
}

/// Whether `op` holds for an ordering.
pub fn holds(op: Cmp, ord: Ordering) -> bool {
    match op {
        Cmp::Eq => ord == Ordering::Equal,
        Cmp::Ne => ord != Ordering::Equal,
        Cmp::Lt => ord == Ordering::Less,
        Cmp::Le => ord != Ordering::Greater,
        Cmp::Gt => ord == Ordering::Greater,
        Cmp::Ge => ord != Ordering::Less,
    }
}

/// A plan period against a year: equal when it holds the year, less when it ends before it,
/// greater when it starts after it.
fn period_order(first: i32, last: i32, year: Decimal) -> Option<Ordering> {
    Some(if Decimal::from(last) < year {
        Ordering::Less
    } else if Decimal::from(first) > year {
        Ordering::Greater
    } else {
        Ordering::Equal
    })
}
