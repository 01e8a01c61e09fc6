//! JSON files (an array of objects) and JSON Lines (one object per line).

use super::cells::{OwnedCell, RowCells};
use super::lines::MAX_LINE_BYTES;
use super::problem::{DataLocation, DataProblem};
use super::row_serializer::{NotCells, RecordCells};
use super::sink::RowSink;
use crate::ast::Field;
use crate::diagnostic::{Code, Severity};
use crate::suggest::did_you_mean;
use serde_json::value::RawValue;
use std::collections::BTreeSet;
use std::io::{BufRead, Read};

/// The cells of one JSON object, by field, written into `cells`; unknown keys are collected.
/// On failure: the 1-based character column within `text` (on its first line), and why.
fn cells_of<'c>(
    text: &str,
    cells: &'c mut RecordCells,
    unknown: &mut BTreeSet<String>,
) -> Result<&'c [OwnedCell], (u32, String)> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            // serde_json counts bytes from 1 within the line; report characters.
            let line_start: usize = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum();
            let upto = (line_start + e.column().saturating_sub(1)).min(text.len());
            let upto = (0..=upto)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let column = text[line_start.min(upto)..upto].chars().count() as u32 + 1;
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or(&why).to_string();
            return Err((column, crate::tr!("data-not-valid-json-why", why = why)));
        }
    };
    match cells.write(&value) {
        Ok(()) => {}
        Err(NotCells::NotAnObject(kind)) => {
            let column = text.chars().take_while(|c| c.is_whitespace()).count() as u32 + 1;
            return Err((
                column,
                crate::tr!("data-expected-object-field-value-found", kind = kind),
            ));
        }
        // Parsed JSON has text keys and serialises without fail.
        Err(NotCells::Failed(why)) => {
            return Err((1, crate::tr!("data-not-valid-json-why", why = why)));
        }
    }
    unknown.extend(cells.unknown.iter().cloned());
    Ok(cells.cells())
}

fn bad_row(at: &DataLocation, line: u64, (column, message): (u32, String)) -> DataProblem {
    DataProblem {
        code: Code::DataBadRow,
        severity: Severity::Error,
        message,
        help: None,
        location: DataLocation {
            line,
            column,
            ..at.clone()
        },
        field: None,
        row: true,
    }
}

fn report_unknown(
    unknown: BTreeSet<String>,
    fields: &[Field],
    record: &str,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    for k in unknown {
        sink.problem(unknown_key(&k, fields, record, at));
    }
}

/// The warning for key `k` of an object of record type `record`, which names none of its fields.
pub(crate) fn unknown_key(
    k: &str,
    fields: &[Field],
    record: &str,
    at: &DataLocation,
) -> DataProblem {
    let help = did_you_mean(k, fields.iter().map(|f| f.name.text.as_str()))
        .unwrap_or_else(|| crate::tr!("data-record-record-has-no-such-2", record = record));
    DataProblem {
        code: Code::DataUnknownColumn,
        severity: Severity::Warning,
        message: crate::tr!("data-key-k-not-field-record", k = k, record = record),
        help: Some(help),
        location: at.clone(),
        field: None,
        row: false,
    }
}

/// The rejection of a record given as `kind` (`a list`, `a number`, …) instead of an object.
pub(crate) fn not_an_object(at: &DataLocation, kind: &str) -> DataProblem {
    bad_row(
        at,
        at.line,
        (
            at.column,
            crate::tr!("data-expected-object-field-value-found", kind = kind),
        ),
    )
}

/// Reads a JSON array of objects.
pub fn read_array(
    mut input: Box<dyn Read>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let mut text = String::new();
    input.read_to_string(&mut text).map_err(|e| DataProblem {
        code: Code::DataEncoding,
        severity: Severity::Error,
        message: crate::tr!("data-cannot-read-file-as-utf", e = e),
        help: Some(crate::tr!("data-json-files-must-utf")),
        location: at.clone(),
        field: None,
        row: false,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| DataProblem {
        code: Code::DataFormat,
        severity: Severity::Error,
        message: crate::tr!("data-not-json-array-objects-e", e = e),
        help: Some(crate::tr!("data-write-field-value-use-json")),
        location: DataLocation {
            line: e.line() as u64,
            column: e.column() as u32,
            ..at.clone()
        },
        field: None,
        row: false,
    })?;
    sink.columns(vec![0; fields.len()]);
    let base = text.as_ptr() as usize;
    let (mut line, mut counted) = (1u64, 0usize);
    let mut unknown = BTreeSet::new();
    let mut cells = RecordCells::for_fields(fields);
    for item in items {
        let offset = item.get().as_ptr() as usize - base;
        line += text.as_bytes()[counted..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted = offset;
        match cells_of(item.get(), &mut cells, &mut unknown) {
            Ok(cells) => {
                let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
                let indent = text[line_start..offset].chars().count() as u32;
                sink.row(&RowCells::Json(cells, item.get(), indent), line)
            }
            Err(msg) => sink.bad_row(bad_row(at, line, msg)),
        }
    }
    report_unknown(unknown, fields, record, at, sink);
    Ok(())
}

/// Reads JSON Lines: one object per line; blank lines are skipped.
pub fn read_lines(
    input: Box<dyn Read>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    sink.columns(vec![0; fields.len()]);
    let mut reader = std::io::BufReader::with_capacity(1 << 20, input);
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut unknown = BTreeSet::new();
    let mut cells = RecordCells::for_fields(fields);
    loop {
        buf.clear();
        // At most one byte past the limit is read: a longer line is refused, not held.
        let mut bounded = (&mut reader).take(MAX_LINE_BYTES + 1);
        match bounded.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) if n as u64 > MAX_LINE_BYTES && buf.last() != Some(&b'\n') => {
                sink.bad_row(too_long(at, line + 1));
                break;
            }
            Ok(_) => line += 1,
            Err(e) => {
                sink.bad_row(DataProblem {
                    code: Code::DataUnreadable,
                    severity: Severity::Error,
                    message: crate::tr!("data-cannot-read-rest-file-e", e = e),
                    help: None,
                    location: DataLocation {
                        line: line + 1,
                        ..at.clone()
                    },
                    field: None,
                    row: false,
                });
                break;
            }
        }
        let Ok(text) = std::str::from_utf8(&buf) else {
            sink.bad_row(DataProblem {
                code: Code::DataEncoding,
                help: Some(crate::tr!("data-json-lines-files-must-utf")),
                ..bad_row(at, line, (0, crate::tr!("data-line-not-valid-utf")))
            });
            continue;
        };
        let text = if line == 1 {
            text.trim_start_matches('\u{feff}')
        } else {
            text
        };
        if text.trim().is_empty() {
            continue;
        }
        match cells_of(text, &mut cells, &mut unknown) {
            Ok(cells) => sink.row(&RowCells::Json(cells, text, 0), line),
            Err(msg) => sink.bad_row(bad_row(at, line, msg)),
        }
    }
    report_unknown(unknown, fields, record, at, sink);
    Ok(())
}

/// The problem of a line longer than [`MAX_LINE_BYTES`]: reading stops there.
fn too_long(at: &DataLocation, line: u64) -> DataProblem {
    DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: crate::tr!(
            "data-jsonl-line-too-long",
            line = line,
            max = MAX_LINE_BYTES
        ),
        help: Some(crate::tr!("data-jsonl-line-too-long-help")),
        location: DataLocation { line, ..at.clone() },
        field: None,
        row: false,
    }
}
