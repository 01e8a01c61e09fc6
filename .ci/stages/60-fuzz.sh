#!/usr/bin/env bash
# Fuzzes every target briefly (libFuzzer through cargo-fuzz, nightly toolchain): one job each,
# with a memory (RSS) limit and a per-input timeout. Fails when the toolchain or cargo-fuzz
# cannot be installed, and when a target finds a crash, a leak of memory or a hang.
# FUZZ_SECONDS sets the time per target (default 60: nine targets take nine minutes, and the whole
# CI stays well under its 40 minutes with the build); fuzz/README.md says how to run them longer.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-60}"
targets=(rules_text rules_structured data_csv data_json data_jsonl data_xlsx fmt_roundtrip lsp sheet)

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal ||
        { echo "error: the nightly toolchain cannot be installed; fuzzing needs it" >&2; exit 1; }
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    cargo install cargo-fuzz --locked ||
        { echo "error: cargo-fuzz cannot be installed from crates.io" >&2; exit 1; }
fi
cargo +nightly fuzz --version

flags=(--sanitizer none --debug-assertions)
cargo +nightly fuzz build "${flags[@]}"
mkdir -p target/fuzz-logs
for target in "${targets[@]}"; do
    # New inputs go to a scratch folder; the seed corpus in the repository stays as it is.
    work="fuzz/corpus-run/$target"
    log="target/fuzz-logs/$target.log"
    mkdir -p "$work"
    # fmt_roundtrip starts from the rule-file seeds.
    seeds="fuzz/corpus/$target"
    [ -d "$seeds" ] || seeds=fuzz/corpus/rules_text
    echo "::: fuzzing $target for $seconds s"
    status=0
    cargo +nightly fuzz run "${flags[@]}" "$target" "$work" "$seeds" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -dict=fuzz/duikou.dict -print_final_stats=1 >"$log" 2>&1 || status=$?
    # Executions and coverage at the end, and any finding.
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^==[0-9]+==|^SUMMARY|panicked at|Test unit written' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        echo "error: fuzzing $target failed (exit $status); the input is in fuzz/artifacts/$target/" >&2
        echo "minimise it with \`cargo +nightly fuzz tmin $target FILE\` and keep it in fuzz/regressions/$target/" >&2
        exit 1
    fi
done
