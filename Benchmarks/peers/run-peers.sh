#!/usr/bin/env bash
# ccsim, SimPy and Ciw side by side on the Erlang A benchmark: makes a virtual environment with the
# pinned peers (Benchmarks/peers/.venv), builds ccsim in release mode, runs the three on the same model,
# horizon, replications, seed and warm-up, checks each against the exact Erlang A figures and prints
# one table. Exit status 0 when all three agree, 1 when one does not, 2 on a setup failure.
#
#   bash Benchmarks/peers/run-peers.sh [--hours H] [--replications R] [--seed S] [--warmup-hours W]
#
# Defaults: 10 replications of 100 h with a 1-hour warm-up (about 1.2 million calls per tool), seed 2026.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}

fail() { echo "run-peers: $*" >&2; exit 2; }

if [ ! -x "$here/.venv/bin/python" ]; then
  "$python" -m venv "$here/.venv" || fail "could not create the virtual environment with $python -m venv"
fi
"$here/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" \
  || fail "pip install of the pinned peers failed"

(cd "$root" && swift build -c release >&2) || fail "swift build -c release failed"

exec "$here/.venv/bin/python" "$here/compare_peers.py" "$@"
