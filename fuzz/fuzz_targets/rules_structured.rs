//! Valid rule files with tokens of the grammar spliced in, then examined as rule text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../shared.rs"]
mod shared;

fuzz_target!(|data: &[u8]| shared::rules_structured(data));
