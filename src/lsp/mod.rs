//! `duikou lsp`: the language server, over stdio, on `lsp-server` and `lsp-types`.
//!
//! The server keeps the workspace's `.dk` files and the open documents, checks them as one
//! rule set shortly after each change ([`server::DEBOUNCE`]), and answers from that one
//! checked model: diagnostics, hover, definition, references, rename, completion, symbols,
//! formatting, semantic tokens and quick fixes. See docs/editor.md.

mod actions;
mod analysis;
mod capabilities;
mod completion;
mod edit;
mod format;
/// Arbitrary edit sequences through the document handling, for the `lsp` fuzz target.
pub(crate) mod fuzz;
mod handlers;
mod hover;
mod index;
mod navigate;
mod outline;
mod position;
mod publish;
mod semantic;
mod server;
mod uri;
mod workspace;

pub(crate) use crate::words::{keywords, lexer};
pub use format::format;
pub use server::{DEBOUNCE, serve};

/// Runs the server on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io) = lsp_server::Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io.join().map_err(|e| format!("input/output failed: {e}"))
}
