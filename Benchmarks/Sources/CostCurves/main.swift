// Cost curves: how the cost per call grows with the work (the performance issue's item 5).
//
//   swift run -c release --package-path Benchmarks cost-curves [agents|types|horizon|threads]...
//
// - agents: 10 to 100,000 agents, one call type, exponential talk of 300 s, arrivals for 95 %
//   occupancy (Erlang C), about a million calls each: calls per second.
// - types: 1, 10 and 100 call types, 1,000 agents in one group per type that also takes the next type
//   after 20 s at priority 2, 90 % occupancy: calls per second.
// - horizon: the Erlang A benchmark at 1 million and 100 million calls in one process: calls per
//   second and peak resident memory after each (memory must not grow with the horizon).
// - threads: 8 replications of the Erlang A benchmark (about 500,000 calls each) on 1 and 2 threads:
//   the speed-up, and whether the results are identical.
import BenchmarkSupport
import ContactCenter
import Foundation

func peakResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let elapsed = try ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

let limits = SimulationLimits(maximumEvents: 1 << 40, maximumWaiting: 50_000_000)

func agentsCurve() throws {
    print("agents   calls_per_hour  calls     seconds  calls_per_second")
    for agents in [10, 100, 1_000, 10_000, 100_000] {
        let perHour = 0.95 * Double(agents) / 300 * 3600
        let hours = 1_000_000 / perHour
        let scenario = Scenario(
            name: "agents", simulation: SimulationSettings(horizonSeconds: hours * 3600, replications: 1, seed: 7),
            callTypes: [CallType(name: "calls", arrivalsPerHour: perHour, handleTime: .exponential(mean: 300))],
            agentGroups: [AgentGroup(name: "agents", agents: agents, skills: ["calls"])])
        var result: ReplicationResult?
        let time = try seconds { result = try Simulation(scenario: scenario).runReplication(0, limits: limits) }
        let calls = result!.overall.arrivals
        print(String(format: "%-7d  %14.0f  %-8d  %7.3f  %16.0f", agents, perHour, calls, time, Double(calls) / time))
    }
}

func typesCurve() throws {
    print("types  groups  agents  calls     seconds  calls_per_second")
    for types in [1, 10, 100] {
        let agentsPerGroup = 1_000 / types
        let perHour = 0.9 * Double(agentsPerGroup) / 300 * 3600
        let hours = 1_000_000 / (perHour * Double(types))
        var scenario = Scenario(
            name: "types", simulation: SimulationSettings(horizonSeconds: hours * 3600, replications: 1, seed: 7),
            callTypes: (0..<types).map { CallType(name: "type-\($0)", arrivalsPerHour: perHour, handleTime: .exponential(mean: 300), patience: .exponential(mean: 120)) },
            agentGroups: (0..<types).map { index in
                var group = AgentGroup(name: "group-\(index)", agents: agentsPerGroup, skills: ["type-\(index)"] + (types > 1 ? ["type-\((index + 1) % types)"] : []))
                if types > 1 {
                    group.skillPriorities = [1, 2]
                    group.skillDelays = [0, 20]
                }
                return group
            })
        scenario.routing = .priority
        var result: ReplicationResult?
        let time = try seconds { result = try Simulation(scenario: scenario).runReplication(0, limits: limits) }
        let calls = result!.overall.arrivals
        print(String(format: "%-5d  %-6d  %-6d  %-8d  %7.3f  %16.0f", types, types, agentsPerGroup * types, calls, time, Double(calls) / time))
    }
}

func horizonCurve() throws {
    print("calls        seconds  calls_per_second  peak_rss_kb")
    for calls in [1_000_000.0, 100_000_000] {
        let simulation = Simulation(scenario: erlangABenchmark(hours: calls / 1200))
        var result: ReplicationResult?
        let time = try seconds { result = try simulation.runReplication(0, limits: limits) }
        print(String(format: "%-11d  %7.3f  %16.0f  %11d", result!.overall.arrivals, time, Double(result!.overall.arrivals) / time, peakResidentKilobytes()))
    }
}

func threadsCurve() throws {
    var scenario = erlangABenchmark(hours: 500_000 / 1200)
    scenario.simulation.replications = 8
    let simulation = Simulation(scenario: scenario)
    var one: [ReplicationResult] = [], two: [ReplicationResult] = []
    let t1 = try seconds { one = try simulation.run(threads: 1, limits: limits) }
    let t2 = try seconds { two = try simulation.run(threads: 2, limits: limits) }
    let calls = one.reduce(0) { $0 + $1.overall.arrivals }
    print("threads  calls     seconds  calls_per_second")
    print(String(format: "1        %-8d  %7.3f  %16.0f", calls, t1, Double(calls) / t1))
    print(String(format: "2        %-8d  %7.3f  %16.0f", calls, t2, Double(calls) / t2))
    print(String(format: "speed-up with 2 threads: %.2fx; results identical: %@", t1 / t2, one == two ? "yes" : "NO"))
}

let chosen = CommandLine.arguments.dropFirst()
let all = ["agents", "types", "horizon", "threads"]
for name in chosen.isEmpty ? all[...] : chosen {
    print("== \(name)")
    switch name {
    case "agents": try agentsCurve()
    case "types": try typesCurve()
    case "horizon": try horizonCurve()
    case "threads": try threadsCurve()
    default:
        FileHandle.standardError.write(Data("cost-curves: unknown curve \(name); expected \(all.joined(separator: ", "))\n".utf8))
        exit(2)
    }
}
