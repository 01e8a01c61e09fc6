//! Which character separates a text export's cells: `,` `;` tab or `|`, from the first lines.

/// The delimiters tried, in the order ties are broken.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter of the text `sample` (the start of a file): the one that splits the most of
/// its first lines into the same number (two or more) of cells. A comma when none does.
pub fn detect(sample: &[u8]) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for d in CANDIDATES {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(sample);
        let widths: Vec<usize> = reader
            .byte_records()
            .take(20)
            .map_while(Result::ok)
            .map(|r| r.len())
            .collect();
        // The last line of a sample may be cut short.
        let whole = if widths.len() > 2 {
            &widths[..widths.len() - 1]
        } else {
            &widths[..]
        };
        // The width most lines share (of two cells or more), and how many share it.
        let mut shared = (0usize, 0usize);
        for &w in whole.iter().filter(|w| **w >= 2) {
            let n = whole.iter().filter(|x| **x == w).count();
            if (n, w) > shared {
                shared = (n, w);
            }
        }
        if shared.0 > 0 && shared > (best.0, best.1) {
            best = (shared.0, shared.1, d);
        }
    }
    best.2
}

/// `;` for `--delimiter ';'`: one ASCII character, or `tab`/`\t`.
pub fn parse(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" => Ok(s.as_bytes()[0]),
        _ => Err(crate::tr!("data-s-not-delimiter-give-one", s = s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_delimiter_of_each_export() {
        assert_eq!(
            detect("编号,支援方,年度\np1,河北省,2017\n".as_bytes()),
            b','
        );
        assert_eq!(
            detect("编号;支援方;金额\np1;河北省;1,5\np2;河北省;2,5\n".as_bytes()),
            b';'
        );
        assert_eq!(detect("编号\t支援方\np1\t河北省\n".as_bytes()), b'\t');
        assert_eq!(detect("编号|支援方\np1|河北省\n".as_bytes()), b'|');
        assert_eq!(
            detect("2018年汇总表\n编号;支援方\np1;河北省\n".as_bytes()),
            b';'
        );
        assert_eq!(detect(b"id\n1\n"), b',');
        assert_eq!(parse("tab"), Ok(b'\t'));
        assert!(parse(";;").is_err());
    }
}
