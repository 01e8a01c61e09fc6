//! duikou (对口): a policy language and rules engine for China's counterpart-support system.
//!
//! Rule files (`.dk`) declare actors, programs, pairings, duties, rules and evaluations.
//! [`RuleSet::load`] (or [`RuleSet::from_sources`]) reads and checks them once; every problem
//! is a [`Diagnostic`] with a stable code and the exact span. The checked rule set is compiled
//! once, is `Send + Sync`, and is then applied many times: to [`Data`] from files or memory
//! ([`RuleSet::check`]), to one record ([`RuleSet::check_record`]), for scores, explanations,
//! responsibility gaps, conflicts and the rule files' own tests. Results are typed values
//! ([`Report`], [`Finding`]) that serialise to JSON.
//!
//! ```
//! use duikou::{Data, FindingKind, RuleSet};
//!
//! let rules = RuleSet::from_sources(vec![(
//!     "援疆.dk".into(),
//!     r#"
//!     支援类型 援疆 { since: 2010 }
//!     主体 河北省 { kind: government, level: province }
//!     主体 巴州 { kind: government, level: prefecture }
//!     结对 河北省 -> 巴州 属于 援疆 自 2010 至 2030
//!     record project { id: text key, supporter: actor, recipient: actor, planned: money(万元), spent: money(万元) }
//!     rule 超支 { over project  forbid spent > planned * 110% }
//!     rule 结对有效 { over project  require paired(supporter, recipient) }
//!     "#
//!     .into(),
//! )]);
//! assert!(rules.diagnostics().is_empty());
//!
//! // Rows from a web form or a database, validated exactly as rows of a file.
//! let rows = serde_json::json!([
//!     {"id": "XJ-1", "supporter": "河北省", "recipient": "巴州", "planned": "800", "spent": "960"},
//!     {"id": "XJ-2", "supporter": "河北省", "recipient": "巴州", "planned": "500", "spent": "480"},
//!     {"id": "XJ-3", "supporter": "河北省", "recipient": "喀什", "planned": "100", "spent": "90"},
//! ]);
//! let data = Data::new().rows("project", rows.as_array().unwrap()).unwrap();
//! let report = rules.check(&data).unwrap();
//!
//! // XJ-1 overspends; 喀什 is not declared, so XJ-3 is rejected at row 3 and never checked.
//! assert_eq!(report.summary.rows_checked, 2);
//! assert_eq!(report.findings.len(), 1);
//! assert_eq!(report.findings[0].rule, "超支");
//! assert_eq!(report.findings[0].kind, FindingKind::Violation);
//! assert_eq!(report.findings[0].record.as_deref(), Some("XJ-1"));
//! assert_eq!((report.rejected[0].line, report.rejected[0].field.as_deref()), (3, Some("recipient")));
//! println!("{}", serde_json::to_string_pretty(&report).unwrap());
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The parser generated from the grammar names `Box` by its `alloc` path: pest is built without
// its `std` feature (see docs/performance.md, "Rule text").
extern crate alloc;

pub(crate) mod authority;
pub(crate) mod diagnostic;
pub(crate) mod diff;
pub mod doc;
pub(crate) mod exact;
pub mod fmt;
pub mod fuzzing;
pub(crate) mod gaps;
pub(crate) mod ids;
pub(crate) mod source;
pub(crate) mod testing;
pub(crate) mod years;

mod apply;
mod checks;
mod error;
mod input;
mod load;
mod outcome;
mod record_checker;
mod resolve;
mod ruleset;
pub(crate) mod suggest;
mod syntax;
mod types;
mod words;
// Numbers written in Chinese characters, for the help on a name that is one.
mod numerals;

pub use apply::{Explanation, Scores};
pub use diagnostic::{Code, Diagnostic, Related, Resolution, Severity};
pub use engine::explain::Target;
pub use error::Error;
pub use input::{Data, RowError};
pub use outcome::{
    Finding, FindingCause, FindingKind, Receipt, Rejected, Report, RuleSummary, Summary,
};
pub use record_checker::{RecordChecker, RecordReport};
pub use ruleset::RuleSet;
pub use syntax::MAX_NESTING;
pub use years::Years;

pub(crate) mod ast;
pub(crate) mod conflicts;
pub(crate) mod data;
pub(crate) mod engine;
pub(crate) mod report;
pub(crate) mod score;
pub(crate) mod symbols;

// The public surface beyond the rule set's own calls (docs/architecture.md, "Public API").
mod describe;
pub use data::bind::Format as DataFormat;
pub use describe::{DiagnosticForm, EvaluationInfo, FieldInfo, RecordInfo, RuleInfo, ValueType};
pub use engine::finding::KeyValue;
pub use gaps::Options as GapOptions;
pub use score::{IndicatorScore, Rating, ScoreRow};
pub use source::{FileId, Location, Span};
pub use suggest::did_you_mean;
pub use testing::TestResult;

// The language server (`duikou lsp`).
pub mod lsp;

// Output in the user's language: the message catalogue and the choice of language.
pub mod i18n;
pub use i18n::Lang;

// The `duikou` command line, built on the library; `src/main.rs` only calls it.
mod cli;
pub use cli::run as run_cli;

// Tests of the engine's internals, which the public API does not show.
#[cfg(test)]
mod tests;
