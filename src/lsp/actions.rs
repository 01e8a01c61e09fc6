//! Quick fixes for the diagnostics that carry one: "did you mean" replacements, “” → "",
//! backticks around a keyword used as a name, a space after a glued keyword, and `as lead` on
//! a duty when a function has holders but no lead (G004).

use super::analysis::At;
use super::keywords::Dialect;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The fixes for the diagnostics of a file that touch `range`.
// The protocol keys a `WorkspaceEdit` by `Uri`; each edit here has one key, so order is fixed.
#[allow(clippy::mutable_key_type)]
pub fn actions(at: &At<'_>, uri: &Uri, range: Range) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for d in &at.analysis.findings {
        let Some(span) = d.span.filter(|s| s.file == at.file) else {
            continue;
        };
        let r = at.index.range(span.start, span.end);
        if r.end < range.start || range.end < r.start {
            continue;
        }
        let diag = super::publish::convert(at.analysis, d).map(|(_, diag)| diag);
        for (title, edits) in fixes(at, d, span) {
            let mut changes = HashMap::new();
            changes.insert(uri.clone(), edits);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diag.clone().map(|d| vec![d]),
                edit: Some(WorkspaceEdit::new(changes)),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// The text between the first pair of backticks after `marker` in a help line.
fn quoted_after<'h>(help: &'h str, marker: &str) -> Option<&'h str> {
    let rest = &help[help.find(marker)? + marker.len()..];
    let start = rest.find('`')? + 1;
    let end = start + rest[start..].find('`')?;
    Some(&rest[start..end])
}

/// [`quoted_after`] the first of `markers` (one per output language) found in `help`.
fn quoted_after_any<'h>(help: &'h str, markers: &[&str]) -> Option<&'h str> {
    markers.iter().find_map(|m| quoted_after(help, m))
}

/// The last backticked text of a help line.
fn last_quoted(help: &str) -> Option<&str> {
    let end = help.rfind('`')?;
    let start = help[..end].rfind('`')? + 1;
    Some(&help[start..end])
}

/// The word (name or keyword) that starts at a span's start, as a span.
fn word_at(at: &At<'_>, span: Span) -> Span {
    let text = at.index.text();
    let start = at.index.text_offset(span.start).min(text.len());
    let len = text[start..]
        .char_indices()
        .find(|&(_, c)| !(c == '_' || c.is_alphanumeric()))
        .map_or(text.len() - start, |(i, _)| i);
    Span {
        file: span.file,
        start: span.start,
        end: span.start + len as u32,
    }
}

fn replace(at: &At<'_>, span: Span, new: &str) -> Vec<TextEdit> {
    vec![TextEdit::new(
        at.index.range(span.start, span.end),
        new.to_string(),
    )]
}

fn fixes(at: &At<'_>, d: &Diagnostic, span: Span) -> Vec<(String, Vec<TextEdit>)> {
    let help = d.help.as_deref().unwrap_or("");
    let snippet = at.analysis.rules.sources().snippet(span);
    let mut out = Vec::new();
    if d.code == Code::ParseChineseQuote {
        let fixed = snippet.replace(['“', '”', '「', '」', '『', '』'], "\"");
        out.push((
            crate::tr!("lsp-use-straight-quotes"),
            replace(at, span, &fixed),
        ));
    } else if let Some(word) =
        quoted_after_any(help, &["did you mean the keyword ", "是否要写关键字 "])
    {
        let target = word_at(at, span);
        out.push((
            crate::tr!("lsp-replace-with", word = word),
            replace(at, target, word),
        ));
    } else if let Some(name) = quoted_after_any(help, &["did you mean ", "是否要写 "]) {
        let target = if snippet.chars().any(char::is_whitespace) {
            word_at(at, span)
        } else {
            span
        };
        out.push((
            crate::tr!("lsp-replace-with", word = name),
            replace(at, target, name),
        ));
    } else if help.contains("is a keyword; to use it as a name")
        || help.contains("是关键字；要用作名称")
    {
        let target = word_at(at, span);
        let word = at.analysis.rules.sources().snippet(target).to_string();
        out.push((
            crate::tr!("lsp-write-in-backticks", word = word),
            replace(at, target, &format!("`{word}`")),
        ));
    } else if help.contains("reads as one name") || help.contains("被读作一个名称") {
        if let Some(fixed) = last_quoted(help) {
            let target = word_at(at, span);
            out.push((
                crate::tr!("lsp-write", text = fixed),
                replace(at, target, fixed),
            ));
        }
    } else if d.code == Code::GapNoLead {
        out.extend(as_lead(at, d));
    }
    out
}

/// For each duty named in a G004 finding and written in this file: mark it `as lead`.
fn as_lead(at: &At<'_>, d: &Diagnostic) -> Vec<(String, Vec<TextEdit>)> {
    let symbols = at.analysis.rules.symbols();
    let dialect = Dialect::of(at.index.text());
    let mut out = Vec::new();
    for r in &d.related {
        let Some(duty) = symbols
            .duties
            .iter()
            .find(|x| x.item.span.file == r.span.file && x.item.span.start == r.span.start)
        else {
            continue;
        };
        if duty.item.span.file != at.file {
            continue;
        }
        let s = duty.item.span;
        let text = at.analysis.rules.sources().snippet(s);
        let words: Vec<&str> = text.split_whitespace().collect();
        let role = ["as", "作为"].contains(
            &words
                .get(words.len().saturating_sub(2))
                .copied()
                .unwrap_or(""),
        );
        let edit = if role {
            // Replace the written role (`as support`) by `as lead`.
            let cut = text.rfind(words[words.len() - 2]).unwrap_or(text.len());
            let end = s.start + text.trim_end().len() as u32;
            let from = Span {
                start: s.start + cut as u32,
                end,
                ..s
            };
            replace(
                at,
                from,
                &format!("{} {}", dialect.keyword("as"), dialect.keyword("lead")),
            )
        } else {
            // The span may run on over the whitespace after the duty.
            let end = s.start + text.trim_end().len() as u32;
            let end = Span {
                start: end,
                end,
                ..s
            };
            replace(
                at,
                end,
                &format!(" {} {}", dialect.keyword("as"), dialect.keyword("lead")),
            )
        };
        out.push((
            crate::tr!(
                "lsp-make-lead",
                actor = duty.item.actor.text,
                code = format!("{} {}", dialect.keyword("as"), dialect.keyword("lead"))
            ),
            edit,
        ));
    }
    out
}
