//! `duikou gaps` from the command line: formats, the matrix, years and exit codes.

mod common;

use common::{duikou, stdout};

#[test]
fn json_findings_carry_code_kind_and_years() {
    let o = duikou(&["gaps", "rules", "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a G002 error in the shipped rules"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["kind"] == "gap"));
    let g002 = findings.iter().find(|f| f["code"] == "G002").unwrap();
    assert_eq!(g002["severity"], "error");
    assert_eq!(
        g002["years"],
        serde_json::json!([{ "from": 2016, "to": 2021 }])
    );
    assert_eq!(g002["location"]["file"], "rules/programs.dk");
    let g006 = findings.iter().find(|f| f["code"] == "G006").unwrap();
    assert_eq!(
        g006["years"],
        serde_json::json!([{ "from": 2026, "to": 2030 }])
    );
    assert!(!g006["related"].as_array().unwrap().is_empty());
    let summary = &v["summary"];
    assert_eq!(summary["errors"], 1);
}

#[test]
fn the_matrix_shows_holders_and_basis() {
    let o = duikou(&["gaps", "rules", "--matrix"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("program 援藏 (1994 onwards)"), "{text}");
    assert!(text.contains("国家发改委*"), "{text}");
    assert!(text.contains("河北援疆前指* (2010–2025), 河北省"), "{text}");
    assert!(
        text.contains("216 cells: 24 legal, 192 political only, 0 unheld"),
        "{text}"
    );

    let o = duikou(&["gaps", "rules", "--matrix", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let cells = v["matrix"].as_array().unwrap();
    let hebei = cells
        .iter()
        .find(|c| {
            c["scope"] == "pair 河北省 -> 巴州 in 援疆"
                && c["function"] == "贯彻落实"
                && c["side"] == "supporter"
        })
        .unwrap();
    assert_eq!(hebei["basis"], "legal");
    assert_eq!(hebei["holders"][0]["actor"], "河北援疆前指");
    assert_eq!(hebei["holders"][0]["role"], "lead");
    // Years as ranges, as gap findings give them.
    assert_eq!(
        hebei["holders"][0]["years"],
        serde_json::json!([{ "from": 2010, "to": 2025 }])
    );
    assert!(hebei["years"].as_array().is_some_and(|y| !y.is_empty()));
    let open = cells.iter().find(|c| c["scope"] == "program 援藏").unwrap();
    assert_eq!(
        open["years"],
        serde_json::json!([{ "from": 1994, "to": null }])
    );
    assert_eq!(hebei["holders"][0]["document"], "河北援疆办法");

    let o = duikou(&["gaps", "rules", "--matrix", "--format", "markdown"]);
    let md = stdout(&o);
    assert!(
        md.contains("| scope | 总体规划 | 组织协调 | 监督评价 | 日常办事 |"),
        "{md}"
    );
    assert!(
        md.contains("| program 援藏 | 国家发改委* · political |"),
        "{md}"
    );
}

#[test]
fn one_year_narrows_the_findings() {
    let o = duikou(&["gaps", "rules", "--year", "2014", "--format", "short"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "no G002 in 2014: {text}");
    assert!(!text.contains("[G002]"), "{text}");
    assert!(!text.contains("[G006]"), "{text}");
    let o = duikou(&[
        "gaps",
        "rules",
        "--as-of",
        "2019-06-30",
        "--format",
        "short",
    ]);
    let text = stdout(&o);
    assert!(text.contains("error[G002]"), "{text}");
    assert!(text.contains("in 2019"), "{text}");
    // A year after an office lapsed: the lapse is dated, not put before the pairing began.
    let o = duikou(&["gaps", "rules", "--year", "2027", "--format", "short"]);
    let text = stdout(&o);
    assert!(
        text.contains("`河北援疆前指` stops holding `贯彻落实` for pair 河北省 -> 巴州 in 援疆 from 2025-12-31"),
        "{text}"
    );
    assert!(!text.contains("before the scope began"), "{text}");
}

#[test]
fn markdown_findings_and_bad_dates() {
    let o = duikou(&["gaps", "rules", "--format", "markdown"]);
    let md = stdout(&o);
    assert!(
        md.starts_with("| code | severity | years | finding | where |"),
        "{md}"
    );
    assert!(md.contains("| G002 | error | 2016–2021 |"), "{md}");
    let o = duikou(&["gaps", "rules", "--as-of", "2019-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a date"));
}

#[test]
fn rules_with_errors_are_not_analysed() {
    let dir = std::env::temp_dir().join(format!("duikou-gaps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.dk");
    std::fs::write(&file, "pair 河北 -> 巴州 in 援疆\n").unwrap();
    let o = duikou(&["gaps", file.to_str().unwrap(), "--format", "short"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("duikou::name::unknown_actor"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("fix them before looking for gaps"));
    std::fs::remove_dir_all(dir).ok();
}
