//! The files the server knows: the workspace's `.dk` files on disk, overlaid by the documents
//! open in the editor, and the rule sets checked from them.

use super::analysis::Analysis;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The workspace's rule files and open documents.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The folders whose `.dk` files form the workspace's rule set.
    roots: Vec<PathBuf>,
    /// Texts read from disk, by path.
    disk: BTreeMap<PathBuf, String>,
    /// Texts of open documents, by path: they win over the disk.
    open: BTreeMap<PathBuf, String>,
    /// The workspace's rule set, then one per open document outside it.
    pub analyses: Vec<Analysis>,
}

/// Folders never searched for rule files.
const SKIPPED: &[&str] = &["target", "node_modules"];

impl Workspace {
    /// A workspace over the given folders. A folder holding `rules/` (the CLI's default) is
    /// narrowed to it, so test fixtures elsewhere in a project do not join the rule set.
    pub fn new(folders: Vec<PathBuf>) -> Workspace {
        let roots = folders
            .into_iter()
            .map(|f| {
                let rules = f.join("rules");
                if rules.is_dir() { rules } else { f }
            })
            .collect();
        let mut ws = Workspace {
            roots,
            ..Workspace::default()
        };
        ws.reload_disk();
        ws
    }

    /// Reads every `.dk` file under the roots again.
    pub fn reload_disk(&mut self) {
        let mut found = Vec::new();
        for root in &self.roots {
            collect(root, &mut found);
        }
        self.disk = found
            .into_iter()
            .map(|p| {
                let text = std::fs::read(&p)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                (p, text)
            })
            .collect();
    }

    pub fn open(&mut self, path: PathBuf, text: String) {
        self.open.insert(path, text);
    }

    pub fn text(&self, path: &Path) -> Option<&String> {
        self.open.get(path).or_else(|| self.disk.get(path))
    }

    pub fn set_text(&mut self, path: &Path, text: String) {
        self.open.insert(path.to_path_buf(), text);
    }

    /// Closes a document: its disk text (if it is a workspace file) counts again.
    pub fn close(&mut self, path: &Path) {
        self.open.remove(path);
        if self.disk.contains_key(path) {
            let text = std::fs::read(path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            self.disk.insert(path.to_path_buf(), text);
        }
    }

    /// Checks everything again from the current texts.
    pub fn analyze(&mut self) {
        let mut set: Vec<(PathBuf, String)> = self
            .disk
            .keys()
            .map(|p| (p.clone(), self.text(p).cloned().unwrap_or_default()))
            .collect();
        // Open documents inside a root that are not on disk yet (new, unsaved) join the set.
        for (p, t) in &self.open {
            if !self.disk.contains_key(p) && self.roots.iter().any(|r| p.starts_with(r)) {
                set.push((p.clone(), t.clone()));
            }
        }
        let mut analyses = vec![Analysis::new(set)];
        if let Some(previous) = self.analyses.first() {
            analyses[0].recalled = if previous.parsed() {
                Some(previous.rules.symbols().clone())
            } else {
                previous.recalled.clone()
            };
        }
        for (p, t) in &self.open {
            if analyses[0].file_id(p).is_none() {
                analyses.push(Analysis::new(vec![(p.clone(), t.clone())]));
            }
        }
        self.analyses = analyses;
    }

    /// The rule set a file belongs to.
    pub fn analysis_of(&self, path: &Path) -> Option<&Analysis> {
        self.analyses.iter().find(|a| a.file_id(path).is_some())
    }
}

/// The `.dk` files under `dir`, sorted, skipping hidden folders and build output.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !name.starts_with('.') && !SKIPPED.contains(&name) {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "dk") {
            out.push(p);
        }
    }
}
