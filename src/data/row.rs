//! A validated row: every field converted to its declared type, keys checked for uniqueness.

use super::cells::RowCells;
use super::convert::{NameIndex, convert};
use super::problem::Rejection;
use super::value::{Text, Value};
use crate::ast::Field;
use crate::diagnostic::Code;
use rustc_hash::FxHashMap;
use std::hash::Hasher;

/// One row of data, typed.
#[derive(Debug, Default, Clone)]
pub struct Row {
    pub values: Vec<Value>,
    /// The texts the row's text values point into.
    pub text: String,
    /// Where the row is: 1-based line (or workbook row).
    pub line: u64,
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
) -> Result<(), (usize, Rejection)> {
    row.values.clear();
    row.text.clear();
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
                Rejection::new(
                    Code::DataMissingValue,
                    format!("`{}` is empty, and it is required", f.name.text),
                )
                .help(help),
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
        Text => "text".into(),
        Date => "date".into(),
        Year => "year".into(),
        Actor => "actor".into(),
        Program => "program".into(),
    }
}

/// The keys seen so far of one record type, as 64-bit fingerprints with the first place seen.
/// Two different keys share a fingerprint with odds of about n²/2⁶⁵ (10⁻⁸ at a million rows).
/// The hash is SipHash with fixed keys, so a run is the same on every machine.
#[derive(Default)]
pub struct KeySet {
    seen: FxHashMap<u64, (u32, u64)>,
}

impl KeySet {
    /// Records `key` seen in file `file` at `line`; if seen before, where.
    pub fn insert(&mut self, key: &str, file: u32, line: u64) -> Option<(u32, u64)> {
        let mut h = std::hash::DefaultHasher::new();
        h.write(key.as_bytes());
        let fp = h.finish();
        match self.seen.entry(fp) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((file, line));
                None
            }
        }
    }
}
