//! The README's library example, as written there, runs on the shipped rules.

use duikou::{Data, RuleSet};

#[test]
fn the_readme_library_example_runs() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root)?;
    let rules = RuleSet::load(&["rules".into()]);
    assert!(!rules.has_errors());

    let report = rules.check(&Data::new().path("rules/data"))?;
    assert!(report.summary.rows_checked > 50);
    let rows = vec![
        serde_json::json!({"id": "XJ2019-900", "program": "援疆", "supporter": "河北省",
        "recipient": "巴州", "year": 2019, "category": "医疗", "livelihood": true,
        "county_or_below": true, "planned": "800", "spent": "990", "completed": true}),
    ];
    let report = rules.check(&Data::new().rows("project", rows)?)?;
    assert!(report.findings.iter().any(|f| f.rule == "超支"));

    let one = rules.check_record(
        "project",
        &serde_json::json!({"id": "XJ2019-901", "year": "二〇一九"}),
    )?;
    assert!(!one.rejected.is_empty());
    let mut form = rules.record_checker("project")?;
    let again = form.check(&serde_json::json!({"id": "XJ2019-902", "program": "援疆",
    "supporter": "河北省", "recipient": "巴州", "year": 2019, "category": "教育", "livelihood": false,
    "county_or_below": true, "planned": "300", "spent": "280", "completed": false}))?;
    assert!(again.rejected.is_empty() && again.findings.is_empty());

    assert!(!rules.conflicts().is_empty());
    let _gaps = rules.gaps(&duikou::GapOptions::default());
    let scores = rules.score(&Data::new(), Some("援疆考核"))?;
    assert!(!scores.rows.is_empty());
    let why = rules.explain(
        "超支",
        &duikou::Target::Record("XJ2019-058".into()),
        &Data::new(),
    )?;
    assert!(why.text.contains("outcome: overridden"));
    assert!(rules.run_tests().iter().all(|t| t.passed));
    Ok(())
}
