//! Plain lines read without the CSV state machine: the lines of a chunk that hold no quote, and
//! no carriage return but a CRLF's, are split at the delimiter directly, which is all the CSV
//! reader would do with them. A record that is not plain is read by the CSV reader (one reader
//! a chunk, moved to each such record), and the plain lines after it are split directly again;
//! in a chunk where such records are many, the CSV reader reads the rest.

use super::cut_line::split_line;
use super::{Body, deliver_line, pass_over, reader_of};
use crate::data::boundary::{Cutter, line_breaks};
use crate::data::lines::{Breaks, LineReader};
use crate::data::problem::DataProblem;
use crate::data::sink::RowSink;
use std::cell::RefCell;
use std::io::{Cursor, SeekFrom};
use std::rc::Rc;

/// Where the reading of a chunk is: the byte, and the line breaks and line feeds before it.
#[derive(Debug, Clone, Copy)]
struct Place {
    at: usize,
    lines: u64,
    lfs: u64,
}

/// Records of a chunk read by the CSV reader one at a time before it may read the rest of the
/// chunk (see [`LINES_PER_QUOTED_RECORD`]).
const QUOTED_ALONE: u64 = 8;

/// Once more than [`QUOTED_ALONE`] records of a chunk were not plain, and there are fewer lines
/// than this for each, the CSV reader reads the rest of the chunk (a file that quotes every
/// cell).
const LINES_PER_QUOTED_RECORD: u64 = 8;

/// The CSV reader of a chunk, made at its first record that is not plain and moved to each.
struct Records<'t> {
    csv: csv::Reader<LineReader<Cursor<&'t [u8]>>>,
    breaks: Rc<RefCell<Breaks>>,
    record: csv::ByteRecord,
}

impl<'t> Records<'t> {
    fn new(text: &'t [u8], delimiter: u8) -> Self {
        let (reader, breaks) = LineReader::new(Cursor::new(text));
        // A record is a few hundred bytes: the reader reads little beyond it when moved.
        let mut csv = reader_of(delimiter, 1024, reader);
        // Headers given, so moving the reader reads none.
        csv.set_byte_headers(csv::ByteRecord::new());
        Records {
            csv,
            breaks,
            record: csv::ByteRecord::new(),
        }
    }
}

impl Body<'_> {
    /// Reads the records of a chunk's `text` (after `before` line breaks and line feeds, the first
    /// `skip` records passed over) into `sink`, as [`Body::read_piece`] does.
    pub(crate) fn read_chunk(
        &self,
        text: &[u8],
        skip: usize,
        before: (u64, u64),
        sink: &mut dyn RowSink,
    ) -> Result<(), Box<DataProblem>> {
        let plain = if self.delimiter.is_ascii() && !is_break(self.delimiter) {
            simdutf8::basic::from_utf8(text).ok()
        } else {
            None
        };
        let Some(plain) = plain else {
            return self.read_piece(text, skip, before, sink);
        };
        let at = self.after_records(text, skip, before.1)?;
        let (breaks, lfs) = line_breaks(&text[..at]);
        let lines = before.0 + breaks;
        let mut place = Place {
            at,
            lines,
            lfs: before.1 + lfs,
        };
        let mut quoted = 0;
        let mut records = None;
        loop {
            place = self.plain_lines(plain, place, sink);
            if place.at == text.len() {
                return Ok(());
            }
            quoted += 1;
            let many =
                quoted > QUOTED_ALONE && quoted * LINES_PER_QUOTED_RECORD > place.lines - lines;
            let end = if many {
                text.len()
            } else {
                record_end(text, place.at, self.delimiter)
            };
            let records = records.get_or_insert_with(|| Records::new(text, self.delimiter));
            self.read_records(records, text, place, end, sink);
            if end == text.len() {
                return Ok(());
            }
            let (breaks, lfs) = line_breaks(&text[place.at..end]);
            place = Place {
                at: end,
                lines: place.lines + breaks,
                lfs: place.lfs + lfs,
            };
        }
    }

    /// Reads the records of `text` from `place` up to byte `end` (a record boundary) with the
    /// chunk's CSV reader, as [`Body::read_piece`] reads them.
    fn read_records(
        &self,
        records: &mut Records<'_>,
        text: &[u8],
        place: Place,
        end: usize,
        sink: &mut dyn RowSink,
    ) {
        let mut position = csv::Position::new();
        position.set_byte(place.at as u64).set_line(1);
        let moved = records
            .csv
            .seek_raw(SeekFrom::Start(place.at as u64), position);
        if moved.is_err() {
            // Not met with text in memory; the CSV reader of the piece alone reads it then.
            let piece = &text[place.at..end];
            let _ = self.read_piece(piece, 0, (place.lines, place.lfs), sink);
            return;
        }
        records
            .breaks
            .borrow_mut()
            .restart(place.at as u64, place.lines);
        loop {
            // The reader may stop between the CR and the LF of a CRLF.
            let at = (records.csv.position().byte() as usize).min(end);
            if text[at..end].iter().all(|&b| b == b'\r' || b == b'\n') {
                return;
            }
            let Records {
                csv,
                breaks,
                record,
            } = records;
            if !self.next_record(csv, breaks, record, place.lfs, sink) {
                return;
            }
        }
    }

    /// Where the text after the first `skip` records of `text` (the header's, and the rows
    /// above it) begins, as the CSV reader reads them.
    fn after_records(
        &self,
        text: &[u8],
        skip: usize,
        lfs_before: u64,
    ) -> Result<usize, Box<DataProblem>> {
        if skip == 0 {
            return Ok(0);
        }
        let mut csv = reader_of(self.delimiter, 64 * 1024, text);
        pass_over(&mut csv, skip, self.at, lfs_before)?;
        let mut at = (csv.position().byte() as usize).min(text.len());
        // The reader may stop between the CR and the LF of a CRLF.
        if at > 0 && text[at - 1] == b'\r' && text.get(at) == Some(&b'\n') {
            at += 1;
        }
        Ok(at)
    }

    /// Reads the plain lines of `text` from `place` on: where the first line that is not plain
    /// begins (or the end of the text).
    fn plain_lines(&self, text: &str, place: Place, sink: &mut dyn RowSink) -> Place {
        let bytes = text.as_bytes();
        let mut bounds = Vec::with_capacity(self.table.width + 1);
        let Place {
            at: mut start,
            mut lines,
            mut lfs,
        } = place;
        let mut quote_or_cr = next_quote_or_cr(bytes, start);
        while start < bytes.len() {
            if quote_or_cr < start {
                quote_or_cr = next_quote_or_cr(bytes, start);
            }
            let end = split_line(bytes, start, self.delimiter, &mut bounds);
            let mut stop = end;
            if quote_or_cr < end {
                // Only the CR of a CRLF is plain; it ends the last cell.
                if quote_or_cr + 1 != end || bytes[quote_or_cr] != b'\r' || end == bytes.len() {
                    break;
                }
                stop = quote_or_cr;
                if let Some(last) = bounds.last_mut() {
                    last.1 = (stop - start) as u32;
                }
            }
            let line = &text[start..stop];
            deliver_line(line, &bounds, lines + 1, self.table, self.at, sink);
            lines += 1;
            lfs += 1;
            start = (end + 1).min(bytes.len());
        }
        Place {
            at: start,
            lines,
            lfs,
        }
    }
}

/// Just after the line feed that ends the record beginning at `start` (outside quotes), or the
/// end of the text.
fn record_end(text: &[u8], start: usize, delimiter: u8) -> usize {
    let mut cutter = Cutter::new(delimiter, 0);
    let mut end = start;
    while end < text.len() {
        end = memchr::memchr(b'\n', &text[end..]).map_or(text.len(), |i| end + i + 1);
        cutter.scan(&text[start..end]);
        if cutter.cut().is_some() {
            return end;
        }
    }
    text.len()
}

/// The first quote or carriage return at or after `from` (the text's length if none).
#[inline]
fn next_quote_or_cr(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'"', b'\r', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

#[cfg(test)]
mod tests {
    use super::super::Table;
    use super::*;
    use crate::ast::{Field, Name, Type};
    use crate::data::cells::RowCells;
    use crate::data::problem::DataLocation;

    /// Everything a sink is told, written out.
    #[derive(Default)]
    struct Told(Vec<String>);

    fn cells(cells: &RowCells<'_>, width: usize) -> String {
        (0..width)
            .map(|i| format!("{:?}", cells.cell(i)))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn problem(p: &DataProblem) -> String {
        format!("{:?} {:?} {} {:?}", p.code, p.location, p.message, p.help)
    }

    impl RowSink for Told {
        fn columns(&mut self, _: Vec<u32>) {}
        fn row(&mut self, c: &RowCells<'_>, line: u64) {
            self.0.push(format!("row {line}: {}", cells(c, 4)));
        }
        fn bad_row(&mut self, p: DataProblem) {
            self.0.push(format!("bad {}", problem(&p)));
        }
        fn bad_row_cells(&mut self, p: DataProblem, c: &RowCells<'_>) {
            self.0.push(format!("bad {} {}", problem(&p), cells(c, 4)));
        }
        fn problem(&mut self, p: DataProblem) {
            self.0.push(format!("problem {}", problem(&p)));
        }
        fn total_row(&mut self, c: &RowCells<'_>, line: u64, label: &str) {
            self.0
                .push(format!("total {line} {label}: {}", cells(c, 4)));
        }
    }

    /// What `read` tells a sink through a body of four text columns (the first a key) split at
    /// `delimiter`.
    fn told(delimiter: u8, read: impl FnOnce(&Body<'_>, &mut Told)) -> Vec<String> {
        let field = |name: &str, key| Field {
            name: Name {
                text: name.into(),
                span: Default::default(),
            },
            ty: Type::Text,
            optional: true,
            key,
            time: false,
            labels: Vec::new(),
            span: Default::default(),
        };
        let fields = [
            field("id", true),
            field("a", false),
            field("b", false),
            field("c", false),
        ];
        let columns = [Some(0), Some(1), Some(2), Some(3)];
        let table = Table {
            fields: &fields,
            columns: &columns,
            units: &[],
            width: 4,
        };
        let at = DataLocation {
            file: "t.csv".into(),
            sheet: None,
            line: 0,
            column: 0,
        };
        let body = Body {
            table: &table,
            delimiter,
            at: &at,
        };
        let mut sink = Told::default();
        read(&body, &mut sink);
        sink.0
    }

    /// What the CSV reader and the chunk reader tell a sink of `text` (the first `skip` records
    /// passed over), after 10 line breaks and 7 line feeds; each ends with how the reading ended.
    fn both(text: &[u8], delimiter: u8, skip: usize) -> (Vec<String>, Vec<String>) {
        let ended =
            |r: Result<(), Box<DataProblem>>| format!("ended {:?}", r.map_err(|p| problem(&p)));
        let csv = told(delimiter, |body, sink| {
            let read = body.read_piece(text, skip, (10, 7), sink);
            sink.0.push(ended(read));
        });
        let chunk = told(delimiter, |body, sink| {
            let read = body.read_chunk(text, skip, (10, 7), sink);
            sink.0.push(ended(read));
        });
        (csv, chunk)
    }

    /// A file of 3,000 lines: a title and a header, then plain lines between quoted cells that
    /// hold line breaks (now and then, in runs of 20, and the rest of the file quoted in every
    /// cell), lone CRs, a quote inside an unquoted cell, blank and ragged lines, totals rows and,
    /// when `damaged`, a line that is not UTF-8.
    fn mixed_file(nl: &str, d: char, damaged: bool) -> Vec<u8> {
        let mut out = format!("项目表{nl}id{d}a{d}b{d}c{nl}").into_bytes();
        let mut g = 7u64;
        for i in 0..3_000u64 {
            g = g
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = (g >> 33) % 60;
            let line = match (i, pick) {
                (1_000..=1_019, _) => format!("Q{i}{d}\"连续{nl}引用\"{d}1{d}2"),
                (2_500.., _) => format!("\"R{i}\"{d}\"x\"{d}\"1\"{d}\"2\""),
                (_, 0) => format!("Q{i}{d}\"第一行{nl}第二行{d}\"\"引号\"\"\"{d}1{d}2"),
                (_, 1) => format!("C{i}{d}一个\r回车{d}1{d}2"),
                (_, 2) => format!("U{i}{d}未加\"引号{d}1{d}2"),
                (_, 3) => String::new(),
                (_, 4) => format!("G{i}{d}多{d}余{d}的{d}格"),
                (_, 5) => format!("小计{d}{d}{d}9"),
                _ => format!("P{i}{d}甲乙{d}{}{d}{}", g % 1000, g % 7),
            };
            out.extend_from_slice(line.as_bytes());
            if damaged && i == 1_700 {
                out.extend_from_slice(b"\xff");
            }
            out.extend_from_slice(nl.as_bytes());
        }
        out
    }

    #[test]
    fn a_file_read_chunk_by_chunk_reads_as_the_csv_reader_reads_it_whole() {
        let shapes = [
            ("\n", ',', false),
            ("\r\n", ',', false),
            ("\n", '\t', false),
            ("\r\n", ',', true),
        ];
        for (nl, d, damaged) in shapes {
            let text = mixed_file(nl, d, damaged);
            let delimiter = d as u8;
            let whole = told(delimiter, |body, sink| {
                let read = body.read_piece(&text[..], 2, (0, 0), sink);
                assert!(read.is_ok());
            });
            assert!(whole.len() > 2_900, "{} rows and problems", whole.len());
            for block in [300, 2_048, 1 << 20] {
                let chunks = told(delimiter, |body, sink| {
                    let (sample, rest) = text.split_at(40);
                    let rest: Box<dyn std::io::Read> =
                        Box::new(std::io::Cursor::new(rest.to_vec()));
                    let read = super::super::chunked::read_here(
                        sample.to_vec(),
                        rest,
                        2,
                        body,
                        block,
                        sink,
                    );
                    assert!(read.is_ok());
                });
                let at = whole.iter().zip(&chunks).position(|(a, b)| a != b);
                assert!(
                    at.is_none() && whole.len() == chunks.len(),
                    "{nl:?} {d:?} (damaged: {damaged}) in blocks of {block}: first difference at \
                     {at:?}: {:?} against {:?}",
                    at.map(|i| &whole[i]),
                    at.map(|i| &chunks[i])
                );
            }
        }
    }

    #[test]
    fn chunks_tell_the_sink_what_the_csv_reader_tells_it() {
        // Texts from pieces that are plain, or anything but: quotes, CRs, blank and ragged lines,
        // totals, bytes that are not UTF-8.
        const PIECES: [&str; 16] = [
            "a",
            "甲乙",
            ",",
            ",",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "\"",
            "\"\"",
            " ",
            "x,y,z\n",
            "小计",
            "合计,,",
            "\t",
            "1,2,3,4\n",
        ];
        let mut seed = 12_345u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for case in 0..4_000 {
            let mut text = Vec::new();
            let plain = case % 2 == 0;
            for _ in 0..next(40) {
                let piece = PIECES[next(PIECES.len())];
                if plain && (piece.contains('"') || piece == "\r") {
                    continue;
                }
                text.extend_from_slice(piece.as_bytes());
            }
            if case % 97 == 0 {
                text.push(0xFF);
            }
            let delimiter = if case % 5 == 0 { b'\t' } else { b',' };
            let (csv, chunk) = both(&text, delimiter, case % 3);
            assert_eq!(csv, chunk, "{:?}", String::from_utf8_lossy(&text));
        }
    }

    #[test]
    fn a_record_ends_at_its_first_line_feed_outside_quotes() {
        let text = b"a,b\n1,\"x\ny\"\"\n\",2\n3,4\n";
        assert_eq!(record_end(text, 0, b','), 4);
        assert_eq!(record_end(text, 4, b','), 17);
        // A quote left open: the record takes the rest of the text.
        let open = b"1,\"open\n2,3\n";
        assert_eq!(record_end(open, 0, b','), open.len());
        assert_eq!(record_end(b"1,2", 0, b','), 3);
    }

    #[test]
    fn the_next_quote_or_cr_is_found() {
        assert_eq!(next_quote_or_cr(b"ab\"c", 0), 2);
        assert_eq!(next_quote_or_cr(b"ab\"c\r", 3), 4);
        assert_eq!(next_quote_or_cr(b"abc", 1), 3);
    }
}
