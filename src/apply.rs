//! Applying a rule set: checking data (files or memory), one record, scores, explanations,
//! gaps and the rule files' own tests. Each call reads the one compiled plan of the rule set.

use crate::engine::check::Keep;
use crate::engine::explain::Target;
use crate::engine::run::{self, DataRun, Options};
use crate::error::Error;
use crate::input::Data;
use crate::outcome::{Finding, Rejected, Report};
use crate::record_checker::{RecordChecker, RecordReport};
use crate::score::ScoreRow;
use crate::testing::TestResult;
use crate::{Diagnostic, RuleSet};
use serde::Serialize;

/// The scores of one evaluation.
#[derive(Debug, Clone)]
pub struct Scores {
    /// The evaluation's name.
    pub evaluation: String,
    /// One row per group, in rank order.
    pub rows: Vec<ScoreRow>,
    /// Rejected rows and data that could not be read.
    pub rejected: Vec<Rejected>,
}

/// One rule's computation for one group or record.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// What `check` decided for the target: its finding, or `None` when the rule passed,
    /// exempted it or does not apply to it.
    pub finding: Option<Finding>,
    /// Each step: the rows behind each aggregate, each comparison with its values, the outcome.
    pub text: String,
}

impl RuleSet {
    /// Checks `data` against every rule and keeps every finding.
    ///
    /// ```
    /// use duikou::{Data, RuleSet};
    ///
    /// let rules = RuleSet::from_sources(vec![("r.dk".into(), r#"
    ///     record project { id: text key, planned: money }
    ///     rule 有计划 { over project  require planned > 0万元 }
    /// "#.into())]);
    /// let data = Data::new().csv("project", "p.csv", &b"id,planned\nA,5\nB,0\n"[..]);
    /// let report = rules.check(&data).unwrap();
    /// assert_eq!(report.summary.rows_checked, 2);
    /// assert_eq!(report.findings[0].record.as_deref(), Some("B"));
    /// ```
    pub fn check(&self, data: &Data) -> Result<Report, Error> {
        let plan = self.plan().ok_or(Error::RulesHaveErrors)?;
        let opts = Options {
            keep: Keep::All,
            max_errors: usize::MAX,
            ..Options::default()
        };
        let run = self.run(data, &opts, |_| ()).0;
        Ok(Report::of(plan, run))
    }

    /// Checks one record of type `record` against the record-level rules: the fast path for a
    /// form that validates a project as it is typed. Group rules need every record, so they are
    /// left to [`check`](Self::check).
    ///
    /// ```
    /// use duikou::RuleSet;
    ///
    /// let rules = RuleSet::from_sources(vec![("r.dk".into(), r#"
    ///     record project { id: text key, planned: money }
    ///     rule 有计划 { over project  require planned > 0万元 }
    /// "#.into())]);
    /// let one = rules.check_record("project", &serde_json::json!({"id": "B", "planned": "0"})).unwrap();
    /// assert_eq!(one.findings.len(), 1);
    /// let bad = rules.check_record("project", &serde_json::json!({"id": "C", "planned": "many"})).unwrap();
    /// assert_eq!(bad.rejected[0].field.as_deref(), Some("planned"));
    /// ```
    pub fn check_record(&self, record: &str, row: &impl Serialize) -> Result<RecordReport, Error> {
        self.record_checker(record)?.check(row)
    }

    /// A checker of the record-level rules of record type `record`, to check one row after
    /// another: what [`check_record`](Self::check_record) does, without building the checker
    /// for every row.
    pub fn record_checker(&self, record: &str) -> Result<RecordChecker<'_>, Error> {
        let plan = self.plan().ok_or(Error::RulesHaveErrors)?;
        let r = plan
            .record_id(record)
            .ok_or_else(|| Error::UnknownRecord(record.to_string()))?;
        Ok(RecordChecker::new(plan, r.index()))
    }

    /// Scores the groups of `evaluation` (the first one declared when `None`) on `data`.
    pub fn score(&self, data: &Data, evaluation: Option<&str>) -> Result<Scores, Error> {
        let plan = self.plan().ok_or(Error::RulesHaveErrors)?;
        let e = match evaluation {
            Some(name) => plan.evaluation_id(name).map(|id| plan.evaluation(id)),
            None => plan.evaluations.first(),
        }
        .ok_or_else(|| Error::UnknownEvaluation(evaluation.unwrap_or_default().to_string()))?;
        let opts = Options {
            keep: Keep::Worst(0),
            max_errors: usize::MAX,
            hash: false,
            ..Options::default()
        };
        let (run, rows) = self.run(data, &opts, |checker| crate::score::score(plan, e, checker));
        Ok(Scores {
            evaluation: e.name.clone(),
            rows,
            rejected: run.problems.iter().map(Rejected::of).collect(),
        })
    }

    /// Explains rule `rule` for one group or record of `data`, step by step. The outcome is the
    /// one [`check`](Self::check) decides.
    pub fn explain(&self, rule: &str, target: &Target, data: &Data) -> Result<Explanation, Error> {
        let plan = self.plan().ok_or(Error::RulesHaveErrors)?;
        let r = plan
            .rules
            .iter()
            .position(|x| x.name == rule && !x.hidden)
            .ok_or_else(|| Error::UnknownRule(rule.to_string()))?;
        let records: Vec<&str> = plan.records.iter().map(|x| x.name.as_str()).collect();
        let (files, _) = data.bind(&self.paths, &records);
        let opts = Options {
            hash: false,
            ..Options::default()
        };
        let (text, finding) = crate::engine::explain::explain_with_verdict(
            plan,
            self.sources(),
            &files,
            &opts,
            r,
            target,
        )
        .map_err(Error::CannotExplain)?;
        Ok(Explanation {
            finding: finding.map(|f| Finding::of(plan, &f)),
            text,
        })
    }

    /// The responsibility gaps (SPEC §7) in the years or on the day `options` names.
    pub fn gaps(&self, options: &crate::gaps::Options) -> Vec<Diagnostic> {
        if self.has_errors() {
            return Vec::new();
        }
        crate::gaps::analyze(self.symbols(), options)
    }

    /// Runs the rule files' `test` blocks, their data held in memory.
    pub fn run_tests(&self) -> Vec<TestResult> {
        crate::testing::run_tests(self)
    }

    /// Binds `data` and runs the check, handing the finished checker to `finish`.
    fn run<T: Send>(
        &self,
        data: &Data,
        opts: &Options,
        finish: impl FnOnce(&crate::engine::check::Checker<'_>) -> T + Send,
    ) -> (DataRun, T) {
        let plan = self.plan().expect("callers compile first");
        let records: Vec<&str> = plan.records.iter().map(|x| x.name.as_str()).collect();
        let (files, problems) = data.bind(&self.paths, &records);
        let opts = &Options {
            on_read: data.on_read,
            max_groups: data.max_groups.unwrap_or(opts.max_groups),
            ..opts.clone()
        };
        let (mut run, extra) = run::run_with(plan, &files, opts, finish);
        run.files_failed += problems
            .iter()
            .filter(|p| p.severity == crate::Severity::Error)
            .count() as u64;
        run.problems.splice(0..0, problems);
        (run, extra)
    }
}
