//! Reports as workbooks (`--format xlsx -o 报告.xlsx`): a check's summary, one sheet per rule
//! with its findings, the data problems and the rule diagnostics; a score table. Numbers are
//! written as numbers with formats, column widths fit Chinese text, the header row is frozen,
//! and the file's creation time is fixed, so the same report gives the same bytes.

use super::data::{CheckReport, article};
use super::json::{self, Finding};
use crate::diagnostic::Diagnostic;
use crate::engine::compile::EvaluationPlan;
use crate::engine::compile::RulePlan;
use crate::engine::finding::RuleCounts;
use crate::score::ScoreRow;
use crate::source::SourceMap;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The name of a sheet or column header, from the catalogue key `xlsx-…`.
fn words(keys: &[&str]) -> Vec<String> {
    keys.iter()
        .map(|k| crate::i18n::text(&format!("xlsx-{k}"), &[]))
        .collect()
}

/// Sheet names of a check report: the summary, the data problems, the rule diagnostics.
pub fn sheet_names() -> [String; 3] {
    [
        crate::tr!("xlsx-summary"),
        crate::tr!("xlsx-data-problems"),
        crate::tr!("xlsx-diagnostics"),
    ]
}

/// Headers of the summary sheet: one row per rule.
pub fn summary_headers() -> Vec<String> {
    words(&[
        "rule",
        "title",
        "article",
        "checked",
        "passed",
        "violations",
        "undetermined",
        "exempted",
        "not-in-force",
        "overridden",
    ])
}

/// Headers of each rule's sheet.
pub fn rule_headers() -> Vec<String> {
    words(&[
        "kind",
        "severity",
        "group",
        "value",
        "message",
        "data-file",
        "row",
    ])
}

/// Headers of the data problems sheet.
pub fn problem_headers() -> Vec<String> {
    words(&[
        "kind", "code", "severity", "file", "row", "column", "field", "message", "help",
    ])
}

/// Headers of the rule diagnostics sheet.
pub fn diagnostic_headers() -> Vec<String> {
    words(&[
        "kind", "code", "severity", "message", "help", "file", "row", "column",
    ])
}

/// One cell to write.
enum Cell {
    Text(String),
    Int(u64),
    /// A number with its Excel number format.
    Number(f64, String),
}

/// A value in its natural form as a number with a format: `71.3%` → 0.713 shown `0.0%`,
/// `1,250.00万元` → 1250 shown `#,##0.00"万元"`; anything else stays text.
fn natural(text: &str) -> Cell {
    let t = text.trim();
    let decimals = |n: &str| n.split_once('.').map_or(0, |(_, f)| f.len());
    let zeros = |d: usize| {
        if d == 0 {
            String::new()
        } else {
            format!(".{}", "0".repeat(d))
        }
    };
    if let Some(n) = t.strip_suffix('%')
        && let Ok(v) = n.parse::<f64>()
    {
        return Cell::Number(v / 100.0, format!("0{}%", zeros(decimals(n))));
    }
    for unit in ["亿元", "万元", "元"] {
        if let Some(n) = t.strip_suffix(unit) {
            let plain = n.replace(',', "");
            if let Ok(v) = plain.parse::<f64>() {
                return Cell::Number(v, format!("#,##0{}\"{unit}\"", zeros(decimals(&plain))));
            }
        }
    }
    match t.parse::<f64>() {
        Ok(v)
            if !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-') =>
        {
            Cell::Number(v, format!("0{}", zeros(decimals(t))))
        }
        _ => Cell::Text(text.to_string()),
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Display width: a Chinese character is two columns wide.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// Writes a table: a bold header row (frozen) and rows, with widths fitting the text.
fn table(sheet: &mut Worksheet, headers: &[String], rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("DDEBF7");
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Text(s) => {
                    if !s.is_empty() {
                        sheet.write_string(r, col, s)?;
                    }
                    width(s.lines().next().unwrap_or(""))
                }
                Cell::Int(n) => {
                    sheet.write_number(r, col, *n as f64)?;
                    n.to_string().len()
                }
                Cell::Number(v, f) => {
                    sheet.write_number_with_format(r, col, *v, &Format::new().set_num_format(f))?;
                    format!("{v}").len() + 4
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(6, 80) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A sheet name Excel accepts (31 characters, none of `[]:*?/\`), unique in `used`.
fn sheet_name(name: &str, used: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.chars().take(31).collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!("~{n}");
        candidate = format!(
            "{}{suffix}",
            base.chars().take(31 - suffix.len()).collect::<String>()
        );
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}

fn new_book() -> Workbook {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).unwrap_or_default();
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    book
}

/// `supporter=河北省, recipient=巴州, year=2017`, or the record's key.
pub fn subject(f: &Finding) -> String {
    match (&f.group, &f.record) {
        (Some(g), _) => g
            .iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}={s}"),
                other => format!("{k}={other}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (None, Some(r)) => r.clone(),
        (None, None) => String::new(),
    }
}

fn location_cells(f: &Finding) -> [Cell; 3] {
    match &f.location {
        Some(l) => [
            text(l.file.clone()),
            Cell::Int(l.line as u64),
            Cell::Int(l.column as u64),
        ],
        None => [text(""), text(""), text("")],
    }
}

/// The check report as a workbook.
pub fn check(report: &CheckReport<'_>) -> Result<Vec<u8>, XlsxError> {
    let rules: Vec<(&RulePlan, &RuleCounts)> = report
        .plan
        .rules
        .iter()
        .zip(&report.run.counts)
        .filter(|(r, _)| r.kind != crate::ast::RuleKind::Permit && !r.hidden)
        .collect();
    let mut read = Ok(());
    let book = check_book(&rules, |emit| read = report.each_finding(emit));
    read.map_err(|e| XlsxError::IoError(std::io::Error::other(e)))?;
    book
}

/// A check without data (or with rule errors) as a workbook: the rule diagnostics.
pub fn diagnostics(diags: &[Diagnostic], sources: &SourceMap) -> Result<Vec<u8>, XlsxError> {
    check_book(&[], |emit| {
        for d in diags {
            emit(json::finding(d, sources));
        }
    })
}

/// The rows of each sheet of a check report.
#[derive(Default)]
struct Sheets {
    per_rule: Vec<Vec<Vec<Cell>>>,
    problems: Vec<Vec<Cell>>,
    diagnostics: Vec<Vec<Cell>>,
}

impl Sheets {
    fn add(&mut self, rules: &[(&RulePlan, &RuleCounts)], f: &Finding) {
        if let Some(rule) = &f.rule
            && let Some(i) = rules.iter().position(|(r, _)| &r.name == rule)
        {
            let (file, line) = f.row.as_ref().map_or((text(""), text("")), |p| {
                (text(p.file.clone()), Cell::Int(p.line))
            });
            self.per_rule[i].push(vec![
                text(f.kind),
                text(f.severity),
                text(subject(f)),
                f.value.as_deref().map_or(text(""), natural),
                text(f.message.clone()),
                file,
                line,
            ]);
            return;
        }
        let [file, line, column] = location_cells(f);
        if f.code.is_some_and(|c| c.starts_with("duikou::data::")) {
            self.problems.push(vec![
                text(f.kind),
                text(f.code.unwrap_or("")),
                text(f.severity),
                file,
                line,
                column,
                text(f.field.clone().unwrap_or_default()),
                text(f.message.clone()),
                text(f.help.clone().unwrap_or_default()),
            ]);
        } else {
            self.diagnostics.push(vec![
                text(f.kind),
                text(f.code.unwrap_or("")),
                text(f.severity),
                text(f.message.clone()),
                text(f.help.clone().unwrap_or_default()),
                file,
                line,
                column,
            ]);
        }
    }
}

fn check_book(
    rules: &[(&RulePlan, &RuleCounts)],
    each: impl FnOnce(&mut dyn FnMut(Finding)),
) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_book();
    let [summary_name, problems_name, diagnostics_name] = sheet_names();
    let mut used = vec![
        summary_name.clone(),
        problems_name.clone(),
        diagnostics_name.clone(),
    ];
    let summary: Vec<Vec<Cell>> = rules
        .iter()
        .map(|(r, n)| {
            vec![
                text(r.name.clone()),
                text(r.title.clone().unwrap_or_default()),
                text(article(r).unwrap_or_default()),
                Cell::Int(n.checked),
                Cell::Int(n.passed),
                Cell::Int(n.violations),
                Cell::Int(n.undetermined),
                Cell::Int(n.exempted),
                Cell::Int(n.not_in_force),
                Cell::Int(n.overridden),
            ]
        })
        .collect();
    table(
        book.add_worksheet().set_name(summary_name)?,
        &summary_headers(),
        &summary,
    )?;
    let mut sheets = Sheets {
        per_rule: rules.iter().map(|_| Vec::new()).collect(),
        ..Sheets::default()
    };
    each(&mut |f| sheets.add(rules, &f));
    let headers = rule_headers();
    for ((r, _), rows) in rules.iter().zip(&sheets.per_rule) {
        let name = sheet_name(&r.name, &mut used);
        table(book.add_worksheet().set_name(name)?, &headers, rows)?;
    }
    table(
        book.add_worksheet().set_name(problems_name)?,
        &problem_headers(),
        &sheets.problems,
    )?;
    table(
        book.add_worksheet().set_name(diagnostics_name)?,
        &diagnostic_headers(),
        &sheets.diagnostics,
    )?;
    book.save_to_buffer()
}

/// `排名`, or `排名（按 year）` when ranks are taken per value of some keys.
fn rank_heading(e: &EvaluationPlan) -> String {
    if e.rank_within.is_empty() {
        crate::tr!("xlsx-rank")
    } else {
        let keys: Vec<&str> = e.rank_within.iter().map(|(_, k)| k.as_str()).collect();
        crate::tr!(
            "xlsx-rank-within",
            keys = keys.join(&crate::tr!("xlsx-key-separator"))
        )
    }
}

/// An attainment with the decimals the reports show (never 100 for a missed target).
fn attainment(a: rust_decimal::Decimal) -> Cell {
    let shown = crate::score::attainment_text(a);
    let decimals = shown.split_once('.').map_or(0, |(_, f)| f.len());
    let format = format!("0.{}", "0".repeat(decimals.max(2)));
    Cell::Number(shown.parse().unwrap_or(0.0), format)
}

/// The score table as a workbook: group keys, each indicator's value and attainment, score,
/// grade and rank.
pub fn score(e: &EvaluationPlan, rows: &[ScoreRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_book();
    let mut headers: Vec<String> = rows
        .first()
        .map(|r| r.group.iter().map(|k| k.name.clone()).collect())
        .unwrap_or_default();
    for i in &e.indicators {
        headers.push(crate::tr!("xlsx-indicator-value", name = i.name));
        headers.push(crate::tr!("xlsx-indicator-attainment", name = i.name));
    }
    headers.extend([
        crate::tr!("xlsx-score"),
        crate::tr!("xlsx-grade"),
        rank_heading(e),
    ]);
    let two = |d: rust_decimal::Decimal| {
        // Halves up, as every other report rounds the score.
        Cell::Number(
            crate::score::round2(d).to_f64().unwrap_or(0.0),
            "0.00".into(),
        )
    };
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let mut line: Vec<Cell> = r.group.iter().map(|k| natural(&k.text)).collect();
            for s in &r.indicators {
                line.push(natural(&s.value_text));
                line.push(s.attainment.map_or(text(""), attainment));
            }
            line.push(r.score.map_or(text(""), two));
            line.push(text(r.grade.clone().unwrap_or_default()));
            line.push(r.rank.map_or(text(""), |k| Cell::Int(k as u64)));
            line
        })
        .collect();
    let mut used = Vec::new();
    let name = sheet_name(&e.name, &mut used);
    table(book.add_worksheet().set_name(name)?, &headers, &cells)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_sheet_name_and_header_is_in_the_catalogue_in_both_languages() {
        for lang in crate::Lang::ALL {
            crate::i18n::with_lang(lang, || {
                let all = [
                    sheet_names().to_vec(),
                    summary_headers(),
                    rule_headers(),
                    problem_headers(),
                    diagnostic_headers(),
                ];
                for name in all.iter().flatten() {
                    assert!(!name.starts_with("xlsx-"), "{name} is not in the catalogue");
                }
            });
        }
        let zh = crate::i18n::with_lang(crate::Lang::Zh, sheet_names);
        assert_eq!(zh[0], "汇总");
        let en = crate::i18n::with_lang(crate::Lang::En, sheet_names);
        assert_eq!(en[0], "Summary");
    }

    use super::*;

    #[test]
    fn natural_values_become_formatted_numbers() {
        let Cell::Number(v, f) = natural("71.3%") else {
            panic!("a number")
        };
        assert!((v - 0.713).abs() < 1e-12);
        assert_eq!(f, "0.0%");
        let Cell::Number(v, f) = natural("1,250.00万元") else {
            panic!("a number")
        };
        assert_eq!(v, 1250.0);
        assert_eq!(f, "#,##0.00\"万元\"");
        assert!(matches!(natural("河北省"), Cell::Text(_)));
        let Cell::Number(v, f) = natural("79.99%") else {
            panic!("a number")
        };
        assert!((v - 0.7999).abs() < 1e-12);
        assert_eq!(f, "0.00%", "as many decimals as shown");
        let Cell::Number(v, f) = attainment(rust_decimal::Decimal::new(99995, 3)) else {
            panic!("a number")
        };
        assert!((v - 99.995).abs() < 1e-12);
        assert_eq!(f, "0.000", "a missed target never displays as 100.00");
        let mut used = Vec::new();
        assert_eq!(sheet_name("a/b", &mut used), "a_b");
        assert_eq!(sheet_name("A_B", &mut used), "A_B~2");
    }
}
