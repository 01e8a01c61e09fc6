//! Differential test over time: generated multi-year transfers, revenues and plans checked by
//! the engine, and the same funding formulas worked out in the test with integer arithmetic in
//! 元 — growth over the previous year, a fund of 1‰ of the previous year's revenue (joined), a
//! plan period's completion against a joined plan, its progress to date each year, and growth
//! over the previous plan period. Years before, between and after the plan periods, years with
//! no rows and supporters with no revenue or plan are all generated. Every rule's violating and
//! undetermined groups are compared as sets.

use duikou::{Data as DataSet, FindingKind, RuleSet};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SUPPORTERS: [&str; 8] = [
    "北京市",
    "上海市",
    "天津市",
    "河北省",
    "江苏省",
    "浙江省",
    "广东省",
    "山东省",
];
const FIRST: i32 = 2008;
const LAST: i32 = 2022;
const PERIODS: [(i32, i32); 2] = [(2011, 2015), (2016, 2020)];

/// The generated data: transfers in hundredths of 万元, revenues in hundredths of 亿元, plans
/// in hundredths of 万元 (keyed by supporter and the year the plan row is booked in).
struct Data {
    transfers: Vec<(String, &'static str, i32, i64)>,
    revenues: Vec<(&'static str, i32, i64)>,
    plans: Vec<(&'static str, i32, i64)>,
}

fn generate() -> Data {
    let mut rng = StdRng::seed_from_u64(20_260_701);
    let mut data = Data {
        transfers: Vec::new(),
        revenues: Vec::new(),
        plans: Vec::new(),
    };
    for s in SUPPORTERS {
        let mut level: i64 = rng.random_range(200_000..800_000);
        for y in FIRST..=LAST {
            // Some years have no transfers at all: the next year's base is missing.
            if rng.random_range(0..100) >= 12 {
                level = level * rng.random_range(95..=118) / 100;
                let parts = rng.random_range(1..=3);
                let mut left = level;
                for p in 0..parts {
                    let amount = if p + 1 == parts {
                        left
                    } else {
                        rng.random_range(0..=left)
                    };
                    left -= amount;
                    let id = format!("{s}-{y}-{p}");
                    data.transfers.push((id, s, y, amount));
                }
            }
            if rng.random_range(0..100) < 85 {
                // Revenue in 亿元 around 1000× the transfer level's 亿元, so 1‰ is close.
                let revenue = level * rng.random_range(900..=1_150) / 1_000;
                data.revenues.push((s, y, revenue));
            }
        }
        for (a, b) in PERIODS {
            if rng.random_range(0..100) < 80 {
                let year = rng.random_range(a..=b);
                let plan = level * rng.random_range(350..=650) / 100;
                data.plans.push((s, year, plan));
            }
        }
    }
    data
}

fn cents(v: i64) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

fn write(dir: &Path, name: &str, header: &str, lines: Vec<String>) -> PathBuf {
    let path = dir.join(format!("{name}.csv"));
    let mut text = format!("{header}\n");
    for l in lines {
        text.push_str(&l);
        text.push('\n');
    }
    std::fs::write(&path, text).expect("the data is written");
    path
}

const RULES: &str = r#"
actor 北京市 { kind: government, level: province }
actor 上海市 { kind: government, level: province }
actor 天津市 { kind: government, level: province }
actor 河北省 { kind: government, level: province }
actor 江苏省 { kind: government, level: province }
actor 浙江省 { kind: government, level: province }
actor 广东省 { kind: government, level: province }
actor 山东省 { kind: government, level: province }
record transfer { id: text key, supporter: actor, year: year time, amount: money(万元) }
record revenue { supporter: actor, year: year time, amount: money(亿元) }
record plan { supporter: actor, year: year time, amount: money(万元) }
rule 增长 {
  over transfer
  per supporter, year
  require sum(amount) >= 108% * (sum(amount) at year - 1)
}
规则 千分之一 {
  范围 transfer
  按 supporter, year
  要求 sum(amount) >= 0.1% * (sum(revenue.amount) 上年)
}
rule 规划完成 {
  over transfer
  per supporter, period(year, 2011..2015, 2016..2020)
  require sum(amount) >= sum(plan.amount)
}
规则 规划进度 {
  范围 transfer
  按 supporter, 期间(year, 2011..2015, 2016..2020)
  要求 累计 sum(amount) >= 60% * sum(plan.amount)
}
rule 期间增长 {
  over transfer
  per supporter, period(year, 2011..2015, 2016..2020)
  require sum(amount) >= 110% * (sum(amount) at year - 1)
}
"#;

#[derive(Debug, Default, PartialEq)]
struct Outcome {
    violations: BTreeSet<String>,
    undetermined: BTreeSet<String>,
}

impl Outcome {
    /// Files a three-valued result under `key`.
    fn file(&mut self, key: String, holds: Option<bool>) {
        match holds {
            Some(true) => {}
            Some(false) => {
                self.violations.insert(key);
            }
            None => {
                self.undetermined.insert(key);
            }
        }
    }
}

fn period_of(y: i32) -> Option<(i32, i32)> {
    PERIODS
        .iter()
        .copied()
        .find(|(a, b)| (*a..=*b).contains(&y))
}

fn period_text((a, b): (i32, i32)) -> String {
    format!("{a}–{b}")
}

/// The rules worked out by hand, in 元 (hundredths of 万元 × 100, hundredths of 亿元 × 10^6).
fn expected(d: &Data) -> BTreeMap<&'static str, Outcome> {
    let mut by_year: BTreeMap<(&str, i32), i64> = BTreeMap::new();
    for (_, s, y, a) in &d.transfers {
        *by_year.entry((s, *y)).or_default() += a;
    }
    let revenue: BTreeMap<(&str, i32), i64> =
        d.revenues.iter().map(|(s, y, r)| ((*s, *y), *r)).collect();
    let mut plan: BTreeMap<(&str, (i32, i32)), i64> = BTreeMap::new();
    for (s, y, p) in &d.plans {
        *plan
            .entry((s, period_of(*y).expect("plans lie in a period")))
            .or_default() += p;
    }
    let total = |s: &str, (a, b): (i32, i32)| -> Option<i64> {
        let years: Vec<i64> = (a..=b)
            .filter_map(|y| by_year.get(&(s, y)).copied())
            .collect();
        (!years.is_empty()).then(|| years.iter().sum())
    };
    let mut out: BTreeMap<&'static str, Outcome> = BTreeMap::new();
    for (&(s, y), &amount) in &by_year {
        let key = format!("{s}|{y}");
        let growth = by_year
            .get(&(s, y - 1))
            .map(|prev| 100 * amount >= 108 * prev);
        out.entry("增长").or_default().file(key.clone(), growth);
        // amount 元 = cents × 100; revenue 元 = cents × 10^6; 1000 × amount >= revenue.
        let fund = revenue
            .get(&(s, y - 1))
            .map(|r| 1_000 * (amount as i128 * 100) >= *r as i128 * 1_000_000);
        out.entry("千分之一").or_default().file(key, fund);
        if let Some(p) = period_of(y) {
            let to_date: i64 = (p.0..=y).filter_map(|x| by_year.get(&(s, x))).sum();
            let planned = plan.get(&(s, p)).copied().unwrap_or(0);
            out.entry("规划进度")
                .or_default()
                .file(key_of(s, y), Some(100 * to_date >= 60 * planned));
        }
    }
    for s in SUPPORTERS {
        for (i, p) in PERIODS.iter().enumerate() {
            let Some(sum) = total(s, *p) else { continue };
            let key = format!("{s}|{}", period_text(*p));
            let planned = plan.get(&(s, *p)).copied().unwrap_or(0);
            out.entry("规划完成")
                .or_default()
                .file(key.clone(), Some(sum >= planned));
            let before = i.checked_sub(1).and_then(|j| total(s, PERIODS[j]));
            let growth = before.map(|b| 100 * sum >= 110 * b);
            out.entry("期间增长").or_default().file(key, growth);
        }
    }
    out
}

fn key_of(s: &str, y: i32) -> String {
    format!("{s}|{y}")
}

/// The transfers, revenues and plans of `d` as CSV files, one per record type.
fn write_files(d: &Data) -> DataSet {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("differential_periods");
    std::fs::create_dir_all(&dir).expect("the work directory is created");
    let line = |s: &str, y: i32, v: i64| format!("{s},{y},{}", cents(v));
    let files = [
        (
            "transfer",
            write(&dir, "transfer", "id,supporter,year,amount", {
                d.transfers
                    .iter()
                    .map(|(id, s, y, a)| format!("{id},{}", line(s, *y, *a)))
                    .collect()
            }),
        ),
        (
            "revenue",
            write(&dir, "revenue", "supporter,year,amount", {
                d.revenues.iter().map(|(s, y, r)| line(s, *y, *r)).collect()
            }),
        ),
        (
            "plan",
            write(&dir, "plan", "supporter,year,amount", {
                d.plans.iter().map(|(s, y, p)| line(s, *y, *p)).collect()
            }),
        ),
    ];
    files
        .into_iter()
        .fold(DataSet::new(), |data, (record, path)| {
            data.file(record, path)
        })
}

/// A group value as text: a string as it is, a number as written.
fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn funding_formulas_over_time_agree_with_a_direct_computation() {
    let d = generate();
    let rules = RuleSet::from_sources(vec![("rules.dk".into(), RULES.to_string())]);
    assert!(!rules.has_errors(), "{:#?}", rules.diagnostics());
    let report = rules
        .check(&write_files(&d))
        .expect("the rules check the data");
    assert_eq!(report.summary.rows_rejected, 0);
    let want = expected(&d);
    let mut failures = Vec::new();
    let mut seen = (0, 0);
    for rule in &report.summary.rules {
        let mut got = Outcome::default();
        for f in report.findings.iter().filter(|f| f.rule == rule.rule) {
            let key: Vec<String> = f.group.values().map(value_text).collect();
            let set = match f.kind {
                FindingKind::Violation => &mut got.violations,
                FindingKind::Undetermined => &mut got.undetermined,
                FindingKind::Overridden => continue,
            };
            set.insert(key.join("|"));
        }
        let w = &want[rule.rule.as_str()];
        assert!(
            !w.violations.is_empty(),
            "rule {} has violations to find",
            rule.rule
        );
        seen.0 += w.violations.len();
        seen.1 += w.undetermined.len();
        if &got != w {
            failures.push(format!(
                "rule {}:\n  expected {w:?}\n  found    {got:?}",
                rule.rule
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The data exercises every outcome.
    assert!(
        seen.0 > 20 && seen.1 > 10,
        "violations {}, undetermined {}",
        seen.0,
        seen.1
    );
}
