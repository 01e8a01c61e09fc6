//! The answers of the native calls as JSON, with what the Python layer needs to give each
//! value its exact Python type: the type of every group key, and decimals as exact strings.

use duikou::ast::Type;
use duikou::engine::compile::{KeyPlan, Plan};
use duikou::{Diagnostic, RuleSet, Scores};
use serde_json::{Map, Value, json};

/// The name of a value's type, as the Python layer converts it.
pub fn type_name(shape: Type) -> &'static str {
    match shape {
        Type::Bool => "bool",
        Type::Int => "int",
        Type::Decimal => "decimal",
        Type::Percent => "percent",
        Type::Money(_) => "money",
        Type::Text | Type::List | Type::Unknown => "text",
        Type::Date => "date",
        Type::Year => "year",
        Type::Actor => "actor",
        Type::Program => "program",
        Type::ActorKind => "kind",
        Type::Level => "level",
    }
}

fn key_types(keys: &[KeyPlan]) -> Map<String, Value> {
    keys.iter()
        .map(|k| (k.name.clone(), type_name(k.shape).into()))
        .collect()
}

/// `{rule: {key: type}}` for every group rule of the plan.
pub fn rule_key_types(plan: &Plan) -> Value {
    let map: Map<String, Value> = plan
        .rules
        .iter()
        .filter(|r| !r.hidden && r.is_group())
        .map(|r| {
            let mut types = key_types(&r.keys);
            // A key grouped into plan periods holds a period (`2011–2015`), kept as text.
            if let Some(p) = r.periods.as_ref().filter(|p| !p.to_date) {
                types.insert(r.keys[p.key as usize].name.clone(), "period".into());
            }
            (r.name.clone(), Value::Object(types))
        })
        .collect();
    Value::Object(map)
}

/// Diagnostics in the form of the command line's JSON report.
pub fn diagnostics(rules: &RuleSet, diags: &[Diagnostic]) -> Value {
    let list: Vec<_> = diags
        .iter()
        .map(|d| duikou::report::json::finding(d, rules.sources()))
        .collect();
    serde_json::to_value(list).expect("diagnostics serialise")
}

/// The record types and their fields: `[{name, fields: [{name, type, optional, key}]}]`.
pub fn records(rules: &RuleSet) -> Value {
    let list: Vec<Value> = rules
        .symbols()
        .records
        .values()
        .map(|r| {
            let fields: Vec<Value> = r
                .fields
                .iter()
                .map(|f| {
                    json!({
                        "name": f.name.text,
                        "type": type_name(f.ty),
                        "optional": f.optional,
                        "key": f.key,
                    })
                })
                .collect();
            json!({ "name": r.name.text, "fields": fields })
        })
        .collect();
    Value::Array(list)
}

fn exact(d: Option<rust_decimal::Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// The scores of one evaluation, every number an exact decimal string.
pub fn scores(plan: &Plan, scores: &Scores) -> Value {
    let e = plan
        .evaluations
        .iter()
        .find(|e| e.name == scores.evaluation)
        .expect("scores name an evaluation of the plan");
    let types = e
        .indicators
        .first()
        .map(|i| key_types(&plan.rules[i.rule].keys))
        .unwrap_or_default();
    let rows: Vec<Value> = scores
        .rows
        .iter()
        .map(|r| {
            let group: Vec<Value> = r.group.iter().map(|k| json!([k.name, k.exact])).collect();
            let indicators: Vec<Value> = r
                .indicators
                .iter()
                .map(|s| {
                    json!({
                        "name": s.name,
                        "value": exact(s.value.as_ref().ok().copied()),
                        "why": s.value.as_ref().err(),
                        "text": s.value_text,
                        "attainment": exact(s.attainment),
                    })
                })
                .collect();
            json!({
                "group": group,
                "indicators": indicators,
                "score": exact(r.score),
                "grade": r.grade,
                "rank": r.rank,
            })
        })
        .collect();
    json!({
        "evaluation": e.name,
        "indicators": e.indicators.iter().map(|i| i.name.clone()).collect::<Vec<_>>(),
        "key_types": types,
        "rows": rows,
        "rejected": scores.rejected,
    })
}
