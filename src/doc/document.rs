//! A page per document: its particulars, then each article's wording beside the norms it holds,
//! each norm as source text and as a plain Chinese sentence.

use super::html::{esc, page};
use super::links::{Links, article_anchor};
use super::sentence;
use crate::RuleSet;
use crate::ast;
use crate::ids::DocumentId;
use crate::symbols::Source;

/// One normative item of an article, with its anchor.
struct NormView {
    anchor: Option<String>,
    kind: &'static str,
    source: String,
    sentence: String,
}

/// The page of one document.
pub fn document_page(rules: &RuleSet, links: &Links, id: DocumentId) -> String {
    let doc = rules.symbols().document(id);
    let mut body = particulars(links, doc);
    for a in &doc.articles {
        body.push_str(&article(rules, links, id, a));
    }
    page(doc.title.as_deref().unwrap_or(&doc.name.text), &body)
}

fn particulars(links: &Links, doc: &ast::Document) -> String {
    let mut rows = vec![("名称", esc(&doc.name.text))];
    if let Some(l) = doc.level {
        rows.push(("位阶", esc(super::index::level_name(l))));
    }
    if !doc.issuer.is_empty() {
        let issuers: Vec<String> = doc.issuer.iter().map(|i| links.name(&i.text)).collect();
        rows.push(("制定机关", issuers.join("、")));
    }
    if let Some(r) = &doc.region {
        rows.push(("适用地域", links.name(&r.text)));
    }
    if let Some(e) = doc.effective {
        rows.push(("施行日期", esc(&e.to_string())));
    }
    if let Some((x, _)) = doc.expires {
        rows.push(("失效日期", esc(&x.to_string())));
    }
    if !doc.replaces.is_empty() {
        let names: Vec<String> = doc.replaces.iter().map(|n| links.name(&n.text)).collect();
        rows.push(("废止", names.join("、")));
    }
    let mut out = String::from("<dl class=\"particulars\">\n");
    for (k, v) in rows {
        out.push_str(&format!("<dt>{k}</dt><dd>{v}</dd>\n"));
    }
    out.push_str("</dl>\n");
    out
}

fn article(rules: &RuleSet, links: &Links, doc: DocumentId, a: &ast::Article) -> String {
    let norms = norms_of(rules, links, doc, a);
    let mut out = format!(
        "<section class=\"article\" id=\"{}\">\n<div class=\"wording\">\n<h2>第 {} 条</h2>\n<p>{}</p>\n</div>\n<div class=\"norms\">\n",
        article_anchor(&a.number),
        esc(&a.number),
        esc(a.text.as_deref().unwrap_or("（条文未录入）"))
    );
    if norms.is_empty() {
        out.push_str("<p class=\"none\">本条不含可执行的规范。</p>\n");
    }
    for n in norms {
        let id = n.anchor.map_or(String::new(), |a| format!(" id=\"{a}\""));
        out.push_str(&format!(
            "<div class=\"norm\"{id}>\n<p class=\"sentence\"><span class=\"tag\">{}</span>{}</p>\n<pre><code>{}</code></pre>\n</div>\n",
            n.kind,
            n.sentence,
            esc(&n.source)
        ));
    }
    out.push_str("</div>\n</section>\n");
    out
}

fn in_article(source: Option<&Source>, doc: DocumentId, a: &ast::Article) -> bool {
    source.is_some_and(|s| s.id == doc && s.article == a.number)
}

/// The norms of an article, in the order of the source.
fn norms_of(rules: &RuleSet, links: &Links, doc: DocumentId, a: &ast::Article) -> Vec<NormView> {
    let s = rules.symbols();
    let snippet = |span| rules.sources().snippet(span).to_string();
    let anchor = |name: &str| {
        links
            .href(name)
            .and_then(|h| h.split_once('#'))
            .map(|(_, a)| a.to_string())
    };
    let mut out: Vec<(u32, NormView)> = Vec::new();
    for p in s
        .pairs
        .iter()
        .filter(|p| in_article(p.source.as_ref(), doc, a))
    {
        out.push((
            p.item.span.start,
            NormView {
                anchor: None,
                kind: "结对",
                source: snippet(p.item.span),
                sentence: sentence::pair(&p.item, links),
            },
        ));
    }
    for d in s
        .duties
        .iter()
        .filter(|d| in_article(d.source.as_ref(), doc, a))
    {
        out.push((
            d.item.span.start,
            NormView {
                anchor: None,
                kind: "职责",
                source: snippet(d.item.span),
                sentence: sentence::duty(&d.item, links),
            },
        ));
    }
    for r in s
        .rules
        .values()
        .filter(|r| in_article(r.source.as_ref(), doc, a))
    {
        out.push((
            r.item.span.start,
            NormView {
                anchor: anchor(&r.item.name.text),
                kind: "规则",
                source: snippet(r.item.span),
                sentence: sentence::rule(&r.item, links),
            },
        ));
    }
    for e in s
        .evaluations
        .values()
        .filter(|e| in_article(e.source.as_ref(), doc, a))
    {
        out.push((
            e.item.span.start,
            NormView {
                anchor: anchor(&e.item.name.text),
                kind: "考评",
                source: snippet(e.item.span),
                sentence: sentence::evaluation(&e.item, links),
            },
        ));
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, n)| n).collect()
}

/// The page of the norms that stand outside any document.
pub fn unsourced_page(rules: &RuleSet, links: &Links) -> String {
    let s = rules.symbols();
    let snippet = |span| rules.sources().snippet(span).to_string();
    let mut body = String::from(
        "<p>以下规范写在文件之外，没有出处：既无法律依据，也不参与冲突中的位阶比较。</p>\n",
    );
    let mut views: Vec<(String, &str, String, String)> = Vec::new();
    for (i, r) in s
        .rules
        .values()
        .enumerate()
        .filter(|(_, r)| r.source.is_none())
    {
        views.push((
            format!(" id=\"rule-{}\"", i + 1),
            "规则",
            snippet(r.item.span),
            sentence::rule(&r.item, links),
        ));
    }
    for (i, e) in s
        .evaluations
        .values()
        .enumerate()
        .filter(|(_, e)| e.source.is_none())
    {
        views.push((
            format!(" id=\"evaluation-{}\"", i + 1),
            "考评",
            snippet(e.item.span),
            sentence::evaluation(&e.item, links),
        ));
    }
    for p in s.pairs.iter().filter(|p| p.source.is_none()) {
        views.push((
            String::new(),
            "结对",
            snippet(p.item.span),
            sentence::pair(&p.item, links),
        ));
    }
    for d in s.duties.iter().filter(|d| d.source.is_none()) {
        views.push((
            String::new(),
            "职责",
            snippet(d.item.span),
            sentence::duty(&d.item, links),
        ));
    }
    if views.is_empty() {
        body.push_str("<p class=\"none\">没有。</p>\n");
    }
    for (id, kind, source, sentence) in views {
        body.push_str(&format!(
            "<div class=\"norm\"{id}>\n<p class=\"sentence\"><span class=\"tag\">{kind}</span>{}</p>\n<pre><code>{}</code></pre>\n</div>\n",
            sentence,
            esc(&source)
        ));
    }
    page("无出处的规范", &body)
}
