// The Erlang A benchmark: Poisson arrivals 1,200 calls/hour, exponential handle time mean 300 s,
// no wrap-up, 95 agents, exponential patience mean 60 s, FIFO, 24/7; one replication on one thread.
// Prints calls simulated per second for several horizons and the peak resident memory after each,
// which must not grow with the number of calls.
//
//   swift run -c release --package-path Benchmarks erlang-a-benchmark [HOURS...]
import BenchmarkSupport
import ContactCenter
import Foundation

func peakResidentKilobytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_maxrss)
}

let startRSS = peakResidentKilobytes()
let horizons = CommandLine.arguments.dropFirst().compactMap(Double.init)
let hoursToRun = horizons.isEmpty ? [100.0, 1_000, 10_000] : horizons
print("peak resident memory before simulating: \(startRSS) KB")
print("horizon_hours  calls        events       seconds  calls_per_second  events_per_second  peak_rss_kb")
for hours in hoursToRun {
    let simulation = Simulation(scenario: erlangABenchmark(hours: hours))
    let clock = ContinuousClock()
    var result: ReplicationResult?
    let elapsed = try clock.measure { result = try simulation.runReplication(0) }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let calls = result!.overall.arrivals
    let events = result!.events
    print(
        String(
            format: "%13.0f  %-11d  %-11d  %7.3f  %16.0f  %17.0f  %11d", hours, calls, events, seconds,
            Double(calls) / seconds, Double(events) / seconds, peakResidentKilobytes()))
}
