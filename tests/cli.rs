//! The `duikou check` command: formats, the JSON contract and exit codes.

mod common;

use common::{duikou, stdout};

#[test]
fn json_report_follows_the_contract() {
    let o = duikou(&[
        "check",
        "--format",
        "json",
        "tests/cases/name/unknown_actor.dk",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["rows_read"], 0);
    let f = &v["findings"][0];
    assert_eq!(f["kind"], "diagnostic");
    assert_eq!(f["code"], "duikou::name::unknown_actor");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["location"]["file"], "tests/cases/name/unknown_actor.dk");
    assert!(f["location"]["line"].as_u64().unwrap() > 0);
    assert!(f["help"].as_str().unwrap().contains("河北省"));
    assert!(
        v["receipt"]["engine"]
            .as_str()
            .unwrap()
            .starts_with("duikou ")
    );
    let hash = v["receipt"]["rules"]["tests/cases/name/unknown_actor.dk"]
        .as_str()
        .unwrap();
    assert!(hash.starts_with("sha256:") && hash.len() == 71, "{hash}");
}

#[test]
fn json_output_is_byte_identical_across_runs() {
    let a = stdout(&duikou(&[
        "check",
        "--format",
        "json",
        "rules",
        "tests/cases/type",
    ]));
    let b = stdout(&duikou(&[
        "check",
        "--format",
        "json",
        "rules",
        "tests/cases/type",
    ]));
    assert_eq!(a, b);
}

#[test]
fn exit_codes() {
    assert_eq!(
        duikou(&["check", "tests/cases/valid/actor_all.dk"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        duikou(&["check", "tests/cases/parse/unterminated_string.dk"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(duikou(&["check", "no/such/path"]).status.code(), Some(2));
    // A warning passes, unless warnings are denied.
    assert_eq!(
        duikou(&["check", "tests/cases/decl/grade_order.dk"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        duikou(&[
            "check",
            "--deny-warnings",
            "tests/cases/decl/grade_order.dk"
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn human_output_shows_the_snippet_and_help_without_colour_when_piped() {
    let o = duikou(&["check", "tests/cases/name/unknown_actor.dk"]);
    let text = stdout(&o);
    assert!(text.contains("duikou::name::unknown_actor"), "{text}");
    assert!(text.contains("did you mean `河北省`?"), "{text}");
    assert!(text.contains("unknown_actor.dk:"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape codes when piped");
    assert!(text.contains("\ntotal: 1 error, 0 warnings\n"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("exit 2: the input could not be fully processed — 1 error in the rule files, so gaps, conflicts and data were not checked; fix it and run again"),
        "{text}"
    );
}

#[test]
fn output_file_is_written() {
    let path = std::env::temp_dir().join(format!("duikou-report-{}.json", std::process::id()));
    let o = duikou(&[
        "check",
        "--format",
        "json",
        "-o",
        path.to_str().unwrap(),
        "rules",
    ]);
    // The shipped data has violations and one deliberately rejected row.
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let summary = &v["summary"];
    assert_eq!(summary["rows_rejected"], 1);
    assert_eq!(
        summary["rows_read"].as_u64().unwrap(),
        summary["rows_checked"].as_u64().unwrap() + 1
    );
    let data = v["receipt"]["data"].as_object().unwrap();
    assert!(
        data["rules/data/project.csv"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    assert!(
        data["rules/data/rating.csv"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn a_utf16_csv_is_read() {
    let dir = std::env::temp_dir().join(format!("duikou-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("r.dk");
    std::fs::write(&rules, "record project { id: text key }\n").unwrap();
    let csv = dir.join("p.csv");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "id\np1\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&csv, bytes).unwrap();
    let data = format!("project={}", csv.display());
    let o = duikou(&["check", rules.to_str().unwrap(), "--data", &data]);
    let text = stdout(&o);
    // Excel's "Unicode 文本" is UTF-16 with a byte-order mark: it is decoded, not refused.
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("rows        1 read, 1 checked, 0 rejected"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// Rule counts without the rows of an unreadable file would look like a pass: the report says
/// the rule's data is incomplete.
#[test]
fn a_rule_over_an_unreadable_file_is_marked_incomplete() {
    let case = std::path::Path::new("tests/data_cases/file_missing_column");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(["check", "rules.dk", "--data", "data", "--format", "short"])
        .current_dir(case)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "  incomplete: data/project.csv could not be read in full (see the data problems)"
        ),
        "{text}"
    );
}
