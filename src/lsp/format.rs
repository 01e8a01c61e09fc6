//! Formatting. Every formatting request goes through [`format`]: the file is laid out by
//! `duikou fmt` (keywords kept in their dialect). A file `fmt` leaves alone — one that does
//! not parse yet, as while it is typed — gets only the changes that cannot alter meaning:
//! full-width punctuation outside strings and comments becomes ASCII (SPEC §3: the same
//! tokens), trailing whitespace is removed, and the file ends with one newline.

use super::lexer::{self, TokenKind};
use super::position::LineIndex;
use lsp_types::{Range, TextEdit};

/// The formatted text, or `None` when it is already formatted.
pub fn format(text: &str) -> Option<String> {
    match crate::fmt::format_source(text, crate::fmt::Dialect::Keep) {
        Ok(out) => (out != text).then_some(out),
        Err(_) => safe_changes(text),
    }
}

/// Full-width punctuation to ASCII, no trailing whitespace, one final newline.
fn safe_changes(text: &str) -> Option<String> {
    let ascii = ascii_punctuation(text);
    let mut out: String = ascii
        .split('\n')
        .map(|line| {
            let cr = line.ends_with('\r');
            let trimmed = line.trim_end();
            if cr {
                format!("{trimmed}\r")
            } else {
                trimmed.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let trimmed_len = out.trim_end_matches(['\n', '\r']).len();
    out.truncate(trimmed_len);
    if !out.is_empty() {
        out.push('\n');
    }
    (out != text).then_some(out)
}

/// The full-width punctuation a Chinese input method types, and its ASCII form.
const FULL_WIDTH: &[(char, char)] = &[
    ('：', ':'),
    ('，', ','),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
    ('【', '['),
    ('】', ']'),
    ('＝', '='),
    ('＜', '<'),
    ('＞', '>'),
    ('！', '!'),
];

fn ascii_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for t in lexer::tokens(text) {
        if t.kind != TokenKind::Punct {
            continue;
        }
        let c = text[t.start..].chars().next().unwrap_or(' ');
        if let Some(&(_, ascii)) = FULL_WIDTH.iter().find(|(w, _)| *w == c) {
            out.push_str(&text[last..t.start]);
            out.push(ascii);
            last = t.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// The edits that format a document: one edit replacing the whole text, or none.
pub fn edits(text: &str) -> Vec<TextEdit> {
    let Some(new) = format(text) else {
        return Vec::new();
    };
    let idx = LineIndex::new(text);
    let end = idx.position(text.len());
    vec![TextEdit::new(Range::new(Default::default(), end), new)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_punctuation_outside_strings_and_comments() {
        let text = "主体 河北省 { kind： government， level: province }  \n// 注：说明\nrule r \"占比：74%\" {}\n\n\n";
        assert_eq!(
            safe_changes(text).unwrap(),
            "主体 河北省 { kind: government, level: province }\n// 注：说明\nrule r \"占比：74%\" {}\n"
        );
        assert_eq!(safe_changes("a\n"), None);
    }

    #[test]
    fn a_file_that_parses_is_laid_out_by_fmt_one_that_does_not_gets_safe_changes() {
        let text = "actor  河北省{kind：government，level:province}\n";
        assert_eq!(
            format(text).unwrap(),
            "actor 河北省 { kind: government, level: province }\n"
        );
        let broken = "actor 河北省 { kind： government \n";
        assert_eq!(format(broken), safe_changes(broken));
    }
}
