//! The search index: every name and article wording with the page it is on, written as a
//! script (a page opened from `file://` may not fetch a JSON file).

use super::html::page;
use super::links::{Links, article_anchor, document_page};
use crate::RuleSet;

/// `search-index.js`: `window.DUIKOU_INDEX = [[kind, name, text, href], …]`.
pub fn index_script(rules: &RuleSet, links: &Links) -> String {
    let s = rules.symbols();
    let mut entries: Vec<[String; 4]> = Vec::new();
    let mut named = |kind: &str, name: &str, text: String| {
        if let Some(h) = links.href(name) {
            entries.push([kind.to_string(), name.to_string(), text, h.to_string()]);
        }
    };
    for a in s.actors.values() {
        named("主体", &a.name.text, a.title.clone().unwrap_or_default());
    }
    for p in s.programs.values() {
        named(
            "支援类型",
            &p.name.text,
            p.title.clone().unwrap_or_default(),
        );
    }
    for f in s.functions.values() {
        named("职能", &f.name.text, f.title.clone().unwrap_or_default());
    }
    for r in s.records.values() {
        named("数据格式", &r.name.text, String::new());
    }
    for r in s.rules.values() {
        named(
            "规则",
            &r.item.name.text,
            r.item.title.clone().unwrap_or_default(),
        );
    }
    for e in s.evaluations.values() {
        named(
            "考评",
            &e.item.name.text,
            e.item.title.clone().unwrap_or_default(),
        );
    }
    for (i, d) in s.documents.values().enumerate() {
        let page = document_page(i);
        entries.push([
            "文件".into(),
            d.name.text.clone(),
            d.title.clone().unwrap_or_default(),
            page.clone(),
        ]);
        for a in &d.articles {
            entries.push([
                "条文".into(),
                format!("{} 第 {} 条", d.name.text, a.number),
                a.text.clone().unwrap_or_default(),
                format!("{page}#{}", article_anchor(&a.number)),
            ]);
        }
    }
    let json = serde_json::to_string(&entries).expect("strings serialise");
    format!("window.DUIKOU_INDEX = {json};\n")
}

/// The search page; the script fills in the results for `?q=` or `#q=`.
pub fn search_page() -> String {
    page(
        "搜索",
        "<p id=\"search-status\">在上方输入名称或条文中的词语。</p>\n<ol id=\"search-results\"></ol>\n",
    )
}
