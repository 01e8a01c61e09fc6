//! What readers hand their rows to.

use super::cells::RowCells;
use super::problem::DataProblem;
use super::row::Row;
use super::value::Value;
use rust_decimal::Decimal;

/// A row that is neither data nor rejected: above the header, or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotData {
    /// A title or note above the header.
    Title,
    /// A `合计`/`小计`/`总计` row.
    Total,
}

/// Receives the rows of one file, in order.
pub trait RowSink {
    /// The workbook sheet being read (the first one when none was named), before the rows.
    fn sheet(&mut self, _name: &str) {}
    /// Each field's column (1-based numbers for messages), once before the rows.
    fn columns(&mut self, columns: Vec<u32>);
    /// A row split into cells, at 1-based `line` (or workbook row).
    fn row(&mut self, cells: &RowCells<'_>, line: u64);
    /// A row that could not be split into cells (ragged, malformed, undecodable).
    fn bad_row(&mut self, problem: DataProblem);
    /// A row that was split into cells but cannot be trusted (ragged, or cut short by a stray
    /// quote): rejected like `bad_row`, while what can be read of it places it in its groups.
    fn bad_row_cells(&mut self, problem: DataProblem, _cells: &RowCells<'_>) {
        self.bad_row(problem);
    }
    /// A problem with the file that does not reject a row (an unknown column).
    fn problem(&mut self, problem: DataProblem);
    /// The file cannot be read (its problems were handed over already).
    fn failed(&mut self) {}
    /// A row that is not data (a title above the header, a total), with what is said of it.
    fn not_data(&mut self, _kind: NotData, _problem: DataProblem) {}
    /// The values of the row just handed over (what could be read of a rejected one), when
    /// the sink converted them; totals rows are summed from them.
    fn values(&self) -> Option<&[Value]> {
        None
    }
    /// A totals row (`合计`, `小计`, `总计` in its first cells and nothing in its key), at
    /// 1-based `line`; `label` is what its first cells say.
    fn total_row(&mut self, _cells: &RowCells<'_>, _line: u64, _label: &str) {}
    /// A row validated on another thread, in its place among the rows: accepted when `problem`
    /// is `None`, otherwise rejected with what could be read of it. Only a sink that reads
    /// files in parallel chunks receives it; by default a rejected row is reported as a bad
    /// row.
    fn checked_row(&mut self, _row: &mut Row, problem: Option<DataProblem>) {
        if let Some(p) = problem {
            self.bad_row(p);
        }
    }
    /// A totals row read on another thread: its amount per field (`None` where it gives none).
    fn checked_total(&mut self, _line: u64, _label: &str, _said: &[Option<Decimal>]) {}
    /// The amounts of the rows just handed over as [`RowSink::checked_row`]s, summed on the
    /// thread that validated them.
    fn checked_sums(&mut self, _sums: super::sums::Sums) {}
    /// The start of a chunk of rows validated on another thread, before them, with the keys of
    /// its accepted rows as that thread saw them (when it noted them). A sink that passes this
    /// on to another must pass on every [`RowSink::checked_row`] of the chunk unchanged: the
    /// other may take the keys in at once instead of checking each row's. It may pass on
    /// [`RowSink::takes_rows_whole`] and [`RowSink::checked_rows`] too only when its own
    /// `checked_row` does nothing but pass the row on: rows handed over whole skip it.
    fn chunk_start(&mut self, _keys: Option<&super::keys::KeyRun>) {}
    /// The end of that chunk's rows.
    fn chunk_end(&mut self) {}
    /// Whether, after [`RowSink::chunk_start`], the sink takes the chunk's rows whole when all
    /// of them were accepted ([`RowSink::checked_rows`]): none of them needs a look of its own.
    fn takes_rows_whole(&self) -> bool {
        false
    }
    /// A chunk's rows validated on another thread, every one accepted, handed over whole and in
    /// order when [`RowSink::takes_rows_whole`] said so: the sink does with them what
    /// [`RowSink::checked_row`] does with each, and leaves in `rows` rows it is done with, whose
    /// room the other thread reuses.
    fn checked_rows(&mut self, rows: &mut Vec<Row>) {
        for row in rows.iter_mut() {
            self.checked_row(row, None);
        }
    }
}
