//! Property tests: no input panics, and every diagnostic's span lies inside its file.

use duikou::RuleSet;
use proptest::prelude::*;

/// Checks `text` as the rule file `name`: every diagnostic's span lies inside the file, on
/// character boundaries. The rule set reads the text without a leading byte-order mark.
fn assert_spans_valid(name: &str, text: String) {
    let read = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let rules = RuleSet::from_sources(vec![(name.into(), text)]);
    for d in rules.diagnostics() {
        for span in d.span.into_iter().chain(d.related.iter().map(|r| r.span)) {
            assert_eq!(span.file.index(), 0, "the one rule file: {d:?}");
            let (start, end) = (span.start as usize, span.end as usize);
            assert!(start <= end && end <= read.len(), "{d:?}");
            assert!(
                read.is_char_boundary(start) && read.is_char_boundary(end),
                "{d:?}"
            );
        }
    }
}

fn shipped_sources() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir("rules")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "dk"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Edits at char boundaries: delete, duplicate or replace a range.
fn mutate(text: &str, at: usize, len: usize, kind: u8, insert: &str) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let start = bounds[at % bounds.len()];
    let end = bounds[(at % bounds.len() + len).min(bounds.len() - 1)];
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..start]);
    match kind % 3 {
        0 => {}
        1 => {
            out.push_str(&text[start..end]);
            out.push_str(&text[start..end]);
        }
        _ => out.push_str(insert),
    }
    out.push_str(&text[end..]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,400}") {
        assert_spans_valid("any.dk", text);
    }

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(prop_oneof![
        Just("actor"), Just("结对"), Just("rule"), Just("{"), Just("}"), Just("("), Just(")"), Just("["),
        Just("]"), Just(":"), Just("："), Just(","), Just("->"), Just("require"), Just("sum"), Just("where"),
        Just("河北省"), Just("74%"), Just("50万元"), Just("2017-12-31"), Just("\"文本\""), Just("if"),
        Just("then"), Just("else"), Just("not"), Just(">="), Just("=="), Just("."), Just("in"), Just("per"),
        Just("x"), Just("/*"), Just("*/"), Just("//"), Just("\n"), Just("`名`"), Just("“"),
    ], 0..80)) {
        assert_spans_valid("soup.dk", tokens.join(" "));
    }

    #[test]
    fn mutated_shipped_files_never_panic(file in 0usize..64, at in 0usize..100_000, len in 0usize..40,
                                         kind in 0u8..3, insert in "\\PC{0,12}") {
        let sources = shipped_sources();
        let text = &sources[file % sources.len()];
        let mutated = mutate(text, at, len, kind, &insert);
        assert_spans_valid("mutated.dk", mutated);
    }
}
