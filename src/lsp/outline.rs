//! Document symbols (document → article → norm; actors, programs, records with their fields…)
//! and workspace symbols.

use super::analysis::At;
use super::index::{Occurrence, Target};
use super::uri;
use super::workspace::Workspace;
use crate::source::Span;
use crate::symbols::{DeclKind, Source};
use lsp_types::{DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind};

fn kind_of(k: DeclKind) -> SymbolKind {
    match k {
        DeclKind::Actor => SymbolKind::CLASS,
        DeclKind::Program => SymbolKind::ENUM,
        DeclKind::Function => SymbolKind::INTERFACE,
        DeclKind::Record => SymbolKind::STRUCT,
        DeclKind::Document => SymbolKind::MODULE,
        DeclKind::Rule | DeclKind::Evaluation => SymbolKind::EVENT,
    }
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn symbol(
    at: &At<'_>,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: at.index.range(span.start, span.end),
        selection_range: at.index.range(selection.start, selection.end),
        children: (!children.is_empty()).then_some(children),
    }
}

/// A normative item of this file, with the article it stands in.
struct Norm {
    name: String,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    source: Option<Source>,
}

fn norms(at: &At<'_>) -> Vec<Norm> {
    let s = at.analysis.rules.symbols();
    let mut out = Vec::new();
    for r in s.rules.values() {
        out.push(Norm {
            name: r.item.name.text.clone(),
            kind: SymbolKind::EVENT,
            span: r.item.span,
            selection: r.item.name.span,
            source: r.source.clone(),
        });
    }
    for e in s.evaluations.values() {
        out.push(Norm {
            name: e.item.name.text.clone(),
            kind: SymbolKind::EVENT,
            span: e.item.span,
            selection: e.item.name.span,
            source: e.source.clone(),
        });
    }
    for p in &s.pairs {
        out.push(Norm {
            name: format!(
                "pair {} -> {}",
                p.item.supporter.text, p.item.recipient.text
            ),
            kind: SymbolKind::OPERATOR,
            span: p.item.span,
            selection: p.item.supporter.span,
            source: p.source.clone(),
        });
    }
    for d in &s.duties {
        out.push(Norm {
            name: format!("duty {} holds {}", d.item.actor.text, d.item.function.text),
            kind: SymbolKind::PROPERTY,
            span: d.item.span,
            selection: d.item.actor.span,
            source: d.source.clone(),
        });
    }
    out.retain(|n| n.span.file == at.file);
    out.sort_by_key(|n| n.span.start);
    out
}

fn norm_symbol(at: &At<'_>, n: &Norm) -> DocumentSymbol {
    symbol(
        at,
        n.name.clone(),
        None,
        n.kind,
        n.span,
        n.selection,
        vec![],
    )
}

/// A document's articles, each with the norms it holds.
fn articles(
    at: &At<'_>,
    id: crate::ids::DocumentId,
    doc: &crate::ast::Document,
    norms: &[Norm],
) -> Vec<DocumentSymbol> {
    doc.articles
        .iter()
        .map(|a| {
            let inside: Vec<DocumentSymbol> = norms
                .iter()
                .filter(|n| {
                    n.source
                        .as_ref()
                        .is_some_and(|src| src.id == id && src.article == a.number)
                })
                .map(|n| norm_symbol(at, n))
                .collect();
            let title = format!("article {}", a.number);
            symbol(
                at,
                title,
                a.text.clone(),
                SymbolKind::NAMESPACE,
                a.span,
                a.span,
                inside,
            )
        })
        .collect()
}

/// A record's fields.
fn fields(at: &At<'_>, rec: &crate::ast::Record) -> Vec<DocumentSymbol> {
    rec.fields
        .iter()
        .map(|f| {
            let name = f.name.text.clone();
            symbol(
                at,
                name,
                None,
                SymbolKind::FIELD,
                f.span,
                f.name.span,
                vec![],
            )
        })
        .collect()
}

/// The outline entry of a declaration written in this file, with its children; rules and
/// evaluations come with the norms.
fn declaration(at: &At<'_>, occ: &Occurrence, norms: &[Norm]) -> Option<DocumentSymbol> {
    let s = at.analysis.rules.symbols();
    let Target::Decl(kind, name) = &occ.target else {
        return None;
    };
    let (span, children) = match kind {
        DeclKind::Document => {
            let id = s.document_id(name)?;
            let doc = s.document(id);
            (doc.span, articles(at, id, doc, norms))
        }
        DeclKind::Record => {
            let rec = s.records.get(name)?;
            (rec.span, fields(at, rec))
        }
        DeclKind::Actor => (s.actors.get(name)?.span, vec![]),
        DeclKind::Program => (s.programs.get(name)?.span, vec![]),
        DeclKind::Function => (s.functions.get(name)?.span, vec![]),
        DeclKind::Rule | DeclKind::Evaluation => return None,
    };
    let kind = kind_of(*kind);
    Some(symbol(
        at,
        name.clone(),
        None,
        kind,
        span,
        occ.span,
        children,
    ))
}

/// The outline of one file, in the order written.
pub fn document(at: &At<'_>) -> DocumentSymbolResponse {
    let norms = norms(at);
    let mut out: Vec<(u32, DocumentSymbol)> = Vec::new();
    for occ in &at.analysis.index.occurrences {
        if occ.declaration && occ.span.file == at.file {
            if let Some(sym) = declaration(at, occ, &norms) {
                out.push((occ.span.start, sym));
            }
        }
    }
    for n in norms.iter().filter(|n| n.source.is_none()) {
        out.push((n.span.start, norm_symbol(at, n)));
    }
    out.sort_by_key(|(start, _)| *start);
    DocumentSymbolResponse::Nested(out.into_iter().map(|(_, s)| s).collect())
}

/// Every declaration whose name contains the query (case-insensitive), in declaration order.
#[allow(deprecated)] // `deprecated` is a required field of the protocol type
pub fn workspace(ws: &Workspace, query: &str) -> Vec<SymbolInformation> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for analysis in &ws.analyses {
        for occ in analysis.index.occurrences.iter().filter(|o| o.declaration) {
            let name = occ.target.name();
            if !name.to_lowercase().contains(&query) {
                continue;
            }
            let Some((path, idx)) = analysis.file(occ.span.file) else {
                continue;
            };
            let (kind, container) = match &occ.target {
                Target::Decl(k, _) => (kind_of(*k), None),
                Target::Field { record, .. } => (SymbolKind::FIELD, Some(record.clone())),
            };
            out.push(SymbolInformation {
                name: name.to_string(),
                kind,
                tags: None,
                deprecated: None,
                location: Location::new(
                    uri::from_path(path),
                    idx.range(occ.span.start, occ.span.end),
                ),
                container_name: container,
            });
        }
    }
    out
}
