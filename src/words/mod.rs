//! The words of a rule file as an editor and a help text see them: a light lexer and the keyword
//! pairs of both dialects, with which dialect a file is written in.

pub mod keywords;
pub mod lexer;

/// Whether most keywords of `text` are Chinese (for snippets in the file's own dialect).
pub(crate) fn keywords_are_chinese(text: &str) -> bool {
    keywords::Dialect::of(text) == keywords::Dialect::Chinese
}
