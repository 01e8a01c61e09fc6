//! A validated row: every field converted to its declared type, keys checked for uniqueness.

use super::cells::RowCells;
use super::convert::{NameIndex, convert};
use super::problem::Rejection;
use super::value::{Text, Value};
use crate::ast::Field;
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
}

impl Row {
    pub fn text_of(&self, t: Text) -> Option<&str> {
        match t {
            Text::Row(a, b) => Some(&self.text[a as usize..b as usize]),
            Text::Sym(_) => None,
        }
    }
}

/// Converts `cells` into `row` against `fields`; on failure, the field and the reason.
pub fn validate(
    fields: &[Field],
    names: &NameIndex,
    cells: &RowCells<'_>,
    row: &mut Row,
) -> Result<(), (usize, Box<Rejection>)> {
    row.values.clear();
    row.text.clear();
    row.rejected = None;
    for (i, f) in fields.iter().enumerate() {
        let v = convert(cells.cell(i), f.ty, names, &mut row.text).map_err(|r| (i, r))?;
        if v.is_null() && !f.optional {
            let help = format!(
                "fill it in, or declare the field optional: `{}: {}?`",
                f.name.text,
                type_name(f)
            );
            return Err((
                i,
                Box::new(
                    Rejection::new(
                        Code::DataMissingValue,
                        format!("`{}` is empty, and it is required", f.name.text),
                    )
                    .help(help),
                ),
            ));
        }
        row.values.push(v);
    }
    Ok(())
}

fn type_name(f: &Field) -> String {
    use crate::ast::BaseType::*;
    match f.ty {
        Bool => "bool".into(),
        Int => "int".into(),
        Decimal => "decimal".into(),
        Percent => "percent".into(),
        Money(u) => format!("money({})", u.as_str()),
        Text | Unknown => "text".into(),
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
    for (i, f) in fields.iter().enumerate() {
        let v = convert(cells.cell(i), f.ty, names, &mut row.text).unwrap_or(Value::Null);
        row.values.push(v);
    }
    row.rejected = Some(why);
}
