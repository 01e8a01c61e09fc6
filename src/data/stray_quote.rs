//! A stray `"` in a CSV cell makes the cell run on over the lines after it; those lines are
//! found again, so each is read as its own row or reported, never lost inside one cell.

use csv::ByteRecord;

/// A cell that swallowed lines.
#[derive(Debug)]
pub struct Swallowed {
    /// The cell (0-based) where the quote opened.
    pub field: usize,
    /// The row as its own line most likely held it: the cells before that one, then the rest of
    /// the line read as cells (as if the quote were not there).
    pub row: ByteRecord,
    /// How many lines after the first the cell holds whole (read again on their own).
    pub whole: usize,
    /// The offset of the line where the quote closed, when it did: that line was read partly
    /// into the cell and partly as the row's remaining cells, so it cannot be read again.
    pub closing: Option<u64>,
}

impl Swallowed {
    /// The lines the cell holds whole, each with its offset from the row's first line.
    pub fn lines<'r>(&self, record: &'r ByteRecord) -> impl Iterator<Item = (u64, &'r [u8])> {
        let cell = record.get(self.field).unwrap_or_default();
        lines_of(cell)
            .enumerate()
            .skip(1)
            .take(self.whole)
            .map(|(i, line)| (i as u64, line))
    }
}

/// The lines a cell of `record` swallowed, when one of its cells holds line breaks and a line
/// of it reads like a row of its own (at least `width - 1` delimiters). A cell that merely holds
/// a few lines of text is left alone. `at_eof`: the record ended at the end of the file, without
/// a line break.
pub fn swallowed(
    record: &ByteRecord,
    width: usize,
    delimiter: u8,
    at_eof: bool,
) -> Option<Swallowed> {
    // Most records hold no line break at all: one fast scan decides.
    memchr::memchr2(b'\n', b'\r', record.as_slice())?;
    let delimiters = width.saturating_sub(1).max(1);
    let (field, cell) = record
        .iter()
        .enumerate()
        .find(|(_, cell)| cell.contains(&b'\n') || cell.contains(&b'\r'))?;
    let looks_like_rows = lines_of(cell)
        .skip(1)
        .any(|s| s.iter().filter(|&&b| b == delimiter).count() >= delimiters);
    if !looks_like_rows {
        return None;
    }
    let segments = lines_of(cell).count();
    let last = lines_of(cell).last().unwrap_or_default();
    // The cell ran to the end of the file when it is the row's last and either ends with a line
    // break or ends the file.
    let ran_to_end = field + 1 == record.len() && (last.is_empty() || at_eof);
    // Lines 1.. are whole, but for the last: empty (a final line break), the closing line, or —
    // when the cell ran to the end of a file without a final line break — whole too.
    let whole = if ran_to_end && !last.is_empty() {
        segments - 1
    } else {
        segments - 2
    };
    let closing = (!ran_to_end).then_some(segments as u64 - 1);
    let first = lines_of(cell).next().unwrap_or_default();
    let mut row: ByteRecord = record.iter().take(field).collect();
    row.extend(split_plain(first, delimiter).iter());
    Some(Swallowed {
        field,
        row,
        whole,
        closing,
    })
}

/// A line of cells without quotes, split at `delimiter`.
pub fn split_plain(line: &[u8], delimiter: u8) -> ByteRecord {
    line.split(|&b| b == delimiter).collect()
}

/// A cell's lines, split at LF, CRLF or a lone CR.
struct LineSplit<'a> {
    rest: Option<&'a [u8]>,
}

fn lines_of(cell: &[u8]) -> LineSplit<'_> {
    LineSplit { rest: Some(cell) }
}

impl<'a> Iterator for LineSplit<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.rest?;
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(i) => {
                let skip = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                self.rest = Some(&rest[i + skip..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(cells: &[&str]) -> ByteRecord {
        ByteRecord::from(cells.to_vec())
    }

    fn lines(s: &Swallowed, r: &ByteRecord) -> Vec<(u64, Vec<u8>)> {
        s.lines(r).map(|(i, l)| (i, l.to_vec())).collect()
    }

    #[test]
    fn a_cell_running_to_the_end_gives_back_every_line() {
        let r = record(&["p2", "a", "note,x\np3,b,1\np4,c,2\n"]);
        let s = swallowed(&r, 3, b',', false).expect("swallowed");
        assert_eq!(s.field, 2);
        assert_eq!(s.row, record(&["p2", "a", "note", "x"]));
        assert_eq!(
            lines(&s, &r),
            vec![(1, b"p3,b,1".to_vec()), (2, b"p4,c,2".to_vec())]
        );
        assert_eq!(s.closing, None);
    }

    #[test]
    fn a_file_without_a_final_line_break_keeps_its_last_line() {
        let r = record(&["p2", "a", "note\np3,b,1\np4,c,2"]);
        let s = swallowed(&r, 3, b',', true).expect("swallowed");
        assert_eq!(
            lines(&s, &r),
            vec![(1, b"p3,b,1".to_vec()), (2, b"p4,c,2".to_vec())]
        );
        assert_eq!(s.closing, None);
    }

    #[test]
    fn a_quote_closed_later_leaves_its_closing_line_out() {
        let r = record(&["p2", "a\r\np3,b,1\r\np4,c", "2"]);
        let s = swallowed(&r, 3, b',', false).expect("swallowed");
        assert_eq!(s.field, 1);
        assert_eq!(s.row, record(&["p2", "a"]));
        assert_eq!(lines(&s, &r), vec![(1, b"p3,b,1".to_vec())]);
        assert_eq!(s.closing, Some(2));
    }

    #[test]
    fn a_cell_of_a_few_lines_of_text_is_left_alone() {
        let r = record(&["p2", "第一行\n第二行", "2"]);
        assert!(swallowed(&r, 3, b',', false).is_none());
    }

    #[test]
    fn swallowed_lines_are_split_at_the_files_delimiter() {
        let r = record(&["p2", "a", "note\tx\np3\tb\t1\np4\tc\t2\n"]);
        // Cut at commas, the lines read as no rows of three cells.
        assert!(swallowed(&r, 3, b',', false).is_none());
        let s = swallowed(&r, 3, b'\t', false).expect("swallowed");
        assert_eq!(s.row, record(&["p2", "a", "note", "x"]));
        assert_eq!(split_plain(b"p3\tb\t1", b'\t'), record(&["p3", "b", "1"]));
    }
}
