import Dispatch
import Foundation
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

    /// The expected number of events of one replication: an arrival, an agent freeing and a patience
    /// running out per contact at most.
    public var expectedEventsPerReplication: Double {
        let hours = scenario.simulation.horizonSeconds / 3600
        return scenario.callTypes.reduce(0) { total, type in
            total + type.arrivalsPerHour * hours * (type.patience == nil ? 2 : 3)
        }
    }

    /// Simulates replication `index` (zero-based) on its own random streams.
    /// - Throws: ``SimulationError`` when the replication exceeds `limits`.
    public func runReplication(_ index: Int, limits: SimulationLimits = .standard) throws(SimulationError) -> ReplicationResult {
        var engine = ReplicationEngine(model: model, replication: index, limits: limits)
        return try engine.run()
    }

    /// Simulates the given replications on up to `threads` threads.
    /// - Parameters:
    ///   - replications: the replication indices to run (all of the scenario's by default).
    ///   - threads: worker threads (≥ 1); more than the number of replications is harmless.
    ///   - limits: bounds on each replication's work and memory.
    /// - Returns: one result per replication, in index order.
    /// - Throws: ``SimulationError`` at once when the expected work is over `limits`, or when a
    ///   replication exceeds them (the lowest such replication, whatever the thread count).
    public func run(
        replications: Range<Int>? = nil, threads: Int, limits: SimulationLimits = .standard
    ) throws(SimulationError) -> [ReplicationResult] {
        let expected = expectedEventsPerReplication
        if expected > Double(limits.maximumEvents) {
            throw .eventEstimate(expected, limit: limits.maximumEvents)
        }
        let indices = replications ?? 0..<scenario.simulation.replications
        let workers = Swift.max(1, Swift.min(threads, indices.count))
        let outcomes: [Result<ReplicationResult, SimulationError>]
        if workers == 1 {
            outcomes = indices.map { index in Result { () throws(SimulationError) in try runReplication(index, limits: limits) } }
        } else {
            let next = Mutex(indices.lowerBound)
            let results = Mutex([Result<ReplicationResult, SimulationError>?](repeating: nil, count: indices.count))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < indices.upperBound else { return }
                    let result = Result { () throws(SimulationError) in try runReplication(index, limits: limits) }
                    results.withLock { $0[index - indices.lowerBound] = result }
                }
            }
            outcomes = results.withLock { $0.map { $0! } }
        }
        return try outcomes.map { outcome throws(SimulationError) in try outcome.get() }
    }
}
