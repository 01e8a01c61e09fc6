//! `duikou explain --evaluation NAME --group …`: how one group's score was derived.

use crate::RuleSet;
use crate::data::bind::DataFile;
use crate::engine::compile::{EvaluationPlan, IndicatorPlan, Plan};
use crate::engine::run::{self, Options};
use crate::score::{IndicatorScore, ScoreRow, round2};
use rust_decimal::Decimal;
use std::fmt::Write;

fn percent(d: Decimal) -> String {
    format!("{}%", crate::exact::percent_text(d))
}

/// Whether `row` is the group `k=v,…` (actor values by name or alias).
fn matches(plan: &Plan, row: &ScoreRow, pairs: &[(String, String)]) -> bool {
    pairs.iter().all(|(k, v)| {
        row.group.iter().any(|g| {
            g.name == *k
                && (g.text == *v
                    || plan
                        .names
                        .actors
                        .get(v)
                        .is_some_and(|a| plan.world.actor_names[a as usize] == g.text))
        })
    })
}

pub fn explain(
    rules: &RuleSet,
    plan: &Plan,
    files: &[DataFile],
    opts: &Options,
    name: &str,
    group: &str,
    json: bool,
) -> Result<String, String> {
    let Some(e) = plan.evaluations.iter().find(|e| e.name == name) else {
        let names: Vec<&str> = plan.evaluations.iter().map(|e| e.name.as_str()).collect();
        let hint = crate::suggest::did_you_mean(name, names.iter().copied())
            .unwrap_or_else(|| crate::tr!("cli-evaluations-are", names = names.join(", ")));
        return Err(crate::tr!(
            "cli-no-evaluation-msg",
            name = name,
            hint = hint
        ));
    };
    if files.is_empty() {
        return Err(crate::tr!("explain-eval-no-data"));
    }
    let pairs = super::explain::group_keys(group)?;
    let (_, rows) = run::run_with(plan, files, opts, |c| crate::score::score(plan, e, c));
    let Some(row) = rows.iter().find(|r| matches(plan, r, &pairs)) else {
        return Err(crate::tr!(
            "cli-evaluation-no-group",
            name = name,
            group = group
        ));
    };
    if json {
        return Ok(super::explain_json::score(e, row));
    }
    let mut out = String::new();
    write_heading(&mut out, rules, e, row);
    for (ind, s) in e.indicators.iter().zip(&row.indicators) {
        write_indicator(&mut out, ind, s);
    }
    write_score(&mut out, e, row);
    Ok(out)
}

/// The evaluation's name and title, the article it comes from and the group's keys.
fn write_heading(out: &mut String, rules: &RuleSet, e: &EvaluationPlan, row: &ScoreRow) {
    let title = e
        .title
        .as_ref()
        .map(|t| format!(" “{t}”"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        crate::tr!("explain-eval-heading", evaluation = e.name, title = title)
    );
    if let (Some(src), Some(loc)) = (
        &e.source,
        Some(crate::report::json::location(rules.sources(), e.span)),
    ) {
        let place = format!("{}:{}:{}", loc.file, loc.line, loc.column);
        let _ = writeln!(
            out,
            "  {}",
            crate::tr!(
                "explain-eval-from",
                document = src.document,
                article = src.article,
                place = place
            )
        );
    }
    let keys: Vec<String> = row
        .group
        .iter()
        .map(|k| format!("{} = {}", k.name, k.text))
        .collect();
    let _ = writeln!(
        out,
        "  {}\n",
        crate::tr!("explain-eval-group", keys = keys.join(", "))
    );
}

/// One indicator: its weight, the parts or ratings it was computed from, its value and what
/// it adds to the score.
fn write_indicator(out: &mut String, ind: &IndicatorPlan, s: &IndicatorScore) {
    let kind = ind.kind.map_or("", |k| k.as_str());
    let _ = writeln!(
        out,
        "  {}",
        crate::tr!(
            "explain-eval-indicator",
            name = ind.name,
            kind = kind,
            weight = percent(ind.weight),
            text = ind.text
        )
    );
    if s.ratings.is_empty() {
        for (text, value) in &s.parts {
            let _ = writeln!(out, "    {text} = {value}");
        }
    }
    for r in &s.ratings {
        let avg = match &r.average {
            Ok(a) => format!("{:.2}", round2(*a)),
            Err(why) => why.clone(),
        };
        let _ = writeln!(out, "    {} ({}): {avg}", r.evaluator, percent(r.weight));
    }
    let target = match ind.target_shape {
        crate::ast::Type::Percent => percent(ind.target),
        _ => ind.target.normalize().to_string(),
    };
    match (&s.value, s.attainment) {
        (Ok(_), Some(a)) => {
            let _ = writeln!(
                out,
                "    {}\n",
                crate::tr!(
                    "explain-eval-value",
                    value = s.value_text,
                    cmp = ind.cmp.as_str(),
                    target = target,
                    attainment = crate::score::attainment_text(a),
                    weight = percent(ind.weight),
                    weighted = format!("{:.2}", round2(a * ind.weight))
                )
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "    {}\n",
                crate::tr!("explain-eval-undetermined", why = why_of(&s.value))
            );
        }
    }
}

/// The score, the grade and the rank, or why the score is undetermined.
fn write_score(out: &mut String, e: &EvaluationPlan, row: &ScoreRow) {
    let grades: Vec<String> = e
        .grades
        .iter()
        .map(|(g, b)| format!("{g} ≥ {}", b.normalize()))
        .collect();
    match row.score {
        Some(score) => {
            let _ = writeln!(
                out,
                "  {}{}",
                crate::tr!(
                    "explain-eval-score",
                    score = format!("{:.2}", round2(score)),
                    grade = row.grade.clone().unwrap_or_else(|| "—".into()),
                    grades = grades.join(", "),
                    rank = row.rank.unwrap_or(0).to_string(),
                    ranked = row.ranked.to_string()
                ),
                partition_text(e, row)
            );
        }
        None => {
            let _ = writeln!(out, "  {}", crate::tr!("explain-eval-score-undetermined"));
        }
    }
}

/// ` within year 2017` for a ranking taken within some keys; empty otherwise.
fn partition_text(e: &crate::engine::compile::EvaluationPlan, row: &ScoreRow) -> String {
    let parts: Vec<String> = e
        .rank_within
        .iter()
        .filter_map(|(at, name)| row.group.get(*at).map(|k| format!("{name} {}", k.text)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            crate::tr!("score-within-parts", parts = parts.join(", "))
        )
    }
}

fn why_of(v: &Result<Decimal, String>) -> String {
    v.as_ref().err().cloned().unwrap_or_default()
}
