//! Golden data cases: every directory `tests/data_cases/NAME/` holds a small rule set `rules.dk`,
//! a `data/` folder, an optional `args` file (extra arguments, one per line) and the expected
//! outcome of `duikou check rules.dk --data data … --format json`, run in the case directory:
//! `expected.json` is the report without its `receipt` (engine version and hashes change), and
//! `expected.exit` the exit code. When `args` names its own `--data`, `--data data` is not added.
//! `DUIKOU_BLESS=1 cargo test --test data_golden` rewrites the expectations from the binary,
//! except in cases holding a `hand-kept` file: their expectation was worked out by hand and
//! disagrees with the tool on purpose (the file says why); delete it to let blessing rewrite them.

mod common;

use libtest_mimic::{Arguments, Failed};
use serde_json::Value;
use std::path::{Path, PathBuf};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data_cases");

fn cases() -> Vec<PathBuf> {
    common::case_dirs(ROOT)
}

/// The command line for a case: `check rules.dk [--data data] ARGS… --format json`.
fn arguments(case: &Path) -> Result<Vec<String>, Failed> {
    let (extra, own_data) = common::extra_args(case)?;
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

fn run_case(case: &Path) -> Result<(), Failed> {
    let args = arguments(case)?;
    let (stdout, stderr, code) = common::run_in(case, &args)?;
    let (actual, actual_text) = without_receipt(&stdout)
        .map_err(|e| format!("{e}\nargs: {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"))?;
    let json_file = case.join("expected.json");
    let exit_file = case.join("expected.exit");
    if common::blessing(case) {
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
                common::diff(&expected_text, &actual_text)
            )),
        },
    }
    problems.extend(common::exit_problem(&exit_file, code));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("args: {}\n{}", args.join(" "), problems.join("\n")).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, common::trials(cases(), run_case)).exit();
}
