//! Checks on actors: `region` and `of` name actors, and their links form no cycle.

use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::lookup;
use crate::symbols::{DeclKind, Symbols};

pub fn check(s: &Symbols, diags: &mut Vec<Diagnostic>) {
    for a in s.actors.values() {
        for link in [&a.region, &a.of].into_iter().flatten() {
            lookup(s, link, DeclKind::Actor, diags);
        }
    }
    // A cycle: following links from an actor leads back to it.
    let mut reported: Vec<&str> = Vec::new();
    for a in s.actors.values() {
        let name = a.name.text.as_str();
        if reported.contains(&name) {
            continue;
        }
        let links: Vec<&str> = [&a.region, &a.of]
            .into_iter()
            .flatten()
            .map(|n| n.text.as_str())
            .collect();
        let cyclic = links.iter().any(|l| s.ancestors(l).contains(&name));
        if cyclic {
            let chain = s.ancestors(name);
            reported.extend(chain.iter().copied());
            let link = a
                .region
                .as_ref()
                .or(a.of.as_ref())
                .expect("a cyclic actor has a link");
            diags.push(
                Diagnostic::new(
                    Code::DeclRegionCycle,
                    link.span,
                    crate::tr!("decl-name-lies-within-itself-through", name = name),
                )
                .label(crate::tr!("decl-this-link-closes-cycle"))
                .help(crate::tr!(
                    "decl-chain-chain-remove-one-link",
                    chain = chain.join(" → ")
                )),
            );
        }
    }
}
