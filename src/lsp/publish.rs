//! Diagnostics to the client: every finding of `duikou check`, per file, with its code, span,
//! help and related places.

use super::analysis::Analysis;
use super::uri;
use super::workspace::Workspace;
use crate::diagnostic::{Diagnostic, Severity};
use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::Notification as _;
use lsp_types::{self as lsp, notification::PublishDiagnostics};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Publishes every file's diagnostics; files that had some and now have none are cleared.
pub fn all(connection: &Connection, ws: &Workspace, published: &mut Vec<PathBuf>) {
    let mut by_file: BTreeMap<PathBuf, Vec<lsp::Diagnostic>> = BTreeMap::new();
    for analysis in &ws.analyses {
        for (path, _) in &analysis.files {
            by_file.entry(path.clone()).or_default();
        }
        for d in &analysis.findings {
            if let Some((path, diag)) = convert(analysis, d) {
                by_file.entry(path).or_default().push(diag);
            }
        }
    }
    for old in published.drain(..) {
        by_file.entry(old).or_default();
    }
    for (path, diagnostics) in by_file {
        if !diagnostics.is_empty() {
            published.push(path.clone());
        }
        let params = lsp::PublishDiagnosticsParams {
            uri: uri::from_path(&path),
            diagnostics,
            version: None,
        };
        send(
            connection,
            Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                params,
            )),
        );
    }
}

/// One diagnostic in protocol form, with the file it belongs to. A diagnostic without a span
/// (an unreadable file) is shown at the start of its file.
pub fn convert(analysis: &Analysis, d: &Diagnostic) -> Option<(PathBuf, lsp::Diagnostic)> {
    let (path, range) = match d.span {
        Some(span) => {
            let (path, idx) = analysis.file(span.file)?;
            (path.clone(), idx.range(span.start, span.end))
        }
        None => (PathBuf::from(d.path.as_ref()?), lsp::Range::default()),
    };
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let (p, idx) = analysis.file(r.span.file)?;
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(
                    uri::from_path(p),
                    idx.range(r.span.start, r.span.end),
                ),
                message: r.message.clone(),
            })
        })
        .collect();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let diag = lsp::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        source: Some("duikou".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    };
    Some((path, diag))
}

/// Sends a message; a closed connection ends the loop at the next receive.
pub fn send(connection: &Connection, msg: Message) {
    let _ = connection.sender.send(msg);
}
