//! Reading a large CSV file in chunks on several threads gives byte for byte the report of one
//! thread: on generated data with rejected rows, quoted line breaks across chunk boundaries,
//! duplicate keys in different chunks, totals rows, CRLF line endings, and a quote left open that
//! swallows the rest of the file; and on files of plain lines (split without the CSV reader)
//! between blank, ragged, quoted and damaged ones.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const RULES: &str = r#"
program 援疆 { title: "对口支援新疆", since: 2010 }
record project {
  id: text key
  supporter: actor
  recipient: actor
  year: year time
  category: text
  note: text?
  planned: money(万元)
  spent: money(万元)
  completed: bool
}
actor 北京 { kind: government, level: province }
actor 上海 { kind: government, level: province }
actor 广东 { kind: government, level: province }
actor 喀什地区 { kind: government, level: prefecture }
actor 和田地区 { kind: government, level: prefecture }
rule 不超支 "支出不超过计划的 110%" {
  over project
  forbid spent > planned * 110%
}
rule 完成 { over project  require not completed or spent >= planned * 90% }
rule 年度投入 {
  over project
  per supporter, recipient, year
  require sum(planned) >= 300万元 and count() >= 3
}
rule 项目类别 {
  over project
  per supporter, year
  require distinct(category) >= 3 and min(planned) >= 1万元 and max(spent) <= 900万元
}
"#;

const SUPPORTERS: [&str; 3] = ["北京", "上海", "广东"];
const RECIPIENTS: [&str; 2] = ["喀什地区", "和田地区"];
const CATEGORIES: [&str; 5] = ["教育", "医疗", "产业", "住房", "就业"];

/// A small deterministic generator of numbers.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// What the generated file holds besides ordinary rows.
#[derive(Clone, Copy)]
struct Shape {
    rows: usize,
    seed: u64,
    crlf: bool,
    /// A cell of this many bytes of quoted lines, in the middle of the file.
    long_quoted: usize,
    /// A quote opened and never closed, this many rows before the end.
    open_quote_at: Option<usize>,
    /// Keys in order, and a rejected row and a totals row only every 20,000 rows: most chunks
    /// have every row accepted and are handed to the checking thread whole.
    clean: bool,
}

/// One row; every so often a rejected, duplicate, quoted or totals row instead.
fn row(out: &mut String, i: usize, g: &mut Lcg, shape: &Shape) {
    let nl = if shape.crlf { "\r\n" } else { "\n" };
    let id = match g.next(997) {
        _ if shape.clean => format!("P{i:06}"),
        // A key seen in an earlier chunk (out of order: keys are checked with fingerprints).
        0 => format!("P{:06}", g.next(i as u64 + 1)),
        // The key of the row before: a duplicate in order.
        1 if i > 0 => format!("P{:06}", i - 1),
        _ => format!("P{i:06}"),
    };
    let supporter = SUPPORTERS[g.next(3) as usize];
    let recipient = RECIPIENTS[g.next(2) as usize];
    let year = 2018 + g.next(5);
    let category = CATEGORIES[g.next(5) as usize];
    let planned = 1 + g.next(400);
    let spent = planned * (70 + g.next(50)) / 100;
    let completed = if g.next(2) == 0 { "是" } else { "否" };
    let note = match g.next(40) {
        0 => format!("\"第一行{nl}第二行，含逗号{nl}\"\"引号\"\"\""),
        1 => "普通备注".to_string(),
        _ => String::new(),
    };
    // Now and then an amount at the edge of what a decimal holds: the totals rows' sums of
    // them cannot all be computed, the same way whatever the chunks.
    let spent = match g.next(5000) {
        0 => "7922816251426433759354395".to_string(),
        1 => "-7922816251426433759354395".to_string(),
        _ => spent.to_string(),
    };
    let planned = match g.next(500) {
        _ if shape.clean && i % 20_000 == 1234 => "很多".to_string(),
        _ if shape.clean => planned.to_string(),
        0 => "很多".to_string(),
        1 => String::new(),
        _ => planned.to_string(),
    };
    let _ = write!(
        out,
        "{id},{supporter},{recipient},{year},{category},{note},{planned},{spent},{completed}"
    );
    if g.next(800) == 0 && !shape.clean {
        out.push_str(",多余");
    }
    out.push_str(nl);
    let subtotal = if shape.clean {
        i % 20_000 == 9_999
    } else {
        g.next(3000) == 0
    };
    if subtotal {
        let _ = write!(out, "小计,,,,,,1234,5678,{nl}");
    }
}

/// The generated CSV text.
fn generate(shape: &Shape) -> String {
    let nl = if shape.crlf { "\r\n" } else { "\n" };
    let mut g = Lcg(shape.seed);
    let mut out =
        format!("项目表{nl}id,supporter,recipient,year,category,note,planned,spent,completed{nl}");
    for i in 0..shape.rows {
        if i == shape.rows / 2 && shape.long_quoted > 0 {
            let line = format!("很长的备注，一行又一行{nl}");
            let cell = line.repeat(shape.long_quoted / line.len() + 1);
            let _ = write!(
                out,
                "L{i:06},北京,喀什地区,2020,教育,\"{cell}\",10,10,是{nl}"
            );
        }
        if shape.open_quote_at == Some(shape.rows - i) {
            let _ = write!(
                out,
                "Q{i:06},北京,喀什地区,2020,教育,\"没有闭合,10,10,是{nl}"
            );
        }
        row(&mut out, i, &mut g, shape);
    }
    let _ = write!(out, "合计,,,,,,1,2,{nl}");
    out
}

/// A fresh folder for one case's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-chunks-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// The report of `duikou check` with `threads` threads, and its exit code.
fn report(dir: &Path, format: &str, threads: usize) -> (Vec<u8>, i32) {
    let rules = dir.join("rules.dk");
    let data = format!("project={}", dir.join("project.csv").display());
    let threads = threads.to_string();
    let o = common::duikou(&[
        "check",
        rules.to_str().expect("utf-8 path"),
        "--data",
        &data,
        "--format",
        format,
        "--all",
        "--max-errors",
        "100000",
        "--threads",
        &threads,
    ]);
    assert!(
        o.status.code().is_some_and(|c| c <= 2),
        "exit {:?}: {}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
            .chars()
            .take(2000)
            .collect::<String>()
    );
    (o.stdout, o.status.code().unwrap_or(-1))
}

/// Checks that 2 and 3 threads give the report of 1, in JSON and as text.
fn same_whatever_the_threads(name: &str, shape: Shape) {
    let text = generate(&shape);
    let holds = [
        ("\"violation\"", "findings"),
        ("duplicate key", "duplicate keys"),
        ("很多", "rejected cells"),
        ("合计", "totals rows"),
        (
            "more digits than a decimal holds",
            "sums too large to compare",
        ),
    ];
    same_report(name, text.as_bytes(), &holds);
}

/// Checks that 2 and 3 threads give the report of 1 on `data`, in JSON and as text; the JSON
/// report holds each of `holds` (text, what it shows the data has).
fn same_report(name: &str, data: &[u8], holds: &[(&str, &str)]) {
    let dir = folder(name);
    std::fs::write(dir.join("rules.dk"), RULES).expect("rules written");
    assert!(data.len() > 1 << 20, "the file spans several chunks");
    std::fs::write(dir.join("project.csv"), data).expect("data written");
    for format in ["json", "human"] {
        let one = report(&dir, format, 1);
        let json = String::from_utf8_lossy(&one.0).into_owned();
        if format == "json" {
            // The data really has what the case is about.
            for (text, what) in holds {
                assert!(json.contains(text), "{name}: {what}");
            }
        }
        for threads in [2, 3] {
            let many = report(&dir, format, threads);
            assert!(
                one == many,
                "{name}: {format} with {threads} threads differs from one thread:\n{}",
                first_difference(&json, &String::from_utf8_lossy(&many.0))
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The lines around the first line where two large reports differ (a full diff of reports this
/// size would not fit in memory).
fn first_difference(expected: &str, actual: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .unwrap_or(0);
    let around = |lines: &[&str]| {
        lines[at.saturating_sub(3).min(lines.len())..(at + 4).min(lines.len())].join("\n")
    };
    format!(
        "line {}:\n--- one thread\n{}\n+++ more\n{}",
        at + 1,
        around(&a),
        around(&b)
    )
}

/// Plain lines (no quote) between the lines the CSV reader must read: blank ones, rows of empty
/// cells, ragged rows, quoted cells holding line breaks (now and then, and a run of them), a
/// quote inside an unquoted cell, a lone CR, a byte that is not UTF-8, totals rows; the last
/// line without a line break.
fn plain_lines(rows: usize, seed: u64, nl: &str, delimiter: char) -> Vec<u8> {
    let mut g = Lcg(seed);
    let d = delimiter;
    let mut out = Vec::new();
    let header = [
        "id",
        "supporter",
        "recipient",
        "year",
        "category",
        "note",
        "planned",
        "spent",
        "completed",
    ];
    out.extend_from_slice(format!("{}{nl}", header.join(&d.to_string())).as_bytes());
    for i in 0..rows {
        let supporter = SUPPORTERS[g.next(3) as usize];
        let recipient = RECIPIENTS[g.next(2) as usize];
        let planned = 1 + g.next(400);
        let spent = planned * (70 + g.next(60)) / 100;
        let completed = if g.next(2) == 0 { "是" } else { "否" };
        let quoted_run = (rows / 3..rows / 3 + 200).contains(&i);
        let note: Vec<u8> = match g.next(400) {
            _ if quoted_run => format!("\"连续{nl}引用\"").into_bytes(),
            // One chunk that is not UTF-8 (the CSV reader reads all of it).
            _ if i == rows * 2 / 3 => b"\xff\xfe".to_vec(),
            0..=5 => format!("\"第一行{nl}第二行{d}含分隔符\"").into_bytes(),
            7 => "未加引号的\"引号\"".as_bytes().to_vec(),
            8 => "一个\r回车".as_bytes().to_vec(),
            _ => Vec::new(),
        };
        let mut line = format!("P{i:06}{d}{supporter}{d}{recipient}{d}2020{d}教育{d}").into_bytes();
        line.extend_from_slice(&note);
        line.extend_from_slice(format!("{d}{planned}{d}{spent}{d}{completed}").as_bytes());
        match g.next(300) {
            0 => line.extend_from_slice(format!("{d}多余").as_bytes()),
            1 => line = format!("P{i:06}{d}{supporter}").into_bytes(),
            2 => out.extend_from_slice(nl.as_bytes()),
            3 => out.extend_from_slice(format!("   {nl}").as_bytes()),
            4 => out.extend_from_slice(format!("{}{nl}", d.to_string().repeat(8)).as_bytes()),
            5 => out.extend_from_slice(
                format!("小计{}1234{d}5678{d}{nl}", d.to_string().repeat(6)).as_bytes(),
            ),
            _ => {}
        }
        out.extend_from_slice(&line);
        if i + 1 < rows {
            out.extend_from_slice(nl.as_bytes());
        }
    }
    out
}

#[test]
fn plain_lines_give_the_same_report_whatever_the_threads() {
    let holds = [
        ("\"violation\"", "findings"),
        ("fields, the header has 9", "ragged rows"),
        ("小计", "totals rows"),
        ("not valid UTF-8", "a line that is not UTF-8"),
    ];
    for (name, nl, d) in [
        ("lf", "\n", ','),
        ("crlf", "\r\n", ','),
        ("tab", "\n", '\t'),
    ] {
        same_report(
            &format!("plain-{name}"),
            &plain_lines(30_000, 5, nl, d),
            &holds,
        );
    }
}

#[test]
fn chunks_give_the_single_thread_report() {
    same_whatever_the_threads(
        "plain",
        Shape {
            rows: 60_000,
            seed: 7,
            crlf: false,
            long_quoted: 2 << 20,
            open_quote_at: None,
            clean: false,
        },
    );
}

#[test]
fn crlf_and_a_quote_left_open() {
    same_whatever_the_threads(
        "crlf",
        Shape {
            rows: 60_000,
            seed: 11,
            crlf: true,
            long_quoted: 0,
            open_quote_at: Some(20_000),
            clean: false,
        },
    );
}

#[test]
fn chunks_of_accepted_rows_taken_whole_give_the_single_thread_report() {
    let shape = Shape {
        rows: 60_000,
        seed: 13,
        crlf: false,
        long_quoted: 0,
        open_quote_at: None,
        clean: true,
    };
    let holds = [
        ("\"violation\"", "findings"),
        ("很多", "a rejected row now and then"),
        ("小计", "totals rows"),
    ];
    let text = generate(&shape);
    assert!(!text.contains("多余"), "no ragged rows");
    same_report("whole", text.as_bytes(), &holds);
}
