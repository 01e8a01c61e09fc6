//! Bad data never panics and loses no row: valid CSV, JSON Lines and JSON files are mutated at
//! random (bytes deleted, duplicated, replaced or inserted — invalid UTF-8, quotes, commas,
//! newlines, BOMs, very long fields — and lines swapped) and checked; every row read must be
//! checked or rejected with a located reason.

use crate::Code;
use crate::RuleSet;
use crate::data::bind::{DataFile, Format};
use crate::engine::check::Keep;
use crate::engine::compile::Plan;
use crate::engine::run::{DataRun, Options, check_data};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

const RULES: &str = r#"
program 援疆 { since: 2010 }
program 援藏 { since: 1994 }
actor 河北省 { kind: government, level: province, aliases: ["河北", "冀"] }
actor 江苏省 { kind: government, level: province }
actor 巴州 { kind: government, level: prefecture }
pair 河北省 -> 巴州 in 援疆 from 2012 { scope: ["民生"], goal: "民生改善", responsible: 河北省 }

record item {
  id: text key
  program: program
  who: actor
  year: year time
  flag: bool
  qty: int
  ratio: decimal
  share: percent
  amount: money(万元)
  day: date
  note: text?
  extra: decimal?
}

rule big {
  over item
  forbid amount > 100万元 or qty < 0
}

rule shares {
  over item
  per who, year
  require sum(amount where flag) / sum(amount) >= 50%
}

rule spread {
  over item
  per program
  require max(ratio) - min(ratio) <= 10 and avg(extra) >= 0 and distinct(who) >= 1
}

rule noted {
  over item where note != "skip"
  require share <= 100%
}

rule paired_ok {
  over item
  require paired(who, 巴州, program)
}

rule located {
  over item
  forbid id != ""
}

rule dated {
  over item
  require day >= 2010-01-01 and ratio / extra < 100
}
"#;

const HEADER: &str = "id,program,who,year,flag,qty,ratio,share,amount,day,note,extra";
const ROWS: usize = 20;

/// The compiled rules, built once.
fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let rules = RuleSet::from_sources(vec![("rules.dk".into(), RULES.into())]);
        assert!(
            !rules.has_errors(),
            "the rule set checks: {:#?}",
            rules.diagnostics()
        );
        Plan::build(rules.symbols(), rules.sources())
    })
}

/// The cells of valid row `i`, in header order (`None`: left empty).
fn row_cells(i: usize) -> [Option<String>; 12] {
    let who = ["河北省", "江苏省", "河北", "冀"][i % 4];
    [
        Some(format!("r{i:02}")),
        Some(["援疆", "援藏"][i % 2].into()),
        Some(who.into()),
        Some(format!("{}", 2012 + i % 9)),
        Some(["true", "false", "是", "0"][i % 4].into()),
        Some(format!("{}", i as i64 - 3)),
        Some(format!("{}.5", i)),
        Some(if i % 3 == 0 {
            format!("{}%", i * 6)
        } else {
            format!("0.{i:02}")
        }),
        Some(format!("{}.25", i * 7)),
        Some(format!("20{:02}-0{}-1{}", 9 + i % 10, 1 + i % 9, i % 10)),
        (i % 3 != 1).then(|| {
            if i % 5 == 0 {
                "skip".into()
            } else {
                format!("备注{i}")
            }
        }),
        (i % 4 != 2).then(|| format!("{}.{}", i % 7, i % 10)),
    ]
}

/// Line endings a CSV file may use: Unix, Windows (as Excel writes them) and old Mac.
const ENDINGS: [&str; 3] = ["\n", "\r\n", "\r"];

fn base_csv(ending: &str) -> Vec<u8> {
    let mut s = format!("{HEADER}{ending}");
    for i in 0..ROWS {
        let cells: Vec<String> = row_cells(i)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        s.push_str(&cells.join(","));
        s.push_str(ending);
    }
    s.into_bytes()
}

fn json_object(i: usize) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (name, cell) in HEADER.split(',').zip(row_cells(i)) {
        let value = match (name, cell) {
            (_, None) if i % 2 == 0 => continue,
            (_, None) => serde_json::Value::Null,
            ("qty" | "amount", Some(c)) => c.parse::<f64>().map_or(c.into(), Into::into),
            ("flag", Some(_)) => (i % 2 == 0).into(),
            (_, Some(c)) => c.into(),
        };
        m.insert(name.into(), value);
    }
    m.into()
}

fn base_jsonl() -> Vec<u8> {
    let mut s = String::new();
    for i in 0..ROWS {
        s.push_str(&json_object(i).to_string());
        s.push('\n');
    }
    s.into_bytes()
}

fn base_json() -> Vec<u8> {
    let items: Vec<String> = (0..ROWS).map(|i| format!("  {}", json_object(i))).collect();
    format!("[\n{}\n]\n", items.join(",\n")).into_bytes()
}

/// One edit of a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, usize),
    Duplicate(Index, usize, Index),
    Replace(Index, usize, Vec<u8>),
    Insert(Index, Vec<u8>),
    SwapLines(Index, Index),
}

/// Bytes to put into a file: random bytes, the characters that matter to the formats, long runs.
fn chunk() -> impl Strategy<Value = Vec<u8>> {
    let special: Vec<&'static [u8]> = vec![
        b"\"",
        b",",
        b"\n",
        b"\r\n",
        b"\r",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xC3\x28",
        b"\xE5\xB7",
        b"\x00",
        "巴洲".as_bytes(),
        "河北".as_bytes(),
        b"null",
        b"{}",
        b"[",
        b"]",
        b"}",
        b"{\"id\": \"zz\"}",
        b"1e400",
        b"-",
        b"99999999999999999999999999999999",
        b"2017-02-30",
        b"\\u0000",
        b"\"\"",
    ];
    prop_oneof![
        4 => prop::collection::vec(any::<u8>(), 0..12),
        4 => prop::sample::select(special).prop_map(<[u8]>::to_vec),
        1 => (prop::sample::select(vec![b'x', b'9', b' ', b',', b'"', 0xE5]), 1usize..100_000)
            .prop_map(|(b, n)| vec![b; n]),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 0usize..40).prop_map(|(a, n)| Mutation::Delete(a, n)),
        1 => (any::<Index>(), 0usize..200, any::<Index>())
            .prop_map(|(a, n, b)| Mutation::Duplicate(a, n, b)),
        1 => (any::<Index>(), 0usize..8, chunk()).prop_map(|(a, n, c)| Mutation::Replace(a, n, c)),
        3 => (any::<Index>(), chunk()).prop_map(|(a, c)| Mutation::Insert(a, c)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

/// A position in `0..=len`.
fn at(i: &Index, len: usize) -> usize {
    i.index(len + 1)
}

fn apply(data: &mut Vec<u8>, m: &Mutation) {
    let len = data.len();
    match m {
        Mutation::Delete(a, n) => {
            let s = at(a, len);
            data.drain(s..(s + n).min(len));
        }
        Mutation::Duplicate(a, n, b) => {
            let s = at(a, len);
            let piece = data[s..(s + n).min(len)].to_vec();
            let t = at(b, len);
            data.splice(t..t, piece);
        }
        Mutation::Replace(a, n, c) => {
            let s = at(a, len);
            data.splice(s..(s + n).min(len), c.iter().copied());
        }
        Mutation::Insert(a, c) => {
            let s = at(a, len);
            data.splice(s..s, c.iter().copied());
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<Vec<u8>> = data
                .split_inclusive(|&b| b == b'\n')
                .map(<[u8]>::to_vec)
                .collect();
            if lines.len() >= 2 {
                let (i, j) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(i, j);
                *data = lines.concat();
            }
        }
    }
}

static CASE: AtomicUsize = AtomicUsize::new(0);

fn work_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-bad-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the work directory is created");
    dir
}

/// Writes `bytes` to a fresh file and checks it as `item` data.
fn run(bytes: &[u8], format: Format, max_errors: usize) -> DataRun {
    let ext = match format {
        Format::Csv => "csv",
        Format::Json => "json",
        Format::JsonLines => "jsonl",
        Format::Xlsx => "xlsx",
    };
    let n = CASE.fetch_add(1, Ordering::Relaxed);
    let path = work_dir().join(format!("case-{}-{n}.{ext}", std::process::id()));
    std::fs::write(&path, bytes).expect("the data file is written");
    let files = [DataFile {
        record: "item".into(),
        path: path.clone(),
        sheet: None,
        format,
        bytes: None,
    }];
    let opts = Options {
        keep: Keep::All,
        max_errors,
        ..Default::default()
    };
    let out = check_data(plan(), &files, &opts);
    let _ = std::fs::remove_file(&path);
    out
}

/// The accounting every run must satisfy, whatever the input.
fn accounts(run: &DataRun, bytes: &[u8], first_data_line: u64, max_errors: usize) {
    assert_eq!(
        run.rows_read,
        run.rows_checked + run.rows_rejected,
        "rows read = rows checked + rows rejected"
    );
    let listed = run.problems.iter().filter(|p| p.row).count() as u64;
    assert_eq!(
        listed + run.unlisted_rejections,
        run.rows_rejected,
        "every rejected row is listed or counted"
    );
    assert!(listed as usize <= max_errors, "at most max_errors listed");
    // Lines end at LF, CRLF or a lone CR; JSON readers count LF only, which is never more.
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    let lines = (bytes.iter().filter(|&&b| b == b'\n').count() + lone_cr) as u64 + 1;
    for p in &run.problems {
        assert!(!p.message.trim().is_empty(), "a problem says what: {p:?}");
        if p.row {
            assert!(
                p.location.line >= first_data_line && p.location.line <= lines,
                "a rejected row is on a data line (the file has {lines}): {p:?}"
            );
        }
    }
    // Without valid rows nothing passes or fails; a group of rejected rows is undetermined.
    let decided: u64 = run
        .counts
        .iter()
        .map(|c| c.passed + c.violations + c.exempted + c.overridden)
        .sum();
    if run.rows_checked == 0 {
        assert_eq!(decided, 0, "no rule decides anything without rows");
    }
}

/// The lines of a file as an editor numbers them (ended by LF, CRLF or a lone CR), 1-based.
fn physical_lines(bytes: &[u8]) -> Vec<(u64, &[u8])> {
    let (mut out, mut line, mut start, mut i) = (Vec::new(), 1, 0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push((line, &bytes[start..i]));
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line += 1;
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push((line, &bytes[start..]));
    }
    out
}

/// Data rows of a CSV file without quotes whose first line is the header: every other
/// non-empty line, with its line number.
fn csv_rows_unquoted(bytes: &[u8]) -> Vec<(u64, &[u8])> {
    let mut lines = physical_lines(bytes)
        .into_iter()
        .filter(|(_, l)| !l.is_empty());
    let header = lines.next();
    // A row whose cells are all empty (a line of commas, as spreadsheets save) is no row.
    header
        .into_iter()
        .chain(lines.filter(|(_, l)| !l.iter().all(|&b| b == b',' || b.is_ascii_whitespace())))
        .skip(1)
        .collect()
}

/// Record findings of rule `located` (which every accepted row breaks): key and line.
fn located(run: &DataRun) -> Vec<(String, u64)> {
    let r = plan()
        .rules
        .iter()
        .position(|r| r.name == "located")
        .expect("rule `located`");
    run.findings[r]
        .iter()
        .filter_map(|f| Some((f.record.clone()?, f.at.as_ref()?.1)))
        .collect()
}

/// Data rows of a JSON Lines file: every line that is not blank (a line that is not UTF-8
/// counts: it is a row that cannot be read).
fn jsonl_rows(bytes: &[u8]) -> u64 {
    let mut n = 0;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Err(_) => n += 1,
            Ok(t) => {
                let t = if i == 0 {
                    t.trim_start_matches('\u{feff}')
                } else {
                    t
                };
                if !t.trim().is_empty() {
                    n += 1;
                }
            }
        }
    }
    n
}

/// Items of a JSON array file; 0 when the file is not one.
fn json_items(bytes: &[u8]) -> u64 {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Vec<serde::de::IgnoredAny>>(text).map_or(0, |v| v.len() as u64)
}

fn max_errors() -> impl Strategy<Value = usize> {
    prop_oneof![3 => Just(100_000usize), 1 => 0usize..4]
}

#[test]
fn the_base_files_are_clean() {
    for (bytes, format) in [
        (base_csv("\n"), Format::Csv),
        (base_csv("\r\n"), Format::Csv),
        (base_csv("\r"), Format::Csv),
        (base_jsonl(), Format::JsonLines),
        (base_json(), Format::Json),
    ] {
        let run = run(&bytes, format, 100);
        assert_eq!(
            (run.rows_read, run.rows_checked, run.rows_rejected),
            (ROWS as u64, ROWS as u64, 0),
            "{format:?}: {:#?}",
            run.problems
        );
        assert!(
            run.problems.iter().all(|p| !p.row),
            "{format:?}: {:#?}",
            run.problems
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_csv(
        ending in prop::sample::select(ENDINGS.to_vec()),
        muts in prop::collection::vec(mutation(), 1..5),
        max in max_errors(),
    ) {
        let mut bytes = base_csv(ending);
        for m in &muts {
            apply(&mut bytes, m);
        }
        let run = run(&bytes, Format::Csv, max);
        accounts(&run, &bytes, 2, max);
        let header_intact = bytes.starts_with(HEADER.as_bytes())
            && matches!(bytes.get(HEADER.len()), Some(b'\n' | b'\r'));
        if header_intact && !bytes.contains(&b'"') {
            // Without quotes a row is a line, and its number is known.
            let rows = csv_rows_unquoted(&bytes);
            prop_assert_eq!(run.rows_read, rows.len() as u64);
            prop_assert_eq!(run.files_failed, 0);
            let starts: std::collections::BTreeSet<u64> = rows.iter().map(|r| r.0).collect();
            for p in run.problems.iter().filter(|p| p.row) {
                prop_assert!(
                    starts.contains(&p.location.line),
                    "rejected row on line {}, which is not a data row ({:?}): {:?}",
                    p.location.line, ending, p
                );
            }
            if std::str::from_utf8(&bytes).is_ok() {
                for (key, line) in located(&run) {
                    let first_cell = rows
                        .iter()
                        .find(|r| r.0 == line)
                        .map(|r| r.1.split(|&b| b == b',').next().unwrap_or_default());
                    prop_assert_eq!(
                        first_cell,
                        Some(key.as_bytes()),
                        "record `{}` reported on line {} ({:?})",
                        key, line, ending
                    );
                }
            }
        }
    }

    #[test]
    fn mutated_json_lines(muts in prop::collection::vec(mutation(), 1..5), max in max_errors()) {
        let mut bytes = base_jsonl();
        for m in &muts {
            apply(&mut bytes, m);
        }
        let run = run(&bytes, Format::JsonLines, max);
        accounts(&run, &bytes, 1, max);
        prop_assert_eq!(run.rows_read, jsonl_rows(&bytes));
        // A record's line is the line holding its object.
        let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
        for (key, line) in located(&run) {
            let text = lines
                .get(line as usize - 1)
                .and_then(|l| std::str::from_utf8(l).ok())
                .map(|t| t.trim_start_matches('\u{feff}'));
            let id = text
                .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
                .map(|v| match &v["id"] {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
            prop_assert_eq!(id, Some(key.clone()), "record `{}` reported on line {}", key, line);
        }
    }

    #[test]
    fn mutated_json_array(muts in prop::collection::vec(mutation(), 1..5), max in max_errors()) {
        let mut bytes = base_json();
        for m in &muts {
            apply(&mut bytes, m);
        }
        let run = run(&bytes, Format::Json, max);
        accounts(&run, &bytes, 1, max);
        prop_assert_eq!(run.rows_read, json_items(&bytes));
    }
}

/// A row is reported on the line it is on, whatever the line endings and blank lines.
#[test]
fn csv_lines_with_every_line_ending() {
    let cells = |i: usize| -> String {
        row_cells(i)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect::<Vec<_>>()
            .join(",")
    };
    let (good, bad, last) = (cells(0), cells(1).replacen(",2013,", ",20x7,", 1), cells(2));
    let mut cases: Vec<(String, String, u64, u64)> = ENDINGS
        .iter()
        .map(|e| {
            let text = format!("{HEADER}{e}{good}{e}{bad}{e}{last}{e}");
            (format!("{e:?}"), text, 3, 4)
        })
        .collect();
    cases.push((
        "blank lines".into(),
        format!("{HEADER}\n{good}\n\n{bad}\n\n\n{last}\n"),
        4,
        7,
    ));
    let mut wrong = Vec::new();
    for (label, text, bad_line, last_line) in cases {
        let run = run(text.as_bytes(), Format::Csv, 100);
        let rejected: Vec<u64> = run
            .problems
            .iter()
            .filter(|p| p.row)
            .map(|p| p.location.line)
            .collect();
        let found = located(&run);
        let want = vec![("r00".to_string(), 2), ("r02".to_string(), last_line)];
        if rejected != [bad_line] || found != want {
            wrong.push(format!(
                "{label}: rejected row on lines {rejected:?} (want [{bad_line}]), \
                 records at {found:?} (want {want:?})"
            ));
        }
    }
    assert!(wrong.is_empty(), "wrong lines:\n{}", wrong.join("\n"));
}

/// Writes `first.csv` (one good row, `r00`) and `bad.csv` (a bad year, an unknown actor and a
/// second `r00`) in `dir`; their paths.
fn write_three_reasons(dir: &Path) -> (PathBuf, PathBuf) {
    let cells = |i: usize| -> Vec<String> {
        row_cells(i)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect()
    };
    // A duplicate key needs an accepted first occurrence, and the rows before it here are all
    // rejected: the first `r00` is in another file, read first.
    let first = dir.join("first.csv");
    std::fs::write(&first, format!("{HEADER}\n{}\n", cells(0).join(","))).unwrap();
    let mut bad_year = cells(1);
    bad_year[3] = "20x7".into();
    let mut unknown_actor = cells(2);
    unknown_actor[2] = "巴洲".into();
    let duplicate = cells(3)
        .into_iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { "r00".to_string() } else { c })
        .collect::<Vec<_>>();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{HEADER}\n{}\n{}\n{}\n",
            bad_year.join(","),
            unknown_actor.join(","),
            duplicate.join(",")
        ),
    )
    .unwrap();
    (first, bad)
}

#[test]
fn three_rows_three_reasons() {
    let dir = work_dir().join(format!("three-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the directory is created");
    let (first, bad) = write_three_reasons(&dir);
    let files: Vec<DataFile> = [&first, &bad]
        .into_iter()
        .map(|p| DataFile {
            record: "item".into(),
            path: p.clone(),
            sheet: None,
            format: Format::Csv,
            bytes: None,
        })
        .collect();
    let run = check_data(plan(), &files, &Options::default());
    assert_eq!(
        (run.rows_read, run.rows_checked, run.rows_rejected),
        (4, 1, 3)
    );
    let rejected: Vec<_> = run.problems.iter().filter(|p| p.row).collect();
    let got: Vec<(String, u64, u32, &str, Option<&str>)> = rejected
        .iter()
        .map(|p| {
            (
                p.location.file.clone(),
                p.location.line,
                p.location.column,
                p.code.as_str(),
                p.field.as_deref(),
            )
        })
        .collect();
    let shown = bad.display().to_string();
    assert_eq!(
        got,
        vec![
            (
                shown.clone(),
                2,
                4,
                Code::DataBadValue.as_str(),
                Some("year")
            ),
            (
                shown.clone(),
                3,
                3,
                Code::DataUnknownActor.as_str(),
                Some("who")
            ),
            (shown, 4, 1, Code::DataDuplicateKey.as_str(), Some("id")),
        ]
    );
    assert!(rejected.iter().all(|p| !p.message.is_empty()));
    assert_eq!(rejected[1].help.as_deref(), Some("did you mean `巴州`?"));
    let help = rejected[2].help.as_deref().unwrap_or_default();
    assert!(
        help.contains(&first.display().to_string()) && help.contains("line 2"),
        "the duplicate's help points at the first occurrence: {help}"
    );
    assert_eq!(
        run.problems.iter().filter(|p| !p.row).count(),
        0,
        "{:#?}",
        run.problems
    );
    let _ = std::fs::remove_dir_all(&dir);
}
