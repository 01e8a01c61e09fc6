//! Responsibility gaps (SPEC §7): for every active program and pair, over the years it is active,
//! every function must be held on every side it needs — by a lead, on a legal basis in force,
//! by a body of the right kind that lasts as long as the scope does.

mod duty;
pub mod holders;
pub mod matrix;
pub mod scope;
mod side;

use crate::ast::{Function, FunctionScope, Side};
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::world::periods;
use crate::symbols::Symbols;
use crate::years::Years;
use chrono::{Datelike, NaiveDate};
use holders::{Holder, holders};
use scope::{Scope, ScopeKind, scopes};

/// Which years to look at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Only this year.
    pub year: Option<i32>,
    /// Only this day: documents and actors as they stand on it.
    pub as_of: Option<NaiveDate>,
}

impl Options {
    fn within(&self) -> Years {
        match (self.as_of, self.year) {
            (Some(d), _) => Years::range(d.year(), d.year()),
            (None, Some(y)) => Years::range(y, y),
            (None, None) => Years::all(),
        }
    }
}

/// The years some program or pair is active in: outside them there is nothing to hold, so no
/// gap can be found.
pub fn active_years(symbols: &Symbols) -> Years {
    let periods = periods(symbols);
    scopes(symbols, &periods, &Years::all())
        .iter()
        .fold(Years::none(), |acc, s| acc.union(&s.years))
}

/// A warning when `opts` asks about a year in which no program or pair is active (so that
/// "0 gaps" is not mistaken for "every function is held"), or `None`.
pub fn inactive_year_warning(symbols: &Symbols, opts: &Options) -> Option<String> {
    let (year, asked) = match (opts.as_of, opts.year) {
        (Some(d), _) => (d.year(), crate::tr!("gaps-asked-on", date = d)),
        (None, Some(y)) => (y, crate::tr!("gaps-asked-in", year = y)),
        (None, None) => return None,
    };
    let active = active_years(symbols);
    if active.contains(year) {
        return None;
    }
    Some(crate::tr!(
        "gaps-inactive-year",
        asked = asked,
        active = active.phrase()
    ))
}

/// The sides a function needs (a program function other than central needs one holder).
pub fn sides(f: &Function) -> Vec<Side> {
    match f.side {
        Some(Side::Both) if f.scope == Some(FunctionScope::Program) => vec![Side::Both],
        Some(Side::Both) => vec![Side::Supporter, Side::Recipient],
        Some(s) => vec![s],
        None => vec![Side::Central],
    }
}

fn side_words(side: Side, scope: &Scope) -> String {
    match (side, scope.kind) {
        (Side::Central, _) => crate::tr!("gaps-central-side"),
        (Side::Supporter, ScopeKind::Pair(_)) => crate::tr!("gaps-supporter-side"),
        (Side::Recipient, ScopeKind::Pair(_)) => crate::tr!("gaps-recipient-side"),
        _ => String::new(),
    }
}

fn union_of<'a>(hs: impl Iterator<Item = &'a Holder<'a>>) -> Years {
    hs.fold(Years::none(), |acc, h| acc.union(&h.years))
}

fn names(hs: &[&Holder<'_>]) -> String {
    let mut v: Vec<&str> = hs.iter().map(|h| h.actor.name.text.as_str()).collect();
    v.dedup();
    v.join(", ")
}

/// Every gap in the rule set, in order: scopes (programs, then pairs), functions, sides.
pub fn analyze(symbols: &Symbols, opts: &Options) -> Vec<Diagnostic> {
    let periods = periods(symbols);
    let mut out = Vec::new();
    for scope in scopes(symbols, &periods, &opts.within()) {
        if let ScopeKind::Pair(i) = scope.kind {
            imprecise(symbols, i, &scope, &mut out);
        }
        for f in symbols.functions.values() {
            let wanted = match scope.kind {
                ScopeKind::Program(_) => FunctionScope::Program,
                ScopeKind::Pair(_) => FunctionScope::Pair,
            };
            if f.scope != Some(wanted) {
                continue;
            }
            let side = f.side.unwrap_or(Side::Central);
            let hs = holders(symbols, &periods, &f.name.text, side, &scope, opts.as_of);
            for s in sides(f) {
                side::gaps(f, s, &scope, &hs, &mut out);
            }
            for h in &hs {
                duty::gaps((symbols, &periods), f, &scope, h, &hs, opts, &mut out);
            }
        }
    }
    crate::i18n::snippets::localize(&mut out, &symbols.chinese_files);
    out
}

/// G009: a pair without scope, goal or responsible.
fn imprecise(symbols: &Symbols, i: usize, scope: &Scope, out: &mut Vec<Diagnostic>) {
    let p = &symbols.pairs[i].item;
    let mut missing = Vec::new();
    if p.scope.is_empty() {
        missing.push("scope");
    }
    if p.goal.is_none() {
        missing.push("goal");
    }
    if p.responsible.is_none() {
        missing.push("responsible");
    }
    if missing.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::GapImprecisePair,
            p.span,
            crate::tr!(
                "gaps-label-has-no-missing-imprecise",
                label = scope.label,
                missing = missing.join(", ")
            ),
        )
        .label(crate::tr!("gaps-imprecise-pairing"))
        .help(crate::tr!(
            "gaps-give-pair-block-missing",
            missing = missing
                .iter()
                .map(|m| match *m {
                    "scope" => "scope: [\"民生\", …]",
                    "goal" => "goal: \"…\"",
                    _ => "responsible: ACTOR",
                })
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .years(scope.years.clone()),
    );
}
