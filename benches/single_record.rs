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

#[path = "../tests/support/shipped_rows.rs"]
mod shipped_rows;
use shipped_rows::shipped_project_rows;

fn single_record(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]);
    assert!(!rules.has_errors(), "the shipped rules check");
    let rows = shipped_project_rows();
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
