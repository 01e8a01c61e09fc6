//! Go to definition, find references and rename, across the files of a rule set.

use super::analysis::At;
use super::index::{Occurrence, Target};
use super::{keywords, uri};
use crate::source::Span;
use crate::symbols::DeclKind;
use lsp_types::{GotoDefinitionResponse, Location, PrepareRenameResponse, TextEdit};
use std::collections::BTreeMap;

fn location(at: &At<'_>, span: Span) -> Option<Location> {
    let (path, idx) = at.analysis.file(span.file)?;
    Some(Location::new(
        uri::from_path(path),
        idx.range(span.start, span.end),
    ))
}

/// Where the name under the cursor is declared.
pub fn definition(at: &At<'_>, offset: usize) -> Option<GotoDefinitionResponse> {
    let occ = at.analysis.index.at(at.file, offset)?;
    let decl = at.analysis.index.declaration(&occ.target)?;
    location(at, decl.span).map(GotoDefinitionResponse::Scalar)
}

/// Every place the name under the cursor is written.
pub fn references(at: &At<'_>, offset: usize, include_declaration: bool) -> Vec<Location> {
    let Some(occ) = at.analysis.index.at(at.file, offset) else {
        return Vec::new();
    };
    at.analysis
        .index
        .of(&occ.target)
        .filter(|o| include_declaration || !o.declaration)
        .filter_map(|o| location(at, o.span))
        .collect()
}

/// The name under the cursor, when it can be renamed.
pub fn prepare_rename(at: &At<'_>, offset: usize) -> Option<PrepareRenameResponse> {
    let occ = at.analysis.index.at(at.file, offset)?;
    at.analysis.index.declaration(&occ.target)?;
    let range = at.index.range(occ.span.start, occ.span.end);
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range,
        placeholder: occ.target.name().to_string(),
    })
}

/// Renames the name under the cursor everywhere, as a `WorkspaceEdit` whose files are in path
/// order (the protocol type's map has no fixed order; answers are deterministic). Refuses a name that is already declared (one
/// namespace for all declarations; a record's own fields for a field), a keyword, or an empty
/// name. A name that is not an identifier is written in backticks.
pub fn rename(at: &At<'_>, offset: usize, new: &str) -> Result<Option<serde_json::Value>, String> {
    let Some(occ) = at.analysis.index.at(at.file, offset) else {
        return Ok(None);
    };
    let new = new.trim().trim_matches('`');
    check_new_name(at, &occ.target, new)?;
    let written = if is_identifier(new) {
        new.to_string()
    } else {
        format!("`{new}`")
    };
    let mut changes: BTreeMap<String, Vec<TextEdit>> = BTreeMap::new();
    let occurrences: Vec<&Occurrence> = at.analysis.index.of(&occ.target).collect();
    for o in occurrences {
        if let Some(loc) = location(at, o.span) {
            changes
                .entry(loc.uri.as_str().to_string())
                .or_default()
                .push(TextEdit::new(loc.range, written.clone()));
        }
    }
    for edits in changes.values_mut() {
        edits.sort_by_key(|e| (e.range.start.line, e.range.start.character));
    }
    Ok(Some(serde_json::json!({ "changes": changes })))
}

fn check_new_name(at: &At<'_>, target: &Target, new: &str) -> Result<(), String> {
    if new.is_empty() || new.contains(['`', '\n']) {
        return Err(format!("`{new}` cannot be a name"));
    }
    if new == "national" || new == "全国" {
        return Err("`national` is the built-in actor".to_string());
    }
    let symbols = at.analysis.rules.symbols();
    match target {
        Target::Decl(_, old) if old == new => Ok(()),
        Target::Decl(..) => match symbols.kind_of(new) {
            Some(kind) => Err(clash(kind, new)),
            None => Ok(()),
        },
        Target::Field { record, field } => {
            let taken = field != new
                && symbols
                    .records
                    .get(record)
                    .is_some_and(|r| r.fields.iter().any(|f| f.name.text == new));
            if taken {
                Err(format!("record `{record}` already has a field `{new}`"))
            } else {
                Ok(())
            }
        }
    }
}

fn clash(kind: DeclKind, new: &str) -> String {
    format!(
        "cannot rename: {} `{new}` is already declared, and all declarations share one namespace",
        kind.as_str()
    )
}

/// Whether a name can be written without backticks: an identifier that is not a keyword.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let starts = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    starts && chars.all(|c| c == '_' || c.is_alphanumeric()) && !keywords::is_keyword(name)
}
