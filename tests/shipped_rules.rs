//! The shipped rule set in rules/ checks clean, and its demo data gives the report the README shows.

use duikou::RuleSet;
use std::process::Command;

#[test]
fn shipped_rules_have_no_diagnostics() {
    let rules = RuleSet::load(&["rules".into()]);
    let shown = duikou::report::short::render(rules.diagnostics(), rules.sources());
    assert!(rules.diagnostics().is_empty(), "{shown}");
    let s = rules.symbols();
    assert!(s.pairs.len() >= 19, "every 援疆 supporter is paired");
    assert!(s.functions.len() >= 7, "the paper's seven functions");
    assert!(s.tests.len() >= 3);
    assert_eq!(s.evaluations.len(), 1);
}

#[test]
fn check_on_shipped_rules_reports_the_demo_data() {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .args(["check", "rules"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The demo data holds one deliberately mistyped amount: the input is not fully processed.
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.starts_with("checked "), "{stdout}");
    for expected in [
        "error[duikou::data::bad_value]: rules/data/project.csv:57:9: `12o.50` is not an amount in 万元",
        "河北省→巴州 2017年民生投入占比 40.0%，低于 74%",
        "辽宁省→塔城地区 2018年投向县及县以下基层的资金占比 64.3%，低于 80%",
        "项目 XJ2018-052（北京市→和田地区，2018年）实际支出 390.00万元，超过计划投资的 110%",
        "项目 XJ2018-055：天津市 与 喀什地区 在 2018 年没有有效的援疆结对关系",
        "江苏省→伊犁州直 2019年投资完成率 92.0%，低于本省 95% 的标准",
        "98 rows read, 97 checked, 1 rejected",
        "5 errors, 2 warnings",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn the_rules_alone_check_clean() {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .args([
            "check",
            "rules/actors.dk",
            "rules/programs.dk",
            "rules/records.dk",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
}
