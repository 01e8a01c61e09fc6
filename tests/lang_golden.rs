//! Output in Chinese: every command and output format run with `--lang zh`, compared with
//! `tests/lang_cases/NAME.zh.expected` (standard output, then standard error and the exit
//! code). The English forms are the other golden suites. `DUIKOU_BLESS=1 cargo test --test
//! lang_golden` rewrites the expected files. Also: how the language is chosen.

use std::path::Path;
use std::process::{Command, Output};

const GROUP: &str = "supporter=河北省,recipient=巴州,year=2017";

/// `(name, arguments)`: each runs as `duikou --lang zh ARGS` in the project folder.
const CASES: &[(&str, &[&str])] = &[
    ("check_human", &["check", "rules"]),
    ("check_short", &["check", "rules", "--format", "short"]),
    ("check_json", &["check", "rules", "--format", "json"]),
    (
        "check_markdown",
        &["check", "rules", "--format", "markdown"],
    ),
    ("check_sarif", &["check", "rules", "--format", "sarif"]),
    (
        "check_syntax_error",
        &["check", "tests/cases/parse/chinese_quote.dk"],
    ),
    (
        "check_names_zh",
        &["check", "tests/cases/decl/pair_years_zh.dk"],
    ),
    ("gaps_human", &["gaps", "tests/cases/gaps/no_lead_zh.dk"]),
    (
        "gaps_unheld",
        &["gaps", "tests/cases/gaps/pair_in_document_zh.dk"],
    ),
    (
        "gaps_json",
        &["gaps", "tests/cases/gaps/no_lead_zh.dk", "--format", "json"],
    ),
    (
        "gaps_markdown",
        &[
            "gaps",
            "tests/cases/gaps/no_lead_zh.dk",
            "--format",
            "markdown",
        ],
    ),
    (
        "conflicts_human",
        &["conflicts", "tests/cases/conflicts/c001_superior_zh.dk"],
    ),
    (
        "conflicts_short",
        &[
            "conflicts",
            "tests/cases/conflicts/c001_superior_zh.dk",
            "--format",
            "short",
        ],
    ),
    ("score_human", &["score", "rules"]),
    (
        "score_markdown",
        &["score", "rules", "--format", "markdown"],
    ),
    (
        "explain_group",
        &["explain", "民生投入", "rules", "--group", GROUP],
    ),
    (
        "explain_no_rule",
        &["explain", "没有这条", "rules", "--group", GROUP],
    ),
    ("test_human", &["test", "rules"]),
    (
        "fmt_check",
        &["fmt", "--check", "tests/fmt_cases/comments.dk"],
    ),
    (
        "diff_markdown",
        &[
            "diff",
            "tests/diff_cases/norm_layer/old",
            "tests/diff_cases/norm_layer/new",
        ],
    ),
    (
        "score_no_evaluation",
        &["score", "rules", "--evaluation", "没有"],
    ),
    ("help_top", &["--help"]),
    ("help_check_short", &["check", "-h"]),
    ("help_gaps_long", &["gaps", "--help"]),
    ("help_subcommand", &["help", "score"]),
    (
        "type_cumulative_not_aggregate",
        &["check", "tests/cases/type/cumulative_not_aggregate.dk"],
    ),
    (
        "type_cumulative_without_periods",
        &["check", "tests/cases/type/cumulative_without_periods.dk"],
    ),
    (
        "type_period_in_evaluation",
        &[
            "check",
            "tests/cases/type/period_in_evaluation.dk",
            "--format",
            "short",
        ],
    ),
    (
        "decl_missing_property",
        &[
            "check",
            "tests/cases/decl/missing_property.dk",
            "--format",
            "short",
        ],
    ),
    (
        "decl_duty_pair",
        &[
            "check",
            "tests/cases/decl/duty_pair.dk",
            "--format",
            "short",
        ],
    ),
    (
        "parse_nesting",
        &[
            "check",
            "tests/cases/parse/nesting_not_zh.dk",
            "--format",
            "short",
        ],
    ),
    (
        "gaps_inactive_year_json",
        &[
            "gaps",
            "tests/cases/gaps/no_lead_zh.dk",
            "--year",
            "1990",
            "--format",
            "json",
        ],
    ),
    (
        "test_coverage_markdown",
        &["test", "rules", "--coverage", "--format", "markdown"],
    ),
    ("test_coverage_human", &["test", "rules", "--coverage"]),
    (
        "parse_keyword_as_name",
        &[
            "check",
            "tests/cases/parse/syntax_keyword_as_name_zh.dk",
            "--format",
            "short",
        ],
    ),
    (
        "parse_glued_keyword",
        &[
            "check",
            "tests/cases/parse/syntax_glued_keyword_zh.dk",
            "--format",
            "short",
        ],
    ),
];

fn duikou(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_duikou"));
    for var in ["DUIKOU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(var);
    }
    c.envs(env.iter().copied()).args(args);
    c.output().expect("duikou runs")
}

fn shown(o: &Output) -> String {
    format!(
        "{}--- stderr\n{}--- exit {}\n",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
        o.status.code().unwrap_or(-1)
    )
}

#[test]
fn every_command_and_format_in_chinese() {
    let mut failures = Vec::new();
    for (name, args) in CASES {
        let mut all = vec!["--lang", "zh"];
        all.extend_from_slice(args);
        let actual = shown(&duikou(&all, &[]));
        let file = format!("tests/lang_cases/{name}.zh.expected");
        if std::env::var_os("DUIKOU_BLESS").is_some() {
            std::fs::write(&file, &actual).expect("expected file is writable");
            continue;
        }
        match std::fs::read_to_string(&file) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name} differs\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Err(e) => failures.push(format!("{file}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn chinese_output_keeps_codes_field_names_and_enum_values() {
    let zh = duikou(&["--lang", "zh", "check", "rules", "--format", "json"], &[]);
    let en = duikou(&["--lang", "en", "check", "rules", "--format", "json"], &[]);
    let zh: serde_json::Value = serde_json::from_slice(&zh.stdout).expect("JSON");
    let en: serde_json::Value = serde_json::from_slice(&en.stdout).expect("JSON");
    let (zf, ef) = (
        zh["findings"].as_array().unwrap(),
        en["findings"].as_array().unwrap(),
    );
    assert_eq!(zf.len(), ef.len());
    let mut translated = 0;
    for (z, e) in zf.iter().zip(ef) {
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(z), keys(e));
        for field in [
            "kind", "code", "rule", "severity", "group", "record", "years", "field",
        ] {
            assert_eq!(z[field], e[field], "{field}");
        }
        translated += usize::from(z["message"] != e["message"]);
    }
    assert!(translated * 2 > zf.len(), "most messages are translated");
    assert_eq!(zh["summary"], en["summary"]);
}

#[test]
fn a_rule_without_a_message_gets_a_default_one_in_the_output_language() {
    let dir = std::env::temp_dir().join(format!("duikou-lang-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(
        dir.join("rules.dk"),
        "记录 投入 { 编号: text key, 占比: percent }\n规则 民生投入 { 范围 投入 要求 占比 >= 74% }\n",
    )
    .unwrap();
    std::fs::write(dir.join("data/投入.csv"), "编号,占比\nA,40%\n").unwrap();
    let rules = dir.join("rules.dk");
    let data = dir.join("data");
    let args = |lang| {
        vec![
            "--lang".to_string(),
            lang,
            "check".into(),
            rules.display().to_string(),
            "--data".into(),
            data.display().to_string(),
            "--format".into(),
            "short".into(),
        ]
    };
    let run = |lang: &str| {
        let a = args(lang.to_string());
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        String::from_utf8_lossy(&duikou(&a, &[]).stdout).into_owned()
    };
    assert!(
        run("zh").contains("不符合 `民生投入`：数值为 40.0%"),
        "{}",
        run("zh")
    );
    assert!(run("en").contains("does not meet `民生投入`: the value is 40.0%"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_language_comes_from_the_flag_then_duikou_lang_then_the_locale() {
    let args = [
        "gaps",
        "tests/cases/gaps/no_lead_zh.dk",
        "--format",
        "short",
    ];
    let zh = |env: &[(&str, &str)]| shown(&duikou(&args, env)).contains("有承担者但无牵头单位");
    assert!(!zh(&[]), "English without any setting");
    assert!(zh(&[("DUIKOU_LANG", "zh")]));
    assert!(zh(&[("LANG", "zh_CN.UTF-8")]));
    assert!(zh(&[
        ("LC_MESSAGES", "zh_CN.UTF-8"),
        ("LANG", "en_US.UTF-8")
    ]));
    assert!(!zh(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]));
    assert!(!zh(&[("DUIKOU_LANG", "en"), ("LANG", "zh_CN.UTF-8")]));
    let mut flagged = vec!["--lang", "en"];
    flagged.extend_from_slice(&args);
    assert!(!shown(&duikou(&flagged, &[("DUIKOU_LANG", "zh")])).contains("牵头单位"));
    let bad = duikou(&args, &[("DUIKOU_LANG", "fr")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("`DUIKOU_LANG` is `fr`; use `zh` or `en`")
    );
}

#[test]
fn the_html_report_is_in_chinese_and_says_so() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lang-report.html");
    let o = duikou(
        &[
            "--lang",
            "zh",
            "check",
            "rules",
            "--format",
            "html",
            "-o",
            &out.display().to_string(),
        ],
        &[],
    );
    assert!(o.status.code().is_some());
    let html = std::fs::read_to_string(&out).expect("the report is written");
    for text in [
        "lang=\"zh-CN\"",
        "概要",
        "规则、缺口与冲突",
        "全部发现，最严重的在前",
        "各规则的违规",
    ] {
        assert!(html.contains(text), "{text}");
    }
}

#[test]
fn the_library_speaks_english_unless_asked() {
    let rules =
        duikou::RuleSet::load(&[Path::new("tests/cases/decl/pair_years_zh.dk").to_path_buf()]);
    assert!(rules.diagnostics()[0].message.starts_with("the pair ends"));
    let zh = duikou::i18n::with_lang(duikou::Lang::Zh, || {
        duikou::RuleSet::load(&[Path::new("tests/cases/decl/pair_years_zh.dk").to_path_buf()])
    });
    assert!(
        zh.diagnostics()[0].message.starts_with("结对的结束年份"),
        "{}",
        zh.diagnostics()[0].message
    );
}
