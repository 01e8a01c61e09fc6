//! A rule's kept findings rendered from templates: the first finding of each shape (rule,
//! kind, which fields it has) is rendered by serde_json with a marker in place of every text
//! that varies, and each later one is the template's fixed bytes with its own texts written in,
//! escaped as serde_json escapes them. The bytes are those serde_json gives each finding.

use super::json_element::{RulePlace, push_element};
use crate::engine::compile::RulePlan;
use crate::engine::finding::{DataFinding, FindingKind};
use crate::engine::spill::FindingRef;
use rust_decimal::Decimal;
use std::io::Write;

/// A text of a finding that varies from one finding of a shape to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Message,
    Record,
    Value,
    ValueExact,
    File,
    Line,
}

impl Slot {
    /// The slot's marker as the template is rendered with it: private-use characters, which
    /// serde_json writes as they are; `None` for the line, whose marker is [`LINE_MARKER`].
    fn marker(self) -> Option<&'static str> {
        match self {
            Slot::Message => Some("\u{E000}message\u{E001}"),
            Slot::Record => Some("\u{E000}record\u{E001}"),
            Slot::Value => Some("\u{E000}value\u{E001}"),
            Slot::ValueExact => Some("\u{E000}exact\u{E001}"),
            Slot::File => Some("\u{E000}file\u{E001}"),
            Slot::Line => None,
        }
    }
}

/// The line's marker: a number no file has lines enough for.
const LINE_MARKER: u64 = u64::MAX;

/// Which of a finding's fields are there: what a template is made for, with its rule and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    kind: FindingKind,
    record: bool,
    value: bool,
    value_exact: bool,
    at: bool,
}

impl Shape {
    /// The slots a finding of this shape fills.
    fn slots(self) -> impl Iterator<Item = Slot> {
        [
            (Slot::Message, true),
            (Slot::Record, self.record),
            (Slot::Value, self.value),
            (Slot::ValueExact, self.value_exact),
            (Slot::File, self.at),
            (Slot::Line, self.at),
        ]
        .into_iter()
        .filter_map(|(slot, there)| there.then_some(slot))
    }

    fn of(f: &FindingRef<'_>) -> Self {
        Shape {
            kind: f.kind,
            record: f.record.is_some(),
            value: f.value.is_some(),
            value_exact: f.value_exact.is_some(),
            at: f.at.is_some(),
        }
    }
}

/// A finding's element, rendered: fixed bytes, each followed by a slot, then the last bytes.
#[derive(Debug)]
struct Template {
    parts: Vec<(Vec<u8>, Slot)>,
    end: Vec<u8>,
}

impl Template {
    /// The template for findings of `shape` of `rule`; `None` when a marker is not found
    /// exactly once in the rendering (a rule or file named with one), and serde_json renders
    /// each finding.
    fn make(rule: &RulePlan, place: &RulePlace, shape: Shape) -> Option<Template> {
        // The slot's marker where the finding has the field.
        let marker = |slot: Slot, there: bool| slot.marker().filter(|_| there).map(String::from);
        let finding = DataFinding {
            kind: shape.kind,
            rule: 0,
            message: marker(Slot::Message, true).unwrap_or_default(),
            cause: None,
            group: Vec::new(),
            record: marker(Slot::Record, shape.record),
            at: marker(Slot::File, shape.at).map(|file| (file, LINE_MARKER)),
            value: marker(Slot::Value, shape.value),
            value_exact: marker(Slot::ValueExact, shape.value_exact),
            badness: Decimal::ZERO,
            order: 0,
        };
        let mut text = Vec::new();
        push_element(&place.finding(rule, &finding), &mut text);
        let mut found = Vec::new();
        for slot in shape.slots() {
            let rendered = match slot.marker() {
                Some(m) => serde_json::to_string(m).ok()?,
                None => LINE_MARKER.to_string(),
            };
            found.push((once_in(&text, &rendered)?, slot));
        }
        found.sort_by_key(|(at, _)| at.start);
        let mut parts = Vec::with_capacity(found.len());
        let mut from = 0;
        for (at, slot) in found {
            parts.push((text[from..at.start].to_vec(), slot));
            from = at.end;
        }
        Some(Template {
            parts,
            end: text[from..].to_vec(),
        })
    }

    /// Appends `f`, a finding of the template's shape, as serde_json renders it.
    fn render(&self, f: &FindingRef<'_>, out: &mut Vec<u8>) {
        for (fixed, slot) in &self.parts {
            out.extend_from_slice(fixed);
            let text = match slot {
                Slot::Message => Some(f.message),
                Slot::Record => f.record,
                Slot::Value => f.value,
                Slot::ValueExact => f.value_exact,
                Slot::File => f.at.map(|(file, _)| file),
                Slot::Line => {
                    let (_, line) = f.at.expect("the finding has a line, as its shape");
                    write!(out, "{line}").expect("a number is written to memory");
                    continue;
                }
            };
            let text = text.expect("the finding has every text of its shape");
            serde_json::to_writer(&mut *out, text).expect("a text serialises to memory");
        }
        out.extend_from_slice(&self.end);
    }
}

/// Where `needle` is in `hay`, if it is there exactly once.
fn once_in(hay: &[u8], needle: &str) -> Option<std::ops::Range<usize>> {
    let n = needle.as_bytes();
    let first = memchr::memmem::find(hay, n)?;
    // Searched again from the next byte, so an occurrence overlapping the first counts too.
    let again = memchr::memmem::find(&hay[first + 1..], n);
    again.is_none().then_some(first..first + n.len())
}

/// The templates made so far, per rule and shape.
#[derive(Debug, Default)]
pub(super) struct Templates {
    by_rule: Vec<Vec<(Shape, Option<Template>)>>,
}

impl Templates {
    /// Appends `f`, a finding of rule `rule` (number `r` in the plan), as an element of the
    /// report's array, after a `,`: from its shape's template, or rendered by serde_json for a
    /// group-level finding and where no template could be made.
    pub(super) fn push(
        &mut self,
        (r, rule, place): (usize, &RulePlan, &RulePlace),
        f: &FindingRef<'_>,
        out: &mut Vec<u8>,
    ) {
        if !f.group.is_empty() {
            push_element(&place.finding(rule, &f.owned()), out);
            return;
        }
        if self.by_rule.len() <= r {
            self.by_rule.resize_with(r + 1, Vec::new);
        }
        let shape = Shape::of(f);
        let shapes = &mut self.by_rule[r];
        let i = match shapes.iter().position(|(s, _)| *s == shape) {
            Some(i) => i,
            None => {
                shapes.push((shape, Template::make(rule, place, shape)));
                shapes.len() - 1
            }
        };
        match &shapes[i].1 {
            Some(template) => template.render(f, out),
            None => push_element(&place.finding(rule, &f.owned()), out),
        }
    }
}

#[cfg(test)]
#[path = "json_template_tests.rs"]
mod tests;
