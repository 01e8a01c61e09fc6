//! Record boundaries of CSV text, found without splitting it: the quotes are followed as the CSV
//! reader follows them (a `"` opens a quoted cell only at the start of a cell, `""` inside one
//! is a quote), so a line feed outside quotes ends a record, and the text after it can be read
//! on its own.

/// Where the scan is: outside quotes, inside a quoted cell, or just after a `"` inside one
/// (which closes the cell unless another `"` follows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Plain,
    Quoted,
    QuoteInQuoted,
}

/// Follows the quotes of a growing buffer and remembers the last record boundary in it.
#[derive(Debug)]
pub struct Cutter {
    delimiter: u8,
    state: State,
    /// Bytes of the buffer scanned so far.
    scanned: usize,
    /// Just after the last line feed outside quotes, at or after `min`.
    last: Option<usize>,
    /// No boundary before this (the end of the header's text in the first chunk).
    min: usize,
}

impl Cutter {
    /// A scan of text starting at a record, split at `delimiter`, with no boundary before
    /// `min`.
    pub fn new(delimiter: u8, min: usize) -> Self {
        Cutter {
            delimiter,
            state: State::Plain,
            scanned: 0,
            last: None,
            min,
        }
    }

    /// The last record boundary found: the text before it can be read on its own.
    pub fn cut(&self) -> Option<usize> {
        self.last
    }

    /// The buffer lost its first `n` bytes (up to the boundary [`Cutter::cut`] gave).
    pub fn moved(&mut self, n: usize) {
        self.scanned -= n;
        self.last = self.last.filter(|&l| l > n).map(|l| l - n);
        self.min = self.min.saturating_sub(n);
    }

    fn boundary(&mut self, after: usize) {
        if after >= self.min {
            self.last = Some(after);
        }
    }

    /// Scans what `buf` gained since the last call.
    pub fn scan(&mut self, buf: &[u8]) {
        let mut i = self.scanned;
        while i < buf.len() {
            match self.state {
                State::Plain => {
                    let rest = &buf[i..];
                    let Some(q) = memchr::memchr(b'"', rest) else {
                        if let Some(n) = memchr::memrchr(b'\n', rest) {
                            self.boundary(i + n + 1);
                        }
                        break;
                    };
                    if let Some(n) = memchr::memrchr(b'\n', &rest[..q]) {
                        self.boundary(i + n + 1);
                    }
                    let at = i + q;
                    // A quote opens a cell only at its start: at the start of the text, or
                    // after a delimiter or a line break.
                    let opens = at == 0 || {
                        let before = buf[at - 1];
                        before == b'\n' || before == b'\r' || before == self.delimiter
                    };
                    if opens {
                        self.state = State::Quoted;
                    }
                    i = at + 1;
                }
                State::Quoted => match memchr::memchr(b'"', &buf[i..]) {
                    Some(q) => {
                        i += q + 1;
                        self.state = State::QuoteInQuoted;
                    }
                    None => i = buf.len(),
                },
                State::QuoteInQuoted => {
                    if buf[i] == b'"' {
                        // `""`: a quote inside the cell.
                        self.state = State::Quoted;
                        i += 1;
                    } else {
                        self.state = State::Plain;
                    }
                }
            }
        }
        self.scanned = buf.len();
    }
}

/// The line breaks of `text` (a line feed, a carriage return with its line feed, or a lone
/// carriage return, each counted once) and its line feeds. `text` ends at a record boundary, so
/// no carriage return and line feed pair is split across it.
pub fn line_breaks(text: &[u8]) -> (u64, u64) {
    let lfs = memchr::memchr_iter(b'\n', text).count() as u64;
    let lone_crs = memchr::memchr_iter(b'\r', text)
        .filter(|&i| text.get(i + 1) != Some(&b'\n'))
        .count() as u64;
    (lfs + lone_crs, lfs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str, delimiter: u8) -> Option<usize> {
        let mut c = Cutter::new(delimiter, 0);
        c.scan(text.as_bytes());
        c.cut()
    }

    #[test]
    fn a_line_feed_inside_quotes_is_no_boundary() {
        assert_eq!(cuts("a,b\n1,\"x\ny\"", b','), Some(4));
        assert_eq!(cuts("a,b\n1,\"x\ny\"\n2", b','), Some(12));
        // `""` keeps the cell open.
        assert_eq!(cuts("1,\"x\"\"\ny\"", b','), None);
        assert_eq!(cuts("1,\"x\"\"\ny\"\n", b','), Some(10));
        // A quote inside an unquoted cell is a character.
        assert_eq!(cuts("1,x\"y\n2,z", b','), Some(6));
        // Quotes open at the start of a cell of any delimiter.
        assert_eq!(cuts("1;\"x\ny\";3", b';'), None);
        assert_eq!(cuts("1,\"x\ny\";3", b';'), Some(5));
    }

    #[test]
    fn scanning_in_pieces_is_scanning_at_once() {
        let text = b"h,i\n1,\"a\"\"\nb\"\n2,\"c\"\n3,d\"e\n";
        let whole = {
            let mut c = Cutter::new(b',', 0);
            c.scan(text);
            c.cut()
        };
        for split in 0..text.len() {
            let mut c = Cutter::new(b',', 0);
            c.scan(&text[..split]);
            c.scan(text);
            assert_eq!(c.cut(), whole, "split at {split}");
        }
    }

    #[test]
    fn line_breaks_count_crlf_once() {
        assert_eq!(line_breaks(b"a\r\nb\rc\n"), (3, 2));
    }
}
