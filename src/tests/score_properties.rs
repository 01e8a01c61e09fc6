//! Property tests for `duikou score` (SPEC §9): random evaluations over random project rows,
//! scored through the library. Every attainment and score lies in 0–100, the engine's score is
//! exactly Σ weight × attainment of its own attainments, attainments follow the SPEC formula
//! from independently summed values, and scores are monotone: raising a `>=` indicator's value
//! (or lowering a `<=` one's) never lowers any attainment or score.

use crate::RuleSet;
use crate::ast::Cmp;
use crate::data::bind::{DataFile, Format};
use crate::engine::compile::Plan;
use crate::engine::run::{self, Options};
use crate::score::{ScoreRow, attainment};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

const GROUPS: [&str; 3] = ["甲省", "乙省", "丙省"];

/// One generated indicator.
#[derive(Debug, Clone)]
struct Ind {
    social: bool,
    /// Percent, 1–98; all of them sum to 100.
    weight: i64,
    ge: bool,
    /// `sum(aI) / sum(bI)` against a percent target, or `sum(aI)` against a plain number.
    ratio: bool,
    /// Percent for a ratio, a plain number (hundredths) for a sum; always > 0.
    target: i64,
}

/// One generated project row: its group and each indicator's `a` and `b` (hundredths).
#[derive(Debug, Clone)]
struct Row {
    group: usize,
    cells: Vec<(i64, i64)>,
}

fn hundredths(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

fn target_of(ind: &Ind) -> Decimal {
    if ind.ratio {
        Decimal::new(ind.target, 2) // 80 → 80% → 0.80
    } else {
        hundredths(ind.target)
    }
}

fn cmp_of(ind: &Ind) -> Cmp {
    if ind.ge { Cmp::Ge } else { Cmp::Le }
}

fn source(inds: &[Ind]) -> String {
    let mut s = String::new();
    for g in GROUPS {
        s.push_str(&format!(
            "actor {g} {{ kind: government, level: province }}\n"
        ));
    }
    s.push_str("record project {\n  id: text key\n  supporter: actor\n");
    for i in 0..inds.len() {
        s.push_str(&format!("  a{i}: decimal\n  b{i}: decimal\n"));
    }
    s.push_str("}\nevaluation 随机 {\n  over project\n  per supporter\n");
    for (i, ind) in inds.iter().enumerate() {
        let target = if ind.ratio {
            format!("{}%", ind.target)
        } else {
            hundredths(ind.target).to_string()
        };
        let value = if ind.ratio {
            format!("sum(a{i}) / sum(b{i})")
        } else {
            format!("sum(a{i})")
        };
        s.push_str(&format!(
            "  indicator 指标{i} {{ kind: {}, weight: {}%, target: {} {target}, value: {value} }}\n",
            if ind.social { "social" } else { "economic" },
            ind.weight,
            if ind.ge { ">=" } else { "<=" },
        ));
    }
    s.push_str("  grade { A: 90, B: 75, C: 60, D: 0 }\n}\n");
    s
}

fn csv(inds: &[Ind], rows: &[Row]) -> String {
    let mut s = String::from("id,supporter");
    for i in 0..inds.len() {
        s.push_str(&format!(",a{i},b{i}"));
    }
    s.push('\n');
    for (n, r) in rows.iter().enumerate() {
        s.push_str(&format!("r{n},{}", GROUPS[r.group]));
        for (a, b) in &r.cells {
            s.push_str(&format!(",{},{}", hundredths(*a), hundredths(*b)));
        }
        s.push('\n');
    }
    s
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Scores the generated rule set over the generated rows through the library.
fn run_score(inds: &[Ind], rows: &[Row]) -> Vec<ScoreRow> {
    let rules = RuleSet::from_sources(vec![("score.dk".into(), source(inds))]);
    assert!(
        !rules.has_errors(),
        "generated rules have errors: {:?}\n{}",
        rules.diagnostics(),
        source(inds)
    );
    let plan = Plan::build(rules.symbols(), rules.sources());
    let path: PathBuf = std::env::temp_dir().join(format!(
        "duikou-score-prop-{}-{}.csv",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, csv(inds, rows)).expect("temp file writes");
    let files = vec![DataFile {
        record: "project".into(),
        path: path.clone(),
        sheet: None,
        format: Format::Csv,
        bytes: None,
    }];
    let (data, scored) = run::run_with(&plan, &files, &Options::default(), |c| {
        crate::score::score(&plan, &plan.evaluations[0], c)
    });
    let _ = std::fs::remove_file(&path);
    assert_eq!(data.rows_rejected, 0, "rows rejected: {:?}", data.problems);
    scored
}

/// Weights in percent: n positive integers summing to 100, from n - 1 distinct cut points.
fn weights(n: usize) -> impl Strategy<Value = Vec<i64>> {
    proptest::sample::subsequence((1..100).collect::<Vec<i64>>(), n - 1).prop_map(|mut cuts| {
        cuts.sort();
        let mut out = Vec::new();
        let mut last = 0;
        for c in cuts.into_iter().chain([100]) {
            out.push(c - last);
            last = c;
        }
        out
    })
}

fn scheme() -> impl Strategy<Value = (Vec<Ind>, Vec<Row>)> {
    (2usize..=4)
        .prop_flat_map(|n| {
            (
                weights(n),
                proptest::collection::vec(
                    (any::<bool>(), any::<bool>(), any::<bool>(), 1i64..=15000),
                    n,
                ),
                proptest::collection::vec(
                    (
                        0..GROUPS.len(),
                        proptest::collection::vec((-5000i64..=20000, 1i64..=10000), n),
                    ),
                    1..10,
                ),
            )
        })
        .prop_map(|(ws, kinds, rows)| {
            let inds = ws
                .into_iter()
                .zip(kinds)
                .map(|(weight, (social, ge, ratio, t))| Ind {
                    social,
                    weight,
                    ge,
                    ratio,
                    // a ratio's target: 1%–150%; a sum's: 0.01–150.00
                    target: if ratio { 1 + t % 150 } else { t },
                })
                .collect();
            let rows = rows
                .into_iter()
                .map(|(group, cells)| Row { group, cells })
                .collect();
            (inds, rows)
        })
}

/// Each indicator's value for group `g`, summed here from the generated rows.
fn expected_value(ind: &Ind, i: usize, rows: &[Row], g: usize) -> Decimal {
    let (a, b) = rows
        .iter()
        .filter(|r| r.group == g)
        .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), r| {
            (a + hundredths(r.cells[i].0), b + hundredths(r.cells[i].1))
        });
    if ind.ratio { a / b } else { a }
}

/// SPEC §9, written out independently of `crate::score::attainment`.
fn spec_attainment(value: Decimal, ge: bool, target: Decimal) -> Decimal {
    let clamp = |x: Decimal| x.max(Decimal::ZERO).min(Decimal::ONE) * Decimal::ONE_HUNDRED;
    if ge {
        clamp(value / target)
    } else if value <= Decimal::ZERO || value <= target {
        Decimal::ONE_HUNDRED
    } else {
        clamp(target / value)
    }
}

fn in_range(d: Decimal) -> bool {
    d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED
}

fn check_rows(inds: &[Ind], rows: &[Row], scored: &[ScoreRow]) {
    let mut groups: Vec<usize> = rows.iter().map(|r| r.group).collect();
    groups.sort();
    groups.dedup();
    assert_eq!(scored.len(), groups.len(), "one score row per group");
    for (row, &g) in scored.iter().zip(&groups) {
        assert_eq!(
            row.group[0].text, GROUPS[g],
            "groups in key (declaration) order"
        );
        assert_eq!(row.indicators.len(), inds.len());
        let mut sum = Decimal::ZERO;
        for (i, (ind, s)) in inds.iter().zip(&row.indicators).enumerate() {
            let value = expected_value(ind, i, rows, g);
            assert_eq!(s.value.as_ref().ok(), Some(&value), "value of 指标{i}");
            let a = s.attainment.expect("every value is determined");
            assert!(in_range(a), "attainment {a} of 指标{i} out of 0..=100");
            assert_eq!(
                a,
                spec_attainment(value, ind.ge, target_of(ind)),
                "attainment of 指标{i} (value {value})"
            );
            assert_eq!(a, attainment(value, cmp_of(ind), target_of(ind)));
            sum += Decimal::new(ind.weight, 2) * a;
        }
        let score = row.score.expect("every indicator is determined");
        assert!(in_range(score), "score {score} out of 0..=100");
        assert_eq!(score, sum, "score is exactly Σ weight × attainment");
        // Grades and ranks are decided on the score as shown: 2 places, half away from zero.
        let shown = shown(score);
        let grade = [("A", 90), ("B", 75), ("C", 60), ("D", 0)]
            .into_iter()
            .find(|(_, b)| Decimal::from(*b) <= shown)
            .map(|(g, _)| g.to_string());
        assert_eq!(row.grade, grade);
        let better = scored
            .iter()
            .filter(|o| o.score.is_some_and(|o| self::shown(o) > shown))
            .count();
        assert_eq!(row.rank, Some(1 + better));
    }
}

/// A score as shown, and as grades and ranks read it: 2 places, half away from zero.
fn shown(score: Decimal) -> Decimal {
    score.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// A random decimal: mantissa up to ±10⁹ with 0–4 places.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000i64..=1_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Scores and attainments in 0–100, score = Σ w·a exactly, grades and ranks as specified.
    #[test]
    fn scores_follow_the_formula((inds, rows) in scheme()) {
        let scored = run_score(&inds, &rows);
        check_rows(&inds, &rows, &scored);
    }

    /// Moving one indicator's value in its good direction (up for `>=`, down for `<=`) in one
    /// row never lowers that indicator's attainment or any group's score, and leaves the other
    /// indicators alone.
    #[test]
    fn a_better_value_never_lowers_the_score(
        (inds, rows) in scheme(),
        pick in any::<proptest::sample::Index>(),
        row_pick in any::<proptest::sample::Index>(),
        delta in 1i64..=10000,
    ) {
        let i = pick.index(inds.len());
        let r = row_pick.index(rows.len());
        let before = run_score(&inds, &rows);
        let mut better = rows.clone();
        better[r].cells[i].0 += if inds[i].ge { delta } else { -delta };
        let after = run_score(&inds, &better);
        check_rows(&inds, &better, &after);
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            let (ab, aa) = (b.indicators[i].attainment.unwrap(), a.indicators[i].attainment.unwrap());
            prop_assert!(aa >= ab, "attainment of 指标{} fell from {} to {}", i, ab, aa);
            for j in (0..inds.len()).filter(|&j| j != i) {
                prop_assert_eq!(b.indicators[j].attainment, a.indicators[j].attainment);
            }
            let (sb, sa) = (b.score.unwrap(), a.score.unwrap());
            prop_assert!(sa >= sb, "score fell from {} to {}", sb, sa);
        }
    }

    /// `attainment` is within 0–100, never falls as the value rises under `>=`/`>`, and never
    /// rises as the value rises under `<=`/`<`.
    #[test]
    fn attainment_is_monotone(x in decimal(), y in decimal(), target in decimal()) {
        let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
        for cmp in [Cmp::Ge, Cmp::Gt] {
            let (a_lo, a_hi) = (attainment(lo, cmp, target), attainment(hi, cmp, target));
            prop_assert!(in_range(a_lo) && in_range(a_hi));
            prop_assert!(a_hi >= a_lo, "{:?} {}: {} → {}, {} → {}", cmp, target, lo, a_lo, hi, a_hi);
        }
        for cmp in [Cmp::Le, Cmp::Lt] {
            let (a_lo, a_hi) = (attainment(lo, cmp, target), attainment(hi, cmp, target));
            prop_assert!(in_range(a_lo) && in_range(a_hi));
            prop_assert!(a_hi <= a_lo, "{:?} {}: {} → {}, {} → {}", cmp, target, lo, a_lo, hi, a_hi);
        }
    }

    /// The weighted score never decreases when one attainment increases.
    #[test]
    fn weighted_sum_is_monotone(
        (ws, atts) in (2usize..=4).prop_flat_map(|n| (
            weights(n),
            proptest::collection::vec((0i64..=10000, 0i64..=10000), n),
        )),
        pick in any::<proptest::sample::Index>(),
    ) {
        let i = pick.index(ws.len());
        let score = |a: &[Decimal]| -> Decimal {
            ws.iter().zip(a).map(|(w, a)| Decimal::new(*w, 2) * a).sum()
        };
        let before: Vec<Decimal> = atts.iter().map(|(a, _)| hundredths(*a)).collect();
        let mut after = before.clone();
        after[i] = after[i].max(hundredths(atts[i].1));
        let (sb, sa) = (score(&before), score(&after));
        prop_assert!(in_range(sb) && in_range(sa));
        prop_assert!(sa >= sb);
    }
}
