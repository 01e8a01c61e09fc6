//! Finding the comments of a file: they lie in the gaps between the tokens of its syntax tree,
//! where no string can hide a `//`.

use crate::syntax::cst::Node;

/// A comment: its byte range in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
}

impl Comment {
    /// A `// …` comment runs to the end of its line: nothing may follow it on that line.
    pub fn is_line(&self, src: &str) -> bool {
        src[self.start..].starts_with("//")
    }
}

/// Every comment of `src`, in order.
pub fn collect(src: &str, root: &Node) -> Vec<Comment> {
    let mut leaves = Vec::new();
    leaf_ranges(root, &mut leaves);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in leaves {
        if start > at {
            scan_gap(src, at, start, &mut out);
        }
        at = at.max(end);
    }
    scan_gap(src, at, src.len(), &mut out);
    out
}

fn leaf_ranges(node: &Node, out: &mut Vec<(usize, usize)>) {
    if node.children.is_empty() {
        out.push((node.start, node.end));
    }
    for c in &node.children {
        leaf_ranges(c, out);
    }
}

/// Scans a gap between tokens: only white space, punctuation and comments lie there.
fn scan_gap(src: &str, from: usize, to: usize, out: &mut Vec<Comment>) {
    let gap = &src.as_bytes()[..to];
    let mut i = from;
    while i + 1 < to {
        if gap[i] == b'/' && gap[i + 1] == b'/' {
            let end = src[i..to].find('\n').map_or(to, |n| i + n);
            out.push(Comment { start: i, end });
            i = end;
        } else if gap[i] == b'/' && gap[i + 1] == b'*' {
            let end = block_end(gap, i, to);
            out.push(Comment { start: i, end });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The end of the (nesting) block comment that starts at `start`.
fn block_end(bytes: &[u8], start: usize, to: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < to {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    to
}
