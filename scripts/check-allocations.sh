#!/usr/bin/env bash
# Allocation budget of the event loop: simulating the Erlang A benchmark (Poisson 1,200 calls/hour,
# exponential handle time mean 300 s, 95 agents, exponential patience mean 60 s; one replication,
# one thread, seed 2026) must allocate nothing per event. The script runs 100,000 and 1,000,000
# expected calls and fails when the larger run allocates more than the smaller plus SLACK.
#
#   scripts/check-allocations.sh            # exit 0 within budget, 1 over it, 2 on a broken setup
#
# How it counts: scripts/malloc-count.c, compiled here with cc and loaded with LD_PRELOAD, counts
# every malloc, calloc, realloc, reallocarray, posix_memalign, aligned_alloc, memalign, valloc and
# pvalloc. The probe (Benchmarks/Sources/ErlangAProbe) reads the counter just before building the
# Simulation, before runReplication and after it, so "simulation" below is exactly the allocations
# of Simulation(scenario:) plus runReplication(0); "process" is the whole process, start-up and
# output included, printed by the shim at exit. Both must stay within SLACK.
#
# SLACK = 8: storage that grows geometrically (the event heap, the call queue's ring) may need a few
# more doublings in a run 10 times as long, because the longest queue seen grows with the horizon;
# 8 doublings would be a 256-fold larger peak. A per-event or per-call allocation would add about
# 2.1 million (events) or 900,000 (calls) allocations to the larger run.
set -euo pipefail
cd "$(dirname "$0")/.."

SLACK=8
SMALL=100000
LARGE=1000000

SECONDS=0
echo "== building erlang-a-probe (release) and the malloc counter"
swift build -c release --package-path Benchmarks --product erlang-a-probe >/dev/null \
    || { swift build -c release --package-path Benchmarks --product erlang-a-probe; exit 2; }
probe="$(swift build -c release --package-path Benchmarks --show-bin-path)/erlang-a-probe"
mkdir -p .build
shim="$PWD/.build/malloc-count.so"
"${CC:-cc}" -O2 -shared -fPIC -Wall -Wextra -Werror -o "$shim" scripts/malloc-count.c

# Prints "calls events mallocs_setup mallocs_run process_total" for a run of $1 expected calls.
measure() {
    local out err
    err=$(mktemp)
    out=$(MALLOC_COUNT_REPORT=1 LD_PRELOAD="$shim" "$probe" "$1" 2>"$err") || { cat "$err" >&2; rm -f "$err"; exit 2; }
    local total
    total=$(sed -n 's/^malloc-count: \([0-9]*\) allocations in process$/\1/p' "$err")
    rm -f "$err"
    local field
    for field in calls events mallocs_setup mallocs_run; do
        echo "$out" | tr ' ' '\n' | sed -n "s/^$field=//p" | tr '\n' ' '
    done
    echo "$total"
}

small=$(measure $SMALL)
large=$(measure $LARGE)
read -r calls1 events1 setup1 run1 total1 <<<"$small"
read -r calls2 events2 setup2 run2 total2 <<<"$large"
if [ -z "${run1:-}" ] || [ -z "${total1:-}" ] || [ -z "${run2:-}" ] || [ -z "${total2:-}" ] || [ "$setup1" -eq 0 ]; then
    echo "check-allocations: the malloc counter did not load or report (LD_PRELOAD of $shim)" >&2
    exit 2
fi
sim1=$((setup1 + run1))
sim2=$((setup2 + run2))

printf '%-22s %12s %12s %12s %12s %12s\n' "expected calls" calls events simulation "(of which run)" process
printf '%-22s %12s %12s %12s %12s %12s\n' "$SMALL" "$calls1" "$events1" "$sim1" "$run1" "$total1"
printf '%-22s %12s %12s %12s %12s %12s\n' "$LARGE" "$calls2" "$events2" "$sim2" "$run2" "$total2"
echo "allocations of the larger run beyond the smaller: simulation $((sim2 - sim1)), process $((total2 - total1)) (allowed: $SLACK); ${SECONDS} s in all"

status=0
if [ $((sim2 - sim1)) -gt "$SLACK" ]; then
    echo "check-allocations: FAILED: the simulation allocates per event: $sim2 allocations for $calls2 calls against $sim1 for $calls1 calls" >&2
    echo "  ($(awk -v a=$((sim2 - sim1)) -v e=$((events2 - events1)) 'BEGIN { printf "%.3f", a / e }') per extra event); find them with:" >&2
    echo "  swift package --package-path Benchmarks benchmark --target SimulationBenchmarks --filter 'ErlangA-100k.*' --allocation-stacks" >&2
    status=1
fi
if [ $((total2 - total1)) -gt "$SLACK" ]; then
    echo "check-allocations: FAILED: the process allocates $((total2 - total1)) more times for $LARGE calls than for $SMALL" >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "check-allocations: OK, no allocation per event"
exit "$status"
