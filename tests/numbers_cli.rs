//! Numbers that agree with themselves in every output, and the command line a person expects:
//! `--color`, `completions`, `explain --format json`, `gaps --year` outside every period, the
//! help texts.

mod common;

use common::{duikou, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/score_cases");

/// Runs duikou in `dir` with `envs` set (and `NO_COLOR` / `CLICOLOR_FORCE` cleared otherwise).
fn run_in(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_duikou"));
    c.current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("duikou runs")
}

fn case(name: &str) -> PathBuf {
    Path::new(CASES).join(name)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON: {e}\n{}", stdout(o)))
}

const ESC: &str = "\u{1b}[";

#[test]
fn a_share_short_of_its_target_never_prints_as_reaching_it_in_any_score_output() {
    let dir = case("percent_apart");
    let score = |format: &str| {
        let o = run_in(
            &dir,
            &["score", "rules.dk", "--data", "data", "--format", format],
            &[],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        stdout(&o)
    };
    for format in ["human", "markdown", "csv", "json", "html"] {
        let text = score(format);
        assert!(text.contains("79.99%"), "{format}: {text}");
        assert!(text.contains("79.996%"), "{format}: {text}");
        assert!(!text.contains("80.0% → 99"), "{format}: {text}");
        assert!(!text.contains("80.00%"), "{format}: {text}");
    }
    let md = score("markdown");
    assert!(
        md.contains("| 河北省 2018 | 79.996% → 99.995 | 100.00 | A | 1 |"),
        "{md}"
    );
}

#[test]
fn explain_shows_the_same_digits_and_the_grade_of_the_shown_score() {
    let dir = case("percent_apart");
    let args = [
        "explain",
        "rules.dk",
        "--data",
        "data",
        "--evaluation",
        "基层",
        "--group",
        "supporter=河北省,year=2018",
    ];
    let o = run_in(&dir, &args, &[]);
    let text = stdout(&o);
    assert!(
        text.contains("value 79.996%, target >= 80%: attainment 99.995"),
        "{text}"
    );
    assert!(text.contains("score 100.00 → grade A"), "{text}");
    assert!(text.contains("rank 1 of 4"), "{text}");

    let mut with_json = args.to_vec();
    with_json.extend(["--format", "json"]);
    let v = json(&run_in(&dir, &with_json, &[]));
    assert_eq!(v["kind"], "evaluation");
    assert_eq!(
        v["group"],
        serde_json::json!({ "supporter": "河北省", "year": 2018 })
    );
    let ind = &v["indicators"][0];
    assert_eq!(ind["value"], "79.996%");
    assert_eq!(ind["value_exact"], "0.79996");
    assert_eq!(ind["target"], ">= 80%");
    assert_eq!(ind["attainment"], 99.995);
    assert_eq!(v["score"], 100.0);
    assert_eq!(v["score_exact"], "99.995");
    assert_eq!(v["grade"], "A");
    assert_eq!(v["rank"], 1);
    assert_eq!(v["ranked"], 4);
}

#[test]
fn ranks_within_a_year_are_counted_in_that_year() {
    let dir = case("rank_within_year");
    let o = run_in(
        &dir,
        &[
            "explain",
            "rules.dk",
            "--data",
            "data",
            "--evaluation",
            "基层",
            "--group",
            "supporter=河北省,year=2017",
        ],
        &[],
    );
    let text = stdout(&o);
    assert!(text.contains("rank 2 of 2 within year 2017"), "{text}");
}

#[test]
fn explain_a_rule_as_json_gives_the_outcome_and_exact_value() {
    let o = duikou(&[
        "explain",
        "民生投入",
        "--group",
        "supporter=河北省,recipient=巴州,year=2017",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["kind"], "rule");
    assert_eq!(v["rule"], "民生投入");
    assert_eq!(v["outcome"], "violation");
    assert_eq!(v["value"], "40.0%");
    assert_eq!(v["value_exact"], "0.4");
    let steps: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(
        steps.iter().any(|s| s.contains("40.0% >= 74.0% → false")),
        "{steps:?}"
    );
}

#[test]
fn check_json_findings_carry_the_exact_value() {
    let v = json(&duikou(&["check", "rules", "--format", "json"]));
    let found = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "民生投入" && f["value"] == "40.0%")
        .expect("the 民生投入 violation");
    assert_eq!(found["value_exact"], "0.4");
}

#[test]
fn color_follows_the_flag_then_no_color_then_clicolor_force() {
    let dir = case("percent_apart");
    let score = ["score", "rules.dk", "--data", "data"];
    let with = |extra: &[&str], envs: &[(&str, &str)]| {
        let mut args = score.to_vec();
        args.extend(extra);
        stdout(&run_in(&dir, &args, envs))
    };
    // Piped: plain unless asked.
    assert!(!with(&[], &[]).contains(ESC));
    let always = with(&["--color", "always"], &[]);
    assert!(always.contains(&format!("{ESC}1m")), "{always}");
    assert!(
        always.contains(&format!("{ESC}32;1mA{ESC}0m")),
        "the best grade in green: {always}"
    );
    assert!(!with(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(with(&[], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!with(&[], &[("CLICOLOR_FORCE", "0")]).contains(ESC));
    assert!(!with(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(ESC));
    assert!(with(&["--color", "always"], &[("NO_COLOR", "1")]).contains(ESC));
    // The same columns whether coloured or not.
    let plain = with(&[], &[]);
    let stripped = always
        .split(ESC)
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('m').map_or(part, |p| p.1)
            }
        })
        .collect::<String>();
    assert_eq!(stripped, plain);
}

#[test]
fn the_data_part_of_the_check_report_is_coloured() {
    let o = duikou(&["check", "rules", "--color", "always"]);
    let text = stdout(&o);
    assert!(
        text.contains(&format!("{ESC}31;1m1{ESC}0m")),
        "violations in red: {text}"
    );
    assert!(
        text.contains(&format!("{ESC}1mviolations{ESC}0m")),
        "{text}"
    );
    let o = duikou(&["check", "rules"]);
    assert!(!stdout(&o).contains(ESC));
}

#[test]
fn completions_are_written_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef duikou"),
        ("fish", "complete -c duikou"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = duikou(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(text.contains(marker), "{shell}: {text}");
        for word in ["explain", "completions", "color"] {
            assert!(text.contains(word), "{shell} lacks {word}");
        }
    }
    let o = duikou(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn gaps_in_a_year_without_any_active_scope_warn_instead_of_finding_none() {
    let o = duikou(&["gaps", "rules", "--year", "1980"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning: no program or pair is active in 1980, so there is nothing to look for gaps in (they are active from 1994 on)"),
        "{text}"
    );
    assert!(!text.contains("0 gaps found"), "{text}");
    let o = duikou(&["gaps", "rules", "--year", "1980", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    // The JSON report carries the warning itself.
    let o = duikou(&["gaps", "rules", "--as-of", "1980-05-01", "--format", "json"]);
    let report = json(&o);
    let warning = report["warnings"][0].as_str().unwrap_or_default();
    assert!(warning.contains("active on 1980-05-01"), "{report}");
    assert_eq!(report["findings"], serde_json::json!([]));
    // A year with active scopes has no such warning.
    let o = duikou(&["gaps", "rules", "--year", "2017"]);
    assert!(!stdout(&o).contains("nothing to look for"));
}

#[test]
fn help_texts_say_what_belongs_to_each_command() {
    let conflicts = stdout(&duikou(&["conflicts", "--help"]));
    assert!(!conflicts.contains("matrix"), "{conflicts}");
    let gaps = stdout(&duikou(&["gaps", "--help"]));
    assert!(gaps.contains("--matrix"), "{gaps}");
    for command in ["check", "score", "gaps"] {
        let help = stdout(&duikou(&[command, "--help"]));
        assert!(help.contains("--color <WHEN>"), "{command}: {help}");
    }
    let explain = stdout(&duikou(&["explain", "--help"]));
    assert!(explain.contains("--format <FORMAT>"), "{explain}");
}

/// A scratch folder holding `files`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, files: &[(&str, &str)]) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("duikou-numbers-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn an_unknown_property_lists_the_properties_of_its_declaration() {
    let s = Scratch::new(
        "props",
        &[(
            "a.dk",
            "actor 河北省 { kind: government, level: province, 颜色: red }\n",
        )],
    );
    let o = run_in(&s.0, &["check", "a.dk", "--format", "short"], &[]);
    let text = stdout(&o);
    assert!(
        text.contains("help: the properties of an actor are: "),
        "{text}"
    );
    assert!(!text.contains("an actor properties"), "{text}");
}

#[test]
fn chinese_severities_are_read() {
    let rules = "主体 河北省 { kind: government, level: province }\n\
        记录 report { id: text key\n supporter: actor\n year: year time\n share: percent }\n\
        规则 低 { 范围 report\n 要求 share >= 74%\n 级别 警告 }\n\
        规则 更低 { 范围 report\n 要求 share >= 50%\n 级别 提示\n 提示 \"{id} 太低\" }\n";
    let s = Scratch::new(
        "severities",
        &[
            ("rules.dk", rules),
            (
                "data/report.csv",
                "id,supporter,year,share\nr1,河北省,2017,40%\n",
            ),
        ],
    );
    let o = run_in(
        &s.0,
        &["check", "rules.dk", "--data", "data", "--format", "json"],
        &[],
    );
    let v = json(&o);
    let severity = |rule: &str| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["severity"].clone())
    };
    assert_eq!(severity("低"), Some("warning".into()), "{v}");
    assert_eq!(severity("更低"), Some("info".into()), "{v}");
    assert_eq!(o.status.code(), Some(0), "no error-severity finding");
}

#[test]
fn the_published_rules_say_how_ranks_are_taken() {
    let out = std::env::temp_dir().join(format!("duikou-numbers-doc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let rules = case("rank_within_year").join("rules.dk");
    let o = duikou(&["doc", rules.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut pages = String::new();
    for entry in std::fs::read_dir(&out).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(pages.contains("按year分别排名"), "{pages}");
}

#[test]
fn explain_prints_both_sides_of_a_comparison_apart_as_check_does() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data_cases/percent_forms");
    let o = run_in(
        &dir,
        &[
            "explain",
            "民生比例",
            "rules.dk",
            "--data",
            "data",
            "--record",
            "r5",
        ],
        &[],
    );
    let text = stdout(&o);
    assert!(
        text.contains("share >= 74%: 73.95% >= 74.00% → false"),
        "{text}"
    );
    assert!(
        text.contains("message: r5 民生占比 73.95%，低于 74%"),
        "{text}"
    );
    let mut json_args = vec![
        "explain",
        "民生比例",
        "rules.dk",
        "--data",
        "data",
        "--record",
        "r5",
    ];
    json_args.extend(["--format", "json"]);
    let v = json(&run_in(&dir, &json_args, &[]));
    assert_eq!(v["target"], serde_json::json!({ "record": "r5" }));
    assert_eq!(v["value"], "73.95%");
    assert_eq!(v["value_exact"], "0.7395");
    let v = json(&run_in(
        &dir,
        &[
            "explain",
            "民生比例",
            "rules.dk",
            "--data",
            "data",
            "--record",
            "r1",
            "--format",
            "json",
        ],
        &[],
    ));
    assert_eq!(v["outcome"], "passed");
    assert_eq!(v["value"], serde_json::Value::Null);
}
