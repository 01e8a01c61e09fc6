//! SARIF 2.1.0 for code-scanning tools: one run per invocation, the tool's rules (every code,
//! each rule of the rule set, test failures), results located in the `.dk` files with regions
//! in Unicode code points, the other provision as a related location, fixes where a help is an
//! exact replacement, and data findings located at the rule they break.

use super::codes;
use super::data::{CheckReport, article};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::finding::{DataFinding, FindingKind};
use crate::source::{SourceMap, Span};
use crate::testing::TestResult;
use serde_json::{Value, json};

/// The rule id of a failed `test` block.
pub const TEST_FAILED: &str = "duikou::test::failed";

/// The SARIF `level` of a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: `/` kept, everything outside the unreserved set percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A run being written: its rules and artifacts, and the results.
struct Run<'a> {
    sources: &'a SourceMap,
    rules: Vec<Value>,
    rule_ids: Vec<String>,
    results: Vec<Value>,
}

impl<'a> Run<'a> {
    fn new(sources: &'a SourceMap) -> Self {
        let mut run = Run {
            sources,
            rules: Vec::new(),
            rule_ids: Vec::new(),
            results: Vec::new(),
        };
        for code in Code::ALL {
            run.add_rule(
                code.as_str(),
                &codes::short(*code),
                &codes::full(*code),
                &codes::help_uri(*code),
                code.severity(),
            );
        }
        run.add_rule(
            TEST_FAILED,
            "a test block whose expectations are not met",
            "a `test` block of the rule files expects violations, scores, gaps or conflicts that its sample data does not give (or gives what it says must not happen)",
            &format!("{}#{}", codes::DOCS_URL, uri("411-test--测试")),
            Severity::Error,
        );
        run
    }

    fn add_rule(&mut self, id: &str, short: &str, full: &str, help: &str, sev: Severity) {
        self.rule_ids.push(id.to_string());
        self.rules.push(json!({
            "id": id,
            "shortDescription": { "text": short },
            "fullDescription": { "text": full },
            "helpUri": help,
            "defaultConfiguration": { "level": level(sev) },
        }));
    }

    fn rule_index(&self, id: &str) -> usize {
        self.rule_ids.iter().position(|r| r == id).unwrap_or(0)
    }

    /// A physical location of `span`, with its region.
    fn physical(&self, span: Span) -> Value {
        let f = self.sources.get(span.file);
        let start = f.line_col(span.start as usize);
        let end = f.line_col(span.end.max(span.start) as usize);
        json!({
            "artifactLocation": { "uri": uri(&f.display_path()) },
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column.max(if end.line == start.line { start.column + 1 } else { 1 }),
            },
        })
    }

    fn artifacts(&self, data: &indexmap::IndexMap<String, String>) -> Vec<Value> {
        let mut out: Vec<Value> = self
            .sources
            .files()
            .map(|(_, f)| artifact(&f.display_path(), &f.sha256))
            .collect();
        out.extend(data.iter().map(|(file, hash)| artifact(file, hash)));
        out
    }

    fn finish(self, data: &indexmap::IndexMap<String, String>, summary: Value) -> String {
        let artifacts = self.artifacts(data);
        let doc = json!({
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "duikou",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": codes::DOCS_URL,
                    "rules": self.rules,
                } },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": self.results,
                "properties": summary,
            }],
        });
        let mut s = serde_json::to_string_pretty(&doc).expect("SARIF serialises");
        s.push('\n');
        s
    }
}

fn artifact(file: &str, hash: &str) -> Value {
    json!({
        "location": { "uri": uri(file) },
        "hashes": { "sha-256": hash.trim_start_matches("sha256:") },
    })
}

/// A fix when the help names the exact replacement of the labelled text: `did you mean `X`?`
/// (`是否要写 `X`？` in Chinese) on a span that holds one name.
fn fix(d: &Diagnostic, run: &Run<'_>) -> Option<Value> {
    let span = d.span?;
    let help = d.help.as_deref()?;
    let name = help
        .strip_prefix("did you mean `")
        .and_then(|h| h.strip_suffix("`?"))
        .or_else(|| help.strip_prefix("是否要写 `")?.strip_suffix("`？"))?;
    if name.contains('`') {
        return None;
    }
    let f = run.sources.get(span.file);
    let old = f.text.get(span.start as usize..span.end as usize)?;
    let plain = !old.is_empty() && !old.chars().any(|c| c.is_whitespace() || "`\"".contains(c));
    let quoted = old.len() > 2 && old.starts_with('`') && old.ends_with('`');
    let new = match (plain, quoted) {
        (true, _) => name.to_string(),
        (_, true) => format!("`{name}`"),
        _ => return None,
    };
    let place = run.physical(span);
    Some(json!({
        "description": { "text": crate::tr!("report-replace-old-with-new", old = old, new = new) },
        "artifactChanges": [{
            "artifactLocation": place["artifactLocation"].clone(),
            "replacements": [{
                "deletedRegion": place["region"].clone(),
                "insertedContent": { "text": new },
            }],
        }],
    }))
}

fn diagnostic_result(d: &Diagnostic, run: &Run<'_>) -> Value {
    let mut r = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": run.rule_index(d.code.as_str()),
        "level": level(d.severity),
        "message": { "text": match &d.help {
            Some(h) => format!("{}\n{}: {h}", d.message, crate::tr!("report-help")),
            None => d.message.clone(),
        } },
    });
    let location = match (d.span, &d.path) {
        (Some(span), _) => Some(run.physical(span)),
        (None, Some(path)) => Some(json!({ "artifactLocation": { "uri": uri(path) } })),
        (None, None) => None,
    };
    if let Some(l) = location {
        r["locations"] = json!([{ "physicalLocation": l }]);
    }
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                json!({
                    "id": i + 1,
                    "physicalLocation": run.physical(rel.span),
                    "message": { "text": rel.message },
                })
            })
            .collect();
        r["relatedLocations"] = related.into();
    }
    if let Some(f) = fix(d, run) {
        r["fixes"] = json!([f]);
    }
    let mut props = serde_json::Map::new();
    props.insert("kind".into(), d.code.kind().into());
    if let Some(y) = &d.years {
        props.insert("years".into(), y.json());
    }
    if let Some(res) = &d.resolution {
        props.insert(
            "resolution".into(),
            serde_json::to_value(res).expect("a resolution serialises"),
        );
    }
    if let Some(w) = &d.witness {
        props.insert("witness".into(), w.clone().into());
    }
    r["properties"] = props.into();
    r
}

fn summary(diags: &[Diagnostic]) -> Value {
    let c = super::Counts::of(diags);
    json!({ "summary": { "errors": c.errors, "warnings": c.warnings, "infos": c.infos } })
}

/// The findings of `command` (`gaps`, `conflicts`, or rule-file errors of any command) as SARIF.
pub fn findings(diags: &[Diagnostic], sources: &SourceMap, command: &str) -> String {
    let mut run = Run::new(sources);
    run.results = diags.iter().map(|d| diagnostic_result(d, &run)).collect();
    let mut props = summary(diags);
    props["command"] = command.into();
    run.finish(&indexmap::IndexMap::new(), props)
}

/// A rejected row or unreadable data file, located in the data file.
fn problem_result(p: &crate::data::problem::DataProblem, run: &Run<'_>) -> Value {
    let mut location = json!({ "artifactLocation": { "uri": uri(&p.location.file) } });
    if p.location.line > 0 {
        location["region"] = json!({ "startLine": p.location.line });
    }
    json!({
        "ruleId": p.code.as_str(),
        "ruleIndex": run.rule_index(p.code.as_str()),
        "level": level(p.severity),
        "message": { "text": match &p.help {
            Some(h) => format!("{}\n{}: {h}", p.message, crate::tr!("report-help")),
            None => p.message.clone(),
        } },
        "locations": [{ "physicalLocation": location }],
        "properties": {
            "kind": if p.row { "rejected_row" } else { "diagnostic" },
            "sheet": p.location.sheet,
            "line": p.location.line,
            "column": p.location.column,
            "field": p.field,
        },
    })
}

/// A violation, undetermined case or overridden case, located at the rule it concerns.
fn data_result(
    report: &CheckReport<'_>,
    r: usize,
    f: &DataFinding,
    id: &str,
    run: &Run<'_>,
) -> Value {
    let rule = &report.plan.rules[r];
    let group: serde_json::Map<String, Value> = f
        .group
        .iter()
        .map(|k| (k.name.clone(), k.json.clone()))
        .collect();
    let mut result = json!({
        "ruleId": id,
        "ruleIndex": run.rule_index(id),
        "kind": if f.kind == FindingKind::Overridden { "informational" } else { "fail" },
        "level": if f.kind == FindingKind::Overridden { "none" } else { level(report.severity(r, f.kind)) },
        "message": { "text": f.message },
        "locations": [{ "physicalLocation": run.physical(rule.span) }],
        "properties": {
            "kind": f.kind.as_str(),
            "rule": rule.name,
            "article": article(rule),
            "group": if group.is_empty() { Value::Null } else { group.into() },
            "record": f.record,
            "value": f.value,
            "value_exact": f.value_exact,
            "data": f.at.as_ref().map(|(file, line)| json!({ "file": file, "row": line })),
        },
    });
    if let Some(s) = &rule.source {
        result["relatedLocations"] = json!([{
            "id": 1,
            "physicalLocation": run.physical(s.article_span),
            "message": { "text": crate::tr!("gaps-document-art-article", document = s.document, article = s.article) },
        }]);
    }
    result
}

/// Adds a SARIF rule for each rule of the rule set, and a result for each data finding.
fn data_results(report: &CheckReport<'_>, run: &mut Run<'_>) {
    for p in &report.run.problems {
        let r = problem_result(p, run);
        run.results.push(r);
    }
    for (r, rule) in report.plan.rules.iter().enumerate() {
        if rule.kind == crate::ast::RuleKind::Permit || rule.hidden {
            continue;
        }
        let id = format!("rule/{}", rule.name);
        let short = rule.title.clone().unwrap_or_else(|| rule.name.clone());
        let full = match article(rule) {
            Some(a) => format!("{short} ({a}): {}", rule.condition_text),
            None => format!(
                "{short} ({}): {}",
                crate::tr!("overview-unsourced"),
                rule.condition_text
            ),
        };
        let sev = report.severity(r, FindingKind::Violation);
        run.add_rule(
            &id,
            &short,
            &full,
            &format!("{}#{}", codes::DOCS_URL, uri("48-rule--规则")),
            sev,
        );
        for f in report.run.held_in_order(r) {
            let result = data_result(report, r, f, &id, run);
            run.results.push(result);
        }
    }
}

/// `check` as SARIF: static diagnostics, gaps and conflicts, and with data, every finding.
pub fn check(diags: &[Diagnostic], sources: &SourceMap, data: Option<&CheckReport<'_>>) -> String {
    let mut run = Run::new(sources);
    run.results = diags.iter().map(|d| diagnostic_result(d, &run)).collect();
    let Some(report) = data else {
        let mut props = summary(diags);
        props["command"] = "check".into();
        return run.finish(&indexmap::IndexMap::new(), props);
    };
    data_results(report, &mut run);
    let c = report.counts();
    let props = json!({
        "command": "check",
        "summary": {
            "errors": c.errors, "warnings": c.warnings, "infos": c.infos,
            "rows_read": report.run.rows_read,
            "rows_checked": report.run.rows_checked,
            "rows_rejected": report.run.rows_rejected,
        },
    });
    run.finish(&report.run.hashes, props)
}

/// `file:line` of a test block as a location.
fn test_location(at: &str) -> Value {
    let (file, line) = match at.rsplit_once(':') {
        Some((f, l)) if l.parse::<u64>().is_ok() => (f, l.parse::<u64>().unwrap_or(1)),
        _ => (at, 0),
    };
    let mut l = json!({ "artifactLocation": { "uri": uri(file) } });
    if line > 0 {
        l["region"] = json!({ "startLine": line });
    }
    l
}

/// `test` as SARIF: a result per test block, `pass` or `fail`.
pub fn tests(results: &[TestResult], sources: &SourceMap) -> String {
    let mut run = Run::new(sources);
    let index = run.rule_index(TEST_FAILED);
    for t in results {
        let text = if t.passed {
            crate::tr!("report-test-t-passed", t = t.name)
        } else {
            crate::tr!(
                "report-test-t-failed-t",
                t = t.name,
                t2 = t.failures.join("; ")
            )
        };
        run.results.push(json!({
            "ruleId": TEST_FAILED,
            "ruleIndex": index,
            "kind": if t.passed { "pass" } else { "fail" },
            "level": if t.passed { "none" } else { "error" },
            "message": { "text": text },
            "locations": [{ "physicalLocation": test_location(&t.location) }],
            "properties": { "test": t.name, "failures": t.failures },
        }));
    }
    let passed = results.iter().filter(|t| t.passed).count();
    let props = json!({
        "command": "test",
        "summary": { "passed": passed, "failed": results.len() - passed },
    });
    run.finish(&indexmap::IndexMap::new(), props)
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("rules/national.dk"), "rules/national.dk");
        assert_eq!(uri("援疆.dk"), "%E6%8F%B4%E7%96%86.dk");
        assert_eq!(uri("a b\\c.dk"), "a%20b/c.dk");
    }
}
