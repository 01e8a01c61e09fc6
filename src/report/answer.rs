//! The human `check` report, which leads with the answer: what was checked, one line per rule,
//! gaps and conflicts counted; then the findings worst first, one line each; then the totals and
//! what the exit code means. Columns are aligned by display width (Chinese text takes two
//! columns) and nothing depends on the terminal's width.

use super::overview::{CodeCount, Item, Kind, Overview};
use super::table::{self, Align};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use std::fmt::Write;

/// A severity word, coloured on a terminal.
fn severity(s: Severity, color: bool) -> String {
    let word = format!("{:<7}", s.as_str());
    if !color {
        return word;
    }
    let code = match s {
        Severity::Error => "31;1",
        Severity::Warning => "33;1",
        Severity::Info => "36",
    };
    format!("\u{1b}[{code}m{word}\u{1b}[0m")
}

fn heading(out: &mut String, text: &str, color: bool) {
    if color {
        let _ = writeln!(out, "\u{1b}[1m{text}\u{1b}[0m");
    } else {
        let _ = writeln!(out, "{text}");
    }
}

/// The first screen: what was checked.
fn checked(o: &Overview, out: &mut String) {
    let mut rows = vec![vec![
        "rule files".to_string(),
        format!("{}: {}", o.rule_files, o.declarations),
    ]];
    if !o.data_files.is_empty() {
        rows.push(vec!["data".into(), o.data_files.join(", ")]);
    }
    if let Some((read, ok, rejected)) = o.rows {
        rows.push(vec![
            "rows".into(),
            format!(
                "{read} read, {ok} checked, {rejected} rejected{}",
                o.not_data
            ),
        ]);
    } else if o.rules_broken {
        rows.push(vec![
            "data".into(),
            "not checked: the rule files have errors".into(),
        ]);
    } else if o.no_data {
        rows.push(vec![
            "data".into(),
            "none: pass `--data DIR`, `--data FILE` or `--data NAME=FILE`, or keep the files in a `data/` folder inside the rule folder you check".into(),
        ]);
    }
    out.push_str(&table::render(&rows, &[Align::Left, Align::Left], "  "));
}

/// The style of a cell of the rules table on a terminal: the heading bold, passes green,
/// violations red, undetermined yellow and overridden cyan, each only when not zero.
fn rule_cell_style(row: usize, column: usize, text: &str) -> Option<&'static str> {
    if row == 0 {
        return Some("1");
    }
    if text == "0" {
        return None;
    }
    match column {
        3 => Some("32"),
        4 => Some("31;1"),
        5 => Some("33"),
        6 => Some("36"),
        _ => None,
    }
}

/// One line per rule: what it checked and what the data gave.
fn rules(o: &Overview, color: bool, out: &mut String) {
    let mut rows = vec![
        [
            "rule",
            "article",
            "checked",
            "passed",
            "violations",
            "undetermined",
            "overridden",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for r in &o.rules {
        let n = r.counts;
        let mut name = r.name.clone();
        if !r.incomplete.is_empty() {
            name.push_str(" (incomplete)");
        }
        rows.push(vec![
            name,
            r.article.clone(),
            super::plural(n.checked as usize, r.unit),
            n.passed.to_string(),
            n.violations.to_string(),
            n.undetermined.to_string(),
            n.overridden.to_string(),
        ]);
    }
    let aligns = [
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    let plain = |_: usize, _: usize, _: &str| None;
    let paint: table::Paint<'_> = if color { &rule_cell_style } else { &plain };
    out.push_str(&table::render_painted(&rows, &aligns, "  ", paint));
    for r in o.rules.iter().filter(|r| !r.incomplete.is_empty()) {
        let _ = writeln!(
            out,
            "  {} is incomplete: {} could not be read in full",
            r.name,
            r.incomplete.join(", ")
        );
    }
}

/// Gap, conflict and rule-file codes, counted by code and severity.
fn codes(list: &[&CodeCount], out: &mut String) {
    let mut rows = Vec::new();
    for c in list {
        rows.push(vec![
            c.code.as_str().to_string(),
            c.severity.as_str().to_string(),
            c.count.to_string(),
            super::codes::short(c.code).to_string(),
        ]);
    }
    if rows.is_empty() {
        let _ = writeln!(out, "  none");
        return;
    }
    let aligns = [Align::Left, Align::Left, Align::Right, Align::Left];
    out.push_str(&table::render(&rows, &aligns, "  "));
}

/// One finding on one line (and its help on the next).
fn item_line(i: &Item, color: bool) -> String {
    let mut line = format!("  {}  ", severity(i.severity, color));
    match i.kind {
        Kind::Violation | Kind::Undetermined | Kind::Overridden => {
            let _ = write!(line, "{} {}", i.kind.as_str(), i.label);
            if let Some(a) = &i.article {
                let _ = write!(line, " ({a})");
            }
            if let Some(s) = &i.subject {
                let _ = write!(line, ": {s}");
            }
            let _ = write!(line, ": {}", i.message);
        }
        _ => {
            let _ = write!(line, "{}  {}  {}", i.label, i.place, i.message);
        }
    }
    if let Some(c) = &i.command {
        let what = if i.kind == Kind::Conflict {
            "shows the witness"
        } else {
            "explains it"
        };
        let _ = write!(line, " — `{c}` {what}");
    }
    line.push('\n');
    if let Some(h) = &i.help
        && i.kind == Kind::Data
    {
        let _ = writeln!(line, "           help: {h}");
    }
    line
}

/// The findings, worst first; rule-file problems with their source snippet.
fn findings(
    o: &Overview,
    diags: &[Diagnostic],
    sources: &SourceMap,
    color: bool,
    out: &mut String,
) {
    if o.items.is_empty() {
        let _ = writeln!(out, "  none");
        return;
    }
    for i in &o.items {
        match i.diagnostic.and_then(|k| diags.get(k)) {
            Some(d) => out.push_str(&super::human::render(
                std::slice::from_ref(d),
                sources,
                color,
            )),
            None => out.push_str(&item_line(i, color)),
        }
    }
    for h in &o.hidden {
        let _ = writeln!(
            out,
            "  {}  … and {} more of {} — {}",
            severity(h.severity, color),
            h.more,
            h.label,
            h.command
        );
    }
}

/// The whole report.
pub fn render(o: &Overview, diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let mut out = String::new();
    heading(&mut out, "checked", color);
    checked(o, &mut out);
    if !o.rules.is_empty() {
        out.push('\n');
        heading(&mut out, "rules", color);
        rules(o, color, &mut out);
    }
    let (static_codes, found): (Vec<&CodeCount>, Vec<&CodeCount>) =
        o.codes.iter().partition(|c| c.code.kind() == "diagnostic");
    if !static_codes.is_empty() {
        out.push('\n');
        heading(&mut out, "problems in the rule files", color);
        codes(&static_codes, &mut out);
    }
    if !o.rules_broken {
        out.push('\n');
        heading(&mut out, "gaps and conflicts", color);
        codes(&found, &mut out);
    }
    out.push('\n');
    heading(&mut out, "findings, worst first", color);
    findings(o, diags, sources, color, &mut out);
    out.push('\n');
    let _ = writeln!(out, "total: {}", super::count_line(o.counts));
    let _ = writeln!(out, "{}", o.exit_words);
    out
}
