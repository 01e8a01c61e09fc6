//! Checking, scoring, gaps and conflicts, answered as the JSON the command line prints.

use crate::{DataSet, Playground, progress, to_json};
use duikou::ast::RuleKind;
use duikou::report::json::finding;
use duikou::{Diagnostic, Error};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Checks `data` against every rule: the report of `duikou check --format json`'s library
    /// form (summary with per-rule counts, findings, rejected rows, receipt).
    /// `on_progress(read, total)` is called as the data is read.
    pub fn check(
        &self,
        data: &DataSet,
        on_progress: Option<js_sys::Function>,
    ) -> Result<String, JsError> {
        let mut report = progress::while_telling(on_progress, || self.rules.check(&data.data()))
            .map_err(error)?;
        // Permissions are not obligations: like the command line, list only rules that can be
        // violated.
        let plan = self
            .rules
            .plan()
            .ok_or_else(|| error(Error::RulesHaveErrors))?;
        let permits: Vec<&str> = plan
            .rules
            .iter()
            .filter(|r| r.kind == RuleKind::Permit)
            .map(|r| r.name.as_str())
            .collect();
        report
            .summary
            .rules
            .retain(|r| !permits.contains(&r.rule.as_str()));
        Ok(to_json(&report))
    }

    /// Scores the groups of `evaluation` (the first declared when absent) on `data`, as
    /// `duikou score --format json` prints them, with the rejected rows beside. `null` when the
    /// rules declare no evaluation.
    pub fn score(
        &self,
        data: &DataSet,
        evaluation: Option<String>,
        on_progress: Option<js_sys::Function>,
    ) -> Result<String, JsError> {
        let plan = self
            .rules
            .plan()
            .ok_or_else(|| error(Error::RulesHaveErrors))?;
        if plan.evaluations.is_empty() {
            return Ok("null".into());
        }
        let scores = progress::while_telling(on_progress, || {
            self.rules.score(&data.data(), evaluation.as_deref())
        })
        .map_err(error)?;
        let e = plan
            .evaluations
            .iter()
            .find(|e| e.name == scores.evaluation)
            .expect("the evaluation scored is in the plan");
        let scored = scores.rows.iter().filter(|r| r.score.is_some()).count();
        let summary = serde_json::json!({
            "groups": scores.rows.len(),
            "scored": scored,
            "undetermined": scores.rows.len() - scored,
        });
        let receipt = serde_json::to_value(duikou::report::json::receipt(self.rules.sources()))
            .expect("a receipt serialises");
        let text = duikou::report::score::json(e, &scores.rows, summary, receipt);
        let mut value: serde_json::Value =
            serde_json::from_str(&text).expect("the score report is JSON");
        value["rejected"] = serde_json::to_value(&scores.rejected).expect("rows serialise");
        value["evaluations"] = plan.evaluations.iter().map(|e| e.name.clone()).collect();
        Ok(to_json(&value))
    }

    /// The responsibility gaps, in `year` or in every year, as findings.
    pub fn gaps(&self, year: Option<i32>) -> String {
        let options = duikou::gaps::Options { year, as_of: None };
        self.findings(&self.rules.gaps(&options))
    }

    /// The conflicts between the rules, as findings.
    pub fn conflicts(&self) -> String {
        self.findings(self.rules.conflicts())
    }
}

impl Playground {
    fn findings(&self, diags: &[Diagnostic]) -> String {
        let all: Vec<_> = diags
            .iter()
            .map(|d| finding(d, self.rules.sources()))
            .collect();
        to_json(&all)
    }
}

/// A library error as a JavaScript error with the same message.
fn error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}
