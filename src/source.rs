//! Source files held once, and the spans that point into them.

use serde::Serialize;
use std::path::PathBuf;

/// Index of a rule file, in the order the files were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub(crate) u32);

impl FileId {
    /// The file's place among the rule files, in the order they were read (0 for the first).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A byte range in one source file. Two spans are equal when they are the same range; the
/// syntax tree leaves its spans out of its own equality field by field, so two trees that
/// differ only in layout compare equal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// The byte offset where it starts.
    pub start: u32,
    /// The byte offset just past its end.
    pub end: u32,
}

/// Whether two optional values written somewhere are the same value, wherever written (for
/// the syntax tree's equality).
pub fn same_spanned<T: PartialEq>(a: &Option<(T, Span)>, b: &Option<(T, Span)>) -> bool {
    match (a, b) {
        (Some((x, _)), Some((y, _))) => x == y,
        (None, None) => true,
        _ => false,
    }
}

/// Whether two lists of values written somewhere hold the same values, wherever written.
pub fn same_rows<T: PartialEq>(a: &[(T, Span)], b: &[(T, Span)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|((x, _), (y, _))| x == y)
}

impl Span {
    pub(crate) fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub(crate) fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or as found under a directory they gave).
    pub path: PathBuf,
    /// The text, without a leading byte-order mark. Empty when the file could not be decoded.
    pub text: String,
    /// The raw bytes' SHA-256, for the receipt.
    pub sha256: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String, sha256: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            text,
            sha256,
            line_starts,
        }
    }

    /// The path with forward slashes, as printed in reports.
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// All source files of a rule set, indexed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The text a span covers.
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// Where a finding is.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// The file, as it was given.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
}

/// The file, line and column where `span` starts.
pub fn location(sources: &SourceMap, span: Span) -> Location {
    let f = sources.get(span.file);
    let lc = f.line_col(span.start as usize);
    Location {
        file: f.display_path(),
        line: lc.line,
        column: lc.column,
    }
}
