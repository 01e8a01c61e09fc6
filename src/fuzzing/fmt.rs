//! `duikou fmt` on any input that parses: formatting is idempotent in every dialect, and the
//! formatted file checks to the same diagnostics as the original.

use crate::RuleSet;
use crate::fmt::{Dialect, format_source};

/// Formats `data` (when it is UTF-8 and parses) in each dialect and asserts that formatting the
/// result changes nothing and that it gives the same diagnostic codes.
pub fn fmt_roundtrip(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let before = codes(text);
    for dialect in [Dialect::Keep, Dialect::En, Dialect::Zh] {
        let Ok(once) = format_source(text, dialect) else {
            continue;
        };
        let twice = format_source(&once, dialect)
            .unwrap_or_else(|e| panic!("formatted text does not format again: {e:?}\n{once}"));
        assert_eq!(
            twice, once,
            "formatting twice changed the text ({dialect:?})"
        );
        assert_eq!(
            codes(&once),
            before,
            "formatting changed the diagnostics ({dialect:?})\n{once}"
        );
    }
}

/// The diagnostic codes of `text` as one rule file, sorted.
fn codes(text: &str) -> Vec<&'static str> {
    let rules = RuleSet::from_sources(vec![("fuzz.dk".into(), text.into())]);
    let mut codes: Vec<&'static str> = rules
        .diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    codes.sort_unstable();
    codes
}
