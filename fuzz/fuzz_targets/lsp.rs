//! The shipped rule set opened in the language server, one file edited by an arbitrary
//! sequence of changes, with every request made between them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../seeds.rs"]
mod seeds;

static FILES: OnceLock<Vec<(String, String)>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    duikou::fuzzing::lsp_edits(FILES.get_or_init(seeds::shipped_rules), data)
});
