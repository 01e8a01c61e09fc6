//! What readers hand their rows to.

use super::cells::RowCells;
use super::problem::DataProblem;

/// Receives the rows of one file, in order.
pub trait RowSink {
    /// Each field's column (1-based numbers for messages), once before the rows.
    fn columns(&mut self, columns: Vec<u32>);
    /// A row split into cells, at 1-based `line` (or workbook row).
    fn row(&mut self, cells: &RowCells<'_>, line: u64);
    /// A row that could not be split into cells (ragged, malformed, undecodable).
    fn bad_row(&mut self, problem: DataProblem);
    /// A problem with the file that does not reject a row (an unknown column).
    fn problem(&mut self, problem: DataProblem);
    /// The file cannot be read (its problems were handed over already).
    fn failed(&mut self) {}
}
