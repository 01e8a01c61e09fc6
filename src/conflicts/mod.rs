//! Conflicts between documents (SPEC §8): provisions whose scopes overlap and which cannot both
//! be obeyed, with a witness where one can be built and the resolution under the Legislation Law.

pub mod canon;
mod clash;
mod duties;
pub mod measure;
mod pairs;
mod ranking;
pub mod resolve;
mod rules;
pub mod scope;
mod variation;
pub mod witness;

use crate::ast;
use crate::authority;
use crate::diagnostic::{Code, Diagnostic, Involved, Severity};
use crate::engine::compile::Override;
use crate::engine::world::{DocumentPeriods, periods};
use crate::ids::{DocumentId, RuleId};
use crate::symbols::{Source, Sourced, Symbols};
use clash::Side;
use resolve::Resolution;
use scope::{Constraints, can_overlap, constraints};

/// One rule, prepared for comparison.
pub(crate) struct Prepared<'a> {
    rule: &'a Sourced<ast::Rule>,
    /// The rule in the compiled plan.
    id: Option<RuleId>,
    record: &'a ast::Record,
    scope: Constraints,
    per: Vec<String>,
    document: Option<DocumentId>,
}

fn document(source: &Option<Source>) -> Option<DocumentId> {
    source.as_ref().map(|s| s.id)
}

/// Whether two documents' periods share a day (unsourced items: always).
fn periods_meet(p: &DocumentPeriods, a: Option<DocumentId>, b: Option<DocumentId>) -> bool {
    let (Some(x), Some(y)) = (a.and_then(|d| p.get(d)), b.and_then(|d| p.get(d))) else {
        return true;
    };
    let start = x.start.max(y.start);
    match (x.end, y.end) {
        (Some(e), Some(f)) => start < e.min(f),
        (Some(e), None) | (None, Some(e)) => start < e,
        (None, None) => true,
    }
}

/// The years both documents touch without sharing a day: one ends and the other begins within
/// them. Records whose time is a `year` fall under both there (立法法 art 104).
fn shared_years(
    p: &DocumentPeriods,
    a: Option<DocumentId>,
    b: Option<DocumentId>,
) -> Option<(i32, i32)> {
    let (x, y) = (a.and_then(|d| p.get(d))?, b.and_then(|d| p.get(d))?);
    let ((fx, lx), (fy, ly)) = (x.years(), y.years());
    let (first, last) = (fx.max(fy), lx.min(ly));
    (first <= last && !periods_meet(p, a, b)).then_some((first, last))
}

/// Whether a record's time field is a `year`.
fn yearly(record: &ast::Record) -> bool {
    record
        .fields
        .iter()
        .any(|f| f.time && f.ty == ast::Type::Year)
}

/// Whether two leads hold at the same time: their documents are in force together while both
/// bodies exist (a body ceases on its `until`). A temporary office handing over to a standing
/// one on the day it ceases is succession, not competition.
fn leads_meet(
    symbols: &Symbols,
    p: &DocumentPeriods,
    (da, db): (Option<DocumentId>, Option<DocumentId>),
    (a, b): (&str, &str),
) -> bool {
    let period = |d: Option<DocumentId>| d.and_then(|d| p.get(d));
    let until = |actor: &str| symbols.actors.get(actor).and_then(|x| x.until);
    let start = [period(da), period(db)]
        .into_iter()
        .flatten()
        .map(|x| x.start)
        .max();
    let end = [
        period(da).and_then(|x| x.end),
        period(db).and_then(|x| x.end),
        until(a),
        until(b),
    ]
    .into_iter()
    .flatten()
    .min();
    match (start, end) {
        (Some(s), Some(e)) => s < e,
        _ => true,
    }
}

/// The actors named, as the provisions a conflict of duties or pairs involves.
fn actors_involved<'a>(
    symbols: &'a Symbols,
    names: impl IntoIterator<Item = &'a ast::Name> + 'a,
) -> impl Iterator<Item = Involved> + 'a {
    names
        .into_iter()
        .filter_map(|n| symbols.actor_id(&n.text))
        .map(Involved::Actor)
}

fn place(s: &Option<Source>) -> String {
    match s {
        Some(s) => crate::tr!(
            "gaps-document-art-article",
            document = s.document,
            article = s.article
        ),
        None => crate::tr!("conflicts-no-document"),
    }
}

/// Every conflict, in declaration order of the first provision.
pub fn analyze(symbols: &Symbols, plan: &crate::engine::compile::Plan) -> Vec<Diagnostic> {
    find(symbols, plan).0
}

/// Every conflict, and the overrides its resolutions imply.
pub fn find(
    symbols: &Symbols,
    plan: &crate::engine::compile::Plan,
) -> (Vec<Diagnostic>, Vec<Override>) {
    let p = periods(symbols);
    let rules: Vec<Prepared<'_>> = symbols
        .rules
        .values()
        .filter_map(|r| {
            let over = r.item.over.as_ref()?;
            let record = symbols.records.get(&over.record.text)?;
            // Plan periods are part of the measure: a period's total is not a year's.
            let mut per = r.item.per_texts();
            per.sort();
            Some(Prepared {
                rule: r,
                id: plan.rule_id(&r.item.name.text),
                record,
                scope: constraints(over.filter.as_ref(), record),
                per,
                document: document(&r.source),
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut overrides = Vec::new();
    for (i, a) in rules.iter().enumerate() {
        for b in &rules[i + 1..] {
            if a.record.name.text != b.record.name.text {
                continue;
            }
            let partial = if yearly(a.record) {
                shared_years(&p, a.document, b.document)
            } else {
                None
            };
            if (partial.is_none() && !periods_meet(&p, a.document, b.document))
                || !can_overlap(symbols, a.record, &a.scope, &b.scope)
                || !bound_together(symbols, a, b)
            {
                continue;
            }
            let ctx = rules::Pair {
                symbols,
                plan,
                periods: &p,
                a,
                b,
                partial,
            };
            let before = out.len();
            ctx.compare(&mut out, &mut overrides);
            let involved = [a.id, b.id].into_iter().flatten().map(Involved::Rule);
            for d in &mut out[before..] {
                d.involve(involved.clone());
            }
        }
    }
    duties::compare(symbols, &p, &mut out);
    pairs::compare(symbols, &p, &mut out);
    crate::i18n::snippets::localize(&mut out, &symbols.chinese_files);
    (out, overrides)
}

/// Whether some record lies in both rules' territories: a document binds only within its
/// region (SPEC §8, step 0).
fn bound_together(symbols: &Symbols, a: &Prepared<'_>, b: &Prepared<'_>) -> bool {
    let territory = |p: &Prepared<'_>| {
        p.document.map(|d| symbols.document(d)).map_or_else(
            || crate::symbols::NATIONAL.to_string(),
            |d| authority::doc_territory(symbols, d),
        )
    };
    let (ta, tb) = (territory(a), territory(b));
    scope::territories_meet(symbols, a.record, (&a.scope, &b.scope), (&ta, &tb))
}

/// Whether `a`'s scope is strictly narrower than `b`'s: it has every constraint of `b` and more.
fn narrower(a: &Constraints, b: &Constraints) -> bool {
    a.atoms.len() > b.atoms.len() && b.atoms.iter().all(|x| a.atoms.contains(x))
}

fn sides<'a>(a: &'a Prepared<'_>, b: &'a Prepared<'_>) -> (Side<'a>, Side<'a>) {
    (
        Side {
            source: a.rule.source.as_ref(),
            narrower: narrower(&a.scope, &b.scope),
        },
        Side {
            source: b.rule.source.as_ref(),
            narrower: narrower(&b.scope, &a.scope),
        },
    )
}

pub(crate) fn conflict(
    code: Code,
    span: crate::source::Span,
    message: String,
    resolution: Resolution,
    certain: bool,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        code,
        span,
        if certain {
            crate::tr!("conflicts-certain", message = message)
        } else {
            crate::tr!("conflicts-possible", message = message)
        },
    );
    d.help = Some(match (code, &resolution.prevails, &resolution.refer_to) {
        // Both provisions stay in force: say what to do rather than who prevails.
        (Code::ConflictWeaker, Some(p), _) if resolution.kind == "superior" => crate::tr!(
            "conflicts-both-are-enforced-p-stricter",
            p = p,
            principle = resolution.principle
        ),
        (Code::ConflictRestated, _, _) => {
            crate::tr!("conflicts-same-norm-twice-keep-one")
        }
        (_, Some(p), _) => crate::tr!(
            "conflicts-prevails",
            prevails = p,
            principle = resolution.principle
        ),
        (_, None, Some(r)) => crate::tr!(
            "conflicts-unresolved-for-r-decide-principle",
            r = r,
            principle = resolution.principle
        ),
        (_, None, None) => crate::tr!(
            "conflicts-unresolved-principle",
            principle = resolution.principle
        ),
    });
    d.resolution = Some(resolution);
    d
}

/// A resolved conflict is a warning: one provision prevails and is enforced.
fn soften(mut d: Diagnostic, resolved: bool) -> Diagnostic {
    if resolved && d.severity == Severity::Error {
        d.severity = Severity::Warning;
    }
    d
}
