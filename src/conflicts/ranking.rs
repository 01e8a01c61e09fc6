//! Steps 2 to 4 of the resolution: superior over inferior, special and posterior within one
//! issuer, and who decides the clashes the law leaves open.

use super::clash::{Clash, is_regulation, unresolved};
use crate::ast::DocLevel;
use crate::authority::{
    STATE_COUNCIL, common_territory, may_annul, politically_above, power_over, province_of,
    standing_committee, tier,
};
use crate::diagnostic::Resolution;

/// Rank among legal documents, lower is higher: the national ladder, then local regulations,
/// then rules.
fn legal_rank(l: DocLevel) -> u8 {
    use DocLevel::*;
    match l {
        Constitution => 0,
        Law => 1,
        AdministrativeRegulation => 2,
        LocalRegulation | AutonomousRegulation | SeparateRegulation | SezRegulation => 3,
        DepartmentRule | LocalRule => 4,
        _ => 5,
    }
}

/// One issuer: the higher level prevails; at one level, special over general and later over
/// earlier (立法法 art 103).
pub fn same_issuer(c: &Clash<'_>) -> Resolution {
    let [la, lb] = c.levels;
    if la != lb {
        let i = match (la.is_legal(), lb.is_legal()) {
            (true, false) => 0,
            (false, true) => 1,
            _ if legal_rank(la) != legal_rank(lb) => usize::from(legal_rank(lb) < legal_rank(la)),
            _ => usize::from(lb < la),
        };
        let article = if la == DocLevel::Constitution || lb == DocLevel::Constitution {
            "上位法优于下位法, 立法法 art 98"
        } else if la.is_legal() && lb.is_legal() {
            "上位法优于下位法, 立法法 art 99"
        } else {
            "上位法优于下位法"
        };
        return c.win(
            i,
            "superior",
            crate::tr!(
                "conflicts-both-are-c-s-c",
                c = c.issuer_label(0),
                c2 = c.level_name(i),
                c3 = c.level_name(1 - i),
                article = article
            ),
        );
    }
    special_or_posterior(c)
}

/// Which organ decides a newer general provision against an older special one of one issuer.
fn issuer_decides(c: &Clash<'_>) -> (String, &'static str) {
    let issuer = crate::authority::organ(&c.issuer(0));
    match c.levels[0] {
        DocLevel::Law => (
            standing_committee(crate::symbols::NATIONAL),
            "立法法 art 105 ¶1",
        ),
        DocLevel::AdministrativeRegulation => (STATE_COUNCIL.into(), "立法法 art 105 ¶2"),
        l if l.is_legal() => (issuer, "立法法 art 106(1)"),
        _ => (issuer, "by analogy with 立法法 art 106(1)"),
    }
}

fn special_or_posterior(c: &Clash<'_>) -> Resolution {
    let (da, db) = (c.docs[0], c.docs[1]);
    let later = match (da.effective, db.effective) {
        (Some(x), Some(y)) if x > y => Some(0),
        (Some(x), Some(y)) if y > x => Some(1),
        _ => None,
    };
    let special = if c.sides[0].narrower {
        Some(0)
    } else if c.sides[1].narrower {
        Some(1)
    } else {
        None
    };
    let analogy = if c.levels[0].is_legal() {
        crate::tr!("conflicts-lawmaking-law-art-103")
    } else {
        crate::tr!("conflicts-applied-policy-documents-by-analogy")
    };
    let issuer = c.issuer_label(0);
    match (special, later) {
        (Some(s), Some(l)) if s != l => {
            let (who, article) = issuer_decides(c);
            unresolved(
                who.clone(),
                crate::tr!(
                    "conflicts-newer-general-provision-older-special",
                    issuer = issuer,
                    who = who,
                    article = article
                ),
            )
        }
        (Some(s), _) => c.win(
            s,
            "special",
            crate::tr!(
                "conflicts-both-are-issuer-s-special",
                issuer = issuer,
                analogy = analogy
            ),
        ),
        (None, Some(l)) => c.win(
            l,
            "posterior",
            crate::tr!(
                "conflicts-both-are-issuer-s-later",
                issuer = issuer,
                analogy = analogy
            ),
        ),
        (None, None) => {
            let (who, article) = issuer_decides(c);
            unresolved(
                who.clone(),
                crate::tr!(
                    "conflicts-two-provisions-issuer-same-date",
                    issuer = issuer,
                    who = who,
                    article = article
                ),
            )
        }
    }
}

/// Different issuers, territories one within the other: rank, power and authority decide.
pub fn different_issuers(c: &Clash<'_>) -> Resolution {
    match (c.levels[0].is_legal(), c.levels[1].is_legal()) {
        (true, true) => legal_pair(c),
        (false, false) => political_pair(c),
        (true, false) => legal_and_political(c, 0),
        (false, true) => legal_and_political(c, 1),
    }
}

/// Two legal documents of different issuers.
fn legal_pair(c: &Clash<'_>) -> Resolution {
    use DocLevel::*;
    let [la, lb] = c.levels;
    let (ra, rb) = (legal_rank(la), legal_rank(lb));
    if ra != rb && ra.min(rb) <= 2 {
        let i = usize::from(rb < ra);
        let article = if ra.min(rb) == 0 {
            "立法法 art 98"
        } else {
            "立法法 art 99"
        };
        return c.win(
            i,
            "superior",
            crate::tr!(
                "conflicts-c-prevails-over-c-article",
                c = c.level_name(i),
                c2 = c.level_name(1 - i),
                article = article
            ),
        );
    }
    match (la, lb) {
        _ if is_regulation(la) && is_regulation(lb) => nested(c, "立法法 art 81 ¶1"),
        _ if is_regulation(la) && lb == DepartmentRule => department_and_regulation(),
        _ if is_regulation(lb) && la == DepartmentRule => department_and_regulation(),
        _ if is_regulation(la) && lb == LocalRule => regulation_and_rule(c, 0),
        _ if is_regulation(lb) && la == LocalRule => regulation_and_rule(c, 1),
        (LocalRule, LocalRule) => nested(c, "立法法 art 100 ¶2"),
        _ if la == DepartmentRule || lb == DepartmentRule => unresolved(
            STATE_COUNCIL.into(),
            crate::tr!("conflicts-department-rules-local-government-rules"),
        ),
        _ => common_superior(c, "立法法 art 108"),
    }
}

fn department_and_regulation() -> Resolution {
    unresolved(
        STATE_COUNCIL.into(),
        crate::tr!("conflicts-local-regulation-department-rule-disagree"),
    )
}

/// The document of the enclosing territory prevails over one of a territory within it.
fn nested(c: &Clash<'_>, article: &str) -> Resolution {
    let (ta, tb) = (c.territory(0), c.territory(1));
    let s = c.symbols;
    if ta != tb {
        let i = usize::from(s.within(&ta, &tb));
        let (outer, inner) = ([&ta, &tb][i], [&ta, &tb][1 - i]);
        return c.win(
            i,
            "superior",
            crate::tr!(
                "conflicts-c-outer-prevails-over-c",
                c = c.level_name(i),
                outer = outer,
                c2 = c.level_name(1 - i),
                inner = inner,
                article = article
            ),
        );
    }
    common_superior(c, article)
}

/// A local regulation against a government rule: above its own and lower governments' rules
/// (art 100 ¶1); a 设区的市/自治州's regulation against its province's rule goes to the
/// province's standing committee (art 81).
fn regulation_and_rule(c: &Clash<'_>, reg: usize) -> Resolution {
    let (tr, tu) = (c.territory(reg), c.territory(1 - reg));
    let s = c.symbols;
    if s.within(&tu, &tr) {
        return c.win(
            reg,
            "superior",
            crate::tr!(
                "conflicts-local-regulation-tr-prevails-over",
                tr = tr,
                tu = tu
            ),
        );
    }
    let province = province_of(s, &tr).unwrap_or(tu.clone());
    let committee = standing_committee(&province);
    unresolved(
        committee.clone(),
        crate::tr!(
            "conflicts-government-rule-never-outranks-local",
            tr = tr,
            tu = tu,
            committee = committee
        ),
    )
}

/// Neither prevails: the nearest organ over both decides.
fn common_superior(c: &Clash<'_>, article: &str) -> Resolution {
    let (ia, ib) = (c.issuer(0), c.issuer(1));
    let who = common_territory(c.symbols, &c.territory(0), &c.territory(1))
        .unwrap_or_else(|| STATE_COUNCIL.into());
    unresolved(
        who.clone(),
        crate::tr!(
            "conflicts-documents-ia-ib-neither-above",
            ia = ia,
            ib = ib,
            who = who,
            article = article
        ),
    )
}

/// Two political documents of different issuers: the issuer above the other in its line of
/// authority prevails (中共中央 > 国务院 > its departments > provincial organs > lower organs).
fn political_pair(c: &Clash<'_>) -> Resolution {
    let (ia, ib) = (c.issuer(0), c.issuer(1));
    let s = c.symbols;
    for (i, (hi, lo)) in [(&ia, &ib), (&ib, &ia)].into_iter().enumerate() {
        if politically_above(s, hi, lo) {
            return c.win(
                i,
                "superior",
                crate::tr!(
                    "conflicts-between-policy-documents-issuer-s",
                    hi = hi,
                    lo = lo
                ),
            );
        }
    }
    let who = if tier(s, &ia) <= 2 && tier(s, &ib) <= 2 {
        STATE_COUNCIL.to_string()
    } else {
        common_territory(s, &c.territory(0), &c.territory(1))
            .unwrap_or_else(|| STATE_COUNCIL.into())
    };
    unresolved(
        who.clone(),
        crate::tr!(
            "conflicts-policy-documents-ia-ib-neither",
            ia = ia,
            ib = ib,
            who = who
        ),
    )
}

/// A legal document against a political one: the political one prevails only where its issuer
/// may change or annul the legal one (立法法 art 108); an issuer in the legal document's line
/// and not above it yields; any other clash goes to the organ with power over the legal one.
fn legal_and_political(c: &Clash<'_>, legal: usize) -> Resolution {
    let policy = 1 - legal;
    let (il, ip) = (c.issuer_label(legal), c.issuer_label(policy));
    let s = c.symbols;
    let powers = crate::authority::issuers(c.docs[policy]);
    if let Some(ip) = powers.iter().find(|i| may_annul(s, i, c.docs[legal])) {
        return c.win(
            policy,
            "superior",
            crate::tr!(
                "conflicts-ip-may-change-annul-c",
                ip = ip,
                c = c.level_name(legal),
                il = il,
                policy = c.levels[policy].as_str()
            ),
        );
    }
    if !politically_above(s, &c.issuer(policy), &c.issuer(legal)) {
        return c.win(
            legal,
            "superior",
            crate::tr!(
                "conflicts-law-regulation-rule-prevails-over",
                c = c.level_name(policy)
            ),
        );
    }
    let who = power_over(s, c.docs[legal]);
    let has = if powers.len() > 1 { "have" } else { "has" };
    unresolved(
        who.clone(),
        crate::tr!(
            "conflicts-ip-has-no-power-over",
            ip = ip,
            has = has,
            c = c.level_name(legal),
            il = il,
            who = who
        ),
    )
}
