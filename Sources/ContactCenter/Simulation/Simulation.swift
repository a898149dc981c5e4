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
        // The levers act through the model's own mechanisms: the engine sees only their result.
        self.model = CompiledModel(scenario.applyingAutomation())
    }

    /// The expected number of events of one replication, from the compiled arrival rates over the
    /// calendar: per contact an arrival, an agent freeing and a patience running out at most, plus the
    /// shift and calendar events.
    public var expectedEventsPerReplication: Double {
        let calendar = model.calendar
        let horizon = scenario.simulation.horizonSeconds
        let workingShare = Double(calendar.workingDays.filter { $0 }.count) / 7
        let openSeconds = horizon / 86_400 * workingShare * (calendar.close - calendar.open)
        let closedSeconds = horizon - openSeconds
        var events = 0.0
        for type in scenario.callTypes.indices {
            let intervals = calendar.intervalCount
            let rates = model.openRates[(type * intervals)..<((type + 1) * intervals)]
            let meanOpenRate = rates.reduce(0, +) / Double(intervals)
            var contacts = meanOpenRate * openSeconds + model.closedRates[type] * closedSeconds
            if let times = model.traces[type] { contacts += Double(times.prefix { $0 <= horizon }.count) }
            events += contacts * (scenario.callTypes[type].patience == nil ? 2 : 3)
        }
        let shiftEvents = Double(model.groupShifts.reduce(0) { $0 + $1.count }) * 2 * horizon / 86_400
        return events + shiftEvents
    }

    /// Per call type and calendar interval: the mean arrival rate during opening hours, in contacts per
    /// hour, levers applied (an arrival trace counts 0: it has no rate).
    public var openArrivalsPerHour: [[Double]] {
        let intervals = model.calendar.intervalCount
        return scenario.callTypes.indices.map { type in
            (0..<intervals).map { model.openRates[type * intervals + $0] * 3600 }
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
    ///   - progress: called once after each replication (from the thread that ran it).
    /// - Returns: one result per replication, in index order.
    /// - Throws: ``SimulationError`` at once when the expected work is over `limits`, or when a
    ///   replication exceeds them (the lowest such replication, whatever the thread count).
    public func run(
        replications: Range<Int>? = nil, threads: Int, limits: SimulationLimits = .standard,
        progress: (@Sendable () -> Void)? = nil
    ) throws(SimulationError) -> [ReplicationResult] {
        try run(indices: Array(replications ?? 0..<scenario.simulation.replications), threads: threads, limits: limits, progress: progress)
    }

    /// Simulates the replications `indices` (increasing, as a shard's are) on up to `threads` threads.
    /// - Returns: one result per index, in the order of `indices`.
    /// - Throws: ``SimulationError`` as ``run(replications:threads:limits:progress:)``.
    public func run(
        indices: [Int], threads: Int, limits: SimulationLimits = .standard, progress: (@Sendable () -> Void)? = nil
    ) throws(SimulationError) -> [ReplicationResult] {
        let expected = expectedEventsPerReplication
        if expected > Double(limits.maximumEvents) {
            throw .eventEstimate(expected, limit: limits.maximumEvents)
        }
        let workers = Swift.max(1, Swift.min(threads, indices.count))
        let outcomes: [Result<ReplicationResult, SimulationError>]
        if workers == 1 {
            return try indices.map { index throws(SimulationError) in
                defer { progress?() }
                return try runReplication(index, limits: limits)
            }
        } else {
            // Indices are handed out in increasing order; after a failure no new one is, so every index
            // below the failed one has already started and the lowest failure is reported, whatever
            // the thread count.
            let next = Mutex((position: 0, failed: false))
            let results = Mutex([Result<ReplicationResult, SimulationError>?](repeating: nil, count: indices.count))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let position = next.withLock { state -> Int? in
                        guard !state.failed, state.position < indices.count else { return nil }
                        defer { state.position += 1 }
                        return state.position
                    }
                    guard let position else { return }
                    let result = Result { () throws(SimulationError) in try runReplication(indices[position], limits: limits) }
                    progress?()
                    if case .failure = result { next.withLock { $0.failed = true } }
                    results.withLock { $0[position] = result }
                }
            }
            outcomes = results.withLock { $0.compactMap { $0 } }
        }
        return try outcomes.map { outcome throws(SimulationError) in try outcome.get() }
    }
}
