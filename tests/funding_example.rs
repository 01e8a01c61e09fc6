//! The funding-formula example (`examples/资金公式`): an 8% growth over the previous year and 1‰
//! of the previous year's revenue, checked and explained as the README shows.

use std::process::Command;

fn duikou(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_growth_and_the_previous_year_base_are_checked() {
    let (code, out) = duikou(&["check", "examples/资金公式"]);
    assert_eq!(code, Some(1), "{out}");
    for expected in [
        "津甘增长      津甘协议 art 1      3 groups       2           1",
        "天津市 2015年帮扶资金 7,400.00万元，低于上年的 108%",
        "江苏省 2018年援藏资金 80,000.00万元，低于上年度收入的 1‰",
        "total: 3 errors, 0 warnings",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn the_explanation_shows_both_years() {
    let (code, out) = duikou(&[
        "explain",
        "津甘增长",
        "examples/资金公式",
        "--group",
        "supporter=天津市,year=2015",
    ]);
    assert_eq!(code, Some(0), "{out}");
    for expected in [
        "sum(amount) 上年 = 7,000.00万元",
        "from 2 rows of 2014: JG2014-1, JG2014-2",
        "7,400.00万元 >= 7,560.00万元 → false",
        "outcome: violation",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}
