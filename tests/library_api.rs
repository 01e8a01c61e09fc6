//! The embedding API: data in memory gives what the same rows in a file give, the compiled rule
//! set is shared by threads, one record is checked on the fast path, and `explain` reports the
//! outcome `check` gave for every finding of the shipped rules and the golden data cases.

use duikou::{Data, FindingKind, Report, RuleSet, Target};
use std::path::{Path, PathBuf};

const RULES: &str = r#"
record project {
  id: text key
  supporter: actor
  year: year time
  planned: money
  spent: money
}
rule 有计划 { over project  require planned > 0万元 }
rule 不超支 { over project  require spent <= planned * 110% }
rule 年度投入 { over project  per supporter, year  require sum(planned) >= 100万元 }
actor 河北省 { kind: government, level: province }
actor 江苏省 { kind: government, level: province }
"#;

const CSV: &str = "id,supporter,year,planned,spent\n\
A,河北省,2018,50,40\n\
B,河北省,2018,0,10\n\
C,江苏省,2018,300,400\n\
D,江苏省,2018,lots,1\n\
E,河北省,2019,20,20\n";

fn rules() -> RuleSet {
    let rules = RuleSet::from_sources(vec![("r.dk".into(), RULES.into())]);
    assert!(!rules.has_errors(), "{:?}", rules.diagnostics());
    rules
}

/// The report without what names the source: findings and rejected rows by content.
fn shape(report: &Report) -> (String, Vec<String>, Vec<String>) {
    let findings = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} {:?} {:?} {}",
                f.rule, f.kind, f.record, f.group, f.line, f.message
            )
        })
        .collect();
    let rejected = report
        .rejected
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {:?} {}",
                r.code, r.line, r.column, r.field, r.message
            )
        })
        .collect();
    (format!("{:?}", report.summary), findings, rejected)
}

#[test]
fn csv_in_memory_gives_what_the_file_gives() {
    let dir = std::env::temp_dir().join(format!("duikou-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("project.csv");
    std::fs::write(&path, CSV).unwrap();
    let rules = rules();
    let from_file = rules.check(&Data::new().path(&path)).unwrap();
    let from_memory = rules
        .check(&Data::new().csv("project", "project.csv", CSV.as_bytes()))
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let prefix = format!("{}/", dir.display());
    let (summary, findings, rejected) = shape(&from_file);
    let findings: Vec<String> = findings.iter().map(|f| f.replace(&prefix, "")).collect();
    assert_eq!((summary, findings, rejected), shape(&from_memory));
    assert_eq!(from_memory.summary.rows_rejected, 1);
    assert_eq!(from_memory.rejected[0].line, 5);
    assert!(!from_memory.findings.is_empty());
}

#[test]
fn rows_in_memory_are_located_by_row_number() {
    let rows = vec![
        serde_json::json!({"id": "A", "supporter": "河北省", "year": 2018, "planned": "50", "spent": "40"}),
        serde_json::json!({"id": "B", "supporter": "河北省", "year": 2018, "planned": "0", "spent": "10"}),
        serde_json::json!({"id": "D", "supporter": "江苏省", "year": 2018, "planned": "lots", "spent": "1"}),
    ];
    let report = rules()
        .check(&Data::new().rows("project", rows).unwrap())
        .unwrap();
    assert_eq!(report.summary.rows_read, 3);
    assert_eq!(report.rejected.len(), 1);
    let bad = &report.rejected[0];
    assert_eq!((bad.file.as_str(), bad.line), ("<project rows>", 3));
    assert_eq!(bad.field.as_deref(), Some("planned"));
    let b = report
        .findings
        .iter()
        .find(|f| f.rule == "有计划")
        .expect("B has no plan");
    assert_eq!((b.record.as_deref(), b.line), (Some("B"), Some(2)));
}

#[test]
fn typed_rows_serialise_like_json_objects() {
    #[derive(serde::Serialize)]
    struct Project {
        id: &'static str,
        supporter: &'static str,
        year: i32,
        planned: &'static str,
        spent: &'static str,
    }
    let row = Project {
        id: "C",
        supporter: "江苏省",
        year: 2018,
        planned: "300",
        spent: "400",
    };
    let rules = rules();
    let report = rules
        .check(&Data::new().rows("project", [row]).unwrap())
        .unwrap();
    let kinds: Vec<(&str, FindingKind)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.kind))
        .collect();
    // 400元 over 300元 planned; and 300元 is short of the 100万元 a supporter's year needs.
    assert_eq!(
        kinds,
        vec![
            ("不超支", FindingKind::Violation),
            ("年度投入", FindingKind::Violation)
        ]
    );
}

#[test]
fn one_record_on_the_fast_path() {
    let rules = rules();
    let over = serde_json::json!({"id": "C", "supporter": "江苏省", "year": 2018, "planned": "300", "spent": "400"});
    let one = rules.check_record("project", &over).unwrap();
    assert!(one.rejected.is_empty(), "{:?}", one.rejected);
    assert_eq!(one.findings.len(), 1);
    assert_eq!(one.findings[0].rule, "不超支");
    let fine = serde_json::json!({"id": "A", "supporter": "河北省", "year": 2018, "planned": "50", "spent": "40"});
    assert!(
        rules
            .check_record("project", &fine)
            .unwrap()
            .findings
            .is_empty()
    );
    let unknown = serde_json::json!({"id": "X", "supporter": "火星", "year": 2018, "planned": "5", "spent": "1"});
    let rejected = rules.check_record("project", &unknown).unwrap();
    assert_eq!(rejected.rejected.len(), 1);
    assert_eq!(rejected.rejected[0].field.as_deref(), Some("supporter"));
    assert!(rules.check_record("projekt", &fine).is_err());
}

#[test]
fn the_compiled_rule_set_is_shared_by_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let rules = rules();
    shareable(&rules);
    let alone = shape(
        &rules
            .check(&Data::new().csv("project", "p.csv", CSV.as_bytes()))
            .unwrap(),
    );
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    let data = Data::new().csv("project", "p.csv", CSV.as_bytes());
                    shape(&rules.check(&data).unwrap())
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), alone);
        }
    });
}

#[test]
fn data_for_an_unknown_record_type_is_reported() {
    let report = rules()
        .check(&Data::new().csv("projekt", "p.csv", CSV.as_bytes()))
        .unwrap();
    assert_eq!(report.rejected[0].code, "duikou::data::unbound");
    assert_eq!(report.summary.files_failed, 1);
}

#[test]
fn rules_with_errors_are_not_applied() {
    let rules = RuleSet::from_sources(vec![("r.dk".into(), "rule { over".into())]);
    assert_eq!(
        rules.check(&Data::new()).unwrap_err(),
        duikou::Error::RulesHaveErrors
    );
}

/// A group key's value as a user writes it after `--group`.
fn written(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// For every finding `check` gives, `explain` of that rule and group or record says the same.
fn explain_agrees_with_check(rules: &RuleSet, data: &Data, label: &str) -> usize {
    let report = rules.check(data).unwrap();
    let mut compared = 0;
    for f in &report.findings {
        let target = if f.group.is_empty() {
            match &f.record {
                Some(key) if f.line.is_some() && !key.starts_with("line ") => {
                    Target::Record(key.clone())
                }
                _ => continue,
            }
        } else {
            Target::Group(
                f.group
                    .iter()
                    .map(|(k, v)| (k.clone(), written(v)))
                    .collect(),
            )
        };
        let explained = rules
            .explain(&f.rule, &target, data)
            .unwrap_or_else(|e| panic!("{label}: explain {} {target:?}: {e}", f.rule));
        let outcome = explained
            .text
            .lines()
            .find_map(|l| l.trim().strip_prefix("outcome: "))
            .unwrap_or_else(|| panic!("{label}: no outcome in\n{}", explained.text));
        assert!(
            outcome.starts_with(f.kind.as_str()),
            "{label}: check says {} for {} {target:?}, explain says {outcome}",
            f.kind.as_str(),
            f.rule
        );
        assert_eq!(explained.finding.as_ref().map(|x| x.kind), Some(f.kind));
        compared += 1;
    }
    compared
}

#[test]
fn explain_agrees_with_check_on_the_shipped_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]);
    let compared = explain_agrees_with_check(&rules, &Data::new(), "rules/");
    assert!(compared > 10, "only {compared} findings compared");
}

#[test]
fn explain_agrees_with_check_on_the_golden_data_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data_cases");
    let mut compared = 0;
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.join("rules.dk").is_file() && p.join("data").is_dir() && !p.join("args").exists()
        })
        .collect();
    cases.sort();
    for case in &cases {
        let rules = RuleSet::load(&[case.join("rules.dk")]);
        if rules.has_errors() {
            continue;
        }
        compared += explain_agrees_with_check(
            &rules,
            &Data::new().path(case.join("data")),
            &case.display().to_string(),
        );
    }
    assert!(compared > 20, "only {compared} findings compared");
}
