//! Checking, scoring, gaps and conflicts, answered as the JSON the command line prints.

use crate::{DataSet, Playground, progress, to_json};
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
        if self.rules.has_errors() {
            return Err(error(Error::RulesHaveErrors));
        }
        let permits: Vec<String> = (self.rules.rules().into_iter())
            .filter(|r| r.permits)
            .map(|r| r.name)
            .collect();
        report.summary.rules.retain(|r| !permits.contains(&r.rule));
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
        if self.rules.has_errors() {
            return Err(error(Error::RulesHaveErrors));
        }
        let evaluations: Vec<String> = (self.rules.evaluations().into_iter())
            .map(|e| e.name)
            .collect();
        if evaluations.is_empty() {
            return Ok("null".into());
        }
        let scores = progress::while_telling(on_progress, || {
            self.rules.score(&data.data(), evaluation.as_deref())
        })
        .map_err(error)?;
        let mut value =
            (self.rules.scores_json(&scores)).expect("the evaluation scored is one of the rules'");
        value["evaluations"] = evaluations.into();
        Ok(to_json(&value))
    }

    /// The responsibility gaps, in `year` or in every year, as findings.
    pub fn gaps(&self, year: Option<i32>) -> String {
        let options = duikou::GapOptions { year, as_of: None };
        self.findings(&self.rules.gaps(&options))
    }

    /// The conflicts between the rules, as findings.
    pub fn conflicts(&self) -> String {
        self.findings(self.rules.conflicts())
    }
}

impl Playground {
    fn findings(&self, diags: &[Diagnostic]) -> String {
        to_json(&self.rules.diagnostics_json(diags))
    }
}

/// A library error as a JavaScript error with the same message.
fn error(e: Error) -> JsError {
    JsError::new(&e.to_string())
}
