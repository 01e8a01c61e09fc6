//! HTML building blocks: escaping, the page frame every page shares, and small tables.

/// Text safe inside an element or a quoted attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link to `href` showing `text` (escaped).
pub fn link(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// A whole page: the shared header with navigation and search box, then `body`.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} · duikou</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n\
<script src=\"search-index.js\" defer></script>\n<script src=\"search.js\" defer></script>\n\
</head>\n<body>\n<header>\n<nav>\n<a class=\"home\" href=\"index.html\">对口 · 规则集</a>\n\
<a href=\"declarations.html\">主体与职能</a>\n<a href=\"matrix.html\">责任矩阵</a>\n\
<a href=\"findings.html\">缺口与冲突</a>\n</nav>\n\
<form class=\"search\" action=\"search.html\" method=\"get\" role=\"search\">\n\
<input type=\"search\" name=\"q\" placeholder=\"搜索名称与条文\" aria-label=\"搜索名称与条文\">\n\
<button type=\"submit\">搜索</button>\n</form>\n</header>\n<main>\n<h1>{title}</h1>\n{body}</main>\n\
<footer>由 <code>duikou doc</code> 生成 · 离线可读，无需网络</footer>\n</body>\n</html>\n",
        title = esc(title),
    )
}

/// A table with a header row; cells are HTML already.
pub fn table(class: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("<table class=\"{class}\">\n<thead><tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            link("a.html#x", "<b>"),
            "<a href=\"a.html#x\">&lt;b&gt;</a>"
        );
    }
}
