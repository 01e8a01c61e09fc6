//! CSV files: UTF-8 (with or without BOM) or GBK/GB18030, streamed row by row.

pub mod chunked;
mod cut_line;
mod plain_lines;

use super::cells::{CsvFields, RowCells};
use super::columns;
use super::delimiter;
use super::header::{self, SEARCHED_ROWS};
use super::lines::{Breaks, LineReader};
use super::problem::{DataLocation, DataProblem};
use super::sink::NotData;
use super::sink::RowSink;
use super::stray_quote;
use super::totals;
use crate::ast::{Field, MoneyUnit};
use crate::diagnostic::{Code, Severity};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

/// How a data file's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 unless the start of the file is not, then GB18030 (a superset of GBK).
    #[default]
    Auto,
    Utf8,
    Gbk,
}

/// How a text export is read besides its encoding.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    pub encoding: Encoding,
    /// The cell delimiter; detected when `None`.
    pub delimiter: Option<u8>,
    /// The 1-based line of the header; found when `None`.
    pub header_row: Option<u64>,
}

/// What each row is read against: the fields' columns and units, and the header's width.
struct Table<'a> {
    fields: &'a [Field],
    columns: &'a [Option<usize>],
    units: &'a [Option<MoneyUnit>],
    width: usize,
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

const SAMPLE: usize = 64 * 1024;

/// A decoded file: the first 64 KiB of its text, a reader of the rest, and whether the bytes
/// are the file's own (UTF-8, not decoded from another encoding).
type Decoded = (Vec<u8>, Box<dyn Read>, bool);

/// Decodes the file (UTF-16 by its byte-order mark, GBK when told or detected, else UTF-8):
/// the first 64 KiB of its text, and a reader of the rest.
fn decode(
    input: Box<dyn Read>,
    encoding: Encoding,
    at: &DataLocation,
) -> Result<Decoded, Box<DataProblem>> {
    let mut input = input;
    let mut head = Vec::with_capacity(SAMPLE);
    (&mut input)
        .take(SAMPLE as u64)
        .read_to_end(&mut head)
        .map_err(|e| unreadable(at, &e))?;
    let whole = head.len() < SAMPLE;
    let utf16 = if head.starts_with(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE)
    } else if head.starts_with(b"\xFE\xFF") {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    let gbk = utf16.is_none()
        && match encoding {
            Encoding::Gbk => true,
            Encoding::Utf8 => false,
            Encoding::Auto => !head.starts_with(b"\xEF\xBB\xBF") && !looks_utf8(&head, whole),
        };
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    let chained = std::io::Cursor::new(head).chain(input);
    let utf8 = utf16.is_none() && !gbk;
    let mut decoded: Box<dyn Read> = match (utf16, gbk) {
        (Some(e), _) => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(e))
                .bom_override(true)
                .build(chained),
        ),
        (None, true) => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .build(chained),
        ),
        (None, false) => Box::new(chained),
    };
    let mut sample = Vec::with_capacity(SAMPLE);
    // The sample holds the rows the header is looked for in, whole: a header of many columns
    // can be longer than 64 KiB. It grows up to the longest line a file may have.
    let mut lines = 0;
    loop {
        let before = sample.len();
        (&mut decoded)
            .take(SAMPLE as u64)
            .read_to_end(&mut sample)
            .map_err(|e| unreadable(at, &e))?;
        lines += memchr::memchr_iter(b'\n', &sample[before..]).count();
        let ended = sample.len() - before < SAMPLE;
        if ended || lines > SEARCHED_ROWS || sample.len() as u64 >= super::lines::MAX_LINE_BYTES {
            break;
        }
    }
    Ok((sample, decoded, utf8))
}

/// Where the table starts: the delimiter, the header, and how many records come before the
/// data. The rows above the header are reported as titles; `None` when the header cannot be
/// found (said to the sink).
fn locate(
    sample: &[u8],
    fields: &[Field],
    opts: TextOptions,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) -> Result<Option<Start>, Box<DataProblem>> {
    let delimiter = opts
        .delimiter
        .unwrap_or_else(|| choose_delimiter(sample, fields));
    let top = first_rows(sample, delimiter);
    if top.is_empty() {
        return Err(Box::new(empty_file(at, fields)));
    }
    let found = header::find(
        &top.iter()
            .map(|(l, _, c)| (*l, c.clone()))
            .collect::<Vec<_>>(),
        fields,
        opts.header_row,
        at,
    );
    // A header that is not UTF-8 is an encoding problem, whether or not it was recognised.
    let undecodable =
        |i: usize| std::str::from_utf8(sample_row(sample, delimiter, top[i].1)).is_err();
    let found = match found {
        Ok(h) if undecodable(h.index) => return Err(Box::new(not_utf8(at, top[h.index].0))),
        Ok(h) => h,
        Err(_) if undecodable(0) => return Err(Box::new(not_utf8(at, top[0].0))),
        Err(p) => {
            sink.problem(*p);
            sink.failed();
            return Ok(None);
        }
    };
    let header_line = top[found.index].0;
    for (line, _, cells) in &top[..found.index] {
        sink.not_data(
            NotData::Title,
            header::title_problem(at, *line, header_line, cells),
        );
    }
    let rows = &top[found.index..found.index + found.depth];
    // Records before the data: titles, blank lines and the header's rows.
    let skip = rows.last().map_or(0, |r| r.1 + 1);
    let width = rows.iter().map(|(_, _, c)| c.len()).max().unwrap_or(0);
    Ok(Some(Start {
        delimiter,
        header: found,
        header_line,
        skip,
        width,
    }))
}

/// Where a text file's table starts.
struct Start {
    delimiter: u8,
    header: header::Header,
    /// The header's first line.
    header_line: u64,
    /// Records before the data.
    skip: usize,
    /// The header's number of cells.
    width: usize,
}

/// Reads a CSV file or text export into `sink`, with the rows of a large UTF-8 file split
/// into chunks and validated on `parallel`'s threads when it is given (the sink then receives
/// [`RowSink::checked_row`]s, in file order); `Err` when the file cannot be read at all.
pub fn read_text_with(
    input: Box<dyn Read>,
    at: &DataLocation,
    fields: &[Field],
    record: &str,
    opts: TextOptions,
    parallel: Option<&chunked::Parallel<'_>>,
    sink: &mut dyn RowSink,
) -> Result<(), Box<DataProblem>> {
    let (sample, decoded, utf8) = decode(input, opts.encoding, at)?;
    let Some(start) = locate(&sample, fields, opts, at, sink)? else {
        return Ok(());
    };
    if utf8 && chunked::fits(&sample, start.delimiter) {
        let Some((columns, units)) = bind_table(&start, fields, record, at, sink) else {
            return Ok(());
        };
        let table = Table {
            fields,
            columns: &columns,
            units: &units,
            width: start.width,
        };
        let body = Body {
            table: &table,
            delimiter: start.delimiter,
            at,
        };
        let Some(parallel) = parallel else {
            return chunked::read_here(sample, decoded, start.skip, &body, chunked::BLOCK, sink);
        };
        let numbers = numbers_of(&columns);
        return chunked::read(sample, decoded, start.skip, &body, parallel, &numbers, sink);
    }
    let reader: Box<dyn Read> = Box::new(std::io::Cursor::new(sample).chain(decoded));
    let (reader, breaks) = LineReader::new(reader);
    let mut csv = reader_of(start.delimiter, 1 << 20, reader);
    pass_over(&mut csv, start.skip, at, 0)?;
    let Some((columns, units)) = bind_table(&start, fields, record, at, sink) else {
        return Ok(());
    };
    let table = Table {
        fields,
        columns: &columns,
        units: &units,
        width: start.width,
    };
    let body = Body {
        table: &table,
        delimiter: start.delimiter,
        at,
    };
    body.rows(&mut csv, &breaks, 0, sink);
    Ok(())
}

/// Reads the first `skip` records of `csv` (the header's, and the rows above it) and passes
/// over them; `Err` when they cannot be read (`lfs_before`: line feeds before the reader's text).
fn pass_over<R: Read>(
    csv: &mut csv::Reader<R>,
    skip: usize,
    at: &DataLocation,
    lfs_before: u64,
) -> Result<(), Box<DataProblem>> {
    let mut record = csv::ByteRecord::new();
    for _ in 0..skip {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(Box::new(csv_error(at, &e, lfs_before))),
        }
    }
    Ok(())
}

/// A CSV reader of `input` split at `delimiter`, every row as it is (no header).
fn reader_of<R: Read>(delimiter: u8, buffer: usize, input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(buffer)
        .from_reader(input)
}

/// Each field's column, and the money unit its header names.
type BoundColumns = (Vec<Option<usize>>, Vec<Option<MoneyUnit>>);

/// Binds the header's columns to the fields and tells the sink (the columns, or why they cannot
/// be bound): each field's column and the money unit its header names.
fn bind_table(
    start: &Start,
    fields: &[Field],
    record: &str,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) -> Option<BoundColumns> {
    let names = &start.header.names;
    let header_at = DataLocation {
        line: start.header_line,
        ..at.clone()
    };
    let mut problems = Vec::new();
    let bound = columns::bind(names, fields, record, &header_at, &mut problems);
    let columns = columns::settle(bound, problems, sink)?;
    let units = columns::units(names, fields, &columns);
    sink.columns(numbers_of(&columns));
    Some((columns, units))
}

/// Each field's 1-based column number for messages (0: none).
fn numbers_of(columns: &[Option<usize>]) -> Vec<u32> {
    columns
        .iter()
        .map(|c| c.map_or(0, |c| c as u32 + 1))
        .collect()
}

/// How the rows after the header are read: against the table, split at the delimiter.
pub(crate) struct Body<'a> {
    table: &'a Table<'a>,
    pub(crate) delimiter: u8,
    pub(crate) at: &'a DataLocation,
}

impl Body<'_> {
    /// Reads the records of `text` (a piece of the file starting at a record, after
    /// `lines_before` line breaks and `lfs_before` line feeds), the first `skip` of them
    /// passed over, into `sink`; `Err` when even the records to pass over cannot be read.
    pub(crate) fn read_piece(
        &self,
        text: impl Read,
        skip: usize,
        (lines_before, lfs_before): (u64, u64),
        sink: &mut dyn RowSink,
    ) -> Result<(), Box<DataProblem>> {
        let (reader, breaks) = LineReader::starting_at(text, lines_before);
        let mut csv = reader_of(self.delimiter, 64 * 1024, reader);
        pass_over(&mut csv, skip, self.at, lfs_before)?;
        self.rows(&mut csv, &breaks, lfs_before, sink);
        Ok(())
    }

    /// Reads every record left in `csv` into `sink`.
    fn rows<R: Read>(
        &self,
        csv: &mut csv::Reader<R>,
        breaks: &Rc<RefCell<Breaks>>,
        lfs_before: u64,
        sink: &mut dyn RowSink,
    ) {
        let mut record_buf = csv::ByteRecord::new();
        while self.next_record(csv, breaks, &mut record_buf, lfs_before, sink) {}
    }

    /// Reads the next record of `csv` into `sink`: whether there was one.
    fn next_record<R: Read>(
        &self,
        csv: &mut csv::Reader<R>,
        breaks: &Rc<RefCell<Breaks>>,
        record_buf: &mut csv::ByteRecord,
        lfs_before: u64,
        sink: &mut dyn RowSink,
    ) -> bool {
        let (table, at) = (self.table, self.at);
        match csv.read_byte_record(record_buf) {
            Ok(false) => return false,
            Ok(true) => {}
            Err(e) => {
                // An I/O error mid-file: what was read stands, the rest is reported.
                sink.bad_row(csv_error(at, &e, lfs_before));
                return false;
            }
        }
        let start = record_buf.position().map_or(0, |p| p.byte());
        let line = breaks.borrow_mut().line_of(start);
        let (several, terminated) = breaks.borrow().inside(csv.position().byte());
        let cut = if several {
            stray_quote::swallowed(record_buf, table.width, self.delimiter, !terminated)
        } else {
            None
        };
        match cut {
            Some(cut) => recover(self, record_buf, cut, line, sink),
            None => deliver(record_buf, line, table, at, sink),
        }
        true
    }
}

/// Reports the row whose cell swallowed the lines after it, reads the swallowed lines again
/// (split at the file's delimiter), and reports the line where the quote closed.
fn recover(
    body: &Body<'_>,
    record: &csv::ByteRecord,
    cut: stray_quote::Swallowed,
    line: u64,
    sink: &mut dyn RowSink,
) {
    let (table, at) = (body.table, body.at);
    let swallowed = cut.whole as u64 + u64::from(cut.closing.is_some());
    let problem = DataProblem {
        code: Code::DataRaggedRow,
        severity: Severity::Error,
        message: crate::tr!(
            "data-this-cell-opens-quoted-value",
            value = crate::suggest::plural(swallowed as usize, "line")
        ),
        help: Some(crate::tr!("data-remove-stray-quote-whole-cell")),
        location: DataLocation {
            line,
            column: cut.field as u32 + 1,
            ..at.clone()
        },
        field: None,
        row: true,
    };
    reject(
        CsvFields::Record(&cut.row),
        utf8_text(&cut.row),
        problem,
        table,
        sink,
    );
    // Inside the quoted cell no line holds a quote of its own (a `"` there ended the cell), so
    // each line splits at its delimiters.
    for (offset, bytes) in cut.lines(record) {
        let again = stray_quote::split_plain(bytes, body.delimiter);
        deliver(&again, line + offset, table, at, sink);
    }
    if let Some(offset) = cut.closing {
        sink.bad_row(DataProblem {
            code: Code::DataRaggedRow,
            severity: Severity::Error,
            message: crate::tr!("data-this-line-closes-quote-opened", line = line),
            help: Some(crate::tr!("data-fix-stray-line-line", line = line)),
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
    table: &Table<'_>,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    if is_blank(record_buf.iter()) {
        return;
    }
    let record = CsvFields::Record(record_buf);
    if record_buf.len() != table.width {
        reject_ragged(record, utf8_text(record_buf), line, table, at, sink);
        return;
    }
    let Some(text) = utf8_text(record_buf) else {
        sink.bad_row(DataProblem {
            row: true,
            ..not_utf8(at, line)
        });
        return;
    };
    hand_on(text, record, line, table, sink);
}

/// Checks the shape of a plain line (UTF-8, split at `bounds`) and hands it on as a row, as
/// [`deliver`] does a record.
#[inline]
fn deliver_line(
    text: &str,
    bounds: &[(u32, u32)],
    line: u64,
    table: &Table<'_>,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    let bytes = text.as_bytes();
    if is_blank(bounds.iter().map(|&(a, b)| &bytes[a as usize..b as usize])) {
        return;
    }
    let record = CsvFields::Line(bounds);
    if bounds.len() != table.width {
        reject_ragged(record, Some(text), line, table, at, sink);
        return;
    }
    hand_on(text, record, line, table, sink);
}

/// A blank line, or a row of empty cells (as spreadsheets save them): passed over.
#[inline]
fn is_blank<'c>(mut cells: impl Iterator<Item = &'c [u8]>) -> bool {
    cells.all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
}

/// Rejects a record with more or fewer cells than the header.
fn reject_ragged(
    record: CsvFields<'_>,
    text: Option<&str>,
    line: u64,
    table: &Table<'_>,
    at: &DataLocation,
    sink: &mut dyn RowSink,
) {
    let (found, width) = (record.len(), table.width);
    let problem = DataProblem {
        code: Code::DataRaggedRow,
        severity: Severity::Error,
        message: crate::tr!(
            "data-row-has-record-buf-fields",
            record_buf = found,
            width = width
        ),
        help: Some(crate::tr!("data-check-for-missing-extra-comma")),
        location: DataLocation {
            line,
            column: (found.min(width) as u32) + 1,
            ..at.clone()
        },
        field: None,
        row: true,
    };
    reject(record, text, problem, table, sink);
}

/// Hands on a record of the header's width and UTF-8 text: a totals row or a row.
#[inline]
fn hand_on(
    text: &str,
    record: CsvFields<'_>,
    line: u64,
    table: &Table<'_>,
    sink: &mut dyn RowSink,
) {
    let row = RowCells::Csv {
        text,
        record,
        columns: table.columns,
        units: table.units,
    };
    let first = (0..3).filter_map(|i| record.range(i).map(|r| &text[r]));
    if let Some(label) = totals::label(first)
        && totals::keys_empty(&row, table.fields, &label)
    {
        sink.total_row(&row, line, &label);
        return;
    }
    sink.row(&row, line);
}

/// The first non-blank records of the text `sample`: each with its line, its index among all
/// records (blank ones included) and its cells.
fn first_rows(sample: &[u8], delimiter: u8) -> Vec<(u64, usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(sample);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut index = 0;
    while rows.len() < SEARCHED_ROWS {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
        let line = record.position().map_or(1, |p| p.line());
        let cells: Vec<String> = record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push((line, index, cells));
        }
        index += 1;
    }
    rows
}

/// The delimiter whose rows hold a header naming every required field: the one the lines
/// agree on first, then `,` `;` tab `|`; the lines' choice when none does.
fn choose_delimiter(sample: &[u8], fields: &[Field]) -> u8 {
    let likely = delimiter::detect(sample);
    let names_all = |d: u8| {
        first_rows(sample, d).iter().any(|(_, _, cells)| {
            let found = columns::find(cells, fields);
            fields
                .iter()
                .zip(&found)
                .all(|(f, c)| f.optional || c.is_some())
        })
    };
    std::iter::once(likely)
        .chain(delimiter::CANDIDATES)
        .find(|d| names_all(*d))
        .unwrap_or(likely)
}

/// The bytes of record `index` of the text `sample`.
fn sample_row(sample: &[u8], delimiter: u8, index: usize) -> &[u8] {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(sample);
    let mut record = csv::ByteRecord::new();
    for _ in 0..=index {
        if !matches!(reader.read_byte_record(&mut record), Ok(true)) {
            return &[];
        }
    }
    let start = record.position().map_or(0, |p| p.byte() as usize);
    let end = reader.position().byte() as usize;
    sample.get(start..end.min(sample.len())).unwrap_or(&[])
}

fn empty_file(at: &DataLocation, fields: &[Field]) -> DataProblem {
    DataProblem {
        code: Code::DataFormat,
        severity: Severity::Error,
        message: crate::tr!("data-file-empty-no-header-row"),
        help: Some(crate::tr!(
            "data-first-line-names-columns-e",
            fields = fields
                .iter()
                .map(|f| f.name.text.as_str())
                .collect::<Vec<_>>()
                .join(",")
        )),
        location: at.clone(),
        field: None,
        row: false,
    }
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

/// Rejects a row that was split into cells (`text`: its text, when UTF-8), so what can be read
/// of it still places it.
fn reject(
    record: CsvFields<'_>,
    text: Option<&str>,
    problem: DataProblem,
    table: &Table<'_>,
    sink: &mut dyn RowSink,
) {
    match text {
        Some(text) => sink.bad_row_cells(
            problem,
            &RowCells::Csv {
                text,
                record,
                columns: table.columns,
                units: table.units,
            },
        ),
        None => sink.bad_row(problem),
    }
}

fn unreadable(at: &DataLocation, e: &std::io::Error) -> DataProblem {
    DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: crate::tr!("data-cannot-read-file-e", e = e),
        help: None,
        location: at.clone(),
        field: None,
        row: false,
    }
}

/// The problem of a CSV reading error in a piece of the file after `lfs_before` line feeds.
fn csv_error(at: &DataLocation, e: &csv::Error, lfs_before: u64) -> DataProblem {
    let line = e.position().map_or(0, |p| p.line() + lfs_before);
    DataProblem {
        code: Code::DataUnreadable,
        severity: Severity::Error,
        message: crate::tr!("data-cannot-read-rest-file-e", e = e),
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
        message: crate::tr!("data-row-not-valid-utf"),
        help: Some(crate::tr!("data-if-file-saved-as-gbk")),
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
