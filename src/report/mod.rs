//! Rendering findings for people and machines: human (miette), short (golden tests), JSON,
//! SARIF, Markdown and a self-contained HTML page.

pub mod answer;
pub mod codes;
pub mod data;
pub mod gaps;
pub mod html;
pub mod human;
pub mod json;
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

/// `n` things in the current language: `1 error`, `2 errors`, `2 个错误`.
///
/// The counted words of the reports are in the catalogue; another word is counted in English.
pub fn plural(n: usize, word: &str) -> String {
    match word {
        "error" => crate::tr!("noun-error", n = n),
        "warning" => crate::tr!("noun-warning", n = n),
        "info" => crate::tr!("noun-info", n = n),
        "gap" => crate::tr!("noun-gap", n = n),
        "conflict" => crate::tr!("noun-conflict", n = n),
        "row" => crate::tr!("noun-row", n = n),
        "group" => crate::tr!("noun-group", n = n),
        "record" => crate::tr!("noun-record", n = n),
        "violation" => crate::tr!("noun-violation", n = n),
        "title row" => crate::tr!("noun-title-row", n = n),
        "totals row" => crate::tr!("noun-totals-row", n = n),
        "data row" => crate::tr!("noun-data-row", n = n),
        "data file" => crate::tr!("noun-data-file", n = n),
        "data problem" => crate::tr!("noun-data-problem", n = n),
        "undetermined result" => crate::tr!("noun-undetermined-result", n = n),
        "rule-file problem" => crate::tr!("noun-rule-file-problem", n = n),
        "line" => crate::tr!("noun-line", n = n),
        "test" => crate::tr!("noun-test", n = n),
        "file" => crate::tr!("noun-file", n = n),
        "actor" => crate::tr!("noun-actor", n = n),
        "program" => crate::tr!("noun-program", n = n),
        "function" => crate::tr!("noun-function", n = n),
        "document" => crate::tr!("noun-document", n = n),
        "article" => crate::tr!("noun-article", n = n),
        "pair" => crate::tr!("noun-pair", n = n),
        "duty" => crate::tr!("noun-duty", n = n),
        "rule" => crate::tr!("noun-rule", n = n),
        "evaluation" => crate::tr!("noun-evaluation", n = n),
        _ if n == 1 => format!("{n} {word}"),
        _ => format!("{n} {word}s"),
    }
}

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
