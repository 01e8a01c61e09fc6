//! The language server: a rule set opened as editor documents, one of them edited by an
//! arbitrary sequence of changes, with requests made between them.

/// Opens `files` as documents; the first byte of `data` picks the one edited, the rest are the
/// operations (edits, requests, checks, closing and reopening), with the grammar's tokens as
/// the text typed.
pub fn lsp_edits(files: &[(String, String)], data: &[u8]) {
    if let Some((&pick, ops)) = data.split_first() {
        crate::lsp::fuzz::edit_sequence(files, usize::from(pick), ops, super::TOKENS);
    }
}
