//! `--format sarif` for check, gaps, conflicts and test: every output is valid against the
//! official SARIF 2.1.0 schema (tests/schemas/sarif-schema-2.1.0.json, OASIS errata 01), and
//! carries rules, regions, related locations, fixes and data places.

mod common;

use common::{duikou, stdout};
use serde_json::Value;

/// Validates `text` against the SARIF 2.1.0 schema, formats included; returns it parsed.
fn valid_sarif(text: &str) -> Value {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("the schema"),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let doc: Value = serde_json::from_str(text).expect("SARIF output is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["runs"].as_array().map(Vec::len), Some(1), "one run");
    doc
}

fn rule_ids(doc: &Value) -> Vec<String> {
    doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().expect("results")
}

#[test]
fn a_schema_violation_is_caught() {
    // The validator is not a rubber stamp: a result without a message is refused.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap();
    let bad = serde_json::json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "x" } }, "results": [{ "ruleId": "a" }] }] });
    assert!(!validator.is_valid(&bad));
}

#[test]
fn check_on_a_rule_file_error_gives_region_and_fix() {
    let o = duikou(&[
        "check",
        "tests/cases/name/unknown_actor.dk",
        "--format",
        "sarif",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let doc = valid_sarif(&stdout(&o));
    let ids = rule_ids(&doc);
    for code in duikou::Code::ALL {
        assert!(ids.iter().any(|i| i == code.as_str()), "{}", code.as_str());
    }
    let r = &results(&doc)[0];
    assert_eq!(r["ruleId"], "duikou::name::unknown_actor");
    assert_eq!(r["level"], "error");
    assert_eq!(
        ids[r["ruleIndex"].as_u64().unwrap() as usize],
        "duikou::name::unknown_actor"
    );
    let region = &r["locations"][0]["physicalLocation"]["region"];
    // `pair 河北 -> 巴州`: the name starts at column 6 and is two code points long.
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 6);
    assert_eq!(region["endColumn"], 8);
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
    let fix = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "河北省");
    assert_eq!(fix["deletedRegion"], *region);
    let rule =
        &doc["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
    assert!(
        rule["helpUri"]
            .as_str()
            .unwrap()
            .ends_with("docs/language.md#63-names")
    );
    assert_eq!(rule["shortDescription"]["text"], "no such actor");
}

#[test]
fn check_with_data_locates_violations_at_their_rule() {
    let o = duikou(&["check", "rules", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2), "a rejected row");
    let doc = valid_sarif(&stdout(&o));
    let all = results(&doc);
    let v = all
        .iter()
        .find(|r| r["properties"]["record"] == "XJ2018-055")
        .expect("the 结对有效 violation");
    assert_eq!(v["ruleId"], "rule/结对有效");
    assert_eq!(v["kind"], "fail");
    assert_eq!(
        v["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "rules/national.dk"
    );
    assert_eq!(v["properties"]["data"]["file"], "rules/data/project.csv");
    assert_eq!(v["properties"]["data"]["row"], 40);
    assert_eq!(
        v["relatedLocations"][0]["message"]["text"],
        "援疆工作部署 art 5"
    );
    let group = all
        .iter()
        .find(|r| r["ruleId"] == "rule/民生投入" && r["properties"]["kind"] == "violation")
        .expect("the 民生投入 violation");
    assert_eq!(group["properties"]["group"]["supporter"], "河北省");
    assert_eq!(group["properties"]["group"]["year"], 2017);
    let rejected = all
        .iter()
        .find(|r| r["ruleId"] == "duikou::data::bad_value")
        .expect("the rejected row");
    assert_eq!(
        rejected["locations"][0]["physicalLocation"]["region"]["startLine"],
        58
    );
    assert_eq!(rejected["properties"]["field"], "planned");
    let artifacts = doc["runs"][0]["artifacts"].as_array().unwrap();
    assert!(artifacts.iter().any(|a| {
        a["location"]["uri"] == "rules/data/project.csv"
            && a["hashes"]["sha-256"]
                .as_str()
                .is_some_and(|h| h.len() == 64)
    }));
}

#[test]
fn conflicts_name_the_other_provision() {
    let o = duikou(&["conflicts", "rules", "--format", "sarif"]);
    let doc = valid_sarif(&stdout(&o));
    let c001 = results(&doc)
        .iter()
        .find(|r| r["ruleId"] == "C001")
        .expect("C001");
    let related = &c001["relatedLocations"][0];
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "rules/xinjiang.dk"
    );
    assert!(
        related["message"]["text"]
            .as_str()
            .unwrap()
            .contains("新疆产业比例")
    );
    assert_eq!(c001["properties"]["resolution"]["kind"], "unresolved");
    assert!(
        c001["properties"]["witness"]
            .as_str()
            .unwrap()
            .starts_with("test ")
    );
}

#[test]
fn gaps_carry_their_years() {
    let o = duikou(&["gaps", "rules", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(1));
    let doc = valid_sarif(&stdout(&o));
    let g002 = results(&doc)
        .iter()
        .find(|r| r["ruleId"] == "G002")
        .expect("G002");
    assert_eq!(g002["level"], "error");
    assert!(g002["properties"]["years"].is_array());
    assert!(
        results(&doc)
            .iter()
            .any(|r| r["ruleId"] == "G009" && r["level"] == "note")
    );
}

#[test]
fn tests_pass_and_fail_as_results() {
    let o = duikou(&["test", "rules", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(0));
    let doc = valid_sarif(&stdout(&o));
    assert!(!results(&doc).is_empty());
    assert!(results(&doc).iter().all(|r| r["kind"] == "pass"));
    let dir = std::env::temp_dir().join(format!("duikou-sarif-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.dk");
    std::fs::write(
        &file,
        "record item { id: text key, n: int }\nrule 正数 { over item require n > 0 }\ntest \"负数\" {\n  data item [ { id: \"a\", n: 0 } ]\n  expect no violation 正数\n}\n",
    )
    .unwrap();
    let o = duikou(&["test", file.to_str().unwrap(), "--format", "sarif"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(o.status.code(), Some(1));
    let doc = valid_sarif(&stdout(&o));
    let r = &results(&doc)[0];
    assert_eq!(r["kind"], "fail");
    assert_eq!(r["level"], "error");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
}

#[test]
fn sarif_is_byte_identical_across_runs() {
    let a = stdout(&duikou(&["check", "rules", "--format", "sarif"]));
    let b = stdout(&duikou(&["check", "rules", "--format", "sarif"]));
    assert_eq!(a, b);
}

#[test]
fn rule_file_errors_are_sarif_too_for_every_command() {
    for command in ["gaps", "conflicts", "test"] {
        let o = duikou(&[
            command,
            "tests/cases/name/unknown_actor.dk",
            "--format",
            "sarif",
        ]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        let doc = valid_sarif(&stdout(&o));
        assert_eq!(results(&doc)[0]["ruleId"], "duikou::name::unknown_actor");
        assert_eq!(doc["runs"][0]["properties"]["command"], command);
    }
}
