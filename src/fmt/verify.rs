//! The formatter's guard: the formatted text must mean what the source meant, keep every
//! comment, and parse.

use super::comments::{self, Comment};
use crate::source::FileId;
use crate::syntax::cst;

/// Why a formatted text was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The formatted text does not parse.
    Unparsable,
    /// It parses to a different syntax tree.
    Meaning,
    /// A comment was lost or changed.
    Comments,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mismatch::Unparsable => "the result would not parse",
            Mismatch::Meaning => {
                "the result would mean something else (a line break inside a string written with CRLF line ends is one cause)"
            }
            Mismatch::Comments => "a comment would be lost or changed",
        })
    }
}

/// Checks that `formatted` has the meaning and the comments of `original`.
pub fn same_meaning(original: &str, formatted: &str) -> Result<(), Mismatch> {
    let file = FileId(0);
    let before = cst::lower(file, original).ok_or(Mismatch::Unparsable)?;
    let after = cst::lower(file, formatted).ok_or(Mismatch::Unparsable)?;
    if before != after {
        return Err(Mismatch::Meaning);
    }
    let texts = |src: &str| -> Result<Vec<String>, Mismatch> {
        let root = cst::parse(file, src).map_err(|_| Mismatch::Unparsable)?;
        Ok(comments::collect(src, &root)
            .iter()
            .map(|c: &Comment| src[c.start..c.end].trim_end().replace("\r\n", "\n"))
            .collect())
    };
    if texts(original)? != texts(formatted)? {
        return Err(Mismatch::Comments);
    }
    Ok(())
}
