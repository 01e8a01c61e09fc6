//! `duikou fmt`: rule files in one canonical layout, with their comments, in either keyword
//! dialect. The layout follows the grammar, one function per construct; a construct without a
//! layout stops formatting with an error instead of losing text, and every result is checked
//! to parse to the same syntax tree, with the same comments, before it is returned.

mod comments;
mod construct_names;
pub(crate) mod dialect;
mod expr;
mod items;
mod keyword_kinds;
mod layout;
mod literal;
mod norms;
mod printer;
mod props;
mod test_blocks;
pub mod unified;
mod verify;

pub use dialect::Dialect;
pub use verify::Mismatch;

use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use crate::syntax::cst;
use layout::Layout;
use printer::Printer;

/// Why a file could not be formatted; it is then left as it was.
#[derive(Debug, Clone)]
pub enum FmtError {
    /// The file has syntax errors (rendered against the file's text).
    Syntax(Vec<Diagnostic>),
    /// The file holds a construct the formatter has no layout for (as a user names it, and
    /// the line where it starts).
    Unsupported {
        /// The construct, as a user names it in the current language (`a rule declaration`).
        construct: String,
        /// The line where it starts.
        line: usize,
    },
    /// The formatted text would not mean the same: a fault of the formatter, never written.
    Changed(Mismatch),
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FmtError::Syntax(d) => f.write_str(&crate::tr!("fmt-syntax-errors", n = d.len())),
            FmtError::Unsupported { construct, line } => f.write_str(&crate::tr!(
                "fmt-no-layout",
                construct = construct,
                line = line
            )),
            FmtError::Changed(m) => f.write_str(&crate::tr!("fmt-changed", why = m)),
        }
    }
}

/// Formats one file's text in `dialect`.
///
/// ```
/// use duikou::fmt::{Dialect, format_source};
/// let out = format_source("actor  河北省{kind：government，level:province}", Dialect::Zh).unwrap();
/// assert_eq!(out, "主体 河北省 { kind: government, level: province }\n");
/// ```
pub fn format_source(text: &str, dialect: Dialect) -> Result<String, FmtError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let original = text;
    // Lines end in LF; a CRLF inside a string would change its value, which the check refuses.
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n");
        unix.as_str()
    } else {
        text
    };
    let root = cst::parse(FileId(0), text).map_err(FmtError::Syntax)?;
    let comments = comments::collect(text, &root);
    let mut l = Layout {
        p: Printer::new(text, comments),
        dialect,
    };
    items::file(&mut l, &root).map_err(|u| FmtError::Unsupported {
        construct: u.construct,
        line: text[..u.at].matches('\n').count() + 1,
    })?;
    let out = l.p.finish();
    verify::same_meaning(original, &out).map_err(FmtError::Changed)?;
    Ok(out)
}

/// The `.dk` files under `paths` (directories searched recursively, in a stable order), and
/// the paths that could not be read.
pub fn rule_files(paths: &[std::path::PathBuf]) -> (Vec<std::path::PathBuf>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let files = crate::load::collect_files(paths, &mut diags);
    (files, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_line_ends_become_lf_and_a_bom_is_dropped() {
        let out = format_source("\u{FEFF}program P { since: 2010 } // p\r\n", Dialect::Keep);
        assert_eq!(out.unwrap(), "program P { since: 2010 } // p\n");
    }

    #[test]
    fn a_string_holding_a_crlf_is_refused_not_changed() {
        let src = "rule R \"a\r\nb\" { over p  require x }\r\nrecord p { x: bool }\r\n";
        assert!(matches!(
            format_source(src, Dialect::Keep),
            Err(FmtError::Changed(Mismatch::Meaning))
        ));
    }

    #[test]
    fn a_construct_without_layout_is_refused_not_dropped() {
        use crate::syntax::cst::{Kind, Node};
        let src = "x";
        let stray = Node {
            kind: Kind::expr,
            start: 0,
            end: 1,
            children: Vec::new(),
        };
        let root = Node {
            kind: Kind::file,
            start: 0,
            end: 1,
            children: vec![stray],
        };
        let mut l = Layout {
            p: Printer::new(src, Vec::new()),
            dialect: Dialect::Keep,
        };
        let err = crate::i18n::with_lang(crate::i18n::Lang::En, || items::file(&mut l, &root))
            .expect_err("no layout for a bare expression");
        assert_eq!(err.construct, "an expression");
    }

    #[test]
    fn syntax_errors_are_returned_not_formatted() {
        assert!(matches!(
            format_source("actor {", Dialect::Keep),
            Err(FmtError::Syntax(d)) if !d.is_empty()
        ));
    }
}
