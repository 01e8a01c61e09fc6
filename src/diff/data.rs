//! The data layer: both versions check the same data; the cases whose verdict changes under
//! each rule are counted and the first listed, and the scores and grades that change are shown.

use super::{DataChanges, RuleChanges, ScoreChange, VerdictChange};
use crate::RuleSet;
use crate::data::bind::DataFile;
use crate::engine::check::Keep;
use crate::engine::finding::{DataFinding, FindingKind, KeyValue};
use crate::engine::run::{self, Options};
use crate::score::{ScoreRow, round2};
use indexmap::IndexMap;

/// How many changed cases are listed per rule.
pub const FIRST: usize = 5;

/// What one version makes of the data: per rule, each case with a finding; per evaluation, its
/// rows.
#[derive(Default)]
struct Outcome {
    rules: IndexMap<String, IndexMap<String, &'static str>>,
    scores: IndexMap<String, Vec<ScoreRow>>,
    rows_read: u64,
    problems: Vec<String>,
}

fn group_text(group: &[KeyValue]) -> String {
    group
        .iter()
        .map(|k| format!("{}={}", k.name, k.text))
        .collect::<Vec<_>>()
        .join(", ")
}

fn case(f: &DataFinding) -> String {
    if f.group.is_empty() {
        f.record.clone().unwrap_or_default()
    } else {
        group_text(&f.group)
    }
}

fn outcome(rules: &RuleSet, files: &[DataFile]) -> Outcome {
    let Some(plan) = rules.plan() else {
        return Outcome::default();
    };
    let opts = Options {
        keep: Keep::All,
        hash: false,
        ..Options::default()
    };
    let (data, scores) = run::run_with(plan, files, &opts, |checker| {
        plan.evaluations
            .iter()
            .map(|e| (e.name.clone(), crate::score::score(plan, e, checker)))
            .collect::<IndexMap<String, Vec<ScoreRow>>>()
    });
    let mut out = IndexMap::new();
    for (r, findings) in plan.rules.iter().zip(&data.findings) {
        let mut cases = IndexMap::new();
        let mut sorted: Vec<&DataFinding> = findings.iter().collect();
        sorted.sort_by_key(|f| f.order);
        for f in sorted {
            let verdict = match f.kind {
                FindingKind::Violation => "violation",
                FindingKind::Undetermined => "undetermined",
                FindingKind::Overridden => continue,
            };
            cases.insert(case(f), verdict);
        }
        out.insert(r.name.clone(), cases);
    }
    let problems = data
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.location.display(), p.message))
        .collect();
    Outcome {
        rules: out,
        scores,
        rows_read: data.rows_read,
        problems,
    }
}

/// The verdict changes and score changes between the two versions on `files`.
pub fn data(old: &RuleSet, new: &RuleSet, files: &[DataFile]) -> DataChanges {
    let (a, b) = (outcome(old, files), outcome(new, files));
    let empty = IndexMap::new();
    let mut rules = Vec::new();
    let names: Vec<&String> = a
        .rules
        .keys()
        .chain(b.rules.keys().filter(|k| !a.rules.contains_key(*k)))
        .collect();
    for name in names {
        // A rule only one version has: its cases go from or to `pass`.
        let (ca, cb) = (
            a.rules.get(name).unwrap_or(&empty),
            b.rules.get(name).unwrap_or(&empty),
        );
        let mut changes = Vec::new();
        for (k, from) in ca {
            let to = cb.get(k).copied().unwrap_or("pass");
            if *from != to {
                changes.push(VerdictChange {
                    case: k.clone(),
                    from,
                    to,
                });
            }
        }
        for (k, to) in cb.iter().filter(|(k, _)| !ca.contains_key(*k)) {
            changes.push(VerdictChange {
                case: k.clone(),
                from: "pass",
                to,
            });
        }
        if changes.is_empty() {
            continue;
        }
        let mut counts: IndexMap<String, usize> = IndexMap::new();
        for c in &changes {
            *counts.entry(format!("{} → {}", c.from, c.to)).or_default() += 1;
        }
        changes.truncate(FIRST);
        rules.push(RuleChanges {
            rule: name.clone(),
            counts: counts.into_iter().collect(),
            first: changes,
        });
    }
    DataChanges {
        rules,
        scores: scores(&a.scores, &b.scores),
        rows_read: b.rows_read,
        problems: b.problems,
    }
}

fn scores(
    a: &IndexMap<String, Vec<ScoreRow>>,
    b: &IndexMap<String, Vec<ScoreRow>>,
) -> Vec<ScoreChange> {
    let text = |r: Option<&ScoreRow>| r.and_then(|r| r.score).map(|s| format!("{:.2}", round2(s)));
    let grade = |r: Option<&ScoreRow>| r.and_then(|r| r.grade.clone());
    let mut out = Vec::new();
    for name in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        let (ra, rb) = (
            a.get(name).map_or(&[][..], Vec::as_slice),
            b.get(name).map_or(&[][..], Vec::as_slice),
        );
        let mut groups: Vec<String> = ra.iter().map(|r| group_text(&r.group)).collect();
        groups.extend(
            rb.iter()
                .map(|r| group_text(&r.group))
                .filter(|g| !groups.contains(g))
                .collect::<Vec<_>>(),
        );
        for g in groups {
            let oa = ra.iter().find(|r| group_text(&r.group) == g);
            let ob = rb.iter().find(|r| group_text(&r.group) == g);
            if text(oa) != text(ob) || grade(oa) != grade(ob) {
                out.push(ScoreChange {
                    evaluation: name.clone(),
                    group: g,
                    old_score: text(oa),
                    new_score: text(ob),
                    old_grade: grade(oa),
                    new_grade: grade(ob),
                });
            }
        }
    }
    out
}
