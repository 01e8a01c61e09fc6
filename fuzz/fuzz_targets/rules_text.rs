//! Bytes loaded as a rule file, checked, analysed (gaps, conflicts, tests) and rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| duikou::fuzzing::rules_text(data));
