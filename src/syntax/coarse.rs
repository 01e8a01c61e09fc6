//! The coarse scan of recovery and of parsing in parts, byte by byte: ASCII, the commonest
//! case, is told apart without decoding characters, and comments, strings and backtick names are
//! skipped with a search for the byte that ends them. It gives the tokens the character by
//! character scan it replaced gave (a test compares them on any text).

/// A token of the coarse scan: words and brackets; strings and comments are skipped.
#[derive(Debug, Clone)]
pub struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind<'t>,
    /// Nothing but indentation before it on its line.
    pub first_on_line: bool,
    /// It starts its line, without indentation.
    pub at_line_start: bool,
}

/// What a coarse token is.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind<'t> {
    /// A word (identifier or keyword), or a backtick name without its backticks.
    Word(&'t str),
    Open,
    Close,
    Other,
}

impl<'t> Token<'t> {
    pub(super) fn word(&self) -> Option<&'t str> {
        match &self.kind {
            TokenKind::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Scans `text` into coarse tokens: words and brackets; strings and comments are skipped.
/// Strings, comments and backtick names must be terminated (the pre-scan has made sure of it);
/// an unterminated one ends the scan.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    scan(text, 0, None).0
}

/// The tokens of `text` from `from`, which is 0 or just after a line feed the scan from the
/// start would reach (outside strings, comments and backtick names; `until` tells whether it
/// does): from there on, the scan gives the tokens the scan from the start gives.
pub fn tokens_from(text: &str, from: usize) -> Vec<Token<'_>> {
    scan(text, from, None).0
}

/// The tokens of `text` before `until`, and whether the scan reached `until` just after a line
/// feed, in the state the scan from there starts in; when it did not (`until` is inside a
/// string, a comment or a backtick name), the tokens of the whole text.
pub fn tokens_until(text: &str, until: usize) -> (Vec<Token<'_>>, bool) {
    scan(text, 0, Some(until))
}

/// The first line start at or after byte `at` (the end of the text when there is none).
pub fn line_start_after(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let at = at.min(b.len());
    memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |n| at + n + 1)
}

/// The scan from `from` (a line start in the initial state), ending early just after the line
/// feed that ends at `until`, if it comes to one.
fn scan(text: &str, from: usize, until: Option<usize>) -> (Vec<Token<'_>>, bool) {
    let b = text.as_bytes();
    // About six bytes a token in rule text; room for the whole rest of the text, so that a
    // part scanned elsewhere can be appended.
    let mut out = Vec::with_capacity((b.len() - from.min(b.len())) / 6);
    let (mut i, mut line_start, mut line_blank) = (from, from, true);
    while i < b.len() {
        let c = char_at(text, i);
        let len = c.len_utf8();
        let (first_on_line, at_line_start) = (line_blank, i == line_start);
        if !c.is_whitespace() {
            // Comments count as something on their line.
            line_blank = false;
        }
        let start = i;
        let mut end = i + len;
        let kind = match c {
            '\n' => {
                (line_start, line_blank) = (i + 1, true);
                i += 1;
                if until == Some(i) {
                    return (out, true);
                }
                continue;
            }
            '/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            '/' if b.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(b, i).0;
                continue;
            }
            '"' => {
                end = string_end(b, i);
                TokenKind::Other
            }
            '`' => {
                let name_end =
                    memchr::memchr2(b'`', b'\n', &b[i + 1..]).map_or(b.len(), |n| i + 1 + n);
                end = (name_end + 1).min(b.len());
                TokenKind::Word(&text[i + 1..name_end])
            }
            '(' | '[' | '{' | '（' | '【' | '｛' => TokenKind::Open,
            ')' | ']' | '}' | '）' | '】' | '｝' => TokenKind::Close,
            c if is_word_char(c) => {
                end = word_end(text, end);
                TokenKind::Word(&text[i..end])
            }
            c if c.is_whitespace() => {
                i = end;
                continue;
            }
            _ => TokenKind::Other,
        };
        out.push(Token {
            start,
            end,
            kind,
            first_on_line,
            at_line_start,
        });
        i = end;
    }
    (out, false)
}

/// The character at byte `i`, an ASCII byte without decoding.
fn char_at(text: &str, i: usize) -> char {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        char::from(byte)
    } else {
        text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    }
}

/// Where the word going on at `from` ends: letters, digits (of any script) and `_`.
fn word_end(text: &str, mut from: usize) -> usize {
    let b = text.as_bytes();
    while from < b.len() {
        let c = char_at(text, from);
        if !is_word_char(c) {
            break;
        }
        from += c.len_utf8();
    }
    from
}

/// Whether `c` belongs in a word: a letter or digit of any script, or `_`. ASCII and the CJK
/// Unified Ideographs (every one of them a letter), the commonest by far, are told without the
/// Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric()
    }
}

/// Just past the block comment opened at `i`, the comments nested in it included (the end of
/// the text when it never closes), and how deep comments nest in it (1 for one not nesting
/// any). Neither `/` nor `*` is part of a longer character, so bytes are compared one by one.
pub(super) fn block_comment_end(b: &[u8], i: usize) -> (usize, usize) {
    let (mut depth, mut deepest, mut j) = (1usize, 1usize, i + 2);
    while j < b.len() {
        match (b[j], b.get(j + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                deepest = deepest.max(depth);
                j += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return (j, deepest);
                }
            }
            _ => j += 1,
        }
    }
    (b.len(), deepest)
}

/// Just past the string literal opened at `i` (a backslash escapes the character after it); the
/// end of the text when it never closes.
pub(super) fn string_end(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            // The escaped character may be longer than a byte: its other bytes are never `"`.
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character by character scan this one replaced.
    /// Scans `text` into coarse tokens. Strings, comments and backtick names must be terminated
    /// (the pre-scan has made sure of it); an unterminated one ends the scan.
    pub fn reference(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut line_start = 0usize;
        // Whether nothing but whitespace has come yet on the current line (comments count as
        // something): kept as a flag, so that a 10-MB line is scanned once.
        let mut line_blank = true;
        while let Some((i, c)) = chars.next() {
            let first_on_line = line_blank;
            let at_line_start = i == line_start;
            if !c.is_whitespace() {
                line_blank = false;
            }
            let kind = match c {
                '\n' => {
                    line_start = i + 1;
                    line_blank = true;
                    continue;
                }
                '/' if chars.peek().map(|p| p.1) == Some('/') => {
                    while chars.next_if(|p| p.1 != '\n').is_some() {}
                    continue;
                }
                '/' if chars.peek().map(|p| p.1) == Some('*') => {
                    skip_block_comment(&mut chars);
                    continue;
                }
                '"' => {
                    while let Some((_, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => break,
                            _ => {}
                        }
                    }
                    TokenKind::Other
                }
                '`' => {
                    let mut name_end = text.len();
                    for (j, c) in chars.by_ref() {
                        if c == '`' || c == '\n' {
                            name_end = j;
                            break;
                        }
                    }
                    TokenKind::Word(&text[i + 1..name_end])
                }
                '(' | '[' | '{' | '（' | '【' | '｛' => TokenKind::Open,
                ')' | ']' | '}' | '）' | '】' | '｝' => TokenKind::Close,
                c if c.is_alphanumeric() || c == '_' => {
                    let mut end = i + c.len_utf8();
                    while let Some((j, c)) = chars.next_if(|p| p.1.is_alphanumeric() || p.1 == '_')
                    {
                        end = j + c.len_utf8();
                    }
                    TokenKind::Word(&text[i..end])
                }
                c if c.is_whitespace() => continue,
                _ => TokenKind::Other,
            };
            let end = chars.peek().map_or(text.len(), |p| p.0);
            out.push(Token {
                start: i,
                end,
                kind,
                first_on_line,
                at_line_start,
            });
        }
        out
    }

    fn skip_block_comment(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) {
        chars.next();
        let mut depth = 1usize;
        while let Some((_, c)) = chars.next() {
            match c {
                '/' if chars.peek().map(|p| p.1) == Some('*') => {
                    chars.next();
                    depth += 1;
                }
                '*' if chars.peek().map(|p| p.1) == Some('/') => {
                    chars.next();
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn word_characters_are_letters_digits_and_underscore() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }

    fn same(text: &str) {
        let fast: Vec<String> = tokens(text).iter().map(|t| format!("{t:?}")).collect();
        let slow: Vec<String> = reference(text).iter().map(|t| format!("{t:?}")).collect();
        assert_eq!(fast, slow, "{text:?}");
    }

    #[test]
    fn scans_as_the_character_scan_did() {
        for text in [
            "",
            "actor 河北省 { kind: government } // 注释\n/* a /* b */ c */ rule r",
            "  article 1 \"第\\\"1\\条\" {\n\t规则 `a b` { 范围 t }\n}\r\n",
            "（【｛｝】）\u{3000}x_1 ２０１０ \u{A0}é",
            "\"unterminated \\",
            "/* open",
            "`open\nnext",
            "a\\\u{4e2d}\"",
        ] {
            same(text);
        }
    }

    /// The scan cut at every line start: where the first part reaches the cut, it and the scan
    /// from the cut give the tokens of the whole.
    fn same_in_two(text: &str) {
        let whole: Vec<String> = tokens(text).iter().map(|t| format!("{t:?}")).collect();
        for (cut, _) in text.match_indices('\n') {
            let (head, reached) = tokens_until(text, cut + 1);
            let mut both = head;
            if reached {
                both.extend(tokens_from(text, cut + 1));
            }
            let both: Vec<String> = both.iter().map(|t| format!("{t:?}")).collect();
            assert_eq!(both, whole, "{text:?} cut at {}", cut + 1);
        }
    }

    #[test]
    fn a_cut_inside_a_string_or_comment_is_not_reached() {
        let text = "a \"x\ny\" /* c\nd */ `e\nf` // g\nh\n";
        for cut in [5, 13, 21] {
            assert_eq!(text.as_bytes()[cut - 1], b'\n');
            assert!(!tokens_until(text, cut).1, "{cut}");
        }
        assert!(tokens_until(text, 31).1);
        same_in_two(text);
        assert_eq!(line_start_after(text, 0), 5);
        assert_eq!(line_start_after(text, 29), text.len());
        assert_eq!(line_start_after(text, text.len() + 1), text.len());
    }

    proptest! {
        #[test]
        fn scanned_in_two_parts_any_text_gives_the_tokens_of_the_whole(
            text in "[ a-z_0-9/*\"`\\\n\r\t{}()（）【】｛｝中文条\u{3000}.,:;-]{0,120}"
        ) {
            same_in_two(&text);
        }

        #[test]
        fn scans_any_text_as_the_character_scan_did(
            text in "[ a-z_0-9/*\"`\\\\\n\r\t{}()（）【】｛｝中文条\u{3000}\u{A0}é.,:;-]{0,120}"
        ) {
            same(&text);
        }
    }
}
