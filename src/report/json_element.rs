//! One finding as an element of the JSON report's `findings` array: where its rule is
//! written, the element it makes, and its bytes as serde_json's pretty printer writes them at
//! the array's depth.

use super::json::{self, Finding, Location, RelatedJson, severity_of};
use crate::engine::compile::{Plan, RulePlan};
use crate::engine::finding::DataFinding;
use crate::source::SourceMap;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

/// Where each rule of `plan` is written, in plan order.
pub(super) fn places(plan: &Plan, sources: &SourceMap) -> Vec<RulePlace> {
    (plan.rules.iter())
        .map(|rule| RulePlace::of(sources, rule))
        .collect()
}

/// Where a rule is written and the article it rests on, as each of its findings gives them.
pub(super) struct RulePlace {
    location: Location,
    related: Vec<RelatedJson>,
}

impl RulePlace {
    pub(super) fn of(sources: &SourceMap, rule: &RulePlan) -> Self {
        let related = rule
            .source
            .as_ref()
            .map(|s| RelatedJson {
                message: crate::tr!(
                    "gaps-document-art-article",
                    document = s.document,
                    article = s.article
                ),
                location: json::location(sources, s.article_span),
            })
            .into_iter()
            .collect();
        RulePlace {
            location: json::location(sources, rule.span),
            related,
        }
    }

    /// A finding of `rule` as the JSON report and the workbook list it. The element depends
    /// on the finding's kind, texts and group alone, as the templates of `json_template.rs`
    /// assume (their tests compare the two).
    pub(super) fn finding(&self, rule: &RulePlan, f: &DataFinding) -> Finding {
        Finding {
            kind: f.kind.as_str(),
            code: None,
            rule: Some(rule.name.clone()),
            severity: severity_of(rule, f.kind).as_str(),
            message: f.message.clone(),
            help: None,
            group: (!f.group.is_empty()).then(|| {
                f.group
                    .iter()
                    .map(|k| (k.name.clone(), k.json.clone()))
                    .collect()
            }),
            record: f.record.clone(),
            value: f.value.clone(),
            value_exact: f.value_exact.clone(),
            location: Some(self.location.clone()),
            related: self.related.clone(),
            resolution: None,
            field: None,
            row: f.at.as_ref().map(|(file, line)| json::RowPlace {
                file: file.clone(),
                line: *line,
            }),
            years: None,
            witness: None,
        }
    }
}

/// Appends `f` to `out` as the pretty-printed report lists it, after a `,`.
pub(super) fn push_element(f: &Finding, out: &mut Vec<u8>) {
    out.extend_from_slice(b",\n    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, element_formatter());
    serde::Serialize::serialize(f, &mut ser).expect("a finding serialises to memory");
}

/// serde_json's pretty printer where the array's elements are: inside the top-level object
/// and its `findings` array, with nothing written yet at that depth.
fn element_formatter() -> PrettyFormatter<'static> {
    let mut f = PrettyFormatter::new();
    let opened = (f.begin_object(&mut io::sink())).and_then(|()| f.begin_array(&mut io::sink()));
    opened.expect("nothing is written to a sink that can fail");
    f
}
