//! The drafting tools end to end from the command line: `fmt` (rewrite, `--check`, dialects,
//! refusal of files with syntax errors, the meaning kept on real data), `test --coverage`
//! thresholds, and `diff`'s refusals.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn duikou(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("duikou runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("drafting_cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for e in std::fs::read_dir(from).expect("readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copied");
        }
    }
}

const MESSY: &str =
    "actor  河北省{kind：government，level:province}\nprogram 援疆 { since: 2010 }  // 援疆\n";

#[test]
fn fmt_check_prints_a_diff_and_fails_then_fmt_rewrites_the_file() {
    let dir = scratch("check");
    std::fs::write(dir.join("a.dk"), MESSY).expect("written");
    let out = duikou(&dir, &["fmt", "--check", "a.dk"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.contains("-actor  河北省{kind：government，level:province}"),
        "{diff}"
    );
    assert!(
        diff.contains("+actor 河北省 { kind: government, level: province }"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.dk")).unwrap(),
        MESSY,
        "--check changes nothing"
    );
    let out = duikou(&dir, &["fmt", "a.dk"]);
    assert_eq!(out.status.code(), Some(0));
    let formatted = std::fs::read_to_string(dir.join("a.dk")).unwrap();
    assert_eq!(
        formatted,
        "actor 河北省 { kind: government, level: province }\n\nprogram 援疆 { since: 2010 } // 援疆\n"
    );
    assert_eq!(
        duikou(&dir, &["fmt", "--check", "a.dk"]).status.code(),
        Some(0)
    );
}

#[test]
fn fmt_translates_to_chinese_and_back() {
    let dir = scratch("dialect");
    std::fs::write(dir.join("a.dk"), MESSY).expect("written");
    assert!(
        duikou(&dir, &["fmt", "--dialect", "zh", "a.dk"])
            .status
            .success()
    );
    let zh = std::fs::read_to_string(dir.join("a.dk")).unwrap();
    assert!(
        zh.starts_with("主体 河北省 {") && zh.contains("支援类型 援疆"),
        "{zh}"
    );
    assert!(
        duikou(&dir, &["fmt", "--dialect", "en", "a.dk"])
            .status
            .success()
    );
    let en = std::fs::read_to_string(dir.join("a.dk")).unwrap();
    assert!(
        en.starts_with("actor 河北省 {") && en.contains("program 援疆"),
        "{en}"
    );
}

#[test]
fn fmt_leaves_a_file_with_syntax_errors_untouched_and_reports_them() {
    let dir = scratch("syntax");
    let bad = "actor 河北省 { kind: government\nrule {\n";
    std::fs::write(dir.join("bad.dk"), bad).expect("written");
    std::fs::write(dir.join("good.dk"), MESSY).expect("written");
    let out = duikou(&dir, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("bad.dk")).unwrap(), bad);
    assert!(String::from_utf8_lossy(&out.stdout).contains("duikou::parse::"));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`./bad.dk` has syntax errors; it is left unchanged")
    );
    assert_ne!(
        std::fs::read_to_string(dir.join("good.dk")).unwrap(),
        MESSY,
        "the good file is formatted"
    );
    let out = duikou(&dir, &["fmt", "missing.dk"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The findings of `check --format json`, without what depends on layout or file names.
fn findings(dir: &Path) -> Vec<Value> {
    let out = duikou(dir, &["check", "rules", "--format", "json"]);
    let mut v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut list = v["findings"].take().as_array().cloned().unwrap_or_default();
    for f in &mut list {
        let o = f.as_object_mut().expect("object");
        o.remove("location");
        o.remove("related");
        o.remove("witness");
        if let Some(m) = o.get_mut("message") {
            let words: Vec<String> = m
                .as_str()
                .unwrap_or("")
                .split(' ')
                .map(|w| duikou::fmt::Dialect::En.keyword(w).to_string())
                .collect();
            *m = Value::String(words.join(" ").replace(&dir.display().to_string(), ""));
        }
        // Help snippets follow the dialect of the file: compare them in English keywords.
        if let Some(Value::String(h)) = o.get_mut("help") {
            *h = in_english_keywords(h);
        }
    }
    list
}

/// A help text with its keywords and placeholders written back in English.
fn in_english_keywords(help: &str) -> String {
    const PLACEHOLDERS: &[(&str, &str)] = &[
        ("某主体", "ACTOR"),
        ("某支援类型", "PROGRAM"),
        ("某年", "YEAR"),
        ("某记录", "RECORD"),
        ("某条件", "CONDITION"),
        ("某名称", "NAME"),
        ("某键", "KEY"),
    ];
    help.split(' ')
        .map(|w| {
            let core = w.trim_matches(|c: char| c == '`' || c == ',');
            let start = w.find(core).unwrap_or(0);
            let english = PLACEHOLDERS
                .iter()
                .find(|(zh, _)| *zh == core)
                .map_or_else(|| duikou::fmt::Dialect::En.keyword(core), |(_, en)| *en);
            format!("{}{english}{}", &w[..start], &w[start + core.len()..])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_shipped_rules_formatted_in_either_dialect_check_the_same_on_their_data() {
    let original = scratch("shipped-original");
    copy_dir(Path::new("rules"), &original.join("rules"));
    let expected = findings(&original);
    assert!(expected.len() > 10);
    for dialect in ["zh", "en", "keep"] {
        let dir = scratch(&format!("shipped-{dialect}"));
        copy_dir(Path::new("rules"), &dir.join("rules"));
        assert!(
            duikou(&dir, &["fmt", "--dialect", dialect, "rules"])
                .status
                .success()
        );
        assert_eq!(findings(&dir), expected, "{dialect}");
        assert_eq!(
            duikou(&dir, &["fmt", "--check", "--dialect", dialect, "rules"])
                .status
                .code(),
            Some(0)
        );
    }
}

#[test]
fn coverage_below_the_minimum_fails() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = duikou(
        root,
        &["test", "rules", "--coverage", "--min-coverage", "99"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is below the minimum 99%"));
    let out = duikou(
        root,
        &["test", "rules", "--coverage", "--min-coverage", "80"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = duikou(root, &["test", "rules", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_refuses_rules_with_errors_and_unknown_data() {
    let dir = scratch("diff");
    std::fs::write(dir.join("bad.dk"), "actor 甲 {").expect("written");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let out = duikou(&dir, &["diff", root.to_str().unwrap(), "bad.dk"]);
    assert_eq!(out.status.code(), Some(2));
    let out = duikou(
        &dir,
        &[
            "diff",
            root.to_str().unwrap(),
            root.to_str().unwrap(),
            "--data",
            "nothing=x.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = duikou(
        &dir,
        &["diff", root.to_str().unwrap(), root.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "documents and articles (0)\nnorms (0)\ngaps and conflicts (0)\n"
    );
}

/// Cut pieces out of the shipped files: the formatter refuses or formats, never panics, and what
/// it formats it formats the same a second time.
#[test]
fn fmt_never_panics_on_mutated_files() {
    use duikou::fmt::{Dialect, format_source};
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for entry in std::fs::read_dir("rules").expect("rules").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "dk") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let chars: Vec<char> = text.chars().collect();
        for round in 0..6 {
            let at = next(chars.len());
            let len = 1 + next(12);
            let mutated: String = chars[..at]
                .iter()
                .chain(chars[(at + len).min(chars.len())..].iter())
                .collect();
            let dialect = if round % 2 == 0 {
                Dialect::Keep
            } else {
                Dialect::Zh
            };
            if let Ok(once) = format_source(&mutated, dialect) {
                let twice = format_source(&once, dialect).expect("a formatted file formats again");
                assert_eq!(
                    once,
                    twice,
                    "{}: not idempotent after a cut at {at}",
                    path.display()
                );
            }
        }
    }
}
