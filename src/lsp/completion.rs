//! Completion from what precedes the cursor, in the file's dialect: keywords; actors after
//! `pair`/`结对` and in `duty`; functions after `holds`; programs after `in`; record fields
//! inside `over R where …` and the rest of a rule; enumerated values after `level:`, `kind:`…

use super::analysis::At;
use super::keywords::{self, Dialect};
use super::lexer::{self, TokenKind};
use crate::ast::{ActorKind, DocLevel, IndicatorKind, Level, RuleSeverity, Side};
use crate::symbols::{DeclKind, NATIONAL, Symbols};
use lsp_types::{CompletionItem, CompletionItemKind, CompletionResponse};

/// The completions at a byte offset of a file.
pub fn complete(at: &At<'_>, offset: usize) -> CompletionResponse {
    let text = at.index.text();
    let offset = at.index.text_offset(offset as u32).min(text.len());
    let before = &text[..offset];
    let dialect = Dialect::of(text);
    let words = preceding(before);
    let symbols = at.analysis.known();
    let items = match context(&words) {
        Context::Names(kinds) => names(symbols, kinds),
        Context::Values(values) => values
            .iter()
            .map(|v| {
                item(
                    v,
                    CompletionItemKind::ENUM_MEMBER,
                    &crate::tr!("completion-value"),
                )
            })
            .collect(),
        Context::Keywords(words) => words
            .iter()
            .map(|k| {
                item(
                    dialect.keyword(k),
                    CompletionItemKind::KEYWORD,
                    &crate::tr!("completion-keyword"),
                )
            })
            .collect(),
        Context::Expression(record) => expression(symbols, record.as_deref(), dialect),
        Context::Anywhere => anywhere(symbols, dialect),
    };
    CompletionResponse::Array(items)
}

/// What the cursor stands after.
enum Context {
    Names(&'static [DeclKind]),
    Values(Vec<&'static str>),
    /// Keywords, offered in the file's dialect.
    Keywords(&'static [&'static str]),
    /// Inside a rule or evaluation over this record.
    Expression(Option<String>),
    Anywhere,
}

/// The significant tokens before the cursor, last first, without the word being typed.
/// A word that starts its line is marked by a `\n` entry after it (it is last first).
fn preceding(before: &str) -> Vec<String> {
    let mut toks: Vec<String> = Vec::new();
    let mut last_end = 0;
    for t in lexer::tokens(before) {
        if t.kind == TokenKind::Comment {
            continue;
        }
        if last_end == 0 || before[last_end..t.start].contains('\n') {
            toks.push(LINE.to_string());
        }
        toks.push(before[t.start..t.end].to_string());
        last_end = t.end;
    }
    let typing = before
        .chars()
        .next_back()
        .is_some_and(|c| c == '_' || c.is_alphanumeric() || c == '`');
    if typing {
        toks.pop();
        if toks.last().is_some_and(|t| t == LINE) {
            toks.pop();
        }
    }
    toks.reverse();
    toks
}

/// The mark of a line start among the preceding words.
const LINE: &str = "\n";

fn en(word: &str) -> &str {
    keywords::english_of(word).unwrap_or(word)
}

fn context(all: &[String]) -> Context {
    let words: Vec<String> = all.iter().filter(|w| *w != LINE).cloned().collect();
    let words = &words[..];
    let last = words.first().map(|w| en(w));
    let second = words.get(1).map(|w| en(w));
    match (last, second) {
        (Some("pair" | "duty" | "->"), _) => Context::Names(&[DeclKind::Actor]),
        (Some("holds"), _) => Context::Names(&[DeclKind::Function]),
        (Some("in"), _) if declaration(all) == Some("pair") => Context::Names(&[DeclKind::Program]),
        (Some("for"), _) => Context::Keywords(&["program", "pair"]),
        (Some("program"), Some("for")) => Context::Names(&[DeclKind::Program]),
        (Some("as"), _) => Context::Keywords(&["lead", "support"]),
        (Some("over"), _) => Context::Names(&[DeclKind::Record]),
        (Some("severity"), _) => Context::Values(RuleSeverity::names().collect()),
        (Some(":" | "："), Some(key)) => property(key, declaration(all)),
        _ => match declaration(all) {
            Some("rule" | "evaluation") => Context::Expression(over_record(words)),
            _ => Context::Anywhere,
        },
    }
}

/// The enumerated values, or names, a property takes.
fn property(key: &str, decl: Option<&str>) -> Context {
    match (key, decl) {
        ("level", Some("document")) => Context::Values(DocLevel::names().collect()),
        ("level", _) => Context::Values(Level::names().collect()),
        ("kind", Some("indicator")) => Context::Values(IndicatorKind::names().collect()),
        ("kind" | "holder", _) => Context::Values(ActorKind::names().collect()),
        ("side", _) => Context::Values(Side::names().collect()),
        ("scope", Some("function")) => Context::Values(vec!["program", "pair"]),
        ("issuer" | "region" | "of" | "responsible", _) => Context::Names(&[DeclKind::Actor]),
        ("replaces" | "varies", _) => Context::Names(&[DeclKind::Document]),
        _ => Context::Anywhere,
    }
}

/// The declaration keyword the cursor is inside (the nearest one before it), in English.
fn declaration(words: &[String]) -> Option<&'static str> {
    const DECLS: &[&str] = &[
        "actor",
        "program",
        "record",
        "function",
        "document",
        "pair",
        "duty",
        "rule",
        "evaluation",
        "indicator",
        "test",
        "article",
    ];
    // A declaration keyword starts a line or follows a brace; elsewhere (`for pair`,
    // `where program == …`) it is not a declaration's start.
    let starts = |i: usize| {
        words
            .get(i + 1)
            .is_none_or(|w| matches!(w.as_str(), "{" | "}" | "｛" | "｝" | LINE))
    };
    words
        .iter()
        .enumerate()
        .filter(|&(i, _)| starts(i))
        .filter_map(|(_, w)| keywords::english_of(w))
        .find(|w| DECLS.contains(w))
}

/// The record of the nearest `over R` before the cursor within the same declaration.
fn over_record(words: &[String]) -> Option<String> {
    let mut after: Option<&String> = None;
    for w in words {
        match en(w) {
            "over" => return after.cloned(),
            "rule" | "evaluation" => return None,
            _ => after = Some(w),
        }
    }
    None
}

fn item(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    }
}

fn kind_of(k: DeclKind) -> CompletionItemKind {
    match k {
        DeclKind::Actor => CompletionItemKind::CLASS,
        DeclKind::Program => CompletionItemKind::ENUM,
        DeclKind::Function => CompletionItemKind::INTERFACE,
        DeclKind::Record => CompletionItemKind::STRUCT,
        DeclKind::Document => CompletionItemKind::MODULE,
        DeclKind::Rule | DeclKind::Evaluation => CompletionItemKind::EVENT,
    }
}

fn names(symbols: &Symbols, kinds: &[DeclKind]) -> Vec<CompletionItem> {
    let mut out = Vec::new();
    for &k in kinds {
        for name in symbols.names_of(k) {
            let label = if super::navigate::is_identifier(name) || name == NATIONAL {
                name.to_string()
            } else {
                format!("`{name}`")
            };
            let detail = if name == NATIONAL {
                crate::tr!("completion-built-in-actor")
            } else {
                crate::tr!("completion-declaration", kind = k.as_str())
            };
            out.push(item(&label, kind_of(k), &detail));
        }
    }
    out
}

fn keyword_items(dialect: Dialect) -> impl Iterator<Item = CompletionItem> {
    keywords::all().map(move |(e, _)| {
        item(
            dialect.keyword(e),
            CompletionItemKind::KEYWORD,
            &crate::tr!("completion-keyword"),
        )
    })
}

/// In a rule over `record`: its fields first, then functions, actors, programs and keywords.
fn expression(symbols: &Symbols, record: Option<&str>, dialect: Dialect) -> Vec<CompletionItem> {
    let mut out: Vec<CompletionItem> = record
        .and_then(|r| symbols.records.get(r))
        .map(|r| {
            r.fields
                .iter()
                .map(|f| {
                    item(
                        &f.name.text,
                        CompletionItemKind::FIELD,
                        &crate::tr!("completion-field-of", record = r.name.text),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.extend(keywords::FUNCTIONS.iter().map(|f| {
        item(
            f,
            CompletionItemKind::FUNCTION,
            &crate::tr!("completion-function"),
        )
    }));
    out.extend(names(
        symbols,
        &[DeclKind::Actor, DeclKind::Program, DeclKind::Record],
    ));
    out.extend(keyword_items(dialect));
    out
}

fn anywhere(symbols: &Symbols, dialect: Dialect) -> Vec<CompletionItem> {
    let mut out: Vec<CompletionItem> = keyword_items(dialect).collect();
    out.extend(names(
        symbols,
        &[
            DeclKind::Function,
            DeclKind::Program,
            DeclKind::Document,
            DeclKind::Actor,
            DeclKind::Record,
        ],
    ));
    out
}
