//! Property blocks `{ key: value … }`: on one line when short and free of comments, else one
//! property per line with the values aligned; test rows fill their lines instead.

use super::expr::{cmp_op, expr, literal_or_name};
use super::layout::{Laid, Layout, Unsupported, unsupported};
use super::printer::MAX_WIDTH;
use crate::syntax::cst::{Kind, Node};
use unicode_width::UnicodeWidthStr;

/// Whose properties these are: only an indicator's keys have Chinese forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Plain,
    Indicator,
}

/// How a block that does not fit on one line is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Long {
    /// One property per line, values aligned.
    OnePerLine,
    /// As many properties per line as fit (rows of test data).
    Fill,
}

/// A `props` node.
pub fn props(l: &mut Layout, n: &Node, keys: Keys, long: Long) -> Laid {
    let entries: Vec<&Node> = n.children.iter().collect();
    if entries.is_empty() && !l.p.has_comment(n.start, n.end) {
        l.p.punct_at(n.start, "{}");
        l.p.close(n.end, "");
        return Ok(());
    }
    if fits_flat(l, n, keys)? {
        return l.flat(|p| flat_block(p, n, &entries, keys));
    }
    match long {
        Long::Fill if !l.p.has_comment(n.start, n.end) => fill_block(l, n, &entries, keys),
        _ => {
            l.p.punct_at(n.start, "{");
            l.p.indent();
            prop_lines(l, &entries, keys)?;
            l.p.end_block(n.end, "}");
            Ok(())
        }
    }
}

/// Whether the block fits on the rest of the current line and has no comment inside.
fn fits_flat(l: &Layout, n: &Node, keys: Keys) -> Result<bool, Unsupported> {
    if l.p.has_comment(n.start, n.end) {
        return Ok(false);
    }
    let entries: Vec<&Node> = n.children.iter().collect();
    let width = l.measure(|m| flat_block(m, n, &entries, keys))?;
    Ok(l.p.column() + width <= MAX_WIDTH)
}

fn flat_block(l: &mut Layout, n: &Node, entries: &[&Node], keys: Keys) -> Laid {
    l.p.punct_at(n.start, "{");
    l.p.space();
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            l.p.punct(",");
            l.p.space();
        }
        prop(l, e, keys, 0)?;
    }
    l.p.space();
    l.p.close(n.end, "}");
    Ok(())
}

fn fill_block(l: &mut Layout, n: &Node, entries: &[&Node], keys: Keys) -> Laid {
    l.p.punct_at(n.start, "{");
    l.p.space();
    l.p.indent();
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            l.p.punct(",");
            let width = l.measure(|m| prop(m, e, keys, 0))?;
            let closing = if i + 1 == entries.len() { 2 } else { 1 };
            if l.p.column() + 1 + width + closing > MAX_WIDTH {
                l.p.line();
            } else {
                l.p.space();
            }
        }
        l.flat(|p| prop(p, e, keys, 0))?;
    }
    l.p.dedent();
    l.p.space();
    l.p.close(n.end, "}");
    Ok(())
}

/// Properties one per line, their values aligned after the longest key of the run.
pub fn prop_lines(l: &mut Layout, entries: &[&Node], keys: Keys) -> Laid {
    let width = entries
        .iter()
        .map(|e| key_text(l, e, keys).map(|k| k.width()))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .max()
        .unwrap_or(0);
    for e in entries {
        l.p.stmt();
        prop(l, e, keys, width)?;
    }
    Ok(())
}

/// The key of a `prop` as it will be written.
fn key_text(l: &Layout, n: &Node, keys: Keys) -> Result<String, Unsupported> {
    let key = n.child(Kind::prop_key).ok_or_else(|| unsupported(n))?;
    let written = key.text(l.src());
    Ok(match keys {
        Keys::Indicator if key.child(Kind::word).is_some() => {
            l.dialect.indicator_key(written).to_string()
        }
        _ => written.to_string(),
    })
}

/// `key: value`, the value starting at column `align` past the key (0: right after `: `).
pub fn prop(l: &mut Layout, n: &Node, keys: Keys, align: usize) -> Laid {
    let [key, value] = &n.children[..] else {
        return Err(unsupported(n));
    };
    let text = key_text(l, n, keys)?;
    l.token(key, &text);
    l.p.punct(":");
    let pad = align.saturating_sub(text.width());
    l.p.punct(&" ".repeat(pad));
    l.p.space();
    let inner = value.children.first().ok_or_else(|| unsupported(value))?;
    match inner.kind {
        Kind::target => target(l, inner),
        Kind::expr => expr(l, inner),
        _ => literal_or_name(l, inner),
    }
}

/// `>= 74%`.
pub fn target(l: &mut Layout, n: &Node) -> Laid {
    let [op, value] = &n.children[..] else {
        return Err(unsupported(n));
    };
    cmp_op(l, op)?;
    l.p.space();
    expr(l, value)
}
