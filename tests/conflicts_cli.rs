//! `duikou conflicts` from the command line, and conflicts' effect on `check --data`.

mod common;

use common::{duikou, stdout};

#[test]
fn json_conflicts_carry_resolution_and_witness() {
    let o = duikou(&["conflicts", "rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "unresolved clashes are errors");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["kind"] == "conflict"));
    let c001 = findings.iter().find(|f| f["code"] == "C001").unwrap();
    assert_eq!(c001["resolution"]["kind"], "unresolved");
    assert_eq!(c001["resolution"]["refer_to"], "国务院");
    assert!(
        c001["witness"]
            .as_str()
            .unwrap()
            .contains("expect conflict C001")
    );
    let c002 = findings.iter().find(|f| f["code"] == "C002").unwrap();
    assert_eq!(c002["resolution"]["kind"], "special");
    assert_eq!(c002["resolution"]["prevails"], "援疆工作部署 art 8-1");
    assert_eq!(c002["severity"], "info");
    // The C003 of 江苏's rule under the central policy (the other C003 is 巴州's variation).
    let c003 = findings
        .iter()
        .find(|f| f["code"] == "C003" && f["resolution"]["kind"] != "variation")
        .unwrap();
    assert_eq!(c003["resolution"]["kind"], "superior");
    assert_eq!(c003["resolution"]["prevails"], "援疆工作部署 art 7");
}

#[test]
fn a_witness_is_a_test_block_that_parses() {
    let o = duikou(&["conflicts", "rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let witness = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "C002")
        .and_then(|f| f["witness"].as_str())
        .unwrap()
        .to_string();
    // Pasted beside the rules, the block checks clean.
    let dir = std::env::temp_dir().join(format!("duikou-witness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("witness.dk"), &witness).unwrap();
    let o = duikou(&[
        "check",
        "rules/",
        dir.join("witness.dk").to_str().unwrap(),
        "--format",
        "short",
    ]);
    let text = stdout(&o);
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[duikou::") && l.contains("witness.dk"))
        .collect();
    assert!(
        problems.is_empty(),
        "the witness does not check clean:\n{witness}\n{problems:?}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_prevailing_permit_overrides_the_prohibition_in_data() {
    let o = duikou(&["check", "rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let over = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "overridden")
        .unwrap();
    assert_eq!(over["rule"], "超支");
    assert_eq!(over["record"], "XJ2019-058");
    assert!(
        over["message"]
            .as_str()
            .unwrap()
            .contains("yields to `医疗设备超支许可`")
    );
    let rules = v["rules"].as_array().unwrap();
    let overspend = rules.iter().find(|r| r["rule"] == "超支").unwrap();
    assert_eq!(overspend["overridden"], 1);
    assert_eq!(overspend["violations"], 1);
}

/// The human report prints each witness unwrapped and unindented: it pastes as it is.
#[test]
fn a_human_witness_pastes_as_it_is() {
    let o = duikou(&["conflicts", "rules"]);
    let text = stdout(&o);
    let start = text
        .find("witness, ready to paste as a test:\n\n")
        .expect("a witness is printed");
    let block = &text[start..];
    let block = &block[block.find("test \"").expect("a test block")..];
    let block = &block[..block.find("\n}\n").expect("the block closes") + 2];
    let record = block
        .lines()
        .find(|l| l.trim_start().starts_with("{ id:"))
        .expect("a record line");
    assert!(
        record.trim_end().ends_with("},"),
        "one line per record: {block}"
    );
    assert!(!block.contains('│'), "no frame inside the block: {block}");
}
