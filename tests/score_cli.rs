//! `duikou score` and `explain --evaluation` on the shipped rules and demo data.

mod common;

use common::{duikou, stdout};

#[test]
fn json_rows_follow_the_contract() {
    let o = duikou(&["score", "rules", "--format", "json"]);
    // The demo data has a rejected row.
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["evaluation"], "援疆考核");
    let rows = v["rows"].as_array().unwrap();
    let hebei = rows
        .iter()
        .find(|r| r["group"]["supporter"] == "河北省" && r["group"]["year"] == 2017)
        .unwrap();
    assert_eq!(hebei["indicators"]["民生占比"]["value"], "40.0%");
    assert_eq!(hebei["indicators"]["民生占比"]["attainment"], 54.05);
    assert_eq!(hebei["grade"], "B");
    assert_eq!(
        hebei["indicators"]["满意度"]["ratings"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let tianjin = rows
        .iter()
        .find(|r| r["group"]["supporter"] == "天津市")
        .unwrap();
    assert!(tianjin["score"].is_null() && tianjin["rank"].is_null());
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("no rating by `支援方` for `满意度`")
    );
    assert_eq!(v["summary"]["rows_rejected"], 1);
    assert!(
        v["receipt"]["data"]["rules/data/project.csv"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    // Ranks run 1..=14 over the scored groups; scores stay within 0..100.
    let mut ranks: Vec<u64> = rows.iter().filter_map(|r| r["rank"].as_u64()).collect();
    ranks.sort();
    assert_eq!(ranks.first(), Some(&1));
    assert!(
        rows.iter()
            .filter_map(|r| r["score"].as_f64())
            .all(|s| (0.0..=100.0).contains(&s))
    );
}

#[test]
fn csv_and_markdown() {
    let o = duikou(&["score", "rules", "--format", "csv"]);
    let csv = stdout(&o);
    assert!(
        // A byte-order mark first, for spreadsheet programs.
        csv.starts_with("\u{feff}supporter,recipient,year,民生占比 value,民生占比 attainment,"),
        "{csv}"
    );
    assert!(csv.contains("河北省,巴州,2017,40.0%,54.05,"), "{csv}");
    let o = duikou(&["score", "rules", "--format", "markdown"]);
    let md = stdout(&o);
    assert!(
        md.contains("| supporter recipient year | 民生占比 (20%) |"),
        "{md}"
    );
}

#[test]
fn unknown_evaluation_is_refused_with_a_suggestion() {
    let o = duikou(&["score", "rules", "--evaluation", "援疆考"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `援疆考核`?"));
}

#[test]
fn explain_shows_the_derivation_of_a_score() {
    let o = duikou(&[
        "explain",
        "--evaluation",
        "援疆考核",
        "--group",
        "supporter=河北,recipient=巴州,year=2017",
    ]);
    let t = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    for expected in [
        "sum(planned where livelihood) = 400.00万元",
        "value 40.0%, target >= 74%: attainment 54.05 × 20% = 10.81",
        "第三方 (40%): ",
        "→ grade B (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 0), rank ",
    ] {
        assert!(t.contains(expected), "missing {expected:?} in\n{t}");
    }
}

/// Warnings about the rules change what scores mean: `score` says them on standard error.
#[test]
fn rule_warnings_are_said_before_the_scores() {
    let dir = std::env::temp_dir().join(format!("duikou-score-warn-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("data")).expect("temp folder");
    let rules = std::fs::read_to_string("tests/score_cases/grade_bounds/rules.dk").expect("case");
    let reversed = rules.replace(
        "grade { A: 90, B: 75, C: 60, D: 0 }",
        "grade { D: 0, C: 60, B: 75, A: 90 }",
    );
    assert_ne!(rules, reversed, "the case lists its grades");
    std::fs::write(dir.join("rules.dk"), reversed).expect("write");
    std::fs::copy(
        "tests/score_cases/grade_bounds/data/project.csv",
        dir.join("data/project.csv"),
    )
    .expect("copy");
    let o = duikou(&["score", dir.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        stderr.contains("warning[duikou::decl::grade_order]"),
        "{stderr}"
    );
}
