//! Human-readable diagnostics, rendered by miette with source snippets.

use super::window::Windowed;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use std::fmt;

/// A diagnostic joined with its source text, in the shape miette renders.
#[derive(Debug)]
struct Rendered {
    code: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<Windowed>,
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

/// Each file of the rule set indexed once for the whole rendering.
struct Files<'a> {
    sources: &'a SourceMap,
    indexed: Vec<Option<Windowed>>,
}

impl Files<'_> {
    fn get(&mut self, file: crate::source::FileId) -> Windowed {
        let i = file.0 as usize;
        if self.indexed.len() <= i {
            self.indexed.resize(i + 1, None);
        }
        self.indexed[i]
            .get_or_insert_with(|| {
                let f = self.sources.get(file);
                Windowed::new(f.display_path(), f.text.clone())
            })
            .clone()
    }
}

fn to_rendered(d: &Diagnostic, files: &mut Files<'_>) -> Rendered {
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
                    source: Some(files.get(r.span.file)),
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
        source: d.span.map(|s| files.get(s.file)),
        labels,
        related,
    }
}

/// The words of a line for wrapping: split at spaces, except inside backticks, so neither a
/// Chinese name nor a snippet of code is split between two lines.
fn words_keeping_code(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    let mut after_space = false;
    for (i, c) in line.char_indices() {
        if after_space && c != ' ' {
            words.push(textwrap::core::Word::from(&line[start..i]));
            start = i;
            after_space = false;
        }
        match c {
            '`' => in_code = !in_code,
            ' ' if !in_code => after_space = true,
            _ => {}
        }
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

/// The renderer's own words (`help:`) in the current language.
fn localize_labels(rendered: String) -> String {
    let help = crate::tr!("report-help");
    if help == "help" {
        return rendered;
    }
    rendered.replace("  help: ", &format!("  {help}: "))
}

/// Renders every diagnostic; `color` for a terminal.
pub fn render(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Lines break at spaces only: a Chinese name is never split between two lines.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_word_separator(textwrap::WordSeparator::Custom(words_keeping_code))
        .with_break_words(false);
    let mut out = String::new();
    let mut files = Files {
        sources,
        indexed: Vec::new(),
    };
    for d in diags {
        let r = to_rendered(d, &mut files);
        let mut one = String::new();
        if handler.render_report(&mut one, &r).is_err() {
            one = format!("{}: {}\n", d.code.as_str(), d.message);
        }
        out.push_str(&localize_labels(one));
        // Unwrapped and unindented, so it can be pasted into a rule file as it is.
        if let Some(w) = &d.witness {
            out.push_str(&crate::tr!("report-witness-paste"));
            out.push_str(":\n\n");
            out.push_str(w);
            if !w.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}
