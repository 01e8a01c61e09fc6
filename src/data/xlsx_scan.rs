//! A first pass over one worksheet's XML, before calamine reads its cells: every cell reference
//! is checked against Excel's limits (a column past `XFD` would overflow the reader), and the
//! merged ranges and the formulas without a saved value are collected.

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Read, Seek};

/// Excel's last row and column (`XFD1048576`): references beyond them are refused.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;
/// At most this many merged ranges are read from one sheet.
pub const MAX_MERGES: usize = 100_000;
/// The most bytes one part of a workbook (a sheet's XML, the shared strings) may unpack to:
/// 1 GiB. A part that claims more is refused before it is read, and a sheet is read no further.
pub const MAX_PART_BYTES: u64 = 1 << 30;

/// Refuses a workbook any part of which claims to unpack to more than [`MAX_PART_BYTES`]: a
/// zip bomb (a tiny file claiming a huge sheet) is refused before anything is unpacked.
pub fn check_sizes<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<(), String> {
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| e.to_string())?;
        if part.size() > MAX_PART_BYTES {
            return Err(crate::tr!(
                "data-part-too-large",
                part = part.name(),
                size = part.size(),
                max = MAX_PART_BYTES
            ));
        }
    }
    Ok(())
}

/// A reader that fails once more than `left` bytes have passed through it.
struct Bounded<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self.left.checked_sub(n as u64).ok_or_else(|| {
            std::io::Error::other(crate::tr!("data-part-unpacks-too-much", max = self.limit))
        })?;
        Ok(n)
    }
}

/// A rectangle of cells, 0-based and inclusive: (first row, first column, last row, last column).
pub type Area = (u32, u32, u32, u32);

/// What the first pass found in a sheet.
#[derive(Debug, Default)]
pub struct SheetScan {
    pub merges: Vec<Area>,
    /// Formula cells with no saved value, by (row, column), with their formula.
    pub uncomputed: HashMap<(u32, u32), String>,
}

/// The zip path of each sheet, by name, from `xl/workbook.xml` and its relationships.
pub fn sheet_paths<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Vec<(String, String)>, String> {
    let mut ids = Vec::new();
    each_element(zip, "xl/workbook.xml", |e| {
        if e.local_name().as_ref() == b"sheet" {
            let name = attr(e, b"name");
            let id = attr(e, b"id");
            if let (Some(n), Some(i)) = (name, id) {
                ids.push((n, i));
            }
        }
        Ok(())
    })?;
    let mut targets = HashMap::new();
    each_element(zip, "xl/_rels/workbook.xml.rels", |e| {
        if let (Some(id), Some(t)) = (attr(e, b"Id"), attr(e, b"Target")) {
            targets.insert(id, t);
        }
        Ok(())
    })?;
    Ok(ids
        .into_iter()
        .filter_map(|(name, id)| {
            let t = targets.get(&id)?;
            let path = match t.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{t}"),
            };
            Some((name, path))
        })
        .collect())
}

/// Scans the sheet at `path`: an `Err` names the first reference beyond Excel's limits (or XML
/// that cannot be read).
pub fn scan<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, path: &str) -> Result<SheetScan, String> {
    scan_at_most(zip, path, MAX_PART_BYTES)
}

/// [`scan`], reading at most `limit` unpacked bytes of the sheet (whatever its size claims).
fn scan_at_most<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    path: &str,
    limit: u64,
) -> Result<SheetScan, String> {
    let file = zip
        .by_name(path)
        .map_err(|e| crate::tr!("data-sheet-path-cannot-read-e", path = path, e = e))?;
    let bounded = Bounded {
        inner: file,
        left: limit,
        limit,
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(bounded));
    let mut scanner = Scanner::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| crate::tr!("data-sheet-s-xml-cannot-read", e = e))?;
        match event {
            Event::Start(ref e) => scanner.start(e, false)?,
            Event::Empty(ref e) => scanner.start(e, true)?,
            Event::Text(t) => {
                let text = t.decode().map(|s| s.into_owned()).unwrap_or_default();
                scanner.text(&text);
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    scanner.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => scanner.end(e.local_name().as_ref()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(scanner.out)
}

/// The state of a scan: where the next cell without a reference is, and the cell being read.
#[derive(Default)]
struct Scanner {
    out: SheetScan,
    row: u32,
    col: u32,
    /// The current cell: its place, its formula, and whether a value was saved.
    cell: Option<((u32, u32), Option<String>, bool)>,
    in_formula: bool,
    in_value: bool,
}

impl Scanner {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), String> {
        match e.local_name().as_ref() {
            b"row" => {
                if let Some(r) = attr(e, b"r") {
                    self.row = row_number(&r)?;
                    self.col = 0;
                }
            }
            b"c" => {
                let at = match attr(e, b"r") {
                    Some(r) => reference(&r)?,
                    None => (self.row, self.col),
                };
                self.row = at.0;
                self.col = at.1.saturating_add(1);
                self.cell = (!empty).then_some((at, None, false));
            }
            b"f" => {
                if let Some(r) = attr(e, b"ref") {
                    area(&r)?;
                }
                if let Some(c) = &mut self.cell {
                    c.1.get_or_insert_with(String::new);
                }
                self.in_formula = !empty;
            }
            b"v" | b"is" => self.in_value = !empty,
            b"dimension" => {
                if let Some(r) = attr(e, b"ref") {
                    area(&r)?;
                }
            }
            b"mergeCell" => {
                if let Some(r) = attr(e, b"ref") {
                    if self.out.merges.len() >= MAX_MERGES {
                        return Err(crate::tr!(
                            "data-sheet-has-more-than-max",
                            MAX_MERGES = MAX_MERGES
                        ));
                    }
                    self.out.merges.push(area(&r)?);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if let Some(c) = &mut self.cell {
            if self.in_formula {
                c.1.get_or_insert_with(String::new).push_str(text);
            } else if self.in_value && !text.is_empty() {
                c.2 = true;
            }
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"f" => self.in_formula = false,
            b"v" | b"is" => self.in_value = false,
            b"c" => {
                if let Some((at, Some(f), false)) = self.cell.take() {
                    self.out.uncomputed.insert(at, f);
                }
            }
            b"row" => {
                self.row = self.row.saturating_add(1);
                self.col = 0;
            }
            _ => {}
        }
    }
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == key).then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn each_element<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    path: &str,
    mut visit: impl FnMut(&BytesStart<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let file = zip
        .by_name(path)
        .map_err(|e| crate::tr!("data-path-cannot-read-e", path = path, e = e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(file));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => visit(&e)?,
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return Err(crate::tr!(
                    "data-path-not-readable-xml-e",
                    path = path,
                    e = e
                ));
            }
        }
    }
}

/// A row number (`12`) within Excel's limits, 0-based.
fn row_number(s: &str) -> Result<u32, String> {
    let n: u32 = (s.len() <= 7)
        .then(|| s.parse().ok())
        .flatten()
        .filter(|n| (1..=MAX_ROWS).contains(n))
        .ok_or_else(|| {
            crate::tr!(
                "data-row-number-shown-beyond-excel",
                shown = shown(s),
                MAX_ROWS = MAX_ROWS
            )
        })?;
    Ok(n - 1)
}

/// A cell reference (`B12`, `XFD1048576`) within Excel's limits, as 0-based (row, column).
pub fn reference(s: &str) -> Result<(u32, u32), String> {
    let split = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let (letters, digits) = s.split_at(split);
    let beyond = || {
        crate::tr!(
            "data-cell-reference-shown-beyond-excel",
            shown = shown(s),
            MAX_COLUMNS = MAX_COLUMNS
        )
    };
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return Err(if letters.len() > 3 {
            beyond()
        } else {
            crate::tr!("data-shown-not-cell-reference", shown = shown(s))
        });
    }
    let col = letters.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    if col > MAX_COLUMNS {
        return Err(beyond());
    }
    Ok((row_number(digits)?, col - 1))
}

/// A range (`A1:C3`) or a single cell, checked like `reference`.
fn area(s: &str) -> Result<Area, String> {
    let (a, b) = s.split_once(':').unwrap_or((s, s));
    let (r0, c0) = reference(a)?;
    let (r1, c1) = reference(b)?;
    Ok((r0.min(r1), c0.min(c1), r0.max(r1), c0.max(c1)))
}

/// A reference as quoted in a message: at most 24 characters of it.
fn shown(s: &str) -> String {
    if s.chars().count() <= 24 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(24).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_within_excel_limits() {
        assert_eq!(reference("A1"), Ok((0, 0)));
        assert_eq!(reference("XFD1048576"), Ok((1_048_575, 16_383)));
        assert!(reference("XFE1").unwrap_err().contains("last column"));
        assert!(reference("AAAAAAAAA1").unwrap_err().contains("last column"));
        assert!(reference("A1048577").unwrap_err().contains("last row"));
        assert!(reference("A99999999999").is_err());
        assert!(reference("1").is_err());
        assert_eq!(area("B2:A1"), Ok((0, 0, 1, 1)));
    }

    /// A sheet is read no further than the limit, whatever size its part claims.
    #[test]
    fn a_sheet_is_read_no_further_than_the_limit() {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("s.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let cells = "<c r=\"A1\"><v>1</v></c>".repeat(100);
        write!(
            zip,
            "<worksheet><sheetData><row r=\"1\">{cells}</row></sheetData></worksheet>"
        )
        .unwrap();
        zip.finish().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.into_inner())).unwrap();
        assert!(check_sizes(&mut zip).is_ok());
        assert!(scan_at_most(&mut zip, "s.xml", 1 << 20).is_ok());
        let e = scan_at_most(&mut zip, "s.xml", 1000).unwrap_err();
        assert!(e.contains("unpacks to more than 1000 bytes"), "{e}");
    }
}
