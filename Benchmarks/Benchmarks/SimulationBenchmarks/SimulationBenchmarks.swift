// End-to-end simulation benchmarks: the Erlang A benchmark (Poisson 1,200 calls/hour, exponential
// handle time mean 300 s, no wrap-up, 95 agents, exponential patience mean 60 s, one call type, 24/7;
// one replication on one thread) at 100,000 and 1,000,000 expected calls, the mid-size example of
// configs/ as configured (20 replications, one thread), and a larger multi-skill center built here.
//
// Besides wall time, throughput (replications per second) and malloc count (per replication), each
// reports `callsPerSecond`: calls simulated per second of wall time, measured inside the iteration.
//
//   swift package --package-path Benchmarks benchmark --target SimulationBenchmarks
import Benchmark
import BenchmarkSupport
import ContactCenter
import ContactCenterAnalysis
import SimulationKernel

/// The root of the repository, found from this file's path (Benchmarks/Benchmarks/<Name>/<Name>.swift).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}()

func erlangA(expectedCalls: Double) -> Scenario {
    erlangABenchmark(hours: expectedCalls / 1200)
}

/// configs/ has one multi-skill example (mid-size-hotline.json: 2 call types, 2 groups, 4 agents);
/// this is a larger one in the same spirit: 4 call types, 4 overlapping groups, 66 agents, every
/// distribution family of the format, about 60,000 calls per replication.
func multiSkill() -> Scenario {
    Scenario(
        name: "Multi-skill center",
        simulation: SimulationSettings(horizonSeconds: 100 * 3600, replications: 1, seed: 2026, warmupSeconds: 1800),
        callTypes: [
            CallType(
                name: "billing", arrivalsPerHour: 250, handleTime: .lognormal(mean: 240, cv: 0.7),
                wrapUp: .exponential(mean: 30), patience: .exponential(mean: 120)),
            CallType(
                name: "technical", arrivalsPerHour: 150, handleTime: .gamma(mean: 420, cv: 0.9),
                wrapUp: .uniform(min: 20, max: 60), patience: .weibull(mean: 240, shape: 0.8)),
            CallType(
                name: "sales", arrivalsPerHour: 120, handleTime: .erlang(mean: 300, k: 3),
                wrapUp: .deterministic(15), patience: .exponential(mean: 90)),
            CallType(
                name: "vip", arrivalsPerHour: 80, handleTime: .empirical([120, 180, 240, 300, 420, 600]),
                patience: .gamma(mean: 300, cv: 0.5)),
        ],
        agentGroups: [
            AgentGroup(name: "generalists", agents: 20, skills: ["billing", "technical", "sales", "vip"]),
            AgentGroup(name: "billing-desk", agents: 16, skills: ["billing", "vip"]),
            AgentGroup(name: "tech-desk", agents: 20, skills: ["technical", "billing"]),
            AgentGroup(name: "sales-desk", agents: 10, skills: ["sales"]),
        ])
}

let callsPerSecond = BenchmarkMetric.custom("callsPerSecond", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `simulation` (all its replications, one thread) and records the calls simulated per second.
@inline(never)
func simulate(_ simulation: Simulation, _ benchmark: Benchmark) throws {
    let clock = ContinuousClock()
    let start = clock.now
    let results = try simulation.run(threads: 1)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let calls = results.reduce(0) { $0 + $1.overall.arrivals }
    blackHole(results)
    benchmark.measurement(callsPerSecond, Int((Double(calls) / seconds).rounded()))
}

let benchmarks: @Sendable () -> Void = {
    // Wall time on a shared 2-core machine is noise; the tolerances only flag changes of a different
    // order. Allocations per replication depend only on the scenario, not on the machine.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p90: 50.0]),
        .throughput: .init(relative: [.p90: 50.0]),
        callsPerSecond: .init(relative: [.p90: 50.0]),
        .mallocCountTotal: .init(absolute: [.p90: 2]),
    ]

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, callsPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 50,
        thresholds: thresholds)

    let erlangA100k = Simulation(scenario: erlangA(expectedCalls: 100_000))
    Benchmark("ErlangA-100k-calls") { benchmark in
        try simulate(erlangA100k, benchmark)
    }

    let erlangA1M = Simulation(scenario: erlangA(expectedCalls: 1_000_000))
    Benchmark("ErlangA-1M-calls", configuration: .init(maxIterations: 6)) { benchmark in
        try simulate(erlangA1M, benchmark)
    }

    // The file is read once here; its load and validation are measured by ScenarioBenchmarks.
    if let midSize = try? ScenarioReader.read(contentsOf: repositoryRoot + "/configs/mid-size-hotline.json") {
        let simulation = Simulation(scenario: midSize)
        Benchmark("mid-size-hotline.json-20-replications") { benchmark in
            try simulate(simulation, benchmark)
        }
    } else {
        print("SimulationBenchmarks: cannot read \(repositoryRoot)/configs/mid-size-hotline.json")
    }

    var toolThresholds = thresholds
    toolThresholds[callsPerSecond] = nil

    // What-if tools at the size the performance issue names: 20 points, each the mid-size example's
    // 20 replications on one thread (about 60,000 calls a point); file reading included for the sweep.
    let midSizePath = repositoryRoot + "/configs/mid-size-hotline.json"
    if let sweepAgents = try? SweepParameter(parsing: "agentGroups[1].agents=1...20") {
        Benchmark("sweep-20-points-mid-size", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxIterations: 5, thresholds: toolThresholds)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try SweepReport.run(file: midSizePath, parameters: [sweepAgents], threads: 1))
            }
        }
    }
    if let base = try? ScenarioReader.read(contentsOf: midSizePath) {
        Benchmark("compare-20-variants-mid-size", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxIterations: 5, thresholds: toolThresholds)) { benchmark in
            for _ in benchmark.scaledIterations {
                let baseResults = try Simulation(scenario: base).run(threads: 1)
                let variants = try (1...20).map { extra in
                    var variant = base
                    variant.name = "plus \(extra)"
                    variant.agentGroups[1].agents += extra
                    return (scenario: variant, results: try Simulation(scenario: variant).run(threads: 1))
                }
                blackHole(Comparison(base: base, baseResults: baseResults, variants: variants))
            }
        }
    }

    let multiSkillSimulation = Simulation(scenario: multiSkill())
    Benchmark("MultiSkill-4types-4groups") { benchmark in
        try simulate(multiSkillSimulation, benchmark)
    }
}
