//! Large inputs stay within bounds: a rule file of 20,000 declarations is read in full, and the
//! default limit on groups is the one docs/language.md gives.

use crate::RuleSet;

#[test]
fn a_rule_file_of_20000_declarations_is_checked() {
    let n = 10_000;
    let mut text = String::from(
        "program 援疆 { since: 2010 }\n\
         record project { id: text key, supporter: actor, recipient: actor, year: year time, planned: money(万元) }\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "actor 省{i} {{ kind: government, level: province }}\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "pair 省{i} -> 省{} in 援疆 from 2010 to 2030\n",
            (i + 1) % n
        ));
    }
    let rules = RuleSet::from_sources(vec![("many.dk".into(), text)]);
    let errors: Vec<_> = rules
        .diagnostics()
        .iter()
        .filter(|d| d.severity == crate::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    assert_eq!(rules.symbols().actors.len(), n + 1, "and `national`");
    assert_eq!(rules.symbols().pairs.len(), n);
    let plan = crate::engine::compile::Plan::build(rules.symbols(), rules.sources());
    assert!(crate::conflicts::analyze(rules.symbols(), &plan).is_empty());
}

#[test]
fn the_default_group_limit_is_the_documented_one() {
    assert_eq!(
        crate::engine::groups::DEFAULT_MAX_GROUPS,
        2_000_000,
        "docs/language.md gives the default"
    );
}
