//! Golden tests of the human `check` report (and its Markdown form): each case's output must
//! equal `tests/layout/NAME.expected`, byte for byte, whether the terminal is 40 or 200 columns
//! wide — the layout depends on the content only, and Chinese text is aligned by display width.
//! `DUIKOU_BLESS=1 cargo test --test layout` rewrites the expected files.

mod common;

use std::process::Command;

/// `(name, arguments)`.
const CASES: &[(&str, &[&str])] = &[
    ("shipped_rules", &["check", "rules"]),
    ("shipped_rules_all", &["check", "rules", "--all"]),
    (
        "shipped_rules_markdown",
        &["check", "rules", "--format", "markdown"],
    ),
    (
        "rule_file_error",
        &["check", "tests/cases/name/unknown_actor.dk"],
    ),
    (
        "static_warning",
        &["check", "tests/cases/decl/grade_order.dk"],
    ),
    (
        "deny_warnings",
        &[
            "check",
            "tests/cases/decl/grade_order.dk",
            "--deny-warnings",
        ],
    ),
    (
        "warning_denied_in_data",
        &[
            "check",
            "tests/data_cases/file_unknown_column/rules.dk",
            "--data",
            "tests/data_cases/file_unknown_column/data",
            "--deny-warnings",
        ],
    ),
    (
        "unreadable_data",
        &[
            "check",
            "tests/data_cases/file_missing_column/rules.dk",
            "--data",
            "tests/data_cases/file_missing_column/data",
        ],
    ),
];

/// Runs a case with the terminal `columns` wide: stdout and the exit code.
fn run(args: &[&str], columns: &str) -> (String, i32) {
    let o = Command::new(env!("CARGO_BIN_EXE_duikou"))
        .env("DUIKOU_LANG", "en")
        .args(args)
        .env("COLUMNS", columns)
        .env_remove("NO_COLOR")
        .output()
        .expect("duikou runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        o.status.code().unwrap_or(-1),
    )
}

#[test]
fn human_layout_is_the_same_at_two_terminal_widths() {
    let mut failures = Vec::new();
    for (name, args) in CASES {
        let (narrow, code) = run(args, "40");
        let (wide, wide_code) = run(args, "200");
        assert_eq!(
            narrow, wide,
            "{name}: the layout depends on the terminal width"
        );
        assert_eq!(code, wide_code);
        let actual = format!("{narrow}[exit {code}]\n");
        let file = format!("tests/layout/{name}.expected");
        if std::env::var_os("DUIKOU_BLESS").is_some() {
            std::fs::write(&file, &actual).expect("write the expectation");
            continue;
        }
        match std::fs::read_to_string(&file) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name} differs:\n{}",
                common::diff(&expected, &actual)
            )),
            Err(e) => failures.push(format!("{file}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_first_screen_answers() {
    let (text, _) = run(&["check", "rules"], "80");
    let first: Vec<&str> = text.lines().take(40).collect();
    let first = first.join("\n");
    // What was checked, one line per rule, and the gaps and conflicts counted.
    for expected in [
        "rule files  12:",
        "rows        125 read, 124 checked, 1 rejected",
        "民生投入",
        "援疆工作部署 art 6",
        "G003  warning  192",
        "C001  error      1",
    ] {
        assert!(
            first.contains(expected),
            "{expected:?} not on the first screen:\n{first}"
        );
    }
    let last: Vec<&str> = text.lines().rev().take(2).collect();
    assert_eq!(last[1], "total: 12 errors, 245 warnings, 28 infos");
    assert!(last[0].starts_with("exit 2: the input could not be fully processed"));
}

/// Runs a case on a real terminal (a pseudo-terminal from util-linux `script`) `columns` wide.
fn run_on_terminal(args: &[&str], columns: u32, no_color: bool) -> String {
    let command = format!(
        "stty cols {columns} rows 50; {} {}",
        env!("CARGO_BIN_EXE_duikou"),
        args.join(" ")
    );
    let mut c = Command::new("script");
    c.env("DUIKOU_LANG", "en");
    c.args(["-qec", &command, "/dev/null"]);
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    let o = c.output().expect("`script` (util-linux) runs");
    String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n")
}

#[test]
fn on_a_terminal_the_layout_is_the_same_at_40_and_200_columns() {
    for (name, args) in CASES {
        if args.contains(&"markdown") {
            continue;
        }
        let narrow = run_on_terminal(args, 40, true);
        let wide = run_on_terminal(args, 200, true);
        assert_eq!(
            narrow, wide,
            "{name}: the layout depends on the terminal width"
        );
        let expected = std::fs::read_to_string(format!("tests/layout/{name}.expected"))
            .expect("the expectation");
        let body = expected
            .rsplit_once("[exit ")
            .map_or(expected.as_str(), |(b, _)| b);
        assert_eq!(narrow, body, "{name}: the terminal shows another layout");
    }
    // Colour only on a terminal, and not with NO_COLOR.
    let coloured = run_on_terminal(&["check", "tests/cases/decl/grade_order.dk"], 80, false);
    assert!(coloured.contains("\u{1b}["), "no colour on a terminal");
}
