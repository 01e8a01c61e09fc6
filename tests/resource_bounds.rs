//! Resource bounds, with the limits documented in docs/language.md ("Limits"):
//!
//! - a rule file of many declarations is checked with work linear in its size (here 20,000
//!   actors and pairs; `cargo bench --bench doubling` times 100,000);
//! - a CSV file of one 100 MB line is refused at the 16 MiB line limit, naming it, in bounded
//!   memory;
//! - a data file of 1,000,000 distinct groups is checked within the documented memory.
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
fn a_rule_file_of_20000_declarations_is_checked() {
    let n = 10_000;
    let mut text = String::from(
        "program 援疆 { since: 2010 }\n\
         record project { id: text key, supporter: actor, recipient: actor, year: year time, planned: money(万元) }\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "actor 省{i} {{ kind: government, level: province }}\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "pair 省{i} -> 省{} in 援疆 from 2010 to 2030\n",
            (i + 1) % n
        ));
    }
    let rules = RuleSet::from_sources(vec![("many.dk".into(), text)]);
    let errors: Vec<_> = rules
        .diagnostics()
        .iter()
        .filter(|d| d.severity == duikou::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    assert_eq!(rules.symbols().actors.len(), n + 1, "and `national`");
    assert_eq!(rules.symbols().pairs.len(), n);
    let plan = duikou::engine::compile::Plan::build(rules.symbols(), rules.sources());
    assert!(duikou::conflicts::analyze(rules.symbols(), &plan).is_empty());
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
