//! Records per second on the fast path for one record: the shipped rules, each row of the
//! shipped `project` data checked alone, as a form checks a project while it is typed.
//!
//! cargo bench --bench single_record
//!
//! `record_checker` is one [`duikou::RecordChecker`] reused for every row (what a form keeps);
//! `check_record` builds the checker for each row. Each iteration checks every shipped row once,
//! so records per second is the row count over the time of one iteration, which criterion
//! reports as throughput ("elem/s").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use duikou::RuleSet;
use std::hint::black_box;
use std::path::PathBuf;

/// The shipped project rows as JSON objects, every cell as written.
fn projects(root: &std::path::Path) -> Vec<serde_json::Value> {
    let mut reader = csv::Reader::from_path(root.join("rules/data/project.csv"))
        .expect("the shipped project data is readable");
    let header = reader.headers().expect("it has a header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a shipped row is valid CSV");
            let object: serde_json::Map<String, serde_json::Value> = header
                .iter()
                .zip(r.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect();
            serde_json::Value::Object(object)
        })
        .collect()
}

fn single_record(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]);
    assert!(!rules.has_errors(), "the shipped rules check");
    let rows = projects(&root);
    let mut group = c.benchmark_group("single_record");
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.bench_function("record_checker", |b| {
        let mut form = rules
            .record_checker("project")
            .expect("project is a record type");
        b.iter(|| {
            for row in &rows {
                black_box(
                    form.check(black_box(row))
                        .expect("a shipped row serialises"),
                );
            }
        });
    });
    group.bench_function("check_record", |b| {
        b.iter(|| {
            for row in &rows {
                black_box(
                    rules
                        .check_record("project", black_box(row))
                        .expect("a shipped row serialises"),
                );
            }
        });
    });
    group.finish();
}

criterion_group!(benches, single_record);
criterion_main!(benches);
