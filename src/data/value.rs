//! Run-time values of fields and expressions, and the interned texts they refer to.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// A value during checking. Money is held in 元; percents as fractions (`74%` is 0.74).
/// `Null` is a missing value and the result of anything undetermined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Num(Decimal),
    Date(NaiveDate),
    Year(i32),
    /// A plan period of years, first and last: a group key of a rule with `period(…)`.
    Period(i32, i32),
    /// An actor, by its index in the rule set's actors.
    Actor(u32),
    /// A program, by its index in the rule set's programs.
    Program(u32),
    /// A value of an enumeration (actor kind or level), by its index in that enumeration.
    Enum(u8),
    Text(Text),
}

/// Where a text value lives: in the current row's text, or interned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    /// A byte range of the row's text buffer.
    Row(u32, u32),
    /// An interned text.
    Sym(u32),
}

/// Interned texts: constants of the rules, titles, and texts kept beyond one row.
#[derive(Debug, Default, Clone)]
pub struct Texts {
    ids: FxHashMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
}

impl Texts {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    pub fn get(&self, id: u32) -> &str {
        &self.texts[id as usize]
    }
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// A 64-bit identity for grouping and `distinct`: equal values give equal keys.
    /// Texts (and decimals) are interned on the way.
    pub fn key(&self, row_text: &str, texts: &mut Texts) -> u64 {
        const TAG: u32 = 56;
        match *self {
            Value::Null => 0,
            Value::Bool(b) => (1 << TAG) | b as u64,
            Value::Year(y) => (2 << TAG) | (y as u32 as u64),
            Value::Actor(a) => (3 << TAG) | a as u64,
            Value::Program(p) => (4 << TAG) | p as u64,
            Value::Enum(e) => (5 << TAG) | e as u64,
            Value::Date(d) => (6 << TAG) | (d.num_days_from_ce() as u32 as u64),
            Value::Text(Text::Sym(s)) => (7 << TAG) | s as u64,
            Value::Text(Text::Row(a, b)) => {
                (7 << TAG) | texts.intern(&row_text[a as usize..b as usize]) as u64
            }
            Value::Num(n) => (8 << TAG) | texts.intern(&n.normalize().to_string()) as u64,
            Value::Period(a, b) => (9 << TAG) | ((a as u16 as u64) << 16) | (b as u16 as u64),
        }
    }

    /// The value with row texts interned, so it outlives the row.
    pub fn kept(self, row_text: &str, texts: &mut Texts) -> Value {
        match self {
            Value::Text(Text::Row(a, b)) => {
                Value::Text(Text::Sym(texts.intern(&row_text[a as usize..b as usize])))
            }
            v => v,
        }
    }
}

use chrono::Datelike;
