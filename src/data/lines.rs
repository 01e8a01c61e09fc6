//! Line numbers of CSV records: every line break (LF, CRLF or a lone CR) that passes through the
//! reader is noted, so a record's line counts the blank lines and quoted line breaks before it.
//! A line longer than [`MAX_LINE_BYTES`] stops the reading with an error naming the limit, so a
//! file of one endless line is refused before it fills memory.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{Read, Seek, SeekFrom};
use std::rc::Rc;

/// The longest line a CSV or JSON Lines file may have: 16 MiB. Reading stops at a longer one;
/// the rows before it are checked.
pub const MAX_LINE_BYTES: u64 = 16 * 1024 * 1024;

/// Line breaks read but not yet passed, as byte ranges `(first, last)` of the stream.
#[derive(Debug, Default)]
pub struct Breaks {
    pending: VecDeque<(u64, u64)>,
    /// Line breaks passed so far.
    passed: u64,
    /// Bytes read so far.
    offset: u64,
    /// The last byte read was a CR (a CRLF may span two reads).
    after_cr: bool,
    /// Where the line being read began: just after the last break.
    line_start: u64,
    /// Line breaks seen so far, passed or not.
    seen: u64,
}

/// A reader that notes the line breaks of what passes through it.
pub struct LineReader<R> {
    inner: R,
    breaks: Rc<RefCell<Breaks>>,
}

impl<R: Read> LineReader<R> {
    pub fn new(inner: R) -> (Self, Rc<RefCell<Breaks>>) {
        Self::starting_at(inner, 0)
    }

    /// A reader of a piece of a file that begins after `lines_before` line breaks (just after
    /// the last of them): lines are numbered as in the whole file.
    pub fn starting_at(inner: R, lines_before: u64) -> (Self, Rc<RefCell<Breaks>>) {
        let breaks = Rc::new(RefCell::new(Breaks {
            passed: lines_before,
            seen: lines_before,
            ..Breaks::default()
        }));
        (
            LineReader {
                inner,
                breaks: breaks.clone(),
            },
            breaks,
        )
    }
}

impl<R: Read> Read for LineReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut b = self.breaks.borrow_mut();
        let base = b.offset;
        for i in memchr::memchr2_iter(b'\r', b'\n', &buf[..n]) {
            let at = base + i as u64;
            if buf[i] == b'\n' {
                if b.after_cr && b.pending.back().is_some_and(|&(_, last)| last + 1 == at) {
                    // The LF of a CRLF: one break.
                    if let Some(back) = b.pending.back_mut() {
                        back.1 = at;
                    }
                } else {
                    b.pending.push_back((at, at));
                }
                b.after_cr = false;
            } else {
                b.pending.push_back((at, at));
                b.after_cr = true;
            }
        }
        if n > 0 && buf[n - 1] != b'\r' {
            b.after_cr = false;
        }
        let breaks_now = b.passed + b.pending.len() as u64;
        if breaks_now != b.seen {
            b.seen = breaks_now;
            b.line_start = b.pending.back().map_or(b.line_start, |&(_, last)| last + 1);
        }
        b.offset += n as u64;
        if b.offset - b.line_start > MAX_LINE_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::tr!(
                    "data-line-seen-longer-than-mib",
                    seen = b.seen + 1,
                    MAX_LINE_BYTES = MAX_LINE_BYTES
                ),
            ));
        }
        Ok(n)
    }
}

/// Moving the reader forgets the line breaks it noted: [`Breaks::restart`] says where it is.
impl<R: Read + Seek> Seek for LineReader<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(to)
    }
}

impl Breaks {
    /// The reading starts again at byte `at`, just after `lines_before` line breaks.
    pub fn restart(&mut self, at: u64, lines_before: u64) {
        *self = Breaks {
            passed: lines_before,
            seen: lines_before,
            offset: at,
            line_start: at,
            ..Breaks::default()
        };
    }

    /// The 1-based line of a record whose reading began at byte `start`: breaks before `start`
    /// are passed, then the blank lines the reader skips.
    pub fn line_of(&mut self, start: u64) -> u64 {
        let mut first = start;
        while let Some(&(a, b)) = self.pending.front() {
            if a < start || a == first {
                first = first.max(b + 1);
                self.passed += 1;
                self.pending.pop_front();
            } else {
                break;
            }
        }
        self.passed + 1
    }

    /// For the record that ends at byte `end` (called after `line_of`): whether a line break lies
    /// inside it, and whether it ended with a line break (not at the end of the file).
    pub fn inside(&self, end: u64) -> (bool, bool) {
        let mut before = self.pending.iter().take_while(|&&(a, _)| a < end);
        let terminator = |&(a, b): &(u64, u64)| b + 1 == end || a + 1 == end;
        let Some(first) = before.next() else {
            return (false, false);
        };
        match before.last() {
            // Two or more breaks: the last may end the record, the first does not.
            Some(last) => (true, terminator(last)),
            None => (!terminator(first), terminator(first)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, starts: &[u64]) -> Vec<u64> {
        let (mut r, breaks) = LineReader::new(text.as_bytes());
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap();
        starts
            .iter()
            .map(|&s| breaks.borrow_mut().line_of(s))
            .collect()
    }

    #[test]
    fn every_line_ending_counts_once() {
        // "h\nx\n\ny\n": records start scanning at 0, 2 and 4 (before the blank line).
        assert_eq!(lines("h\nx\n\ny\n", &[0, 2, 4]), vec![1, 2, 4]);
        // CRLF: the reader stops after the CR, at the LF.
        assert_eq!(lines("h\r\nx\r\ny\r\n", &[0, 2, 5]), vec![1, 2, 3]);
        // Lone CR.
        assert_eq!(lines("h\rx\ry\r", &[0, 2, 4]), vec![1, 2, 3]);
    }
}
