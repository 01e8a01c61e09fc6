//! The diff report as text for a person, as Markdown for a review, or as JSON.

use super::{Change, DataChanges, DiffReport};

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("—")
}

fn change_line(c: &Change) -> String {
    let sign = match c.change {
        "added" => "+",
        "removed" => "-",
        _ => "~",
    };
    let change = change_word(c.change);
    if c.detail.is_empty() {
        format!("{sign} {change} {}", c.item)
    } else {
        format!("{sign} {change} {}: {}", c.item, c.detail)
    }
}

/// The word for a kind of change in the current language (JSON keeps the English value).
fn change_word(change: &str) -> String {
    match change {
        "added" => crate::tr!("diff-added"),
        "removed" => crate::tr!("diff-removed"),
        "changed" => crate::tr!("diff-changed"),
        "appeared" => crate::tr!("diff-appeared"),
        "disappeared" => crate::tr!("diff-disappeared"),
        other => other.to_string(),
    }
}

/// Plain text: one section per layer, one line per change.
pub fn human(r: &DiffReport) -> String {
    let mut out = String::new();
    let section = |out: &mut String, title: &str, lines: Vec<String>| {
        out.push_str(&format!("{title} ({})\n", lines.len()));
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    };
    section(
        &mut out,
        &crate::tr!("diff-documents-articles"),
        r.text.iter().map(change_line).collect(),
    );
    section(
        &mut out,
        &crate::tr!("diff-norms"),
        r.norms.iter().map(change_line).collect(),
    );
    section(
        &mut out,
        &crate::tr!("diff-gaps-conflicts"),
        r.findings
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}[{}]: {}",
                    if f.change == "appeared" { "+" } else { "-" },
                    change_word(f.change),
                    f.severity,
                    f.code,
                    f.message
                )
            })
            .collect(),
    );
    if let Some(d) = &r.data {
        out.push_str(&data_human(d));
    }
    out
}

fn data_human(d: &DataChanges) -> String {
    let mut out = format!(
        "verdicts on the data ({} rows read; {} rules change)\n",
        d.rows_read,
        d.rules.len()
    );
    for p in &d.problems {
        out.push_str(&format!("  rejected: {p}\n"));
    }
    for r in &d.rules {
        let counts: Vec<String> = r.counts.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        out.push_str(&format!("  rule {}: {}\n", r.rule, counts.join(", ")));
        for c in &r.first {
            out.push_str(&format!("    {} → {}  {}\n", c.from, c.to, c.case));
        }
    }
    out.push_str(&format!("scores ({} change)\n", d.scores.len()));
    for s in &d.scores {
        out.push_str(&format!(
            "  {} {}: {} ({}) → {} ({})\n",
            s.evaluation,
            s.group,
            opt(&s.old_score),
            opt(&s.old_grade),
            opt(&s.new_score),
            opt(&s.new_grade)
        ));
    }
    out
}

/// Markdown, for a review or a pull request.
pub fn markdown(r: &DiffReport) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = String::from("# What the draft changes\n\n");
    for (title, list) in [("Documents and articles", &r.text), ("Norms", &r.norms)] {
        out.push_str(&format!("## {title}\n\n"));
        if list.is_empty() {
            out.push_str("No change.\n\n");
            continue;
        }
        out.push_str("| change | item | detail |\n|---|---|---|\n");
        for c in list {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                c.change,
                esc(&c.item),
                esc(&c.detail)
            ));
        }
        out.push('\n');
    }
    out.push_str("## Gaps and conflicts\n\n");
    if r.findings.is_empty() {
        out.push_str("No change.\n\n");
    } else {
        out.push_str("| change | code | severity | finding |\n|---|---|---|---|\n");
        for f in &r.findings {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                f.change,
                f.code,
                f.severity,
                esc(&f.message)
            ));
        }
        out.push('\n');
    }
    if let Some(d) = &r.data {
        out.push_str(&format!(
            "## Verdicts on the data\n\n{} rows read.\n\n",
            d.rows_read
        ));
        for p in &d.problems {
            out.push_str(&format!("- rejected: {}\n", esc(p)));
        }
        for rc in &d.rules {
            let counts: Vec<String> = rc.counts.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            out.push_str(&format!(
                "- **{}** — {}\n",
                esc(&rc.rule),
                counts.join(", ")
            ));
            for c in &rc.first {
                out.push_str(&format!("  - {} → {}: {}\n", c.from, c.to, esc(&c.case)));
            }
        }
        out.push_str("\n## Scores\n\n");
        if d.scores.is_empty() {
            out.push_str("No change.\n");
        } else {
            out.push_str("| evaluation | group | old | new |\n|---|---|---|---|\n");
            for s in &d.scores {
                out.push_str(&format!(
                    "| {} | {} | {} ({}) | {} ({}) |\n",
                    esc(&s.evaluation),
                    esc(&s.group),
                    opt(&s.old_score),
                    opt(&s.old_grade),
                    opt(&s.new_score),
                    opt(&s.new_grade)
                ));
            }
        }
    }
    out
}

/// The versioned JSON report.
pub fn json(r: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(r).expect("the report serialises");
    s.push('\n');
    s
}
