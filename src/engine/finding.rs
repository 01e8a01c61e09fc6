//! What checking data finds: violations, undetermined cases and per-rule counts.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a rule found for one group or record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The rule is broken.
    Violation,
    /// The rule cannot be decided: a value it needs is missing.
    Undetermined,
    /// The rule is broken, but a prevailing provision permits it.
    Overridden,
}

impl FindingKind {
    /// The kind as printed: `violation`, `undetermined` or `overridden`.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Violation => "violation",
            FindingKind::Undetermined => "undetermined",
            FindingKind::Overridden => "overridden",
        }
    }
}

/// A group key as printed: name, JSON value and natural form.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// The key's name.
    pub name: String,
    /// The value as the JSON report gives it.
    pub json: serde_json::Value,
    /// The value in its natural form, as the human report gives it.
    pub text: String,
    /// The value with every digit (money in 元, a percent as a fraction): `Names::exact`.
    pub exact: serde_json::Value,
}

/// Why a finding is not a plain violation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// A value the rule needs is missing or cannot be computed; the text says which.
    Undetermined(String),
    /// A prevailing provision applies (SPEC §8): the winning rule (plan index) and why it
    /// prevails.
    Yields { winner: usize, reason: String },
}

impl Cause {
    /// The cause as a finding's message says it.
    pub fn describe(&self, rule_names: impl Fn(usize) -> String) -> String {
        match self {
            Cause::Undetermined(why) => why.clone(),
            Cause::Yields { winner, reason } => {
                format!("yields to `{}`: {reason}", rule_names(*winner))
            }
        }
    }
}

/// One record or group that a rule does not accept (or cannot decide).
#[derive(Debug, Clone)]
pub struct DataFinding {
    pub kind: FindingKind,
    /// Index of the rule in the plan.
    pub rule: usize,
    pub message: String,
    /// Why it is undetermined or overridden; `None` for a violation.
    pub cause: Option<Cause>,
    /// Group-level: the group's keys.
    pub group: Vec<KeyValue>,
    /// Record-level: the record's key (or `line N` without a key field).
    pub record: Option<String>,
    /// Record-level: the data file and line.
    pub at: Option<(String, u64)>,
    /// The left-hand side of the failed comparison, in natural form.
    pub value: Option<String>,
    /// The same value in full, as a plain decimal (percents as fractions, money in 元).
    pub value_exact: Option<String>,
    /// How far from compliance (relative), for "worst first".
    pub badness: Decimal,
    /// Input order (records) or key order (groups).
    pub order: u64,
}

/// What one rule did with the data.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct RuleCounts {
    /// Records or groups the rule was decided on (passed + violations + undetermined).
    pub checked: u64,
    pub passed: u64,
    pub violations: u64,
    pub undetermined: u64,
    /// Exempted by `unless`.
    pub exempted: u64,
    /// Records outside the period its document is in force.
    pub not_in_force: u64,
    /// Violations not enforced: a conflicting provision that applies prevails (SPEC §5, §8).
    pub overridden: u64,
}
