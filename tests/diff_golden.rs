//! Golden cases of `duikou diff`: each `tests/diff_cases/NAME/` holds `old/`, `new/` and
//! optionally `data/`; the report in each format is compared with `expected.txt`,
//! `expected.md` and `expected.json`. `DUIKOU_BLESS=1 cargo test --test diff_golden` rewrites
//! them.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;

fn run_case(case: &Path, format: &str, file: &str) -> Result<(), Failed> {
    let mut args: Vec<String> = ["diff", "old", "new", "--format", format]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if case.join("data").is_dir() {
        args.extend(["--data".to_string(), "data".to_string()]);
    }
    let (out, err, code) = common::run_in(case, &args)?;
    if code != 0 {
        return Err(format!("exit {code}: {err}").into());
    }
    let expected_file = case.join(file);
    if std::env::var_os("DUIKOU_BLESS").is_some() {
        std::fs::write(&expected_file, &out).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_file)
        .map_err(|e| format!("{}: {e}", expected_file.display()))?;
    if expected != out {
        return Err(format!("output differs\n--- expected\n{expected}--- actual\n{out}").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for case in common::case_dirs("tests/diff_cases") {
        for (format, file) in [
            ("human", "expected.txt"),
            ("markdown", "expected.md"),
            ("json", "expected.json"),
        ] {
            let name = format!("{} {format}", case.display());
            let case = case.clone();
            trials.push(Trial::test(name, move || run_case(&case, format, file)));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
