//! G001–G005 for one side of one function in one scope: unheld, several leads, political basis
//! only, no lead, and a holder of the wrong kind.

use super::holders::{Holder, overlap};
use super::scope::{Scope, ScopeKind};
use super::{names, side_words, union_of};
use crate::ast::{Function, Side};
use crate::diagnostic::{Code, Diagnostic};
use crate::years::Years;

/// The holders of one side of one function in one scope, and the years they hold it.
struct View<'a, 'h> {
    f: &'a Function,
    scope: &'a Scope,
    on: Vec<&'a Holder<'h>>,
    /// ` on the supporter side`, or empty.
    place: String,
    held: Years,
}

impl View<'_, '_> {
    fn fname(&self) -> &str {
        &self.f.name.text
    }

    /// The function and the given holders' duties as related places.
    fn related_to(&self, d: Diagnostic, hs: &[&Holder<'_>]) -> Diagnostic {
        let d = d.related(
            self.f.name.span,
            crate::tr!("gaps-function-value", value = self.fname()),
        );
        hs.iter().fold(d, |d, h| {
            d.related(
                h.duty.item.span,
                format!("{} ({})", h.actor.name.text, h.basis()),
            )
        })
    }

    fn related(&self, d: Diagnostic) -> Diagnostic {
        self.related_to(d, &self.on)
    }

    fn unheld(&self, out: &mut Vec<Diagnostic>) {
        let (fname, place, scope) = (self.fname(), &self.place, self.scope);
        let unheld = scope.years.minus(&self.held);
        if unheld.is_empty() {
            return;
        }
        let how = match scope.kind {
            ScopeKind::Program(_) => {
                crate::tr!(
                    "gaps-for-program-scope",
                    scope = scope.label.trim_start_matches("program ")
                )
            }
            ScopeKind::Pair(_) => crate::tr!("gaps-for-label", label = scope.label),
        };
        out.push(
            self.related(
                Diagnostic::new(
                    Code::GapUnheld,
                    scope.span,
                    crate::tr!(
                        "gaps-no-one-holds-fname-place",
                        fname = fname,
                        place = place,
                        label = scope.label,
                        unheld = unheld
                    ),
                )
                .label(crate::tr!("gaps-function-unheld"))
                .help(crate::tr!(
                    "gaps-assign-document-responsible-duty-actor",
                    fname = fname,
                    how = how
                ))
                .years(unheld),
            ),
        );
    }

    fn leads(&self) -> Vec<&Holder<'_>> {
        self.on.iter().copied().filter(|h| h.lead).collect()
    }

    fn several_leads(&self, out: &mut Vec<Diagnostic>) {
        let leads = self.leads();
        let mut several = Years::none();
        let mut involved = vec![false; leads.len()];
        for (i, a) in leads.iter().enumerate() {
            for (j, b) in leads.iter().enumerate().skip(i + 1) {
                if a.actor.name.text == b.actor.name.text {
                    continue;
                }
                let both = overlap(a, b)
                    .intersect(&a.years)
                    .intersect(&b.years)
                    .intersect(&self.scope.years);
                if !both.is_empty() {
                    involved[i] = true;
                    involved[j] = true;
                    several = several.union(&both);
                }
            }
        }
        if several.is_empty() {
            return;
        }
        let who: Vec<&Holder<'_>> = leads
            .iter()
            .zip(&involved)
            .filter(|(_, i)| **i)
            .map(|(h, _)| *h)
            .collect();
        out.push(
            self.related_to(
                Diagnostic::new(
                    Code::GapSeveralLeads,
                    self.scope.span,
                    crate::tr!(
                        "gaps-value-place-label-has-several",
                        value = self.fname(),
                        place = self.place,
                        label = self.scope.label,
                        several = several.phrase(),
                        names = names(&who)
                    ),
                )
                .label(crate::tr!("gaps-several-leads"))
                .help(crate::tr!("gaps-keep-one-lead-make-others"))
                .years(several),
                &who,
            ),
        );
    }

    fn political_only(&self, out: &mut Vec<Diagnostic>) {
        let legal = union_of(self.on.iter().copied().filter(|h| h.legal));
        let political = self.held.minus(&legal);
        if political.is_empty() {
            return;
        }
        out.push(
            self.related(
                Diagnostic::new(
                    Code::GapPoliticalOnly,
                    self.scope.span,
                    crate::tr!(
                        "gaps-value-place-label-has-only",
                        value = self.fname(),
                        place = self.place,
                        label = self.scope.label,
                        political = political.phrase()
                    ),
                )
                .label(crate::tr!("gaps-political-responsibility-only"))
                .help(crate::tr!("gaps-give-legal-basis-duty-law"))
                .years(political),
            ),
        );
    }

    fn no_lead(&self, out: &mut Vec<Diagnostic>) {
        let led = union_of(self.leads().into_iter());
        let no_lead = self.held.minus(&led);
        if no_lead.is_empty() {
            return;
        }
        let during: Vec<&Holder<'_>> = self
            .on
            .iter()
            .copied()
            .filter(|h| !h.years.intersect(&no_lead).is_empty())
            .collect();
        out.push(
            self.related(
                Diagnostic::new(
                    Code::GapNoLead,
                    self.scope.span,
                    crate::tr!(
                        "gaps-value-place-label-has-holders",
                        value = self.fname(),
                        place = self.place,
                        label = self.scope.label,
                        no_lead = no_lead.phrase(),
                        names = names(&during)
                    ),
                )
                .label(crate::tr!("gaps-no-lead"))
                .help(crate::tr!("gaps-mark-body-responsible-as-lead"))
                .years(no_lead),
            ),
        );
    }

    fn holder_kind(&self, out: &mut Vec<Diagnostic>) {
        let Some(kind) = self.f.holder else {
            return;
        };
        let right = union_of(
            self.on
                .iter()
                .copied()
                .filter(|h| h.actor.kind == Some(kind)),
        );
        let wrong = self.held.minus(&right);
        if wrong.is_empty() {
            return;
        }
        let who: Vec<String> = self
            .on
            .iter()
            .filter(|h| h.actor.kind != Some(kind))
            .map(|h| {
                format!(
                    "{} ({})",
                    h.actor.name.text,
                    h.actor.kind.map_or("no kind", |k| k.as_str())
                )
            })
            .collect();
        out.push(
            self.related(
                Diagnostic::new(
                    Code::GapHolderKind,
                    self.scope.span,
                    crate::tr!(
                        "gaps-value-place-label-needs-value",
                        value = self.fname(),
                        place = self.place,
                        label = self.scope.label,
                        value2 = crate::tr!("gaps-kind-with-article", kind = kind.as_str()),
                        wrong = wrong.phrase(),
                        who = who.join(", "),
                        hold = if who.len() == 1 { "holds" } else { "hold" }
                    ),
                )
                .label(crate::tr!("gaps-no-kind", kind = kind.as_str()))
                .help(if kind == crate::ast::ActorKind::Office {
                    crate::tr!("gaps-give-function-standing-office-kind")
                } else {
                    crate::tr!("gaps-give-function-body-kind-kind", kind = kind.as_str())
                })
                .years(wrong),
            ),
        );
    }
}

/// G001–G005 for one side of one function in one scope.
pub fn gaps(f: &Function, side: Side, scope: &Scope, hs: &[Holder<'_>], out: &mut Vec<Diagnostic>) {
    let on: Vec<&Holder<'_>> = hs.iter().filter(|h| h.side == Some(side)).collect();
    let place = side_words(side, scope);
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" {place}")
    };
    let held = union_of(on.iter().copied()).intersect(&scope.years);
    let view = View {
        f,
        scope,
        on,
        place,
        held,
    };
    view.unheld(out);
    view.several_leads(out);
    view.political_only(out);
    view.no_lead(out);
    view.holder_kind(out);
}
