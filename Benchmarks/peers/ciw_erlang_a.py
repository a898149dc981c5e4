"""The Erlang A benchmark in Ciw, in Ciw's idiomatic style.

One node: Exponential arrivals and service, `number_of_servers=[95]`, reneging through
`reneging_time_distributions`; `simulate_until_max_time`, then the KPIs from the data records
(`get_all_records(include_incomplete=True)`), defined as ccsim defines them (cohort of calls
arriving after the warm-up; see erlang_a_common.Tally).

    python ciw_erlang_a.py --hours 100 --replications 10 --seed 2026 --warmup-hours 1

Prints one JSON line: calls simulated, wall seconds, calls/s, peak RSS and the KPI means with
95 % confidence intervals.
"""

import math

import ciw

from erlang_a_common import (AGENTS, CALLS_PER_HOUR, HANDLE_TIME_MEAN, PATIENCE_MEAN, TARGET_SECONDS,
                             Tally, busy_within, run_and_report)


def network():
    return ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=CALLS_PER_HOUR / 3600.0)],
        service_distributions=[ciw.dists.Exponential(rate=1.0 / HANDLE_TIME_MEAN)],
        number_of_servers=[AGENTS],
        reneging_time_distributions=[ciw.dists.Exponential(rate=1.0 / PATIENCE_MEAN)],
    )


def is_set(value):
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def replication(index, arguments):
    horizon = arguments.hours * 3600.0
    warmup = arguments.warmup_hours * 3600.0
    ciw.seed(arguments.seed * 1_000_003 + index)
    simulation = ciw.Simulation(network())
    simulation.simulate_until_max_time(horizon)
    records = simulation.get_all_records(include_incomplete=True)

    tally = Tally(staffed_seconds=AGENTS * (horizon - warmup))
    for record in records:
        answered_at = record.service_start_date  # None or NaN: reneged, or still waiting at the end
        if is_set(answered_at):
            # A "service" record, or an "incomplete" one still in service at the horizon.
            end = record.service_end_date if is_set(record.service_end_date) else horizon
            tally.busy_seconds += busy_within(answered_at, end, warmup, horizon)
        if record.arrival_date < warmup:
            continue
        tally.arrivals += 1
        if record.record_type == "renege":
            tally.abandoned += 1
        elif is_set(answered_at):
            wait = record.waiting_time
            tally.answered += 1
            tally.wait_of_answered += wait
            if wait <= TARGET_SECONDS:
                tally.answered_within_target += 1
    return tally, len(records)


def main():
    run_and_report("Ciw", ciw.__version__, __doc__.splitlines()[0], replication)


if __name__ == "__main__":
    main()
