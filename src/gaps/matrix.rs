//! The responsibility matrix: for each scope, function and side, who holds it, as lead or
//! support, on what basis, in which years.

use super::holders::holders;
use super::scope::{Scope, ScopeKind, scopes};
use super::{Options, sides};
use crate::ast::{FunctionScope, Side};
use crate::engine::world::periods;
use crate::symbols::Symbols;
use crate::years::Years;
use serde::Serialize;

/// Years in JSON as gap findings give them: `[{"from": 2010, "to": 2025}]`.
fn years_json<S: serde::Serializer>(years: &Years, s: S) -> Result<S::Ok, S::Error> {
    years.json().serialize(s)
}

/// How well a cell is founded: the best basis among its holders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Legal,
    Political,
    None,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Legal => "legal",
            Basis::Political => "political",
            Basis::None => "none",
        }
    }
}

/// One holder of a cell.
#[derive(Debug, Clone, Serialize)]
pub struct CellHolder {
    pub actor: String,
    pub role: &'static str,
    pub basis: Basis,
    pub document: Option<String>,
    pub article: Option<String>,
    /// The years it holds the function within the scope's years (text by `Display`).
    #[serde(serialize_with = "years_json")]
    pub years: Years,
    /// Whether it holds it for every year of the scope.
    #[serde(skip)]
    pub whole: bool,
}

/// One cell: a function on one side of one scope.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub scope: String,
    #[serde(skip)]
    pub kind: FunctionScope,
    pub function: String,
    pub side: &'static str,
    /// The scope's years (text by `Display`).
    #[serde(serialize_with = "years_json")]
    pub years: Years,
    pub basis: Basis,
    pub holders: Vec<CellHolder>,
}

/// Every cell, in the order of the gaps: scopes, functions, sides.
pub fn matrix(symbols: &Symbols, opts: &Options) -> Vec<Cell> {
    let periods = periods(symbols);
    let mut out = Vec::new();
    for scope in scopes(symbols, &periods, &opts.within()) {
        let kind = match scope.kind {
            ScopeKind::Program(_) => FunctionScope::Program,
            ScopeKind::Pair(_) => FunctionScope::Pair,
        };
        for f in symbols.functions.values().filter(|f| f.scope == Some(kind)) {
            let side = f.side.unwrap_or(Side::Central);
            let hs = holders(symbols, &periods, &f.name.text, side, &scope, opts.as_of);
            for s in sides(f) {
                out.push(cell(&scope, kind, &f.name.text, s, &hs));
            }
        }
    }
    out
}

fn cell(
    scope: &Scope,
    kind: FunctionScope,
    function: &str,
    side: Side,
    hs: &[super::holders::Holder<'_>],
) -> Cell {
    let mut holders: Vec<CellHolder> = hs
        .iter()
        .filter(|h| h.side == Some(side))
        .filter_map(|h| {
            let years = h.years.intersect(&scope.years);
            (!years.is_empty()).then(|| CellHolder {
                actor: h.actor.name.text.clone(),
                role: if h.lead { "lead" } else { "support" },
                basis: if h.legal {
                    Basis::Legal
                } else {
                    Basis::Political
                },
                document: h.source().map(|s| s.document.clone()),
                article: h.source().map(|s| s.article.clone()),
                whole: years == scope.years,
                years,
            })
        })
        .collect();
    holders.sort_by_key(|h| h.role != "lead");
    let basis = if holders.iter().any(|h| h.basis == Basis::Legal) {
        Basis::Legal
    } else if holders.is_empty() {
        Basis::None
    } else {
        Basis::Political
    };
    Cell {
        scope: scope.label.clone(),
        kind,
        function: function.to_string(),
        side: side.as_str(),
        years: scope.years.clone(),
        basis,
        holders,
    }
}

/// A cell's holders in short: `国家发改委*, 财政部` (`*` for a lead, years when partial).
pub fn holders_text(c: &Cell) -> String {
    if c.holders.is_empty() {
        return "—".to_string();
    }
    c.holders
        .iter()
        .map(|h| {
            let star = if h.role == "lead" { "*" } else { "" };
            if h.whole {
                format!("{}{star}", h.actor)
            } else {
                format!("{}{star} ({})", h.actor, h.years)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
