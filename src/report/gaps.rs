//! Gap reports beyond the shared diagnostic forms: the responsibility matrix (terminal, JSON,
//! Markdown) and the gap findings as a Markdown table.

use super::{pad, width};
use crate::diagnostic::Diagnostic;
use crate::gaps::matrix::{Cell, holders_text};
use crate::source::SourceMap;
use std::fmt::Write;

/// The matrix for a terminal: one block per scope, a line per function and side.
pub fn matrix_text(cells: &[Cell]) -> String {
    let fw = cells.iter().map(|c| width(&c.function)).max().unwrap_or(0);
    let sw = cells.iter().map(|c| c.side.len()).max().unwrap_or(0);
    let hw = cells
        .iter()
        .map(|c| width(&holders_text(c)))
        .max()
        .unwrap_or(0)
        .min(60);
    let mut out = String::new();
    let mut current = "";
    for c in cells {
        if c.scope != current {
            current = &c.scope;
            let _ = writeln!(out, "{} ({})", c.scope, c.years);
        }
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            pad(&c.function, fw),
            pad(c.side, sw),
            pad(&holders_text(c), hw),
            c.basis.as_str()
        );
    }
    let legal = cells.iter().filter(|c| c.basis.as_str() == "legal").count();
    let political = cells
        .iter()
        .filter(|c| c.basis.as_str() == "political")
        .count();
    let none = cells.len() - legal - political;
    let _ = writeln!(
        out,
        "\n{} cells: {legal} legal, {political} political only, {none} unheld  (* lead)",
        cells.len()
    );
    out
}

/// The matrix as JSON: `{ "version": 1, "matrix": [cells] }`.
pub fn matrix_json(cells: &[Cell]) -> String {
    let v = serde_json::json!({ "version": 1, "matrix": cells });
    let mut s = serde_json::to_string_pretty(&v).expect("cells serialise");
    s.push('\n');
    s
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The matrix as Markdown tables, one per kind of scope: scopes down, functions across.
pub fn matrix_markdown(cells: &[Cell]) -> String {
    let mut out = String::new();
    for kind in [
        crate::ast::FunctionScope::Program,
        crate::ast::FunctionScope::Pair,
    ] {
        let of_kind: Vec<&Cell> = cells.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let mut columns: Vec<(String, &str)> = Vec::new();
        let mut scopes: Vec<&str> = Vec::new();
        for c in &of_kind {
            if !columns
                .iter()
                .any(|(f, s)| *f == c.function && *s == c.side)
            {
                columns.push((c.function.clone(), c.side));
            }
            if !scopes.contains(&c.scope.as_str()) {
                scopes.push(&c.scope);
            }
        }
        let _ = writeln!(
            out,
            "### {} functions\n",
            if kind == crate::ast::FunctionScope::Program {
                "Program"
            } else {
                "Pair"
            }
        );
        let head: Vec<String> = columns
            .iter()
            .map(|(f, s)| {
                if *s == "central" {
                    f.clone()
                } else {
                    format!("{f} ({s})")
                }
            })
            .collect();
        let _ = writeln!(out, "| scope | {} |", head.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(columns.len()));
        for scope in scopes {
            let row: Vec<String> = columns
                .iter()
                .map(|(f, s)| {
                    of_kind
                        .iter()
                        .find(|c| c.scope == scope && c.function == *f && c.side == *s)
                        .map_or(String::new(), |c| {
                            format!("{} · {}", md(&holders_text(c)), c.basis.as_str())
                        })
                })
                .collect();
            let _ = writeln!(out, "| {} | {} |", md(scope), row.join(" | "));
        }
        out.push('\n');
    }
    out.push_str("`*` lead · basis: legal (law, regulation or rule), political (policy documents, agreements, minutes), none (unheld)\n");
    out
}

/// Gap findings as a Markdown table.
pub fn findings_markdown(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let mut out =
        String::from("| code | severity | years | finding | where |\n|---|---|---|---|---|\n");
    for d in diags {
        let place = d.span.map_or(String::new(), |s| {
            let l = super::json::location(sources, s);
            format!("{}:{}", l.file, l.line)
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            d.code.as_str(),
            d.severity.as_str(),
            d.years.as_ref().map_or(String::new(), |y| y.to_string()),
            md(&d.message),
            place
        );
    }
    out
}
