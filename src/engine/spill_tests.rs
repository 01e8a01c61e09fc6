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

/// The encoded size of the largest of `findings`.
fn largest(findings: impl Iterator<Item = DataFinding>) -> usize {
    findings
        .map(|f| {
            let mut bytes = Vec::new();
            encode(&f, &mut bytes);
            bytes.len()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn a_rules_findings_are_cut_into_pieces_at_the_first_finding_past_a_piece() {
    let one = largest((0..6_000).map(|order| finding(0, order)));
    // Held in memory (a large budget), and moved to the file part of the way through.
    for budget in [DEFAULT_BUDGET * 8, 100_000] {
        let mut store = SpilledFindings::new(budget, names());
        for order in 0..6_000 {
            store.push(&finding(0, order));
        }
        let pieces = store.pieces(0);
        assert!(pieces >= 4, "budget {budget}: {pieces} pieces");
        let mut seen = Vec::new();
        for piece in 0..pieces {
            let bytes = store.piece(0, piece).unwrap();
            // A piece ends at the first finding that takes it to `PIECE` bytes or past, or
            // where a move to the file or the end of the findings cut it.
            assert!(
                bytes.len() < PIECE + one,
                "budget {budget}: {}",
                bytes.len()
            );
            if budget > DEFAULT_BUDGET && piece + 1 < pieces {
                assert!(bytes.len() >= PIECE, "piece {piece}: {}", bytes.len());
            }
            decode_all(&bytes, &mut |f| seen.push(f.order)).unwrap();
        }
        assert_eq!(seen, (0..6_000).collect::<Vec<_>>(), "budget {budget}");
    }
}

#[test]
fn the_busiest_rules_keep_their_rooms_after_a_move_within_twice_the_budget() {
    let budget = 200_000;
    let names = (0..4).map(|r| format!("规则{r}")).collect();
    let mut store = SpilledFindings::new(budget, names);
    let mut order = 0;
    // Findings until a move: four in five to rule `r`, one in five to rule 3.
    let mut until_a_move = |store: &mut SpilledFindings, r: usize| {
        let written = store.written;
        while store.written == written {
            store.push(&finding(if order % 5 == 0 { 3 } else { r }, order));
            order += 1;
        }
        assert!(store.held.iter().all(Vec::is_empty));
        store.held.iter().map(Vec::capacity).collect::<Vec<_>>()
    };
    let room = until_a_move(&mut store, 0);
    // The busy rule's buffer does not grow afresh after the move, and neither does rule 3's.
    assert!(room[0] > KEPT_CAPACITY && room[3] > 0, "{room:?}");
    let again = until_a_move(&mut store, 0);
    assert_eq!(again, room, "the same rooms serve the next findings");
    // Another rule gets the findings: the first one, idle since, lets its room go.
    let room = until_a_move(&mut store, 1);
    assert_eq!(room[0], 0, "{room:?}");
    assert!(room[1] > KEPT_CAPACITY, "{room:?}");
    for r in [2, 1, 2] {
        let room = until_a_move(&mut store, r);
        let large: usize = room.iter().filter(|&&c| c > KEPT_CAPACITY).sum();
        assert!(large <= 2 * budget, "after rule {r}: {room:?}");
        assert!(room[r] > KEPT_CAPACITY, "after rule {r}: {room:?}");
    }
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
