//! The human `check` report, which leads with the answer: what was checked, one line per rule,
//! gaps and conflicts counted; then the findings worst first, one line each; then the totals and
//! what the exit code means. Columns are aligned by display width (Chinese text takes two
//! columns) and nothing depends on the terminal's width.

use super::overview::{CodeCount, Item, Kind, Overview};
use super::table::{self, Align};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use std::fmt::Write;

/// The word for a severity in the current language (`error`, `错误`).
pub fn severity_word(s: Severity) -> String {
    match s {
        Severity::Error => crate::tr!("severity-error"),
        Severity::Warning => crate::tr!("severity-warning"),
        Severity::Info => crate::tr!("severity-info"),
    }
}

/// The word for a kind of finding in the current language.
pub(crate) fn kind_word(k: Kind) -> String {
    match k {
        Kind::RuleFile => crate::tr!("kind-rule-file"),
        Kind::Data => crate::tr!("kind-data"),
        Kind::Violation => crate::tr!("kind-violation"),
        Kind::Conflict => crate::tr!("kind-conflict"),
        Kind::Gap => crate::tr!("kind-gap"),
        Kind::Undetermined => crate::tr!("kind-undetermined"),
        Kind::Overridden => crate::tr!("kind-overridden"),
    }
}

/// A severity word, coloured on a terminal.
fn severity(s: Severity, color: bool) -> String {
    let word = super::pad(&severity_word(s), 7);
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
        crate::tr!("answer-rule-files"),
        format!("{}: {}", o.rule_files, o.declarations),
    ]];
    if !o.data_files.is_empty() {
        rows.push(vec![crate::tr!("answer-data"), o.data_files.join(", ")]);
    }
    if let Some((read, ok, rejected)) = o.rows {
        rows.push(vec![
            crate::tr!("answer-rows"),
            crate::tr!(
                "answer-rows-read-checked-rejected",
                read = read,
                ok = ok,
                rejected = rejected,
                not_data = o.not_data
            ),
        ]);
    } else if o.rules_broken {
        rows.push(vec![
            crate::tr!("answer-data"),
            crate::tr!("answer-data-not-checked"),
        ]);
    } else if o.no_data {
        rows.push(vec![
            crate::tr!("answer-data"),
            crate::tr!("answer-data-none"),
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
    let mut rows = vec![vec![
        crate::tr!("answer-col-rule"),
        crate::tr!("answer-col-article"),
        crate::tr!("answer-col-checked"),
        crate::tr!("answer-col-passed"),
        crate::tr!("answer-col-violations"),
        crate::tr!("answer-col-undetermined"),
        crate::tr!("answer-col-overridden"),
    ]];
    for r in &o.rules {
        let n = r.counts;
        let mut name = r.name.clone();
        if !r.incomplete.is_empty() {
            name.push_str(&crate::tr!("answer-incomplete-mark"));
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
            "  {}",
            crate::tr!(
                "answer-rule-incomplete",
                rule = r.name,
                files = r.incomplete.join(", ")
            )
        );
    }
}

/// Gap, conflict and rule-file codes, counted by code and severity.
fn codes(list: &[&CodeCount], out: &mut String) {
    let mut rows = Vec::new();
    for c in list {
        rows.push(vec![
            c.code.as_str().to_string(),
            severity_word(c.severity),
            c.count.to_string(),
            super::codes::short(c.code),
        ]);
    }
    if rows.is_empty() {
        let _ = writeln!(out, "  {}", crate::tr!("answer-none"));
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
            let _ = write!(line, "{} {}", kind_word(i.kind), i.label);
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
            crate::tr!("answer-shows-witness", command = c)
        } else {
            crate::tr!("answer-explains-it", command = c)
        };
        let _ = write!(line, " — {what}");
    }
    line.push('\n');
    if let Some(h) = &i.help
        && i.kind == Kind::Data
    {
        let _ = writeln!(line, "           {}: {h}", crate::tr!("report-help"));
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
        let _ = writeln!(out, "  {}", crate::tr!("answer-none"));
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
            "  {}  {}",
            severity(h.severity, color),
            crate::tr!(
                "answer-and-more",
                more = h.more,
                label = h.label,
                command = h.command
            )
        );
    }
}

/// The whole report.
pub fn render(o: &Overview, diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let mut out = String::new();
    heading(&mut out, &crate::tr!("answer-heading-checked"), color);
    checked(o, &mut out);
    if !o.rules.is_empty() {
        out.push('\n');
        heading(&mut out, &crate::tr!("answer-heading-rules"), color);
        rules(o, color, &mut out);
    }
    let (static_codes, found): (Vec<&CodeCount>, Vec<&CodeCount>) =
        o.codes.iter().partition(|c| c.code.kind() == "diagnostic");
    if !static_codes.is_empty() {
        out.push('\n');
        heading(&mut out, &crate::tr!("answer-heading-problems"), color);
        codes(&static_codes, &mut out);
    }
    if !o.rules_broken {
        out.push('\n');
        heading(
            &mut out,
            &crate::tr!("answer-heading-gaps-conflicts"),
            color,
        );
        codes(&found, &mut out);
    }
    out.push('\n');
    heading(&mut out, &crate::tr!("answer-heading-findings"), color);
    findings(o, diags, sources, color, &mut out);
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        crate::tr!("answer-total", counts = super::count_line(o.counts))
    );
    let _ = writeln!(out, "{}", o.exit_words);
    out
}
