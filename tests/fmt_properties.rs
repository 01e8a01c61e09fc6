//! Properties of `duikou fmt` over every golden case and the shipped rules: formatting keeps the
//! meaning (the same findings, also after translation to either keyword dialect, and the same
//! verdicts on the case's data where it has some), and formatting a formatted file changes
//! nothing.

use duikou::fmt::{Dialect, FmtError, format_source};
use duikou::{Data, RuleSet};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

const DIALECTS: [Dialect; 3] = [Dialect::Keep, Dialect::Zh, Dialect::En];

/// Every `.dk` file under `dir`, sorted.
fn dk_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            dk_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "dk") {
            out.push(p);
        }
    }
}

/// The cases: a `.dk` file or a directory of them, each checked as one rule set.
fn cases() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("rules")];
    for root in ["tests/cases", "tests/score_cases", "tests/data_cases"] {
        let Ok(areas) = std::fs::read_dir(root) else {
            continue;
        };
        let mut areas: Vec<PathBuf> = areas.filter_map(|e| e.ok().map(|e| e.path())).collect();
        areas.sort();
        for area in areas.into_iter().filter(|p| p.is_dir()) {
            if area.join("rules.dk").is_file() {
                out.push(area); // a data case: its rules and its `data/`
                continue;
            }
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&area)
                .expect("readable")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "dk"))
                .collect();
            entries.sort();
            out.extend(entries);
        }
    }
    out
}

/// What a rule set reports, without locations: severity, code and message of every diagnostic,
/// gap and conflict.
fn findings(sources: Vec<(String, String)>) -> Vec<String> {
    let rules = RuleSet::from_sources(sources);
    let mut diags = rules.diagnostics().to_vec();
    if !rules.has_errors() {
        diags.extend(rules.gaps(&duikou::GapOptions::default()));
        diags.extend_from_slice(rules.conflicts());
    }
    diags
        .iter()
        .map(|d| {
            // A message may quote source text: its keywords are compared in English.
            let words: Vec<&str> = d
                .message
                .split(' ')
                .map(|w| Dialect::En.keyword(w))
                .collect();
            format!("{:?} {} {}", d.severity, d.code.as_str(), words.join(" "))
        })
        .collect()
}

/// What checking the case's data gives: every finding's rule, kind, message and case, the
/// counts per rule, and the rows read, checked and rejected.
fn verdicts(sources: Vec<(String, String)>, data: &Path) -> Vec<String> {
    let rules = RuleSet::from_sources(sources);
    if rules.has_errors() {
        return vec!["errors".to_string()];
    }
    let Ok(report) = rules.check(&Data::new().path(data)) else {
        return vec!["errors".to_string()];
    };
    let summary = &report.summary;
    let mut out = vec![format!(
        "{} {} {}",
        summary.rows_read, summary.rows_checked, summary.rows_rejected
    )];
    for counts in &summary.rules {
        out.push(format!(
            "{} {} {} {} {} {} {} {}",
            counts.rule,
            counts.checked,
            counts.passed,
            counts.violations,
            counts.undetermined,
            counts.exempted,
            counts.not_in_force,
            counts.overridden
        ));
        for f in report.findings.iter().filter(|f| f.rule == counts.rule) {
            // A default message quotes the rule: its keywords are compared in English.
            // (`累计 sum(x)` is quoted with the keyword first: "`累计".)
            let words: Vec<String> = f
                .message
                .split(' ')
                .map(|w| match w.strip_prefix('`') {
                    Some(rest) => format!("`{}", Dialect::En.keyword(rest)),
                    None => Dialect::En.keyword(w).to_string(),
                })
                .collect();
            let message = words.join(" ");
            out.push(format!(
                "{} {:?} {message} {:?} {:?}",
                f.rule, f.kind, f.record, f.value
            ));
        }
    }
    out
}

fn run_case(case: &Path) -> Result<(), Failed> {
    let mut files = Vec::new();
    if case.is_dir() {
        dk_files(case, &mut files);
    } else {
        files.push(case.to_path_buf());
    }
    let mut originals = Vec::new();
    for f in &files {
        let Ok(text) = String::from_utf8(std::fs::read(f).map_err(|e| e.to_string())?) else {
            return Ok(()); // not UTF-8: a case of the loader, not of the formatter
        };
        originals.push((f.display().to_string(), text));
    }
    let expected = findings(originals.clone());
    for dialect in DIALECTS {
        let mut formatted = Vec::new();
        for (name, text) in &originals {
            match format_source(text, dialect) {
                Ok(out) => {
                    let again = format_source(&out, dialect)
                        .map_err(|e| format!("{name}: formatted text fails: {e}"))?;
                    if again != out {
                        return Err(format!(
                            "{name} ({dialect:?}): not idempotent\n--- once\n{out}--- twice\n{again}"
                        )
                        .into());
                    }
                    formatted.push((name.clone(), out));
                }
                Err(FmtError::Syntax(_)) => {
                    if expected.iter().any(|f| f.contains("duikou::parse::")) {
                        return Ok(());
                    }
                    return Err(format!("{name}: refused as a syntax error, but it parses").into());
                }
                Err(e) => return Err(format!("{name} ({dialect:?}): {e}").into()),
            }
        }
        let data = case.join("data");
        if data.is_dir() && verdicts(originals.clone(), &data) != verdicts(formatted.clone(), &data)
        {
            return Err(format!("{dialect:?}: the verdicts on the data differ").into());
        }
        let actual = findings(formatted);
        if actual != expected {
            return Err(format!(
                "{dialect:?}: findings differ\n--- original\n{}\n--- formatted\n{}",
                expected.join("\n"),
                actual.join("\n")
            )
            .into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = cases()
        .into_iter()
        .map(|case| Trial::test(case.display().to_string(), move || run_case(&case)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
