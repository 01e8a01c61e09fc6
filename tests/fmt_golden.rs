//! Golden cases of `duikou fmt`: every `tests/fmt_cases/NAME.dk` formatted in each dialect is
//! compared with `NAME.keep.expected`, `NAME.zh.expected` and `NAME.en.expected`.
//! `DUIKOU_BLESS=1 cargo test --test fmt_golden` rewrites the expected files.

use duikou::fmt::{Dialect, format_source};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn run_case(case: &Path, dialect: Dialect, suffix: &str) -> Result<(), Failed> {
    let text = std::fs::read_to_string(case).map_err(|e| e.to_string())?;
    let actual = format_source(&text, dialect).map_err(|e| e.to_string())?;
    let expected_file = case.with_extension(format!("{suffix}.expected"));
    if std::env::var_os("DUIKOU_BLESS").is_some() {
        std::fs::write(&expected_file, &actual).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_file)
        .map_err(|e| format!("{}: {e}", expected_file.display()))?;
    if expected != actual {
        return Err(format!("output differs\n--- expected\n{expected}--- actual\n{actual}").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut cases: Vec<PathBuf> = std::fs::read_dir("tests/fmt_cases")
        .expect("tests/fmt_cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "dk"))
        .collect();
    cases.sort();
    let mut trials = Vec::new();
    for case in cases {
        for (dialect, suffix) in [
            (Dialect::Keep, "keep"),
            (Dialect::Zh, "zh"),
            (Dialect::En, "en"),
        ] {
            let name = format!("{} {suffix}", case.display());
            let case = case.clone();
            trials.push(Trial::test(name, move || run_case(&case, dialect, suffix)));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
