//! `check --format json` keeps its findings in a temporary file beyond a memory budget: the
//! report is byte for byte the same whatever the budget (the hidden `--findings-in-memory
//! BYTES` forces the file), a temporary folder that cannot be written is a clear error in both
//! languages, never a short report, and no other report keeps its findings there.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data_cases");

/// Runs the binary in `dir` with `args`, messages in `lang`, temporary files in `tmp`.
fn run(dir: &Path, args: &[String], lang: &str, tmp: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duikou"));
    cmd.env("DUIKOU_LANG", lang).args(args).current_dir(dir);
    if let Some(tmp) = tmp {
        cmd.env("TMPDIR", tmp);
    }
    cmd.output().expect("duikou runs")
}

/// `check rules.dk [--data data] ARGS… --format json`, as the golden data cases run it.
fn case_args(case: &Path) -> Vec<String> {
    let (extra, own_data) = common::extra_args(case).expect("the case's arguments");
    let mut args = vec!["check".to_string(), "rules.dk".to_string()];
    if !own_data {
        args.extend(["--data".to_string(), "data".to_string()]);
    }
    args.extend(extra);
    args.extend(["--format".to_string(), "json".to_string()]);
    args
}

fn with(args: &[String], more: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(more.iter().map(|s| (*s).to_string()));
    all
}

fn same(case: &str, a: &Output, b: &Output) {
    assert_eq!(
        a.status.code(),
        b.status.code(),
        "{case}: exit codes differ"
    );
    assert!(
        a.stdout == b.stdout,
        "{case}: the reports differ\n{}\n---\n{}",
        String::from_utf8_lossy(&a.stdout),
        String::from_utf8_lossy(&b.stdout)
    );
}

#[test]
fn every_data_case_reports_the_same_with_its_findings_on_disk() {
    let mut findings = 0;
    for case in common::case_dirs(CASES) {
        let name = case.display().to_string();
        let args = case_args(&case);
        for lang in ["en", "zh"] {
            let held = run(&case, &args, lang, None);
            findings += String::from_utf8_lossy(&held.stdout)
                .matches("\"rule\": \"")
                .count();
            for budget in ["0", "200"] {
                let spilled = run(
                    &case,
                    &with(&args, &["--findings-in-memory", budget]),
                    lang,
                    None,
                );
                same(&format!("{name} ({lang}, {budget} bytes)"), &held, &spilled);
            }
        }
    }
    assert!(
        findings > 100,
        "the cases have findings to keep: {findings}"
    );
}

/// A folder with the project rules and a generated data file of `rows` rows, every tenth
/// breaking a rule and every hundredth rejected.
fn project(name: &str, rows: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("duikou-spill-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the folder is made");
    let rules = r#"
actor 河北省 { kind: government, level: province }
actor 巴州 { kind: government, level: prefecture }
actor 和田地区 { kind: government, level: prefecture }
record project {
  id: text key
  supporter: actor
  recipient: actor
  year: year time
  planned: money(万元)
  spent: money(万元)
}
rule 超支 "支出不超过计划的 110%" { over project  forbid spent > planned * 110% }
rule 年度投入 { over project  per recipient, year  require sum(planned) >= 200000万元 }
"#;
    std::fs::write(dir.join("rules.dk"), rules).expect("rules written");
    let mut data = "id,supporter,recipient,year,planned,spent\n".to_string();
    for i in 0..rows {
        let recipient = if i % 3 == 0 { "和田地区" } else { "巴州" };
        let spent = if i % 10 == 0 { 150 } else { 90 };
        let planned = if i % 100 == 7 { "一百" } else { "100" };
        data.push_str(&format!(
            "p{i},河北省,{recipient},{},{planned},{spent}\n",
            2010 + i % 12
        ));
    }
    std::fs::write(dir.join("project.csv"), data).expect("data written");
    dir
}

fn project_args(threads: &str) -> Vec<String> {
    [
        "check",
        "rules.dk",
        "--data",
        "project=project.csv",
        "--format",
        "json",
        "--threads",
        threads,
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn a_large_report_is_the_same_in_memory_and_on_disk() {
    let dir = project("large", 20_000);
    for lang in ["en", "zh"] {
        for threads in ["1", "2"] {
            let args = project_args(threads);
            let held = run(&dir, &args, lang, None);
            let report = String::from_utf8_lossy(&held.stdout);
            // 2,000 records and 9 groups; the other 3 groups hold rejected rows.
            assert_eq!(report.matches("\"kind\": \"violation\"").count(), 2_009);
            assert_eq!(report.matches("\"kind\": \"undetermined\"").count(), 3);
            assert_eq!(report.matches("\"kind\": \"rejected_row\"").count(), 100);
            let spilled = run(
                &dir,
                &with(&args, &["--findings-in-memory", "0"]),
                lang,
                None,
            );
            same(&format!("{lang}, {threads} threads"), &held, &spilled);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_temporary_folder_that_cannot_be_written_is_a_clear_error() {
    let dir = project("no-tmp", 50);
    let missing = dir.join("no such folder");
    let args = with(&project_args("2"), &["--findings-in-memory", "0"]);
    let wants = [
        (
            "en",
            "error: cannot keep the findings in a temporary file in `",
            "help: the JSON report keeps its findings on disk",
        ),
        (
            "zh",
            "错误：无法在 `",
            "JSON 报告在读取数据时把发现保存在磁盘上",
        ),
    ];
    for (lang, message, help) in wants {
        let o = run(&dir, &args, lang, Some(&missing));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{lang}: {stderr}");
        assert!(o.stdout.is_empty(), "{lang}: no report at all");
        assert!(stderr.contains(message), "{lang}: {stderr}");
        assert!(stderr.contains(help), "{lang}: {stderr}");
        assert!(stderr.contains("no such folder"), "{lang}: {stderr}");
        assert!(!stderr.contains("panicked"), "{lang}: {stderr}");
        // Written to a file, the report is not begun.
        let o = run(
            &dir,
            &with(&args, &["-o", "report.json"]),
            lang,
            Some(&missing),
        );
        assert_eq!(o.status.code(), Some(2));
        assert!(!dir.join("report.json").exists());
    }
    // Findings that fit in memory need no temporary folder.
    let o = run(&dir, &project_args("2"), "en", Some(&missing));
    assert_eq!(o.status.code(), Some(2), "rejected rows: exit 2");
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"kind\": \"violation\""));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_other_report_keeps_its_findings_on_disk() {
    let dir = project("other-formats", 300);
    let missing = dir.join("no such folder");
    let formats: [&[&str]; 6] = [
        &["--format", "human", "--all"],
        &["--format", "human"],
        &["--format", "markdown"],
        &["--format", "sarif"],
        &["--format", "html", "-o", "report.html"],
        &["--format", "xlsx", "-o", "report.xlsx"],
    ];
    for format in formats {
        let mut args = project_args("2");
        args.truncate(4);
        let plain = run(&dir, &with(&args, format), "en", None);
        let page = || std::fs::read(dir.join("report.html")).expect("the page is written");
        let plain_page = format.contains(&"html").then(page);
        let args = with(&with(&args, format), &["--findings-in-memory", "0"]);
        let o = run(&dir, &args, "en", Some(&missing));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("temporary file"), "{format:?}: {stderr}");
        same(&format!("{format:?}"), &plain, &o);
        if let Some(plain_page) = plain_page {
            assert!(page() == plain_page, "{format:?}: the page differs");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
