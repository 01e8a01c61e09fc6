//! A loaded and checked rule set: the entry point of the library.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap};
use crate::symbols::Symbols;
use crate::{checks, load, resolve, syntax};
use std::path::PathBuf;

/// Rule files, parsed and checked.
#[derive(Debug)]
pub struct RuleSet {
    sources: SourceMap,
    symbols: Symbols,
    diagnostics: Vec<Diagnostic>,
}

/// Parsing and checking recurse with the depth of the input; a large stack keeps the nesting
/// limits, not the caller's stack size, the bound on what is accepted.
const CHECKER_STACK: usize = 256 * 1024 * 1024;

impl RuleSet {
    /// Loads `.dk` files and directories (searched recursively). Never fails: unreadable paths,
    /// syntax and type errors are all in [`diagnostics`](Self::diagnostics).
    pub fn load(paths: &[PathBuf]) -> RuleSet {
        let mut diags = Vec::new();
        let mut sources = SourceMap::default();
        let mut files = Vec::new();
        for path in load::collect_files(paths, &mut diags) {
            if let Some(id) = load::read_file(&path, &mut sources, &mut diags) {
                files.push(id);
            }
        }
        Self::check(sources, files, diags)
    }

    /// Builds a rule set from in-memory sources `(file name, text)`.
    pub fn from_sources(sources: Vec<(String, String)>) -> RuleSet {
        let mut diags = Vec::new();
        let mut map = SourceMap::default();
        let mut files = Vec::new();
        for (name, text) in sources {
            if let Some(id) =
                load::add_bytes(PathBuf::from(name), text.as_bytes(), &mut map, &mut diags)
            {
                files.push(id);
            }
        }
        Self::check(map, files, diags)
    }

    /// Builds a rule set from in-memory files `(file name, bytes)`; as with [`load`](Self::load),
    /// a file that is not UTF-8 is a diagnostic and a leading BOM is ignored.
    pub fn from_bytes(sources: Vec<(String, Vec<u8>)>) -> RuleSet {
        let mut diags = Vec::new();
        let mut map = SourceMap::default();
        let mut files = Vec::new();
        for (name, bytes) in sources {
            if let Some(id) = load::add_bytes(PathBuf::from(name), &bytes, &mut map, &mut diags) {
                files.push(id);
            }
        }
        Self::check(map, files, diags)
    }

    fn check(sources: SourceMap, files: Vec<FileId>, mut diags: Vec<Diagnostic>) -> RuleSet {
        let work = |diags: &mut Vec<Diagnostic>| {
            crate::suggest::with_budget(crate::suggest::CHECK_BUDGET, || {
                let modules: Vec<_> = files
                    .iter()
                    .filter_map(|&id| syntax::parse_file(id, &sources.get(id).text, diags))
                    .collect();
                let symbols = resolve::build(modules, diags);
                checks::run(&symbols, diags);
                symbols
            })
        };
        // A smaller stack when the large one cannot be had (many rule sets checked at once on a
        // small machine); the nesting limits keep recursion within a few megabytes in practice.
        let symbols = std::thread::scope(|scope| {
            for stack in [CHECKER_STACK, CHECKER_STACK / 8] {
                let spawned =
                    std::thread::Builder::new()
                        .stack_size(stack)
                        .spawn_scoped(scope, || {
                            let mut local = Vec::new();
                            let symbols = work(&mut local);
                            (symbols, local)
                        });
                if let Ok(handle) = spawned {
                    // A defect that panics the checker is reported once, with its own message.
                    let (symbols, local) = handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    diags.extend(local);
                    return symbols;
                }
            }
            work(&mut diags)
        });
        RuleSet {
            sources,
            symbols,
            diagnostics: diags,
        }
    }

    /// Every problem found, in the order found: files in order, then stages.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether any diagnostic is an error (the rule set cannot be fully used).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    pub fn symbols(&self) -> &Symbols {
        &self.symbols
    }

    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }
}
