//! Names resolved once to ids and matched by id: documents whose names are prefixes of each
//! other, rules likewise, an evaluation whose name holds a dot, a group key's value equal to
//! another key's name, and a conflict expectation naming a word of the message that is no
//! provision.

use crate::RuleSet;
use crate::engine::world::periods;
use crate::testing::coverage::{Coverage, measure};

const RULES: &str = r#"
actor 新疆 { kind: government, level: province }
record project { id: text key, region: text, category: text, year: year time, spent: money(万元) }
document 条例 {
  level: administrative_regulation, issuer: national, effective: 2010-01-01
  article 1 { rule 上限 { over project  require spent <= 100万元 } }
}
document 条例二 {
  level: local_rule, issuer: 新疆, effective: 2010-01-01
  article 1 { rule 上限二 { over project  require spent <= 120万元 } }
}
rule 分组 { over project  per region, category  require sum(spent) <= 50万元 }
evaluation 考核 {
  over project
  per region
  evaluators { 第三方: 100% }
  indicator 支出 { kind: economic, weight: 100%, target: >= 1, value: sum(spent) / 1万元 }
  grade { A: 90, B: 0 }
}
evaluation `考核.甲` {
  over project
  per region
  evaluators { 第三方: 100% }
  indicator 支出 { kind: economic, weight: 100%, target: >= 1, value: sum(spent) / 1万元 }
  grade { A: 90, B: 0 }
}
"#;

/// One row whose `region` is the name of the other key, and the other way round.
const ROW: &str = r#"data project [
    { id: "p1", region: "category", category: "region", year: 2017, spent: 60万元 },
  ]"#;

fn load(tests: &str) -> RuleSet {
    let rules = RuleSet::from_sources(vec![("ids.dk".to_string(), format!("{RULES}\n{tests}"))]);
    assert!(!rules.has_errors(), "{:?}", rules.diagnostics());
    rules
}

/// Each test's name and its failures.
fn outcomes(tests: &str) -> Vec<(String, Vec<String>)> {
    let rules = load(tests);
    let results = rules.run_tests();
    results.into_iter().map(|r| (r.name, r.failures)).collect()
}

#[test]
fn a_group_is_selected_by_the_field_its_key_names_not_by_values_equal_to_names() {
    let tests = format!(
        "test \"keys\" {{\n  {ROW}\n  expect violation 分组 {{ region: \"category\" }}\n  expect violation 分组 {{ category: \"region\" }}\n  expect violation 分组 {{ region: \"category\", category: \"region\" }}\n  expect no violation 分组 {{ category: \"category\" }}\n  expect no violation 分组 {{ region: \"region\" }}\n}}\ntest \"swapped\" {{\n  {ROW}\n  expect violation 分组 {{ category: \"category\" }}\n}}\n"
    );
    let got = outcomes(&tests);
    assert_eq!(got[0], ("keys".to_string(), Vec::new()));
    assert_eq!(got[1].0, "swapped");
    assert_eq!(
        got[1].1,
        vec!["expected violation 分组 { category: category }, found none".to_string()]
    );
}

#[test]
fn a_conflict_involves_its_provisions_not_every_word_of_its_message() {
    let tests = "test \"named\" {\n  expect conflict C003 [上限, 上限二]\n  expect conflict C003 [上限二]\n  expect no conflict C003 [分组]\n}\ntest \"a field in the message\" {\n  expect conflict C003 [spent]\n}\n";
    let rules = load(tests);
    let c003 = rules
        .conflicts()
        .iter()
        .find(|d| d.code.as_str() == "C003")
        .expect("a looser threshold in a lower document");
    // The measure is quoted in the message, yet it names no provision.
    assert!(c003.message.contains("`spent`"), "{}", c003.message);
    let got: Vec<(String, Vec<String>)> = rules
        .run_tests()
        .into_iter()
        .map(|r| (r.name, r.failures))
        .collect();
    assert_eq!(got[0], ("named".to_string(), Vec::new()));
    assert_eq!(
        got[1].1,
        vec!["expected conflict C003 between `spent`, found none".to_string()]
    );
}

fn covered(c: &Coverage, kind: &str, name: &str) -> bool {
    c.articles
        .iter()
        .flat_map(|a| &a.provisions)
        .find(|p| p.kind == kind && p.name == name)
        .unwrap_or_else(|| panic!("no {kind} {name}"))
        .covered
}

#[test]
fn coverage_matches_evaluations_rules_and_documents_by_id() {
    let tests = format!(
        "test \"score\" {{\n  {ROW}\n  expect score 考核 {{ region: \"category\" }} >= 0\n  expect no violation 上限\n}}\n"
    );
    let c = measure(&load(&tests));
    assert!(covered(&c, "indicator", "考核.支出"));
    // `考核.甲.支出` begins with `考核.`, but belongs to another evaluation.
    assert!(!covered(&c, "indicator", "考核.甲.支出"));
    assert!(covered(&c, "rule", "上限"));
    assert!(!covered(&c, "rule", "上限二"));
    // Each document's article holds its own rule, though one name begins with the other.
    let by_article: Vec<(Option<&str>, Vec<&str>)> = c
        .articles
        .iter()
        .map(|a| {
            let names = a.provisions.iter().map(|p| p.name.as_str()).collect();
            (a.document.as_deref(), names)
        })
        .collect();
    assert_eq!(by_article[0], (Some("条例"), vec!["上限"]));
    assert_eq!(by_article[1], (Some("条例二"), vec!["上限二"]));
}

#[test]
fn a_document_is_ended_by_the_one_that_replaces_it_declared_before_or_after() {
    let text = r#"
actor 新疆 { kind: government, level: province }
document 办法二 { level: local_rule, issuer: 新疆, effective: 2016-01-01, replaces: [办法] }
document 办法 { level: local_rule, issuer: 新疆, effective: 2012-01-01 }
document 办法三 { level: local_rule, issuer: 新疆, effective: 2020-01-01, replaces: [办法二] }
"#;
    let rules = RuleSet::from_sources(vec![("d.dk".to_string(), text.to_string())]);
    assert!(!rules.has_errors(), "{:?}", rules.diagnostics());
    let s = rules.symbols();
    let id = |n: &str| s.document_id(n).expect(n);
    let p = periods(s);
    let date = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1);
    assert_eq!(p.get(id("办法")).and_then(|x| x.end), date(2016));
    assert_eq!(p.get(id("办法二")).and_then(|x| x.end), date(2020));
    assert_eq!(p.get(id("办法三")).and_then(|x| x.end), None);
    assert_eq!(p.replaced_by(id("办法")), &[id("办法二")]);
    assert_eq!(p.replaced_by(id("办法二")), &[id("办法三")]);
    assert!(p.replaced_by(id("办法三")).is_empty());
    assert_eq!(s.document(id("办法")).name.text, "办法");
}
