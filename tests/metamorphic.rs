//! Metamorphic properties of the compliance check, on generated rule sets and data: changes
//! that must not change a verdict leave every verdict as it was.
//!
//! - permuting the rows, or splitting them into several files of the same record type;
//! - adding rows of another program and supporter, or of another record type (unrelated groups);
//! - writing every amount in 元 instead of 万元, with the rules' literals converted;
//! - renaming an actor everywhere, in rules and data (the same findings under the new name);
//! - giving the rule files and data files in any order (byte-identical output);
//! - writing the rule set in the other dialect (`duikou fmt --dialect zh`, then back with
//!   `--dialect en`): the same findings, messages included.

use duikou::{Data, Report, RuleSet};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const PROGRAMS: [&str; 2] = ["援疆", "援藏"];
const SUPPORTERS: [&str; 3] = ["甲省", "乙省", "丙省"];
const RECIPIENTS: [&str; 3] = ["和田", "喀什", "日喀则"];

/// One generated rule: its kind (0–3) and a threshold.
#[derive(Debug, Clone)]
struct RuleSpec {
    kind: u8,
    threshold: u32,
    program_only: bool,
}

/// One generated project row; amounts in hundredths of 万元.
#[derive(Debug, Clone)]
struct RowSpec {
    program: usize,
    supporter: usize,
    recipient: usize,
    year: i32,
    livelihood: bool,
    planned: u32,
    spent: u32,
}

/// How amounts are written: in 万元 (as the rules' data usually is) or in 元.
#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Wan,
    Yuan,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Yuan => "元",
        }
    }

    /// Hundredths of 万元 written in this unit.
    fn amount(self, hundredths: u64) -> String {
        match self {
            Unit::Wan => format!("{}.{:02}", hundredths / 100, hundredths % 100),
            Unit::Yuan => (hundredths * 100).to_string(),
        }
    }
}

fn rule_text(i: usize, r: &RuleSpec, unit: Unit) -> String {
    let filter = if r.program_only {
        " where program == 援疆"
    } else {
        ""
    };
    let t = r.threshold;
    let body = match r.kind % 4 {
        0 => format!(
            "per supporter, recipient, year require sum(planned where livelihood) / sum(planned) >= {}%",
            40 + t % 50
        ),
        1 => format!("forbid spent > planned * {}%", 80 + t % 60),
        2 => format!(
            "require planned >= {}{}",
            unit.amount(u64::from(t % 500) * 100),
            unit.name()
        ),
        _ => format!(
            "per supporter, year require sum(spent) <= {}{}",
            unit.amount(u64::from(t % 3000) * 100),
            unit.name()
        ),
    };
    format!("rule r{i} {{ over project{filter} {body} message \"{{value}}\" }}\n")
}

/// The declarations (actors, programs, records) and the rules, as separate files.
fn rule_files(rules: &[RuleSpec], unit: Unit) -> Vec<(String, String)> {
    let mut decls = String::new();
    decls.push_str("program 援疆 { since: 2010 }\nprogram 援藏 { since: 1994 }\n");
    for s in SUPPORTERS.iter().chain(["丁省"].iter()) {
        decls.push_str(&format!(
            "actor {s} {{ kind: government, level: province }}\n"
        ));
    }
    for r in RECIPIENTS {
        decls.push_str(&format!(
            "actor {r} {{ kind: government, level: prefecture }}\n"
        ));
    }
    let u = unit.name();
    let records = format!(
        "record project {{ id: text key, program: program, supporter: actor, recipient: actor, \
         year: year time, livelihood: bool, planned: money({u}), spent: money({u}) }}\n\
         record rating {{ id: text key, supporter: actor, score: decimal }}\n"
    );
    let body: String = rules
        .iter()
        .enumerate()
        .map(|(i, r)| rule_text(i, r, unit))
        .collect();
    vec![
        ("decls.dk".into(), decls),
        ("records.dk".into(), records),
        ("rules.dk".into(), body),
    ]
}

const HEADER: &str = "id,program,supporter,recipient,year,livelihood,planned,spent\n";

fn row_line(i: usize, r: &RowSpec, unit: Unit, prefix: &str) -> String {
    format!(
        "{prefix}{i},{},{},{},{},{},{},{}\n",
        PROGRAMS[r.program],
        SUPPORTERS[r.supporter],
        RECIPIENTS[r.recipient],
        r.year,
        r.livelihood,
        unit.amount(u64::from(r.planned)),
        unit.amount(u64::from(r.spent)),
    )
}

fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "duikou-metamorphic-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Checks `files` (each `(record, csv text)`, given in memory) against the rule set; every
/// finding is kept.
fn run(rules: &[(String, String)], files: &[(&str, String)]) -> Report {
    let set = RuleSet::from_sources(rules.to_vec());
    assert!(!set.has_errors(), "{:?}", set.diagnostics());
    let data = files
        .iter()
        .enumerate()
        .fold(Data::new(), |data, (i, (record, text))| {
            data.csv(record, &format!("{i}.csv"), text.as_bytes())
        });
    set.check(&data).expect("the rules check the data")
}

/// A group value as text: a string as it is, a number as written.
fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every verdict without its place: (rule, kind, group, record, value, message), sorted.
fn verdicts(report: &Report, with_text: bool) -> Vec<String> {
    let mut v: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            let group: Vec<String> = f
                .group
                .iter()
                .map(|(name, value)| format!("{name}={}", value_text(value)))
                .collect();
            let text = if with_text {
                format!("{:?} {}", f.value, f.message)
            } else {
                String::new()
            };
            format!(
                "{} {:?} [{}] {:?} {text}",
                f.rule,
                f.kind,
                group.join(","),
                f.record
            )
        })
        .collect();
    v.sort();
    v
}

/// Every rule's counts.
fn counts(report: &Report) -> Vec<String> {
    report
        .summary
        .rules
        .iter()
        .map(|c| format!("{c:?}"))
        .collect()
}

fn csv(rows: &[RowSpec], unit: Unit) -> String {
    let mut s = String::from(HEADER);
    for (i, r) in rows.iter().enumerate() {
        s.push_str(&row_line(i, r, unit, "p"));
    }
    s
}

fn rule_spec() -> impl Strategy<Value = RuleSpec> {
    (0u8..4, 0u32..10_000, any::<bool>()).prop_map(|(kind, threshold, program_only)| RuleSpec {
        kind,
        threshold,
        program_only,
    })
}

fn row_spec() -> impl Strategy<Value = RowSpec> {
    (
        0usize..2,
        0usize..3,
        0usize..3,
        2017i32..2020,
        any::<bool>(),
        1u32..100_000,
        0u32..150,
    )
        .prop_map(
            |(program, supporter, recipient, year, livelihood, planned, spent_pct)| RowSpec {
                program,
                supporter,
                recipient,
                year,
                livelihood,
                planned,
                spent: planned / 100 * spent_pct,
            },
        )
}

fn case() -> impl Strategy<Value = (Vec<RuleSpec>, Vec<RowSpec>)> {
    (
        proptest::collection::vec(rule_spec(), 1..6),
        proptest::collection::vec(row_spec(), 1..60),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn permuting_and_splitting_rows_changes_no_verdict(
        (rules, rows) in case(),
        order in any::<proptest::sample::Index>(),
        cuts in proptest::collection::vec(any::<proptest::sample::Index>(), 0..3),
    ) {
        let sources = rule_files(&rules, Unit::Wan);
        let base = run(&sources, &[("project", csv(&rows, Unit::Wan))]);
        // Lines keep their ids, so the same records are permuted and split.
        let mut lines: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| row_line(i, r, Unit::Wan, "p"))
            .collect();
        let turn = order.index(lines.len());
        lines.rotate_left(turn);
        lines.reverse();
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(lines.len() + 1)).collect();
        points.sort_unstable();
        points.dedup();
        let mut files = Vec::new();
        let mut start = 0;
        for p in points.into_iter().chain([lines.len()]) {
            files.push(("project", format!("{HEADER}{}", lines[start..p].concat())));
            start = p;
        }
        let split = run(&sources, &files);
        prop_assert_eq!(counts(&base), counts(&split));
        prop_assert_eq!(verdicts(&base, true), verdicts(&split, true));
    }

    #[test]
    fn rows_of_another_program_and_record_type_leave_other_groups_alone(
        (rules, rows) in case(),
        extra in proptest::collection::vec(row_spec(), 1..20),
    ) {
        let sources = rule_files(&rules, Unit::Wan);
        let base = run(&sources, &[("project", csv(&rows, Unit::Wan))]);
        // Another supporter (丁省) in another program: groups of its own.
        let mut more = csv(&rows, Unit::Wan);
        for (i, r) in extra.iter().enumerate() {
            let line = row_line(i, &RowSpec { program: 1 - r.program.min(1), ..r.clone() }, Unit::Wan, "x");
            more.push_str(&line.replace(SUPPORTERS[r.supporter], "丁省"));
        }
        let ratings = "id,supporter,score\nq1,甲省,90\nq2,丁省,10\n".to_string();
        let grown = run(&sources, &[("project", more), ("rating", ratings)]);
        let unrelated = |v: Vec<String>| -> Vec<String> {
            v.into_iter().filter(|f| !f.contains("丁省") && !f.contains("Some(\"x")).collect()
        };
        prop_assert_eq!(unrelated(verdicts(&base, true)), unrelated(verdicts(&grown, true)));
    }

    #[test]
    fn a_rule_set_in_the_other_dialect_gives_the_same_findings((rules, rows) in case()) {
        use duikou::fmt::{Dialect, format_source};
        let sources = rule_files(&rules, Unit::Wan);
        let data = [("project", csv(&rows, Unit::Wan))];
        let base = run(&sources, &data);
        let translate = |files: &[(String, String)], dialect: Dialect| -> Vec<(String, String)> {
            files
                .iter()
                .map(|(n, t)| (n.clone(), format_source(t, dialect).expect("the rule set formats")))
                .collect()
        };
        let zh = translate(&sources, Dialect::Zh);
        prop_assert!(zh[2].1.contains("规则") && !zh[2].1.contains("rule "), "{}", zh[2].1);
        let in_zh = run(&zh, &data);
        prop_assert_eq!(counts(&base), counts(&in_zh));
        prop_assert_eq!(verdicts(&base, true), verdicts(&in_zh, true));
        let en = translate(&zh, Dialect::En);
        prop_assert!(en[2].1.contains("rule "), "{}", en[2].1);
        let back = run(&en, &data);
        prop_assert_eq!(counts(&base), counts(&back));
        prop_assert_eq!(verdicts(&base, true), verdicts(&back, true));
    }

    #[test]
    fn amounts_in_yuan_give_the_verdicts_of_amounts_in_wan((rules, rows) in case()) {
        let wan = run(&rule_files(&rules, Unit::Wan), &[("project", csv(&rows, Unit::Wan))]);
        let yuan = run(&rule_files(&rules, Unit::Yuan), &[("project", csv(&rows, Unit::Yuan))]);
        prop_assert_eq!(counts(&wan), counts(&yuan));
        prop_assert_eq!(verdicts(&wan, false), verdicts(&yuan, false));
    }

    #[test]
    fn renaming_an_actor_everywhere_renames_it_in_the_findings(
        (rules, rows) in case(),
        which in 0usize..3,
    ) {
        let old = SUPPORTERS[which];
        let new = "新命名省";
        let sources = rule_files(&rules, Unit::Wan);
        let base = run(&sources, &[("project", csv(&rows, Unit::Wan))]);
        let renamed_sources: Vec<(String, String)> = sources
            .iter()
            .map(|(n, t)| (n.clone(), t.replace(old, new)))
            .collect();
        let renamed = run(&renamed_sources, &[("project", csv(&rows, Unit::Wan).replace(old, new))]);
        let back: Vec<String> = verdicts(&renamed, true).into_iter().map(|v| v.replace(new, old)).collect();
        let mut back = back;
        back.sort();
        prop_assert_eq!(counts(&base), counts(&renamed));
        prop_assert_eq!(verdicts(&base, true), back);
    }
}

/// The CLI's JSON report for the rule files and data files given in this order.
fn cli_json(dir: &Path, rule_files: &[&str], data_files: &[&str]) -> String {
    let mut args: Vec<String> = vec!["check".into(), "--format".into(), "json".into()];
    args.extend(rule_files.iter().map(|f| f.to_string()));
    for d in data_files {
        args.push("--data".into());
        args.push(format!("project={d}"));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(&args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0..=2)), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn files_in_any_order_give_byte_identical_output(
        (rules, rows) in case(),
        rule_order in Just(vec!["decls.dk", "records.dk", "rules.dk"]).prop_shuffle(),
    ) {
        let dir = scratch();
        for (name, text) in rule_files(&rules, Unit::Wan) {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let half = rows.len() / 2;
        std::fs::write(dir.join("a.csv"), csv(&rows[..half], Unit::Wan)).unwrap();
        let second = csv(&rows[half..], Unit::Wan).replace("\np", "\nq");
        std::fs::write(dir.join("b.csv"), second).unwrap();
        let given = cli_json(&dir, &["decls.dk", "records.dk", "rules.dk"], &["a.csv", "b.csv"]);
        let shuffled = cli_json(&dir, &rule_order, &["b.csv", "a.csv"]);
        let _ = std::fs::remove_dir_all(&dir);
        prop_assert_eq!(given, shuffled);
    }
}
