//! The HTML report: one self-contained page an official can e-mail — a summary, inline SVG
//! charts drawn by duikou, tables of findings that can be filtered and sorted, and the receipt.
//! No network access, no external file; readable in print and in black and white.
//!
//! The page is well-formed XML as well as HTML (every element closed, style and script in
//! CDATA sections that HTML reads as comments), so tests can parse it strictly.

mod charts;
mod svg;
mod tables;

use crate::RuleSet;
use crate::diagnostic::Diagnostic;
use crate::engine::compile::EvaluationPlan;
use crate::gaps::matrix::Cell;
use crate::report::data::CheckReport;
use crate::report::overview::Overview;
use crate::score::ScoreRow;
use std::fmt::Write;

/// Text for HTML: `& < > " '` escaped; control characters (which data can hold, and which XML
/// forbids) shown as U+FFFD.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The page around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        concat!(
            "<!DOCTYPE html>\n",
            r#"<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}"><head><meta charset="utf-8"/>"#,
            r#"<meta name="viewport" content="width=device-width, initial-scale=1"/>"#,
            r#"<meta name="generator" content="duikou {version}"/>"#,
            "<title>{title}</title>\n<style>/*<![CDATA[*/\n{style}\n/*]]>*/</style></head>\n",
            "<body>{defs}\n<main>\n{body}\n</main>\n",
            "<script>//<![CDATA[\n{script}\n//]]></script></body></html>\n"
        ),
        lang = match crate::i18n::current() {
            crate::Lang::En => "en",
            crate::Lang::Zh => "zh-CN",
        },
        version = env!("CARGO_PKG_VERSION"),
        title = esc(title),
        style = STYLE,
        defs = svg::patterns(),
        body = body,
        script = SCRIPT,
    )
}

/// `<section>` with a heading.
fn section(id: &str, heading: &str, inner: &str) -> String {
    format!(
        "<section id=\"{id}\"><h2>{}</h2>\n{inner}</section>\n",
        esc(heading)
    )
}

/// The receipt: engine version and the SHA-256 of every rule and data file.
fn receipt(rules: &RuleSet, data: &indexmap::IndexMap<String, String>) -> String {
    let mut rows = String::new();
    for (_, f) in rules.sources().files() {
        let _ = write!(
            rows,
            "<tr><td>rules</td><td>{}</td><td><code>{}</code></td></tr>",
            esc(&f.display_path()),
            esc(&f.sha256)
        );
    }
    for (file, hash) in data {
        let _ = write!(
            rows,
            "<tr><td>data</td><td>{}</td><td><code>{}</code></td></tr>",
            esc(file),
            esc(hash)
        );
    }
    let inner = format!(
        "<p>engine: <code>duikou {}</code></p>\n<table class=\"receipt\"><thead><tr><th>kind</th><th>file</th><th>SHA-256</th></tr></thead><tbody>{rows}</tbody></table>\n",
        env!("CARGO_PKG_VERSION")
    );
    section("receipt", &crate::tr!("html-receipt"), &inner)
}

/// Charts side by side where the page is wide enough.
fn wrap_charts(charts: &str) -> String {
    format!("<div class=\"charts\">{charts}</div>\n")
}

/// Summary figures as a definition list.
fn figures(items: &[(&str, String)]) -> String {
    let mut s = String::from("<dl class=\"figures\">");
    for (k, v) in items {
        let _ = write!(s, "<div><dt>{}</dt><dd>{}</dd></div>", esc(k), esc(v));
    }
    s.push_str("</dl>\n");
    s
}

/// What a `check --format html` page is made from.
pub struct CheckPage<'a> {
    pub overview: &'a Overview,
    pub rules: &'a RuleSet,
    pub diagnostics: &'a [Diagnostic],
    pub data: Option<&'a CheckReport<'a>>,
    /// Each evaluation's scores on the same data.
    pub scores: &'a [(String, Vec<ScoreRow>)],
    /// The responsibility matrix.
    pub matrix: Vec<Cell>,
}

fn check_summary(o: &Overview) -> String {
    let mut items = vec![
        (
            "rule files",
            format!("{}: {}", o.rule_files, o.declarations),
        ),
        ("total", crate::report::count_line(o.counts)),
    ];
    if !o.data_files.is_empty() {
        items.push(("data", o.data_files.join(", ")));
    }
    if let Some((read, ok, rejected)) = o.rows {
        items.push((
            "rows",
            format!("{read} read, {ok} checked, {rejected} rejected"),
        ));
    }
    let mut s = format!(
        "<p class=\"verdict exit-{}\">{}</p>\n",
        o.exit,
        esc(&o.exit_words)
    );
    s.push_str(&figures(&items));
    s
}

/// The `check` report as a page.
pub fn check(p: &CheckPage<'_>) -> String {
    let o = p.overview;
    let mut body = String::from("<h1>duikou check</h1>\n");
    body.push_str(&section(
        "summary",
        &crate::tr!("html-summary"),
        &check_summary(o),
    ));
    let mut charts = String::new();
    if let Some(report) = p.data {
        charts.push_str(&charts::violations_by_rule(o));
        charts.push_str(&charts::compliance_by_pairing(p.rules, report));
    }
    let evaluations = p.data.map(|r| r.plan.evaluations.as_slice()).unwrap_or(&[]);
    for (name, rows) in p.scores {
        if let Some(e) = evaluations.iter().find(|e| &e.name == name) {
            charts.push_str(&score_charts(e, rows));
        }
    }
    if o.rules_broken {
        charts.push_str(&charts::not_checked());
    } else {
        charts.push_str(&charts::gap_matrix(&p.matrix));
        charts.push_str(&charts::findings_by_code(p.diagnostics, "gap"));
        charts.push_str(&charts::findings_by_code(p.diagnostics, "conflict"));
    }
    body.push_str(&section(
        "charts",
        &crate::tr!("html-charts"),
        &wrap_charts(&charts),
    ));
    let counted = format!("{}{}", tables::rules(o), tables::codes(o));
    body.push_str(&section(
        "rules",
        &crate::tr!("html-rules-gaps-conflicts"),
        &counted,
    ));
    body.push_str(&section(
        "findings",
        &crate::tr!("html-findings"),
        &tables::check_findings(p),
    ));
    let empty = indexmap::IndexMap::new();
    let data = p.data.map_or(&empty, |r| &r.run.hashes);
    body.push_str(&receipt(p.rules, data));
    page("duikou check", &body)
}

/// What a `gaps` or `conflicts` page is made from.
pub struct FindingsPage<'a> {
    pub rules: &'a RuleSet,
    pub findings: &'a [Diagnostic],
    /// `gap` or `conflict`.
    pub noun: &'static str,
    /// The responsibility matrix, for gaps.
    pub matrix: Vec<Cell>,
}

/// The `gaps` or `conflicts` report as a page.
pub fn findings(p: &FindingsPage<'_>) -> String {
    let title = format!("duikou {}s", p.noun);
    let counts = crate::report::Counts::of(p.findings);
    let mut body = format!("<h1>{}</h1>\n", esc(&title));
    let summary = figures(&[
        ("rule files", p.rules.sources().files().count().to_string()),
        (
            "found",
            format!(
                "{}: {}",
                crate::report::plural(p.findings.len(), p.noun),
                crate::report::count_line(counts)
            ),
        ),
    ]);
    body.push_str(&section("summary", &crate::tr!("html-summary"), &summary));
    let mut charts = charts::findings_by_code(p.findings, p.noun);
    if !p.matrix.is_empty() {
        charts.push_str(&charts::gap_matrix(&p.matrix));
    }
    body.push_str(&section(
        "charts",
        &crate::tr!("html-charts"),
        &wrap_charts(&charts),
    ));
    body.push_str(&section(
        "findings",
        &crate::tr!("html-findings"),
        &tables::diagnostics(p.findings, p.rules.sources()),
    ));
    body.push_str(&receipt(p.rules, &indexmap::IndexMap::new()));
    page(&title, &body)
}

/// The charts of one evaluation's scores.
fn score_charts(e: &EvaluationPlan, rows: &[ScoreRow]) -> String {
    let mut s = charts::shares(e, rows);
    s.push_str(&charts::score_distribution(e, rows));
    s.push_str(&charts::grades_by_pairing(e, rows));
    s
}

/// The `score` report as a page.
pub fn score(
    rules: &RuleSet,
    e: &EvaluationPlan,
    rows: &[ScoreRow],
    data: &indexmap::IndexMap<String, String>,
) -> String {
    let title = format!("duikou score: {}", e.name);
    let scored = rows.iter().filter(|r| r.score.is_some()).count();
    let mut body = format!("<h1>{}</h1>\n", esc(&title));
    let mut summary = figures(&[
        (
            "evaluation",
            e.title.clone().unwrap_or_else(|| e.name.clone()),
        ),
        (
            "groups",
            format!(
                "{}: {scored} scored, {} undetermined",
                rows.len(),
                rows.len() - scored
            ),
        ),
    ]);
    let undetermined = crate::report::score::findings(rows);
    if !undetermined.is_empty() {
        summary.push_str("<ul class=\"notes\">");
        for line in &undetermined {
            let _ = write!(summary, "<li>{}</li>", esc(line));
        }
        summary.push_str("</ul>\n");
    }
    body.push_str(&section("summary", &crate::tr!("html-summary"), &summary));
    body.push_str(&section(
        "charts",
        &crate::tr!("html-charts"),
        &wrap_charts(&score_charts(e, rows)),
    ));
    body.push_str(&section(
        "scores",
        &crate::tr!("html-scores"),
        &tables::scores(e, rows),
    ));
    body.push_str(&receipt(rules, data));
    page(&title, &body)
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn text_cannot_break_out_of_the_page() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{1}b\nc"), "a\u{fffd}b\nc");
    }
}
