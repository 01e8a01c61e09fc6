//! A loaded and checked rule set: the entry point of the library.

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::compile::Plan;
use crate::source::{FileId, SourceMap};
use crate::symbols::Symbols;
use crate::{checks, load, resolve, syntax};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Rule files, parsed and checked.
#[derive(Debug)]
pub struct RuleSet {
    sources: SourceMap,
    symbols: Symbols,
    diagnostics: Vec<Diagnostic>,
    /// The files and folders it was loaded from: their `data/` folders are the default data.
    pub(crate) paths: Vec<PathBuf>,
    /// Built on first use; `None` inside when the rule set has errors.
    compiled: OnceLock<Option<Compiled>>,
}

/// The executable form of a rule set without errors.
#[derive(Debug)]
struct Compiled {
    plan: Plan,
    /// The conflicts between the rules, whose resolutions gave the plan its overrides.
    conflicts: Vec<Diagnostic>,
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
        let mut rules = Self::build(sources, files, diags);
        rules.paths = paths.to_vec();
        rules
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
        Self::build(map, files, diags)
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
        Self::build(map, files, diags)
    }

    fn build(sources: SourceMap, files: Vec<FileId>, mut diags: Vec<Diagnostic>) -> RuleSet {
        // `parsed` is told when the files are parsed: parsing a large file takes both cores,
        // name resolution and the checks after it only one.
        let work = |diags: &mut Vec<Diagnostic>, parsed: &dyn Fn()| {
            crate::suggest::with_budget(crate::suggest::CHECK_BUDGET, || {
                let mut lost = syntax::Lost::default();
                let mut modules = Vec::new();
                for &id in &files {
                    let (module, lost_here) =
                        syntax::parse_file_recovering(id, &sources.get(id).text, diags);
                    modules.extend(module);
                    lost.merge(lost_here);
                }
                parsed();
                let parsed = diags.len();
                let symbols = resolve::build(modules, diags);
                checks::run(&symbols, diags);
                // What a declaration lost to a syntax error would have declared is not
                // reported unknown: the syntax error already explains it.
                let mut at = 0;
                diags.retain(|d| {
                    at += 1;
                    at <= parsed || !lost.explains(d, &sources)
                });
                symbols
            })
        };
        // A smaller stack when the large one cannot be had (many rule sets checked at once on a
        // small machine); the nesting limits keep recursion within a few megabytes in practice.
        let lang = crate::i18n::current();
        let chinese_files = || -> Vec<FileId> {
            files
                .iter()
                .copied()
                .filter(|&id| {
                    crate::i18n::snippets::dialect_of(&sources.get(id).text)
                        == crate::fmt::Dialect::Zh
                })
                .collect()
        };
        let work = &work;
        let (symbols, chinese) = std::thread::scope(|scope| {
            for stack in [CHECKER_STACK, CHECKER_STACK / 8] {
                // Dropped with the thread's closure: a checker that panics wakes the caller too.
                let (parsed, parsed_told) = std::sync::mpsc::channel::<()>();
                let spawned =
                    std::thread::Builder::new()
                        .stack_size(stack)
                        .spawn_scoped(scope, move || {
                            // Messages in the language of the calling thread.
                            crate::i18n::with_lang(lang, || {
                                let mut local = Vec::new();
                                let symbols = work(&mut local, &|| {
                                    let _ = parsed.send(());
                                });
                                (symbols, local)
                            })
                        });
                if let Ok(handle) = spawned {
                    // The dialect of each file is read here while the checker works, once the
                    // files are parsed and a core is free.
                    let _ = parsed_told.recv();
                    let chinese = chinese_files();
                    // A defect that panics the checker is reported once, with its own message.
                    let (symbols, local) = handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    diags.extend(local);
                    return (symbols, chinese);
                }
            }
            (work(&mut diags, &|| {}), chinese_files())
        });
        let mut symbols = symbols;
        symbols.chinese_files = chinese;
        crate::i18n::snippets::localize(&mut diags, &symbols.chinese_files);
        RuleSet {
            sources,
            symbols,
            diagnostics: diags,
            paths: Vec::new(),
            compiled: OnceLock::new(),
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

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                if self.has_errors() {
                    return None;
                }
                let mut plan = Plan::build(&self.symbols, &self.sources);
                let (conflicts, overrides) = crate::conflicts::find(&self.symbols, &plan);
                plan.overrides = overrides;
                Some(Compiled { plan, conflicts })
            })
            .as_ref()
    }

    /// The compiled rules, with the overrides that conflict resolution implies; `None` when the
    /// rule set has errors. Built once, on first use, and shared by every check.
    pub(crate) fn plan(&self) -> Option<&Plan> {
        self.compiled().map(|c| &c.plan)
    }

    /// The conflicts between the rules (SPEC §8); empty when the rule set has errors.
    pub fn conflicts(&self) -> &[Diagnostic] {
        self.compiled().map_or(&[], |c| &c.conflicts)
    }

    /// The declarations of the rule files, by name.
    pub(crate) fn symbols(&self) -> &Symbols {
        &self.symbols
    }

    /// The rule files read, with their text.
    pub(crate) fn sources(&self) -> &SourceMap {
        &self.sources
    }
}
