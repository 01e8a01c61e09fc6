//! Reports of a compliance check on data: per rule, the counts and the worst cases; rejected
//! rows with their places; a closing summary. Human, short (golden tests) and JSON forms.

use super::json::{self, Finding, Location, severity_of};
use super::{Counts, plural};
use super::{json_element, json_findings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::compile::{Plan, RulePlan};
use crate::engine::finding::{DataFinding, FindingKind};
use crate::engine::run::DataRun;
use crate::engine::spill::SpillError;
use crate::source::SourceMap;
use std::fmt::Write;

/// Everything a `check --data` report shows.
pub struct CheckReport<'a> {
    pub sources: &'a SourceMap,
    pub diagnostics: &'a [Diagnostic],
    pub plan: &'a Plan,
    pub run: &'a DataRun,
}

/// `援疆条例 art 12`.
pub fn article(rule: &RulePlan) -> Option<String> {
    rule.source.as_ref().map(|s| {
        crate::tr!(
            "gaps-document-art-article",
            document = s.document,
            article = s.article
        )
    })
}

impl CheckReport<'_> {
    /// Counts of everything found, listed or not.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::of(self.diagnostics);
        for p in &self.run.problems {
            match p.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c.errors += self.run.unlisted_rejections as usize;
        for (rule, n) in self.plan.rules.iter().zip(&self.run.counts) {
            let add = |c: &mut Counts, s: Severity, k: u64| match s {
                Severity::Error => c.errors += k as usize,
                Severity::Warning => c.warnings += k as usize,
                Severity::Info => c.infos += k as usize,
            };
            add(
                &mut c,
                severity_of(rule, FindingKind::Violation),
                n.violations,
            );
            add(&mut c, Severity::Warning, n.undetermined);
            add(&mut c, Severity::Info, n.overridden);
        }
        c
    }

    /// Whether the input was not fully processed (exit 2): an error in the rule files themselves
    /// (not a gap or conflict they contain, and not a warning made an error), a rejected row, or
    /// a data file that could not be read.
    pub fn unprocessable(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.code.kind() == "diagnostic" && d.code.severity() == Severity::Error)
            || self.run.rows_rejected > 0
            || self.run.files_failed > 0
    }

    /// The severity of a finding of kind `kind` of rule `r`.
    pub fn severity(&self, r: usize, kind: FindingKind) -> Severity {
        severity_of(&self.plan.rules[r], kind)
    }

    /// The findings of rule `r` in the order shown: worst first.
    pub(crate) fn ordered(&self, r: usize) -> Vec<&DataFinding> {
        let mut list: Vec<&DataFinding> = self.run.held(r).iter().collect();
        list.sort_by(|a, b| {
            (a.kind != FindingKind::Violation)
                .cmp(&(b.kind != FindingKind::Violation))
                .then(b.badness.cmp(&a.badness))
                .then(a.order.cmp(&b.order))
        });
        list
    }

    pub(crate) fn subject(f: &DataFinding) -> String {
        if f.group.is_empty() {
            let at =
                f.at.as_ref()
                    .map(|(file, line)| format!(" ({file}:{line})"))
                    .unwrap_or_default();
            crate::tr!(
                "data-report-record-subject",
                record = f.record.clone().unwrap_or_default(),
                at = at
            )
        } else {
            f.group
                .iter()
                .map(|k| format!("{}={}", k.name, k.text))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    pub(crate) fn rule_place(&self, rule: &RulePlan) -> String {
        let l = json::location(self.sources, rule.span);
        format!("{}:{}:{}", l.file, l.line, l.column)
    }

    /// The short plain-text report (golden tests, logs): data problems, then each rule's counts
    /// and every finding, then the rows and counts.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let run = self.run;
        for p in &run.problems {
            let _ = writeln!(
                out,
                "{}[{}]: {}: {}",
                p.severity.as_str(),
                p.code.as_str(),
                p.location.display(),
                p.message
            );
            if let Some(h) = &p.help {
                let _ = writeln!(out, "  {}: {h}", crate::tr!("report-help"));
            }
        }
        if run.unlisted_rejections > 0 {
            let _ = writeln!(
                out,
                "{}",
                crate::tr!("data-report-more-rejected", n = run.unlisted_rejections)
            );
        }
        for (r, rule) in self.plan.rules.iter().enumerate() {
            if rule.kind != crate::ast::RuleKind::Permit && !rule.hidden {
                self.rule_text(r, rule, &mut out);
            }
        }
        let not_data = not_data_counts(run);
        let _ = writeln!(
            out,
            "{}",
            crate::tr!(
                "data-report-rows",
                read = run.rows_read,
                checked = run.rows_checked,
                rejected = run.rows_rejected,
                not_data = not_data
            )
        );
        let _ = writeln!(out, "{}", super::count_line(self.counts()));
        out
    }

    /// One rule in the short report: its place, counts, and findings.
    fn rule_text(&self, r: usize, rule: &RulePlan, out: &mut String) {
        let run = self.run;
        let n = run.counts[r];
        let unit = if rule.is_group() { "group" } else { "record" };
        let title = rule
            .title
            .as_ref()
            .map(|t| format!(" “{t}”"))
            .unwrap_or_default();
        let basis = article(rule).unwrap_or_else(|| crate::tr!("overview-unsourced"));
        let _ = writeln!(
            out,
            "{}",
            crate::tr!(
                "data-report-rule-line",
                rule = rule.name,
                title = title,
                basis = basis,
                place = self.rule_place(rule)
            )
        );
        let mut extra = String::new();
        if n.exempted > 0 {
            extra.push_str(&crate::tr!("data-report-exempted", n = n.exempted));
        }
        if n.overridden > 0 {
            extra.push_str(&crate::tr!("data-report-overridden", n = n.overridden));
        }
        if n.not_in_force > 0 {
            extra.push_str(&crate::tr!(
                "data-report-outside-period",
                records = plural(n.not_in_force as usize, "record")
            ));
        }
        let _ = writeln!(
            out,
            "  {}",
            crate::tr!(
                "data-report-rule-counts",
                checked = plural(n.checked as usize, unit),
                passed = n.passed,
                violations = plural(n.violations as usize, "violation"),
                undetermined = n.undetermined,
                extra = extra
            )
        );
        // Counts without the rows of a file that could not be read look like a pass: say so.
        let unread: Vec<&str> = run
            .unread
            .iter()
            .filter(|(rec, _)| *rec == rule.record || rule.aggs.iter().any(|a| a.record == *rec))
            .map(|(_, file)| file.as_str())
            .collect();
        if !unread.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                crate::tr!("data-report-incomplete", files = unread.join(", "))
            );
        }
        for f in self.ordered(r) {
            let _ = writeln!(
                out,
                "  {}[{}]: {}: {}",
                severity_of(rule, f.kind).as_str(),
                f.kind.as_str(),
                Self::subject(f),
                f.message
            );
        }
    }

    /// The JSON report (SPEC §11) as a string, of a run whose findings could all be kept (the
    /// command line says so before it writes; see `cli::check::write_json`).
    pub fn json(&self) -> String {
        let mut out = Vec::new();
        self.write_json(&mut out)
            .expect("writing to memory cannot fail, nor reading back findings that were all kept");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// Writes the JSON report (SPEC §11), its findings in batches as they are rendered (see
    /// `json_findings`), so memory does not grow with them. Findings that could not all be kept
    /// fail with an error wrapping a [`SpillError`] before anything is written; findings that
    /// cannot be read back stop the report after those before them.
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        if let Some(e) = self.run.spilled.as_ref().and_then(|s| s.error()) {
            return Err(std::io::Error::other(e.clone()));
        }
        let c = self.counts();
        let mut receipt = json::receipt(self.sources);
        receipt.data = self.run.hashes.clone();
        let rules = self
            .plan
            .rules
            .iter()
            .zip(&self.run.counts)
            .filter(|(r, _)| r.kind != crate::ast::RuleKind::Permit && !r.hidden)
            .map(|(r, n)| json::RuleSummary {
                rule: r.name.clone(),
                article: article(r),
                counts: *n,
            })
            .collect();
        let frame = json::Report {
            version: 1,
            summary: json::Summary {
                errors: c.errors,
                warnings: c.warnings,
                infos: c.infos,
                rows_read: self.run.rows_read as usize,
                rows_checked: self.run.rows_checked as usize,
                rows_rejected: self.run.rows_rejected as usize,
                rejected_unlisted: self.run.unlisted_rejections as usize,
                rows_title: self.run.rows_title as usize,
                rows_total: self.run.rows_total as usize,
            },
            rules,
            warnings: Vec::new(),
            findings: Vec::new(),
            receipt,
        };
        // The report around its findings, which are written into the empty array's place.
        let frame = serde_json::to_vec_pretty(&frame)?;
        let (head, tail) = split_at_findings(&frame);
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, w);
        std::io::Write::write_all(&mut buffered, head)?;
        let listed = |emit: &mut dyn FnMut(Finding)| self.each_listed(emit);
        if json_findings::write(listed, (self.plan, self.sources, self.run), &mut buffered)? {
            std::io::Write::write_all(&mut buffered, b"\n  ")?;
        }
        std::io::Write::write_all(&mut buffered, tail)?;
        std::io::Write::write_all(&mut buffered, b"\n")?;
        std::io::Write::flush(&mut buffered)
    }

    /// The findings before the rules': diagnostics, then data problems (file problems and
    /// rejected rows).
    pub(super) fn each_listed(&self, mut emit: impl FnMut(Finding)) {
        for d in self.diagnostics {
            emit(json::finding(d, self.sources));
        }
        for p in &self.run.problems {
            emit(Finding {
                kind: if p.row { "rejected_row" } else { "diagnostic" },
                code: Some(p.code.as_str()),
                rule: None,
                severity: p.severity.as_str(),
                message: p.message.clone(),
                help: p.help.clone(),
                group: None,
                record: None,
                value: None,
                value_exact: None,
                location: Some(Location {
                    file: match &p.location.sheet {
                        Some(s) => format!("{}#{s}", p.location.file),
                        None => p.location.file.clone(),
                    },
                    line: p.location.line as usize,
                    column: p.location.column as usize,
                }),
                related: Vec::new(),
                resolution: None,
                field: p.field.clone(),
                row: None,
                years: None,
                witness: None,
            });
        }
    }

    /// Every finding in report order: diagnostics, data problems, then each rule's findings in
    /// data order. A run that kept its findings in a temporary file ([`Keep::Spill`]) has them
    /// read back from it; if they cannot be, an error follows the findings given so far.
    ///
    /// [`Keep::Spill`]: crate::engine::check::Keep::Spill
    pub fn each_finding(&self, mut emit: impl FnMut(Finding)) -> Result<(), SpillError> {
        self.each_listed(&mut emit);
        let places = json_element::places(self.plan, self.sources);
        match &self.run.spilled {
            Some(spilled) => {
                for (r, rule) in self.plan.rules.iter().enumerate() {
                    spilled.each(r, |f| emit(places[r].finding(rule, f)))?;
                }
            }
            None => json_findings::each_held(self.plan, &places, self.run, &mut emit),
        }
        Ok(())
    }
}

/// `; 1 title row and 2 totals rows not data`, when a sheet had any.
pub(crate) fn not_data_counts(run: &DataRun) -> String {
    let mut parts = Vec::new();
    if run.rows_title > 0 {
        parts.push(plural(run.rows_title as usize, "title row"));
    }
    if run.rows_total > 0 {
        parts.push(plural(run.rows_total as usize, "totals row"));
    }
    if parts.is_empty() {
        return String::new();
    }
    crate::tr!(
        "data-report-not-data",
        parts = parts.join(&crate::tr!("list-and"))
    )
}

/// The report before its findings (up to the `[` of the empty array in their place) and after
/// them (from its `]`). JSON strings escape their line feeds, so the array is found by the line
/// that holds it.
fn split_at_findings(frame: &[u8]) -> (&[u8], &[u8]) {
    const FINDINGS: &[u8] = b"\n  \"findings\": [";
    let at = memchr::memmem::find(frame, FINDINGS).expect("the report has its findings array")
        + FINDINGS.len();
    frame.split_at(at)
}
