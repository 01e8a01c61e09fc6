//! Findings rendered from templates are byte for byte those serde_json renders, whatever their
//! texts hold and whichever fields they have.

use super::*;
use crate::RuleSet;
use crate::engine::finding::Cause;
use crate::engine::finding::KeyValue;
use crate::engine::spill::read_back;
use crate::report::json_element::places;

const RULES: &str = r#"
record project {
  id: text key
  planned: money(万元)
  spent: money(万元)
}
document 条例 {
  level: administrative_regulation
  issuer: national
  effective: 2012-01-01
  article 8 "实际支出不得超过计划投资的百分之一百一十。" {
    rule 超支 { over project forbid spent > planned * 110% }
  }
}
rule 无条款 { over project require spent <= planned * 200% }
"#;

/// Texts a finding may carry: quotes, backslashes, control characters, line breaks, Chinese,
/// an emoji, a marker's own characters, and nothing at all.
const TEXTS: [&str; 8] = [
    "p1",
    "行 \"3\"\n超支\\",
    "\u{1}\u{1f}\t\r",
    "",
    "河北省→巴州 40.0%，低于 74%",
    "😀 \u{E000}message\u{E001}",
    "18446744073709551615",
    "</script>",
];

fn finding(kind: FindingKind, i: usize, shape: u8) -> DataFinding {
    let text = |k: usize| TEXTS[(i + k) % TEXTS.len()].to_string();
    DataFinding {
        kind,
        rule: 0,
        message: text(0),
        // A cause is not written in the element: templates, made without one, stay true.
        cause: match i % 3 {
            0 => None,
            1 => Some(Cause::Undetermined(text(5))),
            _ => Some(Cause::Yields {
                winner: 1,
                reason: text(6),
            }),
        },
        group: Vec::new(),
        record: (shape & 1 != 0).then(|| text(1)),
        at: (shape & 2 != 0).then(|| (text(2), [0, 1, 9, 10, 999_999, u64::MAX][i % 6])),
        value: (shape & 4 != 0).then(|| text(3)),
        value_exact: (shape & 8 != 0).then(|| text(4)),
        badness: Decimal::ZERO,
        order: i as u64,
    }
}

#[test]
fn templates_render_what_serde_json_renders() {
    let rules = RuleSet::from_sources(vec![("rules.dk".into(), RULES.into())]);
    assert!(!rules.has_errors(), "{:#?}", rules.diagnostics());
    let plan = rules.plan().expect("the rules compile");
    let places = places(plan, rules.sources());
    let mut templates = Templates::default();
    let mut checked = 0;
    for (r, rule) in plan.rules.iter().enumerate() {
        for kind in [
            FindingKind::Violation,
            FindingKind::Undetermined,
            FindingKind::Overridden,
        ] {
            for shape in 0..16 {
                for i in 0..TEXTS.len() * 2 {
                    let f = finding(kind, i, shape);
                    let (mut want, mut got) = (Vec::new(), Vec::new());
                    push_element(&places[r].finding(rule, &f), &mut want);
                    read_back(&f, |back| {
                        templates.push((r, rule, &places[r]), back, &mut got)
                    });
                    assert_eq!(
                        got, want,
                        "rule {r}, {kind:?}, shape {shape}, texts from {i}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 2 * 3 * 16 * 16);
    // Every shape of every rule had a template: none of the texts is in a rule's own part.
    let made: Vec<_> = templates.by_rule.iter().flatten().collect();
    assert_eq!(made.len(), 2 * 3 * 16);
    assert!(made.iter().all(|(_, t)| t.is_some()));
}

/// Renders `f` of the first rule of `rules` through the templates and through serde_json, and
/// says whether a template was made for it.
fn rendered_both_ways(file: &str, rules: &str, f: &DataFinding) -> (Vec<u8>, Vec<u8>, bool) {
    let rules = RuleSet::from_sources(vec![(file.into(), rules.into())]);
    assert!(!rules.has_errors(), "{:#?}", rules.diagnostics());
    let plan = rules.plan().expect("the rules compile");
    let places = places(plan, rules.sources());
    let rule = &plan.rules[0];
    let mut templates = Templates::default();
    let (mut want, mut got) = (Vec::new(), Vec::new());
    push_element(&places[0].finding(rule, f), &mut want);
    read_back(f, |back| {
        templates.push((0, rule, &places[0]), back, &mut got)
    });
    let made = templates.by_rule.iter().flatten().any(|(_, t)| t.is_some());
    (got, want, made)
}

#[test]
fn a_marker_in_a_rules_own_text_leaves_the_finding_to_serde_json() {
    let f = finding(FindingKind::Violation, 0, 0b1111);
    // A rules file named as the record's marker: the marker is found twice.
    let (got, want, made) = rendered_both_ways("\u{E000}record\u{E001}", RULES, &f);
    assert_eq!(got, want);
    assert!(
        !made,
        "no template where a marker is in the rule's own text"
    );
    // Named with the line's marker: found twice too.
    let (got, want, made) = rendered_both_ways("18446744073709551615.dk", RULES, &f);
    assert_eq!(got, want);
    assert!(!made);
    // Named with a marker and more: not the marker as written, so the template serves.
    let (got, want, made) = rendered_both_ways("\u{E000}record\u{E001}.dk", RULES, &f);
    assert_eq!(got, want);
    assert!(made);
}

#[test]
fn a_group_level_finding_is_rendered_by_serde_json() {
    let mut f = finding(FindingKind::Violation, 1, 0b0100);
    f.group = vec![KeyValue {
        name: "年度".into(),
        json: serde_json::json!(2017),
        text: "2017".into(),
        exact: serde_json::json!(2017),
    }];
    let (got, want, made) = rendered_both_ways("rules.dk", RULES, &f);
    assert_eq!(got, want);
    assert!(!made, "a group-level finding makes no template");
}
