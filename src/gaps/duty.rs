//! G006–G008 and G010 for one duty in one scope: a holder on the wrong side, one that lapses,
//! one whose basis is not in force, one its document cannot bind.

use super::Options;
use super::holders::Holder;
use super::scope::{Scope, ScopeKind};
use super::union_of;
use crate::ast::{Function, Side};
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::world::DocumentPeriods;
use crate::ids::DocumentId;
use crate::symbols::Symbols;
use crate::years::{OPEN_END, OPEN_START, Years};
use chrono::Datelike;

/// One duty in one scope, with the other holders of the function.
struct Ctx<'a, 'h> {
    symbols: &'a Symbols,
    periods: &'a DocumentPeriods,
    f: &'a Function,
    scope: &'a Scope,
    h: &'a Holder<'h>,
    all: &'a [Holder<'h>],
}

impl Ctx<'_, '_> {
    /// The years other holders of the same side (for a lead: other leads) cover.
    fn others(&self, lead_only: bool) -> Years {
        let h = self.h;
        union_of(
            self.all
                .iter()
                .filter(|o| !std::ptr::eq(*o, h) && o.side == h.side && (!lead_only || o.lead)),
        )
    }

    fn with_scope(&self, d: Diagnostic) -> Diagnostic {
        d.related(self.scope.span, self.scope.label.clone())
    }

    fn fname(&self) -> &str {
        &self.f.name.text
    }

    fn actor(&self) -> &str {
        &self.h.actor.name.text
    }
}

/// G006–G008 and G010 for one duty in one scope. A holder that lapses, or whose basis is not in
/// force, is reported only for the years no other holder of its side (and, for a lead, of its
/// role) covers: a document replaced by one that reassigns the function is succession, not a gap.
pub fn gaps(
    (symbols, periods): (&Symbols, &DocumentPeriods),
    f: &Function,
    scope: &Scope,
    h: &Holder<'_>,
    all: &[Holder<'_>],
    opts: &Options,
    out: &mut Vec<Diagnostic>,
) {
    let c = Ctx {
        symbols,
        periods,
        f,
        scope,
        h,
        all,
    };
    if h.side.is_none() {
        wrong_side(&c, out);
    }
    outside_jurisdiction(f, scope, h, out);
    lapsing(&c, opts, out);
    not_in_force(&c, out);
}

/// G007: the holder lies on no side the function needs.
fn wrong_side(c: &Ctx<'_, '_>, out: &mut Vec<Diagnostic>) {
    let (f, scope, fname, actor) = (c.f, c.scope, c.fname(), c.actor());
    let why = match (f.side, scope.kind) {
        (Some(Side::Central) | None, _) => {
            crate::tr!(
                "gaps-fname-central-function-actor-not",
                fname = fname,
                actor = actor
            )
        }
        (_, ScopeKind::Pair(i)) => {
            let p = &c.symbols.pairs[i].item;
            let side = match f.side {
                Some(Side::Supporter) => crate::tr!(
                    "gaps-within-supporter-supporter",
                    supporter = p.supporter.text
                ),
                Some(Side::Recipient) => crate::tr!(
                    "gaps-within-recipient-recipient",
                    recipient = p.recipient.text
                ),
                _ => crate::tr!(
                    "gaps-within-supporter-recipient",
                    supporter = p.supporter.text,
                    recipient = p.recipient.text
                ),
            };
            crate::tr!(
                "gaps-actor-holds-fname-for-label",
                actor = actor,
                fname = fname,
                label = scope.label,
                side = side
            )
        }
        _ => crate::tr!(
            "gaps-actor-no-side-fname-needs",
            actor = actor,
            fname = fname
        ),
    };
    out.push(
        c.with_scope(
            Diagnostic::new(Code::GapWrongSide, c.h.duty.item.span, why)
                .label(crate::tr!("gaps-holder-wrong-side"))
                .help(if matches!(f.side, Some(Side::Central) | None) {
                    crate::tr!("gaps-give-duty-central-body-level")
                } else {
                    crate::tr!("gaps-give-duty-body-side-serves")
                })
                .years(scope.years.clone()),
        ),
    );
}

/// Why a holder stops: its body ceases or its basis ends, whichever is first.
fn ceased(c: &Ctx<'_, '_>) -> String {
    let h = c.h;
    let doc_end = c.periods.of(h.source()).and_then(|p| p.end);
    if let Some(until) = h.duty.item.until
        && h.actor.until.is_none_or(|u| u.year() > until)
        && doc_end.is_none_or(|d| d.year() > until)
    {
        return crate::tr!("gaps-duty-held-until", until = until);
    }
    match (h.actor.until, doc_end) {
        (Some(u), Some(d)) if d < u => crate::tr!("gaps-basis-h-ends-d", h = h.basis(), d = d),
        (Some(u), _) => crate::tr!("gaps-c-ceases-u", c = c.actor(), u = u),
        (None, Some(d)) => crate::tr!("gaps-basis-h-ends-d", h = h.basis(), d = d),
        (None, None) => crate::tr!("gaps-it-ends"),
    }
}

/// G006: held for part of the scope and then not; or a body that ceased before the scope began.
fn lapsing(c: &Ctx<'_, '_>, opts: &Options, out: &mut Vec<Diagnostic>) {
    let (h, scope) = (c.h, c.scope);
    let scope_end = scope.years.last().unwrap_or(OPEN_START);
    let active = h.years.intersect(&scope.years);
    let lapse = match active.last() {
        Some(last) if last < scope_end => Some((
            crate::tr!("gaps-after-last", last = last),
            scope.years.intersect(&Years::range(last + 1, OPEN_END)),
        )),
        None if h.actor.until.is_some() && !h.basis_years.intersect(&scope.years).is_empty() => {
            // With a year or day asked about, the scope's own start lies outside the window.
            let whole = opts.year.is_none() && opts.as_of.is_none();
            let when = match h.actor.until {
                Some(u) if !whole => crate::tr!("gaps-from-u", u = u),
                _ => crate::tr!("gaps-before-scope-began"),
            };
            Some((when, scope.years.clone()))
        }
        _ => None,
    };
    let (Some(_), Some((when, years))) = (h.side, lapse) else {
        return;
    };
    let after = years.minus(&c.others(h.lead));
    if after.is_empty() {
        return;
    }
    out.push(
        c.with_scope(
            Diagnostic::new(
                Code::GapLapsing,
                h.duty.item.span,
                crate::tr!(
                    "gaps-c-stops-holding-c-for",
                    c = c.actor(),
                    c2 = c.fname(),
                    label = scope.label,
                    when = when,
                    ceased = ceased(c),
                    after = after.phrase()
                ),
            )
            .label(crate::tr!("gaps-lapses"))
            .help(crate::tr!("gaps-give-function-standing-body-extend"))
            .years(after),
        ),
    );
}

/// Why a basis is not in force in the missing years: not yet effective, expired or replaced.
fn not_in_force_cause(c: &Ctx<'_, '_>, document: DocumentId, missing: &Years) -> String {
    let symbols = c.symbols;
    let doc = symbols.document(document);
    let period = c.periods.get(document);
    let mut causes = Vec::new();
    if let Some(e) = doc.effective
        && missing.first().is_some_and(|y| y < e.year())
    {
        causes.push(crate::tr!("gaps-takes-effect-e", e = e));
    }
    if let Some(end) = period.and_then(|p| p.end)
        && missing.last().is_some_and(|y| y >= end.year())
    {
        let replaced = c
            .periods
            .replaced_by(document)
            .iter()
            .map(|&o| symbols.document(o))
            .find(|o| o.effective == Some(end));
        causes.push(match replaced {
            Some(o) => crate::tr!("gaps-replaced-by-o-end", o = o.name.text, end = end),
            None => crate::tr!("gaps-expires-end", end = end),
        });
    }
    if causes.is_empty() {
        crate::tr!("gaps-not-force")
    } else {
        causes.join(" and ")
    }
}

/// G008: the duty's basis is not in force for years of the scope no other holder covers.
fn not_in_force(c: &Ctx<'_, '_>, out: &mut Vec<Diagnostic>) {
    let (h, scope) = (c.h, c.scope);
    let Some(src) = h.source().filter(|_| h.side.is_some()) else {
        return;
    };
    let missing = scope
        .years
        .intersect(&h.claimed)
        .minus(&h.basis_years)
        .minus(&c.others(false));
    if missing.is_empty() {
        return;
    }
    let when = not_in_force_cause(c, src.id, &missing);
    out.push(
        c.with_scope(
            Diagnostic::new(
                Code::GapBasisNotInForce,
                h.duty.item.span,
                crate::tr!(
                    "gaps-c-holds-c-for-label",
                    c = c.actor(),
                    c2 = c.fname(),
                    label = scope.label,
                    h = h.basis(),
                    missing = missing.phrase(),
                    when = when
                ),
            )
            .label(crate::tr!("gaps-basis-not-force"))
            .help(crate::tr!("gaps-cite-document-force-for-those"))
            .years(missing),
        )
        .related(
            src.article_span,
            crate::tr!(
                "gaps-document-art-article",
                document = src.document,
                article = src.article
            ),
        ),
    );
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
            crate::tr!(
                "gaps-actor-holds-f-for-label",
                actor = h.actor.name.text,
                f = f.name.text,
                label = scope.label,
                h = h.basis(),
                territory = territory
            ),
        )
        .label(crate::tr!("gaps-outside-document-s-jurisdiction"))
        .help(crate::tr!("gaps-give-duty-basis-holder-bound"))
        .related(scope.span, scope.label.clone())
        .years(years),
    );
}
