//! Test blocks: their data rows, one per line, and their expectations.

use super::expr::{cmp_op, expr, literal_or_name};
use super::layout::{Laid, Layout, clauses, is_keyword, name_end, unsupported};
use super::props::{Keys, Long, props};
use crate::syntax::cst::{Kind, Node};

/// `test "name" { data … expect … }`.
pub fn test(l: &mut Layout, n: &Node) -> Laid {
    let (head, body) = n.children.split_at(2.min(n.children.len()));
    for (i, c) in head.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        if is_keyword(c.kind) {
            l.kw(c);
        } else {
            literal_or_name(l, c)?;
        }
    }
    l.p.space();
    l.p.punct_at(name_end(n), "{");
    l.p.indent();
    let body: Vec<&Node> = body.iter().collect();
    clauses(l, &body, test_part)?;
    l.p.end_block(n.end, "}");
    Ok(())
}

fn test_part(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::test_data => data(l, n),
        Kind::expect => l.words(n, expectation),
        _ => Err(unsupported(n)),
    }
}

/// `data R [ { row }, … ]`, a row per line.
fn data(l: &mut Layout, n: &Node) -> Laid {
    let mut rows = Vec::new();
    for c in &n.children {
        match c.kind {
            Kind::kw_data => l.kw(c),
            Kind::ident => {
                l.p.space();
                l.verbatim(c);
                l.p.space();
                l.p.punct_at(c.end, "[");
            }
            Kind::props => rows.push(c),
            _ => return Err(unsupported(c)),
        }
    }
    l.p.indent();
    for row in rows {
        l.p.stmt();
        props(l, row, Keys::Plain, Long::Fill)?;
        l.p.punct(",");
    }
    l.p.end_block(n.end, "]");
    Ok(())
}

/// What follows `expect`.
fn expectation(l: &mut Layout, n: &Node) -> Laid {
    l.words(n, |l, c| match c.kind {
        Kind::negated => l.inner_kw(c),
        Kind::props => props(l, c, Keys::Plain, Long::OnePerLine),
        Kind::cmp_op => cmp_op(l, c),
        Kind::expr => expr(l, c),
        Kind::raw_word | Kind::ident => {
            l.verbatim(c);
            Ok(())
        }
        Kind::involved => involved(l, c),
        _ => Err(unsupported(c)),
    })
}

/// `[A, B]` after `expect conflict CODE`.
fn involved(l: &mut Layout, n: &Node) -> Laid {
    l.p.punct_at(n.start, "[");
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.punct(",");
            l.p.space();
        }
        l.verbatim(c);
    }
    l.p.close(n.end, "]");
    Ok(())
}
