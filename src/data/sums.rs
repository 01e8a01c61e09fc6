//! The sums of the amount fields over runs of rows, for the checks of totals rows: kept where
//! the rows are read, or where they are validated (on a worker thread) and handed on.

use super::cells::RowCells;
use super::convert::NameIndex;
use super::row::convert_field;
use super::value::Value;
use crate::ast::{Field, Type};
use rust_decimal::Decimal;

/// The sums of the amount fields over a run of rows.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub sums: Vec<Decimal>,
    /// Per field: the first row whose amount could not be read.
    pub unreadable: Vec<Option<u64>>,
    pub first: Option<u64>,
    pub last: u64,
    pub rows: u64,
}

impl Run {
    pub fn new(n: usize) -> Run {
        Run {
            sums: vec![Decimal::ZERO; n],
            unreadable: vec![None; n],
            ..Run::default()
        }
    }

    /// Adds the run that follows this one (a sum that would overflow is left as it was).
    pub fn extend(&mut self, next: &Run) {
        if next.rows == 0 {
            return;
        }
        for (sum, add) in self.sums.iter_mut().zip(&next.sums) {
            *sum = sum.checked_add(*add).unwrap_or(*sum);
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
}

/// The amounts of rows summed where they were validated (on a worker thread), handed to
/// the totals check (`data::totals`) in their place among the rows: before each totals row, and after the last row.
#[derive(Debug)]
pub struct Sums(pub Run);

/// Sums the amounts of rows as they are validated, for [`Sums`].
#[derive(Debug)]
pub struct RunningSums {
    indices: Vec<usize>,
    run: Run,
    /// Unused: the values are read already.
    names: NameIndex,
}

impl RunningSums {
    /// Sums the amount fields of `fields`.
    pub fn new(fields: &[Field]) -> Self {
        RunningSums {
            indices: summed_fields(fields),
            run: Run::new(fields.len()),
            names: NameIndex::default(),
        }
    }

    /// Adds a validated row (accepted or rejected), from the values read of it.
    pub fn add(&mut self, fields: &[Field], values: &[Value], line: u64) {
        let summed = Summed {
            fields,
            indices: &self.indices,
            names: &self.names,
        };
        summed.add(&mut self.run, Some(values), &RowCells::Fields(&[]), line);
    }

    /// The sums since the last call, if any row was added.
    pub fn take(&mut self) -> Option<Sums> {
        let fresh = Run::new(self.run.sums.len());
        (self.run.rows > 0).then(|| Sums(std::mem::replace(&mut self.run, fresh)))
    }
}

/// The fields a totals row adds up, and how to read them.
pub struct Summed<'a> {
    pub fields: &'a [Field],
    pub indices: &'a [usize],
    pub names: &'a NameIndex,
}

impl Summed<'_> {
    /// Adds a row's amounts to `run`: from `values` where given, else converted from `cells`.
    pub fn add(&self, run: &mut Run, values: Option<&[Value]>, cells: &RowCells<'_>, line: u64) {
        run.first.get_or_insert(line);
        run.last = line;
        run.rows += 1;
        let mut text = String::new();
        for &i in self.indices {
            let f = &self.fields[i];
            let value = match values {
                Some(values) => match values.get(i) {
                    Some(Value::Null) if !f.optional => None,
                    Some(v) => Some(*v),
                    None => None,
                },
                None => convert_field(cells, i, f, self.names, &mut text).ok(),
            };
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

/// The indices of the fields a totals row adds up.
pub fn summed_fields(fields: &[Field]) -> Vec<usize> {
    (0..fields.len()).filter(|&i| summed(&fields[i])).collect()
}

/// Whether a field holds amounts that a totals row adds up.
pub fn summed(f: &Field) -> bool {
    !f.key && !f.time && matches!(f.ty, Type::Money(_) | Type::Decimal | Type::Int)
}
