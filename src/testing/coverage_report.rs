//! The coverage report as text or Markdown (JSON is the serialised [`Coverage`]).

use super::coverage::{ArticleCoverage, Coverage};

fn place(a: &ArticleCoverage) -> String {
    match (&a.document, &a.article) {
        (Some(d), Some(n)) => format!("{d} art {n}"),
        _ => "unsourced".to_string(),
    }
}

/// A line per article with provisions, the provisions no test exercises under it, and the total.
pub fn human(c: &Coverage) -> String {
    let mut out = String::from("coverage by article:\n");
    for a in c.articles.iter().filter(|a| !a.provisions.is_empty()) {
        let place = place(a);
        let pad = 30usize.saturating_sub(unicode_width::UnicodeWidthStr::width(place.as_str()));
        out.push_str(&format!(
            "  {place}{} {}/{}\n",
            " ".repeat(pad),
            a.covered,
            a.provisions.len()
        ));
        for p in a.provisions.iter().filter(|p| !p.covered) {
            out.push_str(&format!("      not exercised: {} {}\n", p.kind, p.name));
        }
    }
    out.push_str(&format!(
        "coverage: {} of {} provisions exercised ({:.2}%)\n",
        c.covered, c.provisions, c.percent
    ));
    out
}

/// A table per article, for a review.
pub fn markdown(c: &Coverage) -> String {
    let mut out = format!(
        "# Test coverage\n\n**{:.2}%** — {} of {} provisions exercised.\n\n| article | kind | provision | tests |\n|---|---|---|---|\n",
        c.percent, c.covered, c.provisions
    );
    for a in &c.articles {
        for p in &a.provisions {
            let tests = if p.covered {
                p.tests.join("; ").replace('|', "\\|")
            } else {
                "**not exercised**".to_string()
            };
            out.push_str(&format!(
                "| {} | {} | {} | {tests} |\n",
                place(a),
                p.kind,
                p.name.replace('|', "\\|")
            ));
        }
    }
    out
}
