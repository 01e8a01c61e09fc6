//! A rule path that cannot be read is reported, and the readable ones are still loaded in full.

use crate::{Code, RuleSet};

#[test]
fn missing_paths_are_reported_not_fatal() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let rules = RuleSet::load(&["no/such/dir".into(), shipped.into()]);
    assert_eq!(rules.diagnostics()[0].code, Code::IoUnreadable);
    assert!(
        rules.symbols().pairs.len() > 10,
        "the readable path is still loaded"
    );
}
