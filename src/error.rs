//! Why a library call on a rule set could not give its answer.

/// A call that cannot be answered. Problems in the rules and the data are not errors: they are
/// diagnostics and rejected rows in the answer.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// The rules have errors, so they cannot be applied to data; see
    /// [`RuleSet::diagnostics`](crate::RuleSet::diagnostics).
    #[error("the rules have errors; fix them before applying them to data")]
    RulesHaveErrors,
    /// `check_record` named a record type the rules do not declare.
    #[error("no record type `{0}`")]
    UnknownRecord(String),
    /// `explain` named a rule the rules do not declare.
    #[error("no rule `{0}`")]
    UnknownRule(String),
    /// `score` named an evaluation the rules do not declare, or they declare none.
    #[error("no evaluation `{0}`")]
    UnknownEvaluation(String),
    /// A record given to `check_record` could not be written as JSON.
    #[error("the record cannot be written as JSON: {0}")]
    NotJson(String),
    /// `explain` cannot explain this target (no such group or record, a group for a record
    /// rule, …); the text says why.
    #[error("{0}")]
    CannotExplain(String),
}
