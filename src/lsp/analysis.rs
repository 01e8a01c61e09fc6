//! One checked rule set as the server sees it: the rule set, every finding `duikou check`
//! gives, the name table, and each file's text for positions.

use super::index::Index;
use super::position::LineIndex;
use crate::RuleSet;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use crate::symbols::Symbols;
use lsp_types::Position;
use std::path::{Path, PathBuf};

/// A rule set checked from the editor's texts.
#[derive(Debug)]
pub struct Analysis {
    pub rules: RuleSet,
    /// The static diagnostics, then (when there are no errors) gaps and conflicts: what
    /// `duikou check` without data prints.
    pub findings: Vec<Diagnostic>,
    pub index: Index,
    /// Each file of the rule set, by `FileId`: its path and its text as the editor holds it.
    pub files: Vec<(PathBuf, LineIndex)>,
    /// The declarations of the last check in which every file parsed: while a file is being
    /// typed and does not parse, completion still offers the names it declared.
    pub recalled: Option<Symbols>,
}

impl Analysis {
    /// Checks the given files `(path, text)`.
    pub fn new(files: Vec<(PathBuf, String)>) -> Analysis {
        let sources = files
            .iter()
            .map(|(p, t)| (p.to_string_lossy().into_owned(), t.clone()))
            .collect();
        let rules = RuleSet::from_sources(sources);
        let mut findings = rules.diagnostics().to_vec();
        if !rules.has_errors() {
            let opts = crate::gaps::Options {
                year: None,
                as_of: None,
            };
            findings.extend(crate::gaps::analyze(rules.symbols(), &opts));
            findings.extend_from_slice(rules.conflicts());
        }
        let index = Index::build(rules.symbols());
        let files = files
            .into_iter()
            .map(|(p, t)| (p, LineIndex::new(&t)))
            .collect();
        Analysis {
            rules,
            findings,
            index,
            files,
            recalled: None,
        }
    }

    /// Whether every file parsed.
    pub fn parsed(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|d| d.code.as_str().starts_with("duikou::parse::"))
    }

    /// The declarations to offer names from: the current ones, else the last complete ones.
    pub fn known(&self) -> &Symbols {
        match &self.recalled {
            Some(s) if !self.parsed() => s,
            _ => self.rules.symbols(),
        }
    }

    /// The file id of a path in this rule set.
    pub fn file_id(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|(p, _)| p == path)
            .map(|i| FileId(i as u32))
    }

    /// The path and text of a file id.
    pub fn file(&self, id: FileId) -> Option<&(PathBuf, LineIndex)> {
        self.files.get(id.0 as usize)
    }
}

/// A file of a checked rule set, as a request sees it.
pub struct At<'a> {
    pub analysis: &'a Analysis,
    pub file: FileId,
    pub index: &'a LineIndex,
}

impl At<'_> {
    /// The rule-set offset of a position in this file.
    pub fn offset(&self, pos: Position) -> usize {
        self.index.span_offset(pos)
    }
}
