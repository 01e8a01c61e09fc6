//! XLSX workbooks: the first sheet, or the one named after `#` (`data.xlsx#2017`).

use super::cells::{OwnedCell, RowCells};
use super::columns;
use super::problem::{DataLocation, DataProblem};
use super::sink::RowSink;
use crate::ast::Field;
use crate::diagnostic::{Code, Severity};
use calamine::{Data, Reader, Xlsx};
use std::path::Path;

fn problem(at: &DataLocation, code: Code, message: String, help: Option<String>) -> DataProblem {
    DataProblem {
        code,
        severity: Severity::Error,
        message,
        help,
        location: at.clone(),
        field: None,
        row: false,
    }
}

/// Reads one sheet of a workbook into `sink`.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).map_err(|e| {
        problem(
            at,
            Code::DataFormat,
            format!("cannot open the workbook: {e}"),
            Some("save it as .xlsx (Excel 2007 or later), or export it as CSV".into()),
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(Box::new(problem(
                at,
                Code::DataFormat,
                format!("the workbook has no sheet `{s}`"),
                Some(format!("sheets are: {}", names.join(", "))),
            )));
        }
        None => match names.first() {
            Some(n) => n.clone(),
            None => {
                return Err(Box::new(problem(
                    at,
                    Code::DataFormat,
                    "the workbook has no sheets".into(),
                    None,
                )));
            }
        },
    };
    sink.sheet(&name);
    let at = DataLocation {
        sheet: Some(name.clone()),
        ..at.clone()
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        problem(
            &at,
            Code::DataFormat,
            format!("cannot read sheet `{name}`: {e}"),
            None,
        )
    })?;
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows = range.rows();
    let Some(header) = rows.next() else {
        return Err(Box::new(problem(
            &at,
            Code::DataFormat,
            "the sheet is empty: no header row".into(),
            Some("the first row names the columns".into()),
        )));
    };
    let header: Vec<String> = header
        .iter()
        .map(|c| text_of(c).unwrap_or_default())
        .collect();
    let header_at = DataLocation {
        line: first_row + 1,
        ..at.clone()
    };
    let mut problems = Vec::new();
    let bound = columns::bind(&header, fields, record, &header_at, &mut problems);
    let Some(columns) = columns::settle(bound, problems, sink) else {
        return Ok(());
    };
    sink.columns(
        columns
            .iter()
            .map(|c| c.map_or(0, |c| (c + first_col) as u32 + 1))
            .collect(),
    );
    let mut cells = Vec::with_capacity(fields.len());
    for (i, row) in rows.enumerate() {
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        cells.clear();
        cells.extend(columns.iter().map(|c| match c.and_then(|c| row.get(c)) {
            Some(d) => cell(d),
            None => OwnedCell::Empty,
        }));
        sink.row(&RowCells::Fields(&cells), first_row + i as u64 + 2);
    }
    Ok(())
}

fn text_of(d: &Data) -> Option<String> {
    match d {
        Data::String(s) | Data::DateTimeIso(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(f.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn cell(d: &Data) -> OwnedCell {
    match d {
        Data::Empty => OwnedCell::Empty,
        Data::String(s) if s.trim().is_empty() => OwnedCell::Empty,
        Data::String(s) | Data::DateTimeIso(s) => OwnedCell::Text(s.clone()),
        Data::Int(i) => OwnedCell::Number(i.to_string()),
        Data::Float(f) => OwnedCell::Number(f.to_string()),
        Data::Bool(b) => OwnedCell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => OwnedCell::Date(t.date()),
            None => OwnedCell::Invalid("an unreadable date cell"),
        },
        Data::DurationIso(_) => OwnedCell::Invalid("a duration"),
        Data::Error(_) => OwnedCell::Invalid("a cell with a formula error"),
    }
}
