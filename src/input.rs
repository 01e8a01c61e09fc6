//! Data given to a check: files and folders, or CSV, JSON and rows held in memory.

use crate::data::bind::{self, DataArg, DataFile, Format};
use crate::data::problem::{DataLocation, DataProblem};
use crate::diagnostic::{Code, Severity};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// The data of one check. Files are read when the check runs; bytes and rows given here are
/// validated exactly as a file's would be, and their rejected rows are reported the same way.
///
/// With no entry at all, a check reads the `data/` folder of each rule folder it was loaded
/// from, as the command line does.
#[derive(Debug, Clone, Default)]
pub struct Data {
    entries: Vec<Entry>,
    /// Told how far the reading of data held in memory has got.
    pub(crate) on_read: Option<fn(u64, u64)>,
    /// The most groups a group rule holds; the default when `None`.
    pub(crate) max_groups: Option<usize>,
}

#[derive(Debug, Clone)]
enum Entry {
    /// A folder, a file named after its record type, or `NAME=FILE`.
    Path(DataArg),
    /// Bytes in memory for one record type.
    Memory(DataFile),
}

/// Rows that could not be turned into data.
#[derive(Debug, thiserror::Error)]
#[error("row {row} of `{record}` cannot be written as JSON: {source}")]
pub struct RowError {
    /// The record type.
    pub record: String,
    /// The 1-based row.
    pub row: usize,
    /// What serde said.
    pub source: serde_json::Error,
}

impl Data {
    /// No data yet.
    pub fn new() -> Data {
        Data::default()
    }

    /// A folder of `NAME.csv|json|jsonl|xlsx` files, or one file named after its record type
    /// (`FILE.xlsx#sheet` for a sheet), as `--data PATH` reads it.
    pub fn path(mut self, path: impl Into<PathBuf>) -> Data {
        self.entries.push(Entry::Path(DataArg::Dir(path.into())));
        self
    }

    /// A file of any name, checked as `record`, as `--data NAME=FILE` reads it.
    pub fn file(mut self, record: &str, path: impl Into<PathBuf>) -> Data {
        self.entries.push(Entry::Path(DataArg::File {
            record: record.to_string(),
            path: path.into(),
        }));
        self
    }

    /// CSV text of `record` rows; `name` names it in messages.
    pub fn csv(self, record: &str, name: &str, bytes: impl Into<Arc<[u8]>>) -> Data {
        self.memory(record, name, Format::Csv, bytes.into())
    }

    /// A JSON array of `record` objects; `name` names it in messages.
    pub fn json(self, record: &str, name: &str, bytes: impl Into<Arc<[u8]>>) -> Data {
        self.memory(record, name, Format::Json, bytes.into())
    }

    /// JSON Lines, one `record` object a line; `name` names it in messages.
    pub fn json_lines(self, record: &str, name: &str, bytes: impl Into<Arc<[u8]>>) -> Data {
        self.memory(record, name, Format::JsonLines, bytes.into())
    }

    /// A workbook (`.xlsx`, or `.xls`/`.ods` when `name` ends so) of `record` rows, held in
    /// memory: a file picked in a browser or uploaded. `name` names it in messages and may end
    /// in `#sheet` to read a sheet other than the first. It is read exactly as the same file on
    /// disk, through the same checks (a part that claims to unpack to more than 1 GiB is
    /// refused, and so is a cell beyond Excel's last row or column).
    pub fn xlsx_bytes(mut self, record: &str, name: &str, bytes: impl Into<Arc<[u8]>>) -> Data {
        let (file, sheet) = match name.rsplit_once('#') {
            Some((file, sheet)) if !sheet.is_empty() => (file, Some(sheet.to_string())),
            _ => (name, None),
        };
        self.entries.push(Entry::Memory(DataFile {
            record: record.to_string(),
            path: PathBuf::from(file),
            sheet,
            format: Format::Xlsx,
            bytes: Some(bytes.into()),
        }));
        self
    }

    /// Rows of `record`: `serde_json::Value` objects or any `Serialize` type whose fields are
    /// named as the record's. A rejected row is located as `<record rows>:N`, where N is its
    /// 1-based position.
    pub fn rows<T: Serialize>(
        self,
        record: &str,
        rows: impl IntoIterator<Item = T>,
    ) -> Result<Data, RowError> {
        let mut text = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            serde_json::to_writer(&mut text, &row).map_err(|source| RowError {
                record: record.to_string(),
                row: i + 1,
                source,
            })?;
            text.push(b'\n');
        }
        let name = format!("<{record} rows>");
        Ok(self.memory(record, &name, Format::JsonLines, text.into()))
    }

    fn memory(mut self, record: &str, name: &str, format: Format, bytes: Arc<[u8]>) -> Data {
        self.entries.push(Entry::Memory(DataFile {
            record: record.to_string(),
            path: PathBuf::from(name),
            sheet: None,
            format,
            bytes: Some(bytes),
        }));
        self
    }

    /// Calls `tell(read, total)` as data held in memory is read: bytes read so far and the
    /// buffer's size, at most once a mebibyte and once at the end of each buffer. A page that
    /// checks a large file shows its progress with it.
    pub fn on_progress(mut self, tell: fn(u64, u64)) -> Data {
        self.on_read = Some(tell);
        self
    }

    /// Holds at most `limit` groups per group rule (default 2,000,000, about 0.5 KB of memory
    /// each). A rule whose data has more is not decided, and the report says so with
    /// `duikou::data::too_many_groups`, rather than let memory grow without bound.
    pub fn max_groups(mut self, limit: usize) -> Data {
        self.max_groups = Some(limit);
        self
    }

    /// The files and buffers bound to the record types `records`, and what could not be bound.
    pub(crate) fn bind(
        &self,
        rule_paths: &[PathBuf],
        records: &[&str],
    ) -> (Vec<DataFile>, Vec<DataProblem>) {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        if self.entries.is_empty() {
            files = bind::bind(&[], rule_paths, records, &mut problems);
        }
        for entry in &self.entries {
            match entry {
                Entry::Path(arg) => {
                    let args = std::slice::from_ref(arg);
                    files.extend(bind::bind(args, rule_paths, records, &mut problems));
                }
                Entry::Memory(file) if records.contains(&file.record.as_str()) => {
                    files.push(file.clone());
                }
                Entry::Memory(file) => problems.push(unbound(file, records)),
            }
        }
        (files, problems)
    }
}

/// The problem of data given for a record type the rules do not declare.
fn unbound(file: &DataFile, records: &[&str]) -> DataProblem {
    let help =
        crate::suggest::did_you_mean(&file.record, records.iter().copied()).unwrap_or_else(|| {
            crate::tr!(
                "data-record-types-are-records",
                records = records.join(", ")
            )
        });
    DataProblem {
        code: Code::DataUnbound,
        severity: Severity::Error,
        message: crate::tr!("data-no-record-type-record-check", record = file.record),
        help: Some(help),
        location: DataLocation {
            file: file.display(),
            sheet: None,
            line: 0,
            column: 0,
        },
        field: None,
        row: false,
    }
}
