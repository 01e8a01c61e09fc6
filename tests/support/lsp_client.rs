//! A minimal LSP client for tests: starts `duikou lsp` as a subprocess and speaks JSON-RPC
//! over its standard input and output.

#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any answer may take before the test fails (generous: a loaded CI machine).
pub const PATIENCE: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub notifications: Vec<Value>,
}

impl Client {
    /// Starts the server and initializes it with `root` as the workspace folder.
    pub fn start(root: &Path) -> Client {
        Client::start_in(root, None)
    }

    /// Starts the server as [`Client::start`] does, the client saying its `locale` if given.
    pub fn start_in(root: &Path, locale: Option<&str>) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_duikou"))
            .env("DUIKOU_LANG", "en")
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start duikou lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let msg: Value = serde_json::from_slice(&body).expect("JSON from the server");
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming: rx,
            next_id: 1,
            notifications: Vec::new(),
        };
        let root_uri = file_uri(root);
        let mut params = json!({ "processId": null, "rootUri": root_uri, "capabilities": {},
                "workspaceFolders": [{ "uri": root_uri, "name": "rules" }] });
        if let Some(locale) = locale {
            params["locale"] = json!(locale);
        }
        let init = client.request("initialize", params);
        assert!(
            init["capabilities"]["hoverProvider"]
                .as_bool()
                .unwrap_or(false)
        );
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(v) => Some(v),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + PATIENCE;
        loop {
            let msg = self
                .recv(deadline)
                .unwrap_or_else(|| panic!("no answer to `{method}`"));
            if msg.get("id") == Some(&json!(id)) {
                return msg;
            }
            self.notifications.push(msg);
        }
    }

    /// Sends a request and returns its result, failing on an error.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let msg = self.request_raw(method, params);
        assert!(msg.get("error").is_none(), "`{method}` failed: {msg}");
        msg["result"].clone()
    }

    /// Waits for diagnostics of `uri` that satisfy `wanted`, returning them.
    pub fn diagnostics(&mut self, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        let matches = |msg: &Value| {
            msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri
        };
        let mut last = None;
        loop {
            // Earlier notifications first, the newest last.
            let pending: Vec<Value> = std::mem::take(&mut self.notifications);
            for msg in pending {
                if matches(&msg) {
                    last = Some(msg["params"]["diagnostics"].as_array().unwrap().clone());
                }
            }
            if let Some(d) = last.take().filter(|d| wanted(d)) {
                return d;
            }
            match self.recv(deadline) {
                Some(msg) => self.notifications.push(msg),
                None => panic!("no diagnostics as wanted for `{uri}`"),
            }
        }
    }

    /// Sends `shutdown` and `exit` and waits for the process to end.
    pub fn stop(mut self) -> std::process::ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the server process is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `file://` URI of a path, percent-encoded as the server writes it.
pub fn file_uri(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The protocol position (line, UTF-16 column) of the `nth` occurrence of `needle`, plus `skip`
/// characters; computed independently of the server.
pub fn pos(text: &str, needle: &str, nth: usize, skip: usize) -> Value {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} in the text"));
    let at = at
        + needle[..]
            .chars()
            .take(skip)
            .map(char::len_utf8)
            .sum::<usize>();
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}
