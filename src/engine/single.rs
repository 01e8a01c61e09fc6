//! The fast path for one record, as a form checks a project while it is typed: the record-level
//! rules on a single JSON object, validated like a row of a file, with no threads and no files.

use super::check::Checker;
use super::compile::Plan;
use super::finding::DataFinding;
use super::run::invalid_cell;
use crate::data::cells::RowCells;
use crate::data::json_file;
use crate::data::problem::{DataLocation, DataProblem};
use crate::data::row::{Row, validate};
use crate::data::sink::RowSink;

/// Validates one JSON object of record type `record` (plan index) and checks it against the
/// record-level rules; `name` names the record in messages.
pub fn check_one(
    plan: &Plan,
    record: usize,
    object: &[u8],
    name: &str,
) -> (Vec<DataFinding>, Vec<DataProblem>) {
    let mut one = One {
        checker: Checker::for_records(plan),
        plan,
        record,
        row: Row::default(),
        problems: Vec::new(),
        name,
    };
    one.checker.file = name.to_string();
    let rec = &plan.records[record];
    let at = DataLocation {
        file: name.to_string(),
        sheet: None,
        line: 0,
        column: 0,
    };
    match std::str::from_utf8(object) {
        Ok(text) => json_file::read_object(text, &at, &rec.fields, &rec.name, &mut one),
        Err(_) => one.problems.push(DataProblem {
            code: crate::diagnostic::Code::DataEncoding,
            severity: crate::diagnostic::Severity::Error,
            message: crate::tr!("engine-record-not-valid-utf"),
            help: None,
            location: at,
            field: None,
            row: true,
        }),
    }
    let problems = one.problems;
    let (findings, _) = one.checker.into_findings();
    (findings.into_iter().flatten().collect(), problems)
}

/// Receives the one row.
struct One<'a, 'p> {
    checker: Checker<'p>,
    plan: &'p Plan,
    record: usize,
    row: Row,
    problems: Vec<DataProblem>,
    name: &'a str,
}

impl RowSink for One<'_, '_> {
    fn columns(&mut self, _: Vec<u32>) {}

    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        let rec = &self.plan.records[self.record];
        self.row.line = line;
        match validate(&rec.fields, &self.plan.names, cells, &mut self.row) {
            Ok(()) => self.checker.record_rules_only(self.record, &self.row),
            Err((field, why)) => {
                let at = DataLocation {
                    file: self.name.to_string(),
                    sheet: None,
                    line,
                    column: 0,
                };
                self.problems
                    .push(invalid_cell(rec, cells, field, *why, at));
            }
        }
    }

    fn bad_row(&mut self, problem: DataProblem) {
        self.problems.push(problem);
    }

    fn problem(&mut self, problem: DataProblem) {
        self.problems.push(problem);
    }
}
