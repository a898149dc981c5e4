// A fixed run of the Erlang A benchmark for the budget scripts (scripts/check-allocations.sh,
// scripts/check-instructions.sh): one replication on the calling thread, seed 2026, a horizon chosen
// so that the expected number of calls is the number asked for (1,200 calls/hour).
//
//   erlang-a-probe CALLS
//
// Prints one line of `key=value` fields: the calls and events simulated, the wall time, and, when
// scripts/malloc-count.c is preloaded (LD_PRELOAD), the allocations (malloc, calloc, realloc and the
// aligned allocators) made while building the simulation and while running it.
import BenchmarkSupport
import ContactCenter
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The preloaded counter's `ccsim_malloc_count()`, if the shim is loaded.
func mallocCounter() -> (@convention(c) () -> UInt64)? {
    #if canImport(Glibc)
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "ccsim_malloc_count") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> UInt64).self)
    #else
    return nil
    #endif
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let expectedCalls = Double(arguments.first!), expectedCalls > 0 else {
    FileHandle.standardError.write(Data("usage: erlang-a-probe CALLS\n".utf8))
    exit(2)
}

let scenario = erlangABenchmark(hours: expectedCalls / 1200)

let counter = mallocCounter()
let clock = ContinuousClock()
let start = clock.now
let beforeSetup = counter?() ?? 0
let simulation = Simulation(scenario: scenario)
let beforeRun = counter?() ?? 0
let result = try simulation.runReplication(0)
let afterRun = counter?() ?? 0
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

var fields = [
    "calls=\(result.overall.arrivals)", "events=\(result.events)", "answered=\(result.overall.answered)",
    "seconds=\(seconds)",
]
if counter != nil {
    fields += ["mallocs_setup=\(beforeRun - beforeSetup)", "mallocs_run=\(afterRun - beforeRun)"]
}
print(fields.joined(separator: " "))
