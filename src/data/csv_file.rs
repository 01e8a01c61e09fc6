//! CSV files: UTF-8 (with or without BOM) or GBK/GB18030, streamed row by row.

use super::cells::RowCells;
use super::columns;
use super::lines::LineReader;
use super::problem::{DataLocation, DataProblem};
use super::sink::RowSink;
use super::stray_quote;
use crate::ast::Field;
use crate::diagnostic::{Code, Severity};
use std::io::Read;

/// How a data file's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 unless the start of the file is not, then GB18030 (a superset of GBK).
    #[default]
    Auto,
    Utf8,
    Gbk,
}

/// Whether `sample` (a file's first bytes) reads as UTF-8, allowing a character cut at its end.
/// A file whose text before a bad byte already holds several UTF-8 characters beyond ASCII is
/// UTF-8 with a damaged row (reported on its line), not GBK: GBK text almost never forms valid
/// UTF-8 sequences for long.
fn looks_utf8(sample: &[u8], whole: bool) -> bool {
    const CONVINCING: usize = 8;
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) if !whole && e.error_len().is_none() => true,
        Err(e) => {
            let valid = &sample[..e.valid_up_to()];
            // Lead bytes of multi-byte characters.
            valid.iter().filter(|&&b| b >= 0xC0).count() >= CONVINCING
        }
    }
}

/// Reads a CSV file into `sink`; `Err` when the file cannot be read at all.
pub fn read(
    input: Box<dyn Read>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    encoding: Encoding,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    const SAMPLE: usize = 64 * 1024;
    let mut input = input;
    let mut head = Vec::with_capacity(SAMPLE);
    (&mut input)
        .take(SAMPLE as u64)
        .read_to_end(&mut head)
        .map_err(|e| unreadable(at, &e))?;
    let whole = head.len() < SAMPLE;
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Err(Box::new(DataProblem {
            code: Code::DataEncoding,
            severity: Severity::Error,
            message: "the file is UTF-16, which is not read".into(),
            help: Some("save it as CSV UTF-8 (Excel: \"CSV UTF-8 (逗号分隔)\") or as GBK".into()),
            location: at.clone(),
            field: None,
            row: false,
        }));
    }
    let gbk = match encoding {
        Encoding::Gbk => true,
        Encoding::Utf8 => false,
        Encoding::Auto => !head.starts_with(b"\xEF\xBB\xBF") && !looks_utf8(&head, whole),
    };
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    let chained = std::io::Cursor::new(head).chain(input);
    let reader: Box<dyn Read> = if gbk {
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .build(chained),
        )
    } else {
        Box::new(chained)
    };
    let (reader, breaks) = LineReader::new(reader);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(reader);
    let mut record_buf = csv::ByteRecord::new();
    let header = match csv.read_byte_record(&mut record_buf) {
        Ok(true) => record_buf.clone(),
        Ok(false) => {
            return Err(Box::new(DataProblem {
                code: Code::DataFormat,
                severity: Severity::Error,
                message: "the file is empty: no header row".into(),
                help: Some(format!(
                    "the first line names the columns, e.g. `{}`",
                    fields
                        .iter()
                        .map(|f| f.name.text.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                )),
                location: at.clone(),
                field: None,
                row: false,
            }));
        }
        Err(e) => return Err(Box::new(csv_error(at, &e))),
    };
    let Ok(header_text) = std::str::from_utf8(header.as_slice()) else {
        return Err(Box::new(not_utf8(at, 1)));
    };
    let names: Vec<String> = (0..header.len())
        .map(|i| header_text[header.range(i).unwrap_or(0..0)].to_string())
        .collect();
    let header_at = DataLocation {
        line: 1,
        ..at.clone()
    };
    let mut problems = Vec::new();
    let bound = columns::bind(&names, fields, record, &header_at, &mut problems);
    let Some(columns) = columns::settle(bound, problems, sink) else {
        return Ok(());
    };
    sink.columns(
        columns
            .iter()
            .map(|c| c.map_or(0, |c| c as u32 + 1))
            .collect(),
    );
    let width = header.len();
    loop {
        match csv.read_byte_record(&mut record_buf) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // An I/O error mid-file: what was read stands, the rest is reported.
                sink.bad_row(csv_error(at, &e));
                break;
            }
        }
        let start = record_buf.position().map_or(0, |p| p.byte());
        let line = breaks.borrow_mut().line_of(start);
        let (several, terminated) = breaks.borrow().inside(csv.position().byte());
        let cut = if several {
            stray_quote::swallowed(&record_buf, width, !terminated)
        } else {
            None
        };
        let Some(cut) = cut else {
            deliver(&record_buf, line, width, &columns, at, sink);
            continue;
        };
        recover(&record_buf, cut, line, width, &columns, at, sink);
    }
    Ok(())
}

/// Reports the row whose cell swallowed the lines after it, reads the swallowed lines again,
/// and reports the line where the quote closed.
fn recover(
    record: &csv::ByteRecord,
    cut: stray_quote::Swallowed,
    line: u64,
    width: usize,
    columns: &[Option<usize>],
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    let swallowed = cut.whole as u64 + u64::from(cut.closing.is_some());
    let problem = DataProblem {
        code: Code::DataRaggedRow,
        severity: Severity::Error,
        message: format!(
            "a `\"` in this cell opens a quoted value that is not closed on this line, so {} after it ran into the cell",
            crate::report::plural(swallowed as usize, "line")
        ),
        help: Some(
            "remove the stray `\"`, or quote the whole cell: `\"…\"`; the lines after it are read on their own"
                .into(),
        ),
        location: DataLocation {
            line,
            column: cut.field as u32 + 1,
            ..at.clone()
        },
        field: None,
        row: true,
    };
    reject(&cut.row, problem, columns, sink);
    // Inside the quoted cell no line holds a quote of its own (a `"` there ended the cell), so
    // each line splits at its commas.
    for (offset, bytes) in cut.lines(record) {
        let again = stray_quote::split_plain(bytes);
        deliver(&again, line + offset, width, columns, at, sink);
    }
    if let Some(offset) = cut.closing {
        sink.bad_row(DataProblem {
            code: Code::DataRaggedRow,
            severity: Severity::Error,
            message: format!(
                "this line closes the quote opened on line {line}: it was read as part of that row, so it is not read on its own"
            ),
            help: Some(format!("fix the stray `\"` on line {line}")),
            location: DataLocation {
                line: line + offset,
                column: 1,
                ..at.clone()
            },
            field: None,
            row: true,
        });
    }
}

/// Checks one record's shape and hands it on as a row.
#[inline]
fn deliver(
    record_buf: &csv::ByteRecord,
    line: u64,
    width: usize,
    columns: &[Option<usize>],
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    if record_buf
        .iter()
        .all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
    {
        return; // a blank line, or a row of empty cells (as spreadsheets save them)
    }
    if record_buf.len() != width {
        let problem = DataProblem {
            code: Code::DataRaggedRow,
            severity: Severity::Error,
            message: format!(
                "the row has {} fields, the header has {width}",
                record_buf.len()
            ),
            help: Some(
                "check for a missing or extra comma; quote values that contain commas".into(),
            ),
            location: DataLocation {
                line,
                column: (record_buf.len().min(width) as u32) + 1,
                ..at.clone()
            },
            field: None,
            row: true,
        };
        reject(record_buf, problem, columns, sink);
        return;
    }
    let Some(text) = utf8_text(record_buf) else {
        sink.bad_row(DataProblem {
            row: true,
            ..not_utf8(at, line)
        });
        return;
    };
    sink.row(
        &RowCells::Csv {
            text,
            record: record_buf,
            columns,
        },
        line,
    );
}

/// The record's text, when every cell is UTF-8 on its own: bytes around a comma can make the
/// cells together valid while each is cut inside a character.
#[inline]
fn utf8_text(record: &csv::ByteRecord) -> Option<&str> {
    let text = simdutf8::basic::from_utf8(record.as_slice()).ok()?;
    (0..record.len())
        .all(|i| {
            record
                .range(i)
                .is_some_and(|r| text.is_char_boundary(r.end))
        })
        .then_some(text)
}

/// Rejects a row that was split into cells, so what can be read of it still places it.
fn reject(
    record: &csv::ByteRecord,
    problem: DataProblem,
    columns: &[Option<usize>],
    sink: &mut dyn RowSink,
) {
    match utf8_text(record) {
        Some(text) => sink.bad_row_cells(
            problem,
            &RowCells::Csv {
                text,
                record,
                columns,
            },
        ),
        None => sink.bad_row(problem),
    }
}

fn unreadable(at: &DataLocation, e: &std::io::Error) -> DataProblem {
    DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: format!("cannot read the file: {e}"),
        help: None,
        location: at.clone(),
        field: None,
        row: false,
    }
}

fn csv_error(at: &DataLocation, e: &csv::Error) -> DataProblem {
    let line = e.position().map_or(0, |p| p.line());
    DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: format!("cannot read the rest of the file: {e}"),
        help: None,
        location: DataLocation { line, ..at.clone() },
        field: None,
        row: false,
    }
}

fn not_utf8(at: &DataLocation, line: u64) -> DataProblem {
    DataProblem {
        code: Code::DataEncoding,
        severity: Severity::Error,
        message: "the row is not valid UTF-8".into(),
        help: Some("if the file is saved as GBK, pass `--encoding gbk`".into()),
        location: DataLocation { line, ..at.clone() },
        field: None,
        row: false,
    }
}

#[cfg(test)]
mod tests {
    use super::looks_utf8;

    #[test]
    fn a_utf8_file_with_one_bad_byte_stays_utf8() {
        let mut text = "编号,支援方,受援方\nA1,河北省,巴州\n".as_bytes().to_vec();
        text.extend_from_slice(b"A2,\xff\xfe,x\n");
        assert!(looks_utf8(&text, true));
    }

    #[test]
    fn cells_cut_inside_a_character_are_not_utf8() {
        // 汴 is E6 B1 B4: a comma between its bytes leaves two cells that are not UTF-8.
        let record = csv::ByteRecord::from(vec![&b"a"[..], &b"\xe6\xb1"[..], &b"\xb4"[..]]);
        assert!(super::utf8_text(&record).is_none());
    }

    #[test]
    fn gbk_text_is_not_utf8() {
        // "编号,支援方" in GBK.
        let gbk = b"\xb1\xe0\xba\xc5,\xd6\xa7\xd4\xae\xb7\xbd\n";
        assert!(!looks_utf8(gbk, true));
    }
}
