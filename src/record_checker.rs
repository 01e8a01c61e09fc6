//! Checking the rows of one record type one at a time, as a form validates a project while it
//! is typed: built once per form (or per thread), then called for every submitted row.

use crate::data::problem::DataProblem;
use crate::engine::compile::Plan;
use crate::engine::finding::DataFinding;
use crate::engine::single::OneRecord;
use crate::error::Error;
use crate::outcome::{Finding, Rejected};
use serde::Serialize;

/// The result of checking one record on the fast path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordReport {
    /// What the record-level rules found.
    pub findings: Vec<Finding>,
    /// Why the record was not accepted, if it was not: then no rule was applied to it.
    pub rejected: Vec<Rejected>,
}

/// The record-level rules of one record type, ready to check one row after another with no
/// allocation beyond what the findings need. Made by [`RuleSet::record_checker`]; one per thread
/// (it keeps buffers, so checking needs `&mut self`).
///
/// [`RuleSet::record_checker`]: crate::RuleSet::record_checker
///
/// ```
/// use duikou::RuleSet;
///
/// let rules = RuleSet::from_sources(vec![("r.dk".into(), r#"
///     record project { id: text key, planned: money }
///     rule 有计划 { over project  require planned > 0万元 }
/// "#.into())]);
/// let mut form = rules.record_checker("project").unwrap();
/// for (id, planned) in [("A", "5"), ("B", "0"), ("C", "many")] {
///     let one = form.check(&serde_json::json!({"id": id, "planned": planned})).unwrap();
///     println!("{id}: {} findings, {} rejected", one.findings.len(), one.rejected.len());
/// }
/// assert_eq!(form.check(&serde_json::json!({"id": "B", "planned": 0})).unwrap().findings.len(), 1);
/// ```
pub struct RecordChecker<'r> {
    plan: &'r Plan,
    one: OneRecord<'r>,
    findings: Vec<DataFinding>,
    problems: Vec<DataProblem>,
}

impl<'r> RecordChecker<'r> {
    pub(crate) fn new(plan: &'r Plan, record: usize) -> Self {
        RecordChecker {
            plan,
            one: OneRecord::new(plan, record),
            findings: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Validates `row` (an object: a map, a struct, a `serde_json::Value`) as a row of a file
    /// and applies the record-level rules to it. Fails only when `row` cannot be serialised
    /// (its own `Serialize` fails, or a key is not text).
    pub fn check<T: Serialize + ?Sized>(&mut self, row: &T) -> Result<RecordReport, Error> {
        self.findings.clear();
        self.problems.clear();
        self.one
            .check(row, &mut self.findings, &mut self.problems)
            .map_err(Error::NotJson)?;
        Ok(RecordReport {
            findings: self
                .findings
                .iter()
                .map(|f| Finding::of(self.plan, f))
                .collect(),
            rejected: self.problems.iter().map(Rejected::of).collect(),
        })
    }
}
