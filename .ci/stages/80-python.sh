#!/usr/bin/env bash
# The Python package (bindings/python): lints of its crate, then a fresh virtual environment,
# the extension built in release mode into it, and its pytest suite.
set -euo pipefail
cd "$(dirname "$0")/../../bindings/python"
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -m ensurepip --version >/dev/null 2>&1; then
    apt-get update
    apt-get install -y python3-venv python3-pip
fi
venv="$PWD/target/ci-venv"
rm -rf "$venv"
python3 -m venv "$venv"
# shellcheck disable=SC1091
source "$venv/bin/activate"
python -m pip install --quiet maturin pytest pandas
python --version
maturin --version
cargo fmt --check
PYO3_PYTHON="$venv/bin/python" cargo clippy --locked --all-targets -- -D warnings
maturin develop --release --locked
python -m pytest -q
