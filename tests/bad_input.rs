//! Inputs that must never panic, hang or overflow the stack: each gives diagnostics instead.

use duikou::{Code, RuleSet};

fn check(text: &str) -> Vec<Code> {
    RuleSet::from_sources(vec![("bad.dk".into(), text.into())])
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect()
}

const HEADER: &str = "record r { x: int }\nrule a { over r require ";

#[test]
fn ten_thousand_parentheses_hit_the_nesting_limit() {
    let text = format!("{HEADER}{}x{} }}", "(".repeat(10_000), ")".repeat(10_000));
    let rules = RuleSet::from_sources(vec![("deep.dk".into(), text)]);
    let d = &rules.diagnostics()[0];
    assert_eq!(d.code, Code::ParseNesting);
    assert!(d.message.contains("256"), "{}", d.message);
}

#[test]
fn long_prefix_chains_hit_the_nesting_limit() {
    assert_eq!(
        check(&format!("{HEADER}{}x > 0 }}", "not ".repeat(10_000))),
        [Code::ParseNesting]
    );
    assert_eq!(
        check(&format!("{HEADER}{}x > 0 }}", "- ".repeat(10_000))),
        [Code::ParseNesting]
    );
}

#[test]
fn deeply_nested_if_is_an_error_not_a_crash() {
    let text = format!(
        "{HEADER}{}true{} }}",
        "if true then ".repeat(5_000),
        " else false".repeat(5_000)
    );
    let codes = check(&text);
    assert!(!codes.is_empty());
}

/// Runs `f` on a thread with a small stack (256 KiB): parsing must not rely on the caller's.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn deep_nesting_is_an_error_on_a_small_stack_too() {
    let ifs = format!(
        "{HEADER}{}true{} }}",
        "if true then ".repeat(10_000),
        " else false".repeat(10_000)
    );
    let formatted =
        on_small_stack(move || duikou::fmt::format_source(&ifs, duikou::fmt::Dialect::En).is_err());
    assert!(formatted);
    let chinese = format!(
        "{HEADER}{}真{} }}",
        "如果 真 则 ".repeat(3_000),
        " 否则 假".repeat(3_000)
    );
    let codes = on_small_stack(move || check(&chinese));
    assert_eq!(codes, [Code::ParseNesting]);
}

#[test]
fn ifs_past_any_stack_are_refused_before_parsing() {
    // `if` after `if` with nothing between them: the parser would recurse once for each.
    let text = format!("{HEADER}{}x }}", "if ".repeat(20_000));
    assert_eq!(check(&text), [Code::ParseNesting]);
}

#[test]
fn deeply_nested_comments_hit_the_nesting_limit() {
    let text = format!("{}{}", "/*".repeat(5_000), "*/".repeat(5_000));
    assert_eq!(check(&text), [Code::ParseNesting]);
}

#[test]
fn long_chains_parse_up_to_the_limit_and_are_refused_beyond() {
    let text = format!("{HEADER}x{} > 0 }}", " + x".repeat(1_000));
    assert!(check(&text).is_empty());
    let text = format!("{HEADER}x{} > 0 }}", " + x".repeat(20_000));
    assert_eq!(check(&text), [duikou::Code::ParseNesting]);
}

#[test]
fn empty_and_whitespace_files_are_valid() {
    assert!(check("").is_empty());
    assert!(check("\u{feff}  \n\t// only a comment\n").is_empty());
}

#[test]
fn invalid_utf8_is_an_encoding_error() {
    let dir = std::env::temp_dir().join(format!("duikou-bad-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gbk.dk");
    // "主体" in GBK.
    std::fs::write(
        &path,
        b"\xd6\xf7\xcc\xe5 a { kind: government, level: province }",
    )
    .unwrap();
    let rules = RuleSet::load(&[path]);
    let codes: Vec<Code> = rules.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::ParseEncoding]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn binary_garbage_is_a_syntax_error() {
    let bytes: String = (0u32..2_000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x2FFF))
        .collect();
    assert!(!check(&bytes).is_empty());
}

#[test]
fn a_ten_megabyte_line_is_handled() {
    let text = format!(
        "actor a {{ kind: government, level: province, title: \"{}\" }}",
        "长".repeat(3_500_000)
    );
    assert!(check(&text).is_empty());
    let text = format!("actor {} {{ }}", "x".repeat(10_000_000));
    assert!(!check(&text).is_empty());
}

#[test]
fn huge_literals_are_literal_errors() {
    let text = format!("program p {{ since: {} }}", "9".repeat(5_000));
    assert!(
        check(&text).contains(&Code::DeclPropertyType)
            || check(&text).contains(&Code::ParseLiteral)
    );
    let text = format!("{HEADER}x > {}万元 }}", "9".repeat(40));
    assert!(check(&text).contains(&Code::ParseLiteral));
}

#[test]
fn missing_paths_are_reported_not_fatal() {
    let rules = RuleSet::load(&["no/such/dir".into(), "rules".into()]);
    assert_eq!(rules.diagnostics()[0].code, Code::IoUnreadable);
    // The readable path is still loaded: its rules check its demo data.
    assert!(
        rules.rules().len() > 10,
        "the readable path is still loaded"
    );
    // The count of its pairs is checked inside the crate (src/tests/bad_input.rs).
}
