"""Runs ccsim, SimPy and Ciw on the Erlang A benchmark with the same horizon, replications, seed
and warm-up, checks each one's KPIs against the exact Erlang A figures, and prints one table.

Called by run-peers.sh (which makes the virtual environment and builds ccsim); standard library
only. Exit status 0 when every tool agrees with the exact figures, 1 when one does not.

Timing and memory are taken the same way for the three tools, for the whole process (interpreter or
binary start-up included), from os.wait4: wall-clock time, CPU time (user + system) and peak resident
set size. calls/s divides by the CPU time: every tool runs on one thread, so on an idle machine CPU
and wall time agree, while on a shared one the CPU time does not count the time other work held the
core.
"""

import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

from erlang_a_common import (AGENTS, CALLS_PER_HOUR, HANDLE_TIME_MEAN, KPI_KEYS, PATIENCE_MEAN,
                             TARGET_SECONDS, exact_erlang_a, student_t_quantile)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Allowance for the bias a finite run has against the steady state, added to each confidence
# interval. The runs start empty, but after a 1-hour warm-up (12 mean handle times) the transient is
# below 1e-4 agents; the callers still waiting at the horizon (about 2 of 120,000 per replication)
# shift abandonment and service level by about 0.002 percentage points. The allowance is 25 times that.
ALLOWANCE = {"abandonmentRate": 0.0005, "averageSpeedOfAnswer": 0.01, "serviceLevel": 0.0005,
             "occupancy": 0.0005}
LABEL = {"abandonmentRate": "abandonment", "averageSpeedOfAnswer": "ASA", "serviceLevel": "service level",
         "occupancy": "occupancy"}


CCSIM_RUNS = 15


def run_measured(command):
    """Runs a command; returns (stdout, wall seconds, CPU seconds, peak RSS in kilobytes) of that
    process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if process.returncode != 0:
        sys.exit(f"compare_peers: {' '.join(command)} exited with status {process.returncode}")
    return output.decode(), seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def ccsim_scenario(arguments):
    """configs/erlang-a-benchmark.json with this run's horizon, replications, seed and warm-up."""
    with open(os.path.join(ROOT, "configs", "erlang-a-benchmark.json")) as file:
        scenario = json.load(file)
    call_type, group = scenario["callTypes"][0], scenario["agentGroups"][0]
    model = (call_type["arrivals"]["perHour"], call_type["handleTime"], call_type["patience"], group["agents"],
             scenario["serviceLevel"]["targetSeconds"])
    expected = (CALLS_PER_HOUR, {"distribution": "exponential", "mean": HANDLE_TIME_MEAN},
                {"distribution": "exponential", "mean": PATIENCE_MEAN}, AGENTS, TARGET_SECONDS)
    if model != expected or "wrapUp" in call_type or len(scenario["callTypes"]) != 1:
        sys.exit("compare_peers: configs/erlang-a-benchmark.json is no longer the model the peers simulate")
    scenario["simulation"] = {"hours": arguments.hours, "replications": arguments.replications,
                              "seed": arguments.seed, "warmupMinutes": arguments.warmup_hours * 60}
    return scenario


def run_ccsim(arguments):
    binary = os.path.join(ROOT, ".build", "release", "ccsim")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="erlang-a-peers-", delete=False) as file:
        json.dump(ccsim_scenario(arguments), file)
    try:
        # ccsim's run takes a sixth of a second, where the machine's noise weighs ±10 %: the median of
        # CCSIM_RUNS runs (identical results, deterministic) rather than one draw of that noise.
        runs = sorted((run_measured([binary, "run", file.name, "--format", "json", "--threads", "1"])
                       for _ in range(CCSIM_RUNS)), key=lambda run: run[2])
        output, seconds, cpu, rss = runs[len(runs) // 2]
    finally:
        os.unlink(file.name)
    result = json.loads(output)
    cohort = round(result["kpis"]["arrivals"]["mean"] * result["replications"])
    return {"tool": "ccsim", "version": version, "cohortCalls": cohort, "seconds": seconds, "cpu": cpu, "rss": rss,
            "replications": result["replications"],
            "kpis": {key: result["kpis"][key] for key in KPI_KEYS}}


def run_peer(script, arguments):
    command = [sys.executable, os.path.join(HERE, script), "--hours", str(arguments.hours),
               "--replications", str(arguments.replications), "--seed", str(arguments.seed),
               "--warmup-hours", str(arguments.warmup_hours)]
    output, seconds, cpu, rss = run_measured(command)
    result = json.loads(output.strip().splitlines()[-1])
    return {"tool": result["tool"], "version": result["version"], "cohortCalls": result["cohortCalls"],
            "seconds": seconds, "cpu": cpu, "rss": rss, "replications": result["replications"], "kpis": result["kpis"],
            "ownSeconds": result["wallSeconds"]}


def verdict(estimate, exact, key, replications):
    """'yes': the exact value lies in the 95 % interval; 'yes+': only once the interval is widened by
    the allowance; '99.9 %': only in the 99.9 % interval widened by the allowance (expected now and
    then: with 12 checks at 95 % each, some seeds miss one by chance); 'NO': outside
    all of them, which fails the run."""
    mean, low, high = estimate["mean"], estimate["ciLow"], estimate["ciHigh"]
    half95 = (high - low) / 2
    standard_error = half95 / student_t_quantile(0.975, replications - 1)
    half999 = standard_error * student_t_quantile(0.9995, replications - 1)
    distance = abs(mean - exact)
    if distance <= half95:
        return "yes"
    if distance <= half95 + ALLOWANCE[key]:
        return "yes+"
    if distance <= half999 + ALLOWANCE[key]:
        return "99.9 %"
    return "NO"


def kpi_text(key, value):
    return f"{value:.3f} s" if key == "averageSpeedOfAnswer" else f"{100 * value:.2f} %"


def half_text(key, estimate):
    half = (estimate["ciHigh"] - estimate["ciLow"]) / 2
    return f"±{half:.3f}" if key == "averageSpeedOfAnswer" else f"±{100 * half:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=100.0)
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--warmup-hours", type=float, default=1.0)
    arguments = parser.parse_args()
    if arguments.replications < 2:
        parser.error("--replications must be at least 2 (confidence intervals)")
    if not 0 <= arguments.warmup_hours < arguments.hours:
        parser.error("--warmup-hours must be in [0, --hours)")

    exact = exact_erlang_a()
    published = {"abandonmentRate": 0.08563, "averageSpeedOfAnswer": 4.765, "serviceLevel": 0.8503,
                 "occupancy": 0.9625}
    for key, value in published.items():  # the figures quoted in the README, to their printed digits
        assert abs(exact[key] - value) <= 0.5e-3 * value, (key, exact[key], value)

    load = os.getloadavg()[0]
    started = time.perf_counter()
    results = [run_ccsim(arguments)]
    print(f"ccsim done in {results[0]['seconds']:.2f} s", file=sys.stderr, flush=True)
    for script in ("simpy_erlang_a.py", "ciw_erlang_a.py"):
        results.append(run_peer(script, arguments))
        print(f"{results[-1]['tool']} done in {results[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
    ccsim_speed = results[0]["cohortCalls"] / results[0]["cpu"]

    print(f"Erlang A benchmark (M/M/{AGENTS}+M: {CALLS_PER_HOUR:,.0f} calls/h, AHT {HANDLE_TIME_MEAN:.0f} s, "
          f"patience {PATIENCE_MEAN:.0f} s), {arguments.replications} replications x {arguments.hours:g} h "
          f"(warm-up {arguments.warmup_hours:g} h), seed {arguments.seed}, one thread each")
    print(f"{datetime.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Linux {platform.release()}, Python {platform.python_version()}, load average at start "
          f"{load:.2f}")
    print("calls = calls arriving after the warm-up, all replications; wall s and CPU s (user + system) of "
          f"the whole process (ccsim: the median of {CCSIM_RUNS} identical runs); calls/s = calls / CPU s; "
          "KPI cells: mean ±95 % CI half-width, agrees with exact?")
    print()
    header = ["tool", "version", "calls", "wall s", "CPU s", "calls/s", "peak RSS (MB)", "ccsim ×"]
    header += [LABEL[key] for key in KPI_KEYS]
    rows = [["exact Erlang A", "", "", "", "", "", "", ""] + [kpi_text(key, exact[key]) for key in KPI_KEYS]]
    failures = []
    for result in results:
        speed = result["cohortCalls"] / result["cpu"]
        row = [result["tool"], result["version"], f"{result['cohortCalls']:,}", f"{result['seconds']:.2f}",
               f"{result['cpu']:.2f}", f"{speed:,.0f}", f"{result['rss'] / 1024:.1f}", f"{ccsim_speed / speed:,.0f}"]
        for key in KPI_KEYS:
            estimate = result["kpis"][key]
            agrees = verdict(estimate, exact[key], key, result["replications"])
            if agrees == "NO":
                failures.append(f"{result['tool']} {LABEL[key]}")
            row.append(f"{kpi_text(key, estimate['mean'])} {half_text(key, estimate)} {agrees}")
        rows.append(row)
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"allowance added to each 95 % CI for finite-run bias: abandonment, service level and occupancy "
          f"±{100 * ALLOWANCE['serviceLevel']:.2f} percentage points, ASA ±{ALLOWANCE['averageSpeedOfAnswer']} s "
          f"(yes+: agrees only with the allowance; 99.9 %: only within the 99.9 % CI)")
    print(f"total time of the three runs: {time.perf_counter() - started:.0f} s")
    if failures:
        print("DISAGREE with the exact Erlang A figures: " + ", ".join(failures))
        return 1
    print("all three agree with the exact Erlang A figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
