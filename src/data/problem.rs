//! Problems with data files and rows, located by file, line (or sheet and row) and column.

use crate::diagnostic::{Code, Severity};
use serde::Serialize;

/// Where in a data file: line (CSV, JSON) or sheet and row (XLSX), and the column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataLocation {
    pub file: String,
    /// The sheet of a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// 1-based line (CSV, JSON) or row (XLSX); 0 for the file as a whole.
    pub line: u64,
    /// 1-based column; 0 when no column is concerned.
    pub column: u32,
}

/// A data file that could not be (fully) read, or a row that was rejected.
#[derive(Debug, Clone)]
pub struct DataProblem {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub location: DataLocation,
    /// The field concerned, by name.
    pub field: Option<String>,
    /// Whether this rejects a row (as opposed to a problem with the file).
    pub row: bool,
}

/// Why a single cell was not accepted.
#[derive(Debug, Clone)]
pub struct Rejection {
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
}

impl Rejection {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Rejection {
            code,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl DataLocation {
    /// `data/project.csv:12:4` or `data/x.xlsx#Sheet1:12:4`.
    pub fn display(&self) -> String {
        let file = match &self.sheet {
            Some(s) => format!("{}#{s}", self.file),
            None => self.file.clone(),
        };
        match (self.line, self.column) {
            (0, _) => file,
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }
}
