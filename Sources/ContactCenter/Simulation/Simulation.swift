import Dispatch
import Synchronization

/// Runs the replications of a validated scenario, in parallel, with results that depend only on the
/// scenario and the replication indices: never on the number of threads or on which thread finishes first.
public struct Simulation: Sendable {
    /// The scenario being simulated.
    public let scenario: Scenario
    let model: CompiledModel

    /// Prepares a scenario for simulation.
    /// - Precondition: the scenario is valid (it came from ``ScenarioReader`` or
    ///   ``Scenario/validationProblems()`` is empty).
    public init(scenario: Scenario) {
        let problems = scenario.validationProblems()
        precondition(problems.isEmpty, "Simulation needs a valid scenario: \(problems)")
        self.scenario = scenario
        self.model = CompiledModel(scenario)
    }

    /// Simulates replication `index` (zero-based) on its own random streams.
    public func runReplication(_ index: Int) -> ReplicationResult {
        var engine = ReplicationEngine(model: model, replication: index)
        return engine.run()
    }

    /// Simulates the given replications on up to `threads` threads.
    /// - Parameters:
    ///   - replications: the replication indices to run (all of the scenario's by default).
    ///   - threads: worker threads (≥ 1); more than the number of replications is harmless.
    /// - Returns: one result per replication, in index order.
    public func run(replications: Range<Int>? = nil, threads: Int) -> [ReplicationResult] {
        let indices = replications ?? 0..<scenario.simulation.replications
        let workers = Swift.max(1, Swift.min(threads, indices.count))
        if workers == 1 { return indices.map(runReplication) }
        let next = Mutex(indices.lowerBound)
        let results = Mutex([ReplicationResult?](repeating: nil, count: indices.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < indices.upperBound else { return }
                let result = runReplication(index)
                results.withLock { $0[index - indices.lowerBound] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
