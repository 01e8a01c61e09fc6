//! Random edits to the shipped rule files, sent to `duikou lsp` as incremental `didChange`
//! notifications at random UTF-16 positions, never crash the server nor yield a position
//! outside the text; and every published range is exactly the library's byte span, mapped to
//! UTF-16 independently here (Chinese text, and characters outside the BMP, included).

#[path = "support/lsp_client.rs"]
mod client;

use client::{Client, file_uri};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Rounds of edits per file, and edits per round.
const ROUNDS: usize = 6;
const EDITS: usize = 4;

/// Text that random insertions are made of: names, keywords of both dialects, punctuation
/// that opens and closes things, full-width forms, quotes and a character outside the BMP.
const PIECES: &[&str] = &[
    "河北省",
    "规则",
    "rule ",
    "{",
    "}",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "`",
    "\n",
    " ",
    "：",
    "，",
    "74%",
    "50万元",
    "2017-12-31",
    "𠀀",
    "/*",
    "*/",
    "//",
    "->",
    "且",
    "where",
    "x",
    "\u{feff}",
];

/// A diagnostic's code and its start and end as (line, UTF-16 column).
type Placed = (String, (usize, usize), (usize, usize));

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The protocol position of a byte offset, computed here independently of the server.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, utf16_len(&text[start..offset]))
}

/// A random character boundary of the text.
fn boundary(rng: &mut StdRng, text: &str) -> usize {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    bounds[rng.random_range(0..bounds.len())]
}

fn edit(rng: &mut StdRng, text: &mut String) -> Value {
    let a = boundary(rng, text);
    let b = if rng.random_range(0..2) == 0 {
        a
    } else {
        boundary(rng, text)
    };
    let (start, end) = (a.min(b), a.max(b).min(a.min(b) + 40));
    let end = (start..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    let insert: String = (0..rng.random_range(0..3))
        .map(|_| PIECES[rng.random_range(0..PIECES.len())])
        .collect();
    let (sl, sc) = position(text, start);
    let (el, ec) = position(text, end);
    text.replace_range(start..end, &insert);
    json!({ "range": { "start": { "line": sl, "character": sc }, "end": { "line": el, "character": ec } },
            "text": insert })
}

fn shipped() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "dk"))
        .collect();
    files.sort();
    files
}

/// What the library reports for these texts, each range mapped here from its byte span.
fn expected(texts: &[(PathBuf, String)], file: &Path) -> Vec<Placed> {
    let sources = texts
        .iter()
        .map(|(p, t)| (p.to_string_lossy().into_owned(), t.clone()))
        .collect();
    let rules = duikou::RuleSet::from_sources(sources);
    let mut diags = rules.diagnostics().to_vec();
    if !rules.has_errors() {
        let opts = duikou::GapOptions {
            year: None,
            as_of: None,
        };
        diags.extend(rules.gaps(&opts));
        diags.extend_from_slice(rules.conflicts());
    }
    let index = texts.iter().position(|(p, _)| p == file).unwrap();
    let text = &texts[index].1;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    diags
        .iter()
        .filter_map(|d| d.span.filter(|s| s.file.index() == index).map(|s| (d, s)))
        .map(|(d, s)| {
            let at = |o: u32| {
                let mut o = (o as usize + bom).min(text.len());
                while !text.is_char_boundary(o) {
                    o -= 1;
                }
                position(text, o)
            };
            (d.code.as_str().to_string(), at(s.start), at(s.end))
        })
        .collect()
}

fn published(diags: &[Value]) -> Vec<Placed> {
    let p = |v: &Value| {
        (
            v["line"].as_u64().unwrap() as usize,
            v["character"].as_u64().unwrap() as usize,
        )
    };
    diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                p(&d["range"]["start"]),
                p(&d["range"]["end"]),
            )
        })
        .collect()
}

fn within(text: &str, (line, ch): (usize, usize)) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.get(line).is_some_and(|l| ch <= utf16_len(l))
}

#[test]
fn random_edits_never_crash_the_server_nor_misplace_a_range() {
    let files = shipped();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut texts: Vec<(PathBuf, String)> = files
        .iter()
        .map(|p| {
            (
                std::fs::canonicalize(p).unwrap(),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    let mut c = Client::start(&root);
    let mut rng = StdRng::seed_from_u64(17);
    for i in 0..texts.len() {
        let (path, original) = texts[i].clone();
        let uri = file_uri(&path);
        c.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "duikou", "version": 0, "text": original } }));
        for round in 0..ROUNDS {
            let changes: Vec<Value> = (0..EDITS)
                .map(|_| edit(&mut rng, &mut texts[i].1))
                .collect();
            c.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": round + 1 }, "contentChanges": changes }));
            // A request makes the server check the latest text before answering; the
            // diagnostics published before the answer are those of that text.
            let at = position(&texts[i].1, boundary(&mut rng, &texts[i].1));
            let pos = json!({ "line": at.0, "character": at.1 });
            for method in [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
            ] {
                let answer = c.request_raw(
                    method,
                    json!({ "textDocument": { "uri": uri }, "position": pos }),
                );
                assert!(
                    answer.get("error").is_none(),
                    "{method} failed after edits to {}: {answer}",
                    path.display()
                );
            }
            for method in [
                "textDocument/semanticTokens/full",
                "textDocument/documentSymbol",
                "textDocument/formatting",
            ] {
                let answer = c.request_raw(method, json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }));
                assert!(answer.get("error").is_none(), "{method} failed: {answer}");
            }
            let diags = c.diagnostics(&uri, |_| true);
            let got = published(&diags);
            for (code, start, end) in &got {
                assert!(
                    within(&texts[i].1, *start) && within(&texts[i].1, *end) && start <= end,
                    "{code} at {start:?}..{end:?} is outside the text of {}",
                    path.display()
                );
            }
            assert_eq!(
                got,
                expected(&texts, &path),
                "{} after round {round}",
                path.display()
            );
        }
        // Back to the shipped text for the next file.
        c.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 99 }, "contentChanges": [{ "text": original }] }));
        texts[i].1 = original;
    }
    assert!(c.alive());
    assert!(c.stop().success());
}
