//! duikou (对口): a policy language and rules engine for China's counterpart-support system.
//!
//! Rule files (`.dk`) declare actors, programs, pairings, duties, rules and evaluations.
//! [`RuleSet::load`] reads and checks them; every problem is a [`Diagnostic`] with a stable code
//! and the exact span.
//!
//! ```
//! use duikou::RuleSet;
//!
//! let rules = RuleSet::from_sources(vec![(
//!     "援疆.dk".into(),
//!     r#"
//!     支援类型 援疆 { since: 2010 }
//!     主体 河北省 { kind: government, level: province }
//!     主体 巴州 { kind: government, level: prefecture }
//!     结对 河北省 -> 巴州 属于 援疆 自 2010 至 2030
//!     "#
//!     .into(),
//! )]);
//! assert!(rules.diagnostics().is_empty());
//! assert_eq!(rules.symbols().pairs.len(), 1);
//! ```
#![forbid(unsafe_code)]

pub mod ast;
pub mod conflicts;
pub mod data;
pub mod diagnostic;
pub mod engine;
pub mod exact;
pub mod fuzzing;
pub mod gaps;
pub mod report;
pub mod score;
pub mod source;
pub mod symbols;
pub mod testing;

mod checks;
mod load;
mod resolve;
mod ruleset;
pub mod suggest;
mod syntax;
mod types;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use ruleset::RuleSet;
pub use syntax::MAX_NESTING;
