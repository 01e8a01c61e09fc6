//! Shared by the golden harnesses that run the binary in a case directory: listing cases,
//! running duikou, comparing exit codes and showing line diffs.

#![allow(dead_code)]

use libtest_mimic::Failed;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the binary with `args` in the project folder.
pub fn duikou(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .output()
        .expect("duikou runs")
}

/// Standard output as text.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The case directories under `root`, sorted.
pub fn case_dirs(root: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{root}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// Runs the binary with `args` in `case`: stdout, stderr and the exit code.
pub fn run_in(case: &Path, args: &[String]) -> Result<(String, String, i32), Failed> {
    let output = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .current_dir(case)
        .output()
        .map_err(|e| format!("cannot run duikou: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let Some(code) = output.status.code() else {
        return Err(format!("duikou was killed ({})\nstderr:\n{stderr}", output.status).into());
    };
    Ok((stdout, stderr, code))
}

/// The extra arguments in a case's `args` file (one per line), and whether they bind data.
pub fn extra_args(case: &Path) -> Result<(Vec<String>, bool), Failed> {
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
    Ok((extra, own_data))
}

/// One trial per case directory, named after it.
pub fn trials(
    cases: Vec<PathBuf>,
    run: fn(&Path) -> Result<(), Failed>,
) -> Vec<libtest_mimic::Trial> {
    cases
        .into_iter()
        .map(|case| {
            let name = case
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            libtest_mimic::Trial::test(name, move || run(&case))
        })
        .collect()
}

/// Whether to rewrite expectations: `DUIKOU_BLESS` is set, and the case was not kept by hand
/// against the tool (a `hand-kept` file), so blessing cannot silently accept disputed output.
pub fn blessing(case: &Path) -> bool {
    std::env::var_os("DUIKOU_BLESS").is_some() && !case.join("hand-kept").exists()
}

/// A problem with the exit code, if any, against `expected.exit`.
pub fn exit_problem(exit_file: &Path, code: i32) -> Option<String> {
    match std::fs::read_to_string(exit_file) {
        Err(e) => Some(format!("cannot read {}: {e}", exit_file.display())),
        Ok(text) => match text.trim().parse::<i32>() {
            Ok(expected) if expected == code => None,
            Ok(expected) => Some(format!("exit code {code}, expected {expected}")),
            Err(_) => Some(format!("expected.exit is not a number: {text:?}")),
        },
    }
}

/// A line diff (`-` expected, `+` actual) with a little context, for small files.
pub fn diff(expected: &str, actual: &str) -> String {
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
