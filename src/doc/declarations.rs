//! The declarations page: actors by region, programs, functions and record types, each with
//! the anchor its name links to.

use super::html::{esc, page, table};
use super::links::Links;
use crate::RuleSet;

/// Actors grouped under the actor they lie in (`region`, else `of`); with `anchors`, each
/// actor's row carries the anchor its name links to.
pub fn actors_by_region(rules: &RuleSet, links: &Links, anchors: bool) -> String {
    let s = rules.symbols();
    let mut groups: Vec<(String, Vec<(usize, &crate::ast::Actor)>)> = Vec::new();
    for (i, a) in s.actors.values().enumerate() {
        let parent = a
            .region
            .as_ref()
            .or(a.of.as_ref())
            .map_or(String::new(), |n| n.text.clone());
        match groups.iter_mut().find(|(p, _)| *p == parent) {
            Some((_, list)) => list.push((i, a)),
            None => groups.push((parent, vec![(i, a)])),
        }
    }
    let mut out = String::from("<h2 id=\"actors\">主体（按所在地区）</h2>\n");
    for (parent, list) in groups {
        let heading = if parent.is_empty() {
            "（顶层）".to_string()
        } else {
            links.name(&parent)
        };
        out.push_str(&format!("<h3>{heading}</h3>\n<ul class=\"actors\">\n"));
        for (i, a) in list {
            let id = if anchors {
                format!(" id=\"actor-{}\"", i + 1)
            } else {
                String::new()
            };
            let detail = [
                a.kind.map(|k| k.as_str().to_string()),
                a.level.map(|l| l.as_str().to_string()),
                a.title.clone(),
                a.until.map(|u| format!("至 {u}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            out.push_str(&format!(
                "<li{id}>{} <span class=\"detail\">{}</span></li>\n",
                links.name(&a.name.text),
                esc(&detail)
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// The declarations page.
pub fn declarations_page(rules: &RuleSet, links: &Links) -> String {
    let s = rules.symbols();
    let mut body = actors_by_region(rules, links, true);
    body.push_str("<h2 id=\"programs\">支援类型</h2>\n<ul>\n");
    for (i, p) in s.programs.values().enumerate() {
        body.push_str(&format!(
            "<li id=\"program-{}\">{} <span class=\"detail\">{}</span></li>\n",
            i + 1,
            esc(&p.name.text),
            esc(p.title.as_deref().unwrap_or(""))
        ));
    }
    body.push_str("</ul>\n<h2 id=\"functions\">职能</h2>\n<ul>\n");
    for (i, f) in s.functions.values().enumerate() {
        let detail = [
            f.title.clone(),
            f.scope.map(|x| format!("scope: {}", x.as_str())),
            f.side.map(|x| format!("side: {}", x.as_str())),
            f.holder.map(|x| format!("holder: {}", x.as_str())),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        body.push_str(&format!(
            "<li id=\"function-{}\">{} <span class=\"detail\">{}</span></li>\n",
            i + 1,
            esc(&f.name.text),
            esc(&detail)
        ));
    }
    body.push_str("</ul>\n<h2 id=\"records\">报送数据的格式</h2>\n");
    for (i, r) in s.records.values().enumerate() {
        let rows: Vec<Vec<String>> = r
            .fields
            .iter()
            .map(|f| {
                let marks = [
                    f.key.then_some("key"),
                    f.time.then_some("time"),
                    f.optional.then_some("可空"),
                ];
                vec![
                    esc(&f.name.text),
                    esc(&super::phrase::field(&f.name.text)),
                    esc(&f.ty.written()),
                    esc(&marks.into_iter().flatten().collect::<Vec<_>>().join(" ")),
                ]
            })
            .collect();
        body.push_str(&format!(
            "<h3 id=\"record-{}\">{}</h3>\n",
            i + 1,
            esc(&r.name.text)
        ));
        body.push_str(&table("record", &["字段", "含义", "类型", "标记"], &rows));
    }
    page("主体、支援类型、职能与数据格式", &body)
}
