//! Byte offsets in rule text to and from protocol positions (line, UTF-16 code unit).

use lsp_types::{Position, Range};

/// The line starts of one text, for converting offsets both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    text: String,
    line_starts: Vec<usize>,
    /// 3 when the editor's text starts with a byte-order mark: the rule set's spans do not
    /// count it, the editor does.
    bom: usize,
}

impl LineIndex {
    /// Indexes the text as the editor holds it.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            text: text.to_string(),
            line_starts,
            bom,
        }
    }

    /// The text as the editor holds it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The protocol position of a byte offset into the editor's text (clamped to the text and
    /// moved back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a protocol position; past the end of a line means its end, past the
    /// last line the end of the text, and inside a surrogate pair the character's start.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.line_starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .line_starts
            .get(pos.line as usize + 1)
            .map_or(self.text.len(), |&e| e - 1);
        let mut units = 0usize;
        for (i, c) in self.text[start..end].char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The protocol range of a span of the rule set (which does not count a byte-order mark).
    pub fn range(&self, start: u32, end: u32) -> Range {
        Range::new(
            self.position(start as usize + self.bom),
            self.position(end as usize + self.bom),
        )
    }

    /// The rule set's offset (without a byte-order mark) of a protocol position.
    pub fn span_offset(&self, pos: Position) -> usize {
        self.offset(pos).saturating_sub(self.bom)
    }

    /// The byte offset in the editor's text of a rule-set offset.
    pub fn text_offset(&self, span_offset: u32) -> usize {
        span_offset as usize + self.bom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_counts_utf16_units() {
        let idx = LineIndex::new("主体 河北省 {}\n// 𠀀x\n");
        assert_eq!(idx.position(7), Position::new(0, 3));
        assert_eq!(idx.offset(Position::new(0, 3)), 7);
        // `𠀀` is two UTF-16 units and four bytes.
        let x = "主体 河北省 {}\n// 𠀀".len();
        assert_eq!(idx.position(x), Position::new(1, 5));
        assert_eq!(idx.offset(Position::new(1, 5)), x);
        assert_eq!(idx.offset(Position::new(1, 4)), x - 4);
        assert_eq!(idx.offset(Position::new(0, 99)), "主体 河北省 {}".len());
        assert_eq!(idx.offset(Position::new(9, 0)), idx.text().len());
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let idx = LineIndex::new("河北");
        assert_eq!(idx.position(1), Position::new(0, 0));
        assert_eq!(idx.position(99), Position::new(0, 2));
    }

    #[test]
    fn byte_order_mark_shifts_spans() {
        let idx = LineIndex::new("\u{feff}主体");
        assert_eq!(idx.range(0, 6).start, Position::new(0, 1));
        assert_eq!(idx.span_offset(Position::new(0, 2)), 3);
    }
}
