//! The pest parser generated from `grammar/duikou.pest`, and its errors as diagnostics.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, Span};
use pest::error::{ErrorVariant, InputLocation};
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/duikou.pest"]
pub struct DkParser;

/// Turns a pest error into a `duikou::parse::syntax` diagnostic with a readable expectation.
pub fn syntax_error(file: FileId, text: &str, err: pest::error::Error<Rule>) -> Diagnostic {
    syntax_error_at(file, text, 0..text.len(), err)
}

/// As [`syntax_error`], for an error found parsing the piece `piece` of `text` on its own.
/// An error at the end of a piece cut short before the next declaration found that
/// declaration's keyword: the helps about the word found there do not apply.
pub fn syntax_error_at(
    file: FileId,
    text: &str,
    piece: std::ops::Range<usize>,
    err: pest::error::Error<Rule>,
) -> Diagnostic {
    let pos = piece.start
        + match err.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        };
    let found = text[pos..].chars().next();
    let end = pos + found.map_or(0, char::len_utf8);
    let invisible = invisible_near(text, pos);
    let found_text = match found {
        None => crate::tr!("syntax-end-file"),
        Some(c) if invisible_name(c).is_some() => invisible_phrase(c),
        Some(_) => {
            let token: String = text[pos..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(20)
                .collect();
            format!("`{token}`")
        }
    };
    let expected = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let punctuation = err
                .parse_attempts()
                .map(|a| punctuation_tokens(&a.expected_tokens()))
                .unwrap_or_default();
            describe(positives, &punctuation)
        }
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let message = if expected.is_empty() {
        crate::tr!("syntax-unexpected-found-text", found_text = found_text)
    } else {
        crate::tr!(
            "syntax-expected-expected-found-found-text",
            expected = expected,
            found_text = found_text
        )
    };
    let mut d = Diagnostic::new(Code::ParseSyntax, Span::new(file, pos, end), message).label(
        if expected.is_empty() {
            crate::tr!("syntax-unexpected-here")
        } else {
            crate::tr!("decl-expected-expected", expected = expected)
        },
    );
    let cut_short = pos >= piece.end && piece.end < text.len();
    let help = invisible
        .map(|c| crate::tr!("syntax-delete-invisible", what = invisible_phrase(c)))
        .or_else(|| literal_help(text, pos))
        .or_else(|| {
            (!cut_short)
                .then_some(())
                .and_then(|()| word_help(text, pos, &expected))
        });
    if let Some(help) = help {
        d = d.help(help);
    }
    d
}

/// Helps about the word at the error: a keyword used as a name, glued or misspelt.
fn word_help(text: &str, pos: usize, expected: &str) -> Option<String> {
    keyword_as_name_help(text, pos, expected)
        .or_else(|| glued_keyword_help(text, pos))
        .or_else(|| misspelt_keyword_help(text, pos))
}

/// Characters an editor does not show, by code point, with their Unicode names.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{200B}', "zero width space"),
    ('\u{200C}', "zero width non-joiner"),
    ('\u{200D}', "zero width joiner"),
    ('\u{2060}', "word joiner"),
    ('\u{FEFF}', "byte order mark"),
    ('\u{00AD}', "soft hyphen"),
    ('\u{180E}', "mongolian vowel separator"),
    ('\u{200E}', "left-to-right mark"),
    ('\u{200F}', "right-to-left mark"),
    ('\u{202A}', "left-to-right embedding"),
    ('\u{202B}', "right-to-left embedding"),
    ('\u{202C}', "pop directional formatting"),
    ('\u{202D}', "left-to-right override"),
    ('\u{202E}', "right-to-left override"),
    ('\u{2066}', "left-to-right isolate"),
    ('\u{2067}', "right-to-left isolate"),
    ('\u{2068}', "first strong isolate"),
    ('\u{2069}', "pop directional isolate"),
];

fn invisible_name(c: char) -> Option<&'static str> {
    INVISIBLE.iter().find(|(i, _)| *i == c).map(|(_, n)| *n)
}

/// `the invisible character U+200B (zero width space)`.
fn invisible_phrase(c: char) -> String {
    let name = invisible_name(c).unwrap_or("invisible");
    crate::tr!(
        "syntax-invisible-character",
        code = format!("U+{:04X}", c as u32),
        name = name
    )
}

/// An invisible character at the error, or just before it among the spaces there (a byte
/// order mark in the middle of a name reads as a space and splits it).
fn invisible_near(text: &str, pos: usize) -> Option<char> {
    let at = text[pos..].chars().next();
    if let Some(c) = at.filter(|c| invisible_name(*c).is_some()) {
        return Some(c);
    }
    text[..pos]
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace() || invisible_name(*c).is_some())
        .find(|c| invisible_name(*c).is_some())
}

/// Money and dates written as in prose: `50万` for `50万元`, `2012年1月1日` for `2012-01-01`.
fn literal_help(text: &str, pos: usize) -> Option<String> {
    let number: String = {
        let rev: String = text[..pos]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        rev.chars().rev().collect()
    };
    if number.is_empty() {
        return None;
    }
    let rest = &text[pos..];
    if let Some(unit) = ["万", "亿"].into_iter().find(|u| rest.starts_with(u)) {
        return Some(crate::tr!(
            "syntax-money-written-with-unit-number",
            number = number,
            unit = unit
        ));
    }
    if rest.starts_with('年') {
        let line = rest.lines().next().unwrap_or(rest);
        let date: Vec<u32> = line
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日'))
            .collect::<String>()
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .take(2)
            .filter_map(|p| p.parse().ok())
            .collect();
        return Some(match date[..] {
            [m, d] => crate::tr!(
                "syntax-write-date-as-number-m",
                number = number,
                m = format!("{:02}", m),
                d = format!("{:02}", d)
            ),
            _ => crate::tr!("syntax-write-year-as-number-date", number = number),
        });
    }
    None
}

/// A keyword where a name is expected (`rule 结对 {`): names that are keywords need backticks.
fn keyword_as_name_help(text: &str, pos: usize, expected: &str) -> Option<String> {
    let (name, expression) = (
        crate::tr!("words-a-name"),
        crate::tr!("words-an-expression"),
    );
    if !expected.contains(&name) && !expected.contains(&expression) {
        return None;
    }
    let word: String = text[pos..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let is_keyword = KEYWORDS
        .iter()
        .chain(MORE_KEYWORDS)
        .chain(INFIX_KEYWORDS)
        .any(|k| *k == word);
    is_keyword.then(|| crate::tr!("syntax-word-keyword-use-as-name", word = word))
}

/// Keywords that may be misspelt where a clause or declaration was expected.
const MORE_KEYWORDS: &[&str] = &[
    "over",
    "where",
    "per",
    "require",
    "forbid",
    "permit",
    "unless",
    "severity",
    "message",
    "holds",
    "for",
    "as",
    "lead",
    "support",
    "from",
    "to",
    "in",
    "indicator",
    "grade",
    "data",
    "expect",
    "级别",
    "提示",
    "牵头",
    "配合",
    "评价方",
    "等级",
];

/// When the word at the error is close to a keyword (`规侧` for `规则`), suggest it.
fn misspelt_keyword_help(text: &str, pos: usize) -> Option<String> {
    let word: String = text[pos..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if word.is_empty()
        || KEYWORDS.contains(&word.as_str())
        || MORE_KEYWORDS.contains(&word.as_str())
    {
        return None;
    }
    let candidates = KEYWORDS.iter().chain(MORE_KEYWORDS).copied();
    crate::suggest::closest(&word, candidates)
        .filter(|k| k.chars().count() == word.chars().count() || word.is_ascii())
        .map(|k| crate::tr!("syntax-did-you-mean-keyword-k", k = k))
}

/// Declaration and clause keywords, in both dialects.
const KEYWORDS: &[&str] = &[
    "actor",
    "program",
    "record",
    "function",
    "document",
    "article",
    "pair",
    "duty",
    "rule",
    "evaluation",
    "test",
    "主体",
    "支援类型",
    "记录",
    "职能",
    "文件",
    "条",
    "结对",
    "属于",
    "自",
    "至",
    "职责",
    "承担",
    "针对",
    "规则",
    "范围",
    "条件",
    "按",
    "要求",
    "禁止",
    "允许",
    "除非",
    "考评",
    "指标",
    "测试",
    "数据",
    "预期",
    "作为",
];

/// When a keyword is glued to a name (`pair河北省`, `自2010`), say so.
fn glued_keyword_help(text: &str, pos: usize) -> Option<String> {
    // Look at the word that starts at `pos` and at the one that ends just before it.
    let word_at: String = text[pos..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let before: String = {
        let rev: String = text[..pos]
            .chars()
            .rev()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        rev.chars().rev().collect()
    };
    // A whole keyword (`条件`) is a keyword used as a name, never a keyword glued to a name
    // (`条 件`): the backtick help is the one that applies.
    let is_keyword = |w: &str| {
        KEYWORDS
            .iter()
            .chain(MORE_KEYWORDS)
            .chain(INFIX_KEYWORDS)
            .any(|k| *k == w)
    };
    for word in [&word_at, &before].into_iter().filter(|w| !is_keyword(w)) {
        for kw in KEYWORDS {
            if word.len() > kw.len() && word.starts_with(kw) {
                let rest = &word[kw.len()..];
                return Some(crate::tr!(
                    "syntax-word-reads-as-one-name",
                    word = word,
                    kw = kw,
                    rest = rest
                ));
            }
        }
    }
    // A Chinese keyword glued after a name (`项目条件`, `民生且`): Chinese has no spaces to
    // show where the name ends.
    // One-character keywords that end many names (南非, 第六条) are left out.
    let glued_after = KEYWORDS
        .iter()
        .chain(MORE_KEYWORDS)
        .chain(INFIX_KEYWORDS)
        .filter(|kw| !kw.is_ascii())
        .filter(|kw| kw.chars().count() > 1 || matches!(**kw, "且" | "或"));
    for word in [&before, &word_at].into_iter().filter(|w| !is_keyword(w)) {
        for kw in glued_after.clone() {
            if word.len() > kw.len() && word.ends_with(kw) {
                let name = &word[..word.len() - kw.len()];
                return Some(crate::tr!(
                    "syntax-word-reads-as-one-name-2",
                    word = word,
                    name = name,
                    kw = kw
                ));
            }
        }
    }
    None
}

/// The Chinese infix keywords of expressions.
const INFIX_KEYWORDS: &[&str] = &["且", "或", "非", "隶属于"];

/// The ASCII punctuation among the tokens pest tried at the failure point, quoted.
fn punctuation_tokens<T: std::fmt::Display>(tokens: &[T]) -> Vec<String> {
    let mut out: Vec<String> = tokens
        .iter()
        .map(|t| t.to_string())
        .filter(|t| {
            !t.is_empty() && !t.contains("..") && t.chars().all(|c| c.is_ascii_punctuation())
        })
        .map(|t| format!("`{t}`"))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn describe(rules: &[Rule], punctuation: &[String]) -> String {
    const OPERATORS: &[&str] = &[
        "`!=`", "`&&`", "`*`", "`+`", "`-`", "`/`", "`<=`", "`<`", "`==`", "`>=`", "`>`", "`||`",
        "`!`",
    ];
    const NOISE: &[&str] = &[
        "a token", "`/*`", "`//`", "`_`", "```", "`\"`", "`.`", "`(`", "`[`", "`;`",
    ];
    let mut names: Vec<&str> = Vec::new();
    for r in rules {
        let n = rule_name(*r);
        if !names.contains(&n) {
            names.push(n);
        }
    }
    for p in punctuation {
        if !names.contains(&p.as_str()) {
            names.push(p.as_str());
        }
    }
    let had_operator = names
        .iter()
        .any(|n| OPERATORS.contains(n) || *n == "a comparison operator");
    names.retain(|n| !NOISE.contains(n) && !OPERATORS.contains(n) && *n != "a comparison operator");
    if had_operator && !names.contains(&"an operator") {
        names.push("an operator");
    }
    // What closes the construct is the likeliest fix: say it first.
    names.sort_by_key(|n| match *n {
        "`}`" | "`)`" | "`]`" => 0,
        "`:`" | "`,`" => 1,
        "an operator" | "`in` (`属于`)" => 3,
        _ => 2,
    });
    let names: Vec<String> = names.iter().map(|n| expected_word(n)).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        _ => {
            let (last, rest) = names.split_last().expect("len >= 2");
            crate::tr!(
                "syntax-one-of",
                rest = rest.join(&crate::tr!("list-sep")),
                last = last
            )
        }
    }
}

/// What the parser expected, in the current language.
fn expected_word(name: &str) -> String {
    match name {
        "end of file" => crate::tr!("syntax-end-file"),
        "a name" => crate::tr!("words-a-name"),
        "an expression" => crate::tr!("words-an-expression"),
        "a number" => crate::tr!("words-a-number"),
        "a type" => crate::tr!("words-a-type"),
        "a declaration" => crate::tr!("words-a-declaration"),
        "an operator" => crate::tr!("words-an-operator"),
        "a token" => crate::tr!("words-a-token"),
        "an article number like `12` or `12.1`" => crate::tr!("syntax-article-number-like"),
        "a date like `2017-12-31`" => crate::tr!("syntax-date-like"),
        "a string in \"…\"" => crate::tr!("decl-string"),
        "a property block `{ key: value }`" => crate::tr!("syntax-property-block-key-value"),
        "a comparison like `>= 74%`" => crate::tr!("syntax-comparison-like"),
        "a comparison operator" => crate::tr!("syntax-comparison-operator"),
        "a field `name: type`" => crate::tr!("syntax-field-name-type"),
        "`program` or `pair`" => crate::tr!("syntax-program-pair"),
        "`as lead` or `as support`" => crate::tr!("syntax-as-lead-as-support"),
        "a rule clause" => crate::tr!("syntax-rule-clause"),
        "an evaluation clause" => crate::tr!("syntax-evaluation-clause"),
        "`data` or `expect`" => crate::tr!("syntax-data-expect"),
        "`violation`, `score`, `gap` or `conflict`" => {
            crate::tr!("syntax-violation-score-gap-conflict")
        }
        "`key` or `time`" => crate::tr!("syntax-key-time"),
        other => other.to_string(),
    }
}

fn rule_name(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        EOI => "end of file",
        ident | actor_ref => "a name",
        word | raw_word | prop_key => "a name",
        expr_name => "a name",
        expr | prop_value => "an expression",
        number | year => "a number",
        article_no => "an article number like `12` or `12.1`",
        date => "a date like `2017-12-31`",
        string | string_inner => "a string in \"…\"",
        props | prop => "a property block `{ key: value }`",
        target => "a comparison like `>= 74%`",
        cmp_op | eq | ne | le | ge | lt | gt => "a comparison operator",
        type_ref => "a type",
        field_decl => "a field `name: type`",
        kw_in | in_op => "`in` (`属于`)",
        kw_holds => "`holds` (`承担`)",
        kw_for => "`for` (`针对`)",
        kw_where | filter => "`where` (`条件`)",
        kw_violation => "`violation` (`违规`)",
        kw_then => "`then` (`则`)",
        kw_else => "`else` (`否则`)",
        duty_program | duty_pair => "`program` or `pair`",
        role => "`as lead` or `as support`",
        actor_decl | program_decl | function_decl | record_decl | document_decl | test_decl
        | pair_decl | duty_decl | rule_decl | evaluation_decl => "a declaration",
        kw_actor | kw_program | kw_record | kw_function | kw_document | kw_pair | kw_duty
        | kw_rule | kw_evaluation | kw_test => "a declaration",
        article => "`article` (`条`)",
        over_clause | per_clause | require_clause | forbid_clause | permit_clause
        | unless_clause | severity_clause | message_clause => "a rule clause",
        evaluators_clause | indicator_decl | grade_clause => "an evaluation clause",
        test_data | expect => "`data` or `expect`",
        expect_score | expect_violation | expect_gap | expect_conflict => {
            "`violation`, `score`, `gap` or `conflict`"
        }
        pair_from => "`from` (`自`)",
        pair_to => "`to` (`至`)",
        modifier => "`key` or `time`",
        member => "`.`",
        or | and | within | add | sub | mul | div => "an operator",
        _ => "a token",
    }
}
