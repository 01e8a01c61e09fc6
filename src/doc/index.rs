//! The index page: documents by level and date, programs, the pairing table by program and
//! year, and the actors by region.

use super::html::{esc, link, page, table};
use super::links::{Links, document_page};
use crate::RuleSet;
use crate::ast::DocLevel;

/// A document level's Chinese name.
pub fn level_name(l: DocLevel) -> &'static str {
    match l {
        DocLevel::Constitution => "宪法",
        DocLevel::Law => "法律",
        DocLevel::AdministrativeRegulation => "行政法规",
        DocLevel::LocalRegulation => "地方性法规",
        DocLevel::AutonomousRegulation => "自治条例",
        DocLevel::SeparateRegulation => "单行条例",
        DocLevel::SezRegulation => "经济特区法规",
        DocLevel::PartyRegulation => "党内法规",
        DocLevel::DepartmentRule => "部门规章",
        DocLevel::LocalRule => "地方政府规章",
        DocLevel::NormativeDocument => "规范性文件",
        DocLevel::Agreement => "协议书",
        DocLevel::Minutes => "会议纪要",
    }
}

/// The index page.
pub fn index_page(rules: &RuleSet, links: &Links) -> String {
    let mut body = String::new();
    body.push_str(&documents(rules, links));
    body.push_str(&programs(rules, links));
    body.push_str(&pairings(rules, links));
    body.push_str(&super::declarations::actors_by_region(rules, links, false));
    page("规则集总览", &body)
}

fn documents(rules: &RuleSet, links: &Links) -> String {
    let s = rules.symbols();
    let mut docs: Vec<(usize, &crate::ast::Document)> = s.documents.values().enumerate().collect();
    docs.sort_by_key(|(i, d)| (d.level, d.effective, *i));
    let rows: Vec<Vec<String>> = docs
        .iter()
        .map(|(i, d)| {
            vec![
                esc(d.level.map_or("（未定）", level_name)),
                link(
                    &document_page(*i),
                    d.title.as_deref().unwrap_or(&d.name.text),
                ),
                d.issuer
                    .iter()
                    .map(|n| links.name(&n.text))
                    .collect::<Vec<_>>()
                    .join("、"),
                esc(&d.effective.map_or(String::new(), |e| e.to_string())),
                d.articles.len().to_string(),
            ]
        })
        .collect();
    let mut out = String::from("<h2 id=\"documents\">文件（按位阶与施行日期）</h2>\n");
    if rows.is_empty() {
        out.push_str("<p class=\"none\">规则集中没有文件。</p>\n");
    } else {
        out.push_str(&table(
            "documents",
            &["位阶", "文件", "制定机关", "施行日期", "条数"],
            &rows,
        ));
    }
    out.push_str(&format!(
        "<p>文件之外的规范见 {}。</p>\n",
        link("unsourced.html", "无出处的规范")
    ));
    out
}

fn programs(rules: &RuleSet, links: &Links) -> String {
    let rows: Vec<Vec<String>> = rules
        .symbols()
        .programs
        .values()
        .map(|p| {
            let years = match (p.since, p.until) {
                (Some(a), Some(b)) => format!("{a}—{b}"),
                (Some(a), None) => format!("{a} 起"),
                (None, Some(b)) => format!("至 {b}"),
                (None, None) => String::new(),
            };
            vec![
                links.name(&p.name.text),
                esc(p.title.as_deref().unwrap_or("")),
                esc(&years),
            ]
        })
        .collect();
    format!(
        "<h2 id=\"programs\">支援类型</h2>\n{}",
        table("programs", &["支援类型", "全称", "年份"], &rows)
    )
}

/// Per program, a row per pair and a column per year, marked where the pair runs.
fn pairings(rules: &RuleSet, links: &Links) -> String {
    let s = rules.symbols();
    let mut out = String::from("<h2 id=\"pairings\">结对关系（按支援类型与年度）</h2>\n");
    for p in s.programs.values() {
        let pairs: Vec<_> = s
            .pairs
            .iter()
            .filter(|x| x.item.program.text == p.name.text)
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let first = pairs
            .iter()
            .filter_map(|x| x.item.from.map(|f| f.0))
            .chain(p.since)
            .min()
            .unwrap_or(2000);
        let last = pairs
            .iter()
            .filter_map(|x| x.item.to.map(|t| t.0))
            .chain(p.until)
            .max()
            .unwrap_or(first)
            .max(first)
            .min(first + 40);
        let years: Vec<String> = (first..=last).map(|y| y.to_string()).collect();
        let mut header = vec!["支援方", "受援方", "出处"];
        header.extend(years.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = pairs
            .iter()
            .map(|x| {
                let from = x.item.from.map_or(i32::MIN, |f| f.0);
                let to = x.item.to.map_or(i32::MAX, |t| t.0);
                let source = x.source.as_ref().map_or("无出处".to_string(), |src| {
                    let href = super::links::document_page(src.id.index());
                    link(
                        &format!("{href}#{}", super::links::article_anchor(&src.article)),
                        &format!("{} 第 {} 条", src.document, src.article),
                    )
                });
                let mut row = vec![
                    links.name(&x.item.supporter.text),
                    links.name(&x.item.recipient.text),
                    source,
                ];
                row.extend((first..=last).map(|y| {
                    if (from..=to).contains(&y) {
                        "●".to_string()
                    } else {
                        String::new()
                    }
                }));
                row
            })
            .collect();
        out.push_str(&format!("<h3>{}</h3>\n", links.name(&p.name.text)));
        out.push_str(&table("pairings", &header, &rows));
    }
    out
}
