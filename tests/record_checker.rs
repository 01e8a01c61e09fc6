//! The fast path for one record (`RuleSet::record_checker`, `check_record`) decides every row
//! exactly as the same row does among in-memory rows (`Data::rows`, read as JSON): the same
//! record-level findings and the same rejected cells, whatever the row's Rust type.

use duikou::{Data, RecordReport, RuleSet};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};
use std::sync::OnceLock;

#[path = "support/shipped_rows.rs"]
mod shipped_rows;
use shipped_rows::shipped_project_rows;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules =
            RuleSet::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")]);
        assert!(!rules.has_errors(), "the shipped rules check");
        rules
    })
}

/// What a row came to, without where it was read: record findings, then rejections.
fn shape(findings: &[duikou::Finding], rejected: &[duikou::Rejected]) -> Vec<String> {
    let mut out: Vec<String> = findings
        .iter()
        .filter(|f| f.group.is_empty())
        .map(|f| {
            format!(
                "{} {:?} {} {:?} {:?}",
                f.rule, f.kind, f.message, f.value, f.record
            )
        })
        .collect();
    out.extend(rejected.iter().map(|r| {
        format!(
            "rejected {} {:?} {} {:?}",
            r.code, r.field, r.message, r.help
        )
    }));
    out
}

/// The row among in-memory rows, checked as a whole data set.
fn among_rows(row: &impl Serialize) -> Vec<String> {
    let data = Data::new()
        .rows("project", [row])
        .expect("the row serialises");
    let report = rules().check(&data).expect("the rules have no errors");
    shape(&report.findings, &report.rejected)
}

fn alone(report: &RecordReport) -> Vec<String> {
    shape(&report.findings, &report.rejected)
}

#[test]
fn every_shipped_row_alone_as_among_rows() {
    let mut form = rules().record_checker("project").unwrap();
    let mut found = 0;
    for row in shipped_project_rows() {
        let reused = alone(&form.check(&row).unwrap());
        assert_eq!(reused, among_rows(&row), "row {row:?}");
        assert_eq!(
            reused,
            alone(&rules().check_record("project", &row).unwrap())
        );
        found += reused.len();
    }
    assert!(found > 0, "some shipped rows have findings");
}

#[derive(Serialize)]
enum Category {
    #[serde(rename = "民生")]
    Livelihood,
}

#[derive(Serialize)]
struct Project<'a> {
    id: &'a str,
    program: &'a str,
    supporter: &'a str,
    recipient: &'a str,
    year: u16,
    category: Category,
    livelihood: bool,
    county_or_below: bool,
    planned: f64,
    spent: rust_decimal::Decimal,
    completed: Option<bool>,
    note: Option<Vec<u8>>,
}

#[test]
fn a_struct_is_checked_as_its_json_object() {
    let over = Project {
        id: "XJ2019-901",
        program: "援疆",
        supporter: "河北省",
        recipient: "巴州",
        year: 2019,
        category: Category::Livelihood,
        livelihood: true,
        county_or_below: true,
        planned: 800.0,
        spent: rust_decimal::Decimal::new(99_000, 2),
        completed: Some(true),
        note: None,
    };
    let report = rules().check_record("project", &over).unwrap();
    assert!(!report.findings.is_empty(), "990 over 800 planned is found");
    assert_eq!(alone(&report), among_rows(&over));
    let listed = Project {
        note: Some(vec![1, 2]),
        ..over
    };
    let report = rules().check_record("project", &listed).unwrap();
    assert_eq!(report.rejected[0].field.as_deref(), Some("note"));
    assert_eq!(alone(&report), among_rows(&listed));
}

#[test]
fn a_value_that_is_not_an_object_is_rejected_not_an_error() {
    for row in [json!([1, 2]), json!(3), json!("project"), json!(null)] {
        let report = rules().check_record("project", &row).unwrap();
        assert_eq!(report.rejected.len(), 1, "{row}");
        assert_eq!(report.rejected[0].code, "duikou::data::bad_row");
        assert!(report.findings.is_empty());
    }
}

#[test]
fn a_key_that_is_not_text_is_an_error() {
    let mut row = std::collections::BTreeMap::new();
    row.insert(vec![1u8], "x");
    assert!(rules().check_record("project", &row).is_err());
}

/// Cells a form may send: text, numbers, booleans, nothing, and nested values.
fn cell() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            "河北省",
            "巴州",
            "江苏省",
            "援疆",
            "援藏",
            "2019",
            "２０１９",
            "民生",
            "true",
            "否",
            "800",
            "1,200.50",
            "990.00",
            "-5",
            "",
            " 12 ",
            "many",
            "1e3",
            "二〇一九",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        any::<i32>().prop_map(|n| json!(n)),
        (-1.0e6..1.0e6f64).prop_map(|n| json!(n)),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
        Just(json!([1, "a"])),
        Just(json!({"a": 1})),
    ]
}

fn row() -> impl Strategy<Value = serde_json::Map<String, Value>> {
    let keys = vec![
        "id",
        "program",
        "supporter",
        "recipient",
        "year",
        "category",
        "livelihood",
        "county_or_below",
        "planned",
        "spent",
        "completed",
        "note",
        "spend",
        "备注",
    ];
    prop::collection::vec((prop::sample::select(keys), cell()), 0..16)
        .prop_map(|pairs| pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_object_alone_as_among_rows(rows in prop::collection::vec(row(), 1..4)) {
        let mut form = rules().record_checker("project").unwrap();
        for row in &rows {
            // The checker keeps its buffers from the row before: nothing of it may leak.
            let reused = alone(&form.check(row).unwrap());
            prop_assert_eq!(&reused, &among_rows(row));
        }
    }
}

/// A map whose entries are written in order, keys repeated as given.
struct Entries(Vec<(&'static str, &'static str)>);

impl Serialize for Entries {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[test]
fn a_key_given_twice_counts_once_with_its_last_value() {
    let row = |spent_twice: bool| {
        let mut entries = vec![("id", "XJ2019-903"), ("program", "援疆")];
        if spent_twice {
            entries.push(("spent", "99999"));
        }
        entries.extend([
            ("spent", "280"),
            ("supporter", "河北省"),
            ("recipient", "巴州"),
            ("year", "2019"),
            ("category", "教育"),
            ("livelihood", "false"),
            ("county_or_below", "true"),
            ("planned", "300"),
            ("completed", "false"),
        ]);
        Entries(entries)
    };
    let mut form = rules().record_checker("project").unwrap();
    let once = alone(&form.check(&row(false)).unwrap());
    // The first value's buffer is reused by the cells after it: nothing of it may remain.
    assert_eq!(alone(&form.check(&row(true)).unwrap()), once);
    assert_eq!(alone(&form.check(&row(true)).unwrap()), once);
    assert!(form.check(&row(true)).unwrap().rejected.is_empty());
}
