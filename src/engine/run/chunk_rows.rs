//! The rows of a chunk of a data file, validated on a worker thread: what the checking sink
//! would do with each row before it looks at keys, kept in order for the reading thread.

use super::{invalid_cell, key_text};
use crate::data::cells::RowCells;
use crate::data::csv_file::chunked::{Event, Recorder};
use crate::data::keys::KeyRun;
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{Row, salvage, validate};
use crate::data::sink::{NotData, RowSink};
use crate::data::sums::RunningSums;
use crate::data::totals;
use crate::engine::compile::Plan;

/// Validates the rows of one chunk of a file of record type `record`.
pub struct Validating<'p> {
    plan: &'p Plan,
    record: usize,
    /// Each field's column number, for messages.
    columns: Vec<u32>,
    path: String,
    events: Vec<Event>,
    /// Rows done with, reused for the next ones.
    spare: Vec<Row>,
    /// The amounts of the rows since the last totals row, for the totals rows' checks.
    sums: RunningSums,
    /// The keys of the rows accepted in this chunk, when the record type has a key field.
    keys: Option<KeyRun>,
}

impl<'p> Validating<'p> {
    /// A validator of rows of `record` read from `path`, its fields in `columns`.
    pub fn new(plan: &'p Plan, record: usize, columns: &[u32], path: &str) -> Self {
        Validating {
            plan,
            record,
            columns: columns.to_vec(),
            path: path.to_string(),
            events: Vec::new(),
            spare: Vec::new(),
            sums: RunningSums::new(&plan.records[record].fields),
            keys: plan.records[record].key.map(|_| KeyRun::default()),
        }
    }

    /// Keeps a validated row (accepted when `problem` is `None`), its amounts summed.
    fn keep(&mut self, row: Row, problem: Option<Box<DataProblem>>) {
        let rec = &self.plan.records[self.record];
        self.sums.add(&rec.fields, &row.values, row.line);
        if let (Some(keys), Some(k), None) = (&mut self.keys, rec.key, &problem) {
            let ty = rec.fields[k as usize].ty;
            keys.add(&key_text(self.plan, &row, k, ty), row.line);
        }
        self.events.push(Event::Row(row, problem));
    }

    /// Says the sums of the rows kept since they were last said.
    fn say_sums(&mut self) {
        if let Some(sums) = self.sums.take() {
            self.events.push(Event::Sums(sums));
        }
    }

    /// A row to fill, at `line`.
    fn fresh(&mut self, line: u64) -> Row {
        let mut row = self.spare.pop().unwrap_or_default();
        row.line = line;
        row
    }
}

impl Recorder for Validating<'_> {
    fn take(&mut self) -> Vec<Event> {
        self.say_sums();
        if let Some(keys) = &mut self.keys {
            self.events.push(Event::Keys(std::mem::take(keys)));
        }
        let room = self.events.capacity();
        std::mem::replace(&mut self.events, Vec::with_capacity(room))
    }

    fn reuse(&mut self, rows: Vec<Row>) {
        self.spare = rows;
    }
}

impl RowSink for Validating<'_> {
    fn columns(&mut self, columns: Vec<u32>) {
        self.columns = columns;
    }

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        let rec = &self.plan.records[self.record];
        let mut row = self.fresh(line);
        let Err((field, why)) = validate(&rec.fields, &self.plan.names, cells, &mut row) else {
            self.keep(row, None);
            return;
        };
        let location = DataLocation {
            file: self.path.clone(),
            sheet: None,
            line,
            column: self.columns.get(field).copied().unwrap_or(0),
        };
        let p = invalid_cell(rec, cells, field, *why, location);
        // The groups the row belongs to cannot be decided without it.
        let why = crate::tr!(
            "engine-row-rejected",
            place = p.location.display(),
            why = p.message
        );
        salvage(&rec.fields, &self.plan.names, cells, &mut row, why);
        self.keep(row, Some(Box::new(p)));
    }

    fn bad_row(&mut self, problem: DataProblem) {
        self.events.push(Event::Bad(Box::new(problem)));
    }

    fn bad_row_cells(&mut self, problem: DataProblem, cells: &RowCells<'_>) {
        let rec = &self.plan.records[self.record];
        let mut row = self.fresh(problem.location.line);
        let why = crate::tr!(
            "engine-row-rejected",
            place = problem.location.display(),
            why = problem.message
        );
        salvage(&rec.fields, &self.plan.names, cells, &mut row, why);
        self.keep(row, Some(Box::new(problem)));
    }

    fn problem(&mut self, problem: DataProblem) {
        self.events.push(Event::Problem(Box::new(problem)));
    }

    fn not_data(&mut self, kind: NotData, problem: DataProblem) {
        self.events.push(Event::NotData(kind, Box::new(problem)));
    }

    fn total_row(&mut self, cells: &RowCells<'_>, line: u64, label: &str) {
        let said = totals::amounts(&self.plan.records[self.record].fields, cells);
        self.say_sums();
        self.events.push(Event::Total {
            line,
            label: label.to_string(),
            said,
        });
    }
}
