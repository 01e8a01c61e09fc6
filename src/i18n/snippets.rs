//! Code in help and witnesses written in the dialect of the file it points into: a file with
//! Chinese keywords gets `职责 某主体 承担 … 作为 牵头`, an English file the English form.

use crate::diagnostic::Diagnostic;
use crate::fmt::Dialect;
use crate::source::FileId;

/// Placeholders of help snippets, as `(English, Chinese)`.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("ACTOR", "某主体"),
    ("PROGRAM", "某支援类型"),
    ("YEAR", "某年"),
    ("RECORD", "某记录"),
    ("CONDITION", "某条件"),
    ("NAME", "某名称"),
    ("KEY", "某键"),
    ("EXPRESSION", "某表达式"),
];

/// Keywords left as they are in snippets: they are as often the names of fields.
const NOT_TRANSLATED: &[&str] = &[
    "score", "target", "weight", "message", "severity", "value", "data", "national", "true",
    "false",
];

/// The dialect most keywords of a rule file are written in; English when there are none.
pub fn dialect_of(text: &str) -> Dialect {
    if crate::words::keywords_are_chinese(text) {
        Dialect::Zh
    } else {
        Dialect::En
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// One snippet of code with its English keywords and placeholders in Chinese. Words after a
/// `.`, before a `:` (property keys), inside a call's parentheses and inside string literals
/// are names and stay.
pub fn code_to_chinese(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    let mut in_string = false;
    let mut depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => in_string = !in_string,
            '(' if !in_string => depth += 1,
            ')' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
        let inside = in_string || depth > 0;
        if inside || !c.is_ascii_alphabetic() || (i > 0 && word_char(chars[i - 1])) {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word_char(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let after_dot = start > 0 && chars[start - 1] == '.';
        let before_colon = chars.get(i) == Some(&':');
        out.push_str(&chinese_word(&word, after_dot || before_colon));
    }
    out
}

fn chinese_word(word: &str, is_name: bool) -> String {
    if is_name || NOT_TRANSLATED.contains(&word) {
        return word.to_string();
    }
    if let Some((_, zh)) = PLACEHOLDERS.iter().find(|(en, _)| *en == word) {
        return (*zh).to_string();
    }
    match crate::fmt::dialect::KEYWORDS
        .iter()
        .find(|(en, _)| *en == word)
    {
        Some((_, zh)) => (*zh).to_string(),
        None => word.to_string(),
    }
}

/// A help text with the code between backticks in Chinese keywords.
pub fn help_to_chinese(help: &str) -> String {
    let mut out = String::with_capacity(help.len());
    for (i, part) in help.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(&code_to_chinese(part));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// A ready-to-paste `test` block in Chinese keywords: its comment lines stay as they are.
pub fn witness_to_chinese(witness: &str) -> String {
    let mut out = String::with_capacity(witness.len());
    for line in witness.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        out.push_str(indent);
        if body.starts_with("//") {
            out.push_str(body);
            continue;
        }
        // `data RECORD [`: the record's name stays.
        if let Some(rest) = body.strip_prefix("data ") {
            out.push_str(crate::fmt::Dialect::Zh.keyword("data"));
            out.push(' ');
            out.push_str(rest);
            continue;
        }
        // A data row `{ field: value, … }` holds names and values only.
        if body.starts_with('{') {
            out.push_str(body);
            continue;
        }
        out.push_str(&code_to_chinese(body));
    }
    out
}

/// Rewrites the help and witness of each diagnostic that points into a Chinese-keyword file.
pub fn localize(diags: &mut [Diagnostic], chinese_files: &[FileId]) {
    if chinese_files.is_empty() {
        return;
    }
    for d in diags {
        let Some(span) = d.span else { continue };
        if !chinese_files.contains(&span.file) {
            continue;
        }
        if let Some(h) = &d.help {
            d.help = Some(help_to_chinese(h));
        }
        if let Some(w) = &d.witness {
            d.witness = Some(witness_to_chinese(w));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duty_snippet_follows_the_chinese_dialect() {
        assert_eq!(
            help_to_chinese(
                "assign it in the document responsible: `duty ACTOR holds 贯彻落实 for pair 广东省 -> 林芝市 in 援藏 as lead`"
            ),
            "assign it in the document responsible: `职责 某主体 承担 贯彻落实 针对 结对 广东省 -> 林芝市 属于 援藏 作为 牵头`"
        );
    }

    #[test]
    fn names_keys_and_strings_stay() {
        assert_eq!(
            code_to_chinese("avg(x.score) where kind: \"for\""),
            "avg(x.score) 条件 kind: \"for\""
        );
        assert_eq!(
            code_to_chinese("sum(spent) at year - 1"),
            "sum(spent) 于 year - 1"
        );
    }

    #[test]
    fn a_witness_keeps_its_rows_and_comments() {
        let w = "test \"C001: a / b\" {\n  data project [\n    { id: \"x\", for: 1 },\n  ]\n  // both apply\n  expect conflict C001 [a, b]\n}";
        assert_eq!(
            witness_to_chinese(w),
            "测试 \"C001: a / b\" {\n  数据 project [\n    { id: \"x\", for: 1 },\n  ]\n  // both apply\n  预期 冲突 C001 [a, b]\n}"
        );
    }
}
