"""Shared by the SimPy and Ciw peers of the Erlang A benchmark and by compare_peers.py.

Standard library only. Holds the model (the same as configs/erlang-a-benchmark.json), the command
line every peer accepts, the KPIs exactly as ccsim defines them (README, "Output and KPI
definitions"), Student-t confidence intervals, and an independent computation of the exact
Erlang A (M/M/n+M) figures.
"""

import time
import argparse
import json
import math
import resource
import sys

# The Erlang A benchmark: Poisson arrivals 1,200 calls/hour, exponential handle time mean 300 s, no
# wrap-up, 95 agents, exponential patience mean 60 s, FIFO, 24/7; service-level target 20 s.
CALLS_PER_HOUR = 1200.0
HANDLE_TIME_MEAN = 300.0
AGENTS = 95
PATIENCE_MEAN = 60.0
TARGET_SECONDS = 20.0

KPI_KEYS = ("abandonmentRate", "averageSpeedOfAnswer", "serviceLevel", "occupancy")


def parse_arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--hours", type=float, default=100.0,
                        help="simulated hours per replication, warm-up included (as ccsim's simulation.hours)")
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--warmup-hours", type=float, default=1.0,
                        help="start of each replication not counted (as ccsim's simulation.warmupMinutes / 60)")
    arguments = parser.parse_args()
    if arguments.replications < 2:
        parser.error("--replications must be at least 2 (confidence intervals)")
    if not 0 <= arguments.warmup_hours < arguments.hours:
        parser.error("--warmup-hours must be in [0, --hours)")
    return arguments


class Tally:
    """One replication's counts, defined exactly as ccsim's ReplicationEngine counts them.

    The cohort is the calls arriving in [warm-up, horizon]; each is answered (an agent picks it up
    before the horizon), abandoned (its patience ends before the horizon) or still waiting at the
    horizon. Agent busy time is counted within [warm-up, horizon] only.
    """

    __slots__ = ("arrivals", "answered", "abandoned", "answered_within_target", "wait_of_answered",
                 "busy_seconds", "staffed_seconds")

    def __init__(self, staffed_seconds):
        self.arrivals = 0
        self.answered = 0
        self.abandoned = 0
        self.answered_within_target = 0
        self.wait_of_answered = 0.0
        self.busy_seconds = 0.0
        self.staffed_seconds = staffed_seconds

    @property
    def waiting_at_end(self):
        return self.arrivals - self.answered - self.abandoned

    def kpis(self):
        """The four benchmark KPIs of this replication (None where undefined, as in ccsim)."""
        offered = self.arrivals
        return {
            "abandonmentRate": self.abandoned / offered if offered else None,
            "averageSpeedOfAnswer": self.wait_of_answered / self.answered if self.answered else None,
            "serviceLevel": self.answered_within_target / offered if offered else None,
            "occupancy": self.busy_seconds / self.staffed_seconds if self.staffed_seconds else None,
        }


def busy_within(start, end, warmup, horizon):
    """Seconds of [start, end] inside the observed window [warmup, horizon]."""
    return max(0.0, min(end, horizon) - max(start, warmup))


# ---- Student t ------------------------------------------------------------------------------------

def student_t_two_sided_probability(t, df):
    """P(|T| <= t) for Student's t with an integer number of degrees of freedom (Abramowitz and
    Stegun 26.7.3 and 26.7.4: finite series in theta = atan(t / sqrt(df)))."""
    if t <= 0:
        return 0.0
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    s = math.sin(theta)
    if df % 2 == 1:
        if df == 1:
            return 2 * theta / math.pi
        term, total = 1.0, 1.0
        for k in range(1, (df - 3) // 2 + 1):
            term *= c2 * (2 * k) / (2 * k + 1)
            total += term
        return 2 / math.pi * (theta + s * math.cos(theta) * total)
    term, total = 1.0, 1.0
    for k in range(1, (df - 2) // 2 + 1):
        term *= c2 * (2 * k - 1) / (2 * k)
        total += term
    return s * total


def student_t_quantile(p, df):
    """The p-quantile (p > 0.5) of Student's t with df degrees of freedom, by bisection."""
    target = 2 * p - 1
    low, high = 0.0, 1.0
    while student_t_two_sided_probability(high, df) < target:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if student_t_two_sided_probability(middle, df) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def summarise(values):
    """Mean and two-sided 95 % Student-t confidence interval over replications, as ccsim does; a
    replication where the KPI is undefined (None) is left out."""
    values = [v for v in values if v is not None]
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return {"mean": mean, "ciLow": None, "ciHigh": None, "n": n}
    variance = sum((v - mean) ** 2 for v in values) / (n - 1)
    half = student_t_quantile(0.975, n - 1) * math.sqrt(variance / n)
    return {"mean": mean, "ciLow": mean - half, "ciHigh": mean + half, "n": n}


def peak_rss_kilobytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


def report(tool, version, arguments, tallies, simulated_calls, wall_seconds):
    """Prints the one JSON line every peer ends with."""
    per_replication = [t.kpis() for t in tallies]
    cohort = sum(t.arrivals for t in tallies)
    line = {
        "tool": tool,
        "version": version,
        "python": sys.version.split()[0],
        "hours": arguments.hours,
        "warmupHours": arguments.warmup_hours,
        "replications": arguments.replications,
        "seed": arguments.seed,
        "callsSimulated": simulated_calls,          # every arrival, warm-up included
        "cohortCalls": cohort,                      # arrivals after the warm-up (ccsim's `arrivals`)
        "answered": sum(t.answered for t in tallies),
        "abandoned": sum(t.abandoned for t in tallies),
        "waitingAtEnd": sum(t.waiting_at_end for t in tallies),
        "wallSeconds": wall_seconds,
        "callsPerSecond": simulated_calls / wall_seconds,
        "peakRssKilobytes": peak_rss_kilobytes(),
        "kpis": {key: summarise([k[key] for k in per_replication]) for key in KPI_KEYS},
    }
    print(json.dumps(line))


# ---- Exact Erlang A ---------------------------------------------------------------------------------

def exact_erlang_a(per_hour=CALLS_PER_HOUR, aht=HANDLE_TIME_MEAN, agents=AGENTS,
                   patience=PATIENCE_MEAN, target=TARGET_SECONDS):
    """Steady-state M/M/n+M figures, independently of ccsim's own Erlang code.

    The number in system is a birth-death chain (birth lam, death min(i, n) mu + max(i - n, 0) theta),
    truncated where the tail is below 1e-18. By PASTA an arrival finds k callers waiting with the
    chain's probability of state n + k. Ahead of a tagged caller with j callers in front, the front
    moves at rate n mu + j theta and the tagged caller hangs up at rate theta, so each of its k + 1
    phases lasts Exp(n mu + (j + 1) theta) whatever ends it: P(answered) = prod (n mu + j theta) /
    (n mu + (j + 1) theta), E[wait; answered] = P(answered) sum 1 / (n mu + (j + 1) theta), and
    P(answered within target) = P(answered) P(sum of the phases <= target), computed by
    uniformisation.
    """
    lam, mu, theta, n = per_hour / 3600.0, 1.0 / aht, 1.0 / patience, agents
    weights = [1.0]
    i = 0
    while True:
        i += 1
        death = min(i, n) * mu + max(i - n, 0) * theta
        weights.append(weights[-1] * lam / death)
        if i > n and weights[-1] < 1e-18 * sum(weights):
            break
    total = sum(weights)
    p = [w / total for w in weights]
    queue_probabilities = p[n:]  # an arrival finds k = 0, 1, ... callers waiting (all agents busy)
    answered = sum(p[:n])
    wait_of_answered = 0.0
    answered_within = sum(p[:n])
    # Uniformisation of the phases: a caller finding k waiting starts in phase k; phase j -> j - 1
    # (or answered from phase 0) at rate n mu + j theta; hangs up at rate theta.
    kmax = len(queue_probabilities) - 1
    rates = [n * mu + (j + 1) * theta for j in range(kmax + 1)]
    uniform_rate = rates[-1]
    if uniform_rate * target > 700:
        raise ValueError("uniformisation would underflow: rate x target above 700")
    phase = list(queue_probabilities)  # probability mass in each phase, not yet answered or gone
    answered_mass = 0.0
    poisson = math.exp(-uniform_rate * target)
    steps_needed = int(uniform_rate * target + 12 * math.sqrt(uniform_rate * target) + 50)
    cumulative_within = 0.0
    for m in range(steps_needed + 1):
        if m > 0:
            poisson *= uniform_rate * target / m
            new_phase = [0.0] * (kmax + 1)
            for j in range(kmax + 1):
                mass = phase[j]
                if mass == 0.0:
                    continue
                progress = (n * mu + j * theta) / uniform_rate
                stay = 1.0 - rates[j] / uniform_rate
                new_phase[j] += mass * stay
                if j == 0:
                    answered_mass += mass * progress
                else:
                    new_phase[j - 1] += mass * progress
            phase = new_phase
        cumulative_within += poisson * answered_mass
    answered_within += cumulative_within
    for k, q in enumerate(queue_probabilities):
        survive, mean_wait = 1.0, 0.0
        for j in range(k + 1):
            survive *= (n * mu + j * theta) / rates[j]
            mean_wait += 1.0 / rates[j]
        answered += q * survive
        wait_of_answered += q * survive * mean_wait
    abandonment = 1.0 - answered
    mean_queue = sum(k * q for k, q in enumerate(queue_probabilities))
    return {
        "abandonmentRate": abandonment,
        "abandonmentRateLittle": theta * mean_queue / lam,  # the same by Little's law: a check
        "averageSpeedOfAnswer": wait_of_answered / answered,
        "serviceLevel": answered_within,
        "occupancy": lam * answered / mu / n,
    }


if __name__ == "__main__":
    print(json.dumps(exact_erlang_a(), indent=2))


def run_and_report(tool, version, description, replication):
    """Runs `replication(index, arguments)` for every replication and prints the tool's JSON line."""
    arguments = parse_arguments(description)
    start = time.perf_counter()
    tallies, simulated = [], 0
    for index in range(arguments.replications):
        tally, calls = replication(index, arguments)
        tallies.append(tally)
        simulated += calls
    report(tool, version, arguments, tallies, simulated, time.perf_counter() - start)
