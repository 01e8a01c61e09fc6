//! The JSON report of a run that kept its findings in a temporary file is byte for byte the
//! report of a run that held them all in memory: record-level and group-level rules, violations,
//! undetermined and overridden findings, rejected rows, two data files, both languages, one to
//! three threads.

use crate::data::bind::{DataFile, Format};
use crate::engine::check::Keep;
use crate::engine::compile::Plan;
use crate::engine::run::{DataRun, Options, run_with};
use crate::engine::spill::SpillError;
use crate::i18n::{Lang, LangGuard};
use crate::report::data::CheckReport;
use crate::{Diagnostic, RuleSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

const RULES: &str = r#"
actor 河北省 { kind: government, level: province }
actor 新疆 { kind: government, level: province, autonomous: true }
actor 巴州 { kind: government, level: prefecture, region: 新疆, autonomous: true }
actor 巴州人大 { kind: legislature, level: prefecture, of: 巴州, autonomous: true }
actor 库尔勒市 { kind: government, level: county, region: 巴州 }
actor 昌吉州 { kind: government, level: prefecture, region: 新疆, autonomous: true }
record project {
  id: text key
  supporter: actor
  recipient: actor
  year: year time
  category: text
  planned: money(万元)
  spent: money(万元)
  actual: money(万元)?
}
document 援疆条例 {
  level: administrative_regulation
  issuer: national
  effective: 2012-01-01
  article 8 "援疆项目的实际支出不得超过计划投资的百分之一百一十。" {
    rule 超支 { over project forbid spent > planned * 110% }
    rule 决算 { over project require actual <= spent }
    rule 年度投入 {
      over project
      per supporter, recipient, year
      require sum(planned) >= 3000万元
    }
    rule 类别 {
      over project
      per recipient, category
      require count() >= 40 and max(spent) <= 190万元
    }
  }
}
document 巴州单行条例 {
  level: separate_regulation
  issuer: 巴州人大
  region: 巴州
  varies: [援疆条例]
  effective: 2014-01-01
  article 6 "本州畜牧援疆项目的实际支出不得超过计划投资的百分之一百三十。" {
    rule 牧区超支 {
      over project where category == "畜牧"
      forbid spent > planned * 130%
    }
  }
}
"#;

const RECIPIENTS: [&str; 3] = ["库尔勒市", "巴州", "昌吉州"];
const CATEGORIES: [&str; 4] = ["畜牧", "民生", "教育", "产业"];

fn plan() -> &'static (RuleSet, Vec<Diagnostic>) {
    static RULESET: OnceLock<(RuleSet, Vec<Diagnostic>)> = OnceLock::new();
    RULESET.get_or_init(|| {
        let rules = RuleSet::from_sources(vec![("rules.dk".into(), RULES.into())]);
        assert!(!rules.has_errors(), "{:#?}", rules.diagnostics());
        let diags = rules.diagnostics().to_vec();
        (rules, diags)
    })
}

/// Rows numbered from `first`; now and then one rejected (an amount that is not a number).
fn rows(first: usize, n: usize) -> Vec<u8> {
    let mut out = "id,supporter,recipient,year,category,planned,spent,actual\n".to_string();
    let mut seed = first as u64 + 7;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    for i in first..first + n {
        let recipient = RECIPIENTS[next(3) as usize];
        let category = CATEGORIES[next(4) as usize];
        let year = 2015 + next(4);
        let planned = 50 + next(100);
        let spent = planned * (80 + next(60)) / 100;
        let actual = match next(4) {
            0 => String::new(),
            _ => (spent + next(3)).to_string(),
        };
        let planned = match next(150) {
            0 => "很多".to_string(),
            _ => planned.to_string(),
        };
        let _ = writeln!(
            out,
            "p{i},河北省,{recipient},{year},{category},{planned},{spent},{actual}"
        );
    }
    out.into_bytes()
}

fn files() -> Vec<DataFile> {
    [("a.csv", rows(0, 1500)), ("b.csv", rows(1500, 700))]
        .into_iter()
        .map(|(name, bytes)| DataFile {
            record: "project".into(),
            path: name.into(),
            sheet: None,
            format: Format::Csv,
            bytes: Some(bytes.into()),
        })
        .collect()
}

fn json(keep: Keep, threads: usize) -> String {
    let (rules, diags) = plan();
    let plan: &Plan = rules.plan().expect("the rules compile");
    let run = run_data(plan, keep, threads);
    if let Keep::Spill(budget) = keep {
        let spilled = run
            .spilled
            .as_ref()
            .expect("a spilling run keeps its findings");
        assert!(spilled.error().is_none());
        assert!(run.findings.iter().all(Vec::is_empty), "nothing held aside");
        assert_eq!(
            spilled.bytes_on_disk() > 0,
            budget < 1 << 29,
            "budget {budget}"
        );
    }
    CheckReport {
        sources: rules.sources(),
        diagnostics: diags,
        plan,
        run: &run,
    }
    .json()
}

fn run_data(plan: &Plan, keep: Keep, threads: usize) -> DataRun {
    let opts = Options {
        keep,
        threads,
        max_errors: 5,
        ..Options::default()
    };
    let (run, ()): (DataRun, ()) = run_with(plan, &files(), &opts, |_| ());
    run
}

/// A piece of findings that is damaged or cannot be read back stops the report there,
/// whichever thread renders it and however many pieces were read ahead: what is written is the
/// whole report up to the element the piece holds, and the error is the damage or the failed
/// read, not a short list.
#[test]
fn a_damaged_piece_stops_the_report_where_it_lies() {
    let (rules, diags) = plan();
    let plan: &Plan = rules.plan().expect("the rules compile");
    let whole = json(Keep::All, 1);
    for (threads, cut) in [1, 2, 3].into_iter().flat_map(|t| [(t, false), (t, true)]) {
        let case = format!("{threads} threads, cut {cut}");
        // With no room in memory every finding is a piece of its own.
        let mut run = run_data(plan, Keep::Spill(0), threads);
        let listed = diags.len() + run.problems.len();
        let spilled = run
            .spilled
            .as_mut()
            .expect("a spilling run keeps its findings");
        let pieces = spilled.pieces(0);
        assert!(pieces > 3, "{pieces} pieces");
        spilled.damage(0, pieces / 2, cut);
        let report = CheckReport {
            sources: rules.sources(),
            diagnostics: diags,
            plan,
            run: &run,
        };
        let mut out = Vec::new();
        let e = report
            .write_json(&mut out)
            .expect_err("the damage is found");
        match e.get_ref().and_then(|e| e.downcast_ref::<SpillError>()) {
            Some(SpillError::Read { .. }) if cut => {}
            Some(SpillError::Damaged) if !cut => {}
            other => panic!("{case}: {other:?}"),
        }
        let out = String::from_utf8(out).expect("what was written is UTF-8");
        assert!(whole.starts_with(&out), "{case}");
        assert!(whole[out.len()..].starts_with(",\n    {"), "{case}");
        let findings = out.find("\"findings\": [").expect("the findings are begun");
        let elements = out[findings..].matches("\n    {").count();
        assert_eq!(elements, listed + pieces / 2, "{case}");
    }
}

#[test]
fn a_spilled_report_is_the_report_held_in_memory() {
    for lang in [Lang::En, Lang::Zh] {
        let _lang = LangGuard::set(lang);
        let held = json(Keep::All, 1);
        for kind in [
            "\"violation\"",
            "\"undetermined\"",
            "\"overridden\"",
            "\"rejected_row\"",
            "\"group\"",
            "\"record\"",
        ] {
            assert!(held.contains(kind), "the data gives {kind}");
        }
        for (budget, threads) in [
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 2),
            (2_000, 1),
            (40_000, 2),
            // Pieces cut at 64 KiB, in the file and held, rendered on one to three threads.
            (100_000, 1),
            (200_000, 2),
            (200_000, 3),
            (1 << 30, 1),
            (1 << 30, 2),
        ] {
            let spilled = json(Keep::Spill(budget), threads);
            assert!(
                spilled == held,
                "{lang:?}, budget {budget}, {threads} threads: the reports differ"
            );
        }
    }
}
