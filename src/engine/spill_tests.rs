//! The temporary-file store of findings: findings come back in order, however small the budget.

use super::*;
use crate::engine::finding::FindingKind;
use rust_decimal::Decimal;

fn finding(rule: usize, order: u64) -> DataFinding {
    DataFinding {
        kind: FindingKind::Violation,
        rule,
        message: format!("rule {rule} broken at row {order}"),
        cause: None,
        group: Vec::new(),
        record: Some(format!("p{order}")),
        at: Some(("p.csv".into(), order + 1)),
        value: None,
        value_exact: None,
        badness: Decimal::new(order as i64, 2),
        order,
    }
}

fn names() -> Vec<String> {
    vec!["甲".into(), "乙".into()]
}

fn read_back(store: &SpilledFindings, r: usize) -> Vec<String> {
    let mut seen = Vec::new();
    store.each(r, |f| seen.push(f.message.clone())).unwrap();
    seen
}

#[test]
fn findings_come_back_in_order_whatever_the_budget() {
    for budget in [0, 1, 300, 5_000, 50_000, DEFAULT_BUDGET] {
        let mut store = SpilledFindings::new(budget, names());
        for order in 0..200 {
            store.push(&finding(usize::from(order % 3 == 0), order));
        }
        assert!(store.error().is_none());
        assert_eq!(store.written > 0, budget < 50_000, "budget {budget}");
        let first: Vec<String> = (0..200)
            .filter(|o| o % 3 != 0)
            .map(|o| format!("rule 0 broken at row {o}"))
            .collect();
        assert_eq!(read_back(&store, 0), first, "budget {budget}");
        assert_eq!(read_back(&store, 1).len(), 67, "budget {budget}");
        // A second reading gives the same findings.
        assert_eq!(read_back(&store, 0), first, "budget {budget}");
    }
}

#[test]
fn held_memory_stays_within_the_budget() {
    let mut store = SpilledFindings::new(1_000, names());
    for order in 0..10_000 {
        store.push(&finding(0, order));
        assert!(store.held_bytes <= 1_000);
    }
    assert!(store.written > 1_000_000);
}

#[test]
fn a_finding_out_of_order_is_an_error_not_a_wrong_list() {
    let mut store = SpilledFindings::new(0, names());
    store.push(&finding(1, 5));
    store.push(&finding(1, 4));
    let want = SpillError::Order { rule: "乙".into() };
    assert_eq!(store.error(), Some(&want));
    assert_eq!(store.each(0, |_| {}), Err(want));
}

#[test]
fn a_changed_file_is_damaged() {
    let mut store = SpilledFindings::new(0, names());
    store.push(&finding(0, 1));
    let file = store.file.as_mut().unwrap().get_mut().unwrap();
    file.seek(SeekFrom::Start(0)).unwrap();
    file.write_all(&[9]).unwrap();
    assert_eq!(store.each(0, |_| {}), Err(SpillError::Damaged));
}

#[test]
#[should_panic(expected = "read through them")]
fn a_spilled_run_is_never_read_as_if_held() {
    let run = crate::engine::run::DataRun {
        findings: vec![Vec::new()],
        spilled: Some(SpilledFindings::new(0, names())),
        ..Default::default()
    };
    let _ = run.held(0);
}
