//! The environments a compiled expression is evaluated in: one row of a record, or one group
//! of a group rule with its keys and aggregates; and whether a record's time is in force.

use super::compile::{RecordPlan, RulePlan};
use super::eval::Env;
use crate::data::row::Row;
use crate::data::value::Value;

/// One row of a record.
pub struct RowEnv<'a> {
    pub row: &'a Row,
    pub record: &'a RecordPlan,
    pub year: Option<i32>,
}

impl Env for RowEnv<'_> {
    fn field(&self, i: u16) -> Value {
        self.row.values[i as usize]
    }
    fn key(&self, _: u16) -> Value {
        Value::Null
    }
    fn agg(&self, _: u16) -> Value {
        Value::Null
    }
    fn row_text(&self) -> &str {
        &self.row.text
    }
    fn year(&self) -> Option<i32> {
        self.year
    }
    fn null_field(&self, i: u16) -> String {
        crate::tr!(
            "engine-name-empty",
            name = self.record.fields[i as usize].name.text
        )
    }
    fn null_agg(&self, _: u16) -> String {
        String::new()
    }
}

/// A group being decided.
pub struct GroupEnv<'a> {
    pub keys: &'a [Value],
    pub aggs: &'a [Result<Value, String>],
    pub year: Option<i32>,
    pub rule: &'a RulePlan,
}

impl Env for GroupEnv<'_> {
    fn field(&self, _: u16) -> Value {
        Value::Null
    }
    fn key(&self, i: u16) -> Value {
        self.keys[i as usize]
    }
    fn agg(&self, i: u16) -> Value {
        self.aggs[i as usize].clone().unwrap_or(Value::Null)
    }
    fn row_text(&self) -> &str {
        ""
    }
    fn year(&self) -> Option<i32> {
        self.year
    }
    fn null_field(&self, _: u16) -> String {
        String::new()
    }
    fn null_agg(&self, i: u16) -> String {
        let why = self.aggs[i as usize].clone().err().unwrap_or_default();
        crate::tr!(
            "engine-usize-undetermined-why",
            usize = self.rule.aggs[i as usize].text,
            why = why
        )
    }
}

/// The year of a record's time field, if it has one.
pub fn year_of(row: &Row, record: &RecordPlan) -> Option<i32> {
    match record.time.map(|t| row.values[t as usize]) {
        Some(Value::Year(y)) => Some(y),
        Some(Value::Date(d)) => Some(chrono::Datelike::year(&d)),
        _ => None,
    }
}

/// Whether the rule's document is in force for the record's time.
pub fn in_force(rule: &RulePlan, row: &Row, record: &RecordPlan) -> bool {
    in_period(rule.period, row, record)
}

/// Whether the record's time falls in `period` (always, without one).
pub fn in_period(period: Option<super::world::Period>, row: &Row, record: &RecordPlan) -> bool {
    let Some(period) = period else {
        return true;
    };
    match record.time.map(|t| row.values[t as usize]) {
        Some(Value::Year(y)) => period.covers_year(y),
        Some(Value::Date(d)) => period.contains(d),
        _ => true,
    }
}
