#!/usr/bin/env bash
# The compliance benchmark: duikou checks rules R1–R4 over generated project records.
#
# usage: bash benches/compliance/run.sh [ROWS…]          (default: 100000 1000000)
#
# Builds the release binary and the data generator (examples/gen_projects.rs), generates the data
# into target/bench-data/ unless it is already there (delete the folder to regenerate), then for
# every size runs
#   duikou check benches/compliance/rules.dk DATA/pairings.dk --data project=DATA/<tag>.csv
# RUNS times with the default report and RUNS times with `--format json` (every finding listed),
# and prints the median wall time, the peak resident memory and the violations per rule.
#
# Environment:
#   BASELINE_DIR         a checkout of the hand-written Rust baseline crate (…/bench/baseline):
#                        it is built and timed on the same files (`baseline fast`), and the table
#                        compares the two
#   BASELINE_TARGET_DIR  where the baseline is built (default: BASELINE_DIR/target)
#   RUNS                 runs per measurement (default 3; the median is reported)
#   THREADS              passed to duikou as `--threads` (default: duikou's, the number of cores)
#   CARGO_TARGET_DIR     honoured for duikou's own build, as cargo does
set -euo pipefail

RUNS=${RUNS:-3}
THREADS_ARG=()
if [[ -n ${THREADS:-} ]]; then
    THREADS_ARG=(--threads "$THREADS")
fi
ROWS=("$@")
if ((${#ROWS[@]} == 0)); then
    ROWS=(100000 1000000)
fi
for n in "${ROWS[@]}"; do
    if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
        echo "run.sh: row count \`$n\` is not a positive integer" >&2
        exit 2
    fi
done

# BASELINE_DIR may be relative to where the script was started; resolve it before moving.
BASELINE_DIR=${BASELINE_DIR:-}
if [[ -n $BASELINE_DIR ]]; then
    BASELINE_DIR=$(cd "$BASELINE_DIR" && pwd)
    BASELINE_TARGET_DIR=${BASELINE_TARGET_DIR:-$BASELINE_DIR/target}
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RULES=benches/compliance/rules.dk
TARGET=${CARGO_TARGET_DIR:-target}
DATA=target/bench-data
DUIKOU=$TARGET/release/duikou
GEN=$TARGET/release/examples/gen_projects
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

# The file name of a size, as the generator writes it: 100k, 1m, 10m, or the plain number.
tag() {
    local n=$1
    if ((n % 1000000 == 0)); then
        echo "$((n / 1000000))m"
    elif ((n % 1000 == 0)); then
        echo "$((n / 1000))k"
    else
        echo "$n"
    fi
}

# ---------------------------------------------------------------------------------------------
# Build.

echo "building duikou and the data generator (release)…" >&2
cargo build --release --quiet --bin duikou --example gen_projects
if [[ -n $BASELINE_DIR ]]; then
    echo "building the baseline in $BASELINE_DIR…" >&2
    (cd "$BASELINE_DIR" && CARGO_TARGET_DIR=$BASELINE_TARGET_DIR cargo build --release --quiet)
    BASELINE=$BASELINE_TARGET_DIR/release/baseline
fi

# ---------------------------------------------------------------------------------------------
# Data: only the sizes that are missing; the generator always rewrites the (small) pairings.

missing=()
for n in "${ROWS[@]}"; do
    [[ -s $DATA/$(tag "$n").csv ]] || missing+=("$n")
done
if ((${#missing[@]} > 0)) || [[ ! -s $DATA/pairings.dk || ! -s $DATA/pairings.csv ]]; then
    "$GEN" "$DATA" "${missing[@]}"
fi

# ---------------------------------------------------------------------------------------------
# Measurement.

# timed OUT ERR CMD…: runs CMD once with stdout to OUT and stderr to ERR, and writes
# "WALL_SECONDS PEAK_KIB CPU_SECONDS" to $SCRATCH/timing (CPU: user and system time, all threads).
# Returns CMD's exit status.
# It uses GNU time where there is one (not BSD time, which has no -f), otherwise Python's
# resource module.
if /usr/bin/time -f '%e %M %U %S' -o /dev/null true 2>/dev/null; then
    timed() {
        local out=$1 err=$2 status=0
        shift 2
        /usr/bin/time -f '%e %M %U %S' -o "$SCRATCH/time" "$@" >"$out" 2>"$err" || status=$?
        # On a non-zero exit GNU time writes a "Command exited…" line first; the figures are last.
        tail -n 1 "$SCRATCH/time" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >"$SCRATCH/timing"
        return "$status"
    }
else
    timed() {
        python3 -c '
import resource, subprocess, sys, time
timing, out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
start = time.perf_counter()
with open(out, "wb") as o, open(err, "wb") as e:
    status = subprocess.call(cmd, stdout=o, stderr=e)
wall = time.perf_counter() - start
# ru_maxrss is in KiB on Linux: the peak of the largest child waited for.
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(timing, "w") as t:
    t.write(f"{wall:.3f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.2f}\n")
sys.exit(status)
' "$SCRATCH/timing" "$@"
    }
    # Linux counts the memory a process had before exec in its peak, so every figure includes
    # the Python parent's own footprint: measure it once and say so.
    timed /dev/null /dev/null true
    read -r _ floor _ <"$SCRATCH/timing"
    echo "note: no GNU time; memory figures include about $((floor / 1024)) MiB of Python's own" >&2
fi

# measure NAME OK OUT CMD…: runs CMD $RUNS times; sets WALL and CPU (median seconds) and MIB
# (peak MiB over the runs). An exit status up to OK counts as success (duikou exits 1 when it finds
# violations); on any other it prints CMD's stderr and returns 1, leaving WALL, CPU and MIB as "-".
measure() {
    local name=$1 ok=$2 out=$3 walls=() cpus=() peak=0 status i wall kib cpu
    shift 3
    WALL=- MIB=- CPU=-
    for ((i = 1; i <= RUNS; i++)); do
        status=0
        timed "$out" "$SCRATCH/stderr" "$@" || status=$?
        if ((status > ok)); then
            echo "$name failed (exit $status):" >&2
            sed 's/^/    /' "$SCRATCH/stderr" >&2
            return 1
        fi
        read -r wall kib cpu <"$SCRATCH/timing"
        walls+=("$wall")
        cpus+=("$cpu")
        if ((kib > peak)); then
            peak=$kib
        fi
    done
    WALL=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
    CPU=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
    MIB=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
}

# ratio A B: A / B with two decimals, or "-" when either is missing.
ratio() {
    if [[ $1 == - || $2 == - ]]; then
        echo -
    else
        awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
    fi
}

# Violations per rule in duikou's JSON report: findings of kind "violation", counted by "rule"
# (and checked against the per-rule counts in its "rules" summary).
duikou_counts() {
    python3 -c '
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
count = collections.Counter(f["rule"] for f in report["findings"] if f["kind"] == "violation")
summary = {r["rule"]: r["violations"] for r in report["rules"]}
assert all(count[r] == summary[r] for r in summary), (count, summary)
print(" ".join(str(count[r]) for r in ("R1", "R2", "R3", "R4")))
' "$1"
}

# Violations per rule from the baseline's one-line JSON: {"engine":…,"r1":744,"r2":…}.
baseline_counts() {
    python3 -c '
import json, sys
line = json.load(open(sys.argv[1]))
print(" ".join(str(line[r]) for r in ("r1", "r2", "r3", "r4")))
' "$1"
}

FAILED=0  # set when a run fails or the counts differ: the exit status is then 1
TIMES=()  # one line per size: rows, duikou s, baseline s, ratio, duikou MiB, baseline MiB, ratio
JSON=()   # one line per size: rows, json s, ratio, json CPU s, baseline CPU s, ratio, json MiB
COUNTS=() # one line per size and rule: rows, rule, duikou, baseline, same?
for n in "${ROWS[@]}"; do
    t=$(tag "$n")
    csv=$DATA/$t.csv

    # The default report (per rule: counts and the worst cases), as a user runs it.
    echo "$t: duikou check × $RUNS…" >&2
    if ! measure duikou 1 /dev/null "$DUIKOU" check "$RULES" "$DATA/pairings.dk" \
        --data "project=$csv" "${THREADS_ARG[@]}" -o "$DATA/$t.duikou.txt"; then
        FAILED=1
    fi
    d_wall=$WALL d_mib=$MIB

    # The JSON report lists every finding (and hashes the data for its receipt).
    echo "$t: duikou check --format json × $RUNS…" >&2
    d_counts="- - - -"
    rm -f "$DATA/$t.duikou.json" # never read a report left by an earlier run
    if measure duikou 1 /dev/null "$DUIKOU" check "$RULES" "$DATA/pairings.dk" \
        --data "project=$csv" "${THREADS_ARG[@]}" --format json -o "$DATA/$t.duikou.json"; then
        d_counts=$(duikou_counts "$DATA/$t.duikou.json") || d_counts="? ? ? ?"
    else
        FAILED=1
    fi
    j_wall=$WALL j_mib=$MIB j_cpu=$CPU

    b_wall=- b_mib=- b_cpu=- b_counts="- - - -"
    if [[ -n $BASELINE_DIR ]]; then
        echo "$t: baseline fast × $RUNS…" >&2
        if measure baseline 0 "$DATA/$t.baseline.json" "$BASELINE" fast "$csv" "$DATA/pairings.csv"; then
            b_counts=$(baseline_counts "$DATA/$t.baseline.json") || b_counts="? ? ? ?"
        else
            FAILED=1
        fi
        b_wall=$WALL b_mib=$MIB b_cpu=$CPU
    fi

    TIMES+=("$n $d_wall $b_wall $(ratio "$d_wall" "$b_wall") $d_mib $b_mib $(ratio "$d_mib" "$b_mib")")
    JSON+=("$n $j_wall $(ratio "$j_wall" "$b_wall") $j_cpu $b_cpu $(ratio "$j_cpu" "$b_cpu") $j_mib")
    read -r -a dc <<<"$d_counts"
    read -r -a bc <<<"$b_counts"
    for i in 0 1 2 3; do
        same=-
        if [[ ${dc[i]} =~ ^[0-9]+$ && ${bc[i]} =~ ^[0-9]+$ ]]; then
            if [[ ${dc[i]} == "${bc[i]}" ]]; then
                same=yes
            else
                same=NO FAILED=1
            fi
        fi
        COUNTS+=("$n R$((i + 1)) ${dc[i]} ${bc[i]} $same")
    done
done

# ---------------------------------------------------------------------------------------------
# Report: Markdown tables, ready to paste.

echo
echo "Median of $RUNS runs; memory is the peak resident set over the runs."
echo
printf '| %10s | %8s | %10s | %5s | %10s | %12s | %5s |\n' \
    rows "duikou s" "baseline s" ratio "duikou MiB" "baseline MiB" ratio
printf '|%s|%s|%s|%s|%s|%s|%s|\n' \
    -----------: ---------: -----------: ------: -----------: -------------: ------:
for line in "${TIMES[@]}"; do
    # shellcheck disable=SC2086 # the line is split into its fields on purpose
    printf '| %10s | %8s | %10s | %5s | %10s | %12s | %5s |\n' $line
done
echo
echo "With --format json (every finding listed, the data hashed for the receipt), against the same"
echo "baseline runs; CPU is user and system time over all threads."
echo
printf '| %10s | %6s | %5s | %10s | %14s | %5s | %8s |\n' \
    rows "json s" ratio "json CPU s" "baseline CPU s" ratio "json MiB"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' \
    -----------: -------: ------: -----------: ---------------: ------: ---------:
for line in "${JSON[@]}"; do
    # shellcheck disable=SC2086 # the line is split into its fields on purpose
    printf '| %10s | %6s | %5s | %10s | %14s | %5s | %8s |\n' $line
done
echo
printf '| %10s | %4s | %8s | %8s | %4s |\n' rows rule duikou baseline same
printf '|%s|%s|%s|%s|%s|\n' -----------: :----: ---------: ---------: :----:
for line in "${COUNTS[@]}"; do
    # shellcheck disable=SC2086
    printf '| %10s | %4s | %8s | %8s | %4s |\n' $line
done
exit "$FAILED"
