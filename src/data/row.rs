//! A validated row: every field converted to its declared type, keys checked for uniqueness.

use super::cells::RowCells;
use super::convert::{Cell, NameIndex, convert_into};
use super::header_text::unit_written;
use super::problem::Rejection;
use super::value::{Text, Value};
use crate::ast::{Field, Type};
use crate::diagnostic::Code;

/// One row of data, typed.
#[derive(Debug, Default, Clone)]
pub struct Row {
    pub values: Vec<Value>,
    /// The texts the row's text values point into.
    pub text: String,
    /// Where the row is: 1-based line (or workbook row).
    pub line: u64,
    /// A rejected row, with what could be read of it: why it was rejected.
    pub rejected: Option<String>,
    /// For a rejected row: the fields (bit per field index, the first 64) that could not be
    /// read. An optional field left empty is read: it is empty.
    pub unreadable: u64,
}

impl Row {
    /// Whether field `i` of a rejected row could not be read.
    pub fn is_unreadable(&self, i: usize) -> bool {
        match 1u64.checked_shl(i as u32) {
            Some(bit) if i < 64 => self.unreadable & bit != 0,
            _ => self.values.get(i).is_none_or(|v| v.is_null()),
        }
    }
}

impl Row {
    pub fn text_of(&self, t: Text) -> Option<&str> {
        match t {
            Text::Row(a, b) => Some(&self.text[a as usize..b as usize]),
            Text::Sym(_) => None,
        }
    }
}

/// Converts `cells` into `row` against `fields`; on failure, the field and the reason, and
/// `row.values` holds the values of the fields before that one.
pub fn validate(
    fields: &[Field],
    names: &NameIndex,
    cells: &RowCells<'_>,
    row: &mut Row,
) -> Result<(), (usize, Box<Rejection>)> {
    row.values.clear();
    row.values.reserve(fields.len());
    row.text.clear();
    row.rejected = None;
    for (i, f) in fields.iter().enumerate() {
        // The value is written in its place, the `i`th (see `convert_into`), and taken off
        // again when the cell is rejected.
        row.values.push(Value::Null);
        let converted = convert_field_into(cells, i, f, names, &mut row.text, &mut row.values[i]);
        if let Err(r) = converted {
            row.values.pop();
            return Err((i, r));
        }
        if row.values[i].is_null() && !f.optional {
            row.values.pop();
            let help = crate::tr!(
                "data-fill-declare-field-optional-f",
                f = f.name.text,
                type_name = type_name(f)
            );
            return Err((
                i,
                Box::new(
                    Rejection::new(
                        Code::DataMissingValue,
                        crate::tr!("data-f-empty-required", f = f.name.text),
                    )
                    .help(help),
                ),
            ));
        }
    }
    Ok(())
}

/// Converts field `i`'s cell; a money column whose header names a unit is read in that unit,
/// and a cell that writes another unit contradicts it.
#[inline]
pub fn convert_field(
    cells: &RowCells<'_>,
    i: usize,
    f: &Field,
    names: &NameIndex,
    text: &mut String,
) -> Result<Value, Box<Rejection>> {
    let mut value = Value::Null;
    convert_field_into(cells, i, f, names, text, &mut value)?;
    Ok(value)
}

/// [`convert_field`] into `out` (see [`convert_into`]).
#[inline(always)]
fn convert_field_into(
    cells: &RowCells<'_>,
    i: usize,
    f: &Field,
    names: &NameIndex,
    text: &mut String,
    out: &mut Value,
) -> Result<(), Box<Rejection>> {
    let cell = cells.cell(i);
    let unit = match f.ty {
        Type::Money(_) => cells.unit(i),
        _ => None,
    };
    let Some(unit) = unit else {
        return convert_into(cell, f.ty, names, text, out);
    };
    if let Cell::Text(t) = cell
        && let Some(written) = unit_written(t)
        && written != unit
    {
        return Err(Box::new(
            Rejection::new(
                Code::DataBadValue,
                crate::tr!(
                    "data-t-written-written-but-column",
                    t = t.trim(),
                    written = written.as_str(),
                    unit = unit.as_str()
                ),
            )
            .help(crate::tr!(
                "data-write-amount-unit-without-unit",
                unit = unit.as_str()
            )),
        ));
    }
    convert_into(cell, Type::Money(unit), names, text, out)
}

fn type_name(f: &Field) -> String {
    use crate::ast::Type::*;
    match f.ty {
        Bool => "bool".into(),
        Int => "int".into(),
        Decimal => "decimal".into(),
        Percent => "percent".into(),
        Money(u) => format!("money({})", u.as_str()),
        Text | Unknown | ActorKind | Level | List => "text".into(),
        Date => "date".into(),
        Year => "year".into(),
        Actor => "actor".into(),
        Program => "program".into(),
    }
}

/// What can be read of a rejected row: every cell converted on its own, the unreadable ones empty.
/// Its groups can then be marked incomplete.
pub fn salvage(
    fields: &[Field],
    names: &NameIndex,
    cells: &RowCells<'_>,
    row: &mut Row,
    why: String,
) {
    row.values.clear();
    row.text.clear();
    row.unreadable = 0;
    for (i, f) in fields.iter().enumerate() {
        let v = match convert_field(cells, i, f, names, &mut row.text) {
            // A required field left empty is as unknown as one that cannot be read.
            Ok(Value::Null) if !f.optional => None,
            Ok(v) => Some(v),
            Err(_) => None,
        };
        if v.is_none() && i < 64 {
            row.unreadable |= 1 << i;
        }
        row.values.push(v.unwrap_or(Value::Null));
    }
    row.rejected = Some(why);
}
