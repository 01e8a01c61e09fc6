//! Requests to the feature that answers them.

use super::analysis::At;
use super::workspace::Workspace;
use super::{actions, completion, format, hover, navigate, outline, semantic, uri};
use lsp_server::Request;
use lsp_types::request::{self as req, Request as _};
use lsp_types::{TextDocumentIdentifier, TextDocumentPositionParams};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why a request got no answer.
#[derive(Debug)]
pub enum Failure {
    /// The parameters could not be read.
    Invalid(String),
    /// The request was understood and refused (a rename that would clash).
    Refused(String),
    /// A method the server does not have.
    Unknown,
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, Failure> {
    serde_json::from_value(req.params.clone()).map_err(|e| Failure::Invalid(e.to_string()))
}

fn at<'a>(ws: &'a Workspace, doc: &TextDocumentIdentifier) -> Option<At<'a>> {
    let path = uri::to_path(&doc.uri);
    let analysis = ws.analysis_of(&path)?;
    let file = analysis.file_id(&path)?;
    let (_, index) = analysis.file(file)?;
    Some(At {
        analysis,
        file,
        index,
    })
}

fn json<T: serde::Serialize>(v: T) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| Failure::Invalid(e.to_string()))
}

fn positional<'a>(ws: &'a Workspace, p: &TextDocumentPositionParams) -> Option<(At<'a>, usize)> {
    let at = at(ws, &p.text_document)?;
    let offset = at.offset(p.position);
    Some((at, offset))
}

/// Answers one request.
pub fn request(ws: &Workspace, r: &Request) -> Result<Value, Failure> {
    match r.method.as_str() {
        req::HoverRequest::METHOD => {
            let p: lsp_types::HoverParams = params(r)?;
            let found = positional(ws, &p.text_document_position_params);
            json(found.and_then(|(at, o)| hover::hover(&at, o)))
        }
        req::GotoDefinition::METHOD => {
            let p: lsp_types::GotoDefinitionParams = params(r)?;
            let found = positional(ws, &p.text_document_position_params);
            json(found.and_then(|(at, o)| navigate::definition(&at, o)))
        }
        req::References::METHOD => {
            let p: lsp_types::ReferenceParams = params(r)?;
            let found = positional(ws, &p.text_document_position);
            let include = p.context.include_declaration;
            json(found.map(|(at, o)| navigate::references(&at, o, include)))
        }
        req::PrepareRenameRequest::METHOD => {
            let p: TextDocumentPositionParams = params(r)?;
            json(positional(ws, &p).and_then(|(at, o)| navigate::prepare_rename(&at, o)))
        }
        req::Rename::METHOD => {
            let p: lsp_types::RenameParams = params(r)?;
            match positional(ws, &p.text_document_position) {
                Some((at, o)) => {
                    json(navigate::rename(&at, o, &p.new_name).map_err(Failure::Refused)?)
                }
                None => json(Value::Null),
            }
        }
        req::Completion::METHOD => {
            let p: lsp_types::CompletionParams = params(r)?;
            let found = positional(ws, &p.text_document_position);
            json(found.map(|(at, o)| completion::complete(&at, o)))
        }
        req::DocumentSymbolRequest::METHOD => {
            let p: lsp_types::DocumentSymbolParams = params(r)?;
            json(at(ws, &p.text_document).map(|at| outline::document(&at)))
        }
        req::WorkspaceSymbolRequest::METHOD => {
            let p: lsp_types::WorkspaceSymbolParams = params(r)?;
            json(outline::workspace(ws, &p.query))
        }
        req::Formatting::METHOD => {
            let p: lsp_types::DocumentFormattingParams = params(r)?;
            json(at(ws, &p.text_document).map(|at| format::edits(at.index.text())))
        }
        req::SemanticTokensFullRequest::METHOD => {
            let p: lsp_types::SemanticTokensParams = params(r)?;
            json(at(ws, &p.text_document).map(|at| semantic::tokens(&at)))
        }
        req::CodeActionRequest::METHOD => {
            let p: lsp_types::CodeActionParams = params(r)?;
            let found = at(ws, &p.text_document);
            json(found.map(|at| actions::actions(&at, &p.text_document.uri, p.range)))
        }
        _ => Err(Failure::Unknown),
    }
}
