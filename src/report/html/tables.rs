//! The report's tables: rules, codes, findings and scores, each with a filter box and sortable
//! columns (the page's script does the filtering and sorting; without it they still read).

use super::{CheckPage, esc};
use crate::diagnostic::Diagnostic;
use crate::engine::compile::EvaluationPlan;
use crate::report::overview::Overview;
use crate::score::{ScoreRow, round2};
use crate::source::SourceMap;
use std::fmt::Write;

/// A row's cells: text, and the key it sorts by when not the text.
type Cells = Vec<(String, Option<String>)>;

/// A table: `id`, header cells, and rows of `(text, sort key)` cells; `class` per row.
struct Table<'a> {
    id: &'a str,
    caption: &'a str,
    head: Vec<String>,
    rows: Vec<(String, Cells)>,
    filter: bool,
}

impl Table<'_> {
    fn render(&self) -> String {
        let mut s = String::new();
        if self.filter {
            let _ = writeln!(
                s,
                "<div class=\"controls\"><label>{filter} <input type=\"search\" class=\"filter\" data-table=\"{id}\" placeholder=\"{placeholder}\"/></label> <label>{severity} <select class=\"severity\" data-table=\"{id}\"><option value=\"\">{all}</option><option value=\"error\">{error}</option><option value=\"warning\">{warning}</option><option value=\"info\">{info}</option></select></label> <span class=\"shown\" data-table=\"{id}\"></span></div>",
                id = self.id,
                filter = esc(&crate::tr!("html-filter")),
                placeholder = esc(&crate::tr!("html-filter-placeholder")),
                severity = esc(&crate::tr!("html-head-severity")),
                all = esc(&crate::tr!("html-severity-all")),
                error = esc(&crate::tr!("html-severity-error")),
                warning = esc(&crate::tr!("html-severity-warning")),
                info = esc(&crate::tr!("html-severity-info")),
            );
        }
        let _ = write!(
            s,
            "<table class=\"data sortable\" id=\"{}\"><caption>{}</caption><thead><tr>",
            self.id,
            esc(self.caption)
        );
        for h in &self.head {
            let _ = write!(s, "<th scope=\"col\">{}</th>", esc(h));
        }
        s.push_str("</tr></thead><tbody>\n");
        for (class, cells) in &self.rows {
            let _ = write!(s, "<tr class=\"{}\">", esc(class));
            for (text, key) in cells {
                match key {
                    Some(k) => {
                        let _ = write!(s, "<td data-sort=\"{}\">{}</td>", esc(k), esc(text));
                    }
                    None => {
                        let _ = write!(s, "<td>{}</td>", esc(text));
                    }
                }
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</tbody></table>\n");
        s
    }
}

fn text(s: impl Into<String>) -> (String, Option<String>) {
    (s.into(), None)
}

fn number(n: u64) -> (String, Option<String>) {
    (n.to_string(), Some(format!("{n:012}")))
}

/// One row per rule: what it checked and what the data gave.
pub fn rules(o: &Overview) -> String {
    if o.rules.is_empty() {
        return String::new();
    }
    let rows = o
        .rules
        .iter()
        .map(|r| {
            let n = r.counts;
            let class = if n.violations > 0 { "bad" } else { "ok" };
            let name = match &r.title {
                Some(t) => format!("{} “{t}”", r.name),
                None => r.name.clone(),
            };
            (
                class.to_string(),
                vec![
                    text(name),
                    text(r.article.clone()),
                    number(n.checked),
                    number(n.passed),
                    number(n.violations),
                    number(n.undetermined),
                    number(n.overridden),
                ],
            )
        })
        .collect();
    Table {
        id: "t-rules",
        caption: &crate::tr!("html-caption-rules"),
        head: vec![
            crate::tr!("html-head-rule"),
            crate::tr!("html-head-article"),
            crate::tr!("html-head-checked"),
            crate::tr!("html-head-passed"),
            crate::tr!("html-head-violations"),
            crate::tr!("html-head-undetermined"),
            crate::tr!("html-head-overridden"),
        ],
        rows,
        filter: false,
    }
    .render()
}

/// Gap, conflict and rule-file codes, counted.
pub fn codes(o: &Overview) -> String {
    if o.codes.is_empty() {
        return "<p>No gaps, conflicts or problems in the rule files.</p>\n".into();
    }
    let rows = o
        .codes
        .iter()
        .map(|c| {
            (
                c.severity.as_str().to_string(),
                vec![
                    text(c.code.as_str()),
                    text(c.severity.as_str()),
                    number(c.count as u64),
                    text(crate::report::codes::short(c.code)),
                ],
            )
        })
        .collect();
    Table {
        id: "t-codes",
        caption: &crate::tr!("html-caption-codes"),
        head: vec![
            crate::tr!("html-head-code"),
            crate::tr!("html-head-severity"),
            crate::tr!("html-head-count"),
            crate::tr!("html-head-meaning"),
        ],
        rows,
        filter: false,
    }
    .render()
}

/// Every finding of a check, worst first, with its article and rows.
pub fn check_findings(p: &CheckPage<'_>) -> String {
    let rows: Vec<_> = p
        .overview
        .items
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let mut finding = i.message.clone();
            if let Some(h) = &i.help {
                let _ = write!(finding, " (help: {h})");
            }
            if let Some(c) = &i.command {
                let _ = write!(finding, " — {c}");
            }
            (
                i.severity.as_str().to_string(),
                vec![
                    (i.severity.as_str().to_string(), Some(format!("{:06}", k))),
                    text(i.kind.as_str()),
                    text(i.label.clone()),
                    text(i.article.clone().unwrap_or_default()),
                    text(i.place.clone()),
                    text(i.subject.clone().unwrap_or_default()),
                    text(finding),
                ],
            )
        })
        .collect();
    if rows.is_empty() {
        return "<p>No findings.</p>\n".into();
    }
    Table {
        id: "t-findings",
        caption: &crate::tr!("html-caption-findings-worst"),
        head: vec![
            crate::tr!("html-head-severity"),
            crate::tr!("html-head-kind"),
            crate::tr!("html-head-rule-or-code"),
            crate::tr!("html-head-article"),
            crate::tr!("html-head-where"),
            crate::tr!("html-head-rows"),
            crate::tr!("html-head-finding"),
        ],
        rows,
        filter: true,
    }
    .render()
}

/// Diagnostics (gaps or conflicts) as a table.
pub fn diagnostics(diags: &[Diagnostic], sources: &SourceMap) -> String {
    if diags.is_empty() {
        return "<p>No findings.</p>\n".into();
    }
    let rows = diags
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let place = d.span.map_or(d.path.clone().unwrap_or_default(), |s| {
                let l = crate::report::json::location(sources, s);
                format!("{}:{}:{}", l.file, l.line, l.column)
            });
            let mut finding = d.message.clone();
            if let Some(h) = &d.help {
                let _ = write!(finding, " (help: {h})");
            }
            let sev_rank = 2 - d.severity as u8;
            (
                d.severity.as_str().to_string(),
                vec![
                    (
                        d.severity.as_str().to_string(),
                        Some(format!("{sev_rank}{k:06}")),
                    ),
                    text(d.code.as_str()),
                    text(d.years.as_ref().map_or(String::new(), |y| y.to_string())),
                    text(place),
                    text(finding),
                ],
            )
        })
        .collect();
    Table {
        id: "t-findings",
        caption: &crate::tr!("html-caption-findings"),
        head: vec![
            crate::tr!("html-head-severity"),
            crate::tr!("html-head-code"),
            crate::tr!("html-head-years"),
            crate::tr!("html-head-where"),
            crate::tr!("html-head-finding"),
        ],
        rows,
        filter: true,
    }
    .render()
}

/// Scores: one row per group, each indicator's value and attainment, score, grade, rank.
pub fn scores(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let mut head: Vec<String> = vec![crate::tr!("html-head-group")];
    head.extend(e.indicators.iter().map(|i| i.name.clone()));
    head.extend([
        crate::tr!("html-head-score"),
        crate::tr!("html-head-grade"),
        crate::report::score::rank_heading(e),
    ]);
    let body = rows
        .iter()
        .map(|r| {
            let mut cells = vec![text(super::charts::group_label(&r.group))];
            for s in &r.indicators {
                cells.push(match s.attainment {
                    Some(a) => (
                        format!("{} → {}", s.value_text, crate::score::attainment_text(a)),
                        Some(format!("{:010.2}", round2(a))),
                    ),
                    None => (crate::tr!("html-undetermined"), Some(String::from("-"))),
                });
            }
            cells.push(match r.score {
                Some(s) => (
                    format!("{:.2}", round2(s)),
                    Some(format!("{:010.2}", round2(s))),
                ),
                None => (String::from("—"), Some(String::from("-"))),
            });
            cells.push(text(r.grade.clone().unwrap_or_else(|| "—".into())));
            cells.push(match r.rank {
                Some(k) => number(k as u64),
                None => (String::from("—"), Some(String::from("~"))),
            });
            let class = if r.score.is_some() { "ok" } else { "warning" };
            (class.to_string(), cells)
        })
        .collect();
    Table {
        id: "t-scores",
        caption: &crate::tr!("html-caption-scores"),
        head,
        rows: body,
        filter: true,
    }
    .render()
}
