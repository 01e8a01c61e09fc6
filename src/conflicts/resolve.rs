//! Which of two clashing provisions prevails under the Legislation Law (立法法, 2023 numbering),
//! or who decides, in the order of SPEC §8: jurisdiction, variation, superior, special and
//! posterior within one issuer, and otherwise unresolved with the deciding organ named.

pub use super::clash::Side;
use super::clash::{Clash, is_regulation, unresolved};
use super::ranking;
use crate::authority::{
    STATE_COUNCIL, common_territory, may_replace, same_issuer, standing_committee,
};
pub use crate::diagnostic::Resolution;
use crate::symbols::{NATIONAL, Symbols};

/// Resolves a clash between provisions `a` and `b`.
pub fn resolve(symbols: &Symbols, a: &Side<'_>, b: &Side<'_>) -> Resolution {
    let (Some(sa), Some(sb)) = (a.source, b.source) else {
        return Resolution {
            kind: "unresolved",
            prevails: None,
            refer_to: None,
            principle:
                "a provision outside any document has no rank; put it in the document it belongs to"
                    .into(),
            region: None,
            winner: None,
        };
    };
    let (da, db) = (symbols.document(sa.id), symbols.document(sb.id));
    let (Some(la), Some(lb)) = (da.level, db.level) else {
        return unresolved(
            STATE_COUNCIL.into(),
            crate::tr!("conflicts-document-has-no-level"),
        );
    };
    let clash = Clash {
        symbols,
        sides: [a, b],
        docs: [da, db],
        ids: [sa.id, sb.id],
        levels: [la, lb],
    };
    if let Some(r) = repeal(&clash) {
        return r;
    }
    if let Some(r) = jurisdiction(&clash) {
        return r;
    }
    if let Some(r) = super::variation::resolve(&clash) {
        return r;
    }
    if same_issuer(da, db) {
        return ranking::same_issuer(&clash);
    }
    ranking::different_issuers(&clash)
}

/// A document that lawfully repeals the other prevails (the replaced one is not in force where
/// the other is). Two documents repealing each other: the later one; on one day, neither.
fn repeal(c: &Clash<'_>) -> Option<Resolution> {
    let repeals = |x: usize, y: usize| {
        c.symbols.names_replaced(c.ids[x], c.ids[y]) && may_replace(c.symbols, c.docs[x], c.docs[y])
    };
    let i = match (repeals(0, 1), repeals(1, 0)) {
        (true, false) => 0,
        (false, true) => 1,
        (true, true) if c.docs[0].effective != c.docs[1].effective => {
            usize::from(c.docs[1].effective > c.docs[0].effective)
        }
        _ => return None,
    };
    let (x, y) = (c.docs[i], c.docs[1 - i]);
    Some(c.win(
        i,
        "posterior",
        crate::tr!(
            "conflicts-x-repeals-y-which-issuer",
            x = x.name.text,
            y = y.name.text
        ),
    ))
}

/// Step 0: two documents of territories neither within the other stand in no hierarchy.
fn jurisdiction(c: &Clash<'_>) -> Option<Resolution> {
    let (ta, tb) = (c.territory(0), c.territory(1));
    let s = c.symbols;
    if s.within(&ta, &tb) || s.within(&tb, &ta) {
        return None;
    }
    let regulation = c.levels.iter().any(|l| is_regulation(*l));
    let rule = c.levels.iter().any(|l| l.is_legal());
    let common = common_territory(s, &ta, &tb);
    // Between policy documents only, the power over lower governments' decisions (宪法).
    let (decider, article) = match (&common, regulation, rule) {
        (Some(p), true, _) => (standing_committee(p), "立法法 art 108(4)"),
        (None, true, _) => (standing_committee(NATIONAL), "立法法 art 108(2)"),
        (Some(p), false, true) => (p.clone(), "立法法 art 108(6)"),
        (None, false, true) => (STATE_COUNCIL.to_string(), "立法法 art 108(3)"),
        (Some(p), false, false) => (p.clone(), "宪法 art 108"),
        (None, false, false) => (STATE_COUNCIL.to_string(), "宪法 art 89(14)"),
    };
    Some(unresolved(
        decider.clone(),
        crate::tr!(
            "conflicts-document-binds-only-within-region",
            ta = ta,
            tb = tb,
            decider = decider,
            article = article
        ),
    ))
}
