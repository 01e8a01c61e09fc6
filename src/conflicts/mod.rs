//! Conflicts between documents (SPEC §8): provisions whose scopes overlap and which cannot both
//! be obeyed, with a witness where one can be built and the resolution under the Legislation Law.

pub mod canon;
pub mod measure;
pub mod resolve;
pub mod scope;
pub mod witness;

use crate::ast::{self, DutyTarget, Role, RuleKind};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::world::{Period, periods};
use crate::symbols::{Source, Sourced, Symbols};
use canon::canon;
use measure::{Bound, feasible, requirement, show};
use resolve::{Resolution, Side, resolve};
use rustc_hash::FxHashMap;
use scope::{Constraints, can_overlap, constraints};

/// One rule, prepared for comparison.
struct Prepared<'a> {
    rule: &'a Sourced<ast::Rule>,
    record: &'a ast::Record,
    scope: Constraints,
    per: Vec<String>,
    document: Option<&'a str>,
}

fn document(source: &Option<Source>) -> Option<&str> {
    source.as_ref().map(|s| s.document.as_str())
}

/// Whether two documents' periods share a day (unsourced items: always).
fn periods_meet(p: &FxHashMap<String, Period>, a: Option<&str>, b: Option<&str>) -> bool {
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

/// Whether two leads hold at the same time: their documents are in force together while both
/// bodies exist (a body ceases on its `until`). A temporary office handing over to a standing
/// one on the day it ceases is succession, not competition.
fn leads_meet(
    symbols: &Symbols,
    p: &FxHashMap<String, Period>,
    (da, db): (Option<&str>, Option<&str>),
    (a, b): (&str, &str),
) -> bool {
    let period = |d: Option<&str>| d.and_then(|d| p.get(d)).copied();
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

fn place(s: &Option<Source>) -> String {
    match s {
        Some(s) => format!("{} art {}", s.document, s.article),
        None => "no document".into(),
    }
}

/// A rule that yields to another where both apply (SPEC §5): a defeated rule, or a prohibition
/// with a prevailing permit.
#[derive(Debug, Clone)]
pub struct Override {
    pub defeated: String,
    pub winner: String,
    /// The winner is a `permit`: only records it describes are exempt.
    pub permit: bool,
    pub reason: String,
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
            let mut per: Vec<String> = r.item.per.iter().map(|k| k.text.clone()).collect();
            per.sort();
            Some(Prepared {
                rule: r,
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
            if a.record.name.text != b.record.name.text
                || !periods_meet(&p, a.document, b.document)
                || !can_overlap(symbols, a.record, &a.scope, &b.scope)
            {
                continue;
            }
            let before = out.len();
            compare_rules(symbols, plan, &p, a, b, &mut out);
            for d in &out[before..] {
                let Some(r) = &d.resolution else { continue };
                let Some(w) = r.winner else { continue };
                if !matches!(d.code, Code::ConflictContradiction | Code::ConflictPermit) {
                    continue;
                }
                let (win, lose) = if w == 0 { (a, b) } else { (b, a) };
                if d.code == Code::ConflictPermit && win.rule.item.kind != RuleKind::Permit {
                    continue;
                }
                overrides.push(Override {
                    defeated: lose.rule.item.name.text.clone(),
                    winner: win.rule.item.name.text.clone(),
                    permit: win.rule.item.kind == RuleKind::Permit,
                    reason: format!(
                        "{} prevails over {}: {}",
                        r.prevails.clone().unwrap_or_default(),
                        place(&lose.rule.source),
                        r.principle
                    ),
                });
            }
        }
    }
    duties(symbols, &p, &mut out);
    pairs(symbols, &p, &mut out);
    (out, overrides)
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

fn conflict(
    code: Code,
    span: crate::source::Span,
    message: String,
    resolution: Resolution,
    certain: bool,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        code,
        span,
        format!(
            "{message} ({})",
            if certain { "certain" } else { "possible" }
        ),
    );
    d.help = Some(match (code, &resolution.prevails, &resolution.refer_to) {
        // Both provisions stay in force: say what to do rather than who prevails.
        (Code::ConflictWeaker, Some(p), _) => format!(
            "both are enforced and {p} is the stricter; raise the lower threshold or drop it ({})",
            resolution.principle
        ),
        (Code::ConflictRestated, _, _) => {
            "the same norm twice: keep it in one document and cite it from the other".to_string()
        }
        (_, Some(p), _) => format!("{} prevails: {}", p, resolution.principle),
        (_, None, Some(r)) => format!("unresolved, for `{r}` to decide: {}", resolution.principle),
        (_, None, None) => format!("unresolved: {}", resolution.principle),
    });
    d.resolution = Some(resolution);
    d
}

fn compare_rules(
    symbols: &Symbols,
    plan: &crate::engine::compile::Plan,
    p: &FxHashMap<String, Period>,
    a: &Prepared<'_>,
    b: &Prepared<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let (ra, rb) = (&a.rule.item, &b.rule.item);
    let (Some(ca), Some(cb)) = (&ra.condition, &rb.condition) else {
        return;
    };
    let same_doc = a.document.is_some() && a.document == b.document
        || a.document.is_none() && b.document.is_none();
    let (sa, sb) = sides(a, b);
    let name = |r: &Sourced<ast::Rule>| format!("`{}` ({})", r.item.name.text, place(&r.source));
    let related = |d: Diagnostic| {
        d.related(
            rb.name.span,
            format!("the other provision: {}", name(b.rule)),
        )
    };
    let witness = witness::find(symbols, plan, p, a.rule, b.rule, &a.scope, &b.scope);
    let certain = witness.as_ref().is_some_and(|w| w.certain);
    // Only a record both provisions were shown to apply to is a witness.
    let with_witness = |mut d: Diagnostic, code: &str, note: String| {
        if let Some(w) = witness.as_ref().filter(|w| w.certain) {
            d.witness = Some(w.test_block(code, &ra.name.text, &rb.name.text, &note));
        }
        d
    };
    // C002: permit against prohibition (also within one document: that is what a permit is for).
    if a.per != b.per {
        return;
    }
    if let Some((permit, forbid, pi)) = match (ra.kind, rb.kind) {
        (RuleKind::Permit, RuleKind::Forbid) => Some((a, b, 0)),
        (RuleKind::Forbid, RuleKind::Permit) => Some((b, a, 1)),
        _ => None,
    } {
        let both = match (
            measure::conjunction(permit.rule.item.condition.as_ref().expect("checked")),
            measure::conjunction(forbid.rule.item.condition.as_ref().expect("checked")),
        ) {
            (Some(x), Some(y)) => feasible(&[x, y].concat()),
            _ => true,
        };
        if both {
            let mut r = resolve(symbols, &sa, &sb);
            if same_doc && r.winner.is_none() {
                // Within one document the exception is the special provision.
                let s = [&sa, &sb][pi];
                r = Resolution {
                    kind: "special",
                    prevails: s.source.map(|x| format!("{} art {}", x.document, x.article)),
                    refer_to: None,
                    principle: "within one document, the permit is the special provision and prevails over the general prohibition (特别规定优于一般规定)".into(),
                    winner: Some(pi),
                };
            }
            let permit_wins = r.winner == Some(pi);
            let unresolved = r.winner.is_none();
            let mut d = conflict(
                Code::ConflictPermit,
                ra.name.span,
                format!(
                    "{} permits what {} forbids: `{}` and `{}` can hold together",
                    name(permit.rule),
                    name(forbid.rule),
                    text_of(plan, permit.rule),
                    text_of(plan, forbid.rule)
                ),
                r,
                certain,
            );
            if permit_wins {
                d.severity = Severity::Info;
            } else if unresolved {
                d.severity = Severity::Error;
            }
            let note = "both the permit and the prohibition apply to this record".to_string();
            out.push(with_witness(related(d), "C002", note));
        }
        return;
    }
    if same_doc || ra.kind == RuleKind::Permit || rb.kind == RuleKind::Permit {
        return;
    }
    // C006: the same norm twice.
    if ra.kind == rb.kind
        && canon(ca) == canon(cb)
        && ra.over.as_ref().and_then(|o| o.filter.as_ref()).map(canon)
            == rb.over.as_ref().and_then(|o| o.filter.as_ref()).map(canon)
    {
        let r = resolve(symbols, &sa, &sb);
        let d = conflict(
            Code::ConflictRestated,
            ra.name.span,
            format!("{} restates {}", name(b.rule), name(a.rule)),
            r,
            true,
        );
        out.push(related(d));
        return;
    }
    let opposite = ra.kind != rb.kind && canon(ca) == canon(cb);
    let (qa, qb) = (requirement(ra.kind, ca), requirement(rb.kind, cb));
    let contradictory = opposite
        || match (&qa, &qb) {
            (Some(x), Some(y)) => !feasible(&[x.clone(), y.clone()].concat()),
            _ => false,
        };
    if contradictory {
        let r = resolve(symbols, &sa, &sb);
        let resolved = r.winner.is_some();
        let note = match (&qa, &qb) {
            (Some(x), Some(y)) => describe_clash(x, y),
            _ => "one requires what the other forbids".into(),
        };
        let mut d = conflict(
            Code::ConflictContradiction,
            ra.name.span,
            format!(
                "{} and {} cannot both hold: {note}",
                name(a.rule),
                name(b.rule)
            ),
            r,
            certain,
        );
        if resolved {
            d.severity = Severity::Warning;
        }
        out.push(with_witness(related(d), "C001", note));
        return;
    }
    // C003: a lower document with a weaker threshold on the same measure.
    if let (Some(x), Some(y)) = (&qa, &qb) {
        let rank = |d: Option<&str>| {
            d.and_then(|d| symbols.documents.get(d))
                .and_then(|d| d.level)
        };
        let (la, lb) = (rank(a.document), rank(b.document));
        let (Some(la), Some(lb)) = (la, lb) else {
            return;
        };
        if la == lb {
            return;
        }
        let (lower, higher, lq, hq) = if la > lb { (a, b, x, y) } else { (b, a, y, x) };
        for lbnd in lq {
            for hbnd in hq.iter().filter(|h| h.measure == lbnd.measure) {
                use crate::ast::Cmp::*;
                let weaker = match (lbnd.op, hbnd.op) {
                    (Ge | Gt, Ge | Gt) => lbnd.value < hbnd.value,
                    (Le | Lt, Le | Lt) => lbnd.value > hbnd.value,
                    _ => false,
                };
                if weaker {
                    let (sl, sh) = sides(lower, higher);
                    let r = resolve(symbols, &sl, &sh);
                    let pct = lbnd.measure.contains('/');
                    let d = conflict(
                        Code::ConflictWeaker,
                        lower.rule.item.name.span,
                        format!(
                            "{} sets `{}` {}, weaker than {} of the higher {}: both are enforced, and the lower one adds nothing",
                            name(lower.rule),
                            lbnd.measure,
                            show(lbnd, pct),
                            show(hbnd, pct),
                            name(higher.rule)
                        ),
                        r,
                        certain,
                    )
                    .related(higher.rule.item.name.span, format!("the higher provision: {}", name(higher.rule)));
                    out.push(d);
                    return;
                }
            }
        }
    }
}

/// A resolved conflict is a warning: one provision prevails and is enforced.
fn soften(mut d: Diagnostic, resolved: bool) -> Diagnostic {
    if resolved && d.severity == Severity::Error {
        d.severity = Severity::Warning;
    }
    d
}

/// A rule's condition as written.
fn text_of(plan: &crate::engine::compile::Plan, r: &Sourced<ast::Rule>) -> String {
    plan.rules
        .iter()
        .find(|p| p.name == r.item.name.text)
        .map(|p| p.condition_text.clone())
        .unwrap_or_else(|| r.item.condition.as_ref().map(canon).unwrap_or_default())
}

/// `needs >= 80%, the other <= 70%` for a message.
fn describe_clash(x: &[Bound], y: &[Bound]) -> String {
    for bx in x {
        for by in y.iter().filter(|b| b.measure == bx.measure) {
            if !feasible(&[bx.clone(), by.clone()]) {
                let pct = bx.measure.contains('/');
                return format!(
                    "one requires `{}` {}, the other {}",
                    bx.measure,
                    show(bx, pct),
                    show(by, pct)
                );
            }
        }
    }
    "their conditions cannot hold together".into()
}

/// C004 and C006 between duties of different documents.
fn duties(symbols: &Symbols, p: &FxHashMap<String, Period>, out: &mut Vec<Diagnostic>) {
    let target = |d: &ast::Duty| match &d.target {
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
    };
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
            let sa = Side {
                source: a.source.as_ref(),
                narrower: false,
            };
            let sb = Side {
                source: b.source.as_ref(),
                narrower: false,
            };
            let what = format!("`{}` for {}", a.item.function.text, target(&a.item));
            if a.item.actor.text == b.item.actor.text && a.item.role == b.item.role {
                let d = conflict(
                    Code::ConflictRestated,
                    b.item.span,
                    format!(
                        "{} restates the duty of `{}` for {what} in {}",
                        place(&b.source),
                        a.item.actor.text,
                        place(&a.source)
                    ),
                    resolve(symbols, &sb, &sa),
                    true,
                )
                .related(a.item.span, format!("first stated in {}", place(&a.source)));
                out.push(d);
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
                let r = resolve(symbols, &sa, &sb);
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
                out.push(d);
            }
        }
    }
}

/// C005 and C006 between pairs of different documents.
/// For each pair, the later pairs of the same recipient and programme, in order: only those can
/// clash with it, so pairings are compared within a recipient, not all with all.
fn later_rivals(ps: &[Sourced<ast::Pair>]) -> Vec<Vec<usize>> {
    let mut buckets: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, x) in ps.iter().enumerate() {
        buckets
            .entry((&x.item.recipient.text, &x.item.program.text))
            .or_default()
            .push(i);
    }
    ps.iter()
        .enumerate()
        .map(|(i, x)| {
            let same = &buckets[&(x.item.recipient.text.as_str(), x.item.program.text.as_str())];
            same[same.partition_point(|&j| j <= i)..].to_vec()
        })
        .collect()
}

/// A pair's first and last year: its own, else its programme's start; open-ended when unsaid.
fn pair_years(symbols: &Symbols, x: &Sourced<ast::Pair>) -> (i32, i32) {
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

/// `S -> R in P`.
fn pair_label(x: &ast::Pair) -> String {
    format!(
        "{} -> {} in {}",
        x.supporter.text, x.recipient.text, x.program.text
    )
}

fn pairs(symbols: &Symbols, p: &FxHashMap<String, Period>, out: &mut Vec<Diagnostic>) {
    let ps = &symbols.pairs;
    let years = |x: &Sourced<ast::Pair>| pair_years(symbols, x);
    let label = pair_label;
    let rivals = later_rivals(ps);
    for (i, a) in ps.iter().enumerate() {
        for b in rivals[i].iter().map(|&j| &ps[j]) {
            let (da, db) = (document(&a.source), document(&b.source));
            let (pa, pb) = (&a.item, &b.item);
            // Rivals share the recipient and programme already.
            if da == db || !periods_meet(p, da, db) {
                continue;
            }
            let ((fa, ta), (fb, tb)) = (years(a), years(b));
            if fa.max(fb) > ta.min(tb) {
                continue;
            }
            let sa = Side {
                source: a.source.as_ref(),
                narrower: false,
            };
            let sb = Side {
                source: b.source.as_ref(),
                narrower: false,
            };
            let d = if pa.supporter.text != pb.supporter.text {
                let r = resolve(symbols, &sa, &sb);
                let resolved = r.winner.is_some();
                Some(conflict(
                    Code::ConflictPairing,
                    pb.span,
                    format!(
                        "{} pairs {} with `{}`, but {} with `{}`, in overlapping years",
                        place(&b.source),
                        pb.recipient.text,
                        pb.supporter.text,
                        place(&a.source),
                        pa.supporter.text
                    ),
                    r,
                    true,
                ))
                .map(|d| soften(d, resolved))
            } else if (fa, ta) != (fb, tb) {
                let r = resolve(symbols, &sb, &sa);
                let resolved = r.winner.is_some();
                Some(conflict(
                    Code::ConflictPairing,
                    pb.span,
                    format!(
                        "{} gives the pair {} other years than {}",
                        place(&b.source),
                        label(pb),
                        place(&a.source)
                    ),
                    r,
                    true,
                ))
                .map(|d| soften(d, resolved))
            } else {
                Some(conflict(
                    Code::ConflictRestated,
                    pb.span,
                    format!(
                        "{} restates the pair {} of {}",
                        place(&b.source),
                        label(pb),
                        place(&a.source)
                    ),
                    resolve(symbols, &sb, &sa),
                    true,
                ))
            };
            if let Some(d) = d {
                out.push(d.related(pa.span, format!("the pair in {}", place(&a.source))));
            }
        }
    }
}
