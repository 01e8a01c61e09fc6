//! Matches a file's header to the fields of its record type.

use super::header_text::{fold, split_unit};
use super::problem::{DataLocation, DataProblem};
use super::sink::RowSink;
use crate::ast::{Field, MoneyUnit, Type};
use crate::diagnostic::{Code, Severity};
use crate::suggest::did_you_mean;

/// Each field's column, or the problems that stop the file from being read.
/// Unknown columns are warnings, pushed to `problems`.
pub fn bind(
    header: &[String],
    fields: &[Field],
    record: &str,
    at: &DataLocation,
    problems: &mut Vec<DataProblem>,
) -> Option<Vec<Option<usize>>> {
    let clean: Vec<&str> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .collect();
    let columns = find(header, fields);
    // Each name's first column: one pass, so a header of many columns is read in linear time.
    let mut first_of: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (i, h) in clean.iter().enumerate() {
        first_of.entry(h).or_insert(i);
    }
    let bound: rustc_hash::FxHashSet<usize> = columns.iter().flatten().copied().collect();
    let ok = report_missing(fields, &columns, &clean, record, at, problems);
    for (i, h) in clean.iter().enumerate() {
        // Spreadsheets save empty columns after the table: not a column at all.
        if h.is_empty() {
            continue;
        }
        let folded = fold(h);
        let again = fields
            .iter()
            .zip(&columns)
            .find_map(|(f, c)| c.filter(|c| *c != i && names_field(&folded, f)));
        let earlier = first_of.get(h).copied().filter(|&first| first < i);
        if let Some(first) = earlier.or(again) {
            problems.push(DataProblem {
                code: Code::DataUnknownColumn,
                severity: Severity::Warning,
                message: crate::tr!(
                    "data-column-h-appears-twice-column",
                    h = h,
                    first = first + 1
                ),
                help: Some(crate::tr!("data-remove-rename-second-column")),
                location: DataLocation {
                    column: i as u32 + 1,
                    ..at.clone()
                },
                field: None,
                row: false,
            });
            continue;
        }
        if !bound.contains(&i) {
            let help = did_you_mean(h, fields.iter().map(|f| f.name.text.as_str()))
                .unwrap_or_else(|| crate::tr!("data-record-record-has-no-such", record = record));
            problems.push(DataProblem {
                code: Code::DataUnknownColumn,
                severity: Severity::Warning,
                message: crate::tr!("data-column-h-not-field-record", h = h, record = record),
                help: Some(help),
                location: DataLocation {
                    column: i as u32 + 1,
                    ..at.clone()
                },
                field: None,
                row: false,
            });
        }
    }
    ok.then_some(columns)
}

/// Pushes a problem for each required field without a column; whether there was none.
fn report_missing(
    fields: &[Field],
    columns: &[Option<usize>],
    clean: &[&str],
    record: &str,
    at: &DataLocation,
    problems: &mut Vec<DataProblem>,
) -> bool {
    let mut ok = true;
    for (f, c) in fields.iter().zip(columns) {
        if c.is_none() && !f.optional {
            ok = false;
            let near = did_you_mean(&f.name.text, clean.iter().copied());
            problems.push(DataProblem {
                code: Code::DataMissingColumn,
                severity: Severity::Error,
                message: crate::tr!(
                    "data-no-column-f-also-labelled",
                    f = f.name.text,
                    also_labelled = also_labelled(f),
                    record = record
                ),
                help: Some(match near {
                    Some(n) => format!("{n} — rename the column to `{}`", f.name.text),
                    None => crate::tr!("data-add-column-f-header-declare", f = f.name.text),
                }),
                location: at.clone(),
                field: Some(f.name.text.clone()),
                row: false,
            });
        }
    }
    ok
}

/// ` (or `项目编号`, `编号`)` for a field with column labels.
fn also_labelled(f: &Field) -> String {
    if f.labels.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = f.labels.iter().map(|l| format!("`{l}`")).collect();
    format!(" (or {})", listed.join(", "))
}

/// Whether a header cell (folded) names `field`: by its name or one of its labels, with or
/// without a money unit after it.
pub fn names_field(folded: &str, field: &Field) -> bool {
    let bare = split_unit(folded).map(|(b, _)| b);
    std::iter::once(&field.name.text)
        .chain(&field.labels)
        .any(|n| {
            let n = fold(n);
            folded == n || bare.as_deref() == Some(n.as_str())
        })
}

/// Each field's column in `header`: the first cell that names it.
pub fn find(header: &[String], fields: &[Field]) -> Vec<Option<usize>> {
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    fields
        .iter()
        .map(|f| folded.iter().position(|h| names_field(h, f)))
        .collect()
}

/// The money unit each money field's header names (`计划投资（万元）`), if any.
pub fn units(
    header: &[String],
    fields: &[Field],
    columns: &[Option<usize>],
) -> Vec<Option<MoneyUnit>> {
    fields
        .iter()
        .zip(columns)
        .map(|(f, c)| match (f.ty, c) {
            (Type::Money(_), Some(c)) => split_unit(&fold(&header[*c])).map(|(_, u)| u),
            _ => None,
        })
        .collect()
}

/// Hands the header's problems to `sink`, in order; when the file cannot be read (a required
/// column is missing), says so to the sink and returns `None`.
pub fn settle(
    bound: Option<Vec<Option<usize>>>,
    problems: Vec<DataProblem>,
    sink: &mut dyn RowSink,
) -> Option<Vec<Option<usize>>> {
    for p in problems {
        sink.problem(p);
    }
    if bound.is_none() {
        sink.failed();
    }
    bound
}
