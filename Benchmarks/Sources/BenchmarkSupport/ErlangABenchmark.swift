import ContactCenter

/// The reference model of every performance figure ("the Erlang A benchmark"): Poisson arrivals
/// 1,200 calls an hour, exponential handle time of mean 300 s, no wrap-up, 95 agents, exponential
/// patience of mean 60 s, one call type, 24/7, one replication, seed 2026.
/// - Parameter hours: simulated hours (1,200 expected calls an hour).
public func erlangABenchmark(hours: Double) -> Scenario {
    Scenario(
        name: "Erlang A benchmark",
        simulation: SimulationSettings(horizonSeconds: hours * 3600, replications: 1, seed: 2026),
        callTypes: [CallType(
            name: "calls", arrivalsPerHour: 1200, handleTime: .exponential(mean: 300),
            patience: .exponential(mean: 60))],
        agentGroups: [AgentGroup(name: "agents", agents: 95, skills: ["calls"])])
}
