//! A plain line (no quote) cut into cells: eight bytes are looked at together, for the
//! delimiters and the line feed at once, with exact bit arithmetic on `u64` words.

/// Cuts the line that begins at `start` into cells at every `delimiter`: where it ends (its line
/// feed, or the end of the text), with each cell's byte range from `start` in `bounds`. Eight
/// bytes are looked at together, for the delimiters and the line feed at once. The text is a
/// chunk, at most 8 MiB and a block long, so the ranges fit in `u32`.
#[inline]
pub(super) fn split_line(
    bytes: &[u8],
    start: usize,
    delimiter: u8,
    bounds: &mut Vec<(u32, u32)>,
) -> usize {
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
    use super::*;

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
}
