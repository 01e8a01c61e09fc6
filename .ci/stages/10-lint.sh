#!/usr/bin/env bash
# Formatting and lints, warnings as errors.
set -euo pipefail
cargo --version
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
