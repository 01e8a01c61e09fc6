//! The output language reaches everything a user sees: `--help` (chosen before clap parses),
//! the workbook's sheets and headers, the language server's hover and completion texts, and
//! the JSON and SARIF reports carry what the terminal shows (the inactive-year warning, the
//! exact value).

#[path = "support/lsp_client.rs"]
mod client;

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn duikou(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_duikou"));
    for var in ["DUIKOU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(var);
    }
    c.envs(env.iter().copied()).args(args);
    c.output().expect("duikou runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn help_follows_the_flag_anywhere_then_duikou_lang_then_the_locale() {
    let chinese = |o: &Output| {
        let s = stdout(o);
        assert_eq!(o.status.code(), Some(0), "{s}");
        s.contains("用法：") && s.contains("选项:") && !s.contains("Usage:")
    };
    assert!(chinese(&duikou(&["--lang", "zh", "--help"], &[])));
    assert!(chinese(&duikou(&["check", "--help", "--lang", "zh"], &[])));
    assert!(chinese(&duikou(&["gaps", "-h", "--lang=zh"], &[])));
    assert!(chinese(&duikou(
        &["score", "--help"],
        &[("DUIKOU_LANG", "zh")]
    )));
    assert!(chinese(&duikou(&["-h"], &[("LANG", "zh_CN.UTF-8")])));
    assert!(chinese(&duikou(
        &["help", "diff"],
        &[("LC_ALL", "zh_CN.UTF-8")]
    )));
    let english = duikou(&["check", "--help"], &[]);
    assert!(stdout(&english).contains("Usage: duikou check [OPTIONS]"));
    assert!(stdout(&english).contains("Treat warnings as errors"));
    let flag_wins = duikou(&["--lang", "en", "-h"], &[("DUIKOU_LANG", "zh")]);
    assert!(stdout(&flag_wins).contains("Usage:"));
    // Every command's own help is translated, not only the list of commands.
    let check = stdout(&duikou(&["--lang", "zh", "check", "-h"], &[]));
    for text in [
        "将警告视为错误",
        "输出格式",
        "[默认：human]",
        "[可选值：human、json",
    ] {
        assert!(check.contains(text), "{text}\n{check}");
    }
}

#[test]
fn gaps_json_carries_the_inactive_year_warning_in_the_output_language() {
    let args = |lang: &'static str| {
        [
            "--lang",
            lang,
            "gaps",
            "tests/cases/gaps/no_lead_zh.dk",
            "--year",
            "1990",
            "--format",
            "json",
        ]
    };
    let report = |lang| {
        let o = duikou(&args(lang), &[]);
        assert_eq!(o.status.code(), Some(0));
        assert!(
            o.stderr.is_empty(),
            "the warning is in the report, not beside it"
        );
        serde_json::from_slice::<Value>(&o.stdout).expect("JSON")
    };
    let (en, zh) = (report("en"), report("zh"));
    let warning = |v: &Value| v["warnings"][0].as_str().unwrap_or_default().to_string();
    assert!(warning(&en).contains("1990"), "{en}");
    assert!(warning(&en).contains("no program or pair"), "{en}");
    assert!(warning(&zh).contains("1990 年"), "{zh}");
    assert_eq!(en["findings"], json!([]));
    // An active year has no `warnings` at all.
    let active = duikou(
        &[
            "gaps",
            "tests/cases/gaps/no_lead_zh.dk",
            "--year",
            "2015",
            "--format",
            "json",
        ],
        &[],
    );
    let active: Value = serde_json::from_slice(&active.stdout).expect("JSON");
    assert!(active.get("warnings").is_none(), "{active}");
    // `--deny-warnings` still writes the report, and fails.
    let mut denied = args("en").to_vec();
    denied.push("--deny-warnings");
    let o = duikou(&denied, &[]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(warning(&v), warning(&en));
}

#[test]
fn sarif_results_carry_the_exact_value_beside_the_shown_one() {
    let o = duikou(&["check", "rules", "--format", "sarif"], &[]);
    let sarif: Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let json = duikou(&["check", "rules", "--format", "json"], &[]);
    let json: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let exact_in_json: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.get("value_exact"))
        .collect();
    let exact_in_sarif: Vec<&Value> = results
        .iter()
        .filter(|r| r["properties"]["value"].is_string())
        .map(|r| &r["properties"]["value_exact"])
        .collect();
    assert!(!exact_in_sarif.is_empty());
    assert_eq!(exact_in_sarif, exact_in_json);
    assert!(
        exact_in_sarif
            .iter()
            .any(|v| v.as_str().is_some_and(|s| s.len() > 10)),
        "a value in full, not rounded: {exact_in_sarif:?}"
    );
}

#[test]
fn sarif_messages_label_the_help_in_the_output_language() {
    let o = duikou(
        &[
            "--lang",
            "zh",
            "check",
            "tests/cases/type/cumulative_not_aggregate.dk",
            "--format",
            "sarif",
        ],
        &[],
    );
    let sarif: Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    let text = sarif["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(
        text.contains("\n帮助: 请写作 `cumulative sum(amount)`"),
        "{text}"
    );
}

fn sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
    book.sheet_names()
}

#[test]
fn the_workbook_names_its_sheets_and_columns_in_the_output_language() {
    use calamine::Reader;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (lang, summary, problems, first_header) in [
        ("zh", "汇总", "数据问题", "规则"),
        ("en", "Summary", "Data problems", "Rule"),
    ] {
        let file = dir.join(format!("lang-report-{lang}.xlsx"));
        let file_arg = file.display().to_string();
        let o = duikou(
            &[
                "--lang", lang, "check", "rules", "--format", "xlsx", "-o", &file_arg,
            ],
            &[],
        );
        // The shipped data has rejected rows (exit 2); the workbook is written all the same.
        assert!(o.status.code().is_some(), "{o:?}");
        let names = sheet_names(&file);
        assert_eq!(names[0], summary);
        assert!(names.iter().any(|n| n == problems), "{names:?}");
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
        let range = book.worksheet_range(summary).expect("the summary sheet");
        assert_eq!(range.get((0, 0)).unwrap().to_string(), first_header);
    }
}

#[test]
fn the_language_server_answers_in_the_clients_locale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/workspace");
    let path = root.join("zh.dk");
    let uri = client::file_uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let hover_on = |locale: Option<&str>| {
        let mut c = client::Client::start_in(&root, locale);
        c.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "duikou", "version": 1, "text": text } }),
        );
        let at = json!({ "textDocument": { "uri": uri },
                         "position": client::pos(&text, "河北援疆前指", 1, 1) });
        let hover = c.request("textDocument/hover", at);
        c.stop();
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let zh = hover_on(Some("zh-CN"));
    assert!(zh.contains("**职责** (1)"), "{zh}");
    assert!(
        zh.contains("承担 `贯彻落实`，针对 结对 `河北省` -> `巴州`"),
        "{zh}"
    );
    assert!(zh.contains("作为 配合"), "{zh}");
    let en = hover_on(Some("en-US"));
    assert!(en.contains("**duties** (1)"), "{en}");
    // Without a locale from the client, the server keeps the process's language (English
    // here, as `DUIKOU_LANG=en` is set by the test client).
    assert!(hover_on(None).contains("**duties**"));
}

#[test]
fn quick_fixes_work_when_the_language_server_speaks_chinese() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/workspace");
    let path = root.join("zh.dk");
    let uri = client::file_uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut c = client::Client::start_in(&root, Some("zh-CN"));
    let keyword = text.replace("主体 巴州", "主体 结对");
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "duikou", "version": 1, "text": keyword } }),
    );
    let said = |d: &Value| {
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("是关键字")
    };
    let diags = c.diagnostics(&uri, |d| d.iter().any(said));
    let d = diags.iter().find(|d| said(d)).unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions[0]["title"], "将 `结对` 写在反引号中");
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "`结对`");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    let diags = c.diagnostics(&uri, |d| d.iter().any(|d| d["code"] == "G004"));
    let g004 = diags.iter().find(|d| d["code"] == "G004").unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": g004["range"], "context": { "diagnostics": [] } }),
    );
    assert_eq!(
        actions[0]["title"],
        "将 `河北援疆前指` 设为牵头单位：加上 `作为 牵头`"
    );
    c.stop();
}

#[test]
fn sarif_fixes_are_the_same_in_both_languages() {
    let fixes = |lang: &str| {
        let o = duikou(
            &[
                "--lang",
                lang,
                "check",
                "tests/cases/name/unknown_actor.dk",
                "--format",
                "sarif",
            ],
            &[],
        );
        let sarif: Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
        sarif["runs"][0]["results"][0]["fixes"].clone()
    };
    let en = fixes("en");
    assert!(en.is_array(), "{en}");
    assert_eq!(en[0]["artifactChanges"], fixes("zh")[0]["artifactChanges"]);
}
