//! `duikou lsp` as an editor sees it: the server runs as a subprocess and every feature is
//! checked over JSON-RPC against expected values, in both dialects.

#[path = "support/lsp_client.rs"]
mod client;

use client::{Client, file_uri, pos};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lsp/workspace")
}

fn read(name: &str) -> (String, String) {
    let path = workspace().join(name);
    (file_uri(&path), std::fs::read_to_string(path).unwrap())
}

fn open(c: &mut Client, uri: &str, text: &str) {
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "duikou", "version": 1, "text": text } }),
    );
}

fn at(uri: &str, position: Value) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position })
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn labels(items: &Value) -> Vec<String> {
    let list = items
        .as_array()
        .or_else(|| items["items"].as_array())
        .unwrap();
    list.iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

/// Applies the edits of one file (from a `WorkspaceEdit`) to its text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let (s, t) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(s..t, e["newText"].as_str().unwrap());
    }
    out
}

#[test]
fn diagnostics_appear_as_you_type_and_clear_when_fixed() {
    let mut c = Client::start(&workspace());
    let (zh, _) = read("zh.dk");
    let (en, en_text) = read("en.dk");
    // The workspace's findings arrive without opening anything: G004 and G009 from `check`.
    let found = c.diagnostics(&zh, |d| !d.is_empty());
    assert_eq!(codes(&found), ["G009", "G004"]);
    let g004 = &found[1];
    assert_eq!(g004["severity"], 2);
    assert!(
        g004["message"]
            .as_str()
            .unwrap()
            // The help is written in the keywords of the file it points into.
            .contains("help: mark the body responsible `作为 牵头`")
    );
    assert!(g004["relatedInformation"].as_array().unwrap().len() >= 2);

    let broken = en_text.replace("forbid spent >", "forbid spnt >");
    open(&mut c, &en, &broken);
    let diags = c.diagnostics(&en, |d| !d.is_empty());
    assert_eq!(codes(&diags), ["duikou::name::unknown_name"]);
    let d = &diags[0];
    assert_eq!(d["range"]["start"], pos(&broken, "spnt", 0, 0));
    assert_eq!(d["range"]["end"], pos(&broken, "spnt", 0, 4));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .ends_with("help: did you mean `spent`?"),
        "{d}"
    );

    // The quick fix for it replaces the name.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": en }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let fix = &actions[0];
    assert_eq!(fix["title"], "replace with `spent`");
    let fixed = apply(&broken, fix["edit"]["changes"][&en].as_array().unwrap());
    assert_eq!(fixed, en_text);

    // An incremental change typing the fix clears the diagnostics.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": en, "version": 2 },
                "contentChanges": [{ "range": { "start": pos(&broken, "spnt", 0, 2), "end": pos(&broken, "spnt", 0, 2) }, "text": "e" }] }),
    );
    let cleared = c.diagnostics(&en, |d| d.is_empty());
    assert!(cleared.is_empty());
    assert!(c.stop().success());
}

#[test]
fn hover_shows_declarations_articles_actors_and_aggregate_types() {
    let mut c = Client::start(&workspace());
    let (zh, text) = read("zh.dk");
    let hover = |c: &mut Client, needle: &str, nth: usize| {
        let h = c.request("textDocument/hover", at(&zh, pos(&text, needle, nth, 1)));
        h["contents"]["value"].as_str().unwrap_or("").to_string()
    };
    let actor = hover(&mut c, "河北省", 2);
    assert!(
        actor.contains(
            "主体 河北省 { kind: government, level: province, title: \"河北省人民政府\" }"
        ),
        "{actor}"
    );
    assert!(actor.contains("- kind: government"), "{actor}");
    assert!(
        actor.contains("**pairs** (1)\n- `河北省` -> `巴州` in `援疆` 2010–2030"),
        "{actor}"
    );
    let holder = hover(&mut c, "河北援疆前指", 1);
    assert!(
        holder
            .contains("**duties** (1)\n- holds `贯彻落实` for pair `河北省` -> `巴州` as support"),
        "{holder}"
    );

    let rule = hover(&mut c, "民生投入", 0);
    assert!(rule.contains("**民生投入不低于74%**"), "{rule}");
    assert!(rule.contains("article 12 of `援疆条例`"), "{rule}");
    assert!(
        rule.contains("> 援疆资金中用于保障和改善民生的比例不低于百分之七十四。"),
        "{rule}"
    );
    assert!(rule.contains("**对口支援新疆工作条例** — administrative_regulation, in force from 2012-01-01, issued by `国务院`"), "{rule}");

    let duty = hover(&mut c, "承担", 0);
    assert!(
        duty.starts_with("**duty** `河北援疆前指` holds `贯彻落实`"),
        "{duty}"
    );
    assert!(duty.contains("article 12 of `援疆条例`"), "{duty}");

    let sum = hover(&mut c, "sum", 0);
    assert_eq!(sum, "`sum(…)`: money");
    let field = hover(&mut c, "planned", 0);
    assert!(
        field.contains("field of record `project`: `money(万元)`"),
        "{field}"
    );
    assert!(field.contains("*declared in `en.dk`, line 12*"), "{field}");
    assert!(c.stop().success());
}

#[test]
fn definition_references_and_rename_cross_files() {
    let mut c = Client::start(&workspace());
    let (zh, text) = read("zh.dk");
    let (en, en_text) = read("en.dk");
    let def = c.request(
        "textDocument/definition",
        at(&zh, pos(&text, "planned", 1, 2)),
    );
    assert_eq!(def["uri"], en.as_str());
    assert_eq!(def["range"]["start"], pos(&en_text, "planned", 0, 0));

    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": zh }, "position": pos(&text, "巴州", 1, 0), "context": { "includeDeclaration": true } }),
    );
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.len(), 3);
    assert_eq!(refs[0]["range"]["start"], pos(&text, "巴州", 0, 0));
    assert_eq!(refs[2]["range"]["start"], pos(&text, "巴州", 2, 0));

    let field_refs = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": en }, "position": pos(&en_text, "planned", 0, 0), "context": { "includeDeclaration": false } }),
    );
    let uris: Vec<&str> = field_refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris, [en.as_str(), zh.as_str(), zh.as_str()]);

    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": zh }, "position": pos(&text, "巴州", 0, 1), "newName": "巴音郭楞" }),
    );
    let renamed = apply(&text, rename["changes"][&zh].as_array().unwrap());
    assert_eq!(renamed, text.replace("巴州", "巴音郭楞"));

    let spaced = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": en }, "position": pos(&en_text, "spent", 0, 0), "newName": "spent total" }),
    );
    let edits = spaced["changes"][&en].as_array().unwrap();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0]["newText"], "`spent total`");

    let clash = c.request_raw(
        "textDocument/rename",
        json!({ "textDocument": { "uri": zh }, "position": pos(&text, "巴州", 0, 1), "newName": "河北省" }),
    );
    assert_eq!(
        clash["error"]["message"],
        "cannot rename: actor `河北省` is already declared, and all declarations share one namespace"
    );
    let field_clash = c.request_raw(
        "textDocument/rename",
        json!({ "textDocument": { "uri": en }, "position": pos(&en_text, "spent", 0, 0), "newName": "planned" }),
    );
    assert_eq!(
        field_clash["error"]["message"],
        "record `project` already has a field `planned`"
    );
    assert!(c.stop().success());
}

/// Completion at the `\u{0}` in `text`, opened as `uri`: the labels offered.
fn complete(c: &mut Client, uri: &str, text: &str) -> Vec<String> {
    open(c, uri, text);
    let end = pos(text, "\u{0}", 0, 0);
    labels(&c.request("textDocument/completion", at(uri, end)))
}

/// Inside a rule, the record's fields; in a declaration's properties, the values they take.
fn completes_fields_and_property_values(
    c: &mut Client,
    (en, en_text): (&str, &str),
    (zh, text): (&str, &str),
) {
    let fields = complete(
        c,
        en,
        &format!("{en_text}\nrule r {{\n  over project where \u{0}"),
    );
    assert_eq!(
        &fields[..9],
        [
            "id",
            "program",
            "supporter",
            "recipient",
            "year",
            "category",
            "livelihood",
            "planned",
            "spent"
        ]
    );
    assert!(fields.contains(&"sum".to_string()) && fields.contains(&"where".to_string()));

    let level = complete(
        c,
        en,
        &format!("{en_text}\nactor 新 {{ kind: office, level: \u{0}"),
    );
    assert_eq!(
        level,
        ["central", "province", "prefecture", "county", "township"]
    );
    let kind = complete(c, zh, &format!("{text}\n主体 新 {{ kind：\u{0}"));
    assert_eq!(kind[0], "government");
    let doc_level = complete(c, en, &format!("{en_text}\ndocument d {{\n  level: \u{0}"));
    assert!(doc_level.contains(&"local_regulation".to_string()));
}

#[test]
fn completion_follows_context_and_dialect() {
    let mut c = Client::start(&workspace());
    let (zh, text) = read("zh.dk");
    let (en, en_text) = read("en.dk");
    // At the top level: keywords in the file's dialect, and declared names.
    let zh_top = complete(&mut c, &zh, &format!("{text}\n\u{0}"));
    assert!(zh_top.contains(&"规则".to_string()) && !zh_top.contains(&"rule".to_string()));
    assert!(zh_top.contains(&"贯彻落实".to_string()) && zh_top.contains(&"援疆条例".to_string()));
    let en_top = complete(&mut c, &en, &format!("{en_text}\n\u{0}"));
    assert!(en_top.contains(&"rule".to_string()) && !en_top.contains(&"规则".to_string()));
    assert!(en_top.contains(&"援疆".to_string()));

    let pair = complete(&mut c, &zh, &format!("{text}\n结对 \u{0}"));
    assert_eq!(
        pair,
        ["national", "国务院", "河北省", "巴州", "河北援疆前指"]
    );
    let program = complete(
        &mut c,
        &zh,
        &format!(
            "{text}\n结对 河北省 -> 巴州 属于 援疆 自 2010 至 2030\n结对 河北省 -> 巴州 属于 \u{0}"
        ),
    );
    assert_eq!(program, ["援疆"]);
    let target = complete(
        &mut c,
        &zh,
        &format!("{text}\n职责 河北省 承担 贯彻落实 针对 \u{0}"),
    );
    assert_eq!(target, ["支援类型", "结对"]);
    let duty = complete(&mut c, &zh, &format!("{text}\n职责 河北省 承担 \u{0}"));
    assert_eq!(duty, ["贯彻落实"]);
    let role = complete(
        &mut c,
        &zh,
        &format!("{text}\n职责 河北省 承担 贯彻落实 针对 支援类型 援疆 作为 \u{0}"),
    );
    assert_eq!(role, ["牵头", "配合"]);
    let en_role = complete(
        &mut c,
        &en,
        &format!("{en_text}\nduty 国务院 holds 贯彻落实 for program 援疆 as \u{0}"),
    );
    assert_eq!(en_role, ["lead", "support"]);

    completes_fields_and_property_values(&mut c, (&en, &en_text), (&zh, &text));
    assert!(c.stop().success());
}

#[test]
fn outline_workspace_symbols_and_semantic_tokens() {
    let mut c = Client::start(&workspace());
    let (zh, _) = read("zh.dk");
    let outline = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": zh } }),
    );
    let names: Vec<&str> = outline
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "援疆",
            "河北省",
            "巴州",
            "河北援疆前指",
            "贯彻落实",
            "援疆条例"
        ]
    );
    let article = &outline[5]["children"][0];
    assert_eq!(article["name"], "article 12");
    let norms: Vec<&str> = article["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        norms,
        [
            "民生投入",
            "pair 河北省 -> 巴州",
            "duty 河北援疆前指 holds 贯彻落实"
        ]
    );

    let found = c.request("workspace/symbol", json!({ "query": "援疆" }));
    let names: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["援疆", "河北援疆前指", "援疆条例"]);

    // Semantic tokens: the first line is a comment; `支援类型` a keyword, `援疆` a program.
    let tokens = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": zh } }),
    );
    let data: Vec<u64> = tokens["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(&data[..15], [0, 0, 21, 3, 0, 1, 0, 4, 0, 0, 0, 5, 2, 5, 1]);

    assert!(c.stop().success());
}

#[test]
fn quick_fixes_for_quotes_keywords_and_leads() {
    let mut c = Client::start(&workspace());
    let (zh, text) = read("zh.dk");
    // “” → "".
    let quoted = text.replace("\"对口援疆\"", "“对口援疆”");
    open(&mut c, &zh, &quoted);
    let diags = c.diagnostics(&zh, |d| {
        codes(d).contains(&"duikou::parse::chinese_quote".to_string())
    });
    let d = diags
        .iter()
        .find(|d| d["code"] == "duikou::parse::chinese_quote")
        .unwrap();
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": zh }, "range": d["range"], "context": { "diagnostics": [] } }));
    assert_eq!(actions[0]["title"], "use straight double quotes");
    assert_eq!(
        apply(
            &quoted,
            actions[0]["edit"]["changes"][&zh].as_array().unwrap()
        ),
        text
    );

    // A keyword as a name gets backticks.
    let keyword = text.replace("主体 巴州", "主体 结对");
    open(&mut c, &zh, &keyword);
    let diags = c.diagnostics(&zh, |d| {
        d.iter()
            .any(|d| d["message"].as_str().unwrap().contains("is a keyword"))
    });
    let d = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("is a keyword"))
        .unwrap();
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": zh }, "range": d["range"], "context": { "diagnostics": [] } }));
    assert_eq!(actions[0]["title"], "write `结对` in backticks");
    let fixed = apply(
        &keyword,
        actions[0]["edit"]["changes"][&zh].as_array().unwrap(),
    );
    assert!(fixed.contains("主体 `结对` {"));

    // G004: the duty gets `作为 牵头` (the file is Chinese).
    open(&mut c, &zh, &text);
    let diags = c.diagnostics(&zh, |d| codes(d) == ["G009", "G004"]);
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": zh }, "range": diags[1]["range"], "context": { "diagnostics": [] } }));
    assert_eq!(
        actions[0]["title"],
        "make `河北援疆前指` the lead: add `作为 牵头`"
    );
    let fixed = apply(
        &text,
        actions[0]["edit"]["changes"][&zh].as_array().unwrap(),
    );
    assert!(
        fixed.contains("针对 结对 河北省 -> 巴州 作为 牵头\n"),
        "{fixed}"
    );
    c.notify("textDocument/didChange", json!({ "textDocument": { "uri": zh, "version": 9 }, "contentChanges": [{ "text": fixed }] }));
    let after = c.diagnostics(&zh, |d| !codes(d).contains(&"G004".to_string()));
    assert_eq!(codes(&after), ["G009"]);
    assert!(c.stop().success());
}

#[test]
fn unknown_requests_get_an_error_and_the_server_goes_on() {
    let mut c = Client::start(&workspace());
    let answer = c.request_raw("duikou/nothing", json!({}));
    assert_eq!(answer["error"]["code"], -32601);
    let bad = c.request_raw("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(bad["error"]["code"], -32602);
    let (zh, text) = read("zh.dk");
    let h = c.request("textDocument/hover", at(&zh, pos(&text, "巴州", 0, 0)));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("巴音郭楞蒙古自治州")
    );
    assert!(c.stop().success());
}

#[test]
fn formatting_lays_the_file_out_as_duikou_fmt_does() {
    let mut c = Client::start(&workspace());
    // Formatting is `duikou fmt`: full-width punctuation, trailing spaces, the canonical layout.
    let (en, en_text) = read("en.dk");
    let messy = en_text
        .replace("kind: government,", "kind： government，")
        .replace("  over project\n", "  over project   \n")
        + "   \n\n";
    open(&mut c, &en, &messy);
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": en }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply(&messy, edits.as_array().unwrap());
    let canonical =
        duikou::fmt::format_source(&en_text, duikou::fmt::Dialect::Keep).expect("en.dk formats");
    assert_eq!(formatted, canonical);

    assert!(c.stop().success());
}

#[test]
fn closing_a_document_returns_to_the_file_on_disk_and_unsaved_files_are_checked() {
    let mut c = Client::start(&workspace());
    let (en, en_text) = read("en.dk");
    open(
        &mut c,
        &en,
        &en_text.replace("actor 国务院", "actor 国务院 {}\nactor 国务院"),
    );
    let dup = c.diagnostics(&en, |d| !d.is_empty());
    assert_eq!(
        codes(&dup),
        [
            "duikou::decl::missing_property",
            "duikou::decl::missing_property",
            "duikou::name::duplicate"
        ]
    );
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": en } }),
    );
    assert!(c.diagnostics(&en, |d| d.is_empty()).is_empty());

    // A new, unsaved document outside the workspace is checked on its own.
    let untitled = "untitled:Untitled-1";
    open(&mut c, untitled, "规则 r {\n  范围 project\n  禁止 x\n}\n");
    let diags = c.diagnostics(untitled, |d| !d.is_empty());
    assert_eq!(codes(&diags)[0], "duikou::name::unknown_record");
    assert!(c.stop().success());
}
