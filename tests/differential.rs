//! Differential test: ~5,000 generated project rows checked by the engine, and the same rules
//! worked out independently with exact integer arithmetic in 分 (hundredths of 万元).
//!
//! The data is generated from a fixed seed. Besides random rows it holds hand-made rows on the
//! exact thresholds (a group at 74.00% livelihood, spending at exactly 90% and 110% of the plan,
//! a plan of exactly 5,000万元, a spend of exactly 0), groups whose planned sum is zero (division by
//! zero: undetermined), negative amounts (the comparison flips), pairings outside their years,
//! and a few rows the engine must reject. Every rule's violating and undetermined records or
//! groups are compared as sets, not only counted.

use duikou::{Data, Finding, FindingKind, Report, RuleInfo, RuleSet};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SUPPORTERS: [&str; 6] = ["北京市", "上海市", "天津市", "河北省", "江苏省", "广东省"];
/// How often each supporter books a random row, in percent.
const SUPPORTER_WEIGHT: [u32; 6] = [25, 22, 20, 18, 12, 3];
/// Chance (percent) that a supporter's row is for livelihood / at county level or below.
const LIVELIHOOD_PCT: [u32; 6] = [74, 70, 78, 74, 80, 74];
const COUNTY_PCT: [u32; 6] = [80, 76, 84, 80, 80, 80];
const RECIPIENTS: [&str; 10] = [
    "和田地区",
    "喀什地区",
    "阿克苏地区",
    "巴州",
    "昌吉州",
    "哈密市",
    "克州",
    "塔城地区",
    "拉萨市",
    "日喀则市",
];
const TIBET: [&str; 2] = ["拉萨市", "日喀则市"];
const CATEGORIES: [&str; 6] = [
    "民生",
    "教育",
    "产业",
    "医疗",
    "产业,就业",
    "基础设施 \"组团式\"",
];

/// Declared pairings: supporter, recipient, program, first year, last year.
const PAIRS: [(&str, &str, &str, i32, Option<i32>); 12] = [
    ("北京市", "和田地区", "援疆", 2010, None),
    ("北京市", "拉萨市", "援藏", 1995, None),
    ("上海市", "喀什地区", "援疆", 2010, None),
    ("上海市", "日喀则市", "援藏", 1995, Some(2017)),
    ("天津市", "和田地区", "援疆", 2017, None),
    ("天津市", "昌吉州", "援疆", 2010, Some(2016)),
    ("河北省", "巴州", "援疆", 2010, Some(2018)),
    ("江苏省", "阿克苏地区", "援疆", 2016, None),
    ("江苏省", "克州", "援疆", 2010, None),
    ("江苏省", "拉萨市", "援藏", 2018, None),
    ("广东省", "喀什地区", "援疆", 2010, None),
    ("广东省", "塔城地区", "援疆", 2019, None),
];

const RANDOM_ROWS: usize = 4_960;

/// One generated project; amounts in 分 of 万元 (1 = 0.01万元 = 100元).
#[derive(Debug, Clone)]
struct Project {
    id: String,
    program: &'static str,
    supporter: &'static str,
    recipient: &'static str,
    year: i32,
    category: &'static str,
    livelihood: bool,
    county: bool,
    planned: i64,
    spent: i64,
    completed: bool,
}

/// `-12345` → `-123.45`.
fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let a = cents.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_line(p: &Project) -> String {
    [
        p.id.clone(),
        p.program.to_string(),
        p.supporter.to_string(),
        p.recipient.to_string(),
        p.year.to_string(),
        csv_cell(p.category),
        p.livelihood.to_string(),
        p.county.to_string(),
        money(p.planned),
        money(p.spent),
        p.completed.to_string(),
    ]
    .join(",")
}

const HEADER: &str = "id,program,supporter,recipient,year,category,livelihood,county_or_below,planned,spent,completed";

/// `"-123.45"` (万元) → `-12345` (分).
fn fen(wan: &str) -> i64 {
    let (sign, digits) = match wan.strip_prefix('-') {
        Some(d) => (-1, d),
        None => (1, wan),
    };
    let (whole, cents) = digits.split_once('.').expect("amounts have two decimals");
    assert_eq!(cents.len(), 2, "amounts have two decimals");
    sign * (whole.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap())
}

fn random_row(rng: &mut StdRng) -> Project {
    let mut pick = rng.random_range(0..100u32);
    let mut s = 0;
    while pick >= SUPPORTER_WEIGHT[s] {
        pick -= SUPPORTER_WEIGHT[s];
        s += 1;
    }
    let supporter = SUPPORTERS[s];
    // 广东省's random rows stop in 2018; its 2019 and 2020 groups are hand-made.
    let last_year = if s == 5 { 2018 } else { 2020 };
    let year = rng.random_range(2015..=last_year);
    let (recipient, program) = if rng.random_ratio(85, 100) {
        let own: Vec<_> = PAIRS.iter().filter(|p| p.0 == supporter).collect();
        let p = own[rng.random_range(0..own.len())];
        (p.1, p.2)
    } else {
        let r = RECIPIENTS[rng.random_range(0..RECIPIENTS.len())];
        let p = if TIBET.contains(&r) && rng.random_bool(0.5) {
            "援藏"
        } else {
            "援疆"
        };
        (r, p)
    };
    let planned: i64 = match rng.random_range(0..100u32) {
        0 => 0,
        1..=3 => rng.random_range(fen("3000.00")..=fen("4999.99")),
        _ => rng.random_range(fen("1.00")..=fen("800.00")),
    };
    let spent = match s {
        0..=2 => planned * rng.random_range(800..=1150i64) / 1000,
        3 => planned * rng.random_range(900..=1200i64) / 1000,
        _ => planned + rng.random_range(-(planned / 100)..=planned / 100),
    };
    Project {
        id: String::new(),
        program,
        supporter,
        recipient,
        year,
        category: CATEGORIES[rng.random_range(0..CATEGORIES.len())],
        livelihood: rng.random_ratio(LIVELIHOOD_PCT[s], 100),
        county: rng.random_ratio(COUNTY_PCT[s], 100),
        planned,
        spent,
        completed: rng.random_ratio(60, 100),
    }
}

/// Rows on the thresholds and other edge cases: supporter, recipient, program, year,
/// livelihood, county_or_below, planned, spent, completed.
const SPECIAL: [&str; 25] = [
    // 广东省 2019: exactly two completed rows (R5 passes at its bound).
    // 喀什 2019: livelihood 740 / 1000 = 74.00% exactly; 234 is exactly 90% of 260.
    "广东省,喀什地区,援疆,2019,true,true,740.00,740.00,true",
    "广东省,喀什地区,援疆,2019,false,true,260.00,234.00,true",
    // 塔城 2019: 73.99% livelihood; the pairing starts in 2019.
    "广东省,塔城地区,援疆,2019,true,true,73.99,73.99,false",
    "广东省,塔城地区,援疆,2019,false,true,26.01,26.01,false",
    // 哈密 2019: county share 80.00% exactly; not paired.
    "广东省,哈密市,援疆,2019,false,true,80.00,80.00,false",
    "广东省,哈密市,援疆,2019,false,false,20.00,20.00,false",
    // 克州 2019: county share 79.99%.
    "广东省,克州,援疆,2019,true,true,79.99,79.99,false",
    "广东省,克州,援疆,2019,true,false,20.01,20.01,false",
    // 昌吉 2019: nothing planned: the shares divide by zero.
    "广东省,昌吉州,援疆,2019,true,true,0.00,0.00,false",
    // 巴州 2019: +100 and −100 planned: the shares divide by zero again.
    "广东省,巴州,援疆,2019,true,true,100.00,100.00,false",
    "广东省,巴州,援疆,2019,false,true,-100.00,-120.00,false",
    // 日喀则 2019 (援藏, not paired): a negative planned sum, −30 / −40 = 75% livelihood
    // (passes), −10 / −40 = 25% county (fails).
    "广东省,日喀则市,援藏,2019,true,false,-30.00,-36.00,false",
    "广东省,日喀则市,援藏,2019,false,true,-10.00,-8.00,false",
    // 阿克苏 2019: 110% + 0.01 fails, 110% exactly passes; a spend of −0.01 fails R6.
    "广东省,阿克苏地区,援疆,2019,true,true,200.00,220.01,false",
    "广东省,阿克苏地区,援疆,2019,true,true,200.00,220.00,false",
    "广东省,阿克苏地区,援疆,2019,true,true,0.50,-0.01,false",
    // 广东省 2020: one completed row (R5 fails).
    // 喀什: planned 5,000万元 exactly and spent 0 exactly (R6 passes at both bounds).
    "广东省,喀什地区,援疆,2020,true,true,5000.00,0.00,true",
    // 和田: 5,000.10万元 planned (R6 fails), spent exactly 110% (R3 passes); not paired.
    "广东省,和田地区,援疆,2020,false,false,5000.10,5500.11,false",
    // Into random 2018 groups: R3 with negative plans, zero plans and the 90% bound.
    "广东省,阿克苏地区,援疆,2018,false,false,-10.00,-8.00,true",
    "广东省,阿克苏地区,援疆,2018,false,false,-10.00,-12.00,true",
    "广东省,昌吉州,援疆,2018,true,true,0.00,0.00,true",
    "广东省,昌吉州,援疆,2018,true,true,0.00,1.00,true",
    "广东省,昌吉州,援疆,2018,true,true,0.00,0.00,false",
    "广东省,喀什地区,援疆,2018,true,true,100.00,90.00,true",
    "广东省,喀什地区,援疆,2018,true,true,100.00,89.99,true",
];

/// A row written as in [`SPECIAL`].
fn special(line: &'static str) -> Project {
    let f: Vec<&'static str> = line.split(',').collect();
    Project {
        id: String::new(),
        supporter: f[0],
        recipient: f[1],
        program: f[2],
        year: f[3].parse().expect("a year"),
        category: "民生",
        livelihood: f[4] == "true",
        county: f[5] == "true",
        planned: fen(f[6]),
        spent: fen(f[7]),
        completed: f[8] == "true",
    }
}

/// The rows, with ids, in file order.
fn generate() -> Vec<Project> {
    let mut rng = StdRng::seed_from_u64(0x00D1_1C0D);
    let mut rows: Vec<Project> = (0..RANDOM_ROWS).map(|_| random_row(&mut rng)).collect();
    rows.extend(SPECIAL.map(special));
    // 江苏省 spends exactly what it plans in total (R7 passes at its bound), 广东省 0.01万元
    // more (R7 fails).
    for (line, over) in [
        ("江苏省,克州,援疆,2016,true,true,3000.00,3000.00,true", 0),
        (
            "广东省,喀什地区,援疆,2017,true,true,3000.00,3000.00,true",
            1,
        ),
    ] {
        let mut p = special(line);
        let d: i64 = rows
            .iter()
            .filter(|q| q.supporter == p.supporter)
            .map(|q| q.spent - q.planned)
            .sum();
        p.spent -= d - over;
        p.category = "教育";
        rows.push(p);
    }
    rows.shuffle(&mut rng);
    for (i, p) in rows.iter_mut().enumerate() {
        p.id = format!("P{:06}", i + 1);
    }
    rows
}

/// Rows the engine must reject, each with values that would change results if accepted, and
/// the number of data rows to put before each.
fn bad_lines() -> Vec<(usize, String)> {
    vec![
        (
            700,
            "X000001,援疆,北京,和田地区,2017,民生,true,true,9999.00,9999.00,true".into(),
        ),
        (
            1_900,
            "X000002,援疆,北京市,和田地区,20l8,民生,true,true,9999.00,0,true".into(),
        ),
        (
            2_600,
            "X000003,援疆,北京市,和田地区,2017,民生,true,true,十万,0,true".into(),
        ),
        (
            3_300,
            "P000001,援藏,江苏省,日喀则市,2017,民生,false,false,9999.00,-5,false".into(),
        ),
        (
            4_100,
            "X000004,援疆,北京市,和田地区,2017,民生,true,true,9999.00".into(),
        ),
        (
            4_980,
            "X000005,援疆,北京市,和田地区,2017,民生,maybe,true,9999.00,0,true".into(),
        ),
    ]
}

fn write_csv(rows: &[Project], path: &Path) {
    let mut bad = bad_lines().into_iter().peekable();
    let mut text = String::with_capacity(rows.len() * 96);
    text.push_str(HEADER);
    text.push('\n');
    for (i, p) in rows.iter().enumerate() {
        while let Some((_, line)) = bad.next_if(|(at, _)| *at == i) {
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(&csv_line(p));
        text.push('\n');
    }
    for (_, line) in bad {
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(path, text).expect("the data file is written");
}

fn rules_text() -> String {
    let mut s = String::from(
        "program 援疆 { title: \"对口援疆\", since: 2010 }\n\
         program 援藏 { title: \"对口援藏\", since: 1994 }\n",
    );
    for a in SUPPORTERS {
        s.push_str(&format!(
            "actor {a} {{ kind: government, level: province }}\n"
        ));
    }
    for a in RECIPIENTS {
        s.push_str(&format!(
            "actor {a} {{ kind: government, level: prefecture }}\n"
        ));
    }
    for (sup, rec, prog, from, to) in PAIRS {
        let to = to.map(|t| format!(" to {t}")).unwrap_or_default();
        s.push_str(&format!(
            "pair {sup} -> {rec} in {prog} from {from}{to} {{ scope: [\"民生\"], goal: \"民生改善\", responsible: {sup} }}\n"
        ));
    }
    s.push_str(
        r#"
record project {
  id: text key
  program: program
  supporter: actor
  recipient: actor
  year: year time
  category: text
  livelihood: bool
  county_or_below: bool
  planned: money(万元)
  spent: money(万元)
  completed: bool
}

rule R1 {
  over project
  per supporter, recipient, year
  require sum(planned where livelihood) / sum(planned) >= 74%
}

rule R2 {
  over project
  per supporter, recipient, year
  require sum(planned where county_or_below) / sum(planned) >= 80%
}

rule R3 {
  over project
  forbid (completed and spent / planned < 90%) or spent > planned * 110%
}

rule R4 {
  over project
  require paired(supporter, recipient, program)
}

rule R5 {
  over project
  per supporter, year
  require count(where completed) >= 2
}

rule R6 {
  over project
  per recipient
  require max(planned) <= 5000万元 and min(spent) >= 0万元
}

rule R7 {
  over project
  per supporter
  require avg(spent) <= avg(planned)
}

rule R8 {
  over project
  per program
  require distinct(recipient) >= 3
}
"#,
    );
    s
}

/// What one rule should find: violating and undetermined keys, and how many passed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Outcome {
    violations: BTreeSet<String>,
    undetermined: BTreeSet<String>,
    passed: usize,
}

impl Outcome {
    fn add(&mut self, key: String, verdict: Option<bool>) {
        match verdict {
            Some(true) => self.passed += 1,
            Some(false) => {
                self.violations.insert(key);
            }
            None => {
                self.undetermined.insert(key);
            }
        }
    }
}

/// Kleene conjunction and disjunction.
fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn or3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// `num / den CMP pct%` decided exactly; `None` on division by zero.
fn ratio_cmp(
    num: i64,
    den: i64,
    pct: i64,
    want: std::cmp::Ordering,
    or_equal: bool,
) -> Option<bool> {
    if den == 0 {
        return None;
    }
    // num / den vs pct / 100  ⇔  100·num·sign(den) vs pct·|den|
    let lhs = 100 * i128::from(num) * i128::from(den.signum());
    let rhs = i128::from(pct) * i128::from(den.abs());
    let ord = lhs.cmp(&rhs);
    Some(ord == want || (or_equal && ord == std::cmp::Ordering::Equal))
}

fn paired(p: &Project) -> bool {
    PAIRS.iter().any(|&(s, r, g, from, to)| {
        s == p.supporter
            && r == p.recipient
            && g == p.program
            && p.year >= from
            && to.is_none_or(|t| p.year <= t)
    })
}

/// The expected outcome of each rule, computed from the rows alone.
fn expected(rows: &[Project]) -> BTreeMap<&'static str, Outcome> {
    use std::cmp::Ordering::{Greater, Less};
    let mut out: BTreeMap<&'static str, Outcome> = BTreeMap::new();

    // R1, R2: per supporter, recipient, year.
    let mut shares: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    for p in rows {
        let k = format!("{}|{}|{}", p.supporter, p.recipient, p.year);
        let e = shares.entry(k).or_default();
        e.0 += if p.livelihood { p.planned } else { 0 };
        e.1 += if p.county { p.planned } else { 0 };
        e.2 += p.planned;
    }
    for (k, (liv, cty, all)) in &shares {
        out.entry("R1")
            .or_default()
            .add(k.clone(), ratio_cmp(*liv, *all, 74, Greater, true));
        out.entry("R2")
            .or_default()
            .add(k.clone(), ratio_cmp(*cty, *all, 80, Greater, true));
    }

    // R3 and R4: record by record.
    for p in rows {
        let under = if p.completed {
            ratio_cmp(p.spent, p.planned, 90, Less, false)
        } else {
            Some(false)
        };
        let over = Some(10 * p.spent > 11 * p.planned);
        let forbidden = or3(and3(Some(p.completed), under), over);
        out.entry("R3")
            .or_default()
            .add(p.id.clone(), forbidden.map(|f| !f));
        out.entry("R4")
            .or_default()
            .add(p.id.clone(), Some(paired(p)));
    }

    // R5: per supporter, year.
    let mut completed: BTreeMap<String, u32> = BTreeMap::new();
    for p in rows {
        *completed
            .entry(format!("{}|{}", p.supporter, p.year))
            .or_default() += u32::from(p.completed);
    }
    for (k, n) in completed {
        out.entry("R5").or_default().add(k, Some(n >= 2));
    }

    // R6: per recipient.
    let mut extremes: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for p in rows {
        let e = extremes
            .entry(p.recipient.to_string())
            .or_insert((i64::MIN, i64::MAX));
        e.0 = e.0.max(p.planned);
        e.1 = e.1.min(p.spent);
    }
    for (k, (max_planned, min_spent)) in extremes {
        out.entry("R6")
            .or_default()
            .add(k, Some(max_planned <= fen("5000.00") && min_spent >= 0));
    }

    // R7: per supporter, avg(spent) <= avg(planned) compared as fractions.
    let mut sums: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    for p in rows {
        let e = sums.entry(p.supporter.to_string()).or_default();
        e.0 += p.spent;
        e.1 += p.planned;
        e.2 += 1;
    }
    for (k, (spent, planned, n)) in sums {
        let ok = i128::from(spent) * i128::from(n) <= i128::from(planned) * i128::from(n);
        out.entry("R7").or_default().add(k, Some(ok));
    }

    // R8: per program.
    let mut recipients: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for p in rows {
        recipients
            .entry(p.program.to_string())
            .or_default()
            .insert(p.recipient);
    }
    for (k, set) in recipients {
        out.entry("R8").or_default().add(k, Some(set.len() >= 3));
    }
    incomplete(rows, &mut out);
    out
}

/// A rejected row whose group keys can still be read leaves that group undetermined: the group
/// cannot be decided without it. Duplicates (valid rows) and ragged rows mark nothing.
fn incomplete(rows: &[Project], out: &mut BTreeMap<&'static str, Outcome>) {
    let ids: BTreeSet<&str> = rows.iter().map(|p| p.id.as_str()).collect();
    let group_keys = |rule: &str| -> BTreeSet<String> {
        rows.iter()
            .map(|p| match rule {
                "R1" | "R2" => format!("{}|{}|{}", p.supporter, p.recipient, p.year),
                "R5" => format!("{}|{}", p.supporter, p.year),
                "R6" => p.recipient.to_string(),
                "R7" => p.supporter.to_string(),
                _ => p.program.to_string(),
            })
            .collect()
    };
    for (_, line) in bad_lines() {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 11 || ids.contains(f[0]) {
            continue;
        }
        let program = ["援疆", "援藏"].contains(&f[1]).then_some(f[1]);
        let supporter = SUPPORTERS.contains(&f[2]).then_some(f[2]);
        let recipient = (RECIPIENTS.contains(&f[3]) || TIBET.contains(&f[3])).then_some(f[3]);
        let year = f[4].parse::<i32>().ok();
        // Each rule's group key as far as the row can be read (`None` where it cannot).
        let marks: [(&str, Vec<Option<String>>); 7] = [
            (
                "R1",
                vec![own(supporter), own(recipient), year.map(|y| y.to_string())],
            ),
            (
                "R2",
                vec![own(supporter), own(recipient), year.map(|y| y.to_string())],
            ),
            ("R5", vec![own(supporter), year.map(|y| y.to_string())]),
            ("R6", vec![own(recipient)]),
            ("R7", vec![own(supporter)]),
            ("R8", vec![own(program)]),
            ("R3", vec![]),
        ];
        for (rule, pattern) in marks {
            // A row with no readable key cannot be placed in any group.
            if pattern.iter().all(Option::is_none) {
                continue;
            }
            let existing = group_keys(rule);
            let keys: Vec<String> = if pattern.iter().all(Option::is_some) {
                vec![
                    pattern
                        .iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("|"),
                ]
            } else {
                // Partly readable: every group that agrees on the readable keys.
                existing
                    .iter()
                    .filter(|k| {
                        k.split('|')
                            .zip(&pattern)
                            .all(|(part, want)| want.as_deref().is_none_or(|w| w == part))
                    })
                    .cloned()
                    .collect()
            };
            let o = out.entry(rule).or_default();
            for key in keys {
                if o.undetermined.contains(&key) {
                    continue;
                }
                if !o.violations.remove(&key) && existing.contains(&key) {
                    o.passed -= 1;
                }
                o.undetermined.insert(key);
            }
        }
    }
}

fn own(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// A group value as text: a string as it is, a number as written.
fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn finding_key(f: &Finding) -> String {
    match &f.record {
        Some(r) if f.group.is_empty() => r.clone(),
        _ => f
            .group
            .values()
            .map(value_text)
            .collect::<Vec<_>>()
            .join("|"),
    }
}

/// What the engine found, per rule, in the same shape.
fn actual(report: &Report) -> BTreeMap<String, Outcome> {
    for f in &report.findings {
        assert!(
            report.summary.rules.iter().any(|r| r.rule == f.rule),
            "a finding is filed under a rule of the report"
        );
    }
    let mut out = BTreeMap::new();
    for rule in &report.summary.rules {
        let mut o = Outcome {
            passed: rule.passed as usize,
            ..Outcome::default()
        };
        for f in report.findings.iter().filter(|f| f.rule == rule.rule) {
            let set = match f.kind {
                FindingKind::Violation => &mut o.violations,
                FindingKind::Undetermined => &mut o.undetermined,
                FindingKind::Overridden => continue,
            };
            assert!(
                set.insert(finding_key(f)),
                "rule {}: `{}` reported twice",
                rule.rule,
                finding_key(f)
            );
        }
        out.insert(rule.rule.clone(), o);
    }
    out
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("differential");
    std::fs::create_dir_all(&dir).expect("the work directory is created");
    dir
}

/// Lists the differences between two key sets, at most a few of each.
fn diff(what: &str, want: &BTreeSet<String>, got: &BTreeSet<String>) -> Vec<String> {
    let missing: Vec<_> = want.difference(got).take(10).collect();
    let extra: Vec<_> = got.difference(want).take(10).collect();
    let mut out = Vec::new();
    if !missing.is_empty() {
        out.push(format!(
            "{what}: expected but not reported ({} in all): {missing:?}",
            want.difference(got).count()
        ));
    }
    if !extra.is_empty() {
        out.push(format!(
            "{what}: reported but not expected ({} in all): {extra:?}",
            got.difference(want).count()
        ));
    }
    out
}

#[test]
fn engine_agrees_with_exact_arithmetic() {
    let rows = generate();
    let dir = work_dir();
    let data = dir.join("project.csv");
    let rules_path = dir.join("rules.dk");
    write_csv(&rows, &data);
    let text = rules_text();
    std::fs::write(&rules_path, &text).expect("the rules are written");

    let rules = RuleSet::from_sources(vec![("rules.dk".into(), text)]);
    assert!(
        !rules.has_errors(),
        "the rule set checks: {:#?}",
        rules.diagnostics()
    );
    let report = rules
        .check(&Data::new().file("project", &data))
        .expect("the rules check the data");

    let bad = bad_lines().len() as u64;
    let summary = &report.summary;
    assert_eq!(summary.rows_read, rows.len() as u64 + bad, "rows read");
    assert_eq!(summary.rows_checked, rows.len() as u64, "rows checked");
    assert_eq!(summary.rows_rejected, bad, "rows rejected");
    assert_eq!(summary.files_failed, 0);
    let rejected_lines: Vec<u64> = report
        .rejected
        .iter()
        .filter(|p| p.row)
        .map(|p| p.line)
        .collect();
    let want_lines: Vec<u64> = bad_lines()
        .iter()
        .enumerate()
        .map(|(k, (at, _))| (at + k + 2) as u64)
        .collect();
    assert_eq!(rejected_lines, want_lines, "lines of the rejected rows");

    let want = expected(&rows);
    let got = actual(&report);
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "the rules"
    );

    generator_covers_the_cases(&want);
    let problems = disagreements(&report, &want, &got);
    assert!(
        problems.is_empty(),
        "the engine disagrees:\n{}",
        problems.join("\n")
    );

    check_cli(&rules_path, &data, &rules.rules(), &report);
}

/// The generator gives every rule both outcomes, and the thresholds their cases.
fn generator_covers_the_cases(want: &BTreeMap<&'static str, Outcome>) {
    // R8 has two groups: 援藏 fails, and the rejected rows leave 援疆's undetermined.
    for (name, o) in want {
        let passing = o.passed > 0 || (*name == "R8" && !o.undetermined.is_empty());
        assert!(
            !o.violations.is_empty() && passing,
            "{name}: the data should both pass and fail"
        );
    }
    for (rule, key, fails) in [
        ("R1", "广东省|喀什地区|2019", false),
        ("R1", "广东省|塔城地区|2019", true),
        ("R1", "广东省|日喀则市|2019", false),
        ("R2", "广东省|哈密市|2019", false),
        ("R2", "广东省|克州|2019", true),
        ("R2", "广东省|日喀则市|2019", true),
        ("R5", "广东省|2019", false),
        ("R5", "广东省|2020", true),
        ("R6", "喀什地区", false),
        ("R6", "阿克苏地区", true),
        ("R7", "江苏省", false),
        ("R7", "广东省", true),
        ("R8", "援藏", true),
        ("R8", "援疆", false),
    ] {
        assert_eq!(
            want[rule].violations.contains(key),
            fails,
            "generator: {rule} {key}"
        );
    }
    for key in ["广东省|昌吉州|2019", "广东省|巴州|2019"] {
        assert!(want["R1"].undetermined.contains(key), "generator: R1 {key}");
    }
    // The rejected rows of 北京市 → 和田地区 in 2017 leave those groups undetermined.
    assert!(want["R1"].undetermined.contains("北京市|和田地区|2017"));
    assert!(want["R6"].undetermined.contains("和田地区"));
    assert!(
        !want["R3"].undetermined.is_empty(),
        "generator: R3 undetermined"
    );
}

/// Where the engine's outcomes and counts differ from the exact ones.
fn disagreements(
    report: &Report,
    want: &BTreeMap<&'static str, Outcome>,
    got: &BTreeMap<String, Outcome>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, w) in want {
        let g = &got[name.to_string().as_str()];
        problems.extend(diff(
            &format!("{name} violations"),
            &w.violations,
            &g.violations,
        ));
        problems.extend(diff(
            &format!("{name} undetermined"),
            &w.undetermined,
            &g.undetermined,
        ));
        if w.passed != g.passed {
            problems.push(format!(
                "{name}: {} passed, expected {}",
                g.passed, w.passed
            ));
        }
        let c = (report.summary.rules.iter())
            .find(|r| r.rule == *name)
            .expect("every rule is counted");
        let decided = w.violations.len() + w.undetermined.len() + w.passed;
        if (
            c.violations as usize,
            c.undetermined as usize,
            c.checked as usize,
        ) != (w.violations.len(), w.undetermined.len(), decided)
        {
            problems.push(format!(
                "{name}: counts {c:?}, expected {} violations, {} undetermined, {decided} checked",
                w.violations.len(),
                w.undetermined.len()
            ));
        }
    }
    problems
}

/// The CLI on the same input reports the same counts and the same findings.
fn check_cli(rules: &Path, data: &Path, declared: &[RuleInfo], report: &Report) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .arg("check")
        .arg(rules)
        .arg("--data")
        .arg(format!("project={}", data.display()))
        .args(["--format", "json"])
        .output()
        .expect("the CLI runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "the CLI prints JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(out.status.code(), Some(2), "rejected rows exit with 2");
    let summary = &json["summary"];
    assert_eq!(summary["rows_read"], report.summary.rows_read);
    assert_eq!(summary["rows_checked"], report.summary.rows_checked);
    assert_eq!(summary["rows_rejected"], report.summary.rows_rejected);
    let per_rule: BTreeMap<String, (u64, u64)> = json["rules"]
        .as_array()
        .expect("`rules` is a list")
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap_or_default().to_string(),
                (
                    r["violations"].as_u64().unwrap_or(u64::MAX),
                    r["undetermined"].as_u64().unwrap_or(u64::MAX),
                ),
            )
        })
        .collect();
    let mut cli_keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in json["findings"].as_array().expect("`findings` is a list") {
        if f["kind"] != "violation" {
            continue;
        }
        let rule = f["rule"].as_str().unwrap_or_default().to_string();
        let key = match (&f["record"], &f["group"]) {
            (serde_json::Value::String(r), _) => r.clone(),
            // The object's keys may come back sorted: read them in `per` order.
            (_, serde_json::Value::Object(g)) => declared
                .iter()
                .find(|r| r.name == rule)
                .map(|r| r.keys.iter().map(|k| &g[&k.name]))
                .expect("a finding names a declared rule")
                .map(value_text)
                .collect::<Vec<_>>()
                .join("|"),
            _ => panic!("a violation without record or group: {f}"),
        };
        cli_keys.entry(rule).or_default().insert(key);
    }
    for c in &report.summary.rules {
        assert_eq!(
            per_rule.get(&c.rule),
            Some(&(c.violations, c.undetermined)),
            "CLI counts for {}",
            c.rule
        );
        let lib: BTreeSet<String> = (report.findings.iter())
            .filter(|f| f.rule == c.rule && f.kind == FindingKind::Violation)
            .map(finding_key)
            .collect();
        assert_eq!(
            cli_keys.remove(&c.rule).unwrap_or_default(),
            lib,
            "CLI violations of {}",
            c.rule
        );
    }
}
