//! A quick pass before the grammar: finds what the grammar would report badly or could not
//! survive — unterminated strings and comments, Chinese quotation marks, and nesting so deep
//! that a recursive parser would exhaust the stack.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, Span};

/// The deepest nesting of brackets, braces, parentheses and block comments accepted.
pub const MAX_NESTING: usize = 256;

/// The characters of a file with their offsets, as the scan reads them.
type Chars<'t> = std::iter::Peekable<std::str::CharIndices<'t>>;

/// Scans `text` and returns the problems that must stop parsing.
pub fn prescan(file: FileId, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut nesting_reported = false;
    let mut chars = text.char_indices().peekable();
    let span = |s: usize, e: usize| Span::new(file, s, e);
    while let Some((i, c)) = chars.next() {
        // Whether the comment, string or name that starts here closes.
        let closed = match c {
            '/' if chars.peek().map(|p| p.1) == Some('/') => {
                while chars.peek().is_some_and(|p| p.1 != '\n') {
                    chars.next();
                }
                true
            }
            '/' if chars.peek().map(|p| p.1) == Some('*') => {
                chars.next();
                skip_block_comment(&mut chars, &mut |j| {
                    if !nesting_reported {
                        nesting_reported = true;
                        out.push(nesting(span(j, j + 2)));
                    }
                })
            }
            '"' => skip_string(&mut chars),
            '`' => skip_backtick_name(&mut chars),
            '“' | '”' | '「' | '」' | '『' | '』' => {
                let (d, end) = chinese_quote(file, text, i, c);
                out.push(d);
                while chars.peek().is_some_and(|p| p.0 < end) {
                    chars.next();
                }
                true
            }
            '(' | '[' | '{' | '（' | '【' | '｛' => {
                depth += 1;
                if depth > MAX_NESTING && !nesting_reported {
                    nesting_reported = true;
                    out.push(nesting(span(i, i + c.len_utf8())));
                }
                true
            }
            ')' | ']' | '}' | '）' | '】' | '｝' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => true,
        };
        if !closed {
            // A block comment is marked by its `/*`.
            let opener = if c == '/' { 2 } else { 1 };
            out.push(unterminated(c, span(i, i + opener)));
            return out;
        }
    }
    out
}

/// Skips a block comment after its `/*`, with the comments nested in it; whether it closes.
/// `too_deep` is told the offset of each `/*` nested beyond the limit.
fn skip_block_comment(chars: &mut Chars<'_>, too_deep: &mut impl FnMut(usize)) -> bool {
    let mut comment_depth = 1usize;
    while let Some((j, c)) = chars.next() {
        match c {
            '/' if chars.peek().map(|p| p.1) == Some('*') => {
                chars.next();
                comment_depth += 1;
                if comment_depth > MAX_NESTING {
                    too_deep(j);
                }
            }
            '*' if chars.peek().map(|p| p.1) == Some('/') => {
                chars.next();
                comment_depth -= 1;
                if comment_depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Skips a string after its opening `"`, escapes included; whether it closes.
fn skip_string(chars: &mut Chars<'_>) -> bool {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return true,
            _ => {}
        }
    }
    false
}

/// Skips a name after its opening backtick; whether it closes on the same line.
fn skip_backtick_name(chars: &mut Chars<'_>) -> bool {
    for (_, c) in chars.by_ref() {
        if c == '`' {
            return true;
        }
        if c == '\n' {
            return false;
        }
    }
    false
}

/// The error of a comment, string or backtick name that never closes, at the character that
/// opens it (`/` of `/*`, `"` or a backtick).
fn unterminated(opener: char, span: Span) -> Diagnostic {
    match opener {
        '/' => Diagnostic::new(
            Code::ParseUnterminated,
            span,
            crate::tr!("syntax-unterminated-block-comment"),
        )
        .label(crate::tr!("syntax-this-comment-never-closed"))
        .help(crate::tr!("syntax-close-with-block-comments-nest")),
        '"' => Diagnostic::new(
            Code::ParseUnterminated,
            span,
            crate::tr!("syntax-unterminated-string"),
        )
        .label(crate::tr!("syntax-this-string-never-closed"))
        .help(crate::tr!("syntax-end-string-with")),
        _ => Diagnostic::new(
            Code::ParseUnterminated,
            span,
            crate::tr!("syntax-unterminated-backtick-name"),
        )
        .label(crate::tr!("syntax-this-name-never-closed"))
        .help(crate::tr!("syntax-end-name-with-backtick-same")),
    }
}

/// Chinese quotation marks (`“”`, `「」`, `『』`) around what should be a string, from the mark at
/// `i` to its closing mark on the same line; with the offset where the scan goes on.
fn chinese_quote(file: FileId, text: &str, i: usize, c: char) -> (Diagnostic, usize) {
    let (open, close) = match c {
        '「' | '」' => ('「', '」'),
        '『' | '』' => ('『', '』'),
        _ => ('“', '”'),
    };
    let end = text[i..]
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == close || c == '\n')
        .map_or(i + c.len_utf8(), |(j, c)| i + j + c.len_utf8());
    let d = Diagnostic::new(
        Code::ParseChineseQuote,
        Span::new(file, i, end),
        crate::tr!("syntax-chinese-quotation-marks-cannot-delimit"),
    )
    .label(crate::tr!(
        "syntax-written-with-marks",
        open = open,
        close = close
    ))
    .help(crate::tr!("syntax-use-straight-double-quotes"));
    (d, end)
}

/// The error of text nested beyond the limit, at `span`.
pub(super) fn nesting(span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::ParseNesting,
        span,
        crate::tr!(
            "syntax-nesting-deeper-than-max-nesting",
            MAX_NESTING = MAX_NESTING
        ),
    )
    .label(crate::tr!("syntax-too-deep-here"))
    .help(crate::tr!("syntax-split-expression-block-into-smaller"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        prescan(FileId(0), text)
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    #[test]
    fn accepts_balanced_text() {
        assert!(codes("rule a { require (1 + [2][0]) > 0 } /* a /* b */ c */").is_empty());
    }

    #[test]
    fn reports_deep_nesting_once() {
        let text = "(".repeat(10_000);
        assert_eq!(codes(&text), ["duikou::parse::nesting"]);
    }

    #[test]
    fn reports_unterminated_pieces() {
        assert_eq!(codes("\"abc"), ["duikou::parse::unterminated"]);
        assert_eq!(codes("/* a /* b */"), ["duikou::parse::unterminated"]);
        assert_eq!(codes("`abc\n`"), ["duikou::parse::unterminated"]);
    }

    #[test]
    fn reports_chinese_quotes_outside_strings_only() {
        assert_eq!(codes("message “你好”"), ["duikou::parse::chinese_quote"]);
        assert_eq!(codes("message 「你好」"), ["duikou::parse::chinese_quote"]);
        assert_eq!(codes("message 『你好』"), ["duikou::parse::chinese_quote"]);
        assert!(codes("message \"“你好”\"").is_empty());
    }
}
