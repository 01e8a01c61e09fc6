//! The coverage report as text or Markdown (JSON is the serialised [`Coverage`]).

use super::coverage::{ArticleCoverage, Coverage};

fn place(a: &ArticleCoverage) -> String {
    match (&a.document, &a.article) {
        (Some(d), Some(n)) => crate::tr!("coverage-place", document = d, article = n),
        _ => crate::tr!("overview-unsourced"),
    }
}

/// A line per article with provisions, the provisions no test exercises under it, and the total.
pub fn human(c: &Coverage) -> String {
    let mut out = format!("{}\n", crate::tr!("coverage-by-article"));
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
            let line = crate::tr!("coverage-not-exercised", kind = p.kind, name = p.name);
            out.push_str(&format!("      {line}\n"));
        }
    }
    let total = crate::tr!(
        "coverage-total",
        covered = c.covered,
        provisions = c.provisions,
        percent = format!("{:.2}", c.percent)
    );
    out.push_str(&format!("{total}\n"));
    out
}

/// A table per article, for a review.
pub fn markdown(c: &Coverage) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n| {} |\n|---|---|---|---|\n",
        crate::tr!("coverage-md-title"),
        crate::tr!(
            "coverage-md-total",
            percent = format!("{:.2}", c.percent),
            covered = c.covered,
            provisions = c.provisions
        ),
        crate::tr!("coverage-md-columns")
    );
    for a in &c.articles {
        for p in &a.provisions {
            let tests = if p.covered {
                p.tests.join("; ").replace('|', "\\|")
            } else {
                format!("**{}**", crate::tr!("coverage-md-not-exercised"))
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
