//! Where each declaration is published: the page and anchor of every name, document, article
//! and normative item, and of any source position.

use super::html::{esc, link};
use crate::RuleSet;
use crate::source::Span;
use std::collections::HashMap;

/// The address of every declaration in the site.
pub struct Links {
    names: HashMap<String, String>,
    documents: Vec<(String, String)>,
    /// `(file, start, end, href)` of every article and declaration, to place a source position.
    places: Vec<(u32, u32, u32, String)>,
}

/// The page of the document at `index` in declaration order.
pub fn document_page(index: usize) -> String {
    format!("doc-{}.html", index + 1)
}

/// The anchor of an article within its document's page.
pub fn article_anchor(number: &str) -> String {
    format!("art-{}", number.replace('.', "_"))
}

impl Links {
    pub fn new(rules: &RuleSet) -> Links {
        let s = rules.symbols();
        let mut names = HashMap::new();
        let mut places = Vec::new();
        let mut place = |span: Span, href: String| {
            places.push((span.file.0, span.start, span.end, href));
        };
        let decls = [
            (
                "actor",
                s.actors
                    .values()
                    .map(|a| (&a.name.text, a.span))
                    .collect::<Vec<_>>(),
            ),
            (
                "program",
                s.programs
                    .values()
                    .map(|a| (&a.name.text, a.span))
                    .collect(),
            ),
            (
                "function",
                s.functions
                    .values()
                    .map(|a| (&a.name.text, a.span))
                    .collect(),
            ),
            (
                "record",
                s.records.values().map(|a| (&a.name.text, a.span)).collect(),
            ),
        ];
        for (kind, list) in decls {
            for (i, (name, span)) in list.into_iter().enumerate() {
                let href = format!("declarations.html#{kind}-{}", i + 1);
                names.insert(name.clone(), href.clone());
                place(span, href);
            }
        }
        let mut documents = Vec::new();
        for (i, d) in s.documents.values().enumerate() {
            let page = document_page(i);
            names.insert(d.name.text.clone(), page.clone());
            documents.push((d.name.text.clone(), page.clone()));
            for a in &d.articles {
                place(a.span, format!("{page}#{}", article_anchor(&a.number)));
            }
            place(d.span, page);
        }
        for (i, r) in s.rules.values().enumerate() {
            let href = norm_href(r.source.as_ref(), &format!("rule-{}", i + 1));
            names.insert(r.item.name.text.clone(), href.clone());
            place(r.item.span, href);
        }
        for (i, e) in s.evaluations.values().enumerate() {
            let href = norm_href(e.source.as_ref(), &format!("evaluation-{}", i + 1));
            names.insert(e.item.name.text.clone(), href.clone());
            place(e.item.span, href);
        }
        Links {
            names,
            documents,
            places,
        }
    }

    /// The address of a declared name.
    pub fn href(&self, name: &str) -> Option<&str> {
        self.names.get(name).map(String::as_str)
    }

    /// A name as a link to its declaration, or as plain text when it has none (`national`).
    pub fn name(&self, name: &str) -> String {
        match self.href(name) {
            Some(h) => link(h, name),
            None => esc(name),
        }
    }

    /// The page of a document by name.
    pub fn document(&self, name: &str) -> Option<&str> {
        self.documents
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.as_str())
    }

    /// The narrowest published place that holds a source position.
    pub fn at(&self, span: Span) -> Option<&str> {
        self.places
            .iter()
            .filter(|(f, s, e, _)| *f == span.file.0 && *s <= span.start && span.start < *e)
            .min_by_key(|(_, s, e, _)| e - s)
            .map(|(_, _, _, h)| h.as_str())
    }
}

/// A sourced norm lives in its article on its document's page; an unsourced one on its own page.
fn norm_href(source: Option<&crate::symbols::Source>, anchor: &str) -> String {
    let page = source.map_or_else(
        || "unsourced.html".to_string(),
        |src| document_page(src.id.index()),
    );
    format!("{page}#{anchor}")
}
