//! Score reports: a table for people, JSON (SPEC §11), Markdown and CSV.

use crate::engine::compile::EvaluationPlan;
use crate::score::{ScoreRow, attainment_text, round2};
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write;

fn group_text(r: &ScoreRow) -> String {
    r.group
        .iter()
        .map(|k| k.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn num(d: Option<rust_decimal::Decimal>) -> String {
    d.map_or("—".into(), |d| format!("{:.2}", round2(d)))
}

/// The rows as cells: header, then one line per group.
fn cells(e: &EvaluationPlan, rows: &[ScoreRow]) -> Vec<Vec<String>> {
    let mut head = vec![
        rows.first()
            .map(|r| {
                r.group
                    .iter()
                    .map(|k| k.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_else(|| crate::tr!("score-col-group")),
    ];
    for i in &e.indicators {
        head.push(format!(
            "{} ({}%)",
            i.name,
            crate::exact::percent_text(i.weight)
        ));
    }
    head.extend([
        crate::tr!("score-col-score"),
        crate::tr!("score-col-grade"),
        rank_heading(e),
    ]);
    let mut out = vec![head];
    for r in rows {
        let mut line = vec![group_text(r)];
        for s in &r.indicators {
            line.push(match s.attainment {
                Some(a) => format!("{} → {}", s.value_text, attainment_text(a)),
                None => crate::tr!("explain-undetermined"),
            });
        }
        line.push(num(r.score));
        line.push(r.grade.clone().unwrap_or_else(|| "—".into()));
        line.push(r.rank.map_or("—".into(), |k| k.to_string()));
        out.push(line);
    }
    out
}

/// `rank`, or `rank within year` when ranks are taken per value of some keys.
pub fn rank_heading(e: &EvaluationPlan) -> String {
    if e.rank_within.is_empty() {
        crate::tr!("score-col-rank")
    } else {
        let keys: Vec<&str> = e.rank_within.iter().map(|(_, k)| k.as_str()).collect();
        crate::tr!("score-col-rank-within", keys = keys.join(", "))
    }
}

/// Why rows are undetermined: one line each.
pub fn findings(rows: &[ScoreRow]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        for s in &r.indicators {
            if let Err(why) = &s.value {
                out.push(crate::tr!(
                    "report-s-group-text-undetermined-why",
                    s = s.name,
                    group_text = group_text(r),
                    why = why
                ));
            }
        }
    }
    out
}

/// The style of a cell of the score table on a terminal: the heading bold, undetermined
/// cells yellow, the best grade green and the lowest red.
fn cell_style(
    e: &EvaluationPlan,
    grade_column: usize,
) -> impl Fn(usize, usize, &str) -> Option<&'static str> {
    move |row, column, text| {
        if row == 0 {
            return Some("1");
        }
        if text == "undetermined" {
            return Some("33");
        }
        if column != grade_column || e.grades.len() < 2 {
            return None;
        }
        match e.grades.iter().position(|(g, _)| g == text) {
            Some(0) => Some("32;1"),
            Some(i) if i + 1 == e.grades.len() => Some("31;1"),
            _ => None,
        }
    }
}

/// The table for a terminal, coloured when `color` is set.
pub fn human(e: &EvaluationPlan, rows: &[ScoreRow], color: bool) -> String {
    let table = cells(e, rows);
    let title = e
        .title
        .as_ref()
        .map(|t| format!(" “{t}”"))
        .unwrap_or_default();
    let mut out = crate::tr!("score-heading", evaluation = e.name, title = title);
    out.push_str("\n\n");
    let grade_column = table[0].len().saturating_sub(2);
    let painted = cell_style(e, grade_column);
    let plain = |_: usize, _: usize, _: &str| None;
    let paint: super::table::Paint<'_> = if color { &painted } else { &plain };
    out.push_str(&super::table::render_painted(&table, &[], "", paint));
    let f = findings(rows);
    if !f.is_empty() {
        out.push('\n');
        for line in &f {
            let _ = writeln!(out, "{}", crate::tr!("cli-warning", message = line));
        }
    }
    let scored = rows.iter().filter(|r| r.score.is_some()).count();
    let _ = writeln!(
        out,
        "\n{}",
        crate::tr!(
            "score-summary",
            groups = crate::report::plural(rows.len(), "group"),
            scored = scored,
            undetermined = rows.len() - scored
        )
    );
    out
}

/// The table in Markdown.
pub fn markdown(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let table = cells(e, rows);
    let mut out = format!("### {}\n\n", e.name);
    let _ = writeln!(out, "| {} |", table[0].join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(table[0].len()));
    for l in &table[1..] {
        let _ = writeln!(out, "| {} |", l.join(" | ").replace('\n', " "));
    }
    out
}

/// CSV: group keys, each indicator's value and attainment, score, grade, rank; one line per
/// group, UTF-8 with a byte-order mark.
pub fn csv(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut head: Vec<String> = rows
        .first()
        .map(|r| r.group.iter().map(|k| k.name.clone()).collect())
        .unwrap_or_default();
    for i in &e.indicators {
        head.push(format!("{} value", i.name));
        head.push(format!("{} attainment", i.name));
    }
    head.extend(["score".into(), "grade".into(), rank_heading(e)]);
    let _ = w.write_record(&head);
    for r in rows {
        let mut line: Vec<String> = r.group.iter().map(|k| k.text.clone()).collect();
        for s in &r.indicators {
            line.push(s.value_text.clone());
            line.push(s.attainment.map_or(String::new(), attainment_text));
        }
        line.push(
            r.score
                .map_or(String::new(), |s| format!("{:.2}", round2(s))),
        );
        line.push(r.grade.clone().unwrap_or_default());
        line.push(r.rank.map_or(String::new(), |k| k.to_string()));
        let _ = w.write_record(&line);
    }
    // A byte-order mark, so spreadsheet programs (Excel on Chinese Windows) read it as UTF-8.
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

fn number(d: rust_decimal::Decimal) -> serde_json::Value {
    round2(d)
        .to_f64()
        .map_or(serde_json::Value::Null, |f| f.into())
}

/// An attainment as a JSON number, with the digits the reports show.
fn attainment_number(a: rust_decimal::Decimal) -> serde_json::Value {
    attainment_text(a)
        .parse::<f64>()
        .map_or(serde_json::Value::Null, |f| f.into())
}

/// A decimal in full, as a string (`"0.7999"`), for `value_exact` and `score_exact`.
fn exact(d: rust_decimal::Decimal) -> serde_json::Value {
    d.normalize().to_string().into()
}

/// `{ "version": 1, "evaluation", "summary", "rows": [...], "findings", "receipt" }`.
pub fn json(
    e: &EvaluationPlan,
    rows: &[ScoreRow],
    summary: serde_json::Value,
    receipt: serde_json::Value,
) -> String {
    let rows_json: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let group: serde_json::Map<String, serde_json::Value> = r
                .group
                .iter()
                .map(|k| (k.name.clone(), k.json.clone()))
                .collect();
            let indicators: serde_json::Map<String, serde_json::Value> = r
                .indicators
                .iter()
                .map(|s| {
                    let ratings: Vec<serde_json::Value> = s
                        .ratings
                        .iter()
                        .map(|g| {
                            serde_json::json!({
                                "evaluator": g.evaluator,
                                "weight": crate::exact::hundredfold(g.weight).map_or(serde_json::Value::Null, number),
                                "average": g.average.as_ref().ok().map(|a| number(*a)),
                            })
                        })
                        .collect();
                    let mut v = serde_json::json!({
                        "value": s.value.as_ref().ok().map(|_| s.value_text.clone()),
                        "value_exact": s.value.as_ref().ok().map(|d| exact(*d)),
                        "attainment": s.attainment.map(attainment_number),
                    });
                    if !ratings.is_empty() {
                        v["ratings"] = ratings.into();
                    }
                    (s.name.clone(), v)
                })
                .collect();
            serde_json::json!({
                "group": group,
                "indicators": indicators,
                "score": r.score.map(number),
                "score_exact": r.score.map(exact),
                "grade": r.grade,
                "rank": r.rank,
            })
        })
        .collect();
    let findings: Vec<serde_json::Value> = findings(rows)
        .into_iter()
        .map(|m| serde_json::json!({ "kind": "undetermined", "severity": "warning", "message": m }))
        .collect();
    let rank_within: Vec<&str> = e.rank_within.iter().map(|(_, k)| k.as_str()).collect();
    let v = serde_json::json!({
        "version": 1,
        "evaluation": e.name,
        "rank_within": rank_within,
        "summary": summary,
        "rows": rows_json,
        "findings": findings,
        "receipt": receipt,
    });
    let mut s = serde_json::to_string_pretty(&v).expect("scores serialise");
    s.push('\n');
    s
}
