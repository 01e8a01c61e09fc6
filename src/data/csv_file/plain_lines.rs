//! Plain lines read without the CSV state machine: the lines of a chunk that hold no quote, and
//! no carriage return but a CRLF's, are split at the delimiter directly, which is all the CSV
//! reader would do with them. A record that is not plain goes to the CSV reader alone, and the
//! plain lines after it are split directly again; in a chunk where such records are many, the
//! CSV reader reads the rest.

use super::{Body, csv_error, deliver_line, reader_of};
use crate::data::boundary::{Cutter, line_breaks};
use crate::data::problem::DataProblem;
use crate::data::sink::RowSink;

/// Where the reading of a chunk is: the byte, and the line breaks and line feeds before it.
#[derive(Debug, Clone, Copy)]
struct Place {
    at: usize,
    lines: u64,
    lfs: u64,
}

/// Records read by the CSV reader one by one in a chunk, beyond which the CSV reader reads
/// the rest of it once they are more than one line in [`MANY_QUOTED_PER_LINE`].
const QUOTED_ALONE: u64 = 8;
const MANY_QUOTED_PER_LINE: u64 = 8;

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
        loop {
            place = self.plain_lines(plain, place, sink);
            if place.at == text.len() {
                return Ok(());
            }
            let end = record_end(text, place.at, self.delimiter);
            quoted += 1;
            let many = quoted > QUOTED_ALONE && quoted * MANY_QUOTED_PER_LINE > place.lines - lines;
            if end == text.len() || many {
                let rest = &text[place.at..];
                return self.read_piece(rest, 0, (place.lines, place.lfs), sink);
            }
            let record = &text[place.at..end];
            self.read_piece(record, 0, (place.lines, place.lfs), sink)?;
            let (breaks, lfs) = line_breaks(record);
            place = Place {
                at: end,
                lines: place.lines + breaks,
                lfs: place.lfs + lfs,
            };
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
        let mut record = csv::ByteRecord::new();
        for _ in 0..skip {
            match csv.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(Box::new(csv_error(self.at, &e, lfs_before))),
            }
        }
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
        let mut hard = next_hard(bytes, start);
        while start < bytes.len() {
            if hard < start {
                hard = next_hard(bytes, start);
            }
            let end = split_line(bytes, start, self.delimiter, &mut bounds);
            let mut stop = end;
            if hard < end {
                // Only the CR of a CRLF is plain; it ends the last cell.
                if hard + 1 != end || bytes[hard] != b'\r' || end == bytes.len() {
                    break;
                }
                stop = hard;
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
fn next_hard(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'"', b'\r', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// Cuts the line that begins at `start` into cells at every `delimiter`: where it ends (its line
/// feed, or the end of the text), with each cell's byte range from `start` in `bounds`. Eight
/// bytes are looked at together, for the delimiters and the line feed at once.
#[inline]
fn split_line(bytes: &[u8], start: usize, delimiter: u8, bounds: &mut Vec<(u32, u32)>) -> usize {
    bounds.clear();
    let (delimiters, line_feeds) = (
        u64::from_ne_bytes([delimiter; 8]),
        u64::from_ne_bytes([b'\n'; 8]),
    );
    let mut from = start;
    let mut i = start;
    let mut cell =
        |from: usize, to: usize| bounds.push(((from - start) as u32, (to - start) as u32));
    while let Some(word) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let feeds = zero_bytes(word ^ line_feeds);
        let mut found = zero_bytes(word ^ delimiters) | feeds;
        while found != 0 {
            let bit = found.trailing_zeros();
            let at = i + bit as usize / 8;
            cell(from, at);
            if feeds >> bit & 1 == 1 {
                return at;
            }
            from = at + 1;
            found &= found - 1;
        }
        i += 8;
    }
    for (at, &b) in bytes.iter().enumerate().skip(i) {
        if b == b'\n' {
            cell(from, at);
            return at;
        }
        if b == delimiter {
            cell(from, at);
            from = at + 1;
        }
    }
    cell(from, bytes.len());
    bytes.len()
}

/// The high bit of each byte of `word` that is zero, and no other bit.
#[inline]
fn zero_bytes(word: u64) -> u64 {
    const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((word & LOW_SEVEN).wrapping_add(LOW_SEVEN)) | word | LOW_SEVEN)
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

    /// What the CSV reader and the chunk reader tell a sink of `text` (four columns, the first
    /// a key; the first `skip` records passed over), after 10 line breaks and 7 line feeds.
    fn both(text: &[u8], delimiter: u8, skip: usize) -> (Vec<String>, Vec<String>) {
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
        let (mut csv, mut chunk) = (Told::default(), Told::default());
        let reader = body
            .read_piece(text, skip, (10, 7), &mut csv)
            .map_err(|p| problem(&p));
        let plain = body
            .read_chunk(text, skip, (10, 7), &mut chunk)
            .map_err(|p| problem(&p));
        assert_eq!(reader, plain);
        (csv.0, chunk.0)
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
    fn cells_are_cut_at_every_delimiter() {
        let cut = |text: &str, start, delimiter| {
            let mut bounds = Vec::new();
            let end = split_line(text.as_bytes(), start, delimiter, &mut bounds);
            (end, bounds)
        };
        assert_eq!(
            cut("a,,bc,", 0, b','),
            (6, vec![(0, 1), (2, 2), (3, 5), (6, 6)])
        );
        assert_eq!(cut("", 0, b','), (0, vec![(0, 0)]));
        assert_eq!(cut("甲\t乙\nx", 0, b'\t'), (7, vec![(0, 3), (4, 7)]));
        // Lines longer than a word, cut inside words and at their edges, from any start.
        let line = "abcdefg,ijklmno,q,stuvwxyz0123456789,\nnext,line";
        assert_eq!(
            cut(line, 0, b','),
            (37, vec![(0, 7), (8, 15), (16, 17), (18, 36), (37, 37)])
        );
        assert_eq!(cut(line, 38, b','), (line.len(), vec![(0, 4), (5, 9)]));
        for start in 0..line.len() {
            let (end, bounds) = cut(line, start, b',');
            let text = &line[start..];
            let expected_end = text.find('\n').map_or(line.len(), |i| start + i);
            assert_eq!(end, expected_end, "from {start}");
            let mut at = 0;
            let cells: Vec<(u32, u32)> = line[start..expected_end]
                .split(',')
                .map(|c| {
                    let range = (at as u32, (at + c.len()) as u32);
                    at += c.len() + 1;
                    range
                })
                .collect();
            assert_eq!(bounds, cells, "from {start}");
        }
    }

    #[test]
    fn zero_bytes_are_found_exactly() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([1, b, 0, 0x80, b, 0xFF, 0, b]);
            let zero = b == 0;
            let expected: u64 = [false, zero, true, false, zero, false, true, zero]
                .iter()
                .enumerate()
                .map(|(i, &z)| u64::from(z) << (8 * i + 7))
                .sum();
            assert_eq!(zero_bytes(word), expected, "{b}");
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
    fn the_next_hard_byte_is_a_quote_or_a_cr() {
        assert_eq!(next_hard(b"ab\"c", 0), 2);
        assert_eq!(next_hard(b"ab\"c\r", 3), 4);
        assert_eq!(next_hard(b"abc", 1), 3);
    }
}
