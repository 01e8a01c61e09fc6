//! The check on one thread (as on WebAssembly) against the check on two, and progress telling.

use super::{DataFile, Options, run_here, run_with};
use crate::outcome::Report;
use crate::{Data, RuleSet};
use std::sync::Mutex;

/// The shipped rules, and their project data repeated (each row with its own key) to `rows`.
fn shipped(rows: usize) -> (RuleSet, Vec<u8>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]);
    (rules, project_rows(rows, |n, id| format!("{id}-{n}")))
}

/// The shipped project data repeated to `rows`, row `n` keyed `key(n, its shipped key)`.
fn project_rows(rows: usize, key: impl Fn(usize, &str) -> String) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv = std::fs::read_to_string(root.join("rules/data/project.csv")).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    let body: Vec<&str> = lines.collect();
    let mut out = format!("{header}\n");
    for n in 0..rows {
        let (id, rest) = body[n % body.len()].split_once(',').unwrap();
        out.push_str(&format!("{},{rest}\n", key(n, id)));
    }
    out.into_bytes()
}

#[test]
fn one_thread_finds_what_two_threads_find() {
    // More rows than a batch holds, so batches are checked and reused on both paths.
    let rows = 3 * super::BATCH_ROWS + 17;
    let (rules, csv) = shipped(rows);
    let plan = rules.plan().expect("the shipped rules compile");
    let records: Vec<&str> = plan.records.iter().map(|r| r.name.as_str()).collect();
    let data = Data::new().csv("project", "project.csv", csv);
    let (files, problems) = data.bind(&[], &records);
    assert!(problems.is_empty());
    let opts = Options {
        threads: 2,
        ..Options::default()
    };
    let alone = Options {
        threads: 1,
        ..Options::default()
    };
    let labels: Vec<String> = files.iter().map(DataFile::label).collect();
    let two = run_with(plan, &files, &opts, |checker| checker.file.clone());
    let one = run_here(plan, &files, &alone, labels, |checker| checker.file.clone());
    assert_eq!(one.1, two.1);
    let (one, two) = (Report::of(plan, one.0), Report::of(plan, two.0));
    assert_eq!(two.summary.rows_read, rows as u64);
    assert!(!two.findings.is_empty());
    assert_eq!(one, two);
}

static TOLD: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

fn remember(read: u64, total: u64) {
    TOLD.lock().unwrap().push((read, total));
}

#[test]
fn progress_is_told_as_memory_is_read() {
    let (rules, csv) = shipped(40_000);
    let len = csv.len() as u64;
    assert!(len > 3 << 20);
    let data = Data::new()
        .csv("project", "big.csv", csv)
        .on_progress(remember);
    let report = rules.check(&data).unwrap();
    assert_eq!(report.summary.rows_read, 40_000);
    let told = TOLD.lock().unwrap().clone();
    assert!(told.len() >= 3, "{told:?}");
    assert!(told.windows(2).all(|w| w[0].0 < w[1].0), "{told:?}");
    assert!(told.iter().all(|&(_, total)| total == len));
    assert_eq!(told.last(), Some(&(len, len)));
}

#[test]
fn keys_are_unique_across_chunks_of_every_size() {
    // Ascending keys, every seventh repeating the one before; two thirds of the way through, a
    // key from the start (out of order: from there on keys are checked one by one).
    let rows = 6000;
    let keys: Vec<String> = (0..rows)
        .map(|n| match n {
            n if n == 2 * rows / 3 => "K000005".to_string(),
            n if n % 7 == 3 => format!("K{:06}", n - 1),
            n => format!("K{n:06}"),
        })
        .collect();
    let rules = RuleSet::load(&[std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")]);
    let plan = rules.plan().expect("the shipped rules compile");
    let records: Vec<&str> = plan.records.iter().map(|r| r.name.as_str()).collect();
    let data = Data::new().csv(
        "project",
        "project.csv",
        project_rows(rows, |n, _| keys[n].clone()),
    );
    let (files, _) = data.bind(&[], &records);
    let opts = Options {
        max_errors: rows,
        ..Options::default()
    };
    let labels: Vec<String> = files.iter().map(DataFile::label).collect();
    let one = run_here(plan, &files, &opts, labels, |_| ()).0;
    let duplicates = |run: &super::DataRun| {
        run.problems
            .iter()
            .filter(|p| p.code == crate::diagnostic::Code::DataDuplicateKey)
            .count()
    };
    // The shipped data has a row with a bad value, rejected before its key is looked at.
    let rejected: std::collections::HashSet<u64> = one
        .problems
        .iter()
        .filter(|p| p.code == crate::diagnostic::Code::DataBadValue)
        .map(|p| p.location.line)
        .collect();
    assert!(!rejected.is_empty());
    let mut seen = std::collections::HashSet::new();
    let repeats = (keys.iter().enumerate())
        .filter(|(n, k)| !rejected.contains(&(*n as u64 + 2)) && !seen.insert(k.as_str()))
        .count();
    assert_eq!(duplicates(&one), repeats);
    let one = Report::of(plan, one);
    // Chunks of one row, of a few rows, and of more than a batch: a chunk may start with the
    // key that ended the one before.
    for block in [1, 90, 300, 1000, 100_000] {
        super::BLOCK_SIZE.with(|b| b.set(block));
        let two = run_with(
            plan,
            &files,
            &Options {
                threads: 2,
                ..opts.clone()
            },
            |_| (),
        )
        .0;
        super::BLOCK_SIZE.with(|b| b.set(crate::data::csv_file::chunked::BLOCK));
        assert_eq!(duplicates(&two), repeats, "chunks of {block} bytes");
        assert_eq!(one, Report::of(plan, two), "chunks of {block} bytes");
    }
}

#[test]
fn rows_validated_on_workers_speak_the_callers_language() {
    let (rules, csv) = shipped(300);
    let plan = rules.plan().expect("the shipped rules compile");
    let records: Vec<&str> = plan.records.iter().map(|r| r.name.as_str()).collect();
    let data = Data::new().csv("project", "project.csv", csv);
    let (files, _) = data.bind(&[], &records);
    let opts = Options {
        threads: 2,
        ..Options::default()
    };
    let labels: Vec<String> = files.iter().map(DataFile::label).collect();
    let zh = crate::i18n::Lang::Zh;
    let two = crate::i18n::with_lang(zh, || run_with(plan, &files, &opts, |_| ()).0);
    let alone = Options {
        threads: 1,
        ..opts.clone()
    };
    let one = crate::i18n::with_lang(zh, || run_here(plan, &files, &alone, labels, |_| ()).0);
    assert!(!two.problems.is_empty());
    let messages = |run: &super::DataRun| -> Vec<String> {
        run.problems.iter().map(|p| p.message.clone()).collect()
    };
    assert_eq!(messages(&one), messages(&two));
    assert!(
        messages(&two).iter().all(|m| m.contains("不是")),
        "{:?}",
        messages(&two)
    );
}
