//! C004 (competing leads) and C006 (restated duties) between duties of different documents.

use super::clash::Side;
use super::resolve::resolve;
use super::{conflict, document, leads_meet, periods_meet, place};
use crate::ast::{self, DutyTarget, Role};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::world::Period;
use crate::symbols::{Sourced, Symbols};
use rustc_hash::FxHashMap;

/// `program 援疆` or `pair 河北省 -> 巴州 in 援疆`.
fn target(d: &ast::Duty) -> String {
    match &d.target {
        DutyTarget::Program(n) => format!("program {}", n.text),
        DutyTarget::Pair {
            supporter,
            recipient,
            program,
        } => format!(
            "pair {} -> {}{}",
            supporter.text,
            recipient.text,
            program
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
pub fn compare(symbols: &Symbols, p: &FxHashMap<String, Period>, out: &mut Vec<Diagnostic>) {
    let ds = &symbols.duties;
    for (i, a) in ds.iter().enumerate() {
        for b in &ds[i + 1..] {
            let (da, db) = (document(&a.source), document(&b.source));
            if da == db
                || a.item.function.text != b.item.function.text
                || target(&a.item) != target(&b.item)
                || !periods_meet(p, da, db)
            {
                continue;
            }
            if a.item.actor.text == b.item.actor.text && a.item.role == b.item.role {
                out.push(restated(symbols, a, b));
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
                out.push(leads(symbols, a, b));
            }
        }
    }
}

/// C006: the same duty in two documents.
fn restated(symbols: &Symbols, a: &Sourced<ast::Duty>, b: &Sourced<ast::Duty>) -> Diagnostic {
    let what = format!("`{}` for {}", a.item.function.text, target(&a.item));
    conflict(
        Code::ConflictRestated,
        b.item.span,
        format!(
            "{} restates the duty of `{}` for {what} in {}",
            place(&b.source),
            a.item.actor.text,
            place(&a.source)
        ),
        resolve(symbols, &side(b), &side(a)),
        true,
    )
    .related(a.item.span, format!("first stated in {}", place(&a.source)))
}

/// C004: two leads for one function and scope at the same time.
fn leads(symbols: &Symbols, a: &Sourced<ast::Duty>, b: &Sourced<ast::Duty>) -> Diagnostic {
    let what = format!("`{}` for {}", a.item.function.text, target(&a.item));
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
        format!("the other lead, in {}", place(&b.source)),
    );
    if resolved {
        d.severity = Severity::Warning;
    }
    d
}
