//! The compact plain-text form: one block per diagnostic, used by golden tests and CI logs.

use super::{Counts, count_line};
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use std::fmt::Write;

/// `severity[code]: file:line:col: message`, an indented help line, then the counts.
pub fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = items(diags, sources);
    let _ = writeln!(out, "{}", count_line(Counts::of(diags)));
    out
}

/// The diagnostics alone, without the counts.
pub fn items(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out = String::new();
    for d in diags {
        let place = match d.span {
            Some(span) => {
                let f = sources.get(span.file);
                let lc = f.line_col(span.start as usize);
                format!("{}:{}:{}", f.display_path(), lc.line, lc.column)
            }
            None => d.path.clone().unwrap_or_default(),
        };
        let _ = writeln!(
            out,
            "{}[{}]: {place}: {}",
            d.severity.as_str(),
            d.code.as_str(),
            d.message
        );
        for r in &d.related {
            let f = sources.get(r.span.file);
            let lc = f.line_col(r.span.start as usize);
            let _ = writeln!(
                out,
                "  {}: {}:{}:{}: {}",
                crate::tr!("report-note"),
                f.display_path(),
                lc.line,
                lc.column,
                r.message
            );
        }
        if let Some(h) = &d.help {
            let _ = writeln!(out, "  {}: {h}", crate::tr!("report-help"));
        }
        if let Some(w) = &d.witness {
            let _ = writeln!(out, "  {}:", crate::tr!("report-witness"));
            for line in w.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}
