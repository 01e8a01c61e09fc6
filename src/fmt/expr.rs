//! Expressions: operators with spaces around them, calls, lists and literals in canonical form;
//! a line the source broke inside an expression stays broken there.

use super::layout::{Laid, Layout, unsupported};
use super::literal;
use crate::syntax::cst::{Kind, Node};

/// `expr`: prefixes, primaries, postfixes and infix operators in a row.
pub fn expr(l: &mut Layout, n: &Node) -> Laid {
    let mut prev_end = n.start;
    for (i, c) in n.children.iter().enumerate() {
        if let Some(op) = infix(c.kind) {
            l.p.space_or_cont(prev_end, c.start);
            operator(l, c, op)?;
            let next = n.children.get(i + 1).map_or(c.end, |x| x.start);
            l.p.space_or_cont(c.end, next);
        } else {
            match c.kind {
                Kind::neg => l.token(c, "-"),
                Kind::not => not(l, c)?,
                Kind::member => member(l, c)?,
                Kind::offset => offset(l, c)?,
                _ => primary(l, c)?,
            }
        }
        prev_end = c.end;
    }
    Ok(())
}

/// The canonical ASCII text of an infix operator, or `None` for a keyword operator.
fn infix(kind: Kind) -> Option<Option<&'static str>> {
    Some(match kind {
        Kind::eq => Some("=="),
        Kind::ne => Some("!="),
        Kind::le => Some("<="),
        Kind::ge => Some(">="),
        Kind::lt => Some("<"),
        Kind::gt => Some(">"),
        Kind::add => Some("+"),
        Kind::sub => Some("-"),
        Kind::mul => Some("*"),
        Kind::div => Some("/"),
        Kind::or | Kind::and | Kind::within | Kind::in_op => None,
        _ => return None,
    })
}

fn operator(l: &mut Layout, n: &Node, ascii: Option<&str>) -> Laid {
    match (ascii, n.children.first()) {
        (Some(text), _) => l.token(n, text),
        (None, Some(k)) => l.kw(k),
        (None, None) => {
            let text = if n.kind == Kind::or { "||" } else { "&&" };
            l.token(n, text);
        }
    }
    Ok(())
}

/// `not x`, `非 x` or `!x`.
fn not(l: &mut Layout, n: &Node) -> Laid {
    match n.children.first() {
        Some(k) => {
            l.kw(k);
            l.p.space();
        }
        None => l.token(n, "!"),
    }
    Ok(())
}

/// `.word`.
fn member(l: &mut Layout, n: &Node) -> Laid {
    let word = n.children.first().ok_or_else(|| unsupported(n))?;
    l.p.punct(".");
    l.verbatim(word);
    Ok(())
}

/// `at year - 1` (`于 year - 1`) or `上年`.
fn offset(l: &mut Layout, n: &Node) -> Laid {
    l.p.space();
    for c in &n.children {
        match c.kind {
            Kind::last_year => l.verbatim(c),
            Kind::kw_at => l.kw(c),
            Kind::word => {
                l.p.space();
                l.verbatim(c);
                l.p.punct(" -");
            }
            Kind::year => {
                l.p.space();
                l.verbatim(c);
            }
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// A comparison operator node (`cmp_op`).
pub fn cmp_op(l: &mut Layout, n: &Node) -> Laid {
    let op = n.children.first().ok_or_else(|| unsupported(n))?;
    match infix(op.kind) {
        Some(Some(text)) => {
            l.token(op, text);
            Ok(())
        }
        _ => Err(unsupported(op)),
    }
}

/// `primary`: parentheses, lists, `if`, calls, literals and names.
pub fn primary(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::paren => {
            l.p.punct_at(n.start, "(");
            expr(l, only_child(n)?)?;
            l.p.close(n.end, ")");
        }
        Kind::list => list(l, n)?,
        Kind::if_expr => l.words(n, expr)?,
        Kind::call => call(l, n)?,
        Kind::expr => expr(l, n)?,
        _ => literal_or_name(l, n)?,
    }
    Ok(())
}

/// A literal or a name: numbers in canonical form, names and strings as written.
pub fn literal_or_name(l: &mut Layout, n: &Node) -> Laid {
    let text = match n.kind {
        Kind::number => literal::number(n.text(l.src())),
        Kind::percent => literal::percent(only_child(n)?.text(l.src())),
        Kind::money => {
            let num = n.child(Kind::number).ok_or_else(|| unsupported(n))?;
            let unit = n.child(Kind::money_unit).ok_or_else(|| unsupported(n))?;
            literal::money(num.text(l.src()), unit.text(l.src()))
        }
        Kind::date => literal::date(n.text(l.src())),
        Kind::boolean => return l.inner_kw(n),
        Kind::string | Kind::expr_name | Kind::ident | Kind::word | Kind::year => {
            n.text(l.src()).to_string()
        }
        Kind::actor_ref => match n.children.first() {
            Some(k) if k.kind == Kind::kw_national => {
                l.kw(k);
                return Ok(());
            }
            _ => n.text(l.src()).to_string(),
        },
        _ => return Err(unsupported(n)),
    };
    l.token(n, &text);
    Ok(())
}

/// `[a, b, c]`.
fn list(l: &mut Layout, n: &Node) -> Laid {
    l.p.punct_at(n.start, "[");
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.punct(",");
            l.p.space();
        }
        expr(l, c)?;
    }
    l.p.close(n.end, "]");
    Ok(())
}

/// `f(a, b where c)`.
fn call(l: &mut Layout, n: &Node) -> Laid {
    let (name, args) = match &n.children[..] {
        [name, args] => (name, args),
        [cumulative, name, args] if cumulative.kind == Kind::cumulative => {
            l.kw(cumulative);
            l.p.space();
            (name, args)
        }
        _ => return Err(unsupported(n)),
    };
    l.verbatim(name);
    l.p.punct("(");
    for (i, c) in args.children.iter().enumerate() {
        match c.kind {
            Kind::filter => {
                if i > 0 {
                    l.p.space();
                }
                filter(l, c)?;
            }
            _ => {
                if i > 0 {
                    l.p.punct(",");
                    l.p.space();
                }
                expr(l, c)?;
            }
        }
    }
    l.p.close(n.end, ")");
    Ok(())
}

/// `where C`.
pub fn filter(l: &mut Layout, n: &Node) -> Laid {
    l.words(n, expr)
}

fn only_child(n: &Node) -> Result<&Node, super::layout::Unsupported> {
    match &n.children[..] {
        [c] => Ok(c),
        _ => Err(unsupported(n)),
    }
}
