//! The main loop: messages in, debounced checking, answers and diagnostics out. A panic in a
//! request is caught, logged and answered with an error; the server goes on.

use super::publish::send;
use super::workspace::Workspace;
use super::{capabilities, handlers, publish, uri};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Response};
use lsp_types::notification::Notification as _;
use lsp_types::{self as lsp, notification as note};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long after the last keystroke the rule set is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// Runs the server on a connection until the client says `exit`.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities::server()).map_err(|e| e.to_string())?;
    let params = connection
        .initialize(caps)
        .map_err(|e| format!("cannot initialize: {e}"))?;
    let params: lsp::InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("bad initialize params: {e}"))?;
    if let Some(locale) = &params.locale {
        // The client's language wins over `DUIKOU_LANG` and the locale of the process.
        crate::i18n::set_default(crate::i18n::Lang::of_locale(locale));
    }
    let mut state = State {
        ws: Workspace::new(folders(&params)),
        due: None,
        published: Vec::new(),
    };
    state.ws.analyze();
    publish::all(connection, &state.ws, &mut state.published);
    main_loop(connection, &mut state)
}

struct State {
    ws: Workspace,
    /// When the next check is due, after edits.
    due: Option<Instant>,
    /// The files diagnostics were last published for, so emptied ones are cleared.
    published: Vec<PathBuf>,
}

#[allow(deprecated)] // `root_uri` is what older clients send
fn folders(params: &lsp::InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(fs) if !fs.is_empty() => fs.iter().map(|f| uri::to_path(&f.uri)).collect(),
        _ => params.root_uri.iter().map(uri::to_path).collect(),
    }
}

fn main_loop(connection: &Connection, state: &mut State) -> Result<(), String> {
    loop {
        let msg = match state.due {
            Some(due) => {
                match connection
                    .receiver
                    .recv_timeout(due.saturating_duration_since(Instant::now()))
                {
                    Ok(msg) => msg,
                    Err(RecvTimeoutError::Timeout) => {
                        refresh(connection, state);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                }
            }
            None => match connection.receiver.recv() {
                Ok(msg) => msg,
                Err(_) => return Ok(()),
            },
        };
        match msg {
            Message::Request(req) => {
                if connection
                    .handle_shutdown(&req)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                // Answers read the latest text: a pending check is done first.
                if state.due.is_some() {
                    refresh(connection, state);
                }
                let resp = guarded(req.id.clone(), &req.method, || {
                    handlers::request(&state.ws, &req)
                });
                send(connection, Message::Response(resp));
            }
            Message::Notification(n) => notification(connection, state, n),
            Message::Response(_) => {}
        }
    }
}

fn refresh(connection: &Connection, state: &mut State) {
    state.due = None;
    let ws = &mut state.ws;
    if catch_unwind(AssertUnwindSafe(|| ws.analyze())).is_err() {
        log(connection, "internal error while checking the rule set");
        return;
    }
    publish::all(connection, &state.ws, &mut state.published);
}

fn notification(connection: &Connection, state: &mut State, n: Notification) {
    let outcome = catch_unwind(AssertUnwindSafe(|| apply(&mut state.ws, &n)));
    match outcome {
        Ok(Ok(true)) => state.due = Some(Instant::now() + DEBOUNCE),
        Ok(Ok(false)) => {}
        Ok(Err(e)) => log(connection, &format!("`{}`: {e}", n.method)),
        Err(_) => log(connection, &format!("internal error in `{}`", n.method)),
    }
}

/// Applies a notification; `true` when the texts changed and a check is due.
pub(super) fn apply(ws: &mut Workspace, n: &Notification) -> Result<bool, String> {
    match n.method.as_str() {
        note::DidOpenTextDocument::METHOD => {
            let p: lsp::DidOpenTextDocumentParams =
                serde_json::from_value(n.params.clone()).map_err(|e| e.to_string())?;
            ws.open(uri::to_path(&p.text_document.uri), p.text_document.text);
            Ok(true)
        }
        note::DidChangeTextDocument::METHOD => {
            let p: lsp::DidChangeTextDocumentParams =
                serde_json::from_value(n.params.clone()).map_err(|e| e.to_string())?;
            let path = uri::to_path(&p.text_document.uri);
            let mut text = ws.text(&path).cloned().unwrap_or_default();
            for change in p.content_changes {
                text = super::edit::apply(&text, change.range, &change.text);
            }
            ws.set_text(&path, text);
            Ok(true)
        }
        note::DidCloseTextDocument::METHOD => {
            let p: lsp::DidCloseTextDocumentParams =
                serde_json::from_value(n.params.clone()).map_err(|e| e.to_string())?;
            ws.close(&uri::to_path(&p.text_document.uri));
            Ok(true)
        }
        note::DidChangeWatchedFiles::METHOD | note::DidSaveTextDocument::METHOD => {
            ws.reload_disk();
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Runs a request's handler; a panic becomes an `InternalError` answer.
pub fn guarded(
    id: lsp_server::RequestId,
    method: &str,
    handler: impl FnOnce() -> Result<serde_json::Value, handlers::Failure>,
) -> Response {
    match catch_unwind(AssertUnwindSafe(handler)) {
        Ok(Ok(value)) => Response::new_ok(id, value),
        Ok(Err(handlers::Failure::Invalid(message))) => {
            Response::new_err(id, ErrorCode::InvalidParams as i32, message)
        }
        Ok(Err(handlers::Failure::Refused(message))) => {
            Response::new_err(id, ErrorCode::RequestFailed as i32, message)
        }
        Ok(Err(handlers::Failure::Unknown)) => Response::new_err(
            id,
            ErrorCode::MethodNotFound as i32,
            format!("unknown request `{method}`"),
        ),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("duikou lsp: internal error in `{method}`: {what}");
            Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("internal error in `{method}`: {what}"),
            )
        }
    }
}

fn log(connection: &Connection, message: &str) {
    eprintln!("duikou lsp: {message}");
    let params = lsp::LogMessageParams {
        typ: lsp::MessageType::ERROR,
        message: message.to_string(),
    };
    send(
        connection,
        Message::Notification(Notification::new(
            note::LogMessage::METHOD.to_string(),
            params,
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_is_answered_with_an_error() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let resp = guarded(lsp_server::RequestId::from(7), "textDocument/hover", || {
            panic!("boom")
        });
        std::panic::set_hook(prev);
        let err = resp.response_result.expect_err("an error answer");
        assert_eq!(err.code, ErrorCode::InternalError as i32);
        assert_eq!(err.message, "internal error in `textDocument/hover`: boom");
    }
}
