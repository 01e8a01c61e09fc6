//! The report's charts, from its data: violations by rule, compliance by pairing, shares against
//! their thresholds, the score distribution, grades by pairing, the responsibility matrix as a
//! heat map, and findings counted by code.

use super::svg::{self, Bar, Dot, Grid, Tone};
use crate::RuleSet;
use crate::ast::Type;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::compile::EvaluationPlan;
use crate::engine::finding::{FindingKind, KeyValue};
use crate::gaps::matrix::{Basis, Cell};
use crate::report::data::CheckReport;
use crate::report::overview::Overview;
use crate::score::ScoreRow;
use rust_decimal::prelude::ToPrimitive;

fn empty(id: &str, title: &str, why: &str) -> String {
    format!(
        "<figure class=\"chart-box\" id=\"{}\" data-chart=\"{}\" data-empty=\"true\"><p class=\"empty\"><strong>{}</strong>: {}</p></figure>",
        super::esc(id),
        super::esc(id),
        super::esc(title),
        super::esc(why)
    )
}

/// In place of the charts, when the rule files have errors: nothing else was checked.
pub fn not_checked() -> String {
    empty(
        "not-checked",
        &crate::tr!("html-not-checked"),
        &crate::tr!("html-not-checked-why"),
    )
}

/// Violations and undetermined cases of each rule, as stacked bars.
pub fn violations_by_rule(o: &Overview) -> String {
    let title = &crate::tr!("html-chart-violations-by-rule");
    let bars: Vec<Bar> = o
        .rules
        .iter()
        .map(|r| Bar {
            label: r.name.clone(),
            segments: vec![
                (
                    r.counts.violations,
                    if r.severity == Severity::Error {
                        Tone::Bad
                    } else {
                        Tone::Warning
                    },
                    format!(
                        "{}: {} violations ({})",
                        r.name,
                        r.counts.violations,
                        r.severity.as_str()
                    ),
                ),
                (
                    r.counts.undetermined,
                    Tone::Info,
                    format!("{}: {} undetermined", r.name, r.counts.undetermined),
                ),
            ],
        })
        .collect();
    if bars.is_empty() {
        return empty(
            "violations-by-rule",
            title,
            &crate::tr!("html-no-data-to-check"),
        );
    }
    svg::bars(
        "violations-by-rule",
        title,
        &crate::tr!("html-caption-violations-by-rule"),
        &bars,
    )
}

fn key<'a>(group: &'a [KeyValue], name: &str) -> Option<&'a str> {
    group
        .iter()
        .find(|k| k.name == name)
        .map(|k| k.text.as_str())
}

/// The worse of two verdicts of a pairing.
fn worse(a: Option<(Tone, &'static str)>, b: (Tone, &'static str)) -> (Tone, &'static str) {
    match a {
        Some(a) if a.0 >= b.0 => a,
        _ => b,
    }
}

/// A pairing (supporter, recipient), its worst verdict (tone and symbol), and the findings.
type PairingVerdict = ((String, String), (Tone, &'static str), Vec<String>);

/// A supporter × recipient grid coloured by the worst verdict of group-level rules.
pub fn compliance_by_pairing(rules: &RuleSet, report: &CheckReport<'_>) -> String {
    let title = &crate::tr!("html-chart-compliance-by-pairing");
    let mut g = Grid {
        rows: Vec::new(),
        columns: Vec::new(),
        cells: Vec::new(),
    };
    let mut verdicts: Vec<PairingVerdict> = Vec::new();
    for p in rules.symbols().pairs.iter() {
        let k = (p.item.supporter.text.clone(), p.item.recipient.text.clone());
        if !verdicts.iter().any(|v| v.0 == k) {
            verdicts.push((k, (Tone::Good, "✓"), Vec::new()));
        }
    }
    for r in 0..report.run.findings.len() {
        for f in report.run.held(r) {
            let (Some(s), Some(t)) = (key(&f.group, "supporter"), key(&f.group, "recipient"))
            else {
                continue;
            };
            let v = match (f.kind, report.severity(r, f.kind)) {
                (FindingKind::Violation, Severity::Error) => (Tone::Bad, "✗"),
                (FindingKind::Violation, _) => (Tone::Warning, "!"),
                (FindingKind::Undetermined, _) => (Tone::Info, "?"),
                (FindingKind::Overridden, _) => continue,
            };
            let k = (s.to_string(), t.to_string());
            match verdicts.iter_mut().find(|e| e.0 == k) {
                Some(e) => {
                    e.1 = worse(Some(e.1), v);
                    e.2.push(f.message.clone());
                }
                None => verdicts.push((k, v, vec![f.message.clone()])),
            }
        }
    }
    for ((s, t), _, _) in &verdicts {
        if !g.rows.contains(s) {
            g.rows.push(s.clone());
        }
        if !g.columns.contains(t) {
            g.columns.push(t.clone());
        }
    }
    for ((s, t), (tone, symbol), messages) in &verdicts {
        let i = g.rows.iter().position(|r| r == s).unwrap_or(0);
        let j = g.columns.iter().position(|c| c == t).unwrap_or(0);
        let tip = if messages.is_empty() {
            format!("{s} → {t}: {}", crate::tr!("html-no-finding"))
        } else {
            format!("{s} → {t}: {}", messages.join("; "))
        };
        g.cells.push((i, j, *tone, symbol.to_string(), tip));
    }
    if g.cells.is_empty() {
        return empty(
            "compliance-by-pairing",
            title,
            &crate::tr!("html-no-pairs-declared"),
        );
    }
    svg::grid(
        "compliance-by-pairing",
        title,
        &crate::tr!("html-caption-compliance-by-pairing"),
        &g,
    )
}

/// The group's pairing and year, as a label: `河北省→巴州 2017`.
pub fn group_label(group: &[KeyValue]) -> String {
    match (key(group, "supporter"), key(group, "recipient")) {
        (Some(s), Some(r)) => {
            let rest: Vec<&str> = group
                .iter()
                .filter(|k| k.name != "supporter" && k.name != "recipient")
                .map(|k| k.text.as_str())
                .collect();
            format!("{s}→{r} {}", rest.join(" ")).trim_end().to_string()
        }
        _ => group
            .iter()
            .map(|k| k.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn as_f64(d: rust_decimal::Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Each share indicator (a percent target) against its threshold, per pairing and year.
pub fn shares(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let mut out = String::new();
    for (k, ind) in e.indicators.iter().enumerate() {
        if ind.target_shape != Type::Percent {
            continue;
        }
        let target = as_f64(ind.target);
        let dots: Vec<Dot> = rows
            .iter()
            .filter_map(|r| {
                let s = r.indicators.get(k)?;
                let v = as_f64(*s.value.as_ref().ok()?);
                let met = s
                    .attainment
                    .is_some_and(|a| a >= rust_decimal::Decimal::ONE_HUNDRED);
                Some(Dot {
                    label: group_label(&r.group),
                    value: v,
                    text: s.value_text.clone(),
                    tone: if met { Tone::Good } else { Tone::Bad },
                })
            })
            .collect();
        let id = format!("share-{}-{}", e.name, ind.name);
        let title = crate::tr!(
            "html-chart-against-target",
            indicator = ind.name,
            evaluation = e.name
        );
        if dots.is_empty() {
            out.push_str(&empty(&id, &title, &crate::tr!("html-no-group-has-value")));
            continue;
        }
        let cmp = match ind.cmp {
            crate::ast::Cmp::Le | crate::ast::Cmp::Lt => crate::tr!("html-at-most"),
            _ => crate::tr!("html-at-least"),
        };
        let caption = crate::tr!(
            "html-chart-against-target-caption",
            indicator = ind.name,
            cmp = cmp,
            target = (ind.target * rust_decimal::Decimal::ONE_HUNDRED).normalize()
        );
        out.push_str(&svg::dots(&id, &title, &caption, &dots, target, 1.0));
    }
    out
}

/// How many groups scored in each band of ten points.
pub fn score_distribution(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let id = format!("score-distribution-{}", e.name);
    let title = crate::tr!("html-chart-score-distribution", evaluation = e.name);
    let mut bands = [0u64; 10];
    let mut undetermined = 0u64;
    for r in rows {
        match r.score {
            Some(s) => {
                let b = (as_f64(s) / 10.0).floor().clamp(0.0, 9.0) as usize;
                bands[b] += 1;
            }
            None => undetermined += 1,
        }
    }
    let mut bars: Vec<Bar> = bands
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = if i == 9 {
                "90–100".to_string()
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            let tone = grade_tone_of_score(e, i as f64 * 10.0);
            Bar {
                segments: vec![(*n, tone, format!("{label}: {n} groups"))],
                label,
            }
        })
        .collect();
    bars.reverse();
    bars.push(Bar {
        label: crate::tr!("html-undetermined"),
        segments: vec![(
            undetermined,
            Tone::Info,
            format!("undetermined: {undetermined} groups"),
        )],
    });
    if rows.is_empty() {
        return empty(&id, &title, &crate::tr!("html-no-groups"));
    }
    svg::bars(
        &id,
        &title,
        &crate::tr!("html-caption-score-distribution"),
        &bars,
    )
}

/// The tone of a grade: the best grade good, the worst bad.
fn grade_tone(e: &EvaluationPlan, grade: &str) -> Tone {
    let i = e.grades.iter().position(|g| g.0 == grade).unwrap_or(0);
    let n = e.grades.len().max(1);
    match (i, n) {
        (0, _) => Tone::Good,
        (i, n) if i + 1 == n => Tone::Bad,
        (1, _) => Tone::Neutral,
        _ => Tone::Warning,
    }
}

fn grade_tone_of_score(e: &EvaluationPlan, score: f64) -> Tone {
    let d = rust_decimal::Decimal::from_f64_retain(score).unwrap_or_default();
    match crate::score::grade(e, d) {
        Some(g) => grade_tone(e, &g),
        None => Tone::Neutral,
    }
}

/// Where a score row goes in the grades grid: the pairing, and the other keys (the year).
fn pairing_and_rest(group: &[KeyValue]) -> (String, String) {
    match (key(group, "supporter"), key(group, "recipient")) {
        (Some(s), Some(t)) => (
            format!("{s}→{t}"),
            group
                .iter()
                .filter(|k| k.name != "supporter" && k.name != "recipient")
                .map(|k| k.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => (group_label(group), String::new()),
    }
}

/// A pairing × year grid of grades.
pub fn grades_by_pairing(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let id = format!("grades-{}", e.name);
    let title = crate::tr!("html-chart-grades-by-pairing", evaluation = e.name);
    if rows.is_empty() {
        return empty(&id, &title, &crate::tr!("html-no-groups"));
    }
    let placed: Vec<(String, String)> = rows.iter().map(|r| pairing_and_rest(&r.group)).collect();
    let mut g = Grid {
        rows: Vec::new(),
        columns: Vec::new(),
        cells: Vec::new(),
    };
    for (row, col) in &placed {
        if !g.rows.contains(row) {
            g.rows.push(row.clone());
        }
        if !g.columns.contains(col) {
            g.columns.push(col.clone());
        }
    }
    g.columns.sort();
    for (r, (row, col)) in rows.iter().zip(&placed) {
        let i = g.rows.iter().position(|x| x == row).unwrap_or(0);
        let j = g.columns.iter().position(|x| x == col).unwrap_or(0);
        let (tone, symbol) = match &r.grade {
            Some(grade) => (grade_tone(e, grade), grade.clone()),
            None => (Tone::Info, "?".to_string()),
        };
        let score = r.score.map_or(crate::tr!("html-undetermined"), |s| {
            format!("{:.2}", crate::score::round2(s))
        });
        g.cells
            .push((i, j, tone, symbol, format!("{row} {col}: {score}")));
    }
    svg::grid(
        &id,
        &title,
        &crate::tr!("html-caption-grades-by-pairing"),
        &g,
    )
}

/// The responsibility matrix as a heat map: scopes down, functions and sides across.
pub fn gap_matrix(cells: &[Cell]) -> String {
    let id = "gap-matrix";
    let title = &crate::tr!("html-chart-matrix");
    let mut g = Grid {
        rows: Vec::new(),
        columns: Vec::new(),
        cells: Vec::new(),
    };
    for c in cells {
        let col = if c.side == "central" {
            c.function.clone()
        } else {
            format!("{} ({})", c.function, c.side)
        };
        if !g.rows.contains(&c.scope) {
            g.rows.push(c.scope.clone());
        }
        if !g.columns.contains(&col) {
            g.columns.push(col.clone());
        }
        let i = g.rows.iter().position(|x| *x == c.scope).unwrap_or(0);
        let j = g.columns.iter().position(|x| *x == col).unwrap_or(0);
        let (tone, symbol) = match c.basis {
            Basis::Legal => (Tone::Good, "L"),
            Basis::Political => (Tone::Warning, "P"),
            Basis::None => (Tone::Bad, "—"),
        };
        let tip = format!(
            "{} · {col}: {} ({})",
            c.scope,
            crate::gaps::matrix::holders_text(c),
            c.basis.as_str()
        );
        g.cells.push((i, j, tone, symbol.to_string(), tip));
    }
    if g.cells.is_empty() {
        return empty(id, title, &crate::tr!("html-no-active-program-or-pair"));
    }
    svg::grid(id, title, &crate::tr!("html-caption-matrix"), &g)
}

/// Findings of kind `noun` (`gap`, `conflict`) counted by code, by severity.
pub fn findings_by_code(diags: &[Diagnostic], noun: &str) -> String {
    let id = format!("{noun}s-by-code");
    let title = crate::tr!("html-chart-by-code", noun = noun);
    let mut codes: Vec<(&str, [u64; 3])> = Vec::new();
    for d in diags.iter().filter(|d| d.code.kind() == noun) {
        let slot = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        match codes.iter_mut().find(|c| c.0 == d.code.as_str()) {
            Some(c) => c.1[slot] += 1,
            None => {
                let mut n = [0; 3];
                n[slot] = 1;
                codes.push((d.code.as_str(), n));
            }
        }
    }
    codes.sort();
    if codes.is_empty() {
        return empty(&id, &title, &crate::tr!("html-none-found", noun = noun));
    }
    let bars: Vec<Bar> = codes
        .iter()
        .map(|(code, n)| Bar {
            label: format!("{code} {}", short_code(code)),
            segments: vec![
                (n[0], Tone::Bad, format!("{code}: {} errors", n[0])),
                (n[1], Tone::Warning, format!("{code}: {} warnings", n[1])),
                (n[2], Tone::Info, format!("{code}: {} infos", n[2])),
            ],
        })
        .collect();
    svg::bars(&id, &title, &crate::tr!("html-caption-by-code"), &bars)
}

fn short_code(code: &str) -> String {
    crate::diagnostic::Code::ALL
        .iter()
        .find(|c| c.as_str() == code)
        .map_or_else(String::new, |c| crate::report::codes::short(*c))
}
