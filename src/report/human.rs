//! Human-readable diagnostics, rendered by miette with source snippets.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    NamedSource, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// A diagnostic joined with its source text, in the shape miette renders.
#[derive(Debug)]
struct Rendered {
    code: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<CharColumns>,
    labels: Vec<LabeledSpan>,
    related: Vec<Rendered>,
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty())
            .then(|| Box::new(self.labels.iter().cloned()) as Box<dyn Iterator<Item = LabeledSpan>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        (!self.related.is_empty()).then(|| {
            Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic))
                as Box<dyn Iterator<Item = _>>
        })
    }
}

/// A source whose place headers count columns in characters, as every other report does
/// (miette counts bytes: a Chinese character would count three).
#[derive(Debug)]
struct CharColumns(NamedSource<String>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.0.read_span(span, before, after)?;
        if before != 0 || after != 0 {
            return Ok(inner);
        }
        let text = self.0.inner().as_str();
        let at = span.offset().min(text.len());
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = text
            .get(line_start..at)
            .map_or(inner.column(), |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name().to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

fn named(sources: &SourceMap, file: crate::source::FileId) -> CharColumns {
    CharColumns(named_source(sources, file))
}

fn named_source(sources: &SourceMap, file: crate::source::FileId) -> NamedSource<String> {
    let f = sources.get(file);
    NamedSource::new(f.display_path(), f.text.clone()).with_language("dk")
}

fn to_rendered(d: &Diagnostic, sources: &SourceMap) -> Rendered {
    let mut labels = Vec::new();
    let mut related = Vec::new();
    if let Some(span) = d.span {
        let label = (!d.label.is_empty()).then(|| d.label.clone());
        labels.push(LabeledSpan::new_primary_with_span(
            label,
            (span.start as usize, span.len()),
        ));
        for r in &d.related {
            if r.span.file == span.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(r.message.clone()),
                    (r.span.start as usize, r.span.len()),
                ));
            } else {
                related.push(Rendered {
                    code: "",
                    severity: Severity::Info,
                    message: r.message.clone(),
                    help: None,
                    source: Some(named(sources, r.span.file)),
                    labels: vec![LabeledSpan::new_primary_with_span(
                        None,
                        (r.span.start as usize, r.span.len()),
                    )],
                    related: Vec::new(),
                });
            }
        }
    }
    Rendered {
        code: d.code.as_str(),
        severity: d.severity,
        message: d.message.clone(),
        help: d.help.clone(),
        source: d.span.map(|s| named(sources, s.file)),
        labels,
        related,
    }
}

/// Renders every diagnostic; `color` for a terminal.
pub fn render(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in diags {
        let r = to_rendered(d, sources);
        if handler.render_report(&mut out, &r).is_err() {
            out.push_str(&format!("{}: {}\n", d.code.as_str(), d.message));
        }
        // Unwrapped and unindented, so it can be pasted into a rule file as it is.
        if let Some(w) = &d.witness {
            out.push_str("witness, ready to paste as a test:\n\n");
            out.push_str(w);
            if !w.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}
