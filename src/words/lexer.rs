//! A forgiving scan of rule text into tokens, for colours and for reading the words before the
//! cursor. It never fails: text the grammar rejects still gets tokens.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Comment,
    String,
    /// Numbers with their units: `42`, `74%`, `50万元`, `2017-12-31`.
    Number,
    /// A name or keyword.
    Word,
    /// A name in backticks.
    Quoted,
    Punct,
}

/// A token: its kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// The CJK Unified Ideographs, every one of them a letter: the commonest characters of Chinese
/// rule text, told without the Unicode tables.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_word_start(c: char) -> bool {
    c == '_' || is_cjk_ideograph(c) || c.is_alphabetic()
}

fn is_word_char(c: char) -> bool {
    c == '_' || is_cjk_ideograph(c) || c.is_alphanumeric()
}

/// Every token of `text`, in order; whitespace is skipped.
pub fn tokens(text: &str) -> Vec<Token> {
    Tokens { text, i: 0 }.collect()
}

/// The tokens of a text one by one, for a scan that keeps none of them.
struct Tokens<'t> {
    text: &'t str,
    i: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let mut i = self.i;
        while let Some(c) = text[i..].chars().next() {
            let start = i;
            let (kind, end) = match c {
                c if c.is_whitespace() => {
                    i += c.len_utf8();
                    continue;
                }
                '/' if text[i..].starts_with("//") => (
                    TokenKind::Comment,
                    text[i..].find('\n').map_or(text.len(), |n| i + n),
                ),
                '/' if text[i..].starts_with("/*") => {
                    (TokenKind::Comment, block_comment_end(text, i))
                }
                '"' => (TokenKind::String, string_end(text, i)),
                '`' => (
                    TokenKind::Quoted,
                    match text[i + 1..].find(['`', '\n']) {
                        Some(n) if text[i + 1 + n..].starts_with('`') => i + 1 + n + 1,
                        Some(n) => i + 1 + n,
                        None => text.len(),
                    },
                ),
                c if c.is_ascii_digit() => (TokenKind::Number, number_end(text, i)),
                c if is_word_start(c) => (TokenKind::Word, word_end(text, i)),
                c => (TokenKind::Punct, i + c.len_utf8()),
            };
            self.i = end.max(start + c.len_utf8());
            return Some(Token { kind, start, end });
        }
        self.i = i;
        None
    }
}

fn word_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(n, _)| i + n)
}

fn number_end(text: &str, i: usize) -> usize {
    let mut end = text[i..]
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .map_or(text.len(), |(n, _)| i + n);
    for unit in ["%", "万元", "亿元", "元"] {
        if text[end..].starts_with(unit) {
            end += unit.len();
            break;
        }
    }
    end
}

fn string_end(text: &str, i: usize) -> usize {
    let mut escaped = false;
    for (n, c) in text[i + 1..].char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return i + 1 + n + 1,
            '\n' => return i + 1 + n,
            _ => escaped = false,
        }
    }
    text.len()
}

fn block_comment_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut j) = (0usize, i);
    while j + 1 < bytes.len() {
        if bytes[j] == b'/' && bytes[j + 1] == b'*' {
            depth += 1;
            j += 2;
        } else if bytes[j] == b'*' && bytes[j + 1] == b'/' {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    text.len()
}

/// The words (names and keywords) of `text`, outside comments and strings.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Tokens { text, i: 0 }
        .filter(|t| t.kind == TokenKind::Word)
        .map(move |t| &text[t.start..t.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_ideographs_are_letters() {
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['a', '_', '1', '，', ' ', '\u{3400}']) {
            assert_eq!(is_word_start(c), c == '_' || c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c == '_' || c.is_alphanumeric(), "{c:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.kind, &text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn scans_both_dialects() {
        use TokenKind::*;
        assert_eq!(
            kinds("规则 超支 { 禁止 spent > 50万元 /* a /* b */ */ \"x\\\"y\" `a b` 74% }"),
            [
                (Word, "规则"),
                (Word, "超支"),
                (Punct, "{"),
                (Word, "禁止"),
                (Word, "spent"),
                (Punct, ">"),
                (Number, "50万元"),
                (Comment, "/* a /* b */ */"),
                (String, "\"x\\\"y\""),
                (Quoted, "`a b`"),
                (Number, "74%"),
                (Punct, "}"),
            ]
        );
    }

    #[test]
    fn unterminated_text_ends_tokens_at_the_end() {
        assert_eq!(kinds("\"abc").len(), 1);
        assert_eq!(kinds("/* x").len(), 1);
        assert_eq!(kinds("`x").len(), 1);
    }
}
