//! `duikou doc`: the rule set as a static website an official reads in a browser, offline and
//! from `file://`: an index, a page per document with each article's wording beside its norms
//! (each also as a plain Chinese sentence), the responsibility matrix, a page per gap and
//! conflict, and a search box over names and article text.

mod declarations;
mod document;
mod findings;
mod html;
mod index;
mod links;
mod phrase;
mod search;
mod sentence;

use crate::RuleSet;
use crate::diagnostic::Diagnostic;
use links::Links;
use std::path::Path;

/// The pages and files of the site, by file name, in a stable order.
#[derive(Debug, Clone)]
pub struct Site {
    /// `(file name, contents)`, in a stable order.
    pub files: Vec<(String, String)>,
}

/// Builds the site of a rule set that has no errors.
///
/// ```
/// let rules = duikou::RuleSet::from_sources(vec![("a.dk".into(),
///     "program 援疆 { since: 2010 }".into())]);
/// let site = duikou::doc::build(&rules);
/// assert!(site.files.iter().any(|(name, _)| name == "index.html"));
/// ```
pub fn build(rules: &RuleSet) -> Site {
    let links = Links::new(rules);
    let found = gaps_and_conflicts(rules);
    let pages = findings::finding_pages(&found);
    let mut files = vec![
        ("index.html".to_string(), index::index_page(rules, &links)),
        (
            "declarations.html".to_string(),
            declarations::declarations_page(rules, &links),
        ),
        (
            "unsourced.html".to_string(),
            document::unsourced_page(rules, &links),
        ),
        (
            "matrix.html".to_string(),
            findings::matrix_page(rules, &links),
        ),
        (
            "findings.html".to_string(),
            findings::findings_page(&found, &pages),
        ),
        ("search.html".to_string(), search::search_page()),
        (
            "search-index.js".to_string(),
            search::index_script(rules, &links),
        ),
        (
            "search.js".to_string(),
            include_str!("assets/search.js").to_string(),
        ),
        (
            "style.css".to_string(),
            include_str!("assets/style.css").to_string(),
        ),
    ];
    for (id, _) in rules.symbols().documents_by_id() {
        files.push((
            links::document_page(id.index()),
            document::document_page(rules, &links, id),
        ));
    }
    for (d, page) in found.iter().zip(pages) {
        files.push((page, findings::finding_detail(rules, &links, d)));
    }
    Site { files }
}

/// Every gap and conflict of the rule set, gaps first.
fn gaps_and_conflicts(rules: &RuleSet) -> Vec<Diagnostic> {
    let mut found = crate::gaps::analyze(rules.symbols(), &Default::default());
    let plan = crate::engine::compile::Plan::build(rules.symbols(), rules.sources());
    found.extend(crate::conflicts::analyze(rules.symbols(), &plan));
    found
}

impl Site {
    /// Writes every file into `dir`, creating it.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in &self.files {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    }
}
