//! The state shared by the layout functions, and the small pieces they all use: keywords,
//! tokens as written, and the refusal to lay out a construct the formatter does not know.

use super::dialect::Dialect;
use super::printer::Printer;
use crate::syntax::cst::{Kind, Node};

/// A construct of the grammar that the formatter has no layout for: formatting stops rather
/// than lose its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// The construct, as a user names it in the current language (`a rule declaration`).
    pub construct: String,
    /// Where it starts, in bytes.
    pub at: usize,
}

pub type Laid = Result<(), Unsupported>;

/// The printer and the dialect keywords are written in.
pub struct Layout<'s> {
    pub p: Printer<'s>,
    pub dialect: Dialect,
}

impl<'s> Layout<'s> {
    pub fn src(&self) -> &'s str {
        self.p.src()
    }

    /// A keyword node (`kw_*`, `gap_word`, …), in the chosen dialect.
    pub fn kw(&mut self, n: &Node) {
        let text = self.dialect.keyword(n.text(self.src()));
        self.p.token(n.start, n.end, text);
    }

    /// The keyword inside a node that wraps one (`lead`, `negated`, `boolean`, `or` …).
    pub fn inner_kw(&mut self, n: &Node) -> Laid {
        match n.children.first() {
            Some(k) => {
                self.kw(k);
                Ok(())
            }
            None => Err(unsupported(n)),
        }
    }

    /// A token written as in the source (names, strings, article numbers).
    pub fn verbatim(&mut self, n: &Node) {
        let text = n.text(self.src());
        self.p.token(n.start, n.end, text);
    }

    /// A token written as `text`.
    pub fn token(&mut self, n: &Node, text: &str) {
        self.p.token(n.start, n.end, text);
    }

    /// Words separated by spaces: keywords translated, everything else by `each`.
    pub fn words(&mut self, n: &Node, each: fn(&mut Self, &Node) -> Laid) -> Laid {
        for (i, c) in n.children.iter().enumerate() {
            if i > 0 {
                self.p.space();
            }
            if is_keyword(c.kind) {
                self.kw(c);
            } else {
                each(self, c)?;
            }
        }
        Ok(())
    }

    /// Lays out what `f` prints on one line.
    pub fn flat<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.p.enter_flat();
        let r = f(self);
        self.p.leave_flat();
        r
    }

    /// The display width `f` would take laid out on one line.
    pub fn measure(&self, f: impl FnOnce(&mut Layout<'s>) -> Laid) -> Result<usize, Unsupported> {
        use unicode_width::UnicodeWidthStr;
        let mut m = Layout {
            p: Printer::measuring(self.src()),
            dialect: self.dialect,
        };
        f(&mut m)?;
        Ok(m.p.into_text().width())
    }
}

/// The refusal for a node the layout does not expect.
pub fn unsupported(n: &Node) -> Unsupported {
    Unsupported {
        construct: super::construct_names::construct_name(n.kind),
        at: n.start,
    }
}

pub use super::keyword_kinds::is_keyword;

/// Statements one per line: a blank line between two of different kinds and around a block,
/// otherwise as in the source (at most one).
pub fn statements(l: &mut Layout, items: &[&Node], each: fn(&mut Layout, &Node) -> Laid) -> Laid {
    separated(l, items, each, true)
}

/// Clauses one per line, blank lines as in the source (at most one).
pub fn clauses(l: &mut Layout, items: &[&Node], each: fn(&mut Layout, &Node) -> Laid) -> Laid {
    separated(l, items, each, false)
}

fn separated(
    l: &mut Layout,
    items: &[&Node],
    each: fn(&mut Layout, &Node) -> Laid,
    blocks_apart: bool,
) -> Laid {
    for (i, it) in items.iter().enumerate() {
        if i > 0 && blocks_apart {
            let prev = items[i - 1];
            if prev.kind != it.kind || is_block(prev) || is_block(it) {
                l.p.blank();
            }
        }
        l.p.stmt();
        each(l, it)?;
    }
    Ok(())
}

/// Declarations laid out over several lines.
fn is_block(n: &Node) -> bool {
    match n.kind {
        Kind::document_decl
        | Kind::record_decl
        | Kind::rule_decl
        | Kind::evaluation_decl
        | Kind::test_decl
        | Kind::indicator_decl => true,
        Kind::article => n.child(Kind::article_body).is_some(),
        _ => false,
    }
}

/// Where a declaration's name ends: its block opens after it.
pub fn name_end(n: &Node) -> usize {
    n.children
        .iter()
        .find(|c| matches!(c.kind, Kind::ident | Kind::string))
        .map_or(n.start, |c| c.end)
}
