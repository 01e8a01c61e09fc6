//! Which data file is checked as which record type: `data/NAME.ext` → `record NAME`.

use super::problem::{DataLocation, DataProblem};
use crate::diagnostic::{Code, Severity};
use crate::suggest::did_you_mean;
use std::path::{Path, PathBuf};

/// The formats data can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV and other text exports (`;`, tab or `|` between cells; UTF-8, GBK or UTF-16).
    Csv,
    /// A JSON array of objects.
    Json,
    /// One JSON object a line.
    JsonLines,
    /// A workbook: `.xlsx`, `.xlsm`, `.xls` or `.ods`.
    Xlsx,
}

/// Whether `path` ends in a workbook's extension.
fn is_workbook(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "tsv" => Format::Csv,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "xlsx" | "xlsm" | "xls" | "ods" => Format::Xlsx,
            _ => return None,
        })
    }

    /// `csv`, `json` or `jsonl`: the formats standard input can be given in.
    pub fn of_name(name: &str) -> Option<Format> {
        match name {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// A data file bound to a record type.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub record: String,
    pub path: PathBuf,
    /// A workbook's sheet (`file.xlsx#sheet`).
    pub sheet: Option<String>,
    pub format: Format,
    /// The contents, when the data is in memory rather than in a file at `path` (which then
    /// only names it in messages).
    pub bytes: Option<std::sync::Arc<[u8]>>,
}

impl DataFile {
    pub fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// The file as findings name it: a workbook with its sheet (`book.xlsx#Sheet2`).
    pub fn label(&self) -> String {
        if self.format != Format::Xlsx {
            return self.display();
        }
        let sheet = self.sheet.clone().or_else(|| {
            let source = match &self.bytes {
                Some(bytes) => super::workbook::Source::Bytes(bytes),
                None => super::workbook::Source::File(&self.path),
            };
            super::workbook::sheet_names(source)?.first().cloned()
        });
        match sheet {
            Some(s) => format!("{}#{s}", self.display()),
            None => self.display(),
        }
    }
}

/// One `--data` argument: a folder, or `NAME=FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataArg {
    Dir(PathBuf),
    File { record: String, path: PathBuf },
}

impl DataArg {
    pub fn parse(s: &str) -> DataArg {
        match s.split_once('=') {
            Some((name, file)) if !name.is_empty() && !name.contains(['/', '\\']) => {
                DataArg::File {
                    record: name.to_string(),
                    path: PathBuf::from(file),
                }
            }
            _ => DataArg::Dir(PathBuf::from(s)),
        }
    }
}

fn problem(path: &str, code: Code, message: String, help: Option<String>) -> DataProblem {
    DataProblem {
        code,
        severity: Severity::Error,
        message,
        help,
        location: DataLocation {
            file: path.to_string(),
            sheet: None,
            line: 0,
            column: 0,
        },
        field: None,
        row: false,
    }
}

/// `file.xlsx#sheet` → (`file.xlsx`, `sheet`).
fn split_sheet(path: &Path) -> (PathBuf, Option<String>) {
    let s = path.to_string_lossy();
    if let Some((file, sheet)) = s.rsplit_once('#')
        && is_workbook(file)
    {
        return (PathBuf::from(file), Some(sheet.to_string()));
    }
    (path.to_path_buf(), None)
}

/// Binds `--data` arguments (or, without any, each rule directory's `data/` folder) to the
/// record types named `records`.
pub fn bind(
    args: &[DataArg],
    rule_paths: &[PathBuf],
    records: &[&str],
    problems: &mut Vec<DataProblem>,
) -> Vec<DataFile> {
    bind_with(args, rule_paths, records, None, problems)
}

/// `bind`, where `NAME=-` reads standard input in `stdin_format` (`--data-format`).
pub fn bind_with(
    args: &[DataArg],
    rule_paths: &[PathBuf],
    records: &[&str],
    stdin_format: Option<Format>,
    problems: &mut Vec<DataProblem>,
) -> Vec<DataFile> {
    let defaults: Vec<DataArg>;
    let args = if args.is_empty() {
        defaults = rule_paths
            .iter()
            .filter(|p| p.is_dir() && p.join("data").is_dir())
            .map(|p| DataArg::Dir(p.join("data")))
            .collect();
        &defaults
    } else {
        args
    };
    let mut files = Vec::new();
    for arg in args {
        match arg {
            DataArg::File { record, path } => {
                files.extend(bind_file(record, path, records, stdin_format, problems));
            }
            DataArg::Dir(dir) => bind_dir(dir, records, problems, &mut files),
        }
    }
    // Read in the order of their paths, not of the arguments: the same files give the same
    // report, byte for byte, however they are listed.
    files.sort_by(|a, b| (&a.path, &a.sheet, &a.record).cmp(&(&b.path, &b.sheet, &b.record)));
    files
}

/// Binds one `NAME=FILE` argument; `None` when it cannot be bound (the problem is pushed).
fn bind_file(
    record: &str,
    path: &Path,
    records: &[&str],
    stdin_format: Option<Format>,
    problems: &mut Vec<DataProblem>,
) -> Option<DataFile> {
    let (path, sheet) = split_sheet(path);
    let shown = path.display().to_string();
    if !records.contains(&record) {
        let help = did_you_mean(record, records.iter().copied()).unwrap_or_else(|| {
            crate::tr!(
                "data-record-types-are-records",
                records = records.join(", ")
            )
        });
        problems.push(problem(
            &shown,
            Code::DataUnbound,
            crate::tr!("data-no-record-type-record-check-2", record = record),
            Some(help),
        ));
        return None;
    }
    if path.as_os_str() == "-" {
        match stdin_format {
            Some(format) => {
                return Some(DataFile {
                    record: record.to_string(),
                    path,
                    sheet: None,
                    format,
                    bytes: None,
                });
            }
            None => problems.push(problem(
                "-",
                Code::DataFormat,
                crate::tr!("data-standard-input-has-no-file"),
                Some(crate::tr!("data-name-format-data-format-csv")),
            )),
        }
        return None;
    }
    if path.is_dir() {
        problems.push(problem(
            &shown,
            Code::DataUnreadable,
            crate::tr!("data-this-folder-name-file-takes"),
            Some(crate::tr!(
                "data-read-every-file-folder-write",
                shown = shown
            )),
        ));
        return None;
    }
    // A text export named on its own (`Unicode 文本` saves `.txt`) is read as CSV.
    let text = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let Some(format) = Format::of(&path).or(text.then_some(Format::Csv)) else {
        problems.push(problem(
            &shown,
            Code::DataFormat,
            crate::tr!("data-unknown-data-format"),
            Some(crate::tr!("data-data-files-end-csv-tsv")),
        ));
        return None;
    };
    Some(DataFile {
        record: record.to_string(),
        path,
        sheet,
        format,
        bytes: None,
    })
}

fn bind_dir(
    dir: &Path,
    records: &[&str],
    problems: &mut Vec<DataProblem>,
    files: &mut Vec<DataFile>,
) {
    let shown = dir.display().to_string();
    let (file, sheet) = split_sheet(dir);
    if file.is_file() {
        bind_named_file(file, sheet, &shown, records, problems, files);
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(problem(
                &shown,
                Code::DataUnreadable,
                crate::tr!("data-cannot-read-data-folder-e", e = e),
                None,
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    files.extend(
        paths
            .into_iter()
            .filter_map(|path| bind_folder_entry(path, records, problems)),
    );
}

/// A file named after its record type: `--data data/project.csv`.
fn bind_named_file(
    file: PathBuf,
    sheet: Option<String>,
    shown: &str,
    records: &[&str],
    problems: &mut Vec<DataProblem>,
    files: &mut Vec<DataFile>,
) {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    match Format::of(&file) {
        Some(format) if records.contains(&stem.as_str()) => files.push(DataFile {
            record: stem,
            path: file,
            sheet,
            format,
            bytes: None,
        }),
        _ => problems.push(problem(
            shown,
            Code::DataUnbound,
            crate::tr!("data-no-record-type-stem-check", stem = stem),
            Some(crate::tr!(
                "data-name-record-type-data-name",
                shown = shown,
                records = records.join(", ")
            )),
        )),
    }
}

/// One file of a data folder, bound to the record type it is named after; files of other
/// formats are passed over, and a file named after no record type is a problem.
fn bind_folder_entry(
    path: PathBuf,
    records: &[&str],
    problems: &mut Vec<DataProblem>,
) -> Option<DataFile> {
    let format = Format::of(&path)?;
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        problems.push(problem(
            &path.display().to_string(),
            Code::DataUnreadable,
            crate::tr!("data-not-regular-file-folder-pipe"),
            Some(crate::tr!("data-move-out-data-folder-replace")),
        ));
        return None;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if !records.contains(&stem.as_str()) {
        let help = did_you_mean(&stem, records.iter().copied()).unwrap_or_else(|| {
            crate::tr!(
                "data-file-data-name-path-checked",
                path = path.extension().unwrap_or_default().to_string_lossy(),
                records = records.join(", ")
            )
        });
        problems.push(problem(
            &path.display().to_string(),
            Code::DataUnbound,
            crate::tr!("data-no-record-type-stem-check", stem = stem),
            Some(help),
        ));
        return None;
    }
    Some(DataFile {
        record: stem,
        path,
        sheet: None,
        format,
        bytes: None,
    })
}
