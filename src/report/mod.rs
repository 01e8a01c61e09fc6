//! Rendering findings for people and machines: human (miette), short (golden tests), JSON,
//! SARIF, Markdown and a self-contained HTML page.

pub mod answer;
pub mod codes;
pub mod data;
pub mod gaps;
pub mod html;
pub mod human;
pub mod json;
mod json_element;
mod json_findings;
mod json_template;
pub mod markdown;
pub mod overview;
pub mod sarif;
pub mod score;
pub mod short;
pub mod table;
mod window;
pub mod xlsx;

use crate::diagnostic::{Diagnostic, Severity};

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

pub use crate::suggest::plural;

/// `2 errors, 1 warning` (and `, 3 infos` when there are any).
pub fn count_line(c: Counts) -> String {
    let errors = plural(c.errors, "error");
    let warnings = plural(c.warnings, "warning");
    if c.infos > 0 {
        let infos = plural(c.infos, "info");
        crate::tr!(
            "report-count-line-infos",
            errors = errors,
            warnings = warnings,
            infos = infos
        )
    } else {
        crate::tr!("report-count-line", errors = errors, warnings = warnings)
    }
}

/// Display width in a terminal: CJK characters take two columns (Unicode East Asian Width).
pub(crate) fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to display width `w`.
pub(crate) fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}
