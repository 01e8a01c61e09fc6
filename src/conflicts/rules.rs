//! Conflicts between two rules whose scopes overlap: C002 (permit against prohibition), C006
//! (restated), C001 (contradiction) and C003 (a looser threshold: redundant under a superior,
//! or prevailing as a variation, special or later provision).

use super::canon::canon;
use super::clash::{Side, unresolved};
use super::measure::{self, Bound, feasible, requirement, show};
use super::resolve::{Resolution, resolve};
use super::witness::{self, Witness};
use super::{Override, Prepared, conflict, place, sides};
use crate::ast::{self, Cmp, RuleKind};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::world::DocumentPeriods;
use crate::ids::ActorId;
use crate::symbols::{Sourced, Symbols};

/// Two rules over one record type whose scopes and periods meet.
pub struct Pair<'a> {
    pub symbols: &'a Symbols,
    pub plan: &'a crate::engine::compile::Plan,
    pub periods: &'a DocumentPeriods,
    pub a: &'a Prepared<'a>,
    pub b: &'a Prepared<'a>,
    /// The years both touch without sharing a day, for records dated by year only.
    pub partial: Option<(i32, i32)>,
}

fn name(r: &Sourced<ast::Rule>) -> String {
    format!("`{}` ({})", r.item.name.text, place(&r.source))
}

/// A rule's condition as written.
fn text_of(plan: &crate::engine::compile::Plan, p: &Prepared<'_>) -> String {
    let r = p.rule;
    p.id.map(|id| plan.rule(id).condition_text.clone())
        .unwrap_or_else(|| r.item.condition.as_ref().map(canon).unwrap_or_default())
}

/// `one requires x >= 80%, the other <= 70%` for a message.
fn describe_clash(x: &[Bound], y: &[Bound]) -> String {
    for bx in x {
        for by in y.iter().filter(|b| b.measure == bx.measure) {
            if !feasible(&[bx.clone(), by.clone()]) {
                let pct = bx.measure.contains('/');
                return crate::tr!(
                    "conflicts-one-requires-measure-show-other",
                    measure = bx.measure,
                    show = show(bx, pct),
                    show2 = show(by, pct)
                );
            }
        }
    }
    crate::tr!("conflicts-their-conditions-cannot-hold-together")
}

/// `x` is looser than `y`: a lower floor or a higher ceiling on the same measure.
fn looser(x: &Bound, y: &Bound) -> bool {
    x.measure == y.measure
        && match (x.op, y.op) {
            (Cmp::Ge | Cmp::Gt, Cmp::Ge | Cmp::Gt) => x.value < y.value,
            (Cmp::Le | Cmp::Lt, Cmp::Le | Cmp::Lt) => x.value > y.value,
            _ => false,
        }
}

/// The severity of a clash nobody settles: an error only when a witness proves it.
fn unsettled(certain: bool) -> Severity {
    if certain {
        Severity::Error
    } else {
        Severity::Warning
    }
}

impl Pair<'_> {
    /// Every finding between the two rules, and the overrides their resolutions imply.
    pub fn compare(&self, out: &mut Vec<Diagnostic>, overrides: &mut Vec<Override>) {
        let (ra, rb) = (&self.a.rule.item, &self.b.rule.item);
        if ra.condition.is_none() || rb.condition.is_none() || self.a.per != self.b.per {
            return;
        }
        let w = witness::find(self.symbols, self.plan, self.periods, self.a, self.b);
        let w = w.filter(|w| w.certain);
        match (ra.kind, rb.kind) {
            (RuleKind::Permit, RuleKind::Forbid) => self.permit(0, w.as_ref(), out, overrides),
            (RuleKind::Forbid, RuleKind::Permit) => self.permit(1, w.as_ref(), out, overrides),
            (RuleKind::Permit, _) | (_, RuleKind::Permit) => {}
            _ if self.same_document() => {}
            _ => {
                if !self.restated(out) && !self.contradiction(w.as_ref(), out, overrides) {
                    self.looser(w.is_some(), out, overrides);
                }
            }
        }
    }

    fn same_document(&self) -> bool {
        self.a.document == self.b.document
    }

    fn side(&self, i: usize) -> &Prepared<'_> {
        if i == 0 { self.a } else { self.b }
    }

    /// The resolution, except that a clash only within years both documents touch in part is
    /// not decided: which applies depends on the record's date (立法法 art 104).
    fn resolution(&self, x: &Side<'_>, y: &Side<'_>) -> Resolution {
        let r = resolve(self.symbols, x, y);
        let Some((first, last)) = self.partial else {
            return r;
        };
        let years = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        let who = r.refer_to.clone().unwrap_or_else(|| {
            let doc = r
                .winner
                .and_then(|i| [x, y][i].source)
                .map(|s| self.symbols.document(s.id));
            doc.map_or_else(
                || crate::authority::STATE_COUNCIL.to_string(),
                |d| crate::authority::organ(&crate::authority::highest_issuer(self.symbols, d)),
            )
        });
        unresolved(
            who.clone(),
            crate::tr!(
                "conflicts-two-documents-are-force-different",
                years = years,
                who = who
            ),
        )
    }

    fn with_witness(
        &self,
        mut d: Diagnostic,
        w: Option<&Witness>,
        code: &str,
        note: &str,
    ) -> Diagnostic {
        if let Some(w) = w {
            d.witness = Some(w.test_block(
                code,
                &self.a.rule.item.name.text,
                &self.b.rule.item.name.text,
                note,
            ));
        }
        d
    }

    fn related(&self, d: Diagnostic) -> Diagnostic {
        d.related(
            self.b.rule.item.name.span,
            crate::tr!("conflicts-other-provision-name", name = name(self.b.rule)),
        )
    }

    fn push_override(&self, win: usize, r: &Resolution, overrides: &mut Vec<Override>) {
        let (w, l) = (self.side(win), self.side(1 - win));
        let (Some(defeated), Some(winner)) = (l.id, w.id) else {
            return;
        };
        let region = match &r.region {
            Some(t) if t != crate::symbols::NATIONAL => match self.symbols.actors.get_index_of(t) {
                Some(i) => Some(ActorId(i as u32)),
                None => return,
            },
            _ => None,
        };
        overrides.push(Override {
            defeated,
            winner,
            permit: w.rule.item.kind == RuleKind::Permit,
            region,
            reason: crate::tr!(
                "conflicts-r-prevails-over-place-principle",
                r = r.prevails.clone().unwrap_or_default(),
                place = place(&l.rule.source),
                principle = r.principle
            ),
        });
    }

    /// C002: the permit of side `pi` against the other side's prohibition, when both
    /// conditions can hold together (also within one document: that is what a permit is for).
    fn permit(
        &self,
        pi: usize,
        w: Option<&Witness>,
        out: &mut Vec<Diagnostic>,
        overrides: &mut Vec<Override>,
    ) {
        let (permit, forbid) = (self.side(pi), self.side(1 - pi));
        let cond = |p: &Prepared<'_>| {
            measure::conjunction(
                p.rule
                    .item
                    .condition
                    .as_ref()
                    .expect("compared rules have conditions"),
            )
        };
        if let (Some(x), Some(y)) = (cond(permit), cond(forbid))
            && !feasible(&[x, y].concat())
        {
            return;
        }
        let (sa, sb) = sides(self.a, self.b);
        let mut r = self.resolution(&sa, &sb);
        if self.same_document() && r.winner.is_none() && self.partial.is_none() {
            r = Resolution {
                kind: "special",
                prevails: [&sa, &sb][pi].source.map(|x| {
                    crate::tr!(
                        "gaps-document-art-article",
                        document = x.document,
                        article = x.article
                    )
                }),
                refer_to: None,
                principle: crate::tr!("conflicts-within-one-document-permit-special"),
                region: None,
                winner: Some(pi),
            };
        }
        let severity = match r.winner {
            Some(i) if i == pi => Severity::Info,
            Some(_) => Severity::Warning,
            None => unsettled(w.is_some()),
        };
        if r.winner == Some(pi) {
            self.push_override(pi, &r, overrides);
        }
        let mut d = conflict(
            Code::ConflictPermit,
            self.a.rule.item.name.span,
            crate::tr!(
                "conflicts-name-permits-what-name-forbids",
                name = name(permit.rule),
                name2 = name(forbid.rule),
                text_of = text_of(self.plan, permit),
                text_of2 = text_of(self.plan, forbid)
            ),
            r,
            w.is_some(),
        );
        d.severity = severity;
        let note = "both the permit and the prohibition apply to this record";
        out.push(self.with_witness(self.related(d), w, "C002", note));
    }

    /// C006: the same norm twice.
    fn restated(&self, out: &mut Vec<Diagnostic>) -> bool {
        let (ra, rb) = (&self.a.rule.item, &self.b.rule.item);
        let filter = |r: &ast::Rule| r.over.as_ref().and_then(|o| o.filter.as_ref()).map(canon);
        let same = ra.kind == rb.kind
            && ra.condition.as_ref().map(canon) == rb.condition.as_ref().map(canon)
            && filter(ra) == filter(rb);
        if same {
            let (sa, sb) = sides(self.a, self.b);
            let d = conflict(
                Code::ConflictRestated,
                ra.name.span,
                format!("{} restates {}", name(self.b.rule), name(self.a.rule)),
                self.resolution(&sa, &sb),
                true,
            );
            out.push(self.related(d));
        }
        same
    }

    /// C001: no record or group can satisfy both.
    fn contradiction(
        &self,
        w: Option<&Witness>,
        out: &mut Vec<Diagnostic>,
        overrides: &mut Vec<Override>,
    ) -> bool {
        let (ra, rb) = (&self.a.rule.item, &self.b.rule.item);
        let (ca, cb) = (ra.condition.as_ref(), rb.condition.as_ref());
        let opposite = ra.kind != rb.kind && ca.map(canon) == cb.map(canon);
        let (qa, qb) = (
            ca.and_then(|c| requirement(ra.kind, c)),
            cb.and_then(|c| requirement(rb.kind, c)),
        );
        let clash = match (&qa, &qb) {
            (Some(x), Some(y)) => !feasible(&[x.clone(), y.clone()].concat()),
            _ => false,
        };
        if !opposite && !clash {
            return false;
        }
        let (sa, sb) = sides(self.a, self.b);
        let r = self.resolution(&sa, &sb);
        let note = match (&qa, &qb) {
            (Some(x), Some(y)) => describe_clash(x, y),
            _ => crate::tr!("conflicts-one-requires-what-other-forbids"),
        };
        let severity = if r.winner.is_some() {
            Severity::Warning
        } else {
            unsettled(w.is_some())
        };
        if let Some(i) = r.winner {
            self.push_override(i, &r, overrides);
        }
        let mut d = conflict(
            Code::ConflictContradiction,
            ra.name.span,
            crate::tr!(
                "conflicts-name-name-cannot-both-hold",
                name = name(self.a.rule),
                name2 = name(self.b.rule),
                note = note
            ),
            r,
            w.is_some(),
        );
        d.severity = severity;
        out.push(self.with_witness(self.related(d), w, "C001", &note));
        true
    }

    /// C003: one sets a looser threshold on the same measure. Under a provision really above
    /// it, it is redundant; where it prevails (variation, special, later), the stricter one
    /// yields; at equal rank, or unresolved, both can be met and nothing is reported.
    fn looser(&self, certain: bool, out: &mut Vec<Diagnostic>, overrides: &mut Vec<Override>) {
        let (ra, rb) = (&self.a.rule.item, &self.b.rule.item);
        let (Some(qa), Some(qb)) = (
            ra.condition.as_ref().and_then(|c| requirement(ra.kind, c)),
            rb.condition.as_ref().and_then(|c| requirement(rb.kind, c)),
        ) else {
            return;
        };
        let found = qa.iter().find_map(|x| {
            qb.iter().find_map(|y| {
                if looser(x, y) {
                    Some((0, x.clone(), y.clone()))
                } else if looser(y, x) {
                    Some((1, y.clone(), x.clone()))
                } else {
                    None
                }
            })
        });
        let Some((weak, wb, sbnd)) = found else {
            return;
        };
        let (lo, hi) = (self.side(weak), self.side(1 - weak));
        let (sl, sh) = sides(lo, hi);
        let r = self.resolution(&sl, &sh);
        let Some(message) = self.looser_message(lo, hi, &r, &wb, &sbnd) else {
            return;
        };
        let label = if r.winner == Some(1) {
            crate::tr!("conflicts-higher-provision")
        } else {
            crate::tr!("conflicts-other-provision")
        };
        if r.winner == Some(0) {
            let mut r2 = r.clone();
            r2.winner = Some(weak);
            self.push_override(weak, &r2, overrides);
        }
        let d = conflict(
            Code::ConflictWeaker,
            lo.rule.item.name.span,
            message,
            r,
            certain,
        )
        .related(
            hi.rule.item.name.span,
            format!("{label}: {}", name(hi.rule)),
        );
        out.push(d);
    }

    /// What C003 says of a looser threshold `wb` against the stricter `sbnd`, by how the pair
    /// is resolved; `None` when it is not reported (both can be met).
    fn looser_message(
        &self,
        lo: &Prepared<'_>,
        hi: &Prepared<'_>,
        r: &Resolution,
        wb: &Bound,
        sbnd: &Bound,
    ) -> Option<String> {
        let pct = wb.measure.contains('/');
        let message = match (r.winner, r.kind) {
            (Some(1), "superior") => crate::tr!(
                "conflicts-name-sets-measure-show-weaker",
                name = name(lo.rule),
                measure = wb.measure,
                show = show(wb, pct),
                show2 = show(sbnd, pct),
                name2 = name(hi.rule)
            ),
            (Some(0), kind) if kind != "superior" => {
                let inside = r
                    .region
                    .as_ref()
                    .map(|t| format!(" inside `{t}`"))
                    .unwrap_or_default();
                crate::tr!(
                    "conflicts-name-sets-measure-show-looser",
                    name = name(lo.rule),
                    measure = wb.measure,
                    show = show(wb, pct),
                    show2 = show(sbnd, pct),
                    name2 = name(hi.rule),
                    inside = inside
                )
            }
            // Documents in force in different parts of a year the records give alone: which
            // threshold a record of that year must meet depends on its date (立法法 art 104).
            (None, _) if self.partial.is_some() => crate::tr!(
                "conflicts-name-sets-measure-show-looser-2",
                name = name(lo.rule),
                measure = wb.measure,
                show = show(wb, pct),
                show2 = show(sbnd, pct),
                name2 = name(hi.rule)
            ),
            _ => return None,
        };
        Some(message)
    }
}
