//! Applying an editor's change (a range in UTF-16 positions, or the whole text) to a text.

use super::position::LineIndex;
use lsp_types::Range;

/// The text after replacing `range` (the whole text when `None`) with `new`. A range past the
/// end is clamped; a range whose end precedes its start replaces nothing.
pub fn apply(text: &str, range: Option<Range>, new: &str) -> String {
    let Some(range) = range else {
        return new.to_string();
    };
    let idx = LineIndex::new(text);
    let start = idx.offset(range.start);
    let end = idx.offset(range.end).max(start);
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(&text[..start]);
    out.push_str(new);
    out.push_str(&text[end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    #[test]
    fn replaces_a_range_counted_in_utf16() {
        let r = Range::new(Position::new(0, 3), Position::new(0, 6));
        assert_eq!(apply("主体 河北省 {}", Some(r), "巴州"), "主体 巴州 {}");
        assert_eq!(apply("x", None, "y"), "y");
        let past = Range::new(Position::new(5, 0), Position::new(6, 0));
        assert_eq!(apply("ab", Some(past), "c"), "abc");
    }
}
