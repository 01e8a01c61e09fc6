//! `duikou test`: the test blocks of a rule set — sample data, and the violations, scores, gaps
//! and conflicts it must (or must not) produce.

use crate::RuleSet;
use crate::ast::{self, Binding, Cmp, ExprKind, Literal};
use crate::data::bind::{DataFile, Format};
use crate::engine::check::Keep;
use crate::engine::compile::Plan;
use crate::engine::finding::{DataFinding, KeyValue};
use crate::engine::run::{self, Options};
use crate::ids::RuleId;
use crate::score::ScoreRow;

pub mod coverage;
pub mod coverage_report;
mod expects;
use rust_decimal::Decimal;
use std::path::PathBuf;

/// The outcome of one test block.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TestResult {
    /// The test's name.
    pub name: String,
    /// Whether every expectation was met.
    pub passed: bool,
    /// Each expectation not met: what was expected, and what was found.
    pub failures: Vec<String>,
    /// Where the test is, `file:line`.
    pub location: String,
}

/// A literal of a test row as a data cell.
fn cell(e: &ast::Expr) -> String {
    match &e.kind {
        ExprKind::Literal(Literal::Number(d)) => d.normalize().to_string(),
        ExprKind::Literal(Literal::Percent(d)) => {
            format!("{}%", crate::exact::percent_text(*d))
        }
        ExprKind::Literal(Literal::Money(d)) => format!("{}元", d.normalize()),
        ExprKind::Literal(Literal::Date(d)) => d.to_string(),
        ExprKind::Literal(Literal::Text(t)) => t.clone(),
        ExprKind::Literal(Literal::Bool(b)) => b.to_string(),
        ExprKind::Name(n) => n.text.clone(),
        ExprKind::Unary(ast::UnOp::Neg, x) => format!("-{}", cell(x)),
        _ => String::new(),
    }
}

/// Each `data` block as CSV text in memory, one per record type, fed through the same reading
/// and validation as a file.
pub(crate) fn test_data(rules: &RuleSet, test: &ast::Test) -> Result<Vec<DataFile>, csv::Error> {
    let mut files = Vec::new();
    for block in &test.data {
        let Some(record) = rules.symbols().records.get(&block.record.text) else {
            continue;
        };
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let header: Vec<&str> = record.fields.iter().map(|f| f.name.text.as_str()).collect();
        w.write_record(&header)?;
        for (row, _) in &block.rows {
            let line: Vec<String> = record
                .fields
                .iter()
                .map(|f| {
                    row.iter()
                        .find(|b| b.key.text == f.name.text)
                        .map_or(String::new(), |b| cell(&b.value))
                })
                .collect();
            w.write_record(&line)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        files.push(DataFile {
            record: record.name.text.clone(),
            path: PathBuf::from(format!("{}.csv", record.name.text)),
            sheet: None,
            format: Format::Csv,
            bytes: Some(bytes.into()),
        });
    }
    Ok(files)
}

/// A test's `{ key: value }` resolved against the `per` keys of one rule: each value, with the
/// positions of the keys its key names (by field; none when it names no key of the rule).
struct Selection {
    wants: Vec<(Vec<usize>, String)>,
}

impl Selection {
    /// Resolves each binding's key to a field of the rule's record once.
    fn new(plan: &Plan, rule: RuleId, bindings: &[Binding]) -> Selection {
        let rule = plan.rule(rule);
        let wants = bindings
            .iter()
            .map(|b| {
                let field = plan.field_id(rule.record, &b.key.text);
                let positions = (0..rule.keys.len())
                    .filter(|&i| Some(rule.keys[i].field) == field)
                    .collect();
                (positions, cell(&b.value))
            })
            .collect();
        Selection { wants }
    }

    /// Whether the keys of a group (in the rule's `per` order) are the group selected; a plan
    /// period (`2011–2015`) is selected by any of its years.
    fn group(&self, keys: &[KeyValue]) -> bool {
        self.wants.iter().all(|(positions, want)| {
            positions.iter().any(|&i| {
                keys.get(i)
                    .is_some_and(|k| k.text == *want || holds_year(&k.text, want))
            })
        })
    }

    /// Whether the keys of a group are the group selected, each value as printed (a score's
    /// group is selected by its keys' exact values).
    fn exactly(&self, keys: &[KeyValue]) -> bool {
        self.wants.iter().all(|(positions, want)| {
            positions
                .iter()
                .any(|&i| keys.get(i).is_some_and(|k| k.text == *want))
        })
    }

    /// Whether a finding is the group or record selected: a record by its key's value.
    fn finding(&self, f: &DataFinding) -> bool {
        if f.group.is_empty() {
            let record = f.record.as_deref();
            self.wants
                .iter()
                .all(|(_, want)| record == Some(want.as_str()))
        } else {
            self.group(&f.group)
        }
    }
}

/// Whether a plan period as printed (`2011–2015`) holds the year `want`: a test selects a
/// period's group by any of its years.
fn holds_year(period: &str, want: &str) -> bool {
    let years = period
        .split_once('–')
        .and_then(|(a, b)| Some((a.parse::<i32>().ok()?, b.parse::<i32>().ok()?)));
    match (years, want.parse::<i32>()) {
        (Some((a, b)), Ok(y)) => (a..=b).contains(&y),
        _ => false,
    }
}

fn selector(bindings: &[Binding]) -> String {
    if bindings.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = bindings
        .iter()
        .map(|b| format!("{}: {}", b.key.text, cell(&b.value)))
        .collect();
    format!(" {{ {} }}", parts.join(", "))
}

fn holds(op: Cmp, a: Decimal, b: Decimal) -> bool {
    crate::engine::eval::holds(op, a.cmp(&b))
}

/// Checks a test's data and scores every evaluation on it: the rows of each evaluation, by
/// `EvaluationId`.
pub(crate) fn run_with_scores(
    plan: &Plan,
    files: &[DataFile],
    keep: Keep,
) -> (run::DataRun, Vec<Vec<ScoreRow>>) {
    let opts = Options {
        keep,
        hash: false,
        ..Options::default()
    };
    run::run_with(plan, files, &opts, |checker| {
        plan.evaluations
            .iter()
            .map(|e| crate::score::score(plan, e, checker))
            .collect()
    })
}

/// Runs every test block of `rules`, its data held in memory.
pub fn run_tests(rules: &RuleSet) -> Vec<TestResult> {
    let Some(plan) = rules.plan() else {
        return Vec::new();
    };
    let gaps: Vec<&'static str> = crate::gaps::analyze(rules.symbols(), &Default::default())
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    let mut out = Vec::new();
    for test in &rules.symbols().tests {
        let loc = crate::source::location(rules.sources(), test.span);
        let mut failures = Vec::new();
        let files = match test_data(rules, test) {
            Ok(f) => f,
            Err(e) => {
                failures.push(crate::tr!("testing-cannot-write-test-s-data", e = e));
                Vec::new()
            }
        };
        let (data, scores) = run_with_scores(plan, &files, Keep::All);
        for p in data.problems.iter().filter(|p| p.row) {
            failures.push(crate::tr!(
                "testing-data-row-rejected-message-location",
                message = p.message,
                location = p.location.display()
            ));
        }
        let found = expects::Found {
            plan,
            symbols: rules.symbols(),
            data: &data,
            scores: &scores,
            gaps: &gaps,
            conflicts: rules.conflicts(),
        };
        for expect in &test.expects {
            found.check(expect, &mut failures);
        }
        out.push(TestResult {
            name: test.name.clone(),
            passed: failures.is_empty(),
            failures,
            location: format!("{}:{}", loc.file, loc.line),
        });
    }
    out
}

/// JUnit XML, for CI systems.
pub fn junit(results: &[TestResult]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let failed = results.iter().filter(|r| !r.passed).count();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"{}\" failures=\"{failed}\">\n  <testsuite name=\"duikou\" tests=\"{}\" failures=\"{failed}\">\n",
        results.len(),
        results.len()
    );
    for r in results {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\"",
            esc(&r.name),
            esc(&r.location)
        ));
        if r.passed {
            out.push_str("/>\n");
        } else {
            out.push_str(&format!(
                ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                esc(r.failures.first().map_or("", String::as_str)),
                esc(&r.failures.join("\n"))
            ));
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
