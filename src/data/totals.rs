//! Totals rows (`合计`, `小计`, `总计`): recognised, not read as data, and their amounts checked
//! against the sums of the rows they total. A `小计` totals the rows since the last total; a
//! `合计` or `总计` every row since the last `合计` or `总计` (or the header).

use super::cells::RowCells;
use super::convert::NameIndex;
use super::header_text::fold;
use super::problem::{DataLocation, DataProblem};
use super::row::convert_field;
use super::shape::number;
use super::sink::{NotData, RowSink};
use super::value::Value;
use crate::ast::Field;
use crate::ast::Type;
use crate::diagnostic::{Code, Severity};
use rust_decimal::Decimal;

/// The words that mark a totals row.
const LABELS: [&str; 3] = ["合计", "小计", "总计"];

/// The totals label among a row's first cells (`合计`, `小 计`, `小计（河北省）`), if any.
pub fn label<'a>(first_cells: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let blank = |c: &str| c.chars().all(|ch| ch.is_whitespace() || ch == '\u{feff}');
    let first = first_cells.into_iter().find(|c| !blank(c))?;
    // Every label has a `计`: most rows are turned away without folding their text.
    if !first.contains('计') {
        return None;
    }
    let first = fold(first);
    LABELS.iter().any(|l| first.starts_with(l)).then_some(first)
}

/// Whether a row labelled `label` leaves its key fields empty (or holding the label itself), as
/// a totals row does.
pub fn keys_empty(cells: &RowCells<'_>, fields: &[Field], label: &str) -> bool {
    fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.key)
        .all(|(i, _)| match cells.cell(i) {
            super::convert::Cell::Empty => true,
            super::convert::Cell::Text(t) => {
                let t = fold(t);
                t.is_empty() || t == label
            }
            _ => false,
        })
}

/// The sums of the amount fields over a run of rows.
#[derive(Debug, Clone, Default)]
struct Run {
    sums: Vec<Decimal>,
    /// Per field: the first row whose amount could not be read.
    unreadable: Vec<Option<u64>>,
    first: Option<u64>,
    last: u64,
    rows: u64,
}

impl Run {
    fn new(n: usize) -> Run {
        Run {
            sums: vec![Decimal::ZERO; n],
            unreadable: vec![None; n],
            ..Run::default()
        }
    }
}

/// Wraps a sink: data rows pass through and are summed; totals rows are checked and reported.
pub struct Totals<'a> {
    inner: &'a mut dyn RowSink,
    fields: &'a [Field],
    at: DataLocation,
    columns: Vec<u32>,
    names: NameIndex,
    sub: Run,
    all: Run,
}

/// Whether a field holds amounts that a totals row adds up.
fn summed(f: &Field) -> bool {
    !f.key && !f.time && matches!(f.ty, Type::Money(_) | Type::Decimal | Type::Int)
}

impl<'a> Totals<'a> {
    /// Wraps `inner` for a file of `fields` at `at`.
    pub fn new(inner: &'a mut dyn RowSink, fields: &'a [Field], at: &DataLocation) -> Self {
        Totals {
            inner,
            fields,
            at: at.clone(),
            columns: Vec::new(),
            names: NameIndex::default(),
            sub: Run::new(fields.len()),
            all: Run::new(fields.len()),
        }
    }

    /// Adds a row's amounts: from the values the sink converted, or converted here.
    fn add(&mut self, cells: &RowCells<'_>, line: u64) {
        for run in [&mut self.sub, &mut self.all] {
            run.first.get_or_insert(line);
            run.last = line;
            run.rows += 1;
        }
        let mut text = String::new();
        for (i, f) in self.fields.iter().enumerate() {
            if !summed(f) {
                continue;
            }
            let value = match self.inner.values() {
                Some(values) => match values.get(i) {
                    Some(Value::Null) if !f.optional => None,
                    Some(v) => Some(*v),
                    None => None,
                },
                None => convert_field(cells, i, f, &self.names, &mut text).ok(),
            };
            for run in [&mut self.sub, &mut self.all] {
                match value {
                    Some(Value::Num(d)) => {
                        run.sums[i] = run.sums[i].checked_add(d).unwrap_or(run.sums[i]);
                    }
                    Some(_) => {}
                    None => {
                        run.unreadable[i].get_or_insert(line);
                    }
                }
            }
        }
    }

    /// Compares a totals row with the run it totals; the findings, or one info when it matches.
    fn compare(&self, cells: &RowCells<'_>, line: u64, label: &str, run: &Run) -> Vec<DataProblem> {
        let span = match run.first {
            Some(f) if f == run.last => format!("row {f}"),
            Some(f) => format!("rows {f}–{}", run.last),
            None => "no rows".to_string(),
        };
        let mut out = Vec::new();
        let mut unchecked = Vec::new();
        let mut compared = 0usize;
        let mut text = String::new();
        for (i, f) in self.fields.iter().enumerate() {
            if !summed(f) {
                continue;
            }
            let Ok(Value::Num(said)) = convert_field(cells, i, f, &self.names, &mut text) else {
                continue;
            };
            if let Some(bad) = run.unreadable[i] {
                unchecked.push(format!("`{}` (row {bad} cannot be read)", f.name.text));
                continue;
            }
            let sum = run.sums[i];
            compared += 1;
            if said == sum {
                continue;
            }
            let shape = f.ty;
            out.push(DataProblem {
                code: Code::DataTotalMismatch,
                severity: Severity::Error,
                message: format!(
                    "the `{label}` row gives `{}` as {}, but the rows it totals ({span}) add up to {}",
                    f.name.text,
                    number(said, shape),
                    number(sum, shape)
                ),
                help: Some(format!(
                    "the difference is {}; correct the total or the rows it totals",
                    number(said - sum, shape)
                )),
                location: DataLocation {
                    line,
                    column: self.columns.get(i).copied().unwrap_or(0),
                    ..self.at.clone()
                },
                field: Some(f.name.text.clone()),
                row: false,
            });
        }
        if out.is_empty() {
            let unchecked = unchecked.join(", ");
            let said = match (compared, unchecked.is_empty()) {
                (0, true) => "it gives no amount to check".to_string(),
                (0, false) => format!("its amounts cannot be checked: {unchecked}"),
                (_, true) => "its amounts match their sums".to_string(),
                (_, false) => {
                    format!("the amounts checked match their sums; not checked: {unchecked}")
                }
            };
            out.push(DataProblem {
                code: Code::DataTotalRow,
                severity: Severity::Info,
                message: format!(
                    "row {line} is a `{label}` row over {span}, not read as data: {said}"
                ),
                help: None,
                location: DataLocation {
                    line,
                    ..self.at.clone()
                },
                field: None,
                row: false,
            });
        }
        out
    }
}

impl RowSink for Totals<'_> {
    fn sheet(&mut self, name: &str) {
        self.at.sheet = Some(name.to_string());
        self.inner.sheet(name);
    }
    fn columns(&mut self, columns: Vec<u32>) {
        self.columns = columns.clone();
        self.inner.columns(columns);
    }
    fn row(&mut self, cells: &RowCells<'_>, line: u64) {
        self.inner.row(cells, line);
        self.add(cells, line);
    }
    fn bad_row(&mut self, problem: DataProblem) {
        self.inner.bad_row(problem);
    }
    fn bad_row_cells(&mut self, problem: DataProblem, cells: &RowCells<'_>) {
        let line = problem.location.line;
        self.inner.bad_row_cells(problem, cells);
        self.add(cells, line);
    }
    fn problem(&mut self, problem: DataProblem) {
        self.inner.problem(problem);
    }
    fn failed(&mut self) {
        self.inner.failed();
    }
    fn not_data(&mut self, kind: NotData, problem: DataProblem) {
        self.inner.not_data(kind, problem);
    }
    fn total_row(&mut self, cells: &RowCells<'_>, line: u64, label: &str) {
        let sub = label.starts_with("小计");
        let found = if sub {
            self.compare(cells, line, label, &self.sub)
        } else {
            self.compare(cells, line, label, &self.all)
        };
        let mut found = found.into_iter();
        if let Some(first) = found.next() {
            self.inner.not_data(NotData::Total, first);
        }
        for p in found {
            self.inner.problem(p);
        }
        self.sub = Run::new(self.fields.len());
        if !sub {
            self.all = Run::new(self.fields.len());
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn totals_labels() {
        assert_eq!(super::label(["", " 小 计 "]), Some("小计".to_string()));
        assert_eq!(
            super::label(["合计（河北省）"]),
            Some("合计(河北省)".to_string())
        );
        assert_eq!(super::label(["p1", "合计"]), None);
        assert_eq!(super::label(["统计局"]), None);
    }
}
