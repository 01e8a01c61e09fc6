//! The extreme literals — the largest and smallest decimals, 28-digit scales, the smallest step,
//! zero — swept through every operator, aggregate, comparison, evaluation target and renderer:
//! nothing panics, and a result too large to compute is `undetermined`, never a pass or a
//! violation.

use duikou::DataFormat as Format;
use duikou::fuzzing::{self, DataTarget};
use duikou::{Data, RuleSet};
use std::process::Command;

const LITERALS: &[&str] = &[
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "7.9228162514264337593543950335",
    "0.1234567890123456789012345678",
    "792281625142643375935439504",
    "0",
    "1",
];

/// Data values: the extremes a data cell can hold (at most 28 significant digits), each in its
/// own group and all together in one.
const VALUES: &[&str] = &[
    "9999999999999999999999999999",
    "-9999999999999999999999999999",
    "0.0000000000000000000000000001",
    "-0.0000000000000000000000000001",
    "7.922816251426433759354395033",
    "0.1234567890123456789012345678",
    "0",
    "1",
];

fn csv() -> String {
    let mut s = String::from("id,g,v,p,m\n");
    for (i, v) in VALUES.iter().enumerate() {
        s.push_str(&format!("a{i},g{i},{v},{v},{v}\n"));
        s.push_str(&format!("b{i},all,{v},{v},{v}\n"));
    }
    s
}

fn json() -> String {
    let rows: Vec<String> = VALUES
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"{{"id":"j{i}","g":"all","v":{v},"p":"{v}","m":"{v}元"}}"#))
        .collect();
    format!("[{}]", rows.join(","))
}

/// A rule set using `lit` in every operator, comparison, aggregate and target, in two documents
/// of different rank so the conflict analysis compares thresholds made of it. (A test block's
/// rows take literals without a sign, so they hold the literal's magnitude.)
fn rules(lit: &str) -> String {
    let abs = lit.trim_start_matches('-');
    format!(
        r#"record r {{ id: text key, g: text, v: decimal, p: percent, m: money(元) }}
document A {{ level: law, issuer: national, effective: 2010-01-01
  article 1 {{
    rule ops {{ over r require v + {lit} >= {lit} and v - {lit} <= {lit} and v * {lit} != {lit} and v / {lit} < {lit} }}
    rule cmp {{ over r forbid v == {lit} or v > {lit} or p >= {lit} or m < {lit}元 }}
    rule neg {{ over r require -v <= -{lit} and v * v >= {lit} * {lit} }}
    rule agg {{ over r per g require sum(v) >= {lit} and avg(v) <= {lit} and min(v) > {lit} and max(v) < {lit} and count() >= {lit} and distinct(v) >= {lit} }}
    rule ratio {{ over r per g require sum(m) / sum(m) >= {lit} and sum(p) / count() <= {lit}% }}
    rule spend {{ over r forbid m > m * {lit} }}
  }}
}}
document B {{ level: local_rule, issuer: national, effective: 2010-01-01
  article 1 {{
    rule ratio_low {{ over r per g require sum(m) / sum(m) <= {lit} }}
    rule ratio_weak {{ over r per g require sum(m) / sum(m) >= {lit} }}
    rule spend_permit {{ over r permit m > m * {lit} }}
  }}
}}
evaluation E {{
  over r
  per g
  evaluators {{ 甲: 50%, 乙: 50% }}
  indicator I1 {{ kind: social, weight: 40%, target: >= {lit}, value: sum(v) }}
  indicator I2 {{ kind: social, weight: 30%, target: <= {lit}, value: avg(v) }}
  indicator I3 {{ kind: economic, weight: 30%, target: >= {lit}%, value: sum(m) / sum(m) }}
  grade {{ A: 90, B: 0 }}
}}
test "extremes" {{
  data r [ {{ id: "t1", g: "x", v: {abs}, p: {abs}%, m: {abs}元 }}, {{ id: "t2", g: "x", v: 1, p: 1%, m: 1元 }} ]
  expect score E {{ g: "x" }} >= 0
  expect violation ops
}}
"#
    )
}

#[test]
fn extreme_literals_pass_through_every_operator_aggregate_target_and_renderer() {
    let dir = std::env::temp_dir().join(format!("duikou-extremes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("r.csv");
    std::fs::write(&data, csv()).unwrap();
    let mut computed = 0;
    for lit in LITERALS {
        let sources = vec![("extremes.dk".to_string(), rules(lit))];
        let set = RuleSet::from_sources(sources.clone());
        fuzzing::examine(&set);
        if set.has_errors() {
            // A literal the checker refuses is reported, not computed with.
            assert!(
                set.diagnostics().iter().all(|d| !d.message.is_empty()),
                "{lit}"
            );
            continue;
        }
        computed += 1;
        DataTarget::new(sources.clone(), "r", Format::Csv).run(csv().as_bytes());
        DataTarget::new(sources, "r", Format::Json).run(json().as_bytes());
        let file = dir.join("extremes.dk");
        std::fs::write(&file, rules(lit)).unwrap();
        let (file, data) = (file.to_str().unwrap(), format!("r={}", data.display()));
        for args in [
            vec!["check", file, "--data", &data],
            vec!["check", file, "--data", &data, "--format", "json", "--all"],
            vec!["conflicts", file, "--format", "json"],
            vec!["test", file, "--format", "json"],
            vec!["score", file, "--data", &data, "--format", "json"],
            vec!["score", file, "--data", &data, "--format", "csv"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
                .env("DUIKOU_LANG", "en")
                .args(&args)
                .output()
                .unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(0..=2)),
                "{lit}: {args:?} exits {code:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert_eq!(
        computed,
        LITERALS.len(),
        "every literal is accepted and computed with"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Ten times the largest value a cell holds: too large to compute, so the record (and its
/// group) is undetermined, with the reason.
#[test]
fn an_overflowing_sum_is_undetermined_not_a_verdict() {
    let rules = RuleSet::from_sources(vec![(
        "o.dk".into(),
        "record r { id: text key, v: decimal }\n\
         rule big { over r require v * 10 >= 0 }\n\
         rule total { over r per id require sum(v) * 10 >= 0 }\n"
            .into(),
    )]);
    assert!(!rules.has_errors(), "{:?}", rules.diagnostics());
    let data = Data::new().csv(
        "r",
        "r.csv",
        &b"id,v\na,9999999999999999999999999999\nb,1\n"[..],
    );
    let report = rules.check(&data).unwrap();
    // For both rules, a's tenfold overflows and b passes.
    assert_eq!(report.summary.rules.len(), 2);
    for counts in &report.summary.rules {
        assert_eq!(
            (counts.violations, counts.undetermined, counts.passed),
            (0, 1, 1)
        );
    }
    let reasons: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        reasons.iter().all(|m| m.contains("too large")),
        "{reasons:?}"
    );
}
