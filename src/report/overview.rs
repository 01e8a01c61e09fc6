//! What a `check` found, gathered once for every form people read (terminal, Markdown, HTML):
//! what was checked, one line per rule, the gap and conflict codes counted, the findings worst
//! first, the totals and what the exit code means.

use super::Counts;
use super::data::{CheckReport, article};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::engine::finding::{FindingKind, RuleCounts};
use crate::source::SourceMap;
use crate::symbols::Symbols;
use rust_decimal::Decimal;

/// What a finding is; within one severity, findings are listed in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A problem in the rule files themselves (syntax, names, types, declarations).
    RuleFile,
    /// A data file that could not be read, or a rejected row.
    Data,
    Violation,
    Conflict,
    Gap,
    Undetermined,
    Overridden,
}

impl Kind {
    /// The kind as printed: `violation`, `gap`, `rule file` …
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RuleFile => "rule file",
            Kind::Data => "data",
            Kind::Violation => "violation",
            Kind::Conflict => "conflict",
            Kind::Gap => "gap",
            Kind::Undetermined => "undetermined",
            Kind::Overridden => "overridden",
        }
    }
}

/// One finding, ready to print on one line.
#[derive(Debug, Clone)]
pub struct Item {
    pub severity: Severity,
    pub kind: Kind,
    /// The code (`G002`, `duikou::data::bad_value`) or, for data findings, the rule's name.
    pub label: String,
    /// `file:line:column` of the finding (of the broken rule, for data findings).
    pub place: String,
    /// The article the rule comes from.
    pub article: Option<String>,
    /// The group (`supporter=河北省, year=2017`) or record (`record p1 (data.csv:4)`).
    pub subject: Option<String>,
    pub message: String,
    pub help: Option<String>,
    /// The command that shows more (`duikou conflicts rules` shows the witness).
    pub command: Option<String>,
    /// For rule-file problems: the index of the diagnostic, for a rendering with its snippet.
    pub diagnostic: Option<usize>,
    badness: Decimal,
    order: usize,
}

/// What one rule did with the data.
#[derive(Debug, Clone)]
pub struct RuleLine {
    pub name: String,
    pub title: Option<String>,
    /// `援疆条例 art 6`, or `unsourced`.
    pub article: String,
    /// `group` or `record`.
    pub unit: &'static str,
    /// The severity of its violations.
    pub severity: Severity,
    pub counts: RuleCounts,
    /// Data files of its records that could not be read in full.
    pub incomplete: Vec<String>,
}

/// How many findings one code gave, at one severity.
#[derive(Debug, Clone, Copy)]
pub struct CodeCount {
    pub code: Code,
    pub severity: Severity,
    pub count: usize,
}

/// Findings not listed: how many, and how to see them.
#[derive(Debug, Clone)]
pub struct Hidden {
    pub severity: Severity,
    /// `G003` or a rule's name.
    pub label: String,
    pub more: usize,
    pub command: String,
}

/// Everything a check report shows, in reading order.
#[derive(Debug, Clone)]
pub struct Overview {
    pub rule_files: usize,
    /// `78 actors, 3 programs, …`.
    pub declarations: String,
    /// `rules/data/project.csv → project`, one per data file.
    pub data_files: Vec<String>,
    /// Rows read, checked and rejected, when data was checked.
    pub rows: Option<(u64, u64, u64)>,
    /// Title and totals rows of the sheets, which are not data: `; 1 title row not data`.
    pub not_data: String,
    pub rules: Vec<RuleLine>,
    /// Gap, conflict and rule-file codes, counted.
    pub codes: Vec<CodeCount>,
    /// The findings listed, worst first.
    pub items: Vec<Item>,
    pub hidden: Vec<Hidden>,
    pub counts: Counts,
    /// The exit code (SPEC §11) and what it means.
    pub exit: u8,
    pub exit_words: String,
    /// The rules declare record types, but no data was given.
    pub no_data: bool,
    /// The rule files have errors: nothing but the static checks ran.
    pub rules_broken: bool,
}

/// What a check report is made from.
pub struct Input<'a> {
    /// The rule paths as given, for the commands the report suggests.
    pub paths: &'a [String],
    pub sources: &'a SourceMap,
    pub symbols: &'a Symbols,
    /// Static diagnostics, gaps and conflicts.
    pub diagnostics: &'a [Diagnostic],
    /// The data run, when data was checked.
    pub data: Option<&'a CheckReport<'a>>,
    /// `file → record`, one per data file.
    pub data_files: Vec<String>,
    pub all: bool,
    /// How many findings per rule or code are listed without `all`.
    pub shown: usize,
    pub deny_warnings: bool,
    pub rules_broken: bool,
}

/// `78 actors, 3 programs, …`: what the rule files declare.
pub fn declarations(s: &Symbols) -> String {
    let articles: usize = s.documents.values().map(|d| d.articles.len()).sum();
    let parts = [
        (s.actors.len().saturating_sub(1), "actor"),
        (s.programs.len(), "program"),
        (s.functions.len(), "function"),
        (s.records.len(), "record"),
        (s.documents.len(), "document"),
        (articles, "article"),
        (s.pairs.len(), "pair"),
        (s.duties.len(), "duty"),
        (s.rules.len(), "rule"),
        (s.evaluations.len(), "evaluation"),
        (s.tests.len(), "test"),
    ];
    parts
        .iter()
        .map(|(n, word)| super::plural(*n, word))
        .collect::<Vec<_>>()
        .join(&crate::tr!("list-sep"))
}

/// A path as typed into a shell: quoted when it holds spaces or quotes.
fn shell_word(s: &str) -> String {
    if s.chars()
        .any(|c| c.is_whitespace() || "'\"$`\\".contains(c))
    {
        format!("'{}'", s.replace('\'', r"'\''"))
    } else {
        s.to_string()
    }
}

fn command(verb: &str, paths: &[String]) -> String {
    let mut c = format!("duikou {verb}");
    for p in paths {
        c.push(' ');
        c.push_str(&shell_word(p));
    }
    c
}

fn diagnostic_item(i: usize, d: &Diagnostic, sources: &SourceMap, paths: &[String]) -> Item {
    let kind = match d.code.kind() {
        "gap" => Kind::Gap,
        "conflict" => Kind::Conflict,
        _ => Kind::RuleFile,
    };
    let place = match d.span {
        Some(span) => {
            let l = super::json::location(sources, span);
            format!("{}:{}:{}", l.file, l.line, l.column)
        }
        None => d.path.clone().unwrap_or_default(),
    };
    let command = match kind {
        Kind::Gap => Some(command("gaps", paths)),
        Kind::Conflict => Some(command("conflicts", paths)),
        _ => None,
    };
    Item {
        severity: d.severity,
        kind,
        label: d.code.as_str().to_string(),
        place,
        article: None,
        subject: None,
        message: d.message.clone(),
        help: d.help.clone(),
        command,
        diagnostic: (kind == Kind::RuleFile).then_some(i),
        badness: Decimal::ZERO,
        order: i,
    }
}

/// The data findings of a check: problems with files and rows, then each rule's findings.
fn data_items(report: &CheckReport<'_>, all: bool, shown: usize) -> (Vec<Item>, Vec<Hidden>) {
    let mut items = Vec::new();
    let mut hidden = Vec::new();
    for (i, p) in report.run.problems.iter().enumerate() {
        items.push(Item {
            severity: p.severity,
            kind: Kind::Data,
            label: p.code.as_str().to_string(),
            place: p.location.display(),
            article: None,
            subject: None,
            message: p.message.clone(),
            help: p.help.clone(),
            command: None,
            diagnostic: None,
            badness: Decimal::ZERO,
            order: i,
        });
    }
    for (r, rule) in report.plan.rules.iter().enumerate() {
        if rule.kind == crate::ast::RuleKind::Permit || rule.hidden {
            continue;
        }
        let list = report.ordered(r);
        let limit = if all {
            list.len()
        } else {
            shown.min(list.len())
        };
        for f in &list[..limit] {
            items.push(Item {
                severity: report.severity(r, f.kind),
                kind: match f.kind {
                    FindingKind::Violation => Kind::Violation,
                    FindingKind::Undetermined => Kind::Undetermined,
                    FindingKind::Overridden => Kind::Overridden,
                },
                label: rule.name.clone(),
                place: report.rule_place(rule),
                article: article(rule),
                subject: Some(CheckReport::subject(f)),
                message: f.message.clone(),
                help: None,
                command: None,
                diagnostic: None,
                badness: f.badness,
                order: f.order as usize,
            });
        }
        let n = report.run.counts[r];
        let total = (n.violations + n.undetermined + n.overridden) as usize;
        if total > limit {
            hidden.push(Hidden {
                severity: report.severity(r, FindingKind::Violation),
                label: rule.name.clone(),
                more: total - limit,
                command: crate::tr!("overview-all-lists-every-finding"),
            });
        }
    }
    (items, hidden)
}

fn rule_lines(report: &CheckReport<'_>) -> Vec<RuleLine> {
    let mut out = Vec::new();
    for (r, rule) in report.plan.rules.iter().enumerate() {
        if rule.kind == crate::ast::RuleKind::Permit || rule.hidden {
            continue;
        }
        let incomplete = report
            .run
            .unread
            .iter()
            .filter(|(rec, _)| *rec == rule.record || rule.aggs.iter().any(|a| a.record == *rec))
            .map(|(_, file)| file.clone())
            .collect();
        out.push(RuleLine {
            name: rule.name.clone(),
            title: rule.title.clone(),
            article: article(rule).unwrap_or_else(|| crate::tr!("overview-unsourced")),
            unit: if rule.is_group() { "group" } else { "record" },
            severity: report.severity(r, FindingKind::Violation),
            counts: report.run.counts[r],
            incomplete,
        });
    }
    out
}

/// Gap, conflict and rule-file codes counted by code and severity, in code order.
fn code_counts(diags: &[Diagnostic]) -> Vec<CodeCount> {
    let mut out: Vec<CodeCount> = Vec::new();
    for d in diags {
        match out
            .iter_mut()
            .find(|c| c.code == d.code && c.severity == d.severity)
        {
            Some(c) => c.count += 1,
            None => out.push(CodeCount {
                code: d.code,
                severity: d.severity,
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| {
        (
            a.code.kind(),
            a.code.as_str(),
            std::cmp::Reverse(a.severity),
        )
            .cmp(&(
                b.code.kind(),
                b.code.as_str(),
                std::cmp::Reverse(b.severity),
            ))
    });
    out
}

/// Limits gap and conflict findings to `shown` per code; the rest are counted.
fn limit_per_code(items: Vec<Item>, shown: usize, paths: &[String]) -> (Vec<Item>, Vec<Hidden>) {
    let mut kept = Vec::new();
    let mut hidden: Vec<Hidden> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for item in items {
        if !matches!(item.kind, Kind::Gap | Kind::Conflict) {
            kept.push(item);
            continue;
        }
        let n = match seen.iter_mut().find(|(l, _)| *l == item.label) {
            Some(e) => {
                e.1 += 1;
                e.1
            }
            None => {
                seen.push((item.label.clone(), 1));
                1
            }
        };
        if n <= shown {
            kept.push(item);
            continue;
        }
        match hidden.iter_mut().find(|h| h.label == item.label) {
            Some(h) => h.more += 1,
            None => hidden.push(Hidden {
                severity: item.severity,
                label: item.label.clone(),
                more: 1,
                command: crate::tr!(
                    "overview-lists-them",
                    command = command(
                        if item.kind == Kind::Gap {
                            "gaps"
                        } else {
                            "conflicts"
                        },
                        paths
                    )
                ),
            }),
        }
    }
    (kept, hidden)
}

/// Gathers what a check found.
pub fn build(input: &Input<'_>) -> Overview {
    let mut items: Vec<Item> = input
        .diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| diagnostic_item(i, d, input.sources, input.paths))
        .collect();
    let mut hidden = Vec::new();
    if let Some(report) = input.data {
        let (more, rules_hidden) = data_items(report, input.all, input.shown);
        items.extend(more);
        hidden.extend(rules_hidden);
    }
    items.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then(b.badness.cmp(&a.badness))
            .then(a.order.cmp(&b.order))
    });
    let (items, codes_hidden) = if input.all {
        (items, Vec::new())
    } else {
        limit_per_code(items, input.shown, input.paths)
    };
    hidden.extend(codes_hidden);
    hidden.sort_by_key(|h| std::cmp::Reverse(h.severity));
    let counts = match input.data {
        Some(r) => r.counts(),
        None => Counts::of(input.diagnostics),
    };
    let (exit, exit_words) = exit_meaning(input, counts);
    Overview {
        rule_files: input.sources.files().count(),
        declarations: declarations(input.symbols),
        data_files: input.data_files.clone(),
        rows: input
            .data
            .map(|r| (r.run.rows_read, r.run.rows_checked, r.run.rows_rejected)),
        not_data: input
            .data
            .map(|r| super::data::not_data_counts(r.run))
            .unwrap_or_default(),
        rules: input.data.map(rule_lines).unwrap_or_default(),
        codes: code_counts(input.diagnostics),
        items,
        hidden,
        counts,
        exit,
        exit_words,
        no_data: input.data.is_none() && !input.symbols.records.is_empty(),
        rules_broken: input.rules_broken,
    }
}

/// Whether the input was not fully processed: a rule-file error (not a gap or conflict, and not
/// a warning made an error), a rejected row or a data file that could not be read.
pub fn unprocessable(diags: &[Diagnostic], data: Option<&CheckReport<'_>>) -> bool {
    match data {
        Some(r) => r.unprocessable(),
        None => diags
            .iter()
            .any(|d| d.code.kind() == "diagnostic" && d.code.severity() == Severity::Error),
    }
}

/// The exit code of a check (SPEC §11).
pub fn exit_code(diags: &[Diagnostic], data: Option<&CheckReport<'_>>, deny_warnings: bool) -> u8 {
    let counts = data.map_or_else(|| Counts::of(diags), CheckReport::counts);
    if unprocessable(diags, data) {
        2
    } else if counts.errors > 0 || (deny_warnings && counts.warnings > 0) {
        1
    } else {
        0
    }
}

fn exit_meaning(input: &Input<'_>, counts: Counts) -> (u8, String) {
    let exit = exit_code(input.diagnostics, input.data, input.deny_warnings);
    let words = match exit {
        2 => crate::tr!("overview-exit-2", causes = unprocessed_causes(input)),
        1 => crate::tr!("overview-exit-1", causes = error_causes(input)),
        _ if counts.warnings > 0 => crate::tr!("overview-exit-0-warnings"),
        _ => crate::tr!("overview-exit-0"),
    };
    (exit, words)
}

fn unprocessed_causes(input: &Input<'_>) -> String {
    let mut causes = Vec::new();
    let broken = input
        .diagnostics
        .iter()
        .filter(|d| d.code.kind() == "diagnostic" && d.code.severity() == Severity::Error)
        .count();
    if broken > 0 {
        causes.push(crate::tr!(
            "overview-cause-rule-errors",
            errors = super::plural(broken, "error")
        ));
    }
    if let Some(r) = input.data {
        if r.run.rows_rejected > 0 {
            causes.push(crate::tr!(
                "overview-cause-rows-rejected",
                rows = super::plural(r.run.rows_rejected as usize, "data row")
            ));
        }
        if r.run.files_failed > 0 {
            causes.push(crate::tr!(
                "overview-cause-files-unread",
                files = super::plural(r.run.files_failed as usize, "data file")
            ));
        }
    }
    causes.join(&crate::tr!("list-sep-strong"))
}

fn error_causes(input: &Input<'_>) -> String {
    let mut by_kind: Vec<(&str, usize)> = Vec::new();
    let mut add = |what: &'static str, n: usize| {
        if n > 0 {
            match by_kind.iter_mut().find(|(w, _)| *w == what) {
                Some(e) => e.1 += n,
                None => by_kind.push((what, n)),
            }
        }
    };
    if let Some(r) = input.data {
        let problems = r
            .run
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        add("data problem", problems);
        for (i, rule) in r.plan.rules.iter().enumerate() {
            let n = r.run.counts[i];
            match r.severity(i, FindingKind::Violation) {
                Severity::Error => add("violation", n.violations as usize),
                _ if input.deny_warnings => add("violation", n.violations as usize),
                _ => {}
            }
            if input.deny_warnings && !rule.hidden {
                add("undetermined result", n.undetermined as usize);
            }
        }
    }
    for d in input.diagnostics {
        if d.severity == Severity::Error {
            add(
                match d.code.kind() {
                    "gap" => "gap",
                    "conflict" => "conflict",
                    _ => "rule-file problem",
                },
                1,
            );
        }
    }
    by_kind
        .iter()
        .map(|(w, n)| super::plural(*n, w))
        .collect::<Vec<_>>()
        .join(&crate::tr!("list-sep"))
}
