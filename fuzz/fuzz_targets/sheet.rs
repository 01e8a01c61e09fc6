//! A worksheet built from the bytes, read by the messy-sheet reader (title rows, header
//! detection, merged ranges, totals rows) as `project` records of the shipped rule set.
#![no_main]

use duikou::fuzzing::SheetTarget;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../seeds.rs"]
mod seeds;

static TARGET: OnceLock<SheetTarget> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    TARGET
        .get_or_init(|| SheetTarget::new(seeds::shipped_rules(), "project"))
        .run(data)
});
