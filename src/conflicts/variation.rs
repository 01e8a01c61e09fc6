//! Step 1 of the resolution: an autonomous area's autonomous or separate regulation varies a
//! law, administrative regulation or local regulation inside its own area (立法法 art 101 ¶1),
//! a special economic zone's regulation what it is authorised to vary (art 101 ¶2) — never the
//! Constitution, the 民族区域自治法 or a provision made for autonomous areas (art 85 ¶2).

use super::clash::Clash;
use crate::ast::{DocLevel, Document};
use crate::diagnostic::Resolution;
use crate::symbols::Symbols;

/// The sentence every variation finding ends with.
const CONFIRM: &str =
    "whether it keeps to the basic principles of the law varied is for a person to confirm";

fn varies_at_all(l: DocLevel) -> bool {
    matches!(
        l,
        DocLevel::AutonomousRegulation | DocLevel::SeparateRegulation | DocLevel::SezRegulation
    )
}

fn may_be_varied(l: DocLevel) -> bool {
    matches!(
        l,
        DocLevel::Constitution
            | DocLevel::Law
            | DocLevel::AdministrativeRegulation
            | DocLevel::LocalRegulation
    )
}

/// Whether a document is the Law on Regional National Autonomy, named or titled so.
fn is_autonomy_law(d: &Document) -> bool {
    let says = |s: &str| s.contains("民族区域自治法");
    says(&d.name.text) || d.title.as_deref().is_some_and(says)
}

/// Whether the provision of side `i` was made specifically for autonomous areas.
fn for_autonomous_areas(c: &Clash<'_>, i: usize) -> bool {
    let doc = c.docs[i];
    doc.for_autonomous_areas
        || c.sides[i].source.is_some_and(|s| {
            doc.articles
                .iter()
                .any(|a| a.number == s.article && a.for_autonomous_areas)
        })
}

/// Whether the issuer may make this kind of variation: an autonomous area's organ for an
/// autonomous or separate regulation; any issuer for a special zone's regulation.
fn issuer_may_vary(symbols: &Symbols, d: &Document) -> bool {
    d.level == Some(DocLevel::SezRegulation)
        || d.issuer
            .iter()
            .any(|i| symbols.actors.get(&i.text).is_some_and(|a| a.autonomous))
}

/// Whether `v` claims to vary `o`: a special zone's regulation only what its `varies` names;
/// an autonomous area's, anything above it unless its `varies` names other documents.
fn claims(c: &Clash<'_>, (v, o): (usize, usize)) -> bool {
    let named = c.symbols.names_varied(c.ids[v], c.ids[o]);
    let v = c.docs[v];
    if v.level == Some(DocLevel::SezRegulation) {
        named
    } else {
        v.varies.is_empty() || named
    }
}

/// The variation's resolution, if one side varies the other.
pub fn resolve(c: &Clash<'_>) -> Option<Resolution> {
    let v = (0..2).find(|&i| varies_at_all(c.levels[i]) && may_be_varied(c.levels[1 - i]))?;
    let o = 1 - v;
    let (tv, to) = (c.territory(v), c.territory(o));
    if !c.symbols.within(&tv, &to) || !issuer_may_vary(c.symbols, c.docs[v]) || !claims(c, (v, o)) {
        return None;
    }
    let article = if c.levels[v] == DocLevel::SezRegulation {
        "立法法 art 101 ¶2"
    } else {
        "立法法 art 101 ¶1"
    };
    let barred = if c.levels[o] == DocLevel::Constitution {
        Some("the Constitution")
    } else if is_autonomy_law(c.docs[o]) {
        Some("the 民族区域自治法")
    } else if for_autonomous_areas(c, o) {
        Some("a provision made for autonomous areas")
    } else {
        None
    };
    if let Some(what) = barred {
        return Some(c.win(
            o,
            "superior",
            crate::tr!(
                "conflicts-c-may-not-vary-what",
                c = c.level_name(v),
                what = what,
                o = c.levels[o].as_str(),
                name = c.docs[o].name.text,
                article = article,
                CONFIRM = CONFIRM
            ),
        ));
    }
    let mut r = c.win(
        v,
        "variation",
        crate::tr!(
            "conflicts-c-c-varies-c-inside",
            c = c.level_name(v),
            c2 = c.issuer(v),
            c3 = c.level_name(o),
            tv = tv,
            article = article,
            CONFIRM = CONFIRM
        ),
    );
    r.region = Some(tv);
    Some(r)
}
