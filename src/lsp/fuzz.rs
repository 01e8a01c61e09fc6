//! The language server's document handling driven by arbitrary edit sequences: a rule set is
//! opened as editor documents, one of them is edited (ranges in UTF-16 positions, whole-text
//! replacements, closing and reopening), and between edits every request the server answers
//! is made at arbitrary positions, through the same notification and request handlers the
//! server's loop calls. A panic, a diagnostic outside its document or a formatting answer that
//! does not give the formatted text is a defect.

use super::position::LineIndex;
use super::workspace::Workspace;
use super::{handlers, publish, server, uri};
use lsp_server::{Notification, Request, RequestId};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use serde_json::{Value, json};
use std::path::PathBuf;

/// The folder the documents are opened under: it does not exist, so nothing is read from disk.
const ROOT: &str = "/duikou-fuzz/rules";

/// Opens `files` (`(name, text)`) as documents and applies the operations of `ops` to the one
/// numbered `edited` (modulo their number).
pub fn edit_sequence(files: &[(String, String)], edited: usize, ops: &[u8], tokens: &[&str]) {
    if files.is_empty() {
        return;
    }
    let mut ws = Workspace::new(vec![PathBuf::from(ROOT)]);
    let paths: Vec<PathBuf> = files.iter().map(|(n, _)| path_of(n)).collect();
    for (path, (_, text)) in paths.iter().zip(files) {
        notify(&mut ws, note::DidOpenTextDocument::METHOD, open(path, text));
    }
    let mut session = Session {
        ws,
        path: paths[edited % paths.len()].clone(),
        dirty: true,
        next_id: 0,
    };
    let mut ops = Ops { bytes: ops };
    // At most 64 operations: every check of the rule set takes the whole set.
    for _ in 0..64 {
        let Some(op) = ops.byte() else { break };
        session.step(op, &mut ops, tokens);
    }
    session.refresh();
}

/// The workspace path of a rule file named `rules/NAME.dk` (or any name).
fn path_of(name: &str) -> PathBuf {
    let file = name.rsplit('/').next().unwrap_or(name);
    PathBuf::from(ROOT).join(file)
}

fn open(path: &std::path::Path, text: &str) -> Value {
    json!({"textDocument": {
        "uri": uri::from_path(path).as_str(),
        "languageId": "duikou",
        "version": 1,
        "text": text,
    }})
}

/// Applies a notification as the server does; the handler must accept what an editor sends.
fn notify(ws: &mut Workspace, method: &str, params: Value) {
    let n = Notification::new(method.to_string(), params);
    if let Err(e) = server::apply(ws, &n) {
        panic!("`{method}` refused a well-formed notification: {e}");
    }
}

/// The bytes still to decode.
struct Ops<'a> {
    bytes: &'a [u8],
}

impl Ops<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    /// The next byte, 0 when there is none.
    fn next(&mut self) -> u32 {
        u32::from(self.byte().unwrap_or(0))
    }

    /// Up to `n` raw bytes, as text (invalid UTF-8 replaced, as an editor would never send it).
    fn text(&mut self, n: usize) -> String {
        let n = n.min(self.bytes.len());
        let (raw, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        String::from_utf8_lossy(raw).into_owned()
    }

    /// A position: a line and a UTF-16 column, often past the line's end or the last line.
    fn position(&mut self) -> Value {
        let line = self.next();
        let character = self.next();
        json!({"line": line, "character": character})
    }
}

/// The workspace being edited, and the one document the edits go to.
struct Session {
    ws: Workspace,
    path: PathBuf,
    /// Whether the texts changed since the last check.
    dirty: bool,
    next_id: i32,
}

impl Session {
    fn uri(&self) -> String {
        uri::from_path(&self.path).as_str().to_string()
    }

    fn text(&self) -> String {
        self.ws.text(&self.path).cloned().unwrap_or_default()
    }

    /// One operation: an edit, a request, a check, or closing and reopening the document.
    fn step(&mut self, op: u8, ops: &mut Ops<'_>, tokens: &[&str]) {
        match op % 8 {
            0..=2 => {
                let start = ops.position();
                let lines = ops.next() % 3;
                let chars = ops.next() % 8;
                let end = json!({
                    "line": start["line"].as_u64().unwrap_or(0) + u64::from(lines),
                    "character": start["character"].as_u64().unwrap_or(0) + u64::from(chars),
                });
                let pick = ops.next() as usize;
                let new = match tokens.get(pick) {
                    Some(t) => format!("{t} "),
                    None => ops.text(pick % 16),
                };
                self.change(json!({"range": {"start": start, "end": end}, "text": new}));
            }
            3 => {
                // The whole text at once, cut short: as a client without incremental sync.
                let text = self.text();
                let keep = (ops.next() as usize * 64).min(text.len());
                let cut = (0..=keep)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                self.change(json!({"text": &text[..cut]}));
            }
            4 | 5 => {
                let method = ops.next();
                let at = ops.position();
                let name = tokens[ops.next() as usize % tokens.len()];
                self.request(method, at, name);
            }
            6 => self.refresh(),
            _ => {
                let text = self.text();
                let id = json!({"textDocument": {"uri": self.uri()}});
                notify(&mut self.ws, note::DidCloseTextDocument::METHOD, id);
                notify(
                    &mut self.ws,
                    note::DidOpenTextDocument::METHOD,
                    open(&self.path, &text),
                );
                self.dirty = true;
            }
        }
    }

    fn change(&mut self, change: Value) {
        let params = json!({
            "textDocument": {"uri": self.uri(), "version": 2},
            "contentChanges": [change],
        });
        notify(&mut self.ws, note::DidChangeTextDocument::METHOD, params);
        self.dirty = true;
    }

    /// Checks the texts again, as the server does before answering, and converts every
    /// finding as it would be published: each range must lie inside its document.
    fn refresh(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        self.ws.analyze();
        for analysis in &self.ws.analyses {
            for d in &analysis.findings {
                let Some((path, diag)) = publish::convert(analysis, d) else {
                    continue;
                };
                let text = self.ws.text(&path).cloned().unwrap_or_default();
                assert_inside(&text, diag.range, &d.code);
            }
        }
    }

    /// Makes request number `method` (modulo the requests there are) at `at`.
    fn request(&mut self, method: u32, at: Value, name: &str) {
        self.refresh();
        let doc = json!({"uri": self.uri()});
        let positional = json!({"textDocument": doc, "position": at});
        let (name_of, params) = match method % 11 {
            0 => (req::HoverRequest::METHOD, positional),
            1 => (req::GotoDefinition::METHOD, positional),
            2 => {
                let mut p = positional;
                p["context"] = json!({"includeDeclaration": true});
                (req::References::METHOD, p)
            }
            3 => (req::PrepareRenameRequest::METHOD, positional),
            4 => {
                let mut p = positional;
                p["newName"] = json!(name);
                (req::Rename::METHOD, p)
            }
            5 => (req::Completion::METHOD, positional),
            6 => (
                req::DocumentSymbolRequest::METHOD,
                json!({"textDocument": doc}),
            ),
            7 => (req::WorkspaceSymbolRequest::METHOD, json!({"query": name})),
            8 => (
                req::SemanticTokensFullRequest::METHOD,
                json!({"textDocument": doc}),
            ),
            9 => (
                req::CodeActionRequest::METHOD,
                json!({"textDocument": doc, "range": {"start": at, "end": at},
                       "context": {"diagnostics": []}}),
            ),
            _ => {
                let p =
                    json!({"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": true}});
                let answer = self.answer(req::Formatting::METHOD, p);
                self.check_formatting(&answer);
                return;
            }
        };
        let _ = self.answer(name_of, params);
    }

    /// The handler's answer: a value, or a refusal (a rename that would clash) — never a
    /// complaint about parameters the client sent well-formed.
    fn answer(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let r = Request::new(RequestId::from(self.next_id), method.to_string(), params);
        match handlers::request(&self.ws, &r) {
            Ok(v) => v,
            Err(handlers::Failure::Refused(_)) => Value::Null,
            Err(e) => panic!("`{method}` failed on well-formed parameters: {e:?}"),
        }
    }

    /// The formatting edits, applied to the document, give what `duikou fmt` gives.
    fn check_formatting(&self, answer: &Value) {
        let text = self.text();
        let parsed: Result<Option<Vec<lsp_types::TextEdit>>, _> =
            serde_json::from_value(answer.clone());
        let edits = match parsed {
            Ok(Some(e)) => e,
            _ => return,
        };
        let mut out = text.clone();
        for e in edits.iter().rev() {
            out = super::edit::apply(&out, Some(e.range), &e.new_text);
        }
        let expected = super::format::format(&text).unwrap_or(text);
        assert_eq!(
            out, expected,
            "the formatting edits do not give the formatted text"
        );
    }
}

/// A published range lies inside the document's lines and columns, start before end.
fn assert_inside(text: &str, range: lsp_types::Range, code: &crate::Code) {
    let idx = LineIndex::new(text);
    for pos in [range.start, range.end] {
        let offset = idx.offset(pos);
        assert_eq!(
            idx.position(offset),
            pos,
            "`{}` is published at a place outside its document: {range:?}",
            code.as_str()
        );
    }
    assert!(
        (range.start.line, range.start.character) <= (range.end.line, range.end.character),
        "`{}` is published with its end before its start: {range:?}",
        code.as_str()
    );
}
