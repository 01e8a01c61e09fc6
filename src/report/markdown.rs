//! The `check` report in Markdown, to paste into a report or a merge request: the same order as
//! the terminal report (what was checked, one row per rule, codes counted, findings worst first,
//! totals and exit code).

use super::overview::{Kind, Overview};
use std::fmt::Write;

/// Text for a table cell: no line breaks, `|` escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn checked(o: &Overview, out: &mut String) {
    let _ = writeln!(out, "## Checked\n");
    let _ = writeln!(
        out,
        "- **Rule files:** {}: {}",
        o.rule_files, o.declarations
    );
    if !o.data_files.is_empty() {
        let _ = writeln!(out, "- **Data:** {}", o.data_files.join(", "));
    }
    if let Some((read, ok, rejected)) = o.rows {
        let _ = writeln!(
            out,
            "- **Rows:** {read} read, {ok} checked, {rejected} rejected{}",
            o.not_data
        );
    } else if o.rules_broken {
        let _ = writeln!(out, "- **Data:** not checked: the rule files have errors");
    } else if o.no_data {
        let _ = writeln!(out, "- **Data:** none given");
    }
    out.push('\n');
}

fn rules(o: &Overview, out: &mut String) {
    if o.rules.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Rules\n");
    let _ = writeln!(
        out,
        "| rule | article | checked | passed | violations | undetermined | overridden |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|");
    for r in &o.rules {
        let n = r.counts;
        let name = if r.incomplete.is_empty() {
            cell(&r.name)
        } else {
            format!("{} (incomplete)", cell(&r.name))
        };
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} |",
            cell(&r.article),
            super::plural(n.checked as usize, r.unit),
            n.passed,
            n.violations,
            n.undetermined,
            n.overridden
        );
    }
    out.push('\n');
}

fn codes(o: &Overview, out: &mut String) {
    let _ = writeln!(out, "## Gaps and conflicts\n");
    let found: Vec<_> = o
        .codes
        .iter()
        .filter(|c| c.code.kind() != "diagnostic")
        .collect();
    if found.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    let _ = writeln!(
        out,
        "| code | severity | count | meaning |\n|---|---|---:|---|"
    );
    for c in found {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            c.code.as_str(),
            c.severity.as_str(),
            c.count,
            cell(&super::codes::short(c.code))
        );
    }
    out.push('\n');
}

fn findings(o: &Overview, out: &mut String) {
    let _ = writeln!(out, "## Findings, worst first\n");
    if o.items.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    let _ = writeln!(
        out,
        "| severity | kind | what | where | finding |\n|---|---|---|---|---|"
    );
    for i in &o.items {
        let place = match (&i.article, i.kind) {
            (Some(a), Kind::Violation | Kind::Undetermined | Kind::Overridden) => a.clone(),
            _ => i.place.clone(),
        };
        let mut text = match &i.subject {
            Some(s) => format!("{s}: {}", i.message),
            None => i.message.clone(),
        };
        if let Some(h) = &i.help {
            let _ = write!(text, " (help: {h})");
        }
        if let Some(c) = &i.command {
            let _ = write!(text, " — `{c}`");
        }
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {} | {} |",
            i.severity.as_str(),
            i.kind.as_str(),
            i.label.replace('`', ""),
            cell(&place),
            cell(&text)
        );
    }
    for h in &o.hidden {
        let _ = writeln!(
            out,
            "| {} | | `{}` | | … and {} more ({}) |",
            h.severity.as_str(),
            h.label.replace('`', ""),
            h.more,
            cell(&h.command)
        );
    }
    out.push('\n');
}

/// The whole check report in Markdown.
pub fn check(o: &Overview) -> String {
    let mut out = String::from("# duikou check\n\n");
    checked(o, &mut out);
    rules(o, &mut out);
    if !o.rules_broken {
        codes(o, &mut out);
    }
    findings(o, &mut out);
    let _ = writeln!(
        out,
        "**Total:** {}  \n**{}**",
        super::count_line(o.counts),
        o.exit_words
    );
    out
}
