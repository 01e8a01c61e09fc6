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

use duikou::RuleSet;
use duikou::report::json::{Location, finding, location};
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
        let all: Vec<_> = self
            .rules
            .diagnostics()
            .iter()
            .map(|d| finding(d, self.rules.sources()))
            .collect();
        to_json(&all)
    }

    /// Whether any diagnostic is an error: then data cannot be checked.
    #[wasm_bindgen(js_name = hasErrors)]
    pub fn has_errors(&self) -> bool {
        self.rules.has_errors()
    }

    /// Where each rule, record type and evaluation is declared.
    pub fn declared(&self) -> String {
        let symbols = self.rules.symbols();
        let sources = self.rules.sources();
        let named = |name: &String, span| Named {
            name: name.clone(),
            location: location(sources, span),
        };
        to_json(&Declared {
            rules: symbols
                .rules
                .iter()
                .map(|(n, r)| named(n, r.item.name.span))
                .collect(),
            records: symbols
                .records
                .iter()
                .map(|(n, r)| named(n, r.name.span))
                .collect(),
            evaluations: symbols
                .evaluations
                .iter()
                .map(|(n, e)| named(n, e.item.name.span))
                .collect(),
        })
    }
}

/// Serialises a value that is made of plain data.
pub(crate) fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}
