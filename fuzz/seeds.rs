//! What the fuzz targets and the regression replay (`tests/fuzz_regressions.rs`) build in:
//! the shipped rule set, which the data targets check against, and the valid rule files the
//! structured target splices tokens into.

#![allow(dead_code)]

/// The shipped rule set (`rules/*.dk`), as `(file name, text)`.
pub fn shipped_rules() -> Vec<(String, String)> {
    [
        ("rules/actors.dk", include_str!("../rules/actors.dk")),
        ("rules/bazhou.dk", include_str!("../rules/bazhou.dk")),
        (
            "rules/central_policy.dk",
            include_str!("../rules/central_policy.dk"),
        ),
        ("rules/funding.dk", include_str!("../rules/funding.dk")),
        ("rules/hebei.dk", include_str!("../rules/hebei.dk")),
        ("rules/jiangsu.dk", include_str!("../rules/jiangsu.dk")),
        ("rules/national.dk", include_str!("../rules/national.dk")),
        (
            "rules/pairings_2010.dk",
            include_str!("../rules/pairings_2010.dk"),
        ),
        ("rules/programs.dk", include_str!("../rules/programs.dk")),
        ("rules/records.dk", include_str!("../rules/records.dk")),
        ("rules/tests.dk", include_str!("../rules/tests.dk")),
        ("rules/xinjiang.dk", include_str!("../rules/xinjiang.dk")),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), text.to_string()))
    .collect()
}

/// Valid rule files of every kind of declaration, both dialects, for the structured target.
pub const BASES: &[&str] = &[
    include_str!("../tests/cases/valid/rules_full.dk"),
    include_str!("../tests/cases/valid/evaluation.dk"),
    include_str!("../tests/cases/valid/tests.dk"),
    include_str!("../tests/cases/valid/expressions.dk"),
    include_str!("../tests/cases/valid/literals.dk"),
    include_str!("../tests/cases/valid/mixed_dialects.dk"),
    include_str!("../tests/cases/valid/period_both_dialects.dk"),
    include_str!("../tests/cases/valid/document.dk"),
    include_str!("../tests/cases/valid/permit_exception.dk"),
    include_str!("../tests/cases/valid/pure_chinese.dk"),
    include_str!("../tests/cases/valid/national.dk"),
    include_str!("../tests/cases/valid/join_rating.dk"),
    include_str!("../tests/cases/valid/pair_block.dk"),
];

/// The structured target's input: the first byte picks the base, the rest are edits.
pub fn rules_structured(data: &[u8]) {
    if let Some((&pick, edits)) = data.split_first() {
        duikou::fuzzing::rules_structured(BASES[usize::from(pick) % BASES.len()], edits);
    }
}
