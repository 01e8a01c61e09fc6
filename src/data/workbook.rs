//! Opens a workbook (`.xlsx`, `.xls`, `.ods`), from a file or from bytes in memory, and reads one
//! sheet into a sparse grid. An `.xlsx` workbook's parts are first measured (a part that claims
//! to unpack to more than [`xlsx_scan::MAX_PART_BYTES`] is refused), its sheet scanned for
//! references beyond Excel's limits, then read cell by cell, so a far-away cell costs nothing;
//! at most [`MAX_CELLS`] cells are held.

use super::grid::{Grid, GridCell};
use super::problem::{DataLocation, DataProblem};
use super::xlsx_scan;
use crate::diagnostic::{Code, Severity};
use calamine::{Data, DataRef, Reader};
use std::io::{Cursor, Read, Seek};
use std::path::Path;
use std::sync::Arc;

/// The most cells one sheet may have (about 1 GB held): 16 columns of every row Excel allows.
pub const MAX_CELLS: usize = 16 * 1_048_576;

/// Where a workbook's bytes are.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A file on disk.
    File(&'a Path),
    /// Bytes in memory (a file picked in a browser, an upload).
    Bytes(&'a Arc<[u8]>),
}

/// A sheet read into a grid, with its name.
pub struct Sheet {
    pub name: String,
    pub grid: Grid,
    /// Said about the choice of sheet (the first of several, when none was named).
    pub note: Option<DataProblem>,
}

fn problem(at: &DataLocation, message: String, help: Option<String>) -> Box<DataProblem> {
    Box::new(DataProblem {
        code: Code::DataFormat,
        severity: Severity::Error,
        message,
        help,
        location: at.clone(),
        field: None,
        row: false,
    })
}

/// Picks the sheet named `wanted`, or the first; says when the first of several is used.
fn choose(
    names: &[String],
    wanted: Option<&str>,
    at: &DataLocation,
) -> Result<(String, Option<DataProblem>), Box<DataProblem>> {
    match wanted {
        Some(s) if names.iter().any(|n| n == s) => Ok((s.to_string(), None)),
        Some(s) => Err(problem(
            at,
            crate::tr!("data-workbook-has-no-sheet-s", s = s),
            Some(crate::tr!(
                "data-sheets-are-names",
                names = names.join(", ")
            )),
        )),
        None => {
            let first = names
                .first()
                .ok_or_else(|| problem(at, crate::tr!("data-workbook-has-no-sheets"), None))?;
            let note = (names.len() > 1).then(|| DataProblem {
                code: Code::DataFirstSheet,
                severity: Severity::Info,
                message: crate::tr!(
                    "data-workbook-has-names-sheets-first",
                    names = names.len(),
                    first = first
                ),
                help: Some(crate::tr!(
                    "data-read-another-name-after-file",
                    file = at.file,
                    names = names[1]
                )),
                location: at.clone(),
                field: None,
                row: false,
            });
            Ok((first.clone(), note))
        }
    }
}

/// Reads sheet `wanted` (or the first) of the workbook in `source`; `name` (its file name)
/// tells the format by its extension: `.xls` and `.ods`, else `.xlsx`.
pub fn read(
    source: Source<'_>,
    name: &Path,
    wanted: Option<&str>,
    at: &DataLocation,
) -> Result<Sheet, Box<DataProblem>> {
    let ext = name
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let other = matches!(ext.as_str(), "xls" | "ods");
    match source {
        Source::File(path) => {
            let open = || std::fs::File::open(path).map(std::io::BufReader::new);
            if other {
                let book = calamine::open_workbook_auto(path).map_err(|e| cannot_open(at, e))?;
                read_other(book, wanted, at)
            } else {
                read_xlsx(open, wanted, at)
            }
        }
        Source::Bytes(bytes) => {
            let open = || Ok(Cursor::new(bytes.clone()));
            if other {
                let book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.clone()))
                    .map_err(|e| cannot_open(at, e))?;
                read_other(book, wanted, at)
            } else {
                read_xlsx(open, wanted, at)
            }
        }
    }
}

/// The names of the sheets of the workbook in `source`, in order.
pub fn sheet_names(source: Source<'_>) -> Option<Vec<String>> {
    let names = match source {
        Source::File(path) => calamine::open_workbook_auto(path).ok()?.sheet_names(),
        Source::Bytes(bytes) => calamine::open_workbook_auto_from_rs(Cursor::new(bytes.clone()))
            .ok()?
            .sheet_names(),
    };
    Some(names)
}

fn cannot_open(at: &DataLocation, e: impl std::fmt::Display) -> Box<DataProblem> {
    problem(
        at,
        crate::tr!("data-cannot-open-workbook-e", e = e),
        Some(crate::tr!("data-save-as-xlsx-excel-later")),
    )
}

/// Reads an `.xlsx` workbook, opened (twice: for the first pass and for calamine) by `open`.
fn read_xlsx<R: Read + Seek>(
    open: impl Fn() -> std::io::Result<R>,
    wanted: Option<&str>,
    at: &DataLocation,
) -> Result<Sheet, Box<DataProblem>> {
    let mut zip = zip::ZipArchive::new(open().map_err(|e| cannot_open(at, e))?)
        .map_err(|e| cannot_open(at, e))?;
    xlsx_scan::check_sizes(&mut zip).map_err(|e| {
        problem(
            at,
            crate::tr!("data-workbook-refused", reason = e),
            Some(crate::tr!("data-workbook-refused-help")),
        )
    })?;
    let mut book = calamine::Xlsx::new(open().map_err(|e| cannot_open(at, e))?)
        .map_err(|e| cannot_open(at, e))?;
    let names = book.sheet_names();
    let (name, note) = choose(&names, wanted, at)?;
    let at = DataLocation {
        sheet: Some(name.clone()),
        ..at.clone()
    };
    let paths = xlsx_scan::sheet_paths(&mut zip).map_err(|e| cannot_open(&at, e))?;
    let Some((_, sheet_path)) = paths.iter().find(|(n, _)| *n == name) else {
        return Err(cannot_open(
            &at,
            crate::tr!("data-sheet-name-has-no-part", name = name),
        ));
    };
    let scan = xlsx_scan::scan(&mut zip, sheet_path).map_err(|e| {
        problem(
            &at,
            crate::tr!("data-sheet-cannot-read-e", e = e),
            Some(crate::tr!(
                "data-sheet-ends-at-row-max",
                max_rows = xlsx_scan::MAX_ROWS
            )),
        )
    })?;
    let is_1904 = book.has_1904_epoch();
    let mut reader = book.worksheet_cells_reader(&name).map_err(|e| {
        problem(
            &at,
            crate::tr!("data-cannot-read-sheet-name-e", name = name, e = e),
            None,
        )
    })?;
    let mut cells = Vec::new();
    loop {
        match reader.next_cell() {
            Ok(Some(_)) if cells.len() >= MAX_CELLS => {
                return Err(problem(
                    &at,
                    crate::tr!("data-sheet-too-many-cells", max = MAX_CELLS),
                    Some(crate::tr!("data-sheet-too-many-cells-help")),
                ));
            }
            Ok(Some(cell)) => {
                let (r, c) = cell.get_position();
                let value = match scan.uncomputed.get(&(r, c)) {
                    Some(f) if is_blank_ref(cell.get_value()) => GridCell::Uncomputed(f.clone()),
                    _ => from_ref(cell.get_value()),
                };
                cells.push((r, c, value));
            }
            Ok(None) => break,
            Err(e) => {
                return Err(problem(
                    &at,
                    crate::tr!("data-cannot-read-sheet-name-e", name = name, e = e),
                    None,
                ));
            }
        }
    }
    let mut grid = Grid::new(cells, &scan.merges).map_err(|e| problem(&at, e, None))?;
    grid.is_1904 = is_1904;
    Ok(Sheet { name, grid, note })
}

fn is_blank_ref(d: &DataRef<'_>) -> bool {
    match d {
        DataRef::Empty => true,
        DataRef::String(s) => s.is_empty(),
        DataRef::SharedString(s) => s.is_empty(),
        _ => false,
    }
}

fn from_ref(d: &DataRef<'_>) -> GridCell {
    match d {
        DataRef::Empty => GridCell::Empty,
        DataRef::SharedString(s) => GridCell::Text((*s).to_string()),
        DataRef::String(s) | DataRef::DateTimeIso(s) => GridCell::Text(s.clone()),
        DataRef::Int(i) => GridCell::Number(i.to_string()),
        DataRef::Float(f) => GridCell::Number(f.to_string()),
        DataRef::Bool(b) => GridCell::Bool(*b),
        DataRef::DateTime(dt) => match dt.as_datetime() {
            Some(t) => GridCell::Date(t.date()),
            None => GridCell::Invalid("an unreadable date cell"),
        },
        DataRef::DurationIso(_) => GridCell::Invalid("a duration"),
        DataRef::Error(_) => GridCell::Invalid("a cell with a formula error"),
    }
}

fn from_data(d: &Data) -> GridCell {
    match d {
        Data::Empty => GridCell::Empty,
        Data::String(s) | Data::DateTimeIso(s) => GridCell::Text(s.clone()),
        Data::Int(i) => GridCell::Number(i.to_string()),
        Data::Float(f) => GridCell::Number(f.to_string()),
        Data::Bool(b) => GridCell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => GridCell::Date(t.date()),
            None => GridCell::Invalid("an unreadable date cell"),
        },
        Data::DurationIso(_) => GridCell::Invalid("a duration"),
        Data::Error(_) => GridCell::Invalid("a cell with a formula error"),
    }
}

/// `.xls` (at most 65,536 rows by 256 columns) and `.ods`, read whole by calamine.
fn read_other<R: Read + Seek>(
    mut book: calamine::Sheets<R>,
    wanted: Option<&str>,
    at: &DataLocation,
) -> Result<Sheet, Box<DataProblem>> {
    let names = book.sheet_names();
    let (name, note) = choose(&names, wanted, at)?;
    let at = DataLocation {
        sheet: Some(name.clone()),
        ..at.clone()
    };
    let merges: Vec<xlsx_scan::Area> = match &mut book {
        calamine::Sheets::Xls(x) => x
            .worksheet_merge_cells(&name)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
            .collect(),
        _ => Vec::new(),
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        problem(
            &at,
            crate::tr!("data-cannot-read-sheet-name-e", name = name, e = e),
            None,
        )
    })?;
    let cells = range
        .used_cells()
        .map(|(r, c, d)| {
            (
                r as u32 + range.start().map_or(0, |s| s.0),
                c as u32 + range.start().map_or(0, |s| s.1),
                from_data(d),
            )
        })
        .collect();
    let grid = Grid::new(cells, &merges).map_err(|e| problem(&at, e, None))?;
    Ok(Sheet { name, grid, note })
}
