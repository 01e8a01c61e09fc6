//! The coarse token stream of a file and its cut into pieces: top-level declarations, and the
//! articles of a document. Syntax-error recovery parses each piece on its own.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceMap;
use std::ops::Range;

pub use super::coarse::{Token, TokenKind, line_start_after, tokens, tokens_from, tokens_until};

/// Whether `word` is a keyword that begins a top-level declaration, in either dialect. A
/// `match` on the word: it is asked of every word of a file.
fn is_declaration(word: &str) -> bool {
    matches!(
        word,
        "actor"
            | "program"
            | "record"
            | "function"
            | "document"
            | "pair"
            | "duty"
            | "rule"
            | "evaluation"
            | "test"
            | "主体"
            | "支援类型"
            | "记录"
            | "职能"
            | "文件"
            | "结对"
            | "职责"
            | "规则"
            | "考评"
            | "测试"
    )
}

/// Whether `word` is a keyword that begins a declaration with a name of its own: a top-level
/// declaration other than a pair, a duty or a test, or an indicator.
fn is_naming(word: &str) -> bool {
    (is_declaration(word) && !matches!(word, "pair" | "duty" | "test" | "结对" | "职责" | "测试"))
        || matches!(word, "indicator" | "指标")
}

/// The indices of the tokens inside `range` (tokens are in source order).
fn inside(tokens: &[Token], range: &Range<usize>) -> Range<usize> {
    let lo = tokens.partition_point(|t| t.start < range.start);
    let hi = tokens.partition_point(|t| t.end <= range.end);
    lo..hi.max(lo)
}

/// `for pair …` / `针对 支援类型 …` inside a duty, or a keyword where a declaration's name is
/// due (`规则 结对 {`): not a new declaration.
fn after_for(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i - 1]
            .word()
            .is_some_and(|w| matches!(w, "for" | "针对") || is_naming(w))
}

/// Where the top-level declarations of `range` begin. With `at_line_starts`, a declaration
/// keyword at the very start of a line also begins one when a bracket before it was never
/// closed: that is where a missing `}` is most likely.
pub fn declaration_starts(
    tokens: &[Token],
    range: Range<usize>,
    at_line_starts: bool,
) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut depth = 0usize;
    for i in inside(tokens, &range) {
        let t = &tokens[i];
        match &t.kind {
            TokenKind::Open => depth += 1,
            TokenKind::Close => depth = depth.saturating_sub(1),
            TokenKind::Word(w)
                if is_declaration(w)
                    && !after_for(tokens, i)
                    && (depth == 0 || (at_line_starts && t.at_line_start)) =>
            {
                depth = 0;
                starts.push(t.start);
            }
            _ => {}
        }
    }
    starts
}

/// Cuts `range` at `starts`: the text before the first start joins the first piece.
pub fn cut(range: Range<usize>, starts: &[usize]) -> Vec<Range<usize>> {
    let mut bounds: Vec<usize> = starts
        .iter()
        .copied()
        .filter(|s| *s > range.start && *s < range.end)
        .collect();
    bounds.dedup();
    let mut out = Vec::new();
    let mut from = range.start;
    for b in bounds {
        out.push(from..b);
        from = b;
    }
    out.push(from..range.end);
    out
}

/// Whether the piece is a document declaration.
pub fn is_document(tokens: &[Token], range: &Range<usize>) -> bool {
    tokens[inside(tokens, range)]
        .first()
        .and_then(Token::word)
        .is_some_and(begins_document)
}

/// Whether a piece that begins with `word` is a document declaration.
pub fn begins_document(word: &str) -> bool {
    matches!(word, "document" | "文件")
}

/// The articles of a document piece: from each `article` keyword to the next one, or to the
/// brace that closes the document. An article keyword first on its line starts an article
/// even when a bracket before it was never closed.
pub fn articles(tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for t in &tokens[inside(tokens, &range)] {
        match &t.kind {
            TokenKind::Open => depth += 1,
            TokenKind::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(s) = open.take() {
                        out.push(s..t.start);
                    }
                }
            }
            TokenKind::Word(w)
                if matches!(*w, "article" | "条")
                    && (depth == 1 || (depth > 1 && t.first_on_line)) =>
            {
                if let Some(s) = open.replace(t.start) {
                    out.push(s..t.start);
                }
                depth = 1;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..range.end);
    }
    out
}

/// What a blanked piece declared: names that must not be reported unknown elsewhere.
#[derive(Debug, Default, Clone)]
pub struct Lost {
    /// Names of actors, programs, functions, records, documents, rules, evaluations and
    /// indicators declared in pieces that could not be parsed.
    pub names: std::collections::HashSet<String>,
    /// Whether a pairing declaration was lost.
    pub pairs: bool,
}

impl Lost {
    /// Records what the tokens inside `range` declare.
    pub fn add(&mut self, tokens: &[Token], range: &Range<usize>) {
        let inside: Vec<(usize, &Token)> = inside(tokens, range).map(|i| (i, &tokens[i])).collect();
        for pair in inside.windows(2) {
            let ((i, kw), (_, name)) = (pair[0], pair[1]);
            match (kw.word(), name.word()) {
                (Some("pair" | "结对"), _) if !after_for(tokens, i) => self.pairs = true,
                (Some(k), Some(n)) if is_naming(k) && !after_for(tokens, i) => {
                    self.names.insert(n.to_string());
                }
                _ => {}
            }
        }
        if let Some(&(i, last)) = inside.last() {
            if matches!(last.word(), Some("pair" | "结对")) && !after_for(tokens, i) {
                self.pairs = true;
            }
        }
    }

    /// Adds what another file's broken pieces declared.
    pub fn merge(&mut self, other: Lost) {
        self.names.extend(other.names);
        self.pairs |= other.pairs;
    }

    /// Whether `d` only follows from a lost piece: an unknown name the piece declared, or a
    /// duty for a pairing that may have been declared there.
    pub fn explains(&self, d: &Diagnostic, sources: &SourceMap) -> bool {
        use Code::*;
        match d.code {
            DeclDutyPair => self.pairs,
            NameUnknownActor
            | NameUnknownProgram
            | NameUnknownRecord
            | NameUnknownFunction
            | NameUnknownDocument
            | NameUnknownRule
            | NameUnknownEvaluation
            | NameUnknownName
            | NameUnknownValue
            | NameUnknownField => d.span.is_some_and(|span| {
                let range = span.start as usize..span.end as usize;
                let text = sources.get(span.file).text.get(range).unwrap_or("");
                let name = text.trim_matches('`');
                self.names.contains(name)
                    || name
                        .split('.')
                        .next()
                        .is_some_and(|n| self.names.contains(n))
            }),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, at_line_starts: bool) -> Vec<&str> {
        let toks = tokens(text);
        let starts = declaration_starts(&toks, 0..text.len(), at_line_starts);
        cut(0..text.len(), &starts)
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn cuts_at_top_level_declarations() {
        let text =
            "actor a { kind: x }\nduty a holds f for pair a -> b in p\nrule r { require \"{\" }";
        assert_eq!(
            pieces(text, false),
            [
                "actor a { kind: x }",
                "duty a holds f for pair a -> b in p",
                "rule r { require \"{\" }"
            ]
        );
    }

    #[test]
    fn a_keyword_at_a_line_start_ends_an_unclosed_declaration() {
        let text = "规则 超支 { 范围 项目\n规则 超额 { 范围 项目 }";
        assert_eq!(pieces(text, false).len(), 1);
        assert_eq!(
            pieces(text, true),
            ["规则 超支 { 范围 项目", "规则 超额 { 范围 项目 }"]
        );
    }

    #[test]
    fn finds_articles_of_a_document() {
        let text = "document d {\n  level: law\n  article 1 { rule a { } }\n  article 2 \"x\" {\n  article 3\n}";
        let toks = tokens(text);
        let found: Vec<&str> = articles(&toks, 0..text.len())
            .into_iter()
            .map(|r| text[r].trim())
            .collect();
        assert_eq!(
            found,
            ["article 1 { rule a { } }", "article 2 \"x\" {", "article 3"]
        );
    }

    #[test]
    fn a_lost_piece_names_what_it_declared() {
        let text = "rule 超支 { over 项目 } duty a holds f for program p";
        let mut lost = Lost::default();
        lost.add(&tokens(text), &(0..text.len()));
        assert!(lost.names.contains("超支"));
        assert!(!lost.names.contains("p"));
        assert!(!lost.pairs);
    }
}
