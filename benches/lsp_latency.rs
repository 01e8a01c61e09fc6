//! How long after a keystroke `duikou lsp` publishes diagnostics for the shipped rules: the
//! debounce plus checking the whole rule set (static checks, gaps and conflicts).
//!
//! `cargo bench --bench lsp_latency` prints the median, 90th percentile and worst latency
//! from a `didChange` to the `publishDiagnostics` of the changed file.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

const CHANGES: usize = 60;

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn wait_for_diagnostics(client: &Connection, uri: &str) {
    loop {
        match client.receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(Message::Notification(n))
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri =>
            {
                return;
            }
            Ok(_) => {}
            Err(e) => panic!("no diagnostics: {e}"),
        }
    }
}

fn main() {
    let rules = std::fs::canonicalize(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap();
    let file = rules.join("xinjiang.dk");
    let text = std::fs::read_to_string(&file).unwrap();
    let file_uri = uri(&file);
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || duikou::lsp::serve(&server));
    let init = json!({ "processId": null, "rootUri": uri(&rules), "capabilities": {} });
    let send = |m: Message| client.sender.send(m).unwrap();
    send(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".into(),
        init,
    )));
    send(Message::Notification(Notification::new(
        "initialized".into(),
        json!({}),
    )));
    wait_for_diagnostics(&client, &file_uri);
    send(Message::Notification(Notification::new(
        "textDocument/didOpen".into(),
        json!({ "textDocument": { "uri": file_uri, "languageId": "duikou", "version": 0, "text": text } }),
    )));
    wait_for_diagnostics(&client, &file_uri);
    let mut times = Vec::with_capacity(CHANGES);
    for i in 0..CHANGES {
        // Typing a space at the end of the file, then removing it.
        let end_line = text.matches('\n').count();
        let change = if i % 2 == 0 {
            json!({ "range": { "start": { "line": end_line, "character": 0 }, "end": { "line": end_line, "character": 0 } }, "text": " " })
        } else {
            json!({ "range": { "start": { "line": end_line, "character": 0 }, "end": { "line": end_line, "character": 1 } }, "text": "" })
        };
        let start = Instant::now();
        send(Message::Notification(Notification::new(
            "textDocument/didChange".into(),
            json!({ "textDocument": { "uri": file_uri, "version": i + 1 }, "contentChanges": [change] }),
        )));
        wait_for_diagnostics(&client, &file_uri);
        times.push(start.elapsed());
    }
    send(Message::Request(Request::new(
        RequestId::from(2),
        "shutdown".into(),
        json!(null),
    )));
    send(Message::Notification(Notification::new(
        "exit".into(),
        json!(null),
    )));
    thread.join().unwrap().unwrap();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "publish latency over {CHANGES} changes to the shipped rules (debounce {} ms): median {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        duikou::lsp::DEBOUNCE.as_millis(),
        ms(times[CHANGES / 2]),
        ms(times[CHANGES * 9 / 10]),
        ms(times[CHANGES - 1])
    );
}
