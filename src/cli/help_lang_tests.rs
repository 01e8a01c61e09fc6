//! The help catalogue matches the command tree, and every text of it exists in Chinese.
//!
//! `DUIKOU_BLESS=1 cargo test --bin duikou help_lang` rewrites `locales/en/help.ftl` from the
//! doc comments; the Chinese of a new key then goes into `locales/zh-CN/help.ftl`.

use super::*;
use crate::cli::Cli;
use clap::CommandFactory;
use std::collections::BTreeMap;

const EN_FILE: &str = "src/i18n/locales/en/help.ftl";
const ZH_FILE: &str = "src/i18n/locales/zh-CN/help.ftl";

/// One help text of the tree: where it is, what it is, and its English.
struct Text {
    path: String,
    name: String,
    kind: Kind,
    english: String,
}

enum Kind {
    About(&'static str),
    Arg(String, &'static str),
    Value(String, String),
}

fn walk(cmd: &Command, path: &str, out: &mut Vec<Text>) {
    let mut push = |kind, english: Option<String>| {
        if let Some(english) = english {
            out.push(Text {
                path: path.to_string(),
                name: cmd.get_name().to_string(),
                kind,
                english,
            });
        }
    };
    push(Kind::About(""), cmd.get_about().map(ToString::to_string));
    push(
        Kind::About("-long"),
        cmd.get_long_about().map(ToString::to_string),
    );
    for arg in cmd.get_arguments() {
        let id = arg.get_id().to_string();
        push(
            Kind::Arg(id.clone(), ""),
            arg.get_help().map(ToString::to_string),
        );
        push(
            Kind::Arg(id.clone(), "-long"),
            arg.get_long_help().map(ToString::to_string),
        );
        for value in arg.get_possible_values() {
            let name = value.get_name().to_string();
            push(
                Kind::Value(id.clone(), name),
                value.get_help().map(ToString::to_string),
            );
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, sub.get_name(), out);
    }
}

fn english_tree() -> Vec<Text> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut texts = Vec::new();
    walk(&cmd, cmd.get_name(), &mut texts);
    texts
}

/// `key -> English` for every text of the tree, with shared keys where the English is shared.
fn keys(texts: &[Text]) -> Vec<(String, String)> {
    let shared_id = |t: &Text| match &t.kind {
        Kind::About(_) => None,
        Kind::Arg(id, suffix) => Some(format!("help-arg-{}{suffix}", slug(id))),
        Kind::Value(id, v) => Some(format!("help-value-{}-{}", slug(id), slug(v))),
    };
    // The shared key holds the English most commands give (the first, on a tie).
    let mut english_of: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for t in texts {
        if let Some(key) = shared_id(t) {
            english_of.entry(key).or_default().push(&t.english);
        }
    }
    let common = |key: &str| -> &str {
        let all = &english_of[key];
        let count = |e: &&str| all.iter().filter(|x| *x == e).count();
        let most = all.iter().map(count).max().unwrap_or(0);
        all.iter()
            .find(|e| count(e) == most)
            .copied()
            .unwrap_or_default()
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for t in texts {
        let key = match (&t.kind, shared_id(t)) {
            (Kind::About(suffix), _) => format!("help-cmd-{}{suffix}", t.name),
            (_, Some(shared)) if common(&shared) == t.english => shared,
            (Kind::Arg(id, suffix), _) => format!("help-{}-arg-{}{suffix}", t.path, slug(id)),
            (Kind::Value(id, v), _) => format!("help-{}-value-{}-{}", t.path, slug(id), slug(v)),
        };
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, t.english.clone()));
        }
    }
    out
}

/// A text as a Fluent value: braces escaped, lines indented.
fn fluent(text: &str) -> String {
    let escaped = text.replace('{', "\u{0}").replace('}', "{\"}\"}");
    let escaped = escaped.replace('\u{0}', "{\"{\"}");
    let lines: Vec<String> = escaped
        .lines()
        .map(|l| match l.chars().next() {
            Some('[' | '*' | '.') => format!("{{\"{}\"}}{}", &l[..1], &l[1..]),
            _ => l.to_string(),
        })
        .collect();
    if lines.len() == 1 {
        format!(" {}", lines[0])
    } else {
        let mut s = String::new();
        for line in lines {
            s.push_str("\n    ");
            s.push_str(&line);
        }
        s.replace("\n    \n", "\n\n")
    }
}

const FIXED: &str = "help-heading-usage = Usage:{\" \"}\nhelp-heading-options = Options\n\
help-heading-arguments = Arguments\nhelp-heading-commands = Commands\n\
help-command-placeholder = COMMAND\n\
help-default = [default: { $value }]\nhelp-values = [possible values: { $values }]\n\
help-values-heading = Possible values:\nhelp-value-separator = :{\" \"}\n";

fn english_catalogue() -> String {
    let mut s = String::from(
        "# help: the texts of `--help`, from the doc comments of the command line\n# (rewritten by `DUIKOU_BLESS=1 cargo test --bin duikou help_lang`)\n",
    );
    s.push_str(FIXED);
    for (key, english) in keys(&english_tree()) {
        s.push_str(&format!("{key} ={}\n", fluent(&english)));
    }
    s
}

#[test]
fn the_english_help_catalogue_matches_the_doc_comments() {
    let expected = english_catalogue();
    if std::env::var_os("DUIKOU_BLESS").is_some() {
        std::fs::write(EN_FILE, &expected).expect("catalogue is writable");
    }
    let actual = std::fs::read_to_string(EN_FILE).expect("the English help catalogue exists");
    assert!(
        actual == expected,
        "{EN_FILE} is not the help of the command tree; rewrite it with \
         `DUIKOU_BLESS=1 cargo test --bin duikou help_lang` and translate new keys in {ZH_FILE}"
    );
    for (key, english) in keys(&english_tree()) {
        assert_eq!(text_in(Lang::En, &key, &[]), english, "{key}");
    }
}

#[test]
fn every_command_and_argument_has_chinese_help() {
    let zh = std::fs::read_to_string(ZH_FILE).expect("the Chinese help catalogue exists");
    let mut missing = Vec::new();
    for (key, english) in keys(&english_tree()) {
        let chinese = text_in(Lang::Zh, &key, &[]);
        // Text outside backticks is translated; code alone (`{ "version": 1, … }`) need not be.
        let prose: String = english.split('`').step_by(2).collect();
        let translated = chinese
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            || !prose.chars().any(|c| c.is_ascii_alphabetic());
        if !zh.contains(&format!("\n{key} =")) || !translated {
            missing.push(format!("{key} = {english}"));
        }
    }
    assert!(
        missing.is_empty(),
        "no Chinese help in {ZH_FILE} for:\n{}",
        missing.join("\n")
    );
}

fn help_of(lang: Lang, path: &[&str], long: bool) -> String {
    let mut cmd = localize(Cli::command(), lang);
    cmd.build();
    let mut at = &mut cmd;
    for name in path {
        at = at.find_subcommand_mut(name).expect("subcommand exists");
    }
    if long {
        at.render_long_help().to_string()
    } else {
        at.render_help().to_string()
    }
}

#[test]
fn help_in_chinese_has_no_english_left() {
    let mut cmd = Cli::command();
    cmd.build();
    let mut paths: Vec<Vec<&str>> = vec![Vec::new()];
    paths.extend(cmd.get_subcommands().map(|c| vec![c.get_name()]));
    for path in paths {
        for long in [false, true] {
            let help = help_of(Lang::Zh, &path, long);
            assert!(help.contains("用法："), "{path:?}\n{help}");
            if path != ["help"] {
                assert!(help.contains("选项:"), "{path:?}\n{help}");
            }
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "[OPTIONS]",
                "<COMMAND>",
                "Print help",
                "Print version",
                "possible values",
                "Possible values",
                "[default:",
            ] {
                assert!(!help.contains(english), "{path:?}: {english}\n{help}");
            }
        }
    }
}

#[test]
fn help_in_english_is_the_tree_as_written() {
    let help = help_of(Lang::En, &["check"], false);
    assert!(help.contains("Usage: duikou check [OPTIONS]"), "{help}");
    assert!(help.contains("Treat warnings as errors"), "{help}");
}

#[test]
fn chinese_help_lists_values_and_defaults() {
    let short = help_of(Lang::Zh, &["check"], false);
    assert!(short.contains("[可选值：human、json、short"), "{short}");
    let long = help_of(Lang::Zh, &[], true);
    assert!(long.contains("[默认：auto]"), "{long}");
    assert!(long.contains("- never"), "{long}");
}

#[test]
fn the_language_of_help_is_read_before_parsing() {
    let args = |words: &[&str]| -> Vec<OsString> { words.iter().map(OsString::from).collect() };
    assert_eq!(
        language_of(&args(&["duikou", "check", "--help", "--lang", "zh"])),
        Lang::Zh
    );
    assert_eq!(language_of(&args(&["duikou", "--lang=zh", "-h"])), Lang::Zh);
    assert_eq!(
        language_of(&args(&["duikou", "--lang", "en", "gaps", "--help"])),
        Lang::En
    );
}
