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
    /// Lines the cell swallowed whole, in order, each with its offset from the row's first line.
    pub lines: Vec<(u64, Vec<u8>)>,
    /// The offset of the line where the quote closed, when it did: that line was read partly
    /// into the cell and partly as the row's remaining cells, so it cannot be read again.
    pub closing: Option<u64>,
}

/// The lines a cell of `record` swallowed, when one of its cells holds line breaks and a line
/// of it reads like a row of its own (at least `width - 1` commas). A cell that merely holds a
/// few lines of text is left alone.
pub fn swallowed(record: &ByteRecord, width: usize) -> Option<Swallowed> {
    // Most records hold no line break at all: one fast scan decides.
    memchr::memchr2(b'\n', b'\r', record.as_slice())?;
    let commas = width.saturating_sub(1).max(1);
    let (field, cell) = record
        .iter()
        .enumerate()
        .find(|(_, cell)| cell.contains(&b'\n') || cell.contains(&b'\r'))?;
    let segments: Vec<&[u8]> = split_lines(cell);
    let looks_like_rows = segments[1..]
        .iter()
        .any(|s| s.iter().filter(|&&b| b == b',').count() >= commas);
    if !looks_like_rows {
        return None;
    }
    let last = segments.len() - 1;
    // The cell ran to the end of the file when it is the row's last and ends with a line break.
    let ran_to_end = field + 1 == record.len() && segments[last].is_empty();
    let mut lines = Vec::new();
    for (i, s) in segments.iter().enumerate().skip(1) {
        if i == last {
            break; // empty when the cell ran to the end; else the closing line
        }
        lines.push((i as u64, s.to_vec()));
    }
    let closing = (!ran_to_end).then_some(last as u64);
    let mut row: ByteRecord = record.iter().take(field).collect();
    let mut rest = ByteRecord::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(segments[0]);
    if let Ok(true) = reader.read_byte_record(&mut rest) {
        row.extend(rest.iter());
    }
    Some(Swallowed {
        row,
        field,
        lines,
        closing,
    })
}

/// The cell's lines, split at LF, CRLF or a lone CR.
fn split_lines(cell: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < cell.len() {
        match cell[i] {
            b'\n' => {
                out.push(&cell[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&cell[start..i]);
                if cell.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&cell[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(cells: &[&str]) -> ByteRecord {
        ByteRecord::from(cells.to_vec())
    }

    #[test]
    fn a_cell_running_to_the_end_gives_back_every_line() {
        let r = record(&["p2", "a", "note,x\np3,b,1\np4,c,2\n"]);
        let s = swallowed(&r, 3).expect("swallowed");
        assert_eq!(s.field, 2);
        assert_eq!(s.row, record(&["p2", "a", "note", "x"]));
        assert_eq!(
            s.lines,
            vec![(1, b"p3,b,1".to_vec()), (2, b"p4,c,2".to_vec())]
        );
        assert_eq!(s.closing, None);
    }

    #[test]
    fn a_quote_closed_later_leaves_its_closing_line_out() {
        let r = record(&["p2", "a\r\np3,b,1\r\np4,c", "2"]);
        let s = swallowed(&r, 3).expect("swallowed");
        assert_eq!(s.field, 1);
        assert_eq!(s.row, record(&["p2", "a"]));
        assert_eq!(s.lines, vec![(1, b"p3,b,1".to_vec())]);
        assert_eq!(s.closing, Some(2));
    }

    #[test]
    fn a_cell_of_a_few_lines_of_text_is_left_alone() {
        let r = record(&["p2", "第一行\n第二行", "2"]);
        assert!(swallowed(&r, 3).is_none());
    }
}
