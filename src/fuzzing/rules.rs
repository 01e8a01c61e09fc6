//! Rule text: bytes loaded as a rule file, checked, analysed and rendered.

use crate::RuleSet;
use crate::report;

/// Loads `data` as one rule file and examines the result.
pub fn rules_text(data: &[u8]) {
    let rules = RuleSet::from_bytes(vec![("fuzz.dk".into(), data.to_vec())]);
    examine(&rules);
}

/// Everything `check`, `gaps`, `conflicts` and `test` do with a rule set, rendered as human
/// text, JSON and short lines; every span must lie inside its file on character boundaries.
pub fn examine(rules: &RuleSet) {
    let mut diags = rules.diagnostics().to_vec();
    if !rules.has_errors() {
        diags.extend(crate::gaps::analyze(rules.symbols(), &Default::default()));
        diags.extend_from_slice(rules.conflicts());
        let results = rules.run_tests();
        let _ = crate::testing::junit(&results);
    }
    assert_spans_inside(rules, &diags);
    let _ = report::human::render(&diags, rules.sources(), false);
    let json = report::json::render(&diags, rules.sources());
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "the JSON report parses"
    );
    let _ = report::short::render(&diags, rules.sources());
}

fn assert_spans_inside(rules: &RuleSet, diags: &[crate::Diagnostic]) {
    for d in diags {
        for span in d.span.into_iter().chain(d.related.iter().map(|r| r.span)) {
            let text = &rules.sources().get(span.file).text;
            let (start, end) = (span.start as usize, span.end as usize);
            assert!(
                start <= end && end <= text.len(),
                "span outside its file: {d:?}"
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "span inside a character: {d:?}"
            );
        }
    }
}
