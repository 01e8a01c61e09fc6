//! Golden cases of `duikou test --coverage`: every `tests/coverage_cases/NAME.dk` is run with
//! the coverage report in each format and compared with `NAME.txt`, `NAME.md` and `NAME.json`.
//! `DUIKOU_BLESS=1 cargo test --test coverage_golden` rewrites them.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn run_case(case: &Path, format: &str, ext: &str) -> Result<(), Failed> {
    let dir = case.parent().expect("in a folder");
    let file = case
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned();
    let args: Vec<String> = ["test", &file, "--coverage", "--format", format]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let (out, err, code) = common::run_in(dir, &args)?;
    if code != 0 {
        return Err(format!("exit {code}: {err}").into());
    }
    let expected_file = case.with_extension(ext);
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
    let mut cases: Vec<PathBuf> = std::fs::read_dir("tests/coverage_cases")
        .expect("tests/coverage_cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "dk"))
        .collect();
    cases.sort();
    let mut trials = Vec::new();
    for case in cases {
        for (format, ext) in [("human", "txt"), ("markdown", "md"), ("json", "json")] {
            let name = format!("{} {format}", case.display());
            let case = case.clone();
            trials.push(Trial::test(name, move || run_case(&case, format, ext)));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
