//! A sheet's rows to a sink: the header found (or named), the titles above it reported, each
//! field's cell taken from its column (merged ranges filled in), totals rows told apart.

use super::cells::{OwnedCell, RowCells};
use super::columns;
use super::grid::{Grid, GridCell};
use super::header::{self, SEARCHED_ROWS};
use super::problem::DataLocation;
use super::sink::{NotData, RowSink};
use super::totals;
use crate::ast::{Field, Type};

/// The cell of a field of type `ty`: a number in a date column is an Excel serial date.
fn owned(cell: &GridCell, ty: Type, is_1904: bool) -> OwnedCell {
    match cell {
        GridCell::Empty => OwnedCell::Empty,
        GridCell::Text(s) if s.trim().is_empty() => OwnedCell::Empty,
        GridCell::Text(s) => OwnedCell::Text(s.clone()),
        GridCell::Number(n) if ty == Type::Date => {
            serial_date(n, is_1904).map_or_else(|| OwnedCell::Number(n.clone()), OwnedCell::Date)
        }
        GridCell::Number(n) => OwnedCell::Number(n.clone()),
        GridCell::Bool(b) => OwnedCell::Bool(*b),
        GridCell::Date(d) => OwnedCell::Date(*d),
        GridCell::Invalid(w) => OwnedCell::Invalid(w),
        GridCell::Uncomputed(f) => OwnedCell::Uncomputed(f.clone()),
    }
}

/// An Excel serial day number (1 is 1900-01-01; 1904-based workbooks count from 1904-01-01)
/// as a date; a fraction is a time of day, dropped.
pub fn serial_date(n: &str, is_1904: bool) -> Option<chrono::NaiveDate> {
    let v: f64 = n.parse().ok()?;
    if !(1.0..=2_958_465.0).contains(&v) {
        return None;
    }
    let kind = calamine::ExcelDateTimeType::DateTime;
    calamine::ExcelDateTime::new(v, kind, is_1904)
        .as_datetime()
        .map(|t| t.date())
}

/// Reads the table of `grid` into `sink`; `header_row` (1-based) names the header row.
pub fn read(
    grid: &Grid,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    header_row: Option<u64>,
    sink: &mut dyn RowSink,
) {
    let top: Vec<(u64, Vec<String>)> = grid
        .row_numbers()
        .filter(|r| !grid.row_is_empty(*r))
        .take(SEARCHED_ROWS)
        .map(|r| (u64::from(r) + 1, grid.texts(r)))
        .collect();
    if top.is_empty() {
        sink.problem(super::problem::DataProblem {
            code: crate::diagnostic::Code::DataFormat,
            severity: crate::diagnostic::Severity::Error,
            message: crate::tr!("data-sheet-empty-no-header-row"),
            help: Some(crate::tr!("data-header-row-names-columns")),
            location: at.clone(),
            field: None,
            row: false,
        });
        sink.failed();
        return;
    }
    let found = match header::find(&top, fields, header_row, at) {
        Ok(h) => h,
        Err(p) => {
            sink.problem(*p);
            sink.failed();
            return;
        }
    };
    let header_line = top[found.index].0;
    for (line, cells) in &top[..found.index] {
        sink.not_data(
            NotData::Title,
            header::title_problem(at, *line, header_line, cells),
        );
    }
    let header_at = DataLocation {
        line: header_line,
        ..at.clone()
    };
    let mut problems = Vec::new();
    let bound = columns::bind(&found.names, fields, record, &header_at, &mut problems);
    let Some(cols) = columns::settle(bound, problems, sink) else {
        return;
    };
    let units = columns::units(&found.names, fields, &cols);
    sink.columns(cols.iter().map(|c| c.map_or(0, |c| c as u32 + 1)).collect());
    let last_header = top[found.index + found.depth - 1].0;
    let mut cells = Vec::with_capacity(fields.len());
    for r in grid
        .row_numbers()
        .filter(|r| u64::from(*r) + 1 > last_header)
    {
        if grid.row_is_empty(r) {
            continue;
        }
        cells.clear();
        cells.extend(fields.iter().zip(&cols).map(|(f, c)| match c {
            Some(c) => owned(grid.get(r, *c as u32), f.ty, grid.is_1904),
            None => OwnedCell::Empty,
        }));
        let line = u64::from(r) + 1;
        let row = RowCells::Sheet(&cells, &units);
        let first: Vec<String> = (0..3).map(|c| grid.get(r, c).text()).collect();
        if let Some(label) = totals::label(first.iter().map(String::as_str))
            && totals::keys_empty(&row, fields, &label)
        {
            sink.total_row(&row, line, &label);
            continue;
        }
        sink.row(&row, line);
    }
}
