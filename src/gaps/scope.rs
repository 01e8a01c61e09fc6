//! What must be governed: every active program and every active pair, over its years.

use crate::engine::world::DocumentPeriods;
use crate::ids::DocumentId;
use crate::source::Span;
use crate::symbols::Symbols;
use crate::years::{OPEN_END, OPEN_START, Years};

/// A program or a pair whose functions must be held.
#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The years it is active (within the years asked about).
    pub years: Years,
    pub span: Span,
    /// `program 援疆`, `pair 河北省 -> 巴州 in 援疆`.
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// By index in the rule set's programs.
    Program(usize),
    /// By index in the rule set's pairs.
    Pair(usize),
}

/// The years a document is in force (every year for `None`, an unsourced item).
pub fn doc_years(document: Option<DocumentId>, periods: &DocumentPeriods) -> Years {
    match document.and_then(|d| periods.get(d)) {
        Some(p) => {
            let (a, b) = p.years();
            Years::range(a, b)
        }
        None => Years::all(),
    }
}

fn program_years(symbols: &Symbols, program: &str) -> Years {
    match symbols.programs.get(program) {
        Some(p) => Years::range(p.since.unwrap_or(OPEN_START), p.until.unwrap_or(OPEN_END)),
        None => Years::none(),
    }
}

/// Every program and pair active in `within`, in declaration order (programs first).
pub fn scopes(symbols: &Symbols, periods: &DocumentPeriods, within: &Years) -> Vec<Scope> {
    let mut out = Vec::new();
    for (i, (name, p)) in symbols.programs.iter().enumerate() {
        let years = program_years(symbols, name).intersect(within);
        if !years.is_empty() {
            out.push(Scope {
                kind: ScopeKind::Program(i),
                years,
                span: p.name.span,
                label: crate::tr!("gaps-program-name", name = name),
            });
        }
    }
    for (i, sp) in symbols.pairs.iter().enumerate() {
        let p = &sp.item;
        let program = program_years(symbols, &p.program.text);
        let since = symbols
            .programs
            .get(&p.program.text)
            .and_then(|g| g.since)
            .unwrap_or(OPEN_START);
        let own = Years::range(
            p.from.map_or(since, |(y, _)| y),
            p.to.map_or(OPEN_END, |(y, _)| y),
        );
        let doc = doc_years(sp.source.as_ref().map(|s| s.id), periods);
        let years = own.intersect(&program).intersect(&doc).intersect(within);
        if !years.is_empty() {
            out.push(Scope {
                kind: ScopeKind::Pair(i),
                years,
                span: p.span,
                label: crate::tr!(
                    "gaps-pair-supporter-recipient-program",
                    supporter = p.supporter.text,
                    recipient = p.recipient.text,
                    program = p.program.text
                ),
            });
        }
    }
    out
}
