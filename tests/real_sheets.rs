//! Real spreadsheets in, spreadsheets out: workbooks made here with `rust_xlsxwriter` (a title
//! row, units in headers, merged cells, Excel dates, formulas with and without saved values,
//! totals rows, two-row headers), text exports in every delimiter and UTF-16, standard input,
//! and the workbook reports of `check` and `score`.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

static CASE: AtomicUsize = AtomicUsize::new(0);

/// A fresh folder for one test.
fn work_dir(name: &str) -> PathBuf {
    let n = CASE.fetch_add(1, Ordering::Relaxed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("real_sheets")
        .join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the work folder is made");
    dir
}

fn duikou(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("duikou runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("stdin is written");
    drop(input);
    child.wait_with_output().expect("duikou ends")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn findings<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

const ACTORS: &str = "actor 河北省 { kind: government, level: province }
actor 江苏省 { kind: government, level: province }
actor 巴州 { kind: government, level: prefecture }
actor 和田地区 { kind: government, level: prefecture }
";

/// The record of the sheets below: every field read from a Chinese header.
const PROJECT: &str = "record project {
  id: text key from \"项目编号\"
  supporter: actor from \"支援方\"
  recipient: actor from \"受援地\", \"受援方\"
  year: year time from \"年度\"
  planned: money(万元) from \"计划投资\"
  start: date? from \"开工日期\"
  note: text? from \"备注\"
}
";

/// The sheet provinces submit: a title row, a header with the unit in it, 支援方 merged down
/// a block of rows, an Excel date and a serial number in the date column, a formula with a saved
/// value and one without, a 小计 that matches, one that does not, and a 合计.
fn submitted_sheet(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2018年项目").unwrap();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .merge_range(0, 0, 0, 6, "2018年对口援疆项目汇总表", &plain)
        .unwrap();
    let head = [
        "项目编号",
        "支援方",
        "受援地",
        "年度",
        "计划投资（元）",
        "开工\n日期",
        "备注",
    ];
    for (c, h) in head.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    // Rows 3–5: 河北省 merged down B3:B5.
    sheet.merge_range(2, 1, 4, 1, "河北省", &plain).unwrap();
    for (r, id) in [(2, "p1"), (3, "p2"), (4, "p3")] {
        sheet.write_string(r, 0, id).unwrap();
        sheet.write_string(r, 2, "巴州").unwrap();
        sheet.write_number(r, 3, 2018).unwrap();
    }
    sheet.write_number(2, 4, 1_234_567).unwrap();
    sheet.write_number(3, 4, 2_000_000).unwrap();
    sheet
        .write_formula(4, 4, Formula::new("=E3+E4").set_result("3234567"))
        .unwrap();
    let day = ExcelDateTime::from_ymd(2018, 3, 1).unwrap();
    sheet.write_datetime_with_format(2, 5, &day, &date).unwrap();
    sheet.write_number(3, 5, 43160).unwrap(); // 2018-03-01 as a serial number
    sheet.write_string(5, 0, "小计").unwrap();
    sheet.write_number(5, 4, 6_469_134).unwrap();
    for (r, id, amount) in [(6, "p4", 500_000), (7, "p5", 100_000)] {
        sheet.write_string(r, 0, id).unwrap();
        sheet.write_string(r, 1, "江苏省").unwrap();
        sheet.write_string(r, 2, "和田地区").unwrap();
        sheet.write_number(r, 3, 2018).unwrap();
        sheet.write_number(r, 4, amount).unwrap();
    }
    // A formula whose value was never saved (LibreOffice's convention: an empty result).
    sheet.set_formula_result_default("");
    sheet
        .write_formula(7, 6, Formula::new("=A8&\"备注\""))
        .unwrap();
    sheet.write_string(8, 0, "小 计").unwrap();
    sheet.write_number(8, 4, 700_000).unwrap();
    sheet.write_string(9, 0, "合计").unwrap();
    sheet.write_number(9, 4, 7_069_134).unwrap();
    book.save(path).unwrap();
}

fn rules(dir: &Path, extra: &str) {
    std::fs::write(dir.join("rules.dk"), format!("{ACTORS}{PROJECT}{extra}")).unwrap();
}

const EXACT: &str = "rule 精确 { over project forbid planned == 123.4567万元 }
rule 开工 { over project require start == 2018-03-01 }
";

#[test]
fn a_submitted_sheet_is_read_as_it_is() {
    let dir = work_dir("submitted");
    rules(&dir, EXACT);
    submitted_sheet(&dir.join("汇总.xlsx"));
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=汇总.xlsx",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    let s = &report["summary"];
    assert_eq!(s["rows_title"], 1, "{s}");
    assert_eq!(s["rows_total"], 3, "{s}");
    assert_eq!(s["rows_read"], 5, "{s}");
    assert_eq!(s["rows_checked"], 4, "{s}");
    assert_eq!(s["rows_rejected"], 1, "{s}");
    let title = findings(&report, "duikou::data::title_row");
    assert_eq!(title.len(), 1);
    assert_eq!(title[0]["location"]["line"], 1);
    assert!(
        title[0]["message"]
            .as_str()
            .unwrap()
            .contains("2018年对口援疆项目汇总表")
    );
    // The formula without a saved value rejects its row, with the reason.
    let rejected: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "rejected_row")
        .collect();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0]["location"]["line"], 8);
    assert_eq!(rejected[0]["field"], "note");
    assert!(
        rejected[0]["message"]
            .as_str()
            .unwrap()
            .contains("has no saved value"),
        "{}",
        rejected[0]
    );
    // 小计 rows 3–5 and 合计 match; the second 小计 says 70万元 for 60万元.
    let matched = findings(&report, "duikou::data::total_row");
    assert_eq!(matched.len(), 2, "{matched:?}");
    let mismatch = findings(&report, "duikou::data::total_mismatch");
    assert_eq!(mismatch.len(), 1, "{mismatch:?}");
    let m = &mismatch[0];
    assert_eq!(m["location"]["line"], 9);
    assert_eq!(m["location"]["column"], 5);
    let text = m["message"].as_str().unwrap();
    assert!(
        text.contains("70.00万元") && text.contains("60.00万元") && text.contains("rows 7–8"),
        "{text}"
    );
    // 1,234,567元 is exactly 123.4567万元: the merged 支援方, the formula's saved value and
    // both dates were read, so only p1 meets the exact amount and no date differs.
    let violations: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "violation")
        .collect();
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert_eq!(violations[0]["rule"], "精确");
    assert_eq!(violations[0]["record"], "p1");
    let counts = &report["rules"][1];
    assert_eq!(counts["rule"], "开工");
    assert_eq!(counts["passed"], 2, "{counts}");
    assert_eq!(counts["undetermined"], 2, "{counts}");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn header_row_forces_the_header() {
    let dir = work_dir("header-row");
    rules(&dir, "");
    submitted_sheet(&dir.join("s.xlsx"));
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=s.xlsx",
            "--header-row",
            "1",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    let missing = findings(&report, "duikou::data::missing_column");
    assert!(!missing.is_empty(), "row 1 is the title: {report}");
    assert_eq!(missing[0]["location"]["line"], 1);
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=s.xlsx",
            "--header-row",
            "2",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(json(&o)["summary"]["rows_read"], 5);
}

#[test]
fn a_header_that_cannot_be_found_lists_the_closest_rows() {
    let dir = work_dir("no-header");
    rules(&dir, "");
    std::fs::write(dir.join("p.csv"), "汇总表\n编号,单位\nA,B\n").unwrap();
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=p.csv",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    let found = findings(&report, "duikou::data::header_not_found");
    assert_eq!(found.len(), 1, "{report}");
    let help = found[0]["help"].as_str().unwrap();
    assert!(help.contains("row 1 lacks `id`"), "{help}");
    assert!(help.contains("--header-row"), "{help}");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_two_row_header_names_sub_columns_under_their_parent() {
    let dir = work_dir("two-rows");
    let record = "record fund {
  id: text key from \"项目编号\"
  supporter: actor from \"支援方\"
  central: money(万元) from \"计划投资/中央\"
  local: money(万元) from \"计划投资/地方\"
}
rule 中央 { over fund forbid central == 10万元 }
rule 地方 { over fund forbid local == 0.002万元 }
";
    std::fs::write(dir.join("rules.dk"), format!("{ACTORS}{record}")).unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet.merge_range(0, 0, 1, 0, "项目编号", &plain).unwrap();
    sheet.merge_range(0, 1, 1, 1, "支援方", &plain).unwrap();
    sheet
        .merge_range(0, 2, 0, 3, "计划投资（元）", &plain)
        .unwrap();
    sheet.write_string(1, 2, "中央").unwrap();
    sheet.write_string(1, 3, "地方").unwrap();
    sheet.write_string(2, 0, "p1").unwrap();
    sheet.write_string(2, 1, "河北省").unwrap();
    sheet.write_number(2, 2, 100_000).unwrap();
    sheet.write_number(2, 3, 20).unwrap();
    book.save(dir.join("b.xlsx")).unwrap();
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "fund=b.xlsx",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    assert_eq!(report["summary"]["rows_checked"], 1, "{report}");
    // The parent's unit (元) holds for its sub-columns: 100000元 = 10万元, 20元 = 0.002万元.
    assert_eq!(report["rules"][0]["violations"], 1, "{report}");
    assert_eq!(report["rules"][1]["violations"], 1, "{report}");
}

#[test]
fn a_workbook_of_several_sheets_says_which_is_read() {
    let dir = work_dir("sheets");
    rules(&dir, "");
    let mut book = Workbook::new();
    let first = book.add_worksheet();
    first.set_name("项目").unwrap();
    for (c, h) in ["项目编号", "支援方", "受援地", "年度", "计划投资"]
        .iter()
        .enumerate()
    {
        first.write_string(0, c as u16, *h).unwrap();
    }
    book.add_worksheet().set_name("说明").unwrap();
    book.save(dir.join("b.xlsx")).unwrap();
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=b.xlsx",
            "--format",
            "json",
        ],
        None,
    );
    let report = json(&o);
    let note = findings(&report, "duikou::data::first_sheet");
    assert_eq!(note.len(), 1, "{report}");
    assert!(note[0]["message"].as_str().unwrap().contains("`项目`"));
    assert_eq!(o.status.code(), Some(0));
}

const CSV_ROWS: [&str; 3] = [
    "项目编号|支援方|受援地|年度|计划投资（万元）",
    "p1|河北省|巴州|2018|12.5",
    "p2|江苏省|和田地区|2018|7.5",
];

fn check_text(dir: &Path, file: &str, extra: &[&str]) -> Value {
    let data = format!("project={file}");
    let mut args = vec!["check", "rules.dk", "--data", &data, "--format", "json"];
    args.extend_from_slice(extra);
    json(&duikou(dir, &args, None))
}

#[test]
fn every_text_export_is_read() {
    let dir = work_dir("text");
    rules(&dir, "rule 大额 { over project forbid planned > 10万元 }\n");
    let with = |d: &str| CSV_ROWS.join("\n").replace('|', d) + "\n";
    std::fs::write(dir.join("comma.csv"), with(",")).unwrap();
    std::fs::write(dir.join("semicolon.csv"), with(";")).unwrap();
    std::fs::write(dir.join("pipe.csv"), with("|")).unwrap();
    // Excel's "Unicode 文本": UTF-16 LE with a byte-order mark, tab-separated.
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in with("\t").encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    std::fs::write(dir.join("unicode.txt"), le).unwrap();
    std::fs::write(dir.join("unicode-be.txt"), be).unwrap();
    for file in [
        "comma.csv",
        "semicolon.csv",
        "pipe.csv",
        "unicode.txt",
        "unicode-be.txt",
    ] {
        let report = check_text(&dir, file, &[]);
        assert_eq!(report["summary"]["rows_checked"], 2, "{file}: {report}");
        assert_eq!(report["rules"][0]["violations"], 1, "{file}: {report}");
    }
    // A delimiter given overrides detection.
    let report = check_text(&dir, "semicolon.csv", &["--delimiter", ","]);
    assert!(
        !findings(&report, "duikou::data::header_not_found").is_empty(),
        "{report}"
    );
    let report = check_text(&dir, "semicolon.csv", &["--delimiter", ";"]);
    assert_eq!(report["summary"]["rows_checked"], 2, "{report}");
}

#[test]
fn standard_input_is_read_in_the_format_given() {
    let dir = work_dir("stdin");
    rules(&dir, "");
    let csv = CSV_ROWS.join("\n").replace('|', ";") + "\n";
    let args = [
        "check",
        "rules.dk",
        "--data",
        "project=-",
        "--data-format",
        "csv",
        "--format",
        "json",
    ];
    let report = json(&duikou(&dir, &args, Some(csv.as_bytes())));
    assert_eq!(report["summary"]["rows_checked"], 2, "{report}");
    assert!(
        report["receipt"]["data"]["-"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    let lines = "{\"id\":\"p1\",\"supporter\":\"河北省\",\"recipient\":\"巴州\",\"year\":2018,\"planned\":\"5\"}\n";
    let args = [
        "check",
        "rules.dk",
        "--data",
        "project=-",
        "--data-format",
        "jsonl",
        "--format",
        "json",
    ];
    let report = json(&duikou(&dir, &args, Some(lines.as_bytes())));
    assert_eq!(report["summary"]["rows_checked"], 1, "{report}");
    let o = duikou(
        &dir,
        &[
            "check",
            "rules.dk",
            "--data",
            "project=-",
            "--format",
            "json",
        ],
        Some(b""),
    );
    let report = json(&o);
    let f = findings(&report, "duikou::data::format");
    assert!(
        f[0]["help"].as_str().unwrap().contains("--data-format"),
        "{report}"
    );
}

#[test]
fn units_in_headers_convert_exactly_and_contradictions_are_rejected() {
    let dir = work_dir("units");
    rules(
        &dir,
        "rule 精确 { over project forbid planned == 0.0001万元 }\n",
    );
    let text = "项目编号,支援方,受援地,年度,计划投资(元)\np1,河北省,巴州,2018,1\np2,河北省,巴州,2018,5万元\np3,河北省,巴州,2018,3元\n";
    std::fs::write(dir.join("p.csv"), text).unwrap();
    let report = check_text(&dir, "p.csv", &[]);
    assert_eq!(
        report["rules"][0]["violations"], 1,
        "1元 is 0.0001万元: {report}"
    );
    let rejected: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "rejected_row")
        .collect();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0]["location"]["line"], 3);
    let message = rejected[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`5万元` is written in 万元, but the column's header says 元"),
        "{message}"
    );
}

#[test]
fn totals_rows_of_a_text_export_are_checked() {
    let dir = work_dir("totals-csv");
    rules(&dir, "");
    let text = "项目编号,支援方,受援地,年度,计划投资\np1,河北省,巴州,2018,10\np2,河北省,巴州,2018,5.5\n合计,,,,16\n";
    std::fs::write(dir.join("p.csv"), text).unwrap();
    let report = check_text(&dir, "p.csv", &[]);
    let m = findings(&report, "duikou::data::total_mismatch");
    assert_eq!(m.len(), 1, "{report}");
    assert!(
        m[0]["message"].as_str().unwrap().contains("16.00万元"),
        "{}",
        m[0]
    );
    assert!(
        m[0]["message"].as_str().unwrap().contains("15.50万元"),
        "{}",
        m[0]
    );
    assert_eq!(report["summary"]["rows_total"], 1);
    assert_eq!(report["summary"]["rows_read"], 2);
}

/// Reads every sheet of a workbook as rows of text (numbers in their shortest form).
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Data, Reader};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

/// A natural value (`71.3%`, `1,250.00万元`, `2017`) as the number a workbook holds.
fn as_number(text: &str) -> String {
    let t = text.replace(',', "");
    let (n, scale) = match t.strip_suffix('%') {
        Some(n) => (n.to_string(), 100.0),
        None => (t.trim_end_matches(['元', '万', '亿']).to_string(), 1.0),
    };
    match n.parse::<f64>() {
        Ok(v) => (v / scale).to_string(),
        Err(_) => text.to_string(),
    }
}

/// A JSON finding of a rule as its row in the rule's sheet.
fn rule_row(f: &Value) -> Vec<String> {
    let subject = match (&f["group"], &f["record"]) {
        (Value::Object(g), _) => g
            .iter()
            .map(|(k, v)| format!("{k}={}", v.as_str().map_or(v.to_string(), str::to_string)))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::String(r)) => r.clone(),
        _ => String::new(),
    };
    let (file, line) = match &f["row"] {
        Value::Object(p) => (
            p["file"].as_str().unwrap().to_string(),
            p["line"].to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    let text = |k: &str| f[k].as_str().unwrap_or("").to_string();
    vec![
        text("kind"),
        text("severity"),
        subject,
        f["value"].as_str().map_or(String::new(), as_number),
        text("message"),
        file,
        line,
    ]
}

/// A JSON data problem as its row in the data problems sheet.
fn problem_row(f: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    vec![
        text(&f["kind"]),
        text(&f["code"]),
        text(&f["severity"]),
        text(&f["location"]["file"]),
        f["location"]["line"].to_string(),
        f["location"]["column"].to_string(),
        text(&f["field"]),
        text(&f["message"]),
        text(&f["help"]),
    ]
}

/// A sheet's rows under its header, each filled out to `width` cells.
fn body(rows: &[Vec<String>], width: usize) -> Vec<Vec<String>> {
    rows[1..]
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.resize(width, String::new());
            r
        })
        .collect()
}

#[test]
fn the_workbook_report_holds_the_findings_of_the_json_report() {
    let dir = work_dir("round-trip");
    let group = "rule 大额 { over project per supporter require sum(planned) < 300万元 }\n";
    rules(&dir, &format!("{EXACT}{group}"));
    submitted_sheet(&dir.join("s.xlsx"));
    let args = ["check", "rules.dk", "--data", "project=s.xlsx"];
    let report = json(&duikou(
        &dir,
        &[&args[..], &["--format", "json"]].concat(),
        None,
    ));
    let to = |file: &str| {
        let o = duikou(
            &dir,
            &[&args[..], &["--format", "xlsx", "-o", file]].concat(),
            None,
        );
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        std::fs::read(dir.join(file)).unwrap()
    };
    let first = to("报告.xlsx");
    let book = sheets(&dir.join("报告.xlsx"));
    let sheet = |name: &str| {
        &book
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
            .1
    };
    // The summary: one row per rule with its counts.
    let rules = report["rules"].as_array().unwrap();
    for (r, row) in rules.iter().zip(&sheet("Summary")[1..]) {
        assert_eq!(row[0], r["rule"].as_str().unwrap());
        let counts: Vec<String> = ["checked", "passed", "violations", "undetermined"]
            .iter()
            .map(|k| r[*k].to_string())
            .collect();
        assert_eq!(row[3..7], counts[..], "{row:?}");
    }
    let all = report["findings"].as_array().unwrap();
    // Each rule's sheet holds exactly its findings, in the JSON report's order.
    for r in rules {
        let name = r["rule"].as_str().unwrap();
        let expected: Vec<Vec<String>> = all
            .iter()
            .filter(|f| f["rule"] == name)
            .map(rule_row)
            .collect();
        assert_eq!(body(sheet(name), 7), expected, "sheet {name}");
    }
    assert!(rules.iter().any(|r| r["violations"] != 0));
    // The data problems: every rejected row and file problem, with file, row, column, reason.
    let data = |f: &&Value| {
        f["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("duikou::data::"))
    };
    let expected: Vec<Vec<String>> = all.iter().filter(data).map(problem_row).collect();
    let got = body(sheet("Data problems"), 9);
    assert_eq!(got, expected);
    assert!(got.iter().any(|r| r[0] == "rejected_row"));
    // The rest are the rule files' diagnostics.
    let rest = all
        .iter()
        .filter(|f| f["rule"].is_null() && !data(f))
        .count();
    assert_eq!(body(sheet("Rule diagnostics"), 8).len(), rest);
    // Same inputs, same bytes.
    assert_eq!(first, to("again.xlsx"));
}

#[test]
fn score_writes_its_table_as_a_workbook() {
    let dir = work_dir("score");
    let text = "actor 河北省 { kind: government, level: province }
actor 天津市 { kind: government, level: province }
record project {
  id: text key from \"项目编号\"
  supporter: actor from \"支援方\"
  year: year time from \"年度\"
  growth: decimal from \"增长\"
}
evaluation 财务 {
  over project
  per supporter, year
  indicator 增长 { kind: economic, weight: 100%, target: >= 5, value: sum(growth) }
  grade { A: 90, B: 75, C: 60, D: 0 }
}
";
    std::fs::write(dir.join("rules.dk"), text).unwrap();
    std::fs::write(
        dir.join("p.csv"),
        "项目编号,支援方,年度,增长\np1,河北省,2017,4\np2,天津市,2017,5\n",
    )
    .unwrap();
    let o = duikou(
        &dir,
        &[
            "score",
            "rules.dk",
            "--data",
            "project=p.csv",
            "--format",
            "xlsx",
            "-o",
            "s.xlsx",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let book = sheets(&dir.join("s.xlsx"));
    let rows = &book[0].1;
    assert_eq!(
        rows[0],
        [
            "supporter",
            "year",
            "增长 value",
            "增长 attainment",
            "Score",
            "Grade",
            "Rank"
        ]
    );
    assert_eq!(rows[1], ["河北省", "2017", "4", "80", "80", "B", "2"]);
    assert_eq!(rows[2], ["天津市", "2017", "5", "100", "100", "A", "1"]);
    let o = duikou(
        &dir,
        &[
            "score",
            "rules.dk",
            "--data",
            "project=p.csv",
            "--format",
            "xlsx",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o"));
}

/// D1: a cell reference whose column is far past `XFD` (`<c r="AAAAAAAAA1">`) overflowed the
/// XLSX reader; it is refused with the reference named.
#[test]
fn d1_column_overflow_is_refused() {
    let dir = work_dir("d1");
    rules(&dir, "");
    let book =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workbooks/d1_column_overflow.xlsx");
    let data = format!("project={}", book.display());
    let o = duikou(
        &dir,
        &["check", "rules.dk", "--data", &data, "--format", "json"],
        None,
    );
    let report = json(&o);
    let f = findings(&report, "duikou::data::format");
    assert_eq!(f.len(), 1, "{report}");
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("`AAAAAAAAA1` is beyond Excel's last column XFD"),
        "{}",
        f[0]
    );
    assert_eq!(o.status.code(), Some(2));
}

/// D2: an 838-byte workbook with cells at A1 and XFD1048576 made the reader allocate the whole
/// sheet; it is read cell by cell, so only its two cells cost memory.
#[test]
fn d2_far_cell_is_read_sparsely() {
    let dir = work_dir("d2");
    rules(&dir, "");
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/workbooks/d2_far_cell.xlsx");
    let data = format!("project={}", book.display());
    let o = duikou(
        &dir,
        &["check", "rules.dk", "--data", &data, "--format", "json"],
        None,
    );
    let report = json(&o);
    let f = findings(&report, "duikou::data::header_not_found");
    assert_eq!(f.len(), 1, "{report}");
    assert!(
        f[0]["help"].as_str().unwrap().contains("row 1048576"),
        "{}",
        f[0]
    );
}

/// The sample in `examples/real-sheet/` is the sheet above: its workbook holds what
/// `submitted_sheet` writes (`DUIKOU_BLESS=1` rewrites it), and `duikou check` finds in it the
/// title, the totals and the rejected formula the docs describe.
#[test]
fn the_sample_workbook_is_the_documented_sheet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/real-sheet");
    let sample = root.join("data/project.xlsx");
    let dir = work_dir("sample");
    submitted_sheet(&dir.join("fresh.xlsx"));
    if std::env::var_os("DUIKOU_BLESS").is_some() {
        std::fs::copy(dir.join("fresh.xlsx"), &sample).unwrap();
    }
    assert_eq!(
        sheets(&sample),
        sheets(&dir.join("fresh.xlsx")),
        "bless with DUIKOU_BLESS=1"
    );
    let o = duikou(&root, &["check", ".", "--format", "json"], None);
    let report = json(&o);
    let s = &report["summary"];
    assert_eq!(
        (
            &s["rows_title"],
            &s["rows_total"],
            &s["rows_checked"],
            &s["rows_rejected"]
        ),
        (
            &Value::from(1),
            &Value::from(3),
            &Value::from(4),
            &Value::from(1)
        ),
        "{s}"
    );
    assert_eq!(findings(&report, "duikou::data::total_mismatch").len(), 1);
}

/// An OpenDocument spreadsheet, made here as the zip of XML it is.
fn ods(path: &Path, rows: &[&[&str]]) {
    use zip::write::SimpleFileOptions;
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in *row {
            match cell.parse::<f64>() {
                Ok(_) => table.push_str(&format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{cell}\"><text:p>{cell}</text:p></table:table-cell>"
                )),
                Err(_) => table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
                )),
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"项目\">{table}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_ods_workbook_is_read() {
    let dir = work_dir("ods");
    rules(&dir, "rule 大额 { over project forbid planned > 10万元 }\n");
    ods(
        &dir.join("p.ods"),
        &[
            &["2018年汇总表"],
            &["项目编号", "支援方", "受援地", "年度", "计划投资（万元）"],
            &["p1", "河北省", "巴州", "2018", "12.5"],
            &["p2", "江苏省", "和田地区", "2018", "7.5"],
            &["合计", "", "", "", "20"],
        ],
    );
    let report = check_text(&dir, "p.ods", &[]);
    let s = &report["summary"];
    assert_eq!(
        (&s["rows_checked"], &s["rows_title"], &s["rows_total"]),
        (&Value::from(2), &Value::from(1), &Value::from(1)),
        "{report}"
    );
    assert_eq!(report["rules"][0]["violations"], 1, "{report}");
}

#[test]
fn labels_read_naturally_in_the_chinese_dialect() {
    let dir = work_dir("zh");
    let text = format!(
        "{ACTORS}记录 project {{
  编号: text key 自 \"项目编号\"、\"序号\"
  支援方: actor
  金额: money(万元) 自 \"计划投资\"
}}
"
    );
    std::fs::write(dir.join("rules.dk"), text).unwrap();
    std::fs::write(
        dir.join("p.csv"),
        "序号,支援方,计划投资（亿元）\n1,河北省,0.5\n",
    )
    .unwrap();
    let report = check_text(&dir, "p.csv", &[]);
    assert_eq!(report["summary"]["rows_checked"], 1, "{report}");
}

#[test]
fn date_times_are_dates_and_a_text_header_row_can_be_named() {
    let dir = work_dir("datetime");
    rules(
        &dir,
        "rule 开工 { over project require start == 2018-03-01 }\n",
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in [
        "项目编号",
        "支援方",
        "受援地",
        "年度",
        "计划投资",
        "开工日期",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let at = ExcelDateTime::from_ymd(2018, 3, 1)
        .unwrap()
        .and_hms(8, 30, 0)
        .unwrap();
    let format = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (r, id) in [(1u32, "p1"), (2, "p2")] {
        sheet.write_string(r, 0, id).unwrap();
        sheet.write_string(r, 1, "河北省").unwrap();
        sheet.write_string(r, 2, "巴州").unwrap();
        sheet.write_number(r, 3, 2018).unwrap();
        sheet.write_number(r, 4, 1).unwrap();
    }
    sheet
        .write_datetime_with_format(1, 5, &at, &format)
        .unwrap();
    sheet.write_number(2, 5, 43160.75).unwrap(); // a serial date-time in the date column
    book.save(dir.join("d.xlsx")).unwrap();
    let report = check_text(&dir, "d.xlsx", &[]);
    assert_eq!(report["rules"][0]["passed"], 2, "{report}");
    // A CSV whose header is on line 3, named; the lines above are titles.
    std::fs::write(
        dir.join("p.csv"),
        "汇总表\n项目编号,说明\n项目编号,支援方,受援地,年度,计划投资\np1,河北省,巴州,2018,1\n",
    )
    .unwrap();
    let report = check_text(&dir, "p.csv", &["--header-row", "3"]);
    assert_eq!(report["summary"]["rows_title"], 2, "{report}");
    assert_eq!(report["summary"]["rows_read"], 1, "{report}");
    let report = check_text(&dir, "p.csv", &["--header-row", "9"]);
    let f = findings(&report, "duikou::data::header_not_found");
    assert!(
        f[0]["message"].as_str().unwrap().contains("row 9"),
        "{report}"
    );
}
