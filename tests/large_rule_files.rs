//! Rule files large enough to be parsed in parts on several threads: every declaration keeps
//! its place, and a part with a problem gives the diagnostics a file parsed whole gives.

use duikou::{Code, RuleSet};

const HEAD: &str = "record t { id: text key, x: int }\n\
                    actor 国务院 { kind: government, level: central }\n\
                    document 条例 { level: administrative_regulation, issuer: 国务院, effective: 2010-01-01\n";

/// A document of `n` articles, four lines each; every 40th holds two rules, the rule `r{i}` of
/// article `i` on line `5 + 4 * i` (the others hold comments there); then actors, one a line.
fn large(n: usize) -> String {
    let mut s = String::from(HEAD);
    let padding = "对口支援工作应当坚持统筹规划、分级负责、突出重点、注重实效的原则。";
    for i in 0..n {
        let (rule, chinese) = if i % 40 == 0 {
            (
                format!("rule r{i} {{ over t require x > {i} }}"),
                format!("规则 s{i} {{ 范围 t 要求 x >= {i} }}"),
            )
        } else {
            (format!("// r{i}"), format!("/* s{i} */"))
        };
        s.push_str(&format!(
            "  article {i} \"第{i}条 {padding}\" {{\n    {rule}\n    {chinese}\n  }}\n"
        ));
    }
    s.push_str("}\n");
    for i in 0..n {
        s.push_str(&format!(
            "actor 省{i} {{ kind: government, level: province }}\n"
        ));
    }
    assert!(
        s.len() > 256 * 1024,
        "{} bytes: large enough to be cut",
        s.len()
    );
    s
}

/// Articles enough for a file of about 300 KB.
const N: usize = 1_600;

fn load(text: &str) -> RuleSet {
    RuleSet::from_sources(vec![("large.dk".into(), text.into())])
}

#[test]
fn every_rule_of_a_large_file_is_read_where_it_stands() {
    let n = N;
    let rules = load(&large(n));
    assert!(
        rules.diagnostics().is_empty(),
        "{:?}",
        &rules.diagnostics()[..1]
    );
    let listed = rules.rules();
    assert_eq!(listed.len(), 2 * n / 40);
    for i in (0..n).step_by(40) {
        let r = listed.iter().find(|r| r.name == format!("r{i}")).unwrap();
        assert_eq!(
            (r.location.line, r.location.column),
            (5 + 4 * i, 10),
            "r{i}"
        );
        let s = listed.iter().find(|r| r.name == format!("s{i}")).unwrap();
        assert_eq!((s.location.line, s.location.column), (6 + 4 * i, 8), "s{i}");
    }
}

#[test]
fn a_literal_error_deep_in_a_large_file_is_reported_once_where_it_is() {
    let text = large(N).replace("require x > 1000 }", "require x > 2012-13-01 }");
    let rules = load(&text);
    let literal: Vec<_> = rules
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::ParseLiteral)
        .collect();
    assert_eq!(literal.len(), 1, "{:?}", rules.diagnostics());
    let at = rules.location(literal[0].span.unwrap());
    assert_eq!(at.line, 5 + 4 * 1000);
}

#[test]
fn a_syntax_error_deep_in_a_large_file_leaves_the_rest_read() {
    let text = large(N).replace("require x > 1000 }", "require x > }");
    let rules = load(&text);
    let codes: Vec<Code> = rules.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::ParseSyntax]);
    let at = rules.location(rules.diagnostics()[0].span.unwrap());
    assert_eq!(at.line, 5 + 4 * 1000);
}
