//! One row as read from any file format, with its cells looked up by field.

use super::convert::Cell;
use chrono::NaiveDate;

/// A cell read from JSON or a workbook, owned.
#[derive(Debug, Clone)]
pub enum OwnedCell {
    Empty,
    Text(String),
    Number(String),
    Bool(bool),
    Date(NaiveDate),
    Invalid(&'static str),
}

impl OwnedCell {
    pub fn as_cell(&self) -> Cell<'_> {
        match self {
            OwnedCell::Empty => Cell::Empty,
            OwnedCell::Text(s) => Cell::Text(s),
            OwnedCell::Number(s) => Cell::Number(s),
            OwnedCell::Bool(b) => Cell::Bool(*b),
            OwnedCell::Date(d) => Cell::Date(*d),
            OwnedCell::Invalid(w) => Cell::Invalid(w),
        }
    }
}

/// The cells of one row, by field index of the record type.
pub enum RowCells<'a> {
    /// A CSV record: its UTF-8 text, the record (for field ranges), and each field's column.
    Csv {
        text: &'a str,
        record: &'a csv::ByteRecord,
        columns: &'a [Option<usize>],
    },
    /// Cells already arranged by field (JSON, workbooks, in-memory rows).
    Fields(&'a [OwnedCell]),
}

impl RowCells<'_> {
    /// The cell of field `i`.
    #[inline]
    pub fn cell(&self, i: usize) -> Cell<'_> {
        match self {
            RowCells::Csv {
                text,
                record,
                columns,
            } => match columns[i].and_then(|c| record.range(c)) {
                Some(r) => Cell::Text(&text[r]),
                None => Cell::Empty,
            },
            RowCells::Fields(cells) => cells.get(i).map_or(Cell::Empty, OwnedCell::as_cell),
        }
    }
}
