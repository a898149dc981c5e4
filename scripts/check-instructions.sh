#!/usr/bin/env bash
# Instruction budget of the simulator: instructions per simulated call of the Erlang A benchmark
# (Poisson 1,200 calls/hour, exponential handle time mean 300 s, 95 agents, exponential patience
# mean 60 s; one replication, one thread, seed 2026), counted by `valgrind --tool=callgrind`.
# Instruction counts, unlike wall time, do not depend on what else the machine is doing.
#
#   scripts/check-instructions.sh            # exit 0 within budget, 1 over budget + 5 %, 2 on a broken setup
#   scripts/check-instructions.sh --update   # measure and rewrite scripts/instruction-budget.txt
#
# Start-up (process, Swift runtime, building the model) is cancelled, not guessed: two fixed runs,
# of 20,000 and 120,000 expected calls, share their first 20,000 calls (same seed), and
#   instructions per call = (Ir(120,000) - Ir(20,000)) / (calls(120,000) - calls(20,000)).
# The start-up estimate Ir(20,000) - calls(20,000) x per call is printed, not checked.
#
# The count depends on the compiler (Swift version), the C library's math functions (glibc picks
# log's FMA variant on CPUs that have it) and valgrind: the budget file records all three, and after
# a deliberate change of any of them, or of the engine, rewrite it with --update and commit it.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET_FILE=scripts/instruction-budget.txt
TOLERANCE_PERCENT=5
SMALL=20000
LARGE=120000

update=false
case "${1:-}" in
    "") ;;
    --update) update=true ;;
    *) echo "usage: scripts/check-instructions.sh [--update]" >&2; exit 2 ;;
esac
SECONDS=0

if ! command -v valgrind >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing valgrind (apt-get)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
    else
        echo "check-instructions: needs valgrind (Debian: apt-get install valgrind)" >&2
        exit 2
    fi
fi

echo "== building erlang-a-probe (release)"
swift build -c release --package-path Benchmarks --product erlang-a-probe >/dev/null \
    || { swift build -c release --package-path Benchmarks --product erlang-a-probe; exit 2; }
probe="$(swift build -c release --package-path Benchmarks --show-bin-path)/erlang-a-probe"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints "calls instructions" for a run of $1 expected calls under callgrind.
measure() {
    local out ir
    # Swift seeds its hashing per process unless told not to: fixed here so repeated runs match.
    out=$(SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out.$1" \
        "$probe" "$1" 2>"$work/valgrind.$1.log") || { cat "$work/valgrind.$1.log" >&2; exit 2; }
    ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$work/callgrind.out.$1")
    [ -n "$ir" ] || { echo "check-instructions: no totals in the callgrind output" >&2; exit 2; }
    echo "$(echo "$out" | tr ' ' '\n' | sed -n 's/^calls=//p') $ir"
}

echo "== callgrind: $SMALL and $LARGE expected calls"
small=$(measure $SMALL)
large=$(measure $LARGE)
read -r calls1 ir1 <<<"$small"
read -r calls2 ir2 <<<"$large"
per_call=$(awk -v a="$ir1" -v b="$ir2" -v c="$calls1" -v d="$calls2" 'BEGIN { printf "%.1f", (b - a) / (d - c) }')
startup=$(awk -v a="$ir1" -v c="$calls1" -v p="$per_call" 'BEGIN { printf "%.1f", (a - c * p) / 1e6 }')
printf '%-16s %10s %16s\n' "expected calls" calls instructions
printf '%-16s %10s %16s\n' "$SMALL" "$calls1" "$ir1" "$LARGE" "$calls2" "$ir2"
echo "instructions per call: $per_call (start-up and model building: about $startup million)"

# (no `head` in these pipelines: with pipefail, a writer cut off by head would fail the script)
swift_version=$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | sed -n 1p)
valgrind_version=$(valgrind --version)
libc_version=$(ldd --version 2>/dev/null | sed -n '1s/.* //p')
machine="$(uname -m)$(grep -qw fma /proc/cpuinfo 2>/dev/null && echo ' with FMA' || echo ' without FMA')"
environment="swift $swift_version, $valgrind_version, glibc $libc_version, $machine"

if $update; then
    cat >"$BUDGET_FILE.tmp" <<BUDGET
# Instruction budget of the Erlang A benchmark, checked by scripts/check-instructions.sh (in CI):
# callgrind instructions per simulated call, (Ir of a $LARGE-call run - Ir of a $SMALL-call run) /
# (difference of their calls), one replication, one thread, seed 2026. The check fails when a
# change costs more than $TOLERANCE_PERCENT % above this figure. Rewrite with scripts/check-instructions.sh --update
# after a deliberate change (of the engine, the Swift toolchain, glibc or valgrind) and commit it.
instructions_per_call $per_call
# recorded $(date -u +%Y-%m-%d) on $(uname -m), with:
environment $environment
BUDGET
    mv "$BUDGET_FILE.tmp" "$BUDGET_FILE"
    echo "check-instructions: wrote $BUDGET_FILE ($per_call instructions per call); ${SECONDS} s in all"
    exit 0
fi

[ -f "$BUDGET_FILE" ] || { echo "check-instructions: no $BUDGET_FILE; record one with --update" >&2; exit 2; }
budget=$(sed -n 's/^instructions_per_call \([0-9.]*\)$/\1/p' "$BUDGET_FILE")
[ -n "$budget" ] || { echo "check-instructions: no instructions_per_call line in $BUDGET_FILE" >&2; exit 2; }
recorded=$(sed -n 's/^environment //p' "$BUDGET_FILE")
if [ "$recorded" != "$environment" ]; then
    echo "note: the budget was recorded with: $recorded"
    echo "      this run uses:                $environment"
fi
change=$(awk -v m="$per_call" -v b="$budget" 'BEGIN { printf "%+.2f", (m / b - 1) * 100 }')
echo "budget: $budget instructions per call; this run: $per_call ($change %, allowed +$TOLERANCE_PERCENT %); ${SECONDS} s in all"
if awk -v m="$per_call" -v b="$budget" -v t="$TOLERANCE_PERCENT" 'BEGIN { exit !(m > b * (1 + t / 100)) }'; then
    echo "check-instructions: FAILED: $per_call instructions per call is more than $TOLERANCE_PERCENT % over the budget of $budget" >&2
    echo "  profile: valgrind --tool=callgrind $probe $LARGE && callgrind_annotate callgrind.out.*" >&2
    exit 1
fi
if awk -v m="$per_call" -v b="$budget" -v t="$TOLERANCE_PERCENT" 'BEGIN { exit !(m < b * (1 - t / 100)) }'; then
    echo "check-instructions: OK, and more than $TOLERANCE_PERCENT % under budget: record the gain with scripts/check-instructions.sh --update"
else
    echo "check-instructions: OK"
fi
