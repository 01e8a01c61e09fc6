//! The shipped rule set in rules/ checks clean, and its demo data gives the report the README shows.

use duikou::RuleSet;
use std::process::Command;

#[test]
fn shipped_rules_have_no_diagnostics() {
    let rules = RuleSet::load(&["rules".into()]);
    let shown = rules.render_diagnostics(rules.diagnostics(), duikou::DiagnosticForm::Short);
    assert!(rules.diagnostics().is_empty(), "{shown}");
    // The counts of pairs and functions are checked inside the crate (src/tests/shipped_rules.rs).
    assert!(rules.run_tests().len() >= 3);
    assert_eq!(rules.evaluations().len(), 1);
}

#[test]
fn check_on_shipped_rules_reports_the_demo_data() {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["check", "rules"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The demo data holds one deliberately mistyped amount: the input is not fully processed.
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.starts_with("checked\n  rule files  12: "),
        "{stdout}"
    );
    for expected in [
        "  error    duikou::data::bad_value  rules/data/project.csv:58:9  `12o.50` is not an amount in 万元\n",
        "河北省→巴州 2017年民生投入占比 40.0%，低于 74%",
        "辽宁省→塔城地区 2018年投向县及县以下基层的资金占比 64.3%，低于 80%",
        "项目 XJ2018-052（北京市→和田地区，2018年）实际支出 390.00万元，超过计划投资的 110%",
        "项目 XJ2018-055：天津市 与 喀什地区 在 2018 年没有有效的援疆结对关系",
        "江苏省→伊犁州直 2019年投资完成率 92.0%，低于本省 95% 的标准",
        "  rows        125 read, 124 checked, 1 rejected\n",
        "  G003  warning  192  held only on political basis",
        "  G009  info      26  an imprecise pairing",
        "  warning  … and 187 more of G003 — `duikou gaps rules` lists them",
        "\ntotal: 12 errors, 245 warnings, 28 infos\n",
        // The funding formulas over time (rules/funding.dk).
        "天津市 2015年帮扶资金 7,400.00万元，低于上年的 108%",
        "江苏省 2018年援藏资金 80,000.00万元，低于上年度地方一般公共预算收入的 1‰",
        "上海市 2011–2015 规划期到位资金 990,000.00万元，未完成规划投资",
        "上海市 截至 2014 年累计到位资金 750,000.00万元，低于规划投资的 80%",
        "exit 2: the input could not be fully processed — 1 data row rejected",
        // The rejected row belongs to 上海市 → 喀什地区 in 2019: that group cannot be decided.
        "a row of the group is missing: rules/data/project.csv:58:9 was rejected",
        "info     overridden 超支 (援疆工作部署 art 8): record XJ2019-058",
        "`超支` (援疆项目实际支出不得超过计划投资的110%) is not enforced here, it yields to `医疗设备超支许可`",
        "error    C001  rules/jiangsu.dk:129:10",
        "— `duikou conflicts rules` shows the witness",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn gaps_in_the_shipped_rules_show_the_three_ills() {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["gaps", "rules", "--format", "short"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // 多头: two leads for 监督评价 of 东西部协作 while the 2016 guidance and the 1996 report overlap.
    assert!(
        stdout.contains("error[G002]: rules/programs.dk:12:6: `监督评价` on the central side of program 东西部协作 has several leads in 2016–2021: 国务院扶贫办, 国务院扶贫开发领导小组 (多头)"),
        "{stdout}"
    );
    // 缺躯: no standing office for the daily work of 援藏.
    assert!(stdout.contains("warning[G005]: rules/programs.dk:11:9: `日常办事` on the central side of program 援藏 needs an office as holder, but from 1994 on only 国家发改委 (department) holds it"), "{stdout}");
    // 机构跟着项目走: the 河北 front office lapses in 2025, the pairing runs to 2030.
    assert!(stdout.contains("warning[G006]: rules/hebei.dk:46:5: `河北援疆前指` stops holding `贯彻落实` for pair 河北省 -> 巴州 in 援疆 after 2025"), "{stdout}");
    assert!(
        stdout.contains("has holders but no lead in 2026–2030: 河北省"),
        "{stdout}"
    );
    for absent in ["[G001]", "[G007]", "[G008]"] {
        assert!(!stdout.contains(absent), "{absent} in\n{stdout}");
    }
    assert_eq!(out.status.code(), Some(1), "a G002 error");
}

/// Exit 2 means the input was not fully processed: with every row valid, the shipped rules' own
/// gap and conflict errors and the data's violations give exit 1.
#[test]
fn valid_data_with_error_findings_exits_1() {
    let dir = std::env::temp_dir().join(format!("duikou-valid-data-{}", std::process::id()));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("temp folder");
    let projects = std::fs::read_to_string("rules/data/project.csv").expect("demo data");
    let valid: String = projects
        .lines()
        .filter(|l| !l.contains("12o.50"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(data.join("project.csv"), valid).expect("write");
    std::fs::copy("rules/data/rating.csv", data.join("rating.csv")).expect("copy");
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["check", "rules", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        stdout.contains("  rows        98 read, 98 checked, 0 rejected\n"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.ends_with("exit 1: findings of severity error — 4 violations, 1 gap, 1 conflict\n"),
        "{stdout}"
    );
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// No law assigns the central functions of 援疆: only policy documents do (G003); the example
/// regulation 援疆条例草案 shows how they would gain a legal basis.
#[test]
fn central_functions_are_political_only_until_the_example_regulation_is_added() {
    let (_, alone) = run(&["gaps", "rules", "--format", "short"]);
    for f in ["总体规划", "组织协调", "监督评价", "日常办事"] {
        let line = format!(
            "`{f}` on the central side of program 援疆 has only political basis from 2010 on"
        );
        assert!(alone.contains(&line), "missing {line:?} in\n{alone}");
    }
    let (_, with) = run(&[
        "gaps",
        "rules",
        "examples/援疆条例草案",
        "--format",
        "short",
    ]);
    assert!(
        !with.contains("on the central side of program 援疆 has only political basis"),
        "{with}"
    );
    let (_, check) = run(&["check", "rules", "examples/援疆条例草案"]);
    assert!(check.contains("checked\n  rule files  13: "), "{check}");
}

/// 河北's rule cannot bind the recipient's organs: their duties are outside its jurisdiction.
#[test]
fn duties_on_recipient_organs_in_a_supporter_rule_get_g010() {
    let (_, gaps) = run(&["gaps", "rules", "--format", "short"]);
    assert!(gaps.contains("warning[G010]: rules/hebei.dk:48:5: `巴州` holds `贯彻落实` for pair 河北省 -> 巴州 in 援疆 on the basis of 河北援疆办法 art 3, which binds only within `河北省`"), "{gaps}");
    assert!(gaps.contains("`伊犁州直` holds `贯彻落实` for pair 江苏省 -> 伊犁州直 in 援疆 on the basis of 江苏援疆办法 art 4, which binds only within `江苏省`"), "{gaps}");
}

/// The separate regulation of 巴州 varies the autonomous region's regulation inside 巴州 only.
#[test]
fn the_separate_regulation_of_bazhou_is_a_variation() {
    let (_, json) = run(&["conflicts", "rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let found = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["resolution"]["kind"] == "variation")
        .expect("a variation");
    assert_eq!(found["code"], "C003");
    assert_eq!(
        found["resolution"]["prevails"],
        "巴州定居兴牧单行条例 art 6"
    );
    assert_eq!(found["resolution"]["region"], "巴州");
    let principle = found["resolution"]["principle"].as_str().expect("text");
    assert!(principle.contains("立法法 art 101 ¶1"), "{principle}");
    assert!(principle.contains("for a person to confirm"), "{principle}");
    // The jointly issued opinions rank as 中共中央办公厅's.
    let c004 = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "C004")
        .expect("a C004");
    assert!(
        c004["resolution"]["principle"]
            .as_str()
            .expect("text")
            .contains("`中共中央办公厅` stands above `国务院扶贫开发领导小组`"),
        "{c004}"
    );
}
