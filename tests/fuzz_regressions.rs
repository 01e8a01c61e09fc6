//! Replays every input the fuzz targets ever found crashing or hanging (`fuzz/regressions/
//! TARGET/`), and one seed of each target's corpus, through the same pipelines the targets
//! drive (`duikou::fuzzing`). A target without a regressions folder has nothing to replay.

use duikou::DataFormat as Format;
use duikou::fuzzing::{self, DataTarget, SheetTarget};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

#[path = "../fuzz/seeds.rs"]
mod seeds;

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// Runs `run` on every file of `fuzz/regressions/TARGET`; fails naming every input that panics.
fn replay(target: &str, run: &dyn Fn(&[u8])) -> usize {
    let files = inputs(&Path::new("fuzz/regressions").join(target));
    let failed: Vec<String> = files
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap();
            catch_unwind(AssertUnwindSafe(|| run(&bytes))).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(failed.is_empty(), "inputs that fail again: {failed:?}");
    files.len()
}

fn data_target(format: Format) -> DataTarget {
    DataTarget::new(seeds::shipped_rules(), "project", format)
}

#[test]
fn rules_text_regressions_pass() {
    let n = replay("rules_text", &fuzzing::rules_text);
    assert!(n >= 3, "the D3 and D4 inputs are kept: {n}");
}

#[test]
fn rules_structured_regressions_pass() {
    replay("rules_structured", &seeds::rules_structured);
}

#[test]
fn data_csv_regressions_pass() {
    let t = data_target(Format::Csv);
    replay("data_csv", &|b| t.run(b));
}

#[test]
fn data_json_regressions_pass() {
    let t = data_target(Format::Json);
    replay("data_json", &|b| t.run(b));
}

#[test]
fn data_jsonl_regressions_pass() {
    let t = data_target(Format::JsonLines);
    replay("data_jsonl", &|b| t.run(b));
}

#[test]
fn data_xlsx_regressions_pass() {
    let t = data_target(Format::Xlsx);
    replay("data_xlsx", &|b| t.run(b));
}

#[test]
fn fmt_roundtrip_regressions_pass() {
    replay("fmt_roundtrip", &fuzzing::fmt_roundtrip);
}

#[test]
fn lsp_regressions_pass() {
    let files = seeds::shipped_rules();
    replay("lsp", &|b| fuzzing::lsp_edits(&files, b));
}

#[test]
fn sheet_regressions_pass() {
    let t = SheetTarget::new(seeds::shipped_rules(), "project");
    replay("sheet", &|b| t.run(b));
}

/// Every sheet seed is read with each of its rows accounted for.
#[test]
fn the_sheet_reader_accounts_for_every_row_of_the_seeds() {
    let t = SheetTarget::new(seeds::shipped_rules(), "project");
    let seeds = inputs(Path::new("fuzz/corpus/sheet"));
    assert!(seeds.len() >= 20, "{} seeds", seeds.len());
    for seed in &seeds {
        let bytes = std::fs::read(seed).unwrap();
        let run = catch_unwind(AssertUnwindSafe(|| t.run(&bytes)));
        assert!(run.is_ok(), "the sheet target fails on {}", seed.display());
    }
}

/// The formatter's round trip holds on every rule-file seed.
#[test]
fn fmt_roundtrip_holds_on_the_rule_file_seeds() {
    let seeds = inputs(Path::new("fuzz/corpus/rules_text"));
    assert!(seeds.len() > 100, "{} seeds", seeds.len());
    for seed in &seeds {
        let bytes = std::fs::read(seed).unwrap();
        let run = catch_unwind(AssertUnwindSafe(|| fuzzing::fmt_roundtrip(&bytes)));
        assert!(run.is_ok(), "fmt_roundtrip fails on {}", seed.display());
    }
}

/// Each target's pipeline runs on a seed of its corpus: the harness itself works.
#[test]
fn every_target_runs_on_a_seed() {
    let seed =
        |target: &str, name: &str| std::fs::read(format!("fuzz/corpus/{target}/{name}")).unwrap();
    fuzzing::rules_text(&seed("rules_text", "rules_national.dk"));
    seeds::rules_structured(&seed("rules_structured", "base00_edit2"));
    data_target(Format::Csv).run(&seed("data_csv", "project.csv"));
    data_target(Format::Json).run(&seed("data_json", "project.json"));
    data_target(Format::JsonLines).run(&seed("data_jsonl", "project.jsonl"));
    data_target(Format::Xlsx).run(&seed("data_xlsx", "project.xlsx"));
    fuzzing::lsp_edits(&seeds::shipped_rules(), &seed("lsp", "file03_mixed"));
    fuzzing::lsp_edits(&seeds::shipped_rules(), &seed("lsp", "file10_requests"));
}

/// The fuzz targets build in every shipped rule file.
#[test]
fn the_fuzz_targets_hold_every_shipped_rule_file() {
    let mut on_disk: Vec<String> = std::fs::read_dir("rules")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "dk"))
        .map(|p| p.display().to_string())
        .collect();
    on_disk.sort();
    let built_in: Vec<String> = seeds::shipped_rules().into_iter().map(|(n, _)| n).collect();
    assert_eq!(built_in, on_disk);
}
