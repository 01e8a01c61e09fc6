//! Valid rule files with tokens of the grammar spliced in, then examined as rule text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../seeds.rs"]
mod seeds;

fuzz_target!(|data: &[u8]| seeds::rules_structured(data));
