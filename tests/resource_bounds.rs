//! Resource bounds, with the limits documented in docs/language.md ("Limits"):
//!
//! - a rule file of many declarations is checked with work linear in its size (here 20,000
//!   actors and pairs; `cargo bench --bench doubling` times 100,000);
//! - a CSV file of one 100 MB line is refused at the 16 MiB line limit, naming it, in bounded
//!   memory;
//! - a JSON Lines file of one 40 MB line is refused at the same limit, naming it;
//! - a data file of 1,000,000 distinct groups is checked within the documented memory, and a
//!   data file of more groups than `--max-groups` stops the rule with an error naming the limit.
//!
//! Memory is the peak resident size of the `duikou` process, read from `/proc` while it runs.

use duikou::RuleSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-bounds-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The peak resident size of a process so far, in KiB (`VmHWM`), while it runs.
fn high_water(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs duikou in `dir`: its exit code, standard output and peak resident size in MiB.
fn run_measured(dir: &Path, args: &[&str]) -> (i32, String, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = high_water(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let code = status
        .code()
        .expect("duikou exits on its own, it is not killed");
    (code, reader.join().unwrap(), peak / 1024)
}

#[test]
fn a_csv_line_of_100_mb_is_refused_at_the_line_limit_in_bounded_memory() {
    let dir = scratch("line");
    std::fs::write(
        dir.join("r.dk"),
        "record r { id: text key, v: decimal }\nrule R { over r require v >= 0 }\n",
    )
    .unwrap();
    let mut f = std::fs::File::create(dir.join("r.csv")).unwrap();
    f.write_all(b"id,v\nok,1\nbig,").unwrap();
    let chunk = vec![b'9'; 1024 * 1024];
    for _ in 0..100 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\n").unwrap();
    drop(f);
    let (code, out, peak) = run_measured(&dir, &["check", "r.dk", "--data", "r=r.csv"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("line 3 is longer than 16 MiB (16777216 bytes)"),
        "{out}"
    );
    assert!(
        out.contains("rows        1 read, 1 checked, 0 rejected"),
        "{out}"
    );
    assert!(peak < 256, "peak resident size {peak} MiB");
}

#[test]
fn a_million_distinct_groups_stay_within_the_documented_memory() {
    let dir = scratch("groups");
    std::fs::write(
        dir.join("g.dk"),
        "record r { id: text key, g: text, v: decimal }\nrule share { over r per g require sum(v) >= 1 }\n",
    )
    .unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("g.csv")).unwrap());
    f.write_all(b"id,g,v\n").unwrap();
    for i in 0..1_000_000 {
        writeln!(f, "r{i},g{i},{}", i % 1000).unwrap();
    }
    drop(f);
    let (code, out, peak) = run_measured(&dir, &["check", "g.dk", "--data", "r=g.csv"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("share  unsourced  1000000 groups  999000        1000"),
        "{out}"
    );
    // docs/language.md: about 0.5 KB per group (with its record keys); the bound held is 1 GiB.
    assert!(peak < 1024, "peak resident size {peak} MiB");
}

#[test]
fn a_json_lines_line_of_40_mb_is_refused_at_the_line_limit_in_bounded_memory() {
    let dir = scratch("jsonl");
    std::fs::write(
        dir.join("r.dk"),
        "record r { id: text key, v: decimal }\nrule R { over r require v >= 0 }\n",
    )
    .unwrap();
    let mut f = std::fs::File::create(dir.join("r.jsonl")).unwrap();
    f.write_all(b"{\"id\": \"ok\", \"v\": 1}\n{\"id\": \"big\", \"v\": 1, \"note\": \"")
        .unwrap();
    let chunk = vec![b'x'; 1024 * 1024];
    for _ in 0..40 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\"}\n{\"id\": \"after\", \"v\": 2}\n")
        .unwrap();
    drop(f);
    let (code, out, peak) = run_measured(&dir, &["check", "r.dk", "--data", "r=r.jsonl"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains(
            "line 2 is longer than 16 MiB (16777216 bytes), the longest line a JSON Lines file may have"
        ),
        "{out}"
    );
    assert!(
        out.contains("rows        1 read, 1 checked, 0 rejected"),
        "{out}"
    );
    assert!(peak < 256, "peak resident size {peak} MiB");
}

/// JSON Lines at the limit itself are read: a line of exactly 16 MiB (its line break after).
#[test]
fn a_json_lines_line_of_exactly_16_mib_is_read() {
    let rules = RuleSet::from_sources(vec![(
        "r.dk".into(),
        "record r { id: text key, note: text }\nrule R { over r require note != \"\" }\n".into(),
    )]);
    let head = b"{\"id\": \"a\", \"note\": \"";
    let tail = b"\"}";
    let limit = 16 * 1024 * 1024;
    let mut line = head.to_vec();
    line.resize(limit - tail.len(), b'x');
    line.extend_from_slice(tail);
    assert_eq!(line.len(), limit);
    line.push(b'\n');
    let data = duikou::Data::new().json_lines("r", "r.jsonl", line);
    let report = rules.check(&data).unwrap();
    assert_eq!(report.summary.rows_checked, 1, "{:?}", report.rejected);
    let mut longer = head.to_vec();
    longer.resize(limit + 1 - tail.len(), b'x');
    longer.extend_from_slice(tail);
    let data = duikou::Data::new().json_lines("r", "r.jsonl", longer);
    let report = rules.check(&data).unwrap();
    assert_eq!(report.summary.rows_checked, 0);
    assert_eq!(report.summary.files_failed, 1);
}

const GROUP_RULES: &str = "record r { id: text key, g: text, v: decimal }\nrule share { over r per g require sum(v) >= 1 }\nrule positive { over r require v >= 0 }\n";

fn group_rows(n: usize) -> String {
    let mut csv = String::from("id,g,v\n");
    for i in 0..n {
        csv.push_str(&format!("r{i},g{i},{}\n", i % 7));
    }
    csv
}

/// More groups than `--max-groups`: the rule is not decided, the error names the limit and the
/// way to raise it, the record rules are still checked, and the exit code is 2.
#[test]
fn more_groups_than_the_limit_stop_the_rule_with_an_error_naming_the_limit() {
    let dir = scratch("group-limit");
    std::fs::write(dir.join("g.dk"), GROUP_RULES).unwrap();
    std::fs::write(dir.join("g.csv"), group_rows(1001)).unwrap();
    let args = ["check", "g.dk", "--data", "r=g.csv", "--format", "json"];
    let (code, out, _) = run_measured(&dir, &[&args[..], &["--max-groups", "1000"]].concat());
    assert_eq!(code, 2, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "duikou::data::too_many_groups")
        .collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert_eq!(
        errors[0]["message"],
        "the rule `share` has more than 1000 groups in the data of `r`, the most a check holds; it is not decided"
    );
    assert!(
        errors[0]["help"]
            .as_str()
            .unwrap()
            .contains("`--max-groups N`"),
        "{}",
        errors[0]
    );
    let shares: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "share")
        .collect();
    assert!(
        shares.is_empty(),
        "an undecided rule has no findings: {shares:?}"
    );
    assert_eq!(report["summary"]["rows_checked"], 1001);
    // At the limit, every group is decided.
    let (code, out, _) = run_measured(&dir, &[&args[..], &["--max-groups", "1001"]].concat());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("too_many_groups"), "{out}");
}

/// The library holds the same limit, set on the data.
#[test]
fn the_group_limit_is_set_on_the_data_in_the_library() {
    let rules = RuleSet::from_sources(vec![("g.dk".into(), GROUP_RULES.into())]);
    let csv = group_rows(50);
    let data = duikou::Data::new()
        .csv("r", "g.csv", csv.clone().into_bytes())
        .max_groups(49);
    let report = rules.check(&data).unwrap();
    let codes: Vec<&str> = report.rejected.iter().map(|r| r.code).collect();
    assert_eq!(codes, ["duikou::data::too_many_groups"]);
    assert!(report.findings.iter().all(|f| f.rule != "share"));
    let data = duikou::Data::new().csv("r", "g.csv", csv.into_bytes());
    let report = rules.check(&data).unwrap();
    assert!(report.rejected.is_empty());
    assert!(report.findings.iter().any(|f| f.rule == "share"));
    // The default limit is checked inside the crate (src/tests/resource_bounds.rs).
}
