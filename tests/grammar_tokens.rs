//! What the grammar tests by character ranges and first characters accepts exactly: the
//! whitespace characters, comments, keywords (both dialects) alone, glued to names and in
//! backticks, Chinese names that start like a keyword, and the words an expression reserves.

use duikou::{Code, RuleSet};

/// The number of syntax errors in `text`.
fn syntax_errors(text: &str) -> usize {
    RuleSet::from_sources(vec![("t.dk".into(), text.into())])
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::ParseSyntax)
        .count()
}

fn actor(name: &str) -> String {
    format!("actor {name} {{ kind: government, level: province }}\n")
}

/// The English and Chinese spelling of each rule named in the grammar rule `list`
/// (`keyword` or `expr_keyword`), read from the grammar itself.
fn keywords(list: &str) -> Vec<(String, String)> {
    let grammar = include_str!("../grammar/duikou.pest");
    let start = grammar
        .find(&format!("\n{list} = _{{"))
        .expect("the list is in the grammar");
    let block = &grammar[start..];
    let block = &block[..block.find("\n}").expect("the list closes")];
    let names: Vec<&str> = block
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("kw_"))
        .collect();
    assert!(names.len() > 10, "{list}: {names:?}");
    names
        .into_iter()
        .map(|name| {
            let line = grammar
                .lines()
                .find(|l| l.split_whitespace().next() == Some(name))
                .expect("each keyword has a rule");
            let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            (quoted[0].to_string(), quoted[1].to_string())
        })
        .collect()
}

#[test]
fn every_reserved_keyword_is_refused_as_a_name_and_accepted_glued_or_quoted() {
    for (en, zh) in keywords("keyword") {
        for word in [&en, &zh] {
            assert_eq!(syntax_errors(&actor(word)), 1, "`{word}` alone");
            for glued in [format!("{word}x"), format!("{word}甲"), format!("{word}_1")] {
                assert_eq!(syntax_errors(&actor(&glued)), 0, "`{glued}`");
            }
            assert_eq!(syntax_errors(&actor(&format!("x{word}"))), 0, "x{word}");
            assert_eq!(
                syntax_errors(&actor(&format!("`{word}`"))),
                0,
                "`{word}` quoted"
            );
        }
    }
}

#[test]
fn chinese_names_that_start_like_a_keyword_are_names() {
    for (_, zh) in keywords("keyword") {
        let first = zh.chars().next().expect("a keyword has a character");
        for name in [
            format!("{first}甲乙"),
            format!("{first}1"),
            first.to_string(),
        ] {
            let is_keyword = keywords("keyword").iter().any(|(_, z)| *z == name);
            let expected = usize::from(is_keyword);
            assert_eq!(syntax_errors(&actor(&name)), expected, "`{name}`");
        }
    }
    for name in [
        "省",
        "州",
        "新疆",
        "西藏自治区",
        "河北省",
        "乌鲁木齐",
        "ａ",
        "_x",
        "Ωmega",
    ] {
        assert_eq!(syntax_errors(&actor(name)), 0, "`{name}`");
    }
}

#[test]
fn expression_keywords_are_refused_as_names_and_others_are_fields() {
    let rule = |e: &str| format!("record t {{ x: int }}\nrule r {{ over t require {e} > 0 }}\n");
    let reserved = keywords("expr_keyword");
    for (en, zh) in &reserved {
        for word in [en, zh] {
            // `true` and `false` are literals, the others must be followed by more.
            let literal = matches!(en.as_str(), "true" | "false");
            assert_eq!(syntax_errors(&rule(word)) == 0, literal, "`{word}` alone");
            assert_eq!(syntax_errors(&rule(&format!("{word}x"))), 0, "`{word}x`");
            assert_eq!(syntax_errors(&rule(&format!("x.{word}"))), 0, "`x.{word}`");
        }
    }
    for (en, zh) in keywords("keyword") {
        if reserved.iter().any(|(e, _)| *e == en) {
            continue;
        }
        for word in [&en, &zh] {
            assert_eq!(syntax_errors(&rule(word)), 0, "`{word}` names a field");
        }
    }
}

#[test]
fn the_whitespace_characters_separate_tokens_and_no_others_do() {
    for space in [
        " ", "\t", "\n", "\r\n", "\r", "\u{3000}", "\u{FEFF}", "\u{A0}",
    ] {
        let text = format!("actor{space}甲{space}{{{space}kind:{space}government }}");
        assert_eq!(syntax_errors(&text), 0, "{space:?}");
    }
    for other in [
        "\u{B}", "\u{C}", "\u{85}", "\u{2003}", "\u{2028}", "\u{200B}", "\u{1680}",
    ] {
        let text = format!("actor{other}甲 {{ kind: government }}");
        assert!(syntax_errors(&text) > 0, "{other:?} is not whitespace");
    }
}

#[test]
fn comments_go_wherever_whitespace_does_and_a_slash_divides() {
    let ok = [
        "// a comment\nactor 甲 { kind: government }",
        "actor/* a */甲/* b */{ kind: government }",
        "actor 甲 { kind: government } /* outer /* inner */ still outer */",
        "actor 甲 { kind: government } // no line break at the end",
        "//\n/**/actor 甲 { kind: government }",
        "record t { x: int }\nrule r { over t require x / 2 > 0 }",
        "record t { x: int }\nrule r { over t require x/2>0 }",
        "record t { x: int }\nrule r { over t require x / /* two */ 2 > 0 }",
    ];
    for text in ok {
        assert_eq!(syntax_errors(text), 0, "{text}");
    }
    let bad = [
        "/ actor 甲 { kind: government }",
        "actor 甲 { kind: government } /",
        "record t { x: int }\nrule r { over t require x / > 0 }",
    ];
    for text in bad {
        assert!(syntax_errors(text) > 0, "{text}");
    }
}
