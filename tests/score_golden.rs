//! Golden score cases: every directory `tests/score_cases/NAME/` holds a small rule set
//! `rules.dk` (whose comments work the expected result out by hand), a `data/` folder, an
//! optional `args` file (extra arguments, one per line) and the expected outcome of
//! `duikou score rules.dk --data data ARGS…`, run in the case directory.
//!
//! Without `--format` in `args`, `--format json` is added and `expected.json` is compared as JSON
//! (the score report carries no receipt). With `--format csv` or `--format markdown` the expected
//! file is `expected.csv` or `expected.md`, compared as text. `expected.exit` holds the exit code.
//! When `args` names its own `--data`, `--data data` is not added.
//!
//! `DUIKOU_BLESS=1 cargo test --test score_golden` rewrites the expectations from the binary,
//! except in cases holding a `hand-kept` file: their expectation was worked out by hand and
//! disagrees with the tool on purpose (the file says why); delete it to let blessing rewrite them.
//! A case whose hand computation disagrees with the tool is left without an expected file, so
//! it fails until the disagreement is settled.

mod common;

use libtest_mimic::{Arguments, Failed};
use serde_json::Value;
use std::path::{Path, PathBuf};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/score_cases");

fn cases() -> Vec<PathBuf> {
    common::case_dirs(ROOT)
}

/// How the output is compared, from the `--format` the case asks for.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Json,
    Text(&'static str),
}

impl Kind {
    fn file(self) -> &'static str {
        match self {
            Kind::Json => "expected.json",
            Kind::Text(name) => name,
        }
    }
}

/// The command line for a case: `score rules.dk [--data data] ARGS… [--format json]`, and how
/// its output is compared.
fn arguments(case: &Path) -> Result<(Vec<String>, Kind), Failed> {
    let (extra, own_data) = common::extra_args(case)?;
    let format = extra
        .iter()
        .position(|a| a == "--format")
        .and_then(|i| extra.get(i + 1).cloned())
        .or_else(|| {
            extra
                .iter()
                .find_map(|a| a.strip_prefix("--format=").map(String::from))
        });
    let kind = match format.as_deref() {
        None | Some("json") => Kind::Json,
        Some("csv") => Kind::Text("expected.csv"),
        Some("markdown") => Kind::Text("expected.md"),
        Some("human") => Kind::Text("expected.txt"),
        Some(other) => return Err(format!("`args` asks for unknown format `{other}`").into()),
    };
    let mut args = vec!["score".to_string(), "rules.dk".to_string()];
    if !own_data {
        args.extend(["--data".to_string(), "data".to_string()]);
    }
    args.extend(extra);
    if format.is_none() {
        args.extend(["--format".to_string(), "json".to_string()]);
    }
    Ok((args, kind))
}

fn compare(kind: Kind, expected: &str, actual: &str) -> Option<String> {
    match kind {
        Kind::Json => {
            let actual_value: Value = match serde_json::from_str(actual) {
                Ok(v) => v,
                Err(e) => return Some(format!("stdout is not JSON: {e}\nstdout:\n{actual}")),
            };
            match serde_json::from_str::<Value>(expected) {
                Err(e) => Some(format!("expected.json is not JSON: {e}")),
                Ok(v) if v == actual_value => None,
                Ok(_) => Some(format!(
                    "report differs (- expected, + actual)\n{}",
                    common::diff(expected, actual)
                )),
            }
        }
        Kind::Text(name) if expected != actual => Some(format!(
            "{name} differs (- expected, + actual)\n{}",
            common::diff(expected, actual)
        )),
        Kind::Text(_) => None,
    }
}

/// The JSON report without its receipt (engine version and hashes change), pretty-printed.
fn without_receipt(stdout: &str) -> String {
    match serde_json::from_str::<Value>(stdout) {
        Ok(mut v) => {
            if let Some(o) = v.as_object_mut() {
                o.remove("receipt");
            }
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        }
        Err(_) => stdout.to_string(),
    }
}

fn run_case(case: &Path) -> Result<(), Failed> {
    let (args, kind) = arguments(case)?;
    let (stdout, stderr, code) = common::run_in(case, &args)?;
    let stdout = if kind == Kind::Json {
        without_receipt(&stdout)
    } else {
        stdout
    };
    let expected_file = case.join(kind.file());
    let exit_file = case.join("expected.exit");
    if common::blessing(case) {
        if kind == Kind::Json {
            serde_json::from_str::<Value>(&stdout).map_err(|e| {
                format!(
                    "not blessing: stdout is not JSON: {e}\nstdout:\n{stdout}\nstderr:\n{stderr}"
                )
            })?;
        }
        std::fs::write(&expected_file, stdout.as_bytes()).map_err(|e| e.to_string())?;
        std::fs::write(&exit_file, format!("{code}\n")).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let mut problems = Vec::new();
    match std::fs::read_to_string(&expected_file) {
        Err(e) => problems.push(format!(
            "cannot read {}: {e} (DUIKOU_BLESS=1 writes it)\nactual:\n{stdout}",
            expected_file.display()
        )),
        Ok(expected) => problems.extend(compare(kind, &expected, &stdout)),
    }
    problems.extend(common::exit_problem(&exit_file, code));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "args: {}\n{}\nstderr:\n{stderr}",
            args.join(" "),
            problems.join("\n")
        )
        .into())
    }
}

fn main() {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, common::trials(cases(), run_case)).exit();
}
