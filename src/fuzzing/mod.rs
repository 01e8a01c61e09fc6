//! The pipelines the fuzz targets in `fuzz/` drive, shared with the tests that replay every
//! input the fuzzers ever found (`fuzz/regressions/`). Each takes arbitrary bytes, runs them
//! through everything a user's command would (loading, checking, every analysis, every
//! renderer) and asserts what users rely on: no panic, every span inside its file, every data
//! row accounted for. A failed assertion or a panic is a defect.

mod data;
mod fmt;
mod lsp;
mod rules;
mod sheet;
mod splice;

pub use data::DataTarget;
pub use fmt::fmt_roundtrip;
pub use lsp::lsp_edits;
pub use rules::{examine, rules_text};
pub use sheet::SheetTarget;
pub use splice::{TOKENS, rules_structured, splice};

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh scratch path in the system's temporary folder, unique in this process.
fn scratch(what: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("duikou-fuzz-{}-{n}-{what}", std::process::id()))
}
