//! The sums of the amount fields over runs of rows, for the checks of totals rows: kept where
//! the rows are read, or where they are validated (on a worker thread) and handed on. Sums are
//! exact ([`ExactSum`]), so a run summed in pieces gives what it gives summed row by row.

use super::cells::RowCells;
use super::convert::NameIndex;
use super::exact_sum::ExactSum;
use super::row::convert_field;
use super::value::Value;
use crate::ast::{Field, Type};

/// The sums of the amount fields over a run of rows.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// Per field: the sum of its amounts (nothing for a field not summed).
    pub sums: Vec<ExactSum>,
    /// Per field: the first row whose amount could not be read.
    pub unreadable: Vec<Option<u64>>,
    /// The run's first row, if it has one.
    pub first: Option<u64>,
    /// The run's last row.
    pub last: u64,
    /// How many rows the run has.
    pub rows: u64,
}

impl Run {
    /// An empty run over `n` fields.
    pub fn new(n: usize) -> Run {
        Run {
            sums: vec![ExactSum::default(); n],
            unreadable: vec![None; n],
            ..Run::default()
        }
    }

    /// Adds the run that follows this one.
    pub fn extend(&mut self, next: &Run) {
        if next.rows == 0 {
            return;
        }
        for (sum, add) in self.sums.iter_mut().zip(&next.sums) {
            sum.extend(add);
        }
        for (bad, later) in self.unreadable.iter_mut().zip(&next.unreadable) {
            if bad.is_none() {
                *bad = *later;
            }
        }
        self.first = self.first.or(next.first);
        self.last = next.last;
        self.rows += next.rows;
    }

    /// Adds a row at `line` whose amount of field `i` (of the `summed` ones) is `amount(i)`:
    /// `None` where it cannot be read.
    pub fn add_row(
        &mut self,
        summed: &[usize],
        line: u64,
        mut amount: impl FnMut(usize) -> Option<Value>,
    ) {
        self.first.get_or_insert(line);
        self.last = line;
        self.rows += 1;
        for &i in summed {
            match amount(i) {
                Some(Value::Num(d)) => self.sums[i].add(d),
                Some(_) => {}
                None => {
                    self.unreadable[i].get_or_insert(line);
                }
            }
        }
    }
}

/// The amounts of rows summed where they were validated (on a worker thread), handed to the
/// totals check (`data::totals`) in their place among the rows: before each totals row, and
/// at the end of each chunk.
#[derive(Debug)]
pub struct Sums(pub Run);

/// Sums the amounts of rows as they are validated, for [`Sums`].
#[derive(Debug)]
pub struct RunningSums {
    indices: Vec<usize>,
    run: Run,
}

impl RunningSums {
    /// Sums the amount fields of `fields`.
    pub fn new(fields: &[Field]) -> Self {
        RunningSums {
            indices: summed_fields(fields),
            run: Run::new(fields.len()),
        }
    }

    /// Adds a validated row (accepted or rejected), from the values read of it.
    pub fn add(&mut self, fields: &[Field], values: &[Value], line: u64) {
        self.run.add_row(&self.indices, line, |i| {
            amount_of(&fields[i], values.get(i))
        });
    }

    /// The sums since the last call, if any row was added.
    pub fn take(&mut self) -> Option<Sums> {
        let fresh = Run::new(self.run.sums.len());
        (self.run.rows > 0).then(|| Sums(std::mem::replace(&mut self.run, fresh)))
    }
}

/// A field's amount among the values read of a row: `None` where it could not be read (a
/// required field left empty could not).
pub fn amount_of(f: &Field, value: Option<&Value>) -> Option<Value> {
    match value {
        Some(Value::Null) if !f.optional => None,
        Some(v) => Some(*v),
        None => None,
    }
}

/// A field's amount read from a row's cells: `None` where it cannot be read.
pub fn amount_in(cells: &RowCells<'_>, i: usize, f: &Field, names: &NameIndex) -> Option<Value> {
    let mut text = String::new();
    convert_field(cells, i, f, names, &mut text).ok()
}

/// The indices of the fields a totals row adds up.
pub fn summed_fields(fields: &[Field]) -> Vec<usize> {
    (0..fields.len()).filter(|&i| summed(&fields[i])).collect()
}

/// Whether a field holds amounts that a totals row adds up.
pub fn summed(f: &Field) -> bool {
    !f.key && !f.time && matches!(f.ty, Type::Money(_) | Type::Decimal | Type::Int)
}
