//! duikou in the browser: rule files and data checked inside the page, by the library itself.
//!
//! The page's worker makes a [`Playground`] from the text of the rule files, asks it for the
//! diagnostics as the user types, and hands it the data the user picked ([`DataSet`]) to check,
//! score, and look for gaps and conflicts. Answers are JSON text in the shapes the command line
//! prints with `--format json`, so the page shows the same codes and counts as the CLI.

mod data;
mod progress;
mod results;

pub use data::DataSet;

use duikou::{Location, RuleSet};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A rule set made from the editor's text.
#[wasm_bindgen]
pub struct Playground {
    rules: RuleSet,
}

/// Where a rule or record type is declared, for links from results to the editor.
#[derive(Serialize)]
struct Declared {
    rules: Vec<Named>,
    records: Vec<Named>,
    evaluations: Vec<Named>,
}

#[derive(Serialize)]
struct Named {
    name: String,
    location: Location,
}

#[wasm_bindgen]
impl Playground {
    /// Reads the rule files, given as a JSON array of `[file name, text]` pairs.
    #[wasm_bindgen(constructor)]
    pub fn new(files: &str) -> Result<Playground, JsError> {
        let files: Vec<(String, String)> = serde_json::from_str(files)
            .map_err(|e| JsError::new(&format!("the rule files are not a list of pairs: {e}")))?;
        Ok(Playground {
            rules: RuleSet::from_sources(files),
        })
    }

    /// Every diagnostic of the rules, as the findings of `duikou check --format json`.
    pub fn diagnostics(&self) -> String {
        to_json(&self.rules.diagnostics_json(self.rules.diagnostics()))
    }

    /// Whether any diagnostic is an error: then data cannot be checked.
    #[wasm_bindgen(js_name = hasErrors)]
    pub fn has_errors(&self) -> bool {
        self.rules.has_errors()
    }

    /// Where each rule, record type and evaluation is declared.
    pub fn declared(&self) -> String {
        let named = |name, location| Named { name, location };
        to_json(&Declared {
            rules: (self.rules.rules().into_iter())
                .map(|r| named(r.name, r.location))
                .collect(),
            records: (self.rules.records().into_iter())
                .map(|r| named(r.name, r.location))
                .collect(),
            evaluations: (self.rules.evaluations().into_iter())
                .map(|e| named(e.name, e.location))
                .collect(),
        })
    }
}

/// Serialises a value that is made of plain data.
pub(crate) fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}
