//! The result of checking data, as typed values: what the library hands back and every report
//! format is made from.

use crate::data::problem::DataProblem;
use crate::diagnostic::Severity;
use crate::engine::compile::{Plan, RulePlan};
use crate::engine::finding::{Cause, DataFinding, RuleCounts};
use crate::engine::run::DataRun;
use crate::report::data::article;
use indexmap::IndexMap;
use serde::Serialize;

pub use crate::engine::finding::FindingKind;

/// Everything a check of data found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Counts: rows, files and, per rule, its outcomes.
    pub summary: Summary,
    /// Every violation, undetermined and overridden case, rule by rule (rules in declaration
    /// order, records in data order, groups in key order).
    pub findings: Vec<Finding>,
    /// Rows that were rejected, and data that could not be read or bound, where they are.
    pub rejected: Vec<Rejected>,
    /// What was checked: the engine version and each data source's SHA-256.
    pub receipt: Receipt,
}

/// The counts of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Data rows read, accepted, and rejected.
    pub rows_read: u64,
    /// Data rows accepted and checked.
    pub rows_checked: u64,
    /// Data rows rejected (each is in [`Report::rejected`]).
    pub rows_rejected: u64,
    /// Data files or buffers whose reading stopped early or never began.
    pub files_failed: u64,
    /// Per rule, in declaration order.
    pub rules: Vec<RuleSummary>,
}

/// What one rule did with the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSummary {
    /// The rule's name.
    pub rule: String,
    /// Its document and article, `援疆条例 art 12`, when it has one.
    pub article: Option<String>,
    /// Records or groups decided: passed + violations + undetermined.
    pub checked: u64,
    /// Records or groups that satisfy the rule.
    pub passed: u64,
    /// Records or groups that break it.
    pub violations: u64,
    /// Records or groups it cannot decide: a value it needs is missing.
    pub undetermined: u64,
    /// Exempted by `unless`.
    pub exempted: u64,
    /// Records outside the period its document is in force.
    pub not_in_force: u64,
    /// Violations not enforced because a prevailing provision applies.
    pub overridden: u64,
}

/// A record or group that a rule does not accept, or cannot decide.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's name.
    pub rule: String,
    /// Its document and article, when it has one.
    pub article: Option<String>,
    /// Violation, undetermined or overridden.
    pub kind: FindingKind,
    /// The rule's severity for a violation; warning for undetermined, info for overridden.
    pub severity: Severity,
    /// The rule's message, or a plain sentence.
    pub message: String,
    /// Why it is undetermined or overridden.
    pub cause: Option<FindingCause>,
    /// A group rule's group: each `per` key and its value.
    pub group: IndexMap<String, serde_json::Value>,
    /// The same keys with every digit: a decimal, percent or amount of money as its exact
    /// decimal string (money in 元, a percent as a fraction), for a program to read back
    /// exactly; not part of the JSON report, which gives the natural forms of `group`.
    #[serde(skip)]
    pub group_exact: IndexMap<String, serde_json::Value>,
    /// A record rule's record: its key (or `line N` without a key field).
    pub record: Option<String>,
    /// A record rule's data source and line (the row number for rows given in memory).
    pub file: Option<String>,
    /// The line in the data source, or the row number for rows given in memory.
    pub line: Option<u64>,
    /// The left-hand side of the failed comparison, as written in reports.
    pub value: Option<String>,
    /// The same value in full, as a plain decimal (percents as fractions, money in 元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_exact: Option<String>,
}

/// Why a finding is not a plain violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum FindingCause {
    /// A value the rule needs is missing or cannot be computed.
    Undetermined {
        /// What is missing or cannot be computed.
        why: String,
    },
    /// A prevailing provision applies: the rule it yields to, and why that one prevails.
    Yields {
        /// The rule that prevails.
        winner: String,
        /// Why it prevails.
        reason: String,
    },
}

/// A rejected row, or data that could not be read or bound.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// The stable code, `duikou::data::…`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is a hint.
    pub help: Option<String>,
    /// The data source, its sheet, the 1-based line or row (0 for the whole source) and column
    /// (0 when none is concerned).
    pub file: String,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// The 1-based line or row; 0 for the whole source.
    pub line: u64,
    /// The 1-based column; 0 when none is concerned.
    pub column: u32,
    /// The field concerned.
    pub field: Option<String>,
    /// Whether a row was rejected (rather than a problem with the source as a whole).
    pub row: bool,
}

/// What a check read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Receipt {
    /// The engine's version.
    pub engine: String,
    /// `source → sha256:…` for every data file or buffer read.
    pub data: IndexMap<String, String>,
}

impl Report {
    /// The typed report of a finished run.
    pub(crate) fn of(plan: &Plan, run: DataRun) -> Report {
        let rules = plan
            .rules
            .iter()
            .zip(&run.counts)
            .filter(|(r, _)| !r.hidden)
            .map(|(r, c)| RuleSummary::of(r, c))
            .collect();
        let findings = run
            .findings
            .iter()
            .flatten()
            .map(|f| Finding::of(plan, f))
            .collect();
        Report {
            summary: Summary {
                rows_read: run.rows_read,
                rows_checked: run.rows_checked,
                rows_rejected: run.rows_rejected,
                files_failed: run.files_failed,
                rules,
            },
            findings,
            rejected: run.problems.iter().map(Rejected::of).collect(),
            receipt: Receipt {
                engine: format!("duikou {}", env!("CARGO_PKG_VERSION")),
                data: run.hashes,
            },
        }
    }
}

impl RuleSummary {
    fn of(rule: &RulePlan, c: &RuleCounts) -> RuleSummary {
        RuleSummary {
            rule: rule.name.clone(),
            article: article(rule),
            checked: c.checked,
            passed: c.passed,
            violations: c.violations,
            undetermined: c.undetermined,
            exempted: c.exempted,
            not_in_force: c.not_in_force,
            overridden: c.overridden,
        }
    }
}

impl Finding {
    pub(crate) fn of(plan: &Plan, f: &DataFinding) -> Finding {
        let rule = &plan.rules[f.rule];
        let severity = crate::report::json::severity_of(rule, f.kind);
        let cause = f.cause.as_ref().map(|c| match c {
            Cause::Undetermined(why) => FindingCause::Undetermined { why: why.clone() },
            Cause::Yields { winner, reason } => FindingCause::Yields {
                winner: plan.rules[*winner].name.clone(),
                reason: reason.clone(),
            },
        });
        Finding {
            rule: rule.name.clone(),
            article: article(rule),
            kind: f.kind,
            severity,
            message: f.message.clone(),
            cause,
            group: f
                .group
                .iter()
                .map(|k| (k.name.clone(), k.json.clone()))
                .collect(),
            group_exact: f
                .group
                .iter()
                .map(|k| (k.name.clone(), k.exact.clone()))
                .collect(),
            record: f.record.clone(),
            file: f.at.as_ref().map(|(file, _)| file.clone()),
            line: f.at.as_ref().map(|(_, line)| *line),
            value: f.value.clone(),
            value_exact: f.value_exact.clone(),
        }
    }
}

impl Rejected {
    pub(crate) fn of(p: &DataProblem) -> Rejected {
        Rejected {
            code: p.code.as_str(),
            severity: p.severity,
            message: p.message.clone(),
            help: p.help.clone(),
            file: p.location.file.clone(),
            sheet: p.location.sheet.clone(),
            line: p.location.line,
            column: p.location.column,
            field: p.field.clone(),
            row: p.row,
        }
    }
}
