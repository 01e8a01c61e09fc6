//! `duikou explain --format json`: the explanation of a rule or of a score as one JSON object.

use crate::engine::compile::EvaluationPlan;
use crate::engine::finding::{DataFinding, FindingKind};
use crate::score::{ScoreRow, attainment_text, round2};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn exact(d: Decimal) -> Value {
    d.normalize().to_string().into()
}

/// A score or attainment as a JSON number with the digits the text shows.
fn number(text: &str) -> Value {
    text.parse::<f64>().map_or(Value::Null, Value::from)
}

fn finish(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("an explanation serialises");
    s.push('\n');
    s
}

/// The outcome word of the explanation `text` (its `outcome:` line), or `not_applicable` when
/// the rule's document is not in force for the target.
fn outcome_of(text: &str) -> &'static str {
    let Some(line) = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("outcome: "))
    else {
        return "not_applicable";
    };
    match line {
        l if l.starts_with("violation") => "violation",
        l if l.starts_with("passed") => "passed",
        l if l.starts_with("undetermined") => "undetermined",
        l if l.starts_with("overridden") => "overridden",
        l if l.starts_with("exempted") => "exempted",
        l if l.starts_with("a permit") => "permit",
        _ => "not_applicable",
    }
}

/// A rule's explanation: the target, the outcome (as `check` decided it), the failing value
/// shown and exact, the message, and the steps as the text report gives them, line by line.
pub fn rule(
    rule: &str,
    target: &crate::engine::explain::Target,
    text: &str,
    english: &str,
    verdict: Option<&DataFinding>,
) -> String {
    use crate::engine::explain::Target;
    let target = match target {
        Target::Group(pairs) => {
            let group: serde_json::Map<String, Value> = pairs
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect();
            json!({ "group": group })
        }
        Target::Record(key) => json!({ "record": key }),
    };
    let outcome = match verdict.map(|f| f.kind) {
        Some(FindingKind::Violation) => "violation",
        Some(FindingKind::Undetermined) => "undetermined",
        Some(FindingKind::Overridden) => "overridden",
        None => outcome_of(english),
    };
    let steps: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    finish(&json!({
        "version": 1,
        "kind": "rule",
        "rule": rule,
        "target": target,
        "outcome": outcome,
        "value": verdict.and_then(|f| f.value.clone()),
        "value_exact": verdict.and_then(|f| f.value_exact.clone()),
        "message": verdict.map(|f| f.message.clone()),
        "steps": steps,
    }))
}

/// One indicator of a score explanation.
fn indicator(
    ind: &crate::engine::compile::IndicatorPlan,
    s: &crate::score::IndicatorScore,
) -> Value {
    let target = match ind.target_shape {
        crate::ast::Type::Percent => {
            format!("{}%", crate::exact::percent_text(ind.target))
        }
        _ => ind.target.normalize().to_string(),
    };
    let ratings: Vec<Value> = s
        .ratings
        .iter()
        .map(|r| {
            json!({
                "evaluator": r.evaluator,
                "weight": format!("{}%", crate::exact::percent_text(r.weight)),
                "average": r.average.as_ref().ok().map(|a| format!("{:.2}", round2(*a))),
                "average_exact": r.average.as_ref().ok().map(|a| exact(*a)),
                "undetermined": r.average.as_ref().err(),
            })
        })
        .collect();
    let parts: Vec<Value> = s
        .parts
        .iter()
        .map(|(text, value)| json!({ "expression": text, "value": value }))
        .collect();
    json!({
        "name": ind.name,
        "kind": ind.kind.map(|k| k.as_str()),
        "weight": format!("{}%", crate::exact::percent_text(ind.weight)),
        "expression": ind.text,
        "target": format!("{} {target}", ind.cmp.as_str()),
        "parts": parts,
        "ratings": ratings,
        "value": s.value.as_ref().ok().map(|_| s.value_text.clone()),
        "value_exact": s.value.as_ref().ok().map(|d| exact(*d)),
        "undetermined": s.value.as_ref().err(),
        "attainment": s.attainment.map(|a| number(&attainment_text(a))),
        "attainment_exact": s.attainment.map(exact),
        "weighted": s.attainment.map(|a| number(&format!("{:.2}", round2(a * ind.weight)))),
    })
}

/// A score's explanation: each indicator's computation, the score shown and exact, the grade
/// decided on the shown score against the grade bounds, and the rank within its partition.
pub fn score(e: &EvaluationPlan, row: &ScoreRow) -> String {
    let group: serde_json::Map<String, Value> = row
        .group
        .iter()
        .map(|k| (k.name.clone(), k.json.clone()))
        .collect();
    let indicators: Vec<Value> = e
        .indicators
        .iter()
        .zip(&row.indicators)
        .map(|(ind, s)| indicator(ind, s))
        .collect();
    let grades: Vec<Value> = e
        .grades
        .iter()
        .map(|(g, b)| json!({ "grade": g, "from": exact(*b) }))
        .collect();
    let rank_within: serde_json::Map<String, Value> = e
        .rank_within
        .iter()
        .filter_map(|(at, name)| row.group.get(*at).map(|k| (name.clone(), k.json.clone())))
        .collect();
    finish(&json!({
        "version": 1,
        "kind": "evaluation",
        "evaluation": e.name,
        "title": e.title,
        "group": group,
        "indicators": indicators,
        "score": row.shown_score().map(|s| number(&format!("{s:.2}"))),
        "score_exact": row.score.map(exact),
        "grade": row.grade,
        "grades": grades,
        "rank": row.rank,
        "ranked": row.ranked,
        "rank_within": rank_within,
    }))
}

#[cfg(test)]
mod tests {
    use super::outcome_of;

    #[test]
    fn the_outcome_line_gives_the_outcome() {
        assert_eq!(outcome_of("rule x\n\n  outcome: passed\n"), "passed");
        assert_eq!(outcome_of("  outcome: exempted by `unless`\n"), "exempted");
        assert_eq!(
            outcome_of("  the rule's document is not in force"),
            "not_applicable"
        );
    }
}
