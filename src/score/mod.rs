//! Scores of an evaluation (SPEC §9): each group's indicator values and attainments, the
//! weighted score, the grade and the rank. Exact decimals throughout; the grade and the rank
//! are decided on the score as it is shown (2 decimals, halves up), so that a score shown as
//! 90.00 never gets a grade whose bound is 90 denied, and two rows shown alike share a rank.

use crate::ast::Cmp;
use crate::ast::Type;
use crate::data::shape::Names;
use crate::data::value::Value;
use crate::engine::check::Checker;
use crate::engine::compile::Plan;
use crate::engine::compile::{EvaluationPlan, IndicatorPlan};
use crate::engine::env::GroupEnv;
use crate::engine::eval::Evaluator;
use crate::engine::finding::KeyValue;
use crate::engine::groups::group_year;
use rust_decimal::Decimal;

/// One evaluator's ratings of one indicator for one group.
#[derive(Debug, Clone)]
pub struct Rating {
    /// The evaluator's name.
    pub evaluator: String,
    /// The evaluator's weight.
    pub weight: Decimal,
    /// The average score, or why there is none.
    pub average: Result<Decimal, String>,
}

/// One indicator for one group.
#[derive(Debug, Clone)]
pub struct IndicatorScore {
    /// The indicator's name.
    pub name: String,
    /// The value, or why it is undetermined.
    pub value: Result<Decimal, String>,
    /// The value in its natural form (`71.3%`), with as many more decimals as it takes not to
    /// look equal to the target it is compared with (79.99% beside a target of 80%), or
    /// `undetermined`.
    pub value_text: String,
    /// 0–100, exact.
    pub attainment: Option<Decimal>,
    /// Each evaluator's ratings, for an indicator rated by evaluators.
    pub ratings: Vec<Rating>,
    /// Each aggregate the value is made of: as written, and its value.
    pub parts: Vec<(String, String)>,
}

/// One group's row of the evaluation.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    /// The group: each key and its value.
    pub group: Vec<KeyValue>,
    /// Each indicator, in declaration order.
    pub indicators: Vec<IndicatorScore>,
    /// 0–100, exact; `None` when an indicator is undetermined.
    pub score: Option<Decimal>,
    /// The grade of the shown score ([`ScoreRow::shown_score`]).
    pub grade: Option<String>,
    /// 1 for the best shown score within the row's partition (`rank within`); rows shown with
    /// the same score share a rank and the next rank skips as many (1, 1, 3).
    pub rank: Option<usize>,
    /// How many rows have a rank in the row's partition.
    pub ranked: usize,
}

impl ScoreRow {
    /// The score as every report shows it and as grades and ranks are decided on.
    pub fn shown_score(&self) -> Option<Decimal> {
        self.score.map(round2)
    }
}

/// Attainment of `value` against `cmp target`, 0–100.
///
/// The ratio is divided only when it lies strictly between 0 and 1 (a value short of a
/// positive target, or above a `<=` one): a met target is 100 and a value at or below zero
/// against a positive `>=` target is 0 without dividing, so no target, however small or
/// large, can make the division overflow.
pub fn attainment(value: Decimal, cmp: Cmp, target: Decimal) -> Decimal {
    let hundred = Decimal::ONE_HUNDRED;
    // 0 < part < whole: the quotient is below 1 and the division cannot overflow.
    let share = |part: Decimal, whole: Decimal| {
        part.checked_div(whole)
            .and_then(|q| q.min(Decimal::ONE).checked_mul(hundred))
            .unwrap_or(Decimal::ZERO)
    };
    match cmp {
        Cmp::Ge | Cmp::Gt => {
            if value >= target {
                hundred
            } else if target <= Decimal::ZERO || value <= Decimal::ZERO {
                Decimal::ZERO
            } else {
                share(value, target)
            }
        }
        Cmp::Le | Cmp::Lt => {
            if value <= Decimal::ZERO || value <= target {
                hundred
            } else if target <= Decimal::ZERO {
                Decimal::ZERO
            } else {
                share(target, value)
            }
        }
        Cmp::Eq => {
            if value == target {
                hundred
            } else {
                Decimal::ZERO
            }
        }
        Cmp::Ne => {
            if value != target {
                hundred
            } else {
                Decimal::ZERO
            }
        }
    }
}

/// The grade of `score`: the first (as declared) whose bound is at most the score.
pub fn grade(e: &EvaluationPlan, score: Decimal) -> Option<String> {
    e.grades
        .iter()
        .find(|(_, b)| *b <= score)
        .map(|(g, _)| g.clone())
}

/// Ranks on the shown score: 1 for the highest; equal shown scores share a rank, 1 + how many
/// score higher (competition ranking: 1, 1, 3). Rows are ranked among the rows that have the
/// same values of the keys at positions `within` (all rows together when it is empty). One sort
/// per partition, then a binary search per row: n log n in the number of groups.
pub fn rank(rows: &mut [ScoreRow], within: &[usize]) {
    let partition = |r: &ScoreRow| -> Vec<String> {
        within
            .iter()
            .map(|&i| r.group.get(i).map(|k| k.text.clone()).unwrap_or_default())
            .collect()
    };
    let mut scores: indexmap::IndexMap<Vec<String>, Vec<Decimal>> = indexmap::IndexMap::new();
    for r in rows.iter() {
        let list = scores.entry(partition(r)).or_default();
        list.extend(r.shown_score());
    }
    for list in scores.values_mut() {
        list.sort_unstable_by(|a, b| b.cmp(a));
    }
    for row in rows.iter_mut() {
        let descending = &scores[&partition(row)];
        row.ranked = descending.len();
        row.rank = row
            .shown_score()
            .map(|s| 1 + descending.partition_point(|higher| *higher > s));
    }
}

/// Every group's row of evaluation `e`, in key order, from a finished checker.
pub fn score(plan: &Plan, e: &EvaluationPlan, checker: &Checker<'_>) -> Vec<ScoreRow> {
    let Some(first) = e.indicators.first() else {
        return Vec::new();
    };
    let tables = checker.tables();
    let Some(t) = tables.rule_table[first.rule.index()] else {
        return Vec::new();
    };
    let table = &tables.tables[t];
    let names = Names {
        actors: &plan.world.actor_names,
        programs: &plan.world.program_names,
        texts: &checker.texts,
        row_text: "",
    };
    let mut rows = Vec::new();
    for g in table.sorted(&checker.texts) {
        let group = &table.groups[g];
        let rule0 = plan.rule(first.rule);
        let keys: Vec<KeyValue> = rule0
            .keys
            .iter()
            .zip(&group.keys)
            .map(|(k, v)| KeyValue {
                name: k.name.clone(),
                json: names.json(*v, k.shape),
                text: names.show(*v, k.shape),
                exact: names.exact(*v, k.shape),
            })
            .collect();
        let indicators: Vec<IndicatorScore> = e
            .indicators
            .iter()
            .map(|ind| indicator(plan, ind, checker, g, &group.keys, &names))
            .collect();
        // Weights too large to weigh with (their sum is reported by `check`) leave no score.
        let score = indicators
            .iter()
            .zip(&e.indicators)
            .map(|(s, ind)| s.attainment.map(|a| (ind.weight, a)))
            .collect::<Option<Vec<_>>>()
            .and_then(crate::exact::weighted_sum);
        rows.push(ScoreRow {
            group: keys,
            grade: score.and_then(|s| grade(e, round2(s))),
            score,
            indicators,
            rank: None,
            ranked: 0,
        });
    }
    let within: Vec<usize> = e.rank_within.iter().map(|(at, _)| *at).collect();
    rank(&mut rows, &within);
    rows
}

fn indicator(
    plan: &Plan,
    ind: &IndicatorPlan,
    checker: &Checker<'_>,
    g: usize,
    keys: &[Value],
    names: &Names<'_>,
) -> IndicatorScore {
    let tables = checker.tables();
    let rule = plan.rule(ind.rule);
    let aggs = tables.values(ind.rule.index(), g);
    let incomplete =
        tables.rule_table[ind.rule.index()].and_then(|t| tables.tables[t].blocked(g).cloned());
    let parts = parts_of(rule, &aggs, names);
    let (value, ratings) = match &ind.rated {
        Some(list) => {
            let ratings: Vec<Rating> = list
                .iter()
                .map(|(ev, w, a)| Rating {
                    evaluator: ev.clone(),
                    weight: *w,
                    average: match &aggs[*a] {
                        Ok(Value::Num(d)) => Ok(*d),
                        _ => Err(crate::tr!(
                            "score-no-rating-by-ev-for",
                            ev = ev,
                            ind = ind.name
                        )),
                    },
                })
                .collect();
            (rated_value(&ratings), ratings)
        }
        None => {
            let table = tables.rule_table[ind.rule.index()].map(|t| &tables.tables[t]);
            let year =
                table.and_then(|t| group_year(rule, plan.records[rule.record].time, &t.groups[g]));
            let env = GroupEnv {
                keys,
                aggs: &aggs,
                year,
                rule,
            };
            let mut ev = Evaluator::new(&plan.world, &checker.texts);
            let value = match ev.eval(&rule.condition.node, &env) {
                Value::Num(d) => Ok(d),
                _ => Err(ev
                    .cause
                    .take()
                    .unwrap_or_else(|| crate::tr!("score-value-undetermined"))),
            };
            (value, Vec::new())
        }
    };
    let value = match incomplete {
        Some(why) => Err(why),
        None => value,
    };
    let shape = if ind.rated.is_some() {
        Type::Decimal
    } else {
        match (rule.condition.shape, ind.target_shape) {
            (Type::Decimal | Type::Int, Type::Percent) => Type::Percent,
            (s, _) => s,
        }
    };
    IndicatorScore {
        name: ind.name.clone(),
        value_text: match &value {
            Ok(d) => names.show_apart(Value::Num(*d), Value::Num(ind.target), shape),
            Err(_) => "undetermined".into(),
        },
        attainment: value
            .as_ref()
            .ok()
            .map(|v| attainment(*v, ind.cmp, ind.target)),
        value,
        ratings,
        parts,
    }
}

/// Each aggregate of an indicator's value, as written, and its value in natural form.
fn parts_of(
    rule: &crate::engine::compile::RulePlan,
    aggs: &[Result<Value, String>],
    names: &Names<'_>,
) -> Vec<(String, String)> {
    rule.aggs
        .iter()
        .zip(aggs)
        .map(|(a, v)| {
            let shown = match v {
                Ok(v) => names.show(*v, a.shape),
                Err(why) => crate::tr!("explain-undetermined-why", why = why),
            };
            (a.text.clone(), shown)
        })
        .collect()
}

/// Σ evaluator weight × average rating; undetermined when a rating is missing or the sum does
/// not fit a decimal.
fn rated_value(ratings: &[Rating]) -> Result<Decimal, String> {
    let parts = ratings
        .iter()
        .map(|r| r.average.clone().map(|avg| (r.weight, avg)))
        .collect::<Result<Vec<_>, String>>()?;
    crate::exact::weighted_sum(parts)
        .ok_or_else(|| crate::tr!("score-weighted-ratings-are-too-large"))
}

/// An attainment as shown: 2 decimals, or as many more (up to 4) as it takes not to show 100
/// for a target that was missed (99.996 is `99.996`, never `100.00`).
pub fn attainment_text(a: Decimal) -> String {
    let strategy = rust_decimal::RoundingStrategy::MidpointAwayFromZero;
    (2..=6)
        .map(|dp| (dp, a.round_dp_with_strategy(dp, strategy)))
        .find(|(_, shown)| a >= Decimal::ONE_HUNDRED || *shown < Decimal::ONE_HUNDRED)
        .map_or_else(
            || a.normalize().to_string(),
            |(dp, shown)| format!("{shown:.prec$}", prec = dp as usize),
        )
}

/// Rounds for output: 2 decimals, halves away from zero.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_missed_target_never_shows_full_attainment() {
        assert_eq!(attainment_text(d("99.99")), "99.99");
        assert_eq!(attainment_text(d("99.996")), "99.996");
        assert_eq!(attainment_text(d("99.99999999")), "99.99999999");
        assert_eq!(attainment_text(d("100")), "100.00");
        assert_eq!(attainment_text(d("50.005")), "50.01");
    }

    #[test]
    fn grades_and_ranks_follow_the_shown_score() {
        let row = |score: &str| ScoreRow {
            group: Vec::new(),
            indicators: Vec::new(),
            score: Some(d(score)),
            grade: None,
            rank: None,
            ranked: 0,
        };
        let mut rows = vec![row("99.995"), row("100"), row("89.5")];
        rank(&mut rows, &[]);
        let ranks: Vec<Option<usize>> = rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [Some(1), Some(1), Some(3)]);
        assert_eq!(rows[0].shown_score(), Some(d("100.00")));
    }

    #[test]
    fn attainment_clamps_and_handles_both_directions() {
        assert_eq!(attainment(d("0.37"), Cmp::Ge, d("0.74")), d("50"));
        assert_eq!(attainment(d("0.9"), Cmp::Ge, d("0.74")), d("100"));
        assert_eq!(attainment(d("-1"), Cmp::Ge, d("0.74")), d("0"));
        assert_eq!(attainment(d("0.2"), Cmp::Le, d("0.1")), d("50"));
        assert_eq!(attainment(d("0.05"), Cmp::Le, d("0.1")), d("100"));
        assert_eq!(attainment(d("0"), Cmp::Le, d("0.1")), d("100"));
    }

    /// A tiny target attains fully without dividing (the command-line half is tests/defects.rs).
    #[test]
    fn d4_a_tiny_target_attains_fully_without_dividing() {
        let tiny = d("0.0000000000000000000000000001");
        assert_eq!(
            attainment(Decimal::from(8), Cmp::Ge, tiny),
            Decimal::ONE_HUNDRED
        );
        assert_eq!(
            attainment(Decimal::MAX, Cmp::Le, tiny),
            Decimal::ZERO,
            "the share rounds to nothing: 0 and no overflow"
        );
        assert_eq!(attainment(tiny, Cmp::Ge, Decimal::MAX), Decimal::ZERO);
    }
}
