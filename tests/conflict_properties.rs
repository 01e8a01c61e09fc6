//! Property: a rule set never conflicts with an exact copy of itself, except as a restatement
//! (C006) — whatever its rules, duties and pairs.

use duikou::RuleSet;
use proptest::prelude::*;

const BASE: &str = r#"
actor 国务院 { kind: government, level: central }
actor 河北省 { kind: government, level: province }
actor 江苏省 { kind: government, level: province }
actor 巴州 { kind: government, level: prefecture }
actor 伊犁州直 { kind: government, level: prefecture }
program 援疆 { since: 2010 }
program 援藏 { since: 1994 }
function 落实 { scope: pair, side: supporter }
record project {
  id: text key
  program: program
  supporter: actor
  recipient: actor
  year: year time
  livelihood: bool
  planned: money(万元)
  spent: money(万元)
}
"#;

/// One generated rule: measure, direction, threshold, program filter, grouping.
#[derive(Debug, Clone)]
struct GenRule {
    measure: usize,
    at_least: bool,
    threshold: u32,
    program: usize,
    grouped: bool,
}

fn rule_text(i: usize, r: &GenRule, suffix: &str) -> String {
    let filter = match r.program {
        0 => " where program == 援疆",
        1 => " where program == 援藏",
        _ => "",
    };
    let op = if r.at_least { ">=" } else { "<=" };
    if r.grouped {
        let m = [
            "sum(planned where livelihood) / sum(planned)",
            "sum(spent) / sum(planned)",
        ][r.measure];
        format!(
            "    rule 规则{i}{suffix} {{ over project{filter} per supporter, recipient, year require {m} {op} {}% }}\n",
            r.threshold
        )
    } else {
        let m = ["spent", "planned"][r.measure];
        format!(
            "    rule 规则{i}{suffix} {{ over project{filter} require {m} {op} {}万元 }}\n",
            r.threshold
        )
    }
}

fn document(
    name: &str,
    level: &str,
    issuer: &str,
    rules: &[GenRule],
    pairs: bool,
    suffix: &str,
) -> String {
    let mut s = format!(
        "document {name} {{ level: {level}, issuer: {issuer}, effective: 2012-01-01\n  article 1 {{\n"
    );
    for (i, r) in rules.iter().enumerate() {
        s.push_str(&rule_text(i, r, suffix));
    }
    if pairs {
        s.push_str("    pair 河北省 -> 巴州 in 援疆 from 2012\n");
        s.push_str("    duty 河北省 holds 落实 for pair 河北省 -> 巴州 as lead\n");
    }
    s.push_str("  }\n}\n");
    s
}

fn gen_rule() -> impl Strategy<Value = GenRule> {
    (
        0..2usize,
        any::<bool>(),
        1..100u32,
        0..3usize,
        any::<bool>(),
    )
        .prop_map(|(measure, at_least, threshold, program, grouped)| GenRule {
            measure,
            at_least,
            threshold,
            program,
            grouped,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_copy_only_restates(
        rules in prop::collection::vec(gen_rule(), 1..5),
        level in prop::sample::select(vec!["administrative_regulation", "local_rule", "normative_document", "agreement"]),
        issuer in prop::sample::select(vec!["国务院", "河北省", "江苏省"]),
        pairs in any::<bool>(),
    ) {
        // Rules within one document may disagree among themselves; the property concerns a
        // consistent set, so keep one direction per measure and grouping, and one threshold
        // where scopes differ (a looser special provision prevails over the general one of
        // the other copy: a relaxation, not a restatement).
        let mut consistent: Vec<GenRule> = Vec::new();
        for r in rules {
            if !consistent.iter().any(|c| c.measure == r.measure && c.grouped == r.grouped && (c.at_least != r.at_least || (c.threshold != r.threshold && c.program != r.program))) {
                consistent.push(r);
            }
        }
        let original = document("原件", level, issuer, &consistent, pairs, "");
        let copy = document("副本", level, issuer, &consistent, pairs, "副本");
        let set = RuleSet::from_sources(vec![
            ("base.dk".into(), BASE.into()),
            ("a.dk".into(), original.clone()),
            ("b.dk".into(), copy.clone()),
        ]);
        prop_assert!(!set.has_errors(), "{:?}\n{original}", set.diagnostics());
        let found = set.conflicts();
        for d in found {
            prop_assert_eq!(d.code.as_str(), "C006", "{}\n{}\n{}", d.message, original, copy);
        }
        // Every rule, and the pair and duty, is reported as restated (identical rules of one
        // document restate each other's copies too).
        let at_least = consistent.len() + if pairs { 2 } else { 0 };
        prop_assert!(found.len() >= at_least, "{:?}", found.iter().map(|d| &d.message).collect::<Vec<_>>());
    }
}
