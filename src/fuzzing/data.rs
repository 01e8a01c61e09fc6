//! Data files: bytes checked as a CSV, JSON, JSON Lines or XLSX file of one record type
//! against a rule set compiled once, then scored and rendered.

use crate::RuleSet;
use crate::data::bind::{DataFile, Format};
use crate::engine::compile::Plan;
use crate::engine::run::{self, Options};
use crate::report;
use crate::report::data::CheckReport;
use std::path::PathBuf;

/// A rule set compiled once, and the record type and format the bytes are read as.
pub struct DataTarget {
    rules: RuleSet,
    plan: Plan,
    record: String,
    format: Format,
    file: PathBuf,
}

impl DataTarget {
    /// Compiles `sources` (which must check without errors) for data of `record` in `format`.
    pub fn new(sources: Vec<(String, String)>, record: &str, format: Format) -> DataTarget {
        let rules = RuleSet::from_sources(sources);
        assert!(!rules.has_errors(), "the fuzzed rule set checks cleanly");
        // Compiled as `RuleSet::plan` does, with the overrides its conflicts imply.
        let mut plan = Plan::build(rules.symbols(), rules.sources());
        plan.overrides = crate::conflicts::find(rules.symbols(), &plan).1;
        let ext = match format {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Xlsx => "xlsx",
        };
        DataTarget {
            rules,
            plan,
            record: record.into(),
            format,
            file: super::scratch(&format!("input.{ext}")),
        }
    }

    /// Checks `data` as the file: every row is read and then checked or rejected, and each
    /// report (data findings as text and JSON, the first evaluation's scores in every format)
    /// renders.
    pub fn run(&self, data: &[u8]) {
        std::fs::write(&self.file, data).expect("the scratch file can be written");
        let files = [DataFile {
            record: self.record.clone(),
            path: self.file.clone(),
            sheet: None,
            format: self.format,
            bytes: None,
        }];
        let opts = Options::default();
        let evaluation = self.plan.evaluations.first();
        let (result, rows) = run::run_with(&self.plan, &files, &opts, |checker| {
            evaluation.map(|e| crate::score::score(&self.plan, e, checker))
        });
        let _ = std::fs::remove_file(&self.file);
        assert_eq!(
            result.rows_read,
            result.rows_checked + result.rows_rejected,
            "every row read is checked or rejected"
        );
        let report = CheckReport {
            sources: self.rules.sources(),
            diagnostics: self.rules.diagnostics(),
            plan: &self.plan,
            run: &result,
        };
        let _ = report.text();
        let json = report.json();
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "the JSON report parses"
        );
        if let (Some(e), Some(rows)) = (evaluation, rows) {
            let _ = report::score::human(e, &rows, false);
            let _ = report::score::markdown(e, &rows);
            let _ = report::score::csv(e, &rows);
            let _ = report::score::findings(&rows);
            let _ = report::score::json(e, &rows, serde_json::Value::Null, serde_json::Value::Null);
        }
    }
}
