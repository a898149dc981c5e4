"""The Erlang A benchmark in SimPy, in SimPy's idiomatic style.

A source process creates callers; each caller is a process that requests an agent from a
`simpy.Resource` with 95 slots and reneges with `yield request | env.timeout(patience)`. KPIs are
those of ccsim (cohort of calls arriving after the warm-up; see erlang_a_common.Tally).

    python simpy_erlang_a.py --hours 100 --replications 10 --seed 2026 --warmup-hours 1

Prints one JSON line: calls simulated, wall seconds, calls/s, peak RSS and the KPI means with
95 % confidence intervals.
"""

import random

import simpy

from erlang_a_common import (AGENTS, CALLS_PER_HOUR, HANDLE_TIME_MEAN, PATIENCE_MEAN, TARGET_SECONDS,
                             Tally, busy_within, run_and_report)


def caller(env, agents, rng, tally, warmup, horizon):
    arrival = env.now
    counted = arrival >= warmup
    if counted:
        tally.arrivals += 1
    handle_time = rng.expovariate(1.0 / HANDLE_TIME_MEAN)
    patience = rng.expovariate(1.0 / PATIENCE_MEAN)
    with agents.request() as request:
        result = yield request | env.timeout(patience)
        if request in result:
            if counted:
                wait = env.now - arrival
                tally.answered += 1
                tally.wait_of_answered += wait
                if wait <= TARGET_SECONDS:
                    tally.answered_within_target += 1
            tally.busy_seconds += busy_within(env.now, env.now + handle_time, warmup, horizon)
            yield env.timeout(handle_time)
        elif counted:
            tally.abandoned += 1


def source(env, agents, rng, tally, warmup, horizon, counter):
    while True:
        yield env.timeout(rng.expovariate(CALLS_PER_HOUR / 3600.0))
        counter[0] += 1
        env.process(caller(env, agents, rng, tally, warmup, horizon))


def replication(index, arguments):
    horizon = arguments.hours * 3600.0
    warmup = arguments.warmup_hours * 3600.0
    rng = random.Random(arguments.seed * 1_000_003 + index)
    tally = Tally(staffed_seconds=AGENTS * (horizon - warmup))
    counter = [0]
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    env.process(source(env, agents, rng, tally, warmup, horizon, counter))
    env.run(until=horizon)
    return tally, counter[0]


def main():
    run_and_report("SimPy", simpy.__version__, __doc__.splitlines()[0], replication)


if __name__ == "__main__":
    main()
