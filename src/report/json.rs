//! The JSON report: the machine contract of SPEC §11, with a receipt for replay and audit.

use super::Counts;
use crate::ast::RuleSeverity;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::compile::RulePlan;
use crate::engine::finding::FindingKind;
use crate::source::SourceMap;
pub use crate::source::{Location, location};
use indexmap::IndexMap;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RelatedJson {
    pub message: String,
    pub location: Location,
}

/// One finding, with every field of the schema present (null where it does not apply).
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub kind: &'static str,
    pub code: Option<&'static str>,
    pub rule: Option<String>,
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub group: Option<IndexMap<String, serde_json::Value>>,
    pub record: Option<String>,
    pub value: Option<String>,
    /// The value in full (`"0.7999"` where `value` is `"79.99%"`); only where there is a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_exact: Option<String>,
    pub location: Option<Location>,
    pub related: Vec<RelatedJson>,
    pub resolution: Option<serde_json::Value>,
    /// Rejected rows: the field whose cell was rejected.
    pub field: Option<String>,
    /// Record-level findings: where the record is in the data.
    pub row: Option<RowPlace>,
    /// Gaps: the years concerned, as ranges (`to` null when open).
    pub years: Option<serde_json::Value>,
    /// Conflicts: a `test` block showing the clash.
    pub witness: Option<String>,
}

/// A row of a data file.
#[derive(Debug, Clone, Serialize)]
pub struct RowPlace {
    pub file: String,
    pub line: u64,
}

/// What one rule did with the data.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    pub rule: String,
    pub article: Option<String>,
    #[serde(flatten)]
    pub counts: crate::engine::finding::RuleCounts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub rows_read: usize,
    pub rows_checked: usize,
    pub rows_rejected: usize,
    /// Rejected rows counted but not listed (beyond `--max-errors`).
    pub rejected_unlisted: usize,
    /// Rows above a header (titles, notes), not data; left out when there are none.
    #[serde(skip_serializing_if = "is_zero")]
    pub rows_title: usize,
    /// Totals rows (`合计`, `小计`, `总计`), checked and not data; left out when there are none.
    #[serde(skip_serializing_if = "is_zero")]
    pub rows_total: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Serialize)]
pub struct Receipt {
    pub engine: String,
    pub as_of: Option<String>,
    pub rules: IndexMap<String, String>,
    pub data: IndexMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub summary: Summary,
    /// Per rule, with data: records or groups checked, passed, violations, undetermined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleSummary>,
    /// Warnings about the question rather than the rules (a `gaps --year` in which nothing
    /// is active); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub findings: Vec<Finding>,
    pub receipt: Receipt,
}

/// A diagnostic as a finding of kind `diagnostic`.
pub fn finding(d: &Diagnostic, sources: &SourceMap) -> Finding {
    Finding {
        kind: d.code.kind(),
        code: Some(d.code.as_str()),
        rule: None,
        severity: d.severity.as_str(),
        message: d.message.clone(),
        help: d.help.clone(),
        group: None,
        record: None,
        value: None,
        value_exact: None,
        location: match (d.span, &d.path) {
            (Some(span), _) => Some(location(sources, span)),
            (None, Some(path)) => Some(Location {
                file: path.clone(),
                line: 0,
                column: 0,
            }),
            (None, None) => None,
        },
        related: d
            .related
            .iter()
            .map(|r| RelatedJson {
                message: r.message.clone(),
                location: location(sources, r.span),
            })
            .collect(),
        resolution: d
            .resolution
            .as_ref()
            .map(|r| serde_json::to_value(r).expect("a resolution serialises")),
        field: None,
        row: None,
        years: d.years.as_ref().map(|y| y.json()),
        witness: d.witness.clone(),
    }
}

/// The receipt: engine version and the SHA-256 of every rule file read.
pub fn receipt(sources: &SourceMap) -> Receipt {
    Receipt {
        engine: format!("duikou {}", env!("CARGO_PKG_VERSION")),
        as_of: None,
        rules: sources
            .files()
            .map(|(_, f)| (f.display_path(), f.sha256.clone()))
            .collect(),
        data: IndexMap::new(),
    }
}

/// The whole report for a static check.
pub fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    render_with_warnings(diags, sources, Vec::new())
}

/// The whole report for a static check, with warnings about the question asked.
pub fn render_with_warnings(
    diags: &[Diagnostic],
    sources: &SourceMap,
    warnings: Vec<String>,
) -> String {
    let c = Counts::of(diags);
    let report: Report = Report {
        version: 1,
        summary: Summary {
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
            rows_read: 0,
            rows_checked: 0,
            rows_rejected: 0,
            rejected_unlisted: 0,
            rows_title: 0,
            rows_total: 0,
        },
        rules: Vec::new(),
        warnings,
        findings: diags.iter().map(|d| finding(d, sources)).collect(),
        receipt: receipt(sources),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("a report serialises");
    s.push('\n');
    s
}

/// The severity of a finding: the rule's for a violation, warning when undetermined, info when
/// overridden.
pub(crate) fn severity_of(rule: &RulePlan, kind: FindingKind) -> Severity {
    match kind {
        FindingKind::Undetermined => Severity::Warning,
        FindingKind::Overridden => Severity::Info,
        FindingKind::Violation => match rule.severity {
            RuleSeverity::Error => Severity::Error,
            RuleSeverity::Warning => Severity::Warning,
            RuleSeverity::Info => Severity::Info,
        },
    }
}
