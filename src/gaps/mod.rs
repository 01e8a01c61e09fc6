//! Responsibility gaps (SPEC §7): for every active program and pair, over the years it is active,
//! every function must be held on every side it needs — by a lead, on a legal basis in force,
//! by a body of the right kind that lasts as long as the scope does.

pub mod holders;
pub mod matrix;
pub mod scope;
mod side;
pub mod years;

use crate::ast::{Function, FunctionScope, Side};
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::world::periods;
use crate::symbols::Symbols;
use chrono::{Datelike, NaiveDate};
use holders::{Holder, holders};
use scope::{Scope, ScopeKind, scopes};
use years::{OPEN_END, OPEN_START, Years};

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
        (Side::Central, _) => "on the central side".into(),
        (Side::Supporter, ScopeKind::Pair(_)) => "on the supporter side".into(),
        (Side::Recipient, ScopeKind::Pair(_)) => "on the recipient side".into(),
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
                duty_gaps(symbols, f, &scope, h, &hs, opts, &mut out);
            }
        }
    }
    out
}

/// G010: the duty's document does not bind its holder; it counts as political basis at most.
fn outside_jurisdiction(f: &Function, scope: &Scope, h: &Holder<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(territory), Some(_)) = (&h.outside, h.side) else {
        return;
    };
    let years = h.years.intersect(&scope.years);
    if years.is_empty() {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::GapOutsideJurisdiction,
            h.duty.item.span,
            format!(
                "`{}` holds `{}` for {} on the basis of {}, which binds only within `{territory}`: it cannot bind `{}`, so the duty is political basis at most",
                h.actor.name.text,
                f.name.text,
                scope.label,
                h.basis(),
                h.actor.name.text
            ),
        )
        .label("outside the document's jurisdiction")
        .help("give the duty a basis the holder is bound by (its own or a higher organ's document), or record it as an agreement")
        .related(scope.span, scope.label.clone())
        .years(years),
    );
}

/// G006–G008 for one duty in one scope. A holder that lapses, or whose basis is not in force,
/// is reported only for the years no other holder of its side (and, for a lead, of its role)
/// covers: a document replaced by one that reassigns the function is succession, not a gap.
fn duty_gaps(
    symbols: &Symbols,
    f: &Function,
    scope: &Scope,
    h: &Holder<'_>,
    all: &[Holder<'_>],
    opts: &Options,
    out: &mut Vec<Diagnostic>,
) {
    let others = |lead_only: bool| {
        union_of(
            all.iter()
                .filter(|o| !std::ptr::eq(*o, h) && o.side == h.side && (!lead_only || o.lead)),
        )
    };
    let fname = &f.name.text;
    let actor = &h.actor.name.text;
    let span = h.duty.item.span;
    let with_scope = |d: Diagnostic| d.related(scope.span, scope.label.clone());
    if h.side.is_none() {
        let why = match (f.side, scope.kind) {
            (Some(Side::Central) | None, _) => {
                format!("`{fname}` is a central function, and `{actor}` is not a central body")
            }
            (_, ScopeKind::Pair(i)) => {
                let p = &symbols.pairs[i].item;
                let side = match f.side {
                    Some(Side::Supporter) => format!("within the supporter {}", p.supporter.text),
                    Some(Side::Recipient) => format!("within the recipient {}", p.recipient.text),
                    _ => format!("within {} or {}", p.supporter.text, p.recipient.text),
                };
                format!(
                    "`{actor}` holds `{fname}` for {}, but it does not lie {side}",
                    scope.label
                )
            }
            _ => format!("`{actor}` is on no side `{fname}` needs"),
        };
        out.push(with_scope(
            Diagnostic::new(Code::GapWrongSide, span, why)
                .label("holder on the wrong side")
                .help(if matches!(f.side, Some(Side::Central) | None) {
                    "give the duty to a central body (`level: central`)"
                } else {
                    "give the duty to a body of the side it serves, or link the holder with `region:`/`of:`"
                })
                .years(scope.years.clone()),
        ));
    }
    outside_jurisdiction(f, scope, h, out);
    let scope_end = scope.years.last().unwrap_or(OPEN_START);
    let active = h.years.intersect(&scope.years);
    let doc_end = h
        .source()
        .and_then(|src| {
            crate::engine::world::periods(symbols)
                .get(&src.document)
                .copied()
        })
        .and_then(|p| p.end);
    let ceased = match (h.actor.until, doc_end) {
        (Some(u), Some(d)) if d < u => format!("its basis, {}, ends on {d}", h.basis()),
        (Some(u), _) => format!("`{actor}` ceases on {u}"),
        (None, Some(d)) => format!("its basis, {}, ends on {d}", h.basis()),
        (None, None) => "it ends".to_string(),
    };
    // Held for part of the scope and then not; or a body that ceased before the scope began.
    let lapse = match active.last() {
        Some(last) if last < scope_end => Some((
            format!("after {last}"),
            scope.years.intersect(&Years::range(last + 1, OPEN_END)),
        )),
        None if h.actor.until.is_some() && !h.basis_years.intersect(&scope.years).is_empty() => {
            // With a year or day asked about, the scope's own start lies outside the window.
            let whole = opts.year.is_none() && opts.as_of.is_none();
            let when = match h.actor.until {
                Some(u) if !whole => format!("from {u}"),
                _ => "before the scope began".to_string(),
            };
            Some((when, scope.years.clone()))
        }
        _ => None,
    };
    if let (Some(_), Some((when, years))) = (h.side, lapse) {
        let after = years.minus(&others(h.lead));
        if !after.is_empty() {
            out.push(with_scope(
                Diagnostic::new(
                    Code::GapLapsing,
                    span,
                    format!(
                        "`{actor}` stops holding `{fname}` for {} {when} ({ceased}), while the scope continues {}",
                        scope.label,
                        after.phrase()
                    ),
                )
                .label("lapses")
                .help("give the function to a standing body, or extend the holder or its basis (机构跟着项目走)")
                .years(after),
            ));
        }
    }
    if let Some(src) = h.source()
        && h.side.is_some()
    {
        let missing = scope.years.minus(&h.basis_years).minus(&others(false));
        if !missing.is_empty() {
            let doc = symbols.documents.get(&src.document);
            let period = crate::engine::world::periods(symbols)
                .get(&src.document)
                .copied();
            let start_year = doc.and_then(|d| d.effective).map(|e| e.year());
            let mut causes = Vec::new();
            if let (Some(e), Some(sy)) = (doc.and_then(|d| d.effective), start_year)
                && missing.first().is_some_and(|y| y < sy)
            {
                causes.push(format!("takes effect on {e}"));
            }
            if let Some(end) = period.and_then(|p| p.end)
                && missing.last().is_some_and(|y| y >= end.year())
            {
                let replaced = symbols.documents.values().find(|o| {
                    o.replaces.iter().any(|r| r.text == src.document)
                        && o.effective == Some(end)
                        && doc
                            .is_some_and(|d| crate::conflicts::resolve::may_replace(symbols, o, d))
                });
                causes.push(match replaced {
                    Some(o) => format!("is replaced by `{}` on {end}", o.name.text),
                    None => format!("expires on {end}"),
                });
            }
            let when = if causes.is_empty() {
                "is not in force".to_string()
            } else {
                causes.join(" and ")
            };
            out.push(
                with_scope(
                    Diagnostic::new(
                        Code::GapBasisNotInForce,
                        span,
                        format!(
                            "`{actor}` holds `{fname}` for {} on the basis of {}, which is not in force {} (it {when})",
                            scope.label,
                            h.basis(),
                            missing.phrase()
                        ),
                    )
                    .label("basis not in force")
                    .help("cite a document in force for those years, or limit the scope's years")
                    .years(missing),
                )
                .related(src.article_span, format!("{} art {}", src.document, src.article)),
            );
        }
    }
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
            format!(
                "{} has no {} (精准支援: imprecise pairing)",
                scope.label,
                missing.join(", ")
            ),
        )
        .label("imprecise pairing")
        .help(format!(
            "give the pair a block: {{ {} }}",
            missing
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
