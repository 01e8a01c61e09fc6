//! Golden data cases: every directory `tests/data_cases/NAME/` holds a small rule set `rules.dk`,
//! a `data/` folder, an optional `args` file (extra arguments, one per line) and the expected
//! outcome of `duikou check rules.dk --data data … --format json`, run in the case directory:
//! `expected.json` is the report without its `receipt` (engine version and hashes change), and
//! `expected.exit` the exit code. When `args` names its own `--data`, `--data data` is not added.
//! `DUIKOU_BLESS=1 cargo test --test data_golden` rewrites the expectations from the binary,
//! except in cases holding a `hand-kept` file: their expectation was worked out by hand and
//! disagrees with the tool on purpose (the file says why); delete it to let blessing rewrite them.

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data_cases");

fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(ROOT)
        .expect("tests/data_cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// The command line for a case: `check rules.dk [--data data] ARGS… --format json`.
fn arguments(case: &Path) -> Result<Vec<String>, Failed> {
    let extra: Vec<String> = match std::fs::read_to_string(case.join("args")) {
        Ok(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(format!("cannot read `args`: {e}").into()),
    };
    let own_data = extra
        .iter()
        .any(|a| a == "--data" || a.starts_with("--data="));
    let mut args = vec!["check".to_string(), "rules.dk".to_string()];
    if !own_data {
        args.extend(["--data".to_string(), "data".to_string()]);
    }
    args.extend(extra);
    args.extend(["--format".to_string(), "json".to_string()]);
    Ok(args)
}

/// The report without `receipt`: as a value (for comparing) and as text in the tool's own key
/// order (for writing `expected.json`).
fn without_receipt(stdout: &str) -> Result<(Value, String), String> {
    let mut value: Value =
        serde_json::from_str(stdout).map_err(|e| format!("stdout is not JSON: {e}"))?;
    let object = value.as_object_mut().ok_or("stdout is not a JSON object")?;
    object.remove("receipt");
    // serde_json sorts keys when it re-serialises; cut the receipt out of the text instead, and
    // fall back to the sorted form if that text does not parse to the same value.
    let text = strip_receipt_text(stdout)
        .filter(|t| serde_json::from_str::<Value>(t).is_ok_and(|v| v == value))
        .unwrap_or_else(|| {
            let mut s = serde_json::to_string_pretty(&value).expect("a value serialises");
            s.push('\n');
            s
        });
    Ok((value, text))
}

/// Removes the top-level `"receipt": { … }` member from pretty-printed JSON (2-space indent).
fn strip_receipt_text(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("  \"receipt\": "))?;
    let end = if lines[start].ends_with('{') {
        start
            + lines[start..]
                .iter()
                .position(|l| *l == "  }" || *l == "  },")?
    } else {
        start
    };
    let mut kept: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    let rest = &lines[end + 1..];
    if rest.first() == Some(&"}")
        && let Some(last) = kept.last_mut()
        && last.ends_with(',')
    {
        last.pop();
    }
    kept.extend(rest.iter().map(|l| l.to_string()));
    let mut out = kept.join("\n");
    out.push('\n');
    Some(out)
}

/// A line diff (`-` expected, `+` actual) with a little context, for small files.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut out = String::new();
    let mut last_shown: Option<usize> = None;
    for (k, (tag, line)) in ops.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(k) <= CONTEXT);
        if !near {
            continue;
        }
        if last_shown.is_some_and(|l| l + 1 != k) {
            out.push_str("  …\n");
        }
        out.push_str(&format!("{tag} {line}\n"));
        last_shown = Some(k);
    }
    out
}

fn run_case(case: &Path) -> Result<(), Failed> {
    let args = arguments(case)?;
    let output = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .args(&args)
        .current_dir(case)
        .output()
        .map_err(|e| format!("cannot run duikou: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let Some(code) = output.status.code() else {
        return Err(format!("duikou was killed ({})\nstderr:\n{stderr}", output.status).into());
    };
    let (actual, actual_text) = without_receipt(&stdout)
        .map_err(|e| format!("{e}\nargs: {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"))?;
    let json_file = case.join("expected.json");
    let exit_file = case.join("expected.exit");
    // A case whose expectation was kept by hand against the tool (see its `hand-kept` file) is
    // compared even when blessing, so that blessing cannot silently accept the disputed output.
    if std::env::var_os("DUIKOU_BLESS").is_some() && !case.join("hand-kept").exists() {
        std::fs::write(&json_file, &actual_text).map_err(|e| e.to_string())?;
        std::fs::write(&exit_file, format!("{code}\n")).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let mut problems = Vec::new();
    match std::fs::read_to_string(&json_file) {
        Err(e) => problems.push(format!(
            "cannot read {}: {e} (DUIKOU_BLESS=1 writes it)\nactual:\n{actual_text}",
            json_file.display()
        )),
        Ok(expected_text) => match serde_json::from_str::<Value>(&expected_text) {
            Err(e) => problems.push(format!("expected.json is not JSON: {e}")),
            Ok(expected) if expected == actual => {}
            Ok(_) => problems.push(format!(
                "report differs (- expected, + actual)\n{}",
                diff(&expected_text, &actual_text)
            )),
        },
    }
    match std::fs::read_to_string(&exit_file) {
        Err(e) => problems.push(format!("cannot read {}: {e}", exit_file.display())),
        Ok(text) => match text.trim().parse::<i32>() {
            Ok(expected) if expected == code => {}
            Ok(expected) => problems.push(format!("exit code {code}, expected {expected}")),
            Err(_) => problems.push(format!("expected.exit is not a number: {text:?}")),
        },
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("args: {}\n{}", args.join(" "), problems.join("\n")).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let trials = cases()
        .into_iter()
        .map(|case| {
            let name = case
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            Trial::test(name, move || run_case(&case))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
