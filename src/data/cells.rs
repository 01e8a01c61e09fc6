//! One row as read from any file format, with its cells looked up by field.

use super::convert::Cell;
use crate::ast::MoneyUnit;
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
    /// A workbook formula with no saved value, with its formula.
    Uncomputed(String),
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
            OwnedCell::Uncomputed(f) => Cell::Uncomputed(f),
        }
    }
}

/// A CSV record's cells: as the CSV reader split them, or a plain line (no quote) split at its
/// delimiters, by each cell's byte range in the line.
#[derive(Clone, Copy)]
pub enum CsvFields<'a> {
    Record(&'a csv::ByteRecord),
    Line(&'a [(u32, u32)]),
}

impl CsvFields<'_> {
    /// How many cells the record has.
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            CsvFields::Record(r) => r.len(),
            CsvFields::Line(bounds) => bounds.len(),
        }
    }

    /// Where cell `c` lies in the record's text.
    #[inline]
    pub fn range(&self, c: usize) -> Option<std::ops::Range<usize>> {
        match self {
            CsvFields::Record(r) => r.range(c),
            CsvFields::Line(bounds) => bounds.get(c).map(|&(a, b)| a as usize..b as usize),
        }
    }
}

/// The cells of one row, by field index of the record type.
pub enum RowCells<'a> {
    /// A CSV record: its UTF-8 text, the record's cells (by range in the text), and each
    /// field's column.
    Csv {
        text: &'a str,
        record: CsvFields<'a>,
        columns: &'a [Option<usize>],
        /// The money unit each field's header names, if any (empty: none do).
        units: &'a [Option<MoneyUnit>],
    },
    /// Cells already arranged by field (in-memory rows).
    Fields(&'a [OwnedCell]),
    /// The cells of a workbook row, by field, with the money unit each field's header names.
    Sheet(&'a [OwnedCell], &'a [Option<MoneyUnit>]),
    /// The cells of a JSON object, with the object's text (to place a field's key) and the
    /// characters before it on its first line.
    Json(&'a [OwnedCell], &'a str, u32),
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
                ..
            } => match columns[i].and_then(|c| record.range(c)) {
                // Bytes around a comma can make the row valid UTF-8 while a cell is cut inside
                // a character.
                Some(r) => text
                    .get(r)
                    .map_or(Cell::Invalid("not valid UTF-8"), Cell::Text),
                None => Cell::Empty,
            },
            RowCells::Fields(cells) | RowCells::Json(cells, _, _) | RowCells::Sheet(cells, _) => {
                cells.get(i).map_or(Cell::Empty, OwnedCell::as_cell)
            }
        }
    }

    /// The money unit the header of field `i`'s column names (`计划投资（万元）`), if any.
    #[inline]
    pub fn unit(&self, i: usize) -> Option<MoneyUnit> {
        match self {
            RowCells::Csv { units, .. } | RowCells::Sheet(_, units) => {
                units.get(i).copied().flatten()
            }
            _ => None,
        }
    }

    /// Where a JSON object writes `key`: lines after the object's first, and the 1-based
    /// character column on that line.
    pub fn place_of(&self, key: &str) -> Option<(u64, u32)> {
        let RowCells::Json(_, text, indent) = self else {
            return None;
        };
        let quoted = format!("\"{key}\"");
        let at = text.match_indices(&quoted).find_map(|(i, _)| {
            let after = text[i + quoted.len()..].trim_start();
            after.starts_with(':').then_some(i)
        })?;
        let before = &text[..at];
        let lines = before.matches('\n').count() as u64;
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let column = before[line_start..].chars().count() as u32 + 1;
        Some((lines, if lines == 0 { column + indent } else { column }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_key_is_placed_on_its_line() {
        let text = "{\n  \"id\": \"p1\",\n  \"金额\": \"x\"\n}";
        let cells = RowCells::Json(&[], text, 0);
        assert_eq!(cells.place_of("金额"), Some((2, 3)));
        assert_eq!(cells.place_of("id"), Some((1, 3)));
        assert_eq!(cells.place_of("missing"), None);
        let inline = RowCells::Json(&[], "{\"id\": 1}", 2);
        assert_eq!(inline.place_of("id"), Some((0, 4)));
    }
}
