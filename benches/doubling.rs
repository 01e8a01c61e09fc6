//! Doubling benchmarks for the inputs that used to slow duikou down quadratically (P1 a wide
//! CSV header, P2 many misspelt names, P3 ranking many groups) and for a rule file of many
//! declarations: each input at four sizes, each size twice the last. Work linear (or n log n)
//! in the size doubles the time; quadratic work would quadruple it.
//!
//! `cargo bench --bench doubling` prints, per input and size, the median of three runs and its
//! ratio to the size before.

use duikou::{Data, DiagnosticForm, RuleSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn median_secs(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[1]
}

/// The checked rule set and the CSV file of record type `r` to apply it to.
fn check_csv(rules: &str, csv: &Path) -> (RuleSet, Data) {
    let set = RuleSet::from_sources(vec![("bench.dk".into(), rules.into())]);
    assert!(!set.has_errors(), "{:?}", set.diagnostics());
    // Compiled before any run is timed.
    assert!(set.conflicts().is_empty());
    (set, Data::new().file("r", csv))
}

/// P1: a CSV header with `n` columns that are no field.
fn wide_header(dir: &Path, n: usize) -> f64 {
    let mut text = String::from("id,v");
    for i in 0..n {
        let _ = write!(text, ",extra{i}");
    }
    let _ = write!(text, "\na,1{}\n", ",".repeat(n));
    let path = dir.join(format!("p1-{n}.csv"));
    std::fs::write(&path, text).unwrap();
    let (set, data) = check_csv(
        "record r { id: text key, v: decimal }\nrule R { over r require v >= 0 }\n",
        &path,
    );
    median_secs(|| {
        let result = set.check(&data).unwrap();
        assert_eq!(result.summary.rows_checked, 1);
    })
}

/// P2: a rule file of `n` actors and `n` pairs naming misspelt actors, checked and rendered.
fn misspelt_names(n: usize) -> f64 {
    let mut text = String::from("program 援疆 { since: 2010 }\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "actor 省份{i:05} {{ kind: government, level: province }}"
        );
    }
    for i in 0..n {
        let _ = writeln!(
            text,
            "pair 省分{i:05} -> 省份{i:05} in 援疆 from 2010 to 2030"
        );
    }
    median_secs(|| {
        let rules = RuleSet::from_sources(vec![("p2.dk".into(), text.clone())]);
        let human =
            rules.render_diagnostics(rules.diagnostics(), DiagnosticForm::Human { color: false });
        assert_eq!(human.matches("unknown actor `").count(), n);
    })
}

/// P3: `score` over `n` groups.
fn many_groups(dir: &Path, n: usize) -> f64 {
    let mut csv = String::from("id,v\n");
    for i in 0..n {
        let _ = writeln!(csv, "g{i},{}", i % 1000);
    }
    let path = dir.join(format!("p3-{n}.csv"));
    std::fs::write(&path, csv).unwrap();
    let (set, data) = check_csv(
        "record r { id: text key, v: decimal }\nevaluation E {\n  over r\n  per id\n  \
         indicator I { kind: social, weight: 100%, target: >= 999, value: sum(v) }\n  \
         grade { A: 90, B: 0 }\n}\n",
        &path,
    );
    median_secs(|| {
        let scores = set.score(&data, None).unwrap();
        assert_eq!(scores.rows.len(), n);
    })
}

/// A rule file of `n` declarations: `n / 2` actors and as many pairs.
fn declarations(n: usize) -> f64 {
    let half = n / 2;
    let mut text = String::from(
        "program 援疆 { since: 2010 }\n\
         record project { id: text key, supporter: actor, recipient: actor, year: year time, planned: money(万元) }\n",
    );
    for i in 0..half {
        let _ = writeln!(text, "actor 省{i} {{ kind: government, level: province }}");
    }
    for i in 0..half {
        let _ = writeln!(
            text,
            "pair 省{i} -> 省{} in 援疆 from 2010 to 2030",
            (i + 1) % half
        );
    }
    median_secs(|| {
        let rules = RuleSet::from_sources(vec![("many.dk".into(), text.clone())]);
        assert!(!rules.has_errors());
        // The rule set compiles once, on first use, and finds its conflicts then.
        assert!(rules.conflicts().is_empty());
    })
}

fn series(name: &str, sizes: [usize; 4], mut time: impl FnMut(usize) -> f64) {
    println!("{name}");
    let mut before: Option<f64> = None;
    for n in sizes {
        let t = time(n);
        match before {
            Some(b) => println!("  {n:>9}  {t:>8.3} s  ×{:.2}", t / b),
            None => println!("  {n:>9}  {t:>8.3} s"),
        }
        before = Some(t);
    }
}

fn main() {
    let dir: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("doubling");
    std::fs::create_dir_all(&dir).unwrap();
    series(
        "P1 CSV header columns",
        [20_000, 40_000, 80_000, 160_000],
        |n| wide_header(&dir, n),
    );
    series(
        "P2 misspelt names",
        [2_000, 4_000, 8_000, 16_000],
        misspelt_names,
    );
    series("P3 score groups", [20_000, 40_000, 80_000, 160_000], |n| {
        many_groups(&dir, n)
    });
    series(
        "rule file declarations",
        [12_500, 25_000, 50_000, 100_000],
        declarations,
    );
}
