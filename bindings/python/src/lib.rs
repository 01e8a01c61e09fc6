//! The native core of the `duikou` Python package: one checked rule set and the calls on it,
//! each answering in JSON that the Python layer (`python/duikou/`) turns into typed objects.
//!
//! Long calls run without holding the interpreter, so other Python threads go on meanwhile.
//! A call that cannot be answered raises `NativeError(kind, message, help)`; a panic inside
//! the engine becomes such an error of kind `internal` and never crosses into Python.

mod answer;
mod data_arg;
mod failure;

use data_arg::Entry;
use duikou::{RuleSet, Target};
use failure::{Failure, guard, of_error};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use serde_json::{Value, json};
use std::path::PathBuf;

create_exception!(
    _duikou,
    NativeError,
    PyException,
    "A call that cannot be answered: args are (kind, message, help)."
);

fn raise(f: Failure) -> PyErr {
    NativeError::new_err((f.kind, f.message, f.help))
}

/// Runs `f` without the interpreter held, and answers with its JSON text.
fn answer(py: Python<'_>, f: impl FnOnce() -> Result<Value, Failure> + Send) -> PyResult<String> {
    py.detach(|| guard(f).map(|v| v.to_string())).map_err(raise)
}

/// Rule files, parsed and checked once; then applied to data as often as needed.
#[pyclass(frozen, module = "duikou._duikou")]
struct NativeRules {
    rules: RuleSet,
}

impl NativeRules {
    fn rule_names(&self) -> Vec<String> {
        if self.rules.has_errors() {
            return Vec::new();
        }
        self.rules.rules().into_iter().map(|r| r.name).collect()
    }

    /// `Err` when the rules have errors, so they cannot be applied.
    fn usable(&self) -> Result<(), Failure> {
        if self.rules.has_errors() {
            return Err(of_error(duikou::Error::RulesHaveErrors, []));
        }
        Ok(())
    }
}

#[pymethods]
impl NativeRules {
    /// Loads `.dk` files and folders (searched recursively).
    #[staticmethod]
    fn load(py: Python<'_>, paths: Vec<Vec<u8>>) -> PyResult<NativeRules> {
        let paths: Vec<PathBuf> = paths.into_iter().map(data_arg::path_of).collect();
        py.detach(|| guard(|| Ok(RuleSet::load(&paths))))
            .map(|rules| NativeRules { rules })
            .map_err(raise)
    }

    /// Builds a rule set from `(file name, text)` pairs.
    #[staticmethod]
    fn from_sources(py: Python<'_>, sources: Vec<(String, String)>) -> PyResult<NativeRules> {
        py.detach(|| guard(|| Ok(RuleSet::from_sources(sources))))
            .map(|rules| NativeRules { rules })
            .map_err(raise)
    }

    /// Every problem found in the rule files, as the command line's JSON findings.
    fn diagnostics(&self, py: Python<'_>) -> PyResult<String> {
        answer(py, || {
            Ok(answer::diagnostics(&self.rules, self.rules.diagnostics()))
        })
    }

    /// Whether a diagnostic is an error, so the rules cannot be applied to data.
    fn has_errors(&self) -> bool {
        self.rules.has_errors()
    }

    /// The record types and their fields.
    fn records(&self, py: Python<'_>) -> PyResult<String> {
        answer(py, || Ok(answer::records(&self.rules)))
    }

    /// Checks data: `{report, key_types, group_exact}` (each finding's group keys with every
    /// digit).
    fn check(&self, py: Python<'_>, data: Vec<Entry>) -> PyResult<String> {
        answer(py, || {
            let data = data_arg::build(data)?;
            let report = self.rules.check(&data).map_err(|e| of_error(e, []))?;
            self.usable()?;
            let types = answer::rule_key_types(&self.rules);
            let exact: Vec<_> = report.findings.iter().map(|f| &f.group_exact).collect();
            Ok(json!({ "report": report, "key_types": types, "group_exact": exact }))
        })
    }

    /// Checks one record, given as a JSON object, against the record-level rules.
    fn check_record(&self, py: Python<'_>, record: String, row: String) -> PyResult<String> {
        answer(py, || {
            let row: Value = serde_json::from_str(&row)
                .map_err(|e| Failure::new("not_json", format!("the record is not JSON: {e}")))?;
            let records: Vec<String> = self.rules.records().into_iter().map(|r| r.name).collect();
            let one = self
                .rules
                .check_record(&record, &row)
                .map_err(|e| of_error(e, records.iter().map(String::as_str)))?;
            Ok(serde_json::to_value(one).expect("a record report serialises"))
        })
    }

    /// Scores the groups of an evaluation (the first declared when `None`).
    #[pyo3(signature = (data, evaluation=None))]
    fn score(
        &self,
        py: Python<'_>,
        data: Vec<Entry>,
        evaluation: Option<String>,
    ) -> PyResult<String> {
        answer(py, || {
            let data = data_arg::build(data)?;
            self.usable()?;
            let names: Vec<String> = self
                .rules
                .evaluations()
                .into_iter()
                .map(|e| e.name)
                .collect();
            let scores = self
                .rules
                .score(&data, evaluation.as_deref())
                .map_err(|e| of_error(e, names.iter().map(String::as_str)))?;
            Ok(answer::scores(&self.rules, &scores))
        })
    }

    /// Explains one rule for a group (its keys as `(name, value)` text) or a record (its key).
    #[pyo3(signature = (rule, data, group=None, record=None))]
    fn explain(
        &self,
        py: Python<'_>,
        rule: String,
        data: Vec<Entry>,
        group: Option<Vec<(String, String)>>,
        record: Option<String>,
    ) -> PyResult<String> {
        answer(py, || {
            let target = match (group, record) {
                (Some(keys), None) => Target::Group(keys),
                (None, Some(key)) => Target::Record(key),
                _ => {
                    return Err(Failure::new(
                        "bad_argument",
                        "give either a group or a record to explain",
                    ));
                }
            };
            let data = data_arg::build(data)?;
            self.usable()?;
            let names = self.rule_names();
            let explained = self
                .rules
                .explain(&rule, &target, &data)
                .map_err(|e| of_error(e, names.iter().map(String::as_str)))?;
            Ok(json!({
                "text": explained.text,
                "finding": explained.finding,
                "key_types": answer::rule_key_types(&self.rules),
            }))
        })
    }

    /// Responsibility gaps, in one year or on one day (`YYYY-MM-DD`), or in every year.
    #[pyo3(signature = (year=None, as_of=None))]
    fn gaps(&self, py: Python<'_>, year: Option<i32>, as_of: Option<String>) -> PyResult<String> {
        answer(py, || {
            self.usable()?;
            let as_of = match as_of {
                Some(day) => Some(chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(
                    |e| Failure::new("bad_argument", format!("`{day}` is not a date: {e}")),
                )?),
                None => None,
            };
            let gaps = self.rules.gaps(&duikou::GapOptions { year, as_of });
            Ok(answer::diagnostics(&self.rules, &gaps))
        })
    }

    /// The conflicts between the rules, with which provision prevails and a witness.
    fn conflicts(&self, py: Python<'_>) -> PyResult<String> {
        answer(py, || {
            self.usable()?;
            Ok(answer::diagnostics(&self.rules, self.rules.conflicts()))
        })
    }
}

/// Panics inside the guard that every call runs in: shows that a panic in the engine reaches
/// Python as `NativeError("internal", …)`, never as a crash or a `PanicException`.
#[pyfunction]
fn _boundary_check(py: Python<'_>) -> PyResult<String> {
    answer(py, || panic!("boundary check"))
}

/// The native core of `duikou`; use the `duikou` package, not this module.
#[pymodule]
fn _duikou(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeRules>()?;
    m.add_function(wrap_pyfunction!(_boundary_check, m)?)?;
    m.add("NativeError", m.py().get_type::<NativeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
