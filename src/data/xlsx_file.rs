//! Workbooks (`.xlsx`, `.xls`, `.ods`), from a file or from memory: the first sheet, or the one
//! named after `#` (`data.xlsx#2017`), read through a sparse grid.

use super::grid_reader;
use super::problem::{DataLocation, DataProblem};
use super::sink::RowSink;
use super::workbook;
use crate::ast::Field;
use std::path::Path;

/// Reads one sheet of the workbook in `source` (a file, or bytes named `name`) into `sink`;
/// `header_row` (1-based) names the header row.
#[allow(clippy::too_many_arguments)]
pub fn read_at(
    source: workbook::Source<'_>,
    name: &Path,
    sheet: Option<&str>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    header_row: Option<u64>,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let book = workbook::read(source, name, sheet, at)?;
    if let Some(note) = book.note {
        sink.problem(note);
    }
    sink.sheet(&book.name);
    let at = DataLocation {
        sheet: Some(book.name.clone()),
        ..at.clone()
    };
    grid_reader::read(&book.grid, &at, fields, record, header_row, sink);
    Ok(())
}
