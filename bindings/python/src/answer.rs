//! The answers of the native calls as JSON, with what the Python layer needs to give each
//! value its exact Python type: the type of every group key, and decimals as exact strings.

use duikou::{Diagnostic, FieldInfo, RuleSet, Scores};
use serde_json::{Map, Value, json};

fn key_types(keys: &[FieldInfo]) -> Map<String, Value> {
    keys.iter()
        .map(|k| (k.name.clone(), k.ty.as_str().into()))
        .collect()
}

/// `{rule: {key: type}}` for every group rule; a key grouped into plan periods holds a period
/// (`2011–2015`), kept as text.
pub fn rule_key_types(rules: &RuleSet) -> Value {
    let map: Map<String, Value> = rules
        .rules()
        .into_iter()
        .filter(|r| r.group)
        .map(|r| (r.name, Value::Object(key_types(&r.keys))))
        .collect();
    Value::Object(map)
}

/// Diagnostics in the form of the command line's JSON report.
pub fn diagnostics(rules: &RuleSet, diags: &[Diagnostic]) -> Value {
    rules.diagnostics_json(diags)
}

/// The record types and their fields: `[{name, fields: [{name, type, optional, key}]}]`.
pub fn records(rules: &RuleSet) -> Value {
    let list: Vec<Value> = rules
        .records()
        .into_iter()
        .map(|r| json!({ "name": r.name, "fields": r.fields }))
        .collect();
    Value::Array(list)
}

fn exact(d: Option<rust_decimal::Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// The scores of one evaluation, every number an exact decimal string.
pub fn scores(rules: &RuleSet, scores: &Scores) -> Value {
    let e = rules
        .evaluations()
        .into_iter()
        .find(|e| e.name == scores.evaluation)
        .expect("scores name an evaluation of the rules");
    let types = key_types(&e.keys);
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
        "indicators": e.indicators,
        "key_types": types,
        "rows": rows,
        "rejected": scores.rejected,
    })
}
