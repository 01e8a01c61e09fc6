//! Message templates: `{field}` for a record field or group key, `{value}` for the failed value.

use crate::ast::{Name, Record};

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Lit(String),
    /// A field of the record (record-level rules).
    Field(u16),
    /// A group key, by position in `per` (group-level rules).
    Key(u16),
    /// The left-hand side of the failed comparison.
    Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub parts: Vec<Part>,
}

impl Template {
    /// Parses `text`; a placeholder that names nothing stays as written.
    pub fn parse(text: &str, record: &Record, per: &[Name]) -> Template {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            lit.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                lit.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = after[..close].trim();
            let part = if name == "value" {
                Some(Part::Value)
            } else if !per.is_empty() {
                per.iter()
                    .position(|k| k.text == name)
                    .map(|i| Part::Key(i as u16))
            } else {
                record
                    .fields
                    .iter()
                    .position(|f| f.name.text == name)
                    .map(|i| Part::Field(i as u16))
            };
            match part {
                Some(p) => {
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(p);
                }
                None => lit.push_str(&rest[open..open + 2 + close]),
            }
            rest = &after[close + 1..];
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Template { parts }
    }

    /// The message, with each placeholder filled in by `fill`.
    pub fn render(&self, mut fill: impl FnMut(&Part) -> String) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                other => out.push_str(&fill(other)),
            }
        }
        out
    }
}
