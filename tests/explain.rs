//! `duikou explain` on the shipped rules and data: the steps, the rows, and clear refusals.

mod common;

use common::duikou;
use std::process::Output;

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_group_shows_each_aggregate_with_its_rows() {
    let o = duikou(&[
        "explain",
        "民生投入",
        "--group",
        "supporter=河北省,recipient=巴州,year=2017",
    ]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    for expected in [
        "from 援疆工作部署 art 6 (rules/national.dk:58:10)",
        "over project where program == 援疆, per supporter, recipient, year",
        "group supporter = 河北省, recipient = 巴州, year = 2017: 2 rows (XJ2017-046, XJ2017-047)",
        "sum(planned where livelihood) = 400.00万元\n    from 1 row: XJ2017-047",
        "sum(planned) = 1,000.00万元\n    from 2 rows: XJ2017-046, XJ2017-047",
        ": 40.0% >= 74.0% → false",
        "outcome: violation",
        "message: 河北省→巴州 2017年民生投入占比 40.0%，低于 74%",
    ] {
        assert!(t.contains(expected), "missing {expected:?} in\n{t}");
    }
}

#[test]
fn an_alias_names_the_same_group() {
    let o = duikou(&[
        "explain",
        "民生投入",
        "--group",
        "supporter=河北,recipient=巴州,year=2017",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn a_record_shows_its_fields_and_the_comparison() {
    let o = duikou(&["explain", "超支", "--record", "XJ2018-052"]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(
        t.contains("record XJ2018-052 (rules/data/project.csv:38)"),
        "{t}"
    );
    assert!(t.contains("spent = 390.00万元"), "{t}");
    assert!(
        t.contains("spent > planned * 110%: 390.00万元 > 330.00万元 → true"),
        "{t}"
    );
    assert!(t.contains("outcome: violation"), "{t}");
}

#[test]
fn a_passing_group_says_so() {
    let o = duikou(&[
        "explain",
        "民生投入",
        "--group",
        "supporter=河北省,recipient=巴州,year=2018",
    ]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0), "{t}");
    assert!(t.contains("outcome: passed"), "{t}");
}

#[test]
fn refusals_say_what_is_wrong() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["explain", "民生", "--group", "supporter=河北省"],
            "did you mean `民生投入`?",
        ),
        (
            &[
                "explain",
                "民生投入",
                "--group",
                "supporter=河北省,year=2017",
            ],
            "missing `recipient`",
        ),
        (
            &[
                "explain",
                "民生投入",
                "--group",
                "supporter=河北省,recipient=巴州,year=2030",
            ],
            "no rows of `project` fall in the group",
        ),
        (
            &["explain", "民生投入", "--record", "XJ2017-046"],
            "use `--group supporter=…,recipient=…,year=…`",
        ),
        (
            &["explain", "超支", "--record", "nope"],
            "no valid record of `project` has the key `nope`",
        ),
    ];
    for (args, expected) in cases {
        let o = duikou(args);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {t}");
        assert!(
            t.contains(expected),
            "{args:?}: missing {expected:?} in\n{t}"
        );
    }
}

#[test]
fn a_rejected_row_leaves_only_rules_over_its_rows_undetermined() {
    let case = "tests/data_cases/rejected_row_in_group";
    let rules = format!("{case}/rules.dk");
    let data = format!("{case}/data");
    let explain = |rule: &str, group: &str| {
        text(&duikou(&[
            "explain", rule, &rules, "--data", &data, "--group", group,
        ]))
    };
    let joined_only = explain("评价", "supporter=河北省,recipient=巴州,year=2018");
    for expected in [
        "project.csv:5 was rejected (amount: `8o` is not a number)",
        "they do not change this rule's result: it aggregates no `project` rows",
        "outcome: violation",
    ] {
        assert!(
            joined_only.contains(expected),
            "missing {expected:?} in\n{joined_only}"
        );
    }
    let own = explain("规模", "supporter=河北省,recipient=巴州,year=2018");
    assert!(
        own.contains("outcome: undetermined: the group is incomplete without them"),
        "{own}"
    );
    let all_rejected = explain("评价", "supporter=天津市,recipient=和田地区,year=2018");
    assert!(
        all_rejected.contains("outcome: undetermined"),
        "{all_rejected}"
    );
}

#[test]
fn a_group_key_given_twice_is_refused() {
    let o = duikou(&[
        "explain",
        "民生投入",
        "--group",
        "supporter=河北省,recipient=巴州,year=2017,year=2018",
    ]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("`year` is given twice (`year=2017` and `year=2018`)"),
        "{t}"
    );
}

#[test]
fn a_plan_period_is_explained_with_the_rows_of_every_year() {
    let dir = "tests/data_cases/period_plan";
    for year in ["2016..2020", "2016-2020", "2017"] {
        let group = format!("supporter=江苏省,year={year}");
        let o = duikou(&[
            "explain",
            "期间增长",
            &format!("{dir}/rules.dk"),
            "--data",
            &format!("{dir}/data"),
            "--group",
            &group,
        ]);
        let t = text(&o);
        for expected in [
            "per supporter, period(year, 2011..2015, 2016..2020)",
            "group supporter = 江苏省, year = 2016–2020: 2 rows (J16, J17)",
            "sum(amount) = 270.00亿元\n    from 2 rows: J16, J17",
            "sum(amount) at year - 1 = 495.00亿元\n    from 5 rows of 2011–2015: J11, J12, J13, J14, J15",
            "outcome: violation",
        ] {
            assert!(t.contains(expected), "missing {expected:?} in\n{t}");
        }
    }
    let o = duikou(&[
        "explain",
        "期间增长",
        &format!("{dir}/rules.dk"),
        "--data",
        &format!("{dir}/data"),
        "--group",
        "supporter=江苏省,year=2011..2015",
    ]);
    let t = text(&o);
    assert!(
        t.contains("undetermined (no plan period is listed before 2011–2015)"),
        "{t}"
    );
    let o = duikou(&[
        "explain",
        "期间增长",
        &format!("{dir}/rules.dk"),
        "--data",
        &format!("{dir}/data"),
        "--group",
        "supporter=江苏省,year=2021",
    ]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("2021 lies in none of the rule's plan periods: 2011–2015, 2016–2020"),
        "{t}"
    );
}

#[test]
fn a_total_to_date_lists_the_years_it_adds_up_and_a_rejected_earlier_row() {
    let dir = "tests/data_cases/period_cumulative";
    let run = |group: &str| {
        let o = duikou(&[
            "explain",
            "规划进度",
            &format!("{dir}/rules.dk"),
            "--data",
            &format!("{dir}/data"),
            "--group",
            group,
        ]);
        text(&o)
    };
    let t = run("supporter=江苏省,year=2013");
    for expected in [
        "decided at each year of a period, to date",
        "group supporter = 江苏省, year = 2013: 1 row (J13)",
        "cumulative sum(amount) = 270.00亿元\n    from 3 rows of 2011–2013: J11, J12, J13",
        "sum(plan.amount) = 500.00亿元",
        "outcome: violation",
    ] {
        assert!(t.contains(expected), "missing {expected:?} in\n{t}");
    }
    let t = run("supporter=浙江省,year=2013");
    assert!(t.contains("data/transfer.csv:7 was rejected"), "{t}");
    assert!(t.contains("outcome: undetermined"), "{t}");
    let t = run("supporter=江苏省,year=2011..2015");
    assert!(t.contains("give a year, e.g. `2015`"), "{t}");
}
