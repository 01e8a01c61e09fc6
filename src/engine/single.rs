//! The fast path for one record, as a form checks a project while it is typed: the record-level
//! rules on a single row given as any `Serialize` value, validated like a row of a file, with no
//! threads, no files and no JSON text. One checker serves record after record, reusing its
//! buffers.

use super::check::Checker;
use super::compile::Plan;
use super::finding::DataFinding;
use super::run::invalid_cell;
use crate::data::cells::RowCells;
use crate::data::json_file::{not_an_object, unknown_key};
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{Row, validate};
use crate::data::row_serializer::{NotCells, RecordCells};
use serde::Serialize;

/// The record-level rules of one record type, ready to check one row after another.
pub struct OneRecord<'p> {
    plan: &'p Plan,
    record: usize,
    checker: Checker<'p>,
    row: Row,
    cells: RecordCells,
    at: DataLocation,
}

impl<'p> OneRecord<'p> {
    /// A checker of record type `record` (plan index); its rows are named `<record>` in messages.
    pub fn new(plan: &'p Plan, record: usize) -> Self {
        let rec = &plan.records[record];
        let name = format!("<{}>", rec.name);
        let mut checker = Checker::for_records(plan);
        checker.file.clone_from(&name);
        OneRecord {
            plan,
            record,
            checker,
            row: Row::default(),
            cells: RecordCells::for_fields(&rec.fields),
            at: DataLocation {
                file: name,
                sheet: None,
                line: 1,
                column: 0,
            },
        }
    }

    /// Validates `row` and checks it: the findings, then the rejected cells and the warnings.
    /// Fails only when `row`'s own serialisation fails or writes a key that is not text.
    pub fn check<T: Serialize + ?Sized>(
        &mut self,
        row: &T,
        findings: &mut Vec<DataFinding>,
        problems: &mut Vec<DataProblem>,
    ) -> Result<(), String> {
        let rec = &self.plan.records[self.record];
        match self.cells.write(row) {
            Ok(()) => {}
            Err(NotCells::NotAnObject(kind)) => {
                problems.push(not_an_object(&self.at, kind));
                return Ok(());
            }
            Err(NotCells::Failed(why)) => return Err(why),
        }
        let cells = RowCells::Fields(self.cells.cells());
        self.row.line = 1;
        match validate(&rec.fields, &self.plan.names, &cells, &mut self.row) {
            Ok(()) => {
                self.checker.record_rules_only(self.record, &self.row);
                self.checker.take_findings(findings);
            }
            Err((field, why)) => {
                problems.push(invalid_cell(rec, &cells, field, *why, self.at.clone()));
            }
        }
        for key in &self.cells.unknown {
            problems.push(unknown_key(key, &rec.fields, &rec.name, &self.at));
        }
        Ok(())
    }
}
