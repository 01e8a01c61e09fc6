//! Declarations: the file, actors, programs, functions, records, documents and articles.

use super::expr::literal_or_name;
use super::layout::{Laid, Layout, name_end, statements, unsupported};
use super::norms;
use super::props::{Keys, Long, prop_lines, props};
use super::test_blocks;
use crate::syntax::cst::{Kind, Node};
use unicode_width::UnicodeWidthStr;

/// `file`: the declarations, a blank line around every block declaration.
pub fn file(l: &mut Layout, n: &Node) -> Laid {
    let items: Vec<&Node> = n.children.iter().filter(|c| c.kind != Kind::EOI).collect();
    statements(l, &items, item)
}

/// One top-level declaration.
fn item(l: &mut Layout, n: &Node) -> Laid {
    match n.kind {
        Kind::actor_decl | Kind::program_decl | Kind::function_decl => named_props(l, n),
        Kind::record_decl => record(l, n),
        Kind::document_decl => document(l, n),
        Kind::test_decl => test_blocks::test(l, n),
        _ => norms::norm(l, n),
    }
}

/// `actor NAME { … }`, `program NAME { … }`, `function NAME { … }`.
fn named_props(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        match c.kind {
            Kind::props => props(l, c, Keys::Plain, Long::OnePerLine)?,
            Kind::ident => l.verbatim(c),
            _ if super::layout::is_keyword(c.kind) => l.kw(c),
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// `record NAME { field: type … }`, the types aligned.
fn record(l: &mut Layout, n: &Node) -> Laid {
    let mut fields = Vec::new();
    for c in &n.children {
        match c.kind {
            Kind::kw_record => l.kw(c),
            Kind::ident => {
                l.p.space();
                l.verbatim(c);
            }
            Kind::field_decl => fields.push(c),
            _ => return Err(unsupported(c)),
        }
    }
    l.p.space();
    l.p.punct_at(name_end(n), "{");
    l.p.indent();
    let width = fields
        .iter()
        .filter_map(|f| f.children.first())
        .map(|w| w.text(l.src()).width())
        .max()
        .unwrap_or(0);
    for f in fields {
        l.p.stmt();
        field(l, f, width)?;
    }
    l.p.end_block(n.end, "}");
    Ok(())
}

/// `name: money(万元)? key time`.
fn field(l: &mut Layout, n: &Node, align: usize) -> Laid {
    for c in &n.children {
        match c.kind {
            Kind::word => {
                l.verbatim(c);
                l.p.punct(":");
                l.p.punct(&" ".repeat(align - c.text(l.src()).width()));
                l.p.space();
            }
            Kind::type_ref => type_ref(l, c)?,
            Kind::modifier => {
                l.p.space();
                l.verbatim(c);
            }
            Kind::column_labels => column_labels(l, c)?,
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// `from "项目编号", "序号"`: the column headers a field is read from.
fn column_labels(l: &mut Layout, n: &Node) -> Laid {
    let mut first = true;
    for c in &n.children {
        match c.kind {
            Kind::kw_from => {
                l.p.space();
                l.kw(c);
            }
            Kind::string => {
                if !first {
                    l.p.punct(",");
                }
                first = false;
                l.p.space();
                literal_or_name(l, c)?;
            }
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// `money(万元)?`.
fn type_ref(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        match c.kind {
            Kind::raw_word if i == 0 => l.verbatim(c),
            Kind::raw_word => {
                l.p.punct("(");
                l.verbatim(c);
                l.p.punct(")");
            }
            Kind::optional => l.token(c, "?"),
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// `document NAME { properties, articles }`.
fn document(l: &mut Layout, n: &Node) -> Laid {
    let mut body = Vec::new();
    for c in &n.children {
        match c.kind {
            Kind::kw_document => l.kw(c),
            Kind::ident => {
                l.p.space();
                l.verbatim(c);
            }
            Kind::prop | Kind::article => body.push(c),
            _ => return Err(unsupported(c)),
        }
    }
    l.p.space();
    l.p.punct_at(name_end(n), "{");
    l.p.indent();
    let mut rest = &body[..];
    while let Some(first) = rest.first() {
        let run = rest.iter().take_while(|c| c.kind == first.kind).count();
        if first.kind == Kind::prop {
            prop_lines(l, &rest[..run], Keys::Plain)?;
        } else {
            if rest.len() < body.len() {
                l.p.blank();
            }
            statements(l, &rest[..run], article)?;
        }
        rest = &rest[run..];
        if !rest.is_empty() {
            l.p.blank();
        }
    }
    l.p.end_block(n.end, "}");
    Ok(())
}

/// `article 12 "text" { norms }`.
fn article(l: &mut Layout, n: &Node) -> Laid {
    for (i, c) in n.children.iter().enumerate() {
        if i > 0 {
            l.p.space();
        }
        match c.kind {
            Kind::kw_article => l.kw(c),
            Kind::article_no => l.verbatim(c),
            Kind::string => literal_or_name(l, c)?,
            Kind::article_body => article_body(l, c)?,
            _ => return Err(unsupported(c)),
        }
    }
    Ok(())
}

/// `{ for_autonomous_areas: true  norms }`: an article's properties, then its norms, each run
/// in the order written.
fn article_body(l: &mut Layout, n: &Node) -> Laid {
    l.p.punct_at(n.start, "{");
    l.p.indent();
    let body: Vec<&Node> = n.children.iter().collect();
    let mut rest = &body[..];
    while let Some(first) = rest.first() {
        let is_prop = first.kind == Kind::prop;
        let run = rest
            .iter()
            .take_while(|c| (c.kind == Kind::prop) == is_prop)
            .count();
        if is_prop {
            prop_lines(l, &rest[..run], Keys::Plain)?;
        } else {
            statements(l, &rest[..run], norms::norm)?;
        }
        rest = &rest[run..];
        if !rest.is_empty() {
            l.p.blank();
        }
    }
    l.p.end_block(n.end, "}");
    Ok(())
}
