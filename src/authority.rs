//! Who binds where and who stands over whom: a document's territory, an issuer's place in the
//! lines of authority, and which organ may change or annul which document (立法法 art 108).

use crate::ast::{ActorKind, DocLevel, Document, Level};
use crate::symbols::{NATIONAL, Symbols};

/// The State Council, named when the rule set declares no central government.
pub const STATE_COUNCIL: &str = "国务院";
/// The NPC Standing Committee.
pub const NPC_STANDING_COMMITTEE: &str = "全国人大常委会";
/// The National People's Congress.
pub const NPC: &str = "全国人大";

fn kind(symbols: &Symbols, actor: &str) -> Option<ActorKind> {
    symbols.actors.get(actor).and_then(|a| a.kind)
}

fn level(symbols: &Symbols, actor: &str) -> Option<Level> {
    if actor == NATIONAL {
        return Some(Level::Central);
    }
    symbols.actors.get(actor).and_then(|a| a.level)
}

/// The body an organ belongs to (`of:`), if any.
fn parent(symbols: &Symbols, actor: &str) -> Option<String> {
    symbols
        .actors
        .get(actor)
        .and_then(|a| a.of.as_ref())
        .map(|n| n.text.clone())
}

/// The territory an organ governs: the whole country for a central organ, the government's
/// area for one of its departments, offices or its congress, else the organ's own area.
pub fn territory(symbols: &Symbols, actor: &str) -> String {
    let mut current = actor.to_string();
    for _ in 0..16 {
        if current == NATIONAL || level(symbols, &current) == Some(Level::Central) {
            return NATIONAL.into();
        }
        match parent(symbols, &current) {
            Some(p) if symbols.actors.contains_key(&p) => current = p,
            _ => return current,
        }
    }
    current
}

/// The organ to name as deciding: the built-in `national` is the State Council.
pub fn organ(actor: &str) -> String {
    if actor == NATIONAL {
        STATE_COUNCIL.into()
    } else {
        actor.into()
    }
}

/// A document's issuers; the built-in `national` when none is given.
pub fn issuers(doc: &Document) -> Vec<String> {
    if doc.issuer.is_empty() {
        return vec![NATIONAL.into()];
    }
    doc.issuer.iter().map(|n| n.text.clone()).collect()
}

/// The issuer a (joint) document ranks as: the one highest in authority.
pub fn highest_issuer(symbols: &Symbols, doc: &Document) -> String {
    let all = issuers(doc);
    all.iter()
        .min_by_key(|i| tier(symbols, i))
        .cloned()
        .unwrap_or_else(|| NATIONAL.into())
}

/// The territory a document binds: its `region`, else its highest issuer's territory.
pub fn doc_territory(symbols: &Symbols, doc: &Document) -> String {
    match &doc.region {
        Some(r) => territory(symbols, &r.text),
        None => territory(symbols, &highest_issuer(symbols, doc)),
    }
}

/// Whether two documents have the same issuer (the same set of issuers, for joint ones).
pub fn same_issuer(a: &Document, b: &Document) -> bool {
    let (mut x, mut y) = (issuers(a), issuers(b));
    x.sort();
    y.sort();
    x == y
}

/// Whether an organ is the central government (国务院, the built-in `national`, or an office of
/// it such as 国务院办公厅).
pub fn is_central_government(symbols: &Symbols, actor: &str) -> bool {
    if actor == NATIONAL {
        return true;
    }
    let central_gov = |a: &str| {
        level(symbols, a) == Some(Level::Central) && kind(symbols, a) == Some(ActorKind::Government)
    };
    central_gov(actor)
        || (kind(symbols, actor) == Some(ActorKind::Office)
            && parent(symbols, actor).is_some_and(|p| central_gov(&p)))
}

/// Place in the lines of authority, lower is higher: the central party organs (中共中央 and
/// its general office), the central government and congress, central departments and 议事协调机构,
/// then provincial, prefectural, county and township organs.
pub fn tier(symbols: &Symbols, actor: &str) -> u8 {
    if actor == NATIONAL {
        return 1;
    }
    let Some(a) = symbols.actors.get(actor) else {
        return 7;
    };
    match a.level {
        Some(Level::Central) => match a.kind {
            Some(ActorKind::Party) => 0,
            Some(ActorKind::Government | ActorKind::Legislature) => 1,
            Some(ActorKind::Office | ActorKind::Agency) => match parent(symbols, actor) {
                Some(p) if p != actor && symbols.actors.contains_key(&p) => {
                    tier_of_parent(symbols, &p)
                }
                _ => 2,
            },
            _ => 2,
        },
        Some(Level::Province) => 3,
        Some(Level::Prefecture) => 4,
        Some(Level::County) => 5,
        Some(Level::Township) => 6,
        None => 7,
    }
}

/// An office ranks with the body it serves (one step only: no cycles).
fn tier_of_parent(symbols: &Symbols, p: &str) -> u8 {
    match symbols.actors.get(p).map(|a| (a.level, a.kind)) {
        Some((Some(Level::Central), Some(ActorKind::Party))) => 0,
        Some((Some(Level::Central), Some(ActorKind::Government | ActorKind::Legislature))) => 1,
        _ => 2,
    }
}

/// Whether `x` stands above `y` in a line of authority: higher in authority, and `y` governs a
/// territory within `x`'s.
pub fn politically_above(symbols: &Symbols, x: &str, y: &str) -> bool {
    x != y
        && tier(symbols, x) < tier(symbols, y)
        && symbols.within(&territory(symbols, y), &territory(symbols, x))
}

fn is_legislature(symbols: &Symbols, actor: &str) -> bool {
    kind(symbols, actor) == Some(ActorKind::Legislature)
}

/// Whether organ `organ` may change or annul `doc` (立法法 art 108): its own issuer, the State
/// Council over department and local government rules, a provincial government over lower
/// governments' rules, a congress over the regulations below it and its government's rules,
/// and for political documents any organ above the issuer in its line of authority.
pub fn may_annul(symbols: &Symbols, organ: &str, doc: &Document) -> bool {
    if issuers(doc).iter().any(|i| i == organ) {
        return true;
    }
    let Some(level) = doc.level else {
        return false;
    };
    let issuer = highest_issuer(symbols, doc);
    let place = doc_territory(symbols, doc);
    let organ_place = territory(symbols, organ);
    let central_congress = is_legislature(symbols, organ) && organ_place == NATIONAL;
    use DocLevel::*;
    match level {
        Constitution => false,
        Law | AdministrativeRegulation => central_congress,
        LocalRegulation | AutonomousRegulation | SeparateRegulation | SezRegulation => {
            central_congress
                || (is_legislature(symbols, organ)
                    && level_of(symbols, organ) == Some(Level::Province)
                    && symbols.within(&place, &organ_place))
        }
        DepartmentRule => is_central_government(symbols, organ),
        LocalRule => {
            is_central_government(symbols, organ)
                || (kind(symbols, organ) == Some(ActorKind::Government)
                    && level_of(symbols, organ) == Some(Level::Province)
                    && place != organ_place
                    && symbols.within(&place, &organ_place))
                || (is_legislature(symbols, organ) && organ_place == place)
        }
        PartyRegulation | NormativeDocument | Agreement | Minutes => {
            politically_above(symbols, organ, &issuer)
        }
    }
}

fn level_of(symbols: &Symbols, actor: &str) -> Option<Level> {
    level(symbols, actor)
}

/// The province-level government `place` lies within (itself if it is one), if declared.
pub fn province_of(symbols: &Symbols, place: &str) -> Option<String> {
    symbols
        .ancestors(place)
        .into_iter()
        .find(|a| {
            level(symbols, a) == Some(Level::Province)
                && kind(symbols, a) != Some(ActorKind::Department)
        })
        .map(str::to_string)
}

/// The standing committee of the congress of a territory: `新疆人大常委会`.
pub fn standing_committee(place: &str) -> String {
    if place == NATIONAL {
        NPC_STANDING_COMMITTEE.into()
    } else {
        format!("{place}人大常委会")
    }
}

/// The nearest declared territory both lie within, other than the whole country.
pub fn common_territory(symbols: &Symbols, a: &str, b: &str) -> Option<String> {
    let up_b = symbols.ancestors(b);
    symbols
        .ancestors(a)
        .into_iter()
        .find(|x| up_b.contains(x) && *x != NATIONAL)
        .map(str::to_string)
}

/// The organ that may change or annul a legal document of this level and territory, for a
/// clash it cannot settle itself.
pub fn power_over(symbols: &Symbols, doc: &Document) -> String {
    let place = doc_territory(symbols, doc);
    use DocLevel::*;
    match doc.level {
        Some(Constitution | Law) => NPC.into(),
        Some(AdministrativeRegulation) => NPC_STANDING_COMMITTEE.into(),
        Some(LocalRegulation | AutonomousRegulation | SeparateRegulation | SezRegulation) => {
            match province_of(symbols, &place) {
                Some(p) if p != place => standing_committee(&p),
                _ => NPC_STANDING_COMMITTEE.into(),
            }
        }
        Some(LocalRule) => match province_of(symbols, &place) {
            Some(p) if p != place => p,
            _ => STATE_COUNCIL.into(),
        },
        _ => STATE_COUNCIL.into(),
    }
}

/// Whether `x`'s issuers may repeal `y` (立法法 art 108).
pub fn may_replace(symbols: &Symbols, x: &Document, y: &Document) -> bool {
    issuers(x).iter().any(|i| may_annul(symbols, i, y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    fn set() -> RuleSet {
        RuleSet::from_sources(vec![(
            "a.dk".into(),
            r#"
actor 中共中央 { kind: party, level: central }
actor 国务院 { kind: government, level: central }
actor 国务院办公厅 { kind: office, level: central, of: 国务院 }
actor 国家发改委 { kind: department, level: central, of: 国务院 }
actor 新疆 { kind: government, level: province, autonomous: true }
actor 新疆人大常委会 { kind: legislature, level: province, of: 新疆 }
actor 巴州 { kind: government, level: prefecture, region: 新疆, autonomous: true }
document 规章 { level: local_rule, issuer: 巴州, effective: 2012-01-01 }
document 条例 { level: local_regulation, issuer: 新疆人大常委会, effective: 2012-01-01 }
"#
            .into(),
        )])
    }

    #[test]
    fn territories_follow_of_links_and_central_organs_cover_the_country() {
        let s = set();
        let s = s.symbols();
        assert_eq!(territory(s, "新疆人大常委会"), "新疆");
        assert_eq!(territory(s, "巴州"), "巴州");
        assert_eq!(territory(s, "国家发改委"), NATIONAL);
    }

    #[test]
    fn authority_ranks_party_then_state_council_then_departments() {
        let s = set();
        let s = s.symbols();
        assert!(tier(s, "中共中央") < tier(s, "国务院"));
        assert_eq!(tier(s, "国务院办公厅"), tier(s, "国务院"));
        assert!(tier(s, "国务院") < tier(s, "国家发改委"));
        assert!(politically_above(s, "国家发改委", "巴州"));
        assert!(!politically_above(s, "巴州", "新疆"));
    }

    #[test]
    fn who_may_annul_follows_article_108() {
        let s = set();
        let s = s.symbols();
        let rule = &s.documents["规章"];
        let regulation = &s.documents["条例"];
        assert!(may_annul(s, "国务院", rule));
        assert!(may_annul(s, "新疆", rule));
        assert!(!may_annul(s, "国家发改委", rule));
        assert!(!may_annul(s, "国务院", regulation));
        assert_eq!(power_over(s, regulation), NPC_STANDING_COMMITTEE);
        assert_eq!(power_over(s, rule), "新疆");
    }
}
