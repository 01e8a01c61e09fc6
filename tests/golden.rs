//! Golden cases: every `tests/cases/<area>/NAME.dk` (or directory `NAME/`) is checked and its
//! short report compared with `NAME.expected`. A case without an expected file must fail with
//! an error diagnostic. `DUIKOU_BLESS=1 cargo test --test golden` rewrites the expected files.

use duikou::RuleSet;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let root = Path::new("tests/cases");
    let mut out = Vec::new();
    let mut areas: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    areas.sort();
    for area in areas {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&area)
            .expect("area is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "dk"))
            .collect();
        entries.sort();
        out.extend(entries);
    }
    out
}

fn expected_path(case: &Path) -> PathBuf {
    case.with_extension("expected")
}

fn run_case(case: &Path) -> Result<(), Failed> {
    let rules = RuleSet::load(&[case.to_path_buf()]);
    let mut diags = rules.diagnostics().to_vec();
    // Cases under `gaps/` also show the responsibility gaps (`duikou gaps`), when the rules
    // themselves have no error.
    if case.components().any(|c| c.as_os_str() == "gaps") && !rules.has_errors() {
        diags.extend(rules.gaps(&duikou::GapOptions::default()));
    }
    // Cases under `conflicts/` show the conflicts (`duikou conflicts`), likewise.
    if case.components().any(|c| c.as_os_str() == "conflicts") && !rules.has_errors() {
        diags.extend_from_slice(rules.conflicts());
    }
    let actual = rules.render_diagnostics(&diags, duikou::DiagnosticForm::Short);
    let expected_file = expected_path(case);
    if std::env::var_os("DUIKOU_BLESS").is_some() {
        std::fs::write(&expected_file, &actual).map_err(|e| Failed::from(e.to_string()))?;
        return Ok(());
    }
    match std::fs::read_to_string(&expected_file) {
        Ok(expected) if expected == actual => Ok(()),
        Ok(expected) => {
            Err(format!("output differs\n--- expected\n{expected}--- actual\n{actual}").into())
        }
        Err(_) if rules.has_errors() => Ok(()),
        Err(_) => Err(format!(
            "no {} and the case has no error:\n{actual}",
            expected_file.display()
        )
        .into()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let trials = cases()
        .into_iter()
        .map(|case| {
            let name = case
                .strip_prefix("tests/cases")
                .unwrap_or(&case)
                .display()
                .to_string();
            Trial::test(name, move || run_case(&case))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
