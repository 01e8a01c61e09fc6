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
    let _ = writeln!(out, "## {}\n", crate::tr!("md-checked"));
    let _ = writeln!(
        out,
        "- **{}:** {}: {}",
        crate::tr!("md-rule-files"),
        o.rule_files,
        o.declarations
    );
    let data = crate::tr!("md-data");
    if !o.data_files.is_empty() {
        let _ = writeln!(out, "- **{data}:** {}", o.data_files.join(", "));
    }
    if let Some((read, ok, rejected)) = o.rows {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            crate::tr!("md-rows"),
            crate::tr!(
                "answer-rows-read-checked-rejected",
                read = read,
                ok = ok,
                rejected = rejected,
                not_data = o.not_data
            )
        );
    } else if o.rules_broken {
        let _ = writeln!(out, "- **{data}:** {}", crate::tr!("md-not-checked"));
    } else if o.no_data {
        let _ = writeln!(out, "- **{data}:** {}", crate::tr!("md-none-given"));
    }
    out.push('\n');
}

fn rules(o: &Overview, out: &mut String) {
    if o.rules.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", crate::tr!("md-rules"));
    let _ = writeln!(out, "{}", crate::tr!("md-rules-head"));
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|");
    for r in &o.rules {
        let n = r.counts;
        let name = if r.incomplete.is_empty() {
            cell(&r.name)
        } else {
            format!("{}{}", cell(&r.name), crate::tr!("answer-incomplete-mark"))
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
    let _ = writeln!(out, "## {}\n", crate::tr!("md-gaps-conflicts"));
    let found: Vec<_> = o
        .codes
        .iter()
        .filter(|c| c.code.kind() != "diagnostic")
        .collect();
    if found.is_empty() {
        let _ = writeln!(out, "{}\n", crate::tr!("md-none"));
        return;
    }
    let _ = writeln!(out, "{}\n|---|---|---:|---|", crate::tr!("md-codes-head"));
    for c in found {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            c.code.as_str(),
            super::answer::severity_word(c.severity),
            c.count,
            cell(&super::codes::short(c.code))
        );
    }
    out.push('\n');
}

fn findings(o: &Overview, out: &mut String) {
    let _ = writeln!(out, "## {}\n", crate::tr!("md-findings"));
    if o.items.is_empty() {
        let _ = writeln!(out, "{}\n", crate::tr!("md-none"));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n|---|---|---|---|---|",
        crate::tr!("md-findings-head")
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
            let _ = write!(text, " ({}: {h})", crate::tr!("report-help"));
        }
        if let Some(c) = &i.command {
            let _ = write!(text, " — `{c}`");
        }
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {} | {} |",
            super::answer::severity_word(i.severity),
            super::answer::kind_word(i.kind),
            i.label.replace('`', ""),
            cell(&place),
            cell(&text)
        );
    }
    for h in &o.hidden {
        let _ = writeln!(
            out,
            "| {} | | `{}` | | {} |",
            super::answer::severity_word(h.severity),
            h.label.replace('`', ""),
            crate::tr!("md-and-more", more = h.more, command = cell(&h.command))
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
        "**{}:** {}  \n**{}**",
        crate::tr!("md-total"),
        super::count_line(o.counts),
        o.exit_words
    );
    out
}
