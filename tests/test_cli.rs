//! `duikou test`: the shipped tests pass; failing expectations are reported with what was found.

mod common;

use common::{duikou, stdout};

#[test]
fn the_shipped_tests_pass() {
    let o = duikou(&["test", "rules"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(text.ends_with("11 passed, 0 failed\n"), "{text}");
}

const RULES: &str = r#"
actor 河北省 { kind: government, level: province }
actor 巴州 { kind: government, level: prefecture }
program 援疆 { since: 2010 }
record project { id: text key, supporter: actor, recipient: actor, year: year time,
                 livelihood: bool, planned: money(万元) }
rule 民生投入 {
  over project
  per supporter, recipient, year
  require sum(planned where livelihood) / sum(planned) >= 74%
}
evaluation 考核 {
  over project
  per supporter, recipient, year
  indicator 民生 { kind: social, weight: 100%, target: >= 74%, value: sum(planned where livelihood) / sum(planned) }
  grade { A: 90, B: 0 }
}
test "达标的数据" {
  data project [
    { id: "p1", supporter: 河北省, recipient: 巴州, year: 2017, livelihood: true, planned: 80万元 },
    { id: "p2", supporter: 河北省, recipient: 巴州, year: 2017, livelihood: false, planned: 20万元 },
  ]
  expect no violation 民生投入
  expect score 考核 { supporter: 河北省, year: 2017 } >= 100
}
test "写错的预期" {
  data project [
    { id: "p1", supporter: 河北省, recipient: 巴州, year: 2017, livelihood: true, planned: 80万元 },
    { id: "p2", supporter: 河北省, recipient: 巴州, year: 2017, livelihood: false, planned: 20万元 },
  ]
  expect violation 民生投入 { year: 2017 }
  expect score 考核 { supporter: 河北省, year: 2017 } < 50
  expect conflict C001
}
"#;

#[test]
fn failures_say_what_was_expected_and_found() {
    let dir = std::env::temp_dir().join(format!("duikou-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.dk");
    std::fs::write(&file, RULES).unwrap();
    let o = duikou(&["test", file.to_str().unwrap()]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(text.contains("ok     达标的数据"), "{text}");
    assert!(text.contains("FAILED 写错的预期"), "{text}");
    assert!(
        text.contains("expected violation 民生投入 { year: 2017 }, found none"),
        "{text}"
    );
    assert!(
        text.contains("expected score 考核 { supporter: 河北省, year: 2017 } < 50, found 100.00"),
        "{text}"
    );
    assert!(
        text.contains("expected conflict C001, found none"),
        "{text}"
    );
    assert!(text.ends_with("1 passed, 1 failed\n"), "{text}");

    let o = duikou(&["test", file.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["passed"], 1);
    assert_eq!(v["failed"], 1);
    assert_eq!(v["tests"][1]["failures"].as_array().unwrap().len(), 3);

    let o = duikou(&["test", file.to_str().unwrap(), "--format", "junit"]);
    let xml = stdout(&o);
    assert!(
        xml.contains("<testsuites tests=\"2\" failures=\"1\">"),
        "{xml}"
    );
    assert!(
        xml.contains(
            "<failure message=\"expected violation 民生投入 { year: 2017 }, found none\">"
        ),
        "{xml}"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// `expect conflict C001 [A, B]` holds only for a conflict between those two provisions.
#[test]
fn a_conflict_expectation_names_its_provisions() {
    let dir = std::env::temp_dir().join(format!("duikou-conflict-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let rules =
        std::fs::read_to_string("tests/cases/conflicts/c001_two_provinces.dk").expect("case");
    let tests = r#"
test "named right" {
  expect conflict C001 [民生八成, 民生七成]
}
test "named wrong" {
  expect conflict C001 [民生八成, 别的规则]
}
"#;
    std::fs::write(dir.join("rules.dk"), format!("{rules}{tests}")).expect("write");
    let o = duikou(&["test", dir.to_str().expect("utf-8 path")]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(text.contains("1 passed, 1 failed"), "{text}");
    assert!(
        text.contains("expected conflict C001 between `民生八成` and `别的规则`, found none"),
        "{text}"
    );
}
