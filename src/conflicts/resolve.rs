//! Which of two clashing provisions prevails under the Legislation Law (立法法), or who decides:
//! superior over inferior, special over general and later over earlier within one issuer
//! (articles as numbered in the 2023 text).

use crate::ast::{DocLevel, Level};
use crate::symbols::{NATIONAL, Source, Symbols};
use serde::Serialize;

/// How a conflict is resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// `superior`, `special`, `posterior` or `unresolved`.
    pub kind: &'static str,
    /// The prevailing provision: `援疆条例 art 12`.
    pub prevails: Option<String>,
    /// Who has to decide, when unresolved.
    pub refer_to: Option<String>,
    /// The principle, in one sentence.
    pub principle: String,
    /// Which side prevails: 0 (the first provision) or 1.
    #[serde(skip)]
    pub winner: Option<usize>,
}

/// One side of a conflict: where it comes from, and whether its scope is narrower.
pub struct Side<'a> {
    pub source: Option<&'a Source>,
    /// Its scope is strictly narrower than the other's.
    pub narrower: bool,
}

fn place(s: &Source) -> String {
    format!("{} art {}", s.document, s.article)
}

/// Rank of a legal level: lower is higher. Department and local rules share a rank.
fn rank(l: DocLevel) -> u8 {
    match l {
        DocLevel::Constitution => 0,
        DocLevel::Law => 1,
        DocLevel::AdministrativeRegulation => 2,
        DocLevel::LocalRegulation => 3,
        DocLevel::DepartmentRule | DocLevel::LocalRule => 4,
        DocLevel::NormativeDocument => 5,
        DocLevel::Agreement => 6,
        DocLevel::Minutes => 7,
    }
}

/// Administrative level of an actor: lower is higher.
fn admin(symbols: &Symbols, actor: &str) -> u8 {
    if actor == NATIONAL {
        return 0;
    }
    match symbols.actors.get(actor).and_then(|a| a.level) {
        Some(Level::Central) => 0,
        Some(Level::Province) => 1,
        Some(Level::Prefecture) => 2,
        Some(Level::County) => 3,
        Some(Level::Township) => 4,
        None => 5,
    }
}

/// The nearest declared actor both lie within.
fn common_superior(symbols: &Symbols, a: &str, b: &str) -> Option<String> {
    let up_a = symbols.ancestors(a);
    let up_b = symbols.ancestors(b);
    up_a.iter()
        .skip(1)
        .find(|x| up_b.contains(x) && **x != NATIONAL)
        .map(|s| s.to_string())
}

fn win(i: usize, kind: &'static str, sides: [&Side<'_>; 2], principle: String) -> Resolution {
    Resolution {
        kind,
        prevails: sides[i].source.map(place),
        refer_to: None,
        principle,
        winner: Some(i),
    }
}

fn unresolved(refer_to: String, principle: String) -> Resolution {
    Resolution {
        kind: "unresolved",
        prevails: None,
        refer_to: Some(refer_to),
        principle,
        winner: None,
    }
}

/// Resolves a clash between provisions `a` and `b`.
pub fn resolve(symbols: &Symbols, a: &Side<'_>, b: &Side<'_>) -> Resolution {
    let sides = [a, b];
    let (Some(sa), Some(sb)) = (a.source, b.source) else {
        return Resolution {
            kind: "unresolved",
            prevails: None,
            refer_to: None,
            principle:
                "a provision outside any document has no rank; put it in the document it belongs to"
                    .into(),
            winner: None,
        };
    };
    let (Some(da), Some(db)) = (
        symbols.documents.get(&sa.document),
        symbols.documents.get(&sb.document),
    ) else {
        return unresolved("国务院".into(), "the documents cannot be ranked".into());
    };
    // A document that repeals the other.
    for (i, (x, y)) in [(da, db), (db, da)].into_iter().enumerate() {
        if x.replaces.iter().any(|r| r.text == y.name.text) {
            return win(
                i,
                "posterior",
                sides,
                format!(
                    "`{}` repeals `{}` (新的规定优于旧的规定)",
                    x.name.text, y.name.text
                ),
            );
        }
    }
    let (Some(la), Some(lb)) = (da.level, db.level) else {
        return unresolved("国务院".into(), "a document has no level".into());
    };
    let issuer = |d: &crate::ast::Document| {
        d.issuer
            .as_ref()
            .map_or(NATIONAL.to_string(), |i| i.text.clone())
    };
    let (ia, ib) = (issuer(da), issuer(db));
    let (ra, rb) = (rank(la), rank(lb));
    if ia == ib && ra == rb {
        return same_issuer(sides, a, b, (da, db), &ia, la);
    }
    if ia == ib {
        // One issuer, two levels (a regulation and a notice of 国务院): the higher level prevails.
        let i = if ra < rb { 0 } else { 1 };
        return win(
            i,
            "superior",
            sides,
            format!(
                "both are `{ia}`'s, and {} prevails over {} (上位法优于下位法)",
                crate::suggest::a_or_an([la, lb][i].as_str()),
                crate::suggest::a_or_an([la, lb][1 - i].as_str())
            ),
        );
    }
    let (legal_a, legal_b) = (la.is_legal(), lb.is_legal());
    match (legal_a, legal_b) {
        (true, true) => {
            use DocLevel::*;
            match (la, lb) {
                (LocalRegulation, DepartmentRule) | (DepartmentRule, LocalRegulation) => unresolved(
                    "国务院".into(),
                    "a local regulation and a department rule disagree: the State Council gives its opinion, or refers it to the NPC Standing Committee (立法法 art 106)".into(),
                ),
                (DepartmentRule, LocalRule) | (LocalRule, DepartmentRule) | (DepartmentRule, DepartmentRule) => unresolved(
                    "国务院".into(),
                    "department and local government rules have equal force: the State Council decides (立法法 art 102, 106)".into(),
                ),
                (LocalRegulation, LocalRule) | (LocalRule, LocalRegulation) => {
                    let reg = if la == LocalRegulation { 0 } else { 1 };
                    let (ir, iu) = ([&ia, &ib][reg], [&ia, &ib][1 - reg]);
                    // Only over the rules of its own and lower governments (立法法 art 100);
                    // another region's rules are not below it.
                    if ir.as_str() != NATIONAL && symbols.within(iu, ir) {
                        win(
                            reg,
                            "superior",
                            sides,
                            format!(
                                "a local regulation prevails over the rules of its own and lower governments: `{iu}` is within `{ir}` (立法法 art 100)"
                            ),
                        )
                    } else {
                        by_issuer(symbols, sides, &ia, &ib)
                    }
                }
                // A national law or regulation binds every region.
                _ if ra != rb => {
                    let i = if ra < rb { 0 } else { 1 };
                    win(i, "superior", sides, format!("{} prevails over {} (上位法优于下位法)", crate::suggest::a_or_an([la, lb][i].as_str()), crate::suggest::a_or_an([la, lb][1 - i].as_str())))
                }
                _ => by_issuer(symbols, sides, &ia, &ib),
            }
        }
        (false, false) => by_admin_level(symbols, sides, &ia, &ib),
        (true, false) | (false, true) => {
            let (legal, policy) = if legal_a { (0, 1) } else { (1, 0) };
            let policy_issuer = [&ia, &ib][policy];
            let legal_issuer = [&ia, &ib][legal];
            // The contract: an issuer at a higher administrative level reviews the clash.
            if admin(symbols, policy_issuer) < admin(symbols, legal_issuer) {
                unresolved(
                    policy_issuer.clone(),
                    format!(
                        "a normative document never defeats a legal one, but it comes from a higher issuer: `{policy_issuer}` reviews the lower provision"
                    ),
                )
            } else {
                win(
                    legal,
                    "superior",
                    sides,
                    "a law, regulation or rule prevails over a policy document (上位法优于下位法)"
                        .into(),
                )
            }
        }
    }
}

/// One issuer, one level: special over general, later over earlier (立法法 art 103); a newer
/// general provision against an older special one goes back to the issuer (art 105, 106).
fn same_issuer(
    sides: [&Side<'_>; 2],
    a: &Side<'_>,
    b: &Side<'_>,
    (da, db): (&crate::ast::Document, &crate::ast::Document),
    issuer: &str,
    level: DocLevel,
) -> Resolution {
    let later = match (da.effective, db.effective) {
        (Some(x), Some(y)) if x > y => Some(0),
        (Some(x), Some(y)) if y > x => Some(1),
        _ => None,
    };
    let special = if a.narrower {
        Some(0)
    } else if b.narrower {
        Some(1)
    } else {
        None
    };
    let article = match level {
        DocLevel::Law | DocLevel::AdministrativeRegulation => " (立法法 art 105)",
        DocLevel::LocalRegulation | DocLevel::DepartmentRule | DocLevel::LocalRule => {
            " (立法法 art 106)"
        }
        _ => "",
    };
    match (special, later) {
        (Some(s), Some(l)) if s != l => unresolved(
            issuer.to_string(),
            format!("the newer general provision and the older special one are both `{issuer}`'s: it decides{article}"),
        ),
        (Some(s), _) => win(s, "special", sides, "same issuer: the special provision prevails over the general one (特别规定优于一般规定, 立法法 art 103)".into()),
        (None, Some(l)) => win(l, "posterior", sides, "same issuer: the later provision prevails over the earlier one (新的规定优于旧的规定, 立法法 art 103)".into()),
        (None, None) => unresolved(issuer.to_string(), format!("two provisions of `{issuer}` of the same date and scope: it decides")),
    }
}

/// Whether `x` stands above `y` and may review its provisions: the whole country, a body `y`
/// lies within (`region:`/`of:`), or the central government over any local one. A central
/// department is not above a province (部省同级).
fn above(symbols: &Symbols, x: &str, y: &str) -> bool {
    if x == y || admin(symbols, x) >= admin(symbols, y) {
        return false;
    }
    if x == NATIONAL || symbols.ancestors(y).contains(&x) {
        return true;
    }
    symbols.actors.get(x).is_some_and(|a| {
        a.level == Some(Level::Central) && a.kind == Some(crate::ast::ActorKind::Government)
    })
}

/// Two policy documents (normative documents, agreements, minutes) of different issuers: the
/// one whose issuer is at the higher administrative level prevails; at the same level, as
/// `by_issuer`.
fn by_admin_level(symbols: &Symbols, sides: [&Side<'_>; 2], ia: &str, ib: &str) -> Resolution {
    let (xa, xb) = (admin(symbols, ia), admin(symbols, ib));
    if xa == xb {
        return by_issuer(symbols, sides, ia, ib);
    }
    let (i, hi, lo) = if xa < xb { (0, ia, ib) } else { (1, ib, ia) };
    win(
        i,
        "superior",
        sides,
        format!(
            "policy documents: `{hi}` is at a higher administrative level than `{lo}` (上级文件优于下级文件)"
        ),
    )
}

/// Equal rank, different issuers: the higher issuer prevails over one within its region;
/// otherwise their common superior decides.
fn by_issuer(symbols: &Symbols, sides: [&Side<'_>; 2], ia: &str, ib: &str) -> Resolution {
    if above(symbols, ia, ib) {
        return win(
            0,
            "superior",
            sides,
            format!(
                "`{ia}` is above `{ib}`, whose provision is within its region (上位法优于下位法)"
            ),
        );
    }
    if above(symbols, ib, ia) {
        return win(
            1,
            "superior",
            sides,
            format!(
                "`{ib}` is above `{ia}`, whose provision is within its region (上位法优于下位法)"
            ),
        );
    }
    match common_superior(symbols, ia, ib) {
        Some(sup) => unresolved(
            sup.clone(),
            format!(
                "documents of `{ia}` and `{ib}`, neither above the other: their common superior `{sup}` decides"
            ),
        ),
        // Two local issuers: the central government is above both.
        None if admin(symbols, ia) > 0 && admin(symbols, ib) > 0 => unresolved(
            "国务院".into(),
            format!(
                "documents of `{ia}` and `{ib}`, neither above the other: their common superior, the State Council (国务院), decides"
            ),
        ),
        None => unresolved(
            "国务院".into(),
            format!(
                "documents of `{ia}` and `{ib}`, neither above the other and with no common superior declared (`region:`/`of:`): referred to the State Council"
            ),
        ),
    }
}
