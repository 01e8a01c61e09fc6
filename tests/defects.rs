//! One regression test per defect the fuzzing campaign and the code reading found, named after
//! it (D3, D4 crashes; P1–P3 quadratic slow-downs, checked here for their results at the size
//! that was slow; their time is measured by `cargo bench --bench doubling`).

use duikou::{Data, DiagnosticForm, RuleSet};
use std::process::Command;

fn duikou(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .output()
        .expect("duikou runs");
    let code = out.status.code().expect("duikou exits, it is not killed");
    (code, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-defects-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const D3_C001: &str = "fuzz/regressions/rules_text/d3_c001_overflow.dk";
const D3_C003: &str = "fuzz/regressions/rules_text/d3_c003_overflow.dk";

#[test]
fn d3_c001_with_a_threshold_whose_percent_overflows_is_described() {
    let (code, out) = duikou(&["check", D3_C001]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("C001"), "{out}");
    assert!(
        out.contains(">= 79228162514264337593543950400%, the other <= 100%"),
        "{out}"
    );
    let (code, out) = duikou(&["conflicts", "--format", "json", D3_C001]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"C001\""), "{out}");
    let (code, out) = duikou(&["test", D3_C001]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn d3_c003_with_a_threshold_whose_percent_overflows_is_described() {
    let (code, out) = duikou(&["check", D3_C003]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("C003"), "{out}");
    assert!(out.contains(">= 100000000000000000000000000000%"), "{out}");
    let (code, out) = duikou(&["conflicts", "--format", "short", D3_C003]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("C003"), "{out}");
}

#[test]
fn d4_a_tiny_target_attains_fully_without_dividing() {
    // The attainment formula itself is checked inside the crate (src/score/mod.rs).
    let (code, out) = duikou(&["score", "tests/defects/d4_score_min"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("x   8 → 100.00  100.00  A      1"), "{out}");
    let (code, out) = duikou(&[
        "test",
        "fuzz/regressions/rules_text/d4_score_tiny_target.dk",
    ]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn p1_a_header_of_80000_extra_columns_is_bound_column_by_column() {
    let dir = scratch("p1");
    let extra = 80_000;
    let mut header = String::from("id,v");
    for i in 0..extra {
        header.push_str(&format!(",extra{i}"));
    }
    // Two repeated columns: each is reported with the column that is read.
    header.push_str(",v,extra7\n");
    let row = format!("a,1{}\n", ",".repeat(extra + 2));
    let path = dir.join("r.csv");
    std::fs::write(&path, header + &row).unwrap();
    let rules = RuleSet::from_sources(vec![(
        "p1.dk".into(),
        "record r { id: text key, v: decimal }\nrule R { over r require v >= 0 }\n".into(),
    )]);
    let result = rules.check(&Data::new().file("r", path)).unwrap();
    let summary = &result.summary;
    assert_eq!((summary.rows_read, summary.rows_checked), (1, 1));
    let unknown = result
        .rejected
        .iter()
        .filter(|p| p.message.ends_with("is not a field of `r`"))
        .count();
    assert_eq!(unknown, extra);
    let twice: Vec<&str> = result
        .rejected
        .iter()
        .filter(|p| p.message.contains("appears twice"))
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        twice,
        [
            "column `v` appears twice; column 2 is read",
            "column `extra7` appears twice; column 10 is read"
        ]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn p2_a_rule_file_of_4000_misspelt_names_is_reported_in_full() {
    let n = 4000;
    let mut text = String::from("program 援疆 { since: 2010 }\n");
    for i in 0..n {
        text.push_str(&format!(
            "actor 省份{i:05} {{ kind: government, level: province }}\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "pair 省分{i:05} -> 省份{i:05} in 援疆 from 2010 to 2030\n"
        ));
    }
    let rules = RuleSet::from_sources(vec![("p2.dk".into(), text)]);
    let unknown: Vec<_> = rules
        .diagnostics()
        .iter()
        .filter(|d| d.code.as_str() == "duikou::name::unknown_actor")
        .collect();
    assert_eq!(unknown.len(), n);
    // The first ones get a suggestion; once the suggestion budget is spent, the others say
    // how to declare the name. Every one has a help line.
    assert_eq!(
        unknown[0].help.as_deref(),
        Some("did you mean `省份00000`?")
    );
    assert_eq!(
        unknown[n - 1].help.as_deref(),
        Some("declare it with `actor 省分03999 { … }`")
    );
    let human =
        rules.render_diagnostics(rules.diagnostics(), DiagnosticForm::Human { color: false });
    assert_eq!(human.matches("unknown actor `").count(), n);
    assert!(human.contains("[p2.dk:8001:6]"), "the last place header");
}

#[test]
fn p3_ranking_40000_groups_gives_each_its_rank() {
    let dir = scratch("p3");
    let groups = 40_000;
    let mut csv = String::from("id,v\n");
    for i in 0..groups {
        csv.push_str(&format!("g{i},{}\n", i % 1000));
    }
    let path = dir.join("r.csv");
    std::fs::write(&path, csv).unwrap();
    let rules = RuleSet::from_sources(vec![(
        "p3.dk".into(),
        "record r { id: text key, v: decimal }\nevaluation E {\n  over r\n  per id\n  \
         indicator I { kind: social, weight: 100%, target: >= 999, value: sum(v) }\n  \
         grade { A: 90, B: 0 }\n}\n"
            .into(),
    )]);
    assert!(!rules.has_errors(), "{:?}", rules.diagnostics());
    let scores = rules.score(&Data::new().file("r", path), None).unwrap();
    let rows = scores.rows;
    assert_eq!(rows.len(), groups);
    // v = i % 1000: 40 groups share each value; the value 999 ranks 1, 998 ranks 41, …
    for row in &rows {
        let id: usize = row.group[0].text[1..].parse().unwrap();
        let v = id % 1000;
        assert_eq!(row.rank, Some(1 + 40 * (999 - v)), "{id}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
