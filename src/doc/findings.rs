//! The responsibility matrix, and a page for each gap and conflict linking the provisions
//! involved.

use super::html::{esc, link, page, table};
use super::links::Links;
use crate::RuleSet;
use crate::diagnostic::Diagnostic;
use crate::gaps::matrix::{Cell, matrix};
use crate::source::Span;

/// A finding's kind and severity in Chinese: `冲突 C001（错误）`.
fn heading(d: &Diagnostic) -> String {
    let kind = if d.code.as_str().starts_with('C') {
        "冲突"
    } else {
        "缺口"
    };
    format!("{kind} {}（{}）", d.code.as_str(), severity(d))
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity.as_str() {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    }
}

/// The page names of the findings: `gap-1.html` … for gaps, `conflict-1.html` … for
/// conflicts, each numbered in order.
pub fn finding_pages(found: &[Diagnostic]) -> Vec<String> {
    let (mut gaps, mut conflicts) = (0, 0);
    found
        .iter()
        .map(|d| {
            if d.code.as_str().starts_with('C') {
                conflicts += 1;
                format!("conflict-{conflicts}.html")
            } else {
                gaps += 1;
                format!("gap-{gaps}.html")
            }
        })
        .collect()
}

/// The matrix page: one row per function, side and scope, with its holders.
pub fn matrix_page(rules: &RuleSet, links: &Links) -> String {
    let cells = matrix(rules.symbols(), &Default::default());
    let rows: Vec<Vec<String>> = cells.iter().map(|c| cell_row(c, links)).collect();
    let mut body = String::from(
        "<p>每一支援类型、每一结对，每一职能在每一需要的一方由谁承担：<strong>牵头</strong>或配合，依据哪份文件哪一条，哪些年份。依据一栏：法律依据（法律、法规、规章）、仅政治依据（规范性文件、协议、纪要）或没有依据。</p>\n",
    );
    if rows.is_empty() {
        body.push_str("<p class=\"none\">规则集中没有职能或范围。</p>\n");
    } else {
        body.push_str(&table(
            "matrix",
            &["范围", "职能", "一方", "年份", "依据", "承担者"],
            &rows,
        ));
    }
    page("责任矩阵", &body)
}

fn cell_row(c: &Cell, links: &Links) -> Vec<String> {
    let holders: Vec<String> = c
        .holders
        .iter()
        .map(|h| {
            let who = if h.role == "lead" {
                format!("<strong>{}</strong>（牵头）", links.name(&h.actor))
            } else {
                links.name(&h.actor)
            };
            let basis = match (&h.document, &h.article) {
                (Some(d), Some(a)) => {
                    let page = links.document(d).unwrap_or("index.html");
                    let href = format!("{page}#{}", super::links::article_anchor(a));
                    format!("，{}", link(&href, &format!("{d} 第 {a} 条")))
                }
                _ => "，无出处".to_string(),
            };
            let years = if h.whole {
                String::new()
            } else {
                format!("（{}）", esc(&h.years.to_string()))
            };
            format!("{who}{basis}{years}")
        })
        .collect();
    let basis = match c.basis.as_str() {
        "legal" => "法律依据",
        "political" => "仅政治依据",
        _ => "没有依据",
    };
    vec![
        esc(&c.scope),
        links.name(&c.function),
        esc(c.side),
        esc(&c.years.to_string()),
        format!("<span class=\"basis-{}\">{basis}</span>", c.basis.as_str()),
        if holders.is_empty() {
            "<span class=\"basis-none\">无人承担</span>".to_string()
        } else {
            holders.join("<br>")
        },
    ]
}

/// Where a source position is, as `file:line`, linked to its published place.
fn place(rules: &RuleSet, links: &Links, span: Span) -> String {
    let loc = crate::report::json::location(rules.sources(), span);
    let text = format!("{}:{}", loc.file, loc.line);
    match links.at(span) {
        Some(h) => link(h, &text),
        None => esc(&text),
    }
}

/// The list of gaps and conflicts, each linking to its page.
pub fn findings_page(found: &[Diagnostic], pages: &[String]) -> String {
    let rows: Vec<Vec<String>> = found
        .iter()
        .zip(pages)
        .map(|(d, page)| {
            vec![
                esc(d.code.as_str()),
                esc(severity(d)),
                link(page, &d.message),
            ]
        })
        .collect();
    let mut body = String::from(
        "<p>责任缺口（G…）与文件冲突（C…），与 <code>duikou gaps</code>、<code>duikou conflicts</code> 的结果一致。</p>\n",
    );
    if rows.is_empty() {
        body.push_str("<p class=\"none\">没有发现缺口或冲突。</p>\n");
    } else {
        body.push_str(&table("findings", &["代码", "级别", "发现"], &rows));
    }
    page("缺口与冲突", &body)
}

/// The page of one gap or conflict.
pub fn finding_detail(rules: &RuleSet, links: &Links, d: &Diagnostic) -> String {
    let mut body = format!(
        "<p class=\"finding {}\"><span class=\"tag\">{}</span>{}</p>\n<dl class=\"particulars\">\n",
        esc(d.severity.as_str()),
        esc(d.code.as_str()),
        esc(&d.message)
    );
    if let Some(span) = d.span {
        body.push_str(&format!(
            "<dt>位置</dt><dd>{}</dd>\n",
            place(rules, links, span)
        ));
    }
    if let Some(y) = &d.years {
        body.push_str(&format!("<dt>年份</dt><dd>{}</dd>\n", esc(&y.phrase())));
    }
    if let Some(r) = &d.resolution {
        let mut text = format!("{}：{}", r.kind, r.principle);
        if let Some(p) = &r.prevails {
            text.push_str(&format!("；优先适用 {p}"));
        }
        if let Some(t) = &r.refer_to {
            text.push_str(&format!("；由 {t} 裁决"));
        }
        body.push_str(&format!("<dt>解决</dt><dd>{}</dd>\n", esc(&text)));
    }
    if let Some(h) = &d.help {
        body.push_str(&format!("<dt>建议</dt><dd>{}</dd>\n", esc(h)));
    }
    body.push_str("</dl>\n<h2>涉及的规定</h2>\n<ul class=\"related\">\n");
    for r in &d.related {
        body.push_str(&format!(
            "<li>{} — {}</li>\n",
            esc(&r.message),
            place(rules, links, r.span)
        ));
    }
    body.push_str("</ul>\n");
    if let Some(w) = &d.witness {
        body.push_str(&format!(
            "<h2>反例（可直接贴作测试）</h2>\n<pre><code>{}</code></pre>\n",
            esc(w)
        ));
    }
    body.push_str(&format!(
        "<p>{}</p>\n",
        link("findings.html", "← 全部缺口与冲突")
    ));
    page(&heading(d), &body)
}
