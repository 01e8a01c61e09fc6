//! `duikou fmt` on any input that parses: idempotent in every dialect, diagnostics unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| duikou::fuzzing::fmt_roundtrip(data));
