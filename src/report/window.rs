//! A source file as miette reads it, shared by every diagnostic of a rendering and read only
//! around each span: miette alone scans a file from its start for every span it shows, which
//! made thousands of diagnostics in one large file quadratic.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::sync::Arc;

/// One file's text and where its lines break, built once per rendering.
#[derive(Debug)]
struct Indexed {
    name: String,
    text: String,
    /// Where miette sees a line end: the `\n` of `\n` or `\r\n`, or a lone `\r`.
    breaks: Vec<usize>,
    /// Offsets just after each `\n` (the columns of place headers count from there).
    after_newlines: Vec<usize>,
}

/// A cheap handle on an indexed file; clones share the text.
#[derive(Debug, Clone)]
pub struct Windowed(Arc<Indexed>);

impl Windowed {
    /// Indexes `text` (named `name` in place headers).
    pub fn new(name: String, text: String) -> Windowed {
        let bytes = text.as_bytes();
        let mut breaks = Vec::new();
        let mut after_newlines = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => {
                    breaks.push(i);
                    after_newlines.push(i + 1);
                }
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => breaks.push(i),
                _ => {}
            }
        }
        Windowed(Arc::new(Indexed {
            name,
            text,
            breaks,
            after_newlines,
        }))
    }

    /// The column of `offset` in characters, counted from the last `\n` before it.
    fn char_column(&self, offset: usize) -> Option<usize> {
        let f = &self.0;
        let at = offset.min(f.text.len());
        let line_start = f
            .after_newlines
            .partition_point(|&s| s <= at)
            .checked_sub(1)
            .map_or(0, |i| f.after_newlines[i]);
        f.text.get(line_start..at).map(|s| s.chars().count())
    }

    /// What miette reads for `span` with context lines, found by reading from a line start
    /// `before` lines above the span rather than from the start of the file: the same data,
    /// span, line, column and line count.
    fn context(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let f = &self.0;
        // Lines that end before the span starts; one more is read than the context needs,
        // because miette decides where an empty span ends by the character before it.
        let line = f.breaks.partition_point(|&b| b < span.offset());
        let skipped = line.saturating_sub(before + 1);
        let from = match skipped {
            0 => 0,
            n => f.breaks[n - 1] + 1,
        };
        let local = SourceSpan::new(span.offset().saturating_sub(from).into(), span.len());
        let tail = &f.text.as_bytes()[from..];
        let inner = tail.read_span(&local, before, after)?;
        let data: &[u8] = inner.data();
        Ok(MietteSpanContents::new_named(
            f.name.clone(),
            data,
            SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + skipped,
            inner.column(),
            inner.line_count() + skipped,
        )
        .with_language("dk"))
    }
}

impl SourceCode for Windowed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.context(span, before, after)?;
        if before != 0 || after != 0 {
            return Ok(Box::new(inner));
        }
        // Place headers count columns in characters, as every other report does (miette counts
        // bytes: a Chinese character would count three).
        let column = self.char_column(span.offset()).unwrap_or(inner.column());
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.0.name.clone(),
                inner.data(),
                *inner.span(),
                inner.line(),
                column,
                inner.line_count(),
            )
            .with_language("dk"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::NamedSource;

    /// The windowed read gives what miette gives reading the whole file.
    fn same_as_miette(text: &str, offset: usize, len: usize, before: usize, after: usize) {
        let whole = NamedSource::new("f.dk", text.to_string());
        let windowed = Windowed::new("f.dk".into(), text.to_string());
        let span = SourceSpan::new(offset.into(), len);
        let a = whole.read_span(&span, before, after);
        let b = windowed.context(&span, before, after);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.data(), b.data(), "{offset} {len} {before} {after}");
                assert_eq!(a.span(), b.span(), "{offset} {len} {before} {after}");
                assert_eq!(a.line(), b.line(), "{offset} {len} {before} {after}");
                assert_eq!(a.column(), b.column(), "{offset} {len} {before} {after}");
                assert_eq!(a.line_count(), b.line_count(), "{offset} {len}");
            }
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{offset} {len}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
    }

    #[test]
    fn reads_what_miette_reads_at_every_offset() {
        let texts = [
            "a\nbb\nccc\n\ndddd\neeeee\nf",
            "x\r\ny\rz\n\r\nw\r\rv\n",
            "规则 民生 {\n  over 项目\n  require 金额 >= 74%\n}\n// 注释\n",
            "",
            "\n\n\n",
        ];
        for text in texts {
            for offset in 0..=text.len() {
                for len in [0, 1, 2, 5] {
                    for (before, after) in [(0, 0), (1, 1), (2, 2), (3, 0)] {
                        same_as_miette(text, offset, len, before, after);
                    }
                }
            }
        }
    }

    #[test]
    fn columns_count_characters() {
        let w = Windowed::new("f.dk".into(), "ab\n河北省 x".into());
        assert_eq!(w.char_column(3 + 9 + 1), Some(4));
        assert_eq!(w.char_column(1), Some(1));
    }
}
