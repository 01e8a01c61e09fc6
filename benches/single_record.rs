//! Records per second on the fast path for one record (`RuleSet::check_record`): the shipped
//! rules, each row of the shipped `project` data checked alone, over and over.
//!
//! cargo bench --bench single_record

use duikou::RuleSet;
use std::path::PathBuf;
use std::time::Instant;

const ROUNDS: usize = 3;
const RECORDS: usize = 200_000;

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

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = RuleSet::load(&[root.join("rules")]);
    assert!(!rules.has_errors(), "the shipped rules check");
    let rows = projects(&root);
    let mut rates = Vec::new();
    let mut findings = 0;
    for _ in 0..ROUNDS {
        findings = 0;
        let start = Instant::now();
        for row in rows.iter().cycle().take(RECORDS) {
            let report = rules
                .check_record("project", row)
                .expect("project is a record type");
            findings += report.findings.len() + report.rejected.len();
        }
        rates.push(RECORDS as f64 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "check_record: {RECORDS} records ({} distinct shipped rows), {findings} findings; median {:.0} records/s ({:.1} µs each)",
        rows.len(),
        rates[ROUNDS / 2],
        1e6 / rates[ROUNDS / 2]
    );
}
