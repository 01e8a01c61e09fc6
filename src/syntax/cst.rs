//! The concrete syntax tree: every token of a file with its byte range, for tools that lay out
//! source text (the formatter). The tree's node kinds are the grammar's rule names.

use super::parser::DkParser;
use crate::ast::Module;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use pest::Parser;

/// The kind of a node: the name of the grammar rule that matched it.
pub use super::parser::Rule as Kind;

/// One matched grammar rule: its kind, its byte range and the rules matched inside it.
/// Silent rules (punctuation, whitespace, comments) have no node; they lie between nodes.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub children: Vec<Node>,
}

impl Node {
    /// The source text the node covers.
    pub fn text<'s>(&self, src: &'s str) -> &'s str {
        &src[self.start..self.end]
    }

    /// The first child of `kind`.
    pub fn child(&self, kind: Kind) -> Option<&Node> {
        self.children.iter().find(|c| c.kind == kind)
    }
}

/// Parses `text` into its concrete syntax tree, or returns the syntax errors.
pub fn parse(file: FileId, text: &str) -> Result<Node, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    super::parse_file(file, text, &mut diags).ok_or_else(|| diags.clone())?;
    let (bound, _) = super::recursion::depth_bound(text);
    super::recursion::with_stack_for(bound, || {
        let mut pairs = DkParser::parse(Kind::file, text).ok()?;
        let root = pairs.next().expect("file rule matched");
        Some(build(root))
    })
    .ok_or(diags)
}

/// The file lowered to its syntax tree (spans do not take part in equality), or `None` when it
/// has syntax errors.
pub fn lower(file: FileId, text: &str) -> Option<Module> {
    super::parse_file(file, text, &mut Vec::new())
}

/// Converts a pest pair; the pre-scan has bounded the nesting, and so this recursion.
fn build(root: pest::iterators::Pair<'_, Kind>) -> Node {
    let span = root.as_span();
    Node {
        kind: root.as_rule(),
        start: span.start(),
        end: span.end(),
        children: root.into_inner().map(build).collect(),
    }
}
