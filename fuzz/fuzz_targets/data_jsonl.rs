//! Bytes checked as a JSON Lines file of `project` records against the shipped rule set, compiled
//! once, then scored and rendered.
#![no_main]

use duikou::DataFormat as Format;
use duikou::fuzzing::DataTarget;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../seeds.rs"]
mod seeds;

static TARGET: OnceLock<DataTarget> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    TARGET
        .get_or_init(|| DataTarget::new(seeds::shipped_rules(), "project", Format::JsonLines))
        .run(data)
});
