//! Totals rows (`合计`, `小计`, `总计`): recognised, not read as data, and their amounts checked
//! against the sums of the rows they total. A `小计` totals the rows since the last total; a
//! `合计` or `总计` every row since the last `合计` or `总计` (or the header).

use super::cells::RowCells;
use super::convert::NameIndex;
use super::header_text::fold;
use super::problem::{DataLocation, DataProblem};
use super::row::Row;
use super::row::convert_field;
use super::shape::number;
use super::sink::{NotData, RowSink};
use super::sums::{Run, Sums, amount_in, amount_of, summed, summed_fields};
use super::value::Value;
use crate::ast::Field;
use crate::diagnostic::{Code, Severity};
use rust_decimal::Decimal;

/// The words that mark a totals row.
const LABELS: [&str; 3] = ["合计", "小计", "总计"];

/// The totals label among a row's first cells (`合计`, `小 计`, `小计（河北省）`), if any.
pub fn label<'a>(first_cells: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let blank = |c: &str| c.chars().all(|ch| ch.is_whitespace() || ch == '\u{feff}');
    let first = first_cells.into_iter().find(|c| !blank(c))?;
    // Every label has a `计`: most rows are turned away without folding their text.
    if !has_ji(first) {
        return None;
    }
    let first = fold(first);
    LABELS.iter().any(|l| first.starts_with(l)).then_some(first)
}

/// Whether `text` holds a `计`: a search for its first byte, which an ASCII cell never holds,
/// then a look at the bytes after it (every row's first cell is asked).
fn has_ji(text: &str) -> bool {
    const JI: &[u8] = "计".as_bytes();
    let bytes = text.as_bytes();
    memchr::memchr_iter(JI[0], bytes).any(|i| bytes[i..].starts_with(JI))
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

/// A totals row's amounts, per field: `None` where the field is not summed or the row gives no
/// number for it.
pub fn amounts(fields: &[Field], cells: &RowCells<'_>) -> Vec<Option<Decimal>> {
    let names = NameIndex::default();
    let mut text = String::new();
    fields
        .iter()
        .enumerate()
        .map(
            |(i, f)| match convert_field(cells, i, f, &names, &mut text) {
                Ok(Value::Num(d)) if summed(f) => Some(d),
                _ => None,
            },
        )
        .collect()
}

/// Wraps a sink: data rows pass through and are summed; totals rows are checked and reported.
pub struct Totals<'a> {
    inner: &'a mut dyn RowSink,
    fields: &'a [Field],
    at: DataLocation,
    columns: Vec<u32>,
    names: NameIndex,
    /// The indices of the fields a totals row adds up.
    summed: Vec<usize>,
    /// The rows since the last totals row of any kind.
    sub: Run,
    /// The rows from the last `合计`/`总计` to the last `小计`: with `sub`, what a `合计` totals.
    closed: Run,
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
            summed: summed_fields(fields),
            sub: Run::new(fields.len()),
            closed: Run::new(fields.len()),
        }
    }

    /// Adds a row's amounts: from the values the sink converted, or converted here.
    fn add(&mut self, cells: &RowCells<'_>, line: u64) {
        let values = self.inner.values();
        let (fields, names) = (self.fields, &self.names);
        self.sub.add_row(&self.summed, line, |i| match values {
            Some(values) => amount_of(&fields[i], values.get(i)),
            None => amount_in(cells, i, &fields[i], names),
        });
    }

    /// Compares a totals row with the run it totals; the findings, or one info when it matches.
    /// `said` holds the row's amount per field (`None` where it gives none).
    fn compare(
        &self,
        said: &[Option<Decimal>],
        line: u64,
        label: &str,
        run: &Run,
    ) -> Vec<DataProblem> {
        let span = match run.first {
            Some(f) if f == run.last => crate::tr!("data-row-f", f = f),
            Some(f) => crate::tr!("data-rows-f-last", f = f, last = run.last),
            None => crate::tr!("data-no-rows"),
        };
        let mut out = Vec::new();
        let mut unchecked = Vec::new();
        let mut compared = 0usize;
        for (i, f) in self.fields.iter().enumerate() {
            let Some(said) = said.get(i).copied().flatten() else {
                continue;
            };
            if let Some(bad) = run.unreadable[i] {
                unchecked.push(crate::tr!(
                    "data-f-row-bad-cannot-read",
                    f = f.name.text,
                    bad = bad
                ));
                continue;
            }
            let Some(sum) = run.sums[i].total() else {
                unchecked.push(crate::tr!("data-f-sum-too-large", f = f.name.text));
                continue;
            };
            compared += 1;
            if said == sum {
                continue;
            }
            let shape = f.ty;
            out.push(DataProblem {
                code: Code::DataTotalMismatch,
                severity: Severity::Error,
                message: crate::tr!(
                    "data-label-row-gives-f-as",
                    label = label,
                    f = f.name.text,
                    number = number(said, shape),
                    span = span,
                    number2 = number(sum, shape)
                ),
                help: said.checked_sub(sum).map(|difference| {
                    crate::tr!(
                        "data-difference-number-correct-total-rows",
                        number = number(difference, shape)
                    )
                }),
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
            out.push(self.matched(line, label, &span, compared, &unchecked));
        }
        out
    }

    /// The info of a totals row whose amounts match their sums (or could not be checked):
    /// `compared` amounts were compared, `unchecked` says those that could not be.
    fn matched(
        &self,
        line: u64,
        label: &str,
        span: &str,
        compared: usize,
        unchecked: &[String],
    ) -> DataProblem {
        let unchecked = unchecked.join(", ");
        let said = match (compared, unchecked.is_empty()) {
            (0, true) => crate::tr!("data-gives-no-amount-check"),
            (0, false) => crate::tr!(
                "data-amounts-cannot-checked-unchecked",
                unchecked = unchecked
            ),
            (_, true) => crate::tr!("data-amounts-match-their-sums"),
            (_, false) => {
                crate::tr!(
                    "data-amounts-checked-match-their-sums",
                    unchecked = unchecked
                )
            }
        };
        DataProblem {
            code: Code::DataTotalRow,
            severity: Severity::Info,
            message: crate::tr!(
                "data-row-line-label-row-over",
                line = line,
                label = label,
                span = span,
                said = said
            ),
            help: None,
            location: DataLocation {
                line,
                ..self.at.clone()
            },
            field: None,
            row: false,
        }
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
        let said = amounts(self.fields, cells);
        self.checked_total(line, label, &said);
    }
    /// Rows validated on a worker are summed there: their sums come as [`Sums`].
    fn checked_row(&mut self, row: &mut Row, problem: Option<DataProblem>) {
        self.inner.checked_row(row, problem);
    }
    fn checked_sums(&mut self, sums: Sums) {
        self.sub.extend(&sums.0);
    }
    fn chunk_start(&mut self, keys: Option<&crate::data::keys::KeyRun>) {
        self.inner.chunk_start(keys);
    }
    fn chunk_end(&mut self) {
        self.inner.chunk_end();
    }
    fn takes_rows_whole(&self) -> bool {
        self.inner.takes_rows_whole()
    }
    fn checked_rows(&mut self, rows: &mut Vec<Row>) {
        self.inner.checked_rows(rows);
    }
    fn checked_total(&mut self, line: u64, label: &str, said: &[Option<Decimal>]) {
        let sub = label.starts_with("小计");
        let found = if sub {
            self.compare(said, line, label, &self.sub)
        } else {
            let mut all = self.closed.clone();
            all.extend(&self.sub);
            self.compare(said, line, label, &all)
        };
        let mut found = found.into_iter();
        if let Some(first) = found.next() {
            self.inner.not_data(NotData::Total, first);
        }
        for p in found {
            self.inner.problem(p);
        }
        if sub {
            self.closed.extend(&self.sub);
        } else {
            self.closed = Run::new(self.fields.len());
        }
        self.sub = Run::new(self.fields.len());
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

    #[test]
    fn ji_is_found_only_whole() {
        for (text, has) in [
            ("合计", true),
            ("CP000001", false),
            ("计", true),
            ("", false),
            // The first byte of `计` begins other characters too (`许`, `设`).
            ("许设", false),
            ("设计", true),
            ("统计局", true),
        ] {
            assert_eq!(super::has_ji(text), has, "{text}");
            assert_eq!(text.contains('计'), has, "{text}");
        }
    }
}
