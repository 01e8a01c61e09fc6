//! `duikou diff`: what a redraft changes, in three layers — the text and its norms (read
//! semantically: a threshold from 74% to 80% is shown as that), responsibility and law (gaps and
//! conflicts that appear or disappear), and, given data, the verdicts and scores that change.

mod data;
mod findings;
mod norms;
pub mod render;

use crate::RuleSet;
use crate::data::bind::DataFile;
use serde::Serialize;

/// One change to the documents or the norms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// What changed: `document 援疆条例`, `article 援疆条例 6`, `rule 民生投入` …
    pub item: String,
    /// How, in words: ``threshold of `x`: `>= 74%` → `>= 80%` ``; empty for added/removed.
    pub detail: String,
}

/// A gap or conflict found in one version only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    /// `appeared` or `disappeared`.
    pub change: &'static str,
    /// The stable code.
    pub code: &'static str,
    /// `info`, `warning` or `error`.
    pub severity: &'static str,
    /// The message.
    pub message: String,
}

/// How one case's verdict changed under one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    /// The group (`supporter=河北省, recipient=巴州, year=2017`) or the record's key.
    pub case: String,
    /// `pass`, `violation` or `undetermined` (a case without a finding passes, is exempted or
    /// is outside the period the rule is in force).
    pub from: &'static str,
    /// The verdict under the new rules, in the same terms.
    pub to: &'static str,
}

/// The verdicts of one rule that change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleChanges {
    /// The rule's name.
    pub rule: String,
    /// How many cases went each way: `violation → pass: 3`.
    pub counts: Vec<(String, usize)>,
    /// The first cases, in the order of the data.
    pub first: Vec<VerdictChange>,
}

/// One group's score or grade that changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreChange {
    /// The evaluation's name.
    pub evaluation: String,
    /// The group, as `key=value` pairs.
    pub group: String,
    /// The score under the old rules.
    pub old_score: Option<String>,
    /// The score under the new rules.
    pub new_score: Option<String>,
    /// The grade under the old rules.
    pub old_grade: Option<String>,
    /// The grade under the new rules.
    pub new_grade: Option<String>,
}

/// What changes on the data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DataChanges {
    /// The rules whose verdicts change.
    pub rules: Vec<RuleChanges>,
    /// The scores and grades that change.
    pub scores: Vec<ScoreChange>,
    /// Rows the data files hold, read once per version.
    pub rows_read: u64,
    /// Rows rejected and problems with the files (the same for both versions), with where.
    pub problems: Vec<String>,
}

/// Everything a redraft changes.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// The version of the report's form.
    pub version: u32,
    /// Documents and articles added, removed or reworded.
    pub text: Vec<Change>,
    /// Rules, pairs, duties, evaluations, actors, programs, functions and records.
    pub norms: Vec<Change>,
    /// Gaps and conflicts that appear or disappear.
    pub findings: Vec<FindingChange>,
    /// With data: the verdicts and scores that change.
    pub data: Option<DataChanges>,
}

/// Compares two rule sets that check without errors; with data files, also their verdicts.
pub fn diff(old: &RuleSet, new: &RuleSet, data: Option<&[DataFile]>) -> DiffReport {
    DiffReport {
        version: 1,
        text: norms::documents(old, new),
        norms: norms::norms(old, new),
        findings: findings::findings(old, new),
        data: data.map(|files| data::data(old, new, files)),
    }
}
