//! `duikou lsp`: the language server over standard input and output.

use std::process::ExitCode;

/// Arguments of `duikou lsp` (the client talks to it over stdio).
#[derive(clap::Args)]
pub struct LspArgs {
    /// Accepted for clients that pass it; standard input and output are always used.
    #[arg(long)]
    stdio: bool,
}

pub fn lsp(_args: LspArgs) -> ExitCode {
    match crate::lsp::run_stdio() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", crate::tr!("cli-error", message = e));
            ExitCode::from(super::EXIT_UNPROCESSABLE)
        }
    }
}
