//! Workbooks held in memory (`Data::xlsx_bytes`: a file picked in a browser, an upload) are read
//! exactly as the same files on disk, through the same checks; and a workbook whose part claims
//! to unpack to more than 1 GiB (a zip bomb) is refused before anything is unpacked, from a
//! file and from memory.

use duikou::{Data, Report, RuleSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data_cases")
        .join(name)
}

/// The report without the data source's name (a path on disk, a name in memory) and hashes.
fn placeless(report: &Report, file: &str, name: &str) -> String {
    let mut json = serde_json::to_value(report).unwrap();
    json["receipt"] = serde_json::Value::Null;
    serde_json::to_string(&json).unwrap().replace(file, name)
}

#[test]
fn a_workbook_in_memory_gives_the_report_of_the_same_file() {
    let dir = case("xlsx_first_sheet");
    let rules = RuleSet::load(&[dir.join("rules.dk")]);
    let path = dir.join("data/project.xlsx");
    let on_disk = rules.check(&Data::new().file("project", &path)).unwrap();
    let bytes: Arc<[u8]> = std::fs::read(&path).unwrap().into();
    let in_memory = rules
        .check(&Data::new().xlsx_bytes("project", "project.xlsx", bytes))
        .unwrap();
    assert!(on_disk.summary.rows_checked > 0);
    assert_eq!(
        placeless(&on_disk, &path.display().to_string(), "project.xlsx"),
        placeless(&in_memory, "project.xlsx", "project.xlsx")
    );
}

#[test]
fn a_sheet_of_a_workbook_in_memory_is_named_after_a_hash() {
    let dir = case("xlsx_second_sheet");
    let rules = RuleSet::load(&[dir.join("rules.dk")]);
    let path = dir.join("data/book.xlsx");
    let on_disk = rules
        .check(&Data::new().file("project", format!("{}#Sheet2", path.display())))
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let in_memory = rules
        .check(&Data::new().xlsx_bytes("project", "book.xlsx#Sheet2", bytes))
        .unwrap();
    assert!(in_memory.summary.rows_read > 0);
    assert_eq!(
        placeless(&on_disk, &path.display().to_string(), "book.xlsx"),
        placeless(&in_memory, "book.xlsx", "book.xlsx")
    );
    let missing = rules
        .check(&Data::new().xlsx_bytes("project", "book.xlsx#Nope", std::fs::read(&path).unwrap()))
        .unwrap();
    assert_eq!(
        missing.rejected[0].message,
        "the workbook has no sheet `Nope`"
    );
}

#[test]
fn bytes_that_are_no_workbook_are_reported_not_read() {
    let rules = RuleSet::load(&[case("xlsx_first_sheet").join("rules.dk")]);
    let report = rules
        .check(&Data::new().xlsx_bytes("project", "p.xlsx", b"PK\x03\x04 no".to_vec()))
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].code, "duikou::data::format");
    assert!(
        report.rejected[0]
            .message
            .starts_with("cannot open the workbook"),
        "{}",
        report.rejected[0].message
    );
    assert_eq!(report.summary.files_failed, 1);
}

/// A small valid workbook (stored, not deflated) of a `project` sheet.
fn workbook() -> Vec<u8> {
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>p1</t></is></c></row></sheetData></worksheet>"#,
        ),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// `book` with the unpacked size its zip headers give for `part` set to `size`.
fn claiming(mut book: Vec<u8>, part: &str, size: u32) -> Vec<u8> {
    let u16_at = |b: &[u8], i: usize| usize::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let mut patched = 0;
    let mut i = 0;
    while i + 4 <= book.len() {
        // (where the unpacked size is, where the name is, where its length is)
        let (size_at, name_at, len_at) = match &book[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => (22, 30, 26),
            [0x50, 0x4b, 0x01, 0x02] => (24, 46, 28),
            _ => {
                i += 1;
                continue;
            }
        };
        let len = u16_at(&book, i + len_at);
        if book.get(i + name_at..i + name_at + len) == Some(part.as_bytes()) {
            book[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
        i += 4;
    }
    assert_eq!(patched, 2, "the local and the central header of `{part}`");
    book
}

/// A 1 KB workbook whose sheet claims to unpack to 4 GB is refused, naming the limit, before
/// anything is unpacked: from a file on the command line and from memory in the library.
#[test]
fn a_zip_bomb_workbook_is_refused_with_the_limit_named() {
    let small = workbook();
    let rules = RuleSet::from_sources(vec![(
        "r.dk".into(),
        "record project { id: text key }\nrule 有编号 { over project require id != \"\" }\n".into(),
    )]);
    let fine = rules
        .check(&Data::new().xlsx_bytes("project", "p.xlsx", small.clone()))
        .unwrap();
    assert_eq!(fine.summary.rows_checked, 1, "{:?}", fine.rejected);
    let bomb = claiming(small, "xl/worksheets/sheet1.xml", 0xFFFF_0000);
    assert!(bomb.len() < 4096);
    let expected = "the workbook is refused: its part `xl/worksheets/sheet1.xml` unpacks to 4294901760 bytes, more than the 1 GiB (1073741824 bytes) a part may have";
    let report = rules
        .check(&Data::new().xlsx_bytes("project", "bomb.xlsx", bomb.clone()))
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].code, "duikou::data::format");
    assert_eq!(report.rejected[0].message, expected);
    assert_eq!(report.summary.files_failed, 1);

    let dir = std::env::temp_dir().join(format!("duikou-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("r.dk"), "record project { id: text key }\n").unwrap();
    std::fs::write(dir.join("bomb.xlsx"), &bomb).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duikou"))
        .args(["check", "r.dk", "--data", "project=bomb.xlsx"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("duikou::data::format"), "{text}");
    assert!(text.contains("unpacks to 4294901760 bytes"), "{text}");
}
