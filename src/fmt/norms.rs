//! Normative items: pairs, duties, rules and evaluations.

use super::dialect::Dialect;
use super::expr::{expr, filter, literal_or_name};
use super::layout::{Laid, Layout, clauses, is_keyword, name_end, unsupported};
use super::props::{Keys, Long, props};
use crate::syntax::cst::{Kind, Node};

/// One normative item.
pub fn norm(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::pair_decl => pair(l, n),
        Kind::duty_decl => l.words(n, duty_part),
        Kind::rule_decl => block(l, n, clause),
        Kind::evaluation_decl => block(l, n, evaluation_clause),
        _ => Err(unsupported(n)),
    }
}

/// `pair A -> B in P from 2010 to 2030 { … }`.
fn pair(l: &mut Layout, n: &Node) -> Laid {
    let mut refs = 0;
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        match c.kind {
            Kind::actor_ref => {
                literal_or_name(l, c)?;
                refs += 1;
                if refs == 1 {
                    l.p.space();
                    l.p.punct("->");
                }
            }
            Kind::pair_from | Kind::pair_to => l.words(c, literal_or_name)?,
            Kind::props => props(l, c, Keys::Plain, Long::OnePerLine)?,
            _ => word(l, c)?,
        }
    }
    Ok(())
}

/// A keyword or a name.
fn word(l: &mut Layout, n: &Node) -> Laid {
    if is_keyword(n.kind) {
        l.kw(n);
        Ok(())
    } else {
        literal_or_name(l, n)
    }
}

/// The parts of `duty A holds F for program P as lead` / `for pair A -> B in P`.
fn duty_part(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::duty_program => l.words(n, word),
        Kind::duty_pair => {
            for (i, c) in n.children.iter().enumerate() {
                if i > 0 {
                    l.p.space();
                }
                word(l, c)?;
                if c.kind == Kind::actor_ref && i == 1 {
                    l.p.space();
                    l.p.punct("->");
                }
            }
            Ok(())
        }
        Kind::role => l.words(n, |l, c| l.inner_kw(c)),
        Kind::duty_from => l.words(n, literal_or_name),
        Kind::duty_until => until(l, n),
        _ => word(l, n),
    }
}

/// A duty's `until YEAR`: the keyword is `until` in English and `至` in Chinese (`to` is
/// accepted for it, as in a pair, and kept as written).
fn until(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        if is_keyword(c.kind) {
            let text = match l.dialect {
                Dialect::Keep => c.text(l.src()),
                Dialect::En => "until",
                Dialect::Zh => "至",
            };
            l.p.token(c.start, c.end, text);
        } else {
            literal_or_name(l, c)?;
        }
    }
    Ok(())
}

/// `rule NAME "title" { clauses }` and `evaluation NAME "title" { clauses }`.
fn block(l: &mut Layout, n: &Node, each: fn(&mut Layout, &Node) -> Laid) -> Laid {
    let mut head = Vec::new();
    let mut body = Vec::new();
    for c in &n.children {
        if body.is_empty() && matches!(c.kind, Kind::ident | Kind::string) || is_keyword(c.kind) {
            head.push(c);
        } else {
            body.push(c);
        }
    }
    for (i, c) in head.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        word(l, c)?;
    }
    l.p.space();
    l.p.punct_at(name_end(n), "{");
    l.p.indent();
    clauses(l, &body, each)?;
    l.p.end_block(n.end, "}");
    Ok(())
}

/// A clause of a rule.
fn clause(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::over_clause => l.words(n, |l, c| match c.kind {
            Kind::filter => filter(l, c),
            _ => literal_or_name(l, c),
        }),
        Kind::per_clause => per(l, n),
        Kind::require_clause | Kind::forbid_clause | Kind::permit_clause | Kind::unless_clause => {
            l.words(n, expr)
        }
        Kind::severity_clause | Kind::message_clause => l.words(n, literal_or_name),
        _ => Err(unsupported(n)),
    }
}

/// `per a, b, c`, a key perhaps `period(year, 2011..2015, …)`.
fn per(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        match i {
            0 => l.kw(c),
            1 => l.p.space(),
            _ => {
                l.p.punct(",");
                l.p.space();
            }
        }
        match c.kind {
            _ if i == 0 => {}
            Kind::period_key => period_key(l, c)?,
            _ => l.verbatim(c),
        }
    }
    Ok(())
}

/// `period(year, 2011..2015, 2016..2020)`.
fn period_key(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        match c.kind {
            Kind::period_word => l.kw(c),
            Kind::word => {
                l.p.punct("(");
                l.verbatim(c);
            }
            Kind::year_span => {
                let [a, b] = &c.children[..] else {
                    return Err(unsupported(c));
                };
                l.p.punct(",");
                l.p.space();
                let text = format!("{}..{}", a.text(l.src()), b.text(l.src()));
                l.token(c, &text);
            }
            _ => return Err(unsupported(c)),
        }
        if i + 1 == n.children.len() {
            l.p.close(n.end, ")");
        }
    }
    Ok(())
}

/// A clause of an evaluation.
fn evaluation_clause(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::over_clause | Kind::per_clause => clause(l, n),
        Kind::evaluators_clause | Kind::grade_clause => {
            l.words(n, |l, c| props(l, c, Keys::Plain, Long::OnePerLine))
        }
        Kind::rank_clause => rank(l, n),
        Kind::indicator_decl => l.words(n, |l, c| match c.kind {
            Kind::props => props(l, c, Keys::Indicator, Long::OnePerLine),
            _ => literal_or_name(l, c),
        }),
        _ => Err(unsupported(n)),
    }
}

/// `rank within a, b` (English) / `排名 按 a, b` (Chinese): the joining word is `within` in
/// English and `按` in Chinese, whichever of the two was written; kept as written otherwise.
fn rank(l: &mut Layout, n: &Node) -> Laid {
    use super::dialect::Dialect;
    for (i, c) in n.children.iter().enumerate() {
        match i {
            0 => l.kw(c),
            1 => {
                l.p.space();
                match l.dialect {
                    Dialect::En => l.token(c, "within"),
                    Dialect::Zh => l.token(c, "按"),
                    Dialect::Keep => l.kw(c),
                }
            }
            2 => {
                l.p.space();
                l.verbatim(c);
            }
            _ => {
                l.p.punct(",");
                l.p.space();
                l.verbatim(c);
            }
        }
    }
    Ok(())
}
