//! C004 (competing leads) and C006 (restated duties) between duties of different documents.

use super::clash::Side;
use super::resolve::resolve;
use super::{actors_involved, conflict, document, leads_meet, periods_meet, place};
use crate::ast::{self, DutyTarget, Role};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::world::DocumentPeriods;
use crate::symbols::{Sourced, Symbols};

/// `program 援疆` or `pair 河北省 -> 巴州 in 援疆`.
fn target(d: &ast::Duty) -> String {
    match &d.target {
        DutyTarget::Program(n) => crate::tr!("conflicts-program-n", n = n.text),
        DutyTarget::Pair {
            supporter,
            recipient,
            program,
        } => crate::tr!(
            "conflicts-pair-supporter-recipient-program",
            supporter = supporter.text,
            recipient = recipient.text,
            program = program
                .as_ref()
                .map(|p| format!(" in {}", p.text))
                .unwrap_or_default()
        ),
    }
}

fn side(d: &Sourced<ast::Duty>) -> Side<'_> {
    Side {
        source: d.source.as_ref(),
        narrower: false,
    }
}

/// Every pair of duties of different documents for one function and scope.
pub fn compare(symbols: &Symbols, p: &DocumentPeriods, out: &mut Vec<Diagnostic>) {
    let ds = &symbols.duties;
    for (i, a) in ds.iter().enumerate() {
        for b in &ds[i + 1..] {
            let (da, db) = (document(&a.source), document(&b.source));
            if da == db
                || a.item.function.text != b.item.function.text
                || target(&a.item) != target(&b.item)
                || !periods_meet(p, da, db)
                || !years_meet(&a.item, &b.item)
            {
                continue;
            }
            let same_years = (a.item.from, a.item.until) == (b.item.from, b.item.until);
            if a.item.actor.text == b.item.actor.text && a.item.role == b.item.role && same_years {
                out.push(
                    restated(symbols, a, b)
                        .involving(actors_involved(symbols, [&a.item.actor, &b.item.actor])),
                );
            } else if a.item.role == Role::Lead
                && b.item.role == Role::Lead
                && a.item.actor.text != b.item.actor.text
                && leads_meet(
                    symbols,
                    p,
                    (da, db),
                    (&a.item.actor.text, &b.item.actor.text),
                )
            {
                out.push(
                    leads(symbols, a, b)
                        .involving(actors_involved(symbols, [&a.item.actor, &b.item.actor])),
                );
            }
        }
    }
}

/// Whether the years two duties name (`from` … `until`) share a year: a duty handed over from
/// one body to another at a year's end competes with nothing.
fn years_meet(a: &ast::Duty, b: &ast::Duty) -> bool {
    !crate::gaps::holders::duty_years(a)
        .intersect(&crate::gaps::holders::duty_years(b))
        .is_empty()
}

/// C006: the same duty in two documents.
fn restated(symbols: &Symbols, a: &Sourced<ast::Duty>, b: &Sourced<ast::Duty>) -> Diagnostic {
    let what = crate::tr!(
        "conflicts-function-for-target",
        function = a.item.function.text,
        target = target(&a.item)
    );
    conflict(
        Code::ConflictRestated,
        b.item.span,
        crate::tr!(
            "conflicts-place-restates-duty-actor-for",
            place = place(&b.source),
            actor = a.item.actor.text,
            what = what,
            place2 = place(&a.source)
        ),
        resolve(symbols, &side(b), &side(a)),
        true,
    )
    .related(
        a.item.span,
        crate::tr!("conflicts-first-stated-place", place = place(&a.source)),
    )
}

/// C004: two leads for one function and scope at the same time.
fn leads(symbols: &Symbols, a: &Sourced<ast::Duty>, b: &Sourced<ast::Duty>) -> Diagnostic {
    let what = crate::tr!(
        "conflicts-function-for-target",
        function = a.item.function.text,
        target = target(&a.item)
    );
    let r = resolve(symbols, &side(a), &side(b));
    let resolved = r.winner.is_some();
    let mut d = conflict(
        Code::ConflictLeads,
        a.item.span,
        format!(
            "{what}: `{}` is lead in {}, `{}` in {}",
            a.item.actor.text,
            place(&a.source),
            b.item.actor.text,
            place(&b.source)
        ),
        r,
        true,
    )
    .related(
        b.item.span,
        crate::tr!("conflicts-other-lead-place", place = place(&b.source)),
    );
    if resolved {
        d.severity = Severity::Warning;
    }
    d
}
