//! C005 (reassigned pairing) and C006 (restated pair) between pairs of different documents.

use super::clash::Side;
use super::resolve::resolve;
use super::{actors_involved, conflict, document, periods_meet, place, soften};
use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::engine::world::DocumentPeriods;
use crate::symbols::{Sourced, Symbols};

/// The years a pair runs: `from` (default: its program's `since`) to `to` (open).
fn years(symbols: &Symbols, x: &Sourced<ast::Pair>) -> (i32, i32) {
    let since = symbols
        .programs
        .get(&x.item.program.text)
        .and_then(|g| g.since)
        .unwrap_or(i32::MIN);
    (
        x.item.from.map_or(since, |(y, _)| y),
        x.item.to.map_or(i32::MAX, |(y, _)| y),
    )
}

fn side(x: &Sourced<ast::Pair>) -> Side<'_> {
    Side {
        source: x.source.as_ref(),
        narrower: false,
    }
}

fn label(x: &ast::Pair) -> String {
    format!(
        "{} -> {} in {}",
        x.supporter.text, x.recipient.text, x.program.text
    )
}

/// Every pair of pairings of different documents for one recipient and program.
pub fn compare(symbols: &Symbols, p: &DocumentPeriods, out: &mut Vec<Diagnostic>) {
    let ps = &symbols.pairs;
    for (i, a) in ps.iter().enumerate() {
        for b in &ps[i + 1..] {
            let (da, db) = (document(&a.source), document(&b.source));
            let (pa, pb) = (&a.item, &b.item);
            if da == db
                || pa.recipient.text != pb.recipient.text
                || pa.program.text != pb.program.text
                || !periods_meet(p, da, db)
            {
                continue;
            }
            let ((fa, ta), (fb, tb)) = (years(symbols, a), years(symbols, b));
            if fa.max(fb) > ta.min(tb) {
                continue;
            }
            let d = if pa.supporter.text != pb.supporter.text {
                reassigned(symbols, a, b)
            } else if (fa, ta) != (fb, tb) {
                other_years(symbols, a, b)
            } else {
                restated(symbols, a, b)
            };
            let actors = [&pa.supporter, &pa.recipient, &pb.supporter, &pb.recipient];
            out.push(
                d.related(
                    pa.span,
                    crate::tr!("conflicts-pair-place", place = place(&a.source)),
                )
                .involving(actors_involved(symbols, actors)),
            );
        }
    }
}

/// C005: the same recipient and program get another supporter for overlapping years.
fn reassigned(symbols: &Symbols, a: &Sourced<ast::Pair>, b: &Sourced<ast::Pair>) -> Diagnostic {
    let r = resolve(symbols, &side(a), &side(b));
    let resolved = r.winner.is_some();
    let d = conflict(
        Code::ConflictPairing,
        b.item.span,
        crate::tr!(
            "conflicts-place-pairs-recipient-with-supporter",
            place = place(&b.source),
            recipient = b.item.recipient.text,
            supporter = b.item.supporter.text,
            place2 = place(&a.source),
            supporter2 = a.item.supporter.text
        ),
        r,
        true,
    );
    soften(d, resolved)
}

/// C005: the same pair with other years.
fn other_years(symbols: &Symbols, a: &Sourced<ast::Pair>, b: &Sourced<ast::Pair>) -> Diagnostic {
    let r = resolve(symbols, &side(b), &side(a));
    let resolved = r.winner.is_some();
    let d = conflict(
        Code::ConflictPairing,
        b.item.span,
        crate::tr!(
            "conflicts-place-gives-pair-label-other",
            place = place(&b.source),
            label = label(&b.item),
            place2 = place(&a.source)
        ),
        r,
        true,
    );
    soften(d, resolved)
}

/// C006: the same pair, with the same years, in two documents.
fn restated(symbols: &Symbols, a: &Sourced<ast::Pair>, b: &Sourced<ast::Pair>) -> Diagnostic {
    conflict(
        Code::ConflictRestated,
        b.item.span,
        crate::tr!(
            "conflicts-place-restates-pair-label-place",
            place = place(&b.source),
            label = label(&b.item),
            place2 = place(&a.source)
        ),
        resolve(symbols, &side(b), &side(a)),
        true,
    )
}
